instantly_codegen_macro::generate_api!(spec = "../../../../generator/macro/tests/ui/broken.yaml");

fn main() {}
