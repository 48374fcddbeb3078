//! The classifier and the walk on small documents.

use instantly_codegen::extensions::{EnumDescriptions, EnumTruncated, Extension, Pagination};
use serde_json::{Value, json};

use super::model::{Impact, Kind, Level};
use super::render::{Options, markdown};
use super::semver::{Bump, Version, bump_for};
use super::{Report, compare};

/// `Thing` comes back from `GET /things/{id}`; `CreateThingRequest` is the body of
/// `POST /things`, and what it references is in a request too.
fn api(thing: Value, create: Value) -> Value {
    json!({
        "openapi": "3.0.3",
        "paths": {
            "/things": {"post": {
                "operationId": "create_thing",
                "requestBody": {"required": true, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/CreateThingRequest"}}}},
                "responses": {"200": {"description": "The thing.", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Thing"}}}}}
            }},
            "/things/{id}": {"get": {
                "operationId": "get_thing",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The thing.", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Thing"}}}}}
            }}
        },
        "components": {"schemas": {
            "Thing": thing,
            "CreateThingRequest": create,
            "Colour": {"type": "string", "enum": ["red", "green"]}
        }}
    })
}

fn object(properties: Value, required: &[&str]) -> Value {
    json!({"type": "object", "required": required, "properties": properties})
}

fn base_thing() -> Value {
    object(
        json!({
            "id": {"type": "string", "format": "uuid", "readOnly": true},
            "name": {"type": "string", "description": "The name"},
            "size": {"type": "integer", "nullable": true},
            "status": {"type": "integer", "enum": [0, 1], "x-enum-descriptions": ["Draft", "Active"]},
            "tags": {"type": "array", "items": {"type": "object", "properties": {"label": {"type": "string"}}}}
        }),
        &["id", "name"],
    )
}

fn base_create() -> Value {
    object(
        json!({
            "name": {"type": "string"},
            "size": {"type": "integer", "nullable": true},
            "colour": {"$ref": "#/components/schemas/Colour"}
        }),
        &["name"],
    )
}

/// The one change between the base document and the one `edit` makes.
fn only_change(edit: impl FnOnce(&mut Value)) -> (String, Kind, Impact) {
    let old = api(base_thing(), base_create());
    let mut new = old.clone();
    edit(&mut new);
    let report = compare(&old, &new);
    assert_eq!(report.changes.len(), 1, "{report:#?}");
    let change = report.changes[0].clone();
    (change.location, change.kind, change.impact)
}

fn thing(document: &mut Value) -> &mut Value {
    &mut document["components"]["schemas"]["Thing"]
}

fn create(document: &mut Value) -> &mut Value {
    &mut document["components"]["schemas"]["CreateThingRequest"]
}

#[test]
fn equal_documents_give_an_empty_report() {
    let document = api(base_thing(), base_create());
    let report = compare(&document, &document);
    assert!(report.is_empty());
    assert_eq!(report.level(), Level::Unchanged);
}

#[test]
fn an_optional_property_is_a_compatible_addition_anywhere() {
    let (location, kind, impact) = only_change(|d| {
        create(d)["properties"]["note"] = json!({"type": "string"});
    });
    assert_eq!(location, "CreateThingRequest.note");
    assert_eq!(
        kind,
        Kind::PropertyAdded {
            required: false,
            read_only: false
        }
    );
    assert_eq!(impact, Impact::Compatible);
}

#[test]
fn a_new_required_field_breaks_requests_only() {
    let (_, _, in_response) = only_change(|d| {
        thing(d)["properties"]["note"] = json!({"type": "string"});
        thing(d)["required"] = json!(["id", "name", "note"]);
    });
    assert_eq!(in_response, Impact::Compatible);
    let (_, _, in_request) = only_change(|d| {
        create(d)["properties"]["note"] = json!({"type": "string"});
        create(d)["required"] = json!(["name", "note"]);
    });
    assert_eq!(in_request, Impact::Breaking);
}

#[test]
fn a_new_required_read_only_field_stays_out_of_requests() {
    let (_, _, impact) = only_change(|d| {
        create(d)["properties"]["stamp"] = json!({"type": "string", "readOnly": true});
        create(d)["required"] = json!(["name", "stamp"]);
    });
    assert_eq!(impact, Impact::Compatible);
}

