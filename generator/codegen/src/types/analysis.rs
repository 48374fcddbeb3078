//! Facts derived from the whole plan: request variants without read-only fields, boxes that
//! break recursive types, and which types can derive `Default`.

use super::{TypeExpr, TypeId, TypeKind, TypeSpace};
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
        let Some(mut def) = space.get(id).cloned() else {
            return id;
        };
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
            enumeration => enumeration,
        };
        def.docs
            .push("The writable fields only: what a request may send.".to_owned());
        space.defs[variant.0] = def;
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
        match space.get(id).map(|def| &def.kind) {
            Some(TypeKind::Struct { fields, extra }) => {
                direct = fields.iter().any(|field| field.read_only);
                fields
                    .iter()
                    .for_each(|field| field.ty.all_names(&mut mentioned));
                extra.all_names(&mut mentioned);
            }
            Some(TypeKind::Union { variants }) => variants
                .iter()
                .for_each(|variant| variant.ty.all_names(&mut mentioned)),
            Some(TypeKind::Alias(target)) => target.all_names(&mut mentioned),
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
        TypeKind::Alias(target) => target.direct_names(&mut out),
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

/// Which types can derive `Default`: structs whose required fields all have defaults.
/// Enums and unions have no natural default.
pub(crate) fn defaultable(space: &TypeSpace) -> Vec<bool> {
    let mut memo: BTreeMap<TypeId, bool> = BTreeMap::new();
    (0..space.defs.len())
        .map(|index| def_defaultable(space, TypeId(index), &mut memo, &mut BTreeSet::new()))
        .collect()
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
    let answer = match space.get(id).map(|def| &def.kind) {
        Some(TypeKind::Struct { fields, .. }) => fields.iter().all(|field| {
            !field.required || field.nullable || expr_defaultable(space, &field.ty, memo, visiting)
        }),
        Some(TypeKind::Alias(target)) => expr_defaultable(space, target, memo, visiting),
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
