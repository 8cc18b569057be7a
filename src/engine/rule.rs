//! The rule type: one declaration per rule feeds the engine, `ropa explain`, the generated rule
//! catalogue and SARIF metadata.

use super::context::{ActivityRef, Context};
use super::finding::{Finding, Severity};
use crate::model::{LawfulBasisKind, PurposeKind};

crate::model::macros::list_enum! {
    /// What a rule looks at.
    pub enum Scope {
        /// The register as a whole (controller, statement, catalogues); run when linting a register.
        Register,
        /// Each processing activity; run on every register activity when linting, and on the
        /// proposed activity when evaluating a proposal.
        Activity,
        /// How a proposal relates to the register; run when evaluating a proposal.
        Proposal,
    }
}

/// What an activity can show that some rules are about. A rule that names triggers
/// ([`Rule::triggers`]) is run only when an activity it checks shows one of them: most proposals
/// process no special-category data, transfer nothing, place no cookies and take no automated
/// decisions, and a third of the rules are about one of these. A rule must name a trigger only
/// when it cannot find anything in an activity that shows none; the differential tests run every
/// rule without the gate and require the same findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trigger {
    /// Its data categories include a special category (Art 9).
    SpecialCategoryData,
    /// It records Art 9(2) conditions.
    SpecialCategoryConditions,
    /// Its data categories include criminal-offence data (Art 10).
    CriminalData,
    /// It records an Art 10 basis.
    CriminalDataBasis,
    /// Its data categories include a national identification number.
    NationalId,
    /// It records its own basis for the national identification number.
    NationalIdBasis,
    /// It rests on consent: Art 6(1)(a), or explicit consent under Art 9(2)(a).
    Consent,
    /// It rests on a contract (Art 6(1)(b)).
    ContractBasis,
    /// It rests on legitimate interests (Art 6(1)(f)).
    LegitimateInterestsBasis,
    /// It lists transfers.
    Transfers,
    /// It places cookies.
    Cookies,
    /// It records automated decision-making.
    AutomatedDecisions,
    /// It gives a list only as examples (`examples_only`).
    ExamplesOnly,
    /// It holds text not yet written as typed values (`unclassified`).
    UnclassifiedText,
    /// It has a lawful basis without its Art 6(1) letter.
    UntypedBasis,
    /// It narrows a list to part of the activity's (a scope, or a data source's or basis's own
    /// data categories).
    Scoped,
    /// One of its purposes is direct marketing or a newsletter.
    MarketingPurpose,
    /// One of its data categories speaks of political opinions but is not marked special.
    UnmarkedPolitical,
    /// It is a proposal that introduces catalogue entries of its own.
    IntroducedEntries,
}

impl Trigger {
    /// Every trigger, in declaration order.
    pub(crate) const ALL: [Trigger; 19] = [
        Trigger::SpecialCategoryData,
        Trigger::SpecialCategoryConditions,
        Trigger::CriminalData,
        Trigger::CriminalDataBasis,
        Trigger::NationalId,
        Trigger::NationalIdBasis,
        Trigger::Consent,
        Trigger::ContractBasis,
        Trigger::LegitimateInterestsBasis,
        Trigger::Transfers,
        Trigger::Cookies,
        Trigger::AutomatedDecisions,
        Trigger::ExamplesOnly,
        Trigger::UnclassifiedText,
        Trigger::UntypedBasis,
        Trigger::Scoped,
        Trigger::MarketingPurpose,
        Trigger::UnmarkedPolitical,
        Trigger::IntroducedEntries,
    ];

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// The triggers the activities of a run show, one bit each.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Shown(u32);

impl Shown {
    /// The triggers `activity` shows.
    pub(crate) fn by(ctx: &Context<'_>, activity: &ActivityRef<'_>) -> Self {
        let a = activity.activity;
        let profile = ctx.profile(activity);
        let shows = [
            (
                Trigger::SpecialCategoryData,
                !profile.special_categories.is_empty(),
            ),
            (
                Trigger::SpecialCategoryConditions,
                !a.special_category_conditions.is_empty(),
            ),
            (Trigger::CriminalData, profile.criminal),
            (Trigger::CriminalDataBasis, a.criminal_data_basis.is_some()),
            (Trigger::NationalId, profile.national_id),
            (Trigger::NationalIdBasis, a.national_id_basis.is_some()),
            (Trigger::Consent, a.relies_on_consent()),
            (Trigger::ContractBasis, a.relies_on(LawfulBasisKind::Contract)),
            (
                Trigger::LegitimateInterestsBasis,
                a.relies_on(LawfulBasisKind::LegitimateInterests),
            ),
            (Trigger::Transfers, !a.transfers.is_empty()),
            (Trigger::Cookies, !a.cookies.is_empty()),
            (Trigger::AutomatedDecisions, a.automated_decision_making.is_some()),
            (Trigger::ExamplesOnly, !a.examples_only.is_empty()),
            (Trigger::UnclassifiedText, !a.unclassified.is_empty()),
            (
                Trigger::UntypedBasis,
                a.lawful_bases.iter().any(|b| b.basis.is_none()),
            ),
            (
                Trigger::Scoped,
                !a.data_category_scope.is_empty()
                    || !a.recipient_scope.is_empty()
                    || a.data_sources.iter().any(|s| !s.data_categories.is_empty())
                    || a.lawful_bases.iter().any(|b| !b.data_categories.is_empty()),
            ),
            (
                Trigger::MarketingPurpose,
                profile.purpose_kinds.contains(PurposeKind::DirectMarketing)
                    || profile.purpose_kinds.contains(PurposeKind::Newsletter),
            ),
            (Trigger::UnmarkedPolitical, profile.unmarked_political),
            (
                Trigger::IntroducedEntries,
                activity.position.is_none()
                    && ctx.proposal.is_some_and(|p| !p.proposal.introduces.is_empty()),
            ),
        ];
        Self(
            (shows.iter())
                .filter(|(_, shown)| *shown)
                .fold(0, |bits, (trigger, _)| bits | trigger.bit()),
        )
    }

