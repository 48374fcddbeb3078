//! The document contract: every `x-` extension the normalizer writes into `spec/openapi.yaml`,
//! as a typed value with its key spelled once.
//!
//! Who writes and who reads (keep this table true when adding an extension):
//!
//! | Extension | Type | Where | Written by (normalizer) | Read by |
//! |---|---|---|---|---|
//! | `x-pagination` | [`Pagination`] | operation | `operations.rs`, `conventions.rs` | generator (`into_stream`), change report, fuzzer |
//! | `x-enum-descriptions` | [`EnumDescriptions`] | schema with `enum` | `schema.rs`, `enums.rs`, `reference.rs` | generator (variant names, docs), change report, fuzzer; normalizer: `facts.rs` (rejects a malformed one in `spec/operations.yaml`), `enums.rs`, `reference.rs` |
//! | `x-enum-truncated` | [`EnumTruncated`] | schema with `enum` | `schema.rs` (`enums.rs` removes it) | generator (enum docs), change report, fuzzer |
//! | `x-enum-source` | [`EnumSource`] | schema with `enum` | `enums.rs` | tests |
//! | `x-enum-from-examples` | [`EnumFromExamples`] | schema with `enum` | `schema.rs` (`enums.rs` removes it) | — (provenance) |
//! | `x-enum-unplaced` | [`EnumUnplaced`] | schema with `enum` | `schema.rs` | — (provenance) |
//! | `x-source` | [`Source`] | info, operation, parameter, body, response, component, overridden property | everywhere | tests, (lead: change report) |
//! | `x-shapes` | [`Shapes`] | operation | `operations.rs` | tests |
//! | `x-collapsed` | [`Collapsed`] | schema | `schema.rs`, `recover.rs` | `recover.rs`, `key_order.rs` |
//! | `x-collapsed-count` | [`CollapsedCount`] | schema | `schema.rs` | `recover.rs`, `key_order.rs` |
//! | `x-derived-from` | [`DerivedFrom`] | component (request body) | `shapes.rs` | — (provenance) |
//! | `x-page-type` | [`PageType`] | schema | `schema.rs` | — (provenance) |
//! | `x-reference-type` | [`ReferenceType`] | schema | `integers.rs`, `reference.rs` | — (provenance) |
//! | `x-reference-example` | [`ReferenceExample`] | schema | `reference.rs` | — (provenance) |
//! | `x-example-repaired` | [`ExampleRepaired`] | component | `schema.rs` (`shapes.rs` removes it) | — (provenance) |
//! | `x-page-url` | [`PageUrl`] | server | `document.rs` | — (provenance) |
//! | `x-recovered-from` | [`RecoveredFrom`] | schema | (upcoming) | — |
//! | `x-hoisted-from` | [`HoistedFrom`] | schema | (upcoming) | — |
//! | `x-load-warnings` | [`LoadWarnings`] | document | generator's `load/` (not the normalizer) | generator (`Planner::new`: its first warnings) |
//!
//! Reading goes through [`Extension::read`] on any [`ExtensionMap`]: openapiv3's
//! `extensions` (`IndexMap<String, Value>`), the normalizer's `serde_json::Map`, or a
//! `serde_json::Value` object. It returns `Ok(None)` when the key is absent and an
//! [`ExtensionError`] naming the key when the value has the wrong shape, so a reader has one
//! place to turn a malformed extension into a warning:
//!
//! ```
//! use instantly_codegen::extensions::{EnumTruncated, Extension, Pagination};
//! let schema = serde_json::json!({"enum": ["a"], "x-enum-truncated": 3});
//! assert_eq!(EnumTruncated::read(&schema), Ok(Some(EnumTruncated(3))));
//! let mut operation = serde_json::Map::new();
//! Pagination::query("starting_after", "next_starting_after", "items").write(&mut operation);
//! assert_eq!(operation["x-pagination"]["cursor_in"], "query");
//! ```
//!
//! Writing ([`Extension::write`]) inserts (or replaces) the key; [`Extension::remove`] drops it.
//! Lists of keys (the change report's compared keywords, the fuzzer's vocabulary) are built from
//! [`Extension::KEY`]; [`is_extension_key`] is OpenAPI's rule for any other `x-` key.
//! Depending on this module is allowed for every writer and reader of the document (the
//! normalizer, the change report, the fuzzer, tests); it depends on serde only.

