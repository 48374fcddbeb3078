//! Schemas of request and response shapes: the writable fields of an entity, page envelopes,
//! and the schema fragments of `spec/overrides.yaml` with their shorthands:
//!
//! - `{entity: Campaign}` → a `$ref` to an entity schema of the page;
//! - `{ref: LeadFilter}` → a `$ref` to any schema (entity, override-defined, derived);
//! - `{page: Lead}` → a `$ref` to `LeadPage`, the cursor page of the entity (created on use);
//! - `{property: Campaign.status}` → a copy of the entity property's schema (its enum values and
//!   their descriptions included), without `readOnly`; `a.b` goes into nested properties and
//!   `a[]` into array items;
//! - `{writable: Account, omit: [...], properties: {...}, required: [...], description: ...}` →
//!   the entity's writable fields ([`writable_schema`]), minus `omit`, plus or replaced by
//!   `properties`, with `required` replacing the entity's list (`[]`: none required).
//!
//! Everything else is an OpenAPI 3.0 schema; its keywords are checked so that a typo in the
//! overrides is an error, not a silently ignored key.

use std::collections::HashSet;

use instantly_codegen::extensions::{
    DerivedFrom, ExampleRepaired, Extension, Source, is_extension_key,
};
use serde_json::{Map, Value, json};

use super::conventions::{page_schema, schema_ref};
use crate::normalize::component_names::component_name;
use crate::openapi::VALUE_CONSTRAINTS;

/// A problem in an override fragment; `needle` is the text to look for in the overrides file
/// to find its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    pub message: String,
    pub needle: String,
}

impl ShapeError {
    fn new(message: impl Into<String>, needle: impl Into<String>) -> Self {
        ShapeError {
            message: message.into(),
            needle: needle.into(),
        }
    }
}

/// Keywords a fragment may use besides `VALUE_CONSTRAINTS`.
const SCHEMA_KEYWORDS: &[&str] = &[
    "$ref",
    "type",
    "format",
    "nullable",
    "enum",
    "items",
    "properties",
    "required",
    "additionalProperties",
    "description",
    "example",
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "readOnly",
    "writeOnly",
    "deprecated",
    "title",
];

/// Resolves fragments against `components.schemas`, adding the page envelopes they use.
pub struct Shapes<'a> {
    schemas: &'a mut Map<String, Value>,
    /// The entity schemas of the page (the schemas present before any were added).
    entities: HashSet<String>,
    /// The page envelopes created so far.
    pages: HashSet<String>,
}

impl<'a> Shapes<'a> {
    pub fn new(schemas: &'a mut Map<String, Value>) -> Self {
        let entities = schemas.keys().cloned().collect();
        Shapes {
            schemas,
            entities,
            pages: HashSet::new(),
        }
    }

    pub fn is_entity(&self, name: &str) -> bool {
        self.entities.contains(name)
    }

    pub fn schema(&self, name: &str) -> Option<&Value> {
        self.schemas.get(name)
    }

    /// The page title of an entity (its `title`), or its component name.
    pub fn title_of(&self, entity: &str) -> String {
        self.schemas
            .get(entity)
            .and_then(|schema| schema.get("title"))
            .and_then(Value::as_str)
            .unwrap_or(entity)
            .to_string()
    }

    /// Adds a schema under a new name and returns a `$ref` to it.
    pub fn add_named(&mut self, name: &str, schema: Value) -> Result<Value, ShapeError> {
        if self.schemas.contains_key(name) {
            return Err(ShapeError::new(
                format!("schema `{name}` already exists"),
                name,
            ));
        }
        self.schemas.insert(name.to_string(), schema);
        Ok(json!({"$ref": schema_ref(name)}))
    }

    /// `<Entity>Page`, created on first use; a `$ref` to it.
    pub fn page_of(&mut self, entity: &str) -> Result<Value, ShapeError> {
        let name = format!("{entity}Page");
        if !self.pages.contains(&name) {
            let schema = page_schema(entity, &self.title_of(entity));
            self.add_named(&name, schema)?;
            self.pages.insert(name.clone());
        }
        Ok(json!({"$ref": schema_ref(&name)}))
    }

