//! One comparison's state: the two documents, what the generator names at their places, the
//! changes recorded so far, and what can only be decided once every place was walked (whether a
//! new component merely hoists schemas that were inline, whether a type was renamed).

use std::collections::{BTreeMap, BTreeSet};

use super::context::RequestSchemas;
use super::generated::GeneratedNames;
use super::model::{Kind, Report};
use super::operations::Documents;
use super::recorder::Recorder;

pub struct Comparison<'a> {
    recorder: Recorder,
    pub documents: Documents<'a>,
    pub requests: RequestSchemas,
    old_names: GeneratedNames,
    new_names: GeneratedNames,
    /// Resolved pairs (old pointer, new pointer) already compared, so cycles end.
    compared: BTreeSet<(String, String)>,
    /// Components of one document only, met at places where the other document has another
    /// schema: component → those places (or components), in walk order.
    replacing: BTreeMap<String, Vec<String>>,
    replaced: BTreeMap<String, Vec<String>>,
    /// Component schemas added or removed, with whether a request reaches them.
    added: Vec<(String, bool)>,
    removed: Vec<(String, bool)>,
    /// Generated types whose names are gone: old name → new names.
    renamed: BTreeMap<String, BTreeSet<String>>,
}

impl<'a> Comparison<'a> {
    pub fn new(documents: Documents<'a>) -> Comparison<'a> {
        Comparison {
            recorder: Recorder::default(),
            documents,
            requests: RequestSchemas::of(&[documents.old, documents.new]),
            old_names: GeneratedNames::of(documents.old),
            new_names: GeneratedNames::of(documents.new),
            compared: BTreeSet::new(),
            replacing: BTreeMap::new(),
            replaced: BTreeMap::new(),
            added: Vec::new(),
            removed: Vec::new(),
            renamed: BTreeMap::new(),
        }
    }

    pub fn change(&mut self, location: &str, kind: Kind, in_request: bool) {
        self.recorder.change(location, kind, in_request);
    }

    pub fn text(&mut self, location: &str, old: Option<&str>, new: Option<&str>) {
        self.recorder.text(location, old, new);
    }

    pub fn other(&mut self, location: &str, keyword: &str) {
        self.recorder.other(location, keyword);
    }

    /// True the first time the pair is met.
    pub fn first_visit(&mut self, old_pointer: &str, new_pointer: &str) -> bool {
        self.compared
            .insert((old_pointer.to_owned(), new_pointer.to_owned()))
    }

    /// `component`, new, stands where the old document had the schema at `origin`.
    pub fn replacing(&mut self, component: &str, origin: &str) {
        push_once(
            self.replacing.entry(component.to_owned()).or_default(),
            origin,
        );
    }

    /// `component`, removed, stood where the new document has the schema at `successor`.
    pub fn replaced(&mut self, component: &str, successor: &str) {
        push_once(
            self.replaced.entry(component.to_owned()).or_default(),
            successor,
        );
    }

    pub fn schema_added(&mut self, name: &str, in_request: bool) {
        self.added.push((name.to_owned(), in_request));
    }

    pub fn schema_removed(&mut self, name: &str, in_request: bool) {
        self.removed.push((name.to_owned(), in_request));
    }

    /// Compares the generated types at one place. A name the new client no longer has is a
    /// rename (reported once per old name); one it still has means the place now uses another
    /// type, a retype like any other.
    pub fn type_names(&mut self, location: &str, in_request: bool, pointers: &Pointers) {
        let (Some(old_pointer), Some(new_pointer)) = (&pointers.old, &pointers.new) else {
            return;
        };
        let (Some(old), Some(new)) = (
            self.old_names.at(old_pointer),
            self.new_names.at(new_pointer),
        ) else {
            return;
        };
        if old == new {
            return;
        }
        if self.new_names.contains(old) {
            let kind = Kind::TypeChanged {
                old: format!("`{old}`"),
                new: format!("`{new}`"),
            };
            self.recorder.change(location, kind, in_request);
        } else {
            let (old, new) = (old.to_owned(), new.to_owned());
            self.renamed.entry(old).or_default().insert(new);
        }
    }

    pub fn finish(mut self) -> Report {
        for (name, in_request) in std::mem::take(&mut self.removed) {
            // Its places now hold the schema that replaced it: what changed is reported there
            // (and the type's new name, if it has one).
            if !self.replaced.contains_key(&name) {
                self.recorder.change(&name, Kind::SchemaRemoved, in_request);
            }
        }
        for (name, in_request) in std::mem::take(&mut self.added) {
            let kind = match self.replacing.remove(&name) {
                Some(from) => Kind::SchemaHoisted { from },
                None => Kind::SchemaAdded,
            };
            self.recorder.change(&name, kind, in_request);
        }
        for (old, news) in std::mem::take(&mut self.renamed) {
            for new in news {
                let kind = Kind::TypeRenamed {
                    old: old.clone(),
                    new,
                };
                self.recorder.change(&old, kind, false);
            }
        }
        self.recorder.finish()
    }
}

/// Where a place is in each document (JSON pointers, the generator's), when it is known.
#[derive(Debug, Clone, Default)]
pub struct Pointers {
    pub old: Option<String>,
    pub new: Option<String>,
}

impl Pointers {
    pub fn both(old: impl Into<String>, new: impl Into<String>) -> Pointers {
        Pointers {
            old: Some(old.into()),
            new: Some(new.into()),
        }
    }

    pub fn push(&self, tokens: &[&str]) -> Pointers {
        let extend = |pointer: &Option<String>| {
            pointer.as_ref().map(|pointer| {
                tokens.iter().fold(pointer.clone(), |at, token| {
                    super::references::push(&at, token)
                })
            })
        };
        Pointers {
            old: extend(&self.old),
            new: extend(&self.new),
        }
    }
}

fn push_once(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|known| known == item) {
        list.push(item.to_owned());
    }
}
