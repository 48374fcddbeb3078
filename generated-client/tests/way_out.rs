//! What the document does not say, through the client's own transport: extra query parameters
//! and headers on typed operations, requests to any path, responses with their headers, the
//! `Retry-After` of a 429 once retries give up, decode errors that name the field, dates sent
//! as timestamps, and the response observer on the client builder.

use instantly::runtime::{Method, RetryPolicy};
use instantly::{Client, Date, Error, Nullable};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

mod support;
use support::{Delays, campaign, recording_client, serving};

#[tokio::test]
async fn a_typed_operation_takes_an_extra_query_parameter_and_header() {
    let mock = Mock::given(method("GET"))
        .and(path("/api/v2/campaigns"))
        .and(header("x-experiment", "on"))
        .and(header("authorization", "Bearer sk_test_key"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": []})))
        .expect(1);
    let (server, client) = serving([mock]).await;
    client
        .list_campaigns()
        .limit(5)
        .query_param("campaign_id", "c 1")
        .header("X-Experiment", "on")
        .send()
        .await
        .unwrap();
    let seen = server.received_requests().await.unwrap();
    assert_eq!(seen[0].url.query(), Some("limit=5&campaign_id=c+1"));
}

#[tokio::test]
async fn a_bad_extra_header_is_an_error_before_sending() {
    let (server, client) = serving([]).await;
    let error = client
        .get_campaign(instantly::runtime::uuid::Uuid::nil())
        .header("X-Bad", "a\nb")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Config(message) if message.contains("X-Bad")),
        "{error}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[derive(Debug, serde::Deserialize, PartialEq)]
struct Thing {
    id: String,
    #[serde(default)]
    tags: Vec<String>,
}

#[tokio::test]
async fn a_path_the_crate_does_not_know_returns_the_callers_type_or_json() {
    let mock = Mock::given(method("POST"))
        .and(path("/api/v2/new-thing"))
        .and(query_param("mode", "fast"))
        .and(header("x-team", "ops"))
        .and(header("authorization", "Bearer sk_test_key"))
        .and(body_json(json!({"name": "n"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "t1", "tags": ["a"]})))
        .expect(2);
    let (_server, client) = serving([mock]).await;
    let request = || {
        client
            .request(Method::POST, "/api/v2/new-thing")
            .query_param("mode", "fast")
            .header("X-Team", "ops")
            .json(&json!({"name": "n"}))
            .unwrap()
    };
    let thing: Thing = request().send().await.unwrap();
    assert_eq!(
        thing,
        Thing {
            id: "t1".into(),
            tags: vec!["a".into()]
        }
    );
    assert_eq!(
        request().send_json().await.unwrap(),
        json!({"id": "t1", "tags": ["a"]})
    );
}

#[tokio::test]
async fn a_response_can_be_read_with_its_status_and_headers() {
    let mock = Mock::given(method("GET")).respond_with(
        ResponseTemplate::new(200)
            .insert_header("x-request-id", "req-7")
            .set_body_json(campaign("Spring")),
    );
    let (_server, client) = serving([mock]).await;
    let response = client
        .get_campaign(instantly::runtime::uuid::Uuid::nil())
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["x-request-id"], "req-7");
    assert_eq!(response.name, "Spring");
    assert_eq!(response.into_inner().name, "Spring");

    let raw = client
        .request(Method::GET, "/api/v2/anything")
        .send_with_response::<Value>()
        .await
        .unwrap();
    assert_eq!(raw.headers()["x-request-id"], "req-7");
    assert_eq!(raw.body()["name"], "Spring");
}

#[tokio::test]
async fn after_retries_give_up_on_a_429_the_error_tells_when_to_come_back() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3"))
        .expect(3)
        .mount(&server)
        .await;
    let slept = Delays::default();
    let client = recording_client(&server, RetryPolicy::new().max_attempts(3), &slept);
    let error = client.list_campaigns().send().await.unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(429));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
    assert!(error.headers().unwrap().contains_key("retry-after"));
    assert_eq!(*slept.lock().unwrap(), [Duration::from_secs(3); 2]);
}

#[tokio::test]
async fn a_decode_error_names_the_field_path() {
    let mut bad = campaign("b");
    bad["campaign_schedule"]["start_date"] = json!("next spring");
    let body = json!({"items": [campaign("a"), bad]});
    let mock =
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(200).set_body_json(body));
    let (_server, client) = serving([mock]).await;
    let error = client.list_campaigns().send().await.unwrap_err();
    assert_eq!(
        error.json_path(),
        Some("items[1].campaign_schedule.start_date")
    );
    let text = error.to_string();
    assert!(
        text.starts_with(
            "list_campaigns: could not decode the 200 OK response at items[1].campaign_schedule.start_date: "
        ),
        "{text}"
    );
}

#[tokio::test]
async fn a_date_field_takes_a_timestamp_or_a_date_and_sends_a_date() {
    let mut stamped = campaign("stamped");
    stamped["campaign_schedule"]["start_date"] = json!("1970-01-01T00:00:00.000Z");
    stamped["campaign_schedule"]["end_date"] = json!("2026-03-01");
    let mock = Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": [stamped]})));
    let (_server, client) = serving([mock]).await;
    let page = client.list_campaigns().send().await.unwrap();
    let schedule = &page.items[0].campaign_schedule;
    assert_eq!(
        schedule.start_date,
        Nullable::Value(Date::from_ymd(1970, 1, 1).unwrap())
    );
    assert_eq!(
        schedule.end_date,
        Nullable::Value(Date::from_ymd(2026, 3, 1).unwrap())
    );
    let again = serde_json::to_value(schedule).unwrap();
    assert_eq!(again["start_date"], "1970-01-01");
}

#[tokio::test]
async fn the_client_builder_takes_a_response_observer() {
    let mock = Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(campaign("Spring")));
    let server = MockServer::start().await;
    mock.mount(&server).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let client = Client::builder()
        .base_url(server.uri())
        .api_key("sk_test_key")
        .observe_responses(move |exchange| {
            log.lock()
                .unwrap()
                .push((exchange.operation, exchange.status.as_u16()));
        })
        .build()
        .unwrap();
    client
        .get_campaign(instantly::runtime::uuid::Uuid::nil())
        .send()
        .await
        .unwrap();
    assert_eq!(*seen.lock().unwrap(), [("get_campaign", 200)]);
}
