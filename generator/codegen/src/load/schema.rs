//! Schemas, read the way `openapiv3` reads them (`SchemaKind`'s own deserializer): a `type`
//! with only the keywords that type allows is that type, `oneOf`/`allOf`/`anyOf`/`not` alone
//! are a composition, anything else is `Any` with every keyword kept.

use super::read::{
    At, Result, boolean, is_extension, kind, list, map, non_null, number, optional, reference_or,
    serde, size, string,
};
use openapiv3::{
    AdditionalProperties, AnySchema, ArrayType, BooleanType, IntegerType, NumberType, ObjectType,
    ReferenceOr, Schema, SchemaData, SchemaKind, StringType, Type,
};
use serde_json::{Number, Value};

pub(super) fn schema_or_ref(value: Value, at: &At) -> Result<ReferenceOr<Schema>> {
    reference_or(lowered(value, at), at, schema)
}

fn boxed(value: Value, at: &At) -> Result<ReferenceOr<Box<Schema>>> {
    reference_or(lowered(value, at), at, |value, at| {
        schema(value, at).map(Box::new)
    })
}

/// The schema in OpenAPI 3.0 terms: a 3.1 document's are lowered first (before a `$ref` is
/// taken, since 3.1 applies the keywords beside it).
fn lowered(value: Value, at: &At) -> Value {
    if at.context().v3_1 {
        super::lower::schema(value, at)
    } else {
        value
    }
}

fn schema(value: Value, at: &At) -> Result<Schema> {
    let Value::Object(entries) = value else {
        let found = kind(&value);
        return Err(at.error(format!(
            "not a valid schema: expected an object, found {found}"
        )));
    };
    let mut data = SchemaData::default();
    let mut keywords = Keywords::default();
    for (key, value) in entries {
        if is_extension(&key) {
            data.extensions.insert(key, value);
            continue;
        }
        let at = at.key(&key);
        let at = &at;
        match key.as_str() {
            "nullable" => data.nullable = boolean(value, at)?,
            "readOnly" => data.read_only = boolean(value, at)?,
            "writeOnly" => data.write_only = boolean(value, at)?,
            "deprecated" => data.deprecated = boolean(value, at)?,
            "externalDocs" => data.external_docs = optional(value, at, serde)?,
            "example" => data.example = non_null(value),
            "title" => data.title = optional(value, at, string)?,
            "description" => data.description = optional(value, at, string)?,
            "discriminator" => data.discriminator = optional(value, at, serde)?,
            "default" => data.default = non_null(value),
            _ => keywords.read(&key, value, at)?,
        }
    }
    Ok(Schema {
        schema_data: data,
        schema_kind: keywords.kind(),
    })
}

/// The keywords that decide a schema's kind.
#[derive(Default)]
struct Keywords {
    typ: Option<String>,
    pattern: Option<String>,
    multiple_of: Option<Number>,
    exclusive_minimum: Option<bool>,
    exclusive_maximum: Option<bool>,
    minimum: Option<Number>,
    maximum: Option<Number>,
    properties: Option<indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>>,
    required: Option<Vec<String>>,
    additional_properties: Option<AdditionalProperties>,
    min_properties: Option<usize>,
    max_properties: Option<usize>,
    items: Option<ReferenceOr<Box<Schema>>>,
    min_items: Option<usize>,
    max_items: Option<usize>,
    unique_items: Option<bool>,
    enumeration: Option<Vec<Value>>,
    format: Option<String>,
    min_length: Option<usize>,
    max_length: Option<usize>,
    one_of: Option<Vec<ReferenceOr<Schema>>>,
    all_of: Option<Vec<ReferenceOr<Schema>>>,
    any_of: Option<Vec<ReferenceOr<Schema>>>,
    not: Option<Box<ReferenceOr<Schema>>>,
}

