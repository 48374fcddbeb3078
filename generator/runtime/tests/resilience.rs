//! Retries, Retry-After, timeouts, dropped connections and bad bodies against real local
//! servers (wiremock, and a raw TCP server for resets and truncation). Delays are recorded by an
//! injected sleeper, so the tests assert the delays honoured without waiting for them.

mod support;

use instantly_runtime::reqwest::Method;
use instantly_runtime::{Error, ErrorBody, Request, RequestOptions, RetryPolicy, Transport};
use serde_json::{Value, json};
use std::time::{Duration, SystemTime};
use support::{Delays, RawServer, Reply, exact_policy, transport};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn ms(values: &[u64]) -> Vec<Duration> {
    values.iter().copied().map(Duration::from_millis).collect()
}

/// Answers `first` `times` times, then 200 `{"ok": true}`.
async fn server_failing(first: ResponseTemplate, times: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .mount(&server)
        .await;
    server
}

async fn attempts(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

fn get() -> Request {
    Request::new("get_item", Method::GET, "/items/1".into())
}

fn post() -> Request {
    Request::new("create_item", Method::POST, "/items".into())
        .json(&json!({"name": "x"}))
        .unwrap()
}

fn status_of(error: &Error) -> u16 {
    error.status().map(|status| status.as_u16()).unwrap_or(0)
}

#[tokio::test]
async fn rate_limited_requests_back_off_exponentially() {
    let server = server_failing(ResponseTemplate::new(429), 3).await;
    let delays = Delays::default();
    let got: Value = transport(&server.uri(), exact_policy(), &delays)
        .send_json(get())
        .await
        .unwrap();
    assert_eq!(got, json!({"ok": true}));
    assert_eq!(attempts(&server).await, 4);
    assert_eq!(delays.taken(), ms(&[100, 200, 400]));
}

#[tokio::test]
async fn retry_after_in_seconds_is_honoured() {
    let limited = ResponseTemplate::new(429).insert_header("retry-after", "7");
    let server = server_failing(limited, 1).await;
    let delays = Delays::default();
    transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(get())
        .await
        .unwrap();
    assert_eq!(attempts(&server).await, 2);
    assert_eq!(delays.taken(), [Duration::from_secs(7)]);
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let when = httpdate_in(Duration::from_secs(30));
    let limited = ResponseTemplate::new(429).insert_header("retry-after", when.as_str());
    let server = server_failing(limited, 1).await;
    let delays = Delays::default();
    transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(get())
        .await
        .unwrap();
    let taken = delays.taken();
    assert_eq!(taken.len(), 1);
    // The date has whole seconds and some time passes before it is read.
    assert!(
        taken[0] > Duration::from_secs(27) && taken[0] <= Duration::from_secs(30),
        "{taken:?}"
    );
}

fn httpdate_in(delay: Duration) -> String {
    httpdate::fmt_http_date(SystemTime::now() + delay)
}

#[tokio::test]
async fn retry_after_beyond_the_cap_returns_the_error_at_once() {
    let limited = ResponseTemplate::new(429).insert_header("retry-after", "3600");
    let server = server_failing(limited, 1).await;
    let delays = Delays::default();
    let error = transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(get())
        .await
        .unwrap_err();
    assert_eq!(status_of(&error), 429);
    assert_eq!(attempts(&server).await, 1);
    assert!(delays.taken().is_empty());
}

#[tokio::test]
async fn a_rate_limited_post_is_retried() {
    let server = server_failing(ResponseTemplate::new(429), 1).await;
    let delays = Delays::default();
    transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(post())
        .await
        .unwrap();
    assert_eq!(attempts(&server).await, 2);
}

#[tokio::test]
async fn service_unavailable_then_ok_is_retried_for_get() {
    let server = server_failing(ResponseTemplate::new(503), 1).await;
    let delays = Delays::default();
    let got: Value = transport(&server.uri(), exact_policy(), &delays)
        .send_json(get())
        .await
        .unwrap();
    assert_eq!(got, json!({"ok": true}));
    assert_eq!(attempts(&server).await, 2);
    assert_eq!(delays.taken(), ms(&[100]));
}

#[tokio::test]
async fn a_post_is_not_retried_after_a_server_error() {
    for status in [500, 502, 503, 504] {
        let server = server_failing(ResponseTemplate::new(status), 1).await;
        let delays = Delays::default();
        let error = transport(&server.uri(), exact_policy(), &delays)
            .send_json::<Value>(post())
            .await
            .unwrap_err();
        assert_eq!(status_of(&error), status);
        assert_eq!(attempts(&server).await, 1, "{status}");
        assert!(delays.taken().is_empty());
    }
}

#[tokio::test]
async fn a_post_is_retried_when_the_client_opts_in() {
    let server = server_failing(ResponseTemplate::new(503), 1).await;
    let delays = Delays::default();
    let policy = exact_policy().retry_non_idempotent(true);
    transport(&server.uri(), policy, &delays)
        .send_json::<Value>(post())
        .await
        .unwrap();
    assert_eq!(attempts(&server).await, 2);
}

#[tokio::test]
async fn a_post_is_retried_when_the_request_opts_in() {
    let server = server_failing(ResponseTemplate::new(503), 1).await;
    let delays = Delays::default();
    let request = post().options(RequestOptions::default().retry_non_idempotent(true));
    transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(request)
        .await
        .unwrap();
    assert_eq!(attempts(&server).await, 2);
}

#[tokio::test]
async fn a_list_sent_as_post_and_marked_idempotent_is_retried() {
    let server = server_failing(ResponseTemplate::new(502), 1).await;
    let delays = Delays::default();
    transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(post().idempotent(true))
        .await
        .unwrap();
    assert_eq!(attempts(&server).await, 2);
}

#[tokio::test]
async fn retries_stop_after_the_maximum_attempts() {
    let server = server_failing(ResponseTemplate::new(500), 100).await;
    let delays = Delays::default();
    let error = transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(get())
        .await
        .unwrap_err();
    assert_eq!(status_of(&error), 500);
    assert_eq!(attempts(&server).await, 4);
    assert_eq!(delays.taken(), ms(&[100, 200, 400]));
}

#[tokio::test]
async fn client_errors_are_never_retried() {
    for status in [400, 401, 402, 403, 404, 409, 422] {
        let server = server_failing(ResponseTemplate::new(status), 1).await;
        let delays = Delays::default();
        let error = transport(&server.uri(), exact_policy(), &delays)
            .send_json::<Value>(get())
            .await
            .unwrap_err();
        assert_eq!(status_of(&error), status);
        assert_eq!(attempts(&server).await, 1, "{status}");
    }
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    let server = server_failing(ResponseTemplate::new(503), 1).await;
    let delays = Delays::default();
    let error = transport(&server.uri(), RetryPolicy::none(), &delays)
        .send_json::<Value>(get())
        .await
        .unwrap_err();
    assert_eq!(status_of(&error), 503);
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn a_request_can_override_the_client_policy() {
    let server = server_failing(ResponseTemplate::new(503), 1).await;
    let delays = Delays::default();
    let request = get().options(RequestOptions::default().retry_policy(RetryPolicy::none()));
    transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(request)
        .await
        .unwrap_err();
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn jittered_delays_stay_between_the_delay_and_the_cap() {
    let server = server_failing(ResponseTemplate::new(429), 5).await;
    let delays = Delays::default();
    let policy = RetryPolicy::new()
        .max_attempts(6)
        .base_delay(Duration::from_millis(100))
        .max_delay(Duration::from_millis(500));
    transport(&server.uri(), policy, &delays)
        .send_json::<Value>(get())
        .await
        .unwrap();
    let taken = delays.taken();
    assert_eq!(taken.len(), 5);
    for (retry, delay) in taken.iter().enumerate() {
        let floor = Duration::from_millis(100 << retry).min(Duration::from_millis(500));
        assert!(
            *delay >= floor && *delay <= Duration::from_millis(500),
            "{taken:?}"
        );
    }
}

#[tokio::test]
async fn a_slow_response_past_the_timeout_is_retried_for_get() {
    let slow = ResponseTemplate::new(200)
        .set_body_json(json!({"slow": true}))
        .set_delay(Duration::from_secs(5));
    let server = server_failing(slow, 1).await;
    let delays = Delays::default();
    let transport = delays
        .install(Transport::builder(server.uri()))
        .timeout(Duration::from_millis(200))
        .retry_policy(exact_policy())
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let got: Value = transport.send_json(get()).await.unwrap();
    assert_eq!(got, json!({"ok": true}));
    assert_eq!(attempts(&server).await, 2);
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_slow_post_times_out_once() {
    let slow = ResponseTemplate::new(200).set_delay(Duration::from_secs(5));
    let server = server_failing(slow, 1).await;
    let delays = Delays::default();
    let transport = delays
        .install(Transport::builder(server.uri()))
        .timeout(Duration::from_millis(200))
        .retry_policy(exact_policy())
        .build()
        .unwrap();
    let error = transport.send_json::<Value>(post()).await.unwrap_err();
    match &error {
        Error::Transport { source, .. } => assert!(source.is_timeout(), "{error}"),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn a_request_timeout_overrides_the_client_timeout() {
    let slow = ResponseTemplate::new(200).set_delay(Duration::from_secs(5));
    let server = server_failing(slow, 1).await;
    let delays = Delays::default();
    let transport = delays
        .install(Transport::builder(server.uri()))
        .timeout(Duration::from_secs(30))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let request = get().options(RequestOptions::default().timeout(Duration::from_millis(200)));
    let error = transport.send_json::<Value>(request).await.unwrap_err();
    assert!(matches!(&error, Error::Transport { source, .. } if source.is_timeout()));
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_reset_connection_is_retried_for_get() {
    let server = RawServer::start(vec![Reply::Reset, Reply::Json(r#"{"ok":true}"#)]).await;
    let delays = Delays::default();
    let got: Value = transport(&server.url, exact_policy(), &delays)
        .send_json(get())
        .await
        .unwrap();
    assert_eq!(got, json!({"ok": true}));
    assert_eq!(server.requests(), 2);
    assert_eq!(delays.taken(), ms(&[100]));
}

#[tokio::test]
async fn a_reset_connection_is_not_retried_for_post() {
    let server = RawServer::start(vec![Reply::Reset, Reply::Json(r#"{"ok":true}"#)]).await;
    let delays = Delays::default();
    let error = transport(&server.url, exact_policy(), &delays)
        .send_json::<Value>(post())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error}");
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn a_truncated_body_is_retried_for_get() {
    let server = RawServer::start(vec![
        Reply::Truncated(r#"{"items":[1,2"#),
        Reply::Json(r#"{"items":[1,2,3]}"#),
    ])
    .await;
    let delays = Delays::default();
    let got: Value = transport(&server.url, exact_policy(), &delays)
        .send_json(get())
        .await
        .unwrap();
    assert_eq!(got, json!({"items": [1, 2, 3]}));
    assert_eq!(server.requests(), 2);
}

#[tokio::test]
async fn a_truncated_body_on_post_is_an_error() {
    let server = RawServer::start(vec![
        Reply::Truncated(r#"{"id":"#),
        Reply::Json(r#"{"id":1}"#),
    ])
    .await;
    let delays = Delays::default();
    let error = transport(&server.url, exact_policy(), &delays)
        .send_json::<Value>(post())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error}");
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn a_refused_connection_is_retried_even_for_post() {
    // A port that was just free: nothing listens there.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let delays = Delays::default();
    let error = transport(&url, exact_policy(), &delays)
        .send_json::<Value>(post())
        .await
        .unwrap_err();
    assert!(matches!(&error, Error::Transport { source, .. } if source.is_connect()));
    assert_eq!(delays.taken(), ms(&[100, 200, 400]));
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_with_the_status_and_the_start_of_the_body() {
    let server = server_failing(
        ResponseTemplate::new(200).set_body_string(r#"{"items": [1, 2,, ]"#),
        1,
    )
    .await;
    let delays = Delays::default();
    let error = transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(get())
        .await
        .unwrap_err();
    match &error {
        Error::Decode {
            operation,
            status,
            snippet,
            ..
        } => {
            assert_eq!(*operation, "get_item");
            assert_eq!(status.as_u16(), 200);
            assert_eq!(snippet, r#"{"items": [1, 2,, ]"#);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn an_html_error_page_is_kept_as_raw_text() {
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let server = server_failing(
        ResponseTemplate::new(502).set_body_raw(page, "text/html"),
        100,
    )
    .await;
    let delays = Delays::default();
    let error = transport(&server.uri(), exact_policy(), &delays)
        .send_json::<Value>(post())
        .await
        .unwrap_err();
    match &error {
        Error::Api { status, body, .. } => {
            assert_eq!(status.as_u16(), 502);
            assert_eq!(body, &ErrorBody::Raw(page.to_owned()));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(error.to_string().contains("502 Bad Gateway"));
    assert_eq!(attempts(&server).await, 1);
}
