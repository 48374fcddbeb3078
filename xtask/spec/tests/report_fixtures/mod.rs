//! Edited copies of the real scraped page, one small documented text edit each, for the change
//! report tests (`report.rs`) and the compiler check (`report_compiles.rs`). The edits are
//! functions of the real page so the fixtures do not duplicate its 87 KB.

#![allow(dead_code)]

use std::path::PathBuf;

use instantly_spec::normalize::document::normalize;
use instantly_spec::report::Level;
use serde_json::Value;

pub const PAGE: &str = include_str!("../../../../spec/instantly-api-v2.txt");
pub const OVERRIDES: &str = include_str!("../../../../spec/overrides.yaml");
pub const FACTS: &str = include_str!("../../../../spec/operations.yaml");

/// One edit of the page and what it should mean for downstream code.
pub struct Fixture {
    /// The directory under `tests/fixtures/report/` holding `expected.md`.
    pub name: &'static str,
    pub edit: fn(&str) -> String,
    pub level: Level,
    /// Downstream code using the client as `instantly`: it compiles against the client of the
    /// real page, and against the edited page's client exactly when `level` is not breaking.
    /// `None` where the compiler cannot see the change (see the fixture's comment).
    pub snippet: Option<&'static str>,
}

// Downstream code shared by the two fixtures that edit the same part of the page.

/// Reads Lead List `has_enrichment_task` as a nullable boolean.
const READS_HAS_ENRICHMENT_TASK: &str = r#"pub fn use_it(list: &instantly::types::LeadList) -> bool {
    matches!(list.has_enrichment_task, instantly::Nullable::Value(true))
}
"#;

/// Names Campaign `status` values, `BounceProtect` among them, and keeps a catch-all arm.
const COMPARES_MAPPING_STATUS: &str = r#"pub fn use_it(
    campaign: &instantly::types::Campaign,
    mapping: &instantly::types::AccountCampaignMapping,
) -> bool {
    match campaign.status {
        instantly::types::CampaignStatus::Active => mapping.status == Some(campaign.status),
        _ => false,
    }
}
"#;

const MATCHES_WARMUP_STATUS: &str = r#"pub fn use_it(account: &instantly::types::Account) -> &'static str {
    match account.warmup_status {
        instantly::types::WarmupStatus::Active => "active",
        instantly::types::WarmupStatus::PermanentSuspension => "suspended",
        instantly::types::WarmupStatus::Unknown(_) => "unknown",
        _ => "other",
    }
}
"#;

/// Calls `get_lead_list_verification_stats` (the operation removed) and `get_lead_list`.
const CALLS_LEAD_LIST_OPERATIONS: &str = r#"pub fn use_it(client: &instantly::Client) {
    let id = instantly::runtime::uuid::Uuid::nil();
    let _ = client.get_lead_list_verification_stats(id);
    let _ = client.get_lead_list(id);
}
"#;

pub const FIXTURES: [Fixture; 10] = [
    // Lead List `name` is described in other words: rustdoc only.
    Fixture {
        name: "description_changed",
        edit: description_changed,
        level: Level::Documentation,
        snippet: Some(
            r#"pub fn use_it(list: &instantly::types::LeadList) -> &str {
    &list.name
}
"#,
        ),
    },
    // Lead List gains an optional `description` (null or string).
    Fixture {
        name: "property_added",
        edit: property_added,
        level: Level::Compatible,
        snippet: Some(
            r#"pub fn use_it(list: &instantly::types::LeadList) -> Option<String> {
    let request = instantly::types::CreateLeadListRequest {
        name: list.name.clone(),
        ..Default::default()
    };
    Some(request.name)
}
"#,
        ),
    },
    // Lead List loses `has_enrichment_task` (the property and its line in the JSON example).
    Fixture {
        name: "property_removed",
        edit: property_removed,
        level: Level::Breaking,
        snippet: Some(READS_HAS_ENRICHMENT_TASK),
    },
    // Lead List `has_enrichment_task`: `null or boolean` → `null or number` (example 1).
    Fixture {
        name: "property_retyped",
        edit: property_retyped,
        level: Level::Breaking,
        snippet: Some(READS_HAS_ENRICHMENT_TASK),
    },
    // Custom Tag `description` gets the `required` line; the create request derived from the
    // entity (by convention) requires it too.
    Fixture {
        name: "property_made_required",
        edit: property_made_required,
        level: Level::Breaking,
        snippet: Some(
            r#"pub fn use_it(tag: &instantly::types::CustomTag) -> bool {
    tag.description.is_absent()
}
"#,
        ),
    },
    // Custom Tag gains a required `colour`. Request bodies come from the reference's facts, not
    // from the page's entity, so only the response type gains the field: compatible.
    Fixture {
        name: "required_field_added",
        edit: required_field_added,
        level: Level::Compatible,
        snippet: None,
    },
    // Campaign `status` gains `5 Archived`. The status enum is one type with Account Campaign
    // Mapping's and the campaign query parameters': it gains the variant and stays shared.
    Fixture {
        name: "enum_value_added",
        edit: enum_value_added,
        level: Level::Compatible,
        snippet: Some(COMPARES_MAPPING_STATUS),
    },
    // Account `warmup_status` loses `-3 Permanent Suspension` (an enum only the page lists and no
    // other place shares: a value removed from a shared enum stays while another place lists it).
    Fixture {
        name: "enum_value_removed",
        edit: enum_value_removed,
        level: Level::Breaking,
        snippet: Some(MATCHES_WARMUP_STATUS),
    },
    // The Lead List tag lists one more operation, `GET /api/v2/lead-lists/{id}/duplicates`.
    Fixture {
        name: "operation_added",
        edit: operation_added,
        level: Level::Compatible,
        snippet: Some(CALLS_LEAD_LIST_OPERATIONS),
    },
    // The Lead List tag no longer lists `GET /api/v2/lead-lists/{id}/verification-stats`.
    Fixture {
        name: "operation_removed",
        edit: operation_removed,
        level: Level::Breaking,
        snippet: Some(CALLS_LEAD_LIST_OPERATIONS),
    },
];

