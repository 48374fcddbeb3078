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
