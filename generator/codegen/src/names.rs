//! Rust names from document names: PascalCase types and variants, snake_case fields and methods,
//! keywords and collisions handled so any input yields a valid, stable identifier.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};
use std::collections::BTreeSet;

const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "super", "Self", "_"];

/// Type names the generated code uses unqualified, so a model may not shadow them.
const RESERVED_TYPES: &[&str] = &["Box", "Option", "Result", "Self", "String", "Vec"];

/// Keeps ASCII letters and digits; everything else separates words.
fn words(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

/// `raw`'s words in `case`; `fallback` when it has no letters or digits, and `digit_prefix`
/// before a leading digit.
fn cased(raw: &str, case: fn(&str) -> String, fallback: &str, digit_prefix: &str) -> String {
    let name = case(&words(raw));
    let name = if name.is_empty() {
        fallback.to_owned()
    } else {
        name
    };
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{digit_prefix}{name}")
    } else {
        name
    }
}

/// A PascalCase type or variant name; `fallback` when `raw` has no letters or digits.
pub(crate) fn pascal(raw: &str, fallback: &str) -> String {
    cased(raw, ToUpperCamelCase::to_upper_camel_case, fallback, "V")
}

/// A type name that is valid and does not shadow what generated code uses.
pub(crate) fn type_name(raw: &str) -> String {
    let name = pascal(raw, "Unnamed");
    if RESERVED_TYPES.contains(&name.as_str()) {
        format!("{name}Type")
    } else {
        name
    }
}

/// A snake_case field, method or parameter name; keywords become raw identifiers (`r#type`).
pub(crate) fn snake(raw: &str, fallback: &str) -> String {
    let name = cased(raw, ToSnakeCase::to_snake_case, fallback, "_");
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// An identifier token from a name made by this module (`r#` prefix → raw identifier).
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The name without a raw-identifier prefix, as serde sees it.
pub(crate) fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Hands out names unique within one scope: a taken name gets `2`, `3`, … appended.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    pub(crate) fn with_reserved(names: &[&str]) -> Self {
        Self {
            taken: names.iter().map(|name| (*name).to_owned()).collect(),
        }
    }

    pub(crate) fn claim(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        let mut counter = 2;
        loop {
            let candidate = format!("{base}{counter}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            counter += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_valid_identifiers() {
        assert_eq!(pascal("campaign_schedule", "X"), "CampaignSchedule");
        assert_eq!(pascal("0", "X"), "V0");
        assert_eq!(pascal("***", "Empty"), "Empty");
        assert_eq!(type_name("string"), "StringType");
        assert_eq!(snake("firstName", "f"), "first_name");
        assert_eq!(snake("type", "f"), "r#type");
        assert_eq!(snake("self", "f"), "self_");
        assert_eq!(snake("2fa", "f"), "_2fa");
        assert_eq!(snake("$", "field"), "field");
        assert_eq!(ident("r#type").to_string(), "r#type");
    }

    #[test]
    fn scopes_suffix_taken_names() {
        let mut scope = Scope::with_reserved(&["client"]);
        assert_eq!(scope.claim("client"), "client2");
        assert_eq!(scope.claim("a"), "a");
        assert_eq!(scope.claim("a"), "a2");
    }
}
