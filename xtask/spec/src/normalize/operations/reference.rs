//! The reference's schemas as the document needs them: its quirks handled, not copied.

use instantly_codegen::extensions::{EnumDescriptions, Extension, ReferenceExample, ReferenceType};
use serde_json::{Map, Value, json};

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

/// Handles the reference's quirks at every depth: drops an empty `required` list (3.0 wants it
/// non-empty) and `x-enum-descriptions` without an `enum`; an enum mixing strings and numbers
/// becomes a union of one enum per type; an example that does not fit its own format or
/// pattern is repaired (see [`repair_example`]).
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
        EnumDescriptions::remove(map);
    }
    split_mixed_enum(map);
    repair_example(map);
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

/// `type: number, enum: [CAMPAIGN, LIST, 1, 2]` → `oneOf: [{string enum}, {integer enum}]`, each
/// member with its values' descriptions; the schema keeps its description and example.
fn split_mixed_enum(map: &mut Map<String, Value>) {
    let Some(values) = map.get("enum").and_then(Value::as_array) else {
        return;
    };
    let kind = |value: &Value| match value {
        Value::String(_) => Some("string"),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some("integer"),
        Value::Number(_) => Some("number"),
        Value::Bool(_) => Some("boolean"),
        _ => None,
    };
    let mut kinds: Vec<&str> = values.iter().filter_map(kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.len() < 2 {
        return;
    }
    // The facts reader rejected malformed descriptions.
    let descriptions = EnumDescriptions::read(map)
        .ok()
        .flatten()
        .unwrap_or_default();
    let members: Vec<Value> = kinds
        .iter()
        .map(|member_kind| {
            let picked: Vec<(Value, Option<String>)> = values
                .iter()
                .enumerate()
                .filter(|(_, value)| kind(value) == Some(member_kind))
                .map(|(index, value)| (value.clone(), descriptions.get(index).map(str::to_owned)))
                .collect();
            let mut member = json!({"type": member_kind});
            member["enum"] = picked.iter().map(|(v, _)| v.clone()).collect();
            if picked.iter().any(|(_, d)| d.is_some()) {
                EnumDescriptions(picked.into_iter().map(|(_, d)| d).collect()).write(&mut member);
            }
            member
        })
        .collect();
    let original_type = map.shift_remove("type");
    map.shift_remove("enum");
    EnumDescriptions::remove(map);
    map.insert("oneOf".into(), members.into());
    if let Some(original_type) = original_type {
        ReferenceType(original_type).write(map);
    }
}

/// A string example that does not fit the schema's `format` or `pattern` (the reference gives
/// `1970-01-01T00:00:00.000Z` for dates and `HH:MM` times alike): a timestamp becomes the part
/// the schema asks for (its date, `HH:MM` or `HH:MM:SS`); anything else that does not fit goes.
/// The reference's value stays in `x-reference-example`.
pub fn repair_example(map: &mut Map<String, Value>) {
    let Some(Value::String(example)) = map.get("example") else {
        return;
    };
    let format = map.get("format").and_then(Value::as_str);
    let pattern = map
        .get("pattern")
        .and_then(Value::as_str)
        .and_then(|pattern| regex::Regex::new(pattern).ok());
    let fits = |text: &str| {
        format.is_none_or(|format| fits_format(format, text))
            && pattern
                .as_ref()
                .is_none_or(|pattern| pattern.is_match(text))
    };
    if fits(example) {
        return;
    }
    let original = example.clone();
    let repaired = timestamp_parts(&original)
        .into_iter()
        .find(|candidate| fits(candidate));
    match repaired {
        Some(repaired) => map.insert("example".into(), repaired.into()),
        None => map.shift_remove("example"),
    };
    ReferenceExample(original.into()).write(map);
}

fn fits_format(format: &str, text: &str) -> bool {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    match format {
        "date" => {
            let parts: Vec<&str> = text.split('-').collect();
            text.len() == 10 && parts.len() == 3 && parts.iter().all(|p| digits(p))
        }
        "date-time" => text.len() > 10 && text.as_bytes().get(10) == Some(&b'T'),
        _ => true,
    }
}

/// `1970-01-01T09:30:15.000Z` → [`1970-01-01`, `09:30`, `09:30:15`]; nothing for other text.
fn timestamp_parts(text: &str) -> Vec<String> {
    let Some((date, time)) = text.split_once('T') else {
        return Vec::new();
    };
    if !fits_format("date", date) || time.len() < 8 {
        return Vec::new();
    }
    let (Some(minutes), Some(seconds)) = (time.get(..5), time.get(..8)) else {
        return Vec::new();
    };
    vec![date.to_owned(), minutes.to_owned(), seconds.to_owned()]
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

    #[test]
    fn mixed_enums_become_unions() {
        let schema = tidy(
            json!({"type": "number", "description": "Type", "enum": ["CAMPAIGN", 1, "LIST", 2],
            "x-enum-descriptions": [null, "Campaign", null, "List"]}),
        );
        assert_eq!(
            schema,
            json!({"description": "Type", "oneOf": [
                {"type": "integer", "enum": [1, 2], "x-enum-descriptions": ["Campaign", "List"]},
                {"type": "string", "enum": ["CAMPAIGN", "LIST"]}
            ], "x-reference-type": "number"})
        );
    }

    #[test]
    fn examples_are_repaired_to_their_format_and_pattern() {
        let stamp = "1970-01-01T09:30:00.000Z";
        let date = tidy(json!({"type": "string", "format": "date", "example": stamp}));
        assert_eq!(date["example"], "1970-01-01");
        assert_eq!(date[ReferenceExample::KEY], stamp);
        let time = tidy(
            json!({"type": "string", "pattern": "^([01][0-9]|2[0-3]):([0-5][0-9])$", "example": stamp}),
        );
        assert_eq!(time["example"], "09:30");
        let lost = tidy(json!({"type": "string", "pattern": "^x$", "example": "y"}));
        assert!(lost.get("example").is_none());
        assert_eq!(lost[ReferenceExample::KEY], "y");
        let fine = json!({"type": "string", "format": "date-time", "example": stamp});
        assert_eq!(tidy(fine.clone()), fine);
    }
}
