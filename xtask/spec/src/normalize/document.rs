//! The whole OpenAPI document: info, servers, security, tags, paths, components.

use instantly_codegen::extensions::{Extension, PageUrl, Source};
use serde_json::{Map, Value, json};

use super::component_names::component_name;
use super::enums::complete_enums;
use super::facts::{Facts, parse_facts};
use super::hoist::{Hoisting, hoist_shapes};
use super::operations::build_operations;
use super::overrides::{Overrides, parse_overrides};
use super::recover_across::{Pending, recover_across};
use super::schema::entity_schema_deferring;
use crate::diagnostics::{Diagnostic, Warnings};
use crate::page::{Page, read_page};

/// A normalized document and what the run found on the way.
pub struct Normalized {
    pub document: Value,
    pub warnings: Warnings,
    pub hoisting: Hoisting,
}

/// Reads the page, the reference's operation facts and the overrides and builds the document.
pub fn normalize(
    page_text: &str,
    facts_text: &str,
    overrides_text: &str,
) -> Result<Normalized, Diagnostic> {
    normalize_page(page_text, &SideInputs::parse(facts_text, overrides_text)?)
}

/// What the normalizer reads beside the page: the reference's operation facts
/// (`spec/operations.yaml`) and the hand-kept overrides (`spec/overrides.yaml`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideInputs {
    pub facts: Facts,
    pub overrides: Overrides,
}

impl SideInputs {
    pub fn parse(facts_text: &str, overrides_text: &str) -> Result<Self, Diagnostic> {
        Ok(SideInputs {
            facts: parse_facts(facts_text)?,
            overrides: parse_overrides(overrides_text)?,
        })
    }
}

/// Builds the document from the page text and the already parsed side inputs.
pub fn normalize_page(page_text: &str, side: &SideInputs) -> Result<Normalized, Diagnostic> {
    let SideInputs { facts, overrides } = side;
    let page = read_page(page_text)?;
    let mut warnings = Warnings::default();
    let (mut schemas, unexpanded) = entity_schemas(&page, &mut warnings);
    complete_enums(&mut schemas, facts, &mut warnings);
    let mut components = Map::new();
    components.insert("schemas".into(), Value::Object(schemas));
    let operations = build_operations(&page, facts, overrides, &mut components, &mut warnings)?;
    if let Some(Value::Object(schemas)) = components.get_mut("schemas") {
        recover_across(schemas, unexpanded, &mut warnings);
    }
    let mut document = Map::new();
    document.insert("openapi".into(), "3.0.3".into());
    document.insert("info".into(), info(&page));
    document.insert("servers".into(), servers(&page));
    document.insert("security".into(), json!([{"bearerAuth": []}]));
    document.insert("tags".into(), operations.tags.into());
    document.insert("paths".into(), operations.paths.into());
    document.insert("components".into(), components.into());
    let mut document = Value::Object(document);
    let hoisting = hoist_shapes(&mut document, &overrides.types, &mut warnings);
    Ok(Normalized {
        document,
        warnings,
        hoisting,
    })
}

/// The entity schemas, and their collapsed sub-objects no example shows.
fn entity_schemas(page: &Page, warnings: &mut Warnings) -> (Map<String, Value>, Vec<Pending>) {
    let mut schemas = Map::new();
    let mut unexpanded = Vec::new();
    for block in &page.schemas {
        let name = component_name(&block.title);
        if schemas.contains_key(&name) {
            warnings.page(block.line, format!("schema `{}` has the same component name `{name}` as an earlier schema; the later one wins", block.title));
        }
        let (schema, collapsed) = entity_schema_deferring(block, warnings);
        unexpanded.extend(collapsed.into_iter().map(|collapsed| Pending {
            entity: name.clone(),
            collapsed,
        }));
        schemas.insert(name, schema);
    }
    (schemas, unexpanded)
}

fn info(page: &Page) -> Value {
    let mut info = Map::new();
    info.insert("title".into(), "Instantly API".into());
    info.insert("version".into(), page.version.clone().into());
    if !page.introduction.is_empty() {
        info.insert("description".into(), page.introduction.clone().into());
    }
    Source::Page.write(&mut info);
    info.into()
}

/// The page's servers. Paths on the page already start with `/api/v2`, so a server URL that
/// ends with it (the mock server) is cut back to keep URL + path right; the page's URL is kept
/// in `x-page-url`.
fn servers(page: &Page) -> Value {
    page.servers
        .iter()
        .map(|server| {
            let trimmed = server.url.trim_end_matches('/');
            let url = trimmed.strip_suffix("/api/v2").unwrap_or(trimmed);
            let mut entry = Map::new();
            entry.insert("url".into(), url.into());
            entry.insert("description".into(), server.description.clone().into());
            if url != server.url {
                PageUrl(server.url.clone()).write(&mut entry);
            }
            Value::Object(entry)
        })
        .collect::<Vec<_>>()
        .into()
}
