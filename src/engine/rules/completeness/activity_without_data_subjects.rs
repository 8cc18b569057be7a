//! `activity-without-data-subjects`: every activity must say whose data it processes.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "activity-without-data-subjects",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(c)"],
    summary: "an activity does not state its categories of data subjects, or says it has none",
    why: "The register must describe the categories of data subjects of each activity (Art 30(1)(c)). Whose data are processed decides which rights apply, whether children are involved and whether a DPIA is needed.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    data_subjects: not_stated\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    data_subjects: [deelnemers]\n",
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
        "data_subjects",
        |a| &a.data_subjects,
        "categories of data subjects",
        "add the data subject ids under `data_subjects`, declared in `catalogues.data_subjects`",
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
            .replace("data_subjects: not_stated", "data_subjects: none");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .ends_with("says it has no categories of data subjects"),
            "{}",
            findings[0].message
        );
    }
}
