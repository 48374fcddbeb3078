//! Every seed of the coverage-guided targets, and every input of theirs that once failed
//! (`fuzz/libfuzzer/regressions/<target>/`, copied there from cargo-fuzz's artifacts), through
//! the target's check on the stable toolchain.

use instantly_fuzz::targets::TARGETS;
use std::path::Path;

#[test]
fn seeds_and_regressions_pass_every_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("libfuzzer");
    for (name, check) in TARGETS {
        let mut inputs = 0;
        for kind in ["seeds", "regressions"] {
            let Ok(entries) = std::fs::read_dir(root.join(kind).join(name)) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                let data = std::fs::read(&path).unwrap();
                eprintln!("{name}: {}", path.display());
                check(&data);
                inputs += 1;
            }
        }
        assert!(inputs > 0, "{name}: no seed to replay");
    }
}
