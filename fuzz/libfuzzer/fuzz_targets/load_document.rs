//! The document loader (YAML or JSON text, the hand-written typed reader, references anywhere,
//! OpenAPI 3.1 lowering) on any text: a document or an error that says where, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| instantly_fuzz::targets::load_document_target(data));
