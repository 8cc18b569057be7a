//! Loading registers and proposals from YAML, TOML and JSON files.
//!
//! Each file is read once into a *located tree* ([`Node`]): every value and key carries its byte
//! span. Typed model values are deserialised from that tree, so every error — syntax, wrong type,
//! unknown or missing field, bad id, date or period — names the file, the line and column, and
//! the field path, and suggests a fix. The tree is kept in the returned [`Document`] so that any
//! [`FieldPath`] a rule reports can be turned into a position later.
//!
//! Hostile input is refused early and cheaply: files over a size limit, nesting beyond a depth
//! limit, YAML alias bombs (every expansion counts against a value budget), symbolic links
//! (unless asked to follow them), and text that is not UTF-8.
//!
//! ```
//! use ropa::source::{Document, Format, Limits};
//!
//! let text = "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n  emial: x\n";
//! let error = Document::parse("register.yaml", text, Format::Yaml, Limits::default())
//!     .and_then(|doc| doc.register().map(|_| ()))
//!     .unwrap_err();
//! assert_eq!(error.to_string(), "register.yaml:4:3: unknown field `emial` (at `/controller/emial`)");
//! ```

mod de;
mod error;
mod file;
mod json;
mod limits;
mod recover;
mod toml;
mod tree;
mod yaml;

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

pub(crate) use error::write_located;
pub use error::{LoadError, LoadErrorKind};
pub use file::{Position, SourceFile};
pub use limits::{Limits, MAX_DEPTH};
pub use recover::MAX_ERRORS_PER_FILE;
pub use tree::{Entry, Node, Span, Value};

use crate::model::{Proposal, Register};
use crate::path::FieldPath;

crate::model::macros::list_enum! {
    /// A file format ropa reads. Its string form is `yaml`, `toml` or `json`; [`Format::name`] gives
    /// the name messages use.
    pub enum Format {
        /// YAML 1.2 (`.yaml`, `.yml`).
        Yaml,
        /// TOML 1.0 (`.toml`).
        Toml,
        /// JSON (`.json`).
        Json,
    }
}

impl Format {
    /// The format a file name's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "yaml" | "yml" => Some(Self::Yaml),
            "toml" => Some(Self::Toml),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

impl Format {
    /// The format's name as messages write it: `YAML`, `TOML`, `JSON`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Yaml => "YAML",
            Self::Toml => "TOML",
            Self::Json => "JSON",
        }
    }
}

crate::model::macros::list_enum! {
    /// What a document holds, told from its top-level keys.
    pub enum DocumentKind {
        /// A register (it has a `controller`).
        Register,
        /// A proposal (it has an `activity` and no `controller`).
        Proposal,
    }
}

/// How to read files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The format; `None` picks it from the file extension.
    pub format: Option<Format>,
    /// Size, depth and value limits.
    pub limits: Limits,
    /// Whether to read through symbolic links. Off by default: in CI a pull request could add a
    /// link to a secret file, and error messages quote source lines.
    pub follow_symlinks: bool,
}

/// A parsed file: its text and its located tree, not yet typed.
#[derive(Debug, Clone)]
pub struct Document {
    source: Arc<SourceFile>,
    format: Format,
    root: Node,
}

impl Document {
    /// Parses `text` as `format`; `name` is used in messages.
    pub fn parse(name: &str, text: &str, format: Format, limits: Limits) -> Result<Self, LoadError> {
        let source = Arc::new(SourceFile::new(name, text));
        if text.len() as u64 > limits.max_file_size {
            return Err(LoadError::file(
                name,
                LoadErrorKind::TooLarge {
                    size: text.len() as u64,
                    limit: limits.max_file_size,
                },
            ));
        }
        let parsed = match format {
            Format::Yaml => yaml::parse(&source, limits),
            Format::Toml => toml::parse(text, limits),
            Format::Json => json::parse(text, limits),
        };
        match parsed {
            Ok(root) => Ok(Self { source, format, root }),
            Err(failure) => Err(LoadError {
                file: name.into(),
                source_file: Some(source),
                span: failure.span,
                path: FieldPath::root(),
                kind: Box::new(failure.kind),
            }),
        }
    }

    /// Reads and parses the file at `path`.
    pub fn read(path: &Path, options: &ReadOptions) -> Result<Self, LoadError> {
        // A missing file is reported as missing, before its name is judged.
        if let Err(error) = std::fs::symlink_metadata(path) {
            return Err(LoadError::file(path, LoadErrorKind::Io(error)));
        }
        let format = match options.format.or_else(|| Format::from_path(path)) {
            Some(format) => format,
            None => {
                let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
                return Err(LoadError::file(path, LoadErrorKind::UnknownFormat { extension }));
            }
        };
        let text = read_text(path, options)?;
        Self::parse(&path.display().to_string(), &text, format, options.limits)
    }

