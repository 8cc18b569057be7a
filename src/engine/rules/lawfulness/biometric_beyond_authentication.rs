//! `biometric-beyond-authentication`: biometric identification only for authentication or
//! security.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "biometric-beyond-authentication",
    severity: Severity::Error,
    articles: &["UAVG art 29", "GDPR Art 9(4)"],
    summary: "an activity processes biometric data for no security or authentication purpose",
    why: "UAVG art 29, using the room Art 9(4) leaves member states for biometric data, allows \
          biometric data to identify people uniquely only where that is necessary for \
          authentication or security purposes. \
          Outside those purposes the prohibition of Art 9(1) stands unless the data subject gives \
          explicit consent (Art 9(2)(a)). The rule looks for a purpose of kind `security` or an \
          `explicit_consent` condition that covers biometric data.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  purposes:
    - { id: personeelsadministratie, label: Personeelsadministratie, kind: human_resources }
  data_categories:
    - { id: vingerafdruk, label: Vingerafdruk, special_category: biometric }
activities:
  - id: tijdregistratie
    name: Tijdregistratie met vingerafdruk
    purposes: [personeelsadministratie]
    data_categories: [vingerafdruk]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  purposes:
    - { id: toegangsbeveiliging, label: Toegang tot de serverruimte, kind: security }
  data_categories:
    - { id: vingerafdruk, label: Vingerafdruk, special_category: biometric }
activities:
  - id: toegang_serverruimte
    name: Toegang tot de serverruimte met vingerafdruk
    purposes: [toegangsbeveiliging]
    data_categories: [vingerafdruk]
"#,
    scope: Scope::Activity,
    triggers: &[Trigger::SpecialCategoryData],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let a = activity.activity;
        // Most activities process no biometric data: look for it before judging the purposes.
        let biometric: Vec<_> = ctx
            .special_categories(&activity)
            .filter(|(_, _, special)| *special == SpecialCategory::Biometric)
            .collect();
        if biometric.is_empty() {
            continue;
        }
        let security = super::covered_purposes(ctx, &activity, &[])
            .iter()
            .any(|(_, p)| super::kind_of(p) == Some(PurposeKind::Security));
        let consent = a.special_category_conditions.iter().any(|c| {
            c.condition == Some(SpecialCategoryConditionKind::ExplicitConsent)
                && (c.categories.is_empty() || c.categories.contains(&SpecialCategory::Biometric))
        });
        if security || consent {
            continue;
        }
        for (i, category, _) in biometric {
            out.push(super::at_category(
                ctx,
                &RULE,
                &activity,
                (i, category),
                "biometric data",
                message!(
                    "activity {} processes biometric data `{}` for no security or authentication purpose",
                    activity.name(),
                    category.id
                ),
                "use biometric identification only where necessary for authentication or security, with a purpose of kind `security`; otherwise rely on explicit consent or stop identifying people biometrically",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn explicit_consent_lifts_the_prohibition() {
        let text = RULE.non_compliant.to_owned()
            + "    special_category_conditions:\n      - { condition: explicit_consent, categories: [biometric] }\n";
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
