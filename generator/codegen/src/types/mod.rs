//! Models: the plan of Rust types for a document's schemas, and their emission.
//!
//! `plan` maps schemas to the intermediate form below (one [`TypeDef`] per named or inline
//! schema), `analysis` derives request variants, boxing and `Default`, `emit` writes the Rust.

pub(crate) mod analysis;
pub(crate) mod dedup;
pub(crate) mod emit;
mod enums;

pub(crate) use enums::name_from_description as integer_variant_name;
pub(crate) mod plan;
pub(crate) mod scalar;

use crate::pointer::Pointer;
use std::ops::{Index, IndexMut};

/// Index of a [`TypeDef`] in its [`TypeSpace`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TypeId(pub(crate) usize);

/// A Rust type expression, before it becomes tokens.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TypeExpr {
    String,
    Bool,
    /// A primitive integer type, by name (`i64`, `u32`, …).
    Int(&'static str),
    /// `f64` or `f32`.
    Float(&'static str),
    Uuid,
    DateTime,
    Date,
    /// Any JSON value (`serde_json::Value`).
    Json,
    /// Any JSON object (`serde_json::Map<String, Value>`).
    JsonObject,
    /// A file part of a `multipart/form-data` body (the runtime's `FilePart`): a binary
    /// string in a schema sent as a form.
    File,
    Named(TypeId),
    List(Box<TypeExpr>),
    /// An object with arbitrary keys and values of one type (`BTreeMap<String, T>`).
    Map(Box<TypeExpr>),
    /// A nullable element inside a list, map or union (`Option<T>`).
    Optional(Box<TypeExpr>),
}

impl TypeExpr {
    /// Named types this expression holds inline (not behind a list or map, which already
    /// allocate): the edges along which a recursive type needs a `Box`.
    pub(crate) fn direct_names(&self, out: &mut Vec<TypeId>) {
        match self {
            Self::Named(id) => out.push(*id),
            Self::Optional(inner) => inner.direct_names(out),
            _ => {}
        }
    }

    /// How many lists, maps and options are nested in this expression.
    pub(crate) fn nesting(&self) -> usize {
        match self {
            Self::List(inner) | Self::Map(inner) | Self::Optional(inner) => 1 + inner.nesting(),
            _ => 0,
        }
    }

    /// A scalar's Rust type as generated code names it, without the runtime's path (`i32`,
    /// `DateTime<Utc>`); `None` for the other expressions.
    pub(crate) fn scalar_name(&self) -> Option<&'static str> {
        match self {
            Self::String => Some("String"),
            Self::Bool => Some("bool"),
            Self::Int(name) | Self::Float(name) => Some(name),
            Self::Uuid => Some("Uuid"),
            Self::DateTime => Some("DateTime<Utc>"),
            Self::Date => Some("Date"),
            _ => None,
        }
    }

    /// Every named type this expression mentions.
    pub(crate) fn all_names(&self, out: &mut Vec<TypeId>) {
        match self {
            Self::Named(id) => out.push(*id),
            Self::Optional(inner) | Self::List(inner) | Self::Map(inner) => inner.all_names(out),
            _ => {}
        }
    }

    /// Calls `f` on every named type this expression mentions, which may change it.
    pub(crate) fn names_mut(&mut self, f: &mut impl FnMut(&mut TypeId)) {
        match self {
            Self::Named(id) => f(id),
            Self::Optional(inner) | Self::List(inner) | Self::Map(inner) => inner.names_mut(f),
            _ => {}
        }
    }
}

/// A property of an object schema.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Field {
    pub(crate) json_name: String,
    pub(crate) rust_name: String,
    pub(crate) ty: TypeExpr,
    pub(crate) required: bool,
    pub(crate) nullable: bool,
    pub(crate) read_only: bool,
    pub(crate) docs: Vec<String>,
    /// Set by analysis when the field closes a cycle of inline types.
    pub(crate) boxed: bool,
}

/// A documented value of an enum.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Variant<V> {
    pub(crate) value: V,
    pub(crate) name: String,
    pub(crate) doc: Option<String>,
}

/// One member of a union.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnionVariant {
    pub(crate) name: String,
    pub(crate) ty: TypeExpr,
    pub(crate) boxed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TypeKind {
    /// An object; `extra` is the value type of properties the schema does not list (kept, never
    /// rejected, so unknown fields survive a round trip).
    Struct {
        fields: Vec<Field>,
        extra: TypeExpr,
    },
    /// An open string enum: unknown values land in `Unknown(String)`.
    StringEnum {
        variants: Vec<Variant<String>>,
        truncated: Option<u64>,
    },
    /// An open integer enum: unknown values land in `Unknown(i64)`.
    IntegerEnum {
        variants: Vec<Variant<i64>>,
        truncated: Option<u64>,
    },
    /// `oneOf`/`anyOf`: an untagged enum, variants in the order that deserializes correctly.
    Union {
        variants: Vec<UnionVariant>,
    },
    Alias(TypeExpr),
    /// A tuple struct around a type: for an alias that names itself through a list or map
    /// (`E = Vec<E>`), which Rust does not allow as a type alias.
    Newtype(TypeExpr),
}

