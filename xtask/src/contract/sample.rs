//! Arguments for one call of each operation, built from the client's own document: examples
//! where the document gives them, otherwise values made from the schema (required properties
//! only, the first enum value, the format's canonical form, the minimum of a range).

use serde_json::{Map, Value, json};

/// How deep schemas are followed before a value is cut short (recursive schemas).
const MAX_DEPTH: usize = 12;

/// The JSON arguments of one call (the shape of `instantly_runtime::dispatch::Arguments`).
pub fn arguments(document: &Value, operation: &Value, path_item: &Value) -> Value {
    let sampler = Sampler { document };
    let mut by_location: Map<String, Value> = Map::new();
    for location in ["path", "query", "header"] {
        by_location.insert(location.to_owned(), Value::Object(Map::new()));
    }
    let parameters = path_item
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(
            operation
                .get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        );
    for parameter in parameters {
        let parameter = sampler.resolve(parameter, 0);
        let (Some(name), Some(location)) = (
            parameter.get("name").and_then(Value::as_str),
            parameter.get("in").and_then(Value::as_str),
        ) else {
            continue;
        };
        if let Some(Value::Object(slot)) = by_location.get_mut(location) {
            slot.insert(name.to_owned(), sampler.parameter(parameter));
        }
    }
    if let Some(body) = operation.get("requestBody") {
        let body = sampler.resolve(body, 0);
        if let Some(value) = sampler.body(body) {
            by_location.insert("body".to_owned(), value);
        }
    }
    Value::Object(by_location)
}

struct Sampler<'a> {
    document: &'a Value,
}

impl<'a> Sampler<'a> {
    /// Follows `$ref`s within the document; an unresolvable one stays as it is.
    fn resolve(&self, node: &'a Value, depth: usize) -> &'a Value {
        let mut node = node;
        for _ in depth..MAX_DEPTH {
            let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
                return node;
            };
            let Some(target) = reference
                .strip_prefix('#')
                .and_then(|pointer| self.document.pointer(pointer))
            else {
                return node;
            };
            node = target;
        }
        node
    }

    fn parameter(&self, parameter: &Value) -> Value {
        if let Some(example) = first_example(parameter) {
            return example;
        }
        match parameter.get("schema") {
            Some(schema) => self.value(schema, 0),
            None => json!("example"),
        }
    }

    /// The JSON body's example, or one made from its schema; `None` for non-JSON bodies.
    fn body(&self, body: &Value) -> Option<Value> {
        let media = body
            .get("content")?
            .as_object()?
            .iter()
            .find_map(|(kind, media)| {
                let json = kind == "application/json" || kind.ends_with("+json");
                json.then_some(media)
            })?;
        if let Some(example) = first_example(media) {
            return Some(example);
        }
        Some(match media.get("schema") {
            Some(schema) => self.value(schema, 0),
            None => json!({}),
        })
    }

    /// A value the schema accepts.
    fn value(&self, schema: &Value, depth: usize) -> Value {
        if depth >= MAX_DEPTH {
            return Value::Null;
        }
        let schema = self.resolve(schema, depth);
        if let Some(example) = first_example(schema) {
            return example;
        }
        if let Some(value) = schema.get("const") {
            return value.clone();
        }
        if let Some(value) = schema
            .get("enum")
            .and_then(Value::as_array)
            .and_then(|values| values.iter().find(|value| !value.is_null()))
        {
            return value.clone();
        }
        for combinator in ["oneOf", "anyOf"] {
            if let Some(first) = schema
                .get(combinator)
                .and_then(Value::as_array)
                .and_then(|members| members.first())
                .filter(|first| !is_constraint(first))
            {
                return self.value(first, depth + 1);
            }
        }
        if let Some(members) = schema.get("allOf").and_then(Value::as_array) {
            return self.all_of(members, depth);
        }
        match schema_type(schema) {
            Some("object") => self.object(schema, depth),
            Some("array") => self.array(schema, depth),
            Some("integer") => json!(integer(schema)),
            Some("number") => json!(integer(schema)),
            Some("boolean") => json!(true),
            Some("null") => Value::Null,
            Some(_) => json!(string(schema)),
            None if schema.get("properties").is_some() => self.object(schema, depth),
            None => json!({}),
        }
    }

