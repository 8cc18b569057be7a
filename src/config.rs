//! Project configuration (`ropa.toml`): severity overrides per rule, justified suppressions, and
//! the default fail level.
//!
//! ```toml
//! # ropa.toml
//! fail_level = "warning"          # fail CI on warnings too (default: error)
//!
//! [rules]
//! unused-catalogue-entry = "allow"    # allow | info | warning | error
//! retention-vague = "error"
//!
//! [[suppress]]
//! rule = "cookie-without-consent"
//! activity = "website"            # and/or `path = "/activities/2/cookies"`, `file = "register.yaml"`
//! reason = "Consent banner goes live with release 4.2 (ticket PRIV-88)"
//! ```
//!
//! Unknown keys and unknown rule ids are errors with file, line and column, like any other load
//! error. A suppression needs a `reason` in visible text. Suppressed findings are not dropped: they are
//! returned separately with their reason, so reports count them.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::engine::{Evaluation, Finding, RULES, Report, Severity, retired_rule, rule};
use crate::model::Id;
use crate::path::{FieldPath, PathSegment};
use crate::source::{Document, Format, LoadError, LoadErrorKind, Position, ReadOptions, SourceFile, Span};
use crate::suggest::nearest;

/// Why a `ropa.toml` cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// It cannot be read, is not TOML, or has a key or value of the wrong shape: the same
    /// errors, with the same codes, as a register's.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// It reads, but a value cannot be used: a rule ropa does not have, a suppression without a
    /// reason.
    #[error(transparent)]
    Invalid(#[from] Box<InvalidConfig>),
}

impl ConfigError {
    /// A stable kebab-case code, as the JSON output gives it (`unknown-rule`, `syntax`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Load(error) => error.kind.code(),
            Self::Invalid(invalid) => invalid.problem.code(),
        }
    }

    /// A sentence that says how to fix it.
    pub fn help(&self) -> Option<String> {
        match self {
            // The register's advice (follow links, split the file) does not fit a configuration.
            Self::Load(error) => match &*error.kind {
                LoadErrorKind::SymbolicLink | LoadErrorKind::LinkLeavesTree => Some(format!(
                    "{FILE_NAME} is read only as a regular file: replace the link with the file itself"
                )),
                LoadErrorKind::TooLarge { .. } => Some(format!(
                    "{FILE_NAME} holds a few settings and suppressions; this one is far larger than any needs"
                )),
                _ => error.help(),
            },
            Self::Invalid(invalid) => Some(invalid.problem.help()),
        }
    }
}

/// What is wrong with a configuration that reads as TOML of the right shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigProblem {
    /// A rule id that does not exist.
    #[error("unknown rule `{rule}`")]
    UnknownRule {
        /// The id as written.
        rule: String,
        /// The nearest rule id, if one is close.
        suggestion: Option<String>,
    },
    /// A rule that was renamed or removed.
    #[error("rule `{rule}` was {}", match replaced_by { Some(new) => format!("renamed to `{new}` in ropa {retired_in}"), None => format!("removed in ropa {retired_in}") })]
    RetiredRule {
        /// The retired id, as the catalogue keeps it.
        rule: &'static str,
        /// The rule that took its place, if any.
        replaced_by: Option<&'static str>,
        /// Why it was retired.
        reason: &'static str,
        /// The version that retired it.
        retired_in: &'static str,
    },
    /// A suppression without a reason, or with one that shows nothing (only spaces, zero-width
    /// joiners, soft hyphens).
    #[error("a suppression needs a reason")]
    EmptyReason,
    /// A suppression `path` that is not a JSON Pointer: without its leading `/` it would match
    /// every finding of the rule (or none), not the field it seems to name.
    #[error("`{path}` is not a JSON Pointer")]
    PathNotAPointer {
        /// The path as written.
        path: String,
    },
    /// A suppression reason with a control, direction-changing or invisible character, which
    /// can hide or reorder what the reason says in a review.
    #[error("the reason has a hidden character (U+{:04X})", *character as u32)]
    HiddenCharacterInReason {
        /// The first such character.
        character: char,
    },
}

