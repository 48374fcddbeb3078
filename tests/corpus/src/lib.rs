//! Clients generated from the third-party OpenAPI documents in `openapi/` (see the README
//! there) and from the edge cases in `edge-cases/` (recursion, nesting far deeper than real
//! documents), one module each: building this crate compiles them all, and clippy with
//! `-D warnings` (as CI runs it) checks them. The tests round-trip every schema example
//! through its generated type.
//!
//! `api.github.com.json` needs the `github` feature and `openai.yaml` the `openai` feature (a few
//! minutes to compile each).

#![deny(warnings)]

/// A generated client and its facts (`WARNINGS`, and `EXAMPLES` in tests).
macro_rules! corpus_client {
    ($(#[$attr:meta])* $module:ident) => {
        $(#[$attr])*
        pub mod $module {
            include!(concat!(env!("OUT_DIR"), "/", stringify!($module), ".rs"));

            /// What the generator could not map exactly, and the schema examples.
            pub mod facts {
                include!(concat!(env!("OUT_DIR"), "/", stringify!($module), "_facts.rs"));
            }
        }
    };
}

corpus_client!(
    /// keeper.json (Oxide's dropshot service).
    keeper
);
corpus_client!(
    /// buildomat.json (Oxide's dropshot service).
    buildomat
);
corpus_client!(
    /// propolis-server.json (Oxide's dropshot service).
    propolis_server
);
corpus_client!(
    /// nexus.json (Oxide's control plane API).
    nexus
);
corpus_client!(
    /// cli-gen.json (progenitor's test suite).
    cli_gen
);
corpus_client!(
    /// param-collision.json (progenitor's test suite).
    param_collision
);
corpus_client!(
    /// param-overrides.json (progenitor's test suite).
    param_overrides
);
corpus_client!(
    /// param-overrides.yaml (progenitor's test suite).
    param_overrides_yaml
);
corpus_client!(
    /// api.github.com.json.
    #[cfg(feature = "github")]
    github
);
corpus_client!(
    /// openai.yaml (OpenAPI 3.1.0).
    #[cfg(feature = "openai")]
    openai
);
corpus_client!(
    /// edge-cases/recursion.json: schemas naming themselves directly, through lists, maps,
    /// aliases and unions.
    edge_recursion
);
corpus_client!(
    /// edge-cases/deep.json: lists, objects, maps and unions nested 12 to 40 levels deep.
    edge_deep
);
corpus_client!(
    /// edge-cases/responses.json: several success responses per operation (with and without
    /// content, of different types), operations without operationId.
    edge_responses
);

corpus_client!(
    /// edge-cases/deep-refs.json: references into properties, `allOf` members, a parameter's
    /// schema and an operation's response, one of them recursive.
    edge_deep_refs
);
corpus_client!(
    /// edge-cases/multipart.json: `multipart/form-data` bodies (inline, a component, beside
    /// JSON), and an operation in a content type no client sends, left out with a warning.
    edge_multipart
);
corpus_client!(
    /// edge-cases/callbacks.json: an operation with a callback, whose payload is a type.
    edge_callbacks
);
corpus_client!(
    /// edge-cases/openapi-3.1/boolean-schemas.json: OpenAPI 3.1, one construct.
    edge31_boolean_schemas
);
corpus_client!(
    /// edge-cases/openapi-3.1/const.json: OpenAPI 3.1, one construct.
    edge31_const
);
corpus_client!(
    /// edge-cases/openapi-3.1/content-media.json: OpenAPI 3.1, one construct.
    edge31_content_media
);
corpus_client!(
    /// edge-cases/openapi-3.1/defs.json: OpenAPI 3.1, one construct.
    edge31_defs
);
corpus_client!(
    /// edge-cases/openapi-3.1/dialect.json: OpenAPI 3.1, one construct.
    edge31_dialect
);
corpus_client!(
    /// edge-cases/openapi-3.1/examples.json: OpenAPI 3.1, one construct.
    edge31_examples
);
corpus_client!(
    /// edge-cases/openapi-3.1/exclusive-bounds.json: OpenAPI 3.1, one construct.
    edge31_exclusive_bounds
);
corpus_client!(
    /// edge-cases/openapi-3.1/path-items.json: OpenAPI 3.1, one construct.
    edge31_path_items
);
corpus_client!(
    /// edge-cases/openapi-3.1/prefix-items.json: OpenAPI 3.1, one construct.
    edge31_prefix_items
);
corpus_client!(
    /// edge-cases/openapi-3.1/ref-siblings.json: OpenAPI 3.1, one construct.
    edge31_ref_siblings
);
corpus_client!(
    /// edge-cases/openapi-3.1/type-arrays.json: OpenAPI 3.1, one construct.
    edge31_type_arrays
);
corpus_client!(
    /// edge-cases/openapi-3.1/webhooks.json: OpenAPI 3.1, one construct.
    edge31_webhooks
);

#[cfg(test)]
mod round_trip;