impl Keywords {
    /// Reads one keyword; keys that are not schema keywords are ignored, as in `openapiv3`.
    fn read(&mut self, key: &str, value: Value, at: &At) -> Result<()> {
        let schemas = |value, at: &At| list(value, at, schema_or_ref);
        match key {
            "type" => self.typ = optional(value, at, string)?,
            "pattern" => self.pattern = optional(value, at, string)?,
            "multipleOf" => self.multiple_of = optional(value, at, number)?,
            "exclusiveMinimum" => self.exclusive_minimum = optional(value, at, boolean)?,
            "exclusiveMaximum" => self.exclusive_maximum = optional(value, at, boolean)?,
            "minimum" => self.minimum = optional(value, at, number)?,
            "maximum" => self.maximum = optional(value, at, number)?,
            "properties" => {
                self.properties = optional(value, at, |value, at| map(value, at, boxed))?;
            }
            "required" => {
                self.required = optional(value, at, |value, at| list(value, at, string))?;
            }
            "additionalProperties" => {
                self.additional_properties = optional(value, at, additional_properties)?;
            }
            "minProperties" => self.min_properties = optional(value, at, size)?,
            "maxProperties" => self.max_properties = optional(value, at, size)?,
            "items" => self.items = optional(value, at, boxed)?,
            "minItems" => self.min_items = optional(value, at, size)?,
            "maxItems" => self.max_items = optional(value, at, size)?,
            "uniqueItems" => self.unique_items = optional(value, at, boolean)?,
            "enum" => self.enumeration = optional(value, at, |value, at| list(value, at, any))?,
            "format" => self.format = optional(value, at, string)?,
            "minLength" => self.min_length = optional(value, at, size)?,
            "maxLength" => self.max_length = optional(value, at, size)?,
            "oneOf" => self.one_of = optional(value, at, schemas)?,
            "allOf" => self.all_of = optional(value, at, schemas)?,
            "anyOf" => self.any_of = optional(value, at, schemas)?,
            "not" => {
                self.not = optional(value, at, |value, at| {
                    schema_or_ref(value, at).map(Box::new)
                })?;
            }
            _ => {}
        }
        Ok(())
    }

