//! Schemas → [`TypeDef`]s.
//!
//! Naming rule: a component schema keeps its own name (PascalCase); an inline schema is named
//! after its parent type and its place in it: `Parent` + `Field` for a property
//! (`CampaignCampaignSchedule`), `+ Item` for an array's items, `+ Value` for a map's values,
//! `+ Boolean`/`String`/`Object`/… for a union member. Collisions get `2`, `3`, … appended.

use super::analysis;
use super::enums::{self, EnumFacts};
use super::scalar::{
    integer_format, integer_type, number_format, number_type, string_format, string_type, written,
};
use super::{Field, TypeDef, TypeExpr, TypeId, TypeKind, TypeSpace, UnionVariant};
use crate::extensions::{EnumDescriptions, Extension, ExtensionMap, LoadWarnings};
use crate::names::{self, Scope};
use crate::pointer::Pointer;
use crate::{Error, Settings, Warning};
use indexmap::IndexMap;
use openapiv3::{AdditionalProperties, AnySchema, OpenAPI, ReferenceOr, Schema, SchemaKind, Type};
use serde_json::Value;

/// The properties of an object schema, in document order.
type Properties = IndexMap<String, ReferenceOr<Box<Schema>>>;

/// A property to plan: its name, its schema and the pointer of that schema.
type PlacedProperty<'s> = (&'s str, &'s ReferenceOr<Box<Schema>>, Pointer);

/// Lists, maps and options nested deeper than this get a named alias.
const MAX_TYPE_NESTING: usize = 8;

/// How deep `allOf` members may nest in one another (deeper is treated as not an object).
const MAX_ALL_OF_DEPTH: usize = 16;

/// The properties and required names gathered from the members of an `allOf`, each property
/// with the pointer of the member that declares it (a later member's property wins).
#[derive(Default)]
struct ObjectParts {
    properties: IndexMap<String, (ReferenceOr<Box<Schema>>, Pointer)>,
    required: Vec<String>,
}

impl ObjectParts {
    fn add(&mut self, properties: &Properties, required: &[String], pointer: &Pointer) {
        let properties_pointer = pointer.push("properties");
        for (name, schema) in properties {
            let at = properties_pointer.push(name);
            self.properties.insert(name.clone(), (schema.clone(), at));
        }
        self.required.extend(required.iter().cloned());
    }
}

/// The properties of an object schema at `pointer`, placed.
fn placed<'s>(properties: &'s Properties, pointer: &Pointer) -> Vec<PlacedProperty<'s>> {
    let properties_pointer = pointer.push("properties");
    properties
        .iter()
        .map(|(name, schema)| (name.as_str(), schema, properties_pointer.push(name)))
        .collect()
}

/// The name generated code gives the field that keeps unlisted properties.
pub(crate) const EXTRA_FIELD: &str = "additional_properties";

/// A schema in the document, referenced or inline.
#[derive(Clone, Copy)]
pub(crate) enum SchemaRef<'a> {
    Ref(&'a str),
    Inline(&'a Schema),
}

impl<'a> SchemaRef<'a> {
    pub(crate) fn of(schema: &'a ReferenceOr<Schema>) -> Self {
        match schema {
            ReferenceOr::Reference { reference } => Self::Ref(reference),
            ReferenceOr::Item(schema) => Self::Inline(schema),
        }
    }

    pub(crate) fn of_boxed(schema: &'a ReferenceOr<Box<Schema>>) -> Self {
        match schema {
            ReferenceOr::Reference { reference } => Self::Ref(reference),
            ReferenceOr::Item(schema) => Self::Inline(schema),
        }
    }
}

/// How a schema is used at one place: its type and the facts that belong to the place.
#[derive(Debug, Clone)]
pub(crate) struct Shape {
    pub(crate) ty: TypeExpr,
    pub(crate) nullable: bool,
    pub(crate) read_only: bool,
    pub(crate) description: Option<String>,
}

/// The outcome of classifying one schema: a plain type, or a definition that needs a name.
enum Planned {
    Expr(TypeExpr),
    Def(TypeKind),
}

pub(crate) struct Planner<'a> {
    document: &'a OpenAPI,
    pub(crate) space: TypeSpace,
    components: IndexMap<String, TypeId>,
    pub(crate) names: Scope,
    pub(crate) warnings: Vec<Warning>,
    /// Every schema planned, by pointer, with the type that stands for it (`Option<…>` when it
    /// admits `null`): components and each place a schema is used.
    pub(crate) schema_types: Vec<(Pointer, TypeExpr)>,
    /// The inline schemas being planned, outermost first: an `allOf` that merges the
    /// properties of a component containing that very `allOf` would expand forever.
    planning: Vec<Pointer>,
    /// Whether the schema being planned is sent as `multipart/form-data`: its binary strings
    /// are file parts.
    pub(crate) files: bool,
    /// The component schemas a `multipart/form-data` body refers to.
    form_components: std::collections::HashSet<String>,
}

