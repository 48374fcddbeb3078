//! Helpers shared by the workspace tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Reads a file relative to the workspace root.
pub fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative))
        .unwrap_or_else(|error| panic!("{relative}: {error}"))
}

/// The Python interpreter that has the validators (`cargo xtask test` installs them into
/// `.venv`); `INSTANTLY_PYTHON` overrides it. A missing interpreter fails the test that needs it:
/// validation is never skipped.
pub fn python() -> Command {
    let python = std::env::var_os("INSTANTLY_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".venv/bin/python"));
    assert!(
        python.exists(),
        "{} not found: run `cargo xtask test`, which installs the Python validators into .venv",
        python.display()
    );
    Command::new(python)
}
