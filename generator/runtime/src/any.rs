//! A request to a path the generated client does not know, through the same transport.

use crate::transport::Request;
use crate::{Error, RequestOptions, ResponseValue, Transport};
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The operation name requests to any path carry in errors, logs and rate limits.
pub const ANY_REQUEST_OPERATION: &str = "request";

/// A request to any path, built by the generated `Client::request(method, path)`: auth, user
/// agent, timeouts, retries, rate limits and the tracing span are the client's, as for every
/// generated operation. Its operation name (in errors, logs and `operation_rate_limit`) is
/// [`ANY_REQUEST_OPERATION`].
///
/// ```no_run
/// # async fn run(transport: instantly_runtime::Transport) -> Result<(), instantly_runtime::Error> {
/// use instantly_runtime::{AnyRequest, Method};
/// let found: serde_json::Value = AnyRequest::new(transport, Method::GET, "/api/v2/new-thing")
///     .query_param("limit", 10)
///     .header("X-Feature", "beta")
///     .send()
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct AnyRequest {
    transport: Transport,
    request: Request,
    options: RequestOptions,
}

impl AnyRequest {
    /// `path` is relative to the base URL and sent as given, so percent-encode its segments
    /// (generated code uses `encode_path_segment`); a missing leading `/` is added. It is idempotent,
    /// and so retried after 5xx and timeouts, when its method is.
    pub fn new(transport: Transport, method: Method, path: impl Into<String>) -> Self {
        let mut path = path.into();
        // Without the slash, the path would continue the base URL's host name.
        if !path.starts_with('/') {
            path.insert(0, '/');
        }
        Self {
            transport,
            request: Request::new(ANY_REQUEST_OPERATION, method, path),
            options: RequestOptions::default(),
        }
    }

    crate::__request_options!(non_idempotent);

    /// A JSON body, sent with `Content-Type: application/json`.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, Error> {
        self.request = self.request.json(body)?;
        Ok(self)
    }

    /// A form body (`application/x-www-form-urlencoded`) from an object's properties.
    pub fn form<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, Error> {
        self.request = self.request.form(body)?;
        Ok(self)
    }

    /// A raw body with its content type.
    pub fn bytes(mut self, content_type: &'static str, data: Vec<u8>) -> Self {
        self.request = self.request.bytes(content_type, data);
        self
    }

    /// Marks a POST or PATCH as safe to repeat (a search sent as POST): it is then retried
    /// like a GET.
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.request = self.request.idempotent(idempotent);
        self
    }

    /// Sends the request and decodes the JSON success body as `T` (an empty body reads as
    /// `null`, so `()` and `Option<…>` accept it).
    pub async fn send<T: DeserializeOwned>(self) -> Result<T, Error> {
        self.send_with_response()
            .await
            .map(ResponseValue::into_inner)
    }

    /// Sends the request and returns the success body as JSON.
    pub async fn send_json(self) -> Result<serde_json::Value, Error> {
        self.send().await
    }

    /// [`Self::send`], keeping the status and headers of the response.
    pub async fn send_with_response<T: DeserializeOwned>(self) -> Result<ResponseValue<T>, Error> {
        let request = self.request.options(self.options);
        self.transport.send_json_with_response(request).await
    }

    /// Sends the request and returns the success body as bytes, with status and headers.
    pub async fn send_bytes(self) -> Result<ResponseValue<Vec<u8>>, Error> {
        let request = self.request.options(self.options);
        self.transport.send_bytes_with_response(request).await
    }
}
