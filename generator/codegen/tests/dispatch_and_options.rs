//! What operations hand the runtime: per-request options on every builder, idempotency of list
//! operations sent as POST, and the `dispatch` module (table and `call`).

use instantly_codegen::{Settings, generate_dispatch, generate_file, load_document};

mod support;

use support::{FIXTURE, item};

/// `text` without whitespace, so assertions do not depend on where prettyplease breaks lines.
fn flat(text: &str) -> String {
    text.split_whitespace().collect()
}

fn operation_count() -> usize {
    load_document(FIXTURE).unwrap().operations().count()
}

/// Timeout, retry policy, extra query parameters and headers come from the runtime's one
/// `__request_options!` definition, invoked once per builder (as `rt::request_options!`).
#[test]
fn every_builder_takes_the_per_request_options_and_sends_with_the_response() {
    let source = generate_file(FIXTURE, &Settings::default()).unwrap();
    let builders = source.matches("pub(super) options: rt::RequestOptions,");
    let options = flat(&source).matches("rt::request_options!(send->").count();
    let raw = source.matches("pub async fn send_with_response(");
    let operations = operation_count();
    assert_eq!(builders.count(), operations);
    assert_eq!(options, operations);
    assert_eq!(raw.count(), operations);
}

#[test]
fn only_non_idempotent_operations_offer_the_retry_opt_in() {
    let source = generate_file(FIXTURE, &Settings::default()).unwrap();
    let opt_in = ",non_idempotent);";
    let no_opt_in = "request_options!(send->";
    assert!(flat(&item(&source, "impl CreateCampaign {")).contains(opt_in));
    assert!(flat(&item(&source, "impl PatchCampaign {")).contains(opt_in));
    for read in ["impl GetCampaign {", "impl ReplaceCampaign {"] {
        let block = flat(&item(&source, read));
        assert!(
            block.contains(no_opt_in) && !block.contains(opt_in),
            "{block}"
        );
    }
    // A list sent as POST is a read: retried like a GET, no opt-in needed.
    let list_leads = item(&source, "impl ListLeads {");
    let flat_list = flat(&list_leads);
    assert!(flat_list.contains(no_opt_in) && !flat_list.contains(opt_in));
    assert!(list_leads.contains("request.options(self.options).idempotent(true);"));
    let create = item(&source, "impl CreateCampaign {");
    assert!(create.contains("request.options(self.options);"));
}

#[test]
fn the_dispatch_table_lists_every_operation_and_call_has_an_arm_for_each() {
    let document = load_document(FIXTURE).unwrap();
    let source = generate_dispatch(&document, &Settings::default())
        .unwrap()
        .to_source()
        .unwrap();
    let operations = operation_count();
    assert_eq!(
        source.matches("dispatch::OperationInfo {").count(),
        operations
    );
    assert!(source.contains(r#"name: "list_campaigns","#));
    assert!(source.contains(r#"method: "GET","#));
    assert!(source.contains(r#"path: "/api/v2/campaigns/{id}","#));
    assert!(source.contains(r#""get_campaign" => {"#));
    assert!(source.contains(".get_campaign("));
    assert!(source.contains("Location::Path"));
    assert!(source.contains("other => Err(DispatchError::UnknownOperation(other.to_owned())),"));
}

#[test]
fn dispatch_output_is_deterministic() {
    let document = load_document(FIXTURE).unwrap();
    let once = generate_dispatch(&document, &Settings::default()).unwrap();
    let twice = generate_dispatch(&document, &Settings::default()).unwrap();
    assert_eq!(once.to_source().unwrap(), twice.to_source().unwrap());
}
