//! OpenAPI 3.0 → a typed async Rust client.
//!
//! The generator reads an [`openapiv3::OpenAPI`] document and produces Rust tokens:
//!
//! - `types`: one model per schema (structs, open enums, untagged unions), with rustdoc from the
//!   descriptions, read-only fields kept out of request types, and `Nullable<T>` where a field can
//!   be absent, `null` or a value;
//! - `builders`: one request builder per operation, `send().await` and, for operations marked
//!   `x-pagination`, `into_stream()`;
//! - `Client`: `new`, `from_env`, a builder (timeouts, retry policy, rate limits), and one
//!   method per operation;
//! - separately, [`generate_dispatch`]: a table of the operations and a `call` that sends any of
//!   them by name with JSON arguments (for contract tests and generic tools).
//!
//! The same tokens serve the proc-macro ([`generate_tokens`]) and build scripts and golden files
//! ([`generate_file`], which formats them with prettyplease). Output is deterministic: orderings
//! follow the document, never a hash map.
//!
//! Dates: `date-time` maps to `chrono::DateTime<Utc>` and `date` to the runtime's `Date`, a
//! newtype of `chrono::NaiveDate` that also reads a full timestamp (taking its date) and writes
//! `YYYY-MM-DD`. Both implement serde's traits themselves, so a date nested anywhere (`Vec<…>`,
//! `Option<…>`, `Nullable<…>`, query parameters) needs no per-field `#[serde(with = …)]`
//! attribute.
//!
//! Unsupported constructs (a request content type other than JSON or octet-stream, unresolvable
//! references, OpenAPI 3.1, a schema defined only in terms of itself) are an [`Error`] naming
//! the JSON pointer. Recursion is kept finite: fields that close a cycle are boxed, and a schema
//! that names itself through a list or map (`Tree: {items: $ref Tree}`) becomes a newtype.
//! Documented fallbacks produce a [`Warning`]: `not` schemas, `allOf` of non-objects and
//! object-valued query parameters become `serde_json::Value`; cookie parameters are left out; an
//! `x-pagination` that does not fit the planned types yields no stream.

pub mod build;
mod doc;
mod error;
pub mod extensions;
mod load;
mod names;
mod operations;
pub mod package;
mod pointer;
mod render;
mod settings;
mod stack;
mod types;

pub use error::{Error, Warning};
pub use load::{load_document, load_value};
pub use settings::{ErrorBodyFields, Settings};

use openapiv3::OpenAPI;
use proc_macro2::TokenStream;
use quote::quote;
use types::TypeExpr;
use types::analysis::{self, RequestVariants};
use types::emit::Ctx;
use types::plan::Planner;

/// The generated tokens and what was mapped by a fallback.
#[derive(Debug, Clone)]
pub struct Generated {
    pub tokens: TokenStream,
    pub warnings: Vec<Warning>,
}

/// The Rust type generated code uses for one schema of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaType {
    /// The JSON pointer of the schema (`#/components/schemas/Campaign`,
    /// `#/paths/~1campaigns/get/responses/200/content/application~1json/schema`).
    pub pointer: String,
    /// The type, as Rust source, with models qualified by the module they live in
    /// (`Vec<types::Campaign>`), `Option<…>` where the schema admits `null`.
    pub rust_type: String,
}

impl Generated {
    /// The tokens as formatted source, with a `@generated` header line.
    pub fn to_source(&self) -> Result<String, Error> {
        render::render(self.tokens.clone())
    }

    /// The tokens as one line of source, with the same header: for a build script whose
    /// output only the compiler reads. It skips the parse and pretty-print of
    /// [`Generated::to_source`], which cost two to three times the generation itself.
    pub fn to_unformatted_source(&self) -> String {
        format!("{}{}\n", render::HEADER, self.tokens)
    }
}

/// Plans and emits the whole client for `document`.
pub fn generate_tokens(document: &OpenAPI, settings: &Settings) -> Result<Generated, Error> {
    let planned = plan(document, settings)?;
    let tokens = emit_client(&planned, document, settings);
    Ok(Generated {
        tokens,
        warnings: planned.planner.warnings,
    })
}

/// The client ([`generate_tokens`]) and its dispatch module ([`generate_dispatch`]) from one
/// plan of the document, for a build that needs both: the document is read and planned once.
/// The warnings are the client's; the dispatch module's are the same and left empty.
pub fn generate_with_dispatch(
    document: &OpenAPI,
    settings: &Settings,
) -> Result<(Generated, Generated), Error> {
    let planned = plan(document, settings)?;
    let client = emit_client(&planned, document, settings);
    let dispatch = emit_dispatch(&planned);
    Ok((
        Generated {
            tokens: client,
            warnings: planned.planner.warnings,
        },
        Generated {
            tokens: dispatch,
            warnings: Vec::new(),
        },
    ))
}

