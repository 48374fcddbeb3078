//! Two versions of one schema, compared node by node: properties (nested ones too), array
//! items, `oneOf`/`anyOf`/`allOf` members and map values.

use instantly_codegen::extensions::{EnumDescriptions, EnumTruncated, Extension};
use serde_json::{Map, Value};

use super::comparison::{Comparison, Pointers};
use super::enums::compare_enum;
use super::model::Kind;
use super::references::{component_name, reference, resolve};
use super::shape::{COMPOSITIONS, Shape};
use crate::openapi::VALUE_CONSTRAINTS;

/// Keywords compared on their own; any other keyword that changes is reported as "other".
const COMPARED: [&str; 17] = [
    "$ref",
    "type",
    "format",
    "nullable",
    "readOnly",
    "enum",
    EnumDescriptions::KEY,
    EnumTruncated::KEY,
    "properties",
    "required",
    "items",
    "oneOf",
    "anyOf",
    "allOf",
    "additionalProperties",
    "description",
    "title",
];

/// Where a node sits: its printed place and what its parent says about it.
#[derive(Debug, Clone)]
pub struct Place {
    pub location: String,
    /// Reachable from a request body or a parameter.
    pub in_request: bool,
    /// Listed in its parent's `required` (false for anything but a property).
    pub required: bool,
    /// The node's JSON pointer in each document, for the generated type names there.
    pub pointers: Pointers,
}

impl Place {
    pub fn root(location: impl Into<String>, in_request: bool) -> Place {
        Place {
            location: location.into(),
            in_request,
            required: false,
            pointers: Pointers::default(),
        }
    }

    pub fn at(self, pointers: Pointers) -> Place {
        Place { pointers, ..self }
    }

    fn child(&self, suffix: &str, required: bool, tokens: &[&str]) -> Place {
        Place {
            location: format!("{}{suffix}", self.location),
            in_request: self.in_request,
            required,
            pointers: self.pointers.push(tokens),
        }
    }
}

/// One side of a place: the node as written, and the schema it stands for (the node itself,
/// or the component its `$ref` or `allOf` wrapper names).
struct Side<'a> {
    node: &'a Value,
    reference: Option<&'a str>,
    /// The resolved schema and its pointer; `None` for a reference that leads nowhere.
    target: Option<(String, &'a Value)>,
}

impl<'a> Side<'a> {
    fn of(document: &'a Value, node: &'a Value) -> Side<'a> {
        let reference = reference(node);
        let target = match reference {
            Some(reference) => resolve(document, reference),
            None => Some((String::new(), node)),
        };
        Side {
            node,
            reference,
            target,
        }
    }

    fn schema(&self) -> &'a Value {
        self.target.as_ref().map_or(self.node, |(_, schema)| schema)
    }

    /// What decides the Rust type; a reference that leads nowhere shows as written.
    fn shape(&self) -> Shape {
        Shape::of(self.schema())
    }

    /// A shape as the reader knows it: a reference by its component's name.
    fn display(&self, shape: &Shape) -> String {
        match self.reference.and_then(component_name) {
            Some(name) => Shape::Reference(name.to_owned()).to_string(),
            None => shape.to_string(),
        }
    }

    /// The facts the place holds: its own, else those of the schema `referred` (what it refers
    /// to, when it does).
    fn facts<'f>(&'f self, referred: Option<&'f Value>) -> Facts<'f> {
        let node = self.node;
        let description =
            text(node, "description").or(referred.and_then(|r| text(r, "description")));
        Facts {
            nullable: is_nullable(node) || referred.is_some_and(is_nullable),
            read_only: flag(node, "readOnly") || referred.is_some_and(|r| flag(r, "readOnly")),
            description,
            title: text(node, "title").or(referred.and_then(|r| text(r, "title"))),
        }
    }

    /// The resolved schema, when the node refers to one.
    fn referred(&self) -> Option<&'a Value> {
        self.reference.map(|_| self.schema())
    }
}

struct Facts<'a> {
    nullable: bool,
    read_only: bool,
    description: Option<&'a str>,
    title: Option<&'a str>,
}

/// Compares two schemas at `place`, recording every difference. Where either side refers to a
/// component (and they do not refer to the same one), the schemas referred to are compared:
/// hoisting an inline schema into a component of the same shape changes nothing but names.
pub fn compare_schema(cx: &mut Comparison<'_>, old: &Value, new: &Value, place: &Place) {
    cx.type_names(&place.location, place.in_request, &place.pointers);
    let old_side = Side::of(cx.documents.old, old);
    let new_side = Side::of(cx.documents.new, new);
    if old_side.reference.is_some() && old_side.reference == new_side.reference {
        // Compared once under `components`; here only what the place adds. The new schema
        // stands on both sides, so a change of the component is not repeated at each place.
        let referred = new_side.referred();
        compare_site(
            cx,
            old_side.facts(referred),
            new_side.facts(referred),
            place,
        );
        return;
    }
    let (old_shape, new_shape) = (old_side.shape(), new_side.shape());
    if old_shape != new_shape {
        let kind = Kind::TypeChanged {
            old: old_side.display(&old_shape),
            new: new_side.display(&new_shape),
        };
        cx.change(&place.location, kind, place.in_request);
        return;
    }
    let (old_facts, new_facts) = (
        old_side.facts(old_side.referred()),
        new_side.facts(new_side.referred()),
    );
    compare_site(cx, old_facts, new_facts, place);
    if let Some(content) = content_place(cx, &old_side, &new_side, place) {
        let (old_schema, new_schema) = (old_side.schema(), new_side.schema());
        compare_content(cx, old_schema, new_schema, &content, &new_shape);
    }
}

