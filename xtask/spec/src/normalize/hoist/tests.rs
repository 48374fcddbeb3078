use serde_json::json;

use super::*;

fn hoisted(mut document: Value) -> Value {
    hoist_shapes(&mut document, &[], &mut Warnings::default());
    document
}

#[test]
fn a_shape_in_two_components_becomes_one_component() {
    let timezone = json!({"type": "string", "enum": ["UTC", "Europe/Paris"]});
    let document = hoisted(json!({
        "components": {"schemas": {
            "Campaign": {"type": "object", "properties": {
                "timezone": {"description": "Campaign zone", "type": "string", "enum": ["UTC", "Europe/Paris"]}
            }},
            "Test": {"type": "object", "properties": {"timezone": timezone}}
        }}
    }));
    let schemas = &document["components"]["schemas"];
    assert_eq!(
        schemas["Test"]["properties"]["timezone"],
        json!({"$ref": "#/components/schemas/Timezone"})
    );
    assert_eq!(schemas["Timezone"]["enum"], json!(["UTC", "Europe/Paris"]));
    assert_eq!(
        schemas["Timezone"]["x-hoisted-from"],
        json!([
            "#/components/schemas/Campaign/properties/timezone",
            "#/components/schemas/Test/properties/timezone"
        ])
    );
}

fn status(values: &[i64], descriptions: &[&str]) -> Value {
    json!({"type": "integer", "enum": values, "x-enum-descriptions": descriptions})
}

#[test]
fn enums_one_value_apart_with_agreeing_words_are_one_family() {
    let document = hoisted(json!({
        "components": {"schemas": {
            "Campaign": {"type": "object", "properties": {
                "status": status(&[0, 1, 2], &["Draft", "Active", "Paused"])
            }},
            "Mapping": {"type": "object", "properties": {
                "status": status(&[0, 1], &["Draft", "Active"])
            }}
        }}
    }));
    let schemas = &document["components"]["schemas"];
    assert_eq!(schemas["Status"]["enum"], json!([0, 1, 2]));
    // The place that lists fewer values keeps its list beside the reference.
    assert_eq!(
        schemas["Mapping"]["properties"]["status"],
        json!({"enum": [0, 1], "allOf": [{"$ref": "#/components/schemas/Status"}]})
    );
    assert_eq!(
        schemas["Campaign"]["properties"]["status"],
        json!({"$ref": "#/components/schemas/Status"})
    );
}

#[test]
fn enums_whose_words_disagree_or_lists_differ_more_stay_apart() {
    let document = hoisted(json!({
        "components": {"schemas": {
            "Tag": {"type": "object", "properties": {
                "kind": status(&[1, 2], &["Account", "Campaign"])
            }},
            "Test": {"type": "object", "properties": {
                "method": status(&[1, 2], &["From Instantly", "From elsewhere"]),
                "state": status(&[1, 2, 3, 4], &["Account", "Campaign", "Lead", "List"])
            }}
        }}
    }));
    let schemas = document["components"]["schemas"].as_object().unwrap();
    for name in ["Kind", "Method", "State"] {
        assert!(schemas.contains_key(name), "{name} in {:?}", schemas.keys());
    }
}

#[test]
fn a_nullable_place_keeps_its_flags_beside_the_reference() {
    let body = json!({"type": "object", "properties": {"html": {"type": "string"}}});
    let mut nullable = body.clone();
    nullable["nullable"] = json!(true);
    nullable["description"] = json!("The body, if any");
    let document = hoisted(json!({
        "components": {"schemas": {
            "Email": {"type": "object", "properties": {"body": body}},
            "Reply": {"type": "object", "properties": {"body": nullable}}
        }}
    }));
    assert_eq!(
        document["components"]["schemas"]["Reply"]["properties"]["body"],
        json!({
            "description": "The body, if any",
            "nullable": true,
            "oneOf": [
                {"$ref": "#/components/schemas/Body"},
                {"nullable": true, "enum": [null]}
            ]
        })
    );
}

#[test]
fn an_override_renames_a_hoisted_type() {
    let mut document = json!({
        "components": {"schemas": {
            "Campaign": {"type": "object", "properties": {
                "steps": {"type": "array", "items": {"type": "object", "properties": {"delay": {"type": "integer"}}}}
            }}
        }}
    });
    let rename = TypeRename {
        from: "Step".to_owned(),
        to: "SequenceStep".to_owned(),
        line: Some(1),
    };
    hoist_shapes(&mut document, &[rename], &mut Warnings::default());
    assert_eq!(
        document["components"]["schemas"]["Campaign"]["properties"]["steps"]["items"],
        json!({"$ref": "#/components/schemas/SequenceStep"})
    );
}
