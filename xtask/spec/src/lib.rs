//! The spec library: the scraped-page reader, the normalizer (page + the reference's facts +
//! overrides → `spec/openapi.yaml`) and the change report's comparison of two documents.
//! `cargo xtask` drives it; the whole-workspace tests and the fuzzer call it directly.

pub mod diagnostics;
pub mod diff;
pub mod normalize;
pub mod openapi;
pub mod page;
pub mod report;