impl ConfigProblem {
    /// A stable kebab-case code, for output formats and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownRule { .. } => "unknown-rule",
            Self::RetiredRule { .. } => "retired-rule",
            Self::EmptyReason => "empty-reason",
            Self::HiddenCharacterInReason { .. } => "hidden-character-in-reason",
            Self::PathNotAPointer { .. } => "path-not-a-pointer",
        }
    }

    /// A sentence that says how to fix it.
    pub fn help(&self) -> String {
        match self {
            Self::UnknownRule {
                suggestion: Some(s), ..
            } => format!("did you mean `{s}`?"),
            Self::UnknownRule { .. } => "`ropa rules` lists every rule".into(),
            Self::RetiredRule {
                replaced_by: Some(new),
                reason,
                ..
            } => {
                format!("write `{new}` instead: {reason}")
            }
            Self::RetiredRule { reason, .. } => format!("remove it: {reason}"),
            Self::EmptyReason => {
                "say why the finding is accepted, e.g. `reason = \"…, ticket PRIV-12\"`".into()
            }
            Self::HiddenCharacterInReason { .. } => {
                "write the reason in plain visible text, so that a reviewer reads what it says".into()
            }
            Self::PathNotAPointer { path } => format!(
                "write the field as a JSON Pointer from the document's root, e.g. `/{}`, as the finding's `path` shows it; to suppress the rule in a whole file, use `file` instead",
                path.trim_start_matches('/')
            ),
        }
    }
}

/// A configuration value that cannot be used, with where it is written.
#[derive(Debug, Clone, thiserror::Error)]
pub struct InvalidConfig {
    /// The file's name as given.
    pub file: PathBuf,
    /// The file's text.
    pub source_file: Arc<SourceFile>,
    /// Where in the file.
    pub span: Span,
    /// The field.
    pub path: FieldPath,
    /// What is wrong.
    pub problem: ConfigProblem,
}

impl InvalidConfig {
    /// The start and end positions.
    pub fn range(&self) -> (Position, Position) {
        self.source_file.range(self.span)
    }
}

/// One line: `file:line:column: message (at `/field/path`)`, sanitised, as a load error prints.
impl std::fmt::Display for InvalidConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (start, _) = self.range();
        crate::source::write_located(f, &self.file, Some(start), &self.problem.to_string(), &self.path)
    }
}

/// The file name ropa looks for.
pub const FILE_NAME: &str = "ropa.toml";

crate::model::macros::list_enum! {
    /// What a rule's findings should be.
    pub enum RuleLevel {
        /// Do not report (findings are counted as suppressed).
        Allow,
        /// Report as information.
        Info,
        /// Report as a warning.
        Warning,
        /// Report as an error.
        Error,
    }
}

/// A finding the project has decided to accept, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    /// The rule id.
    pub rule: String,
    /// Only findings about this activity (by id), in a register or a proposal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Id>,
    /// Only findings at this field or below it: a JSON Pointer, starting with `/`, such as
    /// `/activities/2/cookies`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Only findings in files whose path ends with this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Why the finding is accepted. Required: a suppression without one is refused.
    pub reason: String,
}

/// The contents of `ropa.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Findings at or above this severity fail the run (default: error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_level: Option<Severity>,
    /// Severity overrides by rule id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, RuleLevel>,
    /// Accepted findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppress: Vec<Suppression>,
}

/// Where a finding is, for suppressions that name an activity or a file: the activity it is
/// about and the file its document came from, as the caller knows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place<'a> {
    /// The activity the finding is about (see [`register_activity`]).
    pub activity: Option<Id>,
    /// The file of the document the finding points into.
    pub file: Option<&'a Path>,
}

/// A finding that a configuration suppressed, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Suppressed {
    /// The finding.
    pub finding: Finding,
    /// Why it is suppressed: the suppression's reason, or that the rule is allowed.
    pub reason: String,
}