impl<'a> Planner<'a> {
    /// Reserves a name for every component schema (settings' names first), so inline names never
    /// take a component's name.
    pub(crate) fn new(document: &'a OpenAPI, settings: &Settings) -> Self {
        let mut space = TypeSpace::default();
        let mut names = Scope::default();
        let mut components = IndexMap::new();
        let schemas = document
            .components
            .iter()
            .flat_map(|components| components.schemas.keys());
        for (group, name) in schemas.enumerate() {
            // Configured names go through the same rules, so no setting can produce an invalid identifier.
            let wanted = names::type_name(settings.type_names.get(name).unwrap_or(name));
            let rust_name = names.claim(&wanted);
            let placeholder = TypeDef {
                name: rust_name,
                docs: Vec::new(),
                pointer: Pointer::schema(name),
                kind: TypeKind::Alias(TypeExpr::Json),
                group,
                order: 0,
                default: false,
            };
            components.insert(name.clone(), space.add(placeholder));
        }
        Self {
            document,
            space,
            components,
            names,
            warnings: load_warnings(document),
            schema_types: Vec::new(),
            planning: Vec::new(),
            files: false,
            form_components: form_components(document),
        }
    }

    /// The group number after the components: for types an operation introduces.
    pub(crate) fn next_group(&self) -> usize {
        self.components.len()
    }

    pub(crate) fn plan_components(&mut self) -> Result<(), Error> {
        let Some(components) = &self.document.components else {
            return Ok(());
        };
        for (name, schema) in &components.schemas {
            let Some(&id) = self.components.get(name) else {
                continue;
            };
            let pointer = Pointer::schema(name);
            let type_name = self.space[id].name.clone();
            let group = self.space[id].group;
            self.space[id].order = self.space.next_order();
            let (kind, docs) = match schema {
                ReferenceOr::Reference { reference } => {
                    let target = self.component_id(reference, &pointer)?;
                    if target == id {
                        return Err(Error::unsupported(&pointer, "schema refers to itself"));
                    }
                    (TypeKind::Alias(TypeExpr::Named(target)), Vec::new())
                }
                ReferenceOr::Item(schema) => {
                    self.files = self.form_components.contains(name);
                    let classified = self.classify(schema, &type_name, group, &pointer);
                    self.files = false;
                    let (planned, _) = classified?;
                    let kind = match planned {
                        Planned::Def(kind) => kind,
                        Planned::Expr(expr) => TypeKind::Alias(expr),
                    };
                    (kind, type_docs(schema, &type_name))
                }
            };
            let def = &mut self.space[id];
            def.kind = kind;
            def.docs = docs;
            let nullable =
                matches!(schema, ReferenceOr::Item(schema) if schema.schema_data.nullable);
            self.schema_types
                .push((pointer, optional_if(TypeExpr::Named(id), nullable)));
        }
        self.break_alias_cycles()
    }

