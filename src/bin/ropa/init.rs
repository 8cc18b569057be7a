//! `ropa init`: write a commented starter register that passes `ropa check`.

use std::path::Path;

use ropa::source::{Document, Format, Limits};

use crate::Outcome;

/// The starter register, in YAML with comments.
pub const STARTER: &str = include_str!("starter.yaml");

pub fn run(path: &Path, force: bool) -> Outcome {
    let format = Format::from_path(path).unwrap_or(Format::Yaml);
    let text = match format {
        Format::Yaml => Ok(STARTER.to_owned()),
        // TOML and JSON have no comments to keep: write the same register in that format.
        Format::Toml | Format::Json => {
            Document::parse("starter.yaml", STARTER, Format::Yaml, Limits::default())
                .and_then(|d| d.register())
                .map_err(|e| e.to_string())
                .and_then(|register| match format {
                    Format::Toml => toml::to_string(&register).map_err(|e| e.to_string()),
                    _ => serde_json::to_string_pretty(&register)
                        .map(|t| t + "\n")
                        .map_err(|e| e.to_string()),
                })
        }
    };
    let text = match text {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot write the starter register: {error}");
            return Outcome::InputError;
        }
    };
    if path.exists() && !force {
        eprintln!(
            "error: {} already exists",
            ropa::report::sanitize(&path.display().to_string())
        );
        eprintln!("help: choose another file name, or pass --force to overwrite it");
        return Outcome::InputError;
    }
    if let Err(error) = std::fs::write(path, text) {
        eprintln!(
            "error: cannot write {}: {error}",
            ropa::report::sanitize(&path.display().to_string())
        );
        return Outcome::InputError;
    }
    crate::emit(&format!(
        "wrote {}; check it with `ropa check {}`\n",
        path.display(),
        path.display()
    ));
    Outcome::Clean
}
