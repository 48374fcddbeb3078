//! Thousands of mutations of the real page (truncations, deleted, shuffled and duplicated lines,
//! unknown type lines, stray markers, random bytes): the normalizer never panics, and every error
//! names a line of the input.

use proptest::prelude::*;
use std::sync::LazyLock;

use xtask::normalize::document::normalize_page;
use xtask::normalize::overrides::{Overrides, parse_overrides};

const PAGE: &str = include_str!("../../spec/instantly-api-v2.txt");
static OVERRIDES: LazyLock<Overrides> =
    LazyLock::new(|| parse_overrides(include_str!("../../spec/overrides.yaml")).unwrap());

/// Lines that mean something to the reader, to splice in where they do not belong.
const VOCABULARY: [&str; 22] = [
    "string",
    "null or string",
    "Array of null or arrays or null",
    "boolean or strin",
    "Array of widgets",
    "+",
    "-",
    "Show 5 properties",
    "Show array property",
    "+3 more",
    "Enum",
    "Items Enum",
    "Enum Value\tDescription",
    "1\t",
    "Example:",
    "Default",
    "{",
    "}",
    "[ … ]",
    "{ … }",
    "required",
    "[ 1 .. ] items",
];

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Delete { at: usize, len: usize },
    Swap(usize, usize),
    Duplicate(usize),
    Splice { at: usize, word: usize },
    Bytes { at: usize, bytes: Vec<u8> },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), 0..VOCABULARY.len()).prop_map(|(at, word)| Mutation::Splice { at, word }),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..64)
        )
            .prop_map(|(at, bytes)| Mutation::Bytes { at, bytes }),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let n = lines.len().max(1);
    match mutation {
        Mutation::Truncate(at) => {
            let mut cut = at % (text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            return text[..cut].to_string();
        }
        Mutation::Delete { at, len } => {
            let start = at % n;
            let end = (start + len).min(lines.len());
            lines.drain(start..end);
        }
        Mutation::Swap(a, b) => lines.swap(a % n, b % n),
        Mutation::Duplicate(at) => {
            let line = lines[at % n].clone();
            lines.insert(at % n, line);
        }
        Mutation::Splice { at, word } => lines.insert(at % n, VOCABULARY[*word].to_string()),
        Mutation::Bytes { at, bytes } => {
            lines.insert(at % n, String::from_utf8_lossy(bytes).into_owned())
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_pages_never_panic(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let mut page = PAGE.to_string();
        for mutation in &mutations {
            page = apply(&page, mutation);
        }
        if let Err(error) = normalize_page(&page, &OVERRIDES) {
            let lines = page.lines().count() + 1;
            prop_assert!(!error.message.is_empty());
            if error.file == "spec/instantly-api-v2.txt" {
                let line = error.line.unwrap_or(0);
                prop_assert!((1..=lines).contains(&line), "{error} (page has {lines} lines)");
            }
        }
    }
}
