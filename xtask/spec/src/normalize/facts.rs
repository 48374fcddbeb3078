//! `spec/operations.yaml`: the reference's facts about every operation (parameters, request body,
//! success response, scopes) and the full value lists of entity enums, which the page scrape
//! flattened away. The file is an input like the page: a refresh replaces it, nobody edits it.
//!
//! ```yaml
//! operations:
//!   GET /api/v2/campaigns:                  # `METHOD /path`, as the page lists it
//!     summary: List campaigns
//!     description: 'Requires one of the following scopes: …'
//!     parameters: [{name: limit, in: query, description: …, schema: {type: number}}]
//!     body: {content_type: application/json, required: true, schema: {…}}
//!     response: {status: 200, description: …, schema: {page: Campaign}}
//!     error_statuses: [401, 429]
//! enums:
//!   Campaign.campaign_schedule.schedules[].timezone: {type: string, enum: […]}
//! ```
//!
//! Schemas are OpenAPI 3.0 fragments plus the shorthands `{entity: Title}` and `{page: Title}`,
//! which `operations::shapes` resolves like the overrides' own. Unknown keys are errors at their
//! line, so a format change upstream cannot silently drop a fact.

use indexmap::IndexMap;
use instantly_codegen::extensions::{EnumDescriptions, Extension, ExtensionError};
use serde::Deserialize;
use serde_json::Value;

use super::overrides::{key_line, operation_key, read_yaml};
use crate::diagnostics::{Diagnostic, FACTS_FILE};

/// The parsed facts file; every entry keeps the line of its key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub operations: Vec<OperationFacts>,
    pub enums: Vec<EnumFacts>,
}

