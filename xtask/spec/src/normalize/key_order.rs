//! The key order of a schema object: type, then shape, then `example` and the collapse markers,
//! so the document reads the same way everywhere. Shared by the entity schema and the recovery
//! of collapsed sub-objects.

use instantly_codegen::extensions::{Collapsed, CollapsedCount, Extension};
use serde_json::{Map, Value};

/// Moves `example` and the collapse markers behind everything else (order kept).
pub fn move_example_to_end(target: &mut Map<String, Value>) {
    for key in ["example", Collapsed::KEY, CollapsedCount::KEY] {
        if let Some(value) = target.shift_remove(key) {
            target.insert(key.into(), value);
        }
    }
}