/// Findings after a configuration was applied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Applied {
    /// Findings still reported, with overridden severities.
    pub findings: Vec<Finding>,
    /// Findings suppressed, with their reasons.
    pub suppressed: Vec<Suppressed>,
}

impl Applied {
    /// The verdict on a proposal once the configuration is applied, as `ropa check` and
    /// `ropa evaluate` give it: compliant when no finding still reported is an error, so a
    /// suppressed or downgraded finding does not make a proposal fail, and a rule raised to
    /// `error` does.
    ///
    /// ```
    /// use ropa::config::Config;
    /// # let register: ropa::model::Register = ropa::source::Document::parse("r.yaml",
    /// #     "controller: { name: Gemeente Voorbeeld, public_authority: true }\n",
    /// #     ropa::source::Format::Yaml, Default::default())?.register()?;
    /// # let proposal: ropa::model::Proposal = ropa::source::Document::parse("p.yaml",
    /// #     "activity: { id: nieuw, name: Nieuw, purposes: [onbekend] }\n",
    /// #     ropa::source::Format::Yaml, Default::default())?.proposal()?;
    /// let evaluation = ropa::engine::evaluate(&register, &proposal);
    /// let config = Config::default();
    /// let applied = config.apply(evaluation.report.findings.clone(), |_| Default::default());
    /// assert_eq!(applied.evaluation().compliant, evaluation.compliant);
    /// # Ok::<(), ropa::source::LoadError>(())
    /// ```
    pub fn evaluation(&self) -> Evaluation {
        Evaluation {
            compliant: self.findings.iter().all(|f| f.severity < Severity::Error),
            report: Report {
                findings: self.findings.clone(),
            },
        }
    }
}

impl Config {
    /// Parses and validates a configuration file's text.
    pub fn parse(name: &str, text: &str) -> Result<Self, ConfigError> {
        let document = Document::parse(name, text, Format::Toml, crate::source::Limits::default())?;
        let config: Self = document.deserialize()?;
        config.validate(&document)?;
        Ok(config)
    }

    /// Reads and validates a configuration file.
    pub fn read(path: &Path) -> Result<Self, ConfigError> {
        let options = ReadOptions {
            format: Some(Format::Toml),
            ..ReadOptions::default()
        };
        let document = Document::read(path, &options)?;
        let config: Self = document.deserialize()?;
        config.validate(&document)?;
        Ok(config)
    }

