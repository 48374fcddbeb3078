//! A typed async client for the [Instantly](https://instantly.ai) API v2.
//!
//! Generated from `spec/openapi.yaml` (the normalized Instantly reference) by
//! `instantly-codegen`; the committed `golden/client.rs` is the same source, for review.
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
//! - Errors carry the HTTP status and the parsed `{statusCode, error, message}` body; the API key
//!   never appears in `Debug` output or error messages.

pub use instantly_runtime as runtime;
pub use instantly_runtime::{ApiKey, Error, ErrorBody, Nullable, PageStream};

include!(concat!(env!("OUT_DIR"), "/client.rs"));
