//! The operations of the document: tags, paths, operationIds, and the parameters, request and
//! response shapes filled from the reference's facts (`spec/operations.yaml`), the API's
//! conventions where the facts say nothing, and `spec/overrides.yaml` on top.
//!
//! The page lists each operation's method and path under one or more tags, nothing more.
//! Everything else is marked with where it came from (`x-source: page | reference |
//! convention | override`); an operation nobody documented keeps free-form shapes and
//! `x-shapes: unknown`.

mod conventions;
mod operation_id;
mod path;
mod reference;
mod shapes;

use std::collections::{HashMap, HashSet};

use instantly_codegen::extensions::{self as ext, CursorIn, Extension, Pagination, Source};
use serde_json::{Map, Value, json};

use self::conventions::{Convention, collection_of, convention};
use self::operation_id::{is_snake_case, pascal_case, rule_operation_id, summary_from};
use self::path::segments;
use self::reference::{is_empty_schema, only_null, tidy, with_object_type};
use self::shapes::{ShapeError, Shapes, ref_name, strip_read_only, without_required};
use super::component_names::component_name;
use super::facts::{Facts, OperationFacts, Parameter};
use super::integers;
use super::overrides::{OperationOverride, Overrides};
use crate::diagnostics::{Diagnostic, FACTS_FILE, OVERRIDES_FILE, PAGE_FILE, Warnings};
use crate::page::Page;

/// The `tags` and `paths` of the document.
pub struct Operations {
    pub tags: Vec<Value>,
    pub paths: Map<String, Value>,
}

/// Builds the operations and adds the schemas, responses and security scheme they use to
/// `components` (whose `schemas` already hold the entity schemas).
pub fn build_operations(
    page: &Page,
    facts: &Facts,
    overrides: &Overrides,
    components: &mut Map<String, Value>,
    warnings: &mut Warnings,
) -> Result<Operations, Diagnostic> {
    let listed = collect_operations(page, warnings);
    let schemas = components.entry("schemas").or_insert_with(|| json!({}));
    if !schemas.is_object() {
        *schemas = json!({});
    }
    let paths = match schemas.as_object_mut() {
        Some(schemas) => build_paths(listed, facts, overrides, schemas, warnings)?,
        None => Map::new(),
    };
    components.insert("responses".into(), conventions::error_responses().into());
    components.insert("securitySchemes".into(), conventions::security_schemes());
    Ok(Operations {
        tags: tag_objects(page),
        paths,
    })
}

/// One distinct operation of the page (`METHOD path`), with every tag that lists it.
#[derive(Debug, Clone)]
struct Listed {
    method: String,
    path: String,
    /// The page line of the first listing.
    line: usize,
    tags: Vec<String>,
    /// The entity schema of the operation: its first tag that names one.
    entity: Option<String>,
}

fn tag_objects(page: &Page) -> Vec<Value> {
    page.tags
        .iter()
        .map(|tag| {
            let mut object = Map::new();
            object.insert("name".into(), tag.name.clone().into());
            if !tag.description.is_empty() {
                object.insert("description".into(), tag.description.clone().into());
            }
            Value::Object(object)
        })
        .collect()
}

