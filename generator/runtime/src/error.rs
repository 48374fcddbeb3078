use reqwest::StatusCode;
use serde::Deserialize;
use std::fmt;

/// How many characters of a response body an error message shows.
const BODY_SNIPPET_CHARS: usize = 200;

/// The error of every generated operation.
///
/// Messages name the operation and never contain the API key (it travels only in a header
/// marked sensitive, and [`crate::ApiKey`] redacts itself).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with a non-success status.
    #[error("{operation}: HTTP {status}: {body}")]
    Api {
        operation: &'static str,
        status: StatusCode,
        body: ErrorBody,
    },
    /// The request could not be sent or the response could not be read.
    #[error("{operation}: request failed: {source}")]
    Transport {
        operation: &'static str,
        #[source]
        source: reqwest::Error,
    },
    /// The response body did not match the documented type.
    #[error(
        "{operation}: could not decode the {status} response: {source}; the body starts with: {snippet}"
    )]
    Decode {
        operation: &'static str,
        status: StatusCode,
        #[source]
        source: serde_json::Error,
        /// The first characters of the body.
        snippet: String,
    },
    /// The request body could not be serialized.
    #[error("{operation}: could not encode the request body: {source}")]
    Encode {
        operation: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// The client is misconfigured (missing API key, unusable base URL, TLS set-up failure…).
    #[error("client configuration: {0}")]
    Config(String),
}

impl Error {
    /// The HTTP status, for errors that have one.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Self::Api { status, .. } | Self::Decode { status, .. } => Some(*status),
            Self::Transport { source, .. } => source.status(),
            Self::Encode { .. } | Self::Config(_) => None,
        }
    }

    pub(crate) fn api(operation: &'static str, status: StatusCode, body: &[u8]) -> Self {
        Self::Api {
            operation,
            status,
            body: ErrorBody::parse(body),
        }
    }

    pub(crate) fn decode(
        operation: &'static str,
        status: StatusCode,
        source: serde_json::Error,
        body: &[u8],
    ) -> Self {
        Self::Decode {
            operation,
            status,
            source,
            snippet: snippet(body),
        }
    }
}

/// The body of an error response: the documented `{statusCode, error, message}` object when the
/// server sent one, the raw text otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorBody {
    Parsed {
        status_code: u16,
        error: String,
        message: String,
    },
    Raw(String),
}

impl ErrorBody {
    pub fn parse(body: &[u8]) -> Self {
        match serde_json::from_slice::<WireErrorBody>(body) {
            Ok(wire) => Self::Parsed {
                status_code: wire.status_code,
                error: wire.error,
                message: wire.message.into_text(),
            },
            Err(_) => Self::Raw(String::from_utf8_lossy(body).into_owned()),
        }
    }

    /// The server's message, if the body was the documented error object.
    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Parsed { message, .. } => Some(message),
            Self::Raw(_) => None,
        }
    }
}

impl fmt::Display for ErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Parsed { error, message, .. } => write!(f, "{error}: {message}"),
            Self::Raw(raw) if raw.is_empty() => f.write_str("(empty body)"),
            Self::Raw(raw) => f.write_str(&snippet(raw.as_bytes())),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireErrorBody {
    status_code: u16,
    error: String,
    message: Message,
}

/// Validation errors carry a list of messages instead of one.
#[derive(Deserialize)]
#[serde(untagged)]
enum Message {
    One(String),
    Many(Vec<String>),
}

impl Message {
    fn into_text(self) -> String {
        match self {
            Self::One(text) => text,
            Self::Many(texts) => texts.join("; "),
        }
    }
}

fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut shown: String = text.chars().take(BODY_SNIPPET_CHARS).collect();
    if text.chars().nth(BODY_SNIPPET_CHARS).is_some() {
        shown.push('…');
    }
    if shown.is_empty() {
        shown.push_str("(empty body)");
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_error_bodies_are_parsed() {
        let body = br#"{"statusCode":404,"error":"Not Found","message":"Campaign not found"}"#;
        let error = Error::api("get_campaign", StatusCode::NOT_FOUND, body);
        assert_eq!(
            error.to_string(),
            "get_campaign: HTTP 404 Not Found: Not Found: Campaign not found"
        );
        assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
    }

    #[test]
    fn message_lists_are_joined() {
        let body = br#"{"statusCode":400,"error":"Bad Request","message":["a","b"]}"#;
        assert_eq!(ErrorBody::parse(body).message(), Some("a; b"));
    }

    #[test]
    fn other_bodies_are_kept_raw() {
        assert_eq!(
            ErrorBody::parse(b"upstream timeout"),
            ErrorBody::Raw("upstream timeout".into())
        );
    }

    #[test]
    fn decode_errors_show_the_start_of_the_body() {
        let body = "x".repeat(500);
        let source = serde_json::from_str::<u8>(&body).unwrap_err();
        let error = Error::decode("list_leads", StatusCode::OK, source, body.as_bytes());
        let text = error.to_string();
        assert!(text.starts_with("list_leads: could not decode the 200 OK response"));
        assert!(text.contains(&format!("{}…", "x".repeat(200))));
        assert!(!text.contains(&"x".repeat(201)));
    }
}
