//! The typed document out of its JSON value: every part that can hold a schema is read here
//! by hand (serde's untagged `ReferenceOr` buffers each value and parses a failure twice);
//! the small parts that hold none (`info`, servers, tags, security, examples, links) go
//! through their serde implementations.

use super::read::{
    At, Context, Result, boolean, fields, is_extension, list, map, non_null, object, optional,
    reference_or, serde, string,
};
use super::schema::schema_or_ref;
use indexmap::IndexMap;
use openapiv3::{
    Callback, Components, Encoding, Header, MediaType, OpenAPI, Operation, Parameter,
    ParameterData, ParameterSchemaOrContent, PathItem, Paths, ReferenceOr, RequestBody, Response,
    Responses, StatusCode,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub(super) fn document(value: Value, context: &Context) -> Result<OpenAPI> {
    let at = &At::Root(context);
    let mut document = OpenAPI::default();
    let (mut version, mut info, mut paths) = (None, None, None);
    fields(value, at, &mut document.extensions, |key, value, at| {
        match key {
            "openapi" => version = Some(string(value, at)?),
            "info" => info = Some(serde(value, at)?),
            "servers" => document.servers = serde(value, at)?,
            "paths" => paths = Some(self::paths(value, at)?),
            "components" => document.components = optional(value, at, components)?,
            "security" => document.security = serde(value, at)?,
            "tags" => document.tags = serde(value, at)?,
            "externalDocs" => document.external_docs = serde(value, at)?,
            _ => {}
        }
        Ok(())
    })?;
    document.openapi = version.ok_or_else(|| at.missing("openapi"))?;
    document.info = info.ok_or_else(|| at.missing("info"))?;
    document.paths = paths.ok_or_else(|| at.missing("paths"))?;
    Ok(document)
}

fn paths(value: Value, at: &At) -> Result<Paths> {
    let mut paths = Paths::default();
    for (key, value) in object(value, at)? {
        if key.starts_with('/') {
            let item = reference_or(value, &at.key(&key), path_item)?;
            paths.paths.insert(key, item);
        } else if is_extension(&key) {
            paths.extensions.insert(key, value);
        }
    }
    Ok(paths)
}

fn path_item(value: Value, at: &At) -> Result<PathItem> {
    let mut item = PathItem::default();
    fields(value, at, &mut item.extensions, |key, value, at| {
        let operation = |value| optional(value, at, operation);
        match key {
            "summary" => item.summary = optional(value, at, string)?,
            "description" => item.description = optional(value, at, string)?,
            "get" => item.get = operation(value)?,
            "put" => item.put = operation(value)?,
            "post" => item.post = operation(value)?,
            "delete" => item.delete = operation(value)?,
            "options" => item.options = operation(value)?,
            "head" => item.head = operation(value)?,
            "patch" => item.patch = operation(value)?,
            "trace" => item.trace = operation(value)?,
            "servers" => item.servers = serde(value, at)?,
            "parameters" => item.parameters = list(value, at, parameter_or_ref)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(item)
}

fn operation(value: Value, at: &At) -> Result<Operation> {
    let mut operation = Operation::default();
    let mut responses = None;
    fields(value, at, &mut operation.extensions, |key, value, at| {
        match key {
            "tags" => operation.tags = list(value, at, string)?,
            "summary" => operation.summary = optional(value, at, string)?,
            "description" => operation.description = optional(value, at, string)?,
            "externalDocs" => operation.external_docs = serde(value, at)?,
            "operationId" => operation.operation_id = optional(value, at, string)?,
            "parameters" => operation.parameters = list(value, at, parameter_or_ref)?,
            "requestBody" => {
                operation.request_body =
                    optional(value, at, |value, at| reference_or(value, at, request_body))?;
            }
            "responses" => responses = Some(self::responses(value, at)?),
            "callbacks" => operation.callbacks = map(value, at, callback)?,
            "deprecated" => operation.deprecated = boolean(value, at)?,
            "security" => operation.security = serde(value, at)?,
            "servers" => operation.servers = serde(value, at)?,
            _ => {}
        }
        Ok(())
    })?;
    operation.responses = responses.ok_or_else(|| at.missing("responses"))?;
    Ok(operation)
}

fn callback(value: Value, at: &At) -> Result<Callback> {
    map(value, at, path_item)
}

fn parameter_or_ref(value: Value, at: &At) -> Result<ReferenceOr<Parameter>> {
    reference_or(value, at, parameter)
}

/// The fields a parameter and a header share.
#[derive(Default)]
struct Described {
    description: Option<String>,
    required: bool,
    deprecated: Option<bool>,
    format: Option<ParameterSchemaOrContent>,
    example: Option<Value>,
    examples: IndexMap<String, ReferenceOr<openapiv3::Example>>,
}

impl Described {
    /// Reads `key` if it is one of the shared fields (others are ignored).
    fn read(&mut self, key: &str, value: Value, at: &At) -> Result<()> {
        match key {
            "description" => self.description = optional(value, at, string)?,
            "required" => self.required = boolean(value, at)?,
            "deprecated" => self.deprecated = optional(value, at, boolean)?,
            // The first of `schema` and `content` decides, as in serde's flattened enum.
            "schema" if self.format.is_none() => {
                self.format = Some(ParameterSchemaOrContent::Schema(schema_or_ref(value, at)?));
            }
            "content" if self.format.is_none() => {
                self.format = Some(ParameterSchemaOrContent::Content(map(
                    value, at, media_type,
                )?));
            }
            "example" => self.example = non_null(value),
            "examples" => self.examples = map(value, at, example)?,
            _ => {}
        }
        Ok(())
    }

    fn format(&mut self, at: &At) -> Result<ParameterSchemaOrContent> {
        self.format
            .take()
            .ok_or_else(|| at.error("neither `schema` nor `content`"))
    }
}

fn parameter(value: Value, at: &At) -> Result<Parameter> {
    let mut described = Described::default();
    let mut extensions = IndexMap::new();
    let (mut name, mut location, mut explode, mut style) = (None, None, None, None);
    let (mut allow_reserved, mut allow_empty_value) = (false, None);
    fields(value, at, &mut extensions, |key, value, at| {
        match key {
            "name" => name = Some(string(value, at)?),
            "in" => location = Some(string(value, at)?),
            "explode" => explode = optional(value, at, boolean)?,
            "style" => style = Some(value),
            "allowReserved" => allow_reserved = boolean(value, at)?,
            "allowEmptyValue" => allow_empty_value = optional(value, at, boolean)?,
            _ => described.read(key, value, at)?,
        }
        Ok(())
    })?;
    let location = location.ok_or_else(|| at.missing("in"))?;
    let format = described.format(at)?;
    let parameter_data = ParameterData {
        name: name.ok_or_else(|| at.missing("name"))?,
        description: described.description,
        required: described.required,
        deprecated: described.deprecated,
        format,
        example: described.example,
        examples: described.examples,
        explode,
        extensions,
    };
    // `style` is read once the location says which styles it may take.
    Ok(match location.as_str() {
        "query" => Parameter::Query {
            parameter_data,
            allow_reserved,
            style: parameter_style(style, at)?,
            allow_empty_value,
        },
        "header" => Parameter::Header {
            parameter_data,
            style: parameter_style(style, at)?,
        },
        "path" => Parameter::Path {
            parameter_data,
            style: parameter_style(style, at)?,
        },
        "cookie" => Parameter::Cookie {
            parameter_data,
            style: parameter_style(style, at)?,
        },
        other => {
            return Err(At::Key(at, "in").error(format!(
                "unknown parameter location {other:?}, expected `query`, `header`, `path` or `cookie`"
            )));
        }
    })
}

/// The `style` of a parameter at `at`, or the default of its location.
fn parameter_style<T: DeserializeOwned + Default>(value: Option<Value>, at: &At) -> Result<T> {
    value.map_or_else(
        || Ok(T::default()),
        |value| serde(value, &At::Key(at, "style")),
    )
}

fn header_or_ref(value: Value, at: &At) -> Result<ReferenceOr<Header>> {
    reference_or(value, at, header)
}

fn header(value: Value, at: &At) -> Result<Header> {
    let mut described = Described::default();
    let mut extensions = IndexMap::new();
    let mut style = None;
    fields(value, at, &mut extensions, |key, value, at| {
        if key == "style" {
            style = Some(serde(value, at)?);
        } else {
            described.read(key, value, at)?;
        }
        Ok(())
    })?;
    Ok(Header {
        format: described.format(at)?,
        description: described.description,
        style: style.unwrap_or_default(),
        required: described.required,
        deprecated: described.deprecated,
        example: described.example,
        examples: described.examples,
        extensions,
    })
}

fn request_body(value: Value, at: &At) -> Result<RequestBody> {
    let mut body = RequestBody::default();
    fields(value, at, &mut body.extensions, |key, value, at| {
        match key {
            "description" => body.description = optional(value, at, string)?,
            "content" => body.content = map(value, at, media_type)?,
            "required" => body.required = boolean(value, at)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(body)
}

fn responses(value: Value, at: &At) -> Result<Responses> {
    let mut responses = Responses::default();
    fields(value, at, &mut responses.extensions, |key, value, at| {
        if key == "default" {
            responses.default = optional(value, at, response_or_ref)?;
        } else if let Some(status) = status_code(key) {
            responses
                .responses
                .insert(status, response_or_ref(value, at)?);
        }
        Ok(())
    })?;
    Ok(responses)
}

/// `200`, `2XX` (any case): the keys `openapiv3` takes for a status; others are ignored.
fn status_code(key: &str) -> Option<StatusCode> {
    if key.len() != 3 {
        return None;
    }
    if let Ok(code) = key.parse::<u16>() {
        return (100..1000)
            .contains(&code)
            .then_some(StatusCode::Code(code));
    }
    match key.as_bytes() {
        [digit, x, y]
            if digit.is_ascii_digit()
                && x.eq_ignore_ascii_case(&b'x')
                && y.eq_ignore_ascii_case(&b'x') =>
        {
            Some(StatusCode::Range(u16::from(digit - b'0')))
        }
        _ => None,
    }
}

fn response_or_ref(value: Value, at: &At) -> Result<ReferenceOr<Response>> {
    reference_or(value, at, response)
}

fn response(value: Value, at: &At) -> Result<Response> {
    let mut response = Response::default();
    let mut description = None;
    fields(value, at, &mut response.extensions, |key, value, at| {
        match key {
            "description" => description = Some(string(value, at)?),
            "headers" => response.headers = map(value, at, header_or_ref)?,
            "content" => response.content = map(value, at, media_type)?,
            "links" => response.links = map(value, at, |value, at| reference_or(value, at, serde))?,
            _ => {}
        }
        Ok(())
    })?;
    response.description = description.ok_or_else(|| at.missing("description"))?;
    Ok(response)
}

fn media_type(value: Value, at: &At) -> Result<MediaType> {
    let mut media_type = MediaType::default();
    fields(value, at, &mut media_type.extensions, |key, value, at| {
        match key {
            "schema" => media_type.schema = optional(value, at, schema_or_ref)?,
            "example" => media_type.example = non_null(value),
            "examples" => media_type.examples = map(value, at, example)?,
            "encoding" => media_type.encoding = map(value, at, encoding)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(media_type)
}

fn example(value: Value, at: &At) -> Result<ReferenceOr<openapiv3::Example>> {
    reference_or(value, at, serde)
}

fn encoding(value: Value, at: &At) -> Result<Encoding> {
    let mut encoding = Encoding::default();
    fields(value, at, &mut encoding.extensions, |key, value, at| {
        match key {
            "contentType" => encoding.content_type = optional(value, at, string)?,
            "headers" => encoding.headers = map(value, at, header_or_ref)?,
            "style" => encoding.style = serde(value, at)?,
            "explode" => encoding.explode = boolean(value, at)?,
            "allowReserved" => encoding.allow_reserved = boolean(value, at)?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(encoding)
}

fn components(value: Value, at: &At) -> Result<Components> {
    let mut components = Components::default();
    fields(value, at, &mut components.extensions, |key, value, at| {
        match key {
            "schemas" => components.schemas = map(value, at, schema_or_ref)?,
            "responses" => components.responses = map(value, at, response_or_ref)?,
            "parameters" => components.parameters = map(value, at, parameter_or_ref)?,
            "examples" => components.examples = map(value, at, example)?,
            "requestBodies" => {
                components.request_bodies =
                    map(value, at, |value, at| reference_or(value, at, request_body))?;
            }
            "headers" => components.headers = map(value, at, header_or_ref)?,
            "securitySchemes" => {
                components.security_schemes =
                    map(value, at, |value, at| reference_or(value, at, serde))?;
            }
            "links" => {
                components.links = map(value, at, |value, at| reference_or(value, at, serde))?
            }
            "callbacks" => {
                components.callbacks =
                    map(value, at, |value, at| reference_or(value, at, callback))?;
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(components)
}
