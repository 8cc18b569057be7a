//! `activity-without-data-categories`: every activity must say which personal data it processes.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "activity-without-data-categories",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(c)"],
    summary: "an activity does not state its categories of personal data, or says it has none",
    why: "The register must describe the categories of personal data of each activity (Art 30(1)(c)). Without them nobody can tell whether special categories, criminal data or the BSN are involved.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    data_categories: not_stated\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    data_categories: [naam, email]\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::require_list(
        ctx,
        out,
        &RULE,
        "data_categories",
        |a| &a.data_categories,
        "categories of personal data",
        "add the data category ids under `data_categories`, declared in `catalogues.data_categories`",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn an_explicit_none_is_reported_as_such() {
        let text = RULE
            .non_compliant
            .replace("data_categories: not_stated", "data_categories: none");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .ends_with("says it has no categories of personal data"),
            "{}",
            findings[0].message
        );
    }
}
