//! Run-time cost of the generated types (the `bench/benches/runtime.rs` criterion
//! benchmarks): each benchmark function runs on its own, the generators alternating, in short
//! rounds (so a change of machine load hits both alike); a measure is the median of the
//! rounds' criterion medians. Each workload's instructions per iteration are also counted
//! under valgrind (callgrind), a measure that the machine's load, which on a shared VM moves
//! wall-clock medians by tens of percent, cannot move.

use super::{Paths, median};
use crate::process::run_checked;
use serde_json::Value;
use std::process::Command;

/// The criterion groups, with what they measure.
pub const GROUPS: &[(&str, &str)] = &[
    (
        "decode_lead_page_100",
        "decode a page of 100 leads (`LeadPage`)",
    ),
    (
        "encode_create_campaign",
        "encode a create-campaign body (`CreateCampaignRequest`)",
    ),
];

const FUNCTIONS: [&str; 2] = ["instantly-codegen", "progenitor"];

const ROUNDS: usize = 7;

/// Iterations counted under valgrind, per group, beyond a baseline run of one: enough for the
/// set-up (reading the document, building the payload) to cancel out exactly.
const COUNTED: &[(&str, usize)] = &[
    ("decode_lead_page_100", 50),
    ("encode_create_campaign", 2000),
];

/// One group: the median time per iteration in nanoseconds, and the instructions per
/// iteration (or why they could not be counted), ours then progenitor's.
#[derive(Debug, Clone)]
pub struct Timed {
    pub description: &'static str,
    pub ours_ns: Option<f64>,
    pub progenitor_ns: Option<f64>,
    pub ours_instructions: Result<f64, String>,
    pub progenitor_instructions: Result<f64, String>,
}

pub fn measure(paths: &Paths) -> Result<Vec<Timed>, String> {
    let mut timed = Vec::new();
    for (group, description) in GROUPS {
        let mut medians: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
        for round in 0..ROUNDS {
            for step in 0..2 {
                let index = (round + step) % 2;
                let function = FUNCTIONS[index];
                println!("criterion {group}/{function}, round {}…", round + 1);
                run_criterion(paths, &format!("^{group}/{function}$"))?;
                medians[index].push(read_median(paths, group, function)?);
            }
        }
        println!("counting instructions of {group} under valgrind…");
        timed.push(Timed {
            description,
            ours_ns: median(&medians[0]),
            progenitor_ns: median(&medians[1]),
            ours_instructions: instructions(paths, group, FUNCTIONS[0]),
            progenitor_instructions: instructions(paths, group, FUNCTIONS[1]),
        });
    }
    Ok(timed)
}

fn run_criterion(paths: &Paths, filter: &str) -> Result<(), String> {
    run_checked(
        Command::new(env!("CARGO"))
            .args(["bench", "--quiet", "--bench", "runtime", "--manifest-path"])
            .arg(&paths.manifest)
            .args([
                "--",
                filter,
                "--warm-up-time",
                "2",
                "--measurement-time",
                "5",
            ])
            .env("CARGO_TARGET_DIR", &paths.target),
    )
}

/// Criterion's median estimate of the last run, in nanoseconds.
fn read_median(paths: &Paths, group: &str, function: &str) -> Result<f64, String> {
    let file = paths
        .target
        .join("criterion")
        .join(group)
        .join(function)
        .join("new/estimates.json");
    let text =
        std::fs::read_to_string(&file).map_err(|error| format!("{}: {error}", file.display()))?;
    let estimates: Value =
        serde_json::from_str(&text).map_err(|error| format!("{}: {error}", file.display()))?;
    estimates["median"]["point_estimate"]
        .as_f64()
        .ok_or_else(|| format!("{}: no median", file.display()))
}

/// Instructions per iteration of one workload: callgrind's total for `1 + n` iterations minus
/// its total for one, over `n`.
fn instructions(paths: &Paths, group: &str, function: &str) -> Result<f64, String> {
    let n = COUNTED
        .iter()
        .find(|(name, _)| *name == group)
        .map_or(1000, |(_, n)| *n);
    let baseline = instructions_of_run(paths, group, function, 1)?;
    let total = instructions_of_run(paths, group, function, 1 + n)?;
    Ok(total.saturating_sub(baseline) as f64 / n as f64)
}

/// Callgrind's `I refs` for `instantly-bench repeat GROUP FUNCTION TIMES`.
fn instructions_of_run(
    paths: &Paths,
    group: &str,
    function: &str,
    times: usize,
) -> Result<u64, String> {
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(paths.binary())
        .args(["repeat", group, function, &times.to_string()])
        .output()
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => {
                "valgrind not installed (apt-get install valgrind)".to_owned()
            }
            _ => format!("cannot run valgrind: {error}"),
        })?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        let last = stderr.lines().last().unwrap_or_default();
        return Err(format!("valgrind failed with {}: {last}", output.status));
    }
    instruction_total(&stderr).ok_or_else(|| "valgrind printed no `I refs` total".to_owned())
}

/// The total of callgrind's summary line `==PID== I   refs:      514,402,897`.
fn instruction_total(stderr: &str) -> Option<u64> {
    stderr
        .lines()
        .find_map(|line| line.split_once("I   refs:").map(|(_, count)| count.trim()))
        .and_then(|count| count.replace(',', "").parse().ok())
}

#[cfg(test)]
mod tests {
    use super::instruction_total;

    #[test]
    fn reads_callgrind_total() {
        let stderr = "==4057== Events    : Ir\n==4057== Collected : 514402897\n==4057== \n\
                      ==4057== I   refs:      514,402,897\n";
        assert_eq!(instruction_total(stderr), Some(514_402_897));
        assert_eq!(instruction_total("==1== I   refs: many"), None);
        assert_eq!(instruction_total(""), None);
    }
}
