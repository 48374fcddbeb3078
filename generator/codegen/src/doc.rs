//! Turning document descriptions into rustdoc that builds without warnings.
//!
//! Descriptions are prose written for a web page. As rustdoc, `[x]` would be a broken intra-doc
//! link, `<Entity>` an unclosed HTML tag, a bare URL a lint, an indented line or an unlabelled
//! fence a doctest. Each line is made safe; the text otherwise stays as written.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "…"]` attributes for the given paragraphs (blank line between paragraphs).
pub(crate) fn attrs<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let lines = lines(paragraphs);
    let lines = lines.iter().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote! { #( #[doc = #lines] )* }
}

pub(crate) fn lines<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        if paragraph.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(String::new());
        }
        let mut in_fence = false;
        let mut previous_is_list_item = false;
        for raw in paragraph.trim().lines() {
            let line = raw.replace('\t', "    ");
            let line = line.trim();
            if line.starts_with("```") {
                let label = line.trim_start_matches('`').trim();
                out.push(if in_fence || !label.is_empty() {
                    line.to_owned()
                } else {
                    "```text".to_owned()
                });
                in_fence = !in_fence;
                continue;
            }
            if in_fence {
                out.push(line.to_owned());
                continue;
            }
            let is_list_item = is_list_item(line);
            // A plain line right after a list item would be a "lazy continuation" (clippy lint).
            if previous_is_list_item && !is_list_item && !line.is_empty() {
                out.push(String::new());
            }
            previous_is_list_item = is_list_item;
            out.push(escape(line));
        }
        if in_fence {
            out.push("```".to_owned());
        }
    }
    out
}

fn is_list_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("+ ")
        || (digits > 0 && line[digits..].starts_with(". "))
}

/// Escapes markdown link and HTML syntax, and wraps bare URLs in `<…>`; inline links to web
/// pages (`[text](https://…)`) are kept as they are.
fn escape(line: &str) -> String {
    // Most lines are plain prose: nothing to escape, no word to split.
    if !line.contains(['[', ']', '<', '>', '\\']) && !line.contains("http") {
        return line.to_owned();
    }
    let mut out = String::new();
    let mut rest = line;
    while let Some((before, text, url, after)) = split_web_link(rest) {
        out.push_str(&escape_words(before));
        out.push_str(&format!("[{}]({url})", escape_text(text)));
        rest = after;
    }
    out.push_str(&escape_words(rest));
    out
}

/// The first `[text](http…)` in `line`: (before, text, url, after).
fn split_web_link(line: &str) -> Option<(&str, &str, &str, &str)> {
    let mut search_from = 0;
    while let Some(open) = line[search_from..].find('[').map(|i| i + search_from) {
        let close = line[open..].find("](").map(|i| i + open)?;
        let url_start = close + 2;
        let url_end = line[url_start..].find(')').map(|i| i + url_start)?;
        let text = &line[open + 1..close];
        let url = &line[url_start..url_end];
        let plain = !text.contains(['[', ']']) && !url.contains([' ', '<', '>', '(']);
        if plain && (url.starts_with("http://") || url.starts_with("https://")) {
            return Some((&line[..open], text, url, &line[url_end + 1..]));
        }
        search_from = open + 1;
    }
    None
}

fn escape_words(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            let url_start = word.find("http://").or_else(|| word.find("https://"));
            match url_start {
                Some(start) => {
                    let rest = &word[start..];
                    let end = rest
                        .trim_end_matches(['.', ',', ')', ';', ':', '"', '\''])
                        .len();
                    let (url, tail) = rest.split_at(end);
                    let safe_url = !url.contains(['<', '>', '[', ']', '`']);
                    if safe_url {
                        format!(
                            "{}<{url}>{}",
                            escape_text(&word[..start]),
                            escape_text(tail)
                        )
                    } else {
                        escape_text(word)
                    }
                }
                None => escape_text(word),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '<' | '>' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_hazards_are_neutralised() {
        let got = lines([
            "See [docs] at https://example.com/x. Returns <Entity>.\n    indented\n```\ncode\n```",
        ]);
        assert_eq!(
            got,
            [
                "See \\[docs\\] at <https://example.com/x>. Returns \\<Entity\\>.",
                "indented",
                "```text",
                "code",
                "```"
            ]
        );
    }

    #[test]
    fn web_links_are_kept() {
        assert_eq!(
            lines(["See [the docs](https://x.test/a) or [b]."]),
            ["See [the docs](https://x.test/a) or \\[b\\]."]
        );
    }

    #[test]
    fn list_items_are_not_lazily_continued() {
        assert_eq!(lines(["- a\nb"]), ["- a", "", "b"]);
    }

    #[test]
    fn paragraphs_are_separated() {
        assert_eq!(lines(["one", "", "two"]), ["one", "", "two"]);
    }
}
