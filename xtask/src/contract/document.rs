//! Reading an OpenAPI document (3.0 or 3.1, JSON or YAML) as JSON, and listing its operations
//! (through the spec library's walker) as routes to compare.

use serde_json::Value;
use std::path::Path;

/// One operation of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentOperation {
    /// Upper case: `GET`.
    pub method: String,
    /// The path template as written: `/api/v2/campaigns/{id}`.
    pub path: String,
}

impl DocumentOperation {
    /// `METHOD /path` with parameter names erased, so `{id}` and `{campaign_id}` match.
    pub fn route(&self) -> String {
        route(&self.method, &self.path)
    }

    /// `METHOD /path` as written (the allow-list's key).
    pub fn label(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

pub fn route(method: &str, path: &str) -> String {
    let mut erased = String::with_capacity(path.len());
    let mut in_parameter = false;
    for character in path.chars() {
        match character {
            '{' => {
                in_parameter = true;
                erased.push('{');
            }
            '}' => {
                in_parameter = false;
                erased.push('}');
            }
            _ if in_parameter => {}
            other => erased.push(other),
        }
    }
    format!("{} {erased}", method.to_ascii_uppercase())
}

/// Reads a document: JSON when the text starts with `{`, YAML otherwise.
pub fn load(path: &Path) -> Result<Value, String> {
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))?;
    parse(&text).map_err(|error| format!("{}: {error}", path.display()))
}

pub fn parse(text: &str) -> Result<Value, String> {
    let document: Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|error| error.to_string())?
    } else {
        serde_norway::from_str(text).map_err(|error| error.to_string())?
    };
    let version = document
        .get("openapi")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !(version.starts_with("3.0") || version.starts_with("3.1")) {
        return Err(format!(
            "not an OpenAPI 3.0 or 3.1 document (openapi: {version:?})"
        ));
    }
    Ok(document)
}

/// Every operation under `paths`, in document order.
pub fn operations(document: &Value) -> Vec<DocumentOperation> {
    instantly_spec::openapi::operations(document)
        .iter()
        .map(|operation| DocumentOperation {
            method: operation.method.to_ascii_uppercase(),
            path: operation.path.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_ignore_parameter_names() {
        assert_eq!(
            route("get", "/api/v2/campaigns/{id}/x/{other_id}"),
            "GET /api/v2/campaigns/{}/x/{}"
        );
    }

    #[test]
    fn json_and_yaml_documents_of_both_versions_are_read() {
        let json = r#"{"openapi": "3.1.0", "paths": {"/a": {"get": {}, "post": {}}, "/b/{id}": {"delete": {}, "parameters": []}}}"#;
        let document = parse(json).unwrap();
        let listed: Vec<String> = operations(&document)
            .iter()
            .map(DocumentOperation::label)
            .collect();
        assert_eq!(listed, ["GET /a", "POST /a", "DELETE /b/{id}"]);
        let yaml = "openapi: 3.0.3\npaths:\n  /a:\n    patch: {}\n";
        assert_eq!(operations(&parse(yaml).unwrap()).len(), 1);
        assert!(parse("swagger: '2.0'\n").is_err());
    }
}
