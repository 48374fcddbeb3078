//! One named schema per shape: every object, enum and union of the document becomes a component
//! that each of its places refers to.
//!
//! Places are hoisted innermost first, one depth per round, so when a place is compared its
//! inner types are already references and two places compare equal exactly when their
//! generated types would. The places of one shape form a cluster (enums form families by their
//! values and descriptions: [`enums`]); a cluster
//! that holds a component keeps that component, others get a new one made from their first
//! place. Each place keeps its own words and flags next to the reference
//! (`allOf: [$ref]` + `description`, `readOnly`, …, or a bare `$ref` when it has none; a
//! nullable place is `oneOf: [$ref, {enum: [null]}]`, since 3.0.3 reads `nullable` only beside
//! a `type`). Hoisted
//! components carry `x-source` (their first place's) and `x-hoisted-from` (the places, as
//! pointers into the document before hoisting). Names follow [`names`].

mod enums;
mod names;
mod places;
mod shape;

use std::collections::{BTreeMap, BTreeSet};

use indexmap::IndexMap;
use instantly_codegen::extensions::{EnumDescriptions, Extension, HoistedFrom};
use serde_json::{Map, Value, json};

use self::enums::enum_clusters;
use self::names::{Claim, assign};
use self::places::{Place, escape, places};
use self::shape::{shape_key, split};
use super::key_order::move_example_to_end;
use crate::diagnostics::Warnings;

pub use self::places::is_type_schema;

/// More rounds than any document nests schemas: a guard, not a limit a document reaches.
const MAX_ROUNDS: usize = 64;

/// A rename of a hoisted type (`spec/overrides.yaml`, `types:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRename {
    pub from: String,
    pub to: String,
    pub line: Option<usize>,
}

/// What hoisting did, for the codegen summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hoisting {
    /// New components.
    pub components: usize,
    /// Places that now refer to a component (new or existing).
    pub places: usize,
}

/// Hoists every shape of `document` into a named component.
pub fn hoist_shapes(
    document: &mut Value,
    renames: &[TypeRename],
    warnings: &mut Warnings,
) -> Hoisting {
    let original: BTreeMap<String, usize> = places(document)
        .into_iter()
        .enumerate()
        .map(|(index, place)| (place.pointer, index))
        .collect();
    let mut hoisted: Vec<Hoisted> = Vec::new();
    let mut summary = Hoisting::default();
    for _ in 0..MAX_ROUNDS {
        let ready = innermost(places(document));
        let clusters: Vec<Cluster> = cluster(document, ready)
            .into_iter()
            .filter(Cluster::needs_hoisting)
            .collect();
        if clusters.is_empty() {
            break;
        }
        for cluster in clusters {
            summary.places += hoist(document, cluster, &mut hoisted);
        }
    }
    summary.components = hoisted.len();
    name_hoisted(document, &mut hoisted, &original, renames, warnings);
    summary
}

/// A component this pass created, under its temporary name until [`name_hoisted`].
struct Hoisted {
    temporary: String,
    first: Place,
    kind: &'static str,
}

/// Places of one shape, first place first.
pub(super) struct Cluster {
    places: Vec<Place>,
    /// For enums: each value's description, merged over the places.
    descriptions: Option<BTreeMap<String, String>>,
    /// For enums: every value of the places, in order of first appearance.
    values: Option<Vec<Value>>,
}

impl Cluster {
    /// A cluster is hoisted when a place is inline, or when several components share it.
    fn needs_hoisting(&self) -> bool {
        let components = self.places.iter().filter(|p| p.component.is_some()).count();
        components < self.places.len() || components > 1
    }
}

/// The places that hold no other place.
fn innermost(all: Vec<Place>) -> Vec<Place> {
    all.iter()
        .filter(|place| !all.iter().any(|other| place.contains(other)))
        .cloned()
        .collect()
}

/// A place with its schema as it is now.
pub(super) type PlacedSchema = (Place, Map<String, Value>);

/// Groups places by shape, in document order.
fn cluster(document: &Value, places: Vec<Place>) -> Vec<Cluster> {
    let mut by_shape: IndexMap<String, Vec<PlacedSchema>> = IndexMap::new();
    for place in places {
        let Some(schema) = document.pointer(&place.pointer).and_then(Value::as_object) else {
            continue;
        };
        // Enums of one type are split into families by their values (`enums.rs`).
        let key = match schema.get("enum") {
            Some(_) => format!("enum {:?} {:?}", schema.get("type"), schema.get("format")),
            None => shape_key(&Value::Object(schema.clone()), true),
        };
        by_shape
            .entry(key)
            .or_default()
            .push((place, schema.clone()));
    }
    let mut clusters = Vec::new();
    for (_, group) in by_shape {
        if group
            .first()
            .is_some_and(|(_, schema)| schema.contains_key("enum"))
        {
            clusters.extend(enum_clusters(group));
        } else {
            clusters.push(Cluster {
                places: group.into_iter().map(|(place, _)| place).collect(),
                descriptions: None,
                values: None,
            });
        }
    }
    clusters
}

