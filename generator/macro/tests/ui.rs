//! Expansions that compile, and failures reported as `compile_error!` at the macro call.
//!
//! trybuild compiles these files in `target/tests/trybuild/instantly-codegen-macro/`, which is
//! then their `CARGO_MANIFEST_DIR`: spec paths climb four levels back to the workspace root.
//! The third-party documents are compiled by `tests/corpus` (same `generate_tokens` path), not
//! here again.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass_fixture.rs");
    cases.pass("tests/ui/pass_instantly.rs");
    cases.compile_fail("tests/ui/fail_*.rs");
}
