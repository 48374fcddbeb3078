//! Operations → the `Client`, its builder, and one request builder per operation.

use super::{BodyEncoding, CursorTarget, Operation, Response};
use crate::doc;
use crate::names;
use crate::settings::ErrorBodyFields;
use crate::types::emit::Ctx;
use crate::types::{TypeExpr, TypeKind};
use proc_macro2::TokenStream;
use quote::quote;

/// Arguments beyond which clippy's `too_many_arguments` would fire on a client method.
const MAX_ARGUMENTS: usize = 7;

/// Settings the client needs besides the types.
pub(crate) struct ClientSettings<'a> {
    pub(crate) base_url: &'a str,
    pub(crate) api_key_env_var: &'a str,
    pub(crate) base_url_env_var: Option<&'a str>,
    pub(crate) user_agent: Option<&'a str>,
    pub(crate) error_body: Option<&'a ErrorBodyFields>,
    pub(crate) docs: Vec<String>,
}

pub(crate) fn emit_builders(ctx: &Ctx<'_>, operations: &[Operation]) -> TokenStream {
    let builders = operations
        .iter()
        .map(|operation| emit_builder(ctx, operation));
    quote! { #( #builders )* }
}

/// The declared type of an argument or setter value; strings take `impl Into<String>`.
fn input_ty(ctx: &Ctx<'_>, ty: &TypeExpr, prefix: &TokenStream) -> (TokenStream, bool) {
    match ty {
        TypeExpr::String => (quote!(impl Into<String>), true),
        other => (ctx.ty(other, prefix), false),
    }
}

fn emit_builder(ctx: &Ctx<'_>, operation: &Operation) -> TokenStream {
    let rt = &ctx.rt;
    let models = quote!(types::);
    let name = names::ident(&operation.builder_name);
    let summary = format!(
        "Request builder for `{} {}` (`Client::{}`): set optional parameters, then `send`.",
        operation.http_method, operation.path, operation.method_name
    );
    let struct_doc = doc::attrs([summary.as_str()]);

    let params: Vec<_> = operation
        .query_params
        .iter()
        .chain(&operation.header_params)
        .collect();
    let param_fields = params.iter().map(|param| {
        let ident = names::ident(&param.rust_name);
        let ty = ctx.ty(&param.ty, &models);
        if param.required {
            quote!(pub(super) #ident: #ty,)
        } else {
            quote!(pub(super) #ident: Option<#ty>,)
        }
    });
    let body_field = operation.body.as_ref().map(|body| {
        let ty = ctx.ty(&body.ty, &models);
        if body.required {
            quote!(pub(super) body: #ty,)
        } else {
            quote!(pub(super) body: Option<#ty>,)
        }
    });

    let setters = params.iter().filter(|param| !param.required).map(|param| {
        let ident = names::ident(&param.rust_name);
        let docs = doc::attrs(param.docs.iter().map(String::as_str));
        let (ty, convert) = input_ty(ctx, &param.ty, &models);
        let value = if convert {
            quote!(value.into())
        } else {
            quote!(value)
        };
        quote! {
            #docs
            pub fn #ident(mut self, value: #ty) -> Self {
                self.#ident = Some(#value);
                self
            }
        }
    });
    let body_setter = operation
        .body
        .as_ref()
        .filter(|body| !body.required)
        .map(|body| {
            let docs = doc::attrs(body.docs.iter().map(String::as_str));
            let ty = ctx.ty(&body.ty, &models);
            quote! {
                #docs
                pub fn body(mut self, value: #ty) -> Self {
                    self.body = Some(value);
                    self
                }
            }
        });

    let options = emit_option_setters(
        ctx,
        operation,
        &response_ty(ctx, &operation.response, &models),
    );
    let send = emit_send(ctx, operation, &models);
    let stream = emit_stream(ctx, operation, &models);
    quote! {
        #struct_doc
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until it is sent"]
        pub struct #name {
            pub(super) client: super::Client,
            pub(super) path: String,
            #( #param_fields )*
            #body_field
            pub(super) options: #rt::RequestOptions,
        }

        impl #name {
            #( #setters )*
            #body_setter
            #options
            #send
            #stream
        }
    }
}

/// `send` and the per-request methods (timeout, retry policy, extra query parameters and
/// headers), defined once in the runtime's `__request_options!`; the opt-in to retry only where
/// it changes something.
fn emit_option_setters(ctx: &Ctx<'_>, operation: &Operation, output: &TokenStream) -> TokenStream {
    let rt = &ctx.rt;
    let opt_in = (!operation.is_idempotent()).then(|| quote!(, non_idempotent));
    quote! {
        #rt::request_options!(send -> #output #opt_in);
    }
}

fn response_ty(ctx: &Ctx<'_>, response: &Response, models: &TokenStream) -> TokenStream {
    match response {
        Response::Json(ty) => ctx.ty(ty, models),
        Response::Empty => quote!(()),
        Response::Bytes => quote!(Vec<u8>),
    }
}

fn emit_send(ctx: &Ctx<'_>, operation: &Operation, models: &TokenStream) -> TokenStream {
    let rt = &ctx.rt;
    let operation_name = operation.method_name.as_str();
    let method = names::ident(operation.http_method.as_str());
    let output = response_ty(ctx, &operation.response, models);

    let query = (!operation.query_params.is_empty()).then(|| {
        let adds = operation.query_params.iter().map(|param| {
            let ident = names::ident(&param.rust_name);
            let name = param.json_name.as_str();
            if param.explode {
                quote!(query.add(#name, &self.#ident);)
            } else {
                quote!(query.add_joined(#name, &self.#ident);)
            }
        });
        quote! {
            let mut query = #rt::QueryPairs::new();
            #( #adds )*
            let request = request.query(query);
        }
    });
    let headers = operation.header_params.iter().map(|param| {
        let ident = names::ident(&param.rust_name);
        let name = param.json_name.as_str();
        if param.required {
            quote!(let request = request.header(#name, &self.#ident);)
        } else {
            quote! {
                let request = match &self.#ident {
                    Some(value) => request.header(#name, value),
                    None => request,
                };
            }
        }
    });
    let body = operation
        .body
        .as_ref()
        .map(|body| match (&body.encoding, body.required) {
            (BodyEncoding::Json, true) => quote!(let request = request.json(&self.body)?;),
            (BodyEncoding::Json, false) => quote! {
                let request = match &self.body {
                    Some(body) => request.json(body)?,
                    None => request,
                };
            },
            (BodyEncoding::Form, true) => quote!(let request = request.form(&self.body)?;),
            (BodyEncoding::Form, false) => quote! {
                let request = match &self.body {
                    Some(body) => request.form(body)?,
                    None => request,
                };
            },
            (BodyEncoding::Bytes(content_type), true) => {
                quote!(let request = request.bytes(#content_type, self.body);)
            }
            (BodyEncoding::Bytes(content_type), false) => quote! {
                let request = match self.body {
                    Some(body) => request.bytes(#content_type, body),
                    None => request,
                };
            },
            (BodyEncoding::Multipart, required) => {
                let form = emit_multipart(ctx, &body.ty, operation_name);
                if required {
                    quote! {
                        let body = &self.body;
                        let request = request.multipart(#form);
                    }
                } else {
                    quote! {
                        let request = match &self.body {
                            Some(body) => request.multipart(#form),
                            None => request,
                        };
                    }
                }
            }
        });
    let execute = match &operation.response {
        Response::Json(_) => quote!(send_json_with_response),
        Response::Empty => quote!(send_empty_with_response),
        Response::Bytes => quote!(send_bytes_with_response),
    };
    // A list sent as POST is a read: retried like a GET.
    let idempotent = (operation.is_idempotent() && operation.http_method == super::Method::Post)
        .then(|| quote!(.idempotent(true)));
    quote! {
        /// Sends the request; the response keeps its status and headers.
        pub async fn send_with_response(self) -> #rt::Result<#rt::ResponseValue<#output>> {
            let request = #rt::Request::new(#operation_name, #rt::Method::#method, self.path);
            let request = request.options(self.options) #idempotent;
            #query
            #( #headers )*
            #body
            self.client.transport.#execute(request).await
        }
    }
}

/// The `rt::Multipart` of `body`: for a generated struct a part per field (file parts for
/// binary fields, text for the rest, its additional properties as text too); for any other
/// type a text part per property of its JSON.
fn emit_multipart(ctx: &Ctx<'_>, ty: &TypeExpr, operation_name: &str) -> TokenStream {
    let rt = &ctx.rt;
    let fields = match ctx.space.unalias(ty) {
        TypeExpr::Named(id) => match &ctx.space[*id].kind {
            TypeKind::Struct { fields, .. } => Some(fields),
            _ => None,
        },
        _ => None,
    };
    let Some(fields) = fields else {
        return quote!(#rt::Multipart::from_value(#operation_name, body)?);
    };
    let parts = fields.iter().map(|field| {
        let ident = names::ident(&field.rust_name);
        let name = field.json_name.as_str();
        if holds_files(&field.ty) {
            quote!(form.file(#name, &body.#ident);)
        } else {
            quote!(form.text(#operation_name, #name, &body.#ident)?;)
        }
    });
    quote!({
        let mut form = #rt::Multipart::new();
        #( #parts )*
        for (name, value) in &body.additional_properties {
            form.text(#operation_name, name, value)?;
        }
        form
    })
}

/// A file part, alone or in a list or an option.
fn holds_files(ty: &TypeExpr) -> bool {
    match ty {
        TypeExpr::File => true,
        TypeExpr::List(inner) | TypeExpr::Optional(inner) => holds_files(inner),
        _ => false,
    }
}

fn emit_stream(ctx: &Ctx<'_>, operation: &Operation, models: &TokenStream) -> Option<TokenStream> {
    let rt = &ctx.rt;
    let pagination = operation.pagination.as_ref()?;
    let item = ctx.ty(&pagination.item_ty, models);
    let set_cursor = match &pagination.cursor {
        CursorTarget::Query(field) => {
            let field = names::ident(field);
            quote!(request.#field = Some(cursor);)
        }
        CursorTarget::Body {
            field,
            optional_body: false,
        } => {
            let field = names::ident(field);
            quote!(request.body.#field = cursor.into();)
        }
        CursorTarget::Body {
            field,
            optional_body: true,
        } => {
            let field = names::ident(field);
            quote!(request.body.get_or_insert_with(Default::default).#field = cursor.into();)
        }
    };
    let items = names::ident(&pagination.items_field);
    let next = names::ident(&pagination.cursor_field);
    Some(quote! {
        /// Every item across all pages, each page fetched when the previous one is used up.
        /// The stream ends after an empty page or a page without a next cursor.
        pub fn into_stream(self) -> #rt::PageStream<#item> {
            #rt::page_stream(self, |mut request: Self, cursor: Option<String>| async move {
                if let Some(cursor) = cursor {
                    #set_cursor
                }
                let page = request.send().await?;
                Ok(#rt::Page::new(page.#items, page.#next))
            })
        }
    })
}

/// The `Client` with one method per operation, and its `ClientBuilder`.
pub(crate) fn emit_client(
    ctx: &Ctx<'_>,
    operations: &[Operation],
    settings: &ClientSettings<'_>,
) -> TokenStream {
    let rt = &ctx.rt;
    let docs = doc::attrs(settings.docs.iter().map(String::as_str));
    let base_url = settings.base_url;
    let env_var = settings.api_key_env_var;
    let user_agent = settings.user_agent.map(|agent| {
        let agent = user_agent_expression(agent);
        quote!(.user_agent(#agent))
    });
    let error_shape = settings.error_body.map(|fields| {
        let ErrorBodyFields {
            status_code,
            error,
            message,
        } = fields;
        quote!(.error_shape(#rt::ErrorShape::new(#status_code, #error, #message)))
    });
    let common = match settings.base_url_env_var {
        Some(name) => quote!(#rt::client!(Client, base_url_env_var = #name);),
        None => quote!(#rt::client!(Client);),
    };
    let methods = operations
        .iter()
        .map(|operation| emit_method(ctx, operation));
    quote! {
        #docs
        #[derive(Debug, Clone)]
        pub struct Client {
            pub(super) transport: #rt::Transport,
        }

        /// Configures a [`Client`]: base URL, API key, timeouts, retry policy, rate limits.
        pub type ClientBuilder = #rt::ClientBuilder<Client>;

        #common

        impl Client {
            /// The base URL the document names.
            pub const DEFAULT_BASE_URL: &'static str = #base_url;
            /// The environment variable `from_env` reads the API key from.
            pub const API_KEY_ENV_VAR: &'static str = #env_var;

            /// Configure base URL, timeout, user agent or the `reqwest::Client` to use.
            pub fn builder() -> ClientBuilder {
                let transport = #rt::Transport::builder(Self::DEFAULT_BASE_URL) #user_agent #error_shape;
                ClientBuilder::new(transport)
            }

            #( #methods )*
        }
    }
}

/// The user agent as a string literal, or `concat!` with the compiling crate's version where
/// the setting says `{version}`.
fn user_agent_expression(agent: &str) -> TokenStream {
    match agent.split_once("{version}") {
        Some((before, after)) => quote!(concat!(#before, env!("CARGO_PKG_VERSION"), #after)),
        None => quote!(#agent),
    }
}

fn emit_method(ctx: &Ctx<'_>, operation: &Operation) -> TokenStream {
    let rt = &ctx.rt;
    let models = quote!(types::);
    let docs = doc::attrs(operation.docs.iter().map(String::as_str));
    let name = names::ident(&operation.method_name);
    let builder = names::ident(&operation.builder_name);

    let mut arguments: Vec<TokenStream> = Vec::new();
    let mut initialisers: Vec<TokenStream> = Vec::new();
    for param in &operation.path_params {
        let ident = names::ident(&param.rust_name);
        let ty = match &param.ty {
            TypeExpr::String => quote!(&str),
            other => ctx.ty(other, &models),
        };
        arguments.push(quote!(#ident: #ty));
    }
    for param in operation
        .query_params
        .iter()
        .chain(&operation.header_params)
    {
        let ident = names::ident(&param.rust_name);
        if param.required {
            let (ty, convert) = input_ty(ctx, &param.ty, &models);
            arguments.push(quote!(#ident: #ty));
            initialisers.push(if convert {
                quote!(#ident: #ident.into(),)
            } else {
                quote!(#ident,)
            });
        } else {
            initialisers.push(quote!(#ident: None,));
        }
    }
    if let Some(body) = &operation.body {
        if body.required {
            let ty = ctx.ty(&body.ty, &models);
            arguments.push(quote!(body: #ty));
            initialisers.push(quote!(body,));
        } else {
            initialisers.push(quote!(body: None,));
        }
    }

    let path = path_expression(rt, operation);
    let allow =
        (arguments.len() + 1 > MAX_ARGUMENTS).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        #docs
        #allow
        pub fn #name(&self #(, #arguments)*) -> builders::#builder {
            builders::#builder {
                client: self.clone(),
                path: #path,
                #( #initialisers )*
                options: Default::default(),
            }
        }
    }
}

/// `"/a/b".to_owned()` or `format!("/a/{}", encode_path_segment(id))`.
fn path_expression(rt: &TokenStream, operation: &Operation) -> TokenStream {
    let mut template = String::new();
    let mut arguments: Vec<TokenStream> = Vec::new();
    let mut rest = operation.path.as_str();
    while let Some(start) = rest.find('{') {
        let (literal, after) = rest.split_at(start);
        template.push_str(&literal.replace('}', "}}"));
        let Some(end) = after.find('}') else {
            template.push_str(&after.replace('{', "{{"));
            rest = "";
            break;
        };
        let name = &after[1..end];
        match operation
            .path_params
            .iter()
            .find(|param| param.json_name == name)
        {
            Some(param) => {
                let ident = names::ident(&param.rust_name);
                template.push_str("{}");
                arguments.push(quote!(#rt::encode_path_segment(#ident)));
            }
            None => template.push_str(&format!("{{{{{name}}}}}")),
        }
        rest = &after[end + 1..];
    }
    template.push_str(&rest.replace('{', "{{").replace('}', "}}"));
    if arguments.is_empty() {
        let literal = template.replace("{{", "{").replace("}}", "}");
        quote!(#literal.to_owned())
    } else {
        quote!(format!(#template #(, #arguments)*))
    }
}
