//! `criminal-data-without-basis`: criminal-offence data need an Art 10 ground.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "criminal-data-without-basis",
    severity: Severity::Error,
    articles: &["GDPR Art 10", "UAVG art 31", "UAVG art 32", "UAVG art 33"],
    summary: "an activity processes criminal-offence data without an Art 10 ground",
    why: "Personal data relating to criminal convictions and offences (in the Netherlands also \
          court-imposed bans for unlawful or nuisance behaviour, UAVG art 1) may only be processed \
          under the control of an official authority, or where law authorises it with \
          safeguards (Art 10): UAVG art 31 with the exceptions of UAVG arts 32 and 33. Relying on \
          authorisation by law needs the law cited.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: naam, label: Naam }
    - { id: strafblad, label: Justitiële gegevens, criminal: true }
activities:
  - id: vog_beoordeling
    name: Beoordeling bij aanstelling
    data_categories: [naam, strafblad]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: naam, label: Naam }
    - { id: strafblad, label: Justitiële gegevens, criminal: true }
activities:
  - id: vog_beoordeling
    name: Beoordeling bij aanstelling
    data_categories: [naam, strafblad]
    criminal_data_basis: { ground: specific_exceptions }
"#,
    scope: Scope::Activity,
    triggers: &[Trigger::CriminalData, Trigger::CriminalDataBasis],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        match &activity.activity.criminal_data_basis {
            None => {
                let Some(used) = super::first_category(ctx, &activity, |c| c.criminal) else {
                    continue;
                };
                out.push(super::at_category(
                    ctx,
                    &RULE,
                    &activity,
                    used,
                    "criminal-offence data",
                    message!(
                        "activity {} processes criminal-offence data `{}` without an Art 10 ground",
                        activity.name(),
                        used.1.id
                    ),
                    "add `criminal_data_basis` with its `ground`: `official_authority`, `general_exceptions` (UAVG art 32), `specific_exceptions` (UAVG art 33), or `authorised_by_law` with the `legal_provision`",
                ));
            }
            Some(basis)
                if basis.ground == CriminalDataGround::AuthorisedByLaw
                    && !provided(&basis.legal_provision) =>
            {
                out.push(ctx.finding(
                    &RULE,
                    activity.at("criminal_data_basis"),
                    message!(
                        "activity {} relies on authorisation by law for criminal-offence data but cites no legal provision",
                        activity.name()
                    ),
                    "add `legal_provision` with the law that authorises the processing and lays down its safeguards",
                ));
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn authorisation_by_law_needs_the_law() {
        let text = RULE
            .compliant
            .replace("{ ground: specific_exceptions }", "{ ground: authorised_by_law }");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/criminal_data_basis");
        let text = RULE.compliant.replace(
            "{ ground: specific_exceptions }",
            "{ ground: authorised_by_law, legal_provision: \"Gemeentewet art. 172a\" }",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
