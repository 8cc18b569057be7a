//! `proposal-undeclared-recipient`: the proposal discloses data to a recipient the register does
//! not declare.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-undeclared-recipient",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(d)", "GDPR Art 13(1)(e)"],
    summary: "the proposal discloses data to a recipient the register does not declare",
    why: "The register and the statement list the recipients or categories of recipients \
          (Arts 30(1)(d), 13(1)(e)). Disclosing data to someone new goes beyond both until the \
          recipient is declared, with the basis for the disclosure.",
    non_compliant: "introduces:\n  recipients:\n    - { id: woningcorporatie, label: Woningcorporatie, kind: independent_controller }\nactivity:\n  id: wmo_woningaanpassing\n  name: Woningaanpassing\n  recipients: [zorgaanbieders, woningcorporatie]\n",
    compliant: "activity:\n  id: wmo_woningaanpassing\n  name: Woningaanpassing\n  recipients: [zorgaanbieders]\n",
    scope: Scope::Proposal,
    triggers: &[Trigger::IntroducedEntries],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::undeclared::<Recipient>(
        ctx,
        out,
        &RULE,
        |r| r.kind.map(|kind| message!(" ({kind})")).unwrap_or_default(),
        |_| {
            "add the recipient to the register's `catalogues.recipients` and to the statement, with the agreement that governs the sharing".to_owned()
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