    /// Rust rejects aliases that name themselves: through a list or map they become newtypes;
    /// a schema that is nothing but itself (`A: {$ref: B}`, `B: {allOf: [$ref: A]}`) is an error.
    fn break_alias_cycles(&mut self) -> Result<(), Error> {
        let cycles = analysis::alias_cycles(&self.space);
        if let Some(cycle) = cycles.without_value.first() {
            let defs: Vec<&TypeDef> = cycle.iter().map(|id| &self.space[*id]).collect();
            let names: Vec<&str> = defs.iter().map(|def| def.name.as_str()).collect();
            let Some(first) = defs.first() else {
                return Err(Error::internal(
                    &Pointer::root().push("components").push("schemas"),
                    "an alias cycle without members",
                ));
            };
            return Err(Error::unsupported(
                &first.pointer,
                format!(
                    "schema is defined only in terms of itself (cycle through {}), so it has no value",
                    names.join(", ")
                ),
            ));
        }
        for id in cycles.through_collection {
            let def = &mut self.space[id];
            if let TypeKind::Alias(target) = &def.kind {
                def.kind = TypeKind::Newtype(target.clone());
            }
        }
        Ok(())
    }

    /// The type of a schema used at `pointer`; an inline schema that needs a definition gets one,
    /// named `name_hint`.
    pub(crate) fn plan_use(
        &mut self,
        schema: SchemaRef<'_>,
        name_hint: &str,
        group: usize,
        pointer: &Pointer,
    ) -> Result<Shape, Error> {
        let shape = self.plan_schema(schema, name_hint, group, pointer)?;
        self.schema_types.push((
            pointer.clone(),
            optional_if(shape.ty.clone(), shape.nullable),
        ));
        Ok(shape)
    }

    fn plan_schema(
        &mut self,
        schema: SchemaRef<'_>,
        name_hint: &str,
        group: usize,
        pointer: &Pointer,
    ) -> Result<Shape, Error> {
        match schema {
            SchemaRef::Ref(reference) => {
                let id = self.component_id(reference, pointer)?;
                let target = self.component_schema(reference);
                Ok(Shape {
                    ty: TypeExpr::Named(id),
                    nullable: target.is_some_and(|s| s.schema_data.nullable),
                    read_only: target.is_some_and(|s| s.schema_data.read_only),
                    description: None,
                })
            }
            SchemaRef::Inline(schema) => {
                if self.planning.contains(pointer) {
                    self.warn(
                        pointer,
                        "schema contains itself (an allOf merges a component that holds it); using serde_json::Value",
                    );
                    return Ok(Shape {
                        ty: TypeExpr::Json,
                        nullable: false,
                        read_only: schema.schema_data.read_only,
                        description: schema.schema_data.description.clone(),
                    });
                }
                let order = self.space.next_order();
                self.planning.push(pointer.clone());
                let classified = self.classify(schema, name_hint, group, pointer);
                self.planning.pop();
                let (planned, null_member) = classified?;
                let planned = match planned {
                    // A named alias every few levels keeps generic nesting (`Vec<Vec<…>>`)
                    // shallow: syn, prettyplease and rustc recurse once per level.
                    Planned::Expr(expr) if expr.nesting() > MAX_TYPE_NESTING => {
                        Planned::Def(TypeKind::Alias(expr))
                    }
                    other => other,
                };
                let ty = match planned {
                    Planned::Expr(expr) => expr,
                    Planned::Def(kind) => {
                        let name = self.names.claim(name_hint);
                        let docs = type_docs(schema, &name);
                        let def = TypeDef {
                            name,
                            docs,
                            pointer: pointer.clone(),
                            kind,
                            group,
                            order,
                            default: false,
                        };
                        TypeExpr::Named(self.space.add(def))
                    }
                };
                Ok(Shape {
                    ty,
                    nullable: schema.schema_data.nullable || null_member,
                    read_only: schema.schema_data.read_only,
                    description: schema.schema_data.description.clone(),
                })
            }
        }
    }

