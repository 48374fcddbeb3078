//! `golden/client.rs` and `golden/dispatch.rs`, the source this crate compiles, must be exactly
//! what the generator makes of `openapi.yaml` today. On drift this fails with a unified diff
//! (with the `regenerate` feature the build itself fails first); `cargo xtask codegen` (or
//! `UPDATE_GOLDEN=1 cargo test -p instantly --test golden`) rewrites the files.

use instantly_codegen::{Settings, generate_with_dispatch, load_document};
use similar::TextDiff;
use std::path::PathBuf;

#[test]
fn golden_files_match_the_generator() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let spec = std::fs::read_to_string(root.join("openapi.yaml")).unwrap();
    let document = load_document(&spec).unwrap();
    let (client, dispatch) = generate_with_dispatch(&document, &Settings::instantly()).unwrap();
    let mut stale = Vec::new();
    for (file, generated) in [
        ("golden/client.rs", client),
        ("golden/dispatch.rs", dispatch),
    ] {
        let generated = generated.to_source().unwrap();
        let golden_path = root.join(file);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden_path, &generated).unwrap();
            continue;
        }
        let golden = std::fs::read_to_string(&golden_path).unwrap_or_default();
        if golden != generated {
            let diff = TextDiff::from_lines(&golden, &generated);
            stale.push(
                diff.unified_diff()
                    .context_radius(3)
                    .header(file, "generated")
                    .to_string(),
            );
        }
    }
    assert!(
        stale.is_empty(),
        "the golden files are out of date; run `cargo xtask codegen`:\n{}",
        stale.concat()
    );
}
