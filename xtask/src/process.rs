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

/// Runs `command` to completion and returns what it printed on stdout; an error names the
/// command and carries its stderr.
pub(crate) fn output_checked(command: &mut Command) -> Result<Vec<u8>, String> {
    let output = command
        .output()
        .map_err(|error| format!("cannot run {command:?}: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "{command:?} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(output.stdout)
}
