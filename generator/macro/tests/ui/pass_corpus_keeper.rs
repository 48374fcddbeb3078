// A third-party document (shared/corpus beside the repository).
instantly_codegen_macro::generate_api!(spec = "../../../../../shared/corpus/openapi/keeper.json", base_url = "http://localhost");

fn main() {
    let _client = Client::new("token").unwrap();
}
