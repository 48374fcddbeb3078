//! Every schema example of every document deserializes into the schema's generated type and
//! serializes back to equal JSON.

use instantly_runtime::serde::{Serialize, de::DeserializeOwned};
use instantly_runtime::serde_json::{self, Value};

/// A schema's example and the round trip through the schema's generated type.
pub struct Example {
    pub pointer: &'static str,
    pub json: &'static str,
    pub round_trip: fn(Value) -> Result<Value, String>,
}

/// Deserializes `example` as `T` and serializes it back.
pub fn through<T: DeserializeOwned + Serialize>(example: Value) -> Result<Value, String> {
    let typed: T = serde_json::from_value(example)
        .map_err(|error| format!("does not deserialize: {error}"))?;
    serde_json::to_value(&typed).map_err(|error| format!("does not serialize: {error}"))
}

/// Where `back` differs from `sent`, as a JSON pointer with both values; `None` when they are
/// equal JSON. Two leniencies, both about one value having several spellings: numbers compare
/// by value (`1` and `1.0`), and RFC 3339 date-times by instant (`…-04:00` comes back in UTC
/// as `…Z`, `.000Z` as `Z`: the models hold `DateTime<Utc>`).
fn difference(sent: &Value, back: &Value, at: &str) -> Option<String> {
    let differs = || Some(format!("at {at:?}: sent {sent}, got back {back}"));
    match (sent, back) {
        (Value::Number(a), Value::Number(b)) => {
            (a != b && a.as_f64() != b.as_f64()).then(differs)?
        }
        (Value::String(a), Value::String(b)) => (a != b && !same_instant(a, b)).then(differs)?,
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(index, (a, b))| difference(a, b, &format!("{at}/{index}"))),
        (Value::Object(a), Value::Object(b)) => {
            let missing = a
                .keys()
                .chain(b.keys())
                .find(|key| a.get(*key).is_none() || b.get(*key).is_none());
            if let Some(key) = missing {
                return Some(format!(
                    "at {:?}: sent {}, got back {}",
                    format!("{at}/{key}"),
                    a.get(key).map_or("nothing".to_owned(), Value::to_string),
                    b.get(key).map_or("nothing".to_owned(), Value::to_string),
                ));
            }
            a.iter()
                .find_map(|(key, a)| difference(a, &b[key], &format!("{at}/{key}")))
        }
        _ => (sent != back).then(differs)?,
    }
}

fn same_instant(a: &str, b: &str) -> bool {
    let parse = instantly_runtime::chrono::DateTime::parse_from_rfc3339;
    matches!((parse(a), parse(b)), (Ok(a), Ok(b)) if a == b)
}

