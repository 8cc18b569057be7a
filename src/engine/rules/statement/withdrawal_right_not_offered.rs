//! `withdrawal-right-not-offered`: activities rely on consent, but the statement does not say it
//! can be withdrawn.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "withdrawal-right-not-offered",
    severity: Severity::Error,
    articles: &["GDPR Art 7(3)", "GDPR Art 13(2)(c)"],
    summary: "an activity relies on consent, but the statement does not offer its withdrawal",
    why: "Where processing rests on consent, data subjects must be told before they consent that \
          they can withdraw it at any time, as easily as they gave it (Arts 7(3), 13(2)(c)). A statement that lists no \
          rights but refers to a separate rights document is not checked.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  rights: [{ right: access }]\nactivities:\n  - { id: nieuwsbrief, name: Nieuwsbrief, lawful_bases: [{ basis: consent }] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  rights: [{ right: access }, { right: withdraw_consent }]\nactivities:\n  - { id: nieuwsbrief, name: Nieuwsbrief, lawful_bases: [{ basis: consent }] }\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::require_right(
        ctx,
        out,
        &RULE,
        DataSubjectRight::WithdrawConsent,
        ProcessingActivity::relies_on_consent,
        "relies on consent",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
