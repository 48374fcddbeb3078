//! The layout of `rt::model!` invocations in formatted source: one field per line.
//!
//! prettyplease prints a macro's arguments as a filled paragraph of tokens (`Vec < T >`), so a
//! new field would reflow every line after it, and a reviewer would see a whole struct's field
//! list change. Before formatting, each invocation is swapped for a placeholder; after, the
//! placeholder's line becomes the invocation laid out here.

use proc_macro2::Ident;
use quote::quote;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Item, LitStr, Token, Type};

/// The last segment of the path of the invocations laid out (`rt::model!`).
const MACRO: &str = "model";

/// Replaces every `model!` item of `file` (nested modules included) by a placeholder and
/// returns their layouts, in placeholder order.
pub(crate) fn take_models(file: &mut syn::File) -> Vec<Model> {
    let mut models = Vec::new();
    take_from_items(&mut file.items, &mut models);
    models
}

fn take_from_items(items: &mut [Item], models: &mut Vec<Model>) {
    for item in items {
        match item {
            Item::Mod(module) => {
                if let Some((_, items)) = &mut module.content {
                    take_from_items(items, models);
                }
            }
            Item::Macro(item) if item.mac.path.segments.last().is_some_and(is_model) => {
                // An invocation this layout does not know is left to prettyplease.
                if let Ok(model) = Model::parse.parse2(item.mac.tokens.clone()) {
                    let placeholder = placeholder(models.len());
                    item.mac.tokens = quote!(#placeholder);
                    models.push(model);
                }
            }
            _ => {}
        }
    }
}

fn is_model(segment: &syn::PathSegment) -> bool {
    segment.ident == MACRO
}

fn placeholder(index: usize) -> Ident {
    quote::format_ident!("__model_layout_{index}")
}

/// Puts the laid-out invocations in place of the placeholder lines of `source`.
pub(crate) fn restore_models(source: &str, models: &[Model]) -> String {
    let mut out = String::with_capacity(source.len() + models.len() * 400);
    for line in source.lines() {
        let laid_out = line
            .strip_suffix(");")
            .and_then(|head| head.rsplit_once('('))
            .and_then(|(path, argument)| {
                let index = argument
                    .strip_prefix("__model_layout_")?
                    .parse::<usize>()
                    .ok()?;
                Some(models.get(index)?.layout(path))
            });
        match laid_out {
            Some(text) => out.push_str(&text),
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// `Name(required: Type, …) { optional, … }`, as the generator emits it.
pub(crate) struct Model {
    name: Ident,
    required: Option<Vec<(Key, Type)>>,
    optional: Vec<Key>,
}

/// A field, its JSON name when that differs from the Rust name, and how the runtime reads it
/// (`with timestamp`) when not through its `Deserialize`.
struct Key {
    field: Ident,
    json: Option<LitStr>,
    with: Option<Ident>,
}

impl Model {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let name = input.parse()?;
        let required = match input.peek(syn::token::Paren) {
            true => {
                let content;
                syn::parenthesized!(content in input);
                let entries = Punctuated::<(Key, Type), Token![,]>::parse_terminated_with(
                    &content,
                    |input| {
                        let key = Key::parse(input)?;
                        input.parse::<Token![:]>()?;
                        Ok((key, input.parse()?))
                    },
                )?;
                Some(entries.into_iter().collect())
            }
            false => None,
        };
        let content;
        syn::braced!(content in input);
        let optional = Punctuated::<Key, Token![,]>::parse_terminated_with(&content, Key::parse)?;
        Ok(Self {
            name,
            required,
            optional: optional.into_iter().collect(),
        })
    }

    /// The invocation's text: the leading whitespace of `path` is the indentation.
    fn layout(&self, path: &str) -> String {
        let indent = &path[..path.len() - path.trim_start().len()];
        let mut out = format!("{path}({}", self.name);
        if let Some(required) = &self.required {
            out.push_str("(\n");
            for (key, ty) in required {
                out.push_str(&format!("{indent}    {}: {},\n", key.text(), type_text(ty)));
            }
            out.push_str(&format!("{indent})"));
        }
        match self.optional.is_empty() {
            true => out.push_str(" {});\n"),
            false => {
                out.push_str(" {\n");
                for key in &self.optional {
                    out.push_str(&format!("{indent}    {},\n", key.text()));
                }
                out.push_str(&format!("{indent}}});\n"));
            }
        }
        out
    }
}

impl Key {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let field = input.call(syn::ext::IdentExt::parse_any)?;
        let json = match input.peek(Token![=]) {
            true => {
                input.parse::<Token![=]>()?;
                Some(input.parse()?)
            }
            false => None,
        };
        let with = match input.peek(syn::Ident) && input.fork().parse::<Ident>()? == "with" {
            true => {
                input.parse::<Ident>()?;
                Some(input.parse()?)
            }
            false => None,
        };
        Ok(Self { field, json, with })
    }

    fn text(&self) -> String {
        let mut text = self.field.to_string();
        if let Some(json) = &self.json {
            text.push_str(&format!(" = {}", quote!(#json)));
        }
        if let Some(with) = &self.with {
            text.push_str(&format!(" with {with}"));
        }
        text
    }
}

/// A type as prettyplease prints it (`Vec<T>`, not the token spacing `Vec < T >`).
fn type_text(ty: &Type) -> String {
    let file: Result<syn::File, _> = syn::parse2(quote!(type __T = #ty;));
    let printed = file.map(|file| prettyplease::unparse(&file));
    match printed.as_deref().map(str::trim) {
        Ok(text) if !text.contains('\n') => text
            .strip_prefix("type __T = ")
            .and_then(|text| text.strip_suffix(';'))
            .map_or_else(|| quote!(#ty).to_string(), str::to_owned),
        _ => quote!(#ty).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_one_field_per_line() {
        let mut file: syn::File = syn::parse2(quote! {
            mod types {
                rt::model!(A(name: impl Into<String>, r#type = "type": Option<Vec<B>>) { x, y = "Y" });
                rt::model!(B { z, at = "@" with timestamp });
                rt::model!(C(c: i64) {});
            }
        })
        .unwrap();
        let models = take_models(&mut file);
        let source = restore_models(&prettyplease::unparse(&file), &models);
        let expected = "mod types {\n    rt::model!(A(\n        name: impl Into<String>,\n        r#type = \"type\": Option<Vec<B>>,\n    ) {\n        x,\n        y = \"Y\",\n    });\n    rt::model!(B {\n        z,\n        at = \"@\" with timestamp,\n    });\n    rt::model!(C(\n        c: i64,\n    ) {});\n}\n";
        assert_eq!(source, expected);
    }
}