    /// Whether `schema` is a `$ref` to a page envelope.
    pub fn is_page_ref(&self, schema: &Value) -> bool {
        ref_name(schema).is_some_and(|name| self.pages.contains(name))
    }

    /// The entity's writable fields as a new schema (see [`writable_schema`]).
    pub fn writable(&self, entity: &str) -> Result<Value, ShapeError> {
        let schema = self.entity(entity)?;
        Ok(writable_schema(schema, entity, &self.title_of(entity)))
    }

    fn entity(&self, name: &str) -> Result<&Value, ShapeError> {
        self.entities
            .contains(name)
            .then(|| self.schemas.get(name))
            .flatten()
            .ok_or_else(|| ShapeError::new(format!("no entity schema `{name}` on the page"), name))
    }

    /// Resolves the shorthands of an override fragment, recursively.
    pub fn resolve(&mut self, fragment: &Value) -> Result<Value, ShapeError> {
        let Value::Object(map) = fragment else {
            return Err(ShapeError::new(
                format!("a schema must be a mapping, not `{fragment}`"),
                fragment.to_string(),
            ));
        };
        if let Some(name) = map.get("entity") {
            let name = self.shorthand_name(map, "entity", name)?;
            self.entity(&name)?;
            return Ok(json!({"$ref": schema_ref(&name)}));
        }
        if let Some(name) = map.get("ref") {
            let name = self.shorthand_name(map, "ref", name)?;
            if !self.schemas.contains_key(&name) {
                return Err(ShapeError::new(format!("no schema `{name}`"), name));
            }
            return Ok(json!({"$ref": schema_ref(&name)}));
        }
        if let Some(name) = map.get("page") {
            let name = self.shorthand_name(map, "page", name)?;
            self.entity(&name)?;
            return self.page_of(&name);
        }
        if let Some(path) = map.get("property") {
            let path = self.shorthand_name(map, "property", path)?;
            return self.property(&path);
        }
        if map.contains_key("writable") {
            return self.writable_fragment(map);
        }
        self.resolve_plain(map)
    }

    /// The name a one-key shorthand holds; entity names may be page titles (`Lead List`).
    fn shorthand_name(
        &self,
        map: &Map<String, Value>,
        key: &str,
        value: &Value,
    ) -> Result<String, ShapeError> {
        let Some(name) = value.as_str() else {
            return Err(ShapeError::new(
                format!("`{key}` takes a name, not `{value}`"),
                key,
            ));
        };
        if let Some(extra) = map.keys().find(|k| k.as_str() != key) {
            return Err(ShapeError::new(
                format!("`{key}: {name}` takes no other key (found `{extra}`)"),
                name,
            ));
        }
        Ok(match key {
            "property" | "ref" => name.to_string(),
            _ => component_name(name),
        })
    }

    fn property(&self, path: &str) -> Result<Value, ShapeError> {
        let not_found = || ShapeError::new(format!("no property `{path}`"), path);
        let (entity, rest) = path.split_once('.').ok_or_else(not_found)?;
        let mut schema = self.entity(&component_name(entity))?;
        for part in rest.split('.') {
            let (name, into_items) = match part.strip_suffix("[]") {
                Some(name) => (name, true),
                None => (part, false),
            };
            schema = schema
                .get("properties")
                .and_then(|p| p.get(name))
                .ok_or_else(not_found)?;
            if into_items {
                schema = schema.get("items").ok_or_else(not_found)?;
            }
        }
        let mut copy = schema.clone();
        if let Some(map) = copy.as_object_mut() {
            map.shift_remove("readOnly");
        }
        Ok(copy)
    }

