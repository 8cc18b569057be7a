//! `consent-without-withdrawal`: an activity relies on consent but says not how it is withdrawn.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "consent-without-withdrawal",
    severity: Severity::Error,
    articles: &["GDPR Art 7(3)", "GDPR Art 13(2)(c)"],
    summary: "an activity relies on consent but records no way to withdraw it",
    why: "The data subject may withdraw consent at any time, as easily as it was given, and must \
          be told so before consenting (Arts 7(3), 13(2)(c)). This holds for an Art 6(1)(a) basis \
          and for explicit consent to special-category data (Art 9(2)(a)). A register that does \
          not say how withdrawal works cannot show that it does.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { basis: consent }\n    consent: { active_opt_in: true }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { basis: consent }\n    consent: { active_opt_in: true, withdrawal: Afmeldlink onder elke nieuwsbrief }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Consent],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let a = activity.activity;
        if !a.relies_on_consent() || a.consent.as_ref().is_some_and(|c| provided(&c.withdrawal)) {
            continue;
        }
        out.push(ctx.finding(
            &RULE,
            activity.at("consent"),
            message!("activity {} relies on consent but records no way to withdraw it", activity.name()),
            "describe under `consent.withdrawal` how the data subject withdraws consent, as easily as it was given, e.g. \"Afmeldlink onder elke nieuwsbrief\"",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn consent_without_any_consent_record_fires() {
        let text = RULE
            .non_compliant
            .replace("    consent: { active_opt_in: true }\n", "");
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }

    #[test]
    fn explicit_consent_to_special_category_data_counts() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
activities:
  - id: voorbeeld
    name: Voorbeeld
    data_categories: [gezondheid]
    lawful_bases:
      - { basis: public_task, legal_provision: "Wmo 2015 art. 2.3.2" }
    special_category_conditions:
      - { condition: explicit_consent }
"#;
        let findings = findings_of(&RULE, &parse(text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/consent");
    }
}
