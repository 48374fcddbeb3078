//! The `instantly` crate as the crates that depend on it see it (run by `cargo xtask test`):
//!
//! - `cargo package` of the publishable crates succeeds, with the document and the generated
//!   source inside `instantly`'s package;
//! - a throwaway binary that depends on `instantly` by path and calls one operation builds,
//!   runs, and has neither the generator, prettyplease, openapiv3 nor aws-lc in its build
//!   graph, nor syn among its build dependencies (`cargo tree`).
//!
//! - the `instantly-codegen` command writes a crate from a third-party document
//!   (`tests/corpus/edge-cases/multipart.json`), and that crate builds as it is.
//!
//! The binary is written by [`write_app`], which the bench reuses for its downstream rows.

use crate::process::{output_checked, run_checked};
use std::path::Path;
use std::process::Command;

/// The throwaway binary's directory; its target directory is its own, so the build graph and
/// the build are those of a fresh dependent crate.
const APP_DIR: &str = "target/downstream/app";

/// The publishable crates, packaged together so that each finds the others.
const PACKAGES: [&str; 3] = ["instantly-runtime", "instantly-codegen", "instantly"];

/// Crates a dependent's build graph must not hold, matched against `cargo tree` lines
/// (`NAME vVERSION`): the generator and what only it uses, and aws-lc (cmake, C) that ring
/// replaces. syn itself is fine among normal dependencies: serde's derive needs syn 2, and
/// `url`'s ICU crates derive with syn 3.
const FORBIDDEN: [&str; 5] = [
    "instantly-codegen v",
    "prettyplease v",
    "openapiv3 v",
    "aws-lc-sys v",
    "cmake v",
];

/// `main.rs` of a binary that lists campaigns from the base URL given as its argument.
pub const APP_MAIN: &str = r#"#[tokio::main(flavor = "current_thread")]
async fn main() {
    let base_url = std::env::args().nth(1).unwrap_or_else(|| "http://127.0.0.1:9".to_owned());
    let client = instantly::Client::builder()
        .api_key("downstream-check")
        .base_url(base_url)
        .retry_policy(instantly::runtime::RetryPolicy::none())
        .build()
        .expect("the client builds");
    match client.list_campaigns().limit(1).send().await {
        Ok(page) => println!("ok: {} campaigns", page.items.len()),
        Err(error) => println!("error: {error}"),
    }
}
"#;

/// Writes a binary crate named `name` in `dir` with these `[dependencies]` lines and
/// `main.rs`, and the workspace's lock file so that it builds the versions CI tests.
pub fn write_app(
    root: &Path,
    dir: &Path,
    name: &str,
    dependencies: &str,
    main: &str,
) -> Result<(), String> {
    std::fs::create_dir_all(dir.join("src")).map_err(|error| in_file(dir, error))?;
    let manifest = format!(
        "[package]\nname = {name:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n{dependencies}\ntokio = {{ version = \"1\", features = [\"macros\", \"rt\"] }}\n\n\
         # Not a member of the repository's workspace.\n[workspace]\n"
    );
    write(&dir.join("Cargo.toml"), &manifest)?;
    write(&dir.join("src/main.rs"), main)?;
    let lock = dir.join("Cargo.lock");
    std::fs::copy(root.join("Cargo.lock"), &lock)
        .map(drop)
        .map_err(|error| in_file(&lock, error))
}

/// The `[dependencies]` line of a crate depending on the repository's `instantly`.
pub fn instantly_dependency(root: &Path) -> String {
    format!(
        "instantly = {{ path = {:?} }}\n",
        root.join("generated-client")
    )
}

