//! One Rust type per shape: planned types that generated code cannot tell apart (the same
//! fields with the same Rust names, wire names, types and flags; the same enum values and
//! variant names; the same union members) become one type.
//!
//! Equality is structural and sees through recursion: partition refinement starts with every
//! type in one class and splits classes by their members' signatures (which name the classes
//! of the types they refer to) until nothing splits; what remains is the coarsest partition in
//! which equal types refer to equal types. Docs do not count.
//!
//! Which type stays: in each class of two or more, the first component schema in document
//! order, else the first type. Another component stays a public name as `pub type B = A;`
//! (its users keep compiling, and its docs stay). An inline type (named after its place) is
//! dropped and every place that named it names the kept type; what its docs say that the
//! place's docs do not is added to the place (a field, a parameter, a body), or to the kept
//! type when a place has no docs of its own.

use super::{TypeDef, TypeExpr, TypeId, TypeKind, TypeSpace, Variant};
use crate::operations::Operation;
use crate::pointer::Pointer;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Everything outside the type space that names planned types.
pub(crate) struct Places<'p> {
    pub(crate) operations: &'p mut [Operation],
    /// The type of each schema by pointer (the planner's `schema_types`).
    pub(crate) schema_types: &'p mut [(Pointer, TypeExpr)],
}

/// Merges the types of equal shape in `space`, whose first `components` ids are the
/// component schemas; returns how many types stopped being separate types (dropped inline
/// types plus components that became aliases).
pub(crate) fn merge_equal_shapes(
    space: &mut TypeSpace,
    components: usize,
    places: Places<'_>,
) -> usize {
    let classes = shape_classes(space);
    let kept = kept_types(space, components, &classes);
    let mut merged = 0;
    let mut dropped: BTreeMap<TypeId, TypeId> = BTreeMap::new();
    for (index, keep) in kept.iter().enumerate() {
        let id = TypeId(index);
        let Some(keep) = *keep else { continue };
        if keep == id {
            continue;
        }
        merged += 1;
        if index < components {
            space[id].kind = TypeKind::Alias(TypeExpr::Named(keep));
        } else {
            dropped.insert(id, keep);
        }
    }
    if dropped.is_empty() {
        return merged;
    }
    keep_dropped_docs(space, &dropped, places.operations);
    let new_ids = compacted_ids(space.defs.len(), &dropped);
    let mut rename = |id: &mut TypeId| *id = new_ids[id.0];
    for def in &mut space.defs {
        def.kind.exprs_mut(&mut |expr| expr.names_mut(&mut rename));
    }
    for operation in places.operations.iter_mut() {
        operation.types_mut(&mut |expr, _| expr.names_mut(&mut rename));
    }
    for (_, expr) in places.schema_types.iter_mut() {
        expr.names_mut(&mut rename);
    }
    let defs = std::mem::take(&mut space.defs);
    space.defs = defs
        .into_iter()
        .enumerate()
        .filter(|(index, _)| !dropped.contains_key(&TypeId(*index)))
        .map(|(_, def)| def)
        .collect();
    merged
}

/// The shape class of every type: equal classes, equal shapes.
fn shape_classes(space: &TypeSpace) -> Vec<usize> {
    let count = space.defs.len();
    let mut classes = vec![0; count];
    let mut class_count = usize::from(count > 0);
    loop {
        // Keyed by the old class too, so a class only ever splits; numbered by first member.
        let mut numbering: BTreeMap<(usize, String), usize> = BTreeMap::new();
        let next: Vec<usize> = (0..count)
            .map(|index| {
                let key = (classes[index], signature(space, index, &classes));
                let fresh = numbering.len();
                *numbering.entry(key).or_insert(fresh)
            })
            .collect();
        classes = next;
        if numbering.len() == class_count {
            return classes;
        }
        class_count = numbering.len();
    }
}

/// For each type that is not its own class's kept type, the one that is; `None` for types
/// that are never merged (aliases).
fn kept_types(space: &TypeSpace, components: usize, classes: &[usize]) -> Vec<Option<TypeId>> {
    let mut first: BTreeMap<usize, TypeId> = BTreeMap::new();
    let mut candidates: Vec<TypeId> = space
        .ordered()
        .into_iter()
        .filter(|id| !matches!(space[*id].kind, TypeKind::Alias(_)))
        .collect();
    // Components first (each in document order), then the inline types.
    candidates.sort_by_key(|id| id.0 >= components);
    for id in candidates {
        first.entry(classes[id.0]).or_insert(id);
    }
    (0..space.defs.len())
        .map(|index| match space.defs[index].kind {
            TypeKind::Alias(_) => None,
            _ => first.get(&classes[index]).copied(),
        })
        .collect()
}

