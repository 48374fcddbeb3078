//! Constructs of third-party documents that the Instantly document does not use: recursion
//! through aliases, unions naming components declared later, free-form values, `allOf`
//! pointers, and the schema-to-type table.

use instantly_codegen::{Error, Settings, generate_file, load_document, schema_types, type_names};

/// A document with these component schemas (JSON object text) and no paths.
fn with_schemas(schemas: &str) -> String {
    format!(
        r#"{{"openapi": "3.0.3", "info": {{"title": "t", "version": "1"}}, "paths": {{}},
            "components": {{"schemas": {schemas}}}}}"#
    )
}

fn generate(schemas: &str) -> Result<String, Error> {
    generate_file(&with_schemas(schemas), &Settings::default())
}

#[test]
fn aliases_that_name_themselves_through_a_list_or_map_become_newtypes() {
    let source = generate(
        r##"{
          "Tree": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
          "Forest": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Grove"}},
          "Grove": {"$ref": "#/components/schemas/Forest"}
        }"##,
    )
    .unwrap();
    assert!(
        source.contains("pub struct Tree(pub Vec<Tree>);"),
        "{source}"
    );
    assert!(source.contains("pub struct Forest(pub ::std::collections::BTreeMap<String, Grove>);"));
    assert!(source.contains("pub struct Grove(pub Forest);"));
    assert_eq!(source.matches("transparent)]").count(), 3);
}

#[test]
fn schemas_that_are_only_themselves_are_an_error_naming_the_cycle() {
    for schemas in [
        r##"{"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}"##,
        r##"{"A": {"allOf": [{"$ref": "#/components/schemas/A"}]}}"##,
        r##"{"A": {"anyOf": [{"$ref": "#/components/schemas/B"}]}, "B": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/A"}]}}"##,
    ] {
        let error = generate(schemas).unwrap_err();
        let Error::Unsupported { pointer, message } = &error else {
            panic!("{error:?}");
        };
        assert_eq!(pointer, "#/components/schemas/A");
        assert!(
            message.contains("defined only in terms of itself"),
            "{message}"
        );
    }
}

#[test]
fn union_members_declared_later_are_ordered_by_their_final_shape() {
    // `Loose` (no required field) would take every object if it were tried first.
    let source = generate(
        r##"{
          "Either": {"oneOf": [{"$ref": "#/components/schemas/Loose"}, {"$ref": "#/components/schemas/Strict"}]},
          "Loose": {"type": "object", "properties": {"a": {"type": "string"}}},
          "Strict": {"type": "object", "required": ["a", "b"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}
        }"##,
    )
    .unwrap();
    let strict = source.find("Strict(Strict),").unwrap();
    let loose = source.find("Loose(Loose),").unwrap();
    assert!(strict < loose, "{source}");
}

#[test]
fn optional_free_form_values_keep_an_explicit_null() {
    let source = generate(
        r##"{
          "Thing": {"type": "object", "required": ["always"], "properties": {
            "always": {}, "sometimes": {"deprecated": true}, "aliased": {"$ref": "#/components/schemas/Anything"}
          }},
          "Anything": {"description": "any JSON value"}
        }"##,
    )
    .unwrap();
    assert!(
        source.contains("pub always: rt::serde_json::Value,"),
        "{source}"
    );
    for field in ["sometimes", "aliased"] {
        assert!(
            source.contains(&format!("pub {field}: rt::Nullable<")),
            "{field}: {source}"
        );
    }
}

#[test]
fn generated_enums_are_non_exhaustive() {
    let source = generate(
        r##"{
          "Colour": {"type": "string", "enum": ["red"]},
          "Level": {"type": "integer", "enum": [1]},
          "Mixed": {"oneOf": [{"type": "integer"}, {"type": "boolean"}]}
        }"##,
    )
    .unwrap();
    for name in ["Colour", "Level", "Mixed"] {
        let before = &source[..source.find(&format!("pub enum {name} {{")).unwrap()];
        let attributes = &before[before.rfind("#[derive(").unwrap()..];
        assert!(
            attributes.contains("#[non_exhaustive]"),
            "{name}: {attributes}"
        );
    }
}

#[test]
fn schema_types_point_at_the_schema_each_type_stands_for() {
    let text = with_schemas(
        r##"{
          "Base": {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}}},
          "Pet": {"allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"type": "object", "properties": {"tags": {"type": "array", "nullable": true, "items": {"type": "object", "properties": {"name": {"type": "string"}}}}}}
          ]}
        }"##,
    );
    let document = load_document(&text).unwrap();
    let types = schema_types(&document, &Settings::default()).unwrap();
    let type_at = |pointer: &str| {
        types
            .iter()
            .find(|entry| entry.pointer == pointer)
            .map(|entry| entry.rust_type.replace(' ', ""))
            .unwrap_or_else(|| panic!("no type for {pointer}: {types:#?}"))
    };
    assert_eq!(type_at("#/components/schemas/Pet"), "types::Pet");
    // Properties merged from `allOf` members keep the pointer of the member declaring them.
    assert_eq!(
        type_at("#/components/schemas/Pet/allOf/1/properties/tags"),
        "Option<Vec<types::PetTagsItem>>"
    );
    assert_eq!(
        type_at("#/components/schemas/Base/properties/id"),
        "::instantly_runtime::uuid::Uuid"
    );
}

