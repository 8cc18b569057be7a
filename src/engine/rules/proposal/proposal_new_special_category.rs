//! `proposal-new-special-category`: the proposal processes a special category of data that no
//! activity in the register processes.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-new-special-category",
    severity: Severity::Error,
    articles: &["GDPR Art 9(1)", "GDPR Art 9(2)", "GDPR Art 35(3)(b)"],
    summary: "the proposal processes a special category of data the register's activities do not",
    why: "Processing an Art 9(1) special category is prohibited unless an Art 9(2) condition \
          applies, raises the risk to data subjects (a DPIA criterion) and must be disclosed. A \
          kind of sensitive data the organisation has not processed before needs that assessment \
          and a change to the register and statement, even when the data category itself is \
          declared.",
    non_compliant: r#"introduces:
  data_categories:
    - { id: geloof, label: Geloofsovertuiging, special_category: religious_or_philosophical_beliefs }
activity:
  id: sollicitatie
  name: Sollicitaties
  data_categories: [naam, geloof]
"#,
    compliant: r#"activity:
  id: sollicitatie
  name: Sollicitaties
  data_categories: [naam, email]
"#,
    scope: Scope::Proposal,
    triggers: &[Trigger::SpecialCategoryData],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(activity) = super::proposed(ctx) else {
        return;
    };
    for (i, category, special) in ctx.special_categories(&activity) {
        if ctx.facts().special_categories.contains(special) {
            continue;
        }
        let finding = ctx.finding(
            &RULE,
            activity.at_index("data_categories", i),
            message!("`{}` is {special} data, a special category no activity in the register processes", category.id),
            "assess the Art 9(2) condition and the need for a DPIA, then declare the processing in the register and the statement",
        );
        out.push(super::with_promise(
            ctx,
            finding,
            "special_categories",
            |s| s.special_categories.is_some(),
            "what the statement says about special categories",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
