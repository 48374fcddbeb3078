// A third-party document (tests/corpus).
instantly_codegen_macro::generate_api!(spec = "../../../../tests/corpus/openapi/keeper.json", base_url = "http://localhost");

fn main() {
    let _client = Client::new("token").unwrap();
}
