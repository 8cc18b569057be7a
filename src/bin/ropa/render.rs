//! `ropa render`: the privacy statement or the public register, generated from a register.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use ropa::render::{self, DocumentKind, Language, RenderFormat};
use ropa::report::sanitize_line;
use ropa::source::{ReadOptions, load_register};

use crate::Outcome;

/// How many gaps are listed on standard error before the rest are counted.
const GAPS_SHOWN: usize = 20;

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// What to render: the privacy statement or the public register.
    #[arg(value_enum)]
    document: Which,
    /// The register file.
    register: PathBuf,
    /// The language; by default the register's own (`register.language`) when ropa has it, else
    /// English.
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// The output format (`csv` only for the register).
    #[arg(long, value_enum, default_value_t = Output::Markdown)]
    format: Output,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Exit 0 even when the document shows things the register does not state.
    #[arg(long)]
    allow_gaps: bool,
    /// Read the register through a symbolic link.
    #[arg(long)]
    follow_symlinks: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Which {
    /// The privacy statement (Arts 13 and 14).
    Statement,
    /// The public register of processing activities (Art 30).
    Register,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Lang {
    /// Dutch.
    Nl,
    /// English.
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Output {
    /// CommonMark with GitHub tables.
    Markdown,
    /// One standalone, accessible HTML page.
    Html,
    /// CSV (the register only).
    Csv,
}

pub fn run(args: &RenderArgs) -> Outcome {
    let options = ReadOptions {
        follow_symlinks: args.follow_symlinks,
        ..ReadOptions::default()
    };
    let register = match load_register(&args.register, &options) {
        Ok(loaded) => loaded.value,
        Err(error) => {
            eprintln!(
                "{}",
                ropa::report::render_load_error(&error, ropa::report::HumanRenderer::default())
            );
            return Outcome::InputError;
        }
    };
    let language = match args.lang {
        Some(Lang::Nl) => Language::Nl,
        Some(Lang::En) => Language::En,
        None => Language::of_register(&register).unwrap_or(Language::En),
    };
    let kind = match args.document {
        Which::Statement => DocumentKind::Statement,
        Which::Register => DocumentKind::Register,
    };
    let format = match args.format {
        Output::Markdown => RenderFormat::Markdown,
        Output::Html => RenderFormat::Html,
        Output::Csv => RenderFormat::Csv,
    };
    let document = render::document(&register, kind, language);
    let text = match render::write(&document, format) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: {}", sanitize_line(&error.to_string()));
            return Outcome::InputError;
        }
    };
    if let Some(path) = &args.out {
        if let Err(error) = crate::files::write_without_links(path, &text) {
            eprintln!(
                "error: cannot write {}: {error}",
                sanitize_line(&path.display().to_string())
            );
            return Outcome::InputError;
        }
    } else {
        crate::emit(&text);
    }
    let gaps = document.gaps();
    if gaps.is_empty() {
        return Outcome::Clean;
    }
    let shown = sanitize_line(&args.register.display().to_string());
    eprintln!(
        "{}: the {} shows {} thing{} the register does not state:",
        if args.allow_gaps { "note" } else { "error" },
        if matches!(args.document, Which::Statement) {
            "statement"
        } else {
            "register"
        },
        gaps.len(),
        if gaps.len() == 1 { "" } else { "s" },
    );
    for gap in gaps.iter().take(GAPS_SHOWN) {
        eprintln!("  - {}", sanitize_line(&gap.to_string()));
    }
    if gaps.len() > GAPS_SHOWN {
        eprintln!("  … and {} more", gaps.len() - GAPS_SHOWN);
    }
    eprintln!(
        "help: run `ropa check {shown}` for the findings that say how to fill each gap, or pass `--allow-gaps` to publish as is"
    );
    if args.allow_gaps {
        Outcome::Clean
    } else {
        Outcome::Findings
    }
}