    /// The file's text and name.
    pub fn source(&self) -> &Arc<SourceFile> {
        &self.source
    }

    /// The format it was parsed as.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The located tree.
    pub fn root(&self) -> &Node {
        &self.root
    }

    /// What the document holds: a proposal if it has an `activity` and no `controller`,
    /// otherwise a register.
    pub fn kind(&self) -> DocumentKind {
        let has = |key: &'static str| self.root.get(&FieldPath::root().key(key)).is_some();
        if has("activity") && !has("controller") {
            DocumentKind::Proposal
        } else {
            DocumentKind::Register
        }
    }

    /// Whether the document is a register or proposal, judged by its parsed top level: a
    /// `controller` or `activity` key that is not a mapping of another tool's (a Helm chart's
    /// `controller:` settings), or a `$schema` that names ropa's schema. A directory walk checks
    /// only such documents, so a repository's `package.json`, `.pre-commit-config.yaml`, a Helm
    /// chart or a copy of ropa's own JSON Schemas is skipped, not reported as a broken register.
    ///
    /// `controller` or `activity` counts unless it is a mapping without any of the fields that
    /// only ropa's controller or activity has, in a document without any other top-level key of
    /// a register or proposal.
    pub fn is_ropa(&self) -> bool {
        /// Top-level keys of a register or proposal besides `controller` and `activity`.
        const OTHER_KEYS: &[&str] = &[
            "activities",
            "catalogues",
            "statement",
            "defaults",
            "register",
            "processing_on_behalf",
            "introduces",
            "rationale",
        ];
        /// Fields that mark a mapping as ropa's controller or activity.
        const OWN_FIELDS: &[&str] = &[
            "public_authority",
            "dpo",
            "contact",
            "representative",
            "short_name",
            "administrative_bodies",
            "supervisory_authority",
            "claims_art30_5_exemption",
            "employees",
            "id",
            "purposes",
            "lawful_bases",
            "data_categories",
            "data_subjects",
            "retention",
        ];
        let Value::Mapping(entries) = &self.root.value else {
            return false;
        };
        let others = entries.iter().any(|e| OTHER_KEYS.contains(&e.key.as_str()));
        entries.iter().any(|e| match e.key.as_str() {
            "controller" | "activity" => {
                others
                    || match &e.value.value {
                        Value::Mapping(fields) => fields.iter().any(|f| OWN_FIELDS.contains(&f.key.as_str())),
                        _ => true,
                    }
            }
            "$schema" => matches!(&e.value.value, Value::String(s) if s.contains("ropa")),
            _ => false,
        })
    }

    /// Deserialises the document into any model type, stopping at the first mistake.
    pub fn deserialize<T: DeserializeOwned>(&self) -> Result<T, LoadError> {
        T::deserialize(de::NodeDeserializer::new(&self.root)).map_err(|e| {
            let path = e.path();
            self.load_error(e, path)
        })
    }

    /// Deserialises the document into any model type, reporting every mistake in it (unknown
    /// fields, wrong types, missing fields, invalid values) in document order, up to
    /// [`MAX_ERRORS_PER_FILE`] (fewer on very large files: each further mistake costs a pass over
    /// the document, and the passes are bounded). The vector is never empty.
    ///
    /// A missing field drops the object that lacks it from the search, so mistakes inside that
    /// object appear once the field is added.
    pub fn deserialize_all<T: DeserializeOwned>(&self) -> Result<T, Vec<LoadError>> {
        recover::deserialize_all(&self.root).map_err(|errors| {
            errors
                .into_iter()
                .map(|(e, path)| self.load_error(e, path))
                .collect()
        })
    }

    fn load_error(&self, error: de::DeError, path: FieldPath) -> LoadError {
        LoadError {
            file: self.source.name().into(),
            source_file: Some(self.source.clone()),
            span: error.span,
            path,
            kind: Box::new(error.kind),
        }
    }

    /// Deserialises the document as a register.
    pub fn register(&self) -> Result<Register, LoadError> {
        self.deserialize()
    }

    /// Deserialises the document as a proposal.
    pub fn proposal(&self) -> Result<Proposal, LoadError> {
        self.deserialize()
    }

    /// The span of the value at `path`, if the document has one there.
    pub fn span_of(&self, path: &FieldPath) -> Option<Span> {
        self.root.get(path).map(|node| node.span)
    }

    /// The span of the value at `path` or, when it is absent, of its nearest ancestor.
    pub fn nearest_span(&self, path: &FieldPath) -> Span {
        self.root.nearest_span(path)
    }
}

/// A typed value together with the document it came from.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// The typed value.
    pub value: T,
    /// The document, for turning field paths into positions.
    pub document: Document,
}

