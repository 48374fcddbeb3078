use instantly_codegen::extensions::{DerivedFrom, EnumDescriptions};
use serde_json::{Value, json};

use super::*;
use crate::normalize::facts::parse_facts;
use crate::normalize::overrides::parse_overrides;
use crate::page::{OperationListing, Tag};

/// A page with the given tags; each listing is `METHOD /path`, numbered from line 10 on.
fn page(tags: &[(&str, &[&str])]) -> Page {
    let mut line = 10;
    let tags = tags
        .iter()
        .map(|(name, listings)| Tag {
            name: name.to_string(),
            description: format!("About {name}"),
            line: 1,
            operations: listings
                .iter()
                .map(|listing| {
                    line += 1;
                    let (method, path) = listing.split_once(' ').unwrap();
                    OperationListing {
                        method: method.to_string(),
                        path: path.to_string(),
                        line,
                    }
                })
                .collect(),
        })
        .collect();
    Page {
        version: "2.0.0".into(),
        introduction: String::new(),
        servers: Vec::new(),
        tags,
        schemas: Vec::new(),
    }
}

fn components() -> Map<String, Value> {
    let campaign = json!({
        "type": "object",
        "title": "Campaign",
        "required": ["id", "name"],
        "properties": {
            "id": {"type": "string", "format": "uuid", "readOnly": true},
            "name": {"type": "string"},
            "status": {"type": "integer", "readOnly": true, "enum": [0, 1], "x-enum-descriptions": ["Draft", "Active"]}
        }
    });
    let mut schemas = Map::new();
    schemas.insert("Campaign".into(), campaign);
    let mut components = Map::new();
    components.insert("schemas".into(), schemas.into());
    components
}

struct Built {
    operations: Operations,
    components: Map<String, Value>,
    warnings: Warnings,
}

fn build(page: &Page, overrides: &str) -> Result<Built, Diagnostic> {
    build_with_facts(page, "", overrides)
}

fn build_with_facts(page: &Page, facts: &str, overrides: &str) -> Result<Built, Diagnostic> {
    let facts = parse_facts(facts)?;
    let overrides = parse_overrides(overrides)?;
    let mut components = components();
    let mut warnings = Warnings::default();
    let operations = build_operations(page, &facts, &overrides, &mut components, &mut warnings)?;
    Ok(Built {
        operations,
        components,
        warnings,
    })
}

fn op<'a>(built: &'a Built, method: &str, path: &str) -> &'a Value {
    &built.operations.paths[path][method]
}

const CAMPAIGN_OPS: &[&str] = &[
    "POST /api/v2/campaigns",
    "GET /api/v2/campaigns",
    "GET /api/v2/campaigns/{id}",
    "PATCH /api/v2/campaigns/{id}",
    "DELETE /api/v2/campaigns/{id}",
    "POST /api/v2/campaigns/{id}/activate",
    "GET /api/v2/campaigns/analytics",
];

#[test]
fn an_operation_under_two_tags_appears_once_with_both() {
    let page = page(&[
        ("Analytics", &["GET /api/v2/campaigns/analytics"]),
        ("Campaign", CAMPAIGN_OPS),
        ("Empty", &[]),
    ]);
    let built = build(&page, "").unwrap();
    let count: usize = built
        .operations
        .paths
        .values()
        .map(|item| item.as_object().unwrap().len())
        .sum();
    assert_eq!(count, CAMPAIGN_OPS.len());
    assert_eq!(
        op(&built, "get", "/api/v2/campaigns/analytics")["tags"],
        json!(["Analytics", "Campaign"])
    );
    let tags: Vec<&str> = built
        .operations
        .tags
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(tags, ["Analytics", "Campaign", "Empty"]);
    assert_eq!(built.operations.tags[2]["description"], "About Empty");
    // Paths follow the page: the first listing of a path places it.
    assert_eq!(
        built.operations.paths.keys().next().unwrap(),
        "/api/v2/campaigns/analytics"
    );
}

