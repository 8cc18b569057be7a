//! rustc-style text: `error[code]: message`, `--> file:line:col`, the source line with an
//! underline, related places, the article and the fix.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::UNPAIRED;
use super::locate::{LocatedFinding, SourceLocation};
use super::run::{LoadErrorEntry, RunReport, Sources};
use super::sanitize;
use crate::config::ConfigError;
use crate::engine::Severity;
use crate::sanitize::{break_workflow_commands, sanitize_line};
use crate::source::{LoadError, LoadErrorKind, SourceFile};

/// Renders diagnostics as rustc/cargo-style text.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanRenderer {
    /// Whether to use ANSI colours. The caller decides; the `ropa` command follows `NO_COLOR`,
    /// `CLICOLOR` and `CLICOLOR_FORCE`.
    pub color: bool,
    /// Whether a finding that repeats in a file (the same rule and the same fix, three times or
    /// more) is shown once, with the places of the others, and the run opens with a summary per
    /// file. Off, every finding is shown in full.
    pub group_repeats: bool,
}

/// How many times a finding must repeat in a file before [`HumanRenderer::group_repeats`]
/// shows it once.
const REPEATS: usize = 3;

impl HumanRenderer {
    fn renderer(self) -> Renderer {
        if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
    }
}

/// The longest stretch of lines shown in one snippet, in bytes. A longer one (a register
/// written on one line, a minified JSON file) is not quoted: the position and an excerpt are
/// shown instead, so that showing a finding never costs the whole file.
const MAX_SNIPPET_BYTES: usize = 2_000;
/// The most related places shown as snippets under one finding; the rest are counted in a note.
const MAX_RELATED_SNIPPETS: usize = 8;

/// How close, in bytes of whole lines, a related place must be to share the finding's snippet
/// (as rustc shows a nearby "first defined here" in the same snippet).
const NEAR_BYTES: usize = 600;

/// A span to underline, in bytes of the file, with its label.
#[derive(Clone)]
struct Mark {
    start: usize,
    end: usize,
    label: Option<String>,
    primary: bool,
}

/// Whole lines of one file shown under a diagnostic, sanitised, with their marks.
struct Window {
    first_line: usize,
    /// The window's first byte in the file.
    from: usize,
    text: String,
    marks: Vec<Mark>,
}

impl Window {
    /// The lines from `start` to `end` (file bytes) with `marks`, or `None` when they are longer
    /// than `limit` bytes.
    fn over(file: &SourceFile, start: usize, end: usize, marks: Vec<Mark>, limit: usize) -> Option<Self> {
        let (first_line, from, to) = file.lines_of(start, end);
        if to - from > limit {
            return None;
        }
        Some(Self {
            first_line,
            from,
            text: break_workflow_commands(&sanitize(&without_line_end_returns(file.text().get(from..to)?))),
            marks,
        })
    }

    /// This window widened to hold `mark` too, when the result stays near.
    fn widened(&self, file: &SourceFile, mark: &Mark) -> Option<Self> {
        let start = self.from.min(mark.start);
        let end = (self.from + self.text.len()).max(mark.end);
        let mut marks = self.marks.clone();
        marks.push(mark.clone());
        Self::over(file, start, end, marks, NEAR_BYTES.max(self.text.len()))
    }

    /// A mark's span relative to the window's text.
    fn relative(&self, mark: &Mark) -> std::ops::Range<usize> {
        let start = mark.start.saturating_sub(self.from).min(self.text.len());
        let end = mark.end.saturating_sub(self.from).clamp(start, self.text.len());
        start..end
    }
}

/// One diagnostic, before rendering. Every text in it is already sanitised.
struct Diagnostic<'a> {
    level: Level<'static>,
    code: &'a str,
    title: String,
    /// The file's name, and the lines to show from it (the primary window first).
    file: Option<String>,
    windows: Vec<Window>,
    /// Where the finding is, when its lines are too long to show.
    origin: Option<(usize, usize)>,
    /// Notes after the snippet.
    notes: Vec<String>,
    help: Option<String>,
}

