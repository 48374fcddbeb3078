//! `cargo xtask fuzz [ARGS]`: the fuzzer of the `fuzz/` crate (mutated documents into the
//! generator, mutated pages into the normalizer), for a time budget. `cargo xtask test` runs it
//! for `CI_SECONDS` after the tests; `ARGS` go to it unchanged (`--seconds N`, `--seed S`,
//! `--keep-going`, `replay FILE`).

use std::path::Path;
use std::process::Command;

/// The budget `cargo xtask test` gives the fuzzer.
pub const CI_SECONDS: &str = "60";

/// Builds and runs the fuzzer; returns whether it found nothing.
pub fn run(root: &Path, args: &[&str]) -> Result<bool, String> {
    let status = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--package", "instantly-fuzz", "--"])
        .args(args)
        .current_dir(root)
        .status()
        .map_err(|error| format!("cannot run the fuzzer: {error}"))?;
    Ok(status.success())
}
