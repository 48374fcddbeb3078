//! The document's paths → [`Operation`]s, planning parameter, body and response types.

use super::{
    Body, BodyEncoding, CursorTarget, Method, Operation, Pagination, Param, ParamLocation, Response,
};
use crate::extensions::{self, CursorIn, Extension};
use crate::names::{self, Scope};
use crate::pointer::Pointer;
use crate::types::analysis::{self, RequestVariants};
use crate::types::plan::{Planner, SchemaRef};
use crate::types::{TypeExpr, TypeKind, TypeSpace};
use crate::{Error, Settings};
use openapiv3::{
    Components, OpenAPI, Operation as OpenApiOperation, Parameter, ParameterData,
    ParameterSchemaOrContent, PathItem, QueryStyle, ReferenceOr, RequestBody, StatusCode,
};

/// Client methods that operations may not take.
const CLIENT_METHODS: &[&str] = &["new", "from_env", "builder", "from_transport", "transport"];

/// Builder members that parameters may not take.
const BUILDER_MEMBERS: &[&str] = &[
    "client",
    "path",
    "send",
    "into_stream",
    "body",
    "options",
    "timeout",
    "retry_policy",
    "retry_non_idempotent",
];

pub(crate) fn plan_operations<'a>(
    document: &'a OpenAPI,
    settings: &Settings,
    planner: &mut Planner<'a>,
    requests: &mut RequestVariants,
) -> Result<Vec<Operation>, Error> {
    let mut method_names = Scope::with_reserved(CLIENT_METHODS);
    let mut builder_names = Scope::default();
    let mut operations = Vec::new();
    for (path, item) in &document.paths.paths {
        let path_pointer = Pointer::root().push("paths").push(path);
        let item = match item {
            ReferenceOr::Item(item) => item,
            ReferenceOr::Reference { .. } => {
                return Err(Error::unsupported(
                    &path_pointer,
                    "path item references are not supported",
                ));
            }
        };
        for (http_method, operation) in methods(item) {
            let pointer = path_pointer.push(http_method.as_str().to_ascii_lowercase());
            if let Some(unsendable) = unsendable_body(document, operation, &pointer) {
                if settings.strict {
                    return Err(unsendable);
                }
                let Error::Unsupported { pointer, message } = unsendable else {
                    return Err(unsendable);
                };
                planner.warnings.push(crate::Warning {
                    pointer,
                    message: format!("{message}; the operation is left out"),
                });
                continue;
            }
            let wanted = wanted_method_name(settings, http_method, path, operation);
            let method_name = method_names.claim(&wanted);
            let builder_name = builder_names.claim(&names::type_name(&method_name));
            let group = planner.next_group() + operations.len();
            let context = OperationContext {
                document,
                planner: &mut *planner,
                requests: &mut *requests,
                group,
                path_pointer: path_pointer.clone(),
                pointer,
            };
            operations.push(context.plan(
                method_name,
                builder_name,
                http_method,
                path,
                item,
                operation,
            )?);
        }
    }
    Ok(operations)
}

/// What operations may `$ref` into `components`: where it lives there and what errors call it.
trait Component: Sized {
    const PREFIX: &'static str;
    const WHAT: &'static str;
    fn find<'d>(components: &'d Components, name: &str) -> Option<&'d ReferenceOr<Self>>;
}

impl Component for Parameter {
    const PREFIX: &'static str = "#/components/parameters/";
    const WHAT: &'static str = "parameter";
    fn find<'d>(components: &'d Components, name: &str) -> Option<&'d ReferenceOr<Self>> {
        components.parameters.get(name)
    }
}

impl Component for RequestBody {
    const PREFIX: &'static str = "#/components/requestBodies/";
    const WHAT: &'static str = "request body";
    fn find<'d>(components: &'d Components, name: &str) -> Option<&'d ReferenceOr<Self>> {
        components.request_bodies.get(name)
    }
}

impl Component for openapiv3::Response {
    const PREFIX: &'static str = "#/components/responses/";
    const WHAT: &'static str = "response";
    fn find<'d>(components: &'d Components, name: &str) -> Option<&'d ReferenceOr<Self>> {
        components.responses.get(name)
    }
}