    /// The nearest `ropa.toml` in `start` or one of its ancestors up to the repository's root
    /// (the directory holding `.git`); outside a repository, only `start`'s own. A `ropa.toml`
    /// above the project — in a home directory, in `/tmp` or elsewhere on a shared runner — is
    /// not the project's and must not relax its checks. Anything named `ropa.toml` is returned, a
    /// directory or a link too, so that reading it says what is wrong rather than a
    /// configuration farther up being used instead.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let project = (start.ancestors())
            .find(|dir| dir.join(".git").symlink_metadata().is_ok())
            .unwrap_or(start);
        for dir in start.ancestors() {
            let candidate = dir.join(FILE_NAME);
            if candidate.symlink_metadata().is_ok() {
                return Some(candidate);
            }
            if dir == project {
                break;
            }
        }
        None
    }

    fn validate(&self, document: &Document) -> Result<(), Box<InvalidConfig>> {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        let error = |path: FieldPath, problem: ConfigProblem| {
            Box::new(InvalidConfig {
                file: document.source().name().into(),
                source_file: document.source().clone(),
                span: document.root().display_span(&path),
                path,
                problem,
            })
        };
        let unknown = |id: &str| match retired_rule(id) {
            Some(retired) => ConfigProblem::RetiredRule {
                rule: retired.id,
                replaced_by: retired.replaced_by,
                reason: retired.reason,
                retired_in: retired.retired_in,
            },
            None => ConfigProblem::UnknownRule {
                rule: id.to_owned(),
                suggestion: nearest(id, &ids).map(str::to_owned),
            },
        };
        for id in self.rules.keys() {
            if rule(id).is_none() {
                let path = FieldPath::root().key("rules").key(id.clone());
                let mut failure = error(path.clone(), unknown(id));
                failure.span = document.root().key_span(&path).unwrap_or(failure.span);
                return Err(failure);
            }
        }
        for (i, suppression) in self.suppress.iter().enumerate() {
            let at = FieldPath::root().key("suppress").index(i);
            if rule(&suppression.rule).is_none() {
                return Err(error(at.key("rule"), unknown(&suppression.rule)));
            }
            if let Some(path) = &suppression.path
                && !path.starts_with('/')
            {
                let problem = ConfigProblem::PathNotAPointer { path: path.clone() };
                return Err(error(at.key("path"), problem));
            }
            if let Some(problem) = reason_problem(&suppression.reason) {
                return Err(error(at.key("reason"), problem));
            }
        }
        Ok(())
    }

    /// The fail level: the configured one, or error.
    pub fn fail_level(&self) -> Severity {
        self.fail_level.unwrap_or(Severity::Error)
    }

    /// Applies severity overrides and suppressions. `place_of` says where a finding is, for
    /// suppressions by activity or file.
    pub fn apply<'p>(&self, findings: Vec<Finding>, place_of: impl Fn(&Finding) -> Place<'p>) -> Applied {
        let mut applied = Applied::default();
        let index = SuppressionIndex::new(&self.suppress);
        for mut finding in findings {
            match self.rules.get(finding.rule) {
                Some(RuleLevel::Allow) => {
                    applied.suppressed.push(Suppressed {
                        reason: format!("rule `{}` is allowed in {FILE_NAME}", finding.rule),
                        finding,
                    });
                    continue;
                }
                Some(RuleLevel::Info) => finding.severity = Severity::Info,
                Some(RuleLevel::Warning) => finding.severity = Severity::Warning,
                Some(RuleLevel::Error) => finding.severity = Severity::Error,
                None => {}
            }
            let matching = index.first_covering(&finding, || place_of(&finding));
            match matching.and_then(|i| self.suppress.get(i)) {
                Some(suppression) => applied.suppressed.push(Suppressed {
                    reason: suppression.reason.clone(),
                    finding,
                }),
                None => applied.findings.push(finding),
            }
        }
        applied
    }
}

/// The suppressions of a configuration indexed by everything they name, so that finding the
/// first one that covers a finding costs a few hash lookups however many there are. (An index
/// by rule alone was quadratic: 50 000 suppressions of one rule against 4 000 findings took
/// seconds.) Suppressions naming the same rule, activity, path and file cover the same findings,
/// so only the first of them is kept: the one whose reason is reported.
struct SuppressionIndex<'c> {
    by_rule: HashMap<&'c str, RuleSuppressions<'c>>,
}

/// One rule's suppressions: by activity (or none), then by path prefix (the root when none).
#[derive(Default)]
struct RuleSuppressions<'c> {
    by_activity: HashMap<Option<&'c str>, HashMap<Vec<PathSegment>, FileSuppressions>>,
    /// The most path components any `file` of this rule has: longer suffixes of a finding's
    /// file cannot match.
    file_depth: usize,
}

/// The first suppression for any file, and the first for each `file` suffix.
#[derive(Default)]
struct FileSuppressions {
    any_file: Option<usize>,
    by_file: HashMap<PathBuf, usize>,
}

impl<'c> SuppressionIndex<'c> {
    fn new(suppressions: &'c [Suppression]) -> Self {
        let mut by_rule: HashMap<&str, RuleSuppressions<'_>> = HashMap::new();
        for (i, suppression) in suppressions.iter().enumerate() {
            let rule = by_rule.entry(suppression.rule.as_str()).or_default();
            let prefix = suppression
                .path
                .as_deref()
                .map(|pointer| FieldPath::parse_pointer(pointer).segments().to_vec())
                .unwrap_or_default();
            let files = rule
                .by_activity
                .entry(suppression.activity.as_ref().map(Id::as_str))
                .or_default()
                .entry(prefix)
                .or_default();
            match &suppression.file {
                None => {
                    files.any_file.get_or_insert(i);
                }
                Some(file) => {
                    let file = PathBuf::from(file);
                    rule.file_depth = rule.file_depth.max(file.components().count());
                    files.by_file.entry(file).or_insert(i);
                }
            }
        }
        Self { by_rule }
    }

