//! Several success responses per operation, against a local server: an empty one is `None`,
//! bodies of different types arrive as the union's variants.

use instantly_corpus::edge_responses::{Client, types};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .api_key("key")
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_success_without_content_is_none_and_one_with_content_is_some() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/invitations/ann"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/invitations/bob"))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(serde_json::json!({"id": 7, "user": "bob"})),
        )
        .mount(&server)
        .await;
    let client = client(&server).await;
    // Named from method and path: the operation has no operationId.
    assert_eq!(
        client.put_invitations_by_user("ann").send().await.unwrap(),
        None
    );
    let invited = client
        .put_invitations_by_user("bob")
        .send()
        .await
        .unwrap()
        .unwrap();
    assert_eq!(invited.id, 7);
}

#[tokio::test]
async fn bodies_of_different_types_arrive_as_their_variant() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/deployments"))
        .respond_with(
            ResponseTemplate::new(202).set_body_json(serde_json::json!({"message": "merged"})),
        )
        .mount(&server)
        .await;
    let client = client(&server).await;
    let body = types::PostDeploymentsBody {
        r#ref: Some("main".to_owned()),
        ..Default::default()
    };
    let response = client.post_deployments(body).send().await.unwrap();
    assert!(
        matches!(&response, types::PostDeploymentsResponses::PostDeploymentsResponse202(accepted) if accepted.message == "merged"),
        "{response:?}"
    );
}
