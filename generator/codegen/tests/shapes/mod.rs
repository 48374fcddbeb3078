//! The types of a generated client, read back from its source with syn: their names and
//! shapes, to check that no two types have the same shape and that names stay short.
//!
//! A struct's shape is its fields (Rust name, wire name, type, and the serde attributes that say
//! how it is written); an enum's its variants (name, wire value or member types). Type aliases are names, not types: `pub type B = A;` adds no
//! type, and a field of type `B` has the type `A`.
//!
//! Shared by the generator's tests (`tests/distinct_shapes.rs`) and the workspace's
//! (`tests/tests/type_shapes.rs`, which includes this file by path).

#![allow(dead_code)]

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use std::collections::BTreeMap;
use syn::visit::Visit;

/// The generated types of one client.
#[derive(Debug, Default)]
pub struct TypeInventory {
    /// Structs and enums, in source order: (name, shape).
    pub types: Vec<(String, String)>,
    pub structs: usize,
    pub enums: usize,
    /// Type aliases, by name: their target, as tokens.
    pub aliases: BTreeMap<String, TokenStream>,
}

impl TypeInventory {
    /// Reads the `types` module of generated source (all items when it has none).
    pub fn of(source: &str) -> Self {
        let file = syn::parse_file(source).unwrap_or_else(|error| panic!("not Rust: {error}"));
        let items = types_module(&file.items).unwrap_or(&file.items);
        let mut inventory = Self::default();
        let mut values = EnumValues::default();
        for item in items {
            match item {
                syn::Item::Type(alias) => {
                    inventory
                        .aliases
                        .insert(alias.ident.to_string(), alias.ty.to_token_stream());
                }
                syn::Item::Impl(block) => values.read(block),
                _ => {}
            }
        }
        for item in items {
            match item {
                syn::Item::Struct(item) => {
                    inventory.structs += 1;
                    let shape = format!("struct {}", inventory.fields_shape(&item.fields));
                    inventory.types.push((item.ident.to_string(), shape));
                }
                syn::Item::Enum(item) => {
                    inventory.enums += 1;
                    let name = item.ident.to_string();
                    let wire = values.of.get(&name);
                    let mut shape = String::from("enum");
                    for variant in &item.variants {
                        let variant_name = variant.ident.to_string();
                        let value = wire
                            .and_then(|values| values.get(&variant_name))
                            .cloned()
                            .or_else(|| serde_rename(&variant.attrs))
                            .unwrap_or_default();
                        let fields = inventory.fields_shape(&variant.fields);
                        shape.push_str(&format!(" | {variant_name} = {value} {fields}"));
                    }
                    inventory.types.push((name, shape));
                }
                _ => {}
            }
        }
        inventory
    }

    /// Groups of type names that share a shape (each group in source order).
    pub fn duplicate_shapes(&self) -> Vec<Vec<String>> {
        let mut by_shape: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (name, shape) in &self.types {
            by_shape.entry(shape).or_default().push(name.clone());
        }
        let mut groups: Vec<Vec<String>> = by_shape
            .into_values()
            .filter(|names| names.len() > 1)
            .collect();
        groups.sort();
        groups
    }

