//! Mutations of the scraped page, by line: the operations of `instantly_spec::page::mutation`
//! (shared with the property test, which runs a fixed 3000 cases), drawn here from the fuzzer's
//! generator so they run for the whole time budget, and chained into the generator when the
//! mutated page still normalizes.

use instantly_spec::page::mutation::{Mutation, VOCABULARY, apply};

use crate::rng::Rng;

/// Applies one random line mutation.
pub fn mutate(page: &str, rng: &mut Rng) -> String {
    let lines = page.lines().count().max(1);
    let mutation = match rng.below(7) {
        0 => Mutation::Truncate(rng.below(page.len() + 1)),
        1 => Mutation::Delete {
            at: rng.below(lines),
            len: 1 + rng.below(40),
        },
        2 => Mutation::Swap(rng.below(lines), rng.below(lines)),
        3 => Mutation::Duplicate(rng.below(lines)),
        4 => Mutation::Splice {
            word: rng.below(VOCABULARY.len()),
            at: rng.below(lines),
        },
        5 => Mutation::Untab(rng.below(lines)),
        _ => {
            let bytes = (0..1 + rng.below(64))
                .map(|_| u8::try_from(rng.below(256)).unwrap_or(0))
                .collect();
            Mutation::Bytes {
                at: rng.below(lines),
                bytes,
            }
        }
    };
    apply(page, &mutation)
}
