//! Mutations of OpenAPI documents, aware of their structure: they splice, delete, retype and
//! rename nodes, add schema keywords with hostile values, point references anywhere, nest
//! schemas deeply and make them recursive. The same idea as the page mutations of
//! `xtask/spec/tests/mutations.rs`, for the generator's input.

use crate::rng::Rng;
use crate::tree::{self, Step};
use instantly_codegen::extensions::{EnumDescriptions, EnumTruncated, Extension, Pagination};
use serde_json::{Map, Value, json};

/// Names that stress identifier rules: keywords, reserved and generated names, collisions,
/// empty and non-ASCII text.
const NAMES: &[&str] = &[
    "",
    "type",
    "self",
    "Self",
    "super",
    "crate",
    "r#type",
    "0",
    "9lives",
    "a b",
    "a-b",
    "a_b",
    "A_B",
    "ünïcödé",
    "~1",
    "/",
    "{id}",
    "Unknown",
    "unknown",
    "_",
    "__",
    "$",
    "Option",
    "Vec",
    "Result",
    "Box",
    "String",
    "Client",
    "ClientBuilder",
    "builders",
    "types",
    "send",
    "new",
    "into_stream",
    "body",
    "path",
    "client",
    "additional_properties",
    "x-",
    "Default",
    "Value",
];

const TYPES: &[&str] = &[
    "string", "integer", "number", "boolean", "object", "array", "null", "weird",
];

const FORMATS: &[&str] = &[
    "uuid",
    "date-time",
    "date",
    "int32",
    "int64",
    "uint64",
    "int8",
    "uint8",
    "float",
    "double",
    "binary",
    "byte",
    "email",
    "uri",
    "",
];

const KEYWORDS: &[&str] = &[
    "type",
    "format",
    "nullable",
    "readOnly",
    "deprecated",
    "enum",
    "items",
    "properties",
    "additionalProperties",
    "required",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "$ref",
    EnumDescriptions::KEY,
    EnumTruncated::KEY,
    Pagination::KEY,
    "example",
    "default",
    "discriminator",
    "description",
    "title",
    // OpenAPI 3.1 (JSON Schema 2020-12).
    "const",
    "examples",
    "prefixItems",
    "$defs",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "contentEncoding",
    "contentMediaType",
    "patternProperties",
    "if",
];

/// Path templates that do not match their parameters, or hardly parse.
const PATH_TEMPLATES: &[&str] = &[
    "/{id}/{id}",
    "/a/{b",
    "/{}",
    "/x/{undeclared}",
    "",
    "relative",
    "/ü/{ä}",
    "/{self}/{type}",
    "//",
];

