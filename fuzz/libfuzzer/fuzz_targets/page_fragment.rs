//! The page reader on fragments of pages (the seed corpus cuts the real page into pieces): a
//! page or a diagnostic that names a line inside the text, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| instantly_fuzz::targets::page_fragment(data));
