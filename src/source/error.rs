//! Load errors: every way a file can fail to become a register or proposal, each with the file,
//! the position and the field path, and a fix.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use super::Format;
use super::file::{Position, SourceFile};
use super::tree::Span;
use crate::model::ValueError;
use crate::path::FieldPath;
use crate::sanitize::sanitize;

/// What went wrong while loading a file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The file could not be read.
    #[error("cannot read the file: {}", io_reason(.0))]
    Io(#[source] std::io::Error),
    /// The path is a symbolic link, and links are not followed.
    #[error("the file is a symbolic link, which ropa does not follow")]
    SymbolicLink,
    /// The path resolves, through symbolic links, to a file outside the directory tree being
    /// checked (refused even with `--follow-symlinks`).
    #[error(
        "the file is a symbolic link to a place outside the checked directory, which ropa does not follow"
    )]
    LinkLeavesTree,
    /// The path is not a regular file.
    #[error("not a regular file")]
    NotAFile,
    /// The file is larger than the size limit.
    #[error("the file has {size} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("the file is not UTF-8 text (invalid byte at offset {valid_up_to})")]
    NotUtf8 {
        /// Bytes before the first invalid one.
        valid_up_to: usize,
    },
    /// The format cannot be told from the file name.
    #[error("cannot tell the format from the file name{}", extension.as_ref().map(|e| format!(" (extension `.{e}`)")).unwrap_or_default())]
    UnknownFormat {
        /// The extension, if any.
        extension: Option<String>,
    },
    /// The text is not valid YAML, TOML or JSON.
    #[error("{} syntax error: {message}", format.name())]
    Syntax {
        /// The format being parsed.
        format: super::Format,
        /// The parser's description.
        message: String,
    },
    /// The file nests deeper than the limit.
    #[error("the file nests deeper than {limit} levels")]
    TooDeep {
        /// The depth limit.
        limit: usize,
    },
    /// The file has more values than the limit, or its YAML aliases expand to more values than
    /// the alias limit.
    #[error("{}", if *via_aliases { format!("YAML aliases expand to more than {limit} values") } else { format!("the file has more than {limit} values") })]
    TooManyValues {
        /// The limit.
        limit: usize,
        /// Whether aliases pushed it over (an alias bomb).
        via_aliases: bool,
    },
    /// A YAML feature that a register has no use for (tags, complex keys, several documents).
    #[error("unsupported YAML: {feature}")]
    UnsupportedYaml {
        /// What was found.
        feature: String,
    },
    /// The file holds no document (it is empty, or holds only comments or whitespace).
    #[error("the file is empty or holds only comments")]
    Empty,
    /// A mapping has the same key twice.
    #[error("duplicate key `{key}`")]
    DuplicateKey {
        /// The key.
        key: String,
        /// Where it first appears.
        first: Span,
    },
    /// A mapping has a key the model does not know.
    #[error("unknown field `{field}`")]
    UnknownField {
        /// The key as written.
        field: String,
        /// The fields allowed here.
        expected: Vec<&'static str>,
        /// The nearest allowed field, if one is close.
        suggestion: Option<&'static str>,
    },
    /// A required field is absent.
    #[error("missing field `{field}`")]
    MissingField {
        /// The field.
        field: &'static str,
    },
    /// A value has the wrong type.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What the model expects here.
        expected: String,
        /// What the file has.
        found: String,
    },
    /// A value of the right type outside the range allowed, such as a negative count.
    #[error("expected {expected}, found {found}")]
    OutOfRange {
        /// What the model allows here.
        expected: String,
        /// What the file has.
        found: String,
    },
    /// A value is not one of the allowed words.
    #[error("unknown value `{value}`")]
    UnknownVariant {
        /// The value as written.
        value: String,
        /// The allowed values.
        expected: Vec<&'static str>,
        /// The nearest allowed value, if one is close.
        suggestion: Option<&'static str>,
    },
    /// An id, date, period or country code is malformed.
    #[error("{0}")]
    InvalidValue(ValueError),
    /// A sequence or mapping has the wrong number of elements.
    #[error("expected {expected}, found {found} elements")]
    InvalidLength {
        /// What was expected.
        expected: String,
        /// How many were found.
        found: usize,
    },
    /// Any other value error.
    #[error("{message}")]
    Invalid {
        /// The description.
        message: String,
    },
}