fn methods(item: &PathItem) -> Vec<(Method, &OpenApiOperation)> {
    let all = [
        (Method::Get, &item.get),
        (Method::Put, &item.put),
        (Method::Post, &item.post),
        (Method::Delete, &item.delete),
        (Method::Options, &item.options),
        (Method::Head, &item.head),
        (Method::Patch, &item.patch),
        (Method::Trace, &item.trace),
    ];
    all.into_iter()
        .filter_map(|(method, operation)| operation.as_ref().map(|operation| (method, operation)))
        .collect()
}

/// From settings (by operationId or `METHOD /path`), the operationId, or else method + path:
/// `GET /api/v2/campaigns/{id}` → `get_api_v2_campaigns_by_id`.
fn wanted_method_name(
    settings: &Settings,
    http_method: Method,
    path: &str,
    operation: &OpenApiOperation,
) -> String {
    let by_route = format!("{http_method} {path}");
    let configured = operation
        .operation_id
        .as_ref()
        .and_then(|id| settings.operation_names.get(id))
        .or_else(|| settings.operation_names.get(&by_route));
    if let Some(name) = configured {
        return names::snake(name, "operation");
    }
    if let Some(id) = &operation.operation_id {
        return names::snake(id, "operation");
    }
    let segments: Vec<String> = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .map(
            |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(param) => format!("by_{param}"),
                None => segment.to_owned(),
            },
        )
        .collect();
    names::snake(
        &format!(
            "{} {}",
            http_method.as_str().to_ascii_lowercase(),
            segments.join(" ")
        ),
        "operation",
    )
}

struct OperationContext<'p, 'a> {
    document: &'a OpenAPI,
    planner: &'p mut Planner<'a>,
    requests: &'p mut RequestVariants,
    group: usize,
    path_pointer: Pointer,
    pointer: Pointer,
}

