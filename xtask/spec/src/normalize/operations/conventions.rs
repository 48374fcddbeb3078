//! The API's conventions (`API-FACTS.md`): entity operations, cursor pagination, errors, auth.

use instantly_codegen::extensions::{CursorIn, Extension, Pagination, Source};
use serde_json::{Map, Value, json};

use super::path::Segment;

/// What the conventions say an operation does with its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// `GET /x`: a cursor page of the entity.
    List,
    /// `POST /x`: the entity's writable fields in, the entity out.
    Create,
    /// `GET /x/{id}`: the entity.
    Get,
    /// `PATCH /x/{id}`: the writable fields, none required, in; the entity out.
    Update,
    /// `DELETE /x/{id}`: no body in, the entity out.
    Delete,
}

/// The convention an operation follows, if any. `/x` is a collection when it has exactly one
/// segment after `/api/v2`; `/x/{id}` is one of its items only when `collection_listed` (the
/// page lists `/x` for the same entity): without that, `/account-campaign-mappings/{email}` is
/// as likely a filtered list as an item, and guessing would be a fact the page does not hold.
pub fn convention(
    method: &str,
    segments: &[Segment<'_>],
    collection_listed: bool,
) -> Option<Convention> {
    match (method, segments) {
        ("GET", [Segment::Literal(_)]) => Some(Convention::List),
        ("POST", [Segment::Literal(_)]) => Some(Convention::Create),
        (_, [Segment::Literal(_), Segment::Param(_)]) if collection_listed => match method {
            "GET" => Some(Convention::Get),
            "PATCH" => Some(Convention::Update),
            "DELETE" => Some(Convention::Delete),
            _ => None,
        },
        _ => None,
    }
}

/// The collection path (`/api/v2/x`) of an item path (`/api/v2/x/{id}`).
pub fn collection_of(path: &str) -> Option<&str> {
    let (collection, last) = path.rsplit_once('/')?;
    (last.starts_with('{') && last.ends_with('}')).then_some(collection)
}

/// The cursor parameters of every list operation.
pub fn list_query_params() -> Vec<(String, Value)> {
    vec![
        ("limit".to_string(), limit_schema()),
        ("starting_after".to_string(), starting_after_schema()),
    ]
}

pub fn limit_schema() -> Value {
    json!({
        "type": "integer",
        "minimum": 1,
        "maximum": 100,
        "description": "The number of items to return (1 to 100)."
    })
}

pub fn starting_after_schema() -> Value {
    json!({
        "type": "string",
        "description": "The opaque cursor: `next_starting_after` of the previous page."
    })
}

/// `x-pagination` of a cursor-paginated operation; the cursor travels in `cursor_in`
/// (`query` or `body`).
pub fn pagination(cursor_in: CursorIn) -> Pagination {
    Pagination {
        cursor_in,
        ..Pagination::query("starting_after", "next_starting_after", "items")
    }
}

/// `<Entity>Page`: one page of a cursor-paginated list.
pub fn page_schema(entity: &str, title: &str) -> Value {
    let mut schema = json!({
        "type": "object",
        "description": format!("A page of {title} items. Stop on an empty `items` or a missing `next_starting_after`."),
        "required": ["items"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": schema_ref(entity)}},
            "next_starting_after": {
                "type": "string",
                "description": "The cursor of the next page, for `starting_after`; absent on the last page (which may also carry one, followed by an empty page)."
            }
        }
    });
    Source::Convention.write(&mut schema);
    schema
}

pub fn schema_ref(name: &str) -> String {
    format!("#/components/schemas/{name}")
}

pub const ERROR_SCHEMA: &str = "Error";

/// The error body every 4xx/5xx answer carries.
pub fn error_schema() -> Value {
    let mut schema = json!({
        "type": "object",
        "description": "The body of every error answer (4xx and 5xx).",
        "required": ["statusCode", "error", "message"],
        "properties": {
            "statusCode": {"type": "number", "description": "The HTTP status code."},
            "error": {"type": "string", "description": "The HTTP status text."},
            "message": {"type": "string", "description": "What went wrong."}
        }
    });
    Source::Convention.write(&mut schema);
    schema
}

/// Error statuses of `API-FACTS.md`: status, `components.responses` name, description.
pub const ERROR_RESPONSES: &[(u16, &str, &str)] = &[
    (
        400,
        "BadRequest",
        "The request is invalid (parameters or body).",
    ),
    (401, "Unauthorized", "The API key is missing or invalid."),
    (402, "PaymentRequired", "The workspace has no paid plan."),
    (
        403,
        "Forbidden",
        "The API key lacks the scope or the workspace the permission.",
    ),
    (404, "NotFound", "The resource does not exist."),
    (
        409,
        "Conflict",
        "The request conflicts with the resource's state.",
    ),
    (413, "PayloadTooLarge", "The request body is too large."),
    (
        422,
        "UnprocessableEntity",
        "The request is well-formed but cannot be processed.",
    ),
    (
        429,
        "TooManyRequests",
        "Rate limited: 100 requests/s and 6,000 requests/min per workspace.",
    ),
    (500, "InternalServerError", "The server failed."),
    (502, "BadGateway", "An upstream service failed."),
    (
        503,
        "ServiceUnavailable",
        "The service is temporarily unavailable.",
    ),
];

/// The error responses the reference lists for an operation (statuses without a shared
/// response keep only the `default`), then `default`.
pub fn listed_error_responses(statuses: &[u16]) -> Vec<(String, Value)> {
    let mut entries: Vec<(String, Value)> = ERROR_RESPONSES
        .iter()
        .filter(|(status, _, _)| statuses.contains(status))
        .map(|&(status, name, _)| (status.to_string(), response_ref(name)))
        .collect();
    entries.push(default_error_response());
    entries
}

fn response_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/responses/{name}")})
}

