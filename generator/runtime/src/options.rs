//! Per-request settings that override the client's (set through each request builder).

use crate::RetryPolicy;
use std::time::Duration;

/// What a request builder may override for one request. Unset fields keep the client's value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) retry_non_idempotent: Option<bool>,
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
}