    /// Only the required properties, the least a server must accept: those of `required`, of
    /// the first member of a constraint-only `anyOf`/`oneOf` (`anyOf: [{required: [a]}, …]`),
    /// then optional ones in document order until `minProperties` is met.
    fn object(&self, schema: &Value, depth: usize) -> Value {
        let mut object = Map::new();
        let properties = schema.get("properties").and_then(Value::as_object);
        let first_constraint = ["anyOf", "oneOf"].into_iter().find_map(|combinator| {
            schema
                .get(combinator)
                .and_then(Value::as_array)
                .and_then(|members| members.first())
                .filter(|first| is_constraint(first))
        });
        let required = [Some(schema), first_constraint]
            .into_iter()
            .flatten()
            .filter_map(|node| node.get("required").and_then(Value::as_array))
            .flatten()
            .filter_map(Value::as_str);
        let min_properties = schema
            .get("minProperties")
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0);
        let value_of = |name: &str| {
            properties
                .and_then(|properties| properties.get(name))
                .map_or_else(
                    || json!("example"),
                    |property| self.value(property, depth + 1),
                )
        };
        for name in required {
            object.insert(name.to_owned(), value_of(name));
        }
        for name in properties.into_iter().flat_map(Map::keys) {
            if object.len() >= min_properties {
                break;
            }
            if !object.contains_key(name) {
                object.insert(name.clone(), value_of(name));
            }
        }
        Value::Object(object)
    }

    fn array(&self, schema: &Value, depth: usize) -> Value {
        let count = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0);
        let item = match schema.get("items") {
            Some(items) => self.value(items, depth + 1),
            None => json!("example"),
        };
        Value::Array((0..count).map(|_| item.clone()).collect())
    }

    fn all_of(&self, members: &[Value], depth: usize) -> Value {
        let mut merged = Map::new();
        for member in members {
            match self.value(member, depth + 1) {
                Value::Object(object) => merged.extend(object),
                other if merged.is_empty() => return other,
                _ => {}
            }
        }
        Value::Object(merged)
    }
}

/// A combinator member that only constrains (`{required: [a]}`) rather than describing a shape.
fn is_constraint(member: &Value) -> bool {
    member
        .as_object()
        .is_some_and(|map| !map.is_empty() && map.keys().all(|key| key == "required"))
}

/// `example`, or the first of `examples` (a map of Example objects in 3.0 media and
/// parameters, a list of values in 3.1 schemas).
fn first_example(node: &Value) -> Option<Value> {
    if let Some(example) = node.get("example") {
        return Some(example.clone());
    }
    match node.get("examples")? {
        Value::Array(values) => values.first().cloned(),
        Value::Object(named) => named
            .values()
            .find_map(|example| example.get("value").cloned()),
        _ => None,
    }
}

/// `type`, which 3.1 may give as a list (`[string, "null"]`): the first that is not `null`.
fn schema_type(schema: &Value) -> Option<&str> {
    match schema.get("type")? {
        Value::String(kind) => Some(kind),
        Value::Array(kinds) => kinds
            .iter()
            .filter_map(Value::as_str)
            .find(|kind| *kind != "null")
            .or(Some("null")),
        _ => None,
    }
}

fn integer(schema: &Value) -> i64 {
    let minimum = schema.get("minimum").and_then(Value::as_f64);
    let maximum = schema.get("maximum").and_then(Value::as_f64);
    // The smallest allowed value at or above 1, so counts and limits stay meaningful.
    let mut value = minimum.map_or(1.0, |minimum| minimum.ceil().max(1.0));
    if let Some(maximum) = maximum {
        value = value.min(maximum.floor());
    }
    value as i64
}

