//! References anywhere in the document, brought to the form the planner reads: every `$ref` is
//! either `#/components/{section}/{name}` or gone.
//!
//! - A reference into the inside of something (`#/components/schemas/A/properties/b`,
//!   `#/components/parameters/x/schema`, `#/$defs/D`, a response inside an operation) moves
//!   its target into `components` under a name made of its location (`A_b`, `x`, `D`), leaves
//!   a reference in its place, and points every reference to it at the new name. Targets move
//!   deepest first, so a target inside another moves before its container.
//! - A path item reference (`#/components/pathItems/P`, OpenAPI 3.1) is replaced by a copy of
//!   its target.
//! - A reference whose target is another kind of object (a response pointing at a request body)
//!   is an error naming both pointers; so is one that resolves to nothing, a chain of path
//!   item references that loops, and a reference to another file.
//!
//! Cycles through schemas stay references, which the planner boxes (a schema that is only a
//! reference to itself is its error).

use super::places::{Kind, Place, get, get_mut, move_to_components};
use super::read::Result;
use crate::pointer::Pointer;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;

/// A `$ref` found in the document: where, to what, and what kind of object belongs there.
struct Site {
    tokens: Vec<String>,
    target: Vec<String>,
    kind: Kind,
}

pub(super) fn resolve(document: &mut Value) -> Result<()> {
    let mut found = Vec::new();
    collect(document, Place::Root, &mut Vec::new(), &mut found);
    if found.is_empty() {
        return Ok(());
    }
    let mut sites = Vec::with_capacity(found.len());
    for (tokens, reference, kind) in found {
        let target = target_tokens(&reference)
            .map_err(|message| crate::Error::unsupported(&pointer(&tokens), message))?;
        check_kind(&tokens, &target, kind)?;
        sites.push(Site {
            tokens,
            target,
            kind,
        });
    }
    inline_path_items(document, &sites)?;
    let mut moves: Vec<(&Vec<String>, Kind, &Vec<String>)> = sites
        .iter()
        .filter(|site| site.kind != Kind::PathItem && !is_component(&site.target, site.kind))
        .map(|site| (&site.target, site.kind, &site.tokens))
        .collect();
    if moves.is_empty() {
        return Ok(());
    }
    moves.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
    moves.dedup_by(|a, b| a.0 == b.0);
    let mut renamed: HashMap<Vec<String>, String> = HashMap::new();
    for (target, kind, site) in moves {
        let reference = hoist(document, target, kind).ok_or_else(|| unresolved(site, target))?;
        renamed.insert(target.clone(), reference);
    }
    rewrite(document, Place::Root, &renamed);
    Ok(())
}

fn pointer(tokens: &[String]) -> Pointer {
    tokens
        .iter()
        .fold(Pointer::root(), |pointer, token| pointer.push(token))
}

fn unresolved(site: &[String], target: &[String]) -> crate::Error {
    crate::Error::unsupported(
        &pointer(site),
        format!(
            "the reference {} resolves to nothing in this document",
            pointer(target)
        ),
    )
}

/// Every `$ref` where an object that may be a reference stands. The tokens on the way are
/// borrowed from the document: a site copies them only when it is one.
fn collect<'v>(
    value: &'v Value,
    place: Place,
    tokens: &mut Vec<Cow<'v, str>>,
    found: &mut Vec<(Vec<String>, String, Kind)>,
) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                // Met while walking the entries: a lookup would hash a key per object.
                if key == "$ref"
                    && let (Some(kind), Value::String(reference)) = (place.kind(), child)
                {
                    let site = tokens.iter().map(|token| token.to_string()).collect();
                    found.push((site, reference.clone(), kind));
                }
                if let Some(next) = place.child(key) {
                    tokens.push(Cow::Borrowed(key));
                    collect(child, next, tokens, found);
                    tokens.pop();
                }
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let token = index.to_string();
                if let Some(next) = place.child(&token) {
                    tokens.push(Cow::Owned(token));
                    collect(child, next, tokens, found);
                    tokens.pop();
                }
            }
        }
        _ => {}
    }
}

