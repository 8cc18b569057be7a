//! `lawful-basis-missing`: every activity governed by the GDPR needs an Art 6(1) lawful basis.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "lawful-basis-missing",
    severity: Severity::Error,
    articles: &["GDPR Art 6(1)", "GDPR Art 30(1)"],
    summary: "an activity names no lawful basis",
    why: "Processing is lawful only if one of the Art 6(1) bases applies, and the controller must \
          be able to show which (Art 5(2)). The register is where that choice is documented, and \
          the privacy statement, the rights that apply and the retention all follow from it. \
          Activities under the Police Data Act or the Judicial Data Act fall outside the GDPR \
          (Art 2(2)(d)) and are not checked.",
    non_compliant: "activities:\n  - id: wmo_melding\n    name: Wmo-melding behandelen\n    lawful_bases: []\n",
    compliant: "activities:\n  - id: wmo_melding\n    name: Wmo-melding behandelen\n    lawful_bases:\n      - { basis: public_task, legal_provision: \"Wmo 2015 art. 2.3.2\" }\n",
    scope: Scope::Activity,
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        if activity.activity.lawful_bases.is_empty() {
            out.push(ctx.finding(
                &RULE,
                activity.at("lawful_bases"),
                format!("activity {} names no lawful basis", activity.name()),
                if ctx.public_authority() {
                    "add the Art 6(1) basis under `lawful_bases`, e.g. `- { basis: public_task, legal_provision: \"Gemeentewet art. 160\" }`"
                } else {
                    "add the Art 6(1) basis under `lawful_bases`, e.g. `- { basis: contract }` or `- { basis: legitimate_interests, legitimate_interest: \"...\" }`"
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, proposal, register, rule_tests};

    rule_tests!(
        RULE,
        fire = |r| r.activities[2].lawful_bases.clear(),
        // Camera surveillance by boa's under the Police Data Act needs no Art 6 basis.
        silent = |r| {
            r.activities[2].lawful_bases.clear();
            r.activities[2].regime = Some(LegalRegime::PoliceDataAct);
        },
    );

    #[test]
    fn applies_to_a_proposed_activity() {
        let mut p = proposal();
        p.activity.lawful_bases.clear();
        let findings = findings_of(&RULE, &register(), Some(&p));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].subject, Subject::Proposal);
        assert_eq!(findings[0].path.to_string(), "/activity/lawful_bases");
    }
}
