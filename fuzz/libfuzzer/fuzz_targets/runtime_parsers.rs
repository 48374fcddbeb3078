//! The runtime's parsers of what a server sends: `Retry-After` (seconds or an HTTP date) and
//! the error body. Any bytes: a value or none, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| instantly_fuzz::targets::runtime_parsers(data));
