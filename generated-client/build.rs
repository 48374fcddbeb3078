//! The client is the committed source `golden/client.rs` (and `golden/dispatch.rs` for the
//! `dispatch` feature): a crate that depends on `instantly` compiles it and never the generator.
//!
//! With the `regenerate` feature (which the workspace and CI turn on through `instantly-tests`),
//! this script generates both files again from `openapi.yaml`, the document packaged with the
//! crate, into OUT_DIR, and `src/lib.rs` compiles those instead. The build fails when either
//! differs from its committed copy, so the source users compile is always what the generator
//! makes of the document: the golden file cannot drift while CI is green.

fn main() -> std::process::ExitCode {
    println!("cargo::rerun-if-changed=build.rs");
    #[cfg(feature = "regenerate")]
    if let Err(message) = regenerate::run() {
        eprintln!("error: {message}");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}

#[cfg(feature = "regenerate")]
mod regenerate {
    use std::path::Path;

    /// The document, a symbolic link to `../spec/openapi.yaml` in the repository and a plain
    /// file in the package.
    const SPEC: &str = "openapi.yaml";
    const GOLDEN: [(&str, &str); 2] = [
        ("golden/client.rs", "client.rs"),
        ("golden/dispatch.rs", "dispatch.rs"),
    ];

    pub fn run() -> Result<(), String> {
        println!("cargo::rerun-if-changed={SPEC}");
        let text = std::fs::read_to_string(SPEC).map_err(|error| format!("{SPEC}: {error}"))?;
        let document =
            instantly_codegen::load_document(&text).map_err(|error| format!("{SPEC}: {error}"))?;
        let (client, dispatch) = instantly_codegen::generate_with_dispatch(
            &document,
            &instantly_codegen::Settings::instantly(),
        )
        .map_err(|error| format!("{SPEC}: {error}"))?;
        for warning in &client.warnings {
            println!("cargo::warning={SPEC}: {warning}");
        }
        let out_dir = std::env::var("OUT_DIR").map_err(|error| format!("OUT_DIR: {error}"))?;
        for ((golden, file), generated) in GOLDEN.into_iter().zip([client, dispatch]) {
            println!("cargo::rerun-if-changed={golden}");
            let source = generated
                .to_source()
                .map_err(|error| format!("{SPEC}: {error}"))?;
            let committed = std::fs::read_to_string(golden).unwrap_or_default();
            if committed != source {
                return Err(stale(golden, &committed, &source));
            }
            let target = Path::new(&out_dir).join(file);
            std::fs::write(&target, source)
                .map_err(|error| format!("{}: {error}", target.display()))?;
        }
        Ok(())
    }

    /// Names the file and its first differing line; `cargo xtask codegen --check` prints the
    /// whole diff.
    fn stale(golden: &str, committed: &str, generated: &str) -> String {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(old, new)| old != new)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()))
            + 1;
        format!(
            "{golden} is not what the generator makes of {SPEC} (they differ from line {line}); \
             run `cargo xtask codegen` to regenerate it, or `cargo xtask codegen --check` for the diff"
        )
    }
}
