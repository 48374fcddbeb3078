//! Per-construct goldens, in the manner of progenitor's `tests/output` and typify's
//! `tests/schemas`: each `output/NAME.yaml` is a small document showing one construct, and
//! `output/NAME.rs` is what the generator makes of it with the default settings.
//! `output_compiles.rs` compiles every expectation.
//!
//! After a deliberate change to the generated code, rewrite every expectation with one command
//! and review the diff:
//!
//! ```text
//! BLESS=1 cargo test -p instantly-codegen --test output
//! ```

use instantly_codegen::{Settings, generate_file};
use std::path::{Path, PathBuf};

fn documents() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/output");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no documents in {}", dir.display());
    found
}

#[test]
fn every_construct_generates_its_expected_source() {
    let bless = std::env::var_os("BLESS").is_some_and(|value| value != "0");
    let mut stale = Vec::new();
    for document in documents() {
        let text = std::fs::read_to_string(&document).unwrap();
        let generated = generate_file(&text, &Settings::default())
            .unwrap_or_else(|error| panic!("{}: {error}", document.display()));
        let expected_path = document.with_extension("rs");
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected == generated {
            continue;
        }
        if bless {
            std::fs::write(&expected_path, &generated).unwrap();
            continue;
        }
        let name = expected_path.display().to_string();
        let diff = similar::TextDiff::from_lines(&expected, &generated)
            .unified_diff()
            .context_radius(3)
            .header(&name, "generated")
            .to_string();
        stale.push(diff);
    }
    assert!(
        stale.is_empty(),
        "{}\nthe expectations above are stale; bless them with \
         `BLESS=1 cargo test -p instantly-codegen --test output`",
        stale.join("\n")
    );
}

#[test]
fn every_construct_is_compiled() {
    let compiled = include_str!("output_compiles.rs");
    for document in documents() {
        let name = document.file_stem().unwrap().to_string_lossy().into_owned();
        let include = format!("include!(\"output/{name}.rs\");");
        assert!(
            compiled.contains(&include),
            "output_compiles.rs does not compile {name}: add `mod {name} {{ {include} }}`"
        );
    }
}