/// A smaller document: some paths and component schemas of `document` and everything they
/// reference, so the result still resolves and a case runs fast.
pub fn subset(document: &Value, rng: &mut Rng) -> Value {
    let mut out = Map::new();
    for key in ["openapi", "info", "servers"] {
        if let Some(value) = document.get(key) {
            out.insert(key.to_owned(), value.clone());
        }
    }
    let mut paths = Map::new();
    if let Some(all) = document.get("paths").and_then(Value::as_object) {
        let wanted = 1 + rng.below(6);
        for _ in 0..wanted {
            let index = rng.below(all.len());
            if let Some((path, item)) = all.iter().nth(index) {
                paths.insert(path.clone(), item.clone());
            }
        }
    }
    let mut components: Map<String, Value> = Map::new();
    let mut pending: Vec<String> = Vec::new();
    if let Some(schemas) = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    {
        for _ in 0..rng.below(6) {
            if let Some(name) = schemas.keys().nth(rng.below(schemas.len())) {
                pending.push(format!("#/components/schemas/{}", escape(name)));
            }
        }
    }
    tree::references(&Value::Object(paths.clone()), &mut pending);
    let mut seen = std::collections::BTreeSet::new();
    while let Some(reference) = pending.pop() {
        if !seen.insert(reference.clone()) {
            continue;
        }
        let Some(target) = reference
            .strip_prefix('#')
            .and_then(|p| document.pointer(p))
        else {
            continue;
        };
        let mut steps = reference.trim_start_matches("#/").splitn(3, '/');
        let (Some("components"), Some(kind), Some(name)) =
            (steps.next(), steps.next(), steps.next())
        else {
            continue;
        };
        tree::references(target, &mut pending);
        let section = components
            .entry(kind.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(section) = section {
            section.insert(unescape(name), target.clone());
        }
    }
    out.insert("paths".to_owned(), Value::Object(paths));
    out.insert("components".to_owned(), Value::Object(components));
    Value::Object(out)
}

fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// The mutations, with how often each is drawn (out of their sum).
const OPERATIONS: &[(Operation, usize)] = &[
    (Operation::Splice, 12),
    (Operation::Delete, 8),
    (Operation::Scalar, 3),
    (Operation::Keyword, 15),
    (Operation::Reference, 10),
    (Operation::Nest, 8),
    (Operation::Recurse, 10),
    (Operation::RenameKey, 8),
    (Operation::Enum, 8),
    (Operation::DuplicatePath, 6),
    (Operation::RandomSchema, 12),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// Replace the node with a copy of another (of a schema, when the node is one).
    Splice,
    Delete,
    /// Replace the node with a scalar.
    Scalar,
    /// Set a schema keyword, often to a hostile value.
    Keyword,
    /// Replace the node with a `$ref`, resolvable or not.
    Reference,
    /// Wrap the node in many levels of one construct.
    Nest,
    /// Make a component schema refer to itself.
    Recurse,
    RenameKey,
    /// Set an `enum` of odd values.
    Enum,
    /// Copy a path item under a template that does not fit it.
    DuplicatePath,
    /// Replace the node with a random schema.
    RandomSchema,
}

/// Applies one random mutation to `document`, mostly at a schema (where the generator's work
/// is), sometimes anywhere.
pub fn mutate(document: &mut Value, rng: &mut Rng) {
    let total: usize = OPERATIONS.iter().map(|(_, weight)| weight).sum();
    let mut draw = rng.below(total);
    let operation = OPERATIONS
        .iter()
        .find(|(_, weight)| {
            let found = draw < *weight;
            draw = draw.saturating_sub(*weight);
            found
        })
        .map_or(Operation::Keyword, |(operation, _)| *operation);
    apply(document, operation, rng);
}

pub fn apply(document: &mut Value, operation: Operation, rng: &mut Rng) {
    let paths = tree::paths(document);
    let schemas: Vec<Vec<Step>> = paths
        .iter()
        .filter(|path| is_schema_place(path))
        .cloned()
        .collect();
    let at_schema = !schemas.is_empty() && !rng.one_in(4);
    let candidates = if at_schema { &schemas } else { &paths };
    let Some(target) = rng.pick(candidates).cloned() else {
        return;
    };
    match operation {
        Operation::Splice => splice(document, candidates, &target, rng),
        Operation::Delete => delete(document, &target),
        Operation::Scalar => replace(document, &target, scalar(rng)),
        Operation::Keyword => add_keyword(document, &target, rng),
        Operation::Reference => replace(document, &target, reference(document, rng)),
        Operation::Nest => nest(document, &target, rng),
        Operation::Recurse => recurse(document, rng),
        Operation::RenameKey => rename_key(document, &paths, rng),
        Operation::Enum => set_key(document, &target, "enum", enumeration(rng)),
        Operation::DuplicatePath => duplicate_path(document, rng),
        Operation::RandomSchema => replace(document, &target, schema(document, rng, 3)),
    }
}

/// Whether the node at `path` is where OpenAPI puts a schema (by the keys leading to it).
fn is_schema_place(path: &[Step]) -> bool {
    let key = |back: usize| match path.len().checked_sub(back).and_then(|at| path.get(at)) {
        Some(Step::Key(key)) => Some(key.as_str()),
        _ => None,
    };
    let index_after =
        |name: &str| matches!(path.last(), Some(Step::Index(_))) && key(2) == Some(name);
    matches!(
        key(1),
        Some("schema" | "items" | "not" | "additionalProperties")
    ) || matches!(key(2), Some("properties"))
        || (key(3) == Some("components") && key(2) == Some("schemas"))
        || index_after("allOf")
        || index_after("oneOf")
        || index_after("anyOf")
}

/// Sets `key` on the object at `path` (nothing when it is not an object).
fn set_key(document: &mut Value, path: &[Step], key: &str, value: Value) {
    if let Some(Value::Object(map)) = tree::get_mut(document, path) {
        map.insert(key.to_owned(), value);
    }
}

fn replace(document: &mut Value, path: &[Step], value: Value) {
    if let Some(node) = tree::get_mut(document, path) {
        *node = value;
    }
}

/// Replaces the node with a copy of another node of the document.
fn splice(document: &mut Value, paths: &[Vec<Step>], target: &[Step], rng: &mut Rng) {
    let Some(source) = rng.pick(paths) else {
        return;
    };
    if let Some(copy) = tree::get(document, source).cloned() {
        replace(document, target, copy);
    }
}

fn delete(document: &mut Value, path: &[Step]) {
    let Some((last, parent)) = path.split_last() else {
        return;
    };
    match (tree::get_mut(document, parent), last) {
        (Some(Value::Object(map)), Step::Key(key)) => {
            map.shift_remove(key);
        }
        (Some(Value::Array(items)), Step::Index(index)) if *index < items.len() => {
            items.remove(*index);
        }
        _ => {}
    }
}

/// Sets a schema keyword on the node (when it is an object).
fn add_keyword(document: &mut Value, target: &[Step], rng: &mut Rng) {
    let keyword = rng.pick(KEYWORDS).copied().unwrap_or("type");
    let value = keyword_value(keyword, document, rng);
    set_key(document, target, keyword, value);
}

fn keyword_value(keyword: &str, document: &Value, rng: &mut Rng) -> Value {
    match keyword {
        "type" if rng.one_in(8) => json!(["string", "null"]),
        "type" if rng.one_in(8) => json!(["integer", "string", "object", "null"]),
        "const" => scalar(rng),
        "examples" => json!([scalar(rng), scalar(rng)]),
        "prefixItems" => json!([schema(document, rng, 2), schema(document, rng, 2)]),
        "$defs" | "patternProperties" => properties(document, rng, 2),
        "if" => schema(document, rng, 2),
        "exclusiveMinimum" | "exclusiveMaximum" if rng.one_in(2) => json!(rng.one_in(2)),
        "exclusiveMinimum" | "exclusiveMaximum" => scalar(rng),
        "contentEncoding" => json!(rng.pick(&["base64", "base64url", "7bit"]).copied()),
        "contentMediaType" => json!(
            rng.pick(&["image/png", "text/plain", "application/json"])
                .copied()
        ),
        "type" => json!(rng.pick(TYPES).copied().unwrap_or("string")),
        "format" => json!(rng.pick(FORMATS).copied().unwrap_or("")),
        "nullable" | "readOnly" | "deprecated" if rng.one_in(20) => json!("yes"),
        "nullable" | "readOnly" | "deprecated" => json!(!rng.one_in(4)),
        "enum" => enumeration(rng),
        "items" | "not" | "additionalProperties" if rng.one_in(4) => json!(rng.one_in(2)),
        "items" | "not" | "additionalProperties" => schema(document, rng, 3),
        "properties" => properties(document, rng, 3),
        "required" => {
            let names: Vec<Value> = (0..rng.below(4))
                .map(|_| json!(rng.pick(NAMES).copied().unwrap_or("")))
                .collect();
            Value::Array(names)
        }
        "allOf" | "oneOf" | "anyOf" => {
            let members: Vec<Value> = (0..rng.below(4))
                .map(|_| schema(document, rng, 2))
                .collect();
            Value::Array(members)
        }
        "$ref" => reference(document, rng)["$ref"].clone(),
        // The contract's extensions, with values of their shape and of others.
        EnumDescriptions::KEY => json!(["first", null, 3, "", "Account suspended."]),
        EnumTruncated::KEY => [json!(3), json!(-1), json!("x"), json!(u64::MAX)]
            .get(rng.below(4))
            .cloned()
            .unwrap_or(Value::Null),
        Pagination::KEY => {
            let cursor_in = rng.pick(&["query", "body", "header"]).copied();
            let items_field = rng.pick(&["items", "data", ""]).copied();
            json!({
                "cursor_param": rng.pick(NAMES).copied(),
                "cursor_in": cursor_in,
                "cursor_field": rng.pick(NAMES).copied(),
                "items_field": items_field,
            })
        }
        "discriminator" => {
            json!({"propertyName": "kind", "mapping": {"a": "#/components/schemas/A"}})
        }
        _ => scalar(rng),
    }
}

fn scalar(rng: &mut Rng) -> Value {
    let long = "x".repeat(300);
    let options = [
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(1e308),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(""),
        json!("x"),
        json!("#/components/schemas/"),
        json!(long),
        json!({}),
        json!([]),
    ];
    rng.pick(&options).cloned().unwrap_or(Value::Null)
}

fn enumeration(rng: &mut Rng) -> Value {
    let options = [
        json!([null]),
        json!([1, "1", 1.5, true]),
        json!(["a", "A", "a-", "a_", "", "Unknown", "unknown", "self", "0"]),
        json!([i64::MIN, i64::MAX, u64::MAX, -0]),
        json!([{}, [], null]),
        json!([]),
        json!(["dup", "dup"]),
    ];
    rng.pick(&options).cloned().unwrap_or(Value::Null)
}

/// A `$ref`: to an existing component, or to something that does not resolve.
fn reference(document: &Value, rng: &mut Rng) -> Value {
    let names: Vec<&String> = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|schemas| schemas.keys().collect())
        .unwrap_or_default();
    let target = match (rng.below(4), rng.pick(&names)) {
        (0 | 1, Some(name)) => format!("#/components/schemas/{}", escape(name)),
        (2, _) => "#/components/schemas/Missing".to_owned(),
        _ => [
            "#/components/schemas/",
            "#/definitions/A",
            "http://example.com/a.json",
            "#",
            "",
            "#/components/parameters/x",
            "#/components/schemas/a~1b",
        ]
        .get(rng.below(7))
        .map_or_else(String::new, |text| (*text).to_owned()),
    };
    json!({ "$ref": target })
}

