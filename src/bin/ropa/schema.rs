//! `ropa schema`: print or write the JSON Schemas.

use std::path::Path;

use clap::ValueEnum;
use ropa::schema::SchemaKind;

use crate::Outcome;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Which {
    /// A register file.
    Register,
    /// A proposal file.
    Proposal,
    /// The JSON output (`--format json`).
    Report,
}

pub fn run(which: Which, out: Option<&Path>) -> Outcome {
    let Some(dir) = out else {
        let kind = match which {
            Which::Register => SchemaKind::Register,
            Which::Proposal => SchemaKind::Proposal,
            Which::Report => SchemaKind::Report,
        };
        crate::emit(&kind.to_pretty_json());
        return Outcome::Clean;
    };
    if let Err(error) = std::fs::create_dir_all(dir) {
        eprintln!(
            "error: cannot create {}: {error}",
            ropa::report::sanitize_line(&dir.display().to_string())
        );
        return Outcome::InputError;
    }
    for kind in SchemaKind::ALL {
        let path = dir.join(kind.file_name());
        if let Err(error) = crate::files::write_without_links(&path, &kind.to_pretty_json()) {
            eprintln!(
                "error: cannot write {}: {error}",
                ropa::report::sanitize_line(&path.display().to_string())
            );
            return Outcome::InputError;
        }
        crate::emit(&format!("wrote {}\n", path.display()));
    }
    Outcome::Clean
}
