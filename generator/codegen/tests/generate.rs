//! Generation on the fixture document: settings, names, errors with pointers, locality and
//! determinism. The generated text of each construct (enums, nullable fields, read-only
//! fields, recursion, pagination, 2xx responses, …) is pinned by the per-construct goldens of
//! `output.rs`; the generated code is exercised in the macro crate's tests.

use instantly_codegen::{Error, Settings, generate_file, generate_tokens, load_document};

mod support;

use support::{FIXTURE, item};

fn source() -> String {
    generate_file(FIXTURE, &Settings::default()).unwrap()
}

#[test]
fn output_is_byte_identical_across_runs() {
    assert_eq!(source(), source());
}

#[test]
fn inline_schemas_are_named_after_their_place() {
    let source = source();
    for name in [
        "CampaignCampaignSchedule {",
        "CampaignCampaignScheduleSchedulesItem {",
        "CampaignStopOnReply {",
    ] {
        assert!(source.contains(name), "{name} missing");
    }
}

#[test]
fn json_names_that_are_not_identifiers_are_renamed() {
    assert!(source().contains("#[serde(rename = \"x-internal-flag\")]"));
}

#[test]
fn settings_change_paths_derives_and_names() {
    let settings = Settings::default()
        .runtime_path("crate::rt")
        .extra_derive("Eq")
        .type_name("Lead", "Contact")
        .operation_name("listCampaigns", "campaigns")
        .api_key_env_var("MY_KEY")
        .base_url_env_var("MY_BASE_URL");
    let source = generate_file(FIXTURE, &settings).unwrap();
    assert!(source.contains("use crate::rt::__private as rt;"));
    assert!(source.contains("#[serde(crate = \"rt::serde\")]"));
    assert!(source.contains("pub struct Contact {"));
    assert!(source.contains("pub fn campaigns(&self)"));
    assert!(source.contains("\"MY_KEY\""));
    assert!(source.contains("rt::client!(Client, base_url_env_var = \"MY_BASE_URL\");"));
    assert!(source.contains("rt::request_options!"));
}

#[test]
fn from_env_reads_a_base_url_only_when_a_variable_is_set() {
    let source = generate_file(FIXTURE, &Settings::default()).unwrap();
    assert!(!source.contains("BASE_URL\")"));
    let source = generate_file(FIXTURE, &Settings::instantly()).unwrap();
    assert!(source.contains("base_url_env_var = \"INSTANTLY_BASE_URL\""));
}

#[test]
fn unsupported_constructs_name_their_pointer() {
    let text = FIXTURE.replace("application/json:\n            schema: { $ref: \"#/components/schemas/CreateCampaignRequest\" }", "application/xml:\n            schema: { type: object }");
    let error = generate_file(&text, &Settings::default().strict(true)).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("#/paths/~1api~1v2~1campaigns/post/requestBody/content: "),
        "{error}"
    );
    // Without `strict`, that one operation is left out with a warning naming it.
    let document = load_document(&text).unwrap();
    let generated = generate_tokens(&document, &Settings::default()).unwrap();
    let skipped: Vec<String> = generated.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(
        skipped[0].starts_with("#/paths/~1api~1v2~1campaigns/post/requestBody/content: no supported request content type among [\"application/xml\"]")
            && skipped[0].ends_with("; the operation is left out"),
        "{skipped:?}"
    );
    let source = generated.to_source().unwrap();
    assert!(!source.contains("pub fn create_campaign("));
    assert!(source.contains("pub fn list_campaigns("));

    let text = FIXTURE.replace(
        "$ref: \"#/components/schemas/CampaignPage\"",
        "$ref: \"#/components/schemas/Missing\"",
    );
    let error = generate_file(&text, &Settings::default()).unwrap_err();
    assert!(
        matches!(&error, Error::Unsupported { pointer, .. } if pointer.ends_with("/responses/200/content/application~1json/schema")),
        "{error}"
    );
}

#[test]
fn fallbacks_are_warnings() {
    let text = FIXTURE.replace("name: search\n          in: query\n          schema: { type: string }", "name: search\n          in: query\n          schema: { type: object, properties: { q: { type: string } } }");
    let document = load_document(&text).unwrap();
    let generated = generate_tokens(&document, &Settings::default()).unwrap();
    assert_eq!(generated.warnings.len(), 1, "{:?}", generated.warnings);
    assert!(
        generated.warnings[0]
            .pointer
            .starts_with("#/paths/~1api~1v2~1campaigns/get/parameters/2")
    );
}