/// A random schema, `depth` levels deep at most.
fn schema(document: &Value, rng: &mut Rng, depth: usize) -> Value {
    if depth == 0 || rng.one_in(3) {
        return match rng.below(4) {
            0 => reference(document, rng),
            1 => json!({}),
            _ => json!({"type": rng.pick(TYPES).copied().unwrap_or("string")}),
        };
    }
    let mut map = Map::new();
    for _ in 0..=rng.below(3) {
        let keyword = rng.pick(KEYWORDS).copied().unwrap_or("type");
        let value = match keyword {
            "items" | "not" | "additionalProperties" => schema(document, rng, depth - 1),
            "properties" => properties(document, rng, depth - 1),
            "allOf" | "oneOf" | "anyOf" => Value::Array(
                (0..rng.below(4))
                    .map(|_| schema(document, rng, depth - 1))
                    .collect(),
            ),
            other => keyword_value(other, document, rng),
        };
        map.insert(keyword.to_owned(), value);
    }
    Value::Object(map)
}

fn properties(document: &Value, rng: &mut Rng, depth: usize) -> Value {
    let mut map = Map::new();
    for _ in 0..=rng.below(4) {
        let name = rng.pick(NAMES).copied().unwrap_or("");
        map.insert(name.to_owned(), schema(document, rng, depth));
    }
    Value::Object(map)
}