impl TypeKind {
    /// Calls `f` on every type expression the definition holds (fields, the extra properties'
    /// value, union members, an alias's or newtype's target).
    pub(crate) fn exprs_mut(&mut self, f: &mut impl FnMut(&mut TypeExpr)) {
        match self {
            Self::Struct { fields, extra } => {
                fields.iter_mut().for_each(|field| f(&mut field.ty));
                f(extra);
            }
            Self::Union { variants } => variants.iter_mut().for_each(|variant| f(&mut variant.ty)),
            Self::Alias(target) | Self::Newtype(target) => f(target),
            Self::StringEnum { .. } | Self::IntegerEnum { .. } => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TypeDef {
    pub(crate) name: String,
    pub(crate) docs: Vec<String>,
    pub(crate) pointer: Pointer,
    pub(crate) kind: TypeKind,
    /// Output order: types of one component (or operation) stay together…
    pub(crate) group: usize,
    /// …parents before the inline types they contain, siblings in document order.
    pub(crate) order: usize,
    /// Whether the type derives `Default`: set by [`analysis::mark_defaultable`] once every
    /// type is planned.
    pub(crate) default: bool,
}

/// Every planned type, indexed by [`TypeId`].
#[derive(Debug, Default, Clone)]
pub(crate) struct TypeSpace {
    pub(crate) defs: Vec<TypeDef>,
    orders_handed_out: usize,
}

impl TypeSpace {
    pub(crate) fn add(&mut self, def: TypeDef) -> TypeId {
        self.defs.push(def);
        TypeId(self.defs.len() - 1)
    }

    /// A position in the output, taken when a schema starts being planned (pre-order).
    pub(crate) fn next_order(&mut self) -> usize {
        self.orders_handed_out += 1;
        self.orders_handed_out
    }

    /// The definition behind aliases.
    pub(crate) fn resolve(&self, expr: &TypeExpr) -> Option<&TypeDef> {
        let mut current = expr;
        for _ in 0..self.defs.len() + 1 {
            let TypeExpr::Named(id) = current else {
                return None;
            };
            let def = &self[*id];
            match &def.kind {
                TypeKind::Alias(target) => current = target,
                _ => return Some(def),
            }
        }
        None
    }

    /// The expression behind aliases (itself when it is not a named alias).
    pub(crate) fn unalias<'e>(&'e self, expr: &'e TypeExpr) -> &'e TypeExpr {
        let mut current = expr;
        for _ in 0..=self.defs.len() {
            match current {
                TypeExpr::Named(id) => match &self[*id].kind {
                    TypeKind::Alias(target) => current = target,
                    _ => return current,
                },
                _ => return current,
            }
        }
        current
    }

    /// Whether values of `expr` have one text form (`Display`, a single query value): scalars,
    /// enums, and unions of those. Date-times are excluded: their `Display` is not RFC 3339.
    pub(crate) fn is_scalar(&self, expr: &TypeExpr) -> bool {
        self.is_scalar_within(expr, 0)
    }

    fn is_scalar_within(&self, expr: &TypeExpr, depth: usize) -> bool {
        if depth > self.defs.len() {
            return false;
        }
        match expr {
            TypeExpr::String
            | TypeExpr::Bool
            | TypeExpr::Int(_)
            | TypeExpr::Float(_)
            | TypeExpr::Uuid
            | TypeExpr::Date => true,
            TypeExpr::Named(id) => match &self[*id].kind {
                TypeKind::StringEnum { .. } | TypeKind::IntegerEnum { .. } => true,
                TypeKind::Alias(target) => self.is_scalar_within(target, depth + 1),
                TypeKind::Union { variants } => variants
                    .iter()
                    .all(|variant| !variant.boxed && self.is_scalar_within(&variant.ty, depth + 1)),
                _ => false,
            },
            _ => false,
        }
    }

    /// Ids in output order.
    pub(crate) fn ordered(&self) -> Vec<TypeId> {
        let mut ids: Vec<TypeId> = (0..self.defs.len()).map(TypeId).collect();
        ids.sort_by_key(|id| (self[*id].group, self[*id].order));
        ids
    }
}

/// Ids are handed out by [`TypeSpace::add`] and never removed: indexing by one is an
/// invariant, not a lookup that may fail.
impl Index<TypeId> for TypeSpace {
    type Output = TypeDef;

    fn index(&self, id: TypeId) -> &TypeDef {
        &self.defs[id.0]
    }
}

impl IndexMut<TypeId> for TypeSpace {
    fn index_mut(&mut self, id: TypeId) -> &mut TypeDef {
        &mut self.defs[id.0]
    }
}
