//! A typed async client for the [Instantly](https://instantly.ai) API v2.
//!
//! Generated from `openapi.yaml` (the normalized Instantly reference) by `instantly-codegen`
//! into the committed, reviewed `golden/client.rs`, which is what this crate compiles: a
//! dependent crate never builds the generator.
//!
//! ```no_run
//! use futures::TryStreamExt;
//!
//! # async fn run() -> Result<(), instantly::Error> {
//! // Reads the key from INSTANTLY_API_KEY; `Client::new(key)` takes it directly.
//! let client = instantly::Client::from_env()?;
//!
//! // One page.
//! let page = client.list_campaigns().limit(10).send().await?;
//! for campaign in &page.items {
//!     println!("{} {:?}", campaign.name, campaign.status);
//! }
//!
//! // Every lead, page after page, as a stream.
//! let mut leads = client.list_leads().into_stream();
//! while let Some(lead) = leads.try_next().await? {
//!     println!("{:?}", lead.email);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! - [`Client`]: one method per operation, named from its operationId. Path parameters are
//!   arguments; optional parameters are setters on the returned request builder
//!   ([`builders`]); `send().await` returns the decoded response or an [`Error`].
//! - [`types`]: one type per schema. Enums are open (an unlisted value arrives as `Unknown`
//!   and is sent back unchanged); fields that are optional and nullable are [`Nullable`], so an
//!   update can leave a field out, clear it with `null`, or set it; properties the document does
//!   not list are kept in `additional_properties`. Request bodies never carry read-only fields.
//! - List operations with a cursor have `into_stream()`, a `futures::Stream` of items across
//!   pages that stops on an empty page or a missing cursor.
//! - Errors carry the HTTP status, the response headers ([`Error::retry_after`]) and the parsed
//!   `{statusCode, error, message}` body; decode errors name the JSON path
//!   ([`Error::json_path`]). The API key never appears in `Debug` output, logs or error messages.
//! - The way out, through the same transport: every builder takes `.query_param(name, value)`
//!   and `.header(name, value)` and has `send_with_response()` ([`ResponseValue`]: status,
//!   headers, body); [`Client::request`] sends any method to any path ([`AnyRequest`]).
//! - `format: date` fields are [`Date`]s: written `YYYY-MM-DD`, read from a date or a full
//!   timestamp (its date).
//! - Failures the API is known for are retried with exponential backoff and jitter
//!   ([`runtime::RetryPolicy`]: 4 attempts, 500 ms doubling to 30 s): a 429 for every method,
//!   after its `Retry-After`; 5xx, timeouts and dropped connections only for idempotent
//!   requests (GET, PUT, DELETE, and list operations sent as POST) unless a request opts in
//!   with `.retry_non_idempotent(true)`. Timeouts: 10 s to connect, 60 s per attempt. Rate
//!   limits ([`runtime::RateLimit`]) are off by default. All of it is set on [`ClientBuilder`]
//!   and overridable per request (`.timeout(…)`, `.retry_policy(…)`); each request is a
//!   `tracing` span (operation, method, path, status, attempt, elapsed).

// The committed, reviewed source; with the `regenerate` feature, the same text generated again
// by build.rs (which fails when the two differ). It re-exports the runtime (`runtime`) and the
// runtime types the API names (`Error`, `Nullable`, `Date`…) at the crate root.
#[cfg(not(feature = "regenerate"))]
include!("../golden/client.rs");
#[cfg(feature = "regenerate")]
include!(concat!(env!("OUT_DIR"), "/client.rs"));

/// Calling operations by name with JSON arguments (feature `dispatch`): `OPERATIONS` lists
/// every operation with its method and path; `call` decodes the arguments into the typed
/// parameters and body and sends the request through the same request builders.
#[cfg(feature = "dispatch")]
pub mod dispatch {
    #[cfg(not(feature = "regenerate"))]
    include!("../golden/dispatch.rs");
    #[cfg(feature = "regenerate")]
    include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));
}
