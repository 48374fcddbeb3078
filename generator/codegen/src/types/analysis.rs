//! Facts derived from the whole plan: request variants without read-only fields, boxes that
//! break recursive types, and which types can derive `Default`.

use super::{TypeExpr, TypeId, TypeKind, TypeSpace, UnionVariant};
use crate::names::Scope;
use std::collections::{BTreeMap, BTreeSet};

/// Suffix of a request variant: `Campaign` without its read-only fields is `CampaignInput`.
const REQUEST_SUFFIX: &str = "Input";

/// Builds request variants on demand: a type used in a request body must not carry read-only
/// fields, so a type that has some (directly or in a nested type) gets a copy without them.
#[derive(Default)]
pub(crate) struct RequestVariants {
    variants: BTreeMap<TypeId, TypeId>,
    has_read_only: BTreeMap<TypeId, bool>,
}

impl RequestVariants {
    pub(crate) fn expr(
        &mut self,
        space: &mut TypeSpace,
        names: &mut Scope,
        expr: &TypeExpr,
    ) -> TypeExpr {
        match expr {
            TypeExpr::Named(id) => TypeExpr::Named(self.id(space, names, *id)),
            TypeExpr::List(inner) => TypeExpr::List(Box::new(self.expr(space, names, inner))),
            TypeExpr::Map(inner) => TypeExpr::Map(Box::new(self.expr(space, names, inner))),
            TypeExpr::Optional(inner) => {
                TypeExpr::Optional(Box::new(self.expr(space, names, inner)))
            }
            other => other.clone(),
        }
    }

    fn id(&mut self, space: &mut TypeSpace, names: &mut Scope, id: TypeId) -> TypeId {
        if let Some(variant) = self.variants.get(&id) {
            return *variant;
        }
        if !self.has_read_only(space, id, &mut BTreeSet::new()) {
            return id;
        }
        let mut def = space[id].clone();
        def.name = names.claim(&format!("{}{REQUEST_SUFFIX}", def.name));
        def.order = space.next_order();
        // Registered before the fields are mapped, so a recursive type refers to its own variant.
        let variant = space.add(def.clone());
        self.variants.insert(id, variant);
        def.kind = match def.kind {
            TypeKind::Struct { fields, extra } => TypeKind::Struct {
                fields: fields
                    .into_iter()
                    .filter(|field| !field.read_only)
                    .map(|mut field| {
                        field.ty = self.expr(space, names, &field.ty);
                        field
                    })
                    .collect(),
                extra: self.expr(space, names, &extra),
            },
            TypeKind::Union { variants } => TypeKind::Union {
                variants: variants
                    .into_iter()
                    .map(|mut variant| {
                        variant.ty = self.expr(space, names, &variant.ty);
                        variant
                    })
                    .collect(),
            },
            TypeKind::Alias(target) => TypeKind::Alias(self.expr(space, names, &target)),
            TypeKind::Newtype(target) => TypeKind::Newtype(self.expr(space, names, &target)),
            enumeration => enumeration,
        };
        def.docs
            .push("The writable fields only: what a request may send.".to_owned());
        space[variant] = def;
        variant
    }

    fn has_read_only(
        &mut self,
        space: &TypeSpace,
        id: TypeId,
        visiting: &mut BTreeSet<TypeId>,
    ) -> bool {
        if let Some(known) = self.has_read_only.get(&id) {
            return *known;
        }
        if !visiting.insert(id) {
            return false;
        }
        let mut mentioned = Vec::new();
        let mut direct = false;
        match &space[id].kind {
            TypeKind::Struct { fields, extra } => {
                direct = fields.iter().any(|field| field.read_only);
                fields
                    .iter()
                    .for_each(|field| field.ty.all_names(&mut mentioned));
                extra.all_names(&mut mentioned);
            }
            TypeKind::Union { variants } => variants
                .iter()
                .for_each(|variant| variant.ty.all_names(&mut mentioned)),
            TypeKind::Alias(target) | TypeKind::Newtype(target) => {
                target.all_names(&mut mentioned);
            }
            _ => {}
        }
        let answer = direct
            || mentioned
                .into_iter()
                .any(|next| self.has_read_only(space, next, visiting));
        visiting.remove(&id);
        self.has_read_only.insert(id, answer);
        answer
    }
}