/// Makes every place of `cluster` refer to one component; returns how many places changed.
fn hoist(document: &mut Value, mut cluster: Cluster, hoisted: &mut Vec<Hoisted>) -> usize {
    cluster
        .places
        .sort_by_key(|place| place.component.is_none());
    let Some(first) = cluster.places.first().cloned() else {
        return 0;
    };
    let target = match &first.component {
        Some(name) => name.clone(),
        None => {
            let temporary = format!("hoisted-{}", hoisted.len());
            let Some(component) = new_component(document, &cluster, &first) else {
                return 0;
            };
            let kind = kind_of(&component);
            insert_component(document, &temporary, component);
            hoisted.push(Hoisted {
                temporary: temporary.clone(),
                first: first.clone(),
                kind,
            });
            temporary
        }
    };
    let reference = format!("#/components/schemas/{}", escape(&target));
    let replaced: Vec<&Place> = cluster
        .places
        .iter()
        .filter(|place| place.component.as_deref() != Some(target.as_str()))
        .collect();
    for place in &replaced {
        if let Some(node) = document.pointer_mut(&place.pointer) {
            refer(node, &reference, cluster.values.as_deref());
        }
    }
    let pointers: Vec<String> = replaced.iter().map(|p| format!("#{}", p.pointer)).collect();
    if let Some(component) = document
        .pointer_mut(&format!("/components/schemas/{}", escape(&target)))
        .and_then(Value::as_object_mut)
    {
        let mut from = HoistedFrom::read(&*component)
            .ok()
            .flatten()
            .unwrap_or_default();
        from.0.extend(pointers);
        from.write(component);
    }
    replaced.len()
}

/// The shared schema of a cluster: its first place's shape and words, with the enum value
/// descriptions merged over the places.
fn new_component(document: &Value, cluster: &Cluster, first: &Place) -> Option<Value> {
    let schema = document.pointer(&first.pointer)?.as_object()?;
    let (site, shape) = split(schema);
    let mut component = Map::new();
    if let Some(description) = site.get("description") {
        component.insert("description".into(), description.clone());
    }
    component.extend(shape);
    if let Some(values) = &cluster.values {
        component.insert("enum".into(), Value::Array(values.clone()));
    }
    if let (Some(merged), Some(values)) = (&cluster.descriptions, component.get("enum")) {
        let descriptions: Vec<Option<String>> = values
            .as_array()
            .map(|values| {
                values
                    .iter()
                    .map(|value| merged.get(&value.to_string()).cloned())
                    .collect()
            })
            .unwrap_or_default();
        EnumDescriptions(descriptions).write(&mut component);
    }
    first.source.write(&mut component);
    Some(Value::Object(component))
}

fn kind_of(component: &Value) -> &'static str {
    if component.get("enum").is_some() {
        "Enum"
    } else if component.get("properties").is_some() {
        "Object"
    } else {
        "Union"
    }
}

fn insert_component(document: &mut Value, name: &str, component: Value) {
    if let Some(schemas) = document
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        schemas.insert(name.to_owned(), component);
    }
}

/// Replaces a place's schema by a reference, keeping what belongs to the place: its words and
/// flags, and its own values when it lists fewer than the enum family it shares (the page's
/// list stays in the document, and the place admits only those).
fn refer(node: &mut Value, reference: &str, family: Option<&[Value]>) {
    let Some(schema) = node.as_object() else {
        return;
    };
    let (mut site, shape) = split(schema);
    let nullable = site.get("nullable") == Some(&Value::Bool(true));
    if let (Some(family), Some(Value::Array(own))) = (family, shape.get("enum"))
        && own.len() < family.len()
    {
        let mut own = own.clone();
        if nullable {
            // OpenAPI 3.0.3: an enum admits `null` only by listing it.
            own.push(Value::Null);
        }
        site.insert("enum".into(), Value::Array(own));
    }
    if site.is_empty() {
        *node = json!({ "$ref": reference });
        return;
    }
    if nullable {
        // OpenAPI 3.0.3 reads `nullable` only beside a `type`, so a reference admits `null`
        // through a null-only member.
        site.insert(
            "oneOf".into(),
            json!([{ "$ref": reference }, { "nullable": true, "enum": [null] }]),
        );
    } else {
        site.insert("allOf".into(), json!([{ "$ref": reference }]));
    }
    move_example_to_end(&mut site);
    *node = Value::Object(site);
}

