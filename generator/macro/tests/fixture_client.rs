//! The client generated from the fixture document, exercised: models round-trip, and requests
//! reach a local mock server exactly as documented.

instantly_codegen_macro::generate_api!(
    spec = "../codegen/tests/fixtures/mini.yaml",
    user_agent = "fixture-tests/1"
);

use futures::TryStreamExt;
use instantly_runtime::{Error, ErrorBody, Nullable};
use serde_json::{Value, json};
use types::{
    Campaign, CampaignEmailGapType, CampaignStatus, CreateCampaignRequest, UpdateCampaignRequest,
};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: &Value) -> T {
    let typed: T = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(&serde_json::to_value(&typed).unwrap(), value);
    typed
}

fn campaign_example() -> Value {
    let text = include_str!("../../codegen/tests/fixtures/mini.yaml");
    let document = instantly_codegen::load_document(text).unwrap();
    let schemas = &document.components.unwrap().schemas;
    match &schemas["Campaign"] {
        openapiv3::ReferenceOr::Item(schema) => schema.schema_data.example.clone().unwrap(),
        openapiv3::ReferenceOr::Reference { .. } => panic!("Campaign is a reference"),
    }
}

mod serde {
    pub use instantly_runtime::serde::{Serialize, de};
}

#[test]
fn the_documented_example_round_trips() {
    let campaign: Campaign = round_trip(&campaign_example());
    assert_eq!(campaign.status, CampaignStatus::Active);
    assert!(campaign.is_evergreen.is_null());
    assert_eq!(campaign.pl_value, Nullable::Value(100.5));
    assert_eq!(campaign.email_gap_type, Some(CampaignEmailGapType::Fixed));
}

#[test]
fn nullable_fields_null_and_optional_fields_absent_round_trip() {
    let minimal = json!({
        "id": "0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10",
        "name": "n",
        "status": -99,
        "pl_value": null,
        "is_evergreen": null,
    });
    let campaign: Campaign = round_trip(&minimal);
    assert_eq!(campaign.status, CampaignStatus::AccountSuspended);
    assert!(campaign.open_tracking.is_none());
}

#[test]
fn unknown_enum_values_and_unknown_fields_round_trip() {
    let mut value = campaign_example();
    value["status"] = json!(42);
    value["email_gap_type"] = json!("exponential");
    value["brand_new_field"] = json!({"nested": [1, 2]});
    let campaign: Campaign = round_trip(&value);
    assert_eq!(campaign.status, CampaignStatus::Unknown(42));
    assert_eq!(
        campaign.email_gap_type,
        Some(CampaignEmailGapType::Unknown("exponential".into()))
    );
    assert!(
        campaign
            .additional_properties
            .contains_key("brand_new_field")
    );
}

#[test]
fn request_variants_leave_read_only_fields_out() {
    let input: types::CampaignInput =
        serde_json::from_value(json!({"name": "n", "status": 0})).unwrap();
    let sent = serde_json::to_value(&input).unwrap();
    assert_eq!(sent, json!({"name": "n", "status": 0}));
}

#[test]
fn unions_keep_their_member_type() {
    let flag: types::CampaignStopOnReply = round_trip(&json!(true));
    assert_eq!(flag, types::CampaignStopOnReply::Boolean(true));
    let text: types::CampaignStopOnReply = round_trip(&json!("true"));
    assert_eq!(text, types::CampaignStopOnReply::String("true".into()));
}

async fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .api_key("sk_fixture")
        .build()
        .unwrap()
}

fn campaign_json(name: &str) -> Value {
    json!({"id": "0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10", "name": name, "status": 1})
}

#[tokio::test]
async fn list_sends_method_path_query_and_auth() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/campaigns"))
        .and(header("authorization", "Bearer sk_fixture"))
        .and(header("user-agent", "fixture-tests/1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"items": [campaign_json("a")]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let tag = "6f1c1c9e-0000-4000-8000-000000000001".parse().unwrap();
    let page = client(&server)
        .await
        .list_campaigns()
        .limit(10)
        .search("spring sale")
        .tag_ids(vec![tag, tag])
        .status(CampaignStatus::AccountSuspended)
        .send()
        .await
        .unwrap();
    assert_eq!(page.items[0].name, "a");
    let seen: Vec<Request> = server.received_requests().await.unwrap();
    assert_eq!(
        seen[0].url.query(),
        Some(
            "limit=10&search=spring+sale&tag_ids=6f1c1c9e-0000-4000-8000-000000000001&tag_ids=6f1c1c9e-0000-4000-8000-000000000001&status=-99"
        )
    );
    assert!(seen[0].headers.get("content-type").is_none());
}

#[tokio::test]
async fn create_sends_a_json_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/campaigns"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"name": "new"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(campaign_json("new")))
        .expect(1)
        .mount(&server)
        .await;
    let body = CreateCampaignRequest {
        name: "new".into(),
        ..Default::default()
    };
    let campaign = client(&server)
        .await
        .create_campaign(body)
        .send()
        .await
        .unwrap();
    assert_eq!(campaign.name, "new");
}