fn emit_client(planned: &Planned<'_>, document: &OpenAPI, settings: &Settings) -> TokenStream {
    let ctx = planned.ctx();
    let models = planned
        .planner
        .space
        .ordered()
        .into_iter()
        .map(|id| types::emit::emit_def(&ctx, id.0, &planned.planner.space[id]));
    let models: Vec<TokenStream> = models.collect();
    let builders = operations::emit::emit_builders(&ctx, &planned.operations);
    let client_settings = operations::emit::ClientSettings {
        base_url: &base_url(document, settings),
        api_key_env_var: &api_key_env_var(document, settings),
        base_url_env_var: settings.base_url_env_var.as_deref(),
        user_agent: settings.user_agent.as_deref(),
        error_body: settings.error_body.as_ref(),
        docs: client_docs(document),
    };
    let client = operations::emit::emit_client(&ctx, &planned.operations, &client_settings);
    let use_rt = planned.use_rt();
    let runtime = &planned.rt;
    let reexports = settings.reexport_runtime.then(|| {
        quote! {
            pub use #runtime as runtime;
            pub use #runtime::{AnyRequest, ApiKey, Date, Error, ErrorBody, Nullable, PageStream, ResponseValue};
        }
    });
    quote! {
        /// Models: one type per schema of the document, plus inline schemas named after their place.
        pub mod types {
            #use_rt
            #( #models )*
        }

        /// Request builders: one per operation, returned by the `Client` methods.
        pub mod builders {
            #use_rt
            #[allow(unused_imports)]
            use super::types;
            #builders
        }

        mod client {
            #use_rt
            #[allow(unused_imports)]
            use super::{builders, types};
            #client
        }
        pub use client::{Client, ClientBuilder};
        #reexports
    }
}

/// The contents of a `dispatch` module for the client [`generate_tokens`] makes from the same
/// document and settings: `OPERATIONS`, the table of operations (name, method, path template),
/// and `call(client, name, arguments)`, which sends any operation by name with JSON arguments
/// through the typed request builders. Place the tokens in a module beside `types` and
/// `Client` (`pub mod dispatch { include!(…) }`); they need the runtime's `dispatch` types.
pub fn generate_dispatch(document: &OpenAPI, settings: &Settings) -> Result<Generated, Error> {
    let planned = plan(document, settings)?;
    let tokens = emit_dispatch(&planned);
    Ok(Generated {
        tokens,
        warnings: planned.planner.warnings,
    })
}

fn emit_dispatch(planned: &Planned<'_>) -> TokenStream {
    let use_rt = planned.use_rt();
    let dispatch = operations::dispatch::emit_dispatch(&planned.ctx(), &planned.operations);
    quote! {
        #use_rt
        #dispatch
    }
}

/// For every schema of the document, the Rust type that [`generate_tokens`] uses for it, for
/// tools that relate the document to the generated code (the corpus tests round-trip each
/// schema's `example` through its type).
pub fn schema_types(document: &OpenAPI, settings: &Settings) -> Result<Vec<SchemaType>, Error> {
    Ok(plan(document, settings)?.schema_types())
}

/// A generated type named at one place of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedTypeName {
    /// The JSON pointer of the place, as in [`SchemaType::pointer`].
    pub pointer: String,
    /// The name of the generated struct, enum, union or alias used there (`CampaignSchedule`).
    pub name: String,
}

/// For every place of the document that [`generate_tokens`] types with a generated type (also
/// through `Option`, where the place admits `null`), that type's name, in planning order. Places
/// typed as a scalar, list or map are left out: their items and values are places of their own.
/// Public so that tools comparing two documents, such as the change report, can tell that the
/// type named at a place changed its name.
pub fn type_names(document: &OpenAPI, settings: &Settings) -> Result<Vec<PlacedTypeName>, Error> {
    let planned = plan(document, settings)?;
    let space = &planned.planner.space;
    let names = planned
        .planner
        .schema_types
        .iter()
        .filter_map(|(pointer, ty)| {
            let named = match ty {
                TypeExpr::Optional(inner) => inner.as_ref(),
                other => other,
            };
            let TypeExpr::Named(id) = named else {
                return None;
            };
            Some(PlacedTypeName {
                pointer: pointer.to_string(),
                name: space[*id].name.clone(),
            })
        });
    Ok(names.collect())
}

/// Types and operations planned, ready to emit.
struct Planned<'a> {
    planner: Planner<'a>,
    operations: Vec<operations::Operation>,
    rt: TokenStream,
    extra_derives: Vec<TokenStream>,
}

