//! The builder of a generated client: every configuration method once, for every client.

use crate::{ApiKey, Error, Exchange, RateLimit, RetryPolicy, Transport, TransportBuilder};
use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

/// A client made from a configured [`Transport`]: what [`ClientBuilder::build`] returns.
/// Generated clients implement it.
pub trait FromTransport {
    fn from_transport(transport: Transport) -> Self;
}

/// Configures a client `C` (a generated `Client`): base URL, key, timeouts, retries, rate
/// limits, then [`Self::build`].
#[must_use = "call `build` to get a client"]
pub struct ClientBuilder<C> {
    transport: TransportBuilder,
    client: PhantomData<fn() -> C>,
}

// By hand: derives would require `C: Debug + Clone`, and the builder holds no `C`.
impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("transport", &self.transport)
            .finish()
    }
}

impl<C> Clone for ClientBuilder<C> {
    fn clone(&self) -> Self {
        Self {
            transport: self.transport.clone(),
            client: PhantomData,
        }
    }
}

impl<C: FromTransport> ClientBuilder<C> {
    /// A builder over `transport`, which carries the client's defaults (base URL, user agent,
    /// error shape).
    pub fn new(transport: TransportBuilder) -> Self {
        Self {
            transport,
            client: PhantomData,
        }
    }

    fn map(self, configure: impl FnOnce(TransportBuilder) -> TransportBuilder) -> Self {
        Self::new(configure(self.transport))
    }

    pub fn base_url(self, base_url: impl Into<String>) -> Self {
        self.map(|transport| transport.base_url(base_url))
    }

    /// Sent as `Authorization: Bearer <key>`; never shown by `Debug`.
    pub fn api_key(self, api_key: impl Into<ApiKey>) -> Self {
        self.map(|transport| transport.api_key(api_key))
    }

    /// A limit for each attempt, from sending until the response body has been read
    /// (default 60 s); a request builder's `timeout` overrides it.
    pub fn timeout(self, timeout: Duration) -> Self {
        self.map(|transport| transport.timeout(timeout))
    }

    /// A limit for establishing a connection (default 10 s).
    pub fn connect_timeout(self, timeout: Duration) -> Self {
        self.map(|transport| transport.connect_timeout(timeout))
    }

    /// When and how failed requests are retried ([`RetryPolicy`] documents the defaults);
    /// `RetryPolicy::none()` turns retries off.
    pub fn retry_policy(self, policy: RetryPolicy) -> Self {
        self.map(|transport| transport.retry_policy(policy))
    }

    /// Keep every request under these rates (default: no limit).
    pub fn rate_limit(self, limit: RateLimit) -> Self {
        self.map(|transport| transport.rate_limit(limit))
    }

    /// An extra rate limit for one operation, by its method name (`"list_emails"`).
    pub fn operation_rate_limit(self, operation: impl Into<String>, limit: RateLimit) -> Self {
        self.map(|transport| transport.operation_rate_limit(operation, limit))
    }

    pub fn user_agent(self, user_agent: impl Into<String>) -> Self {
        self.map(|transport| transport.user_agent(user_agent))
    }

    /// Called with the status and headers of every response, each attempt (metrics,
    /// request ids); it never sees the request's headers or any body.
    pub fn observe_responses(
        self,
        observer: impl Fn(&Exchange<'_>) + Send + Sync + 'static,
    ) -> Self {
        self.map(|transport| transport.observe_responses(observer))
    }

    /// Use this `reqwest::Client` (proxy, TLS and pool settings) instead of a new one.
    pub fn http_client(self, http: reqwest::Client) -> Self {
        self.map(|transport| transport.http_client(http))
    }

    pub fn build(self) -> Result<C, Error> {
        Ok(C::from_transport(self.transport.build()?))
    }
}

/// A generated client's `from_env`: the API key from `key_var`, and the base URL from
/// `base_url_var` when there is one and it is set and not empty.
pub fn client_from_env<C: FromTransport>(
    builder: ClientBuilder<C>,
    key_var: &str,
    base_url_var: Option<&str>,
) -> Result<C, Error> {
    let builder = match std::env::var(key_var) {
        Ok(key) if !key.is_empty() => builder.api_key(key),
        _ => {
            return Err(Error::Config(format!(
                "environment variable {key_var} is not set"
            )));
        }
    };
    let base_url = base_url_var.and_then(|name| std::env::var(name).ok());
    match base_url {
        Some(base_url) if !base_url.is_empty() => builder.base_url(base_url),
        _ => builder,
    }
    .build()
}

/// What every generated `Client` has beside its operations, over its `transport` field and
/// its `DEFAULT_BASE_URL`, `API_KEY_ENV_VAR` and `builder()`: `FromTransport`, `new`,
/// `from_env` (with the base URL from `base_url_env_var` when it is given, set and not empty),
/// `from_transport`, `transport` and `request`. One line in the generated source, the same for
/// every client.
#[doc(hidden)]
#[macro_export]
macro_rules! __client {
    ($client:ident) => {
        $crate::__client!(@impl $client, ::std::option::Option::None,
            " A client whose API key comes from the environment variable [`Self::API_KEY_ENV_VAR`].");
    };
    ($client:ident, base_url_env_var = $var:literal) => {
        $crate::__client!(@impl $client, ::std::option::Option::Some($var), ::std::concat!(
            " A client whose API key comes from the environment variable [`Self::API_KEY_ENV_VAR`], \
             and whose base URL comes from `", $var, "` when that is set and not empty."));
    };
    (@impl $client:ident, $base_url_env_var:expr, $from_env_doc:expr) => {
        impl $crate::FromTransport for $client {
            fn from_transport(transport: $crate::Transport) -> Self {
                Self { transport }
            }
        }

        impl $client {
            /// A client for the default base URL, authenticating with `api_key` (sent as a
            /// bearer token).
            pub fn new(api_key: impl ::std::convert::Into<$crate::ApiKey>) -> $crate::Result<Self> {
                Self::builder().api_key(api_key).build()
            }

            #[doc = $from_env_doc]
            pub fn from_env() -> $crate::Result<Self> {
                $crate::__private::client_from_env(
                    Self::builder(),
                    Self::API_KEY_ENV_VAR,
                    $base_url_env_var,
                )
            }

            /// A client over an already configured transport.
            pub fn from_transport(transport: $crate::Transport) -> Self {
                Self { transport }
            }

            pub fn transport(&self) -> &$crate::Transport {
                &self.transport
            }

            /// A request to a path this client has no method for (relative to the base URL,
            /// percent-encoded), through the same auth, retries, rate limits and tracing:
            /// add `.query_param(…)`, `.header(…)`, `.json(&body)?`, then `.send::<T>()`,
            /// `.send_json()` or `.send_with_response::<T>()`.
            pub fn request(
                &self,
                method: $crate::Method,
                path: impl ::std::convert::Into<::std::string::String>,
            ) -> $crate::AnyRequest {
                $crate::AnyRequest::new(self.transport.clone(), method, path)
            }
        }
    };
}
