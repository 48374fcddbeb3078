//! Third-party documents (tests/corpus/openapi, copied from the shared corpus): generation returns the
//! client or an error naming a JSON pointer, never a panic, and is deterministic.

use instantly_codegen::{Error, Settings, generate_tokens, load_document};
use std::path::PathBuf;

const DOCUMENTS: &[&str] = &[
    "keeper.json",
    "buildomat.json",
    "propolis-server.json",
    "nexus.json",
    "cli-gen.json",
    "param-collision.json",
    "param-overrides.json",
    "param-overrides.yaml",
];

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/openapi")
}

#[test]
fn corpus_documents_generate_or_fail_with_a_pointer() {
    let dir = corpus_dir();
    if !dir.is_dir() {
        eprintln!("skipped: no corpus at {}", dir.display());
        return;
    }
    for name in DOCUMENTS {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let outcome = std::panic::catch_unwind(|| {
            let document = load_document(&text)?;
            let generated = generate_tokens(&document, &Settings::default())?;
            let source = generated.to_source()?;
            assert_eq!(
                source,
                generate_tokens(&document, &Settings::default())?.to_source()?,
                "{name}: not deterministic"
            );
            Ok::<_, Error>((source.len(), generated.warnings.len()))
        });
        match outcome {
            Err(_) => panic!("{name}: generation panicked"),
            Ok(Ok((bytes, warnings))) => eprintln!("{name}: {bytes} bytes, {warnings} warnings"),
            Ok(Err(Error::Unsupported { pointer, message })) => {
                assert!(
                    pointer.starts_with('#') || pointer.starts_with("settings"),
                    "{name}: {pointer}"
                );
                eprintln!("{name}: unsupported at {pointer}: {message}");
            }
            Ok(Err(other)) => panic!("{name}: {other}"),
        }
    }
}

/// Every generated struct can be built without naming `additional_properties`: one with
/// required fields has `new(required…)` (from `rt::model!(Name(…) {…})`), one without derives
/// `Default`. On the Instantly document and every corpus document that generates.
#[test]
fn every_struct_has_a_constructor_or_default() {
    let instantly = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/openapi.yaml");
    let corpus = DOCUMENTS.iter().map(|name| corpus_dir().join(name));
    let mut checked = 0;
    for path in std::iter::once(instantly).chain(corpus) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: no {}", path.display());
            continue;
        };
        let Ok(source) = load_document(&text)
            .and_then(|document| generate_tokens(&document, &Settings::default()))
            .and_then(|generated| generated.to_source())
        else {
            continue;
        };
        for (name, required) in models(&source) {
            let derive = derive_line_of(&source, &name);
            assert!(
                required || derive.contains("Default"),
                "{}: `{name}` has no required field and no Default: {derive}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no struct checked");
}

/// The structs of a generated source, each with whether it has required fields (and so `new`).
fn models(source: &str) -> Vec<(String, bool)> {
    source
        .split("rt::model!(")
        .skip(1)
        .filter_map(|rest| {
            let rest = rest.trim_start();
            let end = rest.find(|c: char| !c.is_alphanumeric() && c != '_')?;
            Some((rest[..end].to_owned(), rest[end..].starts_with('(')))
        })
        .collect()
}

/// The `#[derive(…)]` line of `pub struct NAME {`.
fn derive_line_of<'s>(source: &'s str, name: &str) -> &'s str {
    let header = format!("pub struct {name} {{");
    let start = source
        .find(&header)
        .unwrap_or_else(|| panic!("no `{header}`"));
    source[..start]
        .rfind("#[derive(")
        .map_or("", |at| source[at..].lines().next().unwrap_or_default())
}
