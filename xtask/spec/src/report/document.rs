//! The whole document: servers, info, tags, component schemas and shared responses; operations
//! are in `operations.rs`.

use serde_json::{Map, Value};

use super::comparison::{Comparison, Pointers};
use super::model::Kind;
use super::operations::{Documents, compare_operations, compare_payload};
use super::references::push;
use super::schema::{Place, changed_keywords, compare_schema};

/// Top-level keywords compared on their own.
const DOCUMENT_KEYWORDS: [&str; 5] = ["info", "servers", "tags", "paths", "components"];

pub fn compare_documents(cx: &mut Comparison<'_>) {
    let Documents { old, new } = cx.documents;
    compare_servers(cx, old, new);
    compare_info(cx, old, new);
    compare_tags(cx, old, new);
    compare_operations(cx);
    compare_component_schemas(cx, old, new);
    compare_shared_responses(cx, old, new);
    compare_other_components(cx, old, new);
    for keyword in changed_keywords(old, new, &DOCUMENT_KEYWORDS) {
        cx.other("document", &keyword);
    }
}

/// Only the URLs matter to the client (the first is its default base URL).
fn compare_servers(cx: &mut Comparison<'_>, old: &Value, new: &Value) {
    let urls = |document: &Value| -> Vec<Value> {
        list(document, "servers")
            .iter()
            .map(|server| server.get("url").cloned().unwrap_or(Value::Null))
            .collect()
    };
    if urls(old) != urls(new) {
        cx.change("servers", Kind::ServersChanged, false);
    } else if old.get("servers") != new.get("servers") {
        cx.other("servers", "description");
    }
}

fn compare_info(cx: &mut Comparison<'_>, old: &Value, new: &Value) {
    let (old_info, new_info) = (&old["info"], &new["info"]);
    cx.text(
        "info",
        text(old_info, "description"),
        text(new_info, "description"),
    );
    for keyword in changed_keywords(old_info, new_info, &["description"]) {
        cx.other("info", &keyword);
    }
}

/// Tags group operations in the docs; the client ignores them, so only their texts count.
fn compare_tags(cx: &mut Comparison<'_>, old: &Value, new: &Value) {
    let old_tags = list(old, "tags");
    let new_tags = list(new, "tags");
    let name = |tag: &Value| text(tag, "name").map(str::to_owned);
    let old_names: Vec<Option<String>> = old_tags.iter().map(name).collect();
    let new_names: Vec<Option<String>> = new_tags.iter().map(name).collect();
    if old_names != new_names {
        cx.other("tags", "names");
    }
    for new_tag in new_tags {
        let Some(tag_name) = text(new_tag, "name") else {
            continue;
        };
        let old_tag = old_tags
            .iter()
            .find(|tag| text(tag, "name") == Some(tag_name));
        if let Some(old_tag) = old_tag {
            let location = format!("tag {tag_name}");
            let keyword = "description";
            cx.text(&location, text(old_tag, keyword), text(new_tag, keyword));
        }
    }
}

/// Added and removed ones are decided at the end (`Comparison::finish`): whether one only
/// takes the place of inline schemas is known once every place was walked.
fn compare_component_schemas(cx: &mut Comparison<'_>, old: &Value, new: &Value) {
    let empty = Map::new();
    let old_schemas = components(old, "schemas").unwrap_or(&empty);
    let new_schemas = components(new, "schemas").unwrap_or(&empty);
    for name in old_schemas.keys() {
        if !new_schemas.contains_key(name) {
            let in_request = cx.requests.contains(name);
            cx.schema_removed(name, in_request);
        }
    }
    for (name, new_schema) in new_schemas {
        let in_request = cx.requests.contains(name);
        match old_schemas.get(name) {
            None => cx.schema_added(name, in_request),
            Some(old_schema) => {
                let pointer = push("#/components/schemas", name);
                let pointers = Pointers::both(pointer.clone(), pointer);
                let place = Place::root(name.as_str(), in_request).at(pointers);
                compare_schema(cx, old_schema, new_schema, &place);
            }
        }
    }
}

/// Shared responses (`components.responses`), compared once rather than per operation.
fn compare_shared_responses(cx: &mut Comparison<'_>, old: &Value, new: &Value) {
    let empty = Map::new();
    let old_responses = components(old, "responses").unwrap_or(&empty);
    let new_responses = components(new, "responses").unwrap_or(&empty);
    for (name, new_response) in new_responses {
        let location = format!("components.responses.{name}");
        match old_responses.get(name) {
            Some(old_response) => {
                let place = Place::root(location, false);
                compare_payload(cx, old_response, new_response, &place);
            }
            // Operations that use it report it; the definition itself is bookkeeping.
            None => cx.other(&location, "added"),
        }
    }
    for name in old_responses.keys() {
        if !new_responses.contains_key(name) {
            cx.other(&format!("components.responses.{name}"), "removed");
        }
    }
}

fn compare_other_components(cx: &mut Comparison<'_>, old: &Value, new: &Value) {
    let empty = Value::Object(Map::new());
    let old_components = old.get("components").unwrap_or(&empty);
    let new_components = new.get("components").unwrap_or(&empty);
    for keyword in changed_keywords(old_components, new_components, &["schemas", "responses"]) {
        cx.other("components", &keyword);
    }
}

fn components<'a>(document: &'a Value, kind: &str) -> Option<&'a Map<String, Value>> {
    document
        .get("components")
        .and_then(|components| components.get(kind))
        .and_then(Value::as_object)
}

fn list<'a>(document: &'a Value, keyword: &str) -> &'a [Value] {
    document
        .get(keyword)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn text<'a>(value: &'a Value, keyword: &str) -> Option<&'a str> {
    value.get(keyword).and_then(Value::as_str)
}
