//! `rt::model!`, the constructor and `Deserialize` of generated structs, against serde's derive
//! with `#[serde(flatten)]`, which it replaces: the same values and the same errors.

use instantly_runtime::__private as rt;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// What the generator emits for an object with a required field, a renamed required nullable
/// one, an optional one, an optional nullable one and unknown properties.
#[derive(Debug, Clone, PartialEq, rt::Serialize)]
#[serde(crate = "rt::serde")]
struct Model {
    name: String,
    #[serde(rename = "type")]
    r#type: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    limit: Option<u32>,
    #[serde(default, skip_serializing_if = "rt::Nullable::is_absent")]
    note: rt::Nullable<String>,
    #[serde(flatten)]
    additional_properties: rt::JsonObject,
}

rt::model!(Model(name: impl Into<String>, r#type = "type": Option<i64>) { limit, note });

/// The same struct as serde's derive reads it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Derived {
    name: String,
    #[serde(rename = "type")]
    r#type: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    limit: Option<u32>,
    #[serde(default, skip_serializing_if = "rt::Nullable::is_absent")]
    note: rt::Nullable<String>,
    #[serde(flatten)]
    additional_properties: rt::JsonObject,
}

/// Only optional fields: no constructor, `Default` derived; a typed map of unknown properties.
#[derive(Debug, Clone, PartialEq, Default, rt::Serialize)]
#[serde(crate = "rt::serde")]
struct Counts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    total: Option<u64>,
    #[serde(flatten)]
    additional_properties: std::collections::BTreeMap<String, u64>,
}

rt::model!(Counts { total });

/// Both readers' result on the same text, as `Ok(JSON written back)` or `Err(message)`.
fn both(text: &str) -> (Result<Value, String>, Result<Value, String>) {
    let ours = serde_json::from_str::<Model>(text)
        .map(|model| serde_json::to_value(model).unwrap())
        .map_err(|error| error.to_string());
    let derived = serde_json::from_str::<Derived>(text)
        .map(|model| serde_json::to_value(model).unwrap())
        .map_err(|error| error.to_string().replace("struct Derived", "struct Model"));
    (ours, derived)
}

#[test]
fn reads_as_the_derive_does() {
    let texts = [
        r#"{"name": "a", "type": 1, "limit": 2, "note": "n", "x": [1, {"y": null}]}"#,
        r#"{"name": "a"}"#,
        r#"{"name": "a", "type": null, "note": null}"#,
        r#"{"x": 1, "name": "a", "z": "last", "y": 2}"#,
        r#"{"name": "a", "x": 1, "x": 2}"#,
        r#"{"name": "a", "name": "b"}"#,
        r#"{"type": 1}"#,
        r#"{"name": 1}"#,
        r#"{"name": "a", "limit": -1}"#,
        r#"["a", 1]"#,
        r#""a""#,
        r#"{"name": "a" "#,
    ];
    for text in texts {
        let (ours, derived) = both(text);
        assert_eq!(ours, derived, "{text}");
    }
}

