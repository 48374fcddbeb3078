//! Breaking or compatible: the rules, in one place.
//!
//! A change is breaking when code written against the old client may stop compiling against the
//! new one, or when requests it sends may stop being accepted. The generated client decides what
//! compiles:
//!
//! - a field's Rust type follows its schema type *and* its presence: required → `T`, required
//!   and nullable → `Option<T>`, optional → `Option<T>`, optional and nullable → `Nullable<T>`.
//!   So a type, nullability or required change retypes the field, in either direction;
//! - required parameters and bodies are method arguments, optional ones builder setters;
//! - the operationId names the client method;
//! - every enum is open (an `Unknown` catch-all keeps values the client does not know), so a
//!   new value is compatible; a removed one removes its variant. Integer variants are named from
//!   the value's description, so a reworded description can rename one;
//! - request types never hold read-only fields;
//! - user code names generated types, so a type whose name is gone breaks it (a schema
//!   hoisted into a component of the same shape breaks nothing else).
//!
//! A new required field is breaking only in a request: old code does not send it. In a
//! response it is one more field to read.

use super::model::{Impact, Kind};

/// Classifies `kind`; `in_request` says whether its place is reachable from a request body or
/// a parameter.
pub fn classify(kind: &Kind, in_request: bool) -> Impact {
    let breaking = match kind {
        Kind::OperationRemoved { .. }
        | Kind::OperationRenamed { .. }
        | Kind::ParameterRemoved
        | Kind::ParameterRequiredChanged { .. }
        | Kind::RequestBodyRemoved
        | Kind::RequestBodyRequiredChanged { .. }
        | Kind::MediaTypesChanged { .. }
        | Kind::PaginationRemoved
        | Kind::SchemaRemoved
        | Kind::TypeRenamed { .. }
        | Kind::PropertyRemoved
        | Kind::TypeChanged { .. }
        | Kind::NullableChanged { .. }
        | Kind::RequiredChanged { .. }
        | Kind::EnumValueRemoved { .. }
        | Kind::EnumVariantRenamed { .. } => true,
        Kind::ParameterAdded { required } | Kind::RequestBodyAdded { required } => *required,
        // The success response is the client method's return type.
        Kind::ResponseRemoved { success } => *success,
        Kind::PropertyAdded {
            required,
            read_only,
        } => in_request && *required && !*read_only,
        // Read-only: the field leaves the request type. Writable again: it joins it, which
        // only breaks when it must be sent.
        Kind::ReadOnlyChanged {
            read_only,
            required,
        } => in_request && (*read_only || *required),
        Kind::OperationAdded { .. }
        | Kind::ResponseAdded
        | Kind::PaginationAdded
        | Kind::PaginationChanged
        | Kind::ServersChanged
        | Kind::SchemaAdded
        | Kind::SchemaHoisted { .. }
        | Kind::FormatChanged { .. }
        | Kind::ConstraintChanged { .. }
        | Kind::EnumValueAdded { .. }
        | Kind::EnumTruncationChanged { .. } => false,
    };
    if breaking {
        Impact::Breaking
    } else {
        Impact::Compatible
    }
}