/// Where the schemas a place refers to are compared: a component that only one document has is
/// reported under its own name (once, however many places it replaces); anything else at the
/// place. `None` when that pair was compared already.
fn content_place(
    cx: &mut Comparison<'_>,
    old: &Side<'_>,
    new: &Side<'_>,
    place: &Place,
) -> Option<Place> {
    if old.reference.is_none() && new.reference.is_none() {
        return Some(place.clone());
    }
    let old_component = old.reference.and_then(component_name);
    let new_component = new.reference.and_then(component_name);
    let only_new = new_component.filter(|name| !has_component(cx.documents.old, name));
    let only_old = old_component.filter(|name| !has_component(cx.documents.new, name));
    if let Some(name) = only_new {
        cx.replacing(name, old_component.unwrap_or(&place.location));
    }
    if let Some(name) = only_old {
        cx.replaced(name, new_component.unwrap_or(&place.location));
    }
    let component = only_new.or(only_old);
    let pointers = Pointers {
        old: side_pointer(old, &place.pointers.old),
        new: side_pointer(new, &place.pointers.new),
    };
    let visit = (pointers.old.as_deref(), pointers.new.as_deref());
    // A place without pointers is not a cycle: only resolved references are.
    if let (Some(old_pointer), Some(new_pointer)) = visit
        && !cx.first_visit(old_pointer, new_pointer)
    {
        return None;
    }
    Some(match component {
        Some(name) => Place::root(name, cx.requests.contains(name)).at(pointers),
        None => Place {
            pointers,
            required: false,
            ..place.clone()
        },
    })
}

/// The pointer of what a side stands for: its target's when it refers to one.
fn side_pointer(side: &Side<'_>, at: &Option<String>) -> Option<String> {
    match (&side.target, side.reference) {
        (Some((pointer, _)), Some(_)) => Some(pointer.clone()),
        _ => at.clone(),
    }
}

fn has_component(document: &Value, name: &str) -> bool {
    document
        .get("components")
        .and_then(|components| components.get("schemas"))
        .and_then(|schemas| schemas.get(name))
        .is_some()
}

/// What belongs to the place rather than to the schema: nullability, read-only, its texts.
fn compare_site(cx: &mut Comparison<'_>, old: Facts<'_>, new: Facts<'_>, place: &Place) {
    if old.nullable != new.nullable {
        let kind = Kind::NullableChanged {
            nullable: new.nullable,
        };
        cx.change(&place.location, kind, place.in_request);
    }
    if old.read_only != new.read_only {
        let kind = Kind::ReadOnlyChanged {
            read_only: new.read_only,
            required: place.required,
        };
        cx.change(&place.location, kind, place.in_request);
    }
    cx.text(&place.location, old.description, new.description);
    let title_location = format!("{} (title)", place.location);
    cx.text(&title_location, old.title, new.title);
}

/// Two schemas of the same shape: everything `compare_site` leaves.
fn compare_content(
    cx: &mut Comparison<'_>,
    old: &Value,
    new: &Value,
    place: &Place,
    shape: &Shape,
) {
    compare_format(cx, old, new, place);
    if matches!(shape, Shape::StringEnum | Shape::IntegerEnum) {
        let integer = *shape == Shape::IntegerEnum;
        compare_enum(cx, old, new, &place.location, place.in_request, integer);
    }
    compare_constraints(cx, old, new, place);
    compare_others(cx, old, new, &place.location);
    compare_properties(cx, old, new, place);
    compare_children(cx, old, new, place);
}

/// `nullable: true`, or `null` among the enum values.
fn is_nullable(schema: &Value) -> bool {
    flag(schema, "nullable")
        || schema
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|values| values.iter().any(Value::is_null))
}

fn flag(schema: &Value, keyword: &str) -> bool {
    schema.get(keyword).and_then(Value::as_bool) == Some(true)
}

/// A format change that changes the Rust type is already a shape change; this records the rest.
fn compare_format(cx: &mut Comparison<'_>, old: &Value, new: &Value, place: &Place) {
    let old_format = text(old, "format");
    let new_format = text(new, "format");
    if old_format != new_format {
        let kind = Kind::FormatChanged {
            old: old_format.map(str::to_owned),
            new: new_format.map(str::to_owned),
        };
        cx.change(&place.location, kind, place.in_request);
    }
}

