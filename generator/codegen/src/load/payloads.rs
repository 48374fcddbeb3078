//! Webhooks (OpenAPI 3.1) and callbacks: requests the API sends rather than ones the client
//! makes, so no method is generated for them. Their payloads are what a client's user needs
//! (to read what their own server receives): each inline request body schema moves into
//! `components.schemas`, named after the webhook or callback, so it becomes a type. A payload
//! that is a reference already has its type.

use super::places::{METHODS, move_to_components};
use super::read::At;
use serde_json::{Map, Value};

/// A payload schema to move: its tokens and the name it is to have.
type Payload = (Vec<String>, String);

/// Moves the inline payload schemas of every webhook and callback into `components`.
pub(super) fn hoist(document: &mut Value, at: &At) {
    let payloads = find(document);
    if payloads.is_empty() {
        return;
    }
    for (tokens, name) in payloads {
        if move_to_components(document, &tokens, "schemas", &name).is_none() {
            at.warn(
                "`components` is not an object: webhook and callback payload types are left out",
            );
            return;
        }
    }
}

/// Every inline payload schema: webhooks', then the callbacks' of each operation, then those
/// of `components.callbacks`.
fn find(document: &Value) -> Vec<Payload> {
    let mut found = Vec::new();
    for (name, item) in entries(document.get("webhooks")) {
        let at = vec!["webhooks".to_owned(), name.clone()];
        of_path_item(item, at, name, &mut found);
    }
    for (path, item) in entries(document.get("paths")) {
        for (method, operation) in operations(item) {
            let prefix = operation
                .get("operationId")
                .and_then(Value::as_str)
                .map_or_else(|| format!("{method} {path}"), str::to_owned);
            for (name, callback) in entries(operation.get("callbacks")) {
                let at = ["paths", path, method, "callbacks", name].map(str::to_owned);
                of_callback(
                    callback,
                    at.to_vec(),
                    &format!("{prefix} {name}"),
                    &mut found,
                );
            }
        }
    }
    let components = document.get("components");
    for (name, callback) in entries(components.and_then(|c| c.get("callbacks"))) {
        let at = ["components", "callbacks", name].map(str::to_owned);
        of_callback(callback, at.to_vec(), name, &mut found);
    }
    found
}

/// The entries of an object, extensions left out (none for anything else).
fn entries(value: Option<&Value>) -> impl Iterator<Item = (&String, &Value)> {
    value
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(key, _)| !key.starts_with("x-"))
}

fn operations(item: &Value) -> impl Iterator<Item = (&'static str, &Value)> {
    METHODS
        .iter()
        .filter_map(move |method| item.get(*method).map(|operation| (*method, operation)))
}

fn of_callback(callback: &Value, at: Vec<String>, name: &str, found: &mut Vec<Payload>) {
    for (expression, item) in entries(Some(callback)) {
        let mut at = at.clone();
        at.push(expression.clone());
        of_path_item(item, at, name, found);
    }
}

fn of_path_item(item: &Value, at: Vec<String>, name: &str, found: &mut Vec<Payload>) {
    let several = operations(item).count() > 1;
    for (method, operation) in operations(item) {
        let content = operation
            .get("requestBody")
            .and_then(|body| body.get("content"))
            .and_then(Value::as_object);
        let media_types = content.map_or(0, Map::len);
        for (media_type, media) in content.into_iter().flatten() {
            let Some(schema) = media.get("schema") else {
                continue;
            };
            if !schema.is_object() || schema.get("$ref").is_some() {
                continue;
            }
            let mut payload = name.to_owned();
            if several {
                payload = format!("{payload} {method}");
            }
            if media_types > 1 {
                payload = format!("{payload} {media_type}");
            }
            let mut tokens = at.clone();
            tokens.extend(
                [method, "requestBody", "content", media_type, "schema"].map(str::to_owned),
            );
            found.push((tokens, format!("{payload} payload")));
        }
    }
}
