//! Client-side rate limiting: wait before sending instead of running into 429s.

use crate::Sleeper;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;

/// Request rates a client keeps under; every limit set must allow a request before it is sent.
///
/// Instantly allows 100 requests per second and 6,000 per minute per workspace, shared by all
/// its keys (and 20 per minute on `GET /api/v2/emails`): a batch job can set
/// `RateLimit::per_second(100).and_per_minute(6000)` and wait instead of collecting 429s.
/// Retries count against the limits like first attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RateLimit {
    per_second: Option<NonZeroU32>,
    per_minute: Option<NonZeroU32>,
}

impl RateLimit {
    /// At most `requests` per second (`0` means no per-second limit).
    pub fn per_second(requests: u32) -> Self {
        Self::default().and_per_second(requests)
    }

    /// At most `requests` per minute (`0` means no per-minute limit).
    pub fn per_minute(requests: u32) -> Self {
        Self::default().and_per_minute(requests)
    }

    pub fn and_per_second(mut self, requests: u32) -> Self {
        self.per_second = NonZeroU32::new(requests);
        self
    }

    pub fn and_per_minute(mut self, requests: u32) -> Self {
        self.per_minute = NonZeroU32::new(requests);
        self
    }

    pub(crate) fn limiter(&self) -> Limiter {
        // governor's quotas allow a burst of the whole period's allowance, then one request per
        // period / allowance: the same budget the server counts.
        let quotas = [
            self.per_second.map(Quota::per_second),
            self.per_minute.map(Quota::per_minute),
        ];
        Limiter {
            limiters: quotas
                .into_iter()
                .flatten()
                .map(RateLimiter::direct)
                .collect(),
            clock: DefaultClock::default(),
        }
    }
}

/// The live state of one [`RateLimit`], shared by the clones of a transport.
pub(crate) struct Limiter {
    limiters: Vec<DefaultDirectRateLimiter>,
    clock: DefaultClock,
}

impl Limiter {
    /// Returns once every limit allows one more request (and counts it).
    pub(crate) async fn wait(&self, sleeper: &dyn Sleeper) {
        for limiter in &self.limiters {
            while let Err(not_until) = limiter.check() {
                sleeper
                    .sleep(not_until.wait_time_from(self.clock.now()))
                    .await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TokioSleeper;
    use std::time::{Duration, Instant};

    /// How long `times` requests wait under `limit`, one after another.
    async fn time_waits(limit: RateLimit, times: usize) -> Duration {
        let limiter = limit.limiter();
        let started = Instant::now();
        for _ in 0..times {
            limiter.wait(&TokioSleeper).await;
        }
        started.elapsed()
    }

    #[tokio::test]
    async fn waits_once_the_burst_is_spent() {
        let elapsed = time_waits(RateLimit::per_second(20), 25).await;
        // 20 at once, then one every 50 ms.
        assert!(elapsed >= Duration::from_millis(200), "{elapsed:?}");
        assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    }

    #[tokio::test]
    async fn no_limit_never_waits() {
        let elapsed = time_waits(RateLimit::per_second(0), 1000).await;
        assert!(elapsed < Duration::from_millis(100));
    }
}
