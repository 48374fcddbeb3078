//! Reading the scraped reference page into a [`model::Page`].

pub mod example;
pub mod model;
pub mod mutation;
pub mod reader;
pub mod type_line;

pub use model::*;
pub use reader::read_page;
