//! Typed values out of a JSON value, moved rather than copied, with the JSON pointer of
//! whatever does not fit.

use crate::Error;
use crate::pointer::Pointer;
use indexmap::IndexMap;
use openapiv3::ReferenceOr;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};
use std::cell::RefCell;

pub(super) type Result<T> = std::result::Result<T, Error>;

/// What every reader of one document shares: its version and the warnings so far.
#[derive(Default)]
pub(super) struct Context {
    /// OpenAPI 3.1 (JSON Schema 2020-12), lowered to 3.0 while it is read.
    pub(super) v3_1: bool,
    warnings: RefCell<Vec<(String, String)>>,
}

impl Context {
    pub(super) fn new(v3_1: bool) -> Self {
        Self {
            v3_1,
            warnings: RefCell::default(),
        }
    }

    pub(super) fn into_warnings(self) -> Vec<(String, String)> {
        self.warnings.into_inner()
    }
}

/// Where a value sits: reference tokens chained on the stack up to the document's [`Context`],
/// made into a [`Pointer`] only for an error or a warning, so reading a value allocates
/// nothing for its place.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    Root(&'a Context),
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    pub(super) fn context(&self) -> &'a Context {
        match *self {
            At::Root(context) => context,
            At::Key(parent, _) | At::Index(parent, _) => parent.context(),
        }
    }

    /// Records a documented fallback at this place.
    pub(super) fn warn(&self, message: impl Into<String>) {
        let warning = (self.pointer().to_string(), message.into());
        self.context().warnings.borrow_mut().push(warning);
    }

    pub(super) fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    pub(super) fn pointer(&self) -> Pointer {
        match self {
            At::Root(_) => Pointer::root(),
            At::Key(parent, key) => parent.pointer().push(key),
            At::Index(parent, index) => parent.pointer().push(index),
        }
    }

    pub(super) fn error(&self, message: impl Into<String>) -> Error {
        Error::unsupported(&self.pointer(), message)
    }

    fn expected(&self, what: &str, found: &Value) -> Error {
        self.error(format!("expected {what}, found {}", kind(found)))
    }

    /// The error for a required key missing from the object here.
    pub(super) fn missing(&self, key: &str) -> Error {
        self.error(format!("missing field `{key}`"))
    }
}

/// The JSON type of a value, for messages.
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Whether a key is a specification extension, kept in the `extensions` of its object.
pub(super) fn is_extension(key: &str) -> bool {
    key.starts_with("x-")
}

pub(super) fn object(value: Value, at: &At) -> Result<Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(at.expected("an object", &other)),
    }
}

pub(super) fn string(value: Value, at: &At) -> Result<String> {
    match value {
        Value::String(text) => Ok(text),
        other => Err(at.expected("a string", &other)),
    }
}

pub(super) fn boolean(value: Value, at: &At) -> Result<bool> {
    match value {
        Value::Bool(flag) => Ok(flag),
        other => Err(at.expected("a boolean", &other)),
    }
}

/// A count or a length: a non-negative integer.
pub(super) fn size(value: Value, at: &At) -> Result<usize> {
    match value.as_u64().and_then(|n| usize::try_from(n).ok()) {
        Some(n) => Ok(n),
        None => Err(at.expected("a non-negative integer", &value)),
    }
}

pub(super) fn number(value: Value, at: &At) -> Result<Number> {
    match value {
        Value::Number(number) => Ok(number),
        other => Err(at.expected("a number", &other)),
    }
}

/// Any value; `null` reads as absent, as serde reads an `Option`.
pub(super) fn non_null(value: Value) -> Option<Value> {
    (!value.is_null()).then_some(value)
}

/// `read` applied to a value that may be `null` (absent).
pub(super) fn optional<T>(
    value: Value,
    at: &At,
    read: impl FnOnce(Value, &At) -> Result<T>,
) -> Result<Option<T>> {
    match value {
        Value::Null => Ok(None),
        value => read(value, at).map(Some),
    }
}

pub(super) fn list<T>(
    value: Value,
    at: &At,
    mut read: impl FnMut(Value, &At) -> Result<T>,
) -> Result<Vec<T>> {
    match value {
        Value::Array(values) => values
            .into_iter()
            .enumerate()
            .map(|(index, value)| read(value, &At::Index(at, index)))
            .collect(),
        other => Err(at.expected("an array", &other)),
    }
}

/// The entries of an object: extensions into `extensions`, every other key to `read`.
pub(super) fn fields(
    value: Value,
    at: &At,
    extensions: &mut IndexMap<String, Value>,
    mut read: impl FnMut(&str, Value, &At) -> Result<()>,
) -> Result<()> {
    for (key, value) in object(value, at)? {
        if is_extension(&key) {
            extensions.insert(key, value);
        } else {
            read(&key, value, &at.key(&key))?;
        }
    }
    Ok(())
}

/// Every entry of an object, extensions included.
pub(super) fn map<T>(
    value: Value,
    at: &At,
    mut read: impl FnMut(Value, &At) -> Result<T>,
) -> Result<IndexMap<String, T>> {
    let entries = object(value, at)?;
    let mut map = IndexMap::with_capacity(entries.len());
    for (key, value) in entries {
        let read = read(value, &at.key(&key))?;
        map.insert(key, read);
    }
    Ok(map)
}

/// `{"$ref": "…"}` (other keys beside it are ignored, as in OpenAPI 3.0), or what `read` makes
/// of the value.
pub(super) fn reference_or<T>(
    value: Value,
    at: &At,
    read: impl FnOnce(Value, &At) -> Result<T>,
) -> Result<ReferenceOr<T>> {
    match value {
        Value::Object(mut map) => {
            if matches!(map.get("$ref"), Some(Value::String(_)))
                && let Some(Value::String(reference)) = map.swap_remove("$ref")
            {
                return Ok(ReferenceOr::Reference { reference });
            }
            read(Value::Object(map), at).map(ReferenceOr::Item)
        }
        value => read(value, at).map(ReferenceOr::Item),
    }
}

/// A small part of the document that no schema lives in (`info`, `servers`, `tags`, security
/// schemes, examples, links), read by its serde implementation.
pub(super) fn serde<T: DeserializeOwned>(value: Value, at: &At) -> Result<T> {
    serde_json::from_value(value).map_err(|error| at.error(error.to_string()))
}
