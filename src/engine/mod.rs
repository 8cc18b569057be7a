//! The validation engine: rules over model values that produce [`Finding`]s.
//!
//! Two checks share one rule catalogue ([`RULES`]):
//!
//! - [`Engine::lint`] lints a register on its own: Art 30 completeness, references between
//!   entries, unlawful combinations, and statement commitments the activities contradict;
//! - [`Engine::evaluate`] checks a *proposed* activity: every activity rule applied to it, plus
//!   every way it goes beyond what the register declares (a new data category, purpose,
//!   recipient, country, longer retention, cookie class, automated decisions).
//!
//! Findings name fields by [`FieldPath`](crate::path::FieldPath), so the engine works on
//! registers built in code; [`report::locate`](crate::report::locate) adds file positions when
//! the register came from a file. The engine indexes catalogues once ([`Engine::new`]), so
//! evaluating many proposals against one register costs little each.
//!
//! ```
//! use ropa::engine::Engine;
//! use ropa::source::{Document, Format, Limits};
//!
//! let yaml = "controller: { name: Gemeente Voorbeeld, public_authority: true }\n";
//! let register = Document::parse("r.yaml", yaml, Format::Yaml, Limits::default())?.register()?;
//! let report = Engine::new(&register).lint();
//! assert!(report.findings.iter().any(|f| f.rule == "public-authority-without-dpo"));
//! # Ok::<(), ropa::source::LoadError>(())
//! ```

/// `format!` into a buffer sized for a finding's message, so writing one costs a single
/// allocation: `format!` sizes its buffer from the literal text alone and grows it for every
/// id it inserts, and evaluating a proposal writes a dozen messages.
macro_rules! message {
    ($($arg:tt)*) => {{
        use ::std::fmt::Write as _;
        let mut text = ::std::string::String::with_capacity(160);
        let _ = ::std::write!(text, $($arg)*);
        text
    }};
}

mod catalogue;
mod context;
mod finding;
mod index;
mod rule;
pub mod rules;

use std::collections::BTreeSet;
use std::sync::{LazyLock, OnceLock};

use compact_str::CompactString;

use foldhash::HashMap;

pub use catalogue::rules_markdown;
pub use finding::{Finding, Related, Severity, Subject};
use rule::Shown;
pub use rule::{Rule, Scope};
pub use rules::{RETIRED, RULES, RetiredRule, nearest_rule, retired_rule, rule};

use context::{Context, ProposalContext};
use index::CatalogueIndex;

use crate::model::{
    CookieClass, CountryCode, LawfulBasisKind, Period, Proposal, Register, RetentionEvent, SpecialCategory,
};

/// Facts about the whole register that proposal rules compare against, computed once.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// Countries outside the EEA the register's activities transfer to.
    pub(crate) transfer_countries: BTreeSet<CountryCode>,
    /// Cookie classes the register's activities use.
    pub(crate) cookie_classes: rules::EnumSet<CookieClass>,
    /// Whether any activity makes automated decisions.
    pub(crate) automated_decisions: bool,
    /// For each data category id and the event its period runs from (`None` for a selectielijst
    /// period), the longest declared retention, with the position of the retention rule that sets
    /// it. Periods after different events cannot be compared ("P0D after unsubscribing" is not
    /// shorter than "P1Y after the event"), hence the event in the key.
    pub(crate) longest_retention: HashMap<(CompactString, Option<RetentionEvent>), (Period, usize)>,
    /// Special categories the register's activities process.
    pub(crate) special_categories: rules::EnumSet<SpecialCategory>,
    /// Lawful bases the register's activities rely on.
    pub(crate) lawful_bases: rules::EnumSet<LawfulBasisKind>,
    /// The positions of the activities that promise to use their data only for their own
    /// purposes, so a proposal is compared with these and not with every activity.
    pub(crate) purpose_limited: Vec<usize>,
}

