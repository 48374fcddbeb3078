//! Operations, matched by method and path: added, removed, and changed in their operationId,
//! parameters, request body, responses and pagination.

use std::collections::BTreeMap;

use instantly_codegen::extensions::{Extension, Pagination};
use serde_json::{Map, Value};

use crate::openapi::{Operation, operations};

use super::comparison::{Comparison, Pointers};
use super::extension;
use super::model::Kind;
use super::references::push;
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

pub fn compare_operations(cx: &mut Comparison<'_>) {
    let documents = cx.documents;
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
            cx.change(&operation.label(), kind, false);
        }
    }
    for (key, new_operation) in &new {
        match old.get(key) {
            Some(old_operation) => {
                compare_operation(cx, old_operation, new_operation);
            }
            None => {
                let kind = Kind::OperationAdded {
                    operation_id: new_operation.operation_id().map(str::to_owned),
                };
                cx.change(&new_operation.label(), kind, false);
            }
        }
    }
}

fn compare_operation(cx: &mut Comparison<'_>, old: &Operation<'_>, new: &Operation<'_>) {
    let label = new.label();
    if let (Some(old_id), Some(new_id)) = (old.operation_id(), new.operation_id())
        && old_id != new_id
    {
        let kind = Kind::OperationRenamed {
            old: old_id.to_owned(),
            new: new_id.to_owned(),
        };
        cx.change(&label, kind, false);
    }
    for keyword in ["summary", "description"] {
        let location = format!("{label} ({keyword})");
        cx.text(
            &location,
            text(old.value, keyword),
            text(new.value, keyword),
        );
    }
    compare_parameters(cx, old, new);
    let pointers = Pointers::both(operation_pointer(old), operation_pointer(new));
    let place = Place::root(label.as_str(), false).at(pointers);
    compare_request_body(cx, old.value, new.value, &place);
    compare_responses(cx, old.value, new.value, &place);
    compare_pagination(cx, old.value, new.value, &label);
    for keyword in changed_keywords(old.value, new.value, &OPERATION_KEYWORDS) {
        cx.other(&label, &keyword);
    }
}

fn compare_pagination(cx: &mut Comparison<'_>, old: &Value, new: &Value, label: &str) {
    let kind = match (extension::<Pagination>(old), extension::<Pagination>(new)) {
        (None, Some(_)) => Kind::PaginationAdded,
        (Some(_), None) => Kind::PaginationRemoved,
        (Some(old), Some(new)) if old != new => Kind::PaginationChanged,
        _ => return,
    };
    cx.change(label, kind, false);
}

/// The generator's pointer of an operation (`#/paths/~1api~1v2~1campaigns/get`).
fn operation_pointer(operation: &Operation<'_>) -> String {
    push(&push("#/paths", operation.path), operation.method)
}

/// Parameters by `in` and name, each with the pointer of the entry that lists it; the
/// operation's own replace the path item's.
fn parameters<'a>(
    document: &'a Value,
    operation: &Operation<'a>,
) -> BTreeMap<(String, String), (&'a Value, String)> {
    let path_pointer = push("#/paths", operation.path);
    let holders = [
        (operation.path_item, path_pointer.clone()),
        (operation.value, push(&path_pointer, operation.method)),
    ];
    let mut found = BTreeMap::new();
    for (holder, pointer) in holders {
        let list = holder.get("parameters").and_then(Value::as_array);
        for (index, parameter) in list.into_iter().flatten().enumerate() {
            let parameter = resolve(document, parameter);
            let at = push(&push(&pointer, "parameters"), &index.to_string());
            if let (Some(place), Some(name)) = (text(parameter, "in"), text(parameter, "name")) {
                found.insert((place.to_owned(), name.to_owned()), (parameter, at));
            }
        }
    }
    found
}

fn compare_parameters(cx: &mut Comparison<'_>, old: &Operation<'_>, new: &Operation<'_>) {
    let old_parameters = parameters(cx.documents.old, old);
    let new_parameters = parameters(cx.documents.new, new);
    let label = new.label();
    for (place, name) in old_parameters.keys() {
        if !new_parameters.contains_key(&(place.clone(), name.clone())) {
            let location = format!("{label} ({place} {name})");
            cx.change(&location, Kind::ParameterRemoved, true);
        }
    }
    for ((place, name), (new_parameter, new_pointer)) in &new_parameters {
        let location = format!("{label} ({place} {name})");
        let required = parameter_required(new_parameter);
        match old_parameters.get(&(place.clone(), name.clone())) {
            None => cx.change(&location, Kind::ParameterAdded { required }, true),
            Some((old_parameter, old_pointer)) => {
                if parameter_required(old_parameter) != required {
                    let kind = Kind::ParameterRequiredChanged { required };
                    cx.change(&location, kind, true);
                }
                let pointers = Pointers::both(old_pointer.clone(), new_pointer.clone());
                let place = Place::root(location, true).at(pointers);
                compare_parameter(cx, old_parameter, new_parameter, &place);
            }
        }
    }
}