impl<'a> Diagnostic<'a> {
    /// The windows for a primary mark and its context marks in `file`: context marks near the
    /// primary share its window, others get their own (up to [`MAX_RELATED_SNIPPETS`]); places
    /// that cannot be shown become notes.
    fn place(&mut self, file: &SourceFile, location: &SourceLocation, primary: Mark, context: Vec<Mark>) {
        self.file = Some(clean(&location.file));
        match Window::over(
            file,
            primary.start,
            primary.end,
            vec![primary.clone()],
            MAX_SNIPPET_BYTES,
        ) {
            Some(window) => self.windows.push(window),
            None => {
                self.origin = Some((location.line, location.column));
                let excerpt: String = file
                    .text()
                    .get(primary.start..primary.end)
                    .unwrap_or_default()
                    .chars()
                    .take(80)
                    .collect();
                self.notes.push(format!("at: `{}`", clean(&excerpt)));
            }
        }
        let mut hidden = 0;
        for mark in context {
            let near = self.windows.first().and_then(|w| w.widened(file, &mark));
            if let (Some(near), Some(first)) = (near, self.windows.first_mut()) {
                *first = near;
                continue;
            }
            if self.windows.len() > MAX_RELATED_SNIPPETS {
                hidden += 1;
                continue;
            }
            let (start, end) = (mark.start, mark.end);
            match Window::over(file, start, end, vec![mark.clone()], MAX_SNIPPET_BYTES) {
                Some(window) => self.windows.push(window),
                None => {
                    let position = file.position(mark.start);
                    self.notes.push(format!(
                        "{}: line {}, column {}",
                        mark.label.as_deref().unwrap_or("related"),
                        position.line,
                        position.column
                    ));
                }
            }
        }
        if hidden > 0 {
            self.notes
                .push(format!("and {hidden} more related places in this file"));
        }
    }

