//! Operations → a `dispatch` module: the table of operations and `call`, which sends any of them
//! by name with JSON arguments through the typed client (contract tests, generic tools).
//!
//! The tokens go in a module beside `types` and `Client` (they name `super::Client` and
//! `super::types`); the arguments are passed to the client method and setters in the same
//! order and with the same types as a caller would.

use super::{Operation, Param, Response};
use crate::names;
use crate::types::TypeExpr;
use crate::types::emit::Ctx;
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn emit_dispatch(ctx: &Ctx<'_>, operations: &[Operation]) -> TokenStream {
    let rt = &ctx.rt;
    let table = operations.iter().map(|operation| {
        let name = operation.method_name.as_str();
        let method = operation.http_method.as_str();
        let path = operation.path.as_str();
        quote!(#rt::dispatch::OperationInfo { name: #name, method: #method, path: #path },)
    });
    let arms = operations.iter().map(|operation| emit_arm(ctx, operation));
    quote! {
        use #rt::dispatch::{Arguments, DispatchError, Location, Output};
        #[allow(unused_imports)]
        use super::types;

        /// Every operation of the client, in the document's order.
        pub const OPERATIONS: &[#rt::dispatch::OperationInfo] = &[ #( #table )* ];

        /// Sends the operation named `operation` (its client method name) with `arguments`
        /// decoded into its typed parameters and body; returns the decoded response as JSON.
        pub async fn call(
            client: &super::Client,
            operation: &str,
            arguments: &Arguments,
        ) -> ::std::result::Result<Output, DispatchError> {
            match operation {
                #( #arms )*
                other => Err(DispatchError::UnknownOperation(other.to_owned())),
            }
        }
    }
}

fn emit_arm(ctx: &Ctx<'_>, operation: &Operation) -> TokenStream {
    let models = quote!(types::);
    let name = operation.method_name.as_str();
    let method = names::ident(&operation.method_name);

    // The client method's arguments, in its order: path, required query and header, body.
    let mut arguments: Vec<TokenStream> = operation
        .path_params
        .iter()
        .map(|param| {
            let value = required(ctx, quote!(Location::Path), param, &models);
            match param.ty {
                TypeExpr::String => quote!(&#value),
                _ => value,
            }
        })
        .collect();
    // Optional arguments: one line each, through the setter of the request builder.
    let mut setters: Vec<TokenStream> = Vec::new();
    let located = operation
        .query_params
        .iter()
        .map(|param| (quote!(Location::Query), quote!(query), param))
        .chain(
            operation
                .header_params
                .iter()
                .map(|param| (quote!(Location::Header), quote!(header), param)),
        );
    for (location, take, param) in located {
        if param.required {
            arguments.push(required(ctx, location, param, &models));
        } else {
            let ty = ctx.ty(&param.ty, &models);
            let json_name = param.json_name.as_str();
            let setter = names::ident(&param.rust_name);
            setters.push(quote! {
                let request = arguments.#take(request, #json_name, |r, v: #ty| r.#setter(v))?;
            });
        }
    }
    if let Some(body) = &operation.body {
        let ty = ctx.ty(&body.ty, &models);
        if body.required {
            arguments.push(quote!(arguments.required::<#ty>(Location::Body, "body")?));
        } else {
            setters.push(quote! {
                let request = arguments.body(request, |r, v: #ty| r.body(v))?;
            });
        }
    }
    let output = match &operation.response {
        Response::Json(_) => quote!(Output::json(#name, &request.send().await?)),
        Response::Empty => quote! {
            request.send().await?;
            Ok(Output::Empty)
        },
        Response::Bytes => quote!(Ok(Output::Bytes(request.send().await?))),
    };
    // An operation without parameters or body reads no arguments.
    let bind = (!arguments.is_empty() || !setters.is_empty())
        .then(|| quote!(let arguments = arguments.of(#name);));
    quote! {
        #name => {
            #bind
            let request = client.#method(#( #arguments ),*);
            #( #setters )*
            #output
        }
    }
}

/// A required argument decoded into the type the client method takes (strings as `String`).
fn required(
    ctx: &Ctx<'_>,
    location: TokenStream,
    param: &Param,
    models: &TokenStream,
) -> TokenStream {
    let ty = ctx.ty(&param.ty, models);
    let json_name = param.json_name.as_str();
    quote!(arguments.required::<#ty>(#location, #json_name)?)
}
