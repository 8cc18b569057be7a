//! `automated-decision-without-ground`: a solely automated decision with legal or similarly
//! significant effects needs an Art 22(2) exception, with its conditions met.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "automated-decision-without-ground",
    severity: Severity::Error,
    articles: &["GDPR Art 22(1)", "GDPR Art 22(2)", "GDPR Art 22(3)"],
    summary: "a solely automated decision with legal or similar effects has no valid Art 22(2) exception",
    why: "People have the right not to be subject to a decision based solely on automated \
          processing that has legal or similarly significant effects on them (Art 22(1)). Such \
          decisions are allowed only when necessary for a contract, authorised by a law that lays \
          down safeguards, or based on explicit consent (Art 22(2)). For a contract or consent the \
          controller must at least offer human intervention, a chance to give one's point of view \
          and a way to contest the decision (Art 22(3)); an authorising law must be cited.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: parkeervergunning\n    name: Parkeervergunning toekennen\n    automated_decision_making:\n      description: Vergunning automatisch toegekend of geweigerd\n      solely_automated: true\n      legal_or_similar_effect: true\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: parkeervergunning\n    name: Parkeervergunning toekennen\n    automated_decision_making:\n      description: Vergunning automatisch toegekend of geweigerd\n      solely_automated: true\n      legal_or_similar_effect: true\n      ground: authorised_by_law\n      legal_provision: \"Parkeerverordening art. 4\"\n",
    scope: Scope::Activity,
    triggers: &[Trigger::AutomatedDecisions],
    since: "0.1.0",
    check,
};

/// The Art 22(3) safeguards a contract or explicit consent requires.
const SAFEGUARDS: [AutomatedDecisionSafeguard; 3] = [
    AutomatedDecisionSafeguard::HumanIntervention,
    AutomatedDecisionSafeguard::ExpressPointOfView,
    AutomatedDecisionSafeguard::ContestDecision,
];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let Some(adm) = super::significant_automated_decisions(activity.activity) else {
            continue;
        };
        let name = activity.name();
        let (field, message, hint) = match adm.ground {
            None => (
                "ground",
                message!("activity {name} takes solely automated decisions with legal or similarly significant effects without an Art 22(2) exception"),
                "name the exception under `automated_decision_making.ground`: `authorised_by_law` with `legal_provision`, `uavg_article_40` for a legal obligation or public task without profiling, or `contract` or `explicit_consent` with the three Art 22(3) safeguards; otherwise let a person who can change the outcome take each decision".to_owned(),
            ),
            Some(AutomatedDecisionGround::AuthorisedByLaw) if !provided(&adm.legal_provision) => (
                "legal_provision",
                message!("activity {name} relies on a law that authorises its automated decisions but cites none"),
                "cite the statute that authorises the automated decisions under `automated_decision_making.legal_provision`".to_owned(),
            ),
            Some(ground @ (AutomatedDecisionGround::Contract | AutomatedDecisionGround::ExplicitConsent)) => {
                let missing: Vec<String> = SAFEGUARDS
                    .iter()
                    .filter(|s| !adm.safeguards.contains(s))
                    .map(|s| message!("`{s}`"))
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let missing = missing.join(", ");
                (
                    "safeguards",
                    message!("activity {name} bases automated decisions on `{ground}` but does not offer the safeguards {missing}"),
                    message!("offer the missing safeguards and add {missing} to `automated_decision_making.safeguards`"),
                )
            }
            Some(_) => continue,
        };
        out.push(ctx.finding(&RULE, super::adm_field(&activity, field), message, hint));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn a_law_must_be_cited() {
        let text = RULE
            .compliant
            .replace("      legal_provision: \"Parkeerverordening art. 4\"\n", "");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].path.to_string(),
            "/activities/0/automated_decision_making/legal_provision"
        );
    }

    #[test]
    fn consent_needs_all_three_safeguards() {
        let text = RULE.non_compliant.to_owned()
            + "      ground: explicit_consent\n      safeguards: [human_intervention]\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        insta::assert_snapshot!(findings[0].message.as_ref());

        let text = RULE.non_compliant.to_owned()
            + "      ground: contract\n      safeguards: [human_intervention, express_point_of_view, contest_decision]\n";
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    #[test]
    fn decisions_with_a_person_in_the_loop_are_not_solely_automated() {
        let text = RULE
            .non_compliant
            .replace("solely_automated: true", "solely_automated: false");
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
