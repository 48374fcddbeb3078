use crate::retry::parse_retry_after;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::fmt;
use std::time::{Duration, SystemTime};

/// How many characters of a response body an error message shows.
const BODY_SNIPPET_CHARS: usize = 200;

/// The error of every generated operation.
///
/// Messages name the operation and never contain the API key (it travels only in a header
/// marked sensitive, and [`crate::ApiKey`] redacts itself).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with a non-success status (after any retries).
    #[error("{operation}: HTTP {status}: {body}")]
    #[non_exhaustive]
    Api {
        operation: &'static str,
        status: StatusCode,
        /// The headers of the last response (`Retry-After`, request ids…); boxed to keep
        /// `Result<_, Error>` small.
        headers: Box<HeaderMap>,
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
        "{operation}: could not decode the {status} response{}: {source}; the body starts with: {snippet}",
        at_path(.path)
    )]
    #[non_exhaustive]
    Decode {
        operation: &'static str,
        status: StatusCode,
        /// The JSON path of the value that did not decode, such as
        /// `items[3].campaign_schedule.start_date` (`.` for the body itself).
        path: String,
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
    /// The client is misconfigured (missing API key, unusable base URL, TLS set-up failure…),
    /// or a request was (an extra header HTTP cannot carry, a path that makes no URL).
    #[error("client configuration: {0}")]
    Config(String),
}

