//! Which component schemas a request can carry: those reachable through `$ref`s from any
//! operation's parameters or request body (the `Create…Request` / `Update…Request` bodies and
//! everything they use). A new required field matters only there.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::openapi::operations;

const SCHEMA_REF_PREFIX: &str = "#/components/schemas/";

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RequestSchemas(BTreeSet<String>);

impl RequestSchemas {
    /// The schemas reachable from requests in any of `documents` (a schema that was or becomes
    /// part of a request is judged as one).
    pub fn of(documents: &[&Value]) -> RequestSchemas {
        let mut names = BTreeSet::new();
        for document in documents {
            let mut walk = Walk {
                document,
                seen: BTreeSet::new(),
            };
            for operation in operations(document) {
                for keyword in ["parameters", "requestBody"] {
                    if let Some(value) = operation.value.get(keyword) {
                        walk.visit(value);
                    }
                }
            }
            names.extend(walk.schema_names());
        }
        RequestSchemas(names)
    }

    pub fn contains(&self, schema: &str) -> bool {
        self.0.contains(schema)
    }
}

/// A walk along `$ref`s inside one document.
struct Walk<'a> {
    document: &'a Value,
    /// Every `$ref` followed, so cycles end.
    seen: BTreeSet<String>,
}

impl Walk<'_> {
    fn visit(&mut self, value: &Value) {
        match value {
            Value::Object(map) => {
                if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
                    self.follow(reference);
                }
                map.values().for_each(|child| self.visit(child));
            }
            Value::Array(items) => items.iter().for_each(|item| self.visit(item)),
            _ => {}
        }
    }

    fn follow(&mut self, reference: &str) {
        if !self.seen.insert(reference.to_owned()) {
            return;
        }
        let target = reference
            .strip_prefix('#')
            .and_then(|pointer| self.document.pointer(pointer));
        if let Some(target) = target {
            self.visit(target);
        }
    }

    fn schema_names(self) -> impl Iterator<Item = String> {
        self.seen
            .into_iter()
            .filter_map(|reference| reference.strip_prefix(SCHEMA_REF_PREFIX).map(str::to_owned))
    }
}
