//! Where the schemas that become Rust types sit in the document, and what each place is called.
//!
//! The walk knows the schema grammar (a property named `items` is a property, not array items)
//! and visits schemas in document-independent order: component schemas first (the page's
//! entities, then what operations added), then every operation's parameters, body and
//! responses, then shared responses. That order decides which place of a shape is its first.

use heck::ToUpperCamelCase;
use instantly_codegen::extensions::{Extension, Source};
use serde_json::Value;

use crate::openapi::METHODS;

/// A schema the generator turns into a named type: an object with properties, an enum, or a
/// union of several members.
#[derive(Debug, Clone)]
pub struct Place {
    pub pointer: String,
    /// The naming segments from the outermost named thing to this place, UpperCamelCase:
    /// `Campaign.campaign_schedule.schedules[]` is `[Campaign, CampaignSchedule, Schedule]`.
    pub segments: Vec<String>,
    /// The property or parameter name the place is under (`status`), for matching enums.
    pub leaf: String,
    /// The component the place is the whole of, when it is one.
    pub component: Option<String>,
    /// Where the facts at this place came from (its component's or operation part's `x-source`).
    pub source: Source,
}

impl Place {
    /// Whether `other` lies inside this place's schema.
    pub fn contains(&self, other: &Place) -> bool {
        other.pointer.len() > self.pointer.len()
            && other.pointer.starts_with(&self.pointer)
            && other.pointer.as_bytes()[self.pointer.len()] == b'/'
    }
}

/// Every place of the document, outer places before the places inside them.
pub fn places(document: &Value) -> Vec<Place> {
    let mut walk = Walk::default();
    if let Some(schemas) = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for (name, schema) in schemas {
            let at = Context {
                pointer: format!("/components/schemas/{}", escape(name)),
                segments: vec![name.clone()],
                leaf: name.clone(),
                source: source_of(schema, Source::Page),
            };
            walk.schema(schema, &at, Some(name));
        }
    }
    if let Some(paths) = document.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for method in METHODS {
                if let Some(operation) = item.get(method) {
                    let pointer = format!("/paths/{}/{method}", escape(path));
                    walk.operation(operation, &pointer);
                }
            }
        }
    }
    if let Some(responses) = document
        .pointer("/components/responses")
        .and_then(Value::as_object)
    {
        for (name, response) in responses {
            let pointer = format!("/components/responses/{}", escape(name));
            let source = source_of(response, Source::Convention);
            walk.contents(response, &pointer, vec![name.clone()], source);
        }
    }
    walk.places
}

#[derive(Default)]
struct Walk {
    places: Vec<Place>,
}

struct Context {
    pointer: String,
    segments: Vec<String>,
    leaf: String,
    source: Source,
}

impl Context {
    /// The context of a schema inside this one; `suffix` is already escaped (`properties/a~1b`).
    fn child(&self, suffix: &str, segments: Vec<String>, leaf: &str) -> Context {
        Context {
            pointer: format!("{}/{suffix}", self.pointer),
            segments,
            leaf: leaf.to_owned(),
            source: self.source,
        }
    }

    /// The segments with the last one replaced by `last`.
    fn replacing_last(&self, last: String) -> Vec<String> {
        let mut segments = self.segments.clone();
        segments.pop();
        segments.push(last);
        segments
    }

    fn last(&self) -> &str {
        self.segments.last().map(String::as_str).unwrap_or_default()
    }
}

impl Walk {
    fn operation(&mut self, operation: &Value, pointer: &str) {
        let name = operation
            .get("operationId")
            .and_then(Value::as_str)
            .unwrap_or("operation")
            .to_upper_camel_case();
        let source = source_of(operation, Source::Page);
        if let Some(parameters) = operation.get("parameters").and_then(Value::as_array) {
            for (index, parameter) in parameters.iter().enumerate() {
                let Some(schema) = parameter.get("schema") else {
                    continue;
                };
                let parameter_name = parameter.get("name").and_then(Value::as_str).unwrap_or("");
                let at = Context {
                    pointer: format!("{pointer}/parameters/{index}/schema"),
                    segments: vec![name.clone(), parameter_name.to_upper_camel_case()],
                    leaf: parameter_name.to_owned(),
                    source: source_of(parameter, source),
                };
                self.schema(schema, &at, None);
            }
        }
        if let Some(body) = operation.get("requestBody") {
            let source = source_of(body, source);
            let segments = vec![format!("{name}Request")];
            self.contents(body, &format!("{pointer}/requestBody"), segments, source);
        }
        if let Some(responses) = operation.get("responses").and_then(Value::as_object) {
            for (status, response) in responses {
                let source = source_of(response, source);
                let segments = vec![record_name(&name)];
                let at = format!("{pointer}/responses/{}", escape(status));
                self.contents(response, &at, segments, source);
            }
        }
    }

    /// The schemas of a body's or response's media types.
    fn contents(&mut self, holder: &Value, pointer: &str, segments: Vec<String>, source: Source) {
        let Some(content) = holder.get("content").and_then(Value::as_object) else {
            return;
        };
        for (media_type, media) in content {
            if let Some(schema) = media.get("schema") {
                let at = Context {
                    pointer: format!("{pointer}/content/{}/schema", escape(media_type)),
                    leaf: segments.last().cloned().unwrap_or_default(),
                    segments: segments.clone(),
                    source,
                };
                self.schema(schema, &at, None);
            }
        }
    }

