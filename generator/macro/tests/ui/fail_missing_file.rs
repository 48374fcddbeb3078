instantly_codegen_macro::generate_api!(spec = "does/not/exist.yaml");

fn main() {}
