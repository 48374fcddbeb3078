//! `cargo xtask contract [--spec PATH]`: does the generated client speak the document?
//!
//! Prism mocks the document at PATH (default `spec/openapi.yaml`); the driver
//! (`tests/contract/driver.rs`) sends every operation of the generated `instantly` client once,
//! through its typed request builders, with arguments built from the client's own document
//! (`sample`); each operation then gets a row: request accepted (no `sl-violations`, no 4xx),
//! response decoded into the generated type. Failures listed in the allow-list, with a reason,
//! do not fail the run; the table prints the reasons. The operations counted are the mocked
//! document's, so the same command runs against any document describing the same paths.

mod allow_list;
mod document;
mod driver;
mod prism;
mod report;
mod sample;

pub use allow_list::ALLOW_LIST;
pub use prism::PRISM_BIN;

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The document the client is generated from; call arguments come from its examples.
const CLIENT_SPEC: &str = "spec/openapi.yaml";

/// Scratch files (the call plan, Prism's log).
const WORK_DIR: &str = "target/contract";

#[derive(Debug, Clone)]
pub struct Options {
    /// The document Prism mocks.
    pub spec: PathBuf,
}

impl Options {
    pub fn new(root: &Path) -> Self {
        Self {
            spec: root.join(CLIENT_SPEC),
        }
    }
}

/// Runs the contract test; `Ok(false)` when an operation fails without being allow-listed.
pub fn run(root: &Path, options: &Options) -> Result<bool, String> {
    let mocked = document::load(&options.spec)?;
    let mocked_operations = document::operations(&mocked);
    let client_document = document::load(&root.join(CLIENT_SPEC))?;
    let allow = allow_list::AllowList::load(&root.join(ALLOW_LIST))?;

    let client_operations = driver::list(root)?;
    let plan: Vec<driver::Call> = client_operations
        .iter()
        .map(|operation| driver::Call {
            operation: operation.name.clone(),
            arguments: arguments_for(&client_document, operation),
        })
        .collect();
    let work = root.join(WORK_DIR);
    std::fs::create_dir_all(&work).map_err(|error| format!("{}: {error}", work.display()))?;
    let plan_file = work.join("plan.json");
    let plan_text = serde_json::to_string_pretty(&plan).map_err(|error| error.to_string())?;
    std::fs::write(&plan_file, plan_text)
        .map_err(|error| format!("{}: {error}", plan_file.display()))?;

    println!(
        "contract: Prism mocks {} ({} operations); the client has {} operations",
        options.spec.display(),
        mocked_operations.len(),
        client_operations.len()
    );
    let results = {
        let prism = prism::Prism::start(root, &options.spec, &work.join("prism.log"))?;
        driver::call(root, &prism.base_url, &plan_file)
            .map_err(|error| format!("{error}\nPrism's log ends with:\n{}", prism.log_tail()))?
        // Prism is killed here, and on every early return above.
    };
    let rows = report::rows(&mocked_operations, &client_operations, &results, &allow);
    print!("{}", report::render(&rows, &allow));
    Ok(report::passed(&rows))
}

/// The arguments for one client operation, from its entry in the client's document.
fn arguments_for(document: &Value, operation: &driver::ClientOperation) -> Value {
    let path_item = document
        .get("paths")
        .and_then(|paths| paths.get(&operation.path))
        .cloned()
        .unwrap_or(Value::Null);
    let node = path_item
        .get(operation.method.to_ascii_lowercase())
        .cloned()
        .unwrap_or(Value::Null);
    sample::arguments(document, &node, &path_item)
}
