//! `golden/client.rs` must be exactly what the generator makes of `spec/openapi.yaml` today.
//! On drift this fails with a unified diff; `cargo xtask codegen` (or `UPDATE_GOLDEN=1 cargo
//! test -p instantly --test golden`) rewrites the file.

use instantly_codegen::{Settings, generate_file};
use similar::TextDiff;
use std::path::PathBuf;

#[test]
fn golden_file_matches_the_generator() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let spec = std::fs::read_to_string(root.join("../spec/openapi.yaml")).unwrap();
    let generated = generate_file(&spec, &Settings::instantly()).unwrap();
    let golden_path = root.join("golden/client.rs");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden_path, &generated).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(&golden_path).unwrap_or_default();
    if golden != generated {
        let diff = TextDiff::from_lines(&golden, &generated);
        let diff = diff
            .unified_diff()
            .context_radius(3)
            .header("golden/client.rs", "generated")
            .to_string();
        panic!("the golden file is out of date; run `cargo xtask codegen`:\n{diff}");
    }
}
