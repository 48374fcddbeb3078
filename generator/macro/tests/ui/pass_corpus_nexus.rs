// A third-party document (tests/corpus): 193 operations, dropshot style.
instantly_codegen_macro::generate_api!(spec = "../../../../tests/corpus/openapi/nexus.json", base_url = "http://localhost");

fn main() {
    let client = Client::new("token").unwrap();
    let _request = client.project_list("org".to_owned()).limit(5).sort_by(types::NameOrIdSortMode::NameAscending);
}