impl<'a> OperationContext<'_, 'a> {
    fn plan(
        mut self,
        method_name: String,
        builder_name: String,
        http_method: Method,
        path: &str,
        item: &PathItem,
        operation: &OpenApiOperation,
    ) -> Result<Operation, Error> {
        let mut docs: Vec<String> = Vec::new();
        docs.extend(operation.summary.clone());
        docs.extend(operation.description.clone());
        docs.push(format!("`{http_method} {path}`"));
        if operation.deprecated {
            docs.push("Deprecated.".to_owned());
        }

        let mut member_names = Scope::with_reserved(BUILDER_MEMBERS);
        let mut path_params = Vec::new();
        let mut query_params = Vec::new();
        let mut header_params = Vec::new();
        for (parameter, pointer) in self.parameters(item, operation)? {
            let (data, location, explode) = match parameter {
                Parameter::Path { parameter_data, .. } => {
                    (parameter_data, ParamLocation::Path, true)
                }
                Parameter::Query {
                    parameter_data,
                    style,
                    ..
                } => {
                    let explode = parameter_data
                        .explode
                        .unwrap_or(matches!(style, QueryStyle::Form));
                    (parameter_data, ParamLocation::Query, explode)
                }
                Parameter::Header { parameter_data, .. } => {
                    (parameter_data, ParamLocation::Header, true)
                }
                Parameter::Cookie { .. } => {
                    self.planner
                        .warn(&pointer, "cookie parameters are not supported; left out");
                    continue;
                }
            };
            let hint = format!("{builder_name}{}", names::pascal(&data.name, "Param"));
            let ty = self.parameter_type(data, &hint, &pointer)?;
            let rust_name = member_names.claim(&names::snake(&data.name, "param"));
            let param = Param {
                json_name: data.name.clone(),
                rust_name,
                ty,
                required: data.required || location == ParamLocation::Path,
                explode,
                docs: data.description.clone().into_iter().collect(),
            };
            match location {
                ParamLocation::Path => path_params.push(self.path_param(param, &pointer)),
                ParamLocation::Query => query_params.push(self.query_param(param, &pointer)),
                ParamLocation::Header | ParamLocation::Cookie => {
                    // Header values are written as text.
                    header_params.push(Param {
                        ty: TypeExpr::String,
                        ..param
                    });
                }
            }
        }
        check_path_template(path, &path_params, &self.pointer)?;

        let body = match &operation.request_body {
            Some(body) => self.body(body, &builder_name)?,
            None => None,
        };
        let response = self.response(operation, &builder_name)?;
        let mut planned = Operation {
            method_name,
            builder_name,
            http_method,
            path: path.to_owned(),
            docs,
            path_params,
            query_params,
            header_params,
            body,
            response,
            pagination: None,
        };
        let spec = self
            .planner
            .extension::<extensions::Pagination>(&operation.extensions, &self.pointer);
        if let Some(spec) = spec {
            planned.pagination = self.pagination(&spec, &mut planned);
        }
        Ok(planned)
    }

    /// Path-item parameters, overridden by the operation's own (same name and location).
    fn parameters<'o>(
        &self,
        item: &'o PathItem,
        operation: &'o OpenApiOperation,
    ) -> Result<Vec<(&'o Parameter, Pointer)>, Error>
    where
        'a: 'o,
    {
        let path_pointer = &self.path_pointer;
        let mut out: Vec<(&Parameter, Pointer)> = Vec::new();
        let inherited = item
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, path_pointer.push("parameters").push(i)));
        let own = operation
            .parameters
            .iter()
            .enumerate()
            .map(|(i, p)| (p, self.pointer.push("parameters").push(i)));
        for (parameter, pointer) in inherited.chain(own) {
            let parameter = self.resolve(parameter, &pointer)?;
            let key = (
                parameter.parameter_data_ref().name.clone(),
                location_of(parameter),
            );
            out.retain(|(existing, _)| {
                (
                    existing.parameter_data_ref().name.clone(),
                    location_of(existing),
                ) != key
            });
            out.push((parameter, pointer));
        }
        Ok(out)
    }

    /// `item`, or the component its `$ref` names, which must be an item itself: a reference to
    /// a reference is not followed.
    fn resolve<'o, T: Component>(
        &self,
        item: &'o ReferenceOr<T>,
        pointer: &Pointer,
    ) -> Result<&'o T, Error>
    where
        'a: 'o,
    {
        match item {
            ReferenceOr::Item(item) => Ok(item),
            ReferenceOr::Reference { reference } => reference
                .strip_prefix(T::PREFIX)
                .and_then(|name| T::find(self.document.components.as_ref()?, name))
                .and_then(|found| match found {
                    ReferenceOr::Item(item) => Some(item),
                    ReferenceOr::Reference { .. } => None,
                })
                .ok_or_else(|| {
                    let what = T::WHAT;
                    Error::unsupported(
                        pointer,
                        format!("cannot resolve {what} reference {reference:?}"),
                    )
                }),
        }
    }

    fn parameter_type(
        &mut self,
        data: &ParameterData,
        hint: &str,
        pointer: &Pointer,
    ) -> Result<TypeExpr, Error> {
        match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                let shape = self.planner.plan_use(
                    SchemaRef::of(schema),
                    hint,
                    self.group,
                    &pointer.push("schema"),
                )?;
                Ok(shape.ty)
            }
            ParameterSchemaOrContent::Content(_) => {
                self.planner.warn(
                    pointer,
                    "parameters with `content` are sent as JSON text (serde_json::Value)",
                );
                Ok(TypeExpr::Json)
            }
        }
    }

    /// Path parameters are written with `Display`; other types fall back to a string.
    fn path_param(&mut self, mut param: Param, pointer: &Pointer) -> Param {
        let displayable = self.planner.space.is_scalar(&param.ty);
        if !displayable {
            self.planner.warn(
                pointer,
                "path parameter type cannot be written into a path; taking a string instead",
            );
            param.ty = TypeExpr::String;
        }
        param
    }

    /// Query parameters must be scalars, enums or lists of them; objects go as JSON text.
    fn query_param(&mut self, mut param: Param, pointer: &Pointer) -> Param {
        if !query_encodable(&self.planner.space, &param.ty) {
            self.planner.warn(
                pointer,
                "object-valued query parameter is sent as JSON text (serde_json::Value)",
            );
            param.ty = TypeExpr::Json;
        }
        param
    }

    fn body(
        &mut self,
        body: &ReferenceOr<RequestBody>,
        builder_name: &str,
    ) -> Result<Option<Body>, Error> {
        let pointer = self.pointer.push("requestBody");
        let body = self.resolve(body, &pointer)?;
        let docs: Vec<String> = body.description.clone().into_iter().collect();
        let Some((content_type, media)) = pick_content(&body.content) else {
            return match unsupported_content(body, &pointer) {
                Some(error) => Err(error),
                None => Ok(None),
            };
        };
        let encoding = if is_json(content_type) {
            BodyEncoding::Json
        } else if is_form(content_type) {
            BodyEncoding::Form
        } else if is_multipart(content_type) {
            BodyEncoding::Multipart
        } else {
            return Ok(Some(Body {
                ty: TypeExpr::List(Box::new(TypeExpr::Int("u8"))),
                required: body.required,
                encoding: BodyEncoding::Bytes(content_type.to_owned()),
                docs,
            }));
        };
        let ty = match &media.schema {
            Some(schema) => {
                let schema_pointer = pointer.push("content").push(content_type).push("schema");
                let hint = format!("{builder_name}Body");
                self.planner.files = encoding == BodyEncoding::Multipart;
                let shape = self.planner.plan_use(
                    SchemaRef::of(schema),
                    &hint,
                    self.group,
                    &schema_pointer,
                );
                self.planner.files = false;
                let shape = shape?;
                self.requests
                    .expr(&mut self.planner.space, &mut self.planner.names, &shape.ty)
            }
            None => TypeExpr::Json,
        };
        Ok(Some(Body {
            ty,
            required: body.required,
            encoding,
            docs,
        }))
    }

    /// What `send` returns, from every 2xx response (or `default` when there is none): one
    /// JSON type; a union of the distinct JSON types; `Option<…>` of it when a 2xx response has
    /// no content (the runtime decodes an empty body as `null`); bytes for other content.
    fn response(
        &mut self,
        operation: &OpenApiOperation,
        builder_name: &str,
    ) -> Result<Response, Error> {
        let responses_pointer = self.pointer.push("responses");
        let mut successes: Vec<(String, &ReferenceOr<openapiv3::Response>)> = operation
            .responses
            .responses
            .iter()
            .filter(|(status, _)| match status {
                StatusCode::Code(code) => (200..300).contains(code),
                StatusCode::Range(range) => *range == 2,
            })
            .map(|(status, response)| (status.to_string(), response))
            .collect();
        if successes.is_empty() {
            successes.extend(
                operation
                    .responses
                    .default
                    .as_ref()
                    .map(|response| ("default".to_owned(), response)),
            );
        }
        let mut json_types: Vec<TypeExpr> = Vec::new();
        let (mut empty, mut bytes) = (successes.is_empty(), false);
        for (index, (status, response)) in successes.iter().enumerate() {
            // The first keeps the plain name, so a single response is named as before.
            let hint = match index {
                0 => format!("{builder_name}Response"),
                _ => names::pascal(&format!("{builder_name} response {status}"), "Response"),
            };
            match self.one_response(status, response, &hint)? {
                Response::Json(ty) if !json_types.contains(&ty) => json_types.push(ty),
                Response::Json(_) => {}
                Response::Empty => empty = true,
                Response::Bytes => bytes = true,
            }
        }
        if bytes {
            if !json_types.is_empty() {
                self.planner.warn(
                    &responses_pointer,
                    "2xx responses mix JSON and other content; send returns the bytes",
                );
            }
            return Ok(Response::Bytes);
        }
        let ty = match json_types.len() {
            0 => return Ok(Response::Empty),
            1 => json_types.remove(0),
            _ => self.planner.union_of(
                json_types,
                &format!("{builder_name}Responses"),
                self.group,
                &responses_pointer,
            ),
        };
        Ok(Response::Json(match ty {
            TypeExpr::Optional(_) => ty,
            ty if empty => TypeExpr::Optional(Box::new(ty)),
            ty => ty,
        }))
    }

    /// One response: its JSON type (`Option<…>` when its schema is nullable), no content, or
    /// other content.
    fn one_response(
        &mut self,
        status: &str,
        response: &ReferenceOr<openapiv3::Response>,
        hint: &str,
    ) -> Result<Response, Error> {
        let pointer = self.pointer.push("responses").push(status);
        let response = self.resolve(response, &pointer)?;
        let Some((content_type, media)) = pick_content(&response.content) else {
            return Ok(if response.content.is_empty() {
                Response::Empty
            } else {
                Response::Bytes
            });
        };
        if !is_json(content_type) {
            return Ok(Response::Bytes);
        }
        let ty = match &media.schema {
            Some(schema) => {
                let schema_pointer = pointer.push("content").push(content_type).push("schema");
                let shape = self.planner.plan_use(
                    SchemaRef::of(schema),
                    hint,
                    self.group,
                    &schema_pointer,
                )?;
                if shape.nullable {
                    TypeExpr::Optional(Box::new(shape.ty))
                } else {
                    shape.ty
                }
            }
            None => TypeExpr::Json,
        };
        Ok(Response::Json(ty))
    }

    /// Checks `x-pagination` against the planned shapes; anything that does not fit is a
    /// warning and the operation gets no stream.
    fn pagination(
        &mut self,
        spec: &extensions::Pagination,
        operation: &mut Operation,
    ) -> Option<Pagination> {
        match fit_pagination(&self.planner.space, spec, operation) {
            Ok(pagination) => Some(pagination),
            Err(reason) => {
                let pointer = self.pointer.push(extensions::Pagination::KEY);
                self.planner.warn(&pointer, format!("{reason}; no stream"));
                None
            }
        }
    }
}

