//! Applies a report to the client crate: the version in its manifest (and the lockfile entry
//! that mirrors it) and a CHANGELOG entry, so a regeneration commit is complete on its own.

use std::fs;
use std::path::Path;

use instantly_spec::report::Report;
use instantly_spec::report::render::{self, Options};
use instantly_spec::report::semver::{Version, bump_for};

/// The client crate's manifest, relative to the workspace root.
pub const CLIENT_MANIFEST: &str = "generated-client/Cargo.toml";
/// The client crate's changelog, relative to the workspace root.
pub const CLIENT_CHANGELOG: &str = "generated-client/CHANGELOG.md";
const LOCKFILE: &str = "Cargo.lock";

const CHANGELOG_HEADER: &str = "# Changelog\n\n\
Every regeneration that changes the API adds an entry here: the change report of \
`cargo xtask codegen`, with the version it bumped to.\n";

/// The client crate as its manifest describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCrate {
    pub name: String,
    pub version: Version,
}

/// A version change decided from a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub name: String,
    pub old: Version,
    pub new: Version,
}

/// Reads the client crate's name and version; `None` when the crate does not exist (yet).
pub fn read_client(root: &Path) -> Result<Option<ClientCrate>, String> {
    let path = root.join(CLIENT_MANIFEST);
    if !path.exists() {
        return Ok(None);
    }
    let manifest = read(root, CLIENT_MANIFEST)?;
    let name = package_field(&manifest, "name")
        .ok_or_else(|| format!("{CLIENT_MANIFEST}: no `name = \"…\"` in [package]"))?;
    let version = package_field(&manifest, "version").ok_or_else(|| {
        format!("{CLIENT_MANIFEST}: no literal `version = \"…\"` in [package] to bump")
    })?;
    let version =
        Version::parse(&version).map_err(|error| format!("{CLIENT_MANIFEST}: {error}"))?;
    Ok(Some(ClientCrate { name, version }))
}

/// The release `report` asks for, if any.
pub fn plan_release(client: &ClientCrate, report: &Report) -> Option<Release> {
    let bump = bump_for(report.level(), client.version)?;
    Some(Release {
        name: client.name.clone(),
        old: client.version,
        new: client.version.bumped(bump),
    })
}

/// Writes the new version and the changelog entry; returns the files it changed.
pub fn apply_release(
    root: &Path,
    release: &Release,
    report: &Report,
    verbose: bool,
) -> Result<Vec<&'static str>, String> {
    let mut written = Vec::new();
    let manifest = read(root, CLIENT_MANIFEST)?;
    let manifest = with_package_version(&manifest, release.old, release.new).ok_or_else(|| {
        format!(
            "{CLIENT_MANIFEST}: cannot find `version = \"{}\"` in [package]",
            release.old
        )
    })?;
    write(root, CLIENT_MANIFEST, &manifest)?;
    written.push(CLIENT_MANIFEST);
    if let Ok(lock) = fs::read_to_string(root.join(LOCKFILE))
        && let Some(lock) = with_locked_version(&lock, release)
    {
        write(root, LOCKFILE, &lock)?;
        written.push(LOCKFILE);
    }
    let changelog = fs::read_to_string(root.join(CLIENT_CHANGELOG)).ok();
    let entry = changelog_entry(release, report, verbose);
    write(
        root,
        CLIENT_CHANGELOG,
        &with_entry(changelog.as_deref(), &entry),
    )?;
    written.push(CLIENT_CHANGELOG);
    Ok(written)
}

/// The report under a heading with the new version.
pub fn changelog_entry(release: &Release, report: &Report, verbose: bool) -> String {
    let options = Options {
        verbose,
        heading_level: 3,
        crate_version: Some((release.name.clone(), release.old)),
    };
    format!(
        "## {}\n\n{}",
        release.new,
        render::markdown(report, &options)
    )
}

/// Puts `entry` above the newest entry (the first `## ` heading), after the file's header.
pub fn with_entry(changelog: Option<&str>, entry: &str) -> String {
    let changelog = changelog.unwrap_or(CHANGELOG_HEADER);
    let entry = format!("{}\n", entry.trim_end());
    if changelog.starts_with("## ") {
        return format!("{entry}\n{changelog}");
    }
    match changelog.find("\n## ") {
        Some(at) => {
            let (header, entries) = changelog.split_at(at + 1);
            format!("{header}{entry}\n{entries}")
        }
        None => format!("{}\n\n{entry}", changelog.trim_end()),
    }
}

/// `key = "value"` in the manifest's `[package]` table.
fn package_field(manifest: &str, key: &str) -> Option<String> {
    package_lines(manifest).find_map(|line| quoted_value(line, key))
}

/// The lines of the `[package]` table.
fn package_lines(manifest: &str) -> impl Iterator<Item = &str> {
    manifest
        .lines()
        .skip_while(|line| line.trim() != "[package]")
        .skip(1)
        .take_while(|line| !line.trim_start().starts_with('['))
}

/// The value of `key = "value"` on one line.
fn quoted_value(line: &str, key: &str) -> Option<String> {
    let (name, value) = line.split_once('=')?;
    if name.trim() != key {
        return None;
    }
    let value = value.trim();
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    Some(inner.to_owned())
}

/// The manifest with `[package] version` changed from `old` to `new`, lines otherwise intact.
pub fn with_package_version(manifest: &str, old: Version, new: Version) -> Option<String> {
    let mut in_package = false;
    let mut replaced = false;
    let mut out = String::with_capacity(manifest.len());
    for line in manifest.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_package = trimmed == "[package]";
        }
        if in_package && !replaced && quoted_value(trimmed, "version") == Some(old.to_string()) {
            out.push_str(&line.replacen(&format!("\"{old}\""), &format!("\"{new}\""), 1));
            replaced = true;
        } else {
            out.push_str(line);
        }
    }
    replaced.then_some(out)
}

/// The lockfile with the crate's entry (a path package: no `source`) at the new version; `None`
/// when there is no such entry.
pub fn with_locked_version(lock: &str, release: &Release) -> Option<String> {
    let name_line = format!("name = \"{}\"", release.name);
    let old_line = format!("version = \"{}\"", release.old);
    let lines: Vec<&str> = lock.split_inclusive('\n').collect();
    let at = lines.windows(3).position(|window| {
        window[0].trim() == "[[package]]"
            && window[1].trim() == name_line
            && window[2].trim() == old_line
    })?;
    let version_index = at + 2;
    let has_source = lines[at + 1..]
        .iter()
        .take_while(|line| !line.trim().is_empty())
        .any(|line| line.trim_start().starts_with("source ="));
    if has_source {
        return None;
    }
    let mut out = String::with_capacity(lock.len());
    for (index, line) in lines.iter().enumerate() {
        if index == version_index {
            out.push_str(&line.replacen(&old_line, &format!("version = \"{}\"", release.new), 1));
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

fn read(root: &Path, relative: &str) -> Result<String, String> {
    fs::read_to_string(root.join(relative))
        .map_err(|error| format!("{relative}: cannot read: {error}"))
}

fn write(root: &Path, relative: &str, contents: &str) -> Result<(), String> {
    fs::write(root.join(relative), contents)
        .map_err(|error| format!("{relative}: cannot write: {error}"))
}

#[cfg(test)]
mod tests;
