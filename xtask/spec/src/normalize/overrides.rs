//! `spec/overrides.yaml`: hand-kept facts about operations and schemas that the page lacks.
//!
//! The format (the file's header comment shows it in full):
//!
//! ```yaml
//! operations:
//!   POST /api/v2/campaigns/{id}/share:      # `METHOD /path`, as listed on the page
//!     operation_id: share_campaign          # replaces the naming rule's choice
//!     summary: Share a campaign             # replaces the summary derived from the operationId
//!     query:                                # query parameters: name → schema fragment
//!       limit: {type: integer, minimum: 1, maximum: 100}
//!     body: {writable: Campaign, required: [name]}   # request body schema fragment
//!     response: {entity: Campaign}          # success response schema fragment
//!     status: 204                           # success status (204: no response body)
//! schemas:                                  # new named schemas, referenced with {ref: Name}
//!   LeadFilter: {type: object, properties: {…}}
//! corrections:                              # fixes to entity schemas of the page
//!   Campaign: {properties: {…}, required: […]}
//! ```
//!
//! Schema fragments are OpenAPI 3.0 schemas plus shorthands that `operations::shapes` resolves:
//! `{entity: X}`, `{page: X}`, `{ref: X}`, `{property: X.path}` and
//! `{writable: X, required, omit, properties}`. A query parameter's fragment may carry
//! `required: true` and `description`, which become the parameter's own.

use indexmap::IndexMap;
use serde::{Deserialize, de::DeserializeOwned};
use serde_json::Value;

use super::hoist::TypeRename;
use crate::diagnostics::{Diagnostic, OVERRIDES_FILE};

/// The parsed overrides file. Every entry keeps the line of its key, so that later checks
/// (an operation the page does not list, a schema that does not exist) can point at it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    pub operations: Vec<OperationOverride>,
    pub schemas: Vec<NamedSchema>,
    pub corrections: Vec<SchemaCorrection>,
    /// Renames of hoisted types, where the naming rule reads badly.
    pub types: Vec<TypeRename>,
    /// The file's lines, to find where a name inside an entry is written.
    lines: Vec<String>,
}

/// The hand-kept facts about one operation.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationOverride {
    /// Upper case, as on the page.
    pub method: String,
    pub path: String,
    pub line: usize,
    pub operation_id: Option<String>,
    pub summary: Option<String>,
    /// Query parameters in file order: name → schema fragment.
    pub query: Option<Vec<(String, Value)>>,
    pub body: Option<Value>,
    pub response: Option<Value>,
    pub status: Option<u16>,
}

impl OperationOverride {
    /// Whether the override says anything about the operation's request or response.
    pub fn has_shapes(&self) -> bool {
        self.query.is_some()
            || self.body.is_some()
            || self.response.is_some()
            || self.status.is_some()
    }
}

/// A schema the overrides define under a new name.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedSchema {
    pub name: String,
    pub line: usize,
    pub schema: Value,
}

/// A fix to an entity schema of the page: properties replaced or added, `required` replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaCorrection {
    pub name: String,
    pub line: usize,
    pub properties: Vec<(String, Value)>,
    pub required: Option<Vec<String>>,
}

