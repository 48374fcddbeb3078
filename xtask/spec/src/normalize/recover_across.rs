//! Collapsed sub-objects expanded by another schema.
//!
//! The page collapses a sub-object in one entity (`Campaign.sequences`, `+ Show 1 property`)
//! that it expands in another (`Campaign Subsequence.sequences[].steps[]…`), and the
//! reference's operation facts often expand it in a request body. A collapsed sub-object that
//! no example shows takes the expansion of the first component schema that has one (the
//! page's entities come first, then the operations' bodies and responses, built from the
//! facts) when the property has the same name, a
//! compatible description (the same words, or one side silent), the same kind (object, or
//! array of objects) and as many properties as the page announced. It is marked
//! `x-recovered-from` with the place it came from; what no schema expands stays free-form,
//! with the warning.

use instantly_codegen::extensions::{CollapsedCount, ExampleRepaired, Extension, RecoveredFrom};
use serde_json::{Map, Value};

use super::hoist::is_type_schema;
use super::recover::{Unexpanded, repair_example};
use crate::diagnostics::Warnings;
use crate::page::{COLLAPSED_ARRAY, COLLAPSED_OBJECT, PathSegment};

/// One collapsed sub-object of an entity, by component name.
pub struct Pending {
    pub entity: String,
    pub collapsed: Unexpanded,
}

/// Expands what it can of `pending` from the component `schemas`; warns about the rest.
pub fn recover_across(
    schemas: &mut Map<String, Value>,
    pending: Vec<Pending>,
    warnings: &mut Warnings,
) {
    let donors = donors(schemas);
    for Pending { entity, collapsed } in pending {
        let Some(name) = collapsed
            .path
            .iter()
            .rev()
            .find_map(|segment| match segment {
                PathSegment::Field(name) => Some(name.clone()),
                PathSegment::Items => None,
            })
        else {
            warnings.page(collapsed.line, collapsed.warning);
            continue;
        };
        let own = format!(
            "#/components/schemas/{entity}{}",
            pointer_of(&collapsed.path)
        );
        let target = schemas
            .get_mut(&entity)
            .and_then(|schema| node_at(schema, &collapsed.path));
        let Some(target) = target else {
            warnings.page(collapsed.line, collapsed.warning);
            continue;
        };
        let donor = donors
            .iter()
            .find(|donor| donor.name == name && donor.place != own && fits(target, &donor.schema));
        match donor {
            Some(donor) => {
                expand(target, donor);
                if let Some(schema) = schemas.get_mut(&entity) {
                    refill_example(schema, collapsed.line, warnings);
                }
            }
            None => warnings.page(collapsed.line, collapsed.warning),
        }
    }
}

/// The entity example's holes were filled from the collapsed (free-form) schema; they are
/// opened again and filled from the expansion.
fn refill_example(schema: &mut Value, line: usize, warnings: &mut Warnings) {
    let Some(mut example) = schema.get("example").cloned() else {
        return;
    };
    let Ok(Some(ExampleRepaired(holes))) = ExampleRepaired::read(&*schema) else {
        return;
    };
    for hole in &holes {
        if let Some(value) = example.pointer_mut(hole) {
            let marker = if value.is_array() {
                COLLAPSED_ARRAY
            } else {
                COLLAPSED_OBJECT
            };
            *value = Value::String(marker.to_owned());
        }
    }
    let repaired = repair_example(schema, &example, line, warnings);
    if let Some(object) = schema.as_object_mut() {
        object.insert("example".into(), repaired.value);
        ExampleRepaired(repaired.pointers).write(object);
    }
}

/// An expanded property somewhere in the page's entities or the facts.
struct Donor {
    name: String,
    /// Where it is: a pointer into the document.
    place: String,
    schema: Value,
}

fn donors(schemas: &Map<String, Value>) -> Vec<Donor> {
    let mut donors = Vec::new();
    for (name, schema) in schemas.iter() {
        collect(schema, &format!("#/components/schemas/{name}"), &mut donors);
    }
    donors
}

/// Every property under `schema` with an expansion: an object with properties, or an array of
/// such objects.
fn collect(schema: &Value, place: &str, donors: &mut Vec<Donor>) {
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (name, property) in properties {
            let at = format!("{place}/properties/{name}");
            if expanded(property).is_some() {
                donors.push(Donor {
                    name: name.clone(),
                    place: at.clone(),
                    schema: property.clone(),
                });
            }
            collect(property, &at, donors);
        }
    }
    if let Some(items) = schema.get("items") {
        collect(items, &format!("{place}/items"), donors);
    }
}

/// The object schema holding the properties: the schema itself or its items.
fn expanded(schema: &Value) -> Option<&Map<String, Value>> {
    let object = match schema.get("items") {
        Some(items) => items,
        None => schema,
    };
    object
        .get("properties")
        .and_then(Value::as_object)
        .filter(|properties| !properties.is_empty() && is_type_schema(object))
}

/// Same kind, compatible description, and the announced number of properties.
fn fits(target: &Value, donor: &Value) -> bool {
    let is_array = |schema: &Value| schema.get("type").and_then(Value::as_str) == Some("array");
    let words = |schema: &Value| {
        schema
            .get("description")
            .and_then(Value::as_str)
            .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let compatible = match (words(target), words(donor)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    let announced = CollapsedCount::read(target)
        .ok()
        .flatten()
        .map(|CollapsedCount(n)| n);
    let count = expanded(donor).map_or(0, |properties| properties.len() as u64);
    is_array(target) == is_array(donor) && compatible && announced.is_none_or(|n| n == count)
}

/// Copies the donor's expansion into the collapsed schema.
fn expand(target: &mut Value, donor: &Donor) {
    let is_array = target.get("items").is_some() || donor.schema.get("items").is_some();
    let source = if is_array {
        donor.schema.get("items")
    } else {
        Some(&donor.schema)
    };
    let Some(Value::Object(source)) = source else {
        return;
    };
    let slot = if is_array {
        target.get_mut("items")
    } else {
        Some(&mut *target)
    };
    if let Some(Value::Object(slot)) = slot {
        for key in ["type", "required", "properties", "additionalProperties"] {
            if let Some(value) = source.get(key) {
                slot.insert(key.to_owned(), value.clone());
            }
        }
    }
    if let Value::Object(target) = target {
        RecoveredFrom(vec![donor.place.clone()]).write(target);
        super::key_order::move_example_to_end(target);
    }
}

fn node_at<'a>(schema: &'a mut Value, path: &[PathSegment]) -> Option<&'a mut Value> {
    let mut node = schema;
    for segment in path {
        node = match segment {
            PathSegment::Field(name) => node.get_mut("properties")?.get_mut(name)?,
            PathSegment::Items => node.get_mut("items")?,
        };
    }
    Some(node)
}

fn pointer_of(path: &[PathSegment]) -> String {
    path.iter()
        .map(|segment| match segment {
            PathSegment::Field(name) => format!("/properties/{name}"),
            PathSegment::Items => "/items".to_owned(),
        })
        .collect()
}
