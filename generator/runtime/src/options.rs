//! Per-request settings that override or extend the client's (set through each request builder).

use crate::RetryPolicy;
use reqwest::header::{HeaderName, HeaderValue};
use std::time::Duration;

/// What a request builder may override or add for one request. Unset fields keep the client's
/// value.
///
/// Generated request builders (and [`crate::AnyRequest`]) expose these as their own methods
/// (`.timeout(…)`, `.query_param(…)`, `.header(…)`, …), so callers rarely build one by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) retry_non_idempotent: Option<bool>,
    /// Query pairs the document does not list, sent after the documented ones.
    pub(crate) extra_query: Vec<(String, String)>,
    /// Headers sent besides (or instead of, for the same name) the transport's own.
    pub(crate) extra_headers: Vec<(HeaderName, HeaderValue)>,
    /// Why an extra header could not be used: the request then fails with `Error::Config`
    /// before anything is sent.
    pub(crate) invalid_header: Option<String>,
}

impl RequestOptions {
    /// The time limit of each attempt, from sending until the body has been read.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy for this request instead of the client's.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Retry this POST/PATCH like an idempotent request (see
    /// [`RetryPolicy::retry_non_idempotent`]), keeping the rest of the policy.
    pub fn retry_non_idempotent(mut self, retry: bool) -> Self {
        self.retry_non_idempotent = Some(retry);
        self
    }

    /// An extra `name=value` query pair, percent-encoded like the documented ones and sent
    /// after them. Adding a name twice sends it twice.
    pub fn query_param(mut self, name: impl Into<String>, value: impl ToString) -> Self {
        self.extra_query.push((name.into(), value.to_string()));
        self
    }

    /// An extra header. It replaces a header of the same name the transport would send
    /// (`User-Agent`, `Accept`, even `Authorization`); adding a name twice sends both values.
    /// Values are kept out of `Debug` output. A name or value HTTP cannot carry makes the
    /// request fail with [`crate::Error::Config`] naming the header, before anything is sent.
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        let name = name.as_ref();
        let parsed = HeaderName::from_bytes(name.as_bytes()).map_err(|_| "name");
        let parsed = parsed.and_then(|header| {
            let mut value = HeaderValue::from_str(value.as_ref()).map_err(|_| "value")?;
            value.set_sensitive(true);
            Ok((header, value))
        });
        match parsed {
            Ok(pair) => self.extra_headers.push(pair),
            Err(part) => {
                self.invalid_header.get_or_insert_with(|| {
                    format!(
                        "header {name:?}: the {part} is not valid in HTTP (visible ASCII only, no line breaks)"
                    )
                });
            }
        }
        self
    }
}

/// The per-request methods of a request builder, over its `options: RequestOptions` field: one
/// definition for every generated builder and [`crate::AnyRequest`], so they stay alike and the
/// generated source stays small. `retry_non_idempotent` is only offered where it changes
/// something (`non_idempotent`). With `send -> Output`, also `send`: the builder's
/// `send_with_response` without the status and headers.
#[doc(hidden)]
#[macro_export]
macro_rules! __request_options {
    (send -> $output:ty $(, $non_idempotent:ident)?) => {
        /// Sends the request (`send_with_response` keeps the status and headers too).
        pub async fn send(self) -> ::std::result::Result<$output, $crate::Error> {
            self.send_with_response()
                .await
                .map($crate::ResponseValue::into_inner)
        }

        $crate::__request_options!($($non_idempotent)?);
    };
    (non_idempotent) => {
        /// Retry this request after 5xx, timeouts and dropped connections although the
        /// server may have acted on it: only when sending it twice is harmless.
        pub fn retry_non_idempotent(mut self, retry: bool) -> Self {
            self.options = self.options.retry_non_idempotent(retry);
            self
        }

        $crate::__request_options!();
    };
    () => {
        /// The time limit of each attempt (sending until the body is read), instead of the
        /// client's.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options = self.options.timeout(timeout);
            self
        }

        /// The retry policy of this request, instead of the client's.
        pub fn retry_policy(mut self, policy: $crate::RetryPolicy) -> Self {
            self.options = self.options.retry_policy(policy);
            self
        }

        /// A query parameter the document does not list, sent after the documented ones
        /// (percent-encoded; a name added twice is sent twice).
        pub fn query_param(
            mut self,
            name: impl ::std::convert::Into<::std::string::String>,
            value: impl ::std::string::ToString,
        ) -> Self {
            self.options = self.options.query_param(name, value);
            self
        }

        /// An extra header; it replaces a header of the same name the client would send. A
        /// name or value HTTP cannot carry fails the request with `Error::Config`, before
        /// anything is sent.
        pub fn header(
            mut self,
            name: impl ::std::convert::AsRef<str>,
            value: impl ::std::convert::AsRef<str>,
        ) -> Self {
            self.options = self.options.header(name, value);
            self
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_query_pairs_keep_their_order() {
        let options = RequestOptions::default()
            .query_param("a", 1)
            .query_param("b", "x y")
            .query_param("a", true);
        assert_eq!(
            options.extra_query,
            [
                ("a".into(), "1".into()),
                ("b".into(), "x y".into()),
                ("a".into(), "true".into())
            ]
        );
    }

    #[test]
    fn valid_headers_are_kept_sensitive() {
        let options = RequestOptions::default().header("X-Trace", "abc");
        assert_eq!(options.extra_headers.len(), 1);
        assert!(options.extra_headers[0].1.is_sensitive());
        assert!(!format!("{options:?}").contains("abc"));
        assert_eq!(options.invalid_header, None);
    }

    #[test]
    fn an_invalid_header_is_remembered_not_a_panic() {
        let options = RequestOptions::default()
            .header("bad name", "v")
            .header("X-Ok", "line\nbreak");
        let reason = options.invalid_header.unwrap();
        assert!(
            reason.starts_with("header \"bad name\": the name"),
            "{reason}"
        );
        assert!(options.extra_headers.is_empty());
        let options = RequestOptions::default().header("X-Ok", "line\nbreak");
        assert!(options.invalid_header.unwrap().contains("the value"));
    }
}