    fn writable_fragment(&mut self, map: &Map<String, Value>) -> Result<Value, ShapeError> {
        const KEYS: [&str; 5] = ["writable", "omit", "properties", "required", "description"];
        if let Some(extra) = map.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(ShapeError::new(
                format!("`writable` takes {KEYS:?}, not `{extra}`"),
                extra.as_str(),
            ));
        }
        let entity = self.shorthand_entity(map)?;
        let mut schema = self.writable(&entity)?;
        for name in string_list(map, "omit")? {
            let removed = schema
                .get_mut("properties")
                .and_then(Value::as_object_mut)
                .and_then(|p| p.shift_remove(&name));
            if removed.is_none() {
                return Err(ShapeError::new(
                    format!("`omit`: `{entity}` has no writable property `{name}`"),
                    name,
                ));
            }
            remove_required(&mut schema, &name);
            remove_example_field(&mut schema, &name);
        }
        if let Some(properties) = map.get("properties") {
            // The entity's example does not vouch for a replaced property.
            for name in properties.as_object().into_iter().flat_map(Map::keys) {
                remove_example_field(&mut schema, name);
            }
            self.merge_properties(&mut schema, properties)?;
        }
        if map.contains_key("required") {
            set_required(&mut schema, string_list(map, "required")?)?;
        }
        drop_example_missing_required(&mut schema);
        if let Some(description) = map.get("description") {
            schema["description"] = description.clone();
        }
        Ok(schema)
    }

    fn shorthand_entity(&self, map: &Map<String, Value>) -> Result<String, ShapeError> {
        let name = map.get("writable").and_then(Value::as_str);
        let name =
            name.ok_or_else(|| ShapeError::new("`writable` takes an entity name", "writable"))?;
        let name = component_name(name);
        self.entity(&name)?;
        Ok(name)
    }

    /// Adds or replaces `properties` (a mapping of fragments) in an object schema.
    pub fn merge_properties(
        &mut self,
        schema: &mut Value,
        properties: &Value,
    ) -> Result<(), ShapeError> {
        let Value::Object(properties) = properties else {
            return Err(ShapeError::new(
                "`properties` must be a mapping",
                "properties",
            ));
        };
        let mut resolved = Vec::with_capacity(properties.len());
        for (name, fragment) in properties {
            resolved.push((name.clone(), self.resolve(fragment)?));
        }
        let target = schema
            .as_object_mut()
            .map(|map| map.entry("properties").or_insert_with(|| json!({})))
            .and_then(Value::as_object_mut)
            .ok_or_else(|| {
                ShapeError::new(
                    "cannot add properties to a schema without them",
                    "properties",
                )
            })?;
        for (name, property) in resolved {
            target.insert(name, property);
        }
        Ok(())
    }

    /// Applies a correction to an entity schema: each property replaced or added (marked
    /// `x-source: override`), and `required` replaced when given.
    pub fn correct(
        &mut self,
        name: &str,
        properties: &[(String, Value)],
        required: Option<Vec<String>>,
    ) -> Result<(), ShapeError> {
        let mut schema = self.entity(name)?.clone();
        let mut fragments = Map::with_capacity(properties.len());
        for (property, fragment) in properties {
            let mut resolved = self.resolve(fragment)?;
            Source::Override.write(&mut resolved);
            fragments.insert(property.clone(), resolved);
        }
        let target = schema
            .as_object_mut()
            .map(|map| map.entry("properties").or_insert_with(|| json!({})))
            .and_then(Value::as_object_mut)
            .ok_or_else(|| {
                ShapeError::new(format!("`{name}` has no properties to correct"), name)
            })?;
        target.extend(fragments);
        if let Some(required) = required {
            set_required(&mut schema, required)?;
        }
        self.schemas.insert(name.to_string(), schema);
        Ok(())
    }

    fn resolve_plain(&mut self, map: &Map<String, Value>) -> Result<Value, ShapeError> {
        let mut out = Map::with_capacity(map.len());
        for (key, value) in map {
            let keyword = key.as_str();
            let known = SCHEMA_KEYWORDS.contains(&keyword) || VALUE_CONSTRAINTS.contains(&keyword);
            if !known && !is_extension_key(key) {
                return Err(ShapeError::new(
                    format!("`{key}` is not an OpenAPI schema keyword nor a shorthand"),
                    key.as_str(),
                ));
            }
            let resolved = match (key.as_str(), value) {
                ("properties", Value::Object(properties)) => {
                    let mut resolved = Map::with_capacity(properties.len());
                    for (name, fragment) in properties {
                        resolved.insert(name.clone(), self.resolve(fragment)?);
                    }
                    Value::Object(resolved)
                }
                ("items" | "not", _) | ("additionalProperties", Value::Object(_)) => {
                    self.resolve(value)?
                }
                ("oneOf" | "anyOf" | "allOf", Value::Array(members)) => Value::Array(
                    members
                        .iter()
                        .map(|m| self.resolve(m))
                        .collect::<Result<_, _>>()?,
                ),
                _ => value.clone(),
            };
            out.insert(key.clone(), resolved);
        }
        Ok(Value::Object(out))
    }
}