use indexmap::IndexMap;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// Whether an object key is an extension (OpenAPI: any key starting with `x-`), whether or not
/// this contract defines it.
pub fn is_extension_key(key: &str) -> bool {
    key.starts_with("x-")
}

/// A malformed extension: which key, and what was wrong with its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionError {
    pub key: &'static str,
    pub message: String,
}

impl fmt::Display for ExtensionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`: {}", self.key, self.message)
    }
}

impl std::error::Error for ExtensionError {}

/// A map that holds extensions: openapiv3's `extensions`, a `serde_json::Map`, or a JSON
/// object value (anything else holds none and ignores writes).
pub trait ExtensionMap {
    fn extension_value(&self, key: &str) -> Option<&Value>;
    fn set_extension_value(&mut self, key: &str, value: Value);
    fn remove_extension_value(&mut self, key: &str) -> Option<Value>;
}

/// The two ordered maps spell `get`, `insert` and `shift_remove` alike.
macro_rules! ordered_map_extensions {
    ($($map:ty),*) => {
        $(
            impl ExtensionMap for $map {
                fn extension_value(&self, key: &str) -> Option<&Value> {
                    self.get(key)
                }
                fn set_extension_value(&mut self, key: &str, value: Value) {
                    self.insert(key.to_owned(), value);
                }
                fn remove_extension_value(&mut self, key: &str) -> Option<Value> {
                    self.shift_remove(key)
                }
            }
        )*
    };
}
ordered_map_extensions!(IndexMap<String, Value>, Map<String, Value>);

impl ExtensionMap for Value {
    fn extension_value(&self, key: &str) -> Option<&Value> {
        self.get(key)
    }
    fn set_extension_value(&mut self, key: &str, value: Value) {
        if let Value::Object(map) = self {
            map.set_extension_value(key, value);
        }
    }
    fn remove_extension_value(&mut self, key: &str) -> Option<Value> {
        match self {
            Value::Object(map) => map.remove_extension_value(key),
            _ => None,
        }
    }
}

/// One extension of the contract: its key and its typed value.
pub trait Extension: Serialize + DeserializeOwned {
    /// The key, `x-…`: spelled here and nowhere else.
    const KEY: &'static str;

    /// The value under [`Self::KEY`]; `Ok(None)` when absent, an error naming the key when the
    /// value does not have this extension's shape.
    fn read(map: &impl ExtensionMap) -> Result<Option<Self>, ExtensionError> {
        map.extension_value(Self::KEY)
            .map(Self::from_value)
            .transpose()
    }

    /// The typed value of one JSON value (what [`Self::read`] does once the key is found).
    fn from_value(value: &Value) -> Result<Self, ExtensionError> {
        Self::deserialize(value).map_err(|error| ExtensionError {
            key: Self::KEY,
            message: error.to_string(),
        })
    }

    /// Inserts (or replaces) the extension.
    fn write(&self, map: &mut impl ExtensionMap) {
        map.set_extension_value(Self::KEY, self.to_value());
    }

    /// Removes the extension, returning whether it was there.
    fn remove(map: &mut impl ExtensionMap) -> bool {
        map.remove_extension_value(Self::KEY).is_some()
    }

    /// The value as written into the document.
    fn to_value(&self) -> Value {
        // Every type here serializes to JSON (no maps with non-string keys, no failing impls).
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

macro_rules! extension {
    ($type:ty, $key:literal) => {
        impl Extension for $type {
            const KEY: &'static str = $key;
        }
    };
}

/// `#[serde(transparent)]` newtype extensions, each `Name(Inner) = "x-key";` with its docs and
/// any derives beyond the common ones.
macro_rules! newtype_extensions {
    ($($(#[$attr:meta])* $name:ident($inner:ty) = $key:literal;)*) => {
        $(
            $(#[$attr])*
            #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
            #[serde(transparent)]
            pub struct $name(pub $inner);
            extension!($name, $key);
        )*
    };
}

/// `x-pagination` on an operation: how to walk its cursor pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pagination {
    /// The request parameter (or body field) that takes the cursor.
    pub cursor_param: String,
    /// Where the cursor goes; `query` when left out.
    #[serde(default)]
    pub cursor_in: CursorIn,
    /// The page's field holding the next cursor.
    pub cursor_field: String,
    /// The page's field holding the items.
    pub items_field: String,
}
extension!(Pagination, "x-pagination");

impl Pagination {
    /// A cursor travelling in the query.
    pub fn query(cursor_param: &str, cursor_field: &str, items_field: &str) -> Self {
        Self {
            cursor_param: cursor_param.to_owned(),
            cursor_in: CursorIn::Query,
            cursor_field: cursor_field.to_owned(),
            items_field: items_field.to_owned(),
        }
    }
}

/// Where a page's cursor is sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CursorIn {
    #[default]
    Query,
    Body,
}

impl CursorIn {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Query => "query",
            Self::Body => "body",
        }
    }
}

