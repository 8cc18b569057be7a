//! `statement-special-categories-contradicted`: the statement says no special categories are
//! processed, but an activity processes them.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "statement-special-categories-contradicted",
    severity: Severity::Error,
    articles: &[
        "GDPR Art 9(1)",
        "GDPR Art 12(1)",
        "GDPR Art 13(1)(c)",
        "GDPR Art 5(1)(a)",
    ],
    summary: "the statement promises no special categories, but an activity processes them",
    why: "A privacy statement that says \"we process no sensitive personal data\" while an \
          activity processes health, biometric or other Art 9(1) data misinforms data subjects: \
          the information must be accurate and transparent (Arts 5(1)(a), 12(1), 13). Either the \
          statement or the activity is wrong.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
statement:
  special_categories: none
catalogues:
  data_categories:
    - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
activities:
  - id: intake
    name: Intake
    data_categories: [gezondheid]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
statement:
  special_categories: only_where_necessary
catalogues:
  data_categories:
    - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
activities:
  - id: intake
    name: Intake
    data_categories: [gezondheid]
"#,
    scope: Scope::Activity,
    triggers: &[Trigger::SpecialCategoryData],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(statement) = &ctx.register.statement else {
        return;
    };
    if statement.special_categories != Some(SpecialCategoriesCommitment::None) {
        return;
    }
    for activity in ctx.activities() {
        for (i, category, special) in ctx.special_categories(&activity) {
            out.push(
                ctx.finding(
                    &RULE,
                    activity.at_index("data_categories", i),
                    message!(
                        "activity {} processes `{}` ({special}), but the statement says no special categories are processed",
                        activity.name(),
                        category.id
                    ),
                    "correct the statement (`special_categories: only_where_necessary` or `declared`) or stop processing this category",
                )
                .related(super::statement_field("special_categories"), "the statement's promise"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
