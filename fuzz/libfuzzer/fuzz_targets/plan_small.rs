//! The planner and emitter on small documents built from the fuzz bytes: three component
//! schemas and two operations (a path and a query parameter, a body in one of four content
//! types, a response), OpenAPI 3.0 or 3.1. Generation fails with an error that says where, or
//! its tokens parse as a Rust file; it never panics.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| instantly_fuzz::targets::plan_small(data));