newtype_extensions! {
    /// `x-enum-descriptions`: parallel to `enum`, each value's description (`null` where none).
    #[derive(Default)]
    EnumDescriptions(Vec<Option<String>>) = "x-enum-descriptions";
}

impl EnumDescriptions {
    /// The description of the value at `index` of `enum`.
    pub fn get(&self, index: usize) -> Option<&str> {
        self.0.get(index).and_then(Option::as_deref)
    }
}

newtype_extensions! {
    /// `x-enum-truncated: N`: the source hid `N` more values than `enum` lists.
    #[derive(Copy)]
    EnumTruncated(u64) = "x-enum-truncated";
}

/// `x-enum-source`: where a completed enum list came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EnumSource {
    /// The reference's facts (`spec/operations.yaml`) listed every value.
    Reference,
}
extension!(EnumSource, "x-enum-source");

newtype_extensions! {
    /// `x-enum-from-examples`: enum values added because an example showed them.
    #[derive(Default)]
    EnumFromExamples(Vec<Value>) = "x-enum-from-examples";

    /// `x-enum-unplaced`: listed values that do not fit the schema's type, as the page wrote them.
    #[derive(Default)]
    EnumUnplaced(Vec<String>) = "x-enum-unplaced";
}

/// `x-source`: where a part of the document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The scraped reference page.
    Page,
    /// The reference's operation facts (`spec/operations.yaml`).
    Reference,
    /// The API's conventions (a fallback).
    Convention,
    /// `spec/overrides.yaml`.
    Override,
}
extension!(Source, "x-source");

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Page => "page",
            Self::Reference => "reference",
            Self::Convention => "convention",
            Self::Override => "override",
        }
    }
}

/// `x-shapes` on an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shapes {
    /// Nothing says what the operation takes or returns: free-form JSON both ways.
    Unknown,
}
extension!(Shapes, "x-shapes");

