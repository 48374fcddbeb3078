//! What a report holds: classified API changes, documentation changes, and the rest.

use std::cmp::Reverse;
use std::fmt;

use serde_json::Value;

/// What a change means for code that depends on the generated client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// Downstream code keeps compiling and working.
    Compatible,
    /// Downstream code may stop compiling, or requests it sends may stop being accepted.
    Breaking,
}

/// The groups of the report, in the order they are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Operations,
    Schemas,
    Types,
    Properties,
    EnumValues,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Operations,
        Section::Schemas,
        Section::Types,
        Section::Properties,
        Section::EnumValues,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Operations => "Operations",
            Section::Schemas => "Schemas",
            Section::Types => "Renamed types",
            Section::Properties => "Properties",
            Section::EnumValues => "Enum values",
        }
    }
}

/// One kind of API change. The fields are what the classifier and the reader need.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    OperationAdded {
        operation_id: Option<String>,
    },
    OperationRemoved {
        operation_id: Option<String>,
    },
    /// The operationId names the client method, so a new one renames the method.
    OperationRenamed {
        old: String,
        new: String,
    },
    ParameterAdded {
        required: bool,
    },
    ParameterRemoved,
    /// Required parameters are method arguments, optional ones are builder setters.
    ParameterRequiredChanged {
        required: bool,
    },
    RequestBodyAdded {
        required: bool,
    },
    RequestBodyRemoved,
    RequestBodyRequiredChanged {
        required: bool,
    },
    MediaTypesChanged {
        old: Vec<String>,
        new: Vec<String>,
    },
    ResponseAdded,
    ResponseRemoved {
        success: bool,
    },
    PaginationAdded,
    PaginationRemoved,
    PaginationChanged,
    ServersChanged,
    SchemaAdded,
    /// A new component standing where the old document had other schemas (inline ones it
    /// hoists, or a component it renames): what changed is reported at those places.
    SchemaHoisted {
        from: Vec<String>,
    },
    SchemaRemoved,
    /// The generated Rust type at some places is named differently, and the old name is gone:
    /// code that names it stops compiling. Listed once per old name.
    TypeRenamed {
        old: String,
        new: String,
    },
    PropertyAdded {
        required: bool,
        read_only: bool,
    },
    PropertyRemoved,
    TypeChanged {
        old: String,
        new: String,
    },
    NullableChanged {
        nullable: bool,
    },
    RequiredChanged {
        required: bool,
    },
    ReadOnlyChanged {
        read_only: bool,
        required: bool,
    },
    /// A format change that keeps the Rust type (`email` → `uri`: both `String`).
    FormatChanged {
        old: Option<String>,
        new: Option<String>,
    },
    ConstraintChanged {
        keyword: String,
        old: Option<Value>,
        new: Option<Value>,
    },
    EnumValueAdded {
        value: Value,
    },
    EnumValueRemoved {
        value: Value,
    },
    /// The description of an integer enum value names its Rust variant.
    EnumVariantRenamed {
        value: Value,
    },
    EnumTruncationChanged {
        old: Option<u64>,
        new: Option<u64>,
    },
}

impl Kind {
    pub fn section(&self) -> Section {
        match self {
            Kind::OperationAdded { .. }
            | Kind::OperationRemoved { .. }
            | Kind::OperationRenamed { .. }
            | Kind::ParameterAdded { .. }
            | Kind::ParameterRemoved
            | Kind::ParameterRequiredChanged { .. }
            | Kind::RequestBodyAdded { .. }
            | Kind::RequestBodyRemoved
            | Kind::RequestBodyRequiredChanged { .. }
            | Kind::MediaTypesChanged { .. }
            | Kind::ResponseAdded
            | Kind::ResponseRemoved { .. }
            | Kind::PaginationAdded
            | Kind::PaginationRemoved
            | Kind::PaginationChanged
            | Kind::ServersChanged => Section::Operations,
            Kind::SchemaAdded | Kind::SchemaHoisted { .. } | Kind::SchemaRemoved => {
                Section::Schemas
            }
            Kind::TypeRenamed { .. } => Section::Types,
            Kind::PropertyAdded { .. }
            | Kind::PropertyRemoved
            | Kind::TypeChanged { .. }
            | Kind::NullableChanged { .. }
            | Kind::RequiredChanged { .. }
            | Kind::ReadOnlyChanged { .. }
            | Kind::FormatChanged { .. }
            | Kind::ConstraintChanged { .. } => Section::Properties,
            Kind::EnumValueAdded { .. }
            | Kind::EnumValueRemoved { .. }
            | Kind::EnumVariantRenamed { .. }
            | Kind::EnumTruncationChanged { .. } => Section::EnumValues,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::OperationAdded { operation_id } => {
                write!(f, "added{}", operation_id_suffix(operation_id))
            }
            Kind::OperationRemoved { operation_id } => {
                write!(f, "removed{}", operation_id_suffix(operation_id))
            }
            Kind::OperationRenamed { old, new } => {
                write!(
                    f,
                    "operationId `{old}` → `{new}` (the client method is renamed)"
                )
            }
            Kind::ParameterAdded { required } => write!(f, "added ({})", optionality(*required)),
            Kind::ParameterRemoved => f.write_str("removed"),
            Kind::ParameterRequiredChanged { required } => {
                write!(f, "now {}", optionality(*required))
            }
            Kind::RequestBodyAdded { required } => {
                write!(f, "request body added ({})", optionality(*required))
            }
            Kind::RequestBodyRemoved => f.write_str("request body removed"),
            Kind::RequestBodyRequiredChanged { required } => {
                write!(f, "request body now {}", optionality(*required))
            }
            Kind::MediaTypesChanged { old, new } => {
                write!(f, "media types {} → {}", list(old), list(new))
            }
            Kind::ResponseAdded => f.write_str("added"),
            Kind::ResponseRemoved { .. } => f.write_str("removed"),
            Kind::PaginationAdded => f.write_str("now paginated (`into_stream` added)"),
            Kind::PaginationRemoved => f.write_str("no longer paginated (`into_stream` removed)"),
            Kind::PaginationChanged => f.write_str("pagination fields changed"),
            Kind::ServersChanged => {
                f.write_str("changed (the first one is the client's default base URL)")
            }
            Kind::SchemaAdded => f.write_str("added"),
            Kind::SchemaHoisted { from } => write!(f, "added in place of {}", places(from)),
            Kind::TypeRenamed { new, .. } => {
                write!(f, "renamed to `{new}`")
            }
            Kind::SchemaRemoved => f.write_str("removed"),
            Kind::PropertyAdded {
                required,
                read_only,
            } => {
                let read_only = if *read_only { ", read-only" } else { "" };
                write!(f, "added ({}{read_only})", optionality(*required))
            }
            Kind::PropertyRemoved => f.write_str("removed"),
            Kind::TypeChanged { old, new } => write!(f, "type {old} → {new}"),
            Kind::NullableChanged { nullable: true } => f.write_str("now nullable"),
            Kind::NullableChanged { nullable: false } => f.write_str("no longer nullable"),
            Kind::RequiredChanged { required } => write!(f, "now {}", optionality(*required)),
            Kind::ReadOnlyChanged {
                read_only: true, ..
            } => f.write_str("now read-only"),
            Kind::ReadOnlyChanged {
                read_only: false, ..
            } => f.write_str("no longer read-only"),
            Kind::FormatChanged { old, new } => {
                write!(f, "format {} → {}", or_none(old), or_none(new))
            }
            Kind::ConstraintChanged { keyword, old, new } => {
                write!(
                    f,
                    "`{keyword}` {} → {}",
                    value_or_none(old),
                    value_or_none(new)
                )
            }
            Kind::EnumValueAdded { value } => write!(f, "value `{value}` added"),
            Kind::EnumValueRemoved { value } => write!(f, "value `{value}` removed"),
            Kind::EnumVariantRenamed { value } => write!(
                f,
                "description of value `{value}` changed, and with it the Rust variant's name"
            ),
            Kind::EnumTruncationChanged { old, new } => write!(
                f,
                "values the page hides: {} → {}",
                count_or_none(*old),
                count_or_none(*new)
            ),
        }
    }
}

