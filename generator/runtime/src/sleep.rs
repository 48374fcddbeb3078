//! Waiting, behind a trait so tests can record the delays a client honours instead of sleeping.

use futures::future::BoxFuture;
use std::fmt;
use std::time::Duration;

/// Waits for a while. The transport sleeps through this for retry backoff, `Retry-After` and the
/// client-side rate limit; the default is tokio's timer.
pub trait Sleeper: Send + Sync + 'static {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

/// `tokio::time::sleep`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleeper;

impl Sleeper for TokioSleeper {
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// Any `Fn(Duration) -> future` sleeps.
impl<F, Fut> Sleeper for F
where
    F: Fn(Duration) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(self(duration))
    }
}

/// For `Debug` of the transport, which holds a `dyn Sleeper`.
pub(crate) struct SleeperName;

impl fmt::Debug for SleeperName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<sleeper>")
    }
}
