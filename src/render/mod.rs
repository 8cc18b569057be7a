//! Publishing from the register: the privacy statement (Arts 13 and 14) and the public register
//! of processing activities (Art 30), in Dutch or English, as Markdown, HTML or CSV.
//!
//! The register is the single source of truth: both documents are generated from it, so a pull
//! request that changes the register changes the published texts with it. Nothing is invented:
//! where the register does not state something a document needs, the document shows the gap
//! ("niet vermeld in het register") and [`Document::gaps`] lists it, and the engine's rules say
//! how to fill it.
//!
//! ```
//! use ropa::render::{self, DocumentKind, Language, RenderFormat};
//! use ropa::source::{Document, Format, Limits};
//!
//! let yaml = "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities: []\n";
//! let register = Document::parse("register.yaml", yaml, Format::Yaml, Limits::default())?.register()?;
//! let document = render::document(&register, DocumentKind::Statement, Language::Nl);
//! let html = render::write(&document, RenderFormat::Html)?;
//! assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Texts live in one file per language (`src/render/lang/<code>.toml`); adding a language is
//! adding its file and its [`Language`] variant.

mod csv;
mod document;
mod html;
mod markdown;
mod phrases;
mod public_register;
mod statement;
mod text;

pub use document::{Block, Document, Fact, Span, Table, Text};

use crate::model::Register;
use crate::model::macros::list_enum;

list_enum! {
    /// The language of a rendered document.
    #[non_exhaustive]
    pub enum Language {
        /// Dutch (B1, as Dutch public bodies write).
        Nl,
        /// English.
        En,
    }
}

impl Language {
    /// The language the register says it is written in (`register.language`, else
    /// `statement.language`, as BCP 47: `nl`, `nl-NL`), when ropa has texts for it.
    pub fn of_register(register: &Register) -> Option<Language> {
        let code = register
            .register
            .language
            .as_deref()
            .or(register.statement.as_ref().and_then(|s| s.language.as_deref()))?;
        code.split(['-', '_']).next()?.to_ascii_lowercase().parse().ok()
    }

    /// The language's text file.
    fn source(self) -> &'static str {
        match self {
            Self::Nl => include_str!("lang/nl.toml"),
            Self::En => include_str!("lang/en.toml"),
        }
    }
}

list_enum! {
    /// Which document to render.
    #[non_exhaustive]
    pub enum DocumentKind {
        /// The privacy statement (Arts 13 and 14).
        Statement,
        /// The public register of processing activities.
        Register,
    }
}

list_enum! {
    /// The output format of a rendered document.
    #[non_exhaustive]
    pub enum RenderFormat {
        /// CommonMark with GitHub tables.
        Markdown,
        /// One standalone, accessible HTML page.
        Html,
        /// CSV, for documents that are a table (the public register).
        Csv,
    }
}

/// Why a document could not be written in a format.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum RenderError {
    /// CSV holds one table; the document has none (the statement is prose).
    #[error("a {kind} cannot be written as CSV: it is not a table; use `markdown` or `html`")]
    NotATable {
        /// What the document is.
        kind: String,
    },
}

/// Renders `kind` from `register` in `language`.
pub fn document(register: &Register, kind: DocumentKind, language: Language) -> Document {
    match kind {
        DocumentKind::Statement => statement::statement(register, language),
        DocumentKind::Register => public_register::public_register(register, language),
    }
}

/// Writes `document` in `format`. CSV needs a document with a table (the public register); the
/// first table is written.
pub fn write(document: &Document, format: RenderFormat) -> Result<String, RenderError> {
    match format {
        RenderFormat::Markdown => Ok(markdown::to_markdown(document)),
        RenderFormat::Html => Ok(html::to_html(document)),
        RenderFormat::Csv => document
            .blocks
            .iter()
            .find_map(|block| match block {
                Block::Table(table) => Some(csv::to_csv(table)),
                _ => None,
            })
            .ok_or_else(|| RenderError::NotATable {
                kind: document.title.clone(),
            }),
    }
}

/// A place where a document shows that the register does not state something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The headings above it, outermost first ("Welke gegevens wij verwerken en waarom",
    /// "Wmo-melding").
    pub section: Vec<String>,
    /// The term it belongs to, for a gap among an activity's facts ("Grondslag").
    pub term: Option<String>,
    /// The gap's text.
    pub text: String,
}

impl Document {
    /// Every gap in the document, in order.
    pub fn gaps(&self) -> Vec<Gap> {
        let mut gaps = Vec::new();
        let mut section: Vec<String> = Vec::new();
        let mut push = |section: &[String], term: Option<&str>, text: &Text| {
            for span in &text.0 {
                if let Span::Gap(gap) = span {
                    gaps.push(Gap {
                        section: section.to_vec(),
                        term: term.map(str::to_owned),
                        text: gap.clone(),
                    });
                }
            }
        };
        for block in &self.blocks {
            match block {
                Block::Heading { level, text, .. } => {
                    section.truncate(usize::from(level.saturating_sub(2)));
                    section.push(text.clone());
                }
                Block::Paragraph(text) => push(&section, None, text),
                Block::List(items) => items.iter().for_each(|item| push(&section, None, item)),
                Block::Facts(facts) => {
                    for fact in facts {
                        fact.values
                            .iter()
                            .for_each(|value| push(&section, Some(&fact.term), value));
                    }
                }
                Block::Table(table) => {
                    for row in &table.rows {
                        let name = row.first().and_then(|cell| cell.first()).map(Text::to_plain);
                        for (column, cell) in row.iter().enumerate() {
                            let term = table.header.get(column).map(String::as_str);
                            let mut place = section.clone();
                            place.extend(name.clone());
                            cell.iter().for_each(|value| push(&place, term, value));
                        }
                    }
                }
                Block::Contents { .. } => {}
            }
        }
        gaps
    }
}

impl std::fmt::Display for Gap {
    /// "Welke gegevens wij verwerken en waarom › Wmo-melding › Grondslag: niet vermeld in het
    /// register".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut place: Vec<&str> = self.section.iter().map(String::as_str).collect();
        place.extend(self.term.as_deref());
        if place.is_empty() {
            f.write_str(&self.text)
        } else {
            write!(f, "{}: {}", place.join(" › "), self.text)
        }
    }
}
