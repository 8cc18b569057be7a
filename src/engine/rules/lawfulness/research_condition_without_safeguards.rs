//! `research-condition-without-safeguards`: Art 9(2)(j) research and statistics need their
//! Art 89(1) safeguards recorded with the condition.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "research-condition-without-safeguards",
    severity: Severity::Error,
    articles: &["GDPR Art 9(2)(j)", "GDPR Art 89(1)", "UAVG art 24"],
    summary: "special-category data processed for archiving, research or statistics without the Art 89(1) safeguards",
    why: "Art 9(2)(j) lifts the ban on special-category data for archiving, research and \
          statistics only when the processing is subject to appropriate safeguards under \
          Art 89(1): technical and organisational measures that ensure data minimisation, such as \
          pseudonymisation. UAVG art 24 adds that the research must serve a public interest and \
          that safeguards protect privacy. A condition without them does not hold.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    special_category_conditions:\n      - { condition: archiving_research_statistics, legal_provision: \"UAVG art. 24\" }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    special_category_conditions:\n      - condition: archiving_research_statistics\n        legal_provision: \"UAVG art. 24\"\n        safeguards: [pseudonymisation, data_minimisation]\n",
    scope: Scope::Activity,
    triggers: &[Trigger::SpecialCategoryConditions],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        for (i, condition) in activity.activity.special_category_conditions.iter().enumerate() {
            let research = condition.condition
                == Some(SpecialCategoryConditionKind::ArchivingResearchStatistics)
                || condition.uavg_ground == Some(UavgSpecialCategoryGround::ResearchAndStatistics);
            if research && condition.safeguards.is_empty() {
                let (subject, path) = activity.at_index("special_category_conditions", i);
                out.push(ctx.finding(
                    &RULE,
                    (subject, path.key("safeguards")),
                    message!(
                        "activity {} processes special-category data for archiving, research or statistics without recording its Art 89(1) safeguards",
                        activity.name()
                    ),
                    "record the safeguards under `safeguards`, e.g. `[pseudonymisation, data_minimisation, access_restriction]`, and apply them",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
