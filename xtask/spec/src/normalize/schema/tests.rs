//! Each construct on a small page fragment, asserting the emitted schema.

use instantly_codegen::extensions::{ExampleRepaired, Extension};
use serde_json::{Value, json};

use crate::diagnostics::Warnings;
use crate::normalize::schema::entity_schema;
use crate::page::read_page;

/// The schema (and warnings) of a one-schema page whose schema body is `body`.
fn schema_of(body: &str) -> (Value, Warnings) {
    let text = format!(
        "API Explorer\nThings\nSchemas\nThing\nSCHEMA\nSchemas\nAPI Explorer (2.0.0)\n\nIntro.\n\nServers\nProd\n\nhttps://api.example.com/\n\nThings\n\nAll\n\n+ Show\nSchemas\nThing\n\nA thing\n\n{body}"
    );
    let page = read_page(&text).unwrap();
    let mut warnings = Warnings::default();
    let schema = entity_schema(&page.schemas[0], &mut warnings);
    (schema, warnings)
}

fn property(schema: &Value, pointer: &str) -> Value {
    schema
        .pointer(pointer)
        .cloned()
        .unwrap_or_else(|| panic!("no {pointer} in {schema:#}"))
}

#[test]
fn scalar_facts() {
    let (schema, _) = schema_of(
        "id\nstring\n(uuid)\nread-only\nrequired\n\nThe id\n\nExample:\n\"019c\"\nname\nnull or string\n\nName\n\nDefault\n\"x\"\n",
    );
    assert_eq!(schema["title"], "Thing");
    assert_eq!(schema["description"], "A thing");
    assert_eq!(schema["required"], json!(["id"]));
    assert_eq!(
        property(&schema, "/properties/id"),
        json!({"type": "string", "format": "uuid", "readOnly": true, "description": "The id", "example": "019c"})
    );
    assert_eq!(
        property(&schema, "/properties/name"),
        json!({"type": "string", "nullable": true, "description": "Name", "default": "x"})
    );
}

#[test]
fn integer_enum_with_descriptions_and_truncation() {
    let (schema, _) = schema_of(
        "status\nnumber\nEnum Value\tDescription\n1\t\n\nActive\n\n\n-99\t\n\nSuspended\n\n\n+2 more\nExample:\n1\n",
    );
    assert_eq!(
        property(&schema, "/properties/status"),
        json!({"type": "integer", "x-page-type": "number", "enum": [1, -99], "x-enum-descriptions": ["Active", "Suspended"], "x-enum-truncated": 2, "example": 1})
    );
}

#[test]
fn nullable_enum_lists_null() {
    let (schema, _) =
        schema_of("mode\nnull or string\nEnum Value\tDescription\na\t\n\nA\n\n\nExample:\n\"a\"\n");
    assert_eq!(
        property(&schema, "/properties/mode"),
        json!({"type": "string", "nullable": true, "enum": ["a", null], "x-enum-descriptions": ["A", null], "example": "a"})
    );
}

#[test]
fn counts_become_integers_but_measures_stay_numbers() {
    let (schema, _) = schema_of("retry_count\nnumber\nExample:\n0\nscore\nnumber\nExample:\n2.5\n");
    assert_eq!(schema["properties"]["retry_count"]["type"], "integer");
    assert_eq!(schema["properties"]["score"]["type"], "number");
}

#[test]
fn union_gets_one_of_with_enum_values_per_member() {
    let (schema, _) = schema_of(
        "catch_all\nboolean or string\nEnum Value\tDescription\nfalse\t\n\nNo\n\n\npending\t\n\nPending\n\n\nExample:\ntrue\n",
    );
    assert_eq!(
        property(&schema, "/properties/catch_all"),
        json!({"oneOf": [
            {"type": "boolean", "enum": [false], "x-enum-descriptions": ["No"]},
            {"type": "string", "enum": ["pending"], "x-enum-descriptions": ["Pending"]}
        ], "example": true})
    );
}

#[test]
fn arrays_formats_and_items_enums() {
    let (schema, _) = schema_of(
        "tags\nArray of strings or null\n(uuid)\n\nTags\n\nnested\nArray of null or arrays or null\n\nNested\n\ncodes\nArray of numbers\nItems Enum Value\tDescription\n1\t\n\nOne\n\n\nExample:\n[1]\n",
    );
    assert_eq!(
        property(&schema, "/properties/tags"),
        json!({"type": "array", "nullable": true, "items": {"type": "string", "format": "uuid"}, "description": "Tags"})
    );
    assert_eq!(
        property(&schema, "/properties/nested"),
        json!({"type": "array", "nullable": true, "items": {"type": "array", "nullable": true, "items": {}}, "description": "Nested"})
    );
    assert_eq!(
        property(&schema, "/properties/codes/items"),
        json!({"type": "integer", "x-page-type": "number", "enum": [1], "x-enum-descriptions": ["One"]})
    );
}

