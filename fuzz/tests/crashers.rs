//! Every input the fuzzer ever failed on (`fuzz/crashers/`) passes its checks now: a document
//! generates or fails with a JSON pointer, a page normalizes or fails at one of its lines.

use instantly_fuzz::check::{check_document, check_page};
use instantly_spec::normalize::document::SideInputs;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn saved_crashers_pass() {
    let read = |file: &str| std::fs::read_to_string(root().join("../spec").join(file)).unwrap();
    let side = SideInputs::parse(&read("operations.yaml"), &read("overrides.yaml")).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("crashers"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext != "md"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no crashers: the directory moved?");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.to_string_lossy();
        let result = if name.ends_with(".txt") {
            check_page(&text, &side, name.ends_with(".chain.txt"))
        } else {
            check_document(&text)
        };
        if let Err(failure) = result {
            panic!("{}: {failure}", file.display());
        }
    }
}
