instantly_codegen_macro::generate_api!(
    spec = "../../../../generator/macro/tests/ui/unsupported.yaml",
    strict = "true",
);

fn main() {}
