//! Configuring a [`Transport`]: base URL, key, timeouts, retries, rate limits.

use super::{Inner, Transport, tls};
use crate::rate_limit::Limiter;
use crate::{
    ApiKey, Error, ErrorShape, RateLimit, ResponseObserver, RetryPolicy, Sleeper, TokioSleeper,
};
use reqwest::Url;
use reqwest::header::HeaderValue;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The user agent sent when the caller sets none: some upstream filters block default agents.
pub const DEFAULT_USER_AGENT: &str =
    concat!("instantly-runtime/", env!("CARGO_PKG_VERSION"), " (Rust)");

/// How long establishing a connection may take, by default.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long one attempt (sending until the body has been read) may take, by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Builds a [`Transport`].
#[derive(Clone)]
pub struct TransportBuilder {
    base_url: String,
    api_key: Option<ApiKey>,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: String,
    http: Option<reqwest::Client>,
    retry: RetryPolicy,
    rate_limit: Option<RateLimit>,
    operation_rate_limits: Vec<(String, RateLimit)>,
    sleeper: Arc<dyn Sleeper>,
    observer: Option<ResponseObserver>,
    error_shape: ErrorShape,
}

impl fmt::Debug for TransportBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportBuilder")
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("rate_limit", &self.rate_limit)
            .field("operation_rate_limits", &self.operation_rate_limits)
            .field("error_shape", &self.error_shape)
            .finish_non_exhaustive()
    }
}

impl TransportBuilder {
    pub fn new(base_url: impl Into<String>) -> Self {
        Self {
            base_url: base_url.into(),
            api_key: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            http: None,
            retry: RetryPolicy::default(),
            rate_limit: None,
            operation_rate_limits: Vec::new(),
            sleeper: Arc::new(TokioSleeper),
            observer: None,
            error_shape: ErrorShape::default(),
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

    setters! {
        /// A limit for each attempt, from sending until the body has been read
        /// (default [`DEFAULT_TIMEOUT`]); a request builder's `timeout` overrides it.
        timeout: Duration;
        /// A limit for establishing a connection (default [`DEFAULT_CONNECT_TIMEOUT`]). It applies
        /// to the HTTP client this builder creates, not to one passed to [`Self::http_client`].
        connect_timeout: Duration;
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

    /// When and how failed requests are retried (default [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Keep every request of this client under these rates (default: no limit).
    pub fn rate_limit(mut self, limit: RateLimit) -> Self {
        self.rate_limit = Some(limit);
        self
    }

    /// An extra limit for one operation, by its client method name (`"list_emails"`), on top of
    /// the client-wide one.
    pub fn operation_rate_limit(mut self, operation: impl Into<String>, limit: RateLimit) -> Self {
        self.operation_rate_limits.push((operation.into(), limit));
        self
    }

    /// How the transport waits (backoff, `Retry-After`, rate limits); tests record instead.
    pub fn sleeper(mut self, sleeper: impl Sleeper) -> Self {
        self.sleeper = Arc::new(sleeper);
        self
    }

    /// Called with the status and headers of every response (each attempt).
    pub fn observe_responses(
        mut self,
        observer: impl Fn(&crate::Exchange<'_>) + Send + Sync + 'static,
    ) -> Self {
        self.observer = Some(Arc::new(observer));
        self
    }

    /// Where the API's error objects keep their status code, error and message (default
    /// [`ErrorShape::default`]).
    pub fn error_shape(mut self, shape: ErrorShape) -> Self {
        self.error_shape = shape;
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
        let authorization = self.api_key.as_ref().map(authorization).transpose()?;
        let http = match self.http {
            Some(http) => http,
            None => tls::configure(reqwest::Client::builder())?
                .connect_timeout(self.connect_timeout)
                .build()
                .map_err(|error| {
                    Error::Config(format!("could not create the HTTP client: {error}"))
                })?,
        };
        let operation_limiters: HashMap<String, Limiter> = self
            .operation_rate_limits
            .iter()
            .map(|(operation, limit)| (operation.clone(), limit.limiter()))
            .collect();
        let inner = Inner {
            http,
            base_url,
            authorization,
            user_agent,
            timeout: self.timeout,
            connect_timeout: self.connect_timeout,
            retry: self.retry,
            rate_limit: self.rate_limit,
            limiter: self.rate_limit.map(|limit| limit.limiter()),
            operation_limiters,
            sleeper: self.sleeper,
            observer: self.observer,
            error_shape: self.error_shape,
        };
        Ok(Transport {
            inner: Arc::new(inner),
        })
    }
}

fn authorization(key: &ApiKey) -> Result<HeaderValue, Error> {
    let mut value = HeaderValue::from_str(&format!("Bearer {}", key.expose())).map_err(|_| {
        Error::Config("the API key contains characters a header cannot hold".to_owned())
    })?;
    // Keeps the value out of hyper's and reqwest's Debug output.
    value.set_sensitive(true);
    Ok(value)
}
