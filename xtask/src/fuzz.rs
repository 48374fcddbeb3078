//! `cargo xtask fuzz [ARGS]`: both fuzzers, each for a time budget.
//!
//! - The structure-aware fuzzer of the `fuzz/` crate (mutated documents into the generator,
//!   mutated pages into the normalizer); `ARGS` go to it unchanged (`--seconds N`, `--seed S`,
//!   `--keep-going`, `replay FILE`).
//! - The coverage-guided targets of `fuzz/libfuzzer` (cargo-fuzz, libFuzzer, on the nightly
//!   toolchain), each for `--target-seconds N` (default 30), printing the executions of each.
//!   A crash leaves its input in `fuzz/libfuzzer/artifacts/<target>/`; copied to
//!   `fuzz/libfuzzer/regressions/<target>/`, the stable test suite replays it for good.
//!   `--no-targets` skips them; `--targets-only` skips the other fuzzer; `--dev` builds them
//!   unoptimized (half the build time, for a short run). cargo-fuzz and the nightly toolchain
//!   are installed when missing.
//!
//! `cargo xtask test` runs the first for `CI_SECONDS` and each target for
//! `CI_TARGET_SECONDS`.

use crate::process::run_checked;
use std::path::Path;
use std::process::Command;

/// The budget `cargo xtask test` gives the structure-aware fuzzer.
pub const CI_SECONDS: &str = "40";

/// The budget `cargo xtask test` gives each coverage-guided target.
pub const CI_TARGET_SECONDS: &str = "5";

const FUZZ_DIR: &str = "fuzz/libfuzzer";

/// The targets, as `fuzz/libfuzzer/Cargo.toml` names its binaries.
const TARGETS: [&str; 6] = [
    "type_line",
    "page_fragment",
    "load_document",
    "plan_small",
    "decode_instantly",
    "runtime_parsers",
];

/// Runs the fuzzers `args` asks for; returns whether they found nothing.
pub fn run(root: &Path, args: &[&str]) -> Result<bool, String> {
    let mut passed = Vec::new();
    let mut target_seconds = "30".to_owned();
    let (mut document_fuzzer, mut targets, mut dev) = (true, true, false);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match *arg {
            "--target-seconds" => {
                target_seconds = iter
                    .next()
                    .ok_or("--target-seconds needs a number")?
                    .to_string();
            }
            "--no-targets" => targets = false,
            "--dev" => dev = true,
            "--targets-only" => document_fuzzer = false,
            "replay" => {
                targets = false;
                passed.push(*arg);
            }
            other => passed.push(other),
        }
    }
    if document_fuzzer {
        let status = Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--package", "instantly-fuzz", "--"])
            .args(&passed)
            .current_dir(root)
            .status()
            .map_err(|error| format!("cannot run the fuzzer: {error}"))?;
        if !status.success() {
            return Ok(false);
        }
    }
    if targets {
        return run_targets(root, &target_seconds, dev);
    }
    Ok(true)
}

/// Builds the targets once, runs each for `seconds` on its seeds and its corpus so far
/// (`target/libfuzzer-corpus/<target>`), and prints the executions.
fn run_targets(root: &Path, seconds: &str, dev: bool) -> Result<bool, String> {
    install_tools()?;
    let profile: &[&str] = if dev { &["--dev"] } else { &[] };
    println!("building the fuzz targets (nightly, cargo-fuzz)…");
    run_checked(
        nightly_cargo()
            .args([
                "fuzz",
                "build",
                "--sanitizer",
                "none",
                "--fuzz-dir",
                FUZZ_DIR,
            ])
            .args(profile)
            .current_dir(root),
    )?;
    let mut total: u64 = 0;
    let mut clean = true;
    for target in TARGETS {
        let corpus = root.join("target/libfuzzer-corpus").join(target);
        std::fs::create_dir_all(&corpus)
            .map_err(|error| format!("{}: {error}", corpus.display()))?;
        let output = nightly_cargo()
            .args(["fuzz", "run", "--sanitizer", "none", "--fuzz-dir", FUZZ_DIR])
            .args(profile)
            .arg(target)
            .arg(&corpus)
            .arg(root.join(FUZZ_DIR).join("seeds").join(target))
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-print_final_stats=1",
            ])
            .current_dir(root)
            .output()
            .map_err(|error| format!("cannot run cargo fuzz: {error}"))?;
        let log = String::from_utf8_lossy(&output.stderr);
        let executions = log
            .lines()
            .find_map(|line| line.strip_prefix("stat::number_of_executed_units:"))
            .and_then(|count| count.trim().parse::<u64>().ok())
            .unwrap_or(0);
        total += executions;
        if output.status.success() {
            println!("{target:<18} {executions:>12} executions in {seconds} s");
        } else {
            clean = false;
            let tail: Vec<&str> = log.lines().rev().take(30).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            println!(
                "{target:<18} FAILED after {executions} executions; the input is in {FUZZ_DIR}/artifacts/{target}/\n{}",
                tail.join("\n")
            );
        }
    }
    println!("{:<18} {total:>12} executions", "all targets");
    Ok(clean)
}

/// `cargo +nightly …`, free of the stable toolchain this xtask runs under.
fn nightly_cargo() -> Command {
    let mut command = Command::new("cargo");
    command
        .arg("+nightly")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC")
        .env_remove("CARGO");
    command
}

/// The nightly toolchain and cargo-fuzz, when they are missing.
fn install_tools() -> Result<(), String> {
    let has_nightly = nightly_cargo()
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !has_nightly {
        run_checked(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    let has_cargo_fuzz = nightly_cargo()
        .args(["fuzz", "--version"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !has_cargo_fuzz {
        run_checked(Command::new("cargo").args([
            "install",
            "cargo-fuzz",
            "--version",
            "0.13.2",
            "--locked",
        ]))?;
    }
    Ok(())
}