/// The tokens of a reference within this document (`#/a/b~1c` → `["a", "b/c"]`).
fn target_tokens(reference: &str) -> std::result::Result<Vec<String>, String> {
    let Some(fragment) = reference.strip_prefix('#') else {
        return Err(format!(
            "the reference {reference:?} points into another file; only references within this document (`#/…`) are supported"
        ));
    };
    let decoded;
    let fragment = if fragment.contains('%') {
        decoded = percent_decode(fragment);
        decoded.as_str()
    } else {
        fragment
    };
    if fragment.is_empty() {
        return Err("the reference `#` is the whole document".to_owned());
    }
    let Some(path) = fragment.strip_prefix('/') else {
        return Err(format!(
            "the reference {reference:?} is not a JSON pointer (`#/…`); anchors are not supported"
        ));
    };
    Ok(path
        .split('/')
        .map(|token| {
            if token.contains('~') {
                token.replace("~1", "/").replace("~0", "~")
            } else {
                token.to_owned()
            }
        })
        .collect())
}

/// `%7B` → `{`: references are URI fragments.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A reference must lead to the kind of object its place holds.
fn check_kind(site: &[String], target: &[String], kind: Kind) -> Result<()> {
    let found = Place::of(target.iter().map(String::as_str)).and_then(Place::kind);
    if found == Some(kind) {
        return Ok(());
    }
    let what = found.map_or("not an object a reference can stand for", Kind::described);
    Err(crate::Error::unsupported(
        &pointer(site),
        format!(
            "refers to {}, which is {what}, where {} belongs",
            pointer(target),
            kind.described()
        ),
    ))
}

/// `["components", "schemas", name]` for a schema: what the planner reads.
fn is_component(target: &[String], kind: Kind) -> bool {
    matches!(target, [components, section, _] if components == "components" && Some(section.as_str()) == kind.section())
}

/// Replaces each path item reference by a copy of its target, deepest first (a path item
/// inside a callback inside a path item).
fn inline_path_items(document: &mut Value, sites: &[Site]) -> Result<()> {
    let mut items: Vec<&Site> = sites.iter().filter(|s| s.kind == Kind::PathItem).collect();
    items.sort_by_key(|site| std::cmp::Reverse(site.tokens.len()));
    for site in items {
        let mut target = site.target.clone();
        let mut seen = vec![site.tokens.clone()];
        let copy = loop {
            let value = get(document, &target).ok_or_else(|| unresolved(&site.tokens, &target))?;
            match value.get("$ref").and_then(Value::as_str) {
                Some(next) => {
                    let site_pointer = pointer(&site.tokens);
                    if seen.contains(&target) {
                        return Err(crate::Error::unsupported(
                            &site_pointer,
                            format!("the path item references loop through {}", pointer(&target)),
                        ));
                    }
                    seen.push(target);
                    target = target_tokens(next)
                        .map_err(|message| crate::Error::unsupported(&site_pointer, message))?;
                }
                None => break value.clone(),
            }
        };
        if let Some(slot) = get_mut(document, &site.tokens) {
            *slot = copy;
        }
    }
    Ok(())
}

/// Moves the object at `target` into `components`, leaves a reference in its place, and
/// returns that reference; `None` if nothing is there.
fn hoist(document: &mut Value, target: &[String], kind: Kind) -> Option<String> {
    move_to_components(document, target, kind.section()?, &location_name(target))
}

/// A component name from the named steps of a location: component, property, path, method
/// and status names; containers (`properties`, `content`, `schema`, list indexes) are left out.
fn location_name(target: &[String]) -> String {
    let mut place = Place::Root;
    let mut words = Vec::new();
    for token in target {
        let named = match place {
            Place::Many(_) => !token.chars().all(|c| c.is_ascii_digit()),
            Place::Responses => true,
            Place::Kind(Kind::PathItem) => true,
            _ => false,
        };
        if named {
            let word: String = token
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            let word = word.trim_matches('_').to_owned();
            if !word.is_empty() {
                words.push(word);
            }
        }
        match place.child(token) {
            Some(next) => place = next,
            None => break,
        }
    }
    if words.is_empty() {
        "Hoisted".to_owned()
    } else {
        words.join("_")
    }
}

