//! A small YAML writer for the document.
//!
//! Why not a YAML library: generic emitters print strings such as `2026-02-28T22:39:27.104Z` or
//! `2.0` plain, and YAML 1.1 readers (PyYAML, js-yaml: the validators and Prism) then read a
//! timestamp or a number. Here a string is plain only when no reader can take it for anything
//! else; otherwise it is double-quoted with JSON escapes (a subset of YAML's). Block style, two
//! spaces, keys in document order: stable, reviewable diffs.

use serde_json::Value;

/// The YAML text of `value`, ending with a newline.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_mapping(&mut out, map, 0),
        Value::Array(items) if !items.is_empty() => write_sequence(&mut out, items, 0),
        scalar => {
            out.push_str(&inline(scalar));
            out.push('\n');
        }
    }
    out
}

fn write_mapping(out: &mut String, map: &serde_json::Map<String, Value>, indent: usize) {
    for (key, value) in map {
        out.push_str(&" ".repeat(indent));
        out.push_str(&string(key));
        out.push(':');
        write_value_after_key(out, value, indent);
    }
}

fn write_sequence(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push('-');
        match item {
            Value::Object(map) if !map.is_empty() => {
                // The first key shares the dash's line; the rest align under it.
                let mut nested = String::new();
                write_mapping(&mut nested, map, indent + 2);
                out.push(' ');
                out.push_str(nested.trim_start());
            }
            Value::Array(inner) if !inner.is_empty() => {
                out.push('\n');
                write_sequence(out, inner, indent + 2);
            }
            scalar => {
                out.push(' ');
                out.push_str(&inline(scalar));
                out.push('\n');
            }
        }
    }
}

fn write_value_after_key(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            write_mapping(out, map, indent + 2);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            write_sequence(out, items, indent);
        }
        scalar => {
            out.push(' ');
            out.push_str(&inline(scalar));
            out.push('\n');
        }
    }
}

/// Scalars and empty collections.
fn inline(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => string(text),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

fn string(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        Value::String(text.to_string()).to_string()
    }
}

/// Plain only for text that every YAML reader takes as this exact string.
fn is_plain_safe(text: &str) -> bool {
    const WORDS: [&str; 11] = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf",
    ];
    let Some(first) = text.chars().next() else {
        return false;
    };
    (first.is_ascii_alphabetic() || first == '_' || first == '/')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " _-./(),'{}".contains(c))
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(' ')
        && !text.ends_with(':')
        && !text.contains(['{', '}'])
        && !WORDS.contains(&text.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ambiguous_strings_are_quoted() {
        let doc = json!({
            "a": "2026-02-28T22:39:27.104Z", "b": "2.0", "c": "yes", "d": "Hello world",
            "200": "x: y", "e": "", "f": "line\nbreak", "g": "/api/v2/{id}", "h": 1.5, "i": null
        });
        let text = to_yaml(&doc);
        assert_eq!(
            text,
            "a: \"2026-02-28T22:39:27.104Z\"\nb: \"2.0\"\nc: \"yes\"\nd: Hello world\n\"200\": \"x: y\"\ne: \"\"\nf: \"line\\nbreak\"\ng: \"/api/v2/{id}\"\nh: 1.5\ni: null\n"
        );
    }

    #[test]
    fn nesting_round_trips_through_a_yaml_reader() {
        let doc = json!({
            "list": [{"a": 1, "b": [1, 2], "c": {"d": []}}, [3, [4]], "s", {}],
            "map": {"x": {"y": {}}}, "empty": []
        });
        let text = to_yaml(&doc);
        let back: Value = serde_norway::from_str(&text).unwrap();
        assert_eq!(back, doc);
    }
}
