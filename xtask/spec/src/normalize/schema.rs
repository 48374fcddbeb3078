//! Entity schemas: a schema block's properties → one OpenAPI schema.
//!
//! Dotted property paths (`campaign_schedule.schedules[].timing.from`) become nested object and
//! array schemas, each with its own `required` list. Every fact of a property lands in its schema;
//! the key order of each schema is fixed, so a change on the page changes only its own lines.

use std::collections::HashMap;

use indexmap::IndexMap;
use instantly_codegen::extensions::{
    Collapsed, CollapsedCount, EnumDescriptions, EnumFromExamples, EnumTruncated, EnumUnplaced,
    ExampleRepaired, Extension, PageType, Source,
};
use serde_json::{Map, Value, json};

use super::integers;
use super::key_order::move_example_to_end;
use super::recover::{self, Unexpanded};
use crate::diagnostics::Warnings;
use crate::page::{
    Constraint, EnumLiteral, Enumeration, PathSegment, Property, RangeUnit, SchemaBlock,
    SchemaShape, TypeExpr, display_path,
};

/// The OpenAPI schema of one entity; collapsed sub-objects nothing shows are warned about.
pub fn entity_schema(block: &SchemaBlock, warnings: &mut Warnings) -> Value {
    let (schema, unexpanded) = entity_schema_deferring(block, warnings);
    for collapsed in unexpanded {
        warnings.page(collapsed.line, collapsed.warning);
    }
    schema
}

/// The OpenAPI schema of one entity, and its collapsed sub-objects its examples do not show
/// (another schema may expand them: `recover_across.rs`).
pub fn entity_schema_deferring(
    block: &SchemaBlock,
    warnings: &mut Warnings,
) -> (Value, Vec<Unexpanded>) {
    let mut schema = Map::new();
    schema.insert("title".into(), block.title.clone().into());
    if !block.description.is_empty() {
        schema.insert("description".into(), block.description.clone().into());
    }
    Source::Page.write(&mut schema);
    match &block.shape {
        SchemaShape::Bare { ty, line } => {
            let context = Context {
                line: *line,
                name: &block.title,
            };
            schema.extend(type_schema(ty, None, &context, warnings));
        }
        SchemaShape::Properties(properties) => {
            let tree = PropertyTree::build(properties, warnings);
            schema.insert("type".into(), "object".into());
            schema.extend(object_members(&tree.root, warnings));
        }
    }
    let mut schema = Value::Object(schema);
    let example = block.example.as_ref();
    let unexpanded = recover::recover_collapsed(
        &mut schema,
        example.map(|e| &e.value),
        &property_lines(block),
        warnings,
    );
    if let Some(example) = example {
        let repaired = recover::repair_example(&schema, &example.value, example.line, warnings);
        if let Some(object) = schema.as_object_mut() {
            object.insert("example".into(), repaired.value);
            if !repaired.pointers.is_empty() {
                ExampleRepaired(repaired.pointers).write(object);
            }
        }
    }
    (schema, unexpanded)
}

/// Page line of each property, keyed by its dotted path.
fn property_lines(block: &SchemaBlock) -> HashMap<String, usize> {
    match &block.shape {
        SchemaShape::Properties(properties) => properties
            .iter()
            .map(|property| (display_path(&property.path), property.line))
            .collect(),
        SchemaShape::Bare { .. } => HashMap::new(),
    }
}

/// Properties nested by their dotted paths, in page order.
#[derive(Default)]
struct Node<'a> {
    property: Option<&'a Property>,
    children: IndexMap<String, Node<'a>>,
    items: Option<Box<Node<'a>>>,
}

struct PropertyTree<'a> {
    root: Node<'a>,
}

