//! What kind of object sits at a place in a document, from the reference tokens that lead
//! there: the walk of OpenAPI's object graph that `refs` uses for both ends of a `$ref`.

use crate::pointer::Pointer;
use serde_json::{Map, Value, json};

/// The kinds of object a `$ref` may stand for, and the containers that lead to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Root,
    Components,
    /// A map of `name → T` or a list of `T`.
    Many(Kind),
    /// A map of status → response (`responses`).
    Responses,
    /// A map of media type → media type object (`content`).
    Content,
    MediaType,
    /// A map of property → encoding object (`encoding`).
    Encodings,
    Encoding,
    Kind(Kind),
}

/// Objects a reference may point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Schema,
    Parameter,
    Header,
    RequestBody,
    Response,
    Example,
    Link,
    Callback,
    PathItem,
    Operation,
    SecurityScheme,
}

impl Kind {
    /// The `components` section that holds named objects of this kind.
    pub(super) fn section(self) -> Option<&'static str> {
        Some(match self {
            Kind::Schema => "schemas",
            Kind::Parameter => "parameters",
            Kind::Header => "headers",
            Kind::RequestBody => "requestBodies",
            Kind::Response => "responses",
            Kind::Example => "examples",
            Kind::Link => "links",
            Kind::Callback => "callbacks",
            Kind::PathItem => "pathItems",
            Kind::SecurityScheme => "securitySchemes",
            Kind::Operation => return None,
        })
    }

    /// For messages: "a request body".
    pub(super) fn described(self) -> &'static str {
        match self {
            Kind::Schema => "a schema",
            Kind::Parameter => "a parameter",
            Kind::Header => "a header",
            Kind::RequestBody => "a request body",
            Kind::Response => "a response",
            Kind::Example => "an example",
            Kind::Link => "a link",
            Kind::Callback => "a callback",
            Kind::PathItem => "a path item",
            Kind::Operation => "an operation",
            Kind::SecurityScheme => "a security scheme",
        }
    }
}

/// The operations of a path item, in OpenAPI's order.
pub(super) const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

impl Place {
    /// The place one token further, or `None` where no referable object can lie below
    /// (examples, extensions, enum values: data, whose `$ref` keys mean nothing).
    pub(super) fn child(self, token: &str) -> Option<Place> {
        use Kind::*;
        let kind = |kind| Some(Place::Kind(kind));
        let many = |kind| Some(Place::Many(kind));
        // `x-` keys are extensions in an object's fields, but names in a map.
        let map = matches!(self, Place::Many(_) | Place::Content | Place::Encodings);
        if token.starts_with("x-") && !map {
            return None;
        }
        match self {
            Place::Root => match token {
                "paths" | "webhooks" => many(PathItem),
                "components" => Some(Place::Components),
                "$defs" | "definitions" => many(Schema),
                _ => None,
            },
            Place::Components => match token {
                "schemas" => many(Schema),
                "parameters" => many(Parameter),
                "headers" => many(Header),
                "requestBodies" => many(RequestBody),
                "responses" => many(Response),
                "examples" => many(Example),
                "links" => many(Link),
                "callbacks" => many(Callback),
                "pathItems" => many(PathItem),
                "securitySchemes" => many(SecurityScheme),
                _ => None,
            },
            Place::Many(of) => kind(of),
            Place::Responses => kind(Response),
            Place::Content => Some(Place::MediaType),
            Place::MediaType => match token {
                "schema" => kind(Schema),
                "examples" => many(Example),
                "encoding" => Some(Place::Encodings),
                _ => None,
            },
            Place::Encodings => Some(Place::Encoding),
            Place::Encoding => (token == "headers").then_some(Place::Many(Header)),
            Place::Kind(of) => match (of, token) {
                (Callback, _) => kind(PathItem),
                (PathItem, method) if METHODS.contains(&method) => kind(Operation),
                (PathItem | Operation, "parameters") => many(Parameter),
                (Operation, "requestBody") => kind(RequestBody),
                (Operation, "responses") => Some(Place::Responses),
                (Operation, "callbacks") => many(Callback),
                (Parameter | Header, "schema") => kind(Schema),
                (Parameter | Header | RequestBody | Response, "content") => Some(Place::Content),
                (Parameter | Header, "examples") => many(Example),
                (Response, "headers") => many(Header),
                (Response, "links") => many(Link),
                (Schema, keyword) => schema_child(keyword),
                _ => None,
            },
        }
    }