/// The distinct operations in page order; a listing under a second tag adds that tag.
fn collect_operations(page: &Page, warnings: &mut Warnings) -> Vec<Listed> {
    let mut listed: Vec<Listed> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    for tag in &page.tags {
        for listing in &tag.operations {
            let method = listing.method.to_ascii_uppercase();
            if !["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
                .contains(&method.as_str())
            {
                warnings.page(
                    listing.line,
                    format!(
                        "cannot place `{} {}`: unknown method",
                        listing.method, listing.path
                    ),
                );
                continue;
            }
            if let Err(reason) = segments(&listing.path) {
                warnings.page(
                    listing.line,
                    format!("cannot place `{method} {}`: {reason}", listing.path),
                );
                continue;
            }
            let key = (method.clone(), listing.path.clone());
            match index.get(&key).and_then(|&i| listed.get_mut(i)) {
                Some(op) if op.tags.contains(&tag.name) => {
                    warnings.page(
                        listing.line,
                        format!(
                            "`{method} {}` is listed twice under `{}`",
                            listing.path, tag.name
                        ),
                    );
                }
                Some(op) => op.tags.push(tag.name.clone()),
                None => {
                    index.insert(key, listed.len());
                    listed.push(Listed {
                        method,
                        path: listing.path.clone(),
                        line: listing.line,
                        tags: vec![tag.name.clone()],
                        entity: None,
                    });
                }
            }
        }
    }
    listed
}

fn build_paths(
    mut listed: Vec<Listed>,
    facts: &Facts,
    overrides: &Overrides,
    schemas: &mut Map<String, Value>,
    warnings: &mut Warnings,
) -> Result<Map<String, Value>, Diagnostic> {
    let mut shapes = Shapes::new(schemas);
    for op in &mut listed {
        op.entity = op
            .tags
            .iter()
            .map(|tag| component_name(tag))
            .find(|name| shapes.is_entity(name));
    }
    let matched = match_overrides(&listed, overrides)?;
    warn_unlisted_facts(&listed, facts, warnings);
    apply_schema_overrides(overrides, &mut shapes)?;
    let ids = operation_ids(&listed, &matched, warnings)?;
    let collections: HashSet<(&str, Option<&str>)> = listed
        .iter()
        .map(|op| (op.path.as_str(), op.entity.as_deref()))
        .collect();

    let mut paths = Map::new();
    for ((op, id), over) in listed.iter().zip(&ids).zip(&matched) {
        let convention = op_convention(op, &collections);
        let context = Context {
            op,
            id,
            facts: facts.operation(&op.method, &op.path),
            over: *over,
            convention,
            overrides,
        };
        let operation = context.build(&mut shapes, warnings)?;
        let item = paths.entry(op.path.clone()).or_insert_with(|| json!({}));
        if let Some(item) = item.as_object_mut() {
            item.insert(op.method.to_ascii_lowercase(), operation);
        }
    }
    Ok(paths)
}

fn op_convention(op: &Listed, collections: &HashSet<(&str, Option<&str>)>) -> Option<Convention> {
    op.entity.as_ref()?;
    let segments = segments(&op.path).ok()?;
    let listed =
        collection_of(&op.path).is_some_and(|c| collections.contains(&(c, op.entity.as_deref())));
    convention(&op.method, &segments, listed)
}

/// The override of each listed operation; an override naming no listed operation is an error.
fn match_overrides<'o>(
    listed: &[Listed],
    overrides: &'o Overrides,
) -> Result<Vec<Option<&'o OperationOverride>>, Diagnostic> {
    let mut matched = vec![None; listed.len()];
    for over in &overrides.operations {
        let index = listed
            .iter()
            .position(|op| op.method == over.method && op.path == over.path);
        let Some(index) = index else {
            let message = format!(
                "the page lists no operation `{} {}`",
                over.method, over.path
            );
            return Err(Diagnostic::new(OVERRIDES_FILE, Some(over.line), message));
        };
        matched[index] = Some(over);
    }
    Ok(matched)
}

/// Facts about an operation the page does not list cannot be placed: a warning at their line
/// (the facts may be newer than the page; the page decides what exists).
fn warn_unlisted_facts(listed: &[Listed], facts: &Facts, warnings: &mut Warnings) {
    for fact in &facts.operations {
        if !listed
            .iter()
            .any(|op| op.method == fact.method && op.path == fact.path)
        {
            let message = format!(
                "the page lists no operation `{} {}`; its facts are not used",
                fact.method, fact.path
            );
            warnings.facts(Some(fact.line), message);
        }
    }
}

