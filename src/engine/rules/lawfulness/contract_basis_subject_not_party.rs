//! `contract-basis-subject-not-party`: the contract basis only covers contracts the data
//! subject is party to.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "contract-basis-subject-not-party",
    severity: Severity::Error,
    articles: &["GDPR Art 6(1)(b)"],
    summary: "a contract basis is used for data subjects who are not party to the contract",
    why: "Art 6(1)(b) covers processing necessary for a contract to which the data subject is \
          party, or for steps at their request before entering into one. Contact persons of a \
          supplier or partner organisation are not party to the organisation's contract, so \
          their data need another basis.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { basis: contract, data_subject_is_party: false }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { basis: public_task, legal_provision: \"Gemeentewet art. 160 lid 1\" }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::ContractBasis],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let hint = if ctx.public_authority() {
        "rely on the basis that covers these data subjects: for a public authority usually `public_task` with the `legal_provision` of the task the contract serves"
    } else {
        "rely on the basis that covers these data subjects, e.g. `legitimate_interests` with the `legitimate_interest` pursued"
    };
    for activity in ctx.gdpr_activities() {
        for (i, basis) in activity.activity.lawful_bases.iter().enumerate() {
            if basis.basis == Some(LawfulBasisKind::Contract) && basis.data_subject_is_party == Some(false) {
                out.push(ctx.finding(
                    &RULE,
                    activity.at_index("lawful_bases", i),
                    message!(
                        "activity {} relies on a contract to which its data subjects are not party",
                        activity.name()
                    ),
                    hint,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn the_hint_fits_a_private_controller() {
        let text = RULE
            .non_compliant
            .replace("public_authority: true", "public_authority: false");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert!(findings[0].hint.contains("legitimate_interests"));
    }
}
