//! Retries, Retry-After, timeouts, dropped connections and bad bodies against real local
//! servers (wiremock, and a raw TCP server for resets and truncation). Delays are recorded by an
//! injected sleeper, so the tests assert the delays honoured without waiting for them.

mod support;

use instantly_runtime::__private::Request;
use instantly_runtime::reqwest::Method;
use instantly_runtime::{Error, ErrorBody, RequestOptions, RetryPolicy, Transport};
use serde_json::{Value, json};
use std::time::{Duration, Instant, SystemTime};
use support::{Delays, RawServer, Reply, exact_policy, server_answering, transport};
use wiremock::{MockServer, ResponseTemplate};

fn ms(values: &[u64]) -> Vec<Duration> {
    values.iter().copied().map(Duration::from_millis).collect()
}

/// Answers `first` `times` times, then 200 `{"ok": true}`.
async fn server_failing(first: ResponseTemplate, times: u64) -> MockServer {
    let ok = ResponseTemplate::new(200).set_body_json(json!({"ok": true}));
    server_answering(first, times, ok).await
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

/// What one `send_json` did: its result, the requests that reached the server and the delays
/// slept between them.
struct Sent {
    result: Result<Value, Error>,
    attempts: usize,
    delays: Vec<Duration>,
}

/// Sends `request` under `policy` to a server answering `first` `times` times, then
/// 200 `{"ok": true}`.
async fn send_to_failing(
    first: ResponseTemplate,
    times: u64,
    policy: RetryPolicy,
    request: Request,
) -> Sent {
    let server = server_failing(first, times).await;
    let delays = Delays::default();
    let result = transport(&server.uri(), policy, &delays)
        .send_json(request)
        .await;
    Sent {
        result,
        attempts: attempts(&server).await,
        delays: delays.taken(),
    }
}

/// Sends `request` with the exact policy to a raw server following `script`.
async fn send_to_raw(script: Vec<Reply>, request: Request) -> Sent {
    let server = RawServer::start(script).await;
    let delays = Delays::default();
    let result = transport(&server.url, exact_policy(), &delays)
        .send_json(request)
        .await;
    Sent {
        result,
        attempts: server.requests(),
        delays: delays.taken(),
    }
}

/// A transport to `server` that gives up on a response after `timeout`.
fn timing_out(server: &MockServer, timeout: Duration, policy: RetryPolicy) -> Transport {
    Delays::default()
        .install(Transport::builder(server.uri()))
        .timeout(timeout)
        .retry_policy(policy)
        .build()
        .unwrap()
}

/// A response that comes after any timeout these tests set.
fn slow_ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_delay(Duration::from_secs(5))
}

fn is_timeout(error: &Error) -> bool {
    matches!(error, Error::Transport { source, .. } if source.is_timeout())
}

#[tokio::test]
async fn rate_limited_requests_back_off_exponentially() {
    let sent = send_to_failing(ResponseTemplate::new(429), 3, exact_policy(), get()).await;
    assert_eq!(sent.result.unwrap(), json!({"ok": true}));
    assert_eq!(sent.attempts, 4);
    assert_eq!(sent.delays, ms(&[100, 200, 400]));
}

#[tokio::test]
async fn retry_after_in_seconds_is_honoured() {
    let limited = ResponseTemplate::new(429).insert_header("retry-after", "7");
    let sent = send_to_failing(limited, 1, exact_policy(), get()).await;
    sent.result.unwrap();
    assert_eq!(sent.attempts, 2);
    assert_eq!(sent.delays, [Duration::from_secs(7)]);
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let when = httpdate_in(Duration::from_secs(30));
    let limited = ResponseTemplate::new(429).insert_header("retry-after", when.as_str());
    let sent = send_to_failing(limited, 1, exact_policy(), get()).await;
    sent.result.unwrap();
    let taken = sent.delays;
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
    let sent = send_to_failing(limited, 1, exact_policy(), get()).await;
    assert_eq!(status_of(&sent.result.unwrap_err()), 429);
    assert_eq!(sent.attempts, 1);
    assert!(sent.delays.is_empty());
}

