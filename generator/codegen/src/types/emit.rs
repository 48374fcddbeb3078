//! Planned types → Rust items.

use super::plan::EXTRA_FIELD;
use super::{Field, TypeDef, TypeExpr, TypeKind, TypeSpace, enums};
use crate::doc;
use crate::names;
use proc_macro2::TokenStream;
use quote::quote;

/// What every emitter needs: how to spell the runtime and where the models live.
pub(crate) struct Ctx<'a> {
    pub(crate) space: &'a TypeSpace,
    /// How generated code spells the runtime: `rt`, the alias each generated module imports
    /// (the full path, such as `::instantly_runtime`, for types named from outside).
    pub(crate) rt: TokenStream,
    pub(crate) extra_derives: Vec<TokenStream>,
}

impl Ctx<'_> {
    /// The tokens of a type; `prefix` qualifies model names from outside the models module.
    pub(crate) fn ty(&self, expr: &TypeExpr, prefix: &TokenStream) -> TokenStream {
        let rt = &self.rt;
        match expr {
            TypeExpr::String => quote!(String),
            TypeExpr::Bool => quote!(bool),
            TypeExpr::Int(name) | TypeExpr::Float(name) => {
                let ident = names::ident(name);
                quote!(#ident)
            }
            TypeExpr::Uuid => quote!(#rt::uuid::Uuid),
            TypeExpr::DateTime => quote!(#rt::chrono::DateTime<#rt::chrono::Utc>),
            TypeExpr::Date => quote!(#rt::Date),
            TypeExpr::Json => quote!(#rt::serde_json::Value),
            TypeExpr::JsonObject => quote!(#rt::JsonObject),
            TypeExpr::File => quote!(#rt::FilePart),
            TypeExpr::Named(id) => {
                let ident = names::ident(&self.space[*id].name);
                quote!(#prefix #ident)
            }
            TypeExpr::List(inner) => {
                let inner = self.ty(inner, prefix);
                quote!(Vec<#inner>)
            }
            TypeExpr::Map(inner) => {
                let inner = self.ty(inner, prefix);
                quote!(::std::collections::BTreeMap<String, #inner>)
            }
            TypeExpr::Optional(inner) => {
                let inner = self.ty(inner, prefix);
                quote!(Option<#inner>)
            }
        }
    }

    /// The declared type of a struct field: presence and nullability decide the wrapper.
    pub(crate) fn field_ty(&self, field: &Field, prefix: &TokenStream) -> TokenStream {
        let rt = &self.rt;
        let inner = self.ty(&field.ty, prefix);
        let inner = if field.boxed {
            quote!(Box<#inner>)
        } else {
            inner
        };
        match (field.required, field.nullable) {
            (true, false) => inner,
            (true, true) | (false, false) => quote!(Option<#inner>),
            (false, true) => quote!(#rt::Nullable<#inner>),
        }
    }

    /// The runtime path as text, for serde attributes that take a string.
    fn rt_text(&self) -> String {
        self.rt.to_string().replace(' ', "")
    }

    fn serde_crate(&self) -> String {
        format!("{}::serde", self.rt_text())
    }
}

pub(crate) fn emit_def(ctx: &Ctx<'_>, index: usize, def: &TypeDef) -> TokenStream {
    let name = names::ident(&def.name);
    let mut paragraphs: Vec<&str> = def.docs.iter().map(String::as_str).collect();
    let truncation = match &def.kind {
        TypeKind::StringEnum { truncated, .. } | TypeKind::IntegerEnum { truncated, .. } => {
            enums::truncation_doc(*truncated)
        }
        _ => None,
    };
    paragraphs.extend(truncation.as_deref());
    let docs = doc::attrs(paragraphs);
    let rt = &ctx.rt;
    let serde_crate = ctx.serde_crate();
    let here = TokenStream::new();
    match &def.kind {
        TypeKind::Struct { fields, extra } => {
            let default = def.default.then(|| quote!(Default,));
            let extra_derives = &ctx.extra_derives;
            let field_list = fields;
            let fields = fields.iter().map(|field| emit_field(ctx, field));
            let extra_name = names::ident(EXTRA_FIELD);
            let extra_ty = match extra {
                TypeExpr::Json => quote!(#rt::JsonObject),
                value => {
                    let value = ctx.ty(value, &here);
                    quote!(::std::collections::BTreeMap<String, #value>)
                }
            };
            let model = emit_model(ctx, &name, field_list);
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, #default #rt::Serialize #(, #extra_derives)*)]
                #[serde(crate = #serde_crate)]
                pub struct #name {
                    #( #fields )*
                    /// Properties the document does not list, kept as received so they survive a round trip.
                    #[serde(flatten)]
                    pub #extra_name: #extra_ty,
                }

                #model
            }
        }
        TypeKind::StringEnum { .. } | TypeKind::IntegerEnum { .. } => {
            let builtin = ["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash"];
            let extra: Vec<TokenStream> = ctx
                .extra_derives
                .iter()
                .filter(|derive| {
                    let text = derive.to_string();
                    let last = text.rsplit("::").next().unwrap_or_default().trim();
                    !builtin.contains(&last)
                })
                .cloned()
                .collect();
            enums::emit(&name, &docs, &def.kind, &extra, rt)
        }
        TypeKind::Union { variants } => {
            let extra_derives = &ctx.extra_derives;
            let variants = variants.iter().map(|variant| {
                let ident = names::ident(&variant.name);
                let ty = ctx.ty(&variant.ty, &here);
                let ty = if variant.boxed { quote!(Box<#ty>) } else { ty };
                quote!(#ident(#ty),)
            });
            let scalar = ctx.space.is_scalar(&TypeExpr::Named(super::TypeId(index)));
            let text_impls = scalar.then(|| {
                let idents: Vec<_> = variants_of(&def.kind)
                    .iter()
                    .map(|variant| names::ident(&variant.name))
                    .collect();
                quote! {
                    impl ::std::fmt::Display for #name {
                        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                            match self {
                                #( Self::#idents(value) => ::std::fmt::Display::fmt(value, f), )*
                            }
                        }
                    }

                    impl #rt::QueryParam for #name {
                        fn query_values(&self, out: &mut Vec<String>) {
                            match self {
                                #( Self::#idents(value) => #rt::QueryParam::query_values(value, out), )*
                            }
                        }
                    }
                }
            });
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, #rt::Serialize, #rt::Deserialize #(, #extra_derives)*)]
                #[serde(crate = #serde_crate, untagged)]
                #[allow(clippy::large_enum_variant)]
                #[non_exhaustive]
                pub enum #name {
                    #( #variants )*
                }

                #text_impls
            }
        }
        TypeKind::Alias(target) => {
            let target = ctx.ty(target, &here);
            quote! {
                #docs
                pub type #name = #target;
            }
        }
        TypeKind::Newtype(target) => {
            let target = ctx.ty(target, &here);
            let extra_derives = &ctx.extra_derives;
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, #rt::Serialize, #rt::Deserialize #(, #extra_derives)*)]
                #[serde(crate = #serde_crate, transparent)]
                pub struct #name(pub #target);
            }
        }
    }
}

fn variants_of(kind: &TypeKind) -> &[super::UnionVariant] {
    match kind {
        TypeKind::Union { variants } => variants,
        _ => &[],
    }
}

/// The struct's constructor and `Deserialize` (`rt::model!`): the required fields as the
/// constructor's parameters, then the optional ones, each with its JSON name when that is not
/// its Rust name.
fn emit_model(ctx: &Ctx<'_>, name: &proc_macro2::Ident, fields: &[Field]) -> TokenStream {
    let rt = &ctx.rt;
    let here = TokenStream::new();
    let key = |field: &Field| {
        let ident = names::ident(&field.rust_name);
        let json_name = &field.json_name;
        let json = (field.rust_name != field.json_name).then(|| quote!(= #json_name));
        // The runtime reads timestamps through chrono's strict RFC 3339 parser first.
        let with = holds_timestamps(&field.ty).then(|| quote!(with timestamp));
        quote!(#ident #json #with)
    };
    let required: Vec<TokenStream> = fields
        .iter()
        .filter(|field| field.required)
        .map(|field| {
            let key = key(field);
            // A text parameter takes anything that becomes a `String` (`"literal"` included),
            // a file part anything that becomes one (`Vec<u8>`, `&[u8]`).
            let ty = match (&field.ty, field.nullable, field.boxed) {
                (TypeExpr::String, false, false) => quote!(impl Into<String>),
                (TypeExpr::File, false, false) => quote!(impl Into<#rt::FilePart>),
                _ => ctx.field_ty(field, &here),
            };
            quote!(#key: #ty)
        })
        .collect();
    let optional = fields.iter().filter(|field| !field.required).map(key);
    let parameters = (!required.is_empty()).then(|| quote!((#(#required),*)));
    quote! {
        #rt::model!(#name #parameters { #(#optional),* });
    }
}

/// A `date-time` value, alone or in lists and options: what `rt::model!` reads `with timestamp`.
fn holds_timestamps(ty: &TypeExpr) -> bool {
    match ty {
        TypeExpr::DateTime => true,
        TypeExpr::List(inner) | TypeExpr::Optional(inner) => holds_timestamps(inner),
        _ => false,
    }
}

fn emit_field(ctx: &Ctx<'_>, field: &Field) -> TokenStream {
    let docs = doc::attrs(field.docs.iter().map(String::as_str));
    let name = names::ident(&field.rust_name);
    let ty = ctx.field_ty(field, &TokenStream::new());
    let rename = (names::unraw(&field.rust_name) != field.json_name).then(|| {
        let json_name = &field.json_name;
        quote!(#[serde(rename = #json_name)])
    });
    let presence = match (field.required, field.nullable) {
        (false, false) => Some(quote!(#[serde(default, skip_serializing_if = "Option::is_none")])),
        (false, true) => {
            let skip = format!("{}::Nullable::is_absent", ctx.rt_text());
            Some(quote!(#[serde(default, skip_serializing_if = #skip)]))
        }
        _ => None,
    };
    quote! {
        #docs
        #rename
        #presence
        pub #name: #ty,
    }
}
