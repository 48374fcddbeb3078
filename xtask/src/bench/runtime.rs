//! Run-time cost of the generated types (the `bench/benches/runtime.rs` criterion
//! benchmarks): each benchmark function runs on its own, the generators alternating, three
//! rounds; a measure is the median of the rounds' criterion medians.

use super::{Paths, median};
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

const ROUNDS: usize = 3;

/// One group: the median time per iteration in nanoseconds, ours then progenitor's.
#[derive(Debug, Clone)]
pub struct Timed {
    pub description: &'static str,
    pub ours_ns: Option<f64>,
    pub progenitor_ns: Option<f64>,
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
        timed.push(Timed {
            description,
            ours_ns: median(&medians[0]),
            progenitor_ns: median(&medians[1]),
        });
    }
    Ok(timed)
}

fn run_criterion(paths: &Paths, filter: &str) -> Result<(), String> {
    super::run_checked(
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
