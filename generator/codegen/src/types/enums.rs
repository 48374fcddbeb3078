//! Open enums: string and integer enums with a catch-all `Unknown` variant.
//!
//! Serialize/Deserialize are written out (not derived) so an unlisted value deserializes into
//! `Unknown(raw)` and serializes back unchanged: a value the server adds later never fails a
//! response, and a round trip reproduces it.
//!
//! Enums (these and untagged unions) are `#[non_exhaustive]`: matches outside the crate need a
//! `_` arm, so a value the document adds later (a new variant) is not a breaking change.

use super::{TypeKind, Variant};
use crate::doc;
use crate::extensions::{EnumDescriptions, EnumTruncated};
use crate::names::{self, Scope};
use proc_macro2::TokenStream;
use quote::quote;

/// The name of the catch-all variant.
pub(crate) const UNKNOWN: &str = "Unknown";

/// Words left out when a description becomes a variant name.
const FILLER_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "is",
    "are",
    "currently",
    "its",
    "has",
    "been",
];

/// At most this many words of a description make a variant name.
const NAME_WORDS: usize = 5;

/// What the document says about an enum beyond its values (`x-enum-descriptions`,
/// `x-enum-truncated`), read by the planner.
#[derive(Debug, Default)]
pub(crate) struct EnumFacts {
    pub(crate) descriptions: EnumDescriptions,
    pub(crate) truncated: Option<EnumTruncated>,
}

impl EnumFacts {
    fn truncated(&self) -> Option<u64> {
        self.truncated.map(|EnumTruncated(count)| count)
    }
}

pub(crate) fn string_enum(values: &[Option<String>], facts: &EnumFacts) -> TypeKind {
    let documented = values.iter().enumerate().map(|(index, value)| {
        let doc = facts.descriptions.get(index).map(str::to_owned);
        (value.clone(), doc)
    });
    string_enum_from(documented.collect(), facts.truncated())
}

/// A string enum from (value, description) pairs; `None` values (`null`) are skipped.
pub(crate) fn string_enum_from(
    values: Vec<(Option<String>, Option<String>)>,
    truncated: Option<u64>,
) -> TypeKind {
    let mut scope = Scope::with_reserved(&[UNKNOWN, "Self"]);
    let mut variants: Vec<Variant<String>> = Vec::new();
    let plain: Vec<String> = values
        .iter()
        .map(|(value, _)| names::pascal(value.as_deref().unwrap_or(""), "Empty"))
        .collect();
    for (index, (value, doc)) in values.into_iter().enumerate() {
        let Some(value) = value else { continue };
        if variants.iter().any(|variant| variant.value == value) {
            continue;
        }
        // Values that differ only in punctuation (`Etc/GMT+12`, `Etc/GMT-12`) would get the
        // same name: each spells its signs instead, and says its value.
        let collides = plain
            .iter()
            .enumerate()
            .any(|(other, name)| other != index && *name == plain[index]);
        let (name, doc) = if collides {
            let spelled = names::pascal(&spell_signs(&value), "Empty");
            (spelled, doc.or_else(|| Some(format!("`{value}`"))))
        } else {
            (plain[index].clone(), doc)
        };
        let name = scope.claim(&name);
        variants.push(Variant { value, name, doc });
    }
    TypeKind::StringEnum {
        variants,
        truncated,
    }
}

/// `+` and `-` as words, so that `GMT+12` and `GMT-12` name different variants.
fn spell_signs(value: &str) -> String {
    value.replace('+', " plus ").replace('-', " minus ")
}

/// `oneOf` members that are each a string enum (often one value with its own description, as
/// dropshot writes them) are one enum: as an untagged union, the first open enum would take
/// every value.
pub(crate) fn merge_string_enum_members(
    members: &[(&openapiv3::Schema, EnumDescriptions)],
) -> Option<TypeKind> {
    let mut values: Vec<(Option<String>, Option<String>)> = Vec::new();
    for (member, listed) in members {
        let openapiv3::SchemaKind::Type(openapiv3::Type::String(string)) = &member.schema_kind
        else {
            return None;
        };
        if string.enumeration.is_empty() {
            return None;
        }
        let single = string.enumeration.iter().flatten().count() == 1;
        for (index, value) in string.enumeration.iter().enumerate() {
            let doc = if single {
                member.schema_data.description.clone()
            } else {
                listed.get(index).map(str::to_owned)
            };
            values.push((value.clone(), doc));
        }
    }
    Some(string_enum_from(values, None))
}

/// Integer variants are named from the documented descriptions (`-99` "Account suspended" →
/// `AccountSuspended`): the words before the first punctuation, filler words dropped, at most
/// five. Without a description a variant is `Value1` / `ValueMinus1`.
pub(crate) fn integer_enum(values: &[Option<i64>], facts: &EnumFacts) -> TypeKind {
    let mut scope = Scope::with_reserved(&[UNKNOWN, "Self"]);
    let mut variants: Vec<Variant<i64>> = Vec::new();
    for (index, value) in values.iter().enumerate() {
        let Some(value) = *value else { continue };
        if variants.iter().any(|variant| variant.value == value) {
            continue;
        }
        let doc = facts.descriptions.get(index).map(str::to_owned);
        let fallback = if value < 0 {
            format!("ValueMinus{}", value.unsigned_abs())
        } else {
            format!("Value{value}")
        };
        let wanted = doc
            .as_deref()
            .and_then(name_from_description)
            .unwrap_or(fallback);
        variants.push(Variant {
            value,
            name: scope.claim(&wanted),
            doc,
        });
    }
    TypeKind::IntegerEnum {
        variants,
        truncated: facts.truncated(),
    }
}

