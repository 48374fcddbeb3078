//! Executing one request: URL, auth, user agent, body, status handling, decoding.
//!
//! Every request goes through [`Transport::execute`]; retry and rate-limit policies belong there,
//! around the single `send_once` call, and nowhere else.

use crate::query::QueryPairs;
use crate::{ApiKey, Error};
use reqwest::header::{self, HeaderValue};
use reqwest::{Method, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The user agent sent when the caller sets none: some upstream filters block default agents.
pub const DEFAULT_USER_AGENT: &str =
    concat!("instantly-runtime/", env!("CARGO_PKG_VERSION"), " (Rust)");

/// A request body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Body {
    /// Serialized JSON, sent with `Content-Type: application/json`.
    Json(Vec<u8>),
    /// `application/x-www-form-urlencoded` text.
    Form(String),
    /// Raw bytes with their content type.
    Bytes {
        content_type: &'static str,
        data: Vec<u8>,
    },
}

/// One request as generated code describes it; the transport adds base URL, auth and headers.
#[derive(Debug, Clone)]
pub struct Request {
    operation: &'static str,
    method: Method,
    path: String,
    query: QueryPairs,
    headers: Vec<(&'static str, String)>,
    body: Option<Body>,
}

impl Request {
    /// `path` is already expanded and percent-encoded (see [`crate::encode_path_segment`]).
    pub fn new(operation: &'static str, method: Method, path: String) -> Self {
        Self {
            operation,
            method,
            path,
            query: QueryPairs::new(),
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn query(mut self, query: QueryPairs) -> Self {
        self.query = query;
        self
    }

    /// Adds a header parameter of the operation.
    pub fn header(mut self, name: &'static str, value: impl std::fmt::Display) -> Self {
        self.headers.push((name, value.to_string()));
        self
    }

    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, Error> {
        let bytes = serde_json::to_vec(body).map_err(|source| Error::Encode {
            operation: self.operation,
            source,
        })?;
        self.body = Some(Body::Json(bytes));
        Ok(self)
    }

    /// A form body: the object's properties as `name=value` pairs (arrays repeat the name,
    /// nested objects are sent as JSON text, `null`s are left out).
    pub fn form<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, Error> {
        let operation = self.operation;
        let value =
            serde_json::to_value(body).map_err(|source| Error::Encode { operation, source })?;
        let serde_json::Value::Object(object) = value else {
            return Err(Error::Config(format!(
                "{operation}: a form body must be an object"
            )));
        };
        let mut pairs = QueryPairs::new();
        for (name, value) in &object {
            pairs.add(name, value);
        }
        // Url does the form encoding; the placeholder origin is discarded.
        let mut url = Url::parse("http://form.invalid/")
            .map_err(|error| Error::Config(format!("{operation}: form encoding: {error}")))?;
        url.query_pairs_mut().extend_pairs(pairs.iter());
        self.body = Some(Body::Form(url.query().unwrap_or_default().to_owned()));
        Ok(self)
    }

    pub fn bytes(mut self, content_type: &'static str, data: Vec<u8>) -> Self {
        self.body = Some(Body::Bytes { content_type, data });
        self
    }

    pub fn operation(&self) -> &'static str {
        self.operation
    }
}

/// Builds a [`Transport`].
#[derive(Debug, Clone)]
pub struct TransportBuilder {
    base_url: String,
    api_key: Option<ApiKey>,
    timeout: Option<Duration>,
    user_agent: String,
    http: Option<reqwest::Client>,
}

impl TransportBuilder {
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            api_key: None,
            timeout: None,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            http: None,
        }
    }

    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// Sent as `Authorization: Bearer <key>` on every request.
    pub fn api_key(mut self, api_key: impl Into<ApiKey>) -> Self {
        self.api_key = Some(api_key.into());
        self
    }

    /// A limit for each request, from sending until the body has been read.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Use this `reqwest::Client` (its proxy, TLS and pool settings) instead of a new one.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    pub fn build(self) -> Result<Transport, Error> {
        let base_url = self.base_url.trim_end_matches('/').to_owned();
        Url::parse(&base_url).map_err(|error| {
            Error::Config(format!(
                "base URL {base_url:?} is not an absolute URL: {error}"
            ))
        })?;
        let user_agent = HeaderValue::from_str(&self.user_agent).map_err(|_| {
            Error::Config(format!(
                "user agent {:?} is not a valid header value",
                self.user_agent
            ))
        })?;
        let authorization = match &self.api_key {
            Some(key) => {
                let mut value = HeaderValue::from_str(&format!("Bearer {}", key.expose()))
                    .map_err(|_| {
                        Error::Config(
                            "the API key contains characters a header cannot hold".to_owned(),
                        )
                    })?;
                value.set_sensitive(true);
                Some(value)
            }
            None => None,
        };
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder().build().map_err(|error| {
                Error::Config(format!("could not create the HTTP client: {error}"))
            })?,
        };
        let inner = Inner {
            http,
            base_url,
            authorization,
            user_agent,
            timeout: self.timeout,
        };
        Ok(Transport {
            inner: Arc::new(inner),
        })
    }
}