    fn kind(self) -> SchemaKind {
        let string_only =
            self.pattern.is_some() || self.min_length.is_some() || self.max_length.is_some();
        let numeric = self.multiple_of.is_some()
            || self.exclusive_minimum.is_some()
            || self.exclusive_maximum.is_some()
            || self.minimum.is_some()
            || self.maximum.is_some();
        let object = self.properties.is_some()
            || self.required.is_some()
            || self.additional_properties.is_some()
            || self.min_properties.is_some()
            || self.max_properties.is_some();
        let array = self.items.is_some()
            || self.min_items.is_some()
            || self.max_items.is_some()
            || self.unique_items.is_some();
        let compositions = [
            self.one_of.is_some(),
            self.all_of.is_some(),
            self.any_of.is_some(),
            self.not.is_some(),
        ];
        let composed = compositions.contains(&true);
        let enumerated = self.enumeration.is_some();
        let formatted = self.format.is_some();
        let others = composed || object || array;
        let enum_of = |check: fn(&Value) -> bool| {
            self.enumeration
                .iter()
                .flatten()
                .all(|value| value.is_null() || check(value))
        };
        let integral = |n: &Option<Number>| n.as_ref().is_none_or(Number::is_i64);
        match self.typ.as_deref() {
            Some("string") if !numeric && !others && enum_of(Value::is_string) => {
                SchemaKind::Type(Type::String(StringType {
                    format: self.format.into(),
                    pattern: self.pattern,
                    enumeration: enumeration(self.enumeration, |v| v.as_str().map(String::from)),
                    min_length: self.min_length,
                    max_length: self.max_length,
                }))
            }
            Some("number") if !string_only && !others && enum_of(Value::is_number) => {
                SchemaKind::Type(Type::Number(NumberType {
                    format: self.format.into(),
                    multiple_of: self.multiple_of.as_ref().map(float),
                    exclusive_minimum: self.exclusive_minimum.unwrap_or_default(),
                    exclusive_maximum: self.exclusive_maximum.unwrap_or_default(),
                    minimum: self.minimum.as_ref().map(float),
                    maximum: self.maximum.as_ref().map(float),
                    enumeration: enumeration(self.enumeration, Value::as_f64),
                }))
            }
            Some("integer")
                if !string_only
                    && !others
                    && enum_of(Value::is_i64)
                    && integral(&self.multiple_of)
                    && integral(&self.minimum)
                    && integral(&self.maximum) =>
            {
                SchemaKind::Type(Type::Integer(IntegerType {
                    format: self.format.into(),
                    multiple_of: self.multiple_of.as_ref().and_then(Number::as_i64),
                    exclusive_minimum: self.exclusive_minimum.unwrap_or_default(),
                    exclusive_maximum: self.exclusive_maximum.unwrap_or_default(),
                    minimum: self.minimum.as_ref().and_then(Number::as_i64),
                    maximum: self.maximum.as_ref().and_then(Number::as_i64),
                    enumeration: enumeration(self.enumeration, Value::as_i64),
                }))
            }
            Some("boolean")
                if !string_only
                    && !numeric
                    && !others
                    && !formatted
                    && enum_of(Value::is_boolean) =>
            {
                SchemaKind::Type(Type::Boolean(BooleanType {
                    enumeration: enumeration(self.enumeration, Value::as_bool),
                }))
            }
            Some("object")
                if !string_only && !numeric && !array && !composed && !enumerated && !formatted =>
            {
                SchemaKind::Type(Type::Object(ObjectType {
                    properties: self.properties.unwrap_or_default(),
                    required: self.required.unwrap_or_default(),
                    additional_properties: self.additional_properties,
                    min_properties: self.min_properties,
                    max_properties: self.max_properties,
                }))
            }
            Some("array")
                if !string_only
                    && !numeric
                    && !object
                    && !composed
                    && !enumerated
                    && !formatted =>
            {
                SchemaKind::Type(Type::Array(ArrayType {
                    items: self.items,
                    min_items: self.min_items,
                    max_items: self.max_items,
                    unique_items: self.unique_items.unwrap_or_default(),
                }))
            }
            None if !string_only
                && !numeric
                && !object
                && !array
                && !enumerated
                && !formatted
                && compositions.iter().filter(|present| **present).count() == 1 =>
            {
                if let Some(one_of) = self.one_of {
                    SchemaKind::OneOf { one_of }
                } else if let Some(all_of) = self.all_of {
                    SchemaKind::AllOf { all_of }
                } else if let Some(any_of) = self.any_of {
                    SchemaKind::AnyOf { any_of }
                } else {
                    SchemaKind::Not {
                        not: self
                            .not
                            .unwrap_or_else(|| Box::new(ReferenceOr::Item(any_schema()))),
                    }
                }
            }
            _ => SchemaKind::Any(AnySchema {
                typ: self.typ,
                pattern: self.pattern,
                multiple_of: self.multiple_of.as_ref().map(float),
                exclusive_minimum: self.exclusive_minimum,
                exclusive_maximum: self.exclusive_maximum,
                minimum: self.minimum.as_ref().map(float),
                maximum: self.maximum.as_ref().map(float),
                properties: self.properties.unwrap_or_default(),
                required: self.required.unwrap_or_default(),
                additional_properties: self.additional_properties,
                min_properties: self.min_properties,
                max_properties: self.max_properties,
                items: self.items,
                min_items: self.min_items,
                max_items: self.max_items,
                unique_items: self.unique_items,
                enumeration: self.enumeration.unwrap_or_default(),
                format: self.format,
                min_length: self.min_length,
                max_length: self.max_length,
                one_of: self.one_of.unwrap_or_default(),
                all_of: self.all_of.unwrap_or_default(),
                any_of: self.any_of.unwrap_or_default(),
                not: self.not,
            }),
        }
    }
}

/// `{}`: any value.
fn any_schema() -> Schema {
    Schema {
        schema_data: SchemaData::default(),
        schema_kind: SchemaKind::Any(AnySchema::default()),
    }
}

fn additional_properties(value: Value, at: &At) -> Result<AdditionalProperties> {
    match value {
        Value::Bool(allowed) => Ok(AdditionalProperties::Any(allowed)),
        value => {
            schema_or_ref(value, at).map(|schema| AdditionalProperties::Schema(Box::new(schema)))
        }
    }
}

fn any(value: Value, _: &At) -> Result<Value> {
    Ok(value)
}

/// Enum values of one JSON type (checked by the caller), `null` as `None`.
fn enumeration<T>(
    values: Option<Vec<Value>>,
    read: impl Fn(&Value) -> Option<T>,
) -> Vec<Option<T>> {
    values
        .into_iter()
        .flatten()
        .map(|value| read(&value))
        .collect()
}

fn float(number: &Number) -> f64 {
    number.as_f64().unwrap_or(f64::NAN)
}
