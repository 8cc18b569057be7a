//! `statement-automated-decisions-contradicted`: the statement says there are no automated
//! decisions, but an activity makes them.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "statement-automated-decisions-contradicted",
    severity: Severity::Error,
    articles: &["GDPR Art 13(2)(f)", "GDPR Art 14(2)(g)", "GDPR Art 22"],
    summary: "the statement says there are no automated decisions, but an activity makes them",
    why: "Data subjects must be told whether decisions about them are taken solely by automated \
          means, with meaningful information about the logic and its consequences \
          (Art 13(2)(f)). A statement that denies automated decision-making while an activity \
          takes such decisions withholds exactly that information.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  automated_decisions: none\nactivities:\n  - id: kwijtschelding\n    name: Kwijtschelding gemeentelijke belastingen\n    automated_decision_making:\n      description: Automatische toets op inkomen en vermogen\n      solely_automated: true\n      legal_or_similar_effect: true\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  automated_decisions: declared\nactivities:\n  - id: kwijtschelding\n    name: Kwijtschelding gemeentelijke belastingen\n    automated_decision_making:\n      description: Automatische toets op inkomen en vermogen\n      solely_automated: true\n      legal_or_similar_effect: true\n",
    scope: Scope::Activity,
    triggers: &[Trigger::AutomatedDecisions],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let promise = ctx
        .register
        .statement
        .as_ref()
        .and_then(|s| s.automated_decisions);
    if promise != Some(AutomatedDecisionsCommitment::None) {
        return;
    }
    for activity in ctx.activities() {
        let Some(adm) = &activity.activity.automated_decision_making else {
            continue;
        };
        // The statement's "no automated decisions" speaks of Art 22(1) decisions (Art 13(2)(f));
        // profiling or automation that a person's decision follows is not one.
        if adm.is_art22_decision() {
            out.push(
                ctx.finding(
                    &RULE,
                    activity.at("automated_decision_making"),
                    message!(
                        "activity {} takes solely automated decisions, but the statement says there are none",
                        activity.name()
                    ),
                    "set `statement.automated_decisions: declared` and explain the logic and consequences, or involve a person in each decision",
                )
                .related(super::statement_field("automated_decisions"), "the statement's promise"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    /// Solely automated processing without legal or similar effect is no Art 22 decision.
    #[test]
    fn automation_without_significant_effect_keeps_the_promise() {
        let text = RULE.non_compliant.replace(
            "legal_or_similar_effect: true\n",
            "legal_or_similar_effect: false\n      profiling: true\n",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
