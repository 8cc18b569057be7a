//! The rule type: one declaration per rule feeds the engine, `ropa explain`, the generated rule
//! catalogue and SARIF metadata.

use super::context::Context;
use super::finding::{Finding, Severity};

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
