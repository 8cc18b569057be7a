//! rustc-style text: `error: …`, `--> file:line:col`, the source line with an underline, and
//! the fix.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::locate::Documents;
use super::sanitize;
use crate::engine::{Finding, Severity};
use crate::source::LoadError;

/// Renders diagnostics as rustc/cargo-style text.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanRenderer {
    /// Whether to use ANSI colours (only on a terminal, never with `NO_COLOR`; the caller
    /// decides).
    pub color: bool,
}

impl HumanRenderer {
    fn renderer(self) -> Renderer {
        if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
    }
}

/// Renders a load error: the message, the file position with the offending line underlined,
/// the field path and the fix.
pub fn render_load_error(error: &LoadError, style: HumanRenderer) -> String {
    let title = sanitize(&error.kind.to_string()).into_owned();
    let file_name = sanitize(&error.file.display().to_string()).into_owned();
    let path_note =
        (!error.path.segments().is_empty()).then(|| format!("field: {}", sanitize(&error.path.to_string())));
    let help = error.help().map(|h| sanitize(&h).into_owned());

    let mut primary = Level::ERROR.primary_title(title.as_str());
    let located = match (&error.source_file, error.span) {
        (Some(file), Some(span)) => Some((sanitize(file.text()).into_owned(), span)),
        _ => None,
    };
    let mut groups: Vec<Group<'_>> = Vec::new();
    match &located {
        Some((text, span)) => {
            let label = error_label(error);
            primary = primary.id(error.kind.code());
            let mut snippet = Snippet::source(text.as_str())
                .path(file_name.as_str())
                .fold(true)
                .annotation(AnnotationKind::Primary.span(span.start..span.end).label(label));
            if let crate::source::LoadErrorKind::DuplicateKey { first, .. } = &*error.kind {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(first.start..first.end)
                        .label("first here"),
                );
            }
            groups.push(primary.element(snippet));
        }
        None => {
            groups.push(Group::with_title(primary.id(error.kind.code())));
            groups.push(Group::with_title(
                Level::NOTE.secondary_title(format!("file: {file_name}")),
            ));
        }
    }
    if let Some(note) = &path_note {
        groups.push(Group::with_title(Level::NOTE.secondary_title(note.as_str())));
    }
    if let Some(help) = &help {
        groups.push(Group::with_title(Level::HELP.secondary_title(help.as_str())));
    }
    style.renderer().render(&groups)
}

/// The short label under the underline.
fn error_label(error: &LoadError) -> Option<&'static str> {
    use crate::source::LoadErrorKind as K;
    Some(match &*error.kind {
        K::UnknownField { .. } => "unknown field",
        K::MissingField { .. } => "in this mapping",
        K::WrongType { .. } => "wrong type",
        K::UnknownVariant { .. } => "unknown value",
        K::InvalidValue(_) => "invalid value",
        K::DuplicateKey { .. } => "duplicate key",
        K::TooDeep { .. } => "too deep",
        K::TooManyValues { .. } => "limit reached here",
        K::Syntax { .. } => "here",
        _ => return None,
    })
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Renders a finding: the message under the rule id, the file position with the field
/// underlined, related places in the same file as secondary labels (and in other files as notes),
/// then the articles and the hint. Findings without a location (a register built in code) show
/// the field path instead.
pub fn render_finding(finding: &Finding, documents: &Documents<'_>, style: HumanRenderer) -> String {
    let clean = |text: &str| sanitize(text).into_owned();
    let title = clean(&finding.message);
    let path_note = format!("field: {}", clean(&finding.path.to_string()));
    let articles = format!("article: {}", finding.articles.join("; "));
    let hint = clean(&finding.hint);
    let document = finding.location.as_ref().and_then(|_| match finding.subject {
        crate::engine::Subject::Register => documents.register,
        crate::engine::Subject::Proposal => documents.proposal,
    });
    let text = document.map(|d| clean(d.source().text()));
    let file_name = finding.location.as_ref().map(|l| clean(&l.file));
    let related: Vec<(bool, String, Option<(usize, usize)>)> = finding
        .related
        .iter()
        .map(|r| {
            let same_file = r
                .location
                .as_ref()
                .zip(finding.location.as_ref())
                .is_some_and(|(a, b)| a.file == b.file);
            let place = match &r.location {
                Some(l) => format!("{}:{}:{}", clean(&l.file), l.line, l.column),
                None => clean(&r.path.to_string()),
            };
            let span = r.location.as_ref().map(|l| (l.start_byte, l.end_byte));
            (same_file, format!("{}: {place}", clean(&r.message)), span)
        })
        .collect();

    let primary = level(finding.severity)
        .primary_title(title.as_str())
        .id(finding.rule);
    let mut groups: Vec<Group<'_>> = Vec::new();
    match (&text, &finding.location, &file_name) {
        (Some(text), Some(location), Some(file_name)) => {
            let mut snippet = Snippet::source(text.as_str())
                .path(file_name.as_str())
                .fold(true)
                .annotation(AnnotationKind::Primary.span(location.start_byte..location.end_byte));
            for (same_file, label, span) in &related {
                if let (true, Some((start, end))) = (same_file, span) {
                    let label = label.split(": ").next().unwrap_or_default();
                    snippet = snippet.annotation(AnnotationKind::Context.span(*start..*end).label(label));
                }
            }
            groups.push(primary.element(snippet));
        }
        _ => {
            groups.push(Group::with_title(primary));
            groups.push(Group::with_title(Level::NOTE.secondary_title(path_note.as_str())));
        }
    }
    for (same_file, label, _) in &related {
        if !same_file {
            groups.push(Group::with_title(Level::NOTE.secondary_title(label.as_str())));
        }
    }
    groups.push(Group::with_title(Level::NOTE.secondary_title(articles.as_str())));
    groups.push(Group::with_title(Level::HELP.secondary_title(hint.as_str())));
    style.renderer().render(&groups)
}