#[test]
fn a_malformed_extension_is_one_warning_naming_its_key() {
    let document = |extensions: &str| {
        format!(
            r##"{{"openapi": "3.0.3", "info": {{"title": "t", "version": "1"}},
            "paths": {{"/things": {{"get": {{"operationId": "listThings", {extensions}
              "responses": {{"200": {{"description": "ok", "content": {{"application/json":
                {{"schema": {{"$ref": "#/components/schemas/Kind"}}}}}}}}}}}}}}}},
            "components": {{"schemas": {{"Kind": {{"type": "string", "enum": ["a"],
              "x-enum-truncated": "many", "x-enum-descriptions": "not a list"}}}}}}}}"##
        )
    };
    let text = document(r#""x-pagination": {"cursor_param": "after", "cursor_in": "header"},"#);
    let generated = generate_tokens(&load_document(&text).unwrap(), &Settings::default()).unwrap();
    let warnings: Vec<String> = generated.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    for (warning, key) in warnings.iter().zip([
        "`x-enum-descriptions`",
        "`x-enum-truncated`",
        "`x-pagination`",
    ]) {
        assert!(warning.contains(key), "{warning} should name {key}");
    }
    assert!(
        warnings[2].starts_with("#/paths/~1things/get: "),
        "{}",
        warnings[2]
    );
}

#[test]
fn one_of_single_value_string_enums_merge_into_one_open_enum() {
    let text = r#"{
      "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
      "components": {"schemas": {"SortMode": {"oneOf": [
        {"type": "string", "enum": ["name_ascending"], "description": "by name"},
        {"type": "string", "enum": ["id_ascending"], "description": "by id"}
      ]}}}
    }"#;
    let source = generate_file(text, &Settings::default()).unwrap();
    let sort = item(&source, "pub enum SortMode");
    assert!(
        sort.contains("/// by name\n        NameAscending,"),
        "{sort}"
    );
    assert!(sort.contains("IdAscending,") && sort.contains("Unknown(String),"));
    assert!(!source.contains("untagged"));
}

#[test]
fn a_new_property_only_adds_its_own_lines() {
    let with_property = FIXTURE.replace(
        "        open_tracking: { type: boolean }\n",
        "        open_tracking: { type: boolean }\n        reply_rate:\n          type: number\n          description: Share of leads that replied.\n",
    );
    assert_ne!(with_property, FIXTURE);
    let before = source();
    let after = generate_file(&with_property, &Settings::default()).unwrap();
    let diff = similar::TextDiff::from_lines(&before, &after);
    let changes: Vec<String> = diff
        .iter_all_changes()
        .filter(|change| change.tag() != similar::ChangeTag::Equal)
        .map(|change| format!("{}{}", change.tag(), change.value()))
        .collect();
    assert!(
        changes.iter().all(|line| line.starts_with('+')),
        "lines removed: {changes:#?}"
    );
    // The field, its doc line, its serde attribute and its `rt::model!` line, in Campaign and
    // in CampaignInput.
    assert_eq!(changes.len(), 8, "{changes:#?}");
}

#[test]
fn hostile_names_still_generate() {
    let text = r##"{
      "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {
        "/x/{self}": {"get": {"operationId": "self", "parameters": [{"name": "self", "in": "path", "required": true, "schema": {"type": "string"}}],
          "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/String"}}}}}}}
      },
      "components": {"schemas": {
        "String": {"type": "object", "properties": {"type": {"type": "string"}, "": {"type": "string"}, "9lives": {"type": "integer"}}},
        "Mode": {"type": "string", "enum": ["self", "Self", "", "unknown"]}
      }}
    }"##;
    let settings = Settings::default().type_name("Mode", "not a valid-name");
    let source = generate_file(text, &settings).unwrap();
    assert!(source.contains("pub struct StringType {"));
    assert!(source.contains("pub r#type: Option<String>,"));
    assert!(source.contains("pub enum NotAValidName {"));
    assert!(source.contains("Self2,"));
}
