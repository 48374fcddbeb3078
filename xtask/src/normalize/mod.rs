//! Page model + overrides → OpenAPI 3.0.3 document.

pub mod document;
pub mod naming;
pub mod operations;
pub mod overrides;
pub mod recover;
pub mod schema;
pub mod yaml;
