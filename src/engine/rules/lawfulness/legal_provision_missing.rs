//! `legal-provision-missing`: a legal obligation or public task must cite the law it rests on.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "legal-provision-missing",
    severity: Severity::Error,
    articles: &["GDPR Art 6(3)"],
    summary: "a legal obligation or public task basis cites no legal provision",
    why: "A legal obligation (Art 6(1)(c)) or a public task (Art 6(1)(e)) is only a lawful basis \
          when Union or member-state law lays it down (Art 6(3)). Naming the basis without the \
          provision leaves unshown that the obligation or task exists, and that the processing is \
          necessary for it.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { basis: public_task }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { basis: public_task, legal_provision: \"Wmo 2015 art. 2.3.2\" }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        for (i, basis) in activity.activity.lawful_bases.iter().enumerate() {
            if let Some(kind) = basis.basis
                && kind.needs_legal_provision()
                && !provided(&basis.legal_provision)
            {
                out.push(ctx.finding(
                    &RULE,
                    activity.at_index("lawful_bases", i),
                    message!(
                        "activity {} relies on `{}` ({}) but cites no legal provision",
                        activity.name(),
                        kind,
                        kind.article()
                    ),
                    "add `legal_provision` with the article of law that lays down the task or obligation, e.g. \"Wmo 2015 art. 2.3.2\"",
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
    fn a_blank_provision_is_no_provision() {
        let text = RULE.compliant.replace(
            "{ basis: public_task, legal_provision: \"Wmo 2015 art. 2.3.2\" }",
            "{ basis: legal_obligation, legal_provision: \"  \" }",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .contains("`legal_obligation` (GDPR Art 6(1)(c))")
        );
    }
}