    fn schema(&mut self, schema: &Value, at: &Context, component: Option<&String>) {
        let Some(object) = schema.as_object() else {
            return;
        };
        if object.contains_key("$ref") {
            return;
        }
        if is_type_schema(schema) {
            self.places.push(Place {
                pointer: at.pointer.clone(),
                segments: at.segments.clone(),
                leaf: at.leaf.clone(),
                component: component.cloned(),
                source: at.source,
            });
        }
        if let Some(properties) = object.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                let mut segments = at.segments.clone();
                segments.push(name.to_upper_camel_case());
                let child = at.child(&format!("properties/{}", escape(name)), segments, name);
                self.schema(property, &child, None);
            }
        }
        if let Some(items) = object.get("items") {
            let child = at.child("items", at.replacing_last(item_name(at.last())), &at.leaf);
            self.schema(items, &child, None);
        }
        if let Some(values) = object.get("additionalProperties")
            && values.is_object()
        {
            let segments = at.replacing_last(format!("{}Value", at.last()));
            let child = at.child("additionalProperties", segments, &at.leaf);
            self.schema(values, &child, None);
        }
        for keyword in ["oneOf", "anyOf", "allOf"] {
            let Some(members) = object.get(keyword).and_then(Value::as_array) else {
                continue;
            };
            let objects = members.iter().filter(|m| is_object(m)).count();
            for (index, member) in members.iter().enumerate() {
                let word = member_word(member, objects > 1);
                let segments = at.replacing_last(format!("{}{word}", at.last()));
                let child = at.child(&format!("{keyword}/{index}"), segments, &at.leaf);
                self.schema(member, &child, None);
            }
        }
    }
}

/// What a response's records are called: the operation without its verb
/// (`GetCampaignAnalyticsSteps` → `CampaignAnalyticsSteps`, whose items are
/// `CampaignAnalyticsStep`), or the operation and `Response` for a one-word operation.
fn record_name(operation: &str) -> String {
    let rest = operation
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_ascii_uppercase())
        .map(|(index, _)| &operation[index..]);
    match rest {
        Some(rest) => rest.to_owned(),
        None => format!("{operation}Response"),
    }
}

/// Whether the generator makes a named type of the schema. A place that refers to a hoisted
/// type (`allOf: [$ref]`, `oneOf: [$ref, null]`) is not one, even when it lists its own enum values beside it.
pub fn is_type_schema(schema: &Value) -> bool {
    if is_reference_wrapper(schema) || is_null_only(schema) {
        return false;
    }
    let has = |key: &str| schema.get(key).is_some();
    let several = |key: &str| {
        schema
            .get(key)
            .and_then(Value::as_array)
            .is_some_and(|members| members.iter().filter(|m| !is_null_only(m)).count() > 1)
    };
    let has_properties = schema
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|properties| !properties.is_empty());
    has_properties || has("enum") || several("oneOf") || several("anyOf")
}

/// `allOf: [$ref]`, or `oneOf: [$ref, null]` for a nullable place.
fn is_reference_wrapper(schema: &Value) -> bool {
    let members = |key: &str| schema.get(key).and_then(Value::as_array).map(Vec::as_slice);
    schema.get("properties").is_none()
        && (matches!(members("allOf"), Some([only]) if only.get("$ref").is_some())
            || matches!(members("oneOf"), Some([target, null])
                if target.get("$ref").is_some() && is_null_only(null)))
}

fn is_null_only(schema: &Value) -> bool {
    schema.get("enum") == Some(&Value::Array(vec![Value::Null]))
}

/// The name of an array's items: the singular of a plural name (`Schedules` → `Schedule`),
/// else the name and `Item`.
fn item_name(array: &str) -> String {
    let singular = pluralizer::pluralize(array, 1, false);
    if singular != array && !singular.is_empty() {
        singular
    } else {
        format!("{array}Item")
    }
}

/// How a union member is told apart in its name: by its kind, or, among several object
/// members, by its first property (`LocationPlaceId`, `LocationCity`). An array member adds
/// nothing: its items are named after the union (`locations` → `Location`).
fn member_word(member: &Value, several_objects: bool) -> String {
    if several_objects
        && let Some((first, _)) = member
            .get("properties")
            .and_then(Value::as_object)
            .and_then(|properties| properties.iter().next())
    {
        return first.to_upper_camel_case();
    }
    let word = match member.get("type").and_then(Value::as_str) {
        Some("array") => "",
        Some("string") => "String",
        Some("integer") => "Integer",
        Some("number") => "Number",
        Some("boolean") => "Boolean",
        _ if is_object(member) => "Object",
        _ => "Value",
    };
    word.to_owned()
}

fn is_object(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("object")
        || schema.get("properties").is_some()
}

fn source_of(holder: &Value, inherited: Source) -> Source {
    Source::read(holder).ok().flatten().unwrap_or(inherited)
}

/// One JSON pointer token (RFC 6901).
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
