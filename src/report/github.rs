//! GitHub Actions workflow commands and a Markdown summary: findings as annotations on a pull
//! request without code scanning, and a table for `$GITHUB_STEP_SUMMARY` or a review comment.

use super::human::summary_line;
use super::locate::{LocatedFinding, SourceLocation};
use super::run::RunReport;
use super::sanitize;
use crate::engine::Severity;
use crate::sanitize::{break_legacy_workflow_commands, break_workflow_commands, markdown_text};

/// Escapes a workflow command's message, as the Actions runner requires.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow command's property value (`file=…`, `title=…`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `file=…,line=…,col=…,endLine=…,endColumn=…` for a location.
fn position(location: &SourceLocation) -> String {
    format!(
        "file={},line={},col={},endLine={},endColumn={}",
        escape_property(&location.file),
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
pub fn render_github(run: &RunReport) -> String {
    let mut out = String::new();
    for entry in &run.load_errors {
        let at = match &entry.location {
            Some(location) => position(location),
            None => format!("file={}", escape_property(&entry.file)),
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
        let mut properties = finding.location.as_ref().map(position).unwrap_or_default();
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
