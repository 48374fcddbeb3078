//! Generates the client from `spec/openapi.yaml` into `OUT_DIR/client.rs`.
//!
//! The committed golden file `golden/client.rs` holds the same text (same generator, same
//! `Settings::instantly()`); `tests/golden.rs` fails with a diff when they drift.

use std::path::PathBuf;
use std::process::ExitCode;

const SPEC: &str = "../spec/openapi.yaml";

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed={SPEC}");
    match generate() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn generate() -> Result<(), String> {
    let text = std::fs::read_to_string(SPEC).map_err(|error| format!("{SPEC}: {error}"))?;
    let document =
        instantly_codegen::load_document(&text).map_err(|error| format!("{SPEC}: {error}"))?;
    let settings = instantly_codegen::Settings::instantly();
    let generated = instantly_codegen::generate_tokens(&document, &settings)
        .map_err(|error| format!("{SPEC}: {error}"))?;
    for warning in &generated.warnings {
        println!("cargo::warning={SPEC}: {warning}");
    }
    let source = generated
        .to_source()
        .map_err(|error| format!("{SPEC}: {error}"))?;
    let out_dir = std::env::var("OUT_DIR").map_err(|error| format!("OUT_DIR: {error}"))?;
    write(&PathBuf::from(&out_dir).join("client.rs"), &source)?;
    // The `dispatch` feature's module: call any operation by name (the contract test's driver).
    let dispatch = instantly_codegen::generate_dispatch(&document, &settings)
        .map_err(|error| format!("{SPEC}: {error}"))?
        .to_source()
        .map_err(|error| format!("{SPEC}: {error}"))?;
    write(&PathBuf::from(&out_dir).join("dispatch.rs"), &dispatch)
}

fn write(target: &std::path::Path, source: &str) -> Result<(), String> {
    std::fs::write(target, source).map_err(|error| format!("{}: {error}", target.display()))
}
