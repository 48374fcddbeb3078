//! Arbitrary JSON into the generated Instantly types: an error or a value, never a panic; and a
//! value that decodes writes back to JSON that decodes to the same value.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| instantly_fuzz::targets::decode_instantly(data));
