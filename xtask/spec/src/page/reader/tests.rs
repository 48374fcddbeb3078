//! One test per construct, each on a small page fragment.

use super::*;
use serde_json::json;

/// Wraps schema-section lines in the smallest page the reader accepts.
fn page_with_schema(title: &str, body: &str) -> String {
    format!(
        "API Explorer\nThings\nSchemas\n{title}\nSCHEMA\nSchemas\nAPI Explorer (2.0.0)\n\nIntro.\n\nServers\nProd\n\nhttps://api.example.com/\n\nThings\n\nAll the things\n\nOperations\nGET\n/api/v2/things\n+ Show\nSchemas\n{title}\n\nA thing\n\n{body}"
    )
}

fn properties(body: &str) -> Vec<Property> {
    let page = read_page(&page_with_schema("Thing", body)).unwrap();
    match &page.schemas[0].shape {
        SchemaShape::Properties(properties) => properties.clone(),
        other => panic!("expected properties, got {other:?}"),
    }
}

#[test]
fn navigation_tags_servers_and_operations() {
    let page = read_page(&page_with_schema("Thing", "id\nstring\n")).unwrap();
    assert_eq!(page.version, "2.0.0");
    assert_eq!(page.introduction, "Intro.");
    assert_eq!(page.servers.len(), 1);
    assert_eq!(page.servers[0].description, "Prod");
    assert_eq!(page.servers[0].url, "https://api.example.com/");
    assert_eq!(page.tags[0].name, "Things");
    assert_eq!(page.tags[0].description, "All the things");
    assert_eq!(page.tags[0].operations[0].method, "GET");
    assert_eq!(page.tags[0].operations[0].path, "/api/v2/things");
    assert_eq!(page.tags[0].operations[0].line, 21);
    assert_eq!(page.schemas[0].description, "A thing");
}

#[test]
fn property_with_format_flags_description_and_example() {
    let props = properties(
        "email\nstring\n(email)\nread-only\nrequired\n\nEmail address\n\nExample:\n\"user@example.com\"\n",
    );
    let p = &props[0];
    assert_eq!(p.name, "email");
    assert_eq!(p.ty, TypeExpr::String);
    assert_eq!(p.format.as_deref(), Some("email"));
    assert!(p.read_only && p.required && !p.write_only);
    assert_eq!(p.description.as_deref(), Some("Email address"));
    assert_eq!(p.example, Some(json!("user@example.com")));
}

#[test]
fn enum_table_with_descriptions_and_truncation() {
    let props = properties(
        "status\nnumber\n\nStatus\n\nEnum Value\tDescription\n0\t\n\nPaused\n\n\n-99\t\n\nAccount Suspended\n\n\n+6 more\nExample:\n1\n",
    );
    let e = props[0].enumeration.as_ref().unwrap();
    assert!(!e.on_items);
    assert_eq!(e.truncated, Some(6));
    assert_eq!(e.values.len(), 2);
    assert_eq!(e.values[1].literal, EnumLiteral::Raw("-99".into()));
    assert_eq!(
        e.values[1].description.as_deref(),
        Some("Account Suspended")
    );
    assert_eq!(props[0].example, Some(json!(1)));
}

#[test]
fn enum_list_items_enum_and_default() {
    let props = properties(
        "scopes\nArray of strings\nItems Enum\n\"all:all\"\n\"all:read\"\n+163 more\nExample:\n[\"campaigns:create\"]\nunit\nstring\n\nUnit.\n\nDefault\n\"days\"\nEnum\n\"minutes\"\n\"days\"\nExample:\n\"days\"\n",
    );
    let scopes = props[0].enumeration.as_ref().unwrap();
    assert!(scopes.on_items);
    assert_eq!(scopes.truncated, Some(163));
    assert_eq!(
        scopes.values[0].literal,
        EnumLiteral::Json(json!("all:all"))
    );
    assert_eq!(props[1].default, Some(json!("days")));
    assert_eq!(props[1].enumeration.as_ref().unwrap().values.len(), 2);
}

#[test]
fn single_value_table_is_an_enum() {
    let props = properties(
        "type\nstring\nrequired\n\nStep type\n\nValue\tDescription\nemail\t\n\nAn email\n\nExample:\n\"email\"\n",
    );
    let e = props[0].enumeration.as_ref().unwrap();
    assert_eq!(e.values[0].literal, EnumLiteral::Raw("email".into()));
}

