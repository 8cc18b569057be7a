//! `ropa init`: write a commented starter register that passes `ropa check`, with the register
//! schema beside it and the file pointing editors at that schema.

use std::path::Path;

use ropa::schema::SchemaKind;
use ropa::source::{Document, Format, Limits};

use crate::Outcome;

/// The starter register, in YAML with comments.
pub const STARTER: &str = include_str!("starter.yaml");

/// The schema file written beside the register, which the register names for editors: the
/// `# yaml-language-server: $schema=` modeline (YAML), taplo's `#:schema` directive (TOML) or the
/// `$schema` key (JSON). A local copy works offline and matches this version of ropa.
const SCHEMA_FILE: &str = "register.schema.json";

pub fn run(path: &Path, force: bool) -> Outcome {
    // A register ropa could not check afterwards (`register.txt`) is refused before writing.
    let Some(format) = Format::from_path(path) else {
        eprintln!(
            "error: {} is not a file name ropa reads",
            ropa::report::sanitize_line(&path.display().to_string())
        );
        eprintln!("help: name the register .yaml, .yml, .toml or .json, e.g. register.yaml");
        return Outcome::InputError;
    };
    let text = match format {
        Format::Yaml => Ok(STARTER.to_owned()),
        // TOML and JSON have no comments to keep: write the same register in that format.
        Format::Toml | Format::Json => {
            Document::parse("starter.yaml", STARTER, Format::Yaml, Limits::default())
                .and_then(|d| d.register())
                .map_err(|e| e.to_string())
                .and_then(|mut register| match format {
                    Format::Toml => toml::to_string(&register)
                        .map(|t| format!("#:schema {SCHEMA_FILE}\n{t}"))
                        .map_err(|e| e.to_string()),
                    _ => {
                        register.schema = Some(SCHEMA_FILE.to_owned());
                        serde_json::to_string_pretty(&register)
                            .map(|t| t + "\n")
                            .map_err(|e| e.to_string())
                    }
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
    let shown = |path: &Path| ropa::report::sanitize_line(&path.display().to_string());
    // A link counts as a file there: writing would follow it to wherever it points.
    let present = |path: &Path| path.symlink_metadata().is_ok();
    if present(path) && !force {
        eprintln!("error: {} already exists", shown(path));
        eprintln!("help: choose another file name, or pass --force to overwrite it");
        return Outcome::InputError;
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Err(error) = crate::files::write_without_links(path, &text) {
        eprintln!("error: cannot write {}: {error}", shown(path));
        return Outcome::InputError;
    }
    let schema = dir.join(SCHEMA_FILE);
    let schema_note = if present(&schema) {
        // It may be an older ropa's schema or someone else's file: keep it, and say how to
        // refresh it.
        format!(
            "kept the existing {} (refresh it with `ropa schema --out {}`)",
            shown(&schema),
            shown(dir)
        )
    } else if let Err(error) =
        crate::files::write_without_links(&schema, &SchemaKind::Register.to_pretty_json())
    {
        eprintln!("error: cannot write {}: {error}", shown(&schema));
        return Outcome::InputError;
    } else {
        format!("wrote {} for editors", shown(&schema))
    };
    crate::emit(&format!(
        "wrote {}; check it with `ropa check {}`\n{schema_note}\n",
        shown(path),
        shown(path)
    ));
    Outcome::Clean
}
