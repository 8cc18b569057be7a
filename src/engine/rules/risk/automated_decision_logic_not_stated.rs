//! `automated-decision-logic-not-stated`: automated decisions and profiling must come with
//! meaningful information about the logic involved.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "automated-decision-logic-not-stated",
    severity: Severity::Error,
    articles: &["GDPR Art 13(2)(f)", "GDPR Art 14(2)(g)", "GDPR Art 15(1)(h)"],
    summary: "an activity takes automated decisions or profiles people but does not describe the logic involved",
    why: "Where an activity takes decisions based solely on automated processing with legal or \
          similarly significant effects, or profiles people, the controller must tell data \
          subjects that it does, give meaningful information about the logic involved, and say \
          what the processing means for them and what consequences it is expected to have \
          (Arts 13(2)(f), 14(2)(g)); the same information is due on a request for access \
          (Art 15(1)(h)). The register keeps it under `automated_decision_making.logic`. For an \
          Art 22(1) decision the duty is plain, and a missing description is an error; for \
          profiling that only informs a person's decision the articles ask for it \"at least\" in \
          Art 22 cases, so the rule reports it as a warning: the European data protection \
          authorities recommend giving it there too.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: parkeervergunning\n    name: Parkeervergunning toekennen\n    automated_decision_making:\n      description: Vergunning automatisch toegekend of geweigerd\n      solely_automated: true\n      legal_or_similar_effect: true\n      ground: authorised_by_law\n      legal_provision: \"Parkeerverordening art. 4\"\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: parkeervergunning\n    name: Parkeervergunning toekennen\n    automated_decision_making:\n      description: Vergunning automatisch toegekend of geweigerd\n      solely_automated: true\n      legal_or_similar_effect: true\n      ground: authorised_by_law\n      legal_provision: \"Parkeerverordening art. 4\"\n      logic: Een aanvraag wordt toegekend als het kenteken op naam van de aanvrager staat en het adres in de vergunningszone ligt; anders wordt zij geweigerd en kunt u bezwaar maken\n",
    scope: Scope::Activity,
    triggers: &[Trigger::AutomatedDecisions],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let Some(adm) = &activity.activity.automated_decision_making else {
            continue;
        };
        if provided(&adm.logic) {
            continue;
        }
        let name = activity.name();
        let finding = if adm.is_art22_decision() {
            ctx.finding(
                &RULE,
                super::adm_field(&activity, "logic"),
                message!("activity {name} takes solely automated decisions with legal or similarly significant effects but does not describe the logic involved"),
                HINT,
            )
        } else if adm.profiling {
            ctx.finding(
                &RULE,
                super::adm_field(&activity, "logic"),
                message!("activity {name} profiles people but does not describe the logic involved"),
                HINT,
            )
            .with_severity(Severity::Warning)
        } else {
            continue;
        };
        out.push(finding);
    }
}

const HINT: &str = "describe under `automated_decision_making.logic` the logic involved, and the significance and envisaged consequences for the data subject, in plain language";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn profiling_alone_is_a_warning() {
        let text = RULE.non_compliant.replace(
            "      solely_automated: true\n",
            "      solely_automated: false\n      profiling: true\n",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert_eq!(
            findings[0].path.to_string(),
            "/activities/0/automated_decision_making/logic"
        );
    }

    #[test]
    fn automation_without_decisions_or_profiling_needs_no_logic() {
        let text = RULE.non_compliant.replace(
            "      solely_automated: true\n",
            "      solely_automated: false\n",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    #[test]
    fn a_blank_logic_is_not_stated() {
        let start = RULE.compliant.find("      logic:").expect("logic");
        let text = format!("{}      logic: \"  \"\n", &RULE.compliant[..start]);
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }
}
