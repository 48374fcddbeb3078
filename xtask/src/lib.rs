//! The scraped-page reader, the normalizer and the `cargo xtask` commands, as a library so that
//! tests and fuzz targets reach every stage.

pub mod bench;
pub mod codegen;
pub mod contract;
pub mod diagnostics;
pub mod downstream;
pub mod fuzz;
pub mod normalize;
pub mod page;
mod process;
pub mod report;
pub mod test;
