//! `cargo xtask <command>`: see `cargo xtask help`.

use std::path::PathBuf;
use std::process::ExitCode;

use xtask::{codegen, test};

const HELP: &str = "\
usage: cargo xtask <command>

commands:
  codegen [--check] [--verbose] [--report FILE]
                      scraped page -> spec/openapi.yaml (and the generated client); prints the
                      change report against the committed document and, when it asks for one,
                      bumps the client's version and CHANGELOG;
                      --check regenerates in memory and fails with a diff (and the report) when
                      outputs are stale; --verbose lists description changes; --report FILE
                      also writes the report as Markdown
  test                install the test tools (Python validators) and run every test
  help                this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["codegen", flags @ ..] => {
            codegen_options(flags).and_then(|options| codegen::run(&workspace_root(), &options))
        }
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

/// `--check`, `--verbose` and `--report FILE` (or `--report=FILE`), in any order.
fn codegen_options(flags: &[&str]) -> Result<codegen::Options, String> {
    let mut options = codegen::Options::default();
    let mut flags = flags.iter();
    while let Some(flag) = flags.next() {
        match *flag {
            "--check" => options.check = true,
            "--verbose" => options.verbose = true,
            "--report" => {
                let file = flags.next().ok_or("--report needs a file name")?;
                options.report_file = Some(PathBuf::from(file));
            }
            other => match other.strip_prefix("--report=") {
                Some(file) if !file.is_empty() => options.report_file = Some(PathBuf::from(file)),
                _ => return Err(format!("unknown codegen argument `{other}`\n\n{HELP}")),
            },
        }
    }
    Ok(options)
}

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
