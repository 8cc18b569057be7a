//! `proposal-redeclares-entry`: the proposal introduces an entry whose id the register already uses.

use crate::engine::index::Indexed;
use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-redeclares-entry",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)"],
    summary: "the proposal introduces an entry under an id the register already uses",
    why: "A proposal's `introduces` lists what is new. An entry there with an id the register \
          already declares is ambiguous: the evaluation uses the register's entry, so whatever \
          the proposal says differently about it would be ignored.",
    non_compliant: "introduces:\n  data_categories:\n    - { id: naam, label: Volledige naam en initialen }\nactivity:\n  id: a\n  name: A\n  data_categories: [naam]\n",
    compliant: "introduces:\n  data_categories:\n    - { id: initialen, label: Initialen }\nactivity:\n  id: a\n  name: A\n  data_categories: [naam, initialen]\n",
    scope: Scope::Proposal,
    triggers: &[Trigger::IntroducedEntries],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(proposal) = ctx.proposal else {
        return;
    };
    let introduces = &proposal.proposal.introduces;
    redeclared::<DataSubject>(ctx, out, &introduces.data_subjects);
    redeclared::<DataCategory>(ctx, out, &introduces.data_categories);
    redeclared::<Purpose>(ctx, out, &introduces.purposes);
    redeclared::<Recipient>(ctx, out, &introduces.recipients);
    redeclared::<Processor>(ctx, out, &introduces.processors);
    redeclared::<RetentionRule>(ctx, out, &introduces.retention_rules);
    redeclared::<SecurityMeasure>(ctx, out, &introduces.security_measures);
    redeclared::<System>(ctx, out, &introduces.systems);
}

fn redeclared<T: Indexed>(ctx: &Context<'_>, out: &mut Vec<Finding>, entries: &[T]) {
    for (i, entry) in entries.iter().enumerate() {
        let id = entry.id();
        let Some((position, _)) = T::lookup(ctx.index).get(id.as_str()) else {
            continue;
        };
        out.push(
            ctx.finding(
                &RULE,
                (Subject::Proposal, catalogue_path::<T>(Subject::Proposal).index(i).key("id")),
                message!("the proposal introduces the {} `{id}`, which the register already declares", T::NOUN),
                "refer to the register's entry by its id and remove it from `introduces`, or give the new entry its own id",
            )
            .related((Subject::Register, catalogue_path::<T>(Subject::Register).index(position)), "the register's entry"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