/// The stream of `operation` by `spec`, or why its planned types do not allow one. A query
/// cursor parameter becomes a string: the cursor is opaque, whatever the document says.
fn fit_pagination(
    space: &TypeSpace,
    spec: &extensions::Pagination,
    operation: &mut Operation,
) -> Result<Pagination, String> {
    let (cursor_param, items_field, cursor_field) =
        (&spec.cursor_param, &spec.items_field, &spec.cursor_field);
    let Response::Json(page_ty) = &operation.response else {
        return Err("the success response is not JSON".to_owned());
    };
    let Some(TypeKind::Struct {
        fields: page_fields,
        ..
    }) = space.resolve(page_ty).map(|def| &def.kind)
    else {
        return Err("the success response is not an object".to_owned());
    };
    let items = page_fields.iter().find(|f| &f.json_name == items_field);
    let cursor = page_fields.iter().find(|f| &f.json_name == cursor_field);
    let (Some(items), Some(cursor)) = (items, cursor) else {
        return Err(format!(
            "the page has no `{items_field}` or `{cursor_field}` field"
        ));
    };
    let TypeExpr::List(item_ty) = space.unalias(&items.ty) else {
        return Err(format!("`{items_field}` is not an array"));
    };
    let item_ty = (**item_ty).clone();
    let (items_field, cursor_field) = (items.rust_name.clone(), cursor.rust_name.clone());
    let cursor = match spec.cursor_in {
        CursorIn::Query => {
            let param = operation
                .query_params
                .iter_mut()
                .find(|p| &p.json_name == cursor_param && !p.required)
                .ok_or_else(|| format!("no optional query parameter `{cursor_param}`"))?;
            param.ty = TypeExpr::String;
            CursorTarget::Query(param.rust_name.clone())
        }
        CursorIn::Body => {
            let body = operation
                .body
                .as_ref()
                .ok_or("the operation has no request body for the cursor")?;
            let Some(TypeKind::Struct {
                fields: body_fields,
                ..
            }) = space.resolve(&body.ty).map(|def| &def.kind)
            else {
                return Err("the request body is not an object".to_owned());
            };
            let field = body_fields
                .iter()
                .find(|f| {
                    &f.json_name == cursor_param
                        && !f.required
                        && space.unalias(&f.ty) == &TypeExpr::String
                })
                .ok_or_else(|| format!("the body has no optional string `{cursor_param}`"))?;
            let body_default = match &body.ty {
                TypeExpr::Named(id) => analysis::is_defaultable(space, *id),
                _ => false,
            };
            if !body.required && !body_default {
                return Err("the optional body has no default to put the cursor in".to_owned());
            }
            CursorTarget::Body {
                field: field.rust_name.clone(),
                optional_body: !body.required,
            }
        }
    };
    Ok(Pagination {
        cursor,
        items_field,
        cursor_field,
        item_ty,
    })
}