    /// Maps one schema; the flag says the schema admits `null` through its enum or a union member.
    fn classify(
        &mut self,
        schema: &Schema,
        name: &str,
        group: usize,
        pointer: &Pointer,
    ) -> Result<(Planned, bool), Error> {
        // Where an enum's facts are read and its warnings point.
        let site = (&schema.schema_data.extensions, pointer);
        let planned = match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => {
                let plain = self.string(written(&string.format, string_format));
                let values = &string.enumeration;
                return Ok(self.open_enum_or(values, enums::string_enum, plain, site));
            }
            SchemaKind::Type(Type::Integer(integer)) => {
                let plain = integer_type(written(&integer.format, integer_format));
                let values = &integer.enumeration;
                return Ok(self.open_enum_or(values, enums::integer_enum, plain, site));
            }
            SchemaKind::Type(Type::Number(number)) => {
                Planned::Expr(number_type(written(&number.format, number_format)))
            }
            SchemaKind::Type(Type::Boolean(_)) => Planned::Expr(TypeExpr::Bool),
            SchemaKind::Type(Type::Object(object)) => self.object(
                &placed(&object.properties, pointer),
                &object.required,
                object.additional_properties.as_ref(),
                name,
                group,
                pointer,
            )?,
            SchemaKind::Type(Type::Array(array)) => {
                self.array(array.items.as_ref(), name, group, pointer)?
            }
            SchemaKind::OneOf { one_of } => {
                return self.union(one_of, name, group, &pointer.push("oneOf"));
            }
            SchemaKind::AnyOf { any_of } => {
                return self.union(any_of, name, group, &pointer.push("anyOf"));
            }
            SchemaKind::AllOf { all_of } => self.all_of(all_of, None, name, group, pointer)?,
            SchemaKind::Not { .. } => {
                self.warn(
                    pointer,
                    "`not` schemas are not mapped; using serde_json::Value",
                );
                Planned::Expr(TypeExpr::Json)
            }
            SchemaKind::Any(any) => return self.any(any, schema, name, group, pointer),
        };
        Ok((planned, false))
    }

    fn object(
        &mut self,
        properties: &[PlacedProperty<'_>],
        required: &[String],
        additional: Option<&AdditionalProperties>,
        name: &str,
        group: usize,
        pointer: &Pointer,
    ) -> Result<Planned, Error> {
        let extra = match additional {
            Some(AdditionalProperties::Schema(schema)) => {
                let shape = self.plan_use(
                    SchemaRef::of(schema),
                    &format!("{name}Value"),
                    group,
                    &pointer.push("additionalProperties"),
                )?;
                optional_if(shape.ty, shape.nullable)
            }
            _ => TypeExpr::Json,
        };
        if properties.is_empty() {
            return Ok(Planned::Expr(match extra {
                TypeExpr::Json => TypeExpr::JsonObject,
                value => TypeExpr::Map(Box::new(value)),
            }));
        }
        let mut fields = Vec::with_capacity(properties.len());
        let mut field_names = Scope::with_reserved(&[EXTRA_FIELD]);
        for (json_name, property, property_pointer) in properties {
            let hint = format!("{name}{}", names::pascal(json_name, "Field"));
            let shape = self.plan_use(
                SchemaRef::of_boxed(property),
                &hint,
                group,
                property_pointer,
            )?;
            let mut docs: Vec<String> = shape.description.into_iter().collect();
            if shape.read_only {
                docs.push("Read-only: set by the server, never sent in a request.".to_owned());
            }
            let required = required.iter().any(|name| name == json_name);
            fields.push(Field {
                json_name: (*json_name).to_owned(),
                rust_name: field_names.claim(&names::snake(json_name, "field")),
                ty: shape.ty,
                required,
                nullable: shape.nullable,
                read_only: shape.read_only,
                docs,
                boxed: false,
            });
        }
        Ok(Planned::Def(TypeKind::Struct { fields, extra }))
    }

    fn array(
        &mut self,
        items: Option<&ReferenceOr<Box<Schema>>>,
        name: &str,
        group: usize,
        pointer: &Pointer,
    ) -> Result<Planned, Error> {
        let element = match items {
            Some(items) => {
                let shape = self.plan_use(
                    SchemaRef::of_boxed(items),
                    &format!("{name}Item"),
                    group,
                    &pointer.push("items"),
                )?;
                optional_if(shape.ty, shape.nullable)
            }
            None => TypeExpr::Json,
        };
        Ok(Planned::Expr(TypeExpr::List(Box::new(element))))
    }

    fn union(
        &mut self,
        members: &[ReferenceOr<Schema>],
        name: &str,
        group: usize,
        pointer: &Pointer,
    ) -> Result<(Planned, bool), Error> {
        let mut nullable = false;
        let inline: Vec<(usize, &Schema)> = members
            .iter()
            .enumerate()
            .filter_map(|(index, member)| match member {
                ReferenceOr::Item(schema) => Some((index, schema)),
                ReferenceOr::Reference { .. } => None,
            })
            .collect();
        let (nulls, non_null): (Vec<_>, Vec<_>) = inline
            .into_iter()
            .partition(|(_, schema)| is_null_only(schema));
        if non_null.len() + nulls.len() == members.len() && !non_null.is_empty() {
            let described: Vec<(&Schema, EnumDescriptions)> = non_null
                .into_iter()
                .map(|(index, schema)| {
                    let at = pointer.push(index);
                    let listed = self.extension(&schema.schema_data.extensions, &at);
                    (schema, listed.unwrap_or_default())
                })
                .collect();
            if let Some(merged) = enums::merge_string_enum_members(&described) {
                return Ok((Planned::Def(merged), !nulls.is_empty()));
            }
        }
        let mut types: Vec<TypeExpr> = Vec::new();
        let mut member_names = Scope::default();
        for (index, member) in members.iter().enumerate() {
            let member_ref = SchemaRef::of(member);
            if let SchemaRef::Inline(schema) = member_ref
                && is_null_only(schema)
            {
                nullable = true;
                continue;
            }
            let hint = format!("{name}{}", member_kind_word(member_ref));
            let hint = member_names.claim(&hint);
            let shape = self.plan_use(member_ref, &hint, group, &pointer.push(index))?;
            nullable |= shape.nullable;
            if !types.contains(&shape.ty) {
                types.push(shape.ty);
            }
        }
        match types.len() {
            0 => Ok((Planned::Expr(TypeExpr::Json), nullable)),
            1 => Ok((Planned::Expr(types.remove(0)), nullable)),
            _ => {
                // Ordered for deserialization once every type is planned: see `analysis`.
                Ok((Planned::Def(self.union_kind(types)), nullable))
            }
        }
    }

    /// A union of `types`, each variant named after its type.
    fn union_kind(&self, types: Vec<TypeExpr>) -> TypeKind {
        let mut variant_names = Scope::default();
        let variants = types
            .into_iter()
            .map(|ty| UnionVariant {
                name: variant_names.claim(&self.variant_label(&ty)),
                ty,
                boxed: false,
            })
            .collect();
        TypeKind::Union { variants }
    }

    fn variant_label(&self, ty: &TypeExpr) -> String {
        match ty {
            TypeExpr::String => "String".to_owned(),
            TypeExpr::Bool => "Boolean".to_owned(),
            TypeExpr::Int(_) => "Integer".to_owned(),
            TypeExpr::Float(_) => "Number".to_owned(),
            TypeExpr::Uuid => "Uuid".to_owned(),
            TypeExpr::DateTime => "DateTime".to_owned(),
            TypeExpr::Date => "Date".to_owned(),
            TypeExpr::Json => "Value".to_owned(),
            TypeExpr::JsonObject => "Object".to_owned(),
            TypeExpr::File => "File".to_owned(),
            TypeExpr::Map(_) => "Map".to_owned(),
            TypeExpr::List(inner) => format!("{}List", self.variant_label(inner)),
            TypeExpr::Optional(inner) => self.variant_label(inner),
            TypeExpr::Named(id) => self.space[*id].name.clone(),
        }
    }

    /// A union of types already planned (the distinct bodies of an operation's 2xx
    /// responses), named `name`; `Option<…>` when a member admits `null`.
    pub(crate) fn union_of(
        &mut self,
        types: Vec<TypeExpr>,
        name: &str,
        group: usize,
        pointer: &Pointer,
    ) -> TypeExpr {
        let mut nullable = false;
        let mut members: Vec<TypeExpr> = Vec::new();
        for ty in types {
            let ty = match ty {
                TypeExpr::Optional(inner) => {
                    nullable = true;
                    *inner
                }
                other => other,
            };
            if !members.contains(&ty) {
                members.push(ty);
            }
        }
        let def = TypeDef {
            name: self.names.claim(name),
            docs: vec!["One of the bodies the operation's success responses document.".to_owned()],
            pointer: pointer.clone(),
            kind: self.union_kind(members),
            group,
            order: self.space.next_order(),
            default: false,
        };
        optional_if(TypeExpr::Named(self.space.add(def)), nullable)
    }

    /// `allOf`: one member is that member; several object members merge into one struct.
    fn all_of(
        &mut self,
        members: &[ReferenceOr<Schema>],
        own: Option<(&Properties, &[String])>,
        name: &str,
        group: usize,
        pointer: &Pointer,
    ) -> Result<Planned, Error> {
        let member_pointer = pointer.push("allOf");
        let meaningful: Vec<(usize, SchemaRef<'_>)> = members
            .iter()
            .enumerate()
            .map(|(index, member)| (index, SchemaRef::of(member)))
            .filter(|(_, member)| !matches!(member, SchemaRef::Inline(schema) if is_annotation_only(schema)))
            .collect();
        if own.is_none()
            && let [(index, member)] = meaningful.as_slice()
        {
            let shape = self.plan_use(*member, name, group, &member_pointer.push(index))?;
            return Ok(Planned::Expr(shape.ty));
        }
        let mut merged = ObjectParts::default();
        if let Some((properties, required)) = own {
            merged.add(properties, required, pointer);
        }
        for (index, member) in meaningful {
            let member_at = member_pointer.push(index);
            if !self.collect_object_parts(member, &member_at, &mut merged, 0) {
                self.warn(
                    &member_at,
                    "allOf member is not an object; using serde_json::Value for the whole allOf",
                );
                return Ok(Planned::Expr(TypeExpr::Json));
            }
        }
        let properties: Vec<PlacedProperty<'_>> = merged
            .properties
            .iter()
            .map(|(name, (schema, at))| (name.as_str(), schema, at.clone()))
            .collect();
        self.object(&properties, &merged.required, None, name, group, pointer)
    }

    /// Adds the properties and required names of an object-like schema (following references
    /// and nested `allOf`) to `parts`; false when the schema is not object-like.
    fn collect_object_parts(
        &self,
        member: SchemaRef<'_>,
        pointer: &Pointer,
        parts: &mut ObjectParts,
        depth: usize,
    ) -> bool {
        if depth > MAX_ALL_OF_DEPTH {
            return false;
        }
        let (schema, pointer) = match member {
            SchemaRef::Ref(reference) => match self.component_target(reference) {
                Some(target) => target,
                None => return false,
            },
            SchemaRef::Inline(schema) => (schema, pointer.clone()),
        };
        let nested = |planner: &Self, all_of: &[ReferenceOr<Schema>], parts: &mut ObjectParts| {
            let all_of_pointer = pointer.push("allOf");
            all_of.iter().enumerate().all(|(index, part)| {
                planner.collect_object_parts(
                    SchemaRef::of(part),
                    &all_of_pointer.push(index),
                    parts,
                    depth + 1,
                )
            })
        };
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => {
                parts.add(&object.properties, &object.required, &pointer);
                true
            }
            SchemaKind::Any(any) if any.one_of.is_empty() && any.any_of.is_empty() => {
                parts.add(&any.properties, &any.required, &pointer);
                nested(self, &any.all_of, parts)
            }
            SchemaKind::AllOf { all_of } => nested(self, all_of, parts),
            _ => false,
        }
    }

    /// A schema openapiv3 could not put in one category: mixed keywords or no `type`.
    fn any(
        &mut self,
        any: &AnySchema,
        schema: &Schema,
        name: &str,
        group: usize,
        pointer: &Pointer,
    ) -> Result<(Planned, bool), Error> {
        if !any.one_of.is_empty() {
            return self.union(&any.one_of, name, group, &pointer.push("oneOf"));
        }
        if !any.any_of.is_empty() {
            return self.union(&any.any_of, name, group, &pointer.push("anyOf"));
        }
        if !any.all_of.is_empty() {
            let own =
                (!any.properties.is_empty()).then_some((&any.properties, any.required.as_slice()));
            return Ok((self.all_of(&any.all_of, own, name, group, pointer)?, false));
        }
        let null_member = any.enumeration.iter().any(serde_json::Value::is_null);
        let planned = match any.typ.as_deref() {
            Some("object") | None
                if !any.properties.is_empty() || any.additional_properties.is_some() =>
            {
                self.object(
                    &placed(&any.properties, pointer),
                    &any.required,
                    any.additional_properties.as_ref(),
                    name,
                    group,
                    pointer,
                )?
            }
            Some("array") | None if any.items.is_some() => {
                self.array(any.items.as_ref(), name, group, pointer)?
            }
            Some("array") => Planned::Expr(TypeExpr::List(Box::new(TypeExpr::Json))),
            Some("object") => Planned::Expr(TypeExpr::JsonObject),
            Some("string") => {
                let values: Vec<Option<String>> = any
                    .enumeration
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect();
                if values.iter().any(Option::is_some) {
                    let facts = self.enum_facts(&schema.schema_data.extensions, pointer);
                    Planned::Def(enums::string_enum(&values, &facts))
                } else {
                    Planned::Expr(self.string(any.format.as_deref()))
                }
            }
            Some("integer") => {
                let values: Vec<Option<i64>> = any
                    .enumeration
                    .iter()
                    .map(serde_json::Value::as_i64)
                    .collect();
                if values.iter().any(Option::is_some) {
                    let facts = self.enum_facts(&schema.schema_data.extensions, pointer);
                    Planned::Def(enums::integer_enum(&values, &facts))
                } else {
                    Planned::Expr(TypeExpr::Int("i64"))
                }
            }
            Some("number") => Planned::Expr(TypeExpr::Float("f64")),
            Some("boolean") => Planned::Expr(TypeExpr::Bool),
            None => Planned::Expr(TypeExpr::Json),
            Some(other) => {
                self.warn(
                    pointer,
                    format!("type {other:?} is not an OpenAPI 3.0 type; using serde_json::Value"),
                );
                Planned::Expr(TypeExpr::Json)
            }
        };
        Ok((planned, null_member))
    }

    pub(crate) fn component_id(&self, reference: &str, pointer: &Pointer) -> Result<TypeId, Error> {
        reference
            .strip_prefix("#/components/schemas/")
            .and_then(|name| self.components.get(&unescape(name)))
            .copied()
            .ok_or_else(|| {
                Error::unsupported(
                    pointer,
                    format!("cannot resolve schema reference {reference:?}"),
                )
            })
    }

    /// The component a reference names, following chains of references.
    pub(crate) fn component_schema(&self, reference: &str) -> Option<&'a Schema> {
        self.component_target(reference).map(|(schema, _)| schema)
    }

    /// The component a reference names, following chains of references, with its pointer.
    fn component_target(&self, reference: &str) -> Option<(&'a Schema, Pointer)> {
        let schemas = &self.document.components.as_ref()?.schemas;
        let mut reference = reference;
        for _ in 0..=schemas.len() {
            let name = unescape(reference.strip_prefix("#/components/schemas/")?);
            match schemas.get(&name)? {
                ReferenceOr::Item(schema) => return Some((schema, Pointer::schema(&name))),
                ReferenceOr::Reference { reference: next } => reference = next,
            }
        }
        None
    }

    /// An extension of the document contract at `pointer`; a malformed one is a warning and
    /// counts as absent. The one place the generator reports a malformed extension.
    pub(crate) fn extension<E: Extension>(
        &mut self,
        map: &impl ExtensionMap,
        pointer: &Pointer,
    ) -> Option<E> {
        match E::read(map) {
            Ok(value) => value,
            Err(error) => {
                self.warn(pointer, format!("{error}; ignored"));
                None
            }
        }
    }

    /// A string or integer schema: an open enum where it lists values (described by the
    /// schema's `extensions`), else `plain`; and whether `null` is among the values.
    fn open_enum_or<V>(
        &mut self,
        enumeration: &[Option<V>],
        open_enum: fn(&[Option<V>], &EnumFacts) -> TypeKind,
        plain: TypeExpr,
        (extensions, pointer): (&IndexMap<String, Value>, &Pointer),
    ) -> (Planned, bool) {
        let null_member = enumeration.iter().any(Option::is_none);
        if enumeration.iter().any(Option::is_some) {
            let facts = self.enum_facts(extensions, pointer);
            return (Planned::Def(open_enum(enumeration, &facts)), null_member);
        }
        (Planned::Expr(plain), null_member)
    }

    fn enum_facts(&mut self, extensions: &IndexMap<String, Value>, pointer: &Pointer) -> EnumFacts {
        EnumFacts {
            descriptions: self.extension(extensions, pointer).unwrap_or_default(),
            truncated: self.extension(extensions, pointer),
        }
    }

    /// A string's type by its format; a binary string sent as a form is a file part.
    fn string(&self, format: Option<&str>) -> TypeExpr {
        match format {
            Some("binary") if self.files => TypeExpr::File,
            format => string_type(format),
        }
    }

    pub(crate) fn warn(&mut self, pointer: &Pointer, message: impl Into<String>) {
        self.warnings.push(Warning::new(pointer, message));
    }
}