impl<'a> PropertyTree<'a> {
    fn build(properties: &'a [Property], warnings: &mut Warnings) -> Self {
        let mut root = Node::default();
        for property in properties {
            let mut node = &mut root;
            let last = property.path.len().saturating_sub(1);
            for (depth, segment) in property.path.iter().enumerate() {
                if depth < last && is_undeclared(node, segment) {
                    warnings.page(
                        property.line,
                        format!(
                            "`{}` appears before its parent `{}` is declared; the parent is assumed to be an object",
                            property.name,
                            display_path(&property.path[..=depth])
                        ),
                    );
                }
                node = match segment {
                    PathSegment::Field(name) => node.children.entry(name.clone()).or_default(),
                    PathSegment::Items => node.items.get_or_insert_with(Default::default),
                };
            }
            if node.property.is_some() {
                warnings.page(
                    property.line,
                    format!(
                        "property `{}` is listed twice; the later listing wins",
                        property.name
                    ),
                );
            }
            node.property = Some(property);
        }
        PropertyTree { root }
    }
}

fn is_undeclared(node: &Node<'_>, segment: &PathSegment) -> bool {
    match segment {
        PathSegment::Field(name) => node
            .children
            .get(name)
            .is_none_or(|child| child.property.is_none()),
        // `a[].b` needs `a` (an array), not a declaration of its items.
        PathSegment::Items => false,
    }
}

/// `required` and `properties` of an object node.
fn object_members(node: &Node<'_>, warnings: &mut Warnings) -> Map<String, Value> {
    let mut members = Map::new();
    let required: Vec<Value> = node
        .children
        .iter()
        .filter(|(_, child)| child.property.is_some_and(|property| property.required))
        .map(|(name, _)| Value::String(name.clone()))
        .collect();
    if !required.is_empty() {
        members.insert("required".into(), required.into());
    }
    if !node.children.is_empty() {
        let properties: Map<String, Value> = node
            .children
            .iter()
            .map(|(name, child)| (name.clone(), Value::Object(node_schema(child, warnings))))
            .collect();
        members.insert("properties".into(), properties.into());
    }
    members
}

/// The schema of one property node, with its nested properties.
fn node_schema(node: &Node<'_>, warnings: &mut Warnings) -> Map<String, Value> {
    let mut schema = match node.property {
        Some(property) => property_schema(property, warnings),
        // Implicit parent (warned about when the tree was built).
        None if node.items.is_some() => object_with_type("array"),
        None => object_with_type("object"),
    };
    if !node.children.is_empty() {
        let members = object_members(node, warnings);
        // Nested properties go on the schema itself, or on the object member of a union.
        match object_branch_index(&schema) {
            Some(index) => {
                let branch = schema
                    .get_mut("oneOf")
                    .and_then(|branches| branches.get_mut(index))
                    .and_then(Value::as_object_mut);
                if let Some(branch) = branch {
                    insert_before_example(branch, members);
                }
            }
            None => insert_before_example(&mut schema, members),
        }
    }
    if let Some(items) = &node.items {
        // `a[].b` nests under the items of `a`.
        let item_schema = node_schema(items, warnings);
        if let Value::Object(slot) = schema.entry("items").or_insert_with(|| json!({})) {
            for (key, value) in item_schema {
                slot.entry(key).or_insert(value);
            }
        }
    }
    schema
}

fn object_with_type(ty: &str) -> Map<String, Value> {
    let mut schema = Map::new();
    schema.insert("type".into(), ty.into());
    schema
}

fn object_branch_index(schema: &Map<String, Value>) -> Option<usize> {
    schema
        .get("oneOf")?
        .as_array()?
        .iter()
        .position(|branch| branch.get("type") == Some(&json!("object")))
}

/// Inserts `members` before the schema's `example` so the key order stays type → shape → example.
fn insert_before_example(target: &mut Map<String, Value>, members: Map<String, Value>) {
    target.extend(members);
    move_example_to_end(target);
}

/// Which property a schema describes, for diagnostics.
struct Context<'a> {
    line: usize,
    name: &'a str,
}

