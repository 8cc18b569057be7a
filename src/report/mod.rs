//! Reports: turning load errors and findings into text for people and machines, and field paths
//! into file positions.
//!
//! The library's errors and findings are plain data; only this module renders them. Everything
//! that came from an input file — source lines, keys, values, file names — passes through
//! [`sanitize`] first, so a hostile file cannot send control sequences to a terminal or a CI log.

mod human;
mod locate;
mod run;
mod sarif;

pub use crate::sanitize::sanitize;
pub use human::{HumanRenderer, render_finding, render_load_error, render_run, summary_line};
pub use locate::{Documents, locate};
pub use run::{EvaluationEntry, FORMAT_VERSION, FileEntry, LoadErrorEntry, RunReport, Sources, Summary};
pub use sarif::to_sarif;
