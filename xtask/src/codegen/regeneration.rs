//! The report of one `cargo xtask codegen` run: the committed document against the one about
//! to replace it, rendered for the terminal and `--report FILE`, and applied to the client
//! crate's version and CHANGELOG.

use std::fs;
use std::path::Path;

use serde_json::Value;

use instantly_spec::report::render::{self, Options};
use instantly_spec::report::{Report, compare};

use super::release::{ClientCrate, Release, apply_release, plan_release, read_client};

pub struct Regeneration {
    /// `None` when there is no committed document to compare with (the first run).
    report: Option<Report>,
    client: Option<ClientCrate>,
    verbose: bool,
}

impl Regeneration {
    /// Compares the committed document at `committed_path` (relative to `root`) with
    /// `new_text`. A committed document that cannot be read as YAML is reported as a warning
    /// and the run goes on: it is about to be replaced.
    pub fn new(
        root: &Path,
        committed_path: &str,
        new_text: &str,
        verbose: bool,
    ) -> Result<Regeneration, String> {
        let new: Value = serde_norway::from_str(new_text)
            .map_err(|error| format!("{committed_path} (regenerated): {error}"))?;
        let report = match fs::read_to_string(root.join(committed_path)) {
            Err(_) => None,
            Ok(text) => match serde_norway::from_str::<Value>(&text) {
                Ok(old) => Some(compare(&old, &new)),
                Err(error) => {
                    eprintln!(
                        "warning: {committed_path}: cannot read the committed document, so no change report: {error}"
                    );
                    None
                }
            },
        };
        Ok(Regeneration {
            report,
            client: read_client(root)?,
            verbose,
        })
    }

    /// The report as Markdown; `None` when there was nothing to compare with.
    pub fn markdown(&self) -> Option<String> {
        let report = self.report.as_ref()?;
        let options = Options {
            verbose: self.verbose,
            heading_level: 2,
            crate_version: self
                .client
                .as_ref()
                .map(|client| (client.name.clone(), client.version)),
        };
        Some(render::markdown(report, &options))
    }

    /// True when the documents are semantically equal (or there was nothing to compare).
    pub fn is_empty(&self) -> bool {
        self.report.as_ref().is_none_or(Report::is_empty)
    }

    /// Bumps the client's version and prepends the CHANGELOG entry when the report asks for a
    /// release; returns it and the files written.
    pub fn release(&self, root: &Path) -> Result<Option<(Release, Vec<&'static str>)>, String> {
        let (Some(report), Some(client)) = (&self.report, &self.client) else {
            return Ok(None);
        };
        let Some(release) = plan_release(client, report) else {
            return Ok(None);
        };
        let written = apply_release(root, &release, report, self.verbose)?;
        Ok(Some((release, written)))
    }
}