#[test]
fn type_names_name_the_generated_type_at_each_place() {
    let text = with_schemas(
        r##"{
          "Campaign": {"type": "object", "properties": {
            "schedule": {"type": "object", "nullable": true, "properties": {"zone": {"type": "string", "enum": ["UTC"]}}},
            "status": {"$ref": "#/components/schemas/Status"},
            "tags": {"type": "array", "items": {"type": "string"}}
          }},
          "Status": {"type": "string", "enum": ["active"]}
        }"##,
    );
    let document = load_document(&text).unwrap();
    let names: Vec<(String, String)> = type_names(&document, &Settings::default())
        .unwrap()
        .into_iter()
        .map(|placed| (placed.pointer, placed.name))
        .collect();
    let at = |pointer: &str| {
        names
            .iter()
            .find(|(at, _)| at == pointer)
            .map(|(_, name)| name.as_str())
    };
    let campaign = "#/components/schemas/Campaign/properties";
    assert_eq!(
        at(&format!("{campaign}/schedule")),
        Some("CampaignSchedule")
    );
    assert_eq!(
        at(&format!("{campaign}/schedule/properties/zone")),
        Some("CampaignScheduleZone")
    );
    assert_eq!(at(&format!("{campaign}/status")), Some("Status"));
    assert_eq!(at("#/components/schemas/Status"), Some("Status"));
    // Lists and scalars are not generated types; their items are places of their own.
    assert_eq!(at(&format!("{campaign}/tags")), None);
    assert_eq!(at(&format!("{campaign}/tags/items")), None);
}

/// `levels` nested `allOf`s around `leaf` (JSON text).
fn nested_all_of(levels: usize, leaf: &str) -> String {
    let mut schema = leaf.to_owned();
    for _ in 0..levels {
        schema = format!(r#"{{"allOf": [{schema}]}}"#);
    }
    schema
}

#[test]
fn a_broken_schema_deep_in_a_document_fails_fast_at_its_pointer() {
    // Parsed as a whole, each level would parse the broken part twice: 2^40 times.
    let started = std::time::Instant::now();
    let error = generate(&format!(r#"{{"Deep": {}}}"#, nested_all_of(40, "1.5"))).unwrap_err();
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    let Error::Unsupported { pointer, message } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(
        pointer,
        &format!("#/components/schemas/Deep{}", "/allOf/0".repeat(40))
    );
    assert!(message.starts_with("not a valid schema"), "{message}");
}

#[test]
fn nesting_up_to_the_parsers_limit_fits_a_test_threads_stack() {
    // 60 levels of allOf are 120 levels of JSON: the parsers' limit is 128.
    let leaf = r#"{"type": "object", "properties": {"x": {"type": "integer"}}}"#;
    generate(&format!(r#"{{"Deep": {}}}"#, nested_all_of(60, leaf))).unwrap();
    let mut list = r#"{"type": "string"}"#.to_owned();
    for _ in 0..120 {
        list = format!(r#"{{"type": "array", "items": {list}}}"#);
    }
    let source = generate(&format!(r#"{{"Matrix": {list}}}"#)).unwrap();
    // Every few levels a named alias keeps `Vec<Vec<…>>` shallow for syn and rustc.
    assert!(source.matches("pub type Matrix").count() > 10, "{source}");
    assert!(!source.contains(&"Vec<".repeat(10)));
}

#[test]
fn an_all_of_merging_the_component_that_holds_it_falls_back_with_a_warning() {
    let text = with_schemas(
        r##"{"Task": {"type": "object", "properties": {
            "name": {"type": "string"},
            "script": {"allOf": [
                {"$ref": "#/components/schemas/Task"},
                {"type": "object", "properties": {"line": {"type": "integer"}}}
            ]}
        }}}"##,
    );
    let document = load_document(&text).unwrap();
    let generated = instantly_codegen::generate_tokens(&document, &Settings::default()).unwrap();
    assert!(
        generated.warnings.iter().any(|warning| warning.pointer
            == "#/components/schemas/Task/properties/script"
            && warning.message.contains("contains itself")),
        "{:?}",
        generated.warnings
    );
    generated.to_source().unwrap();
}
