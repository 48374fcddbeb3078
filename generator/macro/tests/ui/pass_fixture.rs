instantly_codegen_macro::generate_api!(
    spec = "../../../../generator/codegen/tests/fixtures/mini.yaml",
    env_var = "MINI_API_KEY",
);

fn main() {
    let builder = Client::builder().base_url("http://localhost:1");
    let client = builder.build().unwrap();
    let _request = client.list_campaigns().limit(5);
    assert_eq!(Client::API_KEY_ENV_VAR, "MINI_API_KEY");
    let _status = types::CampaignStatus::AccountSuspended;
}