    /// The place a sequence of tokens leads to from the root.
    pub(super) fn of<'t>(tokens: impl IntoIterator<Item = &'t str>) -> Option<Place> {
        tokens
            .into_iter()
            .try_fold(Place::Root, |place, token| place.child(token))
    }

    pub(super) fn kind(self) -> Option<Kind> {
        match self {
            Place::Kind(kind) => Some(kind),
            _ => None,
        }
    }
}

fn schema_child(keyword: &str) -> Option<Place> {
    use Kind::Schema;
    match keyword {
        "properties" | "$defs" | "definitions" | "patternProperties" | "dependentSchemas" => {
            Some(Place::Many(Schema))
        }
        "allOf" | "oneOf" | "anyOf" | "prefixItems" => Some(Place::Many(Schema)),
        "items"
        | "not"
        | "additionalProperties"
        | "if"
        | "then"
        | "else"
        | "contains"
        | "propertyNames"
        | "unevaluatedItems"
        | "unevaluatedProperties" => Some(Place::Kind(Schema)),
        _ => None,
    }
}

/// The value at `tokens` (object keys, list indexes), if any.
pub(super) fn get<'v>(document: &'v Value, tokens: &[String]) -> Option<&'v Value> {
    tokens
        .iter()
        .try_fold(document, |value, token| match value {
            Value::Object(map) => map.get(token),
            Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        })
}

/// The value at `tokens`, to change, if any.
pub(super) fn get_mut<'v>(document: &'v mut Value, tokens: &[String]) -> Option<&'v mut Value> {
    tokens
        .iter()
        .try_fold(document, |value, token| match value {
            Value::Object(map) => map.get_mut(token),
            Value::Array(items) => token
                .parse::<usize>()
                .ok()
                .and_then(move |i| items.get_mut(i)),
            _ => None,
        })
}

/// Moves the value at `tokens` into `components.{section}` under `name` (`name_2`, … when that
/// is taken), leaves a reference to it in its place, and returns the reference. `None`, with
/// the document unchanged, when nothing is at `tokens` or `components` (or its section) is not
/// an object.
pub(super) fn move_to_components(
    document: &mut Value,
    tokens: &[String],
    section: &str,
    name: &str,
) -> Option<String> {
    let components = document.get("components");
    let destination_ok = document.is_object()
        && components.is_none_or(Value::is_object)
        && components
            .and_then(|components| components.get(section))
            .is_none_or(Value::is_object);
    if !destination_ok || get(document, tokens).is_none() {
        return None;
    }
    let taken = get_mut(document, tokens)?.take();
    let objects = document
        .as_object_mut()?
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()?
        .entry(section)
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()?;
    let name = (1..)
        .map(|n| {
            if n == 1 {
                name.to_owned()
            } else {
                format!("{name}_{n}")
            }
        })
        .find(|candidate| !objects.contains_key(candidate))?;
    let reference = Pointer::root()
        .push("components")
        .push(section)
        .push(&name)
        .to_string();
    objects.insert(name, taken);
    *get_mut(document, tokens)? = json!({ "$ref": reference });
    Some(reference)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(pointer: &str) -> Option<Kind> {
        Place::of(pointer.split('/').skip(1)).and_then(Place::kind)
    }

    #[test]
    fn places_name_their_kind() {
        assert_eq!(
            kind("#/components/schemas/A/properties/b"),
            Some(Kind::Schema)
        );
        assert_eq!(
            kind("#/components/schemas/A/allOf/1/properties/c"),
            Some(Kind::Schema)
        );
        assert_eq!(kind("#/components/parameters/x/schema"), Some(Kind::Schema));
        assert_eq!(kind("#/components/parameters/x"), Some(Kind::Parameter));
        assert_eq!(kind("#/paths/~1a/get/responses/200"), Some(Kind::Response));
        assert_eq!(
            kind("#/paths/~1a/post/requestBody"),
            Some(Kind::RequestBody)
        );
        assert_eq!(
            kind("#/paths/~1a/get/responses/200/content/application~1json/schema/items"),
            Some(Kind::Schema)
        );
        assert_eq!(kind("#/paths/~1a/get/parameters/0"), Some(Kind::Parameter));
        assert_eq!(
            kind("#/webhooks/new/post/requestBody"),
            Some(Kind::RequestBody)
        );
        assert_eq!(
            kind("#/paths/~1a/get/callbacks/c/{$url}/post"),
            Some(Kind::Operation)
        );
        assert_eq!(
            kind("#/paths/~1a/get/responses/200/content/a~1b/encoding/e/headers/h"),
            Some(Kind::Header)
        );
        assert_eq!(kind("#/components/schemas/A/example/b"), None);
        assert_eq!(kind("#/components/schemas/A/x-thing"), None);
        assert_eq!(kind("#/$defs/D"), Some(Kind::Schema));
    }
}