/// Wraps the node in many levels of one schema construct.
fn nest(document: &mut Value, path: &[Step], rng: &mut Rng) {
    let Some(node) = tree::get_mut(document, path) else {
        return;
    };
    // Mostly within the parsers' nesting limit (128 levels of JSON), sometimes past it.
    let levels = 1 + if rng.one_in(8) {
        rng.below(160)
    } else {
        rng.below(50)
    };
    let kind = rng.below(5);
    let mut value = std::mem::take(node);
    for _ in 0..levels {
        value = match kind {
            0 => json!({"type": "array", "items": value}),
            1 => json!({"allOf": [value]}),
            2 => json!({"oneOf": [value, {"type": "string"}]}),
            3 => json!({"type": "object", "properties": {"x": value}}),
            _ => json!({"type": "object", "additionalProperties": value}),
        };
    }
    *node = value;
}

/// Makes a component schema refer to itself from somewhere inside it (or be only itself).
fn recurse(document: &mut Value, rng: &mut Rng) {
    let names: Vec<String> = document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|schemas| schemas.keys().cloned().collect())
        .unwrap_or_default();
    let Some(name) = rng.pick(&names).cloned() else {
        return;
    };
    let Some(schema) = document
        .get_mut("components")
        .and_then(|components| components.get_mut("schemas"))
        .and_then(|schemas| schemas.get_mut(&name))
    else {
        return;
    };
    let mut inside: Vec<Vec<Step>> = tree::paths(schema)
        .into_iter()
        .filter(|path| path.is_empty() || is_schema_place(path))
        .collect();
    if inside.len() > 1 {
        // The component being only itself is rarer than a reference from inside.
        inside.retain(|path| !path.is_empty() || rng.one_in(4));
    }
    let Some(path) = rng.pick(&inside).cloned() else {
        return;
    };
    let self_reference = json!({"$ref": format!("#/components/schemas/{}", escape(&name))});
    replace(schema, &path, self_reference);
}