fn location_of(parameter: &Parameter) -> ParamLocation {
    match parameter {
        Parameter::Path { .. } => ParamLocation::Path,
        Parameter::Query { .. } => ParamLocation::Query,
        Parameter::Header { .. } => ParamLocation::Header,
        Parameter::Cookie { .. } => ParamLocation::Cookie,
    }
}

/// Every `{name}` in the path template must be a declared path parameter.
fn check_path_template(path: &str, params: &[Param], pointer: &Pointer) -> Result<(), Error> {
    for name in template_names(path) {
        if !params.iter().any(|param| param.json_name == name) {
            return Err(Error::unsupported(
                pointer,
                format!("path template names `{{{name}}}`, which is not a declared path parameter"),
            ));
        }
    }
    Ok(())
}

pub(crate) fn template_names(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    essence == "application/json" || essence.ends_with("+json") || essence == "*/*"
}

fn is_form(content_type: &str) -> bool {
    content_type.starts_with("application/x-www-form-urlencoded")
}

pub(crate) fn is_multipart(content_type: &str) -> bool {
    content_type.starts_with("multipart/form-data")
}

/// The error for a body with content in no type the generator can send; `None` when it has
/// one (or no content at all).
fn unsupported_content(body: &RequestBody, pointer: &Pointer) -> Option<Error> {
    if body.content.is_empty() || pick_content(&body.content).is_some() {
        return None;
    }
    let listed: Vec<&str> = body.content.keys().map(String::as_str).collect();
    Some(Error::unsupported(
        &pointer.push("content"),
        format!(
            "no supported request content type among {listed:?} (supported: JSON, x-www-form-urlencoded, multipart/form-data, octet-stream, text/*)"
        ),
    ))
}

