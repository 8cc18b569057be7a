//! `special-category-condition-without-provision`: Art 9(2) conditions that rest on law must
//! cite it.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "special-category-condition-without-provision",
    severity: Severity::Error,
    articles: &[
        "GDPR Art 9(2)(b)",
        "GDPR Art 9(2)(g)",
        "GDPR Art 9(2)(h)",
        "GDPR Art 9(2)(i)",
        "GDPR Art 9(2)(j)",
    ],
    summary: "an Art 9(2) condition that needs a basis in law cites neither a provision nor a UAVG ground",
    why: "Employment and social-security law (Art 9(2)(b)), substantial public interest (g), \
          health or social care (h), public health (i) and archiving, research or statistics (j) \
          only lift the prohibition on processing special categories on a basis in Union or \
          member-state law (for (h) also a contract with a health professional). The register \
          must say which: the provision itself, or the UAVG ground that implements the condition \
          (UAVG arts 22–30).",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    special_category_conditions:\n      - { condition: health_or_social_care }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    special_category_conditions:\n      - { condition: health_or_social_care, uavg_ground: health_sector_exceptions, legal_provision: \"UAVG art. 30 lid 3\" }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::SpecialCategoryConditions],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        for (j, entry) in activity.activity.special_category_conditions.iter().enumerate() {
            let Some(condition) = entry.condition else {
                continue;
            };
            if !condition.needs_legal_provision()
                || provided(&entry.legal_provision)
                || entry.uavg_ground.is_some()
            {
                continue;
            }
            out.push(ctx.finding(
                &RULE,
                activity.at_index("special_category_conditions", j),
                message!(
                    "activity {} relies on `{condition}` ({}) but cites no legal provision or UAVG ground",
                    activity.name(),
                    condition.article()
                ),
                "add the `legal_provision` the condition rests on, e.g. \"Wmo 2015 art. 5.1.1\", or the `uavg_ground` that implements it",
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
    fn conditions_that_need_no_law_are_not_reported() {
        let text = RULE.non_compliant.replace(
            "{ condition: health_or_social_care }",
            "{ condition: manifestly_made_public }",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
