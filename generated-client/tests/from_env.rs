//! `Client::from_env`: the key from `INSTANTLY_API_KEY`, the base URL from `INSTANTLY_BASE_URL`
//! when set. One test in its own binary: it changes the process environment.

use instantly::Client;
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn from_env_reads_the_key_and_the_base_url() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/campaigns"))
        .and(header("authorization", "Bearer sk_from_env"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": []})))
        .expect(1)
        .mount(&server)
        .await;
    // SAFETY: this binary has no other test, so nothing reads the environment concurrently.
    unsafe {
        std::env::set_var("INSTANTLY_API_KEY", "sk_from_env");
        std::env::set_var("INSTANTLY_BASE_URL", server.uri());
    }
    let client = Client::from_env().unwrap();
    assert_eq!(client.transport().base_url(), server.uri());
    client.list_campaigns().send().await.unwrap();

    // SAFETY: as above.
    unsafe { std::env::set_var("INSTANTLY_BASE_URL", "") };
    let client = Client::from_env().unwrap();
    assert_eq!(client.transport().base_url(), Client::DEFAULT_BASE_URL);

    // SAFETY: as above.
    unsafe { std::env::remove_var("INSTANTLY_API_KEY") };
    let error = Client::from_env().unwrap_err();
    assert!(error.to_string().contains("INSTANTLY_API_KEY"), "{error}");
}