#[test]
fn conventions_fill_entity_operations() {
    let built = build(&page(&[("Campaign", CAMPAIGN_OPS)]), "").unwrap();
    let list = op(&built, "get", "/api/v2/campaigns");
    assert_eq!(list["operationId"], "list_campaigns");
    assert_eq!(list["summary"], "List campaigns");
    assert_eq!(list[Source::KEY], "convention");
    let params: Vec<(&str, &str)> = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap(),
                p[Source::KEY].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        params,
        [("limit", "convention"), ("starting_after", "convention")]
    );
    assert_eq!(list["parameters"][0]["schema"]["maximum"], 100);
    assert_eq!(
        list["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/CampaignPage"
    );
    assert_eq!(list[Pagination::KEY]["cursor_in"], "query");
    assert_eq!(list[Pagination::KEY]["items_field"], "items");

    let schemas = &built.components["schemas"];
    assert_eq!(schemas["CampaignPage"]["required"], json!(["items"]));
    let create = op(&built, "post", "/api/v2/campaigns");
    assert_eq!(create["requestBody"][Source::KEY], "convention");
    assert_eq!(create["requestBody"]["required"], true);
    assert_eq!(
        schemas["CreateCampaignRequest"]["properties"],
        json!({"name": {"type": "string"}})
    );
    assert_eq!(
        schemas["CreateCampaignRequest"]["required"],
        json!(["name"])
    );
    assert!(schemas["UpdateCampaignRequest"].get("required").is_none());
    assert_eq!(
        op(&built, "patch", "/api/v2/campaigns/{id}")["requestBody"]["required"],
        false
    );

    for (method, id) in [
        ("get", "get_campaign"),
        ("patch", "update_campaign"),
        ("delete", "delete_campaign"),
    ] {
        let item = op(&built, method, "/api/v2/campaigns/{id}");
        assert_eq!(item["operationId"], id);
        assert_eq!(
            item["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Campaign"
        );
        assert_eq!(item["responses"]["200"][Source::KEY], "convention");
        assert_eq!(
            item["parameters"][0],
            json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "x-source": "page"})
        );
    }
    assert!(
        op(&built, "delete", "/api/v2/campaigns/{id}")
            .get("requestBody")
            .is_none()
    );
}

#[test]
fn operations_nobody_documented_stay_free_form() {
    let built = build(
        &page(&[
            ("Campaign", CAMPAIGN_OPS),
            ("Other", &["GET /api/v2/things/{email}"]),
        ]),
        "",
    )
    .unwrap();
    let activate = op(&built, "post", "/api/v2/campaigns/{id}/activate");
    assert_eq!(activate["operationId"], "activate_campaign");
    assert_eq!(activate[Source::KEY], "page");
    assert_eq!(activate[ext::Shapes::KEY], "unknown");
    assert_eq!(activate["requestBody"]["required"], false);
    assert_eq!(
        activate["requestBody"]["content"]["application/json"]["schema"]["additionalProperties"],
        true
    );
    assert_eq!(activate["responses"]["200"][ext::Shapes::KEY], "unknown");

    // No entity tag, no listed collection: no convention; `{email}` is an e-mail address.
    let thing = op(&built, "get", "/api/v2/things/{email}");
    assert_eq!(thing[ext::Shapes::KEY], "unknown");
    assert!(thing.get("requestBody").is_none());
    assert_eq!(
        thing["parameters"][0]["schema"],
        json!({"type": "string", "format": "email"})
    );
}

#[test]
fn every_operation_declares_the_error_answers() {
    let built = build(
        &page(&[("Campaign", CAMPAIGN_OPS), ("Other", &["GET /api/v2/me"])]),
        "",
    )
    .unwrap();
    let responses = op(&built, "get", "/api/v2/campaigns/{id}")["responses"]
        .as_object()
        .unwrap();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(
        statuses,
        ["200", "400", "401", "402", "404", "429", "default"]
    );
    assert_eq!(
        responses["401"],
        json!({"$ref": "#/components/responses/Unauthorized"})
    );
    // Without any input there is nothing to reject as a bad request.
    assert!(
        op(&built, "get", "/api/v2/me")["responses"]
            .get("400")
            .is_none()
    );
    assert_eq!(built.components["responses"].as_object().unwrap().len(), 12);
    assert_eq!(
        built.components["securitySchemes"]["bearerAuth"]["scheme"],
        "bearer"
    );
    assert_eq!(
        built.components["schemas"]["Error"]["required"],
        json!(["statusCode", "error", "message"])
    );
}

const OVERRIDES: &str = "\
schemas:
  Filter:
    type: object
    properties:
      search: {type: string}
operations:
  GET /api/v2/campaigns:
    query:
      search: {type: string, description: Text to look for}
      status: {property: Campaign.status}
      starting_after: {type: string, format: date-time, required: true}
    response: {page: Campaign}
  POST /api/v2/campaigns/{id}/activate:
    operation_id: start_campaign
    summary: Start sending
    response: {entity: Campaign}
  POST /api/v2/campaigns/{id}/share:
    status: 204
  POST /api/v2/campaigns/search:
    body:
      type: object
      properties:
        filter: {ref: Filter}
        starting_after: {type: string}
    response: {page: Campaign}
  POST /api/v2/campaigns/{id}/rate:
    status: 202
    body: {writable: Campaign, required: []}
    response: {type: object, properties: {message: {type: string}}}
