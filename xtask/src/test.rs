//! `cargo xtask test`: installs what the tests need (idempotently) and runs every test.
//!
//! The document tests call real validators from PyPI; they live in `.venv` at the workspace root,
//! pinned by `tests/python/requirements.txt`, and are reinstalled only when that file changes.

use std::fs;
use std::path::Path;
use std::process::Command;

const REQUIREMENTS: &str = "tests/python/requirements.txt";
const VENV: &str = ".venv";

/// Runs the whole test suite; returns whether it passed.
pub fn run(root: &Path) -> Result<bool, String> {
    let python = install_python_validators(root)?;
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
    Ok(doc_status.success())
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

fn run_checked(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot run {command:?}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed with {status}"))
    }
}