impl Facts {
    fn new(register: &Register, index: &CatalogueIndex<'_>) -> Self {
        let mut facts = Self {
            purpose_limited: (register.activities.iter().enumerate())
                .filter(|(_, a)| a.only_for_stated_purposes)
                .map(|(i, _)| i)
                .collect(),
            ..Self::default()
        };
        for activity in &register.activities {
            for transfer in &activity.transfers {
                let country = &transfer.country;
                if !country.is_eea() && !facts.transfer_countries.contains(country) {
                    facts.transfer_countries.insert(country.clone());
                }
            }
            facts
                .cookie_classes
                .extend(activity.cookies.iter().map(|c| c.class));
            facts.automated_decisions |= activity
                .automated_decision_making
                .as_ref()
                .is_some_and(crate::model::AutomatedDecisionMaking::is_art22_decision);
            facts
                .lawful_bases
                .extend(activity.lawful_bases.iter().filter_map(|b| b.basis));
            facts.special_categories.extend(
                activity
                    .data_categories
                    .iter()
                    .filter_map(|id| index.data_categories.get(id.as_str()))
                    .flat_map(|(_, c)| c.special_categories()),
            );
            for rule_id in &activity.retention {
                let Some((position, rule)) = index.retention_rules.get(rule_id.as_str()) else {
                    continue;
                };
                let Some(period) = rules::retention_limit(&rule.period) else {
                    continue;
                };
                let categories = if rule.data_categories.is_empty() {
                    activity.data_categories.items()
                } else {
                    &rule.data_categories
                };
                let event = rules::retention_event(&rule.period);
                for category in categories {
                    let longest = facts
                        .longest_retention
                        .entry((CompactString::from(category.as_str()), event))
                        .or_insert((period, position));
                    if period.max_days() > longest.0.max_days() {
                        *longest = (period, position);
                    }
                }
            }
        }
        facts
    }
}

/// Findings in report order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// The findings, ordered by [`Finding::report_order`].
    pub findings: Vec<Finding>,
}

impl Report {
    fn new(mut findings: Vec<Finding>) -> Self {
        findings.sort_by(Finding::report_order);
        findings.dedup();
        Self { findings }
    }

    /// How many findings have each severity: (errors, warnings, infos).
    pub fn counts(&self) -> (usize, usize, usize) {
        self.findings
            .iter()
            .fold((0, 0, 0), |(e, w, i), f| match f.severity {
                Severity::Error => (e + 1, w, i),
                Severity::Warning => (e, w + 1, i),
                Severity::Info => (e, w, i + 1),
            })
    }

    /// The most serious severity found, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

/// The outcome of evaluating a proposal.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Evaluation {
    /// Whether the proposal stays within the register and the law: no error findings.
    pub compliant: bool,
    /// The findings.
    pub report: Report,
}

impl Evaluation {
    /// One sentence that says plainly whether the proposal is compliant and why not.
    pub fn verdict(&self) -> String {
        let (errors, warnings, _) = self.report.counts();
        if self.compliant {
            match warnings {
                0 => "compliant: the proposal stays within the register and the law".to_owned(),
                n => format!(
                    "compliant, with {n} warning{} to review",
                    if n == 1 { "" } else { "s" }
                ),
            }
        } else {
            let reasons: BTreeSet<&str> = self
                .report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.rule)
                .collect();
            format!(
                "not compliant: {errors} error{} ({})",
                if errors == 1 { "" } else { "s" },
                reasons.into_iter().collect::<Vec<_>>().join(", ")
            )
        }
    }
}

/// Whether rules are skipped for activities that show none of their triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RuleGate {
    /// Skipped (the default): a rule that names triggers cannot find anything without them.
    ByTriggers,
    /// Every rule runs: for the tests that require the same findings either way.
    Off,
}

/// A register indexed for checking.
#[derive(Debug)]
pub struct Engine<'a> {
    register: &'a Register,
    gate: RuleGate,
    index: CatalogueIndex<'a>,
    /// Gathered when the first proposal is evaluated: linting never reads them, and gathering
    /// them resolves every activity's data categories and retention rules once more.
    facts: OnceLock<Facts>,
    /// For each of the register's data categories (by position), whether its words speak of
    /// political opinions while it is not marked special: judged once, not per proposal.
    unmarked_political: Vec<bool>,
}

impl<'a> Engine<'a> {
    /// Indexes the register's catalogues and gathers the facts proposal rules compare against.
    pub fn new(register: &'a Register) -> Self {
        let index = CatalogueIndex::new(&register.catalogues);
        Self {
            register,
            unmarked_political: (index.data_categories.items().iter())
                .map(rules::unmarked_political)
                .collect(),
            index,
            facts: OnceLock::new(),
            gate: RuleGate::ByTriggers,
        }
    }

