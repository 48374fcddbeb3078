//! `generate_api!`: expands an OpenAPI 3.0 or 3.1 document into a typed client, in place.
//!
//! ```ignore
//! instantly_codegen_macro::generate_api!(spec = "openapi.yaml");
//! // or with settings:
//! instantly_codegen_macro::generate_api!(
//!     spec = "openapi.yaml",
//!     runtime = "::instantly_runtime",
//!     env_var = "MY_API_KEY",
//!     base_url_env_var = "MY_BASE_URL", // from_env reads it when set (default: not read)
//!     user_agent = "my-app/1.0",
//!     base_url = "https://api.example.com",
//!     derives = ["Eq"],
//!     strict = "true", // an operation it cannot send is an error (default: left out)
//! );
//! ```
//!
//! The path is relative to the invoking crate's `CARGO_MANIFEST_DIR`. The expansion includes the
//! file with `include_bytes!`, so editing it re-runs the macro. A missing file, a YAML/JSON syntax
//! error (with its line) or an unsupported construct (with its JSON pointer) is a compile error at
//! the macro call. The invoking crate depends on `instantly-runtime`, which generated code uses.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::quote;
use std::path::PathBuf;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Ident, LitStr, Token, bracketed};

#[proc_macro]
pub fn generate_api(input: TokenStream) -> TokenStream {
    match syn::parse::<Arguments>(input).and_then(expand) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// One `name = value` argument; values are string literals or `[…]` lists of them.
struct Argument {
    name: Ident,
    values: Vec<LitStr>,
}

impl Parse for Argument {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let name: Ident = input.parse()?;
        input.parse::<Token![=]>()?;
        let values = if input.peek(syn::token::Bracket) {
            let content;
            bracketed!(content in input);
            Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?
                .into_iter()
                .collect()
        } else {
            vec![input.parse()?]
        };
        Ok(Self { name, values })
    }
}

struct Arguments(Vec<Argument>);

impl Parse for Arguments {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        Ok(Self(
            Punctuated::<Argument, Token![,]>::parse_terminated(input)?
                .into_iter()
                .collect(),
        ))
    }
}

fn expand(arguments: Arguments) -> syn::Result<TokenStream2> {
    let mut spec: Option<LitStr> = None;
    let mut settings = instantly_codegen::Settings::default();
    // The invoking scope imports the runtime names it uses; re-exports could clash with them.
    settings.reexport_runtime = false;
    for argument in arguments.0 {
        let single = || match argument.values.as_slice() {
            [value] => Ok(value.clone()),
            _ => Err(syn::Error::new(argument.name.span(), "expected one string")),
        };
        match argument.name.to_string().as_str() {
            "spec" => spec = Some(single()?),
            "runtime" => settings.runtime_path = single()?.value(),
            "env_var" => settings.api_key_env_var = Some(single()?.value()),
            "base_url_env_var" => settings.base_url_env_var = Some(single()?.value()),
            "user_agent" => settings.user_agent = Some(single()?.value()),
            "base_url" => settings.base_url = Some(single()?.value()),
            "strict" => {
                let value = single()?;
                settings.strict = match value.value().as_str() {
                    "true" => true,
                    "false" => false,
                    _ => {
                        return Err(syn::Error::new(
                            value.span(),
                            "expected \"true\" or \"false\"",
                        ));
                    }
                };
            }
            "derives" => {
                settings.extra_derives = argument.values.iter().map(LitStr::value).collect()
            }
            other => {
                let message = format!(
                    "unknown argument `{other}`; expected spec, runtime, env_var, base_url_env_var, user_agent, base_url, derives or strict"
                );
                return Err(syn::Error::new(argument.name.span(), message));
            }
        }
    }
    let Some(spec) = spec else {
        return Err(syn::Error::new(
            Span::call_site(),
            "missing `spec = \"path/to/openapi.yaml\"`",
        ));
    };
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let path = PathBuf::from(manifest_dir).join(spec.value());
    // Messages name the path as written, not the absolute one, so they read the same on every machine.
    let text = std::fs::read_to_string(&path).map_err(|error| {
        let message = format!(
            "cannot read {:?} (relative to CARGO_MANIFEST_DIR): {error}",
            spec.value()
        );
        syn::Error::new(spec.span(), message)
    })?;
    let generated = instantly_codegen::load_document(&text)
        .and_then(|document| instantly_codegen::generate_tokens(&document, &settings))
        .map_err(|error| syn::Error::new(spec.span(), format!("{}: {error}", spec.value())))?;
    let tokens = generated.tokens;
    let tracked = path.display().to_string();
    Ok(quote! {
        // Makes the compiler track the document, so editing it re-runs this macro.
        const _: &[u8] = include_bytes!(#tracked);
        #tokens
    })
}
