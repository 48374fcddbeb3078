//! The page's JSON examples. The page prints collapsed parts as `{ … }` and `[ … ]`; they become
//! marker strings so that the rest of the example still parses and the places stay known.

use serde_json::Value;

use super::model::{COLLAPSED_ARRAY, COLLAPSED_OBJECT, Line};
use crate::diagnostics::{Diagnostic, PAGE_FILE};

/// Finds where a JSON value that starts at `lines[start]` ends (inclusive index), counting
/// brackets outside strings. `None` when the input ends first.
pub fn value_extent(lines: &[&str], start: usize) -> Option<usize> {
    let mut scanner = Scanner::default();
    for (index, line) in lines.iter().enumerate().skip(start) {
        for c in line.chars() {
            scanner.feed(c);
        }
        if scanner.depth == 0 && scanner.seen_bracket {
            return Some(index);
        }
    }
    None
}

/// Parses an example whose first line is page line `first_line`.
pub fn parse_example(text: &str, first_line: Line) -> Result<Value, Diagnostic> {
    let marked = mark_collapsed(text);
    serde_json::from_str(&marked).map_err(|error| {
        Diagnostic::new(
            PAGE_FILE,
            Some(first_line + error.line().saturating_sub(1)),
            format!("expected a JSON example: {error}"),
        )
    })
}

/// Replaces `{ … }` and `[ … ]` outside strings with marker strings.
fn mark_collapsed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut scanner = Scanner::default();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if !scanner.in_string {
            let marker = if rest.starts_with("{ … }") {
                Some(COLLAPSED_OBJECT)
            } else if rest.starts_with("[ … ]") {
                Some(COLLAPSED_ARRAY)
            } else {
                None
            };
            if let Some(marker) = marker {
                out.push_str(&Value::String(marker.to_string()).to_string());
                rest = &rest["{ … }".len()..];
                continue;
            }
        }
        scanner.feed(c);
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Tracks JSON strings and bracket depth one character at a time.
#[derive(Default)]
struct Scanner {
    in_string: bool,
    escaped: bool,
    depth: usize,
    seen_bracket: bool,
}

impl Scanner {
    fn feed(&mut self, c: char) {
        if self.in_string {
            match (self.escaped, c) {
                (true, _) => self.escaped = false,
                (false, '\\') => self.escaped = true,
                (false, '"') => self.in_string = false,
                _ => {}
            }
            return;
        }
        match c {
            '"' => self.in_string = true,
            '{' | '[' => {
                self.depth += 1;
                self.seen_bracket = true;
            }
            '}' | ']' => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn collapsed_parts_become_markers() {
        let text = "{\n  \"a\": { … },\n  \n\"b\": [ … ],\n  \"c\": \"{ … }\"\n}";
        let value = parse_example(text, 10).unwrap();
        assert_eq!(
            value,
            json!({"a": COLLAPSED_OBJECT, "b": COLLAPSED_ARRAY, "c": "{ … }"})
        );
    }

    #[test]
    fn extent_skips_brackets_in_strings() {
        let lines = ["x", "{", "  \"a\": \"}\",", "  \"b\": [1]", "}", "y"];
        assert_eq!(value_extent(&lines, 1), Some(4));
        assert_eq!(value_extent(&lines[..4], 1), None);
    }

    #[test]
    fn syntax_errors_name_the_page_line() {
        let error = parse_example("{\n  \"a\": 1,\n  oops\n}", 100).unwrap_err();
        assert_eq!(error.line, Some(102));
    }
}