/// Examples that do not round-trip, each with why: all but one contradict their own schema, so
/// no faithful type can take them. Each must still fail (a generator change that makes one pass
/// is worth a look), and no other may.
const CONTRADICTING_EXAMPLES: &[(&str, &str)] = &[
    (
        "#/components/schemas/CreateCompletionRequest/properties/prompt/oneOf/2/example",
        "openai: a string holding a list, where the schema is an array",
    ),
    (
        "#/components/schemas/CreateCompletionRequest/properties/prompt/oneOf/3/example",
        "openai: a string holding a list of lists, where the schema is an array",
    ),
    (
        "#/components/schemas/CreateEmbeddingRequest/properties/input/oneOf/2/example",
        "openai: a string holding a list, where the schema is an array",
    ),
    (
        "#/components/schemas/CreateEmbeddingRequest/properties/input/oneOf/3/example",
        "openai: a string holding a list of lists, where the schema is an array",
    ),
    (
        "#/components/schemas/CreateEvalCustomDataSourceConfig/properties/item_schema/example",
        "openai: a string holding JSON text, where the schema is an object",
    ),
    (
        "#/components/schemas/CreateEvalLogsDataSourceConfig/properties/metadata/example",
        "openai: a string holding JSON text, where the schema is an object",
    ),
    (
        "#/components/schemas/CreateEvalStoredCompletionsDataSourceConfig/properties/metadata/example",
        "openai: a string holding JSON text, where the schema is an object",
    ),
    (
        "#/components/schemas/EvalCustomDataSourceConfig/properties/schema/example",
        "openai: a string holding JSON text (with a trailing comma), where the schema is an object",
    ),
    (
        "#/components/schemas/Response/example",
        "openai: `user: null`, where `ModelResponseProperties.user` is `type: string`",
    ),
    (
        "#/components/schemas/BetaResponse/example",
        "openai: the same `user: null` as `Response`",
    ),
    (
        "#/components/schemas/CompactResource/example",
        "openai: `message` items without the `id` and `status` that `Message` requires",
    ),
    (
        "#/components/schemas/BetaCompactResource/example",
        "openai: the same items as `CompactResource`",
    ),
    (
        "#/components/schemas/ChatSessionResource/example",
        "openai: no `tracing`, which the schema requires",
    ),
    (
        "#/components/schemas/ThreadResource/example",
        "openai, a limit of the generator: `status` is a oneOf with a `discriminator`, read as an untagged union whose first fitting member is `LockedStatus` (its open `type` enum takes `active`), which writes back `reason: null`",
    ),
    (
        "#/components/schemas/contributor-activity/properties/weeks/example",
        "`w` is a string in the example, `type: integer` in the schema",
    ),
    (
        "#/paths/~1orgs~1{org}~1migrations/get/responses/200/content/application~1json/examples/default",
        "`exclude_metadata` is required by `migration` but absent from the example",
    ),
    (
        "#/paths/~1orgs~1{org}~1migrations/post/responses/201/content/application~1json/examples/default",
        "the same `migration` example",
    ),
    (
        "#/paths/~1orgs~1{org}~1migrations~1{migration_id}/get/responses/200/content/application~1json/examples/default",
        "the same `migration` example",
    ),
    (
        "#/paths/~1user~1migrations/get/responses/200/content/application~1json/examples/default",
        "the same `migration` example",
    ),
    (
        "#/paths/~1user~1migrations/post/responses/201/content/application~1json/examples/default",
        "the same `migration` example",
    ),
    (
        "#/paths/~1user~1migrations~1{migration_id}/get/responses/200/content/application~1json/examples/default",
        "the same `migration` example",
    ),
];

/// The examples of one document that do not survive the round trip, with why.
fn failures(examples: &[Example]) -> Vec<(&'static str, String)> {
    examples
        .iter()
        .filter_map(|example| {
            let original: Value = match serde_json::from_str(example.json) {
                Ok(value) => value,
                Err(error) => return Some((example.pointer, format!("bad example: {error}"))),
            };
            let failure = match (example.round_trip)(original.clone()) {
                Err(message) => Some(message),
                Ok(back) => difference(&original, &back, ""),
            };
            failure.map(|failure| (example.pointer, failure))
        })
        .collect()
}

fn check(document: &str, examples: &[Example]) {
    assert!(
        !examples.is_empty() || !CONSTRUCT_DOCUMENTS.contains(&document),
        "{document}: no example to round-trip"
    );
    let failures = failures(examples);
    eprintln!(
        "{document}: {} of {} examples round-trip",
        examples.len() - failures.len(),
        examples.len()
    );
    let unexpected: Vec<String> = failures
        .iter()
        .filter(|(pointer, _)| {
            !CONTRADICTING_EXAMPLES
                .iter()
                .any(|(known, _)| known == pointer)
        })
        .map(|(pointer, failure)| format!("{pointer}: {failure}"))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{document}:\n{}",
        unexpected.join("\n")
    );
    let listed = examples.iter().filter(|example| {
        CONTRADICTING_EXAMPLES
            .iter()
            .any(|(known, _)| *known == example.pointer)
    });
    for example in listed {
        assert!(
            failures
                .iter()
                .any(|(pointer, _)| *pointer == example.pointer),
            "{}: listed as contradicting its schema, but it round-trips now",
            example.pointer
        );
    }
}