impl LoadErrorKind {
    /// A stable kebab-case code for the kind of error, for output formats and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Io(_) => "io",
            Self::SymbolicLink => "symbolic-link",
            Self::LinkLeavesTree => "link-leaves-tree",
            Self::NotAFile => "not-a-file",
            Self::TooLarge { .. } => "too-large",
            Self::NotUtf8 { .. } => "not-utf8",
            Self::UnknownFormat { .. } => "unknown-format",
            Self::Syntax { .. } => "syntax",
            Self::TooDeep { .. } => "too-deep",
            Self::TooManyValues { .. } => "too-many-values",
            Self::UnsupportedYaml { .. } => "unsupported-yaml",
            Self::Empty => "empty",
            Self::DuplicateKey { .. } => "duplicate-key",
            Self::UnknownField { .. } => "unknown-field",
            Self::MissingField { .. } => "missing-field",
            Self::WrongType { .. } => "wrong-type",
            Self::OutOfRange { .. } => "out-of-range",
            Self::UnknownVariant { .. } => "unknown-value",
            Self::InvalidValue(ValueError::Id { .. }) => "invalid-id",
            Self::InvalidValue(ValueError::Date { .. }) => "invalid-date",
            Self::InvalidValue(ValueError::Period { .. }) => "invalid-period",
            Self::InvalidValue(ValueError::Country { .. }) => "invalid-country",
            Self::Invalid { .. } => "invalid-value",
            Self::InvalidLength { .. } => "invalid-length",
        }
    }

    /// A sentence that says how to fix the error, where there is one to give.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            Self::SymbolicLink => "check the file the link points to directly, or pass --follow-symlinks".into(),
            Self::LinkLeavesTree => "check the file the link points to directly, by naming it on the command line".into(),
            Self::TooLarge { .. } => "split the register into smaller files, or raise the limit with --max-file-size".into(),
            Self::NotUtf8 { .. } => "save the file as UTF-8".into(),
            Self::UnknownFormat { .. } => "name the file .yaml, .yml, .toml or .json, or give the format with --input-format".into(),
            Self::TooDeep { .. } => "a register needs only a few levels of nesting; flatten the file".into(),
            Self::TooManyValues { via_aliases: true, .. } => {
                "YAML aliases here expand to an enormous document; write the values out or use fewer aliases".into()
            }
            Self::TooManyValues { .. } => "split the register into smaller files, or raise the limit with --max-values".into(),
            Self::UnsupportedYaml { .. } => "write plain YAML: one document, string keys, no tags".into(),
            Self::DuplicateKey { key, .. } => format!("keep one `{key}` entry and remove the other"),
            Self::UnknownField { suggestion: Some(s), .. } => format!("did you mean `{s}`?"),
            Self::UnknownField { expected, .. } => format!("allowed here: {}", list(expected)),
            Self::MissingField { field } => format!("add the `{field}` field"),
            Self::Empty => "write a register (it starts with `controller:`) or a proposal (`activity:`); `ropa init` writes a starter register".into(),
            Self::UnknownVariant { suggestion: Some(s), .. } => format!("did you mean `{s}`?"),
            Self::UnknownVariant { expected, .. } => format!("use one of: {}", list(expected)),
            Self::InvalidLength { expected, .. } if expected.contains("`not_stated`") => {
                "write `none` if there are none, or `not_stated` if the register does not say: an empty list says neither".into()
            }
            Self::WrongType { expected, found } | Self::OutOfRange { expected, found } => {
                return expected_help(expected, found);
            }
            Self::Syntax { format, message } => syntax_help(*format, message),
            Self::InvalidValue(ValueError::Id { .. }) => {
                "ids use lowercase letters a-z, digits, `_`, `-` and `.`; put the organisation's wording in `label`".into()
            }
            Self::InvalidValue(ValueError::Date { .. }) => "write dates as YYYY-MM-DD, e.g. 2021-03-16".into(),
            Self::InvalidValue(ValueError::Period { .. }) => {
                "write periods as ISO 8601 durations: P5Y (5 years), P1M (1 month), P14D (14 days), PT72H (72 hours)".into()
            }
            Self::InvalidValue(ValueError::Country { .. }) => "use an ISO 3166-1 alpha-2 code such as NL, DE or US".into(),
            _ => return None,
        })
    }
}

