//! The page's type-line grammar (`string | null`, `array of object`, …) on any text: an error
//! or a type, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| instantly_fuzz::targets::type_line(data));
