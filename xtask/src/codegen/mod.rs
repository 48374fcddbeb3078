//! `cargo xtask codegen [--check] [--verbose] [--report FILE]`: scraped page →
//! `spec/openapi.yaml` → generated client, with a change report against the committed document.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use instantly_spec::diagnostics::{FACTS_FILE, OVERRIDES_FILE, PAGE_FILE};
use instantly_spec::diff::unified_diff;
use instantly_spec::normalize::document::normalize;
use instantly_spec::normalize::yaml::to_yaml;
use instantly_spec::openapi::operations;

use regeneration::Regeneration;

mod regeneration;
mod release;
#[cfg(test)]
mod tests;

/// Where the document is written, relative to the workspace root.
pub const OPENAPI_FILE: &str = "spec/openapi.yaml";

/// The generated client, committed: what the `instantly` crate compiles (and what its build.rs,
/// with the `regenerate` feature, checks against the generator).
pub const GOLDEN_FILE: &str = "generated-client/golden/client.rs";

/// The generated `dispatch` module (the crate's `dispatch` feature), committed the same way.
pub const GOLDEN_DISPATCH_FILE: &str = "generated-client/golden/dispatch.rs";

/// One generated file: where it goes and what it should hold.
pub struct Output {
    pub path: &'static str,
    pub contents: String,
}

/// The outcome of a run, for the summary line.
pub struct Summary {
    pub operations: usize,
    pub schemas: usize,
    pub properties: usize,
    pub warnings: Vec<String>,
}

/// Regenerates every output in memory.
pub fn generate(root: &Path) -> Result<(Vec<Output>, Summary), String> {
    let page = read(root, PAGE_FILE)?;
    let facts = read(root, FACTS_FILE)?;
    let overrides = read(root, OVERRIDES_FILE)?;
    let normalized = normalize(&page, &facts, &overrides).map_err(|error| error.to_string())?;
    let yaml = to_yaml(&normalized.document);
    let mut summary = Summary {
        operations: operations(&normalized.document).len(),
        schemas: normalized
            .document
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map_or(0, |s| s.len()),
        properties: count_properties(&normalized.document),
        warnings: normalized
            .warnings
            .0
            .iter()
            .map(ToString::to_string)
            .collect(),
    };
    let generated = generate_client(&yaml)?;
    summary.warnings.extend(generated.warnings);
    Ok((
        vec![
            Output {
                path: OPENAPI_FILE,
                contents: yaml,
            },
            Output {
                path: GOLDEN_FILE,
                contents: generated.source,
            },
            Output {
                path: GOLDEN_DISPATCH_FILE,
                contents: generated.dispatch,
            },
        ],
        summary,
    ))
}

/// The generated client's source, its dispatch module and the generator's fallback warnings.
struct GeneratedClient {
    source: String,
    dispatch: String,
    warnings: Vec<String>,
}

/// The client and dispatch sources for `spec_text`, exactly as `generated-client/build.rs`
/// produces them with the `regenerate` feature.
fn generate_client(spec_text: &str) -> Result<GeneratedClient, String> {
    let in_spec = |error: instantly_codegen::Error| format!("{OPENAPI_FILE}: {error}");
    let document = instantly_codegen::load_document(spec_text).map_err(in_spec)?;
    let (client, dispatch) = instantly_codegen::generate_with_dispatch(
        &document,
        &instantly_codegen::Settings::instantly(),
    )
    .map_err(in_spec)?;
    Ok(GeneratedClient {
        source: client.to_source().map_err(in_spec)?,
        dispatch: dispatch.to_source().map_err(in_spec)?,
        warnings: client
            .warnings
            .iter()
            .map(|warning| format!("{OPENAPI_FILE}: {warning}"))
            .collect(),
    })
}

fn read(root: &Path, relative: &str) -> Result<String, String> {
    fs::read_to_string(root.join(relative))
        .map_err(|error| format!("{relative}: cannot read: {error}"))
}

