//! One row per operation: was the request accepted, did the response decode, and if not, is
//! the operation allow-listed (with its reason). Rendered as a table ending in `N/M operations
//! conform`.

use super::allow_list::AllowList;
use super::document::{DocumentOperation, route};
use super::driver::{CallResult, ClientOperation};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write;

/// How much of a violation or error message the details show.
const DETAIL_CHARS: usize = 240;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `METHOD /path` as the mocked document (or, for client-only operations, the client) has it.
    pub label: String,
    /// The client method, when the client has one for this route.
    pub operation: Option<String>,
    pub status: Option<u16>,
    /// `None` when accepted, else why not.
    pub rejected: Option<String>,
    /// `None` when the response decoded into the generated type, else why not.
    pub undecoded: Option<String>,
    /// The allow-list's reason, when the route is listed.
    pub allowed: Option<String>,
}

impl Row {
    pub fn conforms(&self) -> bool {
        self.rejected.is_none() && self.undecoded.is_none()
    }
}

/// The rows: every operation of the mocked document in its order, then the client's
/// operations that the document lacks (Prism cannot route them).
pub fn rows(
    document: &[DocumentOperation],
    client: &[ClientOperation],
    results: &[CallResult],
    allow: &AllowList,
) -> Vec<Row> {
    let by_route: HashMap<String, &ClientOperation> = client
        .iter()
        .map(|operation| (route(&operation.method, &operation.path), operation))
        .collect();
    let by_name: HashMap<&str, &CallResult> = results
        .iter()
        .map(|result| (result.operation.as_str(), result))
        .collect();
    let mut rows = Vec::new();
    for operation in document {
        let key = operation.route();
        let row = match by_route.get(&key) {
            Some(client_operation) => {
                row_for_call(operation.label(), client_operation, &by_name, allow)
            }
            None => Row {
                label: operation.label(),
                operation: None,
                status: None,
                rejected: Some("not sent: the client has no method for this route".to_owned()),
                undecoded: Some("not checked".to_owned()),
                allowed: allow.reason(&key).map(str::to_owned),
            },
        };
        rows.push(row);
    }
    let documented: Vec<String> = document.iter().map(DocumentOperation::route).collect();
    for operation in client {
        if !documented.contains(&route(&operation.method, &operation.path)) {
            let label = format!("{} {}", operation.method, operation.path);
            let mut row = row_for_call(label, operation, &by_name, allow);
            row.rejected = Some(match row.rejected {
                Some(reason) => format!("not in the document; {reason}"),
                None => "not in the document".to_owned(),
            });
            rows.push(row);
        }
    }
    rows
}

fn row_for_call(
    label: String,
    operation: &ClientOperation,
    results: &HashMap<&str, &CallResult>,
    allow: &AllowList,
) -> Row {
    let allowed = allow
        .reason(&route(&operation.method, &operation.path))
        .map(str::to_owned);
    let Some(result) = results.get(operation.name.as_str()) else {
        return Row {
            label,
            operation: Some(operation.name.clone()),
            status: None,
            rejected: Some("not sent: the driver reported nothing".to_owned()),
            undecoded: Some("not checked".to_owned()),
            allowed,
        };
    };
    let (rejected, undecoded) = judge(result);
    Row {
        label,
        operation: Some(operation.name.clone()),
        status: result.status,
        rejected,
        undecoded,
        allowed,
    }
}

/// Accepted: no `sl-violations`, no 4xx, and the request was sent at all. Decoded: the driver
/// got the generated type (or the documented empty/bytes body).
fn judge(result: &CallResult) -> (Option<String>, Option<String>) {
    let violations = result
        .violations
        .as_deref()
        .map(violation_messages)
        .filter(|messages| !messages.is_empty());
    let rejected = match (&violations, result.status, result.outcome.as_str()) {
        (Some(messages), _, _) => Some(messages.clone()),
        (None, _, "argument_error" | "unknown_operation" | "transport_error") => {
            Some(format!("not sent: {}", result.message))
        }
        (None, Some(status), _) if (400..500).contains(&status) => {
            Some(format!("HTTP {status}: {}", result.message))
        }
        _ => None,
    };
    let undecoded = match result.outcome.as_str() {
        "decoded" | "empty" | "bytes" => None,
        "decode_error" => Some(result.message.clone()),
        "api_error" => Some(format!("error answer: {}", result.message)),
        _ => Some("not checked".to_owned()),
    };
    (rejected, undecoded)
}

