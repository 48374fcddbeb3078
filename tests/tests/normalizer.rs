//! The normalizer on the real scraped page: the document it writes is complete, valid, committed
//! and stable.

use std::collections::{BTreeMap, BTreeSet};

use instantly_spec::normalize::document::normalize;
use instantly_spec::normalize::yaml::to_yaml;
use instantly_tests::{python, read, root};
use serde_json::Value;

fn document() -> Value {
    normalize(
        &read("spec/instantly-api-v2.txt"),
        &read("spec/operations.yaml"),
        &read("spec/overrides.yaml"),
    )
    .unwrap_or_else(|error| panic!("{error}"))
    .document
}

/// `(method, path, operation)` of every operation, through the spec library's walker.
fn operations(document: &Value) -> Vec<(String, String, &Value)> {
    instantly_spec::openapi::operations(document)
        .into_iter()
        .map(|operation| {
            let (method, path) = (operation.method.to_owned(), operation.path.to_owned());
            (method, path, operation.value)
        })
        .collect()
}

/// A schema as its place sees it: a reference or a wrapper (`allOf: [$ref]`,
/// `oneOf: [$ref, {enum: [null]}]`) followed to the shared type, with the place's own keys
/// over the type's.
fn view(schemas: &Value, schema: &Value) -> Value {
    let members = |key: &str| schema[key].as_array().map(Vec::as_slice);
    let reference = match (schema.get("$ref"), members("allOf"), members("oneOf")) {
        (Some(reference), _, _) => Some(reference),
        (None, Some([only]), _) => only.get("$ref"),
        (None, None, Some([target, null])) if null["enum"] == serde_json::json!([null]) => {
            target.get("$ref")
        }
        _ => None,
    };
    let Some(reference) = reference.and_then(Value::as_str) else {
        return schema.clone();
    };
    let name = reference.rsplit('/').next().unwrap();
    let mut merged = view(schemas, &schemas[name]);
    for (key, value) in schema.as_object().unwrap() {
        if !["$ref", "allOf", "oneOf"].contains(&key.as_str()) {
            merged[key] = value.clone();
        }
    }
    merged
}

/// The schema at `path` below `schema`, following references at every step.
fn at(schemas: &Value, schema: &Value, path: &[&str]) -> Value {
    path.iter().fold(view(schemas, schema), |current, key| {
        let next = match key.parse::<usize>() {
            Ok(index) => &current[index],
            Err(_) => &current[*key],
        };
        view(schemas, next)
    })
}

