//! The tracing span of a request: what it records, and that the API key and bodies never appear.
//! Alone in its test binary: a thread-local subscriber and tests on other threads race over
//! `tracing`'s per-callsite interest cache.

mod support;

use instantly_runtime::__private::Request;
use instantly_runtime::Transport;
use instantly_runtime::reqwest::Method;
use serde_json::{Value, json};
use std::io::Write;
use std::sync::{Arc, Mutex};
use support::{Delays, exact_policy, server_answering};
use wiremock::{MockServer, ResponseTemplate};

const KEY: &str = "sk_live_do_not_log_me";
const SECRET_BODY: &str = "body-text-that-must-not-be-logged";

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Fails once, then succeeds; both bodies hold the secret, so a logged body would show.
async fn flaky_server() -> MockServer {
    let failure = ResponseTemplate::new(503).set_body_string(SECRET_BODY);
    let success = ResponseTemplate::new(200).set_body_json(json!({"secret": SECRET_BODY}));
    server_answering(failure, 1, success).await
}

#[tokio::test]
async fn the_span_records_operation_method_path_status_attempt_and_elapsed_time_only() {
    let server = flaky_server().await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let delays = Delays::default();
    let transport = delays
        .install(Transport::builder(server.uri()).api_key(KEY))
        .retry_policy(exact_policy())
        .build()
        .unwrap();
    let request = Request::new("create_item", Method::PUT, "/items/42".into())
        .json(&json!({"name": SECRET_BODY}))
        .unwrap();
    transport.send_json::<Value>(request).await.unwrap();

    let text = captured.text();
    for expected in [
        "operation=\"create_item\"",
        "method=PUT",
        "path=/items/42",
        "status=503",
        "status=200",
        "attempt=2",
        "elapsed_ms=",
        "retrying",
        "delay_ms=100",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    assert!(!text.contains(KEY), "{text}");
    assert!(!text.contains("sk_live"), "{text}");
    assert!(!text.contains(SECRET_BODY), "{text}");
}
