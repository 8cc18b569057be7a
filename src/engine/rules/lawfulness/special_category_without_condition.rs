//! `special-category-without-condition`: special-category data need an Art 9(2) condition.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "special-category-without-condition",
    severity: Severity::Error,
    articles: &["GDPR Art 9(1)", "GDPR Art 9(2)", "UAVG art 22"],
    summary: "an activity processes special-category data without an Art 9(2) condition that covers it",
    why: "Processing special categories of personal data (Art 9(1): health, religion, political \
          opinions, biometrics and the rest) is prohibited unless an Art 9(2) condition, or a \
          UAVG ground that implements one (UAVG arts 22–30), applies, in addition to an Art 6 \
          basis. A condition covers a category when it lists it, or lists none; a condition \
          entry needs a `condition` or a `uavg_ground` to count.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: naam, label: Naam }
    - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    data_categories: [naam, gezondheid]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: naam, label: Naam }
    - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    data_categories: [naam, gezondheid]
    special_category_conditions:
      - condition: health_or_social_care
        uavg_ground: health_sector_exceptions
        legal_provision: "UAVG art. 30 lid 3"
        categories: [health]
"#,
    scope: Scope::Activity,
    triggers: &[Trigger::SpecialCategoryData],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        for (i, category, special) in ctx.special_categories(&activity) {
            let covered = activity.activity.special_category_conditions.iter().any(|c| {
                (c.categories.is_empty() || c.categories.contains(&special))
                    && (c.condition.is_some() || c.uavg_ground.is_some())
            });
            if covered {
                continue;
            }
            out.push(super::at_category(
                ctx,
                &RULE,
                &activity,
                (i, category),
                &message!("`{special}` data"),
                message!(
                    "activity {} processes `{}` (`{special}` data) without an Art 9(2) condition that covers it",
                    activity.name(),
                    category.id
                ),
                message!(
                    "add a `special_category_conditions` entry with the Art 9(2) `condition` (and the `uavg_ground`) that allows processing `{special}` data"
                ),
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
    fn a_condition_for_another_category_does_not_cover() {
        let text = RULE
            .compliant
            .replace("categories: [health]", "categories: [biometric]");
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }

    #[test]
    fn an_entry_without_condition_or_ground_does_not_cover() {
        let text = RULE.compliant.replace(
            "      - condition: health_or_social_care\n        uavg_ground: health_sector_exceptions\n        legal_provision:",
            "      - legal_provision:",
        );
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }

    #[test]
    fn a_uavg_ground_alone_covers() {
        let text = RULE.compliant.replace(
            "      - condition: health_or_social_care\n        uavg_ground:",
            "      - uavg_ground:",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
