//! What the document does not say, through the same transport: extra query parameters and
//! headers, requests to any path, responses with their status and headers.

use instantly_runtime::__private::Request;
use instantly_runtime::{
    AnyRequest, Error, Method, RequestOptions, ResponseValue, RetryPolicy, Transport,
};
use serde::Deserialize;
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn serving(mock: Mock) -> (MockServer, Transport) {
    let server = MockServer::start().await;
    mock.mount(&server).await;
    let transport = Transport::builder(server.uri())
        .api_key("sk_test")
        .user_agent("runtime-tests/1")
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    (server, transport)
}

#[tokio::test]
async fn extra_query_pairs_follow_the_documented_ones_and_extra_headers_are_sent() {
    let (server, transport) = serving(
        Mock::given(method("GET"))
            .and(header("x-feature", "beta"))
            .and(header("authorization", "Bearer sk_test"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .expect(1),
    )
    .await;
    let mut query = instantly_runtime::__private::QueryPairs::new();
    query.add("limit", &5);
    let options = RequestOptions::default()
        .query_param("campaign_id", "a b&c")
        .header("X-Feature", "beta");
    let request = Request::new("get_item", Method::GET, "/items".into())
        .query(query)
        .options(options);
    transport.send_json::<Value>(request).await.unwrap();
    let seen = server.received_requests().await.unwrap();
    assert_eq!(seen[0].url.query(), Some("limit=5&campaign_id=a+b%26c"));
}

#[tokio::test]
async fn an_extra_header_replaces_the_transports_own() {
    let (server, transport) = serving(
        Mock::given(header("user-agent", "mine/2"))
            .respond_with(ResponseTemplate::new(204))
            .expect(1),
    )
    .await;
    let request = Request::new("get_item", Method::GET, "/items".into())
        .options(RequestOptions::default().header("User-Agent", "mine/2"));
    transport.send_empty(request).await.unwrap();
    let seen = server.received_requests().await.unwrap();
    assert_eq!(seen[0].headers.get_all("user-agent").iter().count(), 1);
}

#[tokio::test]
async fn an_invalid_extra_header_is_a_config_error_and_nothing_is_sent() {
    let (server, transport) =
        serving(Mock::given(method("GET")).respond_with(ResponseTemplate::new(200))).await;
    let error = AnyRequest::new(transport, Method::GET, "/items")
        .header("X-Note", "two\r\nlines")
        .send_json()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Config(message) if message.contains("\"X-Note\"")),
        "{error}"
    );
    assert!(!error.to_string().contains("two"), "{error}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[derive(Debug, Deserialize, PartialEq)]
struct Thing {
    id: u32,
}

#[tokio::test]
async fn any_path_decodes_into_the_callers_type_or_json() {
    let (server, transport) = serving(
        Mock::given(method("POST"))
            .and(path("/api/v2/new-thing"))
            .and(query_param("dry_run", "true"))
            .and(header("x-trace", "t1"))
            .and(body_json(json!({"name": "n"})))
            .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": 7}))),
    )
    .await;
    let request = || {
        AnyRequest::new(transport.clone(), Method::POST, "api/v2/new-thing")
            .query_param("dry_run", true)
            .header("X-Trace", "t1")
            .json(&json!({"name": "n"}))
            .unwrap()
    };
    assert_eq!(request().send::<Thing>().await.unwrap(), Thing { id: 7 });
    assert_eq!(request().send_json().await.unwrap(), json!({"id": 7}));
    let seen = server.received_requests().await.unwrap();
    assert_eq!(seen.len(), 2);
}

#[tokio::test]
async fn responses_keep_their_status_and_headers() {
    let (_server, transport) = serving(
        Mock::given(method("GET")).respond_with(
            ResponseTemplate::new(202)
                .insert_header("x-request-id", "req-42")
                .set_body_json(json!({"id": 1})),
        ),
    )
    .await;
    let response: ResponseValue<Thing> = AnyRequest::new(transport.clone(), Method::GET, "/x")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 202);
    assert_eq!(response.headers()["x-request-id"], "req-42");
    assert_eq!(response.id, 1);
    assert_eq!(response.into_inner(), Thing { id: 1 });

    let raw = AnyRequest::new(transport, Method::GET, "/x")
        .send_bytes()
        .await
        .unwrap();
    assert_eq!(raw.body().as_slice(), br#"{"id":1}"#);
}

#[tokio::test]
async fn a_decode_error_of_any_path_names_the_field() {
    let (_server, transport) = serving(
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "seven"}))),
    )
    .await;
    let error = AnyRequest::new(transport, Method::GET, "/x")
        .send::<Thing>()
        .await
        .unwrap_err();
    assert_eq!(error.json_path(), Some("id"));
    assert!(
        error
            .to_string()
            .starts_with("request: could not decode the 200 OK response at id: "),
        "{error}"
    );
}