#[test]
fn every_operation_of_the_page_with_a_unique_operation_id() {
    let document = document();
    let operations = operations(&document);
    assert_eq!(operations.len(), 162);
    let ids: BTreeSet<&str> = operations
        .iter()
        .map(|(_, _, op)| op["operationId"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 162, "operationIds are not unique");
    let two_tags = operations
        .iter()
        .filter(|(_, _, op)| op["tags"].as_array().unwrap().len() == 2)
        .count();
    assert_eq!(two_tags, 7);
    for (method, path, operation) in &operations {
        let source = operation["x-source"].as_str().unwrap_or_default();
        assert!(
            ["page", "reference", "convention", "override"].contains(&source),
            "{method} {path}: x-source {source:?}"
        );
        assert!(
            operation["summary"].is_string(),
            "{method} {path}: no summary"
        );
        for status in ["401", "429", "default"] {
            assert!(
                operation["responses"].get(status).is_some(),
                "{method} {path}: no {status} response"
            );
        }
    }
    assert!(
        "list_block_list_entries"
            == document["paths"]["/api/v2/block-lists-entries"]["get"]["operationId"],
        "an operation_id override is applied"
    );
    for (expected, method, path) in [
        ("list_campaigns", "get", "/api/v2/campaigns"),
        ("create_campaign", "post", "/api/v2/campaigns"),
        ("get_campaign", "get", "/api/v2/campaigns/{id}"),
        (
            "activate_campaign",
            "post",
            "/api/v2/campaigns/{id}/activate",
        ),
        (
            "enable_account_warmup",
            "post",
            "/api/v2/accounts/warmup/enable",
        ),
    ] {
        assert_eq!(document["paths"][path][method]["operationId"], expected);
    }
}

#[test]
fn every_tag_in_page_order_with_its_description() {
    let document = document();
    let tags: Vec<&str> = document["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|tag| tag["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        tags.len(),
        32,
        "the 30 entity tags plus Analytics and OAuth"
    );
    assert_eq!(tags[..3], ["Analytics", "OAuth", "Account"]);
    assert_eq!(tags.last(), Some(&"CRM Actions"));
    assert!(
        document["tags"]
            .as_array()
            .unwrap()
            .iter()
            .all(|tag| tag["description"].is_string())
    );
}

#[test]
fn all_thirty_entity_schemas_with_titles_and_descriptions() {
    let document = document();
    let schemas = document["components"]["schemas"].as_object().unwrap();
    let entities: Vec<(&String, &Value)> = schemas
        .iter()
        .filter(|(_, schema)| schema.get("title").is_some())
        .collect();
    assert_eq!(entities.len(), 30);
    assert_eq!(entities[0].0, "Account");
    assert_eq!(entities[29].0, "CrmActions");
    assert_eq!(
        schemas["BlacklistSpamAssassinReport"]["title"],
        "Inbox Placement Blacklist & SpamAssassin Report"
    );
    assert!(
        entities
            .iter()
            .all(|(_, schema)| schema["description"].is_string())
    );
}

#[test]
fn page_facts_survive() {
    let document = document();
    let schemas = &document["components"]["schemas"];
    let schema = |name: &str, path: &[&str]| at(schemas, &schemas[name], path);
    let status = schema("Campaign", &["properties", "status"]);
    assert_eq!(status["enum"][5], -99);
    assert_eq!(status["x-enum-descriptions"][5], "Account Suspended");
    let timezone = schema(
        "Campaign",
        &[
            "properties",
            "campaign_schedule",
            "properties",
            "schedules",
            "items",
            "properties",
            "timezone",
        ],
    );
    assert_eq!(
        timezone["enum"].as_array().unwrap().len(),
        102,
        "completed from the facts"
    );
    assert_eq!(timezone["enum"][0], "Etc/GMT+12", "the page's values first");
    assert_eq!(timezone["x-enum-source"], "reference");
    assert!(timezone.get("x-enum-truncated").is_none());
    assert_eq!(
        schema("Account", &["properties", "sending_gap"])["maximum"],
        1440
    );
    assert_eq!(
        schema("Webhook", &["properties", "target_hook_url"])["pattern"],
        "^https?://"
    );
    assert_eq!(
        schema(
            "EmailVerification",
            &["properties", "catch_all", "oneOf", "1"]
        )["enum"][0],
        "pending"
    );
    assert_eq!(
        schema("Email", &["properties", "from_address_json", "items"])["nullable"],
        true
    );
    assert_eq!(
        schema("InboxPlacementTest", &["properties", "automations"])["minItems"],
        0
    );
    let warmup = schema("Account", &["properties", "warmup"]);
    assert_eq!(warmup["x-collapsed"], true);
    assert!(warmup["properties"]["reply_rate"].is_object());
    let delay_unit = schema(
        "CampaignSubsequence",
        &[
            "properties",
            "sequences",
            "items",
            "properties",
            "steps",
            "items",
            "properties",
            "delay_unit",
        ],
    );
    assert_eq!(delay_unit["default"], "days");
    let permissions = schema("WorkspaceMember", &["properties", "permissions", "items"]);
    assert_eq!(permissions["enum"].as_array().unwrap().len(), 29);
    assert_eq!(permissions["x-enum-descriptions"][0], "View the dashboard");
}

#[test]
fn the_committed_document_is_up_to_date() {
    let regenerated = to_yaml(&document());
    let committed = read("spec/openapi.yaml");
    assert!(
        regenerated == committed,
        "spec/openapi.yaml is stale; run `cargo xtask codegen`:\n{}",
        instantly_spec::diff::unified_diff("spec/openapi.yaml", &committed, &regenerated)
    );
}

#[test]
fn the_document_parses_with_openapiv3() {
    let text = read("spec/openapi.yaml");
    let parsed: openapiv3::OpenAPI =
        serde_norway::from_str(&text).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        parsed.paths.paths.len(),
        document()["paths"].as_object().unwrap().len()
    );
}

#[test]
fn the_document_and_every_example_pass_a_real_validator() {
    let output = python()
        .arg(root().join("tests/python/validate_document.py"))
        .arg(root().join("spec/openapi.yaml"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "validator failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("0 problems"), "{stdout}");
}

#[test]
fn output_is_deterministic() {
    assert_eq!(to_yaml(&document()), to_yaml(&document()));
}

/// Adding one property to one schema on the page adds only that property's lines.
#[test]
fn adding_a_property_changes_only_its_lines() {
    let page = read("spec/instantly-api-v2.txt");
    let anchor = "Example:\n\"019ca668-1d77-7dc2-b8e0-86618197690a\"\n";
    assert_eq!(page.matches(anchor).count(), 1);
    let new_property =
        "archived\nnull or boolean\n\nWhether the list is archived\n\nExample:\nfalse\n";
    let edited = page.replacen(anchor, &format!("{anchor}{new_property}"), 1);
    let facts = read("spec/operations.yaml");
    let overrides = read("spec/overrides.yaml");
    let before = to_yaml(&normalize(&page, &facts, &overrides).unwrap().document);
    let after = to_yaml(&normalize(&edited, &facts, &overrides).unwrap().document);
    let diff = similar::TextDiff::from_lines(&before, &after);
    let mut inserted: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for change in diff.iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Delete => panic!("removed line: {}", change.value()),
            similar::ChangeTag::Insert => inserted
                .entry(change.new_index().unwrap())
                .or_default()
                .push(change.value()),
            similar::ChangeTag::Equal => {}
        }
    }
    // Group consecutive inserted lines into blocks; each block is one `archived:` property.
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut last = None;
    for (index, lines) in inserted {
        if last.is_some_and(|last| last + 1 == index) {
            blocks.last_mut().unwrap().extend(lines);
        } else {
            blocks.push(lines);
        }
        last = Some(index);
    }
    assert!(!blocks.is_empty());
    for block in &blocks {
        assert_eq!(
            block[0].trim(),
            "archived:",
            "unexpected change:\n{}",
            block.join("")
        );
        let indent = block[0].len() - block[0].trim_start().len();
        assert!(
            block[1..]
                .iter()
                .all(|line| line.len() - line.trim_start().len() > indent),
            "{}",
            block.join("")
        );
    }
}

