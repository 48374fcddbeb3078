//! Mutations of the scraped page, by line: the operations of the property test in
//! `xtask/tests/mutations.rs` (which runs a fixed 3000 cases), drawn here from the fuzzer's
//! generator so they run for the whole time budget, and chained into the generator when the
//! mutated page still normalizes.

use crate::rng::Rng;

/// Lines that mean something to the page reader, to put where they do not belong.
const VOCABULARY: &[&str] = &[
    "string",
    "null or string",
    "Array of null or arrays or null",
    "boolean or strin",
    "Array of objects",
    "object",
    "integer <int64>",
    "+",
    "-",
    "Show 5 properties",
    "Show array property",
    "+3 more",
    "Enum",
    "Items Enum",
    "Enum Value\tDescription",
    "1\t",
    "-99\tAccount suspended",
    "Example:",
    "Default",
    "{",
    "}",
    "[ … ]",
    "{ … }",
    "required",
    "read-only",
    "(uuid)",
    "[ 1 .. ] items",
    "[ 0 .. 1440 ]",
    "non-empty",
    "^[a-z]+$",
    "a.b.c[].d",
    "GET",
    "/api/v2/campaigns/{id}",
];

/// Applies one random line mutation.
pub fn mutate(page: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = page.lines().map(str::to_owned).collect();
    let count = lines.len().max(1);
    match rng.below(7) {
        0 => {
            let mut cut = rng.below(page.len() + 1);
            while !page.is_char_boundary(cut) {
                cut -= 1;
            }
            return page[..cut].to_owned();
        }
        1 => {
            let start = rng.below(count).min(lines.len());
            let end = (start + 1 + rng.below(40)).min(lines.len());
            lines.drain(start..end);
        }
        2 if !lines.is_empty() => lines.swap(rng.below(count), rng.below(count)),
        3 if !lines.is_empty() => {
            let at = rng.below(count);
            let line = lines[at].clone();
            lines.insert(at, line);
        }
        4 => {
            let word = rng.pick(VOCABULARY).copied().unwrap_or("");
            lines.insert(rng.below(count).min(lines.len()), word.to_owned());
        }
        5 if !lines.is_empty() => {
            // A line's text kept, its indentation or tabs changed: the reader splits on tabs.
            let at = rng.below(count);
            lines[at] = lines[at].replace('\t', "  ").trim().to_owned();
        }
        _ => {
            let bytes: Vec<u8> = (0..1 + rng.below(64))
                .map(|_| u8::try_from(rng.below(256)).unwrap_or(0))
                .collect();
            let at = rng.below(count).min(lines.len());
            lines.insert(at, String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    lines.join("\n")
}
