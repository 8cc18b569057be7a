//! `proposal-undeclared-data-subject`: the proposal processes data about people the register
//! does not name.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-undeclared-data-subject",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(c)", "GDPR Art 13(1)", "GDPR Art 14(1)"],
    summary: "the proposal processes data about a group of people the register does not name",
    why: "Whose data are processed is part of the Art 30(1)(c) record, and those people must be \
          informed (Arts 13, 14). Processing data of a new group of people goes beyond the \
          register until the group is declared.",
    non_compliant: "introduces:\n  data_subjects:\n    - { id: mantelzorgers, label: Mantelzorgers }\nactivity:\n  id: wmo_mantelzorg\n  name: Mantelzorgwaardering\n  data_subjects: [inwoners, mantelzorgers]\n",
    compliant: "activity:\n  id: wmo_mantelzorg\n  name: Mantelzorgwaardering\n  data_subjects: [inwoners]\n",
    scope: Scope::Proposal,
    triggers: &[Trigger::IntroducedEntries],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::undeclared::<DataSubject>(
        ctx,
        out,
        &RULE,
        |s| {
            if s.includes_children {
                " (includes children)".to_owned()
            } else {
                String::new()
            }
        },
        |_| {
            "add the group to the register's `catalogues.data_subjects` and inform these people (Arts 13, 14), or leave them out of the proposal".to_owned()
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