/// The real page yields only warnings about what it hid (collapsed sub-objects no example
/// shows), each at its page line; the operations and overrides place everything.
#[test]
fn warnings_are_only_about_hidden_parts_and_name_their_line() {
    let normalized = normalize(
        &read("spec/instantly-api-v2.txt"),
        &read("spec/operations.yaml"),
        &read("spec/overrides.yaml"),
    )
    .unwrap();
    let warnings = &normalized.warnings.0;
    assert!(!warnings.is_empty());
    for warning in warnings {
        assert_eq!(warning.file, "spec/instantly-api-v2.txt", "{warning}");
        assert!(warning.line.is_some_and(|line| line > 650), "{warning}");
        assert!(warning.message.contains("collapsed"), "{warning}");
    }
}

/// Every operation carries what the reference's facts say: no unknown shape, every parameter,
/// every body property (read-only ones excepted) and the documented success status and body.
#[test]
fn every_operation_is_typed_from_the_facts() {
    let document = document();
    let facts: Value = serde_norway::from_str(&read("spec/operations.yaml")).unwrap();
    let schemas = &document["components"]["schemas"];
    let resolve = |schema: &Value| view(schemas, schema);
    let (mut parameters, mut body_properties, mut typed) = (0, 0, 0);
    for (method, path, operation) in operations(&document) {
        let key = format!("{} {path}", method.to_uppercase());
        let fact = &facts["operations"][&key];
        assert!(fact.is_object(), "{key}: no facts");
        assert!(operation.get("x-shapes").is_none(), "{key}: unknown shapes");
        assert_eq!(operation["x-source"], "reference", "{key}");
        assert_eq!(operation["description"], fact["description"], "{key}");
        assert_eq!(operation["summary"], fact["summary"], "{key}");
        let documented = fact["parameters"].as_array().map_or(0, Vec::len);
        let listed = operation["parameters"].as_array().map_or(0, Vec::len);
        assert_eq!(listed, documented, "{key}: parameters");
        parameters += listed;
        let fact_body = fact["body"]["schema"]["properties"].as_object();
        let body = operation["requestBody"]["content"]["application/json"]["schema"].clone();
        let properties = resolve(&body)["properties"]
            .as_object()
            .map_or(0, |p| p.len());
        assert_eq!(properties, fact_body.map_or(0, |p| p.len()), "{key}: body");
        body_properties += properties;
        let status = fact["response"]["status"].as_u64().unwrap().to_string();
        let success = &operation["responses"][&status];
        assert!(success.is_object(), "{key}: no {status} response");
        let has_schema = fact["response"]["schema"]
            .as_object()
            .is_some_and(|schema| !schema.is_empty());
        assert_eq!(
            success.get("content").is_some(),
            has_schema,
            "{key}: {status} body"
        );
        typed += 1;
    }
    assert_eq!((parameters, body_properties, typed), (223, 400, 162));
}

/// An operation a re-scraped page lists before the facts know it falls back to the API's
/// conventions.
#[test]
fn an_operation_without_facts_falls_back_to_the_conventions() {
    use instantly_spec::normalize::document::{SideInputs, normalize_page};
    let mut side =
        SideInputs::parse(&read("spec/operations.yaml"), &read("spec/overrides.yaml")).unwrap();
    side.facts
        .operations
        .retain(|op| !(op.method == "GET" && op.path == "/api/v2/campaigns"));
    let document = normalize_page(&read("spec/instantly-api-v2.txt"), &side)
        .unwrap()
        .document;
    let list = &document["paths"]["/api/v2/campaigns"]["get"];
    assert_eq!(list["x-source"], "convention");
    assert_eq!(list["summary"], "List campaigns");
    assert_eq!(
        list["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/CampaignPage"
    );
    let names: Vec<&str> = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["limit", "starting_after"]);
    assert_eq!(list["x-pagination"]["cursor_in"], "query");
}