/// The names of the component schemas that `multipart/form-data` request bodies refer to
/// (directly, or through a request body component).
fn form_components(document: &OpenAPI) -> std::collections::HashSet<String> {
    let components = document.components.as_ref();
    let bodies = document
        .operations()
        .filter_map(|(_, _, operation)| operation.request_body.as_ref())
        .filter_map(|body| match body {
            ReferenceOr::Item(body) => Some(body),
            ReferenceOr::Reference { reference } => reference
                .strip_prefix("#/components/requestBodies/")
                .and_then(|name| components?.request_bodies.get(name)?.as_item()),
        });
    bodies
        .flat_map(|body| &body.content)
        .filter(|(content_type, _)| crate::operations::plan::is_multipart(content_type))
        .filter_map(|(_, media)| match media.schema.as_ref()? {
            ReferenceOr::Reference { reference } => reference
                .strip_prefix("#/components/schemas/")
                .map(str::to_owned),
            ReferenceOr::Item(_) => None,
        })
        .collect()
}

/// What the loader mapped by a fallback, reported before anything the planner finds.
fn load_warnings(document: &OpenAPI) -> Vec<Warning> {
    match LoadWarnings::read(&document.extensions) {
        Ok(warnings) => warnings
            .map(|LoadWarnings(warnings)| warnings)
            .unwrap_or_default()
            .into_iter()
            .map(|(pointer, message)| Warning { pointer, message })
            .collect(),
        Err(error) => vec![Warning::new(&Pointer::root(), error.to_string())],
    }
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

fn optional_if(ty: TypeExpr, nullable: bool) -> TypeExpr {
    if nullable {
        TypeExpr::Optional(Box::new(ty))
    } else {
        ty
    }
}

/// The docs of a type: its title unless it merely repeats the name or the description, then
/// the description.
fn type_docs(schema: &Schema, type_name: &str) -> Vec<String> {
    let data = &schema.schema_data;
    let mut docs: Vec<String> = Vec::new();
    if let Some(title) = &data.title
        && data.description.as_deref() != Some(title.as_str())
        && names::pascal(title, "") != type_name
    {
        docs.push(title.clone());
    }
    docs.extend(data.description.clone());
    if data.deprecated {
        docs.push("Deprecated.".to_owned());
    }
    docs
}

/// A member that only admits `null` (`{nullable: true, enum: [null]}` and the like).
fn is_null_only(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Any(any) => {
            any.typ.as_deref() == Some("null")
                || (!any.enumeration.is_empty()
                    && any.enumeration.iter().all(serde_json::Value::is_null))
        }
        SchemaKind::Type(Type::String(s)) => {
            !s.enumeration.is_empty() && s.enumeration.iter().all(Option::is_none)
        }
        _ => false,
    }
}

/// A member with no type information (only a description, say), common in `allOf` wrappers.
fn is_annotation_only(schema: &Schema) -> bool {
    matches!(&schema.schema_kind, SchemaKind::Any(any) if *any == AnySchema::default())
}

fn member_kind_word(member: SchemaRef<'_>) -> &'static str {
    match member {
        SchemaRef::Ref(_) => "Variant",
        SchemaRef::Inline(schema) => match &schema.schema_kind {
            SchemaKind::Type(Type::String(_)) => "String",
            SchemaKind::Type(Type::Integer(_)) => "Integer",
            SchemaKind::Type(Type::Number(_)) => "Number",
            SchemaKind::Type(Type::Boolean(_)) => "Boolean",
            SchemaKind::Type(Type::Array(_)) => "Array",
            SchemaKind::Type(Type::Object(_)) => "Object",
            _ => "Variant",
        },
    }
}