#[tokio::test]
async fn a_rate_limited_post_is_retried() {
    let sent = send_to_failing(ResponseTemplate::new(429), 1, exact_policy(), post()).await;
    sent.result.unwrap();
    assert_eq!(sent.attempts, 2);
}

#[tokio::test]
async fn service_unavailable_then_ok_is_retried_for_get() {
    let sent = send_to_failing(ResponseTemplate::new(503), 1, exact_policy(), get()).await;
    assert_eq!(sent.result.unwrap(), json!({"ok": true}));
    assert_eq!(sent.attempts, 2);
    assert_eq!(sent.delays, ms(&[100]));
}

#[tokio::test]
async fn a_post_is_not_retried_after_a_server_error() {
    for status in [500, 502, 503, 504] {
        let sent = send_to_failing(ResponseTemplate::new(status), 1, exact_policy(), post()).await;
        assert_eq!(status_of(&sent.result.unwrap_err()), status);
        assert_eq!(sent.attempts, 1, "{status}");
        assert!(sent.delays.is_empty());
    }
}

#[tokio::test]
async fn a_post_is_retried_when_the_client_opts_in() {
    let policy = exact_policy().retry_non_idempotent(true);
    let sent = send_to_failing(ResponseTemplate::new(503), 1, policy, post()).await;
    sent.result.unwrap();
    assert_eq!(sent.attempts, 2);
}

#[tokio::test]
async fn a_post_is_retried_when_the_request_opts_in() {
    let request = post().options(RequestOptions::default().retry_non_idempotent(true));
    let sent = send_to_failing(ResponseTemplate::new(503), 1, exact_policy(), request).await;
    sent.result.unwrap();
    assert_eq!(sent.attempts, 2);
}

#[tokio::test]
async fn a_list_sent_as_post_and_marked_idempotent_is_retried() {
    let request = post().idempotent(true);
    let sent = send_to_failing(ResponseTemplate::new(502), 1, exact_policy(), request).await;
    sent.result.unwrap();
    assert_eq!(sent.attempts, 2);
}

#[tokio::test]
async fn retries_stop_after_the_maximum_attempts() {
    let sent = send_to_failing(ResponseTemplate::new(500), 100, exact_policy(), get()).await;
    assert_eq!(status_of(&sent.result.unwrap_err()), 500);
    assert_eq!(sent.attempts, 4);
    assert_eq!(sent.delays, ms(&[100, 200, 400]));
}

