//! Entity enums completed from the reference: the page truncates long enums (`+N more`) and
//! shows some only through examples; `spec/operations.yaml` lists every value.

use instantly_codegen::extensions::{
    EnumDescriptions, EnumFromExamples, EnumSource, EnumTruncated, Extension,
};
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
    // The facts reader rejected malformed descriptions; the page's are the normalizer's own.
    let listed_descriptions = EnumDescriptions::read(reference).ok().flatten();
    let page_descriptions = EnumDescriptions::read(target).ok().flatten();
    let description = |values: &[Value], descriptions: Option<&EnumDescriptions>, value: &Value| {
        let index = values.iter().position(|v| v == value)?;
        descriptions?.get(index).map(str::to_owned)
    };
    let mut values = page_values.clone();
    values.extend(listed.iter().filter(|v| !page_values.contains(v)).cloned());
    let descriptions: Vec<Option<String>> = values
        .iter()
        .map(|value| {
            description(listed, listed_descriptions.as_ref(), value)
                .or_else(|| description(&page_values, page_descriptions.as_ref(), value))
        })
        .collect();
    target.insert("enum".into(), values.into());
    if descriptions.iter().any(Option::is_some) {
        EnumDescriptions(descriptions).write(target);
    } else {
        EnumDescriptions::remove(target);
    }
    EnumTruncated::remove(target);
    EnumFromExamples::remove(target);
    if !target.contains_key("type")
        && let Some(ty) = reference.get("type")
    {
        target.insert("type".into(), ty.clone());
    }
    EnumSource::Reference.write(target);
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
            status[EnumDescriptions::KEY],
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