#[test]
fn keeps_unknown_properties() {
    let model: Model =
        serde_json::from_str(r#"{"z": 1, "name": "a", "a": {"b": [true]}, "m": null}"#).unwrap();
    assert_eq!(model.additional_properties.len(), 3);
    assert_eq!(model.additional_properties["m"], Value::Null);
    assert_eq!(
        serde_json::to_value(&model).unwrap(),
        json!({"name": "a", "type": null, "z": 1, "a": {"b": [true]}, "m": null})
    );
}

#[test]
fn a_missing_required_field_is_named() {
    let error = serde_json::from_str::<Model>(r#"{"limit": 1}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "missing field `name` at line 1 column 12"
    );
    // A required nullable field may be absent, as with the derive.
    let model: Model = serde_json::from_str(r#"{"name": "a"}"#).unwrap();
    assert_eq!(model.r#type, None);
}

#[test]
fn a_known_key_twice_is_an_error_an_unknown_one_keeps_the_last() {
    let error =
        serde_json::from_str::<Model>(r#"{"name": "a", "type": 1, "type": 2}"#).unwrap_err();
    assert!(
        error.to_string().starts_with("duplicate field `type`"),
        "{error}"
    );
    let model: Model = serde_json::from_str(r#"{"name": "a", "x": 1, "x": 2}"#).unwrap();
    assert_eq!(model.additional_properties["x"], json!(2));
}

#[test]
fn null_and_absent_stay_apart() {
    let read = |text: &str| serde_json::from_str::<Model>(text).unwrap().note;
    assert_eq!(read(r#"{"name": "a"}"#), rt::Nullable::Absent);
    assert_eq!(read(r#"{"name": "a", "note": null}"#), rt::Nullable::Null);
    assert_eq!(
        read(r#"{"name": "a", "note": "n"}"#),
        rt::Nullable::Value("n".to_owned())
    );
}

#[test]
fn reads_from_a_value_too() {
    let value = json!({"name": "a", "note": null, "extra": 1});
    let model: Model = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(
        serde_json::to_value(&model).unwrap(),
        json!({"name": "a", "type": null, "note": null, "extra": 1})
    );
}

#[test]
fn unknown_properties_of_a_typed_map_are_checked() {
    let counts: Counts = serde_json::from_str(r#"{"total": 3, "a": 1, "b": 2}"#).unwrap();
    assert_eq!(counts.total, Some(3));
    assert_eq!(counts.additional_properties.len(), 2);
    let error = serde_json::from_str::<Counts>(r#"{"a": "one"}"#).unwrap_err();
    assert!(
        error.to_string().starts_with("invalid type: string"),
        "{error}"
    );
    assert_eq!(
        serde_json::from_str::<Counts>("{}").unwrap(),
        Counts::default()
    );
}

#[test]
fn new_takes_the_required_fields_and_leaves_the_rest_absent() {
    let model = Model::new("a", Some(7));
    assert_eq!(model.name, "a");
    assert_eq!(model.r#type, Some(7));
    assert_eq!(model.limit, None);
    assert!(model.note.is_absent());
    assert!(model.additional_properties.is_empty());
    assert_eq!(
        serde_json::to_value(&model).unwrap(),
        json!({"name": "a", "type": 7})
    );
}

/// `date-time` fields, marked `with timestamp`: required, optional, optional nullable and a list.
#[derive(Debug, Clone, PartialEq, rt::Serialize)]
#[serde(crate = "rt::serde")]
struct Times {
    created: rt::chrono::DateTime<rt::chrono::Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seen: Option<rt::chrono::DateTime<rt::chrono::Utc>>,
    #[serde(default, skip_serializing_if = "rt::Nullable::is_absent")]
    cleared: rt::Nullable<rt::chrono::DateTime<rt::chrono::Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<rt::chrono::DateTime<rt::chrono::Utc>>>,
    #[serde(flatten)]
    additional_properties: rt::JsonObject,
}

rt::model!(Times(created with timestamp: rt::chrono::DateTime<rt::chrono::Utc>) {
    seen with timestamp,
    cleared with timestamp,
    all with timestamp,
});

/// The same struct as serde's derive (and so chrono's own `Deserialize`) reads it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct DerivedTimes {
    created: rt::chrono::DateTime<rt::chrono::Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seen: Option<rt::chrono::DateTime<rt::chrono::Utc>>,
    #[serde(default, skip_serializing_if = "rt::Nullable::is_absent")]
    cleared: rt::Nullable<rt::chrono::DateTime<rt::chrono::Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<rt::chrono::DateTime<rt::chrono::Utc>>>,
    #[serde(flatten)]
    additional_properties: rt::JsonObject,
}

#[test]
fn timestamps_read_as_chronos_deserialize_does() {
    let texts = [
        r#"{"created": "2026-01-15T10:20:30.123Z"}"#,
        r#"{"created": "2026-01-15 10:20:30+05:30", "seen": null, "cleared": null}"#,
        r#"{"created": "2026-01-15T10:20:30Z", "seen": "2016-12-31T23:59:60Z", "cleared": "2026-01-15t10:20:30z"}"#,
        r#"{"created": "2026-01-15T10:20:30Z", "all": ["2026-01-15T10:20:30-08:00", "2026-01-16T00:00:00Z"]}"#,
        r#"{"created": "2026-01-15T10:20:30Z", "all": ["2026-01-15", "x"]}"#,
        r#"{"created": "2026-02-30T10:20:30Z"}"#,
        r#"{"created": "2026-01-15T10:20:30Z", "seen": 1}"#,
        r#"{"created": "2026-01-15T10:20:30Z", "created": "2026-01-15T10:20:30Z"}"#,
        r#"{"seen": "2026-01-15T10:20:30Z"}"#,
    ];
    for text in texts {
        let ours = serde_json::from_str::<Times>(text)
            .map(|times| serde_json::to_value(times).unwrap())
            .map_err(|error| error.to_string());
        let derived = serde_json::from_str::<DerivedTimes>(text)
            .map(|times| serde_json::to_value(times).unwrap())
            .map_err(|error| {
                error
                    .to_string()
                    .replace("struct DerivedTimes", "struct Times")
            });
        assert_eq!(ours, derived, "{text}");
    }
}
