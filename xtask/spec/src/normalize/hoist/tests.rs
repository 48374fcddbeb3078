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