/// Names the hoisted components ([`names`]), applies the overrides' renames, and puts the
/// components after the existing ones in the order of their first places.
fn name_hoisted(
    document: &mut Value,
    hoisted: &mut [Hoisted],
    original: &BTreeMap<String, usize>,
    renames: &[TypeRename],
    warnings: &mut Warnings,
) {
    hoisted.sort_by_key(|h| {
        original
            .get(&h.first.pointer)
            .copied()
            .unwrap_or(usize::MAX)
    });
    let temporary: BTreeSet<&str> = hoisted.iter().map(|h| h.temporary.as_str()).collect();
    let taken: BTreeSet<String> = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|schemas| {
            schemas
                .keys()
                .filter(|name| !temporary.contains(name.as_str()))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let claims: Vec<Claim<'_>> = hoisted
        .iter()
        .map(|h| Claim {
            segments: &h.first.segments,
            kind: h.kind,
        })
        .collect();
    let (chosen, fallbacks) = assign(&claims, &taken);
    for index in fallbacks {
        warnings.0.push(crate::diagnostics::Diagnostic::new(
            "spec/openapi.yaml",
            None,
            format!(
                "the hoisted type at `#{}` has no unique qualified name; named `{}` (rename it under `types:` in spec/overrides.yaml)",
                hoisted[index].first.pointer, chosen[index]
            ),
        ));
    }
    let mut mapping: BTreeMap<String, String> = hoisted
        .iter()
        .zip(&chosen)
        .map(|(h, name)| (h.temporary.clone(), name.clone()))
        .collect();
    apply_renames(&mut mapping, &taken, renames, warnings);
    rename_references(document, &mapping);
    reorder_components(document, hoisted, &mapping);
}

/// The overrides' `types:` renames, of hoisted types (by the rule's name) or components.
fn apply_renames(
    mapping: &mut BTreeMap<String, String>,
    taken: &BTreeSet<String>,
    renames: &[TypeRename],
    warnings: &mut Warnings,
) {
    for rename in renames {
        let in_use = taken.contains(&rename.to) || mapping.values().any(|n| *n == rename.to);
        if in_use {
            warnings.overrides(
                rename.line,
                format!(
                    "`types: {}: {}`: `{}` is already a type's name; kept `{}`",
                    rename.from, rename.to, rename.to, rename.from
                ),
            );
            continue;
        }
        let hoisted = mapping
            .iter()
            .find(|(_, name)| **name == rename.from)
            .map(|(temporary, _)| temporary.clone());
        match hoisted {
            Some(temporary) => {
                mapping.insert(temporary, rename.to.clone());
            }
            None if taken.contains(&rename.from) => {
                mapping.insert(rename.from.clone(), rename.to.clone());
            }
            None => warnings.overrides(
                rename.line,
                format!("`types: {}` renames no type of the document", rename.from),
            ),
        }
    }
}

/// Rewrites every `$ref` to a renamed component.
fn rename_references(node: &mut Value, mapping: &BTreeMap<String, String>) {
    match node {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get_mut("$ref")
                && let Some(name) = reference.strip_prefix("#/components/schemas/")
                && let Some(new) = mapping.get(name)
            {
                *reference = format!("#/components/schemas/{}", escape(new));
            }
            for value in object.values_mut() {
                rename_references(value, mapping);
            }
        }
        Value::Array(values) => {
            for value in values {
                rename_references(value, mapping);
            }
        }
        _ => {}
    }
}

/// Existing components first, in their order; then the hoisted ones by first place.
fn reorder_components(
    document: &mut Value,
    hoisted: &[Hoisted],
    mapping: &BTreeMap<String, String>,
) {
    let Some(schemas) = document
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let mut taken = std::mem::take(schemas);
    let mut reordered = Map::new();
    let temporary: BTreeSet<&str> = hoisted.iter().map(|h| h.temporary.as_str()).collect();
    let existing: Vec<String> = taken
        .keys()
        .filter(|name| !temporary.contains(name.as_str()))
        .cloned()
        .collect();
    for name in existing {
        if let Some(schema) = taken.shift_remove(&name) {
            let name = mapping.get(&name).cloned().unwrap_or(name);
            reordered.insert(name, schema);
        }
    }
    for h in hoisted {
        if let (Some(schema), Some(name)) =
            (taken.shift_remove(&h.temporary), mapping.get(&h.temporary))
        {
            reordered.insert(name.clone(), schema);
        }
    }
    *schemas = reordered;
}

#[cfg(test)]
mod tests;