/// Packages the crates, then builds and inspects the throwaway binary; returns whether every
/// check held (each failure is printed).
pub fn check(root: &Path) -> Result<bool, String> {
    println!("cargo package {} --no-verify", PACKAGES.join(" "));
    let mut package = Command::new(env!("CARGO"));
    package.arg("package").current_dir(root);
    for name in PACKAGES {
        package.args(["--package", name]);
    }
    // Verification would build the packages again from crates.io's copies of their siblings,
    // which do not exist; the downstream build below compiles the same sources.
    run_checked(package.args(["--no-verify", "--allow-dirty", "--quiet"]))?;
    let mut held = packaged_files_present(root)?;

    let dir = root.join(APP_DIR);
    write_app(
        root,
        &dir,
        "downstream-check",
        &instantly_dependency(root),
        APP_MAIN,
    )?;
    let target = dir.join("target");
    for edges in ["build", "normal,build"] {
        let tree = cargo_output(
            Command::new(env!("CARGO"))
                .args(["tree", "--prefix", "none", "-e", edges])
                .current_dir(&dir)
                .env("CARGO_TARGET_DIR", &target),
        )?;
        // Only build-dependency edges: no syn of any major (serde's derive is a normal one).
        let any_syn = ["syn v"];
        let forbidden = FORBIDDEN
            .iter()
            .chain(if edges == "build" { &any_syn[..] } else { &[] });
        for forbidden in forbidden {
            if let Some(line) = tree.lines().find(|line| line.starts_with(forbidden)) {
                println!("downstream: `cargo tree -e {edges}` holds {line}");
                held = false;
            }
        }
    }
    println!("building a crate that depends on instantly ({APP_DIR})…");
    run_checked(
        Command::new(env!("CARGO"))
            .args(["build", "--quiet"])
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", &target),
    )?;
    // Nothing listens on port 9: the call fails as a connection error, after the client (TLS
    // included) was built without a panic.
    let output = cargo_output(
        Command::new(env!("CARGO"))
            .args(["run", "--quiet"])
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", &target),
    )?;
    if !output.starts_with("error: ") || !output.contains("list_campaigns") {
        println!(
            "downstream: the binary printed {output:?}, not a connection error of list_campaigns"
        );
        held = false;
    }
    Ok(held && command_line_crate_builds(root, &target)?)
}

/// `instantly-codegen DOCUMENT --name … --out …` writes a crate that builds as it is (outside
/// the repository, whose workspace would claim it).
fn command_line_crate_builds(root: &Path, target: &Path) -> Result<bool, String> {
    let out = std::env::temp_dir().join("instantly-codegen-command-check");
    let _ = std::fs::remove_dir_all(&out);
    println!(
        "instantly-codegen tests/corpus/edge-cases/multipart.json --out {}…",
        out.display()
    );
    let runtime = format!("{{ path = {:?} }}", root.join("generator/runtime"));
    run_checked(
        Command::new(env!("CARGO"))
            .args([
                "run",
                "--quiet",
                "-p",
                "instantly-codegen",
                "--features",
                "cli",
                "--",
            ])
            .arg(root.join("tests/corpus/edge-cases/multipart.json"))
            .args(["--name", "uploads-client", "--version", "0.3.0", "--out"])
            .arg(&out)
            .args(["--runtime-dependency", &runtime])
            .current_dir(root),
    )?;
    let lock = out.join("Cargo.lock");
    std::fs::copy(root.join("Cargo.lock"), &lock).map_err(|error| in_file(&lock, error))?;
    let built = Command::new(env!("CARGO"))
        .args(["build", "--quiet"])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", target)
        .status()
        .map_err(|error| format!("cannot run cargo build: {error}"))?;
    if !built.success() {
        println!(
            "downstream: the crate instantly-codegen wrote in {} does not build",
            out.display()
        );
    }
    Ok(built.success())
}

/// The document and both generated files are inside `instantly`'s package.
fn packaged_files_present(root: &Path) -> Result<bool, String> {
    let listing = cargo_output(
        Command::new(env!("CARGO"))
            .args([
                "package",
                "--list",
                "--allow-dirty",
                "--package",
                "instantly",
            ])
            .current_dir(root),
    )?;
    let mut held = true;
    for file in ["openapi.yaml", "golden/client.rs", "golden/dispatch.rs"] {
        if !listing.lines().any(|line| line == file) {
            println!("cargo package: {file} is not in instantly's package");
            held = false;
        }
    }
    Ok(held)
}

fn cargo_output(command: &mut Command) -> Result<String, String> {
    let stdout = output_checked(command)?;
    Ok(String::from_utf8_lossy(&stdout).into_owned())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| in_file(path, error))
}

fn in_file(path: &Path, error: std::io::Error) -> String {
    format!("{}: {error}", path.display())
}
