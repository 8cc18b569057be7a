//! `ropa import`: a register from the spreadsheet or CSV file an organisation already keeps.

use std::path::PathBuf;

use clap::Args;
use ropa::import::{self, ImportOptions};
use ropa::report::sanitize_line;

use crate::Outcome;

/// How many notes are printed before the rest are counted.
const NOTES_SHOWN: usize = 40;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The sheet: .csv (comma, semicolon or tab), .xlsx, .xls or .ods.
    file: PathBuf,
    /// Where to write the register (YAML); standard output by default.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The workbook's sheet to read (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// A TOML file naming the columns the usual headings do not cover.
    #[arg(long, value_name = "MAPPING.toml")]
    map: Option<PathBuf>,
    /// The controller's name, when no column gives it.
    #[arg(long, value_name = "NAME")]
    controller: Option<String>,
    /// The controller is not a public authority (by default it is taken to be one, as Dutch
    /// municipalities and joint bodies are).
    #[arg(long)]
    not_public_authority: bool,
    /// Overwrite the output file.
    #[arg(long)]
    force: bool,
}

pub fn run(args: &ImportArgs) -> Outcome {
    // A sheet (or mapping) that is a link is not read: a pull request could point it at a secret
    // elsewhere on the runner, and errors quote the first row.
    for path in std::iter::once(&args.file).chain(&args.map) {
        if path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            eprintln!(
                "error: {} is a symbolic link, which ropa does not read",
                sanitize_line(&path.display().to_string())
            );
            eprintln!("help: import the file the link points to");
            return Outcome::InputError;
        }
    }
    let mapping = match &args.map {
        Some(path) => match import::read_mapping(path) {
            Ok(mapping) => mapping,
            Err(error) => return fail(&error),
        },
        None => import::Mapping::default(),
    };
    let options = ImportOptions {
        sheet: args.sheet.clone(),
        mapping,
        controller: args.controller.clone(),
        public_authority: !args.not_public_authority,
    };
    // A link counts as there, dangling or not: writing would follow it to wherever it points.
    if let Some(out) = args
        .out
        .as_ref()
        .filter(|out| out.symlink_metadata().is_ok() && !args.force)
    {
        eprintln!(
            "error: {} exists; pass --force to overwrite it",
            sanitize_line(&out.display().to_string())
        );
        return Outcome::InputError;
    }
    let imported = match import::import_path(&args.file, &options) {
        Ok(imported) => imported,
        Err(error) => return fail(&error),
    };
    let yaml = match import::to_yaml(&imported) {
        Ok(yaml) => yaml,
        Err(error) => return fail(&error),
    };
    match &args.out {
        Some(path) => {
            if let Err(error) = crate::files::write_without_links(path, &yaml) {
                eprintln!(
                    "error: cannot write {}: {error}",
                    sanitize_line(&path.display().to_string())
                );
                return Outcome::InputError;
            }
        }
        None => crate::emit(&yaml),
    }
    let stats = imported.stats;
    for note in imported.notes.iter().take(NOTES_SHOWN) {
        eprintln!("note: {}", sanitize_line(&note.to_string()));
    }
    if imported.notes.len() > NOTES_SHOWN {
        eprintln!("note: … and {} more", imported.notes.len() - NOTES_SHOWN);
    }
    eprintln!(
        "imported {} activities from {}: {} of {} cells read as typed fields, {} kept as text; run `ropa check` on the result",
        imported.register.activities.len(),
        sanitize_line(&imported.source),
        stats.typed,
        stats.cells,
        stats.kept_as_text,
    );
    Outcome::Clean
}

fn fail(error: &import::ImportError) -> Outcome {
    eprintln!("error: {}", sanitize_line(&error.to_string()));
    Outcome::InputError
}
