//! The Instantly client's types, read back from the golden file with syn (the generator's
//! `tests/shapes/` helper): one type per shape, and names a person would write.

#[path = "../../generator/codegen/tests/shapes/mod.rs"]
mod shapes;

use instantly_tests::read;
use shapes::TypeInventory;

const GOLDEN: &str = "generated-client/golden/client.rs";

/// The most characters a generated type name may have (issue 12).
const MAX_NAME: usize = 40;

#[test]
fn instantly_types_have_one_type_per_shape() {
    TypeInventory::of(&read(GOLDEN)).assert_distinct_shapes(GOLDEN);
}

/// The normalizer names every hoisted shape by the shortest qualified name nobody else claims;
/// `spec/overrides.yaml` (`types:`) renames the few the rule leaves over the limit.
#[test]
fn instantly_type_names_fit_in_40_characters() {
    TypeInventory::of(&read(GOLDEN)).assert_names_at_most(GOLDEN, MAX_NAME);
}
