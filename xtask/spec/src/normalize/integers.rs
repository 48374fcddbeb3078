//! The document's number → integer rule, for the page's type lines and the reference's schemas
//! alike: the reference writes `number` for codes and counters that the API sends as integers.
//!
//! A `number` is an `integer` when every enum value is integral (codes such as
//! `Campaign.status`), or when it is a counter with an integral example (or none): a field
//! named `count` or `*_count`, or the cursor pagination's `limit` and `offset`.

use instantly_codegen::extensions::{Extension, ReferenceType};
use serde_json::Value;

/// Whether a JSON value is an integral number (`null` counts, as an enum's "no value").
pub fn integral(value: &Value) -> bool {
    value.as_f64().is_some_and(|n| n.fract() == 0.0) || value.is_null()
}

/// Whether a field named `leaf` is a counter.
pub fn is_counter(leaf: &str) -> bool {
    leaf == "count" || leaf.ends_with("_count") || leaf == "limit" || leaf == "offset"
}

/// The rule itself: `enum_integral` says whether the values of an enum (if there is one) are
/// all integral.
pub fn numbers_are_integers(
    enum_integral: Option<bool>,
    leaf: Option<&str>,
    example: Option<&Value>,
) -> bool {
    match enum_integral {
        Some(integral) => integral,
        None => leaf.is_some_and(is_counter) && example.is_none_or(integral),
    }
}

/// Applies the rule to a schema of the reference at every depth; `leaf` names the field or
/// parameter the schema describes. Properties name their own schemas; array items and union
/// members keep the name of the field that holds them.
pub fn apply(schema: &mut Value, leaf: Option<&str>) {
    let Some(map) = schema.as_object_mut() else {
        return;
    };
    if map.get("type").and_then(Value::as_str) == Some("number") {
        let enum_integral = map
            .get("enum")
            .and_then(Value::as_array)
            .map(|values| values.iter().all(integral));
        if numbers_are_integers(enum_integral, leaf, map.get("example")) {
            map.insert("type".into(), "integer".into());
            ReferenceType("number".into()).write(map);
        }
    }
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            apply(property, Some(name));
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(sub) = map.get_mut(key) {
            apply(sub, leaf);
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(members)) = map.get_mut(key) {
            members.iter_mut().for_each(|member| apply(member, leaf));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn codes_and_counters_become_integers() {
        let mut schema = json!({"type": "object", "properties": {
            "status": {"type": "number", "enum": [-1, 0, 1]},
            "rate": {"type": "number", "example": 0.5},
            "sent_count": {"type": "number", "example": 3},
            "limit": {"type": "number"},
            "price": {"type": "number", "example": 10},
            "counts": {"type": "array", "items": {"type": "object", "properties": {"count": {"type": "number", "example": 1.5}}}}
        }});
        apply(&mut schema, None);
        let types: Vec<_> = ["status", "rate", "sent_count", "limit", "price"]
            .iter()
            .map(|name| schema["properties"][name]["type"].as_str().unwrap())
            .collect();
        assert_eq!(types, ["integer", "number", "integer", "integer", "number"]);
        assert_eq!(schema["properties"]["status"][ReferenceType::KEY], "number");
        let count = &schema["properties"]["counts"]["items"]["properties"]["count"];
        assert_eq!(count["type"], "number", "a fractional example keeps number");
    }
}
