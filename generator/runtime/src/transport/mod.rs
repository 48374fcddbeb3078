//! Executing requests: URL, auth, user agent, body, status handling, decoding — and around each
//! attempt, the retry policy, rate limits, timeouts and the tracing span.
//!
//! Every request goes through [`Transport::execute`] (page streams too, one page per request),
//! so these policies live there and nowhere else.

mod attempt;
mod builder;
mod request;
mod tls;

pub use builder::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT, TransportBuilder};
pub use request::{Body, Request};

use crate::error::decode_json;
use crate::rate_limit::Limiter;
use crate::sleep::SleeperName;
use crate::{Error, ErrorShape, RateLimit, ResponseObserver, ResponseValue, RetryPolicy, Sleeper};
use attempt::Failure;
use backon::Retryable;
use reqwest::header::HeaderValue;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use tracing::Instrument;

/// Sends requests for generated clients. Cheap to clone: clones share one connection pool and
/// one set of rate limits.
#[derive(Clone)]
pub struct Transport {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    authorization: Option<HeaderValue>,
    user_agent: HeaderValue,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    rate_limit: Option<RateLimit>,
    limiter: Option<Limiter>,
    operation_limiters: HashMap<String, Limiter>,
    sleeper: Arc<dyn Sleeper>,
    observer: Option<ResponseObserver>,
    error_shape: ErrorShape,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut operation_limits: Vec<&str> = self
            .inner
            .operation_limiters
            .keys()
            .map(String::as_str)
            .collect();
        operation_limits.sort_unstable();
        f.debug_struct("Transport")
            .field("base_url", &self.inner.base_url)
            .field(
                "api_key",
                &self.inner.authorization.as_ref().map(|_| "<redacted>"),
            )
            .field("user_agent", &self.inner.user_agent)
            .field("timeout", &self.inner.timeout)
            .field("connect_timeout", &self.inner.connect_timeout)
            .field("retry", &self.inner.retry)
            .field("rate_limit", &self.inner.rate_limit)
            .field("operation_rate_limits", &operation_limits)
            .field("sleeper", &SleeperName)
            .field("observer", &self.inner.observer.as_ref().map(|_| "<fn>"))
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

    /// Sends the request and decodes a JSON success body as `T`. An empty body reads as
    /// `null`: an operation with a success response without content (`201` with a body, `204`
    /// without) returns `Option<…>`, `None` for the empty one.
    pub async fn send_json<T: DeserializeOwned>(&self, request: Request) -> Result<T, Error> {
        self.send_json_with_response(request)
            .await
            .map(ResponseValue::into_inner)
    }

    /// [`Self::send_json`], keeping the status and headers of the response.
    pub async fn send_json_with_response<T: DeserializeOwned>(
        &self,
        request: Request,
    ) -> Result<ResponseValue<T>, Error> {
        let operation = request.operation;
        let (status, headers, body) = self.execute(request).await?.into_parts();
        let json: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &body
        };
        let decoded = decode_json(operation, status, json, &body)?;
        Ok(ResponseValue::new(status, headers, decoded))
    }

    /// Sends the request and ignores any success body (for `204 No Content` and the like).
    pub async fn send_empty(&self, request: Request) -> Result<(), Error> {
        self.execute(request).await.map(|_| ())
    }

    /// [`Self::send_empty`], keeping the status and headers of the response.
    pub async fn send_empty_with_response(
        &self,
        request: Request,
    ) -> Result<ResponseValue<()>, Error> {
        self.execute(request)
            .await
            .map(|response| response.map(|_| ()))
    }

    /// Sends the request and returns the success body as bytes (for non-JSON responses).
    pub async fn send_bytes(&self, request: Request) -> Result<Vec<u8>, Error> {
        self.execute(request).await.map(ResponseValue::into_inner)
    }

    /// [`Self::send_bytes`], keeping the status and headers of the response.
    pub async fn send_bytes_with_response(
        &self,
        request: Request,
    ) -> Result<ResponseValue<Vec<u8>>, Error> {
        self.execute(request).await
    }

    /// The single place a request is executed: attempts, with retries by the policy.
    ///
    /// The span records the operation, method, path (never the query, headers or bodies), and
    /// once known the status, attempt count and elapsed time.
    async fn execute(&self, request: Request) -> Result<ResponseValue<Vec<u8>>, Error> {
        let policy = request
            .options
            .retry
            .clone()
            .unwrap_or_else(|| self.inner.retry.clone());
        let repeatable = request.idempotent
            || request
                .options
                .retry_non_idempotent
                .unwrap_or(policy.allows_non_idempotent());
        let span = tracing::info_span!(
            "request",
            operation = request.operation,
            method = %request.method,
            path = %request.path,
            status = tracing::field::Empty,
            attempt = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        let started = Instant::now();
        let attempts = AtomicU32::new(0);
        let sleeper = SharedSleeper(Arc::clone(&self.inner.sleeper));
        let result = (|| async {
            let attempt = attempts.fetch_add(1, Ordering::Relaxed) + 1;
            tracing::Span::current().record("attempt", attempt);
            self.attempt(&request, attempt).await
        })
        .retry(policy.backoff())
        .sleep(sleeper)
        .when(|failure: &Failure| failure.allows_retry(repeatable))
        .adjust(|failure, backoff| policy.next_delay(failure.retry_after, backoff))
        .notify(|failure, delay| {
            tracing::info!(
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                reason = %failure.reason(),
                "retrying"
            );
        })
        .instrument(span.clone())
        .await;
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        span.record("elapsed_ms", elapsed);
        span.in_scope(|| match &result {
            Ok(_) => tracing::debug!("request succeeded"),
            Err(failure) => tracing::debug!(reason = %failure.reason(), "request failed"),
        });
        result.map_err(|failure| failure.error)
    }
}

/// The transport's sleeper as backon wants it. A named type rather than a closure: with a
/// closure the compiler cannot prove the request future `Send` (a higher-ranked lifetime
/// error where generated page streams require `Send`).
struct SharedSleeper(Arc<dyn Sleeper>);

impl backon::Sleeper for SharedSleeper {
    type Sleep = futures::future::BoxFuture<'static, ()>;

    fn sleep(&self, delay: Duration) -> Self::Sleep {
        self.0.sleep(delay)
    }
}