/// Corrections to entity schemas, the shared error body, then the schemas the overrides define.
fn apply_schema_overrides(
    overrides: &Overrides,
    shapes: &mut Shapes<'_>,
) -> Result<(), Diagnostic> {
    let located = |line: usize, err: ShapeError| {
        Diagnostic::new(
            OVERRIDES_FILE,
            Some(overrides.line_of(line, &err.needle)),
            err.message,
        )
    };
    for correction in &overrides.corrections {
        shapes
            .correct(
                &correction.name,
                &correction.properties,
                correction.required.clone(),
            )
            .map_err(|err| located(correction.line, err))?;
    }
    shapes
        .add_named(conventions::ERROR_SCHEMA, conventions::error_schema())
        .map_err(|err| {
            Diagnostic::new(
                PAGE_FILE,
                None,
                format!("{} (the shared error body needs the name)", err.message),
            )
        })?;
    for named in &overrides.schemas {
        let mut schema = shapes
            .resolve(&named.schema)
            .map_err(|err| located(named.line, err))?;
        Source::Override.write(&mut schema);
        shapes
            .add_named(&named.name, schema)
            .map_err(|err| located(named.line, err))?;
    }
    Ok(())
}

/// Every operation's id: its override, else the rule's; a collision keeps the first in page
/// order and numbers the others (with a warning), since a stable name matters more than a nice one.
fn operation_ids(
    listed: &[Listed],
    matched: &[Option<&OperationOverride>],
    warnings: &mut Warnings,
) -> Result<Vec<String>, Diagnostic> {
    let mut taken: HashMap<&str, &OperationOverride> = HashMap::new();
    for over in matched.iter().flatten() {
        let Some(id) = over.operation_id.as_deref() else {
            continue;
        };
        let error = |message: String| Diagnostic::new(OVERRIDES_FILE, Some(over.line), message);
        if !is_snake_case(id) {
            return Err(error(format!("operation_id `{id}` is not snake_case")));
        }
        if let Some(other) = taken.insert(id, over) {
            return Err(error(format!(
                "operation_id `{id}` is also given at line {}",
                other.line
            )));
        }
    }
    let mut ids: Vec<String> = Vec::with_capacity(listed.len());
    let mut used: HashSet<String> = taken.keys().map(|id| id.to_string()).collect();
    for (op, over) in listed.iter().zip(matched) {
        if let Some(id) = over.and_then(|o| o.operation_id.clone()) {
            ids.push(id);
            continue;
        }
        let rule = segments(&op.path)
            .map(|s| rule_operation_id(&op.method, &s))
            .unwrap_or_default();
        let mut id = rule.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{rule}_{n}");
            n += 1;
        }
        if id != rule {
            warnings.page(op.line, format!("operationId `{rule}` of `{} {}` is taken; using `{id}` (add an operation_id override)", op.method, op.path));
        }
        used.insert(id.clone());
        ids.push(id);
    }
    Ok(ids)
}

/// A request body or success response schema, or the lack of one.
enum Shape {
    Known(Value, Source),
    /// 204: nothing.
    Empty(Source),
    Unknown,
}

struct Context<'a> {
    op: &'a Listed,
    id: &'a str,
    facts: Option<&'a OperationFacts>,
    over: Option<&'a OperationOverride>,
    convention: Option<Convention>,
    overrides: &'a Overrides,
}