/// What tells the type at `index` apart, with the types it names written as their classes.
/// Aliases are unique (never merged) and transparent where they are named.
fn signature(space: &TypeSpace, index: usize, classes: &[usize]) -> String {
    let mut out = String::new();
    let expr = |out: &mut String, ty: &TypeExpr| expr_signature(space, ty, classes, out, 0);
    match &space.defs[index].kind {
        TypeKind::Struct { fields, extra } => {
            out.push_str("struct");
            for field in fields {
                let _ = write!(
                    out,
                    "|{:?} {:?} {} {} {} ",
                    field.json_name,
                    field.rust_name,
                    field.required,
                    field.nullable,
                    field.read_only
                );
                expr(&mut out, &field.ty);
            }
            out.push_str("|extra ");
            expr(&mut out, extra);
        }
        TypeKind::StringEnum {
            variants,
            truncated,
        } => {
            let _ = write!(out, "string enum {truncated:?}");
            write_variants(&mut out, variants);
        }
        TypeKind::IntegerEnum {
            variants,
            truncated,
        } => {
            let _ = write!(out, "integer enum {truncated:?}");
            write_variants(&mut out, variants);
        }
        TypeKind::Union { variants } => {
            out.push_str("union");
            for variant in variants {
                let _ = write!(out, "|{:?} ", variant.name);
                expr(&mut out, &variant.ty);
            }
        }
        TypeKind::Newtype(target) => {
            out.push_str("newtype ");
            expr(&mut out, target);
        }
        TypeKind::Alias(_) => {
            let _ = write!(out, "alias {index}");
        }
    }
    out
}

fn write_variants<V: std::fmt::Debug>(out: &mut String, variants: &[Variant<V>]) {
    for variant in variants {
        let _ = write!(out, "|{:?} {:?}", variant.value, variant.name);
    }
}

fn expr_signature(
    space: &TypeSpace,
    expr: &TypeExpr,
    classes: &[usize],
    out: &mut String,
    depth: usize,
) {
    // Aliases form no cycle once planned; the bound only keeps a broken invariant finite.
    if depth > space.defs.len() {
        out.push('!');
        return;
    }
    let inner = |out: &mut String, open: &str, ty: &TypeExpr| {
        out.push_str(open);
        expr_signature(space, ty, classes, out, depth + 1);
        out.push(')');
    };
    match expr {
        TypeExpr::Named(id) => match &space[*id].kind {
            TypeKind::Alias(target) => expr_signature(space, target, classes, out, depth + 1),
            _ => {
                let _ = write!(out, "#{}", classes[id.0]);
            }
        },
        TypeExpr::List(item) => inner(out, "list(", item),
        TypeExpr::Map(value) => inner(out, "map(", value),
        TypeExpr::Optional(value) => inner(out, "option(", value),
        scalar => {
            let _ = write!(out, "{scalar:?}");
        }
    }
}

/// Keeps what a dropped type's docs say: on the places that name it (else on the kept type),
/// and its fields' and variants' docs on the kept type's.
fn keep_dropped_docs(
    space: &mut TypeSpace,
    dropped: &BTreeMap<TypeId, TypeId>,
    operations: &mut [Operation],
) {
    let dropped_docs: BTreeMap<TypeId, Vec<String>> = dropped
        .keys()
        .map(|id| (*id, space[*id].docs.clone()))
        .collect();
    // Places without docs of their own, whose dropped type's docs go to the kept type.
    let mut undocumented: Vec<TypeId> = Vec::new();
    let mut add_to_place = |expr: &TypeExpr, docs: Option<&mut Vec<String>>| {
        let mut named = Vec::new();
        expr.all_names(&mut named);
        let mut docs = docs;
        for id in named {
            let Some(lines) = dropped_docs.get(&id) else {
                continue;
            };
            match docs.as_deref_mut() {
                Some(docs) => add_missing(docs, lines),
                None => undocumented.push(id),
            }
        }
    };
    for def in &mut space.defs {
        match &mut def.kind {
            TypeKind::Struct { fields, extra } => {
                for field in fields {
                    add_to_place(&field.ty, Some(&mut field.docs));
                }
                add_to_place(extra, None);
            }
            kind => kind.exprs_mut(&mut |expr| add_to_place(expr, None)),
        }
    }
    for operation in operations {
        operation.types_mut(&mut |expr, docs| add_to_place(expr, docs));
    }
    for id in undocumented {
        if let (Some(&keep), Some(lines)) = (dropped.get(&id), dropped_docs.get(&id)) {
            add_missing(&mut space[keep].docs, lines);
        }
    }
    for (&id, &keep) in dropped {
        let from = space[id].clone();
        merge_member_docs(&from, &mut space[keep]);
    }
}

