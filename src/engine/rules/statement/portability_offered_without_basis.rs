//! `portability-offered-without-basis`: the statement offers data portability, but no activity
//! rests on consent or a contract.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "portability-offered-without-basis",
    severity: Severity::Warning,
    articles: &["GDPR Art 20(1)", "GDPR Art 20(3)"],
    summary: "the statement offers data portability, but no activity rests on consent or a contract",
    why: "The right to data portability applies only to processing based on consent or a \
          contract and carried out by automated means (Art 20(1)), and never to processing for a \
          public task (Art 20(3)). Offering it where it cannot apply misleads data subjects about \
          what they can ask for.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  rights: [{ right: access }, { right: portability }]\nactivities:\n  - { id: melding, name: Melding, lawful_bases: [{ basis: public_task, legal_provision: Wmo 2015 }] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  rights: [{ right: access }]\nactivities:\n  - { id: melding, name: Melding, lawful_bases: [{ basis: public_task, legal_provision: Wmo 2015 }] }\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(statement) = &ctx.register.statement else {
        return;
    };
    let Some(i) = statement
        .rights
        .iter()
        .position(|o| o.right == DataSubjectRight::Portability)
    else {
        return;
    };
    let applies = ctx
        .register
        .activities
        .iter()
        .any(|a| a.relies_on(LawfulBasisKind::Consent) || a.relies_on(LawfulBasisKind::Contract));
    if !applies {
        let (subject, rights) = super::statement_field("rights");
        out.push(ctx.finding(
            &RULE,
            (subject, rights.index(i)),
            "the statement offers data portability, but no activity rests on consent or a contract",
            "remove `portability` from `statement.rights`, or explain which processing it covers",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