/// Boxes every struct field and union variant that holds, inline, a type from which its own
/// type can be reached again inline: without the box the type would have infinite size.
pub(crate) fn box_recursive_fields(space: &mut TypeSpace) {
    let edges: Vec<Vec<TypeId>> = space
        .defs
        .iter()
        .map(|def| direct_edges(&def.kind))
        .collect();
    for index in 0..space.defs.len() {
        let own = TypeId(index);
        let reaches_own = |start: &TypeExpr| {
            let mut targets = Vec::new();
            start.direct_names(&mut targets);
            targets
                .into_iter()
                .any(|target| reaches(&edges, target, own))
        };
        let kind = &space.defs[index].kind;
        let boxes: Vec<bool> = match kind {
            TypeKind::Struct { fields, .. } => {
                fields.iter().map(|field| reaches_own(&field.ty)).collect()
            }
            TypeKind::Union { variants } => variants
                .iter()
                .map(|variant| reaches_own(&variant.ty))
                .collect(),
            _ => Vec::new(),
        };
        match &mut space.defs[index].kind {
            TypeKind::Struct { fields, .. } => fields
                .iter_mut()
                .zip(boxes)
                .for_each(|(field, boxed)| field.boxed = boxed),
            TypeKind::Union { variants } => variants
                .iter_mut()
                .zip(boxes)
                .for_each(|(variant, boxed)| variant.boxed = boxed),
            _ => {}
        }
    }
}

fn direct_edges(kind: &TypeKind) -> Vec<TypeId> {
    let mut out = Vec::new();
    match kind {
        TypeKind::Struct { fields, .. } => fields
            .iter()
            .for_each(|field| field.ty.direct_names(&mut out)),
        TypeKind::Union { variants } => variants
            .iter()
            .for_each(|variant| variant.ty.direct_names(&mut out)),
        TypeKind::Alias(target) | TypeKind::Newtype(target) => target.direct_names(&mut out),
        _ => {}
    }
    out
}

fn reaches(edges: &[Vec<TypeId>], from: TypeId, to: TypeId) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from];
    while let Some(current) = stack.pop() {
        if current == to {
            return true;
        }
        if seen.insert(current) {
            stack.extend(edges.get(current.0).into_iter().flatten().copied());
        }
    }
    false
}

/// Untagged deserialization tries a union's variants in order, so narrower types go first:
/// booleans, integers before floats, enums and formatted strings before plain strings, objects
/// with more required fields before looser ones, free-form values last. Done once every type is
/// planned: a member may name a component planned after the union.
pub(crate) fn order_union_variants(space: &mut TypeSpace) {
    for index in 0..space.defs.len() {
        let TypeKind::Union { variants } = &space.defs[index].kind else {
            continue;
        };
        let mut ranked: Vec<((u8, usize), UnionVariant)> = variants
            .iter()
            .map(|variant| (union_rank(space, &variant.ty), variant.clone()))
            .collect();
        ranked.sort_by_key(|(rank, _)| *rank);
        if let TypeKind::Union { variants } = &mut space.defs[index].kind {
            *variants = ranked.into_iter().map(|(_, variant)| variant).collect();
        }
    }
}

fn union_rank(space: &TypeSpace, ty: &TypeExpr) -> (u8, usize) {
    match space.unalias(ty) {
        TypeExpr::Bool => (0, 0),
        TypeExpr::Int(_) => (2, 0),
        TypeExpr::Float(_) => (3, 0),
        TypeExpr::Uuid | TypeExpr::DateTime | TypeExpr::Date => (4, 0),
        TypeExpr::String | TypeExpr::File => (6, 0),
        TypeExpr::List(inner) => (7, usize::from(union_rank(space, inner).0)),
        TypeExpr::Optional(inner) => union_rank(space, inner),
        TypeExpr::Map(_) | TypeExpr::JsonObject => (9, 0),
        TypeExpr::Json => (10, 0),
        TypeExpr::Named(id) => match &space[*id].kind {
            TypeKind::IntegerEnum { .. } => (1, 0),
            TypeKind::StringEnum { .. } => (5, 0),
            TypeKind::Struct { fields, .. } => (
                8,
                usize::MAX - fields.iter().filter(|field| field.required).count(),
            ),
            TypeKind::Union { .. } | TypeKind::Newtype(_) => (8, usize::MAX),
            TypeKind::Alias(_) => (10, 0),
        },
    }
}

