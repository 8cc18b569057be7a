//! `transfers-not-stated`: the register should say whether an activity's data leave the EEA.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "transfers-not-stated",
    severity: Severity::Info,
    articles: &["GDPR Art 30(1)(e)", "GDPR Art 13(1)(f)"],
    summary: "activities do not state whether data are transferred outside the EEA, and the statement does not say either (reported once, with the activities)",
    why: "Where applicable, the register names the transfers to third countries and their \
          safeguards (Art 30(1)(e)), and the statement tells data subjects about them \
          (Art 13(1)(f)). When neither the activity nor the statement says anything, a reader \
          cannot tell \"no transfers\" from \"not checked\". A statement that promises the data \
          stay in the EU or EEA answers the question for every activity.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement: {}\nactivities:\n  - id: website\n    name: Website\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement: { transfers: eea_only }\nactivities:\n  - id: website\n    name: Website\n    transfers: none\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let promised = ctx.register.statement.as_ref().and_then(|s| s.transfers);
    if matches!(
        promised,
        Some(TransferCommitment::EuOnly | TransferCommitment::EeaOnly)
    ) {
        return;
    }
    let unstated: Vec<ActivityRef<'_>> = ctx
        .gdpr_activities()
        .filter(|a| a.activity.transfers.is_not_stated())
        .collect();
    // One finding for the register, with every activity it concerns: the answer is usually one
    // sentence in the statement, not a field in each activity.
    out.extend(once_for_activities(
        ctx,
        &RULE,
        "transfers",
        &unstated,
        (
            "does not state whether its data are transferred outside the EEA",
            "do not state whether their data are transferred outside the EEA",
        ),
        "write `transfers: none` on each activity whose data stay in the EEA (or promise `statement.transfers: eea_only` when none leave it), and list each transfer with its `country` and Chapter V `mechanism`",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
