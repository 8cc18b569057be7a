//! Import: from the spreadsheets and CSV files organisations already keep to a typed register.
//!
//! Dutch public bodies keep their registers in Excel, in exports of RoPA tools, or publish them
//! as web tables and CSV. [`import_path`] reads such a sheet (CSV with [`csv`], XLSX, XLS and ODS
//! with [`calamine`]), recognises the usual Dutch and English column headings of published
//! registers (or those a [`Mapping`] names), and turns each row into a processing activity:
//! cell text is classified into the typed model where the wording allows ("Wettelijke
//! verplichting" is Art 6(1)(c), "Gegevens over gezondheid" a special category, "5 jaar na
//! afhandeling" a period after an event), catalogues are built and de-duplicated across rows,
//! and ids are derived from labels.
//!
//! **Nothing is dropped.** A cell that could not be classified stays in the register: in the
//! field's own words where the field has room for them (a lawful basis's `wording`), else under
//! the activity's `unclassified` with its cell reference. Each such cell is an [`ImportNote`]
//! with the sheet, row and column, and the candidates, and `ropa check` reports what is left
//! (`unclassified-text`).
//!
//! ```
//! use ropa::import::{import_table, ImportOptions, read_csv};
//!
//! let csv = "Naam verwerking;Grondslag;Bewaartermijn\nParkeervergunning;Wettelijke verplichting;5 jaar na afhandeling\n";
//! let table = read_csv("register.csv", csv.as_bytes())?;
//! let import = import_table(&table, &ImportOptions::default())?;
//! let activity = &import.register.activities[0];
//! assert_eq!(activity.name, "Parkeervergunning");
//! assert!(activity.relies_on(ropa::model::LawfulBasisKind::LegalObligation));
//! # Ok::<(), ropa::import::ImportError>(())
//! ```

mod build;
mod classify;
mod columns;
mod table;
mod yaml;

use std::path::Path;

pub use columns::{Column, Mapping, recognise};
pub use table::{MAX_ROWS, Table, column_name, is_reading_workbook, read_csv, read_table};
pub use yaml::to_yaml;

use crate::model::Register;

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The sheet of a workbook; the first when absent.
    pub sheet: Option<String>,
    /// Headings the usual ones do not cover.
    pub mapping: Mapping,
    /// The controller's name, when the sheet does not give it in a column.
    pub controller: Option<String>,
    /// Whether the controller is a public authority (Dutch municipalities and their joint bodies
    /// are).
    pub public_authority: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            sheet: None,
            mapping: Mapping::default(),
            controller: None,
            public_authority: true,
        }
    }
}

/// Something about the import a person should look at: a cell that could not be classified, a
/// column that was not recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    /// The cell: `register.xlsx!Blad1!F12`.
    pub cell: String,
    /// The column's heading.
    pub column: String,
    /// The cell's text.
    pub text: String,
    /// What happened and what to do.
    pub message: String,
    /// Values that could be meant (snake_case forms).
    pub candidates: Vec<String>,
}

impl std::fmt::Display for ImportNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.cell)?;
        if !self.column.is_empty() {
            write!(f, " ({})", self.column)?;
        }
        if !self.text.is_empty() && self.text != self.column {
            let shown: String = self.text.chars().take(80).collect();
            let more = if self.text.chars().count() > 80 { "…" } else { "" };
            write!(f, " {shown:?}{more}")?;
        }
        write!(f, ": {}", self.message)?;
        if !self.candidates.is_empty() {
            write!(f, " (candidates: {})", self.candidates.join(", "))?;
        }
        Ok(())
    }
}

/// How much of the sheet became typed fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportStats {
    /// Non-empty cells read.
    pub cells: usize,
    /// Cells classified into typed fields.
    pub typed: usize,
    /// Cells kept as text (under `unclassified`, or as a basis's `wording`).
    pub kept_as_text: usize,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Import {
    /// The register.
    pub register: Register,
    /// What to look at.
    pub notes: Vec<ImportNote>,
    /// How much was classified.
    pub stats: ImportStats,
    /// The sheet's headings with the column each was read as.
    pub columns: Vec<(String, Option<Column>)>,
    /// Where it came from (`register.xlsx (sheet Blad1)`).
    pub source: String,
}

/// Why a sheet could not be imported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file could not be read.
    #[error("{file}: cannot read: {source}")]
    Read {
        /// The file.
        file: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The extension names no format ropa imports.
    #[error("{file}: cannot import `.{extension}` files; use .csv, .xlsx, .xls or .ods")]
    UnknownFormat {
        /// The file.
        file: String,
        /// Its extension.
        extension: String,
    },
    /// A CSV file is not UTF-8.
    #[error("{file}: not UTF-8 text (at byte {offset}); save the file as \"CSV UTF-8\" and import that")]
    NotUtf8 {
        /// The file.
        file: String,
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// A CSV file is malformed.
    #[error("{file}:{line}: not valid CSV: {message}")]
    Csv {
        /// The file.
        file: String,
        /// The line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A workbook could not be opened or read.
    #[error("{file}: {message}")]
    Workbook {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// The named sheet does not exist.
    #[error("{file}: no sheet `{sheet}`; the workbook has: {}", available.join(", "))]
    NoSuchSheet {
        /// The file.
        file: String,
        /// The sheet asked for.
        sheet: String,
        /// The sheets there are.
        available: Vec<String>,
    },
    /// The sheet is larger than ropa imports.
    #[error("{file}: larger than the import limit of {limit}; split the sheet")]
    TooLarge {
        /// The file.
        file: String,
        /// The limit.
        limit: String,
    },
    /// The sheet has no rows with content.
    #[error("{file}{}: the sheet holds no activities", sheet.as_ref().map_or_else(String::new, |s| format!(" (sheet {s})")))]
    EmptySheet {
        /// The file.
        file: String,
        /// The sheet.
        sheet: Option<String>,
    },
    /// No row reads as the headings of a register.
    #[error("{file}: no row of headings found that names the activity and at least one other column (first row: {}); name the columns in a mapping file (`--map`)", first_row.join(" | "))]
    NoHeadingRow {
        /// The file.
        file: String,
        /// The first row with content.
        first_row: Vec<String>,
    },
    /// The mapping file is not valid.
    #[error("{file}: not a valid mapping file: {message}")]
    Mapping {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// A bug in ropa: the built register did not deserialise.
    #[error("internal error while building the register: {message}; please report it")]
    Internal {
        /// What went wrong.
        message: String,
    },
}

/// Imports the sheet at `path`.
pub fn import_path(path: &Path, options: &ImportOptions) -> Result<Import, ImportError> {
    let table = read_table(path, options.sheet.as_deref())?;
    import_table(&table, options)
}

/// Imports a sheet already read.
pub fn import_table(table: &Table, options: &ImportOptions) -> Result<Import, ImportError> {
    let (register, notes, stats, layout) = build::build(table, options)?;
    let source = register.register.source.clone().unwrap_or_default();
    Ok(Import {
        register,
        notes,
        stats,
        columns: layout.headings.into_iter().zip(layout.columns).collect(),
        source,
    })
}

/// Reads a mapping file (TOML).
pub fn read_mapping(path: &Path) -> Result<Mapping, ImportError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Read {
        file: file.clone(),
        source,
    })?;
    toml::from_str(&text).map_err(|e| ImportError::Mapping {
        file,
        message: e.to_string(),
    })
}
