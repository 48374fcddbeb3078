//! What a dependent crate pays: the cold build, every dependency included, of a minimal binary
//! that calls one operation (`list_campaigns`), against `instantly` (the repository's crate,
//! as a dependent gets it) and against progenitor's client of the same document (the bench's
//! `bench-progenitor-instantly-2xx` crate). Each binary has its own target directory, removed
//! before every run; the two alternate run by run. Also the crates in each build graph.

use super::median;
use crate::downstream::{APP_MAIN, instantly_dependency, write_app};
use crate::process::run_checked;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The progenitor client crate the downstream binary depends on (written by `builds`).
const PROGENITOR_CLIENT: &str = "clients/bench-progenitor-instantly-2xx";

const PROGENITOR_MAIN: &str = r#"#[tokio::main(flavor = "current_thread")]
async fn main() {
    let client = bench_progenitor_instantly_2xx::Client::new("http://127.0.0.1:9");
    match client.list_campaigns().send().await {
        Ok(page) => println!("ok: {} campaigns", page.items.len()),
        Err(error) => println!("error: {error}"),
    }
}
"#;

/// One binary's cold builds (seconds, every run) and the crates of its build graph.
#[derive(Debug, Clone)]
pub struct Downstream {
    pub runs: Vec<f64>,
    pub crates: usize,
}

impl Downstream {
    pub fn median(&self) -> Option<f64> {
        median(&self.runs)
    }
}

/// Ours, then progenitor's (`Err` with the reason when its client crate is missing or does
/// not build).
pub fn measure(
    root: &Path,
    work: &Path,
    runs: usize,
) -> Result<(Downstream, Result<Downstream, String>), String> {
    let ours_dir = work.join("downstream/ours");
    write_app(
        root,
        &ours_dir,
        "downstream-ours",
        &instantly_dependency(root),
        APP_MAIN,
    )?;
    let progenitor_client = work.join(PROGENITOR_CLIENT);
    let progenitor_dir = work.join("downstream/progenitor");
    let mut progenitor = if progenitor_client.join("src/lib.rs").exists() {
        write_app(
            root,
            &progenitor_dir,
            "downstream-progenitor",
            &format!("bench-progenitor-instantly-2xx = {{ path = {progenitor_client:?} }}\n"),
            PROGENITOR_MAIN,
        )
        .map(|()| progenitor_dir)
    } else {
        Err(format!(
            "{} was not generated (run without --skip-builds)",
            progenitor_client.display()
        ))
    };
    let (mut ours_runs, mut progenitor_runs) = (Vec::new(), Vec::new());
    for run in 0..runs {
        // Each run starts with the other binary, so neither always builds on a cooler machine.
        let order = if run % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for ours in order {
            if ours {
                println!("downstream cold build {} against instantly…", run + 1);
                ours_runs.push(cold_build(&ours_dir)?);
            } else if let Ok(dir) = &progenitor {
                println!(
                    "downstream cold build {} against progenitor's client…",
                    run + 1
                );
                match cold_build(dir) {
                    Ok(seconds) => progenitor_runs.push(seconds),
                    Err(error) => progenitor = Err(error),
                }
            }
        }
    }
    let ours = Downstream {
        crates: crates(&ours_dir)?,
        runs: ours_runs,
    };
    let progenitor = progenitor.and_then(|dir| {
        Ok(Downstream {
            crates: crates(&dir)?,
            runs: progenitor_runs,
        })
    });
    Ok((ours, progenitor))
}

fn cold_build(dir: &Path) -> Result<f64, String> {
    let target = dir.join("target");
    if target.exists() {
        std::fs::remove_dir_all(&target)
            .map_err(|error| format!("{}: {error}", target.display()))?;
    }
    let started = Instant::now();
    run_checked(
        Command::new(env!("CARGO"))
            .args(["build", "--quiet"])
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", &target)
            .stdout(Stdio::null()),
    )?;
    Ok(started.elapsed().as_secs_f64())
}

/// Distinct packages in `cargo tree -e normal,build`, the binary itself included.
fn crates(dir: &Path) -> Result<usize, String> {
    let output = Command::new(env!("CARGO"))
        .args(["tree", "--prefix", "none", "-e", "normal,build"])
        .current_dir(dir)
        .output()
        .map_err(|error| format!("cannot run cargo tree: {error}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines: Vec<&str> = text
        .lines()
        .map(|line| line.trim_end_matches(" (*)").trim())
        .filter(|line| !line.is_empty())
        .collect();
    lines.sort_unstable();
    lines.dedup();
    Ok(lines.len())
}