/// Everything one property line says.
fn property_schema(property: &Property, warnings: &mut Warnings) -> Map<String, Value> {
    let context = Context {
        line: property.line,
        name: &property.name,
    };
    let numbers_are_integers = integer_rule(property);
    let mut schema = type_schema(
        &property.ty,
        numbers_are_integers.then_some(()),
        &context,
        warnings,
    );
    if let Some(format) = &property.format {
        apply_to_scalar(&mut schema, |scalar| {
            scalar.insert("format".into(), format.clone().into());
        });
    }
    for flag in [
        ("readOnly", property.read_only),
        ("writeOnly", property.write_only),
        ("deprecated", property.deprecated),
    ] {
        if flag.1 {
            schema.insert(flag.0.into(), true.into());
        }
    }
    if let Some(description) = &property.description {
        schema.insert("description".into(), description.clone().into());
    }
    if let Some(enumeration) = &property.enumeration {
        apply_enum(
            &mut schema,
            enumeration,
            property.example.as_ref(),
            &context,
            warnings,
        );
    }
    if let Some(default) = &property.default {
        schema.insert("default".into(), default.clone());
    }
    for constraint in &property.constraints {
        apply_constraint(&mut schema, constraint);
    }
    if let Some(example) = &property.example {
        schema.insert("example".into(), example.clone());
    }
    if let Some(collapsed) = property.collapsed {
        Collapsed(true).write(&mut schema);
        CollapsedCount(collapsed.count as u64).write(&mut schema);
    }
    schema
}

/// The page says `number`; the document's rule ([`integers`]) says which are integers.
fn integer_rule(property: &Property) -> bool {
    let enum_integral = property.enumeration.as_ref().map(|enumeration| {
        enumeration.values.iter().all(|value| match &value.literal {
            EnumLiteral::Json(value) => integers::integral(value),
            EnumLiteral::Raw(text) => text.parse::<i64>().is_ok(),
        })
    });
    let leaf = property
        .path
        .iter()
        .rev()
        .find_map(|segment| match segment {
            PathSegment::Field(name) => Some(name.as_str()),
            PathSegment::Items => None,
        });
    integers::numbers_are_integers(enum_integral, leaf, property.example.as_ref())
}

/// The schema of a type expression. `integers` turns `number` into `integer`.
fn type_schema(
    ty: &TypeExpr,
    integers: Option<()>,
    context: &Context<'_>,
    warnings: &mut Warnings,
) -> Map<String, Value> {
    let mut schema = Map::new();
    match ty {
        TypeExpr::Null => {
            warnings.page(
                context.line,
                format!(
                    "`{}` has type `null` only; it is emitted as a nullable value of any type",
                    context.name
                ),
            );
            schema.insert("nullable".into(), true.into());
        }
        TypeExpr::String => {
            schema.insert("type".into(), "string".into());
        }
        TypeExpr::Number if integers.is_some() => {
            schema.insert("type".into(), "integer".into());
            // Inferred, not scraped: the page says `number`.
            PageType("number".to_owned()).write(&mut schema);
        }
        TypeExpr::Number => {
            schema.insert("type".into(), "number".into());
        }
        TypeExpr::Integer => {
            schema.insert("type".into(), "integer".into());
        }
        TypeExpr::Boolean => {
            schema.insert("type".into(), "boolean".into());
        }
        TypeExpr::Object => {
            schema.insert("type".into(), "object".into());
        }
        TypeExpr::Array(items) => {
            schema.insert("type".into(), "array".into());
            let items = match items {
                Some(items) => Value::Object(type_schema(items, integers, context, warnings)),
                None => json!({}),
            };
            schema.insert("items".into(), items);
        }
        TypeExpr::Union(members) => {
            let nullable = members.contains(&TypeExpr::Null);
            let others: Vec<&TypeExpr> =
                members.iter().filter(|ty| **ty != TypeExpr::Null).collect();
            match others.as_slice() {
                [] => return type_schema(&TypeExpr::Null, integers, context, warnings),
                [single] => schema = type_schema(single, integers, context, warnings),
                several => {
                    let branches: Vec<Value> = several
                        .iter()
                        .map(|ty| Value::Object(type_schema(ty, integers, context, warnings)))
                        .collect();
                    schema.insert("oneOf".into(), branches.into());
                }
            }
            if nullable {
                insert_after_type(&mut schema, "nullable", true.into());
            }
        }
    }
    schema
}