";

fn overridden() -> Built {
    let mut listings = CAMPAIGN_OPS.to_vec();
    listings.extend([
        "POST /api/v2/campaigns/{id}/share",
        "POST /api/v2/campaigns/search",
        "POST /api/v2/campaigns/{id}/rate",
    ]);
    build(&page(&[("Campaign", &listings)]), OVERRIDES).unwrap()
}

#[test]
fn overrides_replace_and_extend_the_conventions() {
    let built = overridden();
    let list = op(&built, "get", "/api/v2/campaigns");
    assert_eq!(list[Source::KEY], "override");
    let params = list["parameters"].as_array().unwrap();
    let names: Vec<&str> = params.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["limit", "starting_after", "search", "status"]);
    assert_eq!(params[0][Source::KEY], "convention");
    assert_eq!(params[1][Source::KEY], "override");
    assert_eq!(params[1]["required"], true);
    assert_eq!(
        params[1]["schema"],
        json!({"type": "string", "format": "date-time"})
    );
    assert_eq!(params[2]["description"], "Text to look for");
    assert_eq!(
        params[3]["schema"][EnumDescriptions::KEY],
        json!(["Draft", "Active"])
    );
    assert!(params[3]["schema"].get("readOnly").is_none());

    let activate = op(&built, "post", "/api/v2/campaigns/{id}/activate");
    assert_eq!(
        (
            activate["operationId"].as_str(),
            activate["summary"].as_str()
        ),
        (Some("start_campaign"), Some("Start sending"))
    );
    assert!(activate.get(ext::Shapes::KEY).is_none());
    assert!(
        activate.get("requestBody").is_none(),
        "an override without a body means no body"
    );
    assert_eq!(activate["responses"]["200"][Source::KEY], "override");
}

#[test]
fn overrides_set_statuses_and_body_cursors() {
    let built = overridden();
    let share = op(&built, "post", "/api/v2/campaigns/{id}/share");
    assert_eq!(
        share["responses"]["204"],
        json!({"description": "Done; no content.", "x-source": "override"})
    );
    assert!(share["responses"].get("200").is_none());

    let search = op(&built, "post", "/api/v2/campaigns/search");
    assert_eq!(search[Pagination::KEY]["cursor_in"], "body");
    let schemas = &built.components["schemas"];
    assert_eq!(
        schemas["SearchCampaignsRequest"]["properties"]["filter"]["$ref"],
        "#/components/schemas/Filter"
    );
    assert_eq!(schemas["Filter"][Source::KEY], "override");

    let rate = op(&built, "post", "/api/v2/campaigns/{id}/rate");
    assert_eq!(
        rate["responses"]["202"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/CreateCampaignRateResponse"
    );
    assert_eq!(
        schemas["CreateCampaignRateRequest"][DerivedFrom::KEY],
        "Campaign"
    );
    assert!(
        schemas["CreateCampaignRateRequest"]
            .get("required")
            .is_none()
    );
}

#[test]
fn rule_collisions_are_numbered_with_a_warning() {
    let page = page(&[(
        "Thing",
        &[
            "GET /api/v2/things/stats",
            "GET /api/v2/things/{id}/stats",
            "GET /api/v2/things/{id}/stats/x",
        ],
    )]);
    let overrides =
        "operations:\n  GET /api/v2/things/{id}/stats/x:\n    operation_id: get_thing_stats\n";
    let built = build(&page, overrides).unwrap();
    assert_eq!(
        op(&built, "get", "/api/v2/things/{id}/stats/x")["operationId"],
        "get_thing_stats"
    );
    assert_eq!(
        op(&built, "get", "/api/v2/things/stats")["operationId"],
        "get_thing_stats_2"
    );
    assert_eq!(
        op(&built, "get", "/api/v2/things/{id}/stats")["operationId"],
        "get_thing_stats_3"
    );
    let lines: Vec<Option<usize>> = built.warnings.0.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(11), Some(12)]);
    assert!(built.warnings.0[0].message.contains("get_thing_stats_2"));
}

