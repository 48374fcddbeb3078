//! One Rust type per shape: in the client generated for every third-party document
//! (`tests/corpus/openapi`, `tests/corpus/edge-cases`) and every construct golden
//! (`tests/output`), no two types have the same shape (read back from the source with syn,
//! see `shapes/`).
//!
//! `SHAPE_STATS=1 cargo test -p instantly-codegen --test distinct_shapes -- --nocapture`
//! prints each document's counts of structs, enums, aliases and lines, and its longest names.

mod shapes;

use instantly_codegen::{Settings, generate_tokens, load_document};
use shapes::TypeInventory;
use std::path::{Path, PathBuf};

/// The corpus documents that generate today (`api.github.com.json` too: generation is a few
/// seconds; compiling its client is what the corpus crate keeps behind a feature).
const CORPUS: &[&str] = &[
    "openapi/keeper.json",
    "openapi/buildomat.json",
    "openapi/propolis-server.json",
    "openapi/nexus.json",
    "openapi/cli-gen.json",
    "openapi/param-collision.json",
    "openapi/param-overrides.json",
    "openapi/param-overrides.yaml",
    "openapi/api.github.com.json",
    "edge-cases/recursion.json",
    "edge-cases/deep.json",
    "edge-cases/responses.json",
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

fn print_stats() -> bool {
    std::env::var_os("SHAPE_STATS").is_some_and(|value| value != "0")
}

/// The generated source of a corpus document: unformatted (syn reads it all the same) unless
/// the stats, which count lines, are asked for.
fn generated(name: &str) -> String {
    let text = std::fs::read_to_string(corpus_dir().join(name)).unwrap();
    let document = load_document(&text).unwrap_or_else(|error| panic!("{name}: {error}"));
    let generated = generate_tokens(&document, &Settings::default())
        .unwrap_or_else(|error| panic!("{name}: {error}"));
    if print_stats() {
        generated.to_source().unwrap()
    } else {
        generated.to_unformatted_source()
    }
}

fn report(name: &str, source: &str, inventory: &TypeInventory) {
    if print_stats() {
        let longest: Vec<String> = inventory
            .longest_names()
            .into_iter()
            .take(3)
            .map(|name| format!("{name} ({})", name.len()))
            .collect();
        eprintln!(
            "{name}: {} structs, {} enums, {} aliases, {} lines; longest: {}",
            inventory.structs,
            inventory.enums,
            inventory.aliases.len(),
            source.lines().count(),
            longest.join(", ")
        );
    }
}

#[test]
fn corpus_clients_have_one_type_per_shape() {
    let mut failures = Vec::new();
    for name in CORPUS {
        let source = generated(name);
        let inventory = TypeInventory::of(&source);
        report(name, &source, &inventory);
        let groups = inventory.duplicate_shapes();
        if !groups.is_empty() {
            failures.push(format!("{name}: {groups:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "types that share a shape:\n{}",
        failures.join("\n")
    );
}

#[test]
fn construct_goldens_have_one_type_per_shape() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/output");
    let mut goldens: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    goldens.sort();
    assert!(!goldens.is_empty(), "no goldens in {}", dir.display());
    for golden in goldens {
        let source = std::fs::read_to_string(&golden).unwrap();
        TypeInventory::of(&source).assert_distinct_shapes(&golden.display().to_string());
    }
}

#[test]
fn the_inventory_sees_through_aliases_and_reads_wire_values() {
    let source = r#"
        pub mod types {
            pub struct A { pub x: String }
            pub type B = A;
            pub struct Holder1 { pub a: A }
            pub struct Holder2 { pub a: B }
            pub struct Renamed { #[serde(rename = "y")] pub x: String }
            pub struct Optional1 { pub x: Option<String> }
            pub struct Optional2 { #[serde(skip_serializing_if = "Option::is_none")] pub x: Option<String> }
            pub enum E1 { On, Off }
            impl E1 { fn as_str(&self) -> &str { match self { Self::On => "on", Self::Off => "off" } } }
            pub enum E2 { On, Off }
            impl E2 { fn as_str(&self) -> &str { match self { Self::On => "ON", Self::Off => "off" } } }
            pub enum E3 { On, Off }
            impl E3 { fn as_str(&self) -> &str { match self { Self::On => "on", Self::Off => "off" } } }
        }
    "#;
    let inventory = TypeInventory::of(source);
    assert_eq!((inventory.structs, inventory.enums), (6, 3));
    assert_eq!(
        inventory.duplicate_shapes(),
        vec![
            vec!["E1".to_owned(), "E3".to_owned()],
            vec!["Holder1".to_owned(), "Holder2".to_owned()],
        ]
    );
    assert_eq!(inventory.longest_names()[..2], ["Optional1", "Optional2"]);
}
