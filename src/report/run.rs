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
    /// Proposals that loaded but could not be paired with one register, so were not evaluated:
    /// input errors of the run, like unreadable files.
    pub unpaired: usize,
    /// Files a directory walk found and skipped because they are not registers or proposals
    /// (a `package.json`, a CI configuration).
    pub skipped: usize,
    /// Registers and proposals a directory walk passed over: hidden, in `target`, or named by an
    /// ignore file (`ropa check --no-ignore` checks them).
    pub ignored: usize,
    /// Files of a format ropa reads that a directory walk passed over and did not read to judge
    /// (above 1 MiB, or past the 64 MiB read to judge passed-over files, or of unknown size):
    /// whether they are registers or proposals is not known (`ropa check --no-ignore` checks
    /// them).
    pub unjudged: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Informational findings.
    pub infos: usize,
    /// Findings suppressed by configuration.
    pub suppressed: usize,
    /// Findings (suppressed ones included) counted but not listed, past the run's limit on
    /// listed findings ([`DEFAULT_MAX_FINDINGS`], `--max-findings`). They count in `errors`,
    /// `warnings`, `infos`, `suppressed` and `failed`.
    pub omitted: usize,
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
    /// Most findings, and most suppressed findings, listed in full.
    #[serde(skip)]
    #[schemars(skip)]
    max_findings: usize,
    /// Findings past `max_findings`, by severity (info, warning, error), and suppressed ones.
    #[serde(skip)]
    #[schemars(skip)]
    omitted: Omitted,
}

/// The code of the input error for a proposal that could not be paired with one register.
pub(crate) const UNPAIRED: &str = "unpaired-proposal";

/// The default limit on findings listed in full in one run: a hostile file that names an
/// undeclared id two million times would otherwise make gigabytes of report. Past it findings are
/// counted, so the exit code and the counts stay right.
pub const DEFAULT_MAX_FINDINGS: usize = 20_000;

/// Findings counted but not listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Omitted {
    by_severity: [usize; 3],
    suppressed: usize,
}

impl Omitted {
    fn slot(&mut self, severity: Severity) -> &mut usize {
        let [info, warning, error] = &mut self.by_severity;
        match severity {
            Severity::Info => info,
            Severity::Warning => warning,
            Severity::Error => error,
        }
    }

    fn of(mut self, severity: Severity) -> usize {
        *self.slot(severity)
    }
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
                unpaired: 0,
                skipped: 0,
                ignored: 0,
                unjudged: 0,
                errors: 0,
                warnings: 0,
                infos: 0,
                suppressed: 0,
                omitted: 0,
                fail_level,
                failed: false,
            },
            max_findings: DEFAULT_MAX_FINDINGS,
            omitted: Omitted::default(),
        }
    }

    /// The same report listing at most `max_findings` findings (and as many suppressed ones) in
    /// full; the rest are counted in the summary.
    #[must_use]
    pub fn with_max_findings(mut self, max_findings: usize) -> Self {
        self.max_findings = max_findings;
        self
    }

    /// Adds what the configuration left of a document's findings (see
    /// [`Config::apply`](crate::config::Config::apply)), located in `documents`.
    ///
    /// Past the run's limit on listed findings the most severe are kept and the rest counted.
    pub fn add(&mut self, applied: Applied, documents: Documents<'_>) {
        let mut findings = applied.findings;
        let room = self.max_findings.saturating_sub(self.findings.len());
        if findings.len() > room {
            findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
            for finding in findings.drain(room..) {
                *self.omitted.slot(finding.severity) += 1;
            }
        }
        self.findings.extend(super::locate(findings, documents));
        let mut suppressed = applied.suppressed;
        let room = self.max_findings.saturating_sub(self.suppressed.len());
        if suppressed.len() > room {
            self.omitted.suppressed += suppressed.len() - room;
            suppressed.truncate(room);
        }
        self.suppressed
            .extend(suppressed.into_iter().map(|s| SuppressedFinding {
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
        // A proposal that could not be paired loaded; it is an input error, not unreadable.
        s.unreadable = self
            .load_errors
            .iter()
            .filter(|e| e.code != UNPAIRED)
            .map(|e| e.file.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let findings = &self.findings;
        let omitted = self.omitted;
        let count = |severity: Severity| {
            findings.iter().filter(|f| f.severity == severity).count() + omitted.of(severity)
        };
        s.errors = count(Severity::Error);
        s.warnings = count(Severity::Warning);
        s.infos = count(Severity::Info);
        s.suppressed = self.suppressed.len() + omitted.suppressed;
        s.omitted = omitted.by_severity.iter().sum::<usize>() + omitted.suppressed;
        let failing = [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .filter(|severity| *severity >= s.fail_level)
            .any(|severity| count(severity) > 0);
        s.unpaired = self.load_errors.iter().filter(|e| e.code == UNPAIRED).count();
        s.failed = s.unreadable > 0 || s.unpaired > 0 || failing;
    }
}

/// The text of the files findings point into, by file name, for rendering source lines.
pub type Sources = HashMap<String, Arc<SourceFile>>;