/// The name a `{"$ref": "#/components/schemas/X"}` points at.
pub fn ref_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
}

/// The writable fields of an entity schema, as a request body: read-only properties are
/// dropped at every depth (with their `required` entries and example keys); everything else
/// of each property stays. The entity's title and example bookkeeping go: this is a new schema,
/// named after the operation that takes it, and `x-derived-from` says where it came from.
pub fn writable_schema(entity_schema: &Value, entity: &str, title: &str) -> Value {
    let mut schema = entity_schema.clone();
    strip_read_only(&mut schema);
    if let Some(map) = schema.as_object_mut() {
        map.shift_remove("title");
        ExampleRepaired::remove(map);
        map.insert(
            "description".into(),
            format!("The writable fields of {title}.").into(),
        );
        DerivedFrom(entity.to_owned()).write(map);
        Source::Convention.write(map);
    }
    schema
}

fn is_read_only(schema: &Value) -> bool {
    schema
        .get("readOnly")
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// Drops read-only properties at every depth (with their `required` entries and example keys).
pub fn strip_read_only(schema: &mut Value) {
    let original = schema.clone();
    let Some(map) = schema.as_object_mut() else {
        return;
    };
    if let Some(example) = map.get_mut("example") {
        strip_read_only_example(example, &original);
    }
    let mut dropped = Vec::new();
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        properties.retain(|name, property| {
            let keep = !is_read_only(property);
            if !keep {
                dropped.push(name.clone());
            }
            keep
        });
        properties.values_mut().for_each(strip_read_only);
    }
    for name in &dropped {
        remove_required_in(map, name);
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(sub) = map.get_mut(key) {
            strip_read_only(sub);
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(members)) = map.get_mut(key) {
            members.iter_mut().for_each(strip_read_only);
        }
    }
}

/// Removes the values of read-only properties from an example, following the schema.
fn strip_read_only_example(example: &mut Value, schema: &Value) {
    match example {
        Value::Object(fields) => {
            let Some(Value::Object(properties)) = schema.get("properties") else {
                return;
            };
            fields.retain(|name, _| !properties.get(name).is_some_and(is_read_only));
            for (name, value) in fields.iter_mut() {
                if let Some(property) = properties.get(name) {
                    strip_read_only_example(value, property);
                }
            }
        }
        Value::Array(elements) => {
            if let Some(items) = schema.get("items") {
                elements
                    .iter_mut()
                    .for_each(|element| strip_read_only_example(element, items));
            }
        }
        _ => {}
    }
}

fn remove_example_field(schema: &mut Value, name: &str) {
    if let Some(Value::Object(example)) = schema.get_mut("example") {
        example.shift_remove(name);
    }
}

