//! Generates both clients of the Instantly document for the run-time benchmarks: ours from
//! `spec/openapi.yaml`; progenitor's from the same document restricted to the two operations
//! measured (`list_leads`, `create_campaign`) and the schemas they reach, without error
//! responses: on the whole document progenitor panics, and without its error responses it
//! generates two types named `AccountWarmup` (code that does not compile).

#[path = "src/documents.rs"]
#[allow(dead_code)]
mod documents;

use instantly_codegen::build::{self, Document};
use std::process::ExitCode;

const SPEC: &str = "../spec/openapi.yaml";

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed={SPEC}");
    println!("cargo::rerun-if-changed=src/documents.rs");
    build::run(generate)
}

fn generate() -> Result<(), String> {
    let value = documents::read(SPEC)?;
    let document = Document::parse(SPEC, value.to_string())?;
    let generated = document.generate(&Default::default())?;
    document.print_warnings(&generated.warnings);
    let ours = document.source(&generated)?;
    let restricted: openapiv3::OpenAPI = serde_json::from_value(documents::restricted(
        value,
        &["list_leads", "create_campaign"],
    ))
    .map_err(|error| format!("{SPEC}: {error}"))?;
    let mut settings = progenitor_impl::GenerationSettings::default();
    settings.with_interface(progenitor_impl::InterfaceStyle::Builder);
    let tokens = progenitor_impl::Generator::new(&settings)
        .generate_tokens(&restricted)
        .map_err(|error| format!("progenitor: {error}"))?;
    let file: syn::File = syn::parse2(tokens).map_err(|error| error.to_string())?;
    let progenitor = prettyplease::unparse(&file);
    for (name, source) in [("ours.rs", ours), ("progenitor.rs", progenitor)] {
        build::write_out(name, &source)?;
    }
    Ok(())
}