    /// The index of the first suppression that covers `finding`; `place_of` is asked only when
    /// the finding's rule has suppressions.
    fn first_covering<'p>(&self, finding: &Finding, place_of: impl FnOnce() -> Place<'p>) -> Option<usize> {
        let rule = self.by_rule.get(finding.rule)?;
        let place = place_of();
        // The suffixes of the finding's file that a `file` could name (`Path::ends_with`
        // compares whole components, so `zorg.yaml` does not match `andere-zorg.yaml`).
        let components: Vec<_> = place.file.map(|f| f.components().collect()).unwrap_or_default();
        let file_suffixes: Vec<PathBuf> = match place.file {
            None => Vec::new(),
            Some(_) => (0..=rule.file_depth.min(components.len()))
                .filter_map(|n| components.get(components.len() - n..))
                .map(|suffix| suffix.iter().collect())
                .collect(),
        };
        let activities = [None, place.activity.as_ref().map(Id::as_str)];
        let segments = finding.path.segments();
        activities
            .iter()
            .enumerate()
            .filter(|(i, activity)| *i == 0 || activity.is_some())
            .filter_map(|(_, activity)| rule.by_activity.get(activity))
            .flat_map(|by_prefix| (0..=segments.len()).filter_map(|n| by_prefix.get(segments.get(..n)?)))
            .flat_map(|files| {
                let by_file = file_suffixes
                    .iter()
                    .filter_map(|suffix| files.by_file.get(suffix));
                files.any_file.iter().chain(by_file).copied()
            })
            .min()
    }
}

/// What is wrong with a suppression's reason, if anything: a pull request must not be able to
/// accept a finding with a reason a reviewer cannot see (`"\u{200d}"`), or one whose text is
/// reordered or hidden by controls.
fn reason_problem(reason: &str) -> Option<ConfigProblem> {
    // Emoji presentation selectors (`✔️`) are part of what a reason shows; a line end written as
    // CRLF (a Windows checkout) is a line end. Tag characters stay refused: they can carry text
    // nobody sees.
    let emoji_part = |c: char| matches!(c, '\u{FE0E}' | '\u{FE0F}');
    let hidden = reason
        .replace("\r\n", "\n")
        .chars()
        .find(|&c| crate::sanitize::is_unsafe(c) && !emoji_part(c));
    if let Some(character) = hidden {
        return Some(ConfigProblem::HiddenCharacterInReason { character });
    }
    // Joiners and the soft hyphen are allowed in text (see `is_invisible`) but show nothing.
    let shows_something = reason
        .chars()
        .any(|c| !c.is_whitespace() && !emoji_part(c) && !matches!(c, '\u{200C}' | '\u{200D}' | '\u{00AD}'));
    (!shows_something).then_some(ConfigProblem::EmptyReason)
}

