//! `$ref`s between places: a place may name a component schema directly (`$ref`) or through a
//! wrapper that keeps its own facts beside it (`allOf: [{$ref}]` with `description`,
//! `nullable`, `readOnly`). Both stand for the component's schema, so the report compares what
//! they resolve to, not how they are written.

use serde_json::Value;

const SCHEMA_REF_PREFIX: &str = "#/components/schemas/";

/// Aliases (`A: {$ref: B}`) followed before giving up: deeper chains are compared as written.
const MAX_REF_CHAIN: usize = 16;

/// The `$ref` a node stands for: its own, or the single member of an `allOf` wrapper.
pub fn reference(node: &Value) -> Option<&str> {
    if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        return Some(reference);
    }
    let wrapper_only = node.get("type").is_none() && node.get("properties").is_none();
    match node
        .get("allOf")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
    {
        Some([member]) if wrapper_only => member.get("$ref").and_then(Value::as_str),
        _ => None,
    }
}

/// The component schema a reference names (`#/components/schemas/Campaign` → `Campaign`).
pub fn component_name(reference: &str) -> Option<&str> {
    reference.strip_prefix(SCHEMA_REF_PREFIX)
}

/// The schema `reference` leads to in `document` through alias chains, with its pointer
/// (`#/components/schemas/Campaign`); `None` when it leads nowhere.
pub fn resolve<'a>(document: &'a Value, reference: &str) -> Option<(String, &'a Value)> {
    let mut reference = reference.to_owned();
    for _ in 0..MAX_REF_CHAIN {
        let target = document.pointer(reference.strip_prefix('#')?)?;
        match target.get("$ref").and_then(Value::as_str) {
            Some(next) => reference = next.to_owned(),
            None => return Some((reference, target)),
        }
    }
    None
}

/// `pointer` extended by one token, escaped as JSON pointers are (`/` → `~1`).
pub fn push(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", token.replace('~', "~0").replace('/', "~1"))
}