/// An example without a required field would not validate: it goes.
fn drop_example_missing_required(schema: &mut Value) {
    let Some(map) = schema.as_object_mut() else {
        return;
    };
    let complete = match (map.get("example"), map.get("required")) {
        (Some(Value::Object(example)), Some(Value::Array(required))) => required
            .iter()
            .filter_map(Value::as_str)
            .all(|name| example.contains_key(name)),
        _ => true,
    };
    if !complete {
        map.shift_remove("example");
    }
}

fn remove_required(schema: &mut Value, name: &str) {
    if let Some(map) = schema.as_object_mut() {
        remove_required_in(map, name);
    }
}

/// Removes `name` from `required`, and `required` itself when it empties (OpenAPI 3.0 wants it
/// non-empty).
fn remove_required_in(map: &mut Map<String, Value>, name: &str) {
    if let Some(Value::Array(required)) = map.get_mut("required") {
        required.retain(|entry| entry.as_str() != Some(name));
        if required.is_empty() {
            map.shift_remove("required");
        }
    }
}

/// Replaces `required`; every name must be a property.
fn set_required(schema: &mut Value, names: Vec<String>) -> Result<(), ShapeError> {
    let properties = schema.get("properties").and_then(Value::as_object);
    if let Some(missing) = names
        .iter()
        .find(|name| !properties.is_some_and(|p| p.contains_key(*name)))
    {
        return Err(ShapeError::new(
            format!("required `{missing}` is not a property"),
            missing.as_str(),
        ));
    }
    if let Some(map) = schema.as_object_mut() {
        if names.is_empty() {
            map.shift_remove("required");
        } else {
            map.insert("required".into(), names.into());
        }
    }
    Ok(())
}

fn string_list(map: &Map<String, Value>, key: &str) -> Result<Vec<String>, ShapeError> {
    match map.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| ShapeError::new(format!("`{key}` must list names"), key)),
        Some(_) => Err(ShapeError::new(format!("`{key}` must be a list"), key)),
    }
}

