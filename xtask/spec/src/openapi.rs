//! The operations under an OpenAPI document's `paths` (3.0 or 3.1, read as JSON), walked in one
//! place for the change report, the contract test and the codegen summary; and the schema
//! keywords the normalizer and the change report both know.

use serde_json::Value;

/// The methods a path item can hold, in the order operations are listed.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Schema keywords that only constrain values (and `default`); the generated types ignore them.
pub const VALUE_CONSTRAINTS: [&str; 14] = [
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "default",
];

/// One operation of a document.
#[derive(Debug, Clone, Copy)]
pub struct Operation<'a> {
    /// The path template as written: `/api/v2/campaigns/{id}`.
    pub path: &'a str,
    /// Lower case, as the path item spells it: `get`.
    pub method: &'a str,
    pub value: &'a Value,
    /// The path item, for parameters shared by its operations.
    pub path_item: &'a Value,
}

impl<'a> Operation<'a> {
    /// `GET /api/v2/campaigns`.
    pub fn label(&self) -> String {
        format!("{} {}", self.method.to_ascii_uppercase(), self.path)
    }

    pub fn operation_id(&self) -> Option<&'a str> {
        self.value.get("operationId").and_then(Value::as_str)
    }
}

/// Every operation of `document`, in path order (the document's) then method order.
pub fn operations(document: &Value) -> Vec<Operation<'_>> {
    let Some(paths) = document.get("paths").and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (path, path_item) in paths {
        for method in METHODS {
            if let Some(value) = path_item.get(method).filter(|value| value.is_object()) {
                found.push(Operation {
                    path,
                    method,
                    value,
                    path_item,
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn operations_follow_the_paths_then_the_methods_and_skip_other_keys() {
        let document = json!({"paths": {
            "/b/{id}": {"parameters": [], "delete": {"operationId": "delete_b"}, "get": {}},
            "/a": {"post": {}, "summary": "not an operation", "trace": "not an object"},
        }});
        let listed: Vec<String> = operations(&document).iter().map(Operation::label).collect();
        assert_eq!(listed, ["GET /b/{id}", "DELETE /b/{id}", "POST /a"]);
        assert_eq!(operations(&document)[1].operation_id(), Some("delete_b"));
        assert!(operations(&json!({})).is_empty());
    }
}
