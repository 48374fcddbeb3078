//! OpenAPI 3.1 schemas (JSON Schema 2020-12) lowered to the OpenAPI 3.0 schemas the planner
//! reads, one schema object at a time, as the reader reaches it. Each keyword with a 3.0
//! equivalent is rewritten to it; a keyword with none is dropped with a warning at its pointer.
//!
//! | 3.1 | 3.0 |
//! |---|---|
//! | `true` / `false` | `{}` / `{not: {}}` |
//! | `type: [T, "null"]` | `type: T, nullable: true` |
//! | `type: [T, U, …]` | `oneOf` of one schema per type, each with the keywords that apply to it |
//! | `type: "null"` | `nullable: true, enum: [null]` |
//! | `anyOf`/`oneOf` with a `{type: "null"}` member | the same, and `nullable: true` |
//! | `const: v` | `enum: [v]` |
//! | `examples: [a, …]` | `example: a` |
//! | `$ref` with other keywords | `allOf: [{$ref}, {the other keywords}]`, annotations kept beside it |
//! | `exclusiveMinimum: n` | `minimum: n, exclusiveMinimum: true` (likewise the maximum) |
//! | `prefixItems: [A, B]` | `items: {oneOf: [A, B]}` (a list of any of them; warning) |
//! | `contentEncoding: base64` | `format: byte` |
//! | `contentMediaType` (not text) | `format: binary` |

use super::read::At;
use serde_json::{Map, Value, json};

/// Keywords that only some `type`s take: a multi-type schema gives each its own.
const TYPE_KEYWORDS: &[(&str, &[&str])] = &[
    (
        "string",
        &[
            "pattern",
            "minLength",
            "maxLength",
            "format",
            "contentMediaType",
            "contentEncoding",
        ],
    ),
    (
        "number",
        &[
            "multipleOf",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "format",
        ],
    ),
    (
        "integer",
        &[
            "multipleOf",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "format",
        ],
    ),
    (
        "object",
        &[
            "properties",
            "required",
            "additionalProperties",
            "minProperties",
            "maxProperties",
            "patternProperties",
            "propertyNames",
            "unevaluatedProperties",
            "dependentRequired",
            "dependentSchemas",
        ],
    ),
    (
        "array",
        &[
            "items",
            "prefixItems",
            "minItems",
            "maxItems",
            "uniqueItems",
            "contains",
            "unevaluatedItems",
        ],
    ),
];

/// Keywords that describe a schema rather than constrain it: they stay beside a `$ref`.
const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "summary",
    "default",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "nullable",
    "$comment",
    "$schema",
    "$id",
    "$anchor",
    "$defs",
    "definitions",
];

/// JSON Schema keywords with no OpenAPI 3.0 equivalent: dropped, each with a warning.
const UNSUPPORTED: &[&str] = &[
    "patternProperties",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "minContains",
    "maxContains",
    "if",
    "then",
    "else",
    "dependentRequired",
    "dependentSchemas",
    "$dynamicRef",
    "$dynamicAnchor",
];

/// The dialect OpenAPI 3.1 documents use unless they say otherwise.
const OAS_DIALECT: &str = "https://spec.openapis.org/oas/3.1/dialect/base";

/// What a 3.1 document changes outside its schemas: `jsonSchemaDialect` (read as OpenAPI's
/// own, with a warning when it names another) and `paths`, which 3.1 makes optional.
pub(super) fn document(document: &mut Value, at: &At) {
    let Some(map) = document.as_object_mut() else {
        return;
    };
    if let Some(dialect) = map.shift_remove("jsonSchemaDialect")
        && dialect != OAS_DIALECT
    {
        at.key("jsonSchemaDialect").warn(format!(
            "the schema dialect {dialect} is read as OpenAPI 3.1's own ({OAS_DIALECT})"
        ));
    }
    map.entry("paths").or_insert_with(|| json!({}));
}

/// The 3.0 form of the 3.1 schema `value` at `at`.
pub(super) fn schema(value: Value, at: &At) -> Value {
    let mut map = match value {
        Value::Bool(true) => return json!({}),
        Value::Bool(false) => return json!({"not": {}}),
        Value::Object(map) => map,
        other => return other,
    };
    for keyword in UNSUPPORTED {
        if map.shift_remove(*keyword).is_some() {
            at.key(keyword).warn(format!(
                "`{keyword}` has no OpenAPI 3.0 equivalent; the schema is read without it"
            ));
        }
    }
    if let Some(value) = map.shift_remove("const")
        && !map.contains_key("enum")
    {
        map.insert("enum".to_owned(), Value::Array(vec![value]));
    }
    if let Some(Value::Array(mut examples)) = map.shift_remove("examples")
        && !map.contains_key("example")
        && !examples.is_empty()
    {
        map.insert("example".to_owned(), examples.swap_remove(0));
    }
    for (bound, flag) in [
        ("minimum", "exclusiveMinimum"),
        ("maximum", "exclusiveMaximum"),
    ] {
        if let Some(Value::Number(limit)) = map.get(flag).cloned() {
            map.insert(bound.to_owned(), Value::Number(limit));
            map.insert(flag.to_owned(), Value::Bool(true));
        }
    }
    content(&mut map);
    if let Some(prefix) = map.shift_remove("prefixItems") {
        tuple(&mut map, prefix, at);
    }
    if map.contains_key("$ref") && map.keys().any(|key| key != "$ref") {
        return reference_with_siblings(map);
    }
    // `anyOf: [X, {type: "null"}]`: the schema itself admits null, which is what a reference
    // to it (a component) reads from `nullable`.
    let null_member = ["anyOf", "oneOf"].iter().any(|key| {
        map.get(*key)
            .and_then(Value::as_array)
            .is_some_and(|members| members.iter().any(is_null_type))
    });
    if null_member {
        map.insert("nullable".to_owned(), Value::Bool(true));
    }
    match map.shift_remove("type") {
        Some(Value::Array(types)) => types_union(map, types),
        Some(Value::String(single)) if single == "null" => {
            map.insert("nullable".to_owned(), Value::Bool(true));
            map.insert("enum".to_owned(), json!([null]));
            Value::Object(map)
        }
        Some(other) => {
            map.insert("type".to_owned(), other);
            Value::Object(map)
        }
        None => Value::Object(map),
    }
}