impl Context<'_> {
    fn build(&self, shapes: &mut Shapes<'_>, warnings: &mut Warnings) -> Result<Value, Diagnostic> {
        let parameters = self.parameters(shapes, warnings)?;
        let body = self.body(shapes)?;
        let response = self.response(shapes)?;
        let mut operation = Map::new();
        operation.insert("tags".into(), self.op.tags.clone().into());
        let summary = self
            .over
            .and_then(|o| o.summary.clone())
            .or_else(|| self.facts.and_then(|f| f.summary.clone()))
            .unwrap_or_else(|| summary_from(self.id));
        operation.insert("summary".into(), summary.into());
        if let Some(description) = self.facts.and_then(|f| f.description.clone()) {
            operation.insert("description".into(), description.into());
        }
        operation.insert("operationId".into(), self.id.into());
        self.source().write(&mut operation);
        let body_unknown = matches!(body, Some(Shape::Unknown) | None);
        if body_unknown && matches!(response, Shape::Unknown) {
            ext::Shapes::Unknown.write(&mut operation);
        }
        let takes_input = !parameters.is_empty() || body.is_some();
        if !parameters.is_empty() {
            operation.insert("parameters".into(), parameters.clone().into());
        }
        if let Some(body) = &body {
            operation.insert("requestBody".into(), request_body(body, shapes));
        }
        operation.insert(
            "responses".into(),
            self.responses(&response, takes_input, shapes),
        );
        if let Some(pagination) =
            self.pagination(&parameters, body.as_ref(), &response, shapes, warnings)
        {
            pagination.write(&mut operation);
        }
        Ok(Value::Object(operation))
    }

    /// The operation's overall source: the most hand-made fact that shaped it.
    fn source(&self) -> Source {
        if self.over.is_some_and(OperationOverride::has_shapes) {
            Source::Override
        } else if self.facts.is_some() {
            Source::Reference
        } else if self.convention.is_some() {
            Source::Convention
        } else {
            Source::Page
        }
    }

    /// A shape problem, at its override line; without an override the page caused it (a page
    /// schema whose name a derived schema needs), so it points at the listing.
    fn error(&self, err: ShapeError) -> Diagnostic {
        let message = format!("{} {}: {}", self.op.method, self.op.path, err.message);
        match self.over {
            Some(over) => {
                let line = self.overrides.line_of(over.line, &err.needle);
                Diagnostic::new(OVERRIDES_FILE, Some(line), message)
            }
            None => Diagnostic::new(PAGE_FILE, Some(self.op.line), message),
        }
    }

    /// A problem in the reference's facts, at the operation's line there.
    fn facts_error(&self, facts: &OperationFacts, err: ShapeError) -> Diagnostic {
        let message = format!("{} {}: {}", self.op.method, self.op.path, err.message);
        Diagnostic::new(FACTS_FILE, Some(facts.line), message)
    }

    /// A schema of the reference: tidied, shorthands resolved, counters made integers.
    fn reference_schema(
        &self,
        facts: &OperationFacts,
        fragment: &Value,
        leaf: Option<&str>,
        shapes: &mut Shapes<'_>,
    ) -> Result<Value, Diagnostic> {
        let mut schema = shapes
            .resolve(&tidy(fragment.clone()))
            .map_err(|err| self.facts_error(facts, err))?;
        integers::apply(&mut schema, leaf);
        Ok(schema)
    }

    /// Path parameters (named by the page's path, described by the facts), then query and
    /// header parameters: the facts' (else the convention's), replaced or extended by the
    /// override's.
    fn parameters(
        &self,
        shapes: &mut Shapes<'_>,
        warnings: &mut Warnings,
    ) -> Result<Vec<Value>, Diagnostic> {
        let in_path = segments(&self.op.path)
            .map(|s| path::params(&s))
            .unwrap_or_default();
        let documented = self.facts.map_or(&[][..], |f| f.parameters.as_slice());
        let mut parameters = Vec::with_capacity(in_path.len());
        for name in &in_path {
            let fact = documented
                .iter()
                .find(|p| p.location == "path" && p.name == *name);
            parameters.push(match (self.facts, fact) {
                (Some(facts), Some(fact)) => self.reference_parameter(facts, fact, shapes)?,
                _ => path_parameter(name),
            });
        }
        let mut query: Vec<(String, Value)> = Vec::new();
        if let Some(facts) = self.facts {
            for fact in &facts.parameters {
                if fact.location != "path" {
                    let parameter = self.reference_parameter(facts, fact, shapes)?;
                    query.push((fact.name.clone(), parameter));
                } else if !in_path.contains(&fact.name.as_str()) {
                    let message = format!(
                        "{} {}: path parameter `{}` is not in the path; ignored",
                        self.op.method, self.op.path, fact.name
                    );
                    warnings.facts(Some(facts.line), message);
                }
            }
        } else if self.convention == Some(Convention::List) {
            for (name, schema) in conventions::list_query_params() {
                query.push((
                    name.clone(),
                    query_parameter(&name, schema, Source::Convention),
                ));
            }
        }
        for (name, fragment) in self
            .over
            .and_then(|o| o.query.as_ref())
            .into_iter()
            .flatten()
        {
            let schema = shapes.resolve(fragment).map_err(|e| self.error(e))?;
            let parameter = query_parameter(name, schema, Source::Override);
            match query.iter_mut().find(|(existing, _)| existing == name) {
                Some(slot) => slot.1 = parameter,
                None => query.push((name.clone(), parameter)),
            }
        }
        parameters.extend(query.into_iter().map(|(_, parameter)| parameter));
        Ok(parameters)
    }

    fn reference_parameter(
        &self,
        facts: &OperationFacts,
        fact: &Parameter,
        shapes: &mut Shapes<'_>,
    ) -> Result<Value, Diagnostic> {
        let schema = self.reference_schema(facts, &fact.schema, Some(&fact.name), shapes)?;
        let mut parameter = Map::new();
        parameter.insert("name".into(), fact.name.clone().into());
        parameter.insert("in".into(), fact.location.clone().into());
        if let Some(description) = &fact.description {
            parameter.insert("description".into(), description.clone().into());
        }
        if fact.required || fact.location == "path" {
            parameter.insert("required".into(), true.into());
        }
        parameter.insert("schema".into(), schema);
        Source::Reference.write(&mut parameter);
        Ok(Value::Object(parameter))
    }

    /// The request body: the override's, else the convention's, else free-form for methods
    /// that send one (unless an override described the operation without a body).
    fn body(&self, shapes: &mut Shapes<'_>) -> Result<Option<Shape>, Diagnostic> {
        let name = format!("{}Request", pascal_case(self.id));
        if let Some(fragment) = self.over.and_then(|o| o.body.as_ref()) {
            let schema = shapes.resolve(fragment).map_err(|e| self.error(e))?;
            let schema = name_if_object(shapes, &name, schema, Source::Override)
                .map_err(|e| self.error(e))?;
            return Ok(Some(Shape::Known(schema, Source::Override)));
        }
        if let Some(facts) = self.facts {
            let Some(body) = &facts.body else {
                return Ok(None);
            };
            if body.content_type != "application/json" {
                let message = format!(
                    "{} {}: request body of type `{}`; only application/json is placed",
                    self.op.method, self.op.path, body.content_type
                );
                return Err(Diagnostic::new(FACTS_FILE, Some(facts.line), message));
            }
            // The reference gives some DELETEs a body that can only be `null`: no body.
            if only_null(&body.schema) {
                return Ok(None);
            }
            let mut schema = with_object_type(body.schema.clone());
            strip_read_only(&mut schema);
            let schema = self.reference_schema(facts, &schema, None, shapes)?;
            let schema = name_if_object(shapes, &name, schema, Source::Reference)
                .map_err(|e| self.facts_error(facts, e))?;
            return Ok(Some(Shape::Known(schema, Source::Reference)));
        }
        let entity = self.op.entity.as_deref();
        let derived = match (self.convention, entity) {
            (Some(Convention::Create), Some(entity)) => Some(shapes.writable(entity)),
            (Some(Convention::Update), Some(entity)) => {
                Some(shapes.writable(entity).map(without_required))
            }
            _ => None,
        };
        if let Some(schema) = derived {
            let schema = schema
                .and_then(|s| shapes.add_named(&name, s))
                .map_err(|e| self.error(e))?;
            return Ok(Some(Shape::Known(schema, Source::Convention)));
        }
        // An override that gives shapes describes the whole request: no `body`, no body.
        let described = self.over.is_some_and(OperationOverride::has_shapes);
        let sends_body = ["POST", "PUT", "PATCH"].contains(&self.op.method.as_str());
        Ok((sends_body && !described).then_some(Shape::Unknown))
    }

    fn response(&self, shapes: &mut Shapes<'_>) -> Result<Shape, Diagnostic> {
        if let Some(fragment) = self.over.and_then(|o| o.response.as_ref()) {
            let schema = shapes.resolve(fragment).map_err(|e| self.error(e))?;
            let name = format!("{}Response", pascal_case(self.id));
            let schema = name_if_object(shapes, &name, schema, Source::Override)
                .map_err(|e| self.error(e))?;
            return Ok(Shape::Known(schema, Source::Override));
        }
        if self.over.and_then(|o| o.status) == Some(204) {
            return Ok(Shape::Empty(Source::Override));
        }
        if let Some(facts) = self.facts {
            let schema = facts
                .response
                .schema
                .as_ref()
                .filter(|s| !is_empty_schema(s));
            let Some(schema) = schema.filter(|_| facts.response.status != 204) else {
                return Ok(Shape::Empty(Source::Reference));
            };
            let schema =
                self.reference_schema(facts, &with_object_type(schema.clone()), None, shapes)?;
            let name = format!("{}Response", pascal_case(self.id));
            let schema = name_if_object(shapes, &name, schema, Source::Reference)
                .map_err(|e| self.facts_error(facts, e))?;
            return Ok(Shape::Known(schema, Source::Reference));
        }
        let Some(entity) = self.op.entity.as_deref() else {
            return Ok(Shape::Unknown);
        };
        Ok(match self.convention {
            Some(Convention::List) => Shape::Known(
                shapes.page_of(entity).map_err(|e| self.error(e))?,
                Source::Convention,
            ),
            Some(_) => Shape::Known(
                json!({"$ref": conventions::schema_ref(entity)}),
                Source::Convention,
            ),
            None => Shape::Unknown,
        })
    }

    fn responses(&self, response: &Shape, takes_input: bool, shapes: &Shapes<'_>) -> Value {
        let status = self
            .over
            .and_then(|o| o.status)
            .or_else(|| self.facts.map(|f| f.response.status))
            .unwrap_or(200);
        let mut responses = Map::new();
        let mut success = success_response(response, shapes);
        if let Some(description) = self.facts.and_then(|f| f.response.description.as_deref())
            && description != "Default Response"
        {
            success["description"] = description.into();
        }
        responses.insert(status.to_string(), success);
        let errors = match self.facts {
            Some(facts) if !facts.error_statuses.is_empty() => {
                conventions::listed_error_responses(&facts.error_statuses)
            }
            _ => conventions::operation_error_responses(takes_input),
        };
        responses.extend(errors);
        Value::Object(responses)
    }

    /// `x-pagination` when the response is a page envelope: the cursor is the `starting_after`
    /// query parameter, or the body's `starting_after` field.
    fn pagination(
        &self,
        parameters: &[Value],
        body: Option<&Shape>,
        response: &Shape,
        shapes: &Shapes<'_>,
        warnings: &mut Warnings,
    ) -> Option<Pagination> {
        let Shape::Known(schema, _) = response else {
            return None;
        };
        if !shapes.is_page_ref(schema) {
            return None;
        }
        let in_query = parameters
            .iter()
            .any(|p| p["in"] == "query" && p["name"] == "starting_after");
        let in_body = match body {
            Some(Shape::Known(schema, _)) => has_property(schema, "starting_after", shapes),
            _ => false,
        };
        match (in_query, in_body) {
            (true, _) => Some(conventions::pagination(CursorIn::Query)),
            (false, true) => Some(conventions::pagination(CursorIn::Body)),
            (false, false) => {
                let line = self.over.map(|o| o.line);
                let message = format!(
                    "{} {}: a page response without a `starting_after` cursor",
                    self.op.method, self.op.path
                );
                warnings.overrides(line, message);
                None
            }
        }
    }
}