/// Removes `required` from the top level: an update sends any subset of the writable fields.
pub fn without_required(mut schema: Value) -> Value {
    if let Some(map) = schema.as_object_mut() {
        map.shift_remove("required");
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign() -> Value {
        json!({
            "type": "object",
            "title": "Campaign",
            "required": ["id", "name", "schedule"],
            "properties": {
                "id": {"type": "string", "readOnly": true},
                "name": {"type": "string", "description": "Name"},
                "status": {"type": "integer", "readOnly": true, "enum": [0, 1], "x-enum-descriptions": ["Draft", "Active"]},
                "schedule": {
                    "type": "object",
                    "required": ["created", "days"],
                    "properties": {
                        "created": {"type": "string", "readOnly": true},
                        "days": {"type": "array", "items": {
                            "type": "object",
                            "required": ["hits"],
                            "properties": {"hits": {"type": "integer", "readOnly": true}, "day": {"type": "string"}}
                        }}
                    },
                    "example": {"created": "x", "days": [{"hits": 1, "day": "mon"}]}
                }
            },
            "example": {"id": "1", "name": "n", "status": 1, "schedule": {"created": "x", "days": [{"hits": 1, "day": "mon"}]}},
            "x-example-repaired": ["/schedule"]
        })
    }

    fn schemas() -> Map<String, Value> {
        let mut schemas = Map::new();
        schemas.insert("Campaign".into(), campaign());
        schemas
    }

    #[test]
    fn writable_fields_drop_read_only_at_every_depth() {
        let schema = writable_schema(&campaign(), "Campaign", "Campaign");
        let expected = json!({
            "type": "object",
            "required": ["name", "schedule"],
            "properties": {
                "name": {"type": "string", "description": "Name"},
                "schedule": {
                    "type": "object",
                    "required": ["days"],
                    "properties": {
                        "days": {"type": "array", "items": {
                            "type": "object",
                            "properties": {"day": {"type": "string"}}
                        }}
                    },
                    "example": {"days": [{"day": "mon"}]}
                }
            },
            "example": {"name": "n", "schedule": {"days": [{"day": "mon"}]}},
            "description": "The writable fields of Campaign.",
            "x-derived-from": "Campaign",
            "x-source": "convention"
        });
        assert_eq!(schema, expected);
    }

    #[test]
    fn shorthands_resolve_to_refs_and_derived_schemas() {
        let mut schemas = schemas();
        let mut shapes = Shapes::new(&mut schemas);
        assert_eq!(
            shapes.resolve(&json!({"entity": "Campaign"})).unwrap(),
            json!({"$ref": "#/components/schemas/Campaign"})
        );
        assert_eq!(
            shapes.resolve(&json!({"page": "Campaign"})).unwrap(),
            json!({"$ref": "#/components/schemas/CampaignPage"})
        );
        assert!(shapes.is_page_ref(&json!({"$ref": "#/components/schemas/CampaignPage"})));
        let status = shapes
            .resolve(&json!({"property": "Campaign.status"}))
            .unwrap();
        assert_eq!(
            status,
            json!({"type": "integer", "enum": [0, 1], "x-enum-descriptions": ["Draft", "Active"]})
        );
        let day = shapes
            .resolve(&json!({"property": "Campaign.schedule.days[].day"}))
            .unwrap();
        assert_eq!(day, json!({"type": "string"}));

        let body = json!({
            "writable": "Campaign",
            "omit": ["schedule"],
            "properties": {"extra": {"type": "array", "items": {"entity": "Campaign"}}},
            "required": ["name", "extra"]
        });
        let body = shapes.resolve(&body).unwrap();
        let names: Vec<_> = body["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(names, ["name", "extra"]);
        assert_eq!(body["required"], json!(["name", "extra"]));
        assert!(
            body.get("example").is_none(),
            "the example lacks the required `extra`"
        );
        let update = json!({"writable": "Campaign", "omit": ["schedule"], "required": []});
        let update = shapes.resolve(&update).unwrap();
        assert_eq!(update["example"], json!({"name": "n"}));
        assert_eq!(
            body["properties"]["extra"]["items"]["$ref"],
            "#/components/schemas/Campaign"
        );
        assert!(schemas.contains_key("CampaignPage"));
    }

    #[test]
    fn bad_fragments_name_what_is_wrong() {
        let mut schemas = schemas();
        let mut shapes = Shapes::new(&mut schemas);
        let err = |shapes: &mut Shapes, fragment: Value| shapes.resolve(&fragment).unwrap_err();
        assert_eq!(
            err(&mut shapes, json!({"entity": "Campain"})).needle,
            "Campain"
        );
        assert_eq!(err(&mut shapes, json!({"page": "Nope"})).needle, "Nope");
        assert_eq!(
            err(&mut shapes, json!({"type": "object", "requried": ["a"]})).needle,
            "requried"
        );
        assert_eq!(
            err(&mut shapes, json!({"writable": "Campaign", "omit": ["id"]})).needle,
            "id"
        );
        assert_eq!(
            err(
                &mut shapes,
                json!({"writable": "Campaign", "required": ["zzz"]})
            )
            .needle,
            "zzz"
        );
        assert_eq!(
            err(&mut shapes, json!({"entity": "Campaign", "nullable": true})).needle,
            "Campaign"
        );
        assert_eq!(
            err(&mut shapes, json!({"property": "Campaign.nope"})).needle,
            "Campaign.nope"
        );
        assert_eq!(
            err(&mut shapes, json!({"ref": "Missing"})).needle,
            "Missing"
        );
        assert!(shapes.resolve(&json!("string")).is_err());
    }

    #[test]
    fn plain_fragments_keep_their_keywords_and_extensions() {
        let mut schemas = schemas();
        let mut shapes = Shapes::new(&mut schemas);
        let fragment =
            json!({"type": "string", "enum": ["a", null], "nullable": true, "x-note": 1});
        assert_eq!(shapes.resolve(&fragment).unwrap(), fragment);
    }
}
