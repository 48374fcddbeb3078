//! One attempt at a request: wait for the rate limits, send, read the body, and say whether a
//! failure is worth another attempt.

use super::{Body, Request, Transport};
use crate::observe::Exchange;
use crate::retry::parse_retry_after;
use crate::{Error, ResponseValue};
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{StatusCode, Url};
use std::time::{Duration, SystemTime};

/// A failed attempt and what may follow it.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) error: Error,
    pub(crate) retry: Retry,
    /// The server's `Retry-After`, when it sent one.
    pub(crate) retry_after: Option<Duration>,
}

/// Whether a failure may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retry {
    Never,
    /// The server did not act on the request (429, or no connection was made).
    Always,
    /// The server may have acted on it (5xx, timeout, dropped connection, truncated body).
    IfRepeatable,
}

impl Failure {
    fn final_error(error: Error) -> Self {
        Self {
            error,
            retry: Retry::Never,
            retry_after: None,
        }
    }

    fn transport(operation: &'static str, source: reqwest::Error) -> Self {
        let retry = if source.is_connect() {
            Retry::Always
        } else if source.is_builder() {
            Retry::Never
        } else {
            Retry::IfRepeatable
        };
        Self {
            error: Error::Transport { operation, source },
            retry,
            retry_after: None,
        }
    }

    /// What went wrong, for logs: never the body (an error body may echo what was sent).
    pub(crate) fn reason(&self) -> String {
        match &self.error {
            Error::Api { status, .. } => format!("HTTP {status}"),
            Error::Transport { source, .. } if source.is_timeout() => "timed out".to_owned(),
            Error::Transport { source, .. } if source.is_connect() => {
                "could not connect".to_owned()
            }
            Error::Transport { .. } => "connection dropped or body cut short".to_owned(),
            Error::Decode { status, .. } => format!("undecodable {status} body"),
            Error::Encode { .. } => "could not encode the body".to_owned(),
            Error::Config(_) => "configuration".to_owned(),
        }
    }

    /// `repeatable`: the request is idempotent, or the caller opted in to repeating it.
    pub(crate) fn allows_retry(&self, repeatable: bool) -> bool {
        match self.retry {
            Retry::Never => false,
            Retry::Always => true,
            Retry::IfRepeatable => repeatable,
        }
    }
}

fn retry_for_status(status: StatusCode) -> Retry {
    match status.as_u16() {
        429 => Retry::Always,
        500 | 502 | 503 | 504 => Retry::IfRepeatable,
        _ => Retry::Never,
    }
}

impl Transport {
    pub(super) async fn attempt(
        &self,
        request: &Request,
        attempt: u32,
    ) -> Result<ResponseValue<Vec<u8>>, Failure> {
        let operation = request.operation;
        self.wait_for_rate_limits(operation).await;
        let response = self.send_once(request).await?;
        let status = response.status();
        tracing::Span::current().record("status", status.as_u16());
        if let Some(observer) = &self.inner.observer {
            observer(&Exchange {
                operation,
                method: &request.method,
                path: &request.path,
                attempt,
                status,
                headers: response.headers(),
            });
        }
        let retry_after = response
            .headers()
            .get(header::RETRY_AFTER)
            .and_then(|value| parse_retry_after(value, SystemTime::now()));
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .await
            .map_err(|source| Failure::transport(operation, source))?
            .to_vec();
        if status.is_success() {
            return Ok(ResponseValue::new(status, headers, body));
        }
        Err(Failure {
            error: Error::api(operation, status, headers, &body, &self.inner.error_shape),
            retry: retry_for_status(status),
            retry_after,
        })
    }

    async fn wait_for_rate_limits(&self, operation: &str) {
        let sleeper = self.inner.sleeper.as_ref();
        if let Some(limiter) = &self.inner.limiter {
            limiter.wait(sleeper).await;
        }
        if let Some(limiter) = self.inner.operation_limiters.get(operation) {
            limiter.wait(sleeper).await;
        }
    }

    async fn send_once(&self, request: &Request) -> Result<reqwest::Response, Failure> {
        let operation = request.operation;
        if let Some(reason) = &request.options.invalid_header {
            return Err(Failure::final_error(Error::Config(format!(
                "{operation}: {reason}"
            ))));
        }
        let url = self.url(request).map_err(Failure::final_error)?;
        let mut builder = self
            .inner
            .http
            .request(request.method.clone(), url)
            .header(header::USER_AGENT, self.inner.user_agent.clone())
            .header(header::ACCEPT, HeaderValue::from_static("application/json"))
            .timeout(request.options.timeout.unwrap_or(self.inner.timeout));
        if let Some(authorization) = &self.inner.authorization {
            builder = builder.header(header::AUTHORIZATION, authorization.clone());
        }
        for (name, value) in &request.headers {
            let value = HeaderValue::from_str(value).map_err(|_| {
                Failure::final_error(Error::Config(format!(
                    "{operation}: header {name} cannot hold {value:?}"
                )))
            })?;
            builder = builder.header(*name, value);
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
                    Failure::final_error(Error::Config(format!(
                        "{operation}: bad content type {content_type:?}"
                    )))
                })?;
                builder
                    .header(header::CONTENT_TYPE, content_type)
                    .body(data.clone())
            }
            // reqwest writes the Content-Type with the form's boundary.
            Some(Body::Multipart(form)) => {
                builder.multipart(form.to_form(operation).map_err(Failure::final_error)?)
            }
        };
        // Extra headers last, replacing any of the same name set above.
        if !request.options.extra_headers.is_empty() {
            let mut extra = HeaderMap::new();
            for (name, value) in &request.options.extra_headers {
                extra.append(name.clone(), value.clone());
            }
            builder = builder.headers(extra);
        }
        builder
            .send()
            .await
            .map_err(|source| Failure::transport(operation, source))
    }

    fn url(&self, request: &Request) -> Result<Url, Error> {
        let text = format!("{}{}", self.inner.base_url, request.path);
        let mut url = Url::parse(&text).map_err(|error| {
            Error::Config(format!("{}: bad URL {text:?}: {error}", request.operation))
        })?;
        let extra = &request.options.extra_query;
        if !request.query.is_empty() || !extra.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(request.query.iter())
                .extend_pairs(extra.iter().map(|(name, value)| (name, value)));
        }
        Ok(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_that_may_be_retried() {
        assert_eq!(
            retry_for_status(StatusCode::TOO_MANY_REQUESTS),
            Retry::Always
        );
        for code in [500, 502, 503, 504] {
            let status = StatusCode::from_u16(code).unwrap();
            assert_eq!(retry_for_status(status), Retry::IfRepeatable);
        }
        for code in [400, 401, 404, 409, 422, 501] {
            let status = StatusCode::from_u16(code).unwrap();
            assert_eq!(retry_for_status(status), Retry::Never);
        }
    }

    #[test]
    fn only_repeatable_requests_retry_after_the_server_may_have_acted() {
        let failure = |retry| Failure {
            error: Error::Config(String::new()),
            retry,
            retry_after: None,
        };
        assert!(failure(Retry::Always).allows_retry(false));
        assert!(!failure(Retry::IfRepeatable).allows_retry(false));
        assert!(failure(Retry::IfRepeatable).allows_retry(true));
        assert!(!failure(Retry::Never).allows_retry(true));
    }
}
