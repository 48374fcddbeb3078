instantly_codegen_macro::generate_api!(env_var = "KEY");

fn main() {}
