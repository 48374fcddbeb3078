//! Operations, matched by method and path: added, removed, and changed in their operationId,
//! parameters, request body, responses and pagination.

use std::collections::BTreeMap;

use instantly_codegen::extensions::{Extension, Pagination};
use serde_json::{Map, Value};

use crate::openapi::{Operation, operations};

use super::extension;
use super::model::Kind;
use super::recorder::Recorder;
use super::schema::{Place, changed_keywords, compare_schema};

/// Operation keywords compared on their own; others that change are reported as "other".
const OPERATION_KEYWORDS: [&str; 7] = [
    "operationId",
    "summary",
    "description",
    "parameters",
    "requestBody",
    "responses",
    Pagination::KEY,
];

/// The two documents an operation is compared across, for resolving `$ref`s in each.
#[derive(Clone, Copy)]
pub struct Documents<'a> {
    pub old: &'a Value,
    pub new: &'a Value,
}

pub fn compare_operations(recorder: &mut Recorder, documents: Documents<'_>) {
    let by_key = |document| -> BTreeMap<(&str, &str), Operation<'_>> {
        operations(document)
            .into_iter()
            .map(|operation| ((operation.path, operation.method), operation))
            .collect()
    };
    let old = by_key(documents.old);
    let new = by_key(documents.new);
    for (key, operation) in &old {
        if !new.contains_key(key) {
            let kind = Kind::OperationRemoved {
                operation_id: operation.operation_id().map(str::to_owned),
            };
            recorder.change(&operation.label(), kind, false);
        }
    }
    for (key, new_operation) in &new {
        match old.get(key) {
            Some(old_operation) => {
                compare_operation(recorder, documents, old_operation, new_operation);
            }
            None => {
                let kind = Kind::OperationAdded {
                    operation_id: new_operation.operation_id().map(str::to_owned),
                };
                recorder.change(&new_operation.label(), kind, false);
            }
        }
    }
}

fn compare_operation(
    recorder: &mut Recorder,
    documents: Documents<'_>,
    old: &Operation<'_>,
    new: &Operation<'_>,
) {
    let label = new.label();
    if let (Some(old_id), Some(new_id)) = (old.operation_id(), new.operation_id())
        && old_id != new_id
    {
        let kind = Kind::OperationRenamed {
            old: old_id.to_owned(),
            new: new_id.to_owned(),
        };
        recorder.change(&label, kind, false);
    }
    for keyword in ["summary", "description"] {
        let location = format!("{label} ({keyword})");
        recorder.text(
            &location,
            text(old.value, keyword),
            text(new.value, keyword),
        );
    }
    compare_parameters(recorder, documents, old, new);
    compare_request_body(recorder, documents, old.value, new.value, &label);
    compare_responses(recorder, documents, old.value, new.value, &label);
    compare_pagination(recorder, old.value, new.value, &label);
    for keyword in changed_keywords(old.value, new.value, &OPERATION_KEYWORDS) {
        recorder.other(&label, &keyword);
    }
}

fn compare_pagination(recorder: &mut Recorder, old: &Value, new: &Value, label: &str) {
    let kind = match (extension::<Pagination>(old), extension::<Pagination>(new)) {
        (None, Some(_)) => Kind::PaginationAdded,
        (Some(_), None) => Kind::PaginationRemoved,
        (Some(old), Some(new)) if old != new => Kind::PaginationChanged,
        _ => return,
    };
    recorder.change(label, kind, false);
}

/// Parameters by `in` and name; the operation's own replace the path item's.
fn parameters<'a>(
    document: &'a Value,
    operation: &Operation<'a>,
) -> BTreeMap<(String, String), &'a Value> {
    let lists = [operation.path_item, operation.value]
        .into_iter()
        .filter_map(|holder| holder.get("parameters").and_then(Value::as_array));
    let mut found = BTreeMap::new();
    for parameter in lists.flatten() {
        let parameter = resolve(document, parameter);
        if let (Some(place), Some(name)) = (text(parameter, "in"), text(parameter, "name")) {
            found.insert((place.to_owned(), name.to_owned()), parameter);
        }
    }
    found
}

fn compare_parameters(
    recorder: &mut Recorder,
    documents: Documents<'_>,
    old: &Operation<'_>,
    new: &Operation<'_>,
) {
    let old_parameters = parameters(documents.old, old);
    let new_parameters = parameters(documents.new, new);
    let label = new.label();
    for (place, name) in old_parameters.keys() {
        if !new_parameters.contains_key(&(place.clone(), name.clone())) {
            let location = format!("{label} ({place} {name})");
            recorder.change(&location, Kind::ParameterRemoved, true);
        }
    }
    for ((place, name), new_parameter) in &new_parameters {
        let location = format!("{label} ({place} {name})");
        let required = parameter_required(new_parameter);
        match old_parameters.get(&(place.clone(), name.clone())) {
            None => recorder.change(&location, Kind::ParameterAdded { required }, true),
            Some(old_parameter) => {
                if parameter_required(old_parameter) != required {
                    let kind = Kind::ParameterRequiredChanged { required };
                    recorder.change(&location, kind, true);
                }
                compare_parameter(recorder, old_parameter, new_parameter, &location);
            }
        }
    }
}

