//! The Instantly client against a local mock server: method, path, query encoding, JSON bodies
//! (and no `Content-Type` without one), bearer auth, success and error decoding, the page stream,
//! and an explicit `null` in a PATCH.

use futures::TryStreamExt;
use instantly::types::{
    GetCampaignAnalyticsOverviewCampaignStatus, ListLeadsRequest, UpdateCampaignRequest,
};
use instantly::{Client, Error, ErrorBody, Nullable};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

mod support;
use support::{campaign, lead, requests, serving};

const CAMPAIGN_ID: instantly::runtime::uuid::Uuid =
    instantly::runtime::uuid::Uuid::from_u128(0x0b2f3c1e_7d4a_4a8e_9c61_2d0e5a4b7f10);

#[tokio::test]
async fn get_sends_bearer_auth_and_no_content_type() {
    let mock = Mock::given(method("GET"))
        .and(path(format!("/api/v2/campaigns/{CAMPAIGN_ID}")))
        .and(header("authorization", "Bearer sk_test_key"))
        .and(header("user-agent", "instantly-tests/1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(campaign("Spring")))
        .expect(1);
    let (server, client) = serving([mock]).await;
    let got = client.get_campaign(CAMPAIGN_ID).send().await.unwrap();
    assert_eq!(got.name, "Spring");
    let seen = requests(&server).await;
    assert!(seen[0].headers.get("content-type").is_none());
    assert!(seen[0].body.is_empty());
}

#[tokio::test]
async fn query_parameters_are_encoded() {
    let mock = Mock::given(method("GET"))
        .and(path("/api/v2/campaigns"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": []})));
    let (server, client) = serving([mock]).await;
    client
        .list_campaigns()
        .limit(25)
        .search("spring & summer")
        .status(GetCampaignAnalyticsOverviewCampaignStatus::AccountSuspended)
        .send()
        .await
        .unwrap();
    let seen = requests(&server).await;
    assert_eq!(
        seen[0].url.query(),
        Some("limit=25&search=spring+%26+summer&status=-99")
    );
}

#[tokio::test]
async fn array_query_parameters_repeat_their_name() {
    let mock = Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])));
    let (server, client) = serving([mock]).await;
    let a = "6f1c1c9e-0000-4000-8000-000000000001".parse().unwrap();
    let b = "6f1c1c9e-0000-4000-8000-000000000002".parse().unwrap();
    client
        .get_campaign_analytics()
        .ids(vec![a, b])
        .send()
        .await
        .unwrap();
    let seen = requests(&server).await;
    assert_eq!(seen[0].url.path(), "/api/v2/campaigns/analytics");
    assert_eq!(
        seen[0].url.query(),
        Some("ids=6f1c1c9e-0000-4000-8000-000000000001&ids=6f1c1c9e-0000-4000-8000-000000000002")
    );
}

#[tokio::test]
async fn patch_sends_explicit_null_and_only_the_fields_set() {
    let mock = Mock::given(method("PATCH"))
        .and(path(format!("/api/v2/campaigns/{CAMPAIGN_ID}")))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"name": "Renamed", "daily_limit": null})))
        .respond_with(ResponseTemplate::new(200).set_body_json(campaign("Renamed")))
        .expect(1);
    let (_server, client) = serving([mock]).await;
    let update = UpdateCampaignRequest {
        name: Some("Renamed".into()),
        daily_limit: Nullable::Null,
        ..Default::default()
    };
    let got = client
        .update_campaign(CAMPAIGN_ID)
        .body(update)
        .send()
        .await
        .unwrap();
    assert_eq!(got.name, "Renamed");
}

#[tokio::test]
async fn no_content_answers_decode_to_unit() {
    let mock = Mock::given(method("POST"))
        .and(path(format!("/api/v2/campaigns/{CAMPAIGN_ID}/share")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1);
    let (server, client) = serving([mock]).await;
    client.share_campaign(CAMPAIGN_ID).send().await.unwrap();
    assert!(
        requests(&server).await[0]
            .headers
            .get("content-type")
            .is_none()
    );
}

#[tokio::test]
async fn error_answers_carry_status_and_parsed_body() {
    let mock =
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(402).set_body_json(json!({
            "statusCode": 402, "error": "Payment Required", "message": "No active plan"
        })));
    let (_server, client) = serving([mock]).await;
    let error = client.get_campaign(CAMPAIGN_ID).send().await.unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(402));
    assert!(!error.to_string().contains("sk_test_key"));
    let Error::Api { body, .. } = error else {
        panic!("not an API error")
    };
    assert_eq!(
        body,
        ErrorBody::Parsed {
            status_code: 402,
            error: "Payment Required".into(),
            message: "No active plan".into()
        }
    );
}

#[tokio::test]
async fn undecodable_success_bodies_name_the_operation() {
    let mock = Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"name": 42})));
    let (_server, client) = serving([mock]).await;
    let error = client.get_campaign(CAMPAIGN_ID).send().await.unwrap_err();
    let text = error.to_string();
    assert!(
        text.starts_with("get_campaign: could not decode the 200 OK response"),
        "{text}"
    );
    assert!(text.contains(r#"{"name":42}"#), "{text}");
}

#[tokio::test]
async fn the_campaign_stream_reads_three_pages_through_the_query_cursor() {
    let page = |names: &[&str], next: Option<&str>| {
        let mut body =
            json!({"items": names.iter().map(|name| campaign(name)).collect::<Vec<_>>()});
        if let Some(next) = next {
            body["next_starting_after"] = json!(next);
        }
        ResponseTemplate::new(200).set_body_json(body)
    };
    let (server, client) = serving([
        Mock::given(query_param("starting_after", "cursor-1"))
            .respond_with(page(&["c", "d"], Some("cursor-2"))),
        Mock::given(query_param("starting_after", "cursor-2")).respond_with(page(&["e"], None)),
        Mock::given(method("GET")).respond_with(page(&["a", "b"], Some("cursor-1"))),
    ])
    .await;
    let names: Vec<String> = client
        .list_campaigns()
        .limit(2)
        .into_stream()
        .map_ok(|campaign| campaign.name)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
    let seen = requests(&server).await;
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[2].url.query(), Some("limit=2&starting_after=cursor-2"));
}

#[tokio::test]
async fn the_lead_stream_puts_its_cursor_in_the_body_and_stops_on_an_empty_page() {
    let page = |emails: &[&str], next: &str| {
        let items: Vec<Value> = emails.iter().map(|email| lead(email)).collect();
        ResponseTemplate::new(200)
            .set_body_json(json!({"items": items, "next_starting_after": next}))
    };
    let (server, client) = serving([
        Mock::given(body_json(json!({"limit": 1, "starting_after": "l1"})))
            .respond_with(page(&["b@x.test"], "l2")),
        Mock::given(body_json(json!({"limit": 1, "starting_after": "l2"})))
            .respond_with(page(&[], "l3")),
        Mock::given(method("POST"))
            .and(path("/api/v2/leads/list"))
            .respond_with(page(&["a@x.test"], "l1")),
    ])
    .await;
    let body = ListLeadsRequest {
        limit: Some(1),
        ..Default::default()
    };
    let leads: Vec<_> = client
        .list_leads()
        .body(body)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(leads.len(), 2);
    assert_eq!(requests(&server).await.len(), 3);
}

#[test]
fn the_api_key_stays_out_of_debug_output() {
    let client = Client::new("sk_live_secret").unwrap();
    assert!(!format!("{client:?}").contains("sk_live_secret"));
    assert_eq!(Client::DEFAULT_BASE_URL, "https://api.instantly.ai");
}
