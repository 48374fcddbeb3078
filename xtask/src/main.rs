//! `cargo xtask <command>`: see `cargo xtask help`.

use std::path::PathBuf;
use std::process::ExitCode;

use xtask::{codegen, test};

const HELP: &str = "\
usage: cargo xtask <command>

commands:
  codegen [--check]   scraped page -> spec/openapi.yaml (and the generated client);
                      --check regenerates in memory and fails with a diff when outputs are stale
  test                install the test tools (Python validators) and run every test
  help                this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["codegen"] => codegen::run(&workspace_root(), false),
        ["codegen", "--check"] => codegen::run(&workspace_root(), true),
        ["test"] => test::run(&workspace_root()),
        [] | ["help"] | ["--help"] | ["-h"] => {
            println!("{HELP}");
            Ok(true)
        }
        _ => Err(format!("unknown arguments `{}`\n\n{HELP}", args.join(" "))),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