/// `{type: "null"}` (or `type: ["null"]`): a member that admits only `null`.
fn is_null_type(member: &Value) -> bool {
    match member.get("type") {
        Some(Value::String(single)) => single == "null",
        Some(Value::Array(types)) => types.iter().all(|t| t == "null"),
        _ => false,
    }
}

/// `contentEncoding`/`contentMediaType` on a string: the 3.0 `format` that says the same.
fn content(map: &mut Map<String, Value>) {
    let encoding = map.shift_remove("contentEncoding");
    let media_type = map.shift_remove("contentMediaType");
    if map.contains_key("format") {
        return;
    }
    let format = match (
        encoding.as_ref().and_then(Value::as_str),
        media_type.as_ref().and_then(Value::as_str),
    ) {
        (Some("base64" | "base64url"), _) => "byte",
        (None, Some(media)) if !media.starts_with("text/") && !media.contains("json") => "binary",
        _ => return,
    };
    map.insert("format".to_owned(), Value::String(format.to_owned()));
}

/// `prefixItems`: 3.0 has no tuples, so the list takes any of the listed types.
fn tuple(map: &mut Map<String, Value>, prefix: Value, at: &At) {
    let Value::Array(mut members) = prefix else {
        return;
    };
    if let Some(rest) = map.shift_remove("items")
        && rest != Value::Bool(false)
    {
        members.push(rest);
    }
    members.dedup();
    let items = match members.len() {
        0 => json!({}),
        1 => members.swap_remove(0),
        _ => json!({"oneOf": members}),
    };
    map.insert("items".to_owned(), items);
    at.key("prefixItems").warn(
        "a tuple (`prefixItems`) is read as a list whose items may be any of its member types",
    );
}

/// `$ref` beside other keywords, which 3.1 applies and 3.0 ignores: an `allOf` of the
/// reference and the constraining keywords, with the annotations beside it.
fn reference_with_siblings(mut map: Map<String, Value>) -> Value {
    let mut lowered = Map::new();
    let mut constraints = Map::new();
    let reference = map.shift_remove("$ref");
    let mut nullable = false;
    for (key, value) in map {
        if key == "type" {
            // `$ref` with `type: [T, "null"]` (or `"null"`): the type is the reference's.
            nullable = match &value {
                Value::Array(types) => types.iter().any(|t| t == "null"),
                other => other == "null",
            };
            if nullable {
                continue;
            }
        }
        if ANNOTATIONS.contains(&key.as_str()) || key.starts_with("x-") {
            lowered.insert(key, value);
        } else {
            constraints.insert(key, value);
        }
    }
    let mut members = vec![json!({ "$ref": reference })];
    if !constraints.is_empty() {
        members.push(Value::Object(constraints));
    }
    if nullable {
        lowered.insert("nullable".to_owned(), Value::Bool(true));
    }
    lowered.insert("allOf".to_owned(), Value::Array(members));
    Value::Object(lowered)
}

/// `type: [T, …]`: `null` among them makes the schema nullable; one other type is that type,
/// several are a `oneOf` with one member per type.
fn types_union(mut map: Map<String, Value>, types: Vec<Value>) -> Value {
    let nullable = types.iter().any(|t| t == "null");
    let types: Vec<String> = types
        .into_iter()
        .filter_map(|t| t.as_str().filter(|t| *t != "null").map(str::to_owned))
        .collect();
    if nullable {
        map.insert("nullable".to_owned(), Value::Bool(true));
    }
    match types.as_slice() {
        [] => {
            if nullable {
                map.insert("enum".to_owned(), json!([null]));
            }
            Value::Object(map)
        }
        [single] => {
            map.insert("type".to_owned(), Value::String(single.clone()));
            Value::Object(map)
        }
        several => {
            let members: Vec<Value> = several
                .iter()
                .map(|typ| Value::Object(member(&map, typ)))
                .collect();
            for (_, keywords) in TYPE_KEYWORDS {
                for keyword in *keywords {
                    map.shift_remove(*keyword);
                }
            }
            map.shift_remove("enum");
            map.insert("oneOf".to_owned(), Value::Array(members));
            Value::Object(map)
        }
    }
}

/// The member of a multi-type union for `typ`: the type, its own keywords, and the enum values
/// of that JSON type.
fn member(map: &Map<String, Value>, typ: &str) -> Map<String, Value> {
    let mut member = Map::new();
    member.insert("type".to_owned(), Value::String(typ.to_owned()));
    let own = TYPE_KEYWORDS
        .iter()
        .find(|(name, _)| *name == typ)
        .map_or(&[][..], |(_, keywords)| *keywords);
    for keyword in own {
        if let Some(value) = map.get(*keyword) {
            member.insert((*keyword).to_owned(), value.clone());
        }
    }
    if let Some(Value::Array(values)) = map.get("enum") {
        let values: Vec<Value> = values
            .iter()
            .filter(|value| json_type_is(value, typ))
            .cloned()
            .collect();
        if !values.is_empty() {
            member.insert("enum".to_owned(), Value::Array(values));
        }
    }
    member
}

fn json_type_is(value: &Value, typ: &str) -> bool {
    match typ {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        _ => false,
    }
}
