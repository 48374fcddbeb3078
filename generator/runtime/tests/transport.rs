//! The transport against a local mock server: headers, bodies, status handling, decoding.

use instantly_runtime::__private::{QueryPairs, Request};
use instantly_runtime::reqwest::Method;
use instantly_runtime::{Error, ErrorBody, Transport};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, Request as Seen, ResponseTemplate};

async fn transport(server: &MockServer) -> Transport {
    Transport::builder(server.uri())
        .api_key("sk_test")
        .user_agent("runtime-tests/1")
        .build()
        .unwrap()
}

#[tokio::test]
async fn get_sends_auth_user_agent_and_query_but_no_content_type() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/items/a%20b"))
        .and(header("authorization", "Bearer sk_test"))
        .and(header("user-agent", "runtime-tests/1"))
        .and(query_param("limit", "5"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .expect(1)
        .mount(&server)
        .await;
    let mut query = QueryPairs::new();
    query.add("limit", &Some(5));
    query.add("ids", &vec!["x", "y"]);
    let request = Request::new("get_item", Method::GET, "/items/a%20b".into()).query(query);
    let got: Value = transport(&server).await.send_json(request).await.unwrap();
    assert_eq!(got, json!({"ok": true}));

    let seen: Vec<Seen> = server.received_requests().await.unwrap();
    assert!(seen[0].headers.get("content-type").is_none());
    assert_eq!(seen[0].url.query(), Some("limit=5&ids=x&ids=y"));
    assert!(seen[0].body.is_empty());
}

#[tokio::test]
async fn json_bodies_carry_their_content_type() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"name": "x"})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let request = Request::new("create", Method::POST, "/items".into())
        .json(&json!({"name": "x"}))
        .unwrap();
    transport(&server).await.send_empty(request).await.unwrap();
}

#[tokio::test]
async fn error_statuses_become_api_errors() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "statusCode": 404, "error": "Not Found", "message": "no such item"
        })))
        .mount(&server)
        .await;
    let request = Request::new("get_item", Method::GET, "/items/1".into());
    let error = transport(&server)
        .await
        .send_json::<Value>(request)
        .await
        .unwrap_err();
    match &error {
        Error::Api {
            operation,
            status,
            body,
            ..
        } => {
            assert_eq!(*operation, "get_item");
            assert_eq!(status.as_u16(), 404);
            assert_eq!(
                body,
                &ErrorBody::Parsed {
                    status_code: 404,
                    error: "Not Found".into(),
                    message: "no such item".into()
                }
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(!error.to_string().contains("sk_test"));
}

#[tokio::test]
async fn undecodable_bodies_name_the_operation() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>oops</html>"))
        .mount(&server)
        .await;
    let request = Request::new("list_items", Method::GET, "/items".into());
    let error = transport(&server)
        .await
        .send_json::<Vec<u32>>(request)
        .await
        .unwrap_err();
    let text = error.to_string();
    assert!(text.starts_with("list_items: could not decode"), "{text}");
    assert!(text.contains("<html>oops</html>"), "{text}");
}

#[test]
fn debug_output_redacts_the_key() {
    let transport = Transport::builder("http://localhost")
        .api_key("sk_secret")
        .build()
        .unwrap();
    assert!(!format!("{transport:?}").contains("sk_secret"));
}

#[test]
fn a_relative_base_url_is_a_configuration_error() {
    let error = Transport::builder("/api").build().unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error}");
}

#[tokio::test]
async fn form_bodies_are_url_encoded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let body = json!({"client_id": "a b", "scopes": ["x", "y"], "skip": null});
    let request = Request::new("auth", Method::POST, "/device/auth".into())
        .form(&body)
        .unwrap();
    transport(&server).await.send_empty(request).await.unwrap();
    let seen: Vec<Seen> = server.received_requests().await.unwrap();
    assert_eq!(
        String::from_utf8_lossy(&seen[0].body),
        "client_id=a+b&scopes=x&scopes=y"
    );
}