/// What to write instead of a value of the wrong type or out of range, by what the model
/// expects there (in the words of [`super::de`], which names every expectation plainly).
fn expected_help(expected: &str, found: &str) -> Option<String> {
    let expects = |words: &str| expected.contains(words);
    let found_text = found.starts_with("the string");
    Some(match () {
        () if expects("boolean") => "write `true` or `false` (without quotes)".into(),
        () if expects("whole number") && found_text => "write the number without quotes, e.g. `12`".into(),
        () if expects("whole number") => "write a whole number, without a sign or decimals, e.g. `12`".into(),
        () if expects("mapping of field names") => {
            "write the fields by name, as a mapping (in YAML `field: value` lines or `{ field: value }`), not as a list of values".into()
        }
        () if expects("`not_stated`") => {
            "write a list, e.g. `[a, b]`, even for a single item; `none` if there are none, or `not_stated` if the register does not say".into()
        }
        () if expects("a list") => "write a list, e.g. `[a, b]`, even for a single item".into(),
        () if expects("one of") && found.contains("several keys") => {
            "keep one key, one of the words listed, with its details below it: the value is one of them, not several".into()
        }
        () if expects("one of") => "write one of the words listed".into(),
        () if expects("a string") && (found.contains("mapping") || found.contains("list")) => {
            "write a single text value here, e.g. `\"…\"`".into()
        }
        () if expects("a string") => "put the value in quotes to make it a string".into(),
        () => return None,
    })
}

/// What to do about a syntax error, from the parser's words: the usual slips of each format.
fn syntax_help(format: Format, message: &str) -> String {
    let says = |words: &str| message.contains(words);
    match format {
        Format::Yaml if says("escape") => {
            "in double quotes a backslash starts an escape (`\\n`, `\\\"`, `\\\\`): write `\\\\` for a backslash, or use single quotes".into()
        }
        Format::Yaml if says("tab") => "indent with spaces: YAML does not allow tabs for indentation".into(),
        Format::Yaml if says("only closes on line") => {
            "close the quote on this line, or remove it if the value is not meant to be quoted".into()
        }
        Format::Yaml if says("trailing content after") => {
            "a value that starts with a quote ends at its closing quote: put the whole value in single quotes, or do not start it with a quote".into()
        }
        Format::Yaml if says("quoted scalar") || says("quote") => {
            "close the quote on the same line, or indent the rest of a quoted value further than its key".into()
        }
        Format::Yaml if says("expected '-' indicator") => {
            "this line is indented like the items of the list above but does not start with `- `: indent it to line up with the keys of the item above, or start a new item with `- `".into()
        }
        Format::Yaml if says("flow sequence") => {
            "a list in brackets holds items separated by commas and ends with `]`; quote an item that contains `[`, `]`, `{`, `}` or `,`".into()
        }
        Format::Yaml if says("flow mapping") => {
            "a mapping in braces holds `key: value` pairs separated by commas and ends with `}`; quote a value that contains `[`, `]`, `{`, `}` or `,`".into()
        }
        Format::Yaml if says("mapping values are not allowed") || says("expected key") || says("indentation") => {
            "check the indentation here and on the line before: the keys of one mapping line up, and a value containing `: ` needs quotes".into()
        }
        Format::Yaml => "check the indentation and the quotes on this line and the one before".into(),
        Format::Toml if says("is probably meant as") => "correct the header's name".into(),
        Format::Toml if says("is a single table") => {
            "start every entry of a list of tables with double brackets: write `[[…]]` here too".into()
        }
        Format::Toml if says("started a list") => "write double brackets, `[[…]]`, to add an entry to the list".into(),
        Format::Toml if says("this entry of") => {
            "if this belongs to a new entry, start that entry with its `[[…]]` header above it; otherwise keep one of the two".into()
        }
        Format::Toml if says("duplicate key") => {
            "keep one of the two definitions: a key, or a `[table]` header, may appear once (use `[[table]]` for a list of tables)".into()
        }
        Format::Toml if says("expected `=`") || says("no value") => "give the key a value: `key = \"value\"`".into(),
        Format::Toml if says("expected newline") => "write one `key = value` per line, and quote text values".into(),
        Format::Toml => "check the quotes, brackets and `=` on this line".into(),
        Format::Json if says("closes too early") => {
            "remove this closing bracket if it is one too many, or add the opening bracket missing above it".into()
        }
        Format::Json if says("one too many") => "remove this opening bracket".into(),
        Format::Json if says("closing bracket is probably missing") => {
            "add the closing bracket where the contents of the deeper one end".into()
        }
        Format::Json if says("Unterminated object") || says("Unterminated array") => {
            "every `{` needs its `}` and every `[` its `]`: add the missing one, or remove an extra opening one".into()
        }
        Format::Json if says("Comments") => "JSON has no comments; remove it (YAML and TOML registers may have comments)".into(),
        Format::Json if says("trailing") || says("Unexpected token") || says("Expected") => {
            "check for a missing or extra comma, colon, quote or bracket here".into()
        }
        Format::Json => "check the quotes, commas and brackets here".into(),
    }
}

