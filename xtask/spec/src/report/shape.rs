//! The shape of a schema node: what decides the Rust type it generates, not counting
//! nullability and presence. Two nodes with different shapes generate different Rust types.

use std::fmt;

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// `$ref` to a component schema, by name (or the whole reference when it is not one).
    Reference(String),
    /// A string without listed values; the format when it changes the Rust type.
    String(Option<String>),
    StringEnum,
    /// An integer, by the Rust integer type its format maps to.
    Integer(&'static str),
    IntegerEnum,
    /// A number, by the Rust float type its format maps to.
    Number(&'static str),
    Boolean,
    Array,
    /// An object with listed properties: a struct.
    Object,
    /// An object with no listed properties and a schema for their values: a map.
    Map,
    /// An object with no listed properties: a JSON object.
    FreeFormObject,
    /// `oneOf` / `anyOf` / `allOf`, by the shapes of their members.
    Composite(&'static str, Vec<Shape>),
    /// No type: any JSON value.
    Any,
    /// A type OpenAPI 3.0 does not have, kept as written.
    Unknown(String),
}

const SCHEMA_REF_PREFIX: &str = "#/components/schemas/";

/// The composition keywords, in the order they are looked for.
pub const COMPOSITIONS: [&str; 3] = ["oneOf", "anyOf", "allOf"];

impl Shape {
    pub fn of(schema: &Value) -> Shape {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference
                .strip_prefix(SCHEMA_REF_PREFIX)
                .unwrap_or(reference);
            return Shape::Reference(name.to_owned());
        }
        for keyword in COMPOSITIONS {
            if let Some(members) = schema.get(keyword).and_then(Value::as_array) {
                return Shape::Composite(keyword, members.iter().map(Shape::of).collect());
            }
        }
        let format = schema.get("format").and_then(Value::as_str);
        match schema.get("type") {
            None => Shape::Any,
            Some(Value::String(kind)) => match kind.as_str() {
                "string" if has_listed_values(schema) => Shape::StringEnum,
                "string" => Shape::String(
                    format
                        .filter(|_| rust_type(kind, format) != "String")
                        .map(str::to_owned),
                ),
                "integer" if has_listed_values(schema) => Shape::IntegerEnum,
                "integer" => Shape::Integer(rust_type(kind, format)),
                "number" => Shape::Number(rust_type(kind, format)),
                "boolean" => Shape::Boolean,
                "array" => Shape::Array,
                "object" => object_shape(schema),
                other => Shape::Unknown(other.to_owned()),
            },
            Some(other) => Shape::Unknown(other.to_string()),
        }
    }
}

/// Enum values other than `null` (which only makes the node nullable).
fn has_listed_values(schema: &Value) -> bool {
    schema
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(|values| values.iter().any(|value| !value.is_null()))
}

fn object_shape(schema: &Value) -> Shape {
    let has_properties = schema
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|properties| !properties.is_empty());
    if has_properties {
        Shape::Object
    } else if schema
        .get("additionalProperties")
        .is_some_and(Value::is_object)
    {
        Shape::Map
    } else {
        Shape::FreeFormObject
    }
}

/// The Rust type the generator gives a `string`, `integer` or `number` node: its own rule, so
/// the report never disagrees with the generated code.
fn rust_type(kind: &str, format: Option<&str>) -> &'static str {
    instantly_codegen::scalar_type_name(kind, format).unwrap_or_default()
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shape::Reference(name) => write!(f, "`{name}`"),
            Shape::String(None) => f.write_str("`string`"),
            Shape::String(Some(format)) => write!(f, "`string` ({format})"),
            Shape::StringEnum => f.write_str("`string` enum"),
            Shape::Integer("i64") => f.write_str("`integer`"),
            Shape::Integer(rust) => write!(f, "`integer` ({rust})"),
            Shape::IntegerEnum => f.write_str("`integer` enum"),
            Shape::Number("f64") => f.write_str("`number`"),
            Shape::Number(rust) => write!(f, "`number` ({rust})"),
            Shape::Boolean => f.write_str("`boolean`"),
            Shape::Array => f.write_str("`array`"),
            Shape::Object => f.write_str("`object`"),
            Shape::Map => f.write_str("`object` (map)"),
            Shape::FreeFormObject => f.write_str("free-form `object`"),
            Shape::Composite(keyword, members) => {
                let members: Vec<String> = members.iter().map(ToString::to_string).collect();
                write!(f, "`{keyword}` of {}", members.join(", "))
            }
            Shape::Any => f.write_str("any JSON"),
            Shape::Unknown(kind) => write!(f, "`{kind}`"),
        }
    }
}
