instantly_codegen_macro::generate_api!(spec = "x.yaml", colour = "blue");

fn main() {}