macro_rules! round_trips {
    ($($(#[$attr:meta])* $module:ident),* $(,)?) => {
        $(
            $(#[$attr])*
            #[test]
            fn $module() {
                check(stringify!($module), crate::$module::facts::EXAMPLES);
            }
        )*
    };
}

round_trips!(
    keeper,
    buildomat,
    propolis_server,
    nexus,
    cli_gen,
    param_collision,
    param_overrides,
    param_overrides_yaml,
    #[cfg(feature = "github")]
    github,
    #[cfg(feature = "openai")]
    openai,
    edge_recursion,
    edge_deep,
    edge_responses,
    edge_deep_refs,
    edge_callbacks,
    edge_multipart,
    edge31_boolean_schemas,
    edge31_const,
    edge31_content_media,
    edge31_defs,
    edge31_dialect,
    edge31_examples,
    edge31_exclusive_bounds,
    edge31_path_items,
    edge31_prefix_items,
    edge31_ref_siblings,
    edge31_type_arrays,
    edge31_webhooks,
);

/// The documents written for one construct each: a round trip that checks nothing would hide
/// a construct whose examples were lost.
const CONSTRUCT_DOCUMENTS: &[&str] = &[
    "edge_deep_refs",
    "edge_callbacks",
    "edge_multipart",
    "edge31_boolean_schemas",
    "edge31_const",
    "edge31_content_media",
    "edge31_defs",
    "edge31_dialect",
    "edge31_examples",
    "edge31_exclusive_bounds",
    "edge31_path_items",
    "edge31_prefix_items",
    "edge31_ref_siblings",
    "edge31_type_arrays",
    "edge31_webhooks",
];

#[test]
fn warnings_name_a_pointer() {
    let all = [
        crate::keeper::facts::WARNINGS,
        crate::buildomat::facts::WARNINGS,
        crate::propolis_server::facts::WARNINGS,
        crate::nexus::facts::WARNINGS,
        crate::cli_gen::facts::WARNINGS,
        crate::param_collision::facts::WARNINGS,
        crate::param_overrides::facts::WARNINGS,
        crate::param_overrides_yaml::facts::WARNINGS,
        crate::edge_recursion::facts::WARNINGS,
        crate::edge_deep::facts::WARNINGS,
        crate::edge_responses::facts::WARNINGS,
        crate::edge_deep_refs::facts::WARNINGS,
        crate::edge_callbacks::facts::WARNINGS,
        crate::edge_multipart::facts::WARNINGS,
        crate::edge31_boolean_schemas::facts::WARNINGS,
        crate::edge31_const::facts::WARNINGS,
        crate::edge31_content_media::facts::WARNINGS,
        crate::edge31_defs::facts::WARNINGS,
        crate::edge31_dialect::facts::WARNINGS,
        crate::edge31_examples::facts::WARNINGS,
        crate::edge31_exclusive_bounds::facts::WARNINGS,
        crate::edge31_path_items::facts::WARNINGS,
        crate::edge31_prefix_items::facts::WARNINGS,
        crate::edge31_ref_siblings::facts::WARNINGS,
        crate::edge31_type_arrays::facts::WARNINGS,
        crate::edge31_webhooks::facts::WARNINGS,
    ];
    for warning in all.into_iter().flatten() {
        eprintln!("warning: {warning}");
        assert!(warning.starts_with("#/"), "{warning}");
    }
}

/// Constructs with no 3.0 equivalent are read by a documented fallback, each with a warning.
#[test]
fn fallbacks_warn_where_they_apply() {
    let has = |warnings: &[&str], needle: &str| warnings.iter().any(|w| w.contains(needle));
    assert!(has(
        crate::edge31_prefix_items::facts::WARNINGS,
        "/prefixItems: a tuple"
    ));
    assert!(has(
        crate::edge31_dialect::facts::WARNINGS,
        "#/jsonSchemaDialect: "
    ));
    for clean in [
        crate::edge31_type_arrays::facts::WARNINGS,
        crate::edge31_const::facts::WARNINGS,
        crate::edge31_ref_siblings::facts::WARNINGS,
        crate::edge31_webhooks::facts::WARNINGS,
        crate::edge_deep_refs::facts::WARNINGS,
        crate::edge_callbacks::facts::WARNINGS,
    ] {
        assert!(clean.is_empty(), "{clean:?}");
    }
}