/// Keeps `nullable` right after `type`/`items` for readable YAML.
fn insert_after_type(schema: &mut Map<String, Value>, key: &str, value: Value) {
    let items = schema.shift_remove("items");
    schema.insert(key.into(), value);
    if let Some(items) = items {
        schema.insert("items".into(), items);
    }
}

/// Applies `f` to the scalar the page's format/pattern lines describe: the items of an array,
/// the string member of a union, or the schema itself.
fn apply_to_scalar(schema: &mut Map<String, Value>, f: impl FnOnce(&mut Map<String, Value>)) {
    if schema.get("type") == Some(&json!("array"))
        && let Some(items) = schema.get_mut("items").and_then(Value::as_object_mut)
    {
        return apply_to_scalar(items, f);
    }
    if let Some(branches) = schema.get_mut("oneOf").and_then(Value::as_array_mut) {
        let string_branch = branches
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .find(|branch| branch.get("type") == Some(&json!("string")));
        if let Some(branch) = string_branch {
            return f(branch);
        }
    }
    f(schema)
}

fn apply_constraint(schema: &mut Map<String, Value>, constraint: &Constraint) {
    let ty = schema
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    match constraint {
        Constraint::NonEmpty => {
            let key = match ty.as_str() {
                "array" => "minItems",
                "object" => "minProperties",
                _ => "minLength",
            };
            schema.insert(key.into(), 1.into());
        }
        Constraint::Pattern(pattern) => apply_to_scalar(schema, |scalar| {
            scalar.insert("pattern".into(), pattern.clone().into());
        }),
        Constraint::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
            unit,
        } => {
            let (min_key, max_key) = match unit {
                RangeUnit::Items => ("minItems", "maxItems"),
                RangeUnit::Characters => ("minLength", "maxLength"),
                RangeUnit::Properties => ("minProperties", "maxProperties"),
                RangeUnit::Value => ("minimum", "maximum"),
            };
            if let Some(min) = min {
                schema.insert(min_key.into(), number(*min));
                if *exclusive_min {
                    schema.insert("exclusiveMinimum".into(), true.into());
                }
            }
            if let Some(max) = max {
                schema.insert(max_key.into(), number(*max));
                if *exclusive_max {
                    schema.insert("exclusiveMaximum".into(), true.into());
                }
            }
        }
    }
}

/// Integral numbers print without a fraction (`1440`, not `1440.0`).
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