#[tokio::test]
async fn client_errors_are_never_retried() {
    for status in [400, 401, 402, 403, 404, 409, 422] {
        let sent = send_to_failing(ResponseTemplate::new(status), 1, exact_policy(), get()).await;
        assert_eq!(status_of(&sent.result.unwrap_err()), status);
        assert_eq!(sent.attempts, 1, "{status}");
    }
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    let sent = send_to_failing(ResponseTemplate::new(503), 1, RetryPolicy::none(), get()).await;
    assert_eq!(status_of(&sent.result.unwrap_err()), 503);
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn a_request_can_override_the_client_policy() {
    let request = get().options(RequestOptions::default().retry_policy(RetryPolicy::none()));
    let sent = send_to_failing(ResponseTemplate::new(503), 1, exact_policy(), request).await;
    sent.result.unwrap_err();
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn jittered_delays_stay_between_the_delay_and_the_cap() {
    let policy = RetryPolicy::new()
        .max_attempts(6)
        .base_delay(Duration::from_millis(100))
        .max_delay(Duration::from_millis(500));
    let sent = send_to_failing(ResponseTemplate::new(429), 5, policy, get()).await;
    sent.result.unwrap();
    let taken = sent.delays;
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
    let slow = slow_ok().set_body_json(json!({"slow": true}));
    let server = server_failing(slow, 1).await;
    let transport = timing_out(&server, Duration::from_millis(200), exact_policy());
    let started = Instant::now();
    let got: Value = transport.send_json(get()).await.unwrap();
    assert_eq!(got, json!({"ok": true}));
    assert_eq!(attempts(&server).await, 2);
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_slow_post_times_out_once() {
    let server = server_failing(slow_ok(), 1).await;
    let transport = timing_out(&server, Duration::from_millis(200), exact_policy());
    let error = transport.send_json::<Value>(post()).await.unwrap_err();
    assert!(is_timeout(&error), "{error:?}");
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn a_request_timeout_overrides_the_client_timeout() {
    let server = server_failing(slow_ok(), 1).await;
    let transport = timing_out(&server, Duration::from_secs(30), RetryPolicy::none());
    let started = Instant::now();
    let request = get().options(RequestOptions::default().timeout(Duration::from_millis(200)));
    let error = transport.send_json::<Value>(request).await.unwrap_err();
    assert!(is_timeout(&error), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_reset_connection_is_retried_for_get() {
    let sent = send_to_raw(vec![Reply::Reset, Reply::Json(r#"{"ok":true}"#)], get()).await;
    assert_eq!(sent.result.unwrap(), json!({"ok": true}));
    assert_eq!(sent.attempts, 2);
    assert_eq!(sent.delays, ms(&[100]));
}

#[tokio::test]
async fn a_reset_connection_is_not_retried_for_post() {
    let sent = send_to_raw(vec![Reply::Reset, Reply::Json(r#"{"ok":true}"#)], post()).await;
    let error = sent.result.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error}");
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn a_truncated_body_is_retried_for_get() {
    let script = vec![
        Reply::Truncated(r#"{"items":[1,2"#),
        Reply::Json(r#"{"items":[1,2,3]}"#),
    ];
    let sent = send_to_raw(script, get()).await;
    assert_eq!(sent.result.unwrap(), json!({"items": [1, 2, 3]}));
    assert_eq!(sent.attempts, 2);
}

#[tokio::test]
async fn a_truncated_body_on_post_is_an_error() {
    let script = vec![Reply::Truncated(r#"{"id":"#), Reply::Json(r#"{"id":1}"#)];
    let sent = send_to_raw(script, post()).await;
    let error = sent.result.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error}");
    assert_eq!(sent.attempts, 1);
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
    let malformed = ResponseTemplate::new(200).set_body_string(r#"{"items": [1, 2,, ]"#);
    let sent = send_to_failing(malformed, 1, exact_policy(), get()).await;
    let error = sent.result.unwrap_err();
    let Error::Decode {
        operation,
        status,
        snippet,
        ..
    } = &error
    else {
        panic!("unexpected {error:?}")
    };
    assert_eq!(
        (*operation, status.as_u16(), snippet.as_str()),
        ("get_item", 200, r#"{"items": [1, 2,, ]"#)
    );
    assert_eq!(sent.attempts, 1);
}

#[tokio::test]
async fn when_retries_give_up_on_a_429_the_error_keeps_its_retry_after() {
    let limited = ResponseTemplate::new(429)
        .insert_header("retry-after", "2")
        .insert_header("x-ratelimit-remaining", "0");
    let sent = send_to_failing(limited, 100, exact_policy(), get()).await;
    assert_eq!(sent.attempts, 4);
    assert_eq!(sent.delays, ms(&[2000, 2000, 2000]));
    let error = sent.result.unwrap_err();
    assert_eq!(status_of(&error), 429);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(2)));
    let headers = error.headers().unwrap();
    assert_eq!(headers["x-ratelimit-remaining"], "0");
}

#[tokio::test]
async fn an_html_error_page_is_kept_as_raw_text() {
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let html = ResponseTemplate::new(502).set_body_raw(page, "text/html");
    let sent = send_to_failing(html, 100, exact_policy(), post()).await;
    let error = sent.result.unwrap_err();
    let Error::Api { status, body, .. } = &error else {
        panic!("unexpected {error:?}")
    };
    assert_eq!(status.as_u16(), 502);
    assert_eq!(body, &ErrorBody::Raw(page.to_owned()));
    assert!(error.to_string().contains("502 Bad Gateway"));
    assert_eq!(sent.attempts, 1);
}