newtype_extensions! {
    /// `x-collapsed: true`: the page folded this sub-object (`+ Show 5 properties`).
    #[derive(Copy)]
    Collapsed(bool) = "x-collapsed";

    /// `x-collapsed-count: N`: how many properties the folded sub-object announced.
    #[derive(Copy)]
    CollapsedCount(u64) = "x-collapsed-count";

    /// `x-derived-from`: the entity schema a request body was derived from.
    DerivedFrom(String) = "x-derived-from";

    /// `x-page-type`: the type the page wrote where the document now says `integer` (`number`).
    PageType(String) = "x-page-type";

    /// `x-reference-type`: the type the reference's facts wrote where the document differs.
    ReferenceType(Value) = "x-reference-type";

    /// `x-reference-example`: the reference's example where the document holds a repaired one.
    ReferenceExample(Value) = "x-reference-example";

    /// `x-example-repaired`: JSON pointers (into the example) of the parts filled in where the page
    /// collapsed the entity's example.
    #[derive(Default)]
    ExampleRepaired(Vec<String>) = "x-example-repaired";

    /// `x-page-url` on a server: the URL as the page gave it, where the document's was cut back.
    PageUrl(String) = "x-page-url";

    /// `x-recovered-from`: the places (JSON pointers, page lines) a schema's facts were recovered
    /// from.
    #[derive(Default)]
    RecoveredFrom(Vec<String>) = "x-recovered-from";

    /// `x-hoisted-from`: the places (JSON pointers) a shared schema was hoisted from.
    #[derive(Default)]
    HoistedFrom(Vec<String>) = "x-hoisted-from";

    /// `x-load-warnings` on the document: what reading the text mapped by a documented fallback
    /// (an OpenAPI 3.1 keyword with no 3.0 equivalent, a callback's payload hoisted), as
    /// `[pointer, message]` pairs. Written by the generator's loader, never by a document.
    #[derive(Default)]
    LoadWarnings(Vec<(String, String)>) = "x-load-warnings";
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn round_trip<E: Extension + fmt::Debug + PartialEq>(value: E) {
        let mut map = Map::new();
        value.write(&mut map);
        assert!(map.contains_key(E::KEY));
        assert_eq!(E::read(&map), Ok(Some(value)));
        let mut extensions: IndexMap<String, Value> = map.into_iter().collect();
        assert!(E::remove(&mut extensions));
        assert_eq!(E::read(&extensions), Ok(None));
    }

    #[test]
    fn every_extension_round_trips() {
        round_trip(Pagination {
            cursor_in: CursorIn::Body,
            ..Pagination::query("starting_after", "next_starting_after", "items")
        });
        round_trip(EnumDescriptions(vec![Some("Active".to_owned()), None]));
        round_trip(EnumTruncated(3));
        round_trip(EnumSource::Reference);
        round_trip(EnumFromExamples(vec![json!(3)]));
        round_trip(EnumUnplaced(vec!["x".to_owned()]));
        for source in [
            Source::Page,
            Source::Reference,
            Source::Convention,
            Source::Override,
        ] {
            round_trip(source);
            assert_eq!(source.to_value(), json!(source.as_str()));
        }
        round_trip(Shapes::Unknown);
        round_trip(Collapsed(true));
        round_trip(CollapsedCount(5));
        round_trip(DerivedFrom("Campaign".to_owned()));
        round_trip(PageType("number".to_owned()));
        round_trip(ReferenceType(json!("number")));
        round_trip(ReferenceExample(json!({"a": 1})));
        round_trip(ExampleRepaired(vec!["/sequences/0".to_owned()]));
        round_trip(PageUrl("https://example.com/api/v2".to_owned()));
        round_trip(RecoveredFrom(vec![
            "#/components/schemas/A/example".to_owned(),
        ]));
        round_trip(HoistedFrom(vec!["#/paths/~1a/get".to_owned()]));
    }

    #[test]
    fn the_written_form_is_the_documents() {
        let mut operation = json!({});
        Pagination::query("starting_after", "next_starting_after", "items").write(&mut operation);
        Source::Convention.write(&mut operation);
        assert_eq!(
            operation,
            json!({
                "x-pagination": {
                    "cursor_param": "starting_after",
                    "cursor_in": "query",
                    "cursor_field": "next_starting_after",
                    "items_field": "items"
                },
                "x-source": "convention"
            })
        );
    }

    #[test]
    fn a_missing_cursor_in_is_the_query() {
        let operation = json!({"x-pagination": {
            "cursor_param": "c", "cursor_field": "next", "items_field": "items"
        }});
        let read = Pagination::read(&operation);
        assert_eq!(
            read.map(|p| p.map(|p| p.cursor_in)),
            Ok(Some(CursorIn::Query))
        );
    }

    #[test]
    fn a_wrong_value_is_an_error_naming_the_key() {
        let schema = json!({"x-enum-truncated": "x", "x-pagination": {"cursor_param": 1}});
        let error = EnumTruncated::read(&schema).unwrap_err();
        assert_eq!(error.key, "x-enum-truncated");
        assert!(
            error.to_string().starts_with("`x-enum-truncated`: "),
            "{error}"
        );
        let error = Pagination::read(&schema).unwrap_err();
        assert_eq!(error.key, "x-pagination");
        let cursor_in = json!({"x-pagination": {
            "cursor_param": "c", "cursor_in": "header", "cursor_field": "n", "items_field": "i"
        }});
        let error = Pagination::read(&cursor_in).unwrap_err();
        assert!(error.message.contains("header"), "{error}");
    }

    #[test]
    fn every_key_is_an_extension_key() {
        assert!(is_extension_key(Pagination::KEY));
        assert!(is_extension_key("x-note"));
        assert!(!is_extension_key("enum"));
    }

    #[test]
    fn absent_is_none() {
        assert_eq!(Source::read(&json!({})), Ok(None));
        assert_eq!(Source::read(&json!("not an object")), Ok(None));
    }
}