#[test]
fn bad_overrides_are_errors_at_their_line() {
    let page = page(&[("Campaign", CAMPAIGN_OPS)]);
    let error = |text: &str| build(&page, text).err().unwrap();

    let err = error(
        "operations:\n  GET /api/v2/campaigns:\n    response: {page: Campaign}\n  GET /api/v2/nope:\n    status: 200\n",
    );
    assert_eq!((err.file.as_str(), err.line), (OVERRIDES_FILE, Some(4)));
    assert!(err.message.contains("GET /api/v2/nope"));

    let err = error(
        "operations:\n  GET /api/v2/campaigns:\n    query:\n      a: {type: string}\n    response: {entity: Campain}\n",
    );
    assert_eq!(err.line, Some(5));
    assert!(err.message.contains("Campain"), "{}", err.message);

    let err = error(
        "operations:\n  GET /api/v2/campaigns:\n    operation_id: x\n  GET /api/v2/campaigns/{id}:\n    operation_id: x\n",
    );
    assert_eq!(err.line, Some(4));

    let err = error("operations:\n  GET /api/v2/campaigns:\n    operation_id: listCampaigns\n");
    assert_eq!(err.line, Some(2));

    let err = error("schemas:\n  Campaign: {type: object}\n");
    assert_eq!(err.line, Some(2));

    let err = error(
        "corrections:\n  Campaign:\n    properties:\n      name: {type: strin, enumm: [a]}\n",
    );
    assert_eq!(err.line, Some(4));
    let err = error("corrections:\n  Nope:\n    required: []\n");
    assert_eq!(err.line, Some(2));
}

#[test]
fn corrections_fix_entity_schemas() {
    let text = "corrections:\n  Campaign:\n    properties:\n      name: {type: string, minLength: 1}\n      tag: {type: string}\n    required: [name]\n";
    let built = build(&page(&[("Campaign", CAMPAIGN_OPS)]), text).unwrap();
    let campaign = &built.components["schemas"]["Campaign"];
    assert_eq!(
        campaign["properties"]["name"],
        json!({"type": "string", "minLength": 1, "x-source": "override"})
    );
    assert_eq!(campaign["properties"]["tag"][Source::KEY], "override");
    assert_eq!(campaign["required"], json!(["name"]));
    // Derived request bodies see the corrected entity.
    assert!(
        built.components["schemas"]["CreateCampaignRequest"]["properties"]
            .get("tag")
            .is_some()
    );
}

#[test]
fn listings_that_cannot_be_placed_are_warnings() {
    let page = page(&[(
        "Campaign",
        &[
            "FETCH /api/v2/campaigns",
            "GET /api/v2/campaigns/{id",
            "GET /api/v2/campaigns",
            "GET /api/v2/campaigns",
        ],
    )]);
    let built = build(&page, "").unwrap();
    let lines: Vec<Option<usize>> = built.warnings.0.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(11), Some(12), Some(14)]);
    assert!(built.warnings.0.iter().all(|w| w.file == PAGE_FILE));
    assert_eq!(built.operations.paths.len(), 1);
}

const FACTS: &str = r#"
operations:
  GET /api/v2/campaigns:
    summary: List campaigns
    description: 'Requires one of the following scopes: `campaigns:read`'
    parameters:
    - {name: limit, in: query, description: Page size, schema: {type: number, example: 10}}
    - {name: starting_after, in: query, schema: {type: string}}
    - {name: search, in: query, required: true, schema: {type: string}}
    response: {status: 200, description: The page, schema: {page: Campaign}}
    error_statuses: [401, 429]
  POST /api/v2/campaigns/{id}/activate:
    summary: Activate a campaign
    parameters:
    - {name: id, in: path, required: true, description: The campaign, schema: {type: string, format: uuid}}
    body: {content_type: application/json, schema: {properties: {at: {type: string}, sent_count: {type: number}}}}
    response: {status: 202, description: Default Response, schema: {type: object, properties: {message: {type: string}}}}
  DELETE /api/v2/campaigns/{id}:
    body: {content_type: application/json, schema: {nullable: true, example: null}}
    response: {status: 200, schema: {entity: Campaign}}
  GET /api/v2/never-listed:
    response: {status: 200}
"#;

