//! Compressed responses: the default client asks for gzip and brotli and decodes either, and
//! the default TLS set-up (ring) builds without a provider installed by the application.

use instantly_runtime::__private::Request;
use instantly_runtime::Transport;
use instantly_runtime::reqwest::Method;
use serde_json::{Value, json};
use std::io::Write;
use wiremock::matchers::{header_regex, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn page() -> Value {
    json!({"items": [{"id": "a", "name": "first"}, {"id": "b", "name": "second"}], "next_starting_after": null})
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        encoder.write_all(bytes).unwrap();
    }
    out
}

async fn decoded(encoding: &str, body: Vec<u8>) -> Value {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/items"))
        // Sent only when the client can decode it.
        .and(header_regex("accept-encoding", &format!(r"\b{encoding}\b")))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", encoding)
                .insert_header("content-type", "application/json")
                .set_body_bytes(body),
        )
        .expect(1)
        .mount(&server)
        .await;
    // No `http_client`: the client the runtime builds itself, TLS provider included.
    let transport = Transport::builder(server.uri())
        .api_key("sk_test")
        .build()
        .unwrap();
    transport
        .send_json(Request::new("list_items", Method::GET, "/items".into()))
        .await
        .unwrap()
}

#[tokio::test]
async fn gzip_responses_are_decompressed() {
    let body = gzip(page().to_string().as_bytes());
    assert_eq!(decoded("gzip", body).await, page());
}

#[tokio::test]
async fn brotli_responses_are_decompressed() {
    let body = brotli(page().to_string().as_bytes());
    assert_eq!(decoded("br", body).await, page());
}