/// `page` with the only occurrence of `from` replaced by `to`.
fn replace_once(page: &str, from: &str, to: &str) -> String {
    assert_eq!(
        page.matches(from).count(),
        1,
        "the fixture's anchor must occur exactly once in the page: {from:?}"
    );
    page.replacen(from, to, 1)
}

const OWNED_BY_EXAMPLE_END: &str = "\"019ca668-1d77-7dc2-b8e0-86618197690a\"\n{\n";
const ENRICHMENT_PROPERTY: &str = "has_enrichment_task\nnull or boolean\n\n\
Whether this list runs the enrichment process on every added lead or not\n\nExample:\nfalse\n";
const ENRICHMENT_EXAMPLE_LINE: &str =
    "  \"has_enrichment_task\": false,\n  \"owned_by\": \"019ca668-1d77";
const CUSTOM_TAG_EXAMPLE_END: &str = "\"Used for marking important items\"\n{\n";
const CAMPAIGN_STATUS_END: &str = "Bounce Protect\n\nExample:\n1\ncampaign_schedule\n";

fn description_changed(page: &str) -> String {
    replace_once(
        page,
        "required\n\nName of the lead list\n",
        "required\n\nName of the lead list, as shown in the app\n",
    )
}

fn property_added(page: &str) -> String {
    replace_once(
        page,
        OWNED_BY_EXAMPLE_END,
        "\"019ca668-1d77-7dc2-b8e0-86618197690a\"\n\
         description\nnull or string\n\nWhat the list holds\n\nExample:\n\"Leads met at the spring fair\"\n{\n",
    )
}

fn property_removed(page: &str) -> String {
    let page = replace_once(page, ENRICHMENT_PROPERTY, "");
    replace_once(
        &page,
        ENRICHMENT_EXAMPLE_LINE,
        "  \"owned_by\": \"019ca668-1d77",
    )
}

fn property_retyped(page: &str) -> String {
    let retyped = ENRICHMENT_PROPERTY
        .replace("null or boolean", "null or number")
        .replace("Example:\nfalse", "Example:\n1");
    let page = replace_once(page, ENRICHMENT_PROPERTY, &retyped);
    let example = ENRICHMENT_EXAMPLE_LINE.replace("false", "1");
    replace_once(&page, ENRICHMENT_EXAMPLE_LINE, &example)
}

fn property_made_required(page: &str) -> String {
    replace_once(
        page,
        "description\nnull or string\n\nDetailed description of the custom tag purpose",
        "description\nnull or string\nrequired\n\nDetailed description of the custom tag purpose",
    )
}

fn required_field_added(page: &str) -> String {
    replace_once(
        page,
        CUSTOM_TAG_EXAMPLE_END,
        "\"Used for marking important items\"\n\
         colour\nstring\nrequired\n\nThe colour the tag is shown in\n\nExample:\n\"red\"\n{\n",
    )
}

fn enum_value_added(page: &str) -> String {
    replace_once(
        page,
        CAMPAIGN_STATUS_END,
        "Bounce Protect\n\n\n5\t\n\nArchived\n\nExample:\n1\ncampaign_schedule\n",
    )
}

fn enum_value_removed(page: &str) -> String {
    replace_once(
        page,
        "Spam Folder Unknown\n\n\n-3\t\n\nPermanent Suspension\n\nExample:\n1\nprovider_code\n",
        "Spam Folder Unknown\n\nExample:\n1\nprovider_code\n",
    )
}

fn operation_added(page: &str) -> String {
    replace_once(
        page,
        "GET\n/api/v2/lead-lists/{id}/verification-stats\n",
        "GET\n/api/v2/lead-lists/{id}/verification-stats\nGET\n/api/v2/lead-lists/{id}/duplicates\n",
    )
}

fn operation_removed(page: &str) -> String {
    replace_once(
        page,
        "GET\n/api/v2/lead-lists/{id}/verification-stats\n",
        "",
    )
}

/// The normalized document of a page (with the committed facts and overrides).
pub fn document(page: &str) -> Value {
    match normalize(page, FACTS, OVERRIDES) {
        Ok(normalized) => normalized.document,
        Err(error) => panic!("the page does not normalize: {error}"),
    }
}

/// `xtask/spec/tests/fixtures/report/<name>/<file>`.
pub fn fixture_path(name: &str, file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/report")
        .join(name)
        .join(file)
}
