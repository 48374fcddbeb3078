//! Every schema example of `spec/openapi.yaml` deserializes into its generated type and
//! re-serializes to equal JSON; so do two variants of each: every nullable property `null` and
//! every other optional property absent, and unknown enum values plus an unknown property.
//!
//! JSON equality here is semantic for numbers: `50` and `50.0` are the same JSON number, and a
//! `number` property is an `f64`, which serializes with a fraction.

use instantly::types;
use serde_json::{Map, Value, json};

type Check = fn(&Value) -> Result<Value, String>;

macro_rules! checks {
    ($($name:ident),* $(,)?) => {
        vec![$((stringify!($name), (|value: &Value| {
            let typed: types::$name = serde_json::from_value(value.clone()).map_err(|error| error.to_string())?;
            serde_json::to_value(&typed).map_err(|error| error.to_string())
        }) as Check)),*]
    };
}

fn table() -> Vec<(&'static str, Check)> {
    checks!(
        Account,
        Campaign,
        Email,
        EmailVerification,
        LeadList,
        InboxPlacementTest,
        InboxPlacementAnalytics,
        BlacklistSpamAssassinReport,
        ApiKey,
        AccountCampaignMapping,
        Lead,
        BackgroundJob,
        CustomTag,
        CustomTagMapping,
        BlockListEntry,
        LeadLabel,
        Workspace,
        SuperSearchEnrichment,
        WorkspaceGroupMember,
        WorkspaceMember,
        CampaignSubsequence,
        AuditLog,
        Webhook,
        WebhookEvent,
        DfyEmailAccountOrder,
        CustomPromptTemplate,
        SalesFlow,
        EmailTemplate,
        WorkspaceBilling,
        CrmActions,
        UpdateAccountRequest,
        GetAccountWarmupAnalyticsResponse,
        CreateCampaignRequest,
        UpdateCampaignRequest,
        CreateLeadListRequest,
        UpdateLeadListRequest,
        CreateInboxPlacementTestRequest,
        UpdateInboxPlacementTestRequest,
        CreateApiKeyRequest,
        CreateLeadRequest,
        UpdateLeadRequest,
        CreateCustomTagRequest,
        UpdateCustomTagRequest,
        CreateBlockListEntryRequest,
        UpdateBlockListEntryRequest,
        CreateLeadLabelRequest,
        UpdateLeadLabelRequest,
        CreateSupersearchEnrichmentRequest,
        CreateWorkspaceGroupMemberRequest,
        CreateWorkspaceMemberRequest,
        UpdateWorkspaceMemberRequest,
        CreateSubsequenceRequest,
        UpdateSubsequenceRequest,
        CreateWebhookRequest,
        UpdateWebhookRequest,
        CreateDfyEmailAccountOrderRequest,
    )
}

fn document() -> Value {
    let text = include_str!("../../spec/openapi.yaml");
    serde_norway::from_str(text).unwrap()
}

fn schemas(document: &Value) -> &Map<String, Value> {
    document["components"]["schemas"].as_object().unwrap()
}

/// Follows a `$ref` to its component schema.
fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.trim_start_matches("#/components/schemas/");
            resolve(document, &schemas(document)[name])
        }
        None => schema,
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .all(|(key, x)| ys.get(key).is_some_and(|y| same(x, y)))
        }
        _ => a == b,
    }
}

/// Runs `variant` on every schema example and checks each result round-trips.
fn check_all(describe: &str, variant: impl Fn(&Value, &Value, Value) -> Value) {
    let document = document();
    let table = table();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, schema) in schemas(&document) {
        let Some(example) = schema.get("example") else {
            continue;
        };
        let Some((_, check)) = table.iter().find(|(known, _)| known == name) else {
            failures.push(format!(
                "{name}: has an example but no entry in this test's table"
            ));
            continue;
        };
        let input = variant(&document, schema, example.clone());
        match check(&input) {
            Ok(output) if same(&input, &output) => checked += 1,
            Ok(output) => failures.push(format!(
                "{name}: re-serialized differently\n  in:  {input}\n  out: {output}"
            )),
            Err(error) => failures.push(format!("{name}: {error}\n  in: {input}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{describe}: {} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 0);
}

#[test]
fn examples_round_trip() {
    check_all("examples", |_, _, example| example);
}

/// Nullable properties become `null`; other optional properties are removed; nested inline
/// objects get the same treatment.
fn minimal(document: &Value, schema: &Value, value: Value) -> Value {
    let schema = resolve(document, schema);
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return value;
    };
    let Value::Object(mut object) = value else {
        return value;
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for (key, property) in properties {
        let nullable = resolve(document, property).get("nullable") == Some(&Value::Bool(true))
            || property.get("nullable") == Some(&Value::Bool(true));
        if nullable {
            object.insert(key.clone(), Value::Null);
        } else if !required.contains(&key.as_str()) {
            object.remove(key);
        } else if let Some(inner) = object.remove(key) {
            let inner = if inner.is_object() {
                minimal(document, property, inner)
            } else {
                inner
            };
            object.insert(key.clone(), inner);
        }
    }
    Value::Object(object)
}

#[test]
fn nullable_null_and_optional_absent_round_trip() {
    check_all("nullable null / optional absent", minimal);
}

/// Every enum-typed top-level property gets a value the document does not list, and the object
/// gains a property the document does not list.
fn with_unknowns(document: &Value, schema: &Value, value: Value) -> Value {
    let Value::Object(mut object) = value else {
        return value;
    };
    let schema = resolve(document, schema);
    for (key, property) in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let property = resolve(document, property);
        let Some(values) = property.get("enum").and_then(Value::as_array) else {
            continue;
        };
        let unknown = if values.iter().any(Value::is_string) {
            json!("zz-unlisted-value")
        } else {
            json!(987_654)
        };
        object.insert(key.clone(), unknown);
    }
    object.insert(
        "zz_unlisted_property".to_owned(),
        json!({"kept": [1, "two", null]}),
    );
    Value::Object(object)
}

#[test]
fn unknown_enum_values_and_properties_round_trip() {
    check_all("unknown values", with_unknowns);
}
