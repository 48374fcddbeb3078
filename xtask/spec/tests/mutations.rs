//! Thousands of mutations of the real page (truncations, deleted, shuffled and duplicated lines,
//! unknown type lines, stray markers, lost tabs, random bytes): the normalizer never panics, and
//! every error names a line of the input.

use proptest::prelude::*;
use std::sync::LazyLock;

use instantly_spec::normalize::document::SideInputs;
use instantly_spec::normalize::document::normalize_page;
use instantly_spec::page::mutation::{Mutation, VOCABULARY, apply};

const PAGE: &str = include_str!("../../../spec/instantly-api-v2.txt");
static SIDE: LazyLock<SideInputs> = LazyLock::new(|| {
    SideInputs::parse(
        include_str!("../../../spec/operations.yaml"),
        include_str!("../../../spec/overrides.yaml"),
    )
    .unwrap()
});

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), 0..VOCABULARY.len()).prop_map(|(at, word)| Mutation::Splice { at, word }),
        any::<usize>().prop_map(Mutation::Untab),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..64)
        )
            .prop_map(|(at, bytes)| Mutation::Bytes { at, bytes }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_pages_never_panic(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let mut page = PAGE.to_string();
        for mutation in &mutations {
            page = apply(&page, mutation);
        }
        if let Err(error) = normalize_page(&page, &SIDE) {
            let lines = page.lines().count() + 1;
            prop_assert!(!error.message.is_empty());
            if error.file == "spec/instantly-api-v2.txt" {
                let line = error.line.unwrap_or(0);
                prop_assert!((1..=lines).contains(&line), "{error} (page has {lines} lines)");
            }
        }
    }
}
