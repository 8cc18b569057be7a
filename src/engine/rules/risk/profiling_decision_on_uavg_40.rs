//! `profiling-decision-on-uavg-40`: UAVG art 40 does not cover automated decisions based on
//! profiling.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "profiling-decision-on-uavg-40",
    severity: Severity::Error,
    articles: &["GDPR Art 22(2)(b)", "UAVG art 40"],
    summary: "a solely automated decision based on profiling relies on UAVG art 40",
    why: "UAVG art 40 is the Dutch law under Art 22(2)(b) that allows solely automated decisions \
          needed for a legal obligation or a public task — but expressly not decisions based on \
          profiling. A municipality that decides about people by profiling therefore needs a \
          specific statute that authorises it, with its own safeguards; art 40 alone leaves the \
          Art 22(1) prohibition in place.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: fraudesignalen\n    name: Fraudesignalen bijstand\n    automated_decision_making:\n      description: Risicoscore bepaalt heronderzoek\n      solely_automated: true\n      legal_or_similar_effect: true\n      profiling: true\n      ground: uavg_article_40\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: fraudesignalen\n    name: Fraudesignalen bijstand\n    automated_decision_making:\n      description: Risicoscore bepaalt heronderzoek\n      solely_automated: true\n      legal_or_similar_effect: true\n      profiling: true\n      ground: authorised_by_law\n      legal_provision: \"Participatiewet art. 64\"\n",
    scope: Scope::Activity,
    triggers: &[Trigger::AutomatedDecisions],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let Some(adm) = super::significant_automated_decisions(activity.activity) else {
            continue;
        };
        if adm.profiling && adm.ground == Some(AutomatedDecisionGround::UavgArticle40) {
            out.push(ctx.finding(
                &RULE,
                super::adm_field(&activity, "ground"),
                message!(
                    "activity {} bases solely automated decisions on profiling and relies on UAVG art 40, which excludes decisions based on profiling",
                    activity.name()
                ),
                "cite the specific statute that authorises these decisions (`ground: authorised_by_law` with `legal_provision`), or let a person take each decision",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
