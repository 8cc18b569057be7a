//! GitHub Actions workflow commands and a Markdown summary: findings as annotations on a pull
//! request without code scanning, and a table for `$GITHUB_STEP_SUMMARY` or a review comment.

use super::human::summary_line;
use super::locate::{LocatedFinding, SourceLocation};
use super::run::RunReport;
use super::sanitize;
use super::sarif::ArtifactRoot;
use crate::engine::Severity;
use crate::sanitize::{break_legacy_workflow_commands, break_workflow_commands, markdown_text};

/// Escapes a workflow command's message, as the Actions runner requires, once controls are
/// neutralised (a carriage return escaped as `%0D` would reach the page raw), and cuts it at
/// [`MAX_ANNOTATION`] bytes.
fn escape_data(text: &str) -> String {
    let clean = sanitize(text);
    let cut = match clean.len() > MAX_ANNOTATION {
        true => {
            let end = (0..=MAX_ANNOTATION)
                .rev()
                .find(|&i| clean.is_char_boundary(i))
                .unwrap_or(0);
            format!(
                "{}… (cut; the JSON output has all of it)",
                clean.get(..end).unwrap_or_default()
            )
        }
        false => clean.into_owned(),
    };
    cut.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// The longest annotation message or property written, in bytes: a label of megabytes must not
/// become a log line of megabytes.
const MAX_ANNOTATION: usize = 4096;

/// Escapes a workflow command's property value (`file=…`, `title=…`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A file as an annotation names it: relative to the repository root when there is one (GitHub
/// attaches an annotation to a pull request's file by its path from the root), else as the run
/// names it.
fn annotated_file(file: &str, root: Option<&ArtifactRoot>) -> String {
    root.and_then(|root| root.relative(file))
        .unwrap_or_else(|| file.to_owned())
}

/// `file=…,line=…,col=…,endLine=…,endColumn=…` for a location.
fn position(location: &SourceLocation, root: Option<&ArtifactRoot>) -> String {
    format!(
        "file={},line={},col={},endLine={},endColumn={}",
        escape_property(&annotated_file(&location.file, root)),
        location.line,
        location.column,
        location.end_line,
        location.end_column
    )
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The message a finding's annotation shows: the message, then the hint.
fn annotation_text(finding: &LocatedFinding) -> String {
    format!("{}\nhelp: {}", finding.message, finding.hint)
}

/// One `::error …::message` line per load error and finding, then the summary as a notice. A
/// finding without a file position is annotated without one (GitHub shows it on the run).
///
/// Files are named relative to `root` (see [`ArtifactRoot`]), as GitHub needs them to annotate a
/// pull request's files.
pub fn render_github(run: &RunReport, root: Option<&ArtifactRoot>) -> String {
    let mut out = String::new();
    for entry in &run.load_errors {
        let at = match &entry.location {
            Some(location) => position(location, root),
            None => format!("file={}", escape_property(&annotated_file(&entry.file, root))),
        };
        let text = match &entry.help {
            Some(help) => format!("{}\nhelp: {help}", entry.message),
            None => entry.message.clone(),
        };
        out.push_str(&format!(
            "::error {at},title={}::{}\n",
            escape_property(&entry.code),
            escape_data(&text)
        ));
    }
    for finding in &run.findings {
        let mut properties = (finding.location.as_ref())
            .map(|location| position(location, root))
            .unwrap_or_default();
        if !properties.is_empty() {
            properties.push(',');
        }
        properties.push_str(&format!("title={}", escape_property(finding.rule)));
        out.push_str(&format!(
            "::{} {properties}::{}\n",
            command(finding.severity),
            escape_data(&annotation_text(finding))
        ));
    }
    out.push_str(&format!(
        "::notice title=ropa::{}\n",
        escape_data(&summary_line(run))
    ));
    break_legacy_workflow_commands(&sanitize(&out))
}

/// Text from an input for a table cell: escaped as Markdown (no code span, link, image, HTML
/// or table break can come out of it), on one line.
fn cell(text: &str) -> String {
    markdown_text(text, false)
}

/// A Markdown summary: the counts, a table of load errors and findings (most severe first), and
/// the proposals' verdicts.
pub fn render_markdown(run: &RunReport) -> String {
    let mut out = String::from("## ropa\n\n");
    out.push_str(&format!("{}\n", summary_line(run)));
    if !run.load_errors.is_empty() {
        out.push_str("\n### Files that could not be loaded\n\n| file | error | help |\n|---|---|---|\n");
        for entry in &run.load_errors {
            let place = match &entry.location {
                Some(l) => format!("{}:{}:{}", l.file, l.line, l.column),
                None => entry.file.clone(),
            };
            out.push_str(&format!(
                "| {} | {} (`{}`) | {} |\n",
                cell(&place),
                cell(&entry.message),
                cell(&entry.code),
                cell(entry.help.as_deref().unwrap_or(""))
            ));
        }
    }
    if !run.findings.is_empty() {
        let mut findings: Vec<&LocatedFinding> = run.findings.iter().collect();
        findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        out.push_str(
            "\n### Findings\n\n| severity | rule | where | finding | fix |\n|---|---|---|---|---|\n",
        );
        for finding in findings {
            let place = match &finding.location {
                Some(l) => format!("{}:{}:{}", l.file, l.line, l.column),
                None => finding.path.to_string(),
            };
            out.push_str(&format!(
                "| {} | `{}` | {} | {} | {} |\n",
                finding.severity,
                finding.rule,
                cell(&place),
                cell(&finding.message),
                cell(&finding.hint)
            ));
        }
    }
    if !run.evaluations.is_empty() {
        out.push_str("\n### Proposals\n\n| proposal | register | verdict |\n|---|---|---|\n");
        for evaluation in &run.evaluations {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(&evaluation.proposal),
                cell(&evaluation.register),
                cell(&evaluation.verdict)
            ));
        }
    }
    break_workflow_commands(&sanitize(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_text_has_no_raw_controls_and_a_bounded_length() {
        // A carriage return is neutralised before escaping: `%0D` would reach the page raw.
        assert_eq!(escape_data("a\rb%\nc"), "a?b%25%0Ac");
        let long = escape_data(&"é".repeat(MAX_ANNOTATION));
        assert!(long.len() <= MAX_ANNOTATION + 64, "{}", long.len());
        assert!(long.ends_with("… (cut; the JSON output has all of it)"));
        // The twin: a message of ordinary length is kept whole.
        assert_eq!(
            escape_data("activity `x` names no lawful basis"),
            "activity `x` names no lawful basis"
        );
    }
}