/// Path parameters are required whatever they say.
fn parameter_required(parameter: &Value) -> bool {
    text(parameter, "in") == Some("path") || parameter.get("required") == Some(&Value::Bool(true))
}

fn compare_parameter(cx: &mut Comparison<'_>, old: &Value, new: &Value, place: &Place) {
    let location = &place.location;
    cx.text(location, text(old, "description"), text(new, "description"));
    let any = Value::Object(Map::new());
    let old_schema = old.get("schema").unwrap_or(&any);
    let new_schema = new.get("schema").unwrap_or(&any);
    let schema_place = place.clone().at(place.pointers.push(&["schema"]));
    compare_schema(cx, old_schema, new_schema, &schema_place);
    let known = ["name", "in", "required", "description", "schema", "$ref"];
    for keyword in changed_keywords(old, new, &known) {
        cx.other(location, &keyword);
    }
}

/// `operation` is the operation's place (its label and pointers).
fn compare_request_body(cx: &mut Comparison<'_>, old: &Value, new: &Value, operation: &Place) {
    let label = operation.location.as_str();
    let location = format!("{label} (request body)");
    let old_body = old
        .get("requestBody")
        .map(|body| resolve(cx.documents.old, body));
    let new_body = new
        .get("requestBody")
        .map(|body| resolve(cx.documents.new, body));
    match (old_body, new_body) {
        (None, None) => {}
        (None, Some(body)) => {
            let kind = Kind::RequestBodyAdded {
                required: flag(body, "required"),
            };
            cx.change(label, kind, true);
        }
        (Some(_), None) => cx.change(label, Kind::RequestBodyRemoved, true),
        (Some(old_body), Some(new_body)) => {
            let required = flag(new_body, "required");
            if flag(old_body, "required") != required {
                cx.change(label, Kind::RequestBodyRequiredChanged { required }, true);
            }
            let pointers = operation.pointers.push(&["requestBody"]);
            let place = Place::root(location, true).at(pointers);
            compare_payload(cx, old_body, new_body, &place);
        }
    }
}

fn compare_responses(cx: &mut Comparison<'_>, old: &Value, new: &Value, operation: &Place) {
    let label = operation.location.as_str();
    let empty = Map::new();
    let old_responses = responses(old).unwrap_or(&empty);
    let new_responses = responses(new).unwrap_or(&empty);
    for status in old_responses.keys() {
        if !new_responses.contains_key(status) {
            let location = format!("{label} (response {status})");
            let kind = Kind::ResponseRemoved {
                success: status.starts_with('2'),
            };
            cx.change(&location, kind, false);
        }
    }
    for (status, new_response) in new_responses {
        let location = format!("{label} (response {status})");
        let Some(old_response) = old_responses.get(status) else {
            cx.change(&location, Kind::ResponseAdded, false);
            continue;
        };
        // The same shared response on both sides is compared once, under `components`.
        if old_response.get("$ref").is_some() && old_response == new_response {
            continue;
        }
        let old_response = resolve(cx.documents.old, old_response);
        let new_response = resolve(cx.documents.new, new_response);
        let pointers = operation.pointers.push(&["responses", status]);
        let place = Place::root(location, false).at(pointers);
        compare_payload(cx, old_response, new_response, &place);
    }
}

fn responses(operation: &Value) -> Option<&Map<String, Value>> {
    operation.get("responses").and_then(Value::as_object)
}

/// A request body or a response: its description, media types and schema.
pub fn compare_payload(cx: &mut Comparison<'_>, old: &Value, new: &Value, place: &Place) {
    cx.text(
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
        cx.change(&place.location, kind, place.in_request);
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
        let schema_place = place
            .clone()
            .at(place.pointers.push(&["content", media, "schema"]));
        compare_schema(cx, &schema(old), &schema(new), &schema_place);
    }
    for keyword in changed_keywords(old, new, &["description", "content", "required", "$ref"]) {
        cx.other(&place.location, &keyword);
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