impl Overrides {
    /// The first line at or after `from` whose text contains `needle`; `from` when there is
    /// none, so that a diagnostic still points into the entry it is about.
    pub fn line_of(&self, from: usize, needle: &str) -> usize {
        self.lines
            .iter()
            .enumerate()
            .skip(from.saturating_sub(1))
            .find(|(_, text)| text.contains(needle))
            .map_or(from, |(index, _)| index + 1)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    operations: IndexMap<String, RawOperation>,
    #[serde(default)]
    schemas: IndexMap<String, Value>,
    #[serde(default)]
    corrections: IndexMap<String, RawCorrection>,
    #[serde(default)]
    types: IndexMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOperation {
    operation_id: Option<String>,
    summary: Option<String>,
    query: Option<IndexMap<String, Value>>,
    body: Option<Value>,
    response: Option<Value>,
    status: Option<u16>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCorrection {
    #[serde(default)]
    properties: IndexMap<String, Value>,
    required: Option<Vec<String>>,
}

/// Parses `spec/overrides.yaml`. Unknown keys are errors: the format is ours, so a typo must
/// not silently drop a fact.
pub fn parse_overrides(text: &str) -> Result<Overrides, Diagnostic> {
    let (raw, lines) = read_yaml::<RawFile>(OVERRIDES_FILE, text)?;
    let key_line = |key: &str| key_line(&lines, key);

    let mut operations = Vec::with_capacity(raw.operations.len());
    for (key, op) in raw.operations {
        let (line, method, path) = operation_key(OVERRIDES_FILE, &lines, &key)?;
        if let Some(status) = op.status {
            check_status(status, op.response.is_some()).map_err(|message| error(line, message))?;
        }
        operations.push(OperationOverride {
            method,
            path,
            line,
            operation_id: op.operation_id,
            summary: op.summary,
            query: op.query.map(|query| query.into_iter().collect()),
            body: op.body,
            response: op.response,
            status: op.status,
        });
    }
    let schemas = raw
        .schemas
        .into_iter()
        .map(|(name, schema)| NamedSchema {
            line: key_line(&name),
            name,
            schema,
        })
        .collect();
    let corrections = raw
        .corrections
        .into_iter()
        .map(|(name, correction)| SchemaCorrection {
            line: key_line(&name),
            name,
            properties: correction.properties.into_iter().collect(),
            required: correction.required,
        })
        .collect();
    let types = raw
        .types
        .into_iter()
        .map(|(from, to)| TypeRename {
            line: Some(key_line(&from)),
            from,
            to,
        })
        .collect();
    Ok(Overrides {
        operations,
        schemas,
        corrections,
        types,
        lines,
    })
}

fn error(line: usize, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(OVERRIDES_FILE, Some(line), message)
}

/// Reads a YAML input file (an empty one is the default) and keeps its lines, where
/// diagnostics find the keys.
pub(super) fn read_yaml<T: DeserializeOwned + Default>(
    file: &str,
    text: &str,
) -> Result<(T, Vec<String>), Diagnostic> {
    let raw: Option<T> = serde_norway::from_str(text).map_err(|err| yaml_error(file, err))?;
    let lines = text.lines().map(str::to_string).collect();
    Ok((raw.unwrap_or_default(), lines))
}

/// An operation's `METHOD /path` key in `file`: its line, method and path.
pub(super) fn operation_key(
    file: &str,
    lines: &[String],
    key: &str,
) -> Result<(usize, String, String), Diagnostic> {
    let line = key_line(lines, key);
    let (method, path) = parse_operation_key(key).ok_or_else(|| {
        Diagnostic::new(file, Some(line), format!("`{key}` is not `METHOD /path`"))
    })?;
    Ok((line, method, path))
}

/// serde_norway appends ` at line L column C` to its messages; the line moves into the
/// diagnostic instead.
fn yaml_error(file: &str, err: serde_norway::Error) -> Diagnostic {
    let message = err.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) if err.location().is_some() => message[..at].to_string(),
        _ => message,
    };
    Diagnostic::new(file, err.location().map(|l| l.line()), message)
}

/// The line where a mapping key is written (plain, or in single or double quotes).
pub(super) fn key_line(lines: &[String], key: &str) -> usize {
    let spellings = [
        format!("{key}:"),
        format!("\"{key}\":"),
        format!("'{key}':"),
    ];
    lines
        .iter()
        .position(|line| {
            let text = line.trim_start();
            spellings
                .iter()
                .any(|spelling| text.starts_with(spelling.as_str()))
        })
        .map_or(1, |index| index + 1)
}

const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// `POST /api/v2/campaigns` → (`POST`, `/api/v2/campaigns`).
fn parse_operation_key(key: &str) -> Option<(String, String)> {
    let (method, path) = key.split_once(' ')?;
    let path = path.trim();
    let valid = METHODS.contains(&method) && path.starts_with('/') && !path.contains(' ');
    valid.then(|| (method.to_string(), path.to_string()))
}

fn check_status(status: u16, has_response: bool) -> Result<(), String> {
    if !(200..300).contains(&status) {
        return Err(format!("status {status} is not a success status (2xx)"));
    }
    if status == 204 && has_response {
        return Err("status 204 has no response body; remove `response`".to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_operations_with_their_lines() {
        let text = "\
# comment
operations:
  GET /api/v2/campaigns:
    query:
      limit: {type: integer}
      search: {type: string}
    response: {page: Campaign}
  \"POST /api/v2/campaigns/{id}/share\":
    status: 204
";
        let overrides = parse_overrides(text).unwrap();
        let [list, share] = overrides.operations.as_slice() else {
            panic!("two operations expected")
        };
        assert_eq!(
            (list.method.as_str(), list.path.as_str(), list.line),
            ("GET", "/api/v2/campaigns", 3)
        );
        let names: Vec<_> = list
            .query
            .as_ref()
            .unwrap()
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        assert_eq!(names, ["limit", "search"]);
        assert_eq!((share.line, share.status), (8, Some(204)));
        assert!(share.has_shapes());
    }

    #[test]
    fn unknown_keys_are_errors_with_their_line() {
        let text = "operations:\n  GET /api/v2/campaigns:\n    respons: {page: Campaign}\n";
        let err = parse_overrides(text).unwrap_err();
        assert_eq!(err.file, OVERRIDES_FILE);
        assert_eq!(err.line, Some(3));
        assert!(
            err.message.contains("unknown field `respons`"),
            "{}",
            err.message
        );
        assert!(!err.message.contains("at line"), "{}", err.message);

        let err = parse_overrides("operation:\n  x: 1\n").unwrap_err();
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn malformed_yaml_and_keys_are_errors_with_their_line() {
        let err = parse_overrides("operations:\n  GET /x: {\n").unwrap_err();
        assert!(err.line.is_some());

        let err =
            parse_overrides("operations:\n  FETCH /api/v2/x:\n    status: 200\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("METHOD /path"));

        let err = parse_overrides("operations:\n  GET /api/v2/x:\n    status: 404\n").unwrap_err();
        assert_eq!(err.line, Some(2));

        let err = parse_overrides("operations:\n  GET /x:\n    status: 204\n    response: {}\n");
        assert_eq!(err.unwrap_err().line, Some(2));
    }

    #[test]
    fn an_empty_file_has_no_overrides() {
        assert_eq!(parse_overrides("").unwrap(), Overrides::default());
        assert!(
            parse_overrides("# only a comment\n")
                .unwrap()
                .operations
                .is_empty()
        );
    }

    #[test]
    fn line_of_finds_a_name_inside_an_entry() {
        let text = "operations:\n  GET /a:\n    response: {entity: Nope}\n  GET /b:\n    response: {entity: Nope}\n";
        let overrides = parse_overrides(text).unwrap();
        assert_eq!(overrides.line_of(4, "Nope"), 5);
        assert_eq!(overrides.line_of(4, "Absent"), 4);
    }
}
