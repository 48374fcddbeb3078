//! Running the tools the xtask commands drive (cargo, pip, npm).

use std::process::Command;

/// Runs `command` to completion; an error names the command and how it ended.
pub(crate) fn run_checked(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|error| format!("cannot run {command:?}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed with {status}"))
    }
}
