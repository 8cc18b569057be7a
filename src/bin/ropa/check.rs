//! `ropa check`: load every file and report load errors.

use std::path::PathBuf;

use ropa::report::{HumanRenderer, render_load_error, sanitize};
use ropa::source::{Document, DocumentKind, LoadError, ReadOptions};

use crate::Outcome;
use crate::files::{Found, expand};

pub fn run(paths: &[PathBuf], options: &ReadOptions, color: bool) -> Outcome {
    let style = HumanRenderer { color };
    let (mut registers, mut proposals, mut errors) = (0usize, 0usize, 0usize);
    for found in expand(paths) {
        match found {
            Found::File(path) => match load(&path, options) {
                Ok(DocumentKind::Register) => registers += 1,
                Ok(DocumentKind::Proposal) => proposals += 1,
                Err(error) => {
                    errors += 1;
                    eprintln!("{}\n", render_load_error(&error, style));
                }
            },
            Found::Problem(path, problem) => {
                errors += 1;
                eprintln!(
                    "error: {}: {}\n",
                    sanitize(&path.display().to_string()),
                    sanitize(&problem)
                );
            }
        }
    }
    let checked = registers + proposals + errors;
    let summary = format!(
        "checked {checked} file{}: {registers} register{}, {proposals} proposal{}, {errors} with errors",
        plural(checked),
        plural(registers),
        plural(proposals),
    );
    if errors > 0 {
        eprintln!("{summary}");
        Outcome::InputError
    } else {
        println!("{summary}");
        Outcome::Clean
    }
}

fn load(path: &std::path::Path, options: &ReadOptions) -> Result<DocumentKind, LoadError> {
    let document = Document::read(path, options)?;
    let kind = document.kind();
    match kind {
        DocumentKind::Register => document.register().map(drop)?,
        DocumentKind::Proposal => document.proposal().map(drop)?,
    }
    Ok(kind)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
