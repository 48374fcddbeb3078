//! `cargo xtask bench`: instantly-codegen against progenitor, side by side, on the same
//! documents. Slow (it compiles generated clients many times), so never run by CI.
//!
//! The work happens in the `bench/` crate, a workspace of its own so that nothing else depends
//! on progenitor: its binary times both generators in one process (`generation`), its
//! criterion benchmarks time the generated types (`runtime`); this module builds the generated
//! clients as crates of their own (`builds`) and prints the table (`table`), also written to
//! `target/bench/results.md`.

mod builds;
mod downstream;
mod generation;
mod runtime;
mod table;

use crate::process::run_checked;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Scratch space: the bench crate's target, the client crates, the results.
const WORK_DIR: &str = "target/bench";

/// A document measured: its label and what `instantly-bench` takes (`PATH`, or
/// `PATH#progenitor-compatible`).
#[derive(Debug, Clone, Copy)]
pub struct Document {
    pub label: &'static str,
    /// A short name for the client crates.
    pub slug: &'static str,
    pub spec: &'static str,
}

pub const DOCUMENTS: &[Document] = &[
    Document {
        label: "spec/openapi.yaml",
        slug: "instantly",
        spec: "spec/openapi.yaml",
    },
    Document {
        label: "spec/openapi.yaml as progenitor takes it (2xx responses only, a colliding name renamed)",
        slug: "instantly-2xx",
        spec: "spec/openapi.yaml#progenitor-compatible",
    },
    Document {
        label: "nexus.json",
        slug: "nexus",
        spec: "tests/corpus/openapi/nexus.json",
    },
    Document {
        label: "api.github.com.json",
        slug: "github",
        spec: "tests/corpus/openapi/api.github.com.json",
    },
    Document {
        label: "openai.yaml (OpenAPI 3.1.0)",
        slug: "openai",
        spec: "tests/corpus/openapi/openai.yaml",
    },
];

#[derive(Debug, Clone)]
pub struct Options {
    /// Runs of each generator per document (medians of these).
    pub runs: usize,
    /// Cold and incremental builds of each client.
    pub build_runs: usize,
    pub builds: bool,
    /// The cold builds of a binary depending on each client (after `builds`).
    pub downstream: bool,
    pub runtime: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            runs: 10,
            build_runs: 3,
            builds: true,
            downstream: true,
            runtime: true,
        }
    }
}

impl Options {
    /// `--runs N`, `--build-runs N`, `--skip-builds`, `--skip-downstream`, `--skip-runtime`.
    pub fn parse(flags: &[&str]) -> Result<Self, String> {
        let mut options = Self::default();
        let mut flags = flags.iter();
        while let Some(flag) = flags.next() {
            let mut number = |name: &str| {
                flags
                    .next()
                    .and_then(|value| value.parse::<usize>().ok())
                    .filter(|value| *value > 0)
                    .ok_or_else(|| format!("{name} needs a positive number"))
            };
            match *flag {
                "--runs" => options.runs = number("--runs")?,
                "--build-runs" => options.build_runs = number("--build-runs")?,
                "--skip-builds" => options.builds = false,
                "--skip-downstream" => options.downstream = false,
                "--skip-runtime" => options.runtime = false,
                other => return Err(format!("unknown bench argument `{other}`")),
            }
        }
        Ok(options)
    }
}

/// The bench crate's directories.
pub struct Paths {
    pub root: PathBuf,
    pub manifest: PathBuf,
    pub target: PathBuf,
    pub work: PathBuf,
}

impl Paths {
    fn new(root: &Path) -> Self {
        let work = root.join(WORK_DIR);
        Self {
            root: root.to_path_buf(),
            manifest: root.join("bench/Cargo.toml"),
            target: work.clone(),
            work,
        }
    }

    /// The `instantly-bench` binary (built by [`run`]).
    pub fn binary(&self) -> PathBuf {
        self.target.join("release/instantly-bench")
    }
}

pub fn run(root: &Path, options: &Options) -> Result<bool, String> {
    let paths = Paths::new(root);
    println!("building the bench crate (release)…");
    run_checked(
        Command::new(env!("CARGO"))
            .args([
                "build",
                "--release",
                "--bin",
                "instantly-bench",
                "--manifest-path",
            ])
            .arg(&paths.manifest)
            .env("CARGO_TARGET_DIR", &paths.target),
    )?;
    let generated = generation::measure(&paths, DOCUMENTS, options.runs)?;
    let built = if options.builds {
        builds::measure(&paths, DOCUMENTS, &generated, options.build_runs)?
    } else {
        Vec::new()
    };
    let downstream = if options.builds && options.downstream {
        Some(downstream::measure(root, &paths.work, options.build_runs)?)
    } else {
        None
    };
    // A failing run-time benchmark must not cost the rows measured before it.
    let (timed, runtime_failure) = if options.runtime {
        match runtime::measure(&paths) {
            Ok(timed) => (timed, None),
            Err(error) => (Vec::new(), Some(error)),
        }
    } else {
        (Vec::new(), None)
    };
    let mut report = table::render(options, &generated, &built, &downstream, &timed);
    if let Some(error) = &runtime_failure {
        report.push_str(&format!("\nThe run-time benchmarks failed: {error}\n"));
    }
    println!("\n{report}");
    let file = paths.work.join("results.md");
    std::fs::write(&file, &report).map_err(|error| format!("{}: {error}", file.display()))?;
    println!("written to {}", file.display());
    Ok(runtime_failure.is_none())
}

/// The median of some measurements (`None` for none).
pub(crate) fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if !n.is_multiple_of(2) => sorted.get(n / 2).copied(),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}
