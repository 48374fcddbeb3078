//! A new property on the page changes only that property's lines in the generated client.

use instantly_spec::normalize::document::normalize;
use instantly_spec::normalize::yaml::to_yaml;
use instantly_tests::read;

fn client_for(page: &str) -> String {
    let facts = read("spec/operations.yaml");
    let overrides = read("spec/overrides.yaml");
    let document = normalize(page, &facts, &overrides).unwrap_or_else(|error| panic!("{error}"));
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

    let before = client_for(&page);
    let after = client_for(&edited);
    let diff = similar::TextDiff::from_lines(&before, &after);
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