#[test]
fn a_removed_property_breaks() {
    let (location, kind, impact) = only_change(|d| {
        thing(d)["properties"]
            .as_object_mut()
            .unwrap()
            .remove("size");
    });
    assert_eq!(location, "Thing.size");
    assert_eq!(kind, Kind::PropertyRemoved);
    assert_eq!(impact, Impact::Breaking);
}

#[test]
fn a_retyped_property_breaks_and_is_not_walked_further() {
    let (location, kind, impact) = only_change(|d| {
        thing(d)["properties"]["name"] = json!({"type": "integer", "description": "Other"});
    });
    assert_eq!(location, "Thing.name");
    assert_eq!(
        kind,
        Kind::TypeChanged {
            old: "`string`".into(),
            new: "`integer`".into()
        }
    );
    assert_eq!(impact, Impact::Breaking);
}

#[test]
fn formats_break_only_when_the_rust_type_changes() {
    let (_, kind, impact) = only_change(|d| {
        thing(d)["properties"]["id"]
            .as_object_mut()
            .unwrap()
            .remove("format");
    });
    assert!(matches!(kind, Kind::TypeChanged { .. }), "{kind:?}");
    assert_eq!(impact, Impact::Breaking);
    let (_, kind, impact) = only_change(|d| {
        thing(d)["properties"]["name"]["format"] = json!("email");
    });
    assert!(matches!(kind, Kind::FormatChanged { .. }), "{kind:?}");
    assert_eq!(impact, Impact::Compatible);
}

#[test]
fn nullability_changes_retype_the_field_both_ways() {
    for (property, nullable) in [("size", false), ("name", true)] {
        let (_, kind, impact) = only_change(|d| {
            thing(d)["properties"][property]["nullable"] = json!(nullable);
        });
        assert_eq!(kind, Kind::NullableChanged { nullable });
        assert_eq!(impact, Impact::Breaking);
    }
}

#[test]
fn required_changes_break_in_requests_and_responses() {
    let (location, kind, impact) = only_change(|d| {
        create(d)["required"] = json!(["name", "size"]);
    });
    assert_eq!(location, "CreateThingRequest.size");
    assert_eq!(kind, Kind::RequiredChanged { required: true });
    assert_eq!(impact, Impact::Breaking);
    let (_, _, impact) = only_change(|d| {
        thing(d)["required"] = json!(["id"]);
    });
    assert_eq!(impact, Impact::Breaking);
}

#[test]
fn enum_values_added_are_compatible_removed_break() {
    let (location, kind, impact) = only_change(|d| {
        d["components"]["schemas"]["Colour"]["enum"] = json!(["red", "green", "blue"]);
    });
    assert_eq!(location, "Colour");
    assert_eq!(
        kind,
        Kind::EnumValueAdded {
            value: json!("blue")
        }
    );
    assert_eq!(impact, Impact::Compatible);
    let (_, kind, impact) = only_change(|d| {
        d["components"]["schemas"]["Colour"]["enum"] = json!(["red"]);
    });
    assert_eq!(
        kind,
        Kind::EnumValueRemoved {
            value: json!("green")
        }
    );
    assert_eq!(impact, Impact::Breaking);
}

#[test]
fn integer_enum_descriptions_name_variants() {
    let (_, kind, impact) = only_change(|d| {
        thing(d)["properties"]["status"][EnumDescriptions::KEY] = json!(["Draft", "Running"]);
    });
    assert_eq!(kind, Kind::EnumVariantRenamed { value: json!(1) });
    assert_eq!(impact, Impact::Breaking);
    // Words after the first clause do not reach the name: a description change only.
    let old = api(base_thing(), base_create());
    let mut new = old.clone();
    thing(&mut new)["properties"]["status"][EnumDescriptions::KEY] =
        json!(["Draft", "The active, sending campaigns"]);
    let report = compare(&old, &new);
    assert!(report.changes.is_empty(), "{report:#?}");
    assert_eq!(report.descriptions.len(), 1);
    assert_eq!(report.descriptions[0].location, "Thing.status = 1");
    assert_eq!(report.level(), Level::Documentation);
}

#[test]
fn malformed_extensions_count_as_absent() {
    // As for the generator, which warns about them and generates nothing from them.
    let old = api(base_thing(), base_create());
    let mut new = old.clone();
    new["paths"]["/things/{id}"]["get"][Pagination::KEY] = json!({"cursor_param": "c"});
    thing(&mut new)["properties"]["status"][EnumTruncated::KEY] = json!(-1);
    let report = compare(&old, &new);
    assert!(report.changes.is_empty(), "{report:#?}");
    assert!(report.descriptions.is_empty(), "{report:#?}");
}