#[test]
fn constraints() {
    let props = properties(
        "gap\nnumber\n[ 0 .. 1440 ]\n\nGap\n\nlist\nArray of objects or null\n>= 0 items\n\nfrom\nstring\n^([01][0-9])$\nrequired\nExample:\n\"09\"\nsched\nArray of objects\nnon-empty\nrequired\n-\n",
    );
    assert_eq!(
        props[0].constraints,
        vec![Constraint::Range {
            min: Some(0.0),
            max: Some(1440.0),
            exclusive_min: false,
            exclusive_max: false,
            unit: RangeUnit::Value
        }]
    );
    assert_eq!(
        props[1].constraints,
        vec![Constraint::Range {
            min: Some(0.0),
            max: None,
            exclusive_min: false,
            exclusive_max: false,
            unit: RangeUnit::Items
        }]
    );
    assert_eq!(
        props[2].constraints,
        vec![Constraint::Pattern("^([01][0-9])$".into())]
    );
    assert_eq!(props[3].constraints, vec![Constraint::NonEmpty]);
}

#[test]
fn dotted_paths_and_collapsed_markers() {
    let props = properties(
        "sched\nobject\nrequired\n\nSchedule\n\n-\nsched.items[].timing.from\nstring\nExample:\n\"09:00\"\nwarmup\nobject\n\nWarmup\n\n+\nShow 5 properties\nrules\nArray of objects\n+\nShow 3 array properties\n",
    );
    assert_eq!(
        props[1].path,
        vec![
            PathSegment::Field("sched".into()),
            PathSegment::Field("items".into()),
            PathSegment::Items,
            PathSegment::Field("timing".into()),
            PathSegment::Field("from".into()),
        ]
    );
    assert_eq!(
        props[2].collapsed.map(|c| (c.count, c.on_items)),
        Some((5, false))
    );
    assert_eq!(
        props[3].collapsed.map(|c| (c.count, c.on_items)),
        Some((3, true))
    );
}

#[test]
fn entity_example_with_collapsed_parts() {
    let page = read_page(&page_with_schema(
        "Thing",
        "warmup\nobject\n+\nShow property\n{\n  \"warmup\": {\n    \n\"advanced\": { … }\n  }\n}\n",
    ))
    .unwrap();
    let example = page.schemas[0].example.as_ref().unwrap();
    assert_eq!(
        example.value,
        json!({"warmup": {"advanced": COLLAPSED_OBJECT}})
    );
}

#[test]
fn bare_schema() {
    let page = read_page(&page_with_schema(
        "Thing",
        "object\n(Thing)\n\nA thing\n\n{}\n",
    ))
    .unwrap();
    assert!(matches!(
        page.schemas[0].shape,
        SchemaShape::Bare {
            ty: TypeExpr::Object,
            ..
        }
    ));
    assert_eq!(page.schemas[0].description, "A thing");
    assert_eq!(page.schemas[0].example.as_ref().unwrap().value, json!({}));
}

#[test]
fn enum_description_that_reads_like_a_marker_is_kept() {
    let props = properties("s\nnumber\nEnum Value\tDescription\n-4\t\n\nNo Show\n\nExample:\n1\n");
    let e = props[0].enumeration.as_ref().unwrap();
    assert_eq!(e.values[0].description.as_deref(), Some("No Show"));
}

#[test]
fn errors_name_the_line() {
    let unknown_type = read_page(&page_with_schema("Thing", "id\nstrin\n")).unwrap_err();
    assert_eq!(unknown_type.line, Some(30));
    assert!(
        unknown_type
            .to_string()
            .starts_with("spec/instantly-api-v2.txt:30: expected a type line")
    );

    let bad_example = read_page(&page_with_schema(
        "Thing",
        "id\nstring\n{\n  \"id\": oops\n}\n",
    ))
    .unwrap_err();
    assert_eq!(bad_example.line, Some(32));

    let no_more_target =
        read_page(&page_with_schema("Thing", "id\nstring\n+3 more\n")).unwrap_err();
    assert!(no_more_target.message.contains("does not follow an enum"));

    let truncated = read_page("API Explorer\nThings\n").unwrap_err();
    assert!(truncated.message.contains("navigation"));
}
