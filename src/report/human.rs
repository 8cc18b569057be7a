//! rustc-style text: `error[code]: message`, `--> file:line:col`, the source line with an
//! underline, related places, the article and the fix.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::run::{LoadErrorEntry, RunReport, Sources};
use super::sanitize;
use crate::engine::{Finding, Severity, SourceLocation};
use crate::source::{LoadError, LoadErrorKind};

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

/// One diagnostic, before rendering. Every text in it is already sanitised.
struct Diagnostic<'a> {
    level: Level<'static>,
    code: &'a str,
    title: String,
    /// The primary location and the text of its file.
    primary: Option<(&'a SourceLocation, &'a str)>,
    label: Option<&'static str>,
    /// Secondary labels in the same file: (byte range, label).
    context: Vec<(usize, usize, String)>,
    /// Notes after the snippet.
    notes: Vec<String>,
    help: Option<String>,
}

impl Diagnostic<'_> {
    fn render(&self, style: HumanRenderer) -> String {
        let title = self
            .level
            .clone()
            .primary_title(self.title.as_str())
            .id(self.code);
        let mut groups: Vec<Group<'_>> = Vec::new();
        let file_name = self
            .primary
            .map(|(location, _)| sanitize(&location.file).into_owned());
        match (self.primary, &file_name) {
            (Some((location, text)), Some(file_name)) => {
                let mut snippet = Snippet::source(text)
                    .path(file_name.as_str())
                    .fold(true)
                    .annotation(
                        AnnotationKind::Primary
                            .span(location.start_byte..location.end_byte)
                            .label(self.label),
                    );
                for (start, end, label) in &self.context {
                    snippet =
                        snippet.annotation(AnnotationKind::Context.span(*start..*end).label(label.as_str()));
                }
                groups.push(title.element(snippet));
            }
            _ => groups.push(Group::with_title(title)),
        }
        for note in &self.notes {
            groups.push(Group::with_title(Level::NOTE.secondary_title(note.as_str())));
        }
        if let Some(help) = &self.help {
            groups.push(Group::with_title(Level::HELP.secondary_title(help.as_str())));
        }
        style.renderer().render(&groups)
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn clean(text: &str) -> String {
    sanitize(text).into_owned()
}

/// The short label under a load error's underline.
fn load_error_label(code: &str) -> Option<&'static str> {
    Some(match code {
        "unknown-field" => "unknown field",
        "missing-field" => "in this mapping",
        "wrong-type" => "wrong type",
        "unknown-value" => "unknown value",
        "invalid-id" | "invalid-date" | "invalid-period" | "invalid-country" | "invalid-value" => {
            "invalid value"
        }
        "duplicate-key" => "duplicate key",
        "too-deep" => "too deep",
        "too-many-values" => "limit reached here",
        "syntax" => "here",
        "unknown-rule" => "unknown rule",
        _ => return None,
    })
}

fn render_load_entry(
    entry: &LoadErrorEntry,
    text: Option<&str>,
    first_key: Option<(usize, usize)>,
    style: HumanRenderer,
) -> String {
    let mut notes = Vec::new();
    if entry.location.is_none() {
        notes.push(format!("file: {}", clean(&entry.file)));
    }
    if let Some(path) = &entry.path {
        notes.push(format!("field: {}", clean(path)));
    }
    Diagnostic {
        level: Level::ERROR,
        code: &entry.code,
        title: clean(&entry.message),
        primary: entry.location.as_ref().zip(text),
        label: load_error_label(&entry.code),
        context: first_key
            .map(|(s, e)| vec![(s, e, "first here".to_owned())])
            .unwrap_or_default(),
        notes,
        help: entry.help.as_deref().map(clean),
    }
    .render(style)
}

/// Renders a load error: the message, the file position with the offending text underlined,
/// the field path and the fix.
pub fn render_load_error(error: &LoadError, style: HumanRenderer) -> String {
    let entry = LoadErrorEntry::from(error);
    let text = error.source_file.as_ref().map(|f| clean(f.text()));
    let first = match &*error.kind {
        LoadErrorKind::DuplicateKey { first, .. } => Some((first.start, first.end)),
        _ => None,
    };
    render_load_entry(&entry, text.as_deref(), first, style)
}

/// Renders a finding: the message under the rule id, the file position with the field
/// underlined, related places in the same file as secondary labels (in other files as notes),
/// then the articles and the hint. A finding without a location (a register built in code) shows
/// its field path instead.
pub fn render_finding(finding: &Finding, sources: &Sources, style: HumanRenderer) -> String {
    let text = finding
        .location
        .as_ref()
        .and_then(|l| sources.get(&l.file))
        .map(|file| clean(file.text()));
    let mut context = Vec::new();
    let mut notes = Vec::new();
    if finding.location.is_none() {
        notes.push(format!("field: {}", clean(&finding.path.to_string())));
    }
    for related in &finding.related {
        let same_file = related
            .location
            .as_ref()
            .zip(finding.location.as_ref())
            .is_some_and(|(a, b)| a.file == b.file);
        match &related.location {
            Some(l) if same_file && text.is_some() => {
                context.push((l.start_byte, l.end_byte, clean(&related.message)))
            }
            Some(l) => notes.push(format!(
                "{}: {}:{}:{}",
                clean(&related.message),
                clean(&l.file),
                l.line,
                l.column
            )),
            None => notes.push(format!(
                "{}: {}",
                clean(&related.message),
                clean(&related.path.to_string())
            )),
        }
    }
    notes.push(format!("article: {}", finding.articles.join("; ")));
    Diagnostic {
        level: level(finding.severity),
        code: finding.rule,
        title: clean(&finding.message),
        primary: finding.location.as_ref().zip(text.as_deref()),
        label: None,
        context,
        notes,
        help: Some(clean(&finding.hint)),
    }
    .render(style)
}

/// Renders a whole run: load errors, findings, proposal verdicts, and the summary line.
pub fn render_run(run: &RunReport, sources: &Sources, style: HumanRenderer) -> String {
    let mut out = String::new();
    for entry in &run.load_errors {
        let text = entry
            .location
            .as_ref()
            .and_then(|l| sources.get(&l.file))
            .map(|f| clean(f.text()));
        out.push_str(&render_load_entry(entry, text.as_deref(), None, style));
        out.push_str("\n\n");
    }
    for finding in &run.findings {
        out.push_str(&render_finding(finding, sources, style));
        out.push_str("\n\n");
    }
    for evaluation in &run.evaluations {
        out.push_str(&format!(
            "{} against {}: {}\n",
            clean(&evaluation.proposal),
            clean(&evaluation.register),
            clean(&evaluation.verdict)
        ));
    }
    if !run.evaluations.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary_line(run));
    out.push('\n');
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `checked 9 files: 3 registers, 6 proposals; 12 errors, 3 warnings, 1 info, 2 suppressed`.
pub fn summary_line(run: &RunReport) -> String {
    let s = &run.summary;
    let mut line = format!(
        "checked {} file{}: {} register{}, {} proposal{}",
        s.files,
        plural(s.files),
        s.registers,
        plural(s.registers),
        s.proposals,
        plural(s.proposals)
    );
    if s.unreadable > 0 {
        line.push_str(&format!(", {} that could not be loaded", s.unreadable));
    }
    line.push_str(&format!(
        "; {} error{}, {} warning{}, {} info, {} suppressed",
        s.errors,
        plural(s.errors),
        s.warnings,
        plural(s.warnings),
        s.infos,
        s.suppressed
    ));
    line
}
