//! What the generator's integration tests share: the fixture document and a way to cut one
//! item out of the generated text.

/// The small document most generator tests run on.
pub const FIXTURE: &str = include_str!("../fixtures/mini.yaml");

/// The text of one generated item (`pub struct|enum Name`, an `impl` block), from its header
/// to the closing brace.
pub fn item(source: &str, header: &str) -> String {
    let start = source
        .find(header)
        .unwrap_or_else(|| panic!("no `{header}` in the output"));
    let end = source[start..]
        .find("\n    }\n")
        .map_or(source.len(), |end| start + end);
    source[start..end].to_owned()
}