fn at_path(path: &str) -> String {
    if path.is_empty() || path == "." {
        String::new()
    } else {
        format!(" at {path}")
    }
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

    /// The response headers of an API error (the last response, once retries gave up).
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Self::Api { headers, .. } => Some(headers),
            _ => None,
        }
    }

    /// How long the server asked to wait before trying again: the `Retry-After` of an API
    /// error (seconds or an HTTP date, counted from now), typically on a 429 that retries
    /// could not get past.
    pub fn retry_after(&self) -> Option<Duration> {
        let value = self.headers()?.get(header::RETRY_AFTER)?;
        parse_retry_after(value, SystemTime::now())
    }

    /// The JSON path of the value a response failed to decode at
    /// (`items[3].campaign_schedule.start_date`), for decode errors.
    pub fn json_path(&self) -> Option<&str> {
        match self {
            Self::Decode { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The parsed error body of an API error.
    pub fn body(&self) -> Option<&ErrorBody> {
        match self {
            Self::Api { body, .. } => Some(body),
            _ => None,
        }
    }

    pub(crate) fn api(
        operation: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        body: &[u8],
        shape: &ErrorShape,
    ) -> Self {
        Self::Api {
            operation,
            status,
            headers: Box::new(headers),
            body: ErrorBody::parse_with(body, shape),
        }
    }

    pub(crate) fn decode(
        operation: &'static str,
        status: StatusCode,
        path: String,
        source: serde_json::Error,
        body: &[u8],
    ) -> Self {
        Self::Decode {
            operation,
            status,
            path,
            source,
            snippet: snippet(body),
        }
    }
}

/// Decodes a JSON body as `T`; on failure, the error says where. The common case pays
/// nothing: the body is decoded once, and only a body that fails is decoded again through
/// `serde_path_to_error` to find the path of the value that failed.
pub(crate) fn decode_json<T: DeserializeOwned>(
    operation: &'static str,
    status: StatusCode,
    json: &[u8],
    body: &[u8],
) -> Result<T, Error> {
    serde_json::from_slice(json).map_err(|first| {
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
            Err(error) => {
                let path = error.path().to_string();
                Error::decode(operation, status, path, error.into_inner(), body)
            }
            // Decoding is deterministic, so this does not happen; the first error still stands.
            Ok(_) => Error::decode(operation, status, ".".to_owned(), first, body),
        }
    })
}

/// The body of an error response: the API's error object (its [`ErrorShape`]) when the server
/// sent one, the raw text otherwise.
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
    /// Reads `body` as an error object of the default [`ErrorShape`].
    pub fn parse(body: &[u8]) -> Self {
        Self::parse_with(body, &ErrorShape::default())
    }

    /// Reads `body` as an error object of `shape`: a JSON object with a numeric status code, a
    /// string error and a message (a string, or a list of strings joined with `; `).
    pub fn parse_with(body: &[u8], shape: &ErrorShape) -> Self {
        let parsed = serde_json::from_slice::<serde_json::Value>(body)
            .ok()
            .and_then(|value| shape.read(&value));
        match parsed {
            Some(parsed) => parsed,
            None => Self::Raw(String::from_utf8_lossy(body).into_owned()),
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

/// Where an API's error object keeps its status code, error and message: the JSON field names
/// [`ErrorBody::Parsed`] is read from. A generated client sets its API's shape on its
/// transport; the default is the common `{statusCode, error, message}` object (NestJS's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorShape {
    status_code: Cow<'static, str>,
    error: Cow<'static, str>,
    message: Cow<'static, str>,
}

impl Default for ErrorShape {
    fn default() -> Self {
        Self::new("statusCode", "error", "message")
    }
}

impl ErrorShape {
    /// The field names of the status code, the error and the message.
    pub fn new(
        status_code: impl Into<Cow<'static, str>>,
        error: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self {
            status_code: status_code.into(),
            error: error.into(),
            message: message.into(),
        }
    }

    fn read(&self, value: &serde_json::Value) -> Option<ErrorBody> {
        let object = value.as_object()?;
        let status_code = object.get(self.status_code.as_ref())?.as_u64()?;
        let error = object.get(self.error.as_ref())?.as_str()?;
        let message = match object.get(self.message.as_ref())? {
            serde_json::Value::String(text) => text.clone(),
            // Validation errors carry a list of messages instead of one.
            serde_json::Value::Array(texts) => texts
                .iter()
                .map(|text| text.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()?
                .join("; "),
            _ => return None,
        };
        Some(ErrorBody::Parsed {
            status_code: u16::try_from(status_code).ok()?,
            error: error.to_owned(),
            message,
        })
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
        let error = Error::api(
            "get_campaign",
            StatusCode::NOT_FOUND,
            HeaderMap::new(),
            body,
            &ErrorShape::default(),
        );
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
    fn the_shape_names_the_fields() {
        let shape = ErrorShape::new("code", "kind", "detail");
        let body = br#"{"code":422,"kind":"Invalid","detail":"name is empty"}"#;
        assert_eq!(
            ErrorBody::parse_with(body, &shape),
            ErrorBody::Parsed {
                status_code: 422,
                error: "Invalid".into(),
                message: "name is empty".into()
            }
        );
        let other = br#"{"statusCode":404,"error":"Not Found","message":"gone"}"#;
        assert!(matches!(
            ErrorBody::parse_with(other, &shape),
            ErrorBody::Raw(_)
        ));
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
        let error = Error::decode(
            "list_leads",
            StatusCode::OK,
            ".".into(),
            source,
            body.as_bytes(),
        );
        let text = error.to_string();
        assert!(text.starts_with("list_leads: could not decode the 200 OK response"));
        assert!(text.contains(&format!("{}…", "x".repeat(200))));
        assert!(!text.contains(&"x".repeat(201)));
    }

    #[test]
    fn retry_after_comes_from_the_api_error_headers() {
        let mut headers = HeaderMap::new();
        headers.insert(header::RETRY_AFTER, "7".parse().unwrap());
        let error = Error::api(
            "list_leads",
            StatusCode::TOO_MANY_REQUESTS,
            headers,
            b"",
            &ErrorShape::default(),
        );
        assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
        assert_eq!(error.headers().map(HeaderMap::len), Some(1));
        let error = Error::api(
            "list_leads",
            StatusCode::TOO_MANY_REQUESTS,
            HeaderMap::new(),
            b"",
            &ErrorShape::default(),
        );
        assert_eq!(error.retry_after(), None);
        assert_eq!(Error::Config(String::new()).retry_after(), None);
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Page {
        items: Vec<Item>,
        #[serde(flatten)]
        rest: serde_json::Map<String, serde_json::Value>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        schedule: Option<Schedule>,
        #[serde(flatten)]
        rest: serde_json::Map<String, serde_json::Value>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Schedule {
        start_date: crate::Date,
    }

    #[test]
    fn decode_errors_name_the_path_through_flattened_structs() {
        let body = br#"{"items":[{"schedule":null},{"schedule":{"start_date":"soon"}}],"x":1}"#;
        let error = decode_json::<Page>("list", StatusCode::OK, body, body).unwrap_err();
        assert_eq!(error.json_path(), Some("items[1].schedule.start_date"));
        let text = error.to_string();
        assert!(
            text.starts_with(
                "list: could not decode the 200 OK response at items[1].schedule.start_date: "
            ),
            "{text}"
        );
    }

    #[test]
    fn a_body_that_is_wrong_as_a_whole_has_no_path_in_the_message() {
        let error = decode_json::<Page>("list", StatusCode::OK, b"[]", b"[]").unwrap_err();
        assert_eq!(error.json_path(), Some("."));
        assert!(
            error
                .to_string()
                .starts_with("list: could not decode the 200 OK response: ")
        );
    }
}