/// Prism's header is a JSON list of `{location, message, …}`; the messages, joined.
fn violation_messages(header: &str) -> String {
    match serde_json::from_str::<Value>(header) {
        Ok(Value::Array(violations)) => violations
            .iter()
            .map(|violation| {
                let message = violation
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or("violation");
                let location: Vec<&str> = violation
                    .get("location")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                if location.is_empty() {
                    message.to_owned()
                } else {
                    format!("{}: {message}", location.join("."))
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
        _ => header.trim().to_owned(),
    }
}

/// The run passes when every operation that does not conform is allow-listed.
pub fn passed(rows: &[Row]) -> bool {
    rows.iter()
        .all(|row| row.conforms() || row.allowed.is_some())
}

/// The table, the reasons of allow-listed rows, stale allow-list entries, and the last line.
pub fn render(rows: &[Row], allow: &AllowList) -> String {
    let mut out = String::new();
    let name_width = rows
        .iter()
        .map(|row| row.operation.as_deref().map_or(1, str::len))
        .max()
        .unwrap_or(9)
        .max(9);
    let label_width = rows
        .iter()
        .map(|row| row.label.len())
        .max()
        .unwrap_or(5)
        .max(5);
    let _ = writeln!(
        out,
        "{:<name_width$}  {:<label_width$}  {:>6}  {:<8}  {:<8}  verdict",
        "operation", "route", "status", "request", "response"
    );
    for row in rows {
        let status = row
            .status
            .map_or_else(|| "-".to_owned(), |status| status.to_string());
        let verdict = match (row.conforms(), &row.allowed) {
            (true, _) => "conforms".to_owned(),
            (false, Some(_)) => "allowed (see below)".to_owned(),
            (false, None) => "FAILS".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:<name_width$}  {:<label_width$}  {:>6}  {:<8}  {:<8}  {verdict}",
            row.operation.as_deref().unwrap_or("-"),
            row.label,
            status,
            if row.rejected.is_none() {
                "accepted"
            } else {
                "rejected"
            },
            if row.undecoded.is_none() {
                "decoded"
            } else {
                "failed"
            },
        );
    }
    let failing: Vec<&Row> = rows.iter().filter(|row| !row.conforms()).collect();
    if !failing.is_empty() {
        let _ = writeln!(out, "\nOperations that do not conform:");
        for row in failing {
            let _ = writeln!(
                out,
                "- {} ({})",
                row.label,
                row.operation.as_deref().unwrap_or("-")
            );
            if let Some(reason) = &row.rejected {
                let _ = writeln!(out, "    request:  {}", cell(reason));
            }
            if let Some(reason) = &row.undecoded {
                let _ = writeln!(out, "    response: {}", cell(reason));
            }
            match &row.allowed {
                Some(reason) => {
                    let _ = writeln!(out, "    allowed:  {reason}");
                }
                None => {
                    let _ = writeln!(out, "    NOT in {}", super::allow_list::ALLOW_LIST);
                }
            }
        }
    }
    let stale: Vec<&str> = allow
        .routes()
        .filter(|listed| {
            rows.iter()
                .any(|row| row.conforms() && row.allowed.is_some() && row_route(row) == *listed)
        })
        .collect();
    for listed in stale {
        let _ = writeln!(
            out,
            "note: `{listed}` is allow-listed but conforms; remove it from {}",
            super::allow_list::ALLOW_LIST
        );
    }
    let conforming = rows.iter().filter(|row| row.conforms()).count();
    let allowed = rows
        .iter()
        .filter(|row| !row.conforms() && row.allowed.is_some())
        .count();
    if allowed > 0 {
        let _ = writeln!(out, "\n{allowed} allow-listed, with the reasons above");
    }
    let _ = writeln!(out, "{conforming}/{} operations conform", rows.len());
    out
}

fn row_route(row: &Row) -> String {
    match row.label.split_once(' ') {
        Some((method, path)) => route(method, path),
        None => row.label.clone(),
    }
}

/// One line, at most `DETAIL_CHARS` characters.
fn cell(text: &str) -> String {
    let line = text.replace('\n', " ");
    if line.chars().count() <= DETAIL_CHARS {
        return line;
    }
    let mut short: String = line.chars().take(DETAIL_CHARS).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(name: &str, method: &str, path: &str) -> ClientOperation {
        ClientOperation {
            name: name.to_owned(),
            method: method.to_owned(),
            path: path.to_owned(),
        }
    }

    fn result(name: &str, status: u16, violations: Option<&str>, outcome: &str) -> CallResult {
        CallResult {
            operation: name.to_owned(),
            status: Some(status),
            violations: violations.map(str::to_owned),
            outcome: outcome.to_owned(),
            message: String::new(),
        }
    }

    fn document(labels: &[(&str, &str)]) -> Vec<DocumentOperation> {
        labels
            .iter()
            .map(|(method, path)| DocumentOperation {
                method: (*method).to_owned(),
                path: (*path).to_owned(),
            })
            .collect()
    }

    #[test]
    fn rows_judge_violations_statuses_and_decoding() {
        let document = document(&[
            ("GET", "/a"),
            ("POST", "/a"),
            ("GET", "/a/{other_name}"),
            ("DELETE", "/a/{id}"),
            ("PUT", "/only-in-document"),
        ]);
        let client = vec![
            client("list_a", "GET", "/a"),
            client("create_a", "POST", "/a"),
            client("get_a", "GET", "/a/{id}"),
            client("delete_a", "DELETE", "/a/{id}"),
            client("extra", "GET", "/only-in-client"),
        ];
        let violations = r#"[{"location":["request","body"],"severity":"Error","message":"must have required property 'name'"}]"#;
        let results = vec![
            result("list_a", 200, None, "decoded"),
            result("create_a", 422, Some(violations), "api_error"),
            result("get_a", 200, None, "decode_error"),
            result("delete_a", 204, None, "empty"),
            result("extra", 404, Some("[]"), "api_error"),
        ];
        let allow = AllowList::parse("GET /a/{x}: the example has a bad date\n").unwrap();
        let rows = rows(&document, &client, &results, &allow);
        let verdicts: Vec<(&str, bool, bool)> = rows
            .iter()
            .map(|row| (row.label.as_str(), row.conforms(), row.allowed.is_some()))
            .collect();
        assert_eq!(
            verdicts,
            [
                ("GET /a", true, false),
                ("POST /a", false, false),
                ("GET /a/{other_name}", false, true),
                ("DELETE /a/{id}", true, false),
                ("PUT /only-in-document", false, false),
                ("GET /only-in-client", false, false),
            ]
        );
        assert_eq!(
            rows[1].rejected.as_deref(),
            Some("request.body: must have required property 'name'")
        );
        assert!(!passed(&rows));
        let text = render(&rows, &allow);
        assert!(text.ends_with("2/6 operations conform\n"), "{text}");
        assert!(
            text.contains("allowed:  the example has a bad date"),
            "{text}"
        );
        assert!(
            text.contains("NOT in tests/contract/allow-list.yaml"),
            "{text}"
        );
    }

    #[test]
    fn a_run_passes_when_every_failure_is_allow_listed() {
        let document = document(&[("GET", "/a")]);
        let client = vec![client("list_a", "GET", "/a")];
        let results = vec![result("list_a", 400, None, "api_error")];
        let allow = AllowList::parse("GET /a: documented reason\n").unwrap();
        let rows = rows(&document, &client, &results, &allow);
        assert!(passed(&rows));
        assert!(render(&rows, &allow).ends_with("0/1 operations conform\n"));
    }
}
