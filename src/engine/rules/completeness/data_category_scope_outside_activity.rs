//! `data-category-scope-outside-activity`: a data category scope names a category or data
//! subject the activity does not have.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "data-category-scope-outside-activity",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(c)"],
    summary: "a `data_category_scope` entry names a data category or data subject the activity does not list",
    why: "A scope says how some of the activity's own categories are collected (optionally, in \
          some cases, from some data subjects). Naming a category or group the activity does not \
          list is a contradiction: either the activity's Art 30(1)(c) lists are incomplete, or the \
          scope is wrong.",
    non_compliant: "activities:\n  - id: melding\n    name: Melding openbare ruimte\n    data_categories: [naam, adres]\n    data_category_scope:\n      - { categories: [telefoon], collected: optional }\n",
    compliant: "activities:\n  - id: melding\n    name: Melding openbare ruimte\n    data_categories: [naam, adres, telefoon]\n    data_category_scope:\n      - { categories: [telefoon], collected: optional }\n",
    scope: Scope::Activity,
    since: "0.2.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.activities() {
        let a = activity.activity;
        for (s, scope) in a.data_category_scope.iter().enumerate() {
            let (subject, path) = activity.at_index("data_category_scope", s);
            let outside = scope
                .categories
                .iter()
                .enumerate()
                .filter(|(_, id)| !a.data_categories.contains(id))
                .map(|(i, id)| ("categories", "data_categories", i, id))
                .chain(
                    scope
                        .data_subjects
                        .iter()
                        .enumerate()
                        .filter(|(_, id)| !a.data_subjects.contains(id))
                        .map(|(i, id)| ("data_subjects", "data_subjects", i, id)),
                );
            for (field, list, i, id) in outside {
                out.push(ctx.finding(
                    &RULE,
                    (subject, path.clone().key(field).index(i)),
                    format!(
                        "activity {} scopes `{id}`, which is not among its `{list}`",
                        activity.name()
                    ),
                    format!("add `{id}` to the activity's `{list}`, or remove it from the scope"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{id, rule_tests};

    fn scope(r: &mut Register, category: &str) {
        r.activities[0].data_category_scope.push(DataCategoryScope {
            categories: vec![id(category)],
            collected: Some(CollectionMode::OnlyWhereNecessary),
            when: None,
            data_subjects: vec![id("inwoners")],
        });
    }

    rule_tests!(
        RULE,
        fire = |r| scope(r, "email"),
        silent = |r| scope(r, "gezondheid"),
    );
}
