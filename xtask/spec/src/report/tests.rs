//! The classifier and the walk on small documents.

use instantly_codegen::extensions::{EnumDescriptions, EnumTruncated, Extension, Pagination};
use serde_json::{Value, json};

use super::model::{Change, Impact, Kind, Level};
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

/// A campaign API as the normalizer wrote it before shapes were hoisted: the schedule and its
/// timezone inline in the entity and again in the create body, the status enum inline in the
/// entity and copied into a query parameter.
fn campaigns(schemas: Value, schedule: Value, status: Value, status_parameter: Value) -> Value {
    let mut document = json!({
        "openapi": "3.0.3",
        "info": {"title": "Campaigns", "version": "1"},
        "paths": {
            "/campaigns": {
                "get": {
                    "operationId": "list_campaigns",
                    "parameters": [{"name": "status", "in": "query", "schema": status_parameter}],
                    "responses": {"200": {"description": "Campaigns.", "content": {"application/json": {
                        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Campaign"}}}}}}
                },
                "post": {
                    "operationId": "create_campaign",
                    "requestBody": {"required": true, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/CreateCampaignRequest"}}}},
                    "responses": {"200": {"description": "The campaign.", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Campaign"}}}}}
                }
            }
        },
        "components": {"schemas": {
            "Campaign": object(
                json!({"id": {"type": "string", "readOnly": true}, "status": status, "campaign_schedule": schedule}),
                &["id"],
            ),
            "CreateCampaignRequest": object(json!({"name": {"type": "string"}, "campaign_schedule": schedule}), &["name"])
        }}
    });
    let components = document["components"]["schemas"].as_object_mut().unwrap();
    components.extend(schemas.as_object().unwrap().clone());
    document
}

fn status_enum() -> Value {
    json!({"type": "string", "enum": ["active", "paused"]})
}

fn timezone_enum() -> Value {
    json!({"type": "string", "enum": ["UTC", "Europe/Paris"]})
}

fn schedule_object(timezone: Value) -> Value {
    object(
        json!({"start": {"type": "string"}, "timezone": timezone}),
        &["start"],
    )
}

fn reference(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn inline_campaigns() -> Value {
    campaigns(
        json!({}),
        schedule_object(timezone_enum()),
        status_enum(),
        status_enum(),
    )
}

/// The same API with the schedule, the timezone and the status hoisted into components.
fn hoisted_campaigns(timezone: Value) -> Value {
    let mut schedule = schedule_object(reference("Timezone"));
    schedule["x-hoisted-from"] = json!([
        "#/components/schemas/Campaign/properties/campaign_schedule",
        "#/components/schemas/CreateCampaignRequest/properties/campaign_schedule"
    ]);
    campaigns(
        json!({"CampaignSchedule": schedule, "Timezone": timezone, "CampaignStatus": status_enum()}),
        reference("CampaignSchedule"),
        reference("CampaignStatus"),
        reference("CampaignStatus"),
    )
}

fn lines(report: &Report) -> Vec<String> {
    report
        .changes
        .iter()
        .map(|change| format!("{:?} {}: {}", change.impact, change.location, change.kind))
        .collect()
}

/// The generator already keeps one type per shape (the first place's name), so the inline
/// copies in the request body and the query parameter had the entity's types already.
#[test]
fn hoisting_inline_shapes_reads_as_renamed_types_only() {
    let report = compare(&inline_campaigns(), &hoisted_campaigns(timezone_enum()));
    assert_eq!(
        lines(&report),
        [
            "Compatible CampaignSchedule: added in place of `Campaign.campaign_schedule`, \
             `CreateCampaignRequest.campaign_schedule`",
            "Compatible CampaignStatus: added in place of `GET /campaigns (query status)`, \
             `Campaign.status`",
            "Compatible Timezone: added in place of `CampaignSchedule.timezone`",
            "Breaking CampaignCampaignSchedule: renamed to `CampaignSchedule`",
            "Breaking CampaignCampaignScheduleTimezone: renamed to `Timezone`",
        ]
    );
    assert!(report.descriptions.is_empty(), "{report:#?}");
    assert_eq!(report.other, ["CampaignSchedule: x-hoisted-from"]);
    assert_eq!(report.level(), Level::Breaking);
    // Against itself, the hoisted document reports nothing.
    let hoisted = hoisted_campaigns(timezone_enum());
    assert!(compare(&hoisted, &hoisted).is_empty());
}

#[test]
fn a_change_inside_a_hoisted_shape_is_reported_once_under_its_component() {
    let mut timezone = timezone_enum();
    timezone["enum"] = json!(["UTC", "Europe/Paris", "America/New_York"]);
    let report = compare(&inline_campaigns(), &hoisted_campaigns(timezone));
    let added: Vec<&Change> = report
        .changes
        .iter()
        .filter(|change| matches!(change.kind, Kind::EnumValueAdded { .. }))
        .collect();
    assert_eq!(added.len(), 1, "{report:#?}");
    assert_eq!(added[0].location, "Timezone");
    assert!(added[0].in_request, "the create body carries it");
    assert_eq!(
        report.breaking().count(),
        2,
        "the renames only: {report:#?}"
    );
}

#[test]
fn a_nullable_described_site_wrapped_in_all_of_keeps_its_facts() {
    let mut schedule = schedule_object(timezone_enum());
    schedule["nullable"] = json!(true);
    schedule["description"] = json!("When it sends.");
    let old = campaigns(json!({}), schedule, status_enum(), status_enum());
    let wrapper = json!({
        "allOf": [reference("CampaignSchedule")],
        "nullable": true,
        "description": "When it sends."
    });
    let new = campaigns(
        json!({"CampaignSchedule": schedule_object(timezone_enum())}),
        wrapper,
        status_enum(),
        status_enum(),
    );
    let report = compare(&old, &new);
    assert!(
        !report.changes.iter().any(|change| matches!(
            change.kind,
            Kind::NullableChanged { .. } | Kind::TypeChanged { .. }
        )),
        "{report:#?}"
    );
    assert!(report.descriptions.is_empty(), "{report:#?}");
    assert!(
        report.changes.iter().all(|change| matches!(
            change.kind,
            Kind::TypeRenamed { .. } | Kind::SchemaHoisted { .. }
        )),
        "{report:#?}"
    );
    // Dropping the wrapper's `nullable` is a real change, at the place.
    let mut not_nullable = new.clone();
    not_nullable["components"]["schemas"]["Campaign"]["properties"]["campaign_schedule"]
        .as_object_mut()
        .unwrap()
        .remove("nullable");
    let report = compare(&new, &not_nullable);
    assert_eq!(
        lines(&report),
        ["Breaking Campaign.campaign_schedule: no longer nullable"]
    );
}

#[test]
fn a_query_enum_that_now_refers_to_the_entity_enum_is_a_rename_only() {
    let old = inline_campaigns();
    let mut new = old.clone();
    new["components"]["schemas"]["CampaignStatus"] = status_enum();
    new["paths"]["/campaigns"]["get"]["parameters"][0]["schema"] = reference("CampaignStatus");
    new["components"]["schemas"]["Campaign"]["properties"]["status"] = reference("CampaignStatus");
    let report = compare(&old, &new);
    assert_eq!(
        lines(&report),
        [
            "Compatible CampaignStatus: added in place of `GET /campaigns (query status)`, \
             `Campaign.status`",
        ]
    );
    // (The generator gave the parameter the entity's enum already: one type per shape.)
    // A value the parameter did not list is reported once, under the enum.
    let mut narrow = old.clone();
    narrow["paths"]["/campaigns"]["get"]["parameters"][0]["schema"]["enum"] = json!(["active"]);
    let report = compare(&narrow, &new);
    assert!(
        lines(&report).contains(&"Compatible CampaignStatus: value `\"paused\"` added".to_owned()),
        "{report:#?}"
    );
}

#[test]
fn a_component_renamed_by_the_naming_rule_is_one_rename() {
    let with_timezone_component = |name: &str| {
        let mut document = campaigns(
            json!({}),
            schedule_object(reference(name)),
            status_enum(),
            status_enum(),
        );
        document["components"]["schemas"][name] = timezone_enum();
        document
    };
    let old = with_timezone_component("CampaignScheduleTimezone");
    let new = with_timezone_component("Timezone");
    let report = compare(&old, &new);
    assert_eq!(
        lines(&report),
        [
            "Compatible Timezone: added in place of `CampaignScheduleTimezone`",
            "Breaking CampaignScheduleTimezone: renamed to `Timezone`",
        ]
    );
    let options = Options {
        crate_version: Some(("instantly".into(), Version::parse("0.1.0").unwrap())),
        ..Options::default()
    };
    let text = markdown(&report, &options);
    assert!(
        text.contains(
            "### Renamed types\n\n\
             - **breaking** `CampaignScheduleTimezone`: renamed to `Timezone`\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("`instantly` 0.1.0 → 0.2.0 (minor bump)"),
        "{text}"
    );
}

/// The base document in OpenAPI 3.1 terms: `type` arrays for `nullable`.
fn api_3_1() -> Value {
    let mut document = api(base_thing(), base_create());
    document["openapi"] = json!("3.1.0");
    document["info"] = json!({"title": "Things", "version": "1"});
    for schema in ["Thing", "CreateThingRequest"] {
        let size = &mut document["components"]["schemas"][schema]["properties"]["size"];
        *size = json!({"type": ["integer", "null"]});
    }
    document
}

#[test]
fn a_3_1_document_compares_as_the_3_0_it_lowers_to() {
    let mut written_3_0 = api(base_thing(), base_create());
    written_3_0["info"] = json!({"title": "Things", "version": "1"});
    let report = compare(&written_3_0, &api_3_1());
    // Only the version differs, which the client does not see.
    assert!(
        report.changes.is_empty() && report.descriptions.is_empty(),
        "{report:#?}"
    );
    assert_eq!(report.other, ["document: openapi"]);

    let mut not_nullable = api_3_1();
    not_nullable["components"]["schemas"]["Thing"]["properties"]["size"] =
        json!({"type": "integer"});
    let report = compare(&api_3_1(), &not_nullable);
    assert_eq!(report.changes.len(), 1, "{report:#?}");
    assert_eq!(report.changes[0].location, "Thing.size");
}
