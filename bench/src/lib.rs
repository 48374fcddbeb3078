//! instantly-codegen against progenitor on the same documents (see `main.rs` and
//! `benches/runtime.rs`; `cargo xtask bench` runs both).

pub mod documents;
pub mod generators;
pub mod runtime;