#[test]
fn nested_items_and_union_members_are_walked() {
    let (location, _, impact) = only_change(|d| {
        thing(d)["properties"]["tags"]["items"]["properties"]["colour"] = json!({"type": "string"});
    });
    assert_eq!(location, "Thing.tags[].colour");
    assert_eq!(impact, Impact::Compatible);
    let union =
        |values: Value| json!({"oneOf": [{"type": "boolean"}, {"type": "string", "enum": values}]});
    let old = api(
        object(json!({"flag": union(json!(["pending"]))}), &[]),
        base_create(),
    );
    let new = api(
        object(json!({"flag": union(json!(["pending", "done"]))}), &[]),
        base_create(),
    );
    let report = compare(&old, &new);
    assert_eq!(report.changes.len(), 1, "{report:#?}");
    assert_eq!(report.changes[0].location, "Thing.flag.oneOf[1]");
    assert_eq!(report.changes[0].impact, Impact::Compatible);
}

#[test]
fn read_only_matters_in_requests() {
    let (_, kind, impact) = only_change(|d| {
        create(d)["properties"]["size"]["readOnly"] = json!(true);
    });
    assert_eq!(
        kind,
        Kind::ReadOnlyChanged {
            read_only: true,
            required: false
        }
    );
    assert_eq!(impact, Impact::Breaking);
    let (_, _, impact) = only_change(|d| {
        thing(d)["properties"]["name"]["readOnly"] = json!(true);
    });
    assert_eq!(impact, Impact::Compatible);
}

#[test]
fn schemas_reached_from_a_body_are_in_a_request() {
    let with_address = |address_required: &[&str]| {
        let mut document = api(base_thing(), base_create());
        create(&mut document)["properties"]["address"] =
            json!({"$ref": "#/components/schemas/Address"});
        document["components"]["schemas"]["Address"] = object(
            json!({"street": {"type": "string"}, "city": {"type": "string"}}),
            address_required,
        );
        document
    };
    let old = with_address(&["street"]);
    let mut new = with_address(&["street"]);
    new["components"]["schemas"]["Address"]["properties"]["zip"] = json!({"type": "string"});
    new["components"]["schemas"]["Address"]["required"] = json!(["street", "zip"]);
    let report = compare(&old, &new);
    assert_eq!(report.changes.len(), 1, "{report:#?}");
    assert_eq!(report.changes[0].location, "Address.zip");
    assert!(report.changes[0].in_request);
    assert_eq!(report.changes[0].impact, Impact::Breaking);
}

#[test]
fn operations_added_removed_and_renamed() {
    let old = api(base_thing(), base_create());
    let mut new = old.clone();
    let paths = new["paths"].as_object_mut().unwrap();
    let get = paths.remove("/things/{id}").unwrap();
    paths.insert("/things/{id}/copy".into(), get);
    new["paths"]["/things"]["post"]["operationId"] = json!("make_thing");
    let report = compare(&old, &new);
    let lines: Vec<(String, String, Impact)> = report
        .changes
        .iter()
        .map(|c| (c.location.clone(), c.kind.to_string(), c.impact))
        .collect();
    assert_eq!(
        lines,
        [
            (
                "GET /things/{id}".to_owned(),
                "removed (`get_thing`)".to_owned(),
                Impact::Breaking
            ),
            (
                "POST /things".to_owned(),
                "operationId `create_thing` → `make_thing` (the client method is renamed)"
                    .to_owned(),
                Impact::Breaking
            ),
            (
                "GET /things/{id}/copy".to_owned(),
                "added (`get_thing`)".to_owned(),
                Impact::Compatible
            ),
        ]
    );
}