    /// The triggers any of the context's activities shows.
    pub(crate) fn in_run(ctx: &Context<'_>) -> Self {
        // A large register shows every trigger it can within its first activities: stop there.
        // (Only a proposal introduces entries.)
        let every = (Trigger::ALL.iter())
            .filter(|trigger| **trigger != Trigger::IntroducedEntries || ctx.proposal.is_some())
            .fold(0, |bits, trigger| bits | trigger.bit());
        let mut shown = Self::default();
        for activity in ctx.activities() {
            shown.0 |= Self::by(ctx, &activity).0;
            if shown.0 == every {
                break;
            }
        }
        shown
    }

    /// Whether `rule` is to run: it names no trigger, or one that is shown.
    pub(crate) fn runs(&self, rule: &Rule) -> bool {
        rule.triggers.is_empty() || (rule.triggers.iter()).any(|trigger| self.0 & trigger.bit() != 0)
    }
}

/// A rule: its metadata and its check.
#[derive(Debug)]
pub struct Rule {
    /// Stable id: lowercase words that explain themselves. Never reused.
    pub id: &'static str,
    /// Severity of its findings unless configuration says otherwise.
    pub severity: Severity,
    /// The GDPR, UAVG or other articles it enforces.
    pub articles: &'static [&'static str],
    /// What it checks, in one line.
    pub summary: &'static str,
    /// Why it matters, in a paragraph; every finding carries it as its explanation.
    pub why: &'static str,
    /// A YAML register, or a proposal (checked against the example register in
    /// `src/engine/rules/testdata/`), that breaks the rule; a test runs it and requires the rule
    /// to fire.
    pub non_compliant: &'static str,
    /// The same input, fixed; a test requires the rule to be silent on it.
    pub compliant: &'static str,
    /// What it looks at.
    pub scope: Scope,
    /// What an activity must show for the rule to have anything to say about it (see
    /// [`Trigger`]); empty for a rule that is always run.
    pub(crate) triggers: &'static [Trigger],
    /// The version of ropa that introduced it.
    pub since: &'static str,
    pub(crate) check: fn(&Context<'_>, &mut Vec<Finding>),
}

impl Rule {
    /// The long explanation in Markdown, as `ropa explain` and the rule catalogue show it.
    pub fn explanation(&self) -> String {
        let severity = self.severity;
        let articles = self.articles.join("; ");
        format!(
            "# {id}\n\n{summary}\n\n- default severity: {severity}\n- articles: {articles}\n- applies to: {scope}\n- since: {since}\n\n## Why\n\n{why}\n\n## Non-compliant\n\n```yaml\n{bad}```\n\n## Compliant\n\n```yaml\n{good}```\n",
            id = self.id,
            summary = self.summary,
            scope = match self.scope {
                Scope::Register => "the register as a whole",
                Scope::Activity => "each processing activity (and a proposed one)",
                Scope::Proposal => "a proposal, compared with the register",
            },
            since = self.since,
            why = self.why,
            bad = self.non_compliant,
            good = self.compliant,
        )
    }
}
