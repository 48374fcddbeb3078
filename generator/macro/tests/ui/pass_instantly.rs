instantly_codegen_macro::generate_api!(spec = "../../../../spec/openapi.yaml");

fn main() {
    let client = Client::new("sk_test").unwrap();
    let _stream = client.list_leads().into_stream();
    let _patch = types::UpdateCampaignRequest { daily_limit: instantly_runtime::Nullable::Null, ..Default::default() };
}
