//! Page model + the reference's operation facts + overrides → OpenAPI 3.0.3 document.

pub mod component_names;
pub mod document;
pub mod enums;
pub mod facts;
pub mod hoist;
pub mod integers;
pub mod key_order;
pub mod operations;
pub mod overrides;
pub mod recover;
pub mod recover_across;
pub mod schema;
pub mod yaml;