/// Puts the enum on the schema (or its items, or each union member by the value's type).
fn apply_enum(
    schema: &mut Map<String, Value>,
    enumeration: &Enumeration,
    example: Option<&Value>,
    context: &Context<'_>,
    warnings: &mut Warnings,
) {
    // An enum table under an array type lists the items' values even without `Items`.
    let is_array = schema.get("type") == Some(&json!("array"));
    let target = if enumeration.on_items || is_array {
        match schema.get_mut("items").and_then(Value::as_object_mut) {
            Some(items) => items,
            None => {
                warnings.page(
                    enumeration.line,
                    format!(
                        "`{}` has an items enum but is not an array; the enum applies to the value",
                        context.name
                    ),
                );
                schema
            }
        }
    } else {
        schema
    };
    let has_descriptions = enumeration
        .values
        .iter()
        .any(|value| value.description.is_some());
    let mut unplaced = Vec::new();
    let nullable = target.get("nullable") == Some(&Value::Bool(true));
    for value in &enumeration.values {
        let placed = match target.get_mut("oneOf").and_then(Value::as_array_mut) {
            Some(branches) => branches
                .iter_mut()
                .filter_map(Value::as_object_mut)
                .find_map(|branch| {
                    typed_literal(&value.literal, branch).map(|literal| (branch, literal))
                }),
            None => typed_literal(&value.literal, target).map(|literal| (&mut *target, literal)),
        };
        match placed {
            Some((branch, literal)) => {
                push_enum_value(branch, literal, value.description.clone(), has_descriptions)
            }
            None => unplaced.push(value),
        }
    }
    if nullable && !enum_values(target).contains(&Value::Null) && target.contains_key("enum") {
        // OpenAPI 3.0.3: with `enum`, `nullable` only admits null when null is listed.
        push_enum_value(target, Value::Null, None, has_descriptions);
    }
    if let Some(count) = enumeration.truncated {
        EnumTruncated(count as u64).write(target);
        add_example_values(
            target,
            example,
            is_array || enumeration.on_items,
            has_descriptions,
        );
    }
    for value in unplaced {
        let text = match &value.literal {
            EnumLiteral::Json(json) => json.to_string(),
            EnumLiteral::Raw(raw) => raw.clone(),
        };
        warnings.page(
            value.line,
            format!(
                "enum value `{text}` of `{}` does not fit its type; kept under `{}`",
                context.name,
                EnumUnplaced::KEY
            ),
        );
        append(target, |EnumUnplaced(list)| list.push(text));
    }
}

/// A truncated enum hides values; those the property's example shows are known to be valid, so
/// they join the list (and `x-enum-from-examples` says which ones they are).
fn add_example_values(
    target: &mut Map<String, Value>,
    example: Option<&Value>,
    of_items: bool,
    with_descriptions: bool,
) {
    let shown: Vec<&Value> = match example {
        Some(Value::Array(elements)) if of_items => elements.iter().collect(),
        Some(value) if !of_items => vec![value],
        _ => Vec::new(),
    };
    for value in shown {
        let literal = EnumLiteral::Json(value.clone());
        let Some(typed) = typed_literal(&literal, target) else {
            continue;
        };
        if enum_values(target).contains(&typed) {
            continue;
        }
        push_enum_value(target, typed.clone(), None, with_descriptions);
        append(target, |EnumFromExamples(recovered)| recovered.push(typed));
    }
}

fn enum_values(schema: &Map<String, Value>) -> Vec<Value> {
    schema
        .get("enum")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

fn push_enum_value(
    schema: &mut Map<String, Value>,
    value: Value,
    description: Option<String>,
    with_descriptions: bool,
) {
    if let Some(values) = schema
        .entry("enum")
        .or_insert_with(|| json!([]))
        .as_array_mut()
    {
        values.push(value);
    }
    if with_descriptions {
        append(schema, |EnumDescriptions(descriptions)| {
            descriptions.push(description)
        });
    }
}

/// Appends to a list extension this run builds up one value at a time (so what it reads back
/// is its own, well-formed value); the list goes where the key first appeared.
fn append<E: Extension + Default>(schema: &mut Map<String, Value>, push: impl FnOnce(&mut E)) {
    let mut list = E::read(schema).ok().flatten().unwrap_or_default();
    push(&mut list);
    list.write(schema);
}

/// The enum literal as a value of the schema's type, if it is one.
fn typed_literal(literal: &EnumLiteral, schema: &Map<String, Value>) -> Option<Value> {
    let ty = schema
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let value = match literal {
        EnumLiteral::Json(value) => value.clone(),
        EnumLiteral::Raw(text) => match ty {
            "string" => Value::String(text.clone()),
            "integer" => json!(text.parse::<i64>().ok()?),
            "number" => serde_json::from_str::<serde_json::Number>(text)
                .ok()
                .map(Value::Number)?,
            "boolean" => json!(text.parse::<bool>().ok()?),
            _ => return None,
        },
    };
    let fits = match ty {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        _ => false,
    };
    fits.then_some(value)
}

#[cfg(test)]
mod tests;
