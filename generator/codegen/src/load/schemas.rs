//! Every schema of a document checked on its own, deepest first, before the typed parse.
//!
//! Each schema is parsed with its sub-schemas replaced by `{}`, so a check costs the schema's
//! own size whatever lies below it, and the first schema that does not parse is reported at its
//! JSON pointer. Schemas are found where OpenAPI 3.0 puts them: components, parameters and
//! headers, media types of bodies and responses, callbacks, and the sub-schemas of a schema.

use crate::Error;
use crate::pointer::Pointer;
use openapiv3::{ReferenceOr, Schema};
use serde_json::{Map, Value};

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

pub(super) fn check(document: &Value) -> Result<(), Error> {
    let root = Pointer::root();
    for (path, item) in entries(document.get("paths")) {
        path_item(item, &root.push("paths").push(path))?;
    }
    let Some(components) = document.get("components") else {
        return Ok(());
    };
    let at = root.push("components");
    for (name, value) in entries(components.get("schemas")) {
        schema(value, &at.push("schemas").push(name))?;
    }
    for (name, value) in entries(components.get("parameters")) {
        parameter(value, &at.push("parameters").push(name))?;
    }
    for (name, value) in entries(components.get("headers")) {
        parameter(value, &at.push("headers").push(name))?;
    }
    for (name, value) in entries(components.get("requestBodies")) {
        body(value, &at.push("requestBodies").push(name))?;
    }
    for (name, value) in entries(components.get("responses")) {
        body(value, &at.push("responses").push(name))?;
    }
    for (name, value) in entries(components.get("callbacks")) {
        callback(value, &at.push("callbacks").push(name))?;
    }
    Ok(())
}

/// The entries of an object (none for anything else).
fn entries(value: Option<&Value>) -> impl Iterator<Item = (&String, &Value)> {
    value.and_then(Value::as_object).into_iter().flatten()
}

/// The elements of an array (none for anything else), with their index.
fn elements(value: Option<&Value>) -> impl Iterator<Item = (usize, &Value)> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

fn path_item(item: &Value, at: &Pointer) -> Result<(), Error> {
    for (index, value) in elements(item.get("parameters")) {
        parameter(value, &at.push("parameters").push(index))?;
    }
    for method in METHODS {
        if let Some(operation) = item.get(*method) {
            self::operation(operation, &at.push(method))?;
        }
    }
    Ok(())
}

fn operation(operation: &Value, at: &Pointer) -> Result<(), Error> {
    for (index, value) in elements(operation.get("parameters")) {
        parameter(value, &at.push("parameters").push(index))?;
    }
    if let Some(value) = operation.get("requestBody") {
        body(value, &at.push("requestBody"))?;
    }
    for (status, value) in entries(operation.get("responses")) {
        body(value, &at.push("responses").push(status))?;
    }
    for (name, value) in entries(operation.get("callbacks")) {
        callback(value, &at.push("callbacks").push(name))?;
    }
    Ok(())
}

fn callback(callback: &Value, at: &Pointer) -> Result<(), Error> {
    for (expression, item) in entries(Some(callback)) {
        path_item(item, &at.push(expression))?;
    }
    Ok(())
}

/// A parameter or a header: a schema, or content.
fn parameter(parameter: &Value, at: &Pointer) -> Result<(), Error> {
    if let Some(value) = parameter.get("schema") {
        schema(value, &at.push("schema"))?;
    }
    content(parameter, at)
}

/// A request body or a response: content, and headers.
fn body(body: &Value, at: &Pointer) -> Result<(), Error> {
    for (name, value) in entries(body.get("headers")) {
        parameter(value, &at.push("headers").push(name))?;
    }
    content(body, at)
}

fn content(holder: &Value, at: &Pointer) -> Result<(), Error> {
    for (media_type, value) in entries(holder.get("content")) {
        let media_at = at.push("content").push(media_type);
        if let Some(value) = value.get("schema") {
            schema(value, &media_at.push("schema"))?;
        }
        for (name, encoding) in entries(value.get("encoding")) {
            for (header, value) in entries(encoding.get("headers")) {
                let header_at = media_at
                    .push("encoding")
                    .push(name)
                    .push("headers")
                    .push(header);
                parameter(value, &header_at)?;
            }
        }
    }
    Ok(())
}

/// Checks the sub-schemas, then the schema itself with each sub-schema replaced by `{}`;
/// returns that placeholder, which is what the schema's parent is checked with.
fn schema(value: &Value, at: &Pointer) -> Result<Value, Error> {
    let Some(object) = value.as_object() else {
        return parse(value.clone(), at);
    };
    let mut own = Map::with_capacity(object.len());
    for (key, child) in object {
        let child_at = at.push(key);
        let checked = match key.as_str() {
            "items" | "not" => schema(child, &child_at)?,
            "additionalProperties" if child.is_object() => schema(child, &child_at)?,
            "properties" if child.is_object() => {
                let mut placeholders = Map::new();
                for (name, property) in entries(Some(child)) {
                    placeholders.insert(name.clone(), schema(property, &child_at.push(name))?);
                }
                Value::Object(placeholders)
            }
            "allOf" | "oneOf" | "anyOf" if child.is_array() => {
                let mut placeholders = Vec::new();
                for (index, member) in elements(Some(child)) {
                    placeholders.push(schema(member, &child_at.push(index))?);
                }
                Value::Array(placeholders)
            }
            // Any JSON value is valid here: not worth copying.
            "example" | "default" => Value::Null,
            extension if crate::extensions::is_extension_key(extension) => Value::Null,
            _ => child.clone(),
        };
        own.insert(key.clone(), checked);
    }
    parse(Value::Object(own), at)
}

/// Parses one schema (its sub-schemas already checked and replaced by `{}`).
fn parse(value: Value, at: &Pointer) -> Result<Value, Error> {
    match serde_json::from_value::<ReferenceOr<Schema>>(value) {
        Ok(_) => Ok(Value::Object(Map::new())),
        Err(error) => Err(Error::unsupported(
            at,
            format!("not a valid schema: {error}"),
        )),
    }
}
