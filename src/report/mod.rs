//! Reports: turning load errors and findings into text for people and machines, and field paths
//! into file positions.
//!
//! The library's errors and findings are plain data; only this module renders them. Everything
//! that came from an input file — source lines, keys, values, file names — passes through
//! [`sanitize`] on its way out, in every format ([`render_run`], [`render_json`],
//! [`render_sarif`]), so a hostile file cannot send control sequences or bidirectional overrides
//! to a terminal, a CI log or a code-scanning page. Serialise a [`RunReport`] yourself and you
//! take that duty on.

mod github;
mod hint;
mod human;
mod locate;
mod run;
mod sarif;

pub use crate::sanitize::{sanitize, sanitize_line};
pub use github::{render_github, render_markdown};
pub use human::{
    HumanRenderer, render_config_error, render_finding, render_load_error, render_run, summary_line,
};
pub use locate::{Documents, LocatedFinding, LocatedRelated, SourceLocation, locate};
pub(crate) use run::UNPAIRED;
pub use run::{
    DEFAULT_MAX_FINDINGS, EvaluationEntry, FORMAT_VERSION, FileEntry, LoadErrorEntry, RunReport, Sources,
    Summary, SuppressedFinding,
};
pub use sarif::{ArtifactRoot, to_sarif};

/// The run as one pretty-printed JSON document (schema: `ropa schema report`), with a final
/// newline, sanitised.
pub fn render_json(run: &RunReport) -> String {
    sanitized_json(serde_json::to_value(run).unwrap_or_default())
}

/// The run as a SARIF 2.1.0 log, pretty-printed with a final newline, sanitised; file URIs are
/// relative to `root` when it is given.
pub fn render_sarif(run: &RunReport, root: Option<&ArtifactRoot>) -> String {
    sanitized_json(to_sarif(run, root))
}

/// Pretty JSON with every unsafe character replaced in every string and key before it is
/// written: serde_json would escape C0 controls as `\u001b`, which any reader decodes back to
/// the raw character, and would pass C1 controls, DEL and bidirectional overrides raw, where a
/// SARIF viewer or a terminal shows them.
fn sanitized_json(mut value: serde_json::Value) -> String {
    sanitize_strings(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Sanitises every string and key in `value`, in place.
fn sanitize_strings(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            if let std::borrow::Cow::Owned(clean) = sanitize(text) {
                *text = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(sanitize_strings),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut item) in entries {
                sanitize_strings(&mut item);
                map.insert(sanitize(&key).into_owned(), item);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}
