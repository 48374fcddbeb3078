//! A hook that sees each response's status and headers (metrics, contract checks).

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use std::sync::Arc;

/// One response as an observer sees it. It never holds the request's headers (the API key) or
/// any body.
#[derive(Debug)]
#[non_exhaustive]
pub struct Exchange<'a> {
    pub operation: &'static str,
    pub method: &'a Method,
    /// The expanded path, without the query string.
    pub path: &'a str,
    /// 1 for the first attempt.
    pub attempt: u32,
    pub status: StatusCode,
    pub headers: &'a HeaderMap,
}

/// Called once per attempt that got a response, before the body is read.
pub type ResponseObserver = Arc<dyn Fn(&Exchange<'_>) + Send + Sync>;
