//! One request as generated code describes it.

use crate::query::QueryPairs;
use crate::{Error, RequestOptions};
use reqwest::{Method, Url};
use serde::Serialize;

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
    /// `multipart/form-data` parts.
    Multipart(crate::Multipart),
}

/// One request as generated code describes it; the transport adds base URL, auth and headers.
#[derive(Debug, Clone)]
pub struct Request {
    pub(crate) operation: &'static str,
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: QueryPairs,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Option<Body>,
    pub(crate) idempotent: bool,
    pub(crate) options: RequestOptions,
}

impl Request {
    /// `path` is already expanded and percent-encoded (generated code uses `encode_path_segment`).
    /// The request counts as idempotent when its method is (GET, PUT, DELETE, HEAD, OPTIONS).
    pub fn new(operation: &'static str, method: Method, path: String) -> Self {
        let idempotent = method.is_idempotent();
        Self {
            operation,
            method,
            path,
            query: QueryPairs::new(),
            headers: Vec::new(),
            body: None,
            idempotent,
            options: RequestOptions::default(),
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

    pub fn multipart(mut self, form: crate::Multipart) -> Self {
        self.body = Some(Body::Multipart(form));
        self
    }

    pub fn bytes(mut self, content_type: &'static str, data: Vec<u8>) -> Self {
        self.body = Some(Body::Bytes { content_type, data });
        self
    }

    setters! {
        /// Marks a request that is safe to repeat although its method is not idempotent (a list
        /// operation sent as POST): it is then retried like a GET.
        idempotent: bool;
        /// Per-request timeout and retry settings (from the request builder).
        options: RequestOptions;
    }

    pub fn operation(&self) -> &'static str {
        self.operation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_follows_the_method_unless_marked() {
        let get = Request::new("a", Method::GET, "/".into());
        let post = Request::new("b", Method::POST, "/".into());
        assert!(get.idempotent);
        assert!(!post.idempotent);
        assert!(post.idempotent(true).idempotent);
        assert!(Request::new("c", Method::DELETE, "/".into()).idempotent);
        assert!(!Request::new("d", Method::PATCH, "/".into()).idempotent);
    }
}
