//! The classification agrees with the compiler: for each fixture (`report_fixtures`), a small
//! downstream snippet compiles against the client generated from the real page, and against
//! the client generated from the edited page exactly when the fixture is not breaking.
//!
//! All clients and snippets go into one temporary crate under `target/report-compat/`, checked
//! once with `cargo check` (its own target directory, so the dependencies build once and the
//! workspace build is not locked); each error is attributed to the snippet file it points at.
//! To keep that fast the clients are generated from the document trimmed to the operations
//! under `KEPT_PATHS` and the schemas they reach: the same generator, on the part of the
//! document the fixtures touch.

mod report_fixtures;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use instantly_spec::normalize::yaml::to_yaml;
use instantly_spec::report::Level;
use report_fixtures::{FIXTURES, PAGE, document};
use serde_json::{Map, Value};

/// Operations kept in the trimmed clients, by path prefix.
const KEPT_PATHS: [&str; 5] = [
    "/api/v2/accounts",
    "/api/v2/account-campaign-mappings",
    "/api/v2/lead-lists",
    "/api/v2/campaigns",
    "/api/v2/custom-tags",
];

#[test]
fn snippets_compile_exactly_when_the_report_says_compatible() {
    let root = workspace_root();
    let crate_dir = root.join("target/report-compat/crate");
    let _ = fs::remove_dir_all(crate_dir.join("src"));
    fs::create_dir_all(crate_dir.join("src/clients")).unwrap();
    fs::create_dir_all(crate_dir.join("src/snippets")).unwrap();

    let mut lib = String::from("#![allow(warnings)]\n");
    add_client(&crate_dir, &mut lib, "old", &document(PAGE));
    let checked: Vec<_> = FIXTURES
        .iter()
        .filter_map(|fixture| fixture.snippet.map(|snippet| (fixture, snippet)))
        .collect();
    for (fixture, snippet) in &checked {
        let client = format!("new_{}", fixture.name);
        add_client(
            &crate_dir,
            &mut lib,
            &client,
            &document(&(fixture.edit)(PAGE)),
        );
        add_snippet(
            &crate_dir,
            &mut lib,
            &format!("{}_old", fixture.name),
            "old",
            snippet,
        );
        add_snippet(
            &crate_dir,
            &mut lib,
            &format!("{}_new", fixture.name),
            &client,
            snippet,
        );
    }
    fs::write(crate_dir.join("src/lib.rs"), lib).unwrap();
    write_manifest(&root, &crate_dir);

    let errors = check(&root, &crate_dir);
    let mut problems = Vec::new();
    for (fixture, _) in &checked {
        let old_file = format!("src/snippets/{}_old.rs", fixture.name);
        let new_file = format!("src/snippets/{}_new.rs", fixture.name);
        if let Some(messages) = errors.get(&old_file) {
            problems.push(format!(
                "{}: the snippet does not compile against the old client:\n{}",
                fixture.name,
                messages.join("\n")
            ));
        }
        let breaking = fixture.level == Level::Breaking;
        match (breaking, errors.get(&new_file)) {
            (true, None) => problems.push(format!(
                "{}: classified breaking, but the snippet still compiles against the new client",
                fixture.name
            )),
            (false, Some(messages)) => problems.push(format!(
                "{}: classified compatible, but the snippet fails against the new client:\n{}",
                fixture.name,
                messages.join("\n")
            )),
            _ => {}
        }
    }
    let snippet_files: BTreeSet<String> = checked
        .iter()
        .flat_map(|(fixture, _)| {
            ["old", "new"].map(|side| format!("src/snippets/{}_{side}.rs", fixture.name))
        })
        .collect();
    for (file, messages) in &errors {
        if !snippet_files.contains(file) {
            problems.push(format!("{file}: {}", messages.join("\n")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

fn workspace_root() -> PathBuf {
    // xtask/spec → the workspace.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

/// Generates the trimmed client of `document` as module `name` of the crate.
fn add_client(crate_dir: &Path, lib: &mut String, name: &str, document: &Value) {
    let spec = to_yaml(&trimmed(document));
    let settings = instantly_codegen::Settings::instantly();
    let source = instantly_codegen::generate_file(&spec, &settings).unwrap();
    fs::write(crate_dir.join(format!("src/clients/{name}.rs")), source).unwrap();
    lib.push_str(&format!(
        "pub mod {name} {{\n    include!(\"clients/{name}.rs\");\n}}\n"
    ));
}

/// Adds `snippet` as module `name`, with `client` in scope as `instantly`.
fn add_snippet(crate_dir: &Path, lib: &mut String, name: &str, client: &str, snippet: &str) {
    let text = format!("#[allow(unused_imports)]\nuse crate::{client} as instantly;\n\n{snippet}");
    fs::write(crate_dir.join(format!("src/snippets/{name}.rs")), text).unwrap();
    lib.push_str(&format!("#[path = \"snippets/{name}.rs\"]\nmod {name};\n"));
}

/// A standalone crate on the workspace's runtime, resolved as the workspace is.
fn write_manifest(root: &Path, crate_dir: &Path) {
    let runtime = root.join("generator/runtime");
    let manifest = format!(
        "[package]\nname = \"report-compat\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\ninstantly-runtime = {{ path = {:?} }}\n\n[workspace]\n",
        runtime.display().to_string()
    );
    fs::write(crate_dir.join("Cargo.toml"), manifest).unwrap();
    fs::copy(root.join("Cargo.lock"), crate_dir.join("Cargo.lock")).unwrap();
}

/// The trimmed document: operations under `KEPT_PATHS`, and the component schemas reachable
/// from them and from the shared responses.
fn trimmed(document: &Value) -> Value {
    let mut trimmed = document.clone();
    if let Some(paths) = trimmed.get_mut("paths").and_then(Value::as_object_mut) {
        paths.retain(|path, _| KEPT_PATHS.iter().any(|kept| path.starts_with(kept)));
    }
    let mut reachable = BTreeSet::new();
    let mut pending = Vec::new();
    collect_schema_refs(&trimmed["paths"], &mut pending);
    collect_schema_refs(&trimmed["components"]["responses"], &mut pending);
    while let Some(name) = pending.pop() {
        if reachable.insert(name.clone()) {
            collect_schema_refs(&document["components"]["schemas"][&name], &mut pending);
        }
    }
    if let Some(schemas) = trimmed
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        schemas.retain(|name, _| reachable.contains(name));
    }
    trimmed
}

fn collect_schema_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(name) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|reference| reference.strip_prefix("#/components/schemas/"))
            {
                out.push(name.to_owned());
            }
            map.values()
                .for_each(|child| collect_schema_refs(child, out));
        }
        Value::Array(items) => items.iter().for_each(|item| collect_schema_refs(item, out)),
        _ => {}
    }
}

/// Runs `cargo check` and returns the rendered errors by the file of their primary span.
fn check(root: &Path, crate_dir: &Path) -> BTreeMap<String, Vec<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["check", "--offline", "--quiet", "--message-format=json"])
        .current_dir(crate_dir)
        .env("CARGO_TARGET_DIR", root.join("target/report-compat/target"))
        .output()
        .unwrap();
    let mut errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if message["reason"] != "compiler-message" || message["message"]["level"] != "error" {
            continue;
        }
        let file = primary_file(&message["message"]).unwrap_or_else(|| "(no file)".to_owned());
        let rendered = message["message"]["rendered"].as_str().unwrap_or_default();
        errors.entry(file).or_default().push(rendered.to_owned());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() || !errors.is_empty(),
        "cargo check failed without compiler errors:\n{stderr}"
    );
    errors.remove("(no file)");
    errors
}

fn primary_file(message: &Value) -> Option<String> {
    let empty = Vec::new();
    let spans = message["spans"].as_array().unwrap_or(&empty);
    spans
        .iter()
        .find(|span| span["is_primary"] == true)
        .and_then(|span| span["file_name"].as_str())
        .map(str::to_owned)
}

#[test]
fn trimming_keeps_the_kept_operations_and_what_they_reach() {
    let trimmed = trimmed(&document(PAGE));
    let paths = trimmed["paths"].as_object().unwrap();
    assert!(
        paths
            .keys()
            .all(|path| KEPT_PATHS.iter().any(|kept| path.starts_with(kept)))
    );
    let schemas: &Map<String, Value> = trimmed["components"]["schemas"].as_object().unwrap();
    for name in [
        "LeadList",
        "CreateLeadListRequest",
        "Campaign",
        "CustomTag",
        "Error",
    ] {
        assert!(schemas.contains_key(name), "{name}");
    }
    assert!(schemas.contains_key("Account"));
    assert!(!schemas.contains_key("Webhook"));
}
