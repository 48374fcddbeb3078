//! The response observer, rate limits and Debug output (which never shows the API key).

mod support;

use instantly_runtime::__private::Request;
use instantly_runtime::reqwest::Method;
use instantly_runtime::{RateLimit, Transport};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{Delays, exact_policy, server_always, server_answering};
use wiremock::{MockServer, ResponseTemplate};

const KEY: &str = "sk_live_do_not_log_me";
const SECRET_BODY: &str = "body-text-that-must-not-be-logged";

/// Fails once, then succeeds with an `sl-violations` header; both bodies hold the secret.
async fn flaky_server() -> MockServer {
    let failure = ResponseTemplate::new(503).set_body_string(SECRET_BODY);
    let success = ResponseTemplate::new(200)
        .set_body_json(json!({"secret": SECRET_BODY}))
        .insert_header("sl-violations", "[]");
    server_answering(failure, 1, success).await
}

#[tokio::test]
async fn the_observer_sees_every_attempt_with_its_headers() {
    let server = flaky_server().await;
    let seen: Arc<Mutex<Vec<(u32, u16, bool)>>> = Arc::default();
    let log = Arc::clone(&seen);
    let delays = Delays::default();
    let transport = delays
        .install(Transport::builder(server.uri()).api_key(KEY))
        .retry_policy(exact_policy())
        .observe_responses(move |exchange| {
            log.lock().unwrap().push((
                exchange.attempt,
                exchange.status.as_u16(),
                exchange.headers.contains_key("sl-violations"),
            ));
        })
        .build()
        .unwrap();
    let request = Request::new("get_item", Method::GET, "/items/1".into());
    transport.send_json::<Value>(request).await.unwrap();
    assert_eq!(*seen.lock().unwrap(), [(1, 503, false), (2, 200, true)]);
}

/// Sends `times` GETs of `operation` to `path`, one after another; how long they took.
async fn time_gets(
    transport: &Transport,
    operation: &'static str,
    path: &str,
    times: usize,
) -> Duration {
    let started = Instant::now();
    for _ in 0..times {
        let request = Request::new(operation, Method::GET, path.to_owned());
        transport.send_json::<Value>(request).await.unwrap();
    }
    started.elapsed()
}

#[tokio::test]
async fn a_rate_limit_paces_requests() {
    let server = server_always(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let transport = Transport::builder(server.uri())
        .rate_limit(RateLimit::per_second(10).and_per_minute(600))
        .build()
        .unwrap();
    let elapsed = time_gets(&transport, "get_item", "/items/1", 15).await;
    // A burst of 10, then one every 100 ms.
    assert!(elapsed >= Duration::from_millis(450), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(3), "{elapsed:?}");
}

#[tokio::test]
async fn an_operation_limit_paces_only_that_operation() {
    let server = server_always(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let delays = Delays::default();
    let transport = Transport::builder(server.uri())
        .operation_rate_limit("list_emails", RateLimit::per_second(2))
        .build()
        .unwrap();
    let elapsed = time_gets(&transport, "get_item", "/items/1", 20).await;
    assert!(elapsed < Duration::from_millis(400));
    let elapsed = time_gets(&transport, "list_emails", "/emails", 3).await;
    assert!(elapsed >= Duration::from_millis(450));
    assert!(delays.taken().is_empty());
}

#[test]
fn debug_output_shows_the_settings_but_not_the_key() {
    let builder = Transport::builder("http://localhost")
        .api_key(KEY)
        .rate_limit(RateLimit::per_second(100).and_per_minute(6000));
    let builder_text = format!("{builder:?}");
    let transport = builder.build().unwrap();
    let text = format!("{transport:?}");
    for shown in [&text, &builder_text] {
        assert!(!shown.contains(KEY), "{shown}");
        assert!(!shown.contains("sk_live"), "{shown}");
    }
    assert!(text.contains("<redacted>"), "{text}");
    assert!(text.contains("max_attempts: 4"), "{text}");
    assert!(text.contains("per_minute: Some(6000)"), "{text}");
}