/// An edit, the change it makes as `location: kind`, and its impact.
type Case = (fn(&mut Value), &'static str, Impact);

#[test]
fn parameters_bodies_and_responses() {
    let cases: [Case; 6] = [
        (
            |d| {
                d["paths"]["/things/{id}"]["get"]["parameters"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"name": "q", "in": "query", "schema": {"type": "string"}}));
            },
            "GET /things/{id} (query q): added (optional)",
            Impact::Compatible,
        ),
        (
            |d| {
                d["paths"]["/things/{id}"]["get"]["parameters"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"name": "q", "in": "query", "required": true}));
            },
            "GET /things/{id} (query q): added (required)",
            Impact::Breaking,
        ),
        (
            |d| {
                d["paths"]["/things"]["post"]["requestBody"]["required"] = json!(false);
            },
            "POST /things: request body now optional",
            Impact::Breaking,
        ),
        (
            |d| {
                d["paths"]["/things/{id}"]["get"]["responses"]["404"] =
                    json!({"description": "Gone"});
            },
            "GET /things/{id} (response 404): added",
            Impact::Compatible,
        ),
        (
            |d| {
                d["paths"]["/things/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
                    ["schema"] = json!({"$ref": "#/components/schemas/Colour"});
            },
            "GET /things/{id} (response 200): type `Thing` → `Colour`",
            Impact::Breaking,
        ),
        (
            |d| {
                let pagination = Pagination::query("starting_after", "next", "items");
                pagination.write(&mut d["paths"]["/things/{id}"]["get"]);
            },
            "GET /things/{id}: now paginated (`into_stream` added)",
            Impact::Compatible,
        ),
    ];
    for (edit, expected, impact) in cases {
        let (location, kind, actual) = only_change(edit);
        assert_eq!(format!("{location}: {kind}"), expected);
        assert_eq!(actual, impact, "{expected}");
    }
}

#[test]
fn descriptions_are_counted_and_examples_are_other() {
    let old = api(base_thing(), base_create());
    let mut new = old.clone();
    thing(&mut new)["properties"]["name"]["description"] = json!("The thing's name");
    thing(&mut new)["properties"]["name"]["example"] = json!("Bob");
    let report = compare(&old, &new);
    assert!(report.changes.is_empty());
    assert_eq!(report.descriptions.len(), 1);
    assert_eq!(report.other, ["Thing.name: example"]);
    let quiet = markdown(&report, &Options::default());
    assert!(quiet.contains("1 description changed (rustdoc only); run with `--verbose`"));
    assert!(!quiet.contains("The thing's name"));
    let verbose = markdown(
        &report,
        &Options {
            verbose: true,
            ..Options::default()
        },
    );
    assert!(verbose.contains("- `Thing.name`: \"The name\" → \"The thing's name\""));
    assert!(verbose.contains("- `Thing.name: example`"));
}

#[test]
fn the_rendering_lists_breaking_first_and_ends_with_the_bump() {
    let old = api(base_thing(), base_create());
    let mut new = old.clone();
    thing(&mut new)["properties"]["weight"] = json!({"type": "number"});
    thing(&mut new)["properties"]
        .as_object_mut()
        .unwrap()
        .remove("size");
    let report = compare(&old, &new);
    let options = Options {
        crate_version: Some(("instantly".into(), Version::parse("0.3.1").unwrap())),
        ..Options::default()
    };
    assert_eq!(
        markdown(&report, &options),
        "## API changes\n\n1 breaking change, 1 compatible change.\n\n\
         ### Properties\n\n\
         - **breaking** `Thing.size`: removed\n\
         - compatible `Thing.weight`: added (optional)\n\n\
         ### Version\n\n\
         Breaking changes: `instantly` 0.3.1 → 0.4.0 (minor bump).\n"
    );
}

#[test]
fn the_empty_report_says_so() {
    let text = markdown(&Report::default(), &Options::default());
    assert_eq!(
        text,
        "## API changes\n\nNo changes.\n\n### Version\n\n\
         No version bump: nothing the client is built from changed.\n"
    );
}

#[test]
fn bumps_follow_cargo_semver() {
    let v = |text| Version::parse(text).unwrap();
    assert_eq!(bump_for(Level::Breaking, v("0.1.0")), Some(Bump::Minor));
    assert_eq!(bump_for(Level::Compatible, v("0.1.0")), Some(Bump::Patch));
    assert_eq!(
        bump_for(Level::Documentation, v("0.1.0")),
        Some(Bump::Patch)
    );
    assert_eq!(bump_for(Level::Unchanged, v("0.1.0")), None);
    assert_eq!(bump_for(Level::Breaking, v("1.2.3")), Some(Bump::Major));
    assert_eq!(bump_for(Level::Compatible, v("1.2.3")), Some(Bump::Minor));
    assert_eq!(v("0.1.9").bumped(Bump::Minor), v("0.2.0"));
    assert_eq!(v("1.2.3").bumped(Bump::Major), v("2.0.0"));
    assert!(Version::parse("1.2").is_err());
    assert!(Version::parse("1.2.x").is_err());
}
