//! Generates one client per document of `openapi/` into `OUT_DIR`, plus, for the tests, the
//! list of the document's schema examples with the generated type each must round-trip through.

use instantly_codegen::build::{self, Document};
use instantly_codegen::{Generated, SchemaType, Settings};
use serde_json::Value;
use std::fmt::Write as _;
use std::process::ExitCode;

/// (module, document, cargo feature that enables it).
const DOCUMENTS: &[(&str, &str, Option<&str>)] = &[
    ("keeper", "openapi/keeper.json", None),
    ("buildomat", "openapi/buildomat.json", None),
    ("propolis_server", "openapi/propolis-server.json", None),
    ("nexus", "openapi/nexus.json", None),
    ("cli_gen", "openapi/cli-gen.json", None),
    ("param_collision", "openapi/param-collision.json", None),
    ("param_overrides", "openapi/param-overrides.json", None),
    ("param_overrides_yaml", "openapi/param-overrides.yaml", None),
    ("github", "openapi/api.github.com.json", Some("GITHUB")),
    ("openai", "openapi/openai.yaml", Some("OPENAI")),
    ("edge_recursion", "edge-cases/recursion.json", None),
    ("edge_deep", "edge-cases/deep.json", None),
    ("edge_responses", "edge-cases/responses.json", None),
    ("edge_deep_refs", "edge-cases/deep-refs.json", None),
    ("edge_callbacks", "edge-cases/callbacks.json", None),
    ("edge_multipart", "edge-cases/multipart.json", None),
    (
        "edge31_boolean_schemas",
        "edge-cases/openapi-3.1/boolean-schemas.json",
        None,
    ),
    ("edge31_const", "edge-cases/openapi-3.1/const.json", None),
    (
        "edge31_content_media",
        "edge-cases/openapi-3.1/content-media.json",
        None,
    ),
    ("edge31_defs", "edge-cases/openapi-3.1/defs.json", None),
    (
        "edge31_dialect",
        "edge-cases/openapi-3.1/dialect.json",
        None,
    ),
    (
        "edge31_examples",
        "edge-cases/openapi-3.1/examples.json",
        None,
    ),
    (
        "edge31_exclusive_bounds",
        "edge-cases/openapi-3.1/exclusive-bounds.json",
        None,
    ),
    (
        "edge31_path_items",
        "edge-cases/openapi-3.1/path-items.json",
        None,
    ),
    (
        "edge31_prefix_items",
        "edge-cases/openapi-3.1/prefix-items.json",
        None,
    ),
    (
        "edge31_ref_siblings",
        "edge-cases/openapi-3.1/ref-siblings.json",
        None,
    ),
    (
        "edge31_type_arrays",
        "edge-cases/openapi-3.1/type-arrays.json",
        None,
    ),
    (
        "edge31_webhooks",
        "edge-cases/openapi-3.1/webhooks.json",
        None,
    ),
];

fn main() -> ExitCode {
    build::run(generate_all)
}

fn generate_all() -> Result<(), String> {
    for (module, file, feature) in DOCUMENTS {
        let enabled =
            feature.is_none_or(|name| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some());
        if !enabled {
            continue;
        }
        let document = Document::read(file)?;
        let settings = Settings::default();
        let generated = document.generate(&settings)?;
        let types = document.schema_types(&settings)?;
        let source = document.source(&generated)?;
        // A YAML document becomes JSON by way of the generator's own parse (a YAML parser
        // here would be one more build dependency for one document), and so does a 3.1 one or
        // one whose schemas the loader hoisted (references into other definitions, callback
        // payloads): the examples are looked up where the generator's schemas are.
        let value: Value = serde_json::from_str(&document.text)
            .ok()
            .filter(|text: &Value| as_written(text, &document.openapi))
            .map_or_else(|| serde_json::to_value(&document.openapi), Ok)
            .map_err(|error| document.error(error))?;
        build::write_out(&format!("{module}.rs"), &source)?;
        let facts = facts(&generated, &types, &value);
        build::write_out(&format!("{module}_facts.rs"), &facts)?;
    }
    Ok(())
}

/// Whether the text holds the schemas the generator read: a 3.0 document whose component
/// schemas the loader neither lowered nor added to.
fn as_written(text: &Value, read: &openapiv3::OpenAPI) -> bool {
    let written = text
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map_or(0, serde_json::Map::len);
    let read_count = read.components.as_ref().map_or(0, |c| c.schemas.len());
    !read.openapi.starts_with("3.1") && written == read_count
}

/// `WARNINGS` (the generator's fallbacks) and `EXAMPLES`: each example of a schema (its
/// `example`, or the `example`/`examples` of the media type it describes) with the function
/// that round-trips it through the schema's type.
fn facts(generated: &Generated, types: &[SchemaType], document: &Value) -> String {
    let mut out = String::from("pub const WARNINGS: &[&str] = &[\n");
    for warning in &generated.warnings {
        let _ = writeln!(out, "    {:?},", warning.to_string());
    }
    out.push_str("];\n\n#[cfg(test)]\n#[allow(unused_imports)]\nuse super::types;\n\n");
    out.push_str("#[cfg(test)]\npub const EXAMPLES: &[crate::round_trip::Example] = &[\n");
    for schema_type in types {
        for (place, example) in examples(document, &schema_type.pointer) {
            let _ = writeln!(
                out,
                "    crate::round_trip::Example {{ pointer: {place:?}, json: {:?}, round_trip: crate::round_trip::through::<{}> }},",
                example.to_string(),
                schema_type.rust_type,
            );
        }
    }
    out.push_str("];\n");
    out
}

/// The examples given for the schema at `pointer`, each with the pointer where it is written.
fn examples<'d>(document: &'d Value, pointer: &str) -> Vec<(String, &'d Value)> {
    let Some(path) = pointer.strip_prefix('#') else {
        return Vec::new();
    };
    let mut found = Vec::new();
    if let Some(example) = document
        .pointer(path)
        .and_then(|schema| schema.get("example"))
    {
        found.push((format!("{pointer}/example"), example));
    }
    let media_type = path
        .strip_suffix("/schema")
        .filter(|parent| parent.contains("/content/"))
        .and_then(|parent| Some((parent, document.pointer(parent)?)));
    if let Some((parent, media_type)) = media_type {
        if let Some(example) = media_type.get("example") {
            found.push((format!("#{parent}/example"), example));
        }
        let named = media_type.get("examples").and_then(Value::as_object);
        for (name, example) in named.into_iter().flatten() {
            let example = match example.get("$ref").and_then(Value::as_str) {
                Some(reference) => reference
                    .strip_prefix('#')
                    .and_then(|target| document.pointer(target)),
                None => Some(example),
            };
            if let Some(value) = example.and_then(|example| example.get("value")) {
                found.push((format!("#{parent}/examples/{name}"), value));
            }
        }
    }
    found
}
