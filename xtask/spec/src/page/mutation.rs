//! Line mutations of the scraped page. Both the property test (`xtask/spec/tests/mutations.rs`)
//! and the fuzzer (`fuzz/src/page.rs`) mutate the page the same way; each draws [`Mutation`]s
//! with its own generator, so the operations and the vocabulary are kept here, once.

/// Lines that mean something to the page reader, to splice in where they do not belong.
pub const VOCABULARY: &[&str] = &[
    "string",
    "null or string",
    "Array of null or arrays or null",
    "boolean or strin",
    "Array of objects",
    "Array of widgets",
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

/// One edit of the page. Positions are taken modulo the number of lines (bytes for
/// [`Mutation::Truncate`], words for [`Mutation::Splice`]), so any drawn value applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mutation {
    /// Cut the text at a byte offset (moved back to a character boundary).
    Truncate(usize),
    Delete {
        at: usize,
        len: usize,
    },
    Swap(usize, usize),
    Duplicate(usize),
    /// Insert a [`VOCABULARY`] line.
    Splice {
        at: usize,
        word: usize,
    },
    /// Keep a line's text but not its tabs and indentation: the reader splits on tabs.
    Untab(usize),
    /// Insert a line of random bytes (made valid UTF-8).
    Bytes {
        at: usize,
        bytes: Vec<u8>,
    },
}

/// `text` with `mutation` applied.
pub fn apply(text: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let n = lines.len().max(1);
    match mutation {
        Mutation::Truncate(at) => {
            let mut cut = at % (text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            return text[..cut].to_owned();
        }
        Mutation::Delete { at, len } => {
            let start = (at % n).min(lines.len());
            let end = start.saturating_add(*len).min(lines.len());
            lines.drain(start..end);
        }
        Mutation::Splice { at, word } => {
            let word = VOCABULARY[word % VOCABULARY.len()];
            lines.insert(at % n, word.to_owned());
        }
        Mutation::Bytes { at, bytes } => {
            lines.insert(at % n, String::from_utf8_lossy(bytes).into_owned());
        }
        // The rest edit an existing line: nothing to do on an empty page.
        _ if lines.is_empty() => {}
        Mutation::Swap(a, b) => lines.swap(a % n, b % n),
        Mutation::Duplicate(at) => {
            let line = lines[at % n].clone();
            lines.insert(at % n, line);
        }
        Mutation::Untab(at) => {
            let line = &mut lines[at % n];
            *line = line.replace('\t', "  ").trim().to_owned();
        }
    }
    lines.join("\n")
}
