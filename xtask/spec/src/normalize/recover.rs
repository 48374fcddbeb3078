//! What the page collapsed, recovered from what it shows elsewhere.
//!
//! - Collapsed sub-objects (`+ Show 5 properties`) get their property names and types from the
//!   examples that cover them: the entity's JSON example and the `Example:` of the property itself
//!   or of any ancestor.
//! - The entity's JSON example has `{ … }` / `[ … ]` holes; they are filled from the schema
//!   (property examples, defaults, enum values) so the example validates against the schema.

use std::collections::HashMap;

use instantly_codegen::extensions::{Collapsed, CollapsedCount, Extension};
use serde_json::{Map, Value, json};

use super::key_order::move_example_to_end;
use crate::diagnostics::Warnings;
use crate::page::{COLLAPSED_ARRAY, COLLAPSED_OBJECT, PathSegment, display_path};

/// A collapsed sub-object no example shows: another schema may still expand it
/// (`recover_across.rs`); the warning is given only if none does.
#[derive(Debug, Clone, PartialEq)]
pub struct Unexpanded {
    pub path: Vec<PathSegment>,
    pub line: usize,
    pub warning: String,
}

/// Fills every `x-collapsed` schema under `schema` with the properties its examples show.
/// `lines` maps a property's dotted path to its page line, for warnings. Returns the collapsed
/// sub-objects that stayed empty.
pub fn recover_collapsed(
    schema: &mut Value,
    entity_example: Option<&Value>,
    lines: &HashMap<String, usize>,
    warnings: &mut Warnings,
) -> Vec<Unexpanded> {
    let views: Vec<Value> = entity_example.into_iter().cloned().collect();
    let mut walk = Walk {
        lines,
        warnings,
        path: Vec::new(),
        unexpanded: Vec::new(),
    };
    walk.visit(schema, views);
    walk.unexpanded
}

struct Walk<'a> {
    lines: &'a HashMap<String, usize>,
    warnings: &'a mut Warnings,
    path: Vec<PathSegment>,
    unexpanded: Vec<Unexpanded>,
}

impl Walk<'_> {
    /// `views` are the example values that show this schema's instance.
    fn visit(&mut self, schema: &mut Value, mut views: Vec<Value>) {
        if let Some(own) = schema.get("example") {
            views.insert(0, own.clone());
        }
        // The collapse markers are this run's own (`schema.rs`), so they are well-formed.
        if Collapsed::read(schema) == Ok(Some(Collapsed(true))) {
            self.recover(schema, &views);
        }
        if let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) {
            for (name, property) in properties.iter_mut() {
                let child_views = views
                    .iter()
                    .filter_map(|view| view.get(name))
                    .filter(|value| !is_marker(value))
                    .cloned()
                    .collect();
                self.path.push(PathSegment::Field(name.clone()));
                self.visit(property, child_views);
                self.path.pop();
            }
        }
        if let Some(items) = schema.get_mut("items") {
            let item_views = views
                .iter()
                .filter_map(Value::as_array)
                .flatten()
                .filter(|v| !is_marker(v))
                .cloned()
                .collect();
            self.path.push(PathSegment::Items);
            self.visit(items, item_views);
            self.path.pop();
        }
        if let Some(branches) = schema.get_mut("oneOf").and_then(Value::as_array_mut) {
            for branch in branches {
                self.visit(branch, views.clone());
            }
        }
    }

    /// Recovers the properties of one collapsed schema (or of its items, for arrays).
    fn recover(&mut self, schema: &mut Value, views: &[Value]) {
        let announced = CollapsedCount::read(schema)
            .ok()
            .flatten()
            .map_or(0, |CollapsedCount(count)| count);
        let is_array = schema.get("type") == Some(&json!("array"));
        let objects: Vec<&Map<String, Value>> = if is_array {
            views
                .iter()
                .filter_map(Value::as_array)
                .flatten()
                .filter_map(Value::as_object)
                .collect()
        } else {
            views.iter().filter_map(Value::as_object).collect()
        };
        let recovered = infer_properties(&objects);
        let line = self.line();
        let name = display_path(&self.path);
        let count = recovered.len() as u64;
        if count == 0 {
            let what = match announced {
                0 => "collapsed its properties".to_string(),
                n => format!("collapsed {n} propert{}", plural(n)),
            };
            self.unexpanded.push(Unexpanded {
                path: self.path.clone(),
                line,
                warning: format!("`{name}`: the page {what} and no example or other schema shows them; kept as a free-form object"),
            });
            return;
        }
        if announced != 0 && count != announced {
            self.warnings.page(
                line,
                format!("`{name}`: the page announced {announced} collapsed propert{}, the examples show {count}", plural(announced)),
            );
        }
        let target = if is_array {
            schema.as_object_mut().map(|object| {
                object
                    .entry("items")
                    .or_insert_with(|| json!({"type": "object"}))
            })
        } else {
            Some(schema)
        };
        if let Some(Value::Object(target)) = target {
            target.entry("type").or_insert_with(|| "object".into());
            let properties = target.entry("properties").or_insert_with(|| json!({}));
            if let Some(properties) = properties.as_object_mut() {
                for (key, value) in recovered {
                    properties.entry(key).or_insert(value);
                }
            }
            move_example_to_end(target);
        }
    }
}

