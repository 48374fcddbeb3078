//! The page model: everything the scraped reference page says, with the page line of each fact.

use serde_json::Value;

/// A 1-based line number on the scraped page.
pub type Line = usize;

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// `API Explorer (2.0.0)` → `2.0.0`.
    pub version: String,
    /// The introduction paragraph under the page title.
    pub introduction: String,
    pub servers: Vec<Server>,
    pub tags: Vec<Tag>,
    pub schemas: Vec<SchemaBlock>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    pub description: String,
    pub url: String,
    pub line: Line,
}

/// A tag group: its description and the operations listed under it, in page order.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub name: String,
    pub description: String,
    pub operations: Vec<OperationListing>,
    pub line: Line,
}

/// One `METHOD /path` listing under a tag.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationListing {
    /// Upper case, as on the page (`GET`, `POST`, …).
    pub method: String,
    pub path: String,
    pub line: Line,
}

/// One entity schema block (`Schemas` section).
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaBlock {
    pub title: String,
    pub description: String,
    pub line: Line,
    pub shape: SchemaShape,
    /// The entity's JSON example, if the page shows one.
    pub example: Option<PageExample>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SchemaShape {
    /// An object whose properties the page lists (dotted paths for nested ones).
    Properties(Vec<Property>),
    /// A schema the page shows only as a type (`object (Workspace Billing)`).
    Bare { ty: TypeExpr, line: Line },
}

/// A property path segment: `campaign_schedule.schedules[].timing` is
/// `[Field(campaign_schedule), Field(schedules), Items, Field(timing)]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    Field(String),
    Items,
}

/// A path as the page prints it: `campaign_schedule.schedules[].timing`.
pub fn display_path(path: &[PathSegment]) -> String {
    let mut text = String::new();
    for segment in path {
        match segment {
            PathSegment::Field(name) if text.is_empty() => text.push_str(name),
            PathSegment::Field(name) => {
                text.push('.');
                text.push_str(name);
            }
            PathSegment::Items => text.push_str("[]"),
        }
    }
    text
}

#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    /// The name as printed (`campaign_schedule.schedules[].name`).
    pub name: String,
    pub path: Vec<PathSegment>,
    pub line: Line,
    pub ty: TypeExpr,
    pub format: Option<String>,
    pub read_only: bool,
    pub write_only: bool,
    pub required: bool,
    pub deprecated: bool,
    pub constraints: Vec<Constraint>,
    /// Paragraphs joined with a blank line.
    pub description: Option<String>,
    pub enumeration: Option<Enumeration>,
    pub default: Option<Value>,
    pub example: Option<Value>,
    /// `+ Show N properties`: the page hid this property's sub-properties.
    pub collapsed: Option<Collapsed>,
}

/// A type line, e.g. `null or string`, `Array of objects`, `boolean or string`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExpr {
    Null,
    String,
    Number,
    Integer,
    Boolean,
    Object,
    /// `Array of X`; `None` where the page does not say what the items are (`arrays`).
    Array(Option<Box<TypeExpr>>),
    /// `A or B or …` in page order; `null or string` is `Union([Null, String])`.
    Union(Vec<TypeExpr>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constraint {
    /// `[ 0 .. 1440 ]`, `>= 1`, `<= 100`, with an optional unit (`items`, `characters`, `properties`).
    Range {
        min: Option<f64>,
        max: Option<f64>,
        exclusive_min: bool,
        exclusive_max: bool,
        unit: RangeUnit,
    },
    /// `non-empty`.
    NonEmpty,
    /// A regular expression line (`^https?://`).
    Pattern(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeUnit {
    Value,
    Items,
    Characters,
    Properties,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Enumeration {
    /// `Items Enum …`: the values constrain the array's items.
    pub on_items: bool,
    pub values: Vec<EnumValue>,
    /// `+N more`: how many values the page hid.
    pub truncated: Option<usize>,
    pub line: Line,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    pub literal: EnumLiteral,
    pub description: Option<String>,
    pub line: Line,
}

/// How the page printed an enum value.
#[derive(Debug, Clone, PartialEq)]
pub enum EnumLiteral {
    /// A JSON literal from an `Enum` list (`"days"`, `1`).
    Json(Value),
    /// Raw text from an `Enum Value / Description` table (`pending`, `-99`, `4.0`), typed later.
    Raw(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Collapsed {
    /// The announced number of hidden properties.
    pub count: usize,
    /// `Show N array properties`: the hidden properties belong to the array's items.
    pub on_items: bool,
    pub line: Line,
}

/// The entity's JSON example with the places the page collapsed.
#[derive(Debug, Clone, PartialEq)]
pub struct PageExample {
    /// Collapsed places hold [`COLLAPSED_OBJECT`] or [`COLLAPSED_ARRAY`] markers.
    pub value: Value,
    pub line: Line,
}

/// Marker left in an example where the page printed `{ … }`.
pub const COLLAPSED_OBJECT: &str = "\u{0}collapsed-object";
/// Marker left in an example where the page printed `[ … ]`.
pub const COLLAPSED_ARRAY: &str = "\u{0}collapsed-array";
