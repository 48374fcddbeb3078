//! The change report on the real page and on edited copies of it (`report_fixtures`): each
//! report matches its committed `expected.md`, is classified as the fixture says, and is the
//! same however it is produced. `UPDATE_EXPECT=1 cargo test -p instantly-spec --test report`
//! rewrites the expected files.

mod report_fixtures;

use std::fs;

use instantly_spec::normalize::yaml::to_yaml;
use instantly_spec::report::render::{Options, markdown};
use instantly_spec::report::semver::Version;
use instantly_spec::report::{Report, compare};
use report_fixtures::{FIXTURES, PAGE, document, fixture_path};
use serde_json::Value;

fn options() -> Options {
    Options {
        verbose: true,
        heading_level: 2,
        crate_version: Some(("instantly".to_owned(), Version::parse("0.1.0").unwrap())),
    }
}

/// The document as `cargo xtask codegen` reads the committed copy: through the YAML text.
fn through_yaml(document: &Value) -> Value {
    serde_norway::from_str(&to_yaml(document)).unwrap()
}

#[test]
fn each_fixture_matches_its_expected_report() {
    let old = document(PAGE);
    let mut mismatches = Vec::new();
    for fixture in &FIXTURES {
        let new = document(&(fixture.edit)(PAGE));
        let report = compare(&old, &new);
        let actual = markdown(&report, &options());
        let path = fixture_path(fixture.name, "expected.md");
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            mismatches.push(format!(
                "{}:\n{}",
                path.display(),
                instantly_spec::diff::unified_diff(fixture.name, &expected, &actual)
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "reports differ from the expected files (UPDATE_EXPECT=1 rewrites them):\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn each_fixture_is_classified_as_intended() {
    let old = document(PAGE);
    for fixture in &FIXTURES {
        let report = compare(&old, &document(&(fixture.edit)(PAGE)));
        assert_eq!(report.level(), fixture.level, "{}", fixture.name);
    }
}

#[test]
fn reports_are_deterministic_and_the_same_through_yaml() {
    let old = document(PAGE);
    let old_yaml = through_yaml(&old);
    for fixture in &FIXTURES {
        let edited = (fixture.edit)(PAGE);
        let first = compare(&old, &document(&edited));
        let second = compare(&old, &document(&edited));
        let from_yaml = compare(&old_yaml, &through_yaml(&document(&edited)));
        assert_eq!(first, second, "{}", fixture.name);
        assert_eq!(first, from_yaml, "{}", fixture.name);
    }
}

#[test]
fn the_real_page_against_its_own_yaml_reports_nothing() {
    let normalized = document(PAGE);
    let report = compare(&through_yaml(&normalized), &normalized);
    assert_eq!(report, Report::default());
}

#[test]
fn the_report_of_the_reverse_edit_swaps_additions_and_removals() {
    let old = document(PAGE);
    let fixture = FIXTURES
        .iter()
        .find(|fixture| fixture.name == "operation_added")
        .unwrap();
    let added = document(&(fixture.edit)(PAGE));
    let forward = compare(&old, &added);
    let backward = compare(&added, &old);
    assert_eq!(forward.changes.len(), backward.changes.len());
    assert!(forward.breaking().next().is_none());
    assert!(backward.breaking().next().is_some());
}