#[test]
fn the_reference_facts_shape_operations_and_conventions_fill_the_rest() {
    let page = page(&[("Campaign", CAMPAIGN_OPS)]);
    let built = build_with_facts(&page, FACTS, "").unwrap();
    let list = op(&built, "get", "/api/v2/campaigns");
    assert_eq!(list[Source::KEY], "reference");
    assert_eq!(list["summary"], "List campaigns");
    assert!(
        list["description"]
            .as_str()
            .unwrap()
            .contains("campaigns:read")
    );
    let parameters = list["parameters"].as_array().unwrap();
    assert_eq!(parameters.len(), 3, "the reference's, not the convention's");
    assert_eq!(
        parameters[0]["schema"]["type"], "integer",
        "limit is a counter"
    );
    assert_eq!(parameters[0]["description"], "Page size");
    assert_eq!(parameters[2]["required"], true);
    assert_eq!(list[Pagination::KEY]["cursor_in"], "query");
    let errors: Vec<&String> = list["responses"].as_object().unwrap().keys().collect();
    assert_eq!(errors, ["200", "401", "429", "default"]);

    let activate = op(&built, "post", "/api/v2/campaigns/{id}/activate");
    assert_eq!(activate["parameters"][0]["schema"]["format"], "uuid");
    assert_eq!(activate["parameters"][0]["description"], "The campaign");
    assert_eq!(activate["requestBody"][Source::KEY], "reference");
    let body = &built.components["schemas"]["ActivateCampaignRequest"];
    assert_eq!(body["type"], "object");
    assert_eq!(body["properties"]["sent_count"]["type"], "integer");
    let accepted = &activate["responses"]["202"];
    assert_eq!(
        accepted["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ActivateCampaignResponse"
    );

    let delete = op(&built, "delete", "/api/v2/campaigns/{id}");
    assert!(
        delete.get("requestBody").is_none(),
        "a body that can only be null is none"
    );

    // No facts: the conventions, as before the facts existed.
    let get = op(&built, "get", "/api/v2/campaigns/{id}");
    assert_eq!(get[Source::KEY], "convention");
    assert_eq!(
        get["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Campaign"
    );
    let [unlisted] = built.warnings.0.as_slice() else {
        panic!("one warning expected: {:?}", built.warnings)
    };
    assert_eq!(unlisted.file, FACTS_FILE);
    assert!(
        unlisted.message.contains("/api/v2/never-listed"),
        "{unlisted}"
    );
}

#[test]
fn overrides_still_correct_the_reference() {
    let page = page(&[("Campaign", CAMPAIGN_OPS)]);
    let overrides = "operations:\n  GET /api/v2/campaigns:\n    summary: Campaigns\n    query:\n      search: {type: string}\n";
    let built = build_with_facts(&page, FACTS, overrides).unwrap();
    let list = op(&built, "get", "/api/v2/campaigns");
    assert_eq!(list["summary"], "Campaigns");
    assert_eq!(list[Source::KEY], "override");
    assert_eq!(list["parameters"][2][Source::KEY], "override");
    assert!(list["parameters"][2].get("required").is_none());
}

/// The real page with the real facts and overrides.
mod real_page {
    use super::*;

    fn read(file: &str) -> String {
        std::fs::read_to_string(format!("{}/../../{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn built() -> Built {
        let normalized = crate::normalize::document::normalize(
            &read(PAGE_FILE),
            &read(FACTS_FILE),
            &read(OVERRIDES_FILE),
        )
        .unwrap();
        let document = normalized.document;
        let tags = document["tags"].as_array().unwrap().clone();
        let paths = document["paths"].as_object().unwrap().clone();
        let components = document["components"].as_object().unwrap().clone();
        Built {
            operations: Operations { tags, paths },
            components,
            warnings: normalized.warnings,
        }
    }

    fn operations(built: &Built) -> Vec<&Value> {
        built
            .operations
            .paths
            .values()
            .flat_map(|item| item.as_object().unwrap().values())
            .collect()
    }

    #[test]
    fn core_operations_have_their_facts() {
        let built = built();
        let op = |method: &str, path: &str| &built.operations.paths[path][method];
        let sources = operations(&built)
            .iter()
            .filter(|op| op[Source::KEY] == "reference")
            .count();
        assert_eq!(sources, 162);
        assert_eq!(
            op("post", "/api/v2/campaigns/{id}/share")["responses"]["204"][Source::KEY],
            "reference"
        );
        assert!(
            op("post", "/api/v2/leads/update-interest-status")["responses"]
                .get("202")
                .is_some()
        );
        assert_eq!(
            op("post", "/api/v2/leads/list")[Pagination::KEY]["cursor_in"],
            "body"
        );
        let paginated = operations(&built)
            .iter()
            .filter(|op| op.get(Pagination::KEY).is_some())
            .count();
        assert_eq!(paginated, 22);
        let schemas = &built.components["schemas"];
        let create = &schemas["CreateAccountRequest"];
        assert!(
            create["required"]
                .as_array()
                .unwrap()
                .contains(&json!("smtp_port"))
        );
        assert!(
            create["properties"].get("organization").is_none(),
            "read-only"
        );
    }
}
