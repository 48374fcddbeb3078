//! Running the driver binary (`tests/contract/driver.rs`), which calls the generated client.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};

const PACKAGE: &str = "instantly-tests";
const BINARY: &str = "instantly-contract-driver";

/// One operation of the generated client.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ClientOperation {
    pub name: String,
    pub method: String,
    pub path: String,
}

/// One call for the driver to make.
#[derive(Debug, Clone, Serialize)]
pub struct Call {
    pub operation: String,
    pub arguments: Value,
}

/// What the driver saw of one call.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CallResult {
    pub operation: String,
    pub status: Option<u16>,
    /// Prism's `sl-violations` header, when it sent one.
    pub violations: Option<String>,
    /// `decoded`, `empty`, `bytes`, `api_error`, `decode_error`, `transport_error`,
    /// `argument_error` or `unknown_operation`.
    pub outcome: String,
    pub message: String,
}

/// The client's operations, as its `dispatch` table lists them.
pub fn list(root: &Path) -> Result<Vec<ClientOperation>, String> {
    let output = run(root, &["list"])?;
    serde_json::from_str(&output).map_err(|error| format!("{BINARY} list: {error}"))
}

/// Makes the calls of `plan` (a JSON file) against `base_url`.
pub fn call(root: &Path, base_url: &str, plan: &Path) -> Result<Vec<CallResult>, String> {
    let plan = plan.to_string_lossy();
    let output = run(root, &["call", base_url, &plan])?;
    output
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            serde_json::from_str(line).map_err(|error| format!("{BINARY}: {error} in {line}"))
        })
        .collect()
}

/// `cargo run` builds the driver when needed; its diagnostics go to the terminal.
fn run(root: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--package",
            PACKAGE,
            "--bin",
            BINARY,
            "--",
        ])
        .args(args)
        .current_dir(root)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| format!("cannot run {BINARY}: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "{BINARY} {} failed ({})",
            args.join(" "),
            output.status
        ));
    }
    String::from_utf8(output.stdout).map_err(|error| format!("{BINARY}: {error}"))
}
