//! A new property on the page changes only that property's lines in the generated client, once
//! however many places share its shape.

use instantly_spec::normalize::document::normalize;
use instantly_spec::normalize::yaml::to_yaml;
use instantly_tests::read;
use serde_json::{Value, json};

fn client_for(page: &str) -> String {
    client_for_inputs(page, &read("spec/operations.yaml"))
}

fn client_for_inputs(page: &str, facts: &str) -> String {
    let overrides = read("spec/overrides.yaml");
    let document = normalize(page, facts, &overrides).unwrap_or_else(|error| panic!("{error}"));
    instantly_codegen::generate_file(
        &to_yaml(&document.document),
        &instantly_codegen::Settings::instantly(),
    )
    .unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn a_new_property_adds_only_its_field_and_docs() {
    let page = read("spec/instantly-api-v2.txt");
    let anchor = "Example:\n\"019ca668-1d77-7dc2-b8e0-86618197690a\"\n";
    assert_eq!(
        page.matches(anchor).count(),
        1,
        "the anchor (Lead List owned_by) moved"
    );
    let new_property =
        "archived\nnull or boolean\n\nWhether the list is archived\n\nExample:\nfalse\n";
    let edited = page.replacen(anchor, &format!("{anchor}{new_property}"), 1);

    let blocks = inserted_blocks(&client_for(&page), &client_for(&edited));
    // The entity only (request bodies come from the reference's facts, not from copies of the
    // entity): one field, with its docs and serde attributes, and its line in `rt::model!`.
    assert_eq!(blocks.len(), 2, "{blocks:#?}");
    assert!(
        blocks[0].contains("pub archived:"),
        "unexpected change:\n{}",
        blocks[0]
    );
    assert!(
        blocks[0].contains("/// Whether the list is archived"),
        "no docs:\n{}",
        blocks[0]
    );
    assert_eq!(blocks[1].trim(), "archived,", "unexpected change");
}

/// The blocks of lines `after` adds to `before`; a removed line fails the test.
fn inserted_blocks(before: &str, after: &str) -> Vec<String> {
    let diff = similar::TextDiff::from_lines(before, after);
    let mut blocks: Vec<String> = Vec::new();
    let mut in_block = false;
    for change in diff.iter_all_changes() {
        match change.tag() {
            similar::ChangeTag::Delete => panic!("a line was removed: {}", change.value()),
            similar::ChangeTag::Insert if in_block => {
                blocks.last_mut().unwrap().push_str(change.value())
            }
            similar::ChangeTag::Insert => {
                blocks.push(change.value().to_string());
                in_block = true;
            }
            similar::ChangeTag::Equal => in_block = false,
        }
    }
    blocks
}

/// The campaign schedule is one shape in five places: the Campaign and Campaign Subsequence
/// entities of the page, and the create/update bodies of the reference's facts. A property the
/// reference adds to it everywhere is one field of one type (`CampaignSchedule`), not five.
#[test]
fn a_property_of_a_shared_shape_adds_its_lines_once() {
    let page = read("spec/instantly-api-v2.txt");
    let mut edited = page.clone();
    for prefix in ["campaign_schedule", "subsequence_schedule"] {
        let anchor = format!(
            "{prefix}.end_date\nnull or string\n(date)\n\nEnd date in YYYY-MM-DD format. Uses the campaign's timezone.\n\nExample:\n\"2025-09-25\"\n"
        );
        assert_eq!(
            page.matches(&anchor).count(),
            1,
            "the anchor of {prefix} moved"
        );
        let property = format!(
            "{prefix}.paused\nboolean\n\nWhether the schedule is paused\n\nExample:\nfalse\n"
        );
        edited = edited.replacen(&anchor, &format!("{anchor}{property}"), 1);
    }
    let facts = read("spec/operations.yaml");
    let mut parsed: Value = serde_norway::from_str(&facts).unwrap();
    let added = add_to_schedules(&mut parsed);
    assert_eq!(
        added, 3,
        "create/update campaign and create subsequence bodies"
    );
    let edited_facts = serde_norway::to_string(&parsed).unwrap();

    let blocks = inserted_blocks(
        &client_for_inputs(&page, &facts),
        &client_for_inputs(&edited, &edited_facts),
    );
    // One field of `CampaignSchedule`, and its line in its `rt::model!`.
    assert_eq!(blocks.len(), 2, "{blocks:#?}");
    assert!(blocks[0].contains("pub paused:"), "{}", blocks[0]);
    assert_eq!(blocks[1].trim(), "paused,", "unexpected change");
    assert!(
        blocks[0].contains("/// Whether the schedule is paused"),
        "{}",
        blocks[0]
    );
}

/// Adds `paused` to every schedule object (the one holding `schedules`) of the facts; returns
/// how many.
fn add_to_schedules(node: &mut Value) -> usize {
    let mut added = 0;
    let is_schedule = node.pointer("/properties/schedules").is_some();
    if let Some(properties) = node
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .filter(|_| is_schedule)
    {
        properties.insert(
            "paused".into(),
            json!({"type": "boolean", "description": "Whether the schedule is paused"}),
        );
        added += 1;
    }
    match node {
        Value::Object(object) => {
            for value in object.values_mut() {
                added += add_to_schedules(value);
            }
        }
        Value::Array(values) => {
            for value in values {
                added += add_to_schedules(value);
            }
        }
        _ => {}
    }
    added
}
