// A third-party document (shared/corpus beside the repository): 193 operations, dropshot style.
instantly_codegen_macro::generate_api!(spec = "../../../../../shared/corpus/openapi/nexus.json", base_url = "http://localhost");

fn main() {
    let client = Client::new("token").unwrap();
    let _request = client.project_list("org".to_owned()).limit(5).sort_by(types::NameOrIdSortMode::NameAscending);
}
