//! The Rust type names the generator gives the places of a document, asked of the generator
//! itself (`instantly_codegen::type_names`), so a renamed type is seen as the user sees it.

use std::collections::{BTreeMap, BTreeSet};

use instantly_codegen::{Settings, load_document, type_names};
use serde_json::Value;

#[derive(Debug, Default)]
pub struct GeneratedNames {
    /// Place (JSON pointer) → name of the generated type used there.
    by_pointer: BTreeMap<String, String>,
    all: BTreeSet<String>,
}

impl GeneratedNames {
    /// The names of the client generated from `document`; none when the generator cannot plan
    /// it (it reports that itself), so the report never fails on it.
    pub fn of(document: &Value) -> GeneratedNames {
        let planned = load_document(&document.to_string())
            .and_then(|openapi| type_names(&openapi, &Settings::instantly()));
        let mut names = GeneratedNames::default();
        for placed in planned.into_iter().flatten() {
            names.all.insert(placed.name.clone());
            names
                .by_pointer
                .entry(placed.pointer)
                .or_insert(placed.name);
        }
        names
    }

    pub fn at(&self, pointer: &str) -> Option<&str> {
        self.by_pointer.get(pointer).map(String::as_str)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.all.contains(name)
    }
}
