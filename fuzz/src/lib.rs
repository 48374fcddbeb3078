//! A fuzzer for the two parsers of the workspace, run for a time budget by `cargo xtask test`
//! (and `cargo xtask fuzz`): mutated OpenAPI documents go to the generator, mutated scraped
//! pages to the normalizer (and, when they still normalize, on to the generator).
//!
//! A stable, structure-aware harness rather than cargo-fuzz: mutations of the JSON tree reach
//! the generator's planning (byte mutations mostly stop at the JSON parser), it needs no
//! nightly toolchain in CI, and every case is a function of (seed, case number) so a crash is
//! rebuilt exactly. `main.rs` runs cases in a worker process on a 2 MiB stack (a test thread's)
//! and supervises it: a panic, a stack overflow or a case that runs past the time limit saves
//! the input in `fuzz/crashers/`, which `tests/crashers.rs` replays from then on.
//!
//! Beside it, `targets` holds the checks of the coverage-guided targets in `fuzz/libfuzzer`
//! (cargo-fuzz, libFuzzer on nightly), each on a small input, which reach millions of
//! executions where a whole document takes milliseconds.

pub mod check;
pub mod document;
pub mod page;
pub mod rng;
pub mod seeds;
pub mod targets;
pub mod tree;
