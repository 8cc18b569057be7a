//! `public-authority-art49-derogation`: a public authority exercising public powers relies on an
//! Art 49 derogation that Art 49(3) denies it.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "public-authority-art49-derogation",
    severity: Severity::Error,
    articles: &["GDPR Art 49(3)", "GDPR Art 49(1)"],
    summary: "a public authority bases a transfer for its public task on consent, a contract or compelling legitimate interests",
    why: "Art 49(3) bars public authorities, in the exercise of their public powers, from the \
          derogations of explicit consent (Art 49(1)(a)), a contract with or in the interest of \
          the data subject (Art 49(1)(b) and (c)) and compelling legitimate interests (Art 49(1), \
          second subparagraph). Their transfers need an Art 46 safeguard, such as a binding \
          instrument or administrative arrangement between public authorities, or another \
          derogation such as an important public interest recognised in law (Art 49(1)(d), \
          49(4)). The rule checks the activities of a public authority that rely on a public task \
          (Art 6(1)(e)) or name no lawful basis; an activity outside its public powers, such as a \
          newsletter on consent, may use these derogations.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: wmo_melding\n    name: Wmo-melding behandelen\n    lawful_bases: [{ basis: public_task, legal_provision: \"Wmo 2015 art. 2.3.2\" }]\n    transfers:\n      - { country: MA, mechanism: derogation_explicit_consent }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: wmo_melding\n    name: Wmo-melding behandelen\n    lawful_bases: [{ basis: public_task, legal_provision: \"Wmo 2015 art. 2.3.2\" }]\n    transfers:\n      - { country: MA, mechanism: derogation_public_interest }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Transfers],
    since: "0.1.0",
    check,
};

const BARRED: [TransferMechanism; 4] = [
    TransferMechanism::DerogationExplicitConsent,
    TransferMechanism::DerogationContractWithDataSubject,
    TransferMechanism::DerogationContractInInterest,
    TransferMechanism::CompellingLegitimateInterests,
];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if !ctx.public_authority() {
        return;
    }
    for activity in ctx.activities() {
        let a = activity.activity;
        if !(a.lawful_bases.is_empty() || a.relies_on(LawfulBasisKind::PublicTask)) {
            continue;
        }
        for (transfer, mechanism, at) in super::transfers_by(&activity, &BARRED) {
            out.push(ctx.finding(
                &RULE,
                at,
                message!(
                    "a public authority exercising public powers cannot rely on `{mechanism}` ({}) for \
                     the transfer to `{}`",
                    mechanism.article(),
                    transfer.country
                ),
                "use an Art 46 safeguard (`public_authority_instrument`, `administrative_arrangement` or \
                 `standard_contractual_clauses`), or `derogation_public_interest` where Union or Dutch \
                 law recognises the public interest in the transfer (Art 49(4))",
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
    fn fires_on_compelling_legitimate_interests() {
        let text = RULE
            .non_compliant
            .replace("derogation_explicit_consent", "compelling_legitimate_interests");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].path.to_string(),
            "/activities/0/transfers/0/mechanism"
        );
    }

    #[test]
    fn silent_outside_public_powers() {
        // A newsletter rests on consent, not on the public task.
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
activities:
  - id: nieuwsbrief
    name: Nieuwsbrief versturen
    lawful_bases: [{ basis: consent }]
    transfers:
      - { country: MA, mechanism: derogation_explicit_consent }
"#;
        assert!(findings_of(&RULE, &parse(text), None).is_empty());
        // A controller that is not a public authority may use the derogation.
        let text = RULE
            .non_compliant
            .replace("public_authority: true", "public_authority: false");
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
