//! `scope-outside-activity`: a scope names a data category, data subject, purpose or recipient
//! the activity does not have.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "scope-outside-activity",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(b)", "GDPR Art 30(1)(c)", "GDPR Art 30(1)(d)"],
    summary: "a scope names a data category, data subject, purpose or recipient the activity does not list",
    why: "Scopes narrow the activity's own lists: a `data_category_scope` says how some of its \
          categories are collected (optionally, in some cases, from some data subjects, for some \
          purposes), a `recipient_scope` which data go to some of its recipients and when, and a \
          lawful basis may cover only some of its categories. Naming an entry the activity does \
          not list is a contradiction: either the activity's Art 30(1) lists are incomplete, or \
          the scope is wrong.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: melding\n    name: Melding openbare ruimte\n    data_categories: [naam, adres]\n    data_category_scope:\n      - { categories: [telefoon], collected: optional }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: melding\n    name: Melding openbare ruimte\n    data_categories: [naam, adres, telefoon]\n    data_category_scope:\n      - { categories: [telefoon], collected: optional }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Scoped],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.activities() {
        let a = activity.activity;
        // The scope's path is built only for a finding: every activity's scopes are looked at.
        let mut narrowing = |scope: &'static str,
                             s: usize,
                             field: &'static str,
                             list: &'static str,
                             ids: &[Id],
                             of_activity: &[Id]| {
            for (i, id) in ids.iter().enumerate().filter(|(_, id)| !of_activity.contains(id)) {
                let (subject, path) = activity.at_index(scope, s);
                out.push(ctx.finding(
                    &RULE,
                    (subject, path.key(field).index(i)),
                    message!(
                        "activity {} scopes `{id}`, which is not among its `{list}`",
                        activity.name()
                    ),
                    message!("add `{id}` to the activity's `{list}`, or remove it from the scope"),
                ));
            }
        };
        for (s, scope) in a.data_category_scope.iter().enumerate() {
            let at = "data_category_scope";
            narrowing(
                at,
                s,
                "categories",
                "data_categories",
                &scope.categories,
                &a.data_categories,
            );
            narrowing(
                at,
                s,
                "data_subjects",
                "data_subjects",
                &scope.data_subjects,
                &a.data_subjects,
            );
            narrowing(at, s, "purposes", "purposes", &scope.purposes, &a.purposes);
        }
        for (s, scope) in a.recipient_scope.iter().enumerate() {
            let at = "recipient_scope";
            narrowing(
                at,
                s,
                "recipients",
                "recipients",
                &scope.recipients,
                &a.recipients,
            );
            narrowing(
                at,
                s,
                "data_categories",
                "data_categories",
                &scope.data_categories,
                &a.data_categories,
            );
        }
        for (d, source) in a.data_sources.iter().enumerate() {
            narrowing(
                "data_sources",
                d,
                "data_categories",
                "data_categories",
                &source.data_categories,
                &a.data_categories,
            );
        }
        for (b, basis) in a.lawful_bases.iter().enumerate() {
            narrowing(
                "lawful_bases",
                b,
                "data_categories",
                "data_categories",
                &basis.data_categories,
                &a.data_categories,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{parse_register as parse, paths_of, rule_tests};

    rule_tests!(RULE);

    /// Recipient scopes and lawful bases narrow the activity's lists too.
    #[test]
    fn recipient_scopes_and_bases_are_checked() {
        let text = RULE.compliant.to_owned()
            + r#"    recipients: [zorgaanbieders]
    recipient_scope:
      - { recipients: [zorgaanbieders, politie], data_categories: [naam], when: indien noodzakelijk }
    lawful_bases:
      - { basis: public_task, legal_provision: "Gemeentewet art. 160 lid 1", data_categories: [email] }
"#;
        let paths = paths_of(&RULE, &parse(&text));
        assert_eq!(
            paths,
            [
                "/activities/0/lawful_bases/0/data_categories/0",
                "/activities/0/recipient_scope/0/recipients/1"
            ]
        );
    }
}
