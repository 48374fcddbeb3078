//! The report as Markdown: printed by `cargo xtask codegen`, written by `--report FILE`, and
//! nested in the client's CHANGELOG.

use std::fmt::Write;

use super::model::{Change, Impact, Level, Report, Section, TextChange};
use super::semver::{Version, bump_for};

/// Texts longer than this are cut in verbose listings.
const TEXT_PREVIEW_CHARS: usize = 80;

#[derive(Debug, Clone)]
pub struct Options {
    /// List description and other changes instead of counting them.
    pub verbose: bool,
    /// The Markdown level of the report's title (`2` → `## API changes`, sections at `###`).
    pub heading_level: usize,
    /// The client crate's name and current version, for the closing version line.
    pub crate_version: Option<(String, Version)>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            verbose: false,
            heading_level: 2,
            crate_version: None,
        }
    }
}

pub fn markdown(report: &Report, options: &Options) -> String {
    let mut out = String::new();
    let title = "#".repeat(options.heading_level);
    let section = "#".repeat(options.heading_level + 1);
    let _ = writeln!(out, "{title} API changes\n\n{}\n", summary(report));
    for group in Section::ALL {
        let changes: Vec<&Change> = report.section(group).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{section} {}\n", group.title());
        for change in changes {
            let _ = writeln!(out, "{}", change_line(change));
        }
        out.push('\n');
    }
    if !report.descriptions.is_empty() {
        let _ = writeln!(out, "{section} Descriptions\n");
        let _ = writeln!(out, "{}\n", descriptions(report, options.verbose));
    }
    if !report.other.is_empty() {
        let _ = writeln!(out, "{section} Other changes\n");
        let _ = writeln!(out, "{}\n", others(report, options.verbose));
    }
    let _ = writeln!(
        out,
        "{section} Version\n\n{}",
        version_line(report, options)
    );
    out
}

fn summary(report: &Report) -> String {
    if report.is_empty() {
        return "No changes.".to_owned();
    }
    let counts = [
        (
            report.breaking().count(),
            "breaking change",
            "breaking changes",
        ),
        (
            report.compatible().count(),
            "compatible change",
            "compatible changes",
        ),
        (
            report.descriptions.len(),
            "description changed",
            "descriptions changed",
        ),
        (
            report.other.len(),
            "change the client does not see",
            "changes the client does not see",
        ),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(count, _, _)| *count > 0)
        .map(|(count, one, many)| format!("{count} {}", if *count == 1 { one } else { many }))
        .collect();
    format!("{}.", parts.join(", "))
}

fn change_line(change: &Change) -> String {
    let marker = match change.impact {
        Impact::Breaking => "**breaking**",
        Impact::Compatible => "compatible",
    };
    let context = if mentions_request(change) {
        " — in a request"
    } else {
        ""
    };
    format!("- {marker} `{}`: {}{context}", change.location, change.kind)
}

/// The request context is shown where it decided the classification.
fn mentions_request(change: &Change) -> bool {
    use super::model::Kind;
    change.in_request
        && matches!(
            change.kind,
            Kind::PropertyAdded { required: true, .. } | Kind::ReadOnlyChanged { .. }
        )
}

fn descriptions(report: &Report, verbose: bool) -> String {
    folded_list(
        &report.descriptions,
        verbose,
        ("description", "descriptions"),
        " changed (rustdoc only)",
        text_change_line,
    )
}

/// A section that shows only its count unless `--verbose` asks for every line.
fn folded_list<T>(
    items: &[T],
    verbose: bool,
    (one, many): (&str, &str),
    after_noun: &str,
    line: impl Fn(&T) -> String,
) -> String {
    let count = items.len();
    if !verbose {
        return format!(
            "{count} {}{after_noun}; run with `--verbose` to list {}.",
            plural(count, one, many),
            plural(count, "it", "them"),
        );
    }
    items.iter().map(line).collect::<Vec<_>>().join("\n")
}

fn text_change_line(change: &TextChange) -> String {
    format!(
        "- `{}`: {} → {}",
        change.location,
        preview(change.old.as_deref()),
        preview(change.new.as_deref())
    )
}

fn preview(text: Option<&str>) -> String {
    let Some(text) = text else {
        return "*none*".to_owned();
    };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = flat.chars().take(TEXT_PREVIEW_CHARS).collect();
    let ellipsis = if cut.len() < flat.len() { "…" } else { "" };
    format!("\"{cut}{ellipsis}\"")
}

fn others(report: &Report, verbose: bool) -> String {
    folded_list(
        &report.other,
        verbose,
        ("change", "changes"),
        " the generated client does not see (examples, provenance, …)",
        |other| format!("- `{other}`"),
    )
}

fn version_line(report: &Report, options: &Options) -> String {
    let level = report.level();
    let why = match level {
        Level::Unchanged => {
            return "No version bump: nothing the client is built from changed.".to_owned();
        }
        Level::Breaking => "Breaking changes",
        Level::Compatible => "Compatible changes only",
        Level::Documentation => "Documentation changes only",
    };
    match &options.crate_version {
        Some((name, version)) => match bump_for(level, *version) {
            Some(bump) => format!(
                "{why}: `{name}` {version} → {} ({bump} bump).",
                version.bumped(bump)
            ),
            None => format!("{why}: no version bump."),
        },
        None => {
            let bump = if level == Level::Breaking {
                "a minor bump while the crate is 0.x (major from 1.0)"
            } else {
                "a patch bump while the crate is 0.x"
            };
            format!("{why}: the client crate needs {bump}.")
        }
    }
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}
