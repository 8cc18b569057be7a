//! `public-authority-without-dpo`: a public authority must designate a DPO and publish how to
//! reach them.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "public-authority-without-dpo",
    severity: Severity::Error,
    articles: &[
        "GDPR Art 37(1)(a)",
        "GDPR Art 37(7)",
        "GDPR Art 30(1)(a)",
        "GDPR Art 13(1)(b)",
    ],
    summary: "a public authority names no data protection officer with contact details",
    why: "Every public authority or body must designate a data protection officer (Art 37(1)(a)), \
          publish the DPO's contact details (Art 37(7)) and name them in the register \
          (Art 30(1)(a)) and the privacy statement (Art 13(1)(b)).",
    non_compliant: "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n",
    compliant: "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n  dpo: { contact: { email: fg@voorbeeld.nl } }\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let controller = &ctx.register.controller;
    if !controller.public_authority {
        return;
    }
    let at = FieldPath::root().key("controller");
    match &controller.dpo {
        None => out.push(ctx.finding(
            &RULE,
            (Subject::Register, at),
            message!(
                "`{}` is a public authority but names no data protection officer",
                controller.name
            ),
            "add `dpo` with the DPO's contact details, e.g. `dpo: { contact: { email: fg@example.nl } }`",
        )),
        Some(dpo) if dpo.contact.is_empty() => out.push(ctx.finding(
            &RULE,
            (Subject::Register, at.key("dpo")),
            "the data protection officer has no contact details",
            "add `contact` under `dpo`: an e-mail address or telephone number that reaches the DPO",
        )),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn fires_on_a_dpo_without_contact() {
        let text = RULE.compliant.replace(
            "dpo: { contact: { email: fg@voorbeeld.nl } }",
            "dpo: { name: Functionaris Gegevensbescherming }",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/controller/dpo");
    }
}
