//! `multipart/form-data` bodies against a local server: text fields as text parts, binary
//! fields as file parts with their name and content type, optional ones left out.

use instantly_corpus::edge_multipart::{Client, types};
use instantly_runtime::FilePart;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .api_key("key")
        .build()
        .unwrap()
}

/// The parts of a multipart body: (headers of the part, content), split at the boundary the
/// request's `Content-Type` names.
fn parts(request: &Request) -> Vec<(String, String)> {
    let content_type = request.headers["content-type"].to_str().unwrap();
    let boundary = content_type
        .split("boundary=")
        .nth(1)
        .expect("a multipart content type names its boundary");
    let body = String::from_utf8(request.body.clone()).unwrap();
    body.split(&format!("--{boundary}"))
        .filter_map(|part| {
            let part = part.strip_prefix("\r\n")?;
            let (headers, content) = part.split_once("\r\n\r\n")?;
            Some((
                headers.to_owned(),
                content.trim_end_matches("\r\n").to_owned(),
            ))
        })
        .collect()
}

#[tokio::test]
async fn fields_are_text_parts_and_binary_fields_are_file_parts() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/uploads"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": "u1", "bytes": 3})),
        )
        .mount(&server)
        .await;
    let client = client(&server).await;
    let mut body = types::CreateUploadBody::new(
        FilePart::new(b"a,b".to_vec())
            .file_name("leads.csv")
            .content_type("text/csv"),
        types::CreateUploadBodyPurpose::Batch,
    );
    body.tags = Some(vec!["x".to_owned(), "y".to_owned()]);
    body.expires_after = Some(60);
    body.attachments = Some(vec![FilePart::new(b"1".to_vec()), b"22".as_slice().into()]);
    let upload = client.create_upload(body).send().await.unwrap();
    assert_eq!(upload.id, "u1");

    let requests = server.received_requests().await.unwrap();
    let content_type = requests[0].headers["content-type"].to_str().unwrap();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let parts = parts(&requests[0]);
    let summary: Vec<(String, &str)> = parts
        .iter()
        .map(|(headers, content)| {
            let disposition = headers.lines().next().unwrap().to_owned();
            (disposition, content.as_str())
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Content-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"".to_owned(),
                "a,b"
            ),
            (
                "Content-Disposition: form-data; name=\"purpose\"".to_owned(),
                "batch"
            ),
            (
                "Content-Disposition: form-data; name=\"tags\"".to_owned(),
                "x"
            ),
            (
                "Content-Disposition: form-data; name=\"tags\"".to_owned(),
                "y"
            ),
            (
                "Content-Disposition: form-data; name=\"expires_after\"".to_owned(),
                "60"
            ),
            (
                "Content-Disposition: form-data; name=\"attachments\"".to_owned(),
                "1"
            ),
            (
                "Content-Disposition: form-data; name=\"attachments\"".to_owned(),
                "22"
            ),
        ]
    );
    assert!(
        parts[0].0.contains("Content-Type: text/csv"),
        "{:?}",
        parts[0]
    );
    assert!(
        parts[5]
            .0
            .contains("Content-Type: application/octet-stream"),
        "{:?}",
        parts[5]
    );
}

#[tokio::test]
async fn a_component_form_and_a_json_alternative() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/avatars"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/documents"))
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let client = client(&server).await;
    let avatar = types::AvatarForm {
        image: Some(
            FilePart::new(b"png".to_vec())
                .file_name("me.png")
                .content_type("image/png"),
        ),
        ..Default::default()
    };
    client.set_avatar().body(avatar).send().await.unwrap();
    // JSON is preferred where the operation offers it beside a form.
    client
        .create_document(types::Document::new("t"))
        .send()
        .await
        .unwrap();

    let requests = server.received_requests().await.unwrap();
    let parts = parts(&requests[0]);
    assert_eq!(parts.len(), 1, "the absent `alt` sends no part: {parts:?}");
    assert!(parts[0].0.contains("name=\"image\"; filename=\"me.png\""));
    assert!(parts[0].0.contains("Content-Type: image/png"));
    assert_eq!(parts[0].1, "png");
    assert_eq!(requests[1].headers["content-type"], "application/json");
    assert_eq!(requests[1].body, br#"{"title":"t"}"#);
}