/// The variant name an integer value gets from its description: the first clause, filler words
/// dropped, at most five words, in PascalCase.
pub(crate) fn name_from_description(description: &str) -> Option<String> {
    let clause = description
        .split(['.', ';', ',', '(', ':'])
        .next()
        .unwrap_or_default();
    let cleaned: String = clause
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '\'' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<String> = cleaned
        .split_whitespace()
        .map(|word| word.replace('\'', ""))
        .filter(|word| !FILLER_WORDS.contains(&word.to_ascii_lowercase().as_str()))
        .take(NAME_WORDS)
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(names::pascal(&words.join(" "), "Value"))
}

pub(crate) fn truncation_doc(truncated: Option<u64>) -> Option<String> {
    truncated.map(|count| {
        format!("The source document lists only some values ({count} more exist); the others arrive as `Unknown`.")
    })
}

/// Each variant's identifier and doc attributes, in the enum's order.
fn idents_and_docs<V>(variants: &[Variant<V>]) -> (Vec<proc_macro2::Ident>, Vec<TokenStream>) {
    variants
        .iter()
        .map(|v| (names::ident(&v.name), doc::attrs(v.doc.as_deref())))
        .unzip()
}

/// The enum and its wire-value accessors; the runtime's `open_*_enum!` adds Display, Serialize,
/// Deserialize and QueryParam.
pub(crate) fn emit(
    name: &proc_macro2::Ident,
    docs: &TokenStream,
    kind: &TypeKind,
    extra_derives: &[TokenStream],
    rt: &TokenStream,
) -> TokenStream {
    let unknown_doc = doc::attrs(["A value the document does not list, kept as received."]);
    match kind {
        TypeKind::StringEnum { variants, .. } => {
            let (idents, variant_docs) = idents_and_docs(variants);
            let values: Vec<_> = variants.iter().map(|v| v.value.as_str()).collect();
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, Eq, Hash #(, #extra_derives)*)]
                #[non_exhaustive]
                pub enum #name {
                    #( #variant_docs #idents, )*
                    #unknown_doc
                    Unknown(String),
                }

                impl #name {
                    /// The value as sent on the wire.
                    pub fn as_str(&self) -> &str {
                        match self {
                            #( Self::#idents => #values, )*
                            Self::Unknown(value) => value,
                        }
                    }
                }

                impl From<&str> for #name {
                    fn from(value: &str) -> Self {
                        match value {
                            #( #values => Self::#idents, )*
                            other => Self::Unknown(other.to_owned()),
                        }
                    }
                }

                #rt::open_string_enum!(#name);
            }
        }
        TypeKind::IntegerEnum { variants, .. } => {
            let (idents, variant_docs) = idents_and_docs(variants);
            let values: Vec<_> = variants
                .iter()
                .map(|v| proc_macro2::Literal::i64_unsuffixed(v.value))
                .collect();
            let values: Vec<TokenStream> = values.iter().map(|literal| quote!(#literal)).collect();
            quote! {
                #docs
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash #(, #extra_derives)*)]
                #[non_exhaustive]
                pub enum #name {
                    #( #variant_docs #idents, )*
                    #unknown_doc
                    Unknown(i64),
                }

                impl #name {
                    /// The value as sent on the wire.
                    pub fn value(self) -> i64 {
                        match self {
                            #( Self::#idents => #values, )*
                            Self::Unknown(value) => value,
                        }
                    }
                }

                impl From<i64> for #name {
                    fn from(value: i64) -> Self {
                        match value {
                            #( #values => Self::#idents, )*
                            other => Self::Unknown(other),
                        }
                    }
                }

                #rt::open_integer_enum!(#name);
            }
        }
        _ => TokenStream::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_make_short_names() {
        assert_eq!(
            name_from_description("Account Suspended").as_deref(),
            Some("AccountSuspended")
        );
        assert_eq!(
            name_from_description(
                "Temporarily paused for maintenance; will be automatically resumed shortly"
            )
            .as_deref(),
            Some("TemporarilyPausedForMaintenance")
        );
        assert_eq!(
            name_from_description("Campaign is currently not within its sending schedule.")
                .as_deref(),
            Some("CampaignNotWithinSendingSchedule")
        );
        assert_eq!(
            name_from_description("Custom IMAP/SMTP").as_deref(),
            Some("CustomImapSmtp")
        );
        assert_eq!(name_from_description("...").as_deref(), None);
    }

    #[test]
    fn values_without_descriptions_are_named_by_value() {
        let TypeKind::IntegerEnum { variants, .. } =
            integer_enum(&[Some(-2), Some(3), Some(3)], &EnumFacts::default())
        else {
            panic!("not an integer enum")
        };
        let names: Vec<_> = variants.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["ValueMinus2", "Value3"]);
    }

    #[test]
    fn values_that_differ_in_sign_get_distinct_documented_names() {
        let values = ["Etc/GMT+12", "Etc/GMT-12", "America/New_York"]
            .map(|value| (Some(value.to_owned()), None));
        let TypeKind::StringEnum { variants, .. } = string_enum_from(values.to_vec(), None) else {
            panic!("a string enum")
        };
        let named: Vec<_> = variants
            .iter()
            .map(|v| (v.name.as_str(), v.doc.as_deref()))
            .collect();
        assert_eq!(
            named,
            [
                ("EtcGmtPlus12", Some("`Etc/GMT+12`")),
                ("EtcGmtMinus12", Some("`Etc/GMT-12`")),
                ("AmericaNewYork", None)
            ]
        );
    }

    #[test]
    fn a_value_named_unknown_does_not_take_the_catch_all() {
        let TypeKind::StringEnum { variants, .. } =
            string_enum(&[Some("unknown".into()), None], &EnumFacts::default())
        else {
            panic!("not a string enum")
        };
        assert_eq!(variants[0].name, "Unknown2");
    }
}
