//! `legitimate-interest-not-stated`: an activity relies on legitimate interests but does not
//! state the interest pursued.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "legitimate-interest-not-stated",
    severity: Severity::Error,
    articles: &["GDPR Art 13(1)(d)", "GDPR Art 14(2)(b)"],
    summary: "an activity relies on legitimate interests but does not state the interest pursued",
    why: "Where processing rests on legitimate interests (Art 6(1)(f)), the controller must tell \
          data subjects which interests it or a third party pursues (Arts 13(1)(d), 14(2)(b)). \
          The interest is also what the balancing test weighs against the data subject's rights, \
          so a register that names the basis without the interest cannot show that the test was \
          made, and a statement rendered from it has nothing to say. A public authority that \
          relies on legitimate interests for its tasks is not told to name the interest: it needs \
          another basis (`public-authority-legitimate-interests`).",
    non_compliant: "controller: { name: Webwinkel Voorbeeld B.V., public_authority: false }\nactivities:\n  - id: camerabewaking\n    name: Camerabewaking in de winkel\n    lawful_bases:\n      - { basis: legitimate_interests }\n",
    compliant: "controller: { name: Webwinkel Voorbeeld B.V., public_authority: false }\nactivities:\n  - id: camerabewaking\n    name: Camerabewaking in de winkel\n    lawful_bases:\n      - { basis: legitimate_interests, legitimate_interest: Bescherming van personeel en eigendommen tegen diefstal }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::LegitimateInterestsBasis],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        for (i, basis) in activity.activity.lawful_bases.iter().enumerate() {
            // A public authority relying on it for its tasks needs another basis, not an
            // interest: `public-authority-legitimate-interests` reports that.
            if basis.basis != Some(LawfulBasisKind::LegitimateInterests)
                || provided(&basis.legitimate_interest)
                || super::public_authority_legitimate_interests::for_tasks(ctx, &activity, basis).is_some()
            {
                continue;
            }
            out.push(ctx.finding(
                &RULE,
                activity.at_index("lawful_bases", i),
                message!(
                    "activity {} relies on legitimate interests but does not state the interest pursued",
                    activity.name()
                ),
                "write the interest pursued under `legitimate_interest`, e.g. \"Bescherming van personeel en eigendommen tegen diefstal\"",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{example_findings, findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn a_blank_interest_is_not_stated() {
        let text = RULE.compliant.replace(
            "legitimate_interest: Bescherming van personeel en eigendommen tegen diefstal",
            "legitimate_interest: \"  \"",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/lawful_bases/0");
    }

    #[test]
    fn a_public_authority_is_told_about_its_tasks_instead() {
        let public = RULE
            .non_compliant
            .replace("public_authority: false", "public_authority: true");
        assert!(findings_of(&RULE, &parse(&public), None).is_empty());
        let internal = public.replace(
            "  - id: camerabewaking\n",
            "  - id: camerabewaking\n    purposes: [beveiliging]\n",
        ) + "catalogues:\n  purposes: [{ id: beveiliging, label: Beveiliging, kind: security }]\n";
        assert_eq!(findings_of(&RULE, &parse(&internal), None).len(), 1);
    }

    #[test]
    fn other_bases_and_other_regimes_are_not_judged() {
        let other = RULE.non_compliant.replace("legitimate_interests", "consent");
        assert!(findings_of(&RULE, &parse(&other), None).is_empty());
        let police = RULE.non_compliant.replace(
            "    lawful_bases:",
            "    regime: police_data_act\n    lawful_bases:",
        );
        assert!(findings_of(&RULE, &parse(&police), None).is_empty());
        assert_eq!(example_findings(&RULE, RULE.non_compliant).len(), 1);
    }
}
