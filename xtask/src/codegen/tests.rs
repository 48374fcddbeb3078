//! `cargo xtask codegen` on a temporary workspace whose page was edited: `--check` reports and
//! writes nothing; writing bumps the client crate and adds a CHANGELOG entry once; a second
//! run changes nothing.

// The edited pages of the spec library's report tests.
#[path = "../../spec/tests/report_fixtures/mod.rs"]
mod report_fixtures;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use instantly_spec::normalize::yaml::to_yaml;
use report_fixtures::{FACTS, FIXTURES, OVERRIDES, PAGE, document};

use super::{Options, run};

/// The report the `property_removed` fixture expects (see the spec library's `tests/report.rs`).
const PROPERTY_REMOVED_REPORT: &str =
    include_str!("../../spec/tests/fixtures/report/property_removed/expected.md");

const MANIFEST: &str = "[package]\nname = \"instantly\"\nversion = \"0.1.0\"\nedition = \"2024\"\n";
const LOCK: &str = "version = 4\n\n[[package]]\nname = \"instantly\"\nversion = \"0.1.0\"\n";

/// A workspace whose committed document is the real page's and whose page is `page`.
fn workspace(name: &str, page: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    let files = [
        ("spec/instantly-api-v2.txt", page.to_owned()),
        ("spec/operations.yaml", FACTS.to_owned()),
        ("spec/overrides.yaml", OVERRIDES.to_owned()),
        ("spec/openapi.yaml", to_yaml(&document(PAGE))),
        ("generated-client/Cargo.toml", MANIFEST.to_owned()),
        ("Cargo.lock", LOCK.to_owned()),
    ];
    for (path, contents) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    root
}

/// Every file under `root`, by relative path.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_path_buf();
                files.insert(relative, fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn a_breaking_regeneration_bumps_once_and_a_second_run_changes_nothing() {
    let fixture = FIXTURES
        .iter()
        .find(|fixture| fixture.name == "property_removed")
        .unwrap();
    let root = workspace("release", &(fixture.edit)(PAGE));
    let report_file = root.join("report.md");
    let check = Options {
        check: true,
        verbose: true,
        report_file: Some(report_file.clone()),
    };
    let before = snapshot(&root);
    assert!(
        !run(&root, &check).unwrap(),
        "the committed document is stale"
    );
    let expected_report = PROPERTY_REMOVED_REPORT;
    assert_eq!(fs::read_to_string(&report_file).unwrap(), expected_report);
    fs::remove_file(&report_file).unwrap();
    assert_eq!(
        snapshot(&root),
        before,
        "--check writes nothing but the report"
    );

    let write = Options {
        check: false,
        ..check.clone()
    };
    assert!(run(&root, &write).unwrap());
    assert_eq!(fs::read_to_string(&report_file).unwrap(), expected_report);
    let manifest = fs::read_to_string(root.join("generated-client/Cargo.toml")).unwrap();
    assert!(manifest.contains("version = \"0.2.0\""), "{manifest}");
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    assert!(
        lock.contains("name = \"instantly\"\nversion = \"0.2.0\""),
        "{lock}"
    );
    let changelog = fs::read_to_string(root.join("generated-client/CHANGELOG.md")).unwrap();
    assert!(changelog.starts_with("# Changelog\n"), "{changelog}");
    assert!(
        changelog.contains("\n## 0.2.0\n\n### API changes\n"),
        "{changelog}"
    );
    assert!(changelog.contains("- **breaking** `LeadList.has_enrichment_task`: removed"));
    assert_eq!(changelog.matches("\n## ").count(), 1);

    let after_first = snapshot(&root);
    assert!(run(&root, &write).unwrap());
    let after_second = snapshot(&root);
    let report_path = PathBuf::from("report.md");
    let without_report = |files: &BTreeMap<PathBuf, String>| {
        let mut files = files.clone();
        files.remove(&report_path);
        files
    };
    assert_eq!(without_report(&after_second), without_report(&after_first));
    assert!(after_second[&report_path].contains("No changes."));
    assert!(run(&root, &check).unwrap(), "fresh after writing");
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn an_unchanged_page_bumps_nothing() {
    let root = workspace("unchanged", PAGE);
    let before = snapshot(&root);
    assert!(run(&root, &Options::default()).unwrap());
    let after = snapshot(&root);
    assert!(!after.contains_key(&PathBuf::from("generated-client/CHANGELOG.md")));
    assert_eq!(
        after[&PathBuf::from("generated-client/Cargo.toml")],
        before[&PathBuf::from("generated-client/Cargo.toml")]
    );
    fs::remove_dir_all(&root).unwrap();
}
