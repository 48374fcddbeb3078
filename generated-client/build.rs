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
    use instantly_codegen::{Settings, build};

    /// The document, a symbolic link to `../spec/openapi.yaml` in the repository and a plain
    /// file in the package.
    const SPEC: &str = "openapi.yaml";
    const GOLDEN: [(&str, &str); 2] = [
        ("golden/client.rs", "client.rs"),
        ("golden/dispatch.rs", "dispatch.rs"),
    ];
    /// `cargo xtask codegen --check` prints the whole diff.
    const REMEDY: &str =
        "run `cargo xtask codegen` to regenerate it, or `cargo xtask codegen --check` for the diff";

    pub fn run() -> Result<(), String> {
        let document = build::Document::read(SPEC)?;
        let (client, dispatch) = document.generate_with_dispatch(&Settings::instantly())?;
        document.print_warnings(&client.warnings);
        for ((golden, file), generated) in GOLDEN.into_iter().zip([client, dispatch]) {
            let source = document.source(&generated)?;
            document.check_committed(golden, &source, REMEDY)?;
            build::write_out(file, &source)?;
        }
        Ok(())
    }
}