/// Sends requests for generated clients. Cheap to clone: clones share one connection pool.
#[derive(Clone)]
pub struct Transport {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    authorization: Option<HeaderValue>,
    user_agent: HeaderValue,
    timeout: Option<Duration>,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("base_url", &self.inner.base_url)
            .field(
                "api_key",
                &self.inner.authorization.as_ref().map(|_| "<redacted>"),
            )
            .field("user_agent", &self.inner.user_agent)
            .field("timeout", &self.inner.timeout)
            .finish()
    }
}

impl Transport {
    pub fn builder(base_url: impl Into<String>) -> TransportBuilder {
        TransportBuilder::new(base_url)
    }

    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Sends the request and decodes a JSON success body as `T`.
    pub async fn send_json<T: DeserializeOwned>(&self, request: Request) -> Result<T, Error> {
        let operation = request.operation;
        let (status, body) = self.execute(request).await?;
        serde_json::from_slice(&body)
            .map_err(|source| Error::decode(operation, status, source, &body))
    }

    /// Sends the request and ignores any success body (for `204 No Content` and the like).
    pub async fn send_empty(&self, request: Request) -> Result<(), Error> {
        self.execute(request).await.map(|_| ())
    }

    /// Sends the request and returns the success body as bytes (for non-JSON responses).
    pub async fn send_bytes(&self, request: Request) -> Result<Vec<u8>, Error> {
        self.execute(request).await.map(|(_, body)| body)
    }

    /// The single place a request is executed: the hook for retries and rate limiting.
    async fn execute(&self, request: Request) -> Result<(StatusCode, Vec<u8>), Error> {
        let operation = request.operation;
        let response = self.send_once(&request).await?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|source| Error::Transport { operation, source })?
            .to_vec();
        if status.is_success() {
            Ok((status, body))
        } else {
            Err(Error::api(operation, status, &body))
        }
    }

    async fn send_once(&self, request: &Request) -> Result<reqwest::Response, Error> {
        let operation = request.operation;
        let url = self.url(request)?;
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), url)
            .header(header::USER_AGENT, self.inner.user_agent.clone())
            .header(header::ACCEPT, HeaderValue::from_static("application/json"));
        if let Some(authorization) = &self.inner.authorization {
            builder = builder.header(header::AUTHORIZATION, authorization.clone());
        }
        for (name, value) in &request.headers {
            let value = HeaderValue::from_str(value).map_err(|_| {
                Error::Config(format!("{operation}: header {name} cannot hold {value:?}"))
            })?;
            builder = builder.header(*name, value);
        }
        if let Some(timeout) = self.inner.timeout {
            builder = builder.timeout(timeout);
        }
        // A Content-Type goes out only with a body: the server rejects an empty body declared JSON.
        builder = match &request.body {
            None => builder,
            Some(Body::Json(bytes)) => builder
                .header(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )
                .body(bytes.clone()),
            Some(Body::Form(text)) => builder
                .header(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/x-www-form-urlencoded"),
                )
                .body(text.clone()),
            Some(Body::Bytes { content_type, data }) => {
                let content_type = HeaderValue::from_str(content_type).map_err(|_| {
                    Error::Config(format!("{operation}: bad content type {content_type:?}"))
                })?;
                builder
                    .header(header::CONTENT_TYPE, content_type)
                    .body(data.clone())
            }
        };
        builder
            .send()
            .await
            .map_err(|source| Error::Transport { operation, source })
    }

    fn url(&self, request: &Request) -> Result<Url, Error> {
        let text = format!("{}{}", self.inner.base_url, request.path);
        let mut url = Url::parse(&text).map_err(|error| {
            Error::Config(format!("{}: bad URL {text:?}: {error}", request.operation))
        })?;
        if !request.query.is_empty() {
            url.query_pairs_mut().extend_pairs(request.query.iter());
        }
        Ok(url)
    }
}
