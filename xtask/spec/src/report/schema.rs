//! Two versions of one schema, compared node by node: properties (nested ones too), array
//! items, `oneOf`/`anyOf`/`allOf` members and map values.

use instantly_codegen::extensions::{EnumDescriptions, EnumTruncated, Extension};
use serde_json::{Map, Value};

use super::enums::compare_enum;
use super::model::Kind;
use super::recorder::Recorder;
use super::shape::{COMPOSITIONS, Shape};
use crate::openapi::VALUE_CONSTRAINTS;

/// Keywords compared on their own; any other keyword that changes is reported as "other".
const COMPARED: [&str; 17] = [
    "$ref",
    "type",
    "format",
    "nullable",
    "readOnly",
    "enum",
    EnumDescriptions::KEY,
    EnumTruncated::KEY,
    "properties",
    "required",
    "items",
    "oneOf",
    "anyOf",
    "allOf",
    "additionalProperties",
    "description",
    "title",
];

/// Where a node sits: its printed place and what its parent says about it.
#[derive(Debug, Clone)]
pub struct Place {
    pub location: String,
    /// Reachable from a request body or a parameter.
    pub in_request: bool,
    /// Listed in its parent's `required` (false for anything but a property).
    pub required: bool,
}

impl Place {
    pub fn root(location: impl Into<String>, in_request: bool) -> Place {
        Place {
            location: location.into(),
            in_request,
            required: false,
        }
    }

    fn child(&self, suffix: &str, required: bool) -> Place {
        Place {
            location: format!("{}{suffix}", self.location),
            in_request: self.in_request,
            required,
        }
    }
}

/// Compares two schemas at `place`, recording every difference.
pub fn compare_schema(recorder: &mut Recorder, old: &Value, new: &Value, place: &Place) {
    let old_shape = Shape::of(old);
    let new_shape = Shape::of(new);
    if old_shape != new_shape {
        let kind = Kind::TypeChanged {
            old: old_shape.to_string(),
            new: new_shape.to_string(),
        };
        recorder.change(&place.location, kind, place.in_request);
        return;
    }
    compare_flags(recorder, old, new, place);
    compare_format(recorder, old, new, place);
    if matches!(new_shape, Shape::StringEnum | Shape::IntegerEnum) {
        let integer = new_shape == Shape::IntegerEnum;
        compare_enum(
            recorder,
            old,
            new,
            &place.location,
            place.in_request,
            integer,
        );
    }
    compare_constraints(recorder, old, new, place);
    compare_texts(recorder, old, new, &place.location);
    compare_others(recorder, old, new, &place.location);
    compare_properties(recorder, old, new, place);
    compare_children(recorder, old, new, place);
}

fn compare_flags(recorder: &mut Recorder, old: &Value, new: &Value, place: &Place) {
    let nullable = is_nullable(new);
    if is_nullable(old) != nullable {
        let kind = Kind::NullableChanged { nullable };
        recorder.change(&place.location, kind, place.in_request);
    }
    let read_only = flag(new, "readOnly");
    if flag(old, "readOnly") != read_only {
        let kind = Kind::ReadOnlyChanged {
            read_only,
            required: place.required,
        };
        recorder.change(&place.location, kind, place.in_request);
    }
}

/// `nullable: true`, or `null` among the enum values.
fn is_nullable(schema: &Value) -> bool {
    flag(schema, "nullable")
        || schema
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|values| values.iter().any(Value::is_null))
}

fn flag(schema: &Value, keyword: &str) -> bool {
    schema.get(keyword).and_then(Value::as_bool) == Some(true)
}

/// A format change that changes the Rust type is already a shape change; this records the rest.
fn compare_format(recorder: &mut Recorder, old: &Value, new: &Value, place: &Place) {
    let old_format = text(old, "format");
    let new_format = text(new, "format");
    if old_format != new_format {
        let kind = Kind::FormatChanged {
            old: old_format.map(str::to_owned),
            new: new_format.map(str::to_owned),
        };
        recorder.change(&place.location, kind, place.in_request);
    }
}

fn compare_constraints(recorder: &mut Recorder, old: &Value, new: &Value, place: &Place) {
    for keyword in VALUE_CONSTRAINTS {
        let (old_value, new_value) = (old.get(keyword), new.get(keyword));
        if old_value != new_value {
            let kind = Kind::ConstraintChanged {
                keyword: keyword.to_owned(),
                old: old_value.cloned(),
                new: new_value.cloned(),
            };
            recorder.change(&place.location, kind, place.in_request);
        }
    }
}