    /// Every name the module defines (structs, enums, aliases), longest first.
    pub fn longest_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .types
            .iter()
            .map(|(name, _)| name.as_str())
            .chain(self.aliases.keys().map(String::as_str))
            .collect();
        names.sort_by_key(|name| (std::cmp::Reverse(name.len()), *name));
        names
    }

    /// Panics listing the types of `label` that share a shape.
    pub fn assert_distinct_shapes(&self, label: &str) {
        let groups = self.duplicate_shapes();
        assert!(
            groups.is_empty(),
            "{label}: {} groups of generated types share a shape:\n{}",
            groups.len(),
            groups
                .iter()
                .map(|names| format!("  {}", names.join(", ")))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    /// Panics naming the types of `label` whose names are longer than `limit` characters.
    pub fn assert_names_at_most(&self, label: &str, limit: usize) {
        let long: Vec<&str> = self
            .longest_names()
            .into_iter()
            .filter(|name| name.chars().count() > limit)
            .collect();
        assert!(
            long.is_empty(),
            "{label}: {} type names are longer than {limit} characters: {}",
            long.len(),
            long.join(", ")
        );
    }

    /// `Name: type, …` of struct or variant fields, with aliases resolved.
    fn fields_shape(&self, fields: &syn::Fields) -> String {
        let parts: Vec<String> = fields
            .iter()
            .enumerate()
            .map(|(index, field)| {
                let name = field
                    .ident
                    .as_ref()
                    .map_or_else(|| index.to_string(), ToString::to_string);
                let wire = serde_rename(&field.attrs).unwrap_or_else(|| name.clone());
                let ty = self.resolve(field.ty.to_token_stream(), 0);
                format!("{name} ({wire}{}): {ty}", serde_attrs(&field.attrs))
            })
            .collect();
        format!("{{{}}}", parts.join(", "))
    }

    /// `tokens` with every alias replaced by what it stands for.
    fn resolve(&self, tokens: TokenStream, depth: usize) -> TokenStream {
        assert!(depth <= self.aliases.len(), "aliases name themselves");
        tokens
            .into_iter()
            .flat_map(|token| match token {
                TokenTree::Ident(ident) => match self.aliases.get(&ident.to_string()) {
                    Some(target) => self.resolve(target.clone(), depth + 1),
                    None => TokenTree::Ident(ident).into(),
                },
                TokenTree::Group(group) => {
                    let inner = self.resolve(group.stream(), depth);
                    let mut resolved = proc_macro2::Group::new(group.delimiter(), inner);
                    resolved.set_span(group.span());
                    TokenTree::Group(resolved).into()
                }
                other => TokenStream::from(other),
            })
            .collect()
    }
}

/// The items of `pub mod types { … }`.
fn types_module(items: &[syn::Item]) -> Option<&[syn::Item]> {
    items.iter().find_map(|item| match item {
        syn::Item::Mod(module) if module.ident == "types" => {
            module.content.as_ref().map(|(_, items)| items.as_slice())
        }
        _ => None,
    })
}

/// The wire values of enum variants, read from the match arms of the enum's impl blocks
/// (`Self::Draft => 0`, `Self::Minutes => "minutes"`).
#[derive(Default)]
struct EnumValues {
    of: BTreeMap<String, BTreeMap<String, String>>,
}

impl EnumValues {
    fn read(&mut self, block: &syn::ItemImpl) {
        let syn::Type::Path(self_ty) = block.self_ty.as_ref() else {
            return;
        };
        let Some(name) = self_ty.path.get_ident() else {
            return;
        };
        let mut arms = Arms::default();
        arms.visit_item_impl(block);
        let values = self.of.entry(name.to_string()).or_default();
        for (variant, value) in arms.found {
            values.entry(variant).or_insert(value);
        }
    }
}

/// `Self::Variant => literal` arms.
#[derive(Default)]
struct Arms {
    found: Vec<(String, String)>,
}

impl<'ast> Visit<'ast> for Arms {
    fn visit_arm(&mut self, arm: &'ast syn::Arm) {
        let literal = match arm.body.as_ref() {
            syn::Expr::Lit(_) | syn::Expr::Unary(_) => Some(arm.body.to_token_stream()),
            _ => None,
        };
        if let (syn::Pat::Path(path), Some(literal)) = (&arm.pat, literal) {
            let segments: Vec<String> = path
                .path
                .segments
                .iter()
                .map(|segment| segment.ident.to_string())
                .collect();
            if let [first, variant] = segments.as_slice()
                && first == "Self"
            {
                self.found.push((variant.clone(), literal.to_string()));
            }
        }
        syn::visit::visit_arm(self, arm);
    }
}

/// The field's `#[serde(…)]` attributes: how it is written (`skip_serializing_if`, `default`,
/// `flatten`) is part of its shape, so a required nullable field (always written, `null`
/// included) and an optional one (left out when absent) of the same type differ.
fn serde_attrs(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
        .map(|attr| format!(" {}", attr.meta.to_token_stream()))
        .collect()
}

/// The `rename = "…"` of a `#[serde(…)]` attribute.
fn serde_rename(attrs: &[syn::Attribute]) -> Option<String> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
        .find_map(|attr| {
            let syn::Meta::List(list) = &attr.meta else {
                return None;
            };
            let tokens: Vec<TokenTree> = list.tokens.clone().into_iter().collect();
            tokens.windows(3).find_map(|window| match window {
                [
                    TokenTree::Ident(key),
                    TokenTree::Punct(eq),
                    TokenTree::Literal(value),
                ] if key == "rename" && eq.as_char() == '=' => Some(value.to_string()),
                _ => None,
            })
        })
}
