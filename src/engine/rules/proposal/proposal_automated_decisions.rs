//! `proposal-automated-decisions`: the proposal introduces automated decision-making where the
//! register has none.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-automated-decisions",
    severity: Severity::Error,
    articles: &["GDPR Art 22", "GDPR Art 13(2)(f)", "GDPR Art 35(3)(a)"],
    summary: "the proposal introduces Art 22 automated decisions where the register has none",
    why: "Automated decisions about people need an Art 22(2) ground and safeguards, must be \
          disclosed with meaningful information about their logic (Art 13(2)(f)), and often need \
          a DPIA (Art 35(3)(a)). An organisation that has declared none is not yet set up for any \
          of that.",
    non_compliant: "activity:\n  id: voorrang\n  name: Voorrangsbepaling\n  automated_decision_making:\n    description: Automatische rangschikking van aanvragen\n    solely_automated: true\n    legal_or_similar_effect: true\n",
    compliant: "activity:\n  id: voorrang\n  name: Voorrangsbepaling\n  description: Een medewerker beoordeelt elke aanvraag\n",
    scope: Scope::Proposal,
    triggers: &[Trigger::AutomatedDecisions],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(activity) = super::proposed(ctx) else {
        return;
    };
    // Only Art 22(1) decisions count: profiling that informs a person's decision is not one.
    let decides = activity
        .activity
        .automated_decision_making
        .as_ref()
        .is_some_and(AutomatedDecisionMaking::is_art22_decision);
    if !decides || ctx.facts().automated_decisions {
        return;
    }
    let finding = ctx.finding(
        &RULE,
        activity.at("automated_decision_making"),
        "the proposal introduces automated decision-making, which no activity in the register has",
        "establish the Art 22(2) ground and safeguards, assess the need for a DPIA, and declare it in the register and the statement",
    );
    out.push(super::with_promise(
        ctx,
        finding,
        "automated_decisions",
        |s| s.automated_decisions.is_some(),
        "what the statement says about automated decisions",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_proposal, register, rule_tests};

    rule_tests!(RULE);

    /// Profiling with no decision about the person is not Art 22 automated decision-making.
    #[test]
    fn profiling_without_a_decision_is_not_reported() {
        let p = parse_proposal(&RULE.non_compliant.replace(
            "    solely_automated: true\n    legal_or_similar_effect: true\n",
            "    solely_automated: false\n    legal_or_similar_effect: false\n    profiling: true\n",
        ));
        assert!(findings_of(&RULE, &register(), Some(&p)).is_empty());
    }
}