fn string(schema: &Value) -> String {
    let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
    let text = match format {
        "uuid" => "0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10",
        "date-time" => "2026-01-15T09:30:00Z",
        "date" => "2026-01-15",
        "time" => "09:30:00",
        "email" => "someone@example.com",
        "uri" | "url" => "https://example.com/",
        "hostname" => "example.com",
        "ipv4" => "192.0.2.1",
        _ => "example",
    };
    let min_length = schema
        .get("minLength")
        .and_then(Value::as_u64)
        .and_then(|length| usize::try_from(length).ok())
        .unwrap_or(0);
    let mut text = text.to_owned();
    while text.chars().count() < min_length {
        text.push('x');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> Value {
        json!({
            "openapi": "3.0.3",
            "paths": {},
            "components": {
                "schemas": {
                    "Create": {
                        "type": "object",
                        "required": ["name", "kind", "when", "tags", "owner", "limit"],
                        "properties": {
                            "name": {"type": "string", "minLength": 10},
                            "kind": {"type": "integer", "enum": [3, 4]},
                            "when": {"type": "string", "format": "date-time"},
                            "tags": {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uuid"}},
                            "owner": {"$ref": "#/components/schemas/Owner"},
                            "limit": {"type": "integer", "minimum": 1, "maximum": 100},
                            "optional": {"type": "string"}
                        }
                    },
                    "Owner": {"type": "object", "example": {"email": "a@b.c"}},
                    "Tree": {"type": "object", "required": ["child"], "properties": {"child": {"$ref": "#/components/schemas/Tree"}}}
                },
                "parameters": {
                    "Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}
                }
            }
        })
    }

    #[test]
    fn required_fields_get_values_their_schemas_accept() {
        let document = document();
        let operation = json!({
            "parameters": [
                {"$ref": "#/components/parameters/Id"},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                {"name": "search", "in": "query", "example": "acme", "schema": {"type": "string"}}
            ],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Create"}}}}
        });
        let got = arguments(&document, &operation, &json!({}));
        assert_eq!(
            got["path"],
            json!({"id": "0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10"})
        );
        assert_eq!(got["query"], json!({"limit": 1, "search": "acme"}));
        assert_eq!(
            got["body"],
            json!({
                "name": "examplexxx",
                "kind": 3,
                "when": "2026-01-15T09:30:00Z",
                "tags": ["0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10"],
                "owner": {"email": "a@b.c"},
                "limit": 1
            })
        );
    }

    #[test]
    fn constraint_unions_and_min_properties_add_what_they_ask() {
        let document = document();
        let schema = json!({"type": "object", "minProperties": 1,
            "anyOf": [{"required": ["campaign_id"]}, {"required": ["list_id"]}],
            "properties": {"list_id": {"type": "string"}, "campaign_id": {"type": "string", "example": "c"}}});
        let sampler = Sampler {
            document: &document,
        };
        assert_eq!(sampler.value(&schema, 0), json!({"campaign_id": "c"}));
        let update = json!({"type": "object", "minProperties": 1,
            "properties": {"name": {"type": "string", "example": "n"}, "other": {"type": "string"}}});
        assert_eq!(sampler.value(&update, 0), json!({"name": "n"}));
        let plain = json!({"type": "object", "properties": {"name": {"type": "string"}}});
        assert_eq!(sampler.value(&plain, 0), json!({}));
    }

    #[test]
    fn body_examples_win_and_recursion_stops() {
        let document = document();
        let with_example = json!({"requestBody": {"content": {"application/json": {
            "schema": {"type": "object"}, "examples": {"one": {"value": {"x": 1}}}
        }}}});
        assert_eq!(
            arguments(&document, &with_example, &json!({}))["body"],
            json!({"x": 1})
        );
        let recursive = json!({"requestBody": {"content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Tree"}
        }}}});
        let body = &arguments(&document, &recursive, &json!({}))["body"];
        assert!(body["child"]["child"].is_object());
    }

    #[test]
    fn open_api_3_1_type_lists_pick_the_non_null_type() {
        assert_eq!(
            schema_type(&json!({"type": ["null", "integer"]})),
            Some("integer")
        );
        assert_eq!(first_example(&json!({"examples": [5, 6]})), Some(json!(5)));
    }
}