fn path_parameter(name: &str) -> Value {
    let parameter = json!({
        "name": name,
        "in": "path",
        "required": true,
        "schema": conventions::path_param_schema(name)
    });
    with_source(parameter, Source::Page)
}

/// A query parameter; `required: true` and `description` in the schema fragment belong to the
/// parameter.
fn query_parameter(name: &str, mut schema: Value, source: Source) -> Value {
    let mut parameter = Map::new();
    parameter.insert("name".into(), name.into());
    parameter.insert("in".into(), "query".into());
    if let Some(map) = schema.as_object_mut() {
        if let Some(description) = map.shift_remove("description") {
            parameter.insert("description".into(), description);
        }
        if map.get("required").and_then(Value::as_bool) == Some(true) {
            parameter.insert("required".into(), true.into());
        }
        if map.get("required").is_some_and(Value::is_boolean) {
            map.shift_remove("required");
        }
    }
    parameter.insert("schema".into(), schema);
    source.write(&mut parameter);
    Value::Object(parameter)
}

/// Object schemas with properties become named components (so generated types get the
/// operation's name); anything else stays inline.
fn name_if_object(
    shapes: &mut Shapes<'_>,
    name: &str,
    mut schema: Value,
    source: Source,
) -> Result<Value, ShapeError> {
    if schema.get("properties").is_none() {
        return Ok(schema);
    }
    source.write(&mut schema);
    shapes.add_named(name, schema)
}