impl Planned<'_> {
    fn schema_types(&self) -> Vec<SchemaType> {
        // Named from outside the generated modules: the runtime by its full path.
        let ctx = Ctx {
            rt: self.rt.clone(),
            ..self.ctx()
        };
        let models = quote!(types::);
        self.planner
            .schema_types
            .iter()
            .map(|(pointer, ty)| SchemaType {
                pointer: pointer.to_string(),
                rust_type: ctx.ty(ty, &models).to_string(),
            })
            .collect()
    }

    /// The one import of the runtime in each generated module: its `__private` module (the public
    /// face re-exported, and the helpers only generated code calls) as `rt`. Generated type names
    /// are PascalCase, so the lowercase alias cannot collide with them.
    fn use_rt(&self) -> TokenStream {
        let runtime = &self.rt;
        quote! {
            #[allow(unused_imports)]
            use #runtime::__private as rt;
        }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            space: &self.planner.space,
            rt: quote!(rt),
            extra_derives: self.extra_derives.clone(),
        }
    }
}

fn plan<'a>(document: &'a OpenAPI, settings: &Settings) -> Result<Planned<'a>, Error> {
    let rt_path: syn::Path =
        syn::parse_str(&settings.runtime_path).map_err(|error| Error::Unsupported {
            pointer: "settings.runtime_path".to_owned(),
            message: format!("{:?} is not a Rust path: {error}", settings.runtime_path),
        })?;
    let extra_derives = settings
        .extra_derives
        .iter()
        .map(|derive| {
            syn::parse_str::<syn::Path>(derive)
                .map(|path| quote!(#path))
                .map_err(|error| Error::Unsupported {
                    pointer: "settings.extra_derives".to_owned(),
                    message: format!("{derive:?} is not a Rust path: {error}"),
                })
        })
        .collect::<Result<Vec<_>, _>>()?;

    let mut planner = Planner::new(document, settings);
    planner.plan_components()?;
    let mut requests = RequestVariants::default();
    let mut operations =
        operations::plan::plan_operations(document, settings, &mut planner, &mut requests)?;
    analysis::order_union_variants(&mut planner.space);
    analysis::keep_null_in_any_values(&mut planner.space);
    // After the steps that settle what a type looks like, before those that read the graph.
    let components = planner.next_group();
    let places = types::dedup::Places {
        operations: &mut operations,
        schema_types: &mut planner.schema_types,
    };
    types::dedup::merge_equal_shapes(&mut planner.space, components, places);
    analysis::box_recursive_fields(&mut planner.space);
    analysis::mark_defaultable(&mut planner.space);
    Ok(Planned {
        planner,
        operations,
        rt: quote!(#rt_path),
        extra_derives,
    })
}

/// The Rust variant name an integer enum value gets from its `x-enum-descriptions` entry
/// (`"Account Suspended"` → `AccountSuspended`), or `None` when the description has no words
/// (the variant is then named after the value). Public so that tools reasoning about generated
/// names, such as the change report, apply the very same rule.
pub fn integer_variant_name(description: &str) -> Option<String> {
    types::integer_variant_name(description)
}

/// The Rust type generated code uses for a schema of OpenAPI type `kind` (`string`, `integer`,
/// `number`, `boolean`) with `format` and no listed values: `String`, `Uuid`, `DateTime<Utc>`,
/// `Date`, `i8` … `u64`, `f32`, `f64` or `bool`; `None` for the other types. Public so that
/// tools comparing documents, such as the change report, tell a retyped field by the very same
/// rule.
pub fn scalar_type_name(kind: &str, format: Option<&str>) -> Option<&'static str> {
    types::scalar::scalar_type(kind, format).and_then(|ty| ty.scalar_name())
}

/// Loads `spec_text` (YAML or JSON) and returns the formatted client source.
pub fn generate_file(spec_text: &str, settings: &Settings) -> Result<String, Error> {
    let document = load_document(spec_text)?;
    generate_tokens(&document, settings)?.to_source()
}

/// The API-key variable of the settings, else one named after the document's title (`Mini
/// Instantly` → `MINI_INSTANTLY_API_KEY`; words such as `API` and `REST` are left out).
fn api_key_env_var(document: &OpenAPI, settings: &Settings) -> String {
    if let Some(name) = &settings.api_key_env_var {
        return name.clone();
    }
    let words: Vec<String> = document
        .info
        .title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .filter(|word| {
            !["api", "rest", "http", "openapi"].contains(&word.to_ascii_lowercase().as_str())
        })
        .map(str::to_ascii_uppercase)
        .collect();
    match words.as_slice() {
        [] => "API_KEY".to_owned(),
        _ => format!("{}_API_KEY", words.join("_")),
    }
}

/// Settings first, else the first absolute server URL, else empty (the client then needs one).
fn base_url(document: &OpenAPI, settings: &Settings) -> String {
    if let Some(url) = &settings.base_url {
        return url.clone();
    }
    document
        .servers
        .iter()
        .map(|server| server.url.trim_end_matches('/'))
        .find(|url| url.starts_with("http://") || url.starts_with("https://"))
        .unwrap_or_default()
        .to_owned()
}

fn client_docs(document: &OpenAPI) -> Vec<String> {
    let mut docs = vec![format!(
        "A client for {} (version {}).",
        document.info.title, document.info.version
    )];
    docs.extend(document.info.description.clone());
    docs
}