fn list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A file that failed to load: what went wrong, in which file, where, and at which field.
pub struct LoadError {
    /// The file's name as given.
    pub file: PathBuf,
    /// The file's text, when it was read.
    pub source_file: Option<Arc<SourceFile>>,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// The field path, when the error concerns a value.
    pub path: FieldPath,
    /// What went wrong (boxed: it is the large part, and errors travel in `Result`s).
    pub kind: Box<LoadErrorKind>,
}

/// Short and useful when printed with `{:?}` (as `fn main() -> Result<…>` does): the file, the
/// position, the field and the error, never the whole source text.
impl std::fmt::Debug for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let position = self.range().map(|(start, _)| start);
        f.debug_struct("LoadError")
            .field("file", &self.file)
            .field("line", &position.map(|p| p.line))
            .field("column", &position.map(|p| p.column))
            .field("path", &self.path.to_string())
            .field("code", &self.kind.code())
            .field("error", &self.kind.to_string())
            .field("help", &self.help())
            .finish()
    }
}

impl LoadError {
    /// An error about the whole file, with no position.
    pub fn file(file: impl Into<PathBuf>, kind: LoadErrorKind) -> Self {
        Self {
            file: file.into(),
            source_file: None,
            span: None,
            path: FieldPath::root(),
            kind: Box::new(kind),
        }
    }

    /// The start and end positions, when the error has a span.
    pub fn range(&self) -> Option<(Position, Position)> {
        Some(self.source_file.as_ref()?.range(self.span?))
    }

    /// A sentence that says how to fix the error.
    pub fn help(&self) -> Option<String> {
        if let LoadErrorKind::UnknownField {
            field,
            suggestion: None,
            ..
        } = &*self.kind
            && let Some(help) = elsewhere_help(field, &self.path)
        {
            return Some(help);
        }
        self.kind.help()
    }
}

/// For a key unknown where it stands but a field elsewhere (a key indented one level too little or
/// too much, in YAML the usual slip), where it belongs, from the schemas.
fn elsewhere_help(field: &str, path: &FieldPath) -> Option<String> {
    // A proposal's own top-level fields name it as one; anything else is read as a register.
    let in_proposal = matches!(
        path.segments().first(),
        Some(crate::path::PathSegment::Key(root)) if root == "activity" || root == "introduces"
    );
    let homes = crate::schema::field_homes(field, in_proposal);
    let shown: Vec<String> = homes.iter().take(3).map(|home| format!("`{home}`")).collect();
    let places = match shown.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [first @ .., last] => format!("{} or {last}", first.join(", ")),
    };
    let more = match homes.len().saturating_sub(shown.len()) {
        0 => String::new(),
        n => format!(" (and {n} more place{})", if n == 1 { "" } else { "s" }),
    };
    // Where the key stands, in the same notation: its parent, with list positions as `*`.
    let segments = path.segments();
    let parent: String = segments
        .get(..segments.len().saturating_sub(1))
        .unwrap_or_default()
        .iter()
        .map(|segment| match segment {
            crate::path::PathSegment::Key(key) => format!("/{key}"),
            crate::path::PathSegment::Index(_) => "/*".to_owned(),
        })
        .collect();
    let here = if parent.is_empty() { "/".to_owned() } else { parent };
    Some(format!(
        "`{field}` is a field of {places}{more}, not of `{here}`: check the indentation of this line, or move it where it belongs"
    ))
}

/// One line: `file:line:column: message (at `/field/path`)`. Text from the input is sanitised,
/// so the line is safe to print to a terminal or a CI log.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let start = self.range().map(|(start, _)| start);
        write_located(f, &self.file, start, &self.kind.to_string(), &self.path)
    }
}

/// Writes `file:line:column: message (at `/field/path`)`, sanitised: how every located error
/// (a register's, a configuration's) prints on one line.
pub(crate) fn write_located(
    f: &mut fmt::Formatter<'_>,
    file: &std::path::Path,
    start: Option<Position>,
    message: &str,
    path: &FieldPath,
) -> fmt::Result {
    write!(f, "{}", sanitize(&file.display().to_string()))?;
    if let Some(start) = start {
        write!(f, ":{}:{}", start.line, start.column)?;
    }
    write!(f, ": {}", sanitize(message))?;
    if !path.segments().is_empty() {
        write!(f, " (at `{}`)", sanitize(&path.to_string()))?;
    }
    Ok(())
}

/// Why a file could not be read, in words, without the operating system's error number.
fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "there is no such file or directory".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::IsADirectory => "it is a directory".to_owned(),
        ErrorKind::InvalidData => "it is not valid text".to_owned(),
        // The kind's own words ("file too large", "interrupted", ...).
        kind => kind.to_string(),
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.kind {
            LoadErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