fn operation_id_suffix(operation_id: &Option<String>) -> String {
    operation_id
        .as_ref()
        .map(|id| format!(" (`{id}`)"))
        .unwrap_or_default()
}

/// Hoisted schemas can replace many places; the first few tell the story.
const PLACES_SHOWN: usize = 4;

fn places(places: &[String]) -> String {
    let shown: Vec<String> = places
        .iter()
        .take(PLACES_SHOWN)
        .map(|place| format!("`{place}`"))
        .collect();
    match places.len().saturating_sub(PLACES_SHOWN) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

fn optionality(required: bool) -> &'static str {
    if required { "required" } else { "optional" }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "none".to_owned();
    }
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn or_none(text: &Option<String>) -> String {
    text.as_ref()
        .map_or_else(|| "none".to_owned(), |text| format!("`{text}`"))
}

fn value_or_none(value: &Option<Value>) -> String {
    value
        .as_ref()
        .map_or_else(|| "none".to_owned(), |value| format!("`{value}`"))
}

fn count_or_none(count: Option<u64>) -> String {
    count.map_or_else(|| "none".to_owned(), |count| count.to_string())
}

/// One classified change at one place of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Where: `Campaign.campaign_schedule.schedules[].timezone`, `GET /api/v2/campaigns`,
    /// `GET /api/v2/campaigns (query status)`.
    pub location: String,
    pub kind: Kind,
    /// Whether the place is reachable from a request body or a parameter.
    pub in_request: bool,
    pub impact: Impact,
}

/// A changed text (a description, a summary, a title).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    pub location: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// How much a report asks of the client crate's version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Nothing that reaches the generated client changed.
    Unchanged,
    /// Only rustdoc changes (descriptions, summaries, titles).
    Documentation,
    Compatible,
    Breaking,
}

/// The semantic difference of two documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub changes: Vec<Change>,
    pub descriptions: Vec<TextChange>,
    /// Places where only what the generated client ignores changed (examples, `x-source`,
    /// security schemes…), as `location: keyword`.
    pub other: Vec<String>,
}

impl Report {
    /// True when the two documents are semantically equal.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.descriptions.is_empty() && self.other.is_empty()
    }

    pub fn breaking(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|change| change.impact == Impact::Breaking)
    }

    pub fn compatible(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|change| change.impact == Impact::Compatible)
    }

    pub fn level(&self) -> Level {
        if self.breaking().next().is_some() {
            Level::Breaking
        } else if !self.changes.is_empty() {
            Level::Compatible
        } else if !self.descriptions.is_empty() {
            Level::Documentation
        } else {
            Level::Unchanged
        }
    }

    /// The changes of one section, breaking first, then by place and wording.
    pub fn section(&self, section: Section) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(move |change| change.kind.section() == section)
    }

    /// Puts every list in its printed order, so equal documents give equal reports.
    pub fn sort(&mut self) {
        self.changes.sort_by_cached_key(|change| {
            (
                change.kind.section(),
                Reverse(change.impact),
                change.location.clone(),
                change.kind.to_string(),
            )
        });
        self.changes.dedup();
        self.descriptions
            .sort_by(|a, b| a.location.cmp(&b.location));
        self.descriptions.dedup();
        self.other.sort();
        self.other.dedup();
    }
}
