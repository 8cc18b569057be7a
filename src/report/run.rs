//! The outcome of one run over files — load errors, findings, suppressions, proposal verdicts and
//! counts — as plain data. The JSON output is this structure; the human and SARIF outputs are
//! rendered from it.

use std::collections::HashMap;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Serialize;

use super::locate::{Documents, LocatedFinding, SourceLocation};
use crate::config::Applied;
use crate::config::InvalidConfig;
use crate::engine::Severity;
use crate::source::{DocumentKind, LoadError, SourceFile};

/// The version of the JSON output's shape; it changes only when a field is removed or changes
/// meaning (new fields may appear at any time).
pub const FORMAT_VERSION: u32 = 1;

/// A file the run looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FileEntry {
    /// The path as given or found.
    pub path: String,
    /// What it holds, when it loaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentKind>,
}

/// A file that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LoadErrorEntry {
    /// The file.
    pub file: String,
    /// The error's stable code, e.g. `unknown-field`.
    pub code: String,
    /// What went wrong.
    pub message: String,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The field path, when the error concerns a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Where in the file, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl From<&LoadError> for LoadErrorEntry {
    fn from(error: &LoadError) -> Self {
        let file = error.file.display().to_string();
        let location = (error.source_file.as_deref())
            .zip(error.span)
            .map(|(source, span)| SourceLocation::of(&file, source, span));
        Self {
            code: error.kind.code().to_owned(),
            message: error.kind.to_string(),
            help: error.help(),
            path: (!error.path.segments().is_empty()).then(|| error.path.to_string()),
            location,
            file,
        }
    }
}

impl From<&InvalidConfig> for LoadErrorEntry {
    fn from(error: &InvalidConfig) -> Self {
        let file = error.file.display().to_string();
        Self {
            code: error.problem.code().to_owned(),
            message: error.problem.to_string(),
            help: Some(error.problem.help()),
            path: (!error.path.segments().is_empty()).then(|| error.path.to_string()),
            location: Some(SourceLocation::of(&file, &error.source_file, error.span)),
            file,
        }
    }
}

/// The verdict on one proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct EvaluationEntry {
    /// The proposal file.
    pub proposal: String,
    /// The register it was checked against.
    pub register: String,
    /// Whether it stays within the register and the law (no error findings after configuration).
    pub compliant: bool,
    /// One sentence that says so, or why not.
    pub verdict: String,
}

/// Counts over the whole run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Summary {
    /// Files looked at.
    pub files: usize,
    /// Registers loaded.
    pub registers: usize,
    /// Proposals loaded.
    pub proposals: usize,
    /// Files that could not be loaded.
    pub unreadable: usize,
    /// Files a directory walk found and skipped because they are not registers or proposals
    /// (a `package.json`, a CI configuration).
    pub skipped: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Informational findings.
    pub infos: usize,
    /// Findings suppressed by configuration.
    pub suppressed: usize,
    /// Findings at or above this severity fail the run.
    pub fail_level: Severity,
    /// Whether the run failed: input errors, or findings at or above the fail level.
    pub failed: bool,
}

/// A finding the configuration suppressed, located, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(rename = "Suppressed")]
pub struct SuppressedFinding {
    /// The finding.
    pub finding: LocatedFinding,
    /// Why it is suppressed: the suppression's reason, or that the rule is allowed.
    pub reason: String,
}

/// Everything one run found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RunReport {
    /// The ropa version that produced it.
    pub ropa_version: String,
    /// The version of this structure ([`FORMAT_VERSION`]).
    pub format_version: u32,
    /// The files looked at, in order.
    pub files: Vec<FileEntry>,
    /// Files that could not be loaded.
    pub load_errors: Vec<LoadErrorEntry>,
    /// Findings, by file and position.
    pub findings: Vec<LocatedFinding>,
    /// Findings suppressed by configuration, with their reasons.
    pub suppressed: Vec<SuppressedFinding>,
    /// Verdicts on proposals.
    pub evaluations: Vec<EvaluationEntry>,
    /// Counts.
    pub summary: Summary,
}

impl RunReport {
    /// An empty report for a run that fails at `fail_level`.
    pub fn new(fail_level: Severity) -> Self {
        Self {
            ropa_version: env!("CARGO_PKG_VERSION").to_owned(),
            format_version: FORMAT_VERSION,
            files: Vec::new(),
            load_errors: Vec::new(),
            findings: Vec::new(),
            suppressed: Vec::new(),
            evaluations: Vec::new(),
            summary: Summary {
                files: 0,
                registers: 0,
                proposals: 0,
                unreadable: 0,
                skipped: 0,
                errors: 0,
                warnings: 0,
                infos: 0,
                suppressed: 0,
                fail_level,
                failed: false,
            },
        }
    }

    /// Adds what the configuration left of a document's findings (see
    /// [`Config::apply`](crate::config::Config::apply)), located in `documents`.
    pub fn add(&mut self, applied: Applied, documents: Documents<'_>) {
        self.findings.extend(super::locate(applied.findings, documents));
        self.suppressed
            .extend(applied.suppressed.into_iter().map(|s| SuppressedFinding {
                finding: LocatedFinding::new(s.finding, documents),
                reason: s.reason,
            }));
    }

    /// Orders the findings and fills in the counts and the verdict.
    pub fn finish(&mut self) {
        self.findings.sort_by(LocatedFinding::report_order);
        let s = &mut self.summary;
        s.files = self.files.len();
        s.registers = self
            .files
            .iter()
            .filter(|f| f.kind == Some(DocumentKind::Register))
            .count();
        s.proposals = self
            .files
            .iter()
            .filter(|f| f.kind == Some(DocumentKind::Proposal))
            .count();
        s.unreadable = self
            .load_errors
            .iter()
            .map(|e| e.file.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        s.errors = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        s.warnings = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        s.infos = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Info)
            .count();
        s.suppressed = self.suppressed.len();
        s.failed = s.unreadable > 0 || self.findings.iter().any(|f| f.severity >= s.fail_level);
    }
}

/// The text of the files findings point into, by file name, for rendering source lines.
pub type Sources = HashMap<String, Arc<SourceFile>>;
