//! `cargo xtask test`: installs what the tests need (idempotently) and runs every test, after
//! checking that no workspace package depends on xtask (`dependents.rs`).
//!
//! The document tests call real validators from PyPI; they live in `.venv` at the workspace root,
//! pinned by `tests/python/requirements.txt`, and are reinstalled only when that file changes.
//! The contract test runs Stoplight Prism from npm, pinned by `package.json` and
//! `package-lock.json` at the root (`npm ci` into `node_modules`, again only when the lock
//! changes), after the cargo tests, a short run of both fuzzers (`fuzz.rs`) and the checks of the crate
//! as its dependents see it (`downstream.rs`: packaging, and a dependent's build graph).

use crate::process::run_checked;
use std::fs;
use std::path::Path;
use std::process::Command;

const REQUIREMENTS: &str = "tests/python/requirements.txt";
const VENV: &str = ".venv";
const PACKAGE_LOCK: &str = "package-lock.json";
/// Written by us after a successful `npm ci`: the lock it installed.
const NODE_STAMP: &str = "node_modules/.installed-package-lock.json";

/// Runs the whole test suite; returns whether it passed.
pub fn run(root: &Path) -> Result<bool, String> {
    crate::dependents::check(root)?;
    let python = install_python_validators(root)?;
    install_node_tools(root)?;
    let status = Command::new(env!("CARGO"))
        .args(["test", "--workspace", "--all-targets"])
        .current_dir(root)
        .env("INSTANTLY_PYTHON", &python)
        .status()
        .map_err(|error| format!("cannot run cargo test: {error}"))?;
    if !status.success() {
        return Ok(false);
    }
    let doc_status = Command::new(env!("CARGO"))
        .args(["test", "--workspace", "--doc"])
        .current_dir(root)
        .status()
        .map_err(|error| format!("cannot run cargo test --doc: {error}"))?;
    if !doc_status.success() {
        return Ok(false);
    }
    let fuzz = [
        "--seconds",
        crate::fuzz::CI_SECONDS,
        "--target-seconds",
        crate::fuzz::CI_TARGET_SECONDS,
        "--dev",
    ];
    if !crate::fuzz::run(root, &fuzz)? {
        return Ok(false);
    }
    if !crate::downstream::check(root)? {
        return Ok(false);
    }
    crate::contract::run(root, &crate::contract::Options::new(root))
}

/// `npm ci` (Prism for the contract test) unless `node_modules` already has this lock.
fn install_node_tools(root: &Path) -> Result<(), String> {
    let lock = fs::read_to_string(root.join(PACKAGE_LOCK))
        .map_err(|error| format!("{PACKAGE_LOCK}: {error}"))?;
    let stamp = root.join(NODE_STAMP);
    let prism = root.join(crate::contract::PRISM_BIN);
    if prism.exists() && fs::read_to_string(&stamp).ok().as_deref() == Some(lock.as_str()) {
        return Ok(());
    }
    run_checked(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(root),
    )?;
    fs::write(&stamp, lock).map_err(|error| format!("{}: {error}", stamp.display()))
}

/// Creates `.venv` with the pinned validators unless it already has exactly these pins.
fn install_python_validators(root: &Path) -> Result<std::path::PathBuf, String> {
    let venv = root.join(VENV);
    let python = venv.join("bin/python");
    let requirements = fs::read_to_string(root.join(REQUIREMENTS))
        .map_err(|error| format!("{REQUIREMENTS}: {error}"))?;
    let stamp = venv.join("requirements.installed");
    if python.exists() && fs::read_to_string(&stamp).ok().as_deref() == Some(requirements.as_str())
    {
        return Ok(python);
    }
    run_checked(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run_checked(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(root.join(REQUIREMENTS)),
    )?;
    fs::write(&stamp, requirements).map_err(|error| format!("{}: {error}", stamp.display()))?;
    Ok(python)
}