/// Statuses every operation can answer.
const ALWAYS: [u16; 4] = [401, 402, 404, 429];

/// `components.responses`: one entry per error status, each with the shared error body.
pub fn error_responses() -> Map<String, Value> {
    ERROR_RESPONSES
        .iter()
        .map(|&(status, name, description)| {
            let mut response = json!({
                "description": description,
                "content": {"application/json": {"schema": {"$ref": schema_ref(ERROR_SCHEMA)}}}
            });
            Source::Convention.write(&mut response);
            if status == 429 {
                response["headers"] = json!({
                    "Retry-After": {
                        "description": "Seconds to wait before retrying, when the server says.",
                        "schema": {"type": "integer"}
                    }
                });
            }
            (name.to_string(), response)
        })
        .collect()
}

/// The error entries of one operation's `responses`: 401, 402, 404 and 429 everywhere, 400
/// where the operation takes input (a parameter or a body) that the server validates, and
/// `default` for the statuses the facts give only for "some" operations (403, 409, 413, 422,
/// 5xx), so that no error answer is undeclared.
pub fn operation_error_responses(takes_input: bool) -> Vec<(String, Value)> {
    let mut entries: Vec<(String, Value)> = ERROR_RESPONSES
        .iter()
        .filter(|(status, _, _)| ALWAYS.contains(status) || (*status == 400 && takes_input))
        .map(|&(status, name, _)| (status.to_string(), response_ref(name)))
        .collect();
    entries.push(default_error_response());
    entries
}

fn default_error_response() -> (String, Value) {
    let mut response = json!({
        "description": "Any other error (403, 409, 413, 422, 500, 502, 503, …).",
        "content": {"application/json": {"schema": {"$ref": schema_ref(ERROR_SCHEMA)}}}
    });
    Source::Convention.write(&mut response);
    ("default".to_string(), response)
}

/// `components.securitySchemes`.
pub fn security_schemes() -> Value {
    json!({
        "bearerAuth": {
            "type": "http",
            "scheme": "bearer",
            "description": "`Authorization: Bearer <API key>` on every operation."
        }
    })
}

/// The schema of a path parameter: `{email}` is an e-mail address, anything else a string.
pub fn path_param_schema(name: &str) -> Value {
    if name == "email" {
        json!({"type": "string", "format": "email"})
    } else {
        json!({"type": "string"})
    }
}

/// A free-form JSON body or response, for an operation whose shapes nobody documented.
pub fn free_form_schema() -> Value {
    json!({"description": "Free-form JSON: the page does not document this shape."})
}

/// A free-form JSON request body (an object: the API takes JSON objects).
pub fn free_form_body_schema() -> Value {
    json!({
        "type": "object",
        "additionalProperties": true,
        "description": "Free-form JSON: the page does not document this body."
    })
}

#[cfg(test)]
mod tests {
    use super::super::path::segments;
    use super::*;

    fn conv(method: &str, path: &str, listed: bool) -> Option<Convention> {
        convention(method, &segments(path).unwrap(), listed)
    }

    #[test]
    fn entity_operations() {
        assert_eq!(
            conv("GET", "/api/v2/campaigns", false),
            Some(Convention::List)
        );
        assert_eq!(
            conv("POST", "/api/v2/campaigns", false),
            Some(Convention::Create)
        );
        assert_eq!(
            conv("GET", "/api/v2/campaigns/{id}", true),
            Some(Convention::Get)
        );
        assert_eq!(
            conv("PATCH", "/api/v2/campaigns/{id}", true),
            Some(Convention::Update)
        );
        assert_eq!(
            conv("DELETE", "/api/v2/campaigns/{id}", true),
            Some(Convention::Delete)
        );
    }

    #[test]
    fn no_convention_without_a_listed_collection_or_for_actions() {
        assert_eq!(
            conv("GET", "/api/v2/account-campaign-mappings/{email}", false),
            None
        );
        assert_eq!(conv("POST", "/api/v2/campaigns/{id}/activate", true), None);
        assert_eq!(conv("DELETE", "/api/v2/leads", true), None);
        assert_eq!(conv("POST", "/api/v2/campaigns/{id}", true), None);
        assert_eq!(conv("GET", "/api/v2/workspaces/current", true), None);
    }

    #[test]
    fn collection_of_an_item() {
        assert_eq!(
            collection_of("/api/v2/campaigns/{id}"),
            Some("/api/v2/campaigns")
        );
        assert_eq!(collection_of("/api/v2/campaigns"), None);
    }

    #[test]
    fn errors_on_every_operation() {
        let statuses = |input| -> Vec<String> {
            operation_error_responses(input)
                .into_iter()
                .map(|(status, _)| status)
                .collect()
        };
        assert_eq!(statuses(false), ["401", "402", "404", "429", "default"]);
        assert_eq!(
            statuses(true),
            ["400", "401", "402", "404", "429", "default"]
        );
        assert_eq!(error_responses().len(), 12);
        assert!(error_responses()["TooManyRequests"]["headers"]["Retry-After"].is_object());
    }
}
