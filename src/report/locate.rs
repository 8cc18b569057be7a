//! Turning findings' field paths into file positions.

use crate::engine::{Finding, SourceLocation, Subject};
use crate::path::FieldPath;
use crate::source::Document;

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
        let (start, end) = file.range(span);
        Some(SourceLocation {
            file: file.name().to_owned(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            start_byte: span.start,
            end_byte: span.end,
        })
    }
}

/// Fills in the location of every finding and related location whose document is given, and
/// writes the snippets in each hint in that document's syntax (a JSON file gets JSON).
pub fn locate(findings: &mut [Finding], documents: Documents<'_>) {
    for finding in findings {
        finding.location = documents.locate(finding.subject, &finding.path);
        if let Some(document) = documents.of(finding.subject)
            && let std::borrow::Cow::Owned(hint) = super::hint::in_format(&finding.hint, document.format())
        {
            finding.hint = hint.into();
        }
        for related in &mut finding.related {
            related.location = documents.locate(related.subject, &related.path);
        }
    }
}