/// Path parameters are required whatever they say.
fn parameter_required(parameter: &Value) -> bool {
    text(parameter, "in") == Some("path") || parameter.get("required") == Some(&Value::Bool(true))
}

fn compare_parameter(recorder: &mut Recorder, old: &Value, new: &Value, location: &str) {
    recorder.text(location, text(old, "description"), text(new, "description"));
    let any = Value::Object(Map::new());
    let old_schema = old.get("schema").unwrap_or(&any);
    let new_schema = new.get("schema").unwrap_or(&any);
    compare_schema(
        recorder,
        old_schema,
        new_schema,
        &Place::root(location, true),
    );
    let known = ["name", "in", "required", "description", "schema", "$ref"];
    for keyword in changed_keywords(old, new, &known) {
        recorder.other(location, &keyword);
    }
}

fn compare_request_body(
    recorder: &mut Recorder,
    documents: Documents<'_>,
    old: &Value,
    new: &Value,
    label: &str,
) {
    let location = format!("{label} (request body)");
    let old_body = old
        .get("requestBody")
        .map(|body| resolve(documents.old, body));
    let new_body = new
        .get("requestBody")
        .map(|body| resolve(documents.new, body));
    match (old_body, new_body) {
        (None, None) => {}
        (None, Some(body)) => {
            let kind = Kind::RequestBodyAdded {
                required: flag(body, "required"),
            };
            recorder.change(label, kind, true);
        }
        (Some(_), None) => recorder.change(label, Kind::RequestBodyRemoved, true),
        (Some(old_body), Some(new_body)) => {
            let required = flag(new_body, "required");
            if flag(old_body, "required") != required {
                recorder.change(label, Kind::RequestBodyRequiredChanged { required }, true);
            }
            compare_payload(recorder, old_body, new_body, &Place::root(location, true));
        }
    }
}

fn compare_responses(
    recorder: &mut Recorder,
    documents: Documents<'_>,
    old: &Value,
    new: &Value,
    label: &str,
) {
    let empty = Map::new();
    let old_responses = responses(old).unwrap_or(&empty);
    let new_responses = responses(new).unwrap_or(&empty);
    for status in old_responses.keys() {
        if !new_responses.contains_key(status) {
            let location = format!("{label} (response {status})");
            let kind = Kind::ResponseRemoved {
                success: status.starts_with('2'),
            };
            recorder.change(&location, kind, false);
        }
    }
    for (status, new_response) in new_responses {
        let location = format!("{label} (response {status})");
        let Some(old_response) = old_responses.get(status) else {
            recorder.change(&location, Kind::ResponseAdded, false);
            continue;
        };
        // The same shared response on both sides is compared once, under `components`.
        if old_response.get("$ref").is_some() && old_response == new_response {
            continue;
        }
        let old_response = resolve(documents.old, old_response);
        let new_response = resolve(documents.new, new_response);
        compare_payload(
            recorder,
            old_response,
            new_response,
            &Place::root(location, false),
        );
    }
}

fn responses(operation: &Value) -> Option<&Map<String, Value>> {
    operation.get("responses").and_then(Value::as_object)
}

/// A request body or a response: its description, media types and schema.
pub fn compare_payload(recorder: &mut Recorder, old: &Value, new: &Value, place: &Place) {
    recorder.text(
        &place.location,
        text(old, "description"),
        text(new, "description"),
    );
    let old_media = media_types(old);
    let new_media = media_types(new);
    if old_media != new_media {
        let kind = Kind::MediaTypesChanged {
            old: old_media.clone(),
            new: new_media.clone(),
        };
        recorder.change(&place.location, kind, place.in_request);
    }
    let shared = new_media
        .iter()
        .find(|media| media.as_str() == "application/json" && old_media.contains(media))
        .or_else(|| new_media.iter().find(|media| old_media.contains(media)));
    if let Some(media) = shared {
        let any = Value::Object(Map::new());
        let schema = |payload: &Value| {
            payload
                .get("content")
                .and_then(|content| content.get(media))
                .and_then(|content| content.get("schema"))
                .cloned()
                .unwrap_or_else(|| any.clone())
        };
        compare_schema(recorder, &schema(old), &schema(new), place);
    }
    for keyword in changed_keywords(old, new, &["description", "content", "required", "$ref"]) {
        recorder.other(&place.location, &keyword);
    }
}

fn media_types(payload: &Value) -> Vec<String> {
    let mut media: Vec<String> = payload
        .get("content")
        .and_then(Value::as_object)
        .map(|content| content.keys().cloned().collect())
        .unwrap_or_default();
    media.sort();
    media
}

/// Follows a local `$ref` (one level; shared responses and parameters do not chain).
pub fn resolve<'a>(document: &'a Value, value: &'a Value) -> &'a Value {
    value
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| reference.strip_prefix('#'))
        .and_then(|pointer| document.pointer(pointer))
        .unwrap_or(value)
}

fn text<'a>(value: &'a Value, keyword: &str) -> Option<&'a str> {
    value.get(keyword).and_then(Value::as_str)
}

fn flag(value: &Value, keyword: &str) -> bool {
    value.get(keyword).and_then(Value::as_bool) == Some(true)
}