impl Walk<'_> {
    /// The page line of the current property or, for recovered ones, of its nearest listed ancestor.
    fn line(&self) -> usize {
        (0..=self.path.len())
            .rev()
            .find_map(|len| self.lines.get(&display_path(&self.path[..len])).copied())
            .unwrap_or(0)
    }
}

fn plural(count: u64) -> &'static str {
    if count == 1 { "y" } else { "ies" }
}

fn is_marker(value: &Value) -> bool {
    matches!(value.as_str(), Some(COLLAPSED_OBJECT | COLLAPSED_ARRAY))
}

/// Property schemas inferred from example objects, in order of first appearance.
fn infer_properties(objects: &[&Map<String, Value>]) -> Map<String, Value> {
    let mut keys: Vec<&String> = Vec::new();
    for object in objects {
        for key in object.keys() {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys.into_iter()
        .map(|key| {
            let values: Vec<&Value> = objects
                .iter()
                .filter_map(|object| object.get(key))
                .collect();
            (key.clone(), infer_schema(&values))
        })
        .collect()
}

/// The narrowest schema that all `values` fit; an example is kept for scalars.
fn infer_schema(values: &[&Value]) -> Value {
    let nullable = values.iter().any(|value| value.is_null());
    let present: Vec<&Value> = values
        .iter()
        .copied()
        .filter(|value| !value.is_null())
        .collect();
    let mut schema = Map::new();
    let kind = |value: &Value| match value {
        Value::String(text) if text == COLLAPSED_OBJECT => "object",
        Value::String(text) if text == COLLAPSED_ARRAY => "array",
        Value::String(_) => "string",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::Object(_) => "object",
        Value::Array(_) => "array",
        Value::Null => "null",
    };
    let kinds: Vec<&str> = present.iter().map(|value| kind(value)).collect();
    let same_kind = kinds
        .first()
        .filter(|first| kinds.iter().all(|kind| kind == *first));
    if let Some(kind) = same_kind {
        schema.insert("type".into(), (*kind).into());
    }
    if nullable {
        schema.insert("nullable".into(), true.into());
    }
    match same_kind.copied() {
        Some("object") => {
            let objects: Vec<&Map<String, Value>> = present
                .iter()
                .filter_map(|value| value.as_object())
                .collect();
            if objects.is_empty() {
                // Only `{ … }` was shown: the page hid this level too.
                Collapsed(true).write(&mut schema);
            } else {
                let properties = infer_properties(&objects);
                if !properties.is_empty() {
                    schema.insert("properties".into(), properties.into());
                }
            }
        }
        Some("array") => {
            let elements: Vec<&Value> = present
                .iter()
                .filter_map(|value| value.as_array())
                .flatten()
                .collect();
            let items = if elements.is_empty() {
                json!({})
            } else {
                infer_schema(&elements)
            };
            schema.insert("items".into(), items);
        }
        Some(_) => {
            if let Some(example) = present.first() {
                schema.insert("example".into(), (*example).clone());
            }
        }
        None => {}
    }
    Value::Object(schema)
}

/// An entity example with its holes filled, and the JSON pointers of the holes.
pub struct RepairedExample {
    pub value: Value,
    pub pointers: Vec<String>,
}

/// Fills the `{ … }` / `[ … ]` holes of `example` from `schema`.
pub fn repair_example(
    schema: &Value,
    example: &Value,
    line: usize,
    warnings: &mut Warnings,
) -> RepairedExample {
    let mut repair = Repair {
        pointers: Vec::new(),
        unfilled: Vec::new(),
    };
    let value = repair.walk(schema, example, String::new());
    for pointer in repair.unfilled {
        warnings.page(
            line,
            format!("example hole at `{pointer}` could not be filled from the schema; left empty"),
        );
    }
    RepairedExample {
        value,
        pointers: repair.pointers,
    }
}

struct Repair {
    pointers: Vec<String>,
    unfilled: Vec<String>,
}

impl Repair {
    fn walk(&mut self, schema: &Value, value: &Value, pointer: String) -> Value {
        match value {
            Value::String(text) if text == COLLAPSED_OBJECT || text == COLLAPSED_ARRAY => {
                let fallback = if text == COLLAPSED_OBJECT {
                    json!({})
                } else {
                    json!([])
                };
                let filled = synthesize(schema).unwrap_or_else(|| {
                    if needs_content(schema) {
                        self.unfilled.push(pointer.clone());
                    }
                    fallback
                });
                self.pointers.push(if pointer.is_empty() {
                    "/".into()
                } else {
                    pointer
                });
                filled
            }
            Value::Object(object) => Value::Object(
                object
                    .iter()
                    .map(|(key, child)| {
                        let child_schema = property_schema(schema, key).unwrap_or(&Value::Null);
                        let child_pointer = format!("{pointer}/{}", escape_pointer(key));
                        (key.clone(), self.walk(child_schema, child, child_pointer))
                    })
                    .collect(),
            ),
            Value::Array(elements) => {
                let items = object_branch(schema)
                    .and_then(|s| s.get("items"))
                    .unwrap_or(&Value::Null);
                Value::Array(
                    elements
                        .iter()
                        .enumerate()
                        .map(|(index, child)| self.walk(items, child, format!("{pointer}/{index}")))
                        .collect(),
                )
            }
            other => other.clone(),
        }
    }
}

/// Whether an empty `{}` / `[]` would break the schema's constraints.
fn needs_content(schema: &Value) -> bool {
    let schema = object_branch(schema).unwrap_or(schema);
    schema.get("minItems").and_then(Value::as_u64).unwrap_or(0) > 0
        || schema
            .get("minProperties")
            .and_then(Value::as_u64)
            .unwrap_or(0)
            > 0
        || schema
            .get("required")
            .and_then(Value::as_array)
            .is_some_and(|required| !required.is_empty())
}

/// The schema itself or, for a union, its object/array member.
fn object_branch(schema: &Value) -> Option<&Value> {
    match schema.get("oneOf").and_then(Value::as_array) {
        Some(branches) => branches.iter().find(|branch| {
            matches!(
                branch.get("type").and_then(Value::as_str),
                Some("object" | "array")
            )
        }),
        None => Some(schema),
    }
}

fn property_schema<'a>(schema: &'a Value, key: &str) -> Option<&'a Value> {
    object_branch(schema)?.get("properties")?.get(key)
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// An instance of `schema` built from what the schema says, or `None` when it says too little.
fn synthesize(schema: &Value) -> Option<Value> {
    if let Some(example) = schema
        .get("example")
        .filter(|example| !contains_marker(example))
    {
        return Some(example.clone());
    }
    let schema = object_branch(schema)?;
    match schema.get("type").and_then(Value::as_str) {
        Some("object") => {
            let properties = schema.get("properties").and_then(Value::as_object)?;
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|names| names.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut object = Map::new();
            for (name, property) in properties {
                match synthesize(property) {
                    Some(value) => {
                        object.insert(name.clone(), value);
                    }
                    None if required.contains(&name.as_str()) => return None,
                    None => {}
                }
            }
            Some(Value::Object(object))
        }
        Some("array") => match schema.get("items").and_then(synthesize) {
            Some(item) => Some(json!([item])),
            None => Some(json!([])).filter(|_| !needs_content(schema)),
        },
        _ => schema
            .get("default")
            .or_else(|| schema.get("enum").and_then(|values| values.get(0)))
            .cloned(),
    }
}

fn contains_marker(value: &Value) -> bool {
    match value {
        Value::String(_) => is_marker(value),
        Value::Array(elements) => elements.iter().any(contains_marker),
        Value::Object(object) => object.values().any(contains_marker),
        _ => false,
    }
}
