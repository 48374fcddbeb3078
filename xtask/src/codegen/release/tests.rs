//! The release edits: manifest version, lockfile entry, CHANGELOG.

use instantly_spec::report::semver::Version;

use super::{
    ClientCrate, Release, read_client, with_entry, with_locked_version, with_package_version,
};

fn v(text: &str) -> Version {
    Version::parse(text).unwrap()
}

const MANIFEST: &str = "[package]\nname = \"instantly\"\nversion = \"0.1.0\"\nedition.workspace = true\n\n\
    [dependencies]\nfoo = { version = \"0.1.0\" }\n";

#[test]
fn the_package_version_changes_and_nothing_else() {
    let bumped = with_package_version(MANIFEST, v("0.1.0"), v("0.2.0")).unwrap();
    assert_eq!(bumped, MANIFEST.replacen("\"0.1.0\"", "\"0.2.0\"", 1));
    assert!(bumped.contains("foo = { version = \"0.1.0\" }"));
    assert_eq!(with_package_version(MANIFEST, v("0.3.0"), v("0.4.0")), None);
    let inherited = MANIFEST.replace(
        "version = \"0.1.0\"\nedition",
        "version.workspace = true\nedition",
    );
    assert_eq!(
        with_package_version(&inherited, v("0.1.0"), v("0.2.0")),
        None
    );
}

#[test]
fn the_lockfile_entry_of_the_path_package_follows() {
    let lock = "[[package]]\nname = \"instantly\"\nversion = \"0.1.0\"\ndependencies = [\n \"futures\",\n]\n\n\
        [[package]]\nname = \"itoa\"\nversion = \"0.1.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
    let release = Release {
        name: "instantly".into(),
        old: v("0.1.0"),
        new: v("0.1.1"),
    };
    let updated = with_locked_version(lock, &release).unwrap();
    assert_eq!(
        updated,
        lock.replacen("version = \"0.1.0\"", "version = \"0.1.1\"", 1)
    );
    let registry_only = Release {
        name: "itoa".into(),
        ..release
    };
    assert_eq!(with_locked_version(lock, &registry_only), None);
}

#[test]
fn changelog_entries_go_newest_first_under_the_header() {
    let first = with_entry(None, "## 0.1.1\n\nOne.\n");
    assert!(first.starts_with("# Changelog\n\n"));
    assert!(first.ends_with("\n\n## 0.1.1\n\nOne.\n"), "{first}");
    let second = with_entry(Some(&first), "## 0.2.0\n\nTwo.\n");
    let two = second.find("## 0.2.0").unwrap();
    let one = second.find("## 0.1.1").unwrap();
    assert!(two < one);
    assert!(
        second.contains("## 0.2.0\n\nTwo.\n\n## 0.1.1\n\nOne.\n"),
        "{second}"
    );
    assert_eq!(
        with_entry(Some("## 0.1.0\n"), "## 0.1.1\n"),
        "## 0.1.1\n\n## 0.1.0\n"
    );
}

#[test]
fn a_missing_client_crate_is_not_an_error() {
    let root = std::env::temp_dir().join(format!("xtask-release-{}", std::process::id()));
    assert_eq!(read_client(&root), Ok(None));
    std::fs::create_dir_all(root.join("generated-client")).unwrap();
    std::fs::write(root.join("generated-client/Cargo.toml"), MANIFEST).unwrap();
    assert_eq!(
        read_client(&root),
        Ok(Some(ClientCrate {
            name: "instantly".into(),
            version: v("0.1.0")
        }))
    );
    std::fs::remove_dir_all(&root).unwrap();
}
