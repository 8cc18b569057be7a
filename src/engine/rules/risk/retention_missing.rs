//! `retention-missing`: every activity needs a retention rule.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "retention-missing",
    severity: Severity::Warning,
    articles: &["GDPR Art 30(1)(f)", "GDPR Art 13(2)(a)"],
    summary: "an activity does not state its retention, or a conditional retention leaves a case without its term",
    why: "The register should give, where possible, the time limits for erasing each category of \
          data (Art 30(1)(f)), and the privacy statement must tell people how long their data are \
          kept or the criteria that decide it (Art 13(2)(a)). An activity without a retention rule \
          leaves both open, and nothing ensures the data are ever erased.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: nieuwsbrief\n    name: Nieuwsbrief versturen\n    retention: not_stated\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: nieuwsbrief\n    name: Nieuwsbrief versturen\n    retention: [tot_afmelden]\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        // An explicit `none` says no data are kept beyond the processing itself; only an
        // unstated retention leaves Art 30(1)(f) open.
        if activity.activity.retention.is_not_stated() {
            out.push(ctx.finding(
                &RULE,
                activity.at("retention"),
                message!("activity {} does not state its retention", activity.name()),
                "add a retention rule id under `retention`, declared in `catalogues.retention_rules` with the period after which the data are erased, e.g. `after_event: { period: P1Y, event: case_closed }`",
            ));
        }
    }
    // A conditional retention that names a case without its term leaves that case open too.
    super::judge_retention_rules(ctx, out, &RULE, case_without_term);
}

fn case_without_term(retention: &Retention) -> Option<(String, String)> {
    let Retention::Conditional(conditional) = retention else {
        return None;
    };
    let case = conditional.cases.iter().find(|case| case.retention.is_none())?;
    Some((
        message!("names the case \"{}\" without its term", case.when.trim()),
        "add the case's `retention` (e.g. `after_event: { period: P5Y, event: case_closed }`), or ask the process owner for it".to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn police_data_act_processing_is_out_of_scope() {
        let text = RULE.non_compliant.to_owned() + "    regime: police_data_act\n";
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    /// A conditional retention with a case whose term is not given is reported at the rule.
    #[test]
    fn a_case_without_its_term_is_reported() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: parkeervergunningen
      label: Parkeervergunningen
      period:
        conditional:
          otherwise: { after_event: { period: P1Y, event: decision } }
          cases:
            - { when: als er geen parkeerrecht was }
activities:
  - id: parkeervergunning
    name: Parkeervergunning toekennen
    retention: [parkeervergunningen]
"#;
        let findings = findings_of(&RULE, &parse(text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].path.to_string(),
            "/catalogues/retention_rules/0/period"
        );
        assert!(
            findings[0]
                .message
                .ends_with("names the case \"als er geen parkeerrecht was\" without its term")
        );
    }
}
