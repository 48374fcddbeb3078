//! The reference's schemas as the document needs them: its quirks handled, not copied.

use serde_json::{Map, Value};

/// A body schema that allows nothing but `null` (`{nullable: true, example: null}`).
pub fn only_null(schema: &Value) -> bool {
    schema.as_object().is_some_and(|map| {
        map.get("nullable") == Some(&Value::Bool(true))
            && ![
                "type",
                "properties",
                "items",
                "$ref",
                "oneOf",
                "anyOf",
                "allOf",
                "entity",
                "page",
            ]
            .iter()
            .any(|key| map.contains_key(*key))
    })
}

/// `{}` (the reference's 204 schema) says nothing.
pub fn is_empty_schema(schema: &Value) -> bool {
    schema.as_object().is_some_and(Map::is_empty)
}

/// The reference leaves `type: object` out where `properties` make it plain.
pub fn with_object_type(mut schema: Value) -> Value {
    if let Some(map) = schema.as_object_mut()
        && map.contains_key("properties")
        && !map.contains_key("type")
    {
        map.insert("type".into(), "object".into());
    }
    schema
}

/// Drops what OpenAPI 3.0 does not allow or what says nothing, at every depth: an empty
/// `required` list (3.0 wants it non-empty) and `x-enum-descriptions` without an `enum`.
pub fn tidy(mut schema: Value) -> Value {
    tidy_in_place(&mut schema);
    schema
}

fn tidy_in_place(schema: &mut Value) {
    let Some(map) = schema.as_object_mut() else {
        if let Value::Array(members) = schema {
            members.iter_mut().for_each(tidy_in_place);
        }
        return;
    };
    if map
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty)
    {
        map.shift_remove("required");
    }
    if !map.contains_key("enum") {
        map.shift_remove("x-enum-descriptions");
    }
    for (key, value) in map.iter_mut() {
        match key.as_str() {
            "properties" => value
                .as_object_mut()
                .into_iter()
                .flat_map(|properties| properties.values_mut())
                .for_each(tidy_in_place),
            "items" | "additionalProperties" | "not" | "oneOf" | "anyOf" | "allOf" => {
                tidy_in_place(value)
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quirks_are_tidied_at_every_depth() {
        let schema = json!({"properties": {"a": {"type": "object", "required": [],
            "properties": {"s": {"type": "number", "x-enum-descriptions": []}}}},
            "anyOf": [{"required": []}]});
        let tidied = tidy(with_object_type(schema));
        assert_eq!(
            tidied,
            json!({"properties": {"a": {"type": "object", "properties": {"s": {"type": "number"}}}},
                "anyOf": [{}], "type": "object"})
        );
        assert!(only_null(&json!({"nullable": true, "example": null})));
        assert!(!only_null(&json!({"nullable": true, "type": "string"})));
        assert!(is_empty_schema(&json!({})));
    }
}
