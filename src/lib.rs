#![forbid(unsafe_code)]
#![warn(missing_docs)]
//! ropa
pub mod model;
pub mod path;
pub mod report;
mod sanitize;
pub mod schema;
pub mod source;