#[tokio::test]
async fn patch_sends_explicit_null_and_leaves_absent_fields_out() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path(
            "/api/v2/campaigns/0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10",
        ))
        .and(body_json(json!({"pl_value": null, "is_evergreen": true})))
        .respond_with(ResponseTemplate::new(200).set_body_json(campaign_json("x")))
        .expect(1)
        .mount(&server)
        .await;
    let update = UpdateCampaignRequest {
        pl_value: Nullable::Null,
        is_evergreen: true.into(),
        ..Default::default()
    };
    let id = "0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10".parse().unwrap();
    client(&server)
        .await
        .patch_campaign(id, update)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn no_content_responses_return_unit() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(
            "/api/v2/campaigns/0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10/share",
        ))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let id = "0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10".parse().unwrap();
    client(&server)
        .await
        .share_campaign(id)
        .send()
        .await
        .unwrap();
    let seen: Vec<Request> = server.received_requests().await.unwrap();
    assert!(seen[0].headers.get("content-type").is_none());
    assert!(seen[0].body.is_empty());
}

#[tokio::test]
async fn error_bodies_are_decoded() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "statusCode": 404, "error": "Not Found", "message": "Campaign not found"
        })))
        .mount(&server)
        .await;
    let id = "0b2f3c1e-7d4a-4a8e-9c61-2d0e5a4b7f10".parse().unwrap();
    let error = client(&server)
        .await
        .get_campaign(id)
        .send()
        .await
        .unwrap_err();
    let Error::Api {
        operation,
        status,
        body,
        ..
    } = error
    else {
        panic!("unexpected {error:?}")
    };
    assert_eq!((operation, status.as_u16()), ("get_campaign", 404));
    assert_eq!(
        body,
        ErrorBody::Parsed {
            status_code: 404,
            error: "Not Found".into(),
            message: "Campaign not found".into()
        }
    );
}

#[tokio::test]
async fn the_stream_follows_the_query_cursor_over_three_pages() {
    let server = MockServer::start().await;
    let page = |names: &[&str], next: Option<&str>| {
        let items: Vec<Value> = names.iter().map(|name| campaign_json(name)).collect();
        let mut body = json!({ "items": items });
        if let Some(next) = next {
            body["next_starting_after"] = json!(next);
        }
        ResponseTemplate::new(200).set_body_json(body)
    };
    Mock::given(query_param("starting_after", "c1"))
        .respond_with(page(&["b"], Some("c2")))
        .mount(&server)
        .await;
    Mock::given(query_param("starting_after", "c2"))
        .respond_with(page(&["c"], None))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(page(&["a"], Some("c1")))
        .mount(&server)
        .await;
    let names: Vec<String> = client(&server)
        .await
        .list_campaigns()
        .limit(1)
        .into_stream()
        .map_ok(|campaign| campaign.name)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, ["a", "b", "c"]);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn the_stream_puts_a_body_cursor_in_the_body_and_stops_on_an_empty_page() {
    let server = MockServer::start().await;
    let lead = |email: &str| json!({"email": email});
    Mock::given(body_json(json!({"starting_after": "l1"})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"items": [lead("b@x.test")], "next_starting_after": "l2"})),
        )
        .mount(&server)
        .await;
    Mock::given(body_json(json!({"starting_after": "l2"})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"items": [], "next_starting_after": "l3"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"items": [lead("a@x.test")], "next_starting_after": "l1"})),
        )
        .mount(&server)
        .await;
    let emails: Vec<String> = client(&server)
        .await
        .list_leads()
        .into_stream()
        .map_ok(|lead| lead.email)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(emails, ["a@x.test", "b@x.test"]);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[test]
fn from_env_reads_the_configured_variable() {
    // Without `env_var`, the variable is named after the document's title ("Mini Instantly").
    assert_eq!(Client::API_KEY_ENV_VAR, "MINI_INSTANTLY_API_KEY");
    assert!(format!("{:?}", Client::new("sk_hidden").unwrap()).contains("redacted"));
    assert!(!format!("{:?}", Client::new("sk_hidden").unwrap()).contains("sk_hidden"));
}
