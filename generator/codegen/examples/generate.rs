//! Prints the client generated from a document: `cargo run --example generate -- spec.yaml`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: generate <openapi.yaml|json>");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = instantly_codegen::load_document(&text).and_then(|document| {
        instantly_codegen::generate_tokens(&document, &instantly_codegen::Settings::default())
    });
    match result.and_then(|generated| {
        for warning in &generated.warnings {
            eprintln!("warning: {warning}");
        }
        generated.to_source()
    }) {
        Ok(source) => {
            print!("{source}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{path}: {error}");
            ExitCode::FAILURE
        }
    }
}