fn compare_constraints(cx: &mut Comparison<'_>, old: &Value, new: &Value, place: &Place) {
    for keyword in VALUE_CONSTRAINTS {
        let (old_value, new_value) = (old.get(keyword), new.get(keyword));
        if old_value != new_value {
            let kind = Kind::ConstraintChanged {
                keyword: keyword.to_owned(),
                old: old_value.cloned(),
                new: new_value.cloned(),
            };
            cx.change(&place.location, kind, place.in_request);
        }
    }
}

fn text<'a>(schema: &'a Value, keyword: &str) -> Option<&'a str> {
    schema.get(keyword).and_then(Value::as_str)
}

fn compare_others(cx: &mut Comparison<'_>, old: &Value, new: &Value, location: &str) {
    let known: Vec<&str> = COMPARED
        .iter()
        .chain(VALUE_CONSTRAINTS.iter())
        .copied()
        .collect();
    for keyword in changed_keywords(old, new, &known) {
        cx.other(location, &keyword);
    }
}

/// Keywords outside `known` whose values differ between the two objects, old order first.
pub fn changed_keywords(old: &Value, new: &Value, known: &[&str]) -> Vec<String> {
    let empty = Map::new();
    let old = old.as_object().unwrap_or(&empty);
    let new = new.as_object().unwrap_or(&empty);
    let keywords = old
        .keys()
        .chain(new.keys().filter(|key| !old.contains_key(*key)));
    keywords
        .filter(|keyword| !known.contains(&keyword.as_str()))
        .filter(|keyword| old.get(*keyword) != new.get(*keyword))
        .cloned()
        .collect()
}

fn compare_properties(cx: &mut Comparison<'_>, old: &Value, new: &Value, place: &Place) {
    let empty = Map::new();
    let old_properties = properties(old).unwrap_or(&empty);
    let new_properties = properties(new).unwrap_or(&empty);
    for name in old_properties.keys() {
        if !new_properties.contains_key(name) {
            let location = format!("{}.{name}", place.location);
            cx.change(&location, Kind::PropertyRemoved, place.in_request);
        }
    }
    for (name, new_property) in new_properties {
        let child = place.child(
            &format!(".{name}"),
            is_required(new, name),
            &["properties", name],
        );
        let Some(old_property) = old_properties.get(name) else {
            let kind = Kind::PropertyAdded {
                required: child.required,
                read_only: flag(new_property, "readOnly"),
            };
            cx.change(&child.location, kind, child.in_request);
            continue;
        };
        if is_required(old, name) != child.required {
            let kind = Kind::RequiredChanged {
                required: child.required,
            };
            cx.change(&child.location, kind, child.in_request);
        }
        compare_schema(cx, old_property, new_property, &child);
    }
}

fn properties(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("properties").and_then(Value::as_object)
}

fn is_required(schema: &Value, name: &str) -> bool {
    schema
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|required| required.iter().any(|item| item.as_str() == Some(name)))
}

/// Items, composition members (same shapes, so same count) and map values.
fn compare_children(cx: &mut Comparison<'_>, old: &Value, new: &Value, place: &Place) {
    let any = Value::Object(Map::new());
    let (old_items, new_items) = (old.get("items"), new.get("items"));
    if old_items.is_some() || new_items.is_some() {
        let (old_items, new_items) = (old_items.unwrap_or(&any), new_items.unwrap_or(&any));
        compare_schema(
            cx,
            old_items,
            new_items,
            &place.child("[]", false, &["items"]),
        );
    }
    for keyword in COMPOSITIONS {
        let old_members = old.get(keyword).and_then(Value::as_array);
        let new_members = new.get(keyword).and_then(Value::as_array);
        let pairs = old_members
            .into_iter()
            .flatten()
            .zip(new_members.into_iter().flatten());
        for (index, (old_member, new_member)) in pairs.enumerate() {
            let child = place.child(
                &format!(".{keyword}[{index}]"),
                false,
                &[keyword, &index.to_string()],
            );
            compare_schema(cx, old_member, new_member, &child);
        }
    }
    compare_additional_properties(cx, old, new, place);
}

/// `additionalProperties` as a schema: it types unlisted properties (`BTreeMap<String, T>`);
/// `true`, `false` or nothing all keep them as JSON.
fn typed(values: Option<&Value>) -> Option<&Value> {
    values.filter(|values| values.is_object())
}

/// A typed value schema appearing, going or changing is walked as a child (`.*`); anything
/// else the client does not see.
fn compare_additional_properties(cx: &mut Comparison<'_>, old: &Value, new: &Value, place: &Place) {
    let keyword = "additionalProperties";
    let (old_values, new_values) = (old.get(keyword), new.get(keyword));
    if typed(old_values).is_none() && typed(new_values).is_none() {
        if old_values != new_values {
            cx.other(&place.location, keyword);
        }
        return;
    }
    let any = Value::Object(Map::new());
    let old_values = typed(old_values).unwrap_or(&any);
    let new_values = typed(new_values).unwrap_or(&any);
    compare_schema(
        cx,
        old_values,
        new_values,
        &place.child(".*", false, &["additionalProperties"]),
    );
}