/// Why an operation cannot be sent, checked before anything of it is planned: its request
/// body (itself or the component it refers to) has content in no type the generator sends.
fn unsendable_body(
    document: &OpenAPI,
    operation: &OpenApiOperation,
    pointer: &Pointer,
) -> Option<Error> {
    let pointer = pointer.push("requestBody");
    let body = match operation.request_body.as_ref()? {
        ReferenceOr::Item(body) => body,
        ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix(RequestBody::PREFIX)?;
            RequestBody::find(document.components.as_ref()?, name)?.as_item()?
        }
    };
    unsupported_content(body, &pointer)
}

/// JSON when offered, else a URL-encoded form, else a multipart form, else raw bytes for
/// `application/octet-stream` or `text/*`.
fn pick_content(
    content: &indexmap::IndexMap<String, openapiv3::MediaType>,
) -> Option<(&str, &openapiv3::MediaType)> {
    content
        .iter()
        .find(|(content_type, _)| is_json(content_type))
        .or_else(|| {
            content
                .iter()
                .find(|(content_type, _)| is_form(content_type))
        })
        .or_else(|| {
            content
                .iter()
                .find(|(content_type, _)| is_multipart(content_type))
        })
        .or_else(|| {
            content.iter().find(|(content_type, _)| {
                content_type.starts_with("application/octet-stream")
                    || content_type.starts_with("text/")
            })
        })
        .map(|(content_type, media)| (content_type.as_str(), media))
}

fn query_encodable(space: &TypeSpace, expr: &TypeExpr) -> bool {
    match space.unalias(expr) {
        TypeExpr::List(inner) | TypeExpr::Optional(inner) => {
            !matches!(**inner, TypeExpr::List(_)) && query_encodable(space, inner)
        }
        TypeExpr::DateTime | TypeExpr::Json => true,
        other => space.is_scalar(other),
    }
}