/// `serde_json::Value` holds `null` itself: a required field of any JSON value needs no
/// `Option`, and an optional one must keep an explicit `null` apart from an absent field
/// (`Nullable<Value>`), or a round trip drops it.
pub(crate) fn keep_null_in_any_values(space: &mut TypeSpace) {
    for index in 0..space.defs.len() {
        let any_value: Vec<bool> = match &space.defs[index].kind {
            TypeKind::Struct { fields, .. } => fields
                .iter()
                .map(|field| space.unalias(&field.ty) == &TypeExpr::Json)
                .collect(),
            _ => continue,
        };
        if let TypeKind::Struct { fields, .. } = &mut space.defs[index].kind {
            for (field, any_value) in fields.iter_mut().zip(any_value) {
                if any_value {
                    field.nullable = !field.required;
                }
            }
        }
    }
}

/// Aliases that name themselves through other aliases, which Rust rejects (`type A = B;
/// type B = A;`, `type E = Vec<E>;`). `without_value`: the cycles along which every step is
/// direct (no list or map on the way), so no finite value exists. `through_collection`: the
/// other aliases on a cycle, which are fine as newtypes.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct AliasCycles {
    pub(crate) without_value: Vec<Vec<TypeId>>,
    pub(crate) through_collection: Vec<TypeId>,
}

pub(crate) fn alias_cycles(space: &TypeSpace) -> AliasCycles {
    let direct = alias_edges(space, TypeExpr::direct_names);
    let any = alias_edges(space, TypeExpr::all_names);
    let on_cycle = |edges: &[Vec<TypeId>], id: TypeId| {
        edges[id.0].iter().any(|next| reaches(edges, *next, id))
    };
    let mut cycles = AliasCycles::default();
    for id in (0..space.defs.len()).map(TypeId) {
        if on_cycle(&direct, id) {
            let grouped = cycles
                .without_value
                .iter()
                .flatten()
                .any(|member| *member == id);
            if !grouped {
                let group = (0..space.defs.len())
                    .map(TypeId)
                    .filter(|other| reaches(&direct, id, *other) && reaches(&direct, *other, id))
                    .collect();
                cycles.without_value.push(group);
            }
        } else if on_cycle(&any, id) {
            cycles.through_collection.push(id);
        }
    }
    cycles
}

/// For each alias, the aliases its target names (by `names`: directly, or anywhere).
fn alias_edges(space: &TypeSpace, names: fn(&TypeExpr, &mut Vec<TypeId>)) -> Vec<Vec<TypeId>> {
    let is_alias = |id: &TypeId| matches!(space[*id].kind, TypeKind::Alias(_));
    space
        .defs
        .iter()
        .map(|def| {
            let mut out = Vec::new();
            if let TypeKind::Alias(target) = &def.kind {
                names(target, &mut out);
            }
            out.retain(is_alias);
            out
        })
        .collect()
}

/// Marks the types that can derive `Default`: structs whose required fields all have
/// defaults. Enums and unions have no natural default.
pub(crate) fn mark_defaultable(space: &mut TypeSpace) {
    let mut memo: BTreeMap<TypeId, bool> = BTreeMap::new();
    for index in 0..space.defs.len() {
        let id = TypeId(index);
        space[id].default = def_defaultable(space, id, &mut memo, &mut BTreeSet::new());
    }
}

/// Whether the type `id` can derive `Default`, before [`mark_defaultable`] has run (the
/// planning of an operation asks while types are still being added).
pub(crate) fn is_defaultable(space: &TypeSpace, id: TypeId) -> bool {
    def_defaultable(space, id, &mut BTreeMap::new(), &mut BTreeSet::new())
}

fn def_defaultable(
    space: &TypeSpace,
    id: TypeId,
    memo: &mut BTreeMap<TypeId, bool>,
    visiting: &mut BTreeSet<TypeId>,
) -> bool {
    if let Some(known) = memo.get(&id) {
        return *known;
    }
    if !visiting.insert(id) {
        // A cycle through required fields: such a value cannot be built by default anyway.
        return false;
    }
    let answer = match &space[id].kind {
        TypeKind::Struct { fields, .. } => fields.iter().all(|field| {
            !field.required || field.nullable || expr_defaultable(space, &field.ty, memo, visiting)
        }),
        TypeKind::Alias(target) => expr_defaultable(space, target, memo, visiting),
        _ => false,
    };
    visiting.remove(&id);
    memo.insert(id, answer);
    answer
}

fn expr_defaultable(
    space: &TypeSpace,
    expr: &TypeExpr,
    memo: &mut BTreeMap<TypeId, bool>,
    visiting: &mut BTreeSet<TypeId>,
) -> bool {
    match expr {
        TypeExpr::Named(id) => def_defaultable(space, *id, memo, visiting),
        _ => true,
    }
}
