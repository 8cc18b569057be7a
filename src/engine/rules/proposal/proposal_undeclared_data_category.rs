//! `proposal-undeclared-data-category`: the proposal processes a category of personal data the
//! register does not declare.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-undeclared-data-category",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(c)", "GDPR Art 5(1)(c)", "GDPR Art 13(1)"],
    summary: "the proposal processes a category of personal data the register does not declare",
    why: "The register and the privacy statement tell data subjects which personal data are \
          processed (Arts 30(1)(c), 13, 14). New processing of a category they do not mention goes \
          beyond what was declared, and must be added — and justified as necessary (Art 5(1)(c)) — \
          before it starts.",
    non_compliant: "introduces:\n  data_categories:\n    - { id: geboortedatum, label: Geboortedatum, kind: identification }\nactivity:\n  id: nieuwsbrief_leeftijd\n  name: Nieuwsbrief per leeftijdsgroep\n  data_categories: [naam, email, geboortedatum]\n",
    compliant: "activity:\n  id: nieuwsbrief_leeftijd\n  name: Nieuwsbrief per leeftijdsgroep\n  data_categories: [naam, email]\n",
    scope: Scope::Proposal,
    triggers: &[Trigger::IntroducedEntries],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::undeclared::<DataCategory>(
        ctx,
        out,
        &RULE,
        |c| match (c.special_category, c.criminal, c.national_id) {
            (Some(special), _, _) => message!(" (special category: {special})"),
            (None, true, _) => " (criminal-offence data)".to_owned(),
            (None, false, Some(number)) => message!(" (national identification number: {number})"),
            _ => String::new(),
        },
        |_| {
            "add the category to the register's `catalogues.data_categories` and to the privacy statement before processing it, or leave it out of the proposal".to_owned()
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