/// Properties of every component schema, nested ones included.
fn count_properties(document: &Value) -> usize {
    fn count(schema: &Value) -> usize {
        let own = schema
            .get("properties")
            .and_then(Value::as_object)
            .map_or(0, |properties| {
                properties.len() + properties.values().map(count).sum::<usize>()
            });
        let items = schema.get("items").map_or(0, count);
        let branches = schema
            .get("oneOf")
            .and_then(Value::as_array)
            .map_or(0, |b| b.iter().map(count).sum());
        own + items + branches
    }
    document
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map_or(0, |schemas| schemas.values().map(count).sum())
}

/// What `cargo xtask codegen` was asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Compare instead of writing; fail when an output is stale.
    pub check: bool,
    /// List description and other changes in the change report instead of counting them.
    pub verbose: bool,
    /// Also write the change report as Markdown to this file.
    pub report_file: Option<PathBuf>,
}

/// Writes the outputs (or, with `check`, compares them), prints the summary and the change
/// report against the committed document, and, when writing, bumps the client crate's version
/// and CHANGELOG as the report asks. Returns whether everything is up to date (always true
/// when writing).
pub fn run(root: &Path, options: &Options) -> Result<bool, String> {
    let (outputs, summary) = generate(root)?;
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    println!(
        "{} operations, {} schemas, {} properties, {} warnings",
        summary.operations,
        summary.schemas,
        summary.properties,
        summary.warnings.len()
    );
    let regeneration = change_report(root, &outputs, options)?;
    if !options.check {
        print_report(&regeneration);
        // Before the outputs: a run that fails half-way bumps again rather than never.
        release(root, &regeneration)?;
    }
    let fresh = write_or_check(root, outputs, options.check)?;
    if options.check && !fresh {
        print_report(&regeneration);
    }
    Ok(fresh)
}

/// The report of the regenerated document against the committed one, written to
/// `--report FILE` when asked.
fn change_report(
    root: &Path,
    outputs: &[Output],
    options: &Options,
) -> Result<Regeneration, String> {
    let spec = outputs
        .iter()
        .find(|output| output.path == OPENAPI_FILE)
        .map_or("", |output| output.contents.as_str());
    let regeneration = Regeneration::new(root, OPENAPI_FILE, spec, options.verbose)?;
    if let Some(path) = &options.report_file {
        let markdown = regeneration
            .markdown()
            .unwrap_or_else(|| format!("No committed {OPENAPI_FILE} to compare with.\n"));
        fs::write(path, markdown)
            .map_err(|error| format!("{}: cannot write: {error}", path.display()))?;
    }
    Ok(regeneration)
}

fn print_report(regeneration: &Regeneration) {
    match regeneration.markdown() {
        Some(_) if regeneration.is_empty() => {
            println!("no API changes against the committed {OPENAPI_FILE}");
        }
        Some(markdown) => print!("\n{markdown}\n"),
        None => println!("no committed {OPENAPI_FILE} to compare with; no change report"),
    }
}

fn release(root: &Path, regeneration: &Regeneration) -> Result<(), String> {
    if let Some((release, written)) = regeneration.release(root)? {
        println!(
            "bumped {} {} → {}; wrote {}",
            release.name,
            release.old,
            release.new,
            written.join(", ")
        );
    }
    Ok(())
}

/// Writes the outputs that changed, or with `check` prints their diffs; returns whether all
/// were up to date.
fn write_or_check(root: &Path, outputs: Vec<Output>, check: bool) -> Result<bool, String> {
    let mut fresh = true;
    for output in outputs {
        let path: PathBuf = root.join(output.path);
        let current = fs::read_to_string(&path).unwrap_or_default();
        if current == output.contents {
            continue;
        }
        if check {
            fresh = false;
            eprintln!("{} is stale; run `cargo xtask codegen`:", output.path);
            eprint!("{}", unified_diff(output.path, &current, &output.contents));
        } else {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)
                    .map_err(|error| format!("{}: {error}", parent.display()))?;
            }
            fs::write(&path, &output.contents)
                .map_err(|error| format!("{}: cannot write: {error}", output.path))?;
            println!("wrote {}", output.path);
        }
    }
    Ok(fresh)
}