    /// The same engine, running every rule on every check, also those about what none of the
    /// activities show (special-category data, transfers, cookies …) and so cannot find
    /// anything. The findings are the same; only slower. For tests and fuzzing that hold the
    /// engine to that.
    #[doc(hidden)]
    #[must_use]
    pub fn running_every_rule(mut self) -> Self {
        self.gate = RuleGate::Off;
        self
    }

    /// Lints the register on its own.
    pub fn lint(&self) -> Report {
        let checked = context::register_activities(self.register);
        let resolving = Context {
            register: self.register,
            index: &self.index,
            facts: &self.facts,
            unmarked_political: &self.unmarked_political,
            proposal: None,
            uses: &rules::Uses::NONE,
            checked: &checked,
        };
        let uses = rules::Uses::new(&resolving);
        let context = Context {
            uses: &uses,
            ..resolving
        };
        Report::new(run(&context, &LINT_RULES, self.gate))
    }

    /// Checks a proposed activity against the register and the law.
    pub fn evaluate(&self, proposal: &Proposal) -> Evaluation {
        let proposal_context = ProposalContext {
            proposal,
            index: CatalogueIndex::new(&proposal.introduces),
        };
        let checked = [context::ActivityRef::proposed(proposal)];
        let resolving = Context {
            register: self.register,
            index: &self.index,
            facts: &self.facts,
            unmarked_political: &self.unmarked_political,
            proposal: Some(&proposal_context),
            uses: &rules::Uses::NONE,
            checked: &checked,
        };
        let uses = rules::Uses::new(&resolving);
        let context = Context {
            uses: &uses,
            ..resolving
        };
        let mut findings = run(&context, &EVALUATE_RULES, self.gate);
        findings.iter_mut().for_each(anchor_in_proposal);
        let report = Report::new(findings);
        Evaluation {
            compliant: report.findings.iter().all(|f| f.severity != Severity::Error),
            report,
        }
    }
}

/// When evaluating, a finding about a register entry the proposal uses (a vague retention rule,
/// a processor without an agreement) is shown where the proposal uses it, with the register's
/// entry as related place: the proposal is what is being judged, and the register's own
/// findings belong to `lint`.
fn anchor_in_proposal(finding: &mut Finding) {
    if finding.subject != Subject::Register {
        return;
    }
    let Some(i) = finding
        .related
        .iter()
        .position(|r| r.subject == Subject::Proposal)
    else {
        return;
    };
    let usage = finding.related.remove(i);
    let entry = Related {
        subject: finding.subject,
        path: std::mem::replace(&mut finding.path, usage.path),
        message: "the register's entry".into(),
    };
    finding.subject = usage.subject;
    finding.related.insert(0, entry);
}

/// The rules of one kind of check, picked from [`RULES`] by scope once rather than on every run.
type RuleList = LazyLock<Vec<&'static Rule>>;

/// The rules [`Engine::lint`] runs.
static LINT_RULES: RuleList = LazyLock::new(|| rules_in(&[Scope::Register, Scope::Activity]));

/// The rules [`Engine::evaluate`] runs.
static EVALUATE_RULES: RuleList = LazyLock::new(|| rules_in(&[Scope::Activity, Scope::Proposal]));

fn rules_in(scopes: &[Scope]) -> Vec<&'static Rule> {
    RULES
        .iter()
        .copied()
        .filter(|r| scopes.contains(&r.scope))
        .collect()
}

/// Runs `rules`, each only when the activities show one of its triggers unless `gate` is off.
fn run(context: &Context<'_>, rules: &[&'static Rule], gate: RuleGate) -> Vec<finding::Finding> {
    // Room for what evaluating a proposal usually finds, so the list is not copied as it grows.
    let mut findings = Vec::with_capacity(16);
    let shown = match gate {
        RuleGate::ByTriggers => Some(Shown::in_run(context)),
        RuleGate::Off => None,
    };
    for rule in rules {
        if shown.is_none_or(|shown| shown.runs(rule)) {
            (rule.check)(context, &mut findings);
        }
    }
    findings
}

/// Lints a register (see [`Engine::lint`]).
pub fn lint(register: &Register) -> Report {
    Engine::new(register).lint()
}

/// Evaluates a proposal against a register (see [`Engine::evaluate`]).
pub fn evaluate(register: &Register, proposal: &Proposal) -> Evaluation {
    Engine::new(register).evaluate(proposal)
}
