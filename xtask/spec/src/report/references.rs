//! `$ref`s between places: a place may name a component schema directly (`$ref`) or through a
//! wrapper that keeps its own facts beside it (`allOf: [{$ref}]` with `description`,
//! `readOnly`; `oneOf: [{$ref}, {enum: [null]}]` with `nullable` as well). Both stand for the component's schema, so the report compares what
//! they resolve to, not how they are written.

use serde_json::Value;

const SCHEMA_REF_PREFIX: &str = "#/components/schemas/";

/// Aliases (`A: {$ref: B}`) followed before giving up: deeper chains are compared as written.
const MAX_REF_CHAIN: usize = 16;

/// The `$ref` a node stands for: its own, or the reference of a wrapper.
pub fn reference(node: &Value) -> Option<&str> {
    if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        return Some(reference);
    }
    let wrapper_only = node.get("type").is_none() && node.get("properties").is_none();
    let members = |key: &str| node.get(key).and_then(Value::as_array).map(Vec::as_slice);
    match (members("allOf"), members("oneOf")) {
        (Some([member]), _) if wrapper_only => member.get("$ref").and_then(Value::as_str),
        (None, Some([member, null])) if wrapper_only && is_null_only(null) => {
            member.get("$ref").and_then(Value::as_str)
        }
        _ => None,
    }
}

/// `{enum: [null]}` (with `nullable: true`): the member that makes a reference nullable.
fn is_null_only(node: &Value) -> bool {
    node.get("enum") == Some(&Value::Array(vec![Value::Null]))
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
