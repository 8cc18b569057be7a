//! Turning findings' field paths into file positions: the engine names places by path, and a
//! report shows them where they are written.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;

use crate::engine::{Finding, Related, Severity, Subject};
use crate::path::FieldPath;
use crate::source::{Document, SourceFile, Span};

/// Where a value sits in a file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct SourceLocation {
    /// The file's name as given.
    pub file: String,
    /// Line of the first character, from 1.
    pub line: usize,
    /// Column of the first character, from 1, in characters.
    pub column: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column just past the end, in characters.
    pub end_column: usize,
    /// Byte offset of the first byte.
    pub start_byte: usize,
    /// Byte offset just past the end.
    pub end_byte: usize,
}

impl SourceLocation {
    /// Where `span` sits in `source`, a file named `file`.
    pub fn of(file: &str, source: &SourceFile, span: Span) -> Self {
        let (start, end) = source.range(span);
        Self {
            file: file.to_owned(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            start_byte: span.start,
            end_byte: span.end,
        }
    }
}

/// Another place that explains a finding (the engine's [`Related`]), with its position.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[schemars(rename = "Related")]
pub struct LocatedRelated {
    /// Which document.
    pub subject: Subject,
    /// The field.
    pub path: FieldPath,
    /// What it is.
    pub message: Cow<'static, str>,
    /// Its position, when the document came from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

/// One problem a rule found (the engine's [`Finding`]), as reports show it: with the position
/// of each place it names, and the snippets in its hint written in the syntax of the file it
/// points into.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[schemars(rename = "Finding")]
pub struct LocatedFinding {
    /// The rule's stable id, e.g. `special-category-without-condition`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The GDPR, UAVG or other articles it concerns.
    pub articles: &'static [&'static str],
    /// Which document the path points into.
    pub subject: Subject,
    /// The field the finding is about.
    pub path: FieldPath,
    /// Its position, when the document came from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
    /// One line: what is wrong here.
    pub message: Cow<'static, str>,
    /// Why it matters, in plain words.
    pub explanation: &'static str,
    /// How to fix it.
    pub hint: Cow<'static, str>,
    /// Other places that explain it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<LocatedRelated>,
}

impl LocatedFinding {
    /// The finding with its places located in `documents`.
    pub fn new(finding: Finding, documents: Documents<'_>) -> Self {
        let Finding {
            rule,
            severity,
            articles,
            subject,
            path,
            message,
            explanation,
            hint,
            related,
        } = finding;
        let hint = match documents.of(subject) {
            Some(document) => match super::hint::in_format(&hint, document.format()) {
                Cow::Owned(written) => Cow::Owned(written),
                Cow::Borrowed(_) => hint,
            },
            None => hint,
        };
        Self {
            location: documents.locate(subject, &path),
            related: related
                .into_iter()
                .map(
                    |Related {
                         subject,
                         path,
                         message,
                     }| LocatedRelated {
                        location: documents.locate(subject, &path),
                        subject,
                        path,
                        message,
                    },
                )
                .collect(),
            rule,
            severity,
            articles,
            subject,
            path,
            message,
            explanation,
            hint,
        }
    }

    /// The order findings are reported in: by file and position, then as
    /// [`Finding::report_order`] orders them.
    pub fn report_order(&self, other: &Self) -> std::cmp::Ordering {
        fn position(f: &LocatedFinding) -> Option<(&str, usize)> {
            f.location.as_ref().map(|l| (l.file.as_str(), l.start_byte))
        }
        position(self).cmp(&position(other)).then_with(|| {
            (self.subject, &self.path, self.rule, &self.message).cmp(&(
                other.subject,
                &other.path,
                other.rule,
                &other.message,
            ))
        })
    }
}

/// The documents findings may point into.
#[derive(Debug, Clone, Copy, Default)]
pub struct Documents<'a> {
    /// The register's document, when it came from a file.
    pub register: Option<&'a Document>,
    /// The proposal's document, when evaluating one from a file.
    pub proposal: Option<&'a Document>,
}

impl<'a> Documents<'a> {
    fn of(&self, subject: Subject) -> Option<&'a Document> {
        match subject {
            Subject::Register => self.register,
            Subject::Proposal => self.proposal,
        }
    }

    /// The location of `path` in the document for `subject`: the value itself, or the key that
    /// opens a block, or the nearest existing ancestor when the field is absent.
    pub fn locate(&self, subject: Subject, path: &FieldPath) -> Option<SourceLocation> {
        let document = self.of(subject)?;
        let mut span = document.root().display_span(path);
        let file = document.source();
        // A block without a key of its own (a list item) is shown by its first line.
        if let Some(line_end) = file.text().get(span.start..span.end).and_then(|t| t.find('\n')) {
            span.end = span.start + line_end;
        }
        Some(SourceLocation::of(file.name(), file, span))
    }
}

/// Locates every finding and related place whose document is given, and writes the snippets in
/// each hint in that document's syntax (a JSON file gets JSON).
pub fn locate(findings: Vec<Finding>, documents: Documents<'_>) -> Vec<LocatedFinding> {
    findings
        .into_iter()
        .map(|finding| LocatedFinding::new(finding, documents))
        .collect()
}