fn compare_texts(recorder: &mut Recorder, old: &Value, new: &Value, location: &str) {
    recorder.text(location, text(old, "description"), text(new, "description"));
    let title_location = format!("{location} (title)");
    recorder.text(&title_location, text(old, "title"), text(new, "title"));
}

fn text<'a>(schema: &'a Value, keyword: &str) -> Option<&'a str> {
    schema.get(keyword).and_then(Value::as_str)
}

fn compare_others(recorder: &mut Recorder, old: &Value, new: &Value, location: &str) {
    let known: Vec<&str> = COMPARED
        .iter()
        .chain(VALUE_CONSTRAINTS.iter())
        .copied()
        .collect();
    for keyword in changed_keywords(old, new, &known) {
        recorder.other(location, &keyword);
    }
}

/// Keywords outside `known` whose values differ between the two objects, old order first.
pub fn changed_keywords(old: &Value, new: &Value, known: &[&str]) -> Vec<String> {
    let empty = Map::new();
    let old = old.as_object().unwrap_or(&empty);
    let new = new.as_object().unwrap_or(&empty);
    let keywords = old
        .keys()
        .chain(new.keys().filter(|key| !old.contains_key(*key)));
    keywords
        .filter(|keyword| !known.contains(&keyword.as_str()))
        .filter(|keyword| old.get(*keyword) != new.get(*keyword))
        .cloned()
        .collect()
}

fn compare_properties(recorder: &mut Recorder, old: &Value, new: &Value, place: &Place) {
    let empty = Map::new();
    let old_properties = properties(old).unwrap_or(&empty);
    let new_properties = properties(new).unwrap_or(&empty);
    for name in old_properties.keys() {
        if !new_properties.contains_key(name) {
            let location = format!("{}.{name}", place.location);
            recorder.change(&location, Kind::PropertyRemoved, place.in_request);
        }
    }
    for (name, new_property) in new_properties {
        let child = place.child(&format!(".{name}"), is_required(new, name));
        let Some(old_property) = old_properties.get(name) else {
            let kind = Kind::PropertyAdded {
                required: child.required,
                read_only: flag(new_property, "readOnly"),
            };
            recorder.change(&child.location, kind, child.in_request);
            continue;
        };
        if is_required(old, name) != child.required {
            let kind = Kind::RequiredChanged {
                required: child.required,
            };
            recorder.change(&child.location, kind, child.in_request);
        }
        compare_schema(recorder, old_property, new_property, &child);
    }
}

fn properties(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("properties").and_then(Value::as_object)
}

fn is_required(schema: &Value, name: &str) -> bool {
    schema
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|required| required.iter().any(|item| item.as_str() == Some(name)))
}

/// Items, composition members (same shapes, so same count) and map values.
fn compare_children(recorder: &mut Recorder, old: &Value, new: &Value, place: &Place) {
    let any = Value::Object(Map::new());
    let (old_items, new_items) = (old.get("items"), new.get("items"));
    if old_items.is_some() || new_items.is_some() {
        let (old_items, new_items) = (old_items.unwrap_or(&any), new_items.unwrap_or(&any));
        compare_schema(recorder, old_items, new_items, &place.child("[]", false));
    }
    for keyword in COMPOSITIONS {
        let old_members = old.get(keyword).and_then(Value::as_array);
        let new_members = new.get(keyword).and_then(Value::as_array);
        let pairs = old_members
            .into_iter()
            .flatten()
            .zip(new_members.into_iter().flatten());
        for (index, (old_member, new_member)) in pairs.enumerate() {
            let child = place.child(&format!(".{keyword}[{index}]"), false);
            compare_schema(recorder, old_member, new_member, &child);
        }
    }
    compare_additional_properties(recorder, old, new, place);
}

/// `additionalProperties` as a schema: it types unlisted properties (`BTreeMap<String, T>`);
/// `true`, `false` or nothing all keep them as JSON.
fn typed(values: Option<&Value>) -> Option<&Value> {
    values.filter(|values| values.is_object())
}

/// A typed value schema appearing, going or changing is walked as a child (`.*`); anything
/// else the client does not see.
fn compare_additional_properties(recorder: &mut Recorder, old: &Value, new: &Value, place: &Place) {
    let keyword = "additionalProperties";
    let (old_values, new_values) = (old.get(keyword), new.get(keyword));
    if typed(old_values).is_none() && typed(new_values).is_none() {
        if old_values != new_values {
            recorder.other(&place.location, keyword);
        }
        return;
    }
    let any = Value::Object(Map::new());
    let old_values = typed(old_values).unwrap_or(&any);
    let new_values = typed(new_values).unwrap_or(&any);
    compare_schema(recorder, old_values, new_values, &place.child(".*", false));
}