    fn render(&self, style: HumanRenderer, label: Option<&'a str>) -> String {
        let title = self
            .level
            .clone()
            .primary_title(self.title.as_str())
            .id(self.code);
        let mut groups: Vec<Group<'_>> = Vec::new();
        match (&self.file, self.windows.is_empty(), self.origin) {
            (Some(file), false, _) => {
                let mut group = Group::with_title(title);
                for window in &self.windows {
                    let mut snippet = Snippet::source(window.text.as_str())
                        .path(file.as_str())
                        .line_start(window.first_line)
                        .fold(true);
                    for mark in &window.marks {
                        let span = window.relative(mark);
                        snippet = snippet.annotation(if mark.primary {
                            AnnotationKind::Primary.span(span).label(label)
                        } else {
                            AnnotationKind::Context.span(span).label(mark.label.as_deref())
                        });
                    }
                    group = group.element(snippet);
                }
                groups.push(group);
            }
            (Some(file), true, Some((line, column))) => {
                groups.push(title.element(Origin::path(file.as_str()).line(line).char_column(column)))
            }
            (Some(file), true, None) => groups.push(title.element(Origin::path(file.as_str()))),
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

/// `lines` with each carriage return that ends a line (a file written on Windows) shown as a
/// space, not as the `?` of an unsafe character; the length stays, for the marks.
fn without_line_end_returns(lines: &str) -> String {
    let mut text = lines.replace("\r\n", " \n");
    if text.ends_with('\r') {
        text.pop();
        text.push(' ');
    }
    text
}

fn clean(text: &str) -> String {
    sanitize_line(text)
}

/// The short label under a load error's underline.
fn load_error_label(code: &str) -> Option<&'static str> {
    Some(match code {
        "unknown-field" => "unknown field",
        "missing-field" => "in this mapping",
        "wrong-type" => "wrong type",
        "out-of-range" => "out of range",
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
    file: Option<&SourceFile>,
    first_key: Option<(usize, usize)>,
    style: HumanRenderer,
) -> String {
    let mut notes = Vec::new();
    if let Some(path) = &entry.path {
        notes.push(format!("field: {}", clean(path)));
    }
    let mut diagnostic = Diagnostic {
        level: Level::ERROR,
        code: &entry.code,
        title: clean(&entry.message),
        // The file is named where a position would be (`--> file`), also when there is none
        // to give (an empty file, one that cannot be read).
        file: Some(clean(&entry.file)),
        windows: Vec::new(),
        origin: None,
        notes,
        help: entry.help.as_deref().map(clean),
    };
    if let (Some(location), Some(file)) = (&entry.location, file) {
        let primary = Mark {
            start: location.start_byte,
            end: location.end_byte,
            label: None,
            primary: true,
        };
        let context = first_key
            .map(|(start, end)| Mark {
                start,
                end,
                label: Some("first here".to_owned()),
                primary: false,
            })
            .into_iter()
            .collect();
        diagnostic.place(file, location, primary, context);
    }
    diagnostic.render(style, load_error_label(&entry.code))
}

/// Renders a load error: the message, the file position with the offending text underlined,
/// the field path and the fix.
pub fn render_load_error(error: &LoadError, style: HumanRenderer) -> String {
    render_load_error_with_help(error, error.help(), style)
}

/// [`render_load_error`] with another help line than the error's own.
fn render_load_error_with_help(error: &LoadError, help: Option<String>, style: HumanRenderer) -> String {
    let entry = LoadErrorEntry {
        help,
        ..LoadErrorEntry::from(error)
    };
    let first = match &*error.kind {
        LoadErrorKind::DuplicateKey { first, .. } => Some((first.start, first.end)),
        _ => None,
    };
    render_load_entry(&entry, error.source_file.as_deref(), first, style)
}

/// Renders a configuration that cannot be used, as [`render_load_error`] renders a register's
/// mistakes.
pub fn render_config_error(config_error: &ConfigError, style: HumanRenderer) -> String {
    match config_error {
        ConfigError::Invalid(invalid) => render_load_entry(
            &LoadErrorEntry::from(&**invalid),
            Some(&invalid.source_file),
            None,
            style,
        ),
        // With the configuration's own advice where a register's would not fit.
        ConfigError::Load(error) => render_load_error_with_help(error, config_error.help(), style),
    }
}

/// Renders a finding: the message under the rule id, the file position with the field
/// underlined, related places in the same file as secondary labels (in other files as notes),
/// then the articles and the hint. A finding without a location (a register built in code) shows
/// its field path instead.
pub fn render_finding(finding: &LocatedFinding, sources: &Sources, style: HumanRenderer) -> String {
    let file = finding.location.as_ref().and_then(|l| sources.get(&l.file));
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
            Some(l) if same_file && file.is_some() => context.push(Mark {
                start: l.start_byte,
                end: l.end_byte,
                label: Some(clean(&related.message)),
                primary: false,
            }),
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
    let mut diagnostic = Diagnostic {
        level: level(finding.severity),
        code: finding.rule,
        title: clean(&finding.message),
        file: None,
        windows: Vec::new(),
        origin: None,
        notes: Vec::new(),
        help: Some(clean(&finding.hint)),
    };
    if let (Some(location), Some(file)) = (&finding.location, file) {
        let primary = Mark {
            start: location.start_byte,
            end: location.end_byte,
            label: None,
            primary: true,
        };
        diagnostic.place(file, location, primary, context);
    }
    // Notes about places that could not be shown come before the finding's own notes.
    diagnostic.notes.extend(notes);
    diagnostic.render(style, None)
}

/// Renders a whole run: load errors, findings, proposal verdicts, and the summary line.
pub fn render_run(run: &RunReport, sources: &Sources, style: HumanRenderer) -> String {
    let mut out = String::new();
    for entry in &run.load_errors {
        let file = entry
            .location
            .as_ref()
            .and_then(|l| sources.get(&l.file))
            .map(|f| f.as_ref());
        out.push_str(&render_load_entry(entry, file, None, style));
        out.push_str("\n\n");
    }
    if style.group_repeats {
        out.push_str(&per_file_summary(run));
        for (first, others) in repeats(&run.findings) {
            out.push_str(&render_finding(first, sources, style));
            if !others.is_empty() {
                out.push_str(&format!("\n{}", more_like_this(first, &others)));
            }
            out.push_str("\n\n");
        }
    } else {
        for finding in &run.findings {
            out.push_str(&render_finding(finding, sources, style));
            out.push_str("\n\n");
        }
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
    // Lines that start with a file name (the per-file summary, the verdicts) too.
    break_workflow_commands(&out)
}

/// The findings in report order, each with the later ones it stands for: those of the same rule,
/// severity, file and fix, when there are at least [`REPEATS`] of them.
fn repeats(findings: &[LocatedFinding]) -> Vec<(&LocatedFinding, Vec<&LocatedFinding>)> {
    fn key(f: &LocatedFinding) -> (&'static str, Severity, Option<&str>, &str) {
        (
            f.rule,
            f.severity,
            f.location.as_ref().map(|l| l.file.as_str()),
            &f.hint,
        )
    }
    let mut counts: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    for finding in findings {
        *counts.entry(key(finding)).or_default() += 1;
    }
    let mut groups: Vec<(&LocatedFinding, Vec<&LocatedFinding>)> = Vec::new();
    let mut group_of: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    for finding in findings {
        let k = key(finding);
        if counts.get(&k).copied().unwrap_or(0) < REPEATS {
            groups.push((finding, Vec::new()));
            continue;
        }
        match group_of.get(&k) {
            Some(&i) => {
                if let Some((_, others)) = groups.get_mut(i) {
                    others.push(finding);
                }
            }
            None => {
                group_of.insert(k, groups.len());
                groups.push((finding, Vec::new()));
            }
        }
    }
    groups
}

/// `note: 7 more like this in register.yaml: lines 40, 77, 102, … and 2 more`.
fn more_like_this(first: &LocatedFinding, others: &[&LocatedFinding]) -> String {
    const SHOWN: usize = 8;
    let places: Vec<String> = others
        .iter()
        .take(SHOWN)
        .map(|f| match &f.location {
            Some(l) => l.line.to_string(),
            None => clean(&f.path.to_string()),
        })
        .collect();
    let rest = others.len().saturating_sub(SHOWN);
    let file = first
        .location
        .as_ref()
        .map(|l| format!(" in {}", clean(&l.file)))
        .unwrap_or_default();
    let lines = if first.location.is_some() { "lines " } else { "" };
    format!(
        "note: {} more like this{file}: {lines}{}{}",
        others.len(),
        places.join(", "),
        if rest > 0 {
            format!(" and {rest} more")
        } else {
            String::new()
        }
    )
}

/// One line per file with findings or a load error, most serious first in each line: what the
/// run found where, before the details.
fn per_file_summary(run: &RunReport) -> String {
    let mut files: Vec<(String, [usize; 5])> = Vec::new();
    let mut tally = |file: &str, slot: usize| match files.iter_mut().find(|(f, _)| f == file) {
        Some((_, counts)) => counts[slot] += 1,
        None => {
            let mut counts = [0; 5];
            counts[slot] = 1;
            files.push((file.to_owned(), counts));
        }
    };
    for entry in &run.load_errors {
        tally(&entry.file, if entry.code == UNPAIRED { 4 } else { 0 });
    }
    for finding in &run.findings {
        let file = finding.location.as_ref().map_or("(no file)", |l| l.file.as_str());
        let slot = match finding.severity {
            Severity::Error => 1,
            Severity::Warning => 2,
            Severity::Info => 3,
        };
        tally(file, slot);
    }
    if files.len() < 2 {
        return String::new();
    }
    let mut out = String::new();
    for (file, [unreadable, errors, warnings, infos, unpaired]) in files {
        let mut parts = Vec::new();
        if unreadable > 0 {
            parts.push("could not be loaded".to_owned());
        }
        if unpaired > 0 {
            parts.push("not evaluated".to_owned());
        }
        for (n, word) in [(errors, "error"), (warnings, "warning")] {
            if n > 0 {
                parts.push(format!("{n} {word}{}", plural(n)));
            }
        }
        if infos > 0 {
            parts.push(format!("{infos} info"));
        }
        out.push_str(&format!("{}: {}\n", clean(&file), parts.join(", ")));
    }
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
    if s.unpaired > 0 {
        line.push_str(&format!(
            ", {} not evaluated (no single register to pair with)",
            s.unpaired
        ));
    }
    if s.skipped > 0 {
        line.push_str(&format!(
            " ({} other file{} skipped: not a register or proposal)",
            s.skipped,
            plural(s.skipped)
        ));
    }
    if s.ignored > 0 {
        line.push_str(&format!(
            " ({} register{} or proposal{} passed over as hidden, in target/ or ignored by .gitignore: --no-ignore checks {})",
            s.ignored,
            plural(s.ignored),
            plural(s.ignored),
            if s.ignored == 1 { "it" } else { "them" }
        ));
    }
    if s.unjudged > 0 {
        line.push_str(&format!(
            " ({} passed-over file{} not judged, over 1 MiB or past the 64 MiB read to judge passed-over files: --no-ignore checks {})",
            s.unjudged,
            plural(s.unjudged),
            if s.unjudged == 1 { "it" } else { "them" }
        ));
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
    if s.omitted > 0 {
        line.push_str(&format!(
            " ({} not listed: past the limit on listed findings, raise it with --max-findings)",
            s.omitted
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::engine::Subject;
    use crate::path::FieldPath;
    use crate::report::LocatedRelated;

    fn location(file: &SourceFile, start: usize, end: usize) -> SourceLocation {
        let (from, to) = (file.position(start), file.position(end));
        SourceLocation {
            file: file.name().to_owned(),
            line: from.line,
            column: from.column,
            end_line: to.line,
            end_column: to.column,
            start_byte: start,
            end_byte: end,
        }
    }

    fn finding(at: SourceLocation, related: Vec<LocatedRelated>) -> LocatedFinding {
        LocatedFinding {
            rule: "some-rule",
            severity: Severity::Warning,
            articles: &["GDPR Art 30(1)"],
            subject: Subject::Register,
            path: FieldPath::root(),
            location: Some(at),
            message: "message".into(),
            explanation: "",
            hint: "hint".into(),
            related,
        }
    }

    /// A register written on one long line is not quoted whole under each finding: the
    /// position and an excerpt are shown, so output and cost stay per finding.
    #[test]
    fn a_long_line_is_not_quoted() {
        let text = format!("{{\"activities\": [{}]}}", "{\"id\": \"a\"},".repeat(20_000));
        let file = Arc::new(SourceFile::new("one-line.json", text));
        let mut sources = Sources::new();
        sources.insert("one-line.json".to_owned(), Arc::clone(&file));
        let rendered = render_finding(
            &finding(location(&file, 17, 28), vec![]),
            &sources,
            HumanRenderer::default(),
        );
        assert!(rendered.len() < 600, "{rendered}");
        assert!(rendered.contains("--> one-line.json:1:18"), "{rendered}");
        assert!(rendered.contains("note: at: `"), "{rendered}");
    }

    /// Thousands of related places are shown up to a bound and counted beyond it; nearby ones
    /// share the finding's snippet.
    #[test]
    fn related_places_are_bounded() {
        let text: String = (0..5_000).map(|i| format!("k{i}: v\n")).collect();
        let file = Arc::new(SourceFile::new("many.yaml", text));
        let mut sources = Sources::new();
        sources.insert("many.yaml".to_owned(), Arc::clone(&file));
        let related = (1..5_000)
            .map(|line| {
                let start = file
                    .text()
                    .match_indices('\n')
                    .nth(line - 1)
                    .map_or(0, |(i, _)| i + 1);
                LocatedRelated {
                    subject: Subject::Register,
                    path: FieldPath::root(),
                    message: "used here".into(),
                    location: Some(location(&file, start, start + 2)),
                }
            })
            .collect();
        let rendered = render_finding(
            &finding(location(&file, 0, 2), related),
            &sources,
            HumanRenderer::default(),
        );
        assert!(
            rendered.contains("more related places in this file"),
            "{rendered}"
        );
        // A bounded number of snippets, whatever the number of related places.
        assert!(rendered.lines().count() < 300, "{}", rendered.lines().count());
    }
}