/// The docs of `from`'s fields or variants added to those of `into`, an equal shape.
fn merge_member_docs(from: &TypeDef, into: &mut TypeDef) {
    match (&from.kind, &mut into.kind) {
        (TypeKind::Struct { fields: from, .. }, TypeKind::Struct { fields: into, .. }) => {
            for (from, into) in from.iter().zip(into) {
                add_missing(&mut into.docs, &from.docs);
            }
        }
        (
            TypeKind::StringEnum { variants: from, .. },
            TypeKind::StringEnum { variants: into, .. },
        ) => merge_variant_docs(from, into),
        (
            TypeKind::IntegerEnum { variants: from, .. },
            TypeKind::IntegerEnum { variants: into, .. },
        ) => merge_variant_docs(from, into),
        _ => {}
    }
}

fn merge_variant_docs<V>(from: &[Variant<V>], into: &mut [Variant<V>]) {
    for (from, into) in from.iter().zip(into) {
        match (&from.doc, &mut into.doc) {
            (Some(from), Some(into)) if !into.contains(from.as_str()) => {
                into.push_str("\n\n");
                into.push_str(from);
            }
            (Some(from), into @ None) => *into = Some(from.clone()),
            _ => {}
        }
    }
}

/// Appends the lines of `lines` that `docs` does not already say.
fn add_missing(docs: &mut Vec<String>, lines: &[String]) {
    for line in lines {
        if !docs.iter().any(|doc| doc.contains(line.as_str())) {
            docs.push(line.clone());
        }
    }
}

/// The id every old id has once the dropped types are removed (a dropped type: its kept one's).
fn compacted_ids(count: usize, dropped: &BTreeMap<TypeId, TypeId>) -> Vec<TypeId> {
    let mut kept_ids = Vec::with_capacity(count);
    let mut next = 0;
    for index in 0..count {
        kept_ids.push(TypeId(next));
        if !dropped.contains_key(&TypeId(index)) {
            next += 1;
        }
    }
    (0..count)
        .map(|index| match dropped.get(&TypeId(index)) {
            Some(keep) => kept_ids[keep.0],
            None => kept_ids[index],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Field;

    fn field(name: &str, ty: TypeExpr) -> Field {
        Field {
            json_name: name.to_owned(),
            rust_name: name.to_owned(),
            ty,
            required: false,
            nullable: false,
            read_only: false,
            docs: Vec::new(),
            boxed: false,
        }
    }

    fn structure(space: &mut TypeSpace, name: &str, fields: Vec<Field>) -> TypeId {
        space.add(TypeDef {
            name: name.to_owned(),
            docs: vec![format!("{name}'s docs.")],
            pointer: Pointer::schema(name),
            kind: TypeKind::Struct {
                fields,
                extra: TypeExpr::Json,
            },
            group: space.defs.len(),
            order: 0,
            default: false,
        })
    }

    fn refer(id: usize) -> TypeExpr {
        TypeExpr::Optional(Box::new(TypeExpr::Named(TypeId(id))))
    }

    /// `A ↔ B` and `C ↔ D`, mutually recursive, with the same fields: equal only by
    /// following the cycle, which refinement does; `E` differs by a field name.
    fn two_cycles() -> TypeSpace {
        let mut space = TypeSpace::default();
        structure(&mut space, "A", vec![field("next", refer(1))]);
        structure(&mut space, "B", vec![field("back", refer(0))]);
        structure(&mut space, "C", vec![field("next", refer(3))]);
        structure(&mut space, "D", vec![field("back", refer(2))]);
        structure(&mut space, "E", vec![field("other", refer(3))]);
        space
    }

    #[test]
    fn equal_shapes_are_found_through_cycles() {
        let classes = shape_classes(&two_cycles());
        assert_eq!(classes[0], classes[2]);
        assert_eq!(classes[1], classes[3]);
        assert_ne!(classes[0], classes[1]);
        assert_ne!(classes[4], classes[0]);
    }

    #[test]
    fn inline_copies_go_and_their_places_keep_their_docs() {
        let mut space = two_cycles();
        // A and B are components; C, D and E inline types.
        let merged = merge_equal_shapes(
            &mut space,
            2,
            Places {
                operations: &mut [],
                schema_types: &mut [],
            },
        );
        assert_eq!(merged, 2);
        let names: Vec<&str> = space.defs.iter().map(|def| def.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "E"]);
        // E's field named D, which is B now; D's docs, absent from the field, moved to it.
        let TypeKind::Struct { fields, .. } = &space.defs[2].kind else {
            panic!("E is a struct");
        };
        assert_eq!(fields[0].ty, refer(1));
        assert_eq!(fields[0].docs, ["D's docs."]);
    }
}