/// Points every reference to a moved target at its new name.
fn rewrite(value: &mut Value, place: Place, renamed: &HashMap<Vec<String>, String>) {
    match value {
        Value::Object(map) => {
            if place.kind().is_some()
                && let Some(Value::String(reference)) = map.get_mut("$ref")
                && let Ok(target) = target_tokens(reference)
                && let Some(new) = renamed.get(&target)
            {
                reference.clone_from(new);
            }
            for (key, child) in map.iter_mut() {
                if let Some(next) = place.child(key) {
                    rewrite(child, next, renamed);
                }
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter_mut().enumerate() {
                if let Some(next) = place.child(&index.to_string()) {
                    rewrite(child, next, renamed);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::load_document;

    fn document(paths: &str, components: &str) -> String {
        format!(
            r##"{{"openapi": "3.0.3", "info": {{"title": "x", "version": "1"}}, "paths": {paths}, "components": {components}}}"##
        )
    }

    fn error(paths: &str, components: &str) -> String {
        load_document(&document(paths, components))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_reference_to_another_kind_names_both_pointers() {
        let message = error(
            r##"{"/a": {"post": {"requestBody": {"$ref": "#/components/responses/R"}, "responses": {}}}}"##,
            r##"{"responses": {"R": {"description": "r"}}}"##,
        );
        assert_eq!(
            message,
            "#/paths/~1a/post/requestBody: refers to #/components/responses/R, which is a response, where a request body belongs"
        );
    }

    #[test]
    fn other_files_anchors_and_missing_targets_are_errors_at_the_reference() {
        let at = |schema: &str| {
            error(
                "{}",
                &format!(r##"{{"schemas": {{"A": {{"properties": {{"b": {schema}}}}}}}}}"##),
            )
        };
        assert!(
            at(r##"{"$ref": "other.yaml#/B"}"##)
                .contains("#/components/schemas/A/properties/b: the reference \"other.yaml#/B\" points into another file")
        );
        assert!(at(r##"{"$ref": "#B"}"##).contains("anchors are not supported"));
        assert!(
            at(r##"{"$ref": "#/components/schemas/A/properties/c"}"##).contains(
                "#/components/schemas/A/properties/b: the reference #/components/schemas/A/properties/c resolves to nothing"
            )
        );
    }

    #[test]
    fn targets_inside_definitions_move_to_components_named_after_their_place() {
        let text = document(
            r##"{"/a": {"get": {"parameters": [{"name": "n", "in": "query", "schema": {"$ref": "#/components/parameters/p/schema"}}], "responses": {}}}}"##,
            r##"{"parameters": {"p": {"name": "p", "in": "query", "schema": {"type": "integer"}}},
                "schemas": {"A": {"allOf": [{"properties": {"b": {"type": "string"}}}, {"properties": {"c": {"$ref": "#/components/schemas/A/allOf/0/properties/b"}}}]}}}"##,
        );
        let document = load_document(&text).unwrap();
        let components = document.components.unwrap();
        let names: Vec<&String> = components.schemas.keys().collect();
        assert_eq!(names, ["A", "A_b", "p"]);
        let json = serde_json::to_value(&components.schemas["A"]).unwrap();
        assert_eq!(
            json["allOf"][0]["properties"]["b"]["$ref"],
            "#/components/schemas/A_b"
        );
        assert_eq!(
            json["allOf"][1]["properties"]["c"]["$ref"],
            "#/components/schemas/A_b"
        );
    }

    #[test]
    fn path_item_references_are_copied_and_loops_are_errors() {
        let text = r##"{"openapi": "3.1.0", "info": {"title": "x", "version": "1"},
            "paths": {"/a": {"$ref": "#/components/pathItems/P"}},
            "components": {"pathItems": {"P": {"get": {"responses": {}}}}}}"##;
        let document = load_document(text).unwrap();
        assert!(document.paths.paths["/a"].as_item().unwrap().get.is_some());
        let text = r##"{"openapi": "3.1.0", "info": {"title": "x", "version": "1"},
            "paths": {"/a": {"$ref": "#/components/pathItems/P"}},
            "components": {"pathItems": {"P": {"$ref": "#/components/pathItems/Q"}, "Q": {"$ref": "#/components/pathItems/P"}}}}"##;
        let message = load_document(text).unwrap_err().to_string();
        assert!(
            message.contains(": the path item references loop through #/components/pathItems/"),
            "{message}"
        );
    }
}