/// Whether a schema (following one `$ref`) has a property.
fn has_property(schema: &Value, property: &str, shapes: &Shapes<'_>) -> bool {
    let target = ref_name(schema)
        .and_then(|name| shapes.schema(name))
        .unwrap_or(schema);
    target
        .get("properties")
        .and_then(|p| p.get(property))
        .is_some()
}

fn has_required(schema: &Value, shapes: &Shapes<'_>) -> bool {
    let target = ref_name(schema)
        .and_then(|name| shapes.schema(name))
        .unwrap_or(schema);
    target
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|r| !r.is_empty())
}

fn json_content(schema: &Value) -> Value {
    json!({"application/json": {"schema": schema}})
}

fn request_body(body: &Shape, shapes: &Shapes<'_>) -> Value {
    match body {
        Shape::Known(schema, source) => with_source(
            json!({
                "required": has_required(schema, shapes),
                "content": json_content(schema)
            }),
            *source,
        ),
        Shape::Empty(source) => with_source(json!({"required": false, "content": {}}), *source),
        Shape::Unknown => unknown_shapes(json!({
            "required": false,
            "content": json_content(&conventions::free_form_body_schema())
        })),
    }
}

fn success_response(response: &Shape, shapes: &Shapes<'_>) -> Value {
    match response {
        Shape::Known(schema, source) => with_source(
            json!({
                "description": describe(schema, shapes),
                "content": json_content(schema)
            }),
            *source,
        ),
        Shape::Empty(source) => with_source(json!({"description": "Done; no content."}), *source),
        Shape::Unknown => unknown_shapes(json!({
            "description": "Success; the page does not document the body.",
            "content": json_content(&conventions::free_form_schema())
        })),
    }
}

/// A request body or response object with its `x-source`.
fn with_source(mut object: Value, source: Source) -> Value {
    source.write(&mut object);
    object
}

/// A free-form request body or response: from the page, shapes unknown.
fn unknown_shapes(object: Value) -> Value {
    let mut object = with_source(object, Source::Page);
    ext::Shapes::Unknown.write(&mut object);
    object
}

/// A response description from its schema: `The Campaign.`, `A page of Lead items.`
fn describe(schema: &Value, shapes: &Shapes<'_>) -> String {
    match ref_name(schema) {
        Some(name) if shapes.is_entity(name) => format!("The {}.", shapes.title_of(name)),
        Some(name) if shapes.is_page_ref(schema) => {
            let entity = name.strip_suffix("Page").unwrap_or(name);
            format!("A page of {} items.", shapes.title_of(entity))
        }
        _ => "Success.".to_string(),
    }
}

#[cfg(test)]
mod tests;
