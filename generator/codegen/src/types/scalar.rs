//! The one table from an OpenAPI scalar type and format to a Rust type, which
//! [`crate::scalar_type_name`] also exposes (the change report tells a retyped field by it).

use super::TypeExpr;
use openapiv3::{IntegerFormat, NumberFormat, StringFormat, VariantOrUnknownOrEmpty};

/// The type of a `string`, `integer`, `number` or `boolean` schema without listed values, by
/// its format (as written in the document); `None` for the other types. The one mapping from
/// type and format to a Rust type, which [`crate::scalar_type_name`] exposes.
pub(crate) fn scalar_type(kind: &str, format: Option<&str>) -> Option<TypeExpr> {
    match kind {
        "string" => Some(string_type(format)),
        "integer" => Some(integer_type(format)),
        "number" => Some(number_type(format)),
        "boolean" => Some(TypeExpr::Bool),
        _ => None,
    }
}

pub(crate) fn string_type(format: Option<&str>) -> TypeExpr {
    match format {
        Some("uuid") => TypeExpr::Uuid,
        Some("date-time") => TypeExpr::DateTime,
        Some("date") => TypeExpr::Date,
        // email, uri, hostname, byte (base64 text), password and the rest stay strings.
        _ => TypeExpr::String,
    }
}

pub(crate) fn integer_type(format: Option<&str>) -> TypeExpr {
    TypeExpr::Int(match format {
        Some("int8") => "i8",
        Some("int16") => "i16",
        Some("int32") => "i32",
        Some("uint8") => "u8",
        Some("uint16") => "u16",
        Some("uint32") => "u32",
        Some("uint64") => "u64",
        _ => "i64",
    })
}

pub(crate) fn number_type(format: Option<&str>) -> TypeExpr {
    TypeExpr::Float(match format {
        Some("float") => "f32",
        _ => "f64",
    })
}

/// A format openapiv3 has parsed, back as the document writes it.
pub(crate) fn written<T>(
    format: &VariantOrUnknownOrEmpty<T>,
    name: impl Fn(&T) -> &'static str,
) -> Option<&str> {
    match format {
        VariantOrUnknownOrEmpty::Item(item) => Some(name(item)),
        VariantOrUnknownOrEmpty::Unknown(format) => Some(format),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

pub(crate) fn string_format(format: &StringFormat) -> &'static str {
    match format {
        StringFormat::Date => "date",
        StringFormat::DateTime => "date-time",
        StringFormat::Password => "password",
        StringFormat::Byte => "byte",
        StringFormat::Binary => "binary",
    }
}

pub(crate) fn integer_format(format: &IntegerFormat) -> &'static str {
    match format {
        IntegerFormat::Int32 => "int32",
        IntegerFormat::Int64 => "int64",
    }
}

pub(crate) fn number_format(format: &NumberFormat) -> &'static str {
    match format {
        NumberFormat::Float => "float",
        NumberFormat::Double => "double",
    }
}
