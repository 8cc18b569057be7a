//! `controller-contact-missing`: the register names no way to reach the controller.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "controller-contact-missing",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(a)", "GDPR Art 13(1)(a)"],
    summary: "the controller has no contact details",
    why: "The register must give the controller's name and contact details (Art 30(1)(a)), and \
          data subjects must be told how to reach it (Art 13(1)(a)). Without them nobody can \
          exercise a right or ask a question.",
    non_compliant: "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n",
    compliant: "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n  contact: { email: info@voorbeeld.nl, phone: \"14 0123\" }\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let controller = &ctx.register.controller;
    if controller.contact.is_empty() {
        out.push(ctx.finding(
            &RULE,
            (Subject::Register, FieldPath::root().key("controller")),
            message!("controller `{}` has no contact details", controller.name),
            "add `contact` with at least an e-mail address, telephone number or address",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
