//! `cargo xtask <command>`: see `cargo xtask help`.

use std::path::PathBuf;
use std::process::ExitCode;

mod bench;
mod codegen;
mod contract;
mod dependents;
mod downstream;
mod fuzz;
mod process;
mod test;

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
  contract [--spec PATH]
                      start Prism mocking PATH (default spec/openapi.yaml), send every operation
                      of the generated client to it, print per operation whether the request was
                      accepted and the response decoded, and `N/M operations conform`; fails on
                      an operation that does not conform unless tests/contract/allow-list.yaml
                      gives the reason
  test                install the test tools (Python validators, Prism) and run every test,
                      a short run of both fuzzers, the contract test and `downstream` included
  downstream          cargo package the publishable crates, and build and run a crate that
                      depends on instantly, whose build graph must not hold the generator
  fuzz [--seconds N] [--seed S] [--keep-going] [--target-seconds N] [--no-targets]
       [--targets-only] [--dev] | fuzz replay FILE
                      mutated OpenAPI documents into the generator and mutated pages into the
                      normalizer for N seconds (default 60); a panic, stack overflow, hang or
                      pointer-less error saves the input in fuzz/crashers/. Then each
                      coverage-guided target of fuzz/libfuzzer (cargo-fuzz on nightly) for
                      --target-seconds (default 30), printing its executions
  bench [--runs N] [--build-runs N] [--skip-builds] [--skip-downstream] [--skip-runtime]
                      instantly-codegen against progenitor on spec/openapi.yaml, nexus.json and
                      api.github.com.json: generation time against a bare JSON parse, lines,
                      cold and incremental builds and docs of the generated clients, the cold
                      build of a binary depending on each, run-time (de)serialization (criterion, and
                      instructions counted by valgrind); prints the table and writes
                      target/bench/results.md. Slow (about half an hour)
  help                this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result =
        match args.as_slice() {
            ["codegen", flags @ ..] => {
                codegen_options(flags).and_then(|options| codegen::run(&workspace_root(), &options))
            }
            ["contract", flags @ ..] => contract_options(flags)
                .and_then(|options| contract::run(&workspace_root(), &options)),
            ["test"] => test::run(&workspace_root()),
            ["downstream"] => downstream::check(&workspace_root()),
            ["fuzz", args @ ..] => fuzz::run(&workspace_root(), args),
            ["bench", flags @ ..] => bench::Options::parse(flags)
                .and_then(|options| bench::run(&workspace_root(), &options)),
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

/// `--spec PATH` (or `--spec=PATH`); a relative PATH is taken from the current directory.
fn contract_options(flags: &[&str]) -> Result<contract::Options, String> {
    let mut options = contract::Options::new(&workspace_root());
    let mut flags = flags.iter();
    while let Some(flag) = flags.next() {
        let spec = match *flag {
            "--spec" => *flags.next().ok_or("--spec needs a file name")?,
            other => match other.strip_prefix("--spec=") {
                Some(spec) if !spec.is_empty() => spec,
                _ => return Err(format!("unknown contract argument `{other}`\n\n{HELP}")),
            },
        };
        let spec = PathBuf::from(spec);
        options.spec =
            std::path::absolute(&spec).map_err(|error| format!("{}: {error}", spec.display()))?;
    }
    Ok(options)
}

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
