//! Entity enums completed from the reference: the page truncates long enums (`+N more`) and
//! shows some only through examples; `spec/operations.yaml` lists every value.

use serde_json::{Map, Value};

use super::component_names::component_name;
use super::facts::{EnumFacts, Facts};
use crate::diagnostics::Warnings;

/// Completes the values (and their descriptions) of every enum the facts list. The property
/// keeps what the page says about it otherwise; `x-enum-truncated` goes and
/// `x-enum-source: reference` says where the values came from. An enum the page has no
/// property for is a warning at the facts line.
pub fn complete_enums(schemas: &mut Map<String, Value>, facts: &Facts, warnings: &mut Warnings) {
    for listed in &facts.enums {
        match property_mut(schemas, listed) {
            Some(target) => complete(target, &listed.schema),
            None => warnings.facts(
                Some(listed.line),
                format!(
                    "cannot place the values of `{}`: the page has no such property",
                    listed.key()
                ),
            ),
        }
    }
}

/// The schema at the enum's path: properties by name, `[]` into array items.
fn property_mut<'s>(
    schemas: &'s mut Map<String, Value>,
    listed: &EnumFacts,
) -> Option<&'s mut Map<String, Value>> {
    let mut schema = schemas.get_mut(&component_name(&listed.entity))?;
    for step in &listed.path {
        schema = match step.as_str() {
            "[]" => schema.get_mut("items")?,
            name => schema.get_mut("properties")?.get_mut(name)?,
        };
    }
    schema.as_object_mut()
}

/// The page's values in the page's order (so a regeneration moves no line), then the values
/// only the reference lists; each value with the reference's description, else the page's.
fn complete(target: &mut Map<String, Value>, reference: &Value) {
    let Some(listed) = reference.get("enum").and_then(Value::as_array) else {
        return;
    };
    let page_values = target
        .get("enum")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let description = |values: Option<&Value>, descriptions: Option<&Value>, value: &Value| {
        let index = values?.as_array()?.iter().position(|v| v == value)?;
        descriptions?
            .as_array()?
            .get(index)
            .filter(|d| !d.is_null())
            .cloned()
    };
    let mut values = page_values.clone();
    values.extend(listed.iter().filter(|v| !page_values.contains(v)).cloned());
    let descriptions: Vec<Value> = values
        .iter()
        .map(|value| {
            description(
                reference.get("enum"),
                reference.get("x-enum-descriptions"),
                value,
            )
            .or_else(|| description(target.get("enum"), target.get("x-enum-descriptions"), value))
            .unwrap_or(Value::Null)
        })
        .collect();
    target.insert("enum".into(), values.into());
    if descriptions.iter().any(|d| !d.is_null()) {
        target.insert("x-enum-descriptions".into(), descriptions.into());
    } else {
        target.shift_remove("x-enum-descriptions");
    }
    target.shift_remove("x-enum-truncated");
    target.shift_remove("x-enum-from-examples");
    if !target.contains_key("type")
        && let Some(ty) = reference.get("type")
    {
        target.insert("type".into(), ty.clone());
    }
    target.insert("x-enum-source".into(), "reference".into());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::facts::parse_facts;
    use serde_json::json;

    fn schemas() -> Map<String, Value> {
        let campaign = json!({"type": "object", "properties": {
            "schedules": {"type": "array", "items": {"type": "object", "properties": {
                "timezone": {"type": "string", "enum": ["b", "a"], "x-enum-truncated": 2}
            }}},
            "status": {"type": "integer", "enum": [1, 0], "x-enum-descriptions": ["Active", "Draft"]}
        }});
        let mut schemas = Map::new();
        schemas.insert("Campaign".into(), campaign);
        schemas
    }

    #[test]
    fn truncated_enums_get_every_value() {
        let facts = parse_facts(
            "enums:\n  Campaign.schedules[].timezone: {type: string, enum: [a, b, c, d]}\n  Campaign.status: {type: number, enum: [0, 1, 2]}\n  Campaign.nope: {type: string, enum: [x]}\n",
        )
        .unwrap();
        let mut schemas = schemas();
        let mut warnings = Warnings::default();
        complete_enums(&mut schemas, &facts, &mut warnings);
        let timezone =
            &schemas["Campaign"]["properties"]["schedules"]["items"]["properties"]["timezone"];
        assert_eq!(
            timezone,
            &json!({"type": "string", "enum": ["b", "a", "c", "d"], "x-enum-source": "reference"}),
            "the page's order, then the reference's new values"
        );
        let status = &schemas["Campaign"]["properties"]["status"];
        assert_eq!(status["type"], "integer", "the page's integer type stays");
        assert_eq!(
            status["x-enum-descriptions"],
            json!(["Active", "Draft", null]),
            "page descriptions stay with their values"
        );
        let [warning] = warnings.0.as_slice() else {
            panic!("one warning expected: {warnings:?}")
        };
        assert_eq!(warning.line, Some(4));
        assert!(
            warning.message.contains("Campaign.nope"),
            "{}",
            warning.message
        );
    }
}