/// Refuses `path` when, through symbolic links, it resolves to a place outside `tree` (the
/// directory given on the command line). With `--follow-symlinks` a link may be read, but never
/// one that leaves the tree: a pull request could otherwise add a link to a secret elsewhere on
/// the runner, and error messages quote source lines.
pub fn check_within_tree(path: &Path, tree: &Path) -> Result<(), LoadError> {
    let io = |e| LoadError::file(path, LoadErrorKind::Io(e));
    let tree = std::fs::canonicalize(tree).map_err(io)?;
    let real = std::fs::canonicalize(path).map_err(io)?;
    if real.starts_with(&tree) {
        Ok(())
    } else {
        Err(LoadError::file(path, LoadErrorKind::LinkLeavesTree))
    }
}

/// Whether text that could not be parsed may have been meant as a register or proposal: it has
/// `controller` or `activity` written as a key anywhere (after a line start, space, quote, `{`,
/// `[` or `,`, and before `:`, `=`, `.` or `]`, quoted or not), or a `\u` escape (in YAML and
/// TOML also `\U` or `\x`), which could spell either. A directory walk reports such a file as broken and skips the rest
/// (a Helm template naming an `ingress-controller` is not taken for a register); a file that
/// parses is judged by [`Document::is_ropa`] instead, so no comment, quoting, spacing or byte
/// order mark can make a walk skip a register or proposal.
pub fn looks_like_ropa(text: &str, format: Format) -> bool {
    // An escape could spell either key (`"\\u0061ctivity"`, YAML's `"\\x61ctivity"`).
    let escaped = match format {
        Format::Json => text.contains("\\u"),
        Format::Toml | Format::Yaml => ["\\u", "\\U", "\\x"].iter().any(|e| text.contains(e)),
    };
    has_key(text, "controller") || has_key(text, "activity") || escaped
}

/// Whether `word` is written as a key somewhere in `text`, in any of the three formats, without
/// parsing it (see [`looks_like_ropa`]).
pub(crate) fn has_key(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text.get(..at).and_then(|t| t.chars().next_back());
        let after = text.get(at + word.len()..).unwrap_or_default();
        // The separator may follow on a later line (a JSON key before a line break, YAML's
        // explicit `? key` then `:`), and the key end a YAML explicit-key line.
        let after = after.trim_start_matches(['"', '\'']).trim_start();
        before.is_none_or(|c| c.is_whitespace() || "\"'{[,?\u{feff}".contains(c))
            && (after.starts_with([':', '=', '.', ']']) || after.is_empty())
    })
}

/// Reads and loads a register.
pub fn load_register(path: &Path, options: &ReadOptions) -> Result<Loaded<Register>, LoadError> {
    let document = Document::read(path, options)?;
    Ok(Loaded {
        value: document.register()?,
        document,
    })
}

/// Reads and loads a proposal.
pub fn load_proposal(path: &Path, options: &ReadOptions) -> Result<Loaded<Proposal>, LoadError> {
    let document = Document::read(path, options)?;
    Ok(Loaded {
        value: document.proposal()?,
        document,
    })
}

/// Reads a file's text, refusing links (unless allowed), non-files, oversized files and
/// non-UTF-8 text before anything is parsed.
fn read_text(path: &Path, options: &ReadOptions) -> Result<String, LoadError> {
    let fail = |kind| LoadError::file(path, kind);
    let link = std::fs::symlink_metadata(path).map_err(|e| fail(LoadErrorKind::Io(e)))?;
    if link.file_type().is_symlink() && !options.follow_symlinks {
        return Err(fail(LoadErrorKind::SymbolicLink));
    }
    // Judged before opening: opening a FIFO (or a device) for reading waits for a writer.
    let target = std::fs::metadata(path).map_err(|e| fail(LoadErrorKind::Io(e)))?;
    if !target.is_file() {
        return Err(fail(LoadErrorKind::NotAFile));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(LoadErrorKind::Io(e)))?;
    let metadata = file.metadata().map_err(|e| fail(LoadErrorKind::Io(e)))?;
    if !metadata.is_file() {
        return Err(fail(LoadErrorKind::NotAFile));
    }
    let limit = options.limits.max_file_size;
    if metadata.len() > limit {
        return Err(fail(LoadErrorKind::TooLarge {
            size: metadata.len(),
            limit,
        }));
    }
    // Read at most one byte past the limit, in case the file grows after the size check.
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| fail(LoadErrorKind::Io(e)))?;
    if bytes.len() as u64 > limit {
        return Err(fail(LoadErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit,
        }));
    }
    String::from_utf8(bytes).map_err(|e| {
        fail(LoadErrorKind::NotUtf8 {
            valid_up_to: e.utf8_error().valid_up_to(),
        })
    })
}
