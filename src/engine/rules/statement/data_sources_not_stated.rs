//! `data-sources-not-stated`: activities should say where their data come from.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "data-sources-not-stated",
    severity: Severity::Info,
    articles: &["GDPR Art 14(1)", "GDPR Art 14(2)(f)", "GDPR Art 13(1)"],
    summary: "activities do not state where their data come from (reported once, with the activities)",
    why: "Which information duty applies depends on where the data come from: Art 13 when they \
          are collected from the data subject, Art 14 when they are obtained elsewhere, and then \
          the statement must name the source and whether it is publicly accessible \
          (Art 14(2)(f)). An activity without `data_sources` leaves both questions open, so a \
          statement rendered from the register can say neither. A general line in the statement \
          (`statement.sources`: \"uit authentieke bronnen of bij uzelf\") does not answer them: \
          Art 14(2)(f) asks for the source of the data of each processing. Many registers leave \
          sources out, so the rule reports them once, for information.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: wmo_melding\n    name: Wmo-melding behandelen\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: wmo_melding\n    name: Wmo-melding behandelen\n    data_sources: [{ kind: base_registry, name: BRP }]\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let unstated: Vec<ActivityRef<'_>> = ctx
        .gdpr_activities()
        .filter(|a| a.activity.data_sources.is_not_stated())
        .collect();
    // One finding for the register, with every activity it concerns: registers that leave the
    // sources out usually leave them out everywhere.
    out.extend(once_for_activities(
        ctx,
        &RULE,
        "data_sources",
        &unstated,
        (
            "does not state where its data come from",
            "do not state where their data come from",
        ),
        "list under `data_sources` where each activity's data come from, e.g. `data_sources: [{ kind: data_subject }, { kind: base_registry, name: BRP }]`",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn reported_once_with_the_other_activities_related() {
        let text = RULE.non_compliant.to_owned()
            + "  - id: nieuwsbrief\n    name: Nieuwsbrief\n  - id: website\n    name: Website\n    data_sources: none\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].message,
            "2 activities do not state where their data come from: `wmo_melding`, `nieuwsbrief`"
        );
        assert_eq!(findings[0].path.to_string(), "/activities/0/data_sources");
        assert_eq!(findings[0].related.len(), 1);
        assert_eq!(
            findings[0].related[0].path.to_string(),
            "/activities/1/data_sources"
        );
    }

    #[test]
    fn general_sources_in_the_statement_do_not_answer_for_each_activity() {
        let text = RULE.non_compliant.replace(
            "activities:",
            "statement: { sources: [data_subject, base_registry] }\nactivities:",
        );
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }
}
