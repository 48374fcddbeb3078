//! xtask is the command line, not a library: no workspace package may depend on it (the spec
//! library is what tests and the fuzzer use). `cargo xtask test` checks this first, from
//! `cargo metadata`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The package nothing may depend on.
const XTASK: &str = "instantly-xtask";

/// Fails, naming each offender, when a workspace package depends on xtask.
pub fn check(root: &Path) -> Result<(), String> {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(root)
        .output()
        .map_err(|error| format!("cannot run cargo metadata: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: Value = serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("cargo metadata: not JSON: {error}"))?;
    let offenders = dependents_of_xtask(&metadata);
    if offenders.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{XTASK} is a binary nothing may depend on (use instantly-spec), but it is a dependency of: {}",
            offenders.join(", ")
        ))
    }
}

/// `package (kind)` for each dependency on xtask declared by a package of `metadata`.
fn dependents_of_xtask(metadata: &Value) -> Vec<String> {
    let packages = metadata
        .get("packages")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let mut offenders = Vec::new();
    for package in packages {
        let name = package.get("name").and_then(Value::as_str).unwrap_or("?");
        let dependencies = package
            .get("dependencies")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for dependency in dependencies {
            if dependency.get("name").and_then(Value::as_str) == Some(XTASK) {
                // `kind` is null for normal dependencies, "dev" or "build" otherwise.
                let kind = dependency
                    .get("kind")
                    .and_then(Value::as_str)
                    .unwrap_or("normal");
                offenders.push(format!("{name} ({kind})"));
            }
        }
    }
    offenders
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::dependents_of_xtask;

    #[test]
    fn every_dependency_on_xtask_is_named_with_its_kind() {
        let package = |name: &str, dependencies: serde_json::Value| json!({"name": name, "dependencies": dependencies});
        let metadata = json!({"packages": [
            package("instantly-xtask", json!([{"name": "instantly-spec", "kind": null}])),
            package("instantly-spec", json!([{"name": "serde_json", "kind": null}])),
            package("instantly-tests", json!([
                {"name": "instantly-xtask", "kind": "dev"},
                {"name": "instantly-spec", "kind": "dev"},
            ])),
            package("instantly-fuzz", json!([{"name": "instantly-xtask", "kind": null}])),
        ]});
        assert_eq!(
            dependents_of_xtask(&metadata),
            ["instantly-tests (dev)", "instantly-fuzz (normal)"]
        );
    }

    #[test]
    fn a_workspace_that_only_uses_the_spec_library_passes() {
        let metadata = json!({"packages": [
            {"name": "instantly-xtask", "dependencies": [{"name": "instantly-spec", "kind": null}]},
            {"name": "instantly-tests", "dependencies": [{"name": "instantly-spec", "kind": "dev"}]},
            {"name": "instantly-runtime"},
        ]});
        assert!(dependents_of_xtask(&metadata).is_empty());
    }
}