/// The activity a register finding's path points into (`/activities/N/...`).
pub fn register_activity(register: &crate::model::Register, path: &FieldPath) -> Option<Id> {
    match path.segments() {
        [PathSegment::Key(key), PathSegment::Index(i), ..] if key == "activities" => {
            register.activities.get(*i).map(|a| a.id.clone())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::source::{Document, Limits};
    use std::fmt::Write as _;

    /// Inside a repository `ropa.toml` is looked for up to its root; outside one only in the
    /// directory itself, so that a `ropa.toml` planted in `/tmp` or a home directory never
    /// applies to a project below it.
    #[test]
    fn configuration_is_looked_for_within_the_project_only() {
        let base = std::env::temp_dir().join(format!("ropa-discover-{}", std::process::id()));
        assert!(
            !base.ancestors().any(|d| d.join(".git").exists()),
            "the temporary directory must lie outside any repository for this test"
        );
        let project = base.join("project");
        let sub = project.join("privacy");
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(base.join(FILE_NAME), "").expect("write");
        // Outside a repository: not the parent's, only the directory's own.
        assert_eq!(Config::discover(&sub), None);
        std::fs::write(sub.join(FILE_NAME), "").expect("write");
        assert_eq!(Config::discover(&sub), Some(sub.join(FILE_NAME)));
        std::fs::remove_file(sub.join(FILE_NAME)).expect("remove");
        // In a repository: up to its root, and not above it.
        std::fs::create_dir(project.join(".git")).expect("mkdir");
        assert_eq!(Config::discover(&sub), None);
        std::fs::write(project.join(FILE_NAME), "").expect("write");
        assert_eq!(Config::discover(&sub), Some(project.join(FILE_NAME)));
        let _ = std::fs::remove_dir_all(&base);
    }

    const REGISTER: &str = "controller: { name: G, public_authority: true, contact: { email: a@b.nl } }\n";

    fn findings() -> Vec<Finding> {
        let register = Document::parse("r.yaml", REGISTER, Format::Yaml, Limits::default())
            .and_then(|d| d.register())
            .expect("loads");
        Engine::new(&register).lint().findings
    }

    #[test]
    fn overrides_and_suppressions_are_applied_and_counted() {
        let config = Config::parse(
            "ropa.toml",
            "[[suppress]]\nrule = \"public-authority-without-dpo\"\nreason = \"DPO appointed, contact follows\"\n",
        )
        .expect("valid");
        let applied = config.apply(findings(), |_| Place::default());
        assert!(applied.findings.is_empty());
        assert_eq!(applied.suppressed.len(), 1);
        assert_eq!(applied.suppressed[0].reason, "DPO appointed, contact follows");

        let config = Config::parse(
            "ropa.toml",
            "[rules]\npublic-authority-without-dpo = \"warning\"\n",
        )
        .expect("valid");
        let applied = config.apply(findings(), |_| Place::default());
        assert_eq!(applied.findings[0].severity, Severity::Warning);
    }

    /// A suppression by file or activity matches on the place the caller gives, not on file
    /// positions: the configuration is applied before findings are located.
    #[test]
    fn suppressions_by_file_and_activity_match_the_place_given() {
        let config = Config::parse(
            "ropa.toml",
            "[[suppress]]\nrule = \"public-authority-without-dpo\"\nfile = \"registers/zorg.yaml\"\nreason = \"FG via de GR\"\n\n[[suppress]]\nrule = \"public-authority-without-dpo\"\nactivity = \"wmo\"\nreason = \"not about an activity, never matches\"\n",
        )
        .expect("valid");
        let in_file = |file: &'static str| {
            move |_: &Finding| Place {
                activity: None,
                file: Some(Path::new(file)),
            }
        };
        let applied = config.apply(findings(), in_file("/repo/registers/zorg.yaml"));
        assert_eq!((applied.findings.len(), applied.suppressed.len()), (0, 1));
        assert_eq!(applied.suppressed[0].reason, "FG via de GR");
        // Path components, not text: `andere-zorg.yaml` does not end with `zorg.yaml`.
        let applied = config.apply(findings(), in_file("/repo/registers/andere-zorg.yaml"));
        assert_eq!((applied.findings.len(), applied.suppressed.len()), (1, 0));
        let applied = config.apply(findings(), |_| Place::default());
        assert_eq!((applied.findings.len(), applied.suppressed.len()), (1, 0));
    }

    #[test]
    fn a_suppression_path_must_be_a_pointer() {
        let parse = |path: &str| {
            Config::parse(
                "ropa.toml",
                &format!(
                    "[[suppress]]\nrule = \"cookie-without-consent\"\npath = \"{path}\"\nreason = \"banner in 4.2\"\n"
                ),
            )
        };
        for path in ["website", "", "activities/2/cookies"] {
            let error = parse(path).expect_err(path);
            assert_eq!(error.code(), "path-not-a-pointer", "{path}");
        }
        assert_eq!(
            parse("activities/2/cookies").expect_err("refused").to_string(),
            "ropa.toml:3:8: `activities/2/cookies` is not a JSON Pointer (at `/suppress/0/path`)"
        );
        assert_eq!(
            parse("website").expect_err("refused").help().as_deref(),
            Some(
                "write the field as a JSON Pointer from the document's root, e.g. `/website`, as the finding's `path` shows it; to suppress the rule in a whole file, use `file` instead"
            )
        );
        // The twin: a pointer is accepted.
        assert!(parse("/activities/2/cookies").is_ok());
    }

    #[test]
    fn a_reason_must_show_what_it_says() {
        let problem = |reason: &str| {
            let text =
                format!("[[suppress]]\nrule = \"public-authority-without-dpo\"\nreason = \"{reason}\"\n");
            match Config::parse("ropa.toml", &text) {
                Ok(_) => None,
                Err(ConfigError::Invalid(invalid)) => Some(invalid.problem),
                Err(other) => panic!("{other}"),
            }
        };
        for invisible in ["\\u200d", "\\u200c \\u00ad", "\\u200b", "\\u2060"] {
            assert!(problem(invisible).is_some(), "{invisible}");
        }
        assert_eq!(problem("\\u200d\\u00ad"), Some(ConfigProblem::EmptyReason));
        assert_eq!(
            problem("ok\\u0007"),
            Some(ConfigProblem::HiddenCharacterInReason { character: '\u{7}' })
        );
        assert_eq!(
            problem("accepted \\u202eevil"),
            Some(ConfigProblem::HiddenCharacterInReason {
                character: '\u{202E}'
            })
        );
        let error = Config::parse(
            "ropa.toml",
            "[[suppress]]\nrule = \"public-authority-without-dpo\"\nreason = \"x\\u0000\"\n",
        )
        .expect_err("refused");
        assert_eq!(
            error.to_string(),
            "ropa.toml:3:10: the reason has a hidden character (U+0000) (at `/suppress/0/reason`)"
        );
        assert_eq!(error.code(), "hidden-character-in-reason");
        // The twins: emoji with a joiner, Dutch text with a soft hyphen, a multi-line reason.
        assert_eq!(problem("👩\\u200d💻 team ok"), None);
        assert_eq!(problem("verwerkings\\u00adregister bijgewerkt"), None);
        assert_eq!(problem("line one\\nline two\\tticket PRIV-9"), None);
        assert_eq!(problem("Akkoord \\u2714\\ufe0f, zie PRIV-12"), None);
        assert_eq!(problem("line one\\r\\nline two"), None);
        assert_eq!(problem("\\ufe0f"), Some(ConfigProblem::EmptyReason));
        assert!(matches!(
            problem("Akkoord\\U000E0041\\U000E0042"),
            Some(ConfigProblem::HiddenCharacterInReason { .. })
        ));
    }

    #[test]
    fn the_first_covering_suppression_wins_among_many() {
        // Thousands of suppressions of one rule that each name another place, against
        // thousands of findings of that rule: each finding is matched by lookups, not by a
        // walk over the suppressions (which was quadratic).
        let template = findings().remove(0);
        let rule = template.rule;
        let mut toml = String::new();
        for i in 0..20_000 {
            let _ = writeln!(
                toml,
                "[[suppress]]\nrule = \"{rule}\"\npath = \"/activities/{i}/x\"\nfile = \"d{i}/r.yaml\"\nreason = \"r{i}\""
            );
        }
        // Earlier and later suppressions that also cover `/activities/7/x` in `d7/r.yaml`.
        let toml = format!(
            "[[suppress]]\nrule = \"{rule}\"\npath = \"/activities/7\"\nactivity = \"zeven\"\nreason = \"first\"\n{toml}[[suppress]]\nrule = \"{rule}\"\nreason = \"last\"\nfile = \"other.yaml\"\n"
        );
        let config = Config::parse("ropa.toml", &toml).expect("valid");
        let at = |i: usize| {
            let mut finding = template.clone();
            finding.path = FieldPath::root().key("activities").index(i).key("x").key("y");
            finding
        };
        let many: Vec<Finding> = (0..4_000).map(at).collect();
        let applied = config.apply(many, |finding| {
            let i = match finding.path.segments().get(1) {
                Some(PathSegment::Index(i)) => *i,
                _ => 0,
            };
            Place {
                activity: (i == 7).then(|| Id::parse("zeven").ok()).flatten(),
                // Every other finding is in the file its suppression names.
                file: Some(Path::new(if i % 2 == 0 { "/repo/d" } else { "/repo/e" })),
            }
        });
        assert_eq!(
            applied.suppressed.len(),
            1,
            "only /activities/7 with its activity matches"
        );
        assert_eq!(applied.suppressed[0].reason, "first");
        assert_eq!(applied.findings.len(), 3_999);

        let files: Vec<PathBuf> = (0..4_000)
            .map(|i| match i % 2 {
                0 => PathBuf::from(format!("/repo/d{i}/r.yaml")),
                _ => PathBuf::from("/repo/other.yaml"),
            })
            .collect();
        let applied = config.apply((0..4_000).map(at).collect(), |finding| Place {
            activity: None,
            file: match finding.path.segments().get(1) {
                Some(PathSegment::Index(i)) => files.get(*i).map(PathBuf::as_path),
                _ => None,
            },
        });
        assert_eq!(applied.findings.len(), 0);
        let reason = |i: usize| {
            applied
                .suppressed
                .iter()
                .find(|s| s.finding.path == at(i).path)
                .map(|s| s.reason.as_str())
        };
        assert_eq!(reason(8), Some("r8"));
        assert_eq!(reason(7), Some("last"));
    }

    #[test]
    fn suppressions_need_a_reason_and_a_known_rule() {
        let error = Config::parse(
            "ropa.toml",
            "[[suppress]]\nrule = \"public-authority-without-dpo\"\nreason = \" \"\n",
        )
        .expect_err("refused");
        assert!(
            matches!(&error, ConfigError::Invalid(e) if e.problem == ConfigProblem::EmptyReason),
            "{error}"
        );
        assert_eq!(
            error.to_string(),
            "ropa.toml:3:10: a suppression needs a reason (at `/suppress/0/reason`)"
        );

        let error = Config::parse(
            "ropa.toml",
            "[[suppress]]\nrule = \"public-authority-without-dpo\"\n",
        )
        .expect_err("refused");
        assert!(
            matches!(&error, ConfigError::Load(e) if matches!(*e.kind, crate::source::LoadErrorKind::MissingField { field: "reason" })),
            "{error}"
        );

        let error = Config::parse("ropa.toml", "[rules]\npublic-authority-without-dpa = \"allow\"\n")
            .expect_err("refused");
        assert_eq!(
            error.help().as_deref(),
            Some("did you mean `public-authority-without-dpo`?")
        );
        let ConfigError::Invalid(invalid) = &error else {
            panic!("{error}")
        };
        assert_eq!(error.code(), "unknown-rule");
        assert_eq!((invalid.range().0.line, invalid.range().0.column), (2, 1));

        // A renamed rule says what to write instead.
        let error = Config::parse(
            "ropa.toml",
            "[rules]\ndata-category-scope-outside-activity = \"warning\"\n",
        )
        .expect_err("refused");
        assert_eq!(
            error.to_string(),
            "ropa.toml:2:1: rule `data-category-scope-outside-activity` was renamed to `scope-outside-activity` in ropa 0.1.0 (at `/rules/data-category-scope-outside-activity`)"
        );
        assert!(
            error
                .help()
                .is_some_and(|h| h.starts_with("write `scope-outside-activity` instead")),
            "{:?}",
            error.help()
        );

        let error = Config::parse("ropa.toml", "fail-level = \"warning\"\n").expect_err("refused");
        assert!(
            matches!(&error, ConfigError::Load(e) if e.kind.code() == "unknown-field"),
            "{error}"
        );
    }
}