fn rename_key(document: &mut Value, paths: &[Vec<Step>], rng: &mut Rng) {
    let keyed: Vec<&Vec<Step>> = paths
        .iter()
        .filter(|path| matches!(path.last(), Some(Step::Key(_))))
        .collect();
    let Some(path) = rng.pick(&keyed).map(|path| (*path).clone()) else {
        return;
    };
    let Some((Step::Key(old), parent)) = path.split_last() else {
        return;
    };
    let new = rng.pick(NAMES).copied().unwrap_or("");
    if let Some(Value::Object(map)) = tree::get_mut(document, parent)
        && let Some(value) = map.shift_remove(old)
    {
        map.insert(new.to_owned(), value);
    }
}

/// Copies a path item under a template that does not fit its parameters.
fn duplicate_path(document: &mut Value, rng: &mut Rng) {
    let Some(Value::Object(paths)) = document.get_mut("paths") else {
        return;
    };
    let Some(item) = paths.values().nth(rng.below(paths.len())).cloned() else {
        return;
    };
    let template = rng.pick(PATH_TEMPLATES).copied().unwrap_or("/");
    paths.insert(template.to_owned(), item);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsets_keep_what_their_paths_reference() {
        let document = json!({
            "openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}},
            "components": {"schemas": {
                "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
                "B": {"type": "string"},
                "C": {"type": "integer"}
            }}
        });
        let mut rng = Rng::new(1);
        for _ in 0..20 {
            let small = subset(&document, &mut rng);
            assert!(small.pointer("/paths/~1a").is_some());
            assert!(small.pointer("/components/schemas/A").is_some());
            assert!(small.pointer("/components/schemas/B").is_some());
        }
    }

    #[test]
    fn mutations_never_panic_on_odd_trees() {
        let mut rng = Rng::new(7);
        for start in [json!(null), json!([]), json!({}), json!({"paths": []})] {
            let mut document = start;
            for _ in 0..200 {
                mutate(&mut document, &mut rng);
            }
        }
    }
}
