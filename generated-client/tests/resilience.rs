//! The generated client's resilience settings against a local server: tolerant decoding of
//! unknown enum values and fields, the per-request timeout and retry setters of the request
//! builders, and the client builder's retry policy.

use instantly::runtime::{RetryPolicy, Transport};
use instantly::types::CampaignStatus;
use instantly::{Client, Error};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const ID: instantly::runtime::uuid::Uuid =
    instantly::runtime::uuid::Uuid::from_u128(0x0b2f3c1e_7d4a_4a8e_9c61_2d0e5a4b7f10);

fn campaign() -> Value {
    let document: Value = serde_norway::from_str(include_str!("../../spec/openapi.yaml")).unwrap();
    document["components"]["schemas"]["Campaign"]["example"].clone()
}

/// Answers `first` once, then the campaign example.
async fn server_failing_once(first: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(first)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(campaign()))
        .mount(&server)
        .await;
    server
}

/// A client with fast, recorded retries.
fn client(server: &MockServer) -> Client {
    let transport = Transport::builder(server.uri())
        .api_key("sk_test")
        .retry_policy(RetryPolicy::new().base_delay(Duration::from_millis(1)))
        .sleeper(|_: Duration| async {})
        .build()
        .unwrap();
    Client::from_transport(transport)
}

async fn attempts(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test]
async fn unknown_enum_values_and_extra_fields_are_kept() {
    let mut body = campaign();
    body["status"] = json!(42);
    body["brand_new_field"] = json!({"nested": [1, 2]});
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(&body))
        .mount(&server)
        .await;
    let got = client(&server).get_campaign(ID).send().await.unwrap();
    assert_eq!(got.status, CampaignStatus::Unknown(42));
    let again = serde_json::to_value(&got).unwrap();
    assert_eq!(again["status"], json!(42));
    assert_eq!(again["brand_new_field"], json!({"nested": [1, 2]}));
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_is_an_error_with_status_and_start_of_body() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"name": 5})))
        .mount(&server)
        .await;
    let error = client(&server).get_campaign(ID).send().await.unwrap_err();
    assert!(
        matches!(&error, Error::Decode { operation: "get_campaign", status, snippet, .. }
            if status.as_u16() == 200 && snippet == r#"{"name":5}"#),
        "{error:?}"
    );
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn a_get_is_retried_after_a_503() {
    let server = server_failing_once(ResponseTemplate::new(503)).await;
    client(&server).get_campaign(ID).send().await.unwrap();
    assert_eq!(attempts(&server).await, 2);
}

#[tokio::test]
async fn a_post_is_not_retried_after_a_503_unless_the_request_opts_in() {
    let server = server_failing_once(ResponseTemplate::new(503)).await;
    let error = client(&server)
        .activate_campaign(ID)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(503));
    assert_eq!(attempts(&server).await, 1);

    let server = server_failing_once(ResponseTemplate::new(503)).await;
    client(&server)
        .activate_campaign(ID)
        .retry_non_idempotent(true)
        .send()
        .await
        .unwrap();
    assert_eq!(attempts(&server).await, 2);
}

#[tokio::test]
async fn a_request_can_turn_retries_off() {
    let server = server_failing_once(ResponseTemplate::new(429)).await;
    let error = client(&server)
        .get_campaign(ID)
        .retry_policy(RetryPolicy::none())
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(429));
    assert_eq!(attempts(&server).await, 1);
}

#[tokio::test]
async fn the_request_timeout_setter_limits_one_request() {
    let slow = ResponseTemplate::new(200)
        .set_body_json(campaign())
        .set_delay(Duration::from_secs(5));
    let server = MockServer::start().await;
    Mock::given(any()).respond_with(slow).mount(&server).await;
    let client = Client::builder()
        .base_url(server.uri())
        .api_key("sk_test")
        .timeout(Duration::from_secs(30))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client
        .get_campaign(ID)
        .timeout(Duration::from_millis(200))
        .send()
        .await
        .unwrap_err();
    assert!(matches!(&error, Error::Transport { source, .. } if source.is_timeout()));
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn the_client_builder_sets_the_retry_policy() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .api_key("sk_test")
        .retry_policy(
            RetryPolicy::new()
                .max_attempts(2)
                .base_delay(Duration::from_millis(1)),
        )
        .build()
        .unwrap();
    client.get_campaign(ID).send().await.unwrap_err();
    assert_eq!(attempts(&server).await, 2);
}

#[test]
fn debug_of_a_configured_client_redacts_the_key() {
    let client = Client::builder()
        .api_key("sk_live_secret_value")
        .rate_limit(instantly::runtime::RateLimit::per_second(100).and_per_minute(6000))
        .operation_rate_limit("list_emails", instantly::runtime::RateLimit::per_minute(20))
        .build()
        .unwrap();
    let text = format!("{client:?}");
    assert!(!text.contains("sk_live_secret_value"), "{text}");
    assert!(text.contains("<redacted>"), "{text}");
    assert!(text.contains("list_emails"), "{text}");
}