#[test]
fn constraints_land_on_the_right_keyword() {
    let (schema, _) = schema_of(
        "gap\nnumber\n[ 0 .. 1440 ]\nurl\nstring\n(uri)\n^https?://\nrequired\nlist\nArray of objects or null\n>= 0 items\ndays\nobject\nnon-empty\n",
    );
    assert_eq!(
        property(&schema, "/properties/gap"),
        json!({"type": "number", "minimum": 0, "maximum": 1440})
    );
    assert_eq!(
        property(&schema, "/properties/url"),
        json!({"type": "string", "format": "uri", "pattern": "^https?://"})
    );
    assert_eq!(property(&schema, "/properties/list/minItems"), json!(0));
    assert_eq!(
        property(&schema, "/properties/days/minProperties"),
        json!(1)
    );
}

#[test]
fn dotted_paths_nest_with_their_own_required_lists() {
    let (schema, warnings) = schema_of(
        "sched\nobject\nrequired\n-\nsched.items\nArray of objects\nnon-empty\nrequired\n-\nsched.items[].from\nstring\nrequired\nExample:\n\"09:00\"\nsched.items[].note\nstring\nsched.start\nnull or string\n(date)\n",
    );
    assert!(warnings.0.is_empty(), "{warnings:?}");
    assert_eq!(schema["required"], json!(["sched"]));
    assert_eq!(
        property(&schema, "/properties/sched"),
        json!({
            "type": "object",
            "required": ["items"],
            "properties": {
                "items": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["from"],
                        "properties": {
                            "from": {"type": "string", "example": "09:00"},
                            "note": {"type": "string"}
                        }
                    },
                    "minItems": 1
                },
                "start": {"type": "string", "nullable": true, "format": "date"}
            }
        })
    );
}

#[test]
fn undeclared_parents_are_warned_about_and_kept() {
    let (schema, warnings) = schema_of("a.b\nstring\n");
    assert_eq!(
        property(&schema, "/properties/a/properties/b"),
        json!({"type": "string"})
    );
    assert_eq!(warnings.0.len(), 1);
    assert_eq!(warnings.0[0].line, Some(26));
}

#[test]
fn collapsed_objects_recovered_from_examples() {
    let (schema, warnings) = schema_of(
        "warmup\nobject\n+\nShow 3 properties\nschedule\nobject\nExample:\n{\"days\":{\"2\":true},\"tz\":\"UTC\"}\n+\nShow 2 properties\n{\n  \"warmup\": {\n    \"limit\": 100,\n    \n\"advanced\": { … },\n    \"mode\": null\n  },\n  \"schedule\": {\n    \n\"days\": { … },\n    \"tz\": \"UTC\"\n  }\n}\n",
    );
    assert_eq!(
        property(&schema, "/properties/warmup"),
        json!({
            "type": "object",
            "x-collapsed": true,
            "x-collapsed-count": 3,
            "properties": {
                "limit": {"type": "number", "example": 100},
                "advanced": {"type": "object", "x-collapsed": true},
                "mode": {"nullable": true}
            }
        })
    );
    assert_eq!(
        property(&schema, "/properties/schedule/properties/days"),
        json!({"type": "object", "properties": {"2": {"type": "boolean", "example": true}}})
    );
    // The example's holes are filled from the schema and listed.
    assert_eq!(schema["example"]["schedule"]["days"], json!({"2": true}));
    assert_eq!(schema["example"]["warmup"]["advanced"], json!({}));
    assert_eq!(
        schema[ExampleRepaired::KEY],
        json!(["/warmup/advanced", "/schedule/days"])
    );
    // `advanced` could not be recovered: one warning naming it.
    assert_eq!(warnings.0.len(), 1, "{warnings:?}");
    assert!(warnings.0[0].message.contains("warmup.advanced"));
}

#[test]
fn unrecoverable_collapse_is_a_warning_with_the_line() {
    let (schema, warnings) = schema_of(
        "rules\nArray of objects\n+\nShow 3 array properties\n{\n  \"rules\": [\n    \n{ … }\n  ]\n}\n",
    );
    assert_eq!(
        property(&schema, "/properties/rules/x-collapsed-count"),
        json!(3)
    );
    assert_eq!(schema["example"], json!({"rules": [{}]}));
    assert_eq!(warnings.0.len(), 1);
    assert_eq!(warnings.0[0].line, Some(26));
}

#[test]
fn bare_schema_is_a_free_form_object() {
    let (schema, _) = schema_of("object\n(Thing)\n\nA thing\n\n{}\n");
    assert_eq!(
        schema,
        json!({"title": "Thing", "description": "A thing", "x-source": "page", "type": "object", "example": {}})
    );
}
