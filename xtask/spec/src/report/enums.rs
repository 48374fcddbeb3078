//! Enum values, their descriptions (`x-enum-descriptions`) and truncation (`x-enum-truncated`).

use instantly_codegen::extensions::{EnumDescriptions, EnumTruncated};
use serde_json::Value;

use super::comparison::Comparison;
use super::extension;
use super::model::Kind;

/// Compares the listed values of two nodes of the same shape. `integer` says the values name
/// their variants through their descriptions.
pub fn compare_enum(
    cx: &mut Comparison<'_>,
    old: &Value,
    new: &Value,
    at: &str,
    in_request: bool,
    integer: bool,
) {
    let old_values = listed_values(old);
    let new_values = listed_values(new);
    for (value, _) in &old_values {
        if !new_values.iter().any(|(other, _)| other == value) {
            let kind = Kind::EnumValueRemoved {
                value: (*value).clone(),
            };
            cx.change(at, kind, in_request);
        }
    }
    for (value, new_description) in &new_values {
        let Some((_, old_description)) = old_values.iter().find(|(other, _)| other == value) else {
            let kind = Kind::EnumValueAdded {
                value: (*value).clone(),
            };
            cx.change(at, kind, in_request);
            continue;
        };
        if integer
            && variant_name(old_description.as_deref()) != variant_name(new_description.as_deref())
        {
            let kind = Kind::EnumVariantRenamed {
                value: (*value).clone(),
            };
            cx.change(at, kind, in_request);
        } else {
            let place = format!("{at} = {value}");
            cx.text(
                &place,
                old_description.as_deref(),
                new_description.as_deref(),
            );
        }
    }
    let old_truncated = truncated(old);
    let new_truncated = truncated(new);
    if old_truncated != new_truncated {
        let kind = Kind::EnumTruncationChanged {
            old: old_truncated,
            new: new_truncated,
        };
        cx.change(at, kind, in_request);
    }
}

/// The non-null values of `enum`, each with its description, first occurrence kept.
fn listed_values(schema: &Value) -> Vec<(&Value, Option<String>)> {
    let values = schema.get("enum").and_then(Value::as_array);
    let descriptions = extension::<EnumDescriptions>(schema).unwrap_or_default();
    let mut listed: Vec<(&Value, Option<String>)> = Vec::new();
    for (index, value) in values.into_iter().flatten().enumerate() {
        if value.is_null() || listed.iter().any(|(seen, _)| *seen == value) {
            continue;
        }
        listed.push((value, descriptions.get(index).map(str::to_owned)));
    }
    listed
}

fn truncated(schema: &Value) -> Option<u64> {
    extension::<EnumTruncated>(schema).map(|EnumTruncated(count)| count)
}

/// The name the generator gives an integer variant with this description (`None`: named after
/// its value).
fn variant_name(description: Option<&str>) -> Option<String> {
    description.and_then(instantly_codegen::integer_variant_name)
}
