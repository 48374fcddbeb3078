//! When and how long to wait before sending a request again.
//!
//! The policy is data; [`crate::Transport::execute`] applies it (through `backon`) around each
//! attempt. Which failures are worth another attempt is decided in `transport::attempt`.

use backon::ExponentialBuilder;
use reqwest::header::HeaderValue;
use std::time::{Duration, SystemTime};

/// How a client retries failed requests.
///
/// Defaults: 4 attempts in all (3 retries), exponential backoff from 500 ms doubling up to 30 s,
/// with jitter (each delay is stretched by a random fraction of itself, still capped at the
/// maximum), `Retry-After` honoured up to 60 s, and no retry of a non-idempotent request (POST,
/// PATCH) once it may have reached the server.
///
/// What is retried:
/// - `429 Too Many Requests`, for every method (the server refused the request, so repeating it
///   is safe), after the `Retry-After` delay when the server sends one;
/// - `500`, `502`, `503`, `504`, timeouts, dropped connections and truncated bodies, for
///   idempotent requests (GET, PUT, DELETE, HEAD, OPTIONS, and list operations sent as POST), or
///   for every request when [`RetryPolicy::retry_non_idempotent`] is on;
/// - connection failures before anything was sent (refused, DNS, TLS), for every method.
///
/// A server asking (with `Retry-After`) for a longer wait than [`RetryPolicy::max_retry_after`]
/// gets its error returned at once, so the caller decides instead of a task sleeping for hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
    jitter: bool,
    retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(60),
            jitter: true,
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// The documented defaults (see the type's documentation).
    pub fn new() -> Self {
        Self::default()
    }

    /// One attempt, no retry.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Attempts in all, the first included; `0` counts as `1`.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    setters! {
        /// The delay before the first retry; each later one doubles it.
        base_delay: Duration;
        /// No backoff delay (jitter included) exceeds this.
        max_delay: Duration;
        /// The longest `Retry-After` the client waits for; a longer one returns the error at once.
        max_retry_after: Duration;
        /// Randomize delays so that many clients failing together do not retry together.
        jitter: bool;
        /// Also retry POST and PATCH after 5xx, timeouts and dropped connections. Only for requests
        /// the caller knows are safe to repeat: the server may have acted on the first one.
        retry_non_idempotent: bool;
    }

    pub(crate) fn allows_non_idempotent(&self) -> bool {
        self.retry_non_idempotent
    }

    /// The backoff schedule between attempts.
    pub(crate) fn backoff(&self) -> ExponentialBuilder {
        let retries = usize::try_from(self.max_attempts.saturating_sub(1)).unwrap_or(usize::MAX);
        let backoff = ExponentialBuilder::new()
            .with_min_delay(self.base_delay)
            .with_max_delay(self.max_delay)
            .with_factor(2.0)
            .with_max_times(retries);
        if self.jitter {
            backoff.with_jitter()
        } else {
            backoff
        }
    }

    /// The delay before the next attempt: the server's `Retry-After` when it sent one (`None`,
    /// stop, when it exceeds the cap), else the backoff's delay capped at the maximum.
    pub(crate) fn next_delay(
        &self,
        retry_after: Option<Duration>,
        backoff: Option<Duration>,
    ) -> Option<Duration> {
        let backoff = backoff?;
        match retry_after {
            Some(wait) if wait > self.max_retry_after => None,
            Some(wait) => Some(wait),
            // backon multiplies in f32 (200 ms comes out as 200.000003 ms): whole milliseconds.
            None => Some(whole_millis(backoff).min(self.max_delay)),
        }
    }
}

fn whole_millis(delay: Duration) -> Duration {
    Duration::from_millis(u64::try_from(delay.as_millis()).unwrap_or(u64::MAX))
}

/// `Retry-After` as a delay: whole seconds, or an HTTP date (a date in the past means now).
pub fn parse_retry_after(value: &HeaderValue, now: SystemTime) -> Option<Duration> {
    let text = value.to_str().ok()?.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(text).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use backon::BackoffBuilder;

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let seconds = HeaderValue::from_static("7");
        assert_eq!(
            parse_retry_after(&seconds, now),
            Some(Duration::from_secs(7))
        );
        let later = httpdate::fmt_http_date(now + Duration::from_secs(12));
        let date = HeaderValue::from_str(&later).unwrap();
        assert_eq!(parse_retry_after(&date, now), Some(Duration::from_secs(12)));
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(5));
        let past = HeaderValue::from_str(&earlier).unwrap();
        assert_eq!(parse_retry_after(&past, now), Some(Duration::ZERO));
        let junk = HeaderValue::from_static("soon");
        assert_eq!(parse_retry_after(&junk, now), None);
    }

    #[test]
    fn backoff_doubles_up_to_the_maximum() {
        let policy = RetryPolicy::new()
            .max_attempts(6)
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(500))
            .jitter(false);
        let delays: Vec<_> = policy.backoff().build().collect();
        let millis: Vec<u128> = delays.iter().map(Duration::as_millis).collect();
        assert_eq!(millis, [100, 200, 400, 500, 500]);
    }

    #[test]
    fn jitter_stays_within_the_cap() {
        let policy = RetryPolicy::new()
            .max_attempts(10)
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(300));
        for delay in policy.backoff().build() {
            let capped = policy.next_delay(None, Some(delay)).unwrap();
            assert!(capped >= Duration::from_millis(100) && capped <= Duration::from_millis(300));
        }
    }

    #[test]
    fn retry_after_wins_unless_past_the_cap() {
        let policy = RetryPolicy::new().max_retry_after(Duration::from_secs(10));
        let backoff = Some(Duration::from_millis(500));
        assert_eq!(
            policy.next_delay(Some(Duration::from_secs(3)), backoff),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            policy.next_delay(Some(Duration::from_secs(11)), backoff),
            None
        );
        assert_eq!(policy.next_delay(Some(Duration::from_secs(3)), None), None);
    }

    #[test]
    fn none_means_one_attempt() {
        assert_eq!(RetryPolicy::none().backoff().build().count(), 0);
        let zero = RetryPolicy::new().max_attempts(0);
        assert_eq!(zero.backoff().build().count(), 0);
    }
}