/// What the reference says about one operation.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationFacts {
    /// Upper case, as on the page.
    pub method: String,
    pub path: String,
    pub line: usize,
    pub summary: Option<String>,
    pub description: Option<String>,
    /// OpenAPI parameter objects (path and query), in the reference's order.
    pub parameters: Vec<Parameter>,
    pub body: Option<BodyFacts>,
    pub response: ResponseFacts,
    pub error_statuses: Vec<u16>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub name: String,
    #[serde(rename = "in")]
    pub location: String,
    #[serde(default)]
    pub required: bool,
    pub description: Option<String>,
    pub schema: Value,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyFacts {
    pub content_type: String,
    #[serde(default)]
    pub required: bool,
    pub schema: Value,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseFacts {
    pub status: u16,
    pub description: Option<String>,
    /// Absent: no JSON body.
    pub schema: Option<Value>,
}

/// The full schema of one entity enum, at `Entity title.property.path` (`[]`: array items).
#[derive(Debug, Clone, PartialEq)]
pub struct EnumFacts {
    /// The page title of the entity (`Campaign Subsequence`).
    pub entity: String,
    /// Property names and `[]` item steps below the entity.
    pub path: Vec<String>,
    pub line: usize,
    pub schema: Value,
}

impl EnumFacts {
    /// `Campaign.campaign_schedule.schedules[].timezone`, as the file writes it.
    pub fn key(&self) -> String {
        let mut key = self.entity.clone();
        for step in &self.path {
            if step != "[]" {
                key.push('.');
            }
            key.push_str(step);
        }
        key
    }
}

impl Facts {
    pub fn operation(&self, method: &str, path: &str) -> Option<&OperationFacts> {
        self.operations
            .iter()
            .find(|op| op.method == method && op.path == path)
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    operations: IndexMap<String, RawOperation>,
    #[serde(default)]
    enums: IndexMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOperation {
    summary: Option<String>,
    description: Option<String>,
    #[serde(default)]
    parameters: Vec<Parameter>,
    body: Option<BodyFacts>,
    response: ResponseFacts,
    #[serde(default)]
    error_statuses: Vec<u16>,
}

/// Parses `spec/operations.yaml`.
pub fn parse_facts(text: &str) -> Result<Facts, Diagnostic> {
    let (raw, lines) = read_yaml::<RawFile>(FACTS_FILE, text)?;
    let error = |line: usize, message: String| Diagnostic::new(FACTS_FILE, Some(line), message);

    let mut operations = Vec::with_capacity(raw.operations.len());
    for (key, op) in raw.operations {
        let (line, method, path) = operation_key(FACTS_FILE, &lines, &key)?;
        if !(200..300).contains(&op.response.status) {
            let status = op.response.status;
            return Err(error(line, format!("response status {status} is not 2xx")));
        }
        if let Some(parameter) = op
            .parameters
            .iter()
            .find(|p| !["path", "query", "header"].contains(&p.location.as_str()))
        {
            let message = format!(
                "parameter `{}` is in `{}`; expected path, query or header",
                parameter.name, parameter.location
            );
            return Err(error(line, message));
        }
        let schemas = op.parameters.iter().map(|p| &p.schema);
        let schemas = schemas
            .chain(op.body.iter().map(|b| &b.schema))
            .chain(op.response.schema.as_ref());
        for schema in schemas {
            check_extensions(schema).map_err(|err| error(line, format!("`{key}`: {err}")))?;
        }
        operations.push(OperationFacts {
            method,
            path,
            line,
            summary: op.summary,
            description: op.description,
            parameters: op.parameters,
            body: op.body,
            response: op.response,
            error_statuses: op.error_statuses,
        });
    }
    let mut enums = Vec::with_capacity(raw.enums.len());
    for (key, schema) in raw.enums {
        let line = key_line(&lines, &key);
        let (entity, path) = enum_path(&key)
            .ok_or_else(|| error(line, format!("`{key}` is not `Entity.property.path`")))?;
        if schema.get("enum").and_then(Value::as_array).is_none() {
            return Err(error(line, format!("`{key}` has no `enum` list")));
        }
        check_extensions(&schema).map_err(|err| error(line, format!("`{key}`: {err}")))?;
        enums.push(EnumFacts {
            entity,
            path,
            line,
            schema,
        });
    }
    Ok(Facts { operations, enums })
}

/// Rejects a malformed `x-enum-descriptions` (the one extension the reference writes) at any
/// depth, so that everything downstream reads it as the typed value.
fn check_extensions(schema: &Value) -> Result<(), ExtensionError> {
    match schema {
        Value::Object(map) => {
            EnumDescriptions::read(map)?;
            map.values().try_for_each(check_extensions)
        }
        Value::Array(values) => values.iter().try_for_each(check_extensions),
        _ => Ok(()),
    }
}

/// `API Key.scopes[]` → (`API Key`, [`scopes`, `[]`]).
fn enum_path(key: &str) -> Option<(String, Vec<String>)> {
    let (entity, rest) = key.split_once('.')?;
    let mut path = Vec::new();
    for part in rest.split('.') {
        let (name, items) = match part.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (part, false),
        };
        if name.is_empty() {
            return None;
        }
        path.push(name.to_string());
        if items {
            path.push("[]".to_string());
        }
    }
    (!entity.is_empty()).then(|| (entity.to_string(), path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_operations_and_enums_with_their_lines() {
        let text = "\
operations:
  GET /api/v2/campaigns:
    summary: List campaigns
    parameters:
    - name: limit
      in: query
      schema: {type: number}
    response:
      status: 200
      schema: {page: Campaign}
    error_statuses: [401, 429]
enums:
  Campaign.schedules[].timezone: {type: string, enum: [a, b]}
";
        let facts = parse_facts(text).unwrap();
        let [op] = facts.operations.as_slice() else {
            panic!("one operation expected")
        };
        assert_eq!((op.method.as_str(), op.line), ("GET", 2));
        assert_eq!(op.parameters[0].name, "limit");
        assert!(!op.parameters[0].required);
        assert_eq!(op.error_statuses, [401, 429]);
        assert!(facts.operation("GET", "/api/v2/campaigns").is_some());
        let [timezone] = facts.enums.as_slice() else {
            panic!("one enum expected")
        };
        assert_eq!(timezone.path, ["schedules", "[]", "timezone"]);
        assert_eq!(timezone.line, 13);
        assert_eq!(timezone.key(), "Campaign.schedules[].timezone");
    }

    #[test]
    fn bad_entries_are_errors_at_their_line() {
        let unknown = "operations:\n  GET /a:\n    respons: {status: 200}\n";
        let err = parse_facts(unknown).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), (FACTS_FILE, Some(3)));
        let status = "operations:\n  GET /a:\n    response: {status: 404}\n";
        assert_eq!(parse_facts(status).unwrap_err().line, Some(2));
        let place = "operations:\n  GET /a:\n    parameters: [{name: x, in: cookie, schema: {}}]\n    response: {status: 200}\n";
        assert!(parse_facts(place).unwrap_err().message.contains("cookie"));
        let no_enum = "enums:\n  Lead.status: {type: string}\n";
        assert_eq!(parse_facts(no_enum).unwrap_err().line, Some(2));
        let descriptions =
            "enums:\n  Lead.status: {type: string, enum: [a], x-enum-descriptions: [1]}\n";
        let err = parse_facts(descriptions).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(
            err.message.contains(EnumDescriptions::KEY),
            "{}",
            err.message
        );
        let nested = "operations:\n  GET /a:\n    response: {status: 200, schema: {properties: {s: {enum: [a], x-enum-descriptions: a}}}}\n";
        assert_eq!(parse_facts(nested).unwrap_err().line, Some(2));
        assert_eq!(parse_facts("").unwrap(), Facts::default());
    }
}
