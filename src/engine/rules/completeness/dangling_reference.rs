//! `dangling-reference`: an activity refers to a catalogue entry that is not declared.

use crate::engine::index::Indexed;
use crate::engine::rules::prelude::*;
use crate::suggest::nearest;

pub(crate) static RULE: Rule = Rule {
    id: "dangling-reference",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)"],
    summary: "an activity refers to an id no catalogue declares",
    why: "An activity's purposes, data, recipients, processors and retention are named by id and \
          described once in the catalogues. A reference to an id that is not declared leaves part \
          of the Art 30(1) record empty — usually a typo or an entry that was renamed.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  purposes:\n    - { id: aanmelden, label: Aanmelden bijeenkomsten }\nactivities:\n  - id: bijeenkomsten\n    name: Bijeenkomsten\n    purposes: [aanmeldne]\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  purposes:\n    - { id: aanmelden, label: Aanmelden bijeenkomsten }\nactivities:\n  - id: bijeenkomsten\n    name: Bijeenkomsten\n    purposes: [aanmelden]\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    // Every reference is resolved once per run, for all rules (`super::super::references`);
    // what did not resolve is this rule's.
    out.extend(ctx.uses.references().dangling.iter().cloned());
}

/// The finding for a reference to `id`, which no catalogue of `T` declares, made at `at`.
pub(crate) fn finding<T: Indexed>(ctx: &Context<'_>, id: &Id, at: (Subject, FieldPath)) -> Finding {
    let declared: Vec<&str> = T::lookup(ctx.index)
        .items()
        .iter()
        .map(|e| e.id().as_str())
        .collect();
    let hint = match nearest(id.as_str(), &declared) {
        Some(near) => message!(
            "did you mean `{near}`? Otherwise declare `{id}` in `catalogues.{}`",
            T::KEY
        ),
        None => message!(
            "declare `{id}` in `catalogues.{}`, or correct the reference",
            T::KEY
        ),
    };
    ctx.finding(&RULE, at, message!("`{id}` is not a declared {}", T::NOUN), hint)
        .related(
            (Subject::Register, catalogue_path::<T>(Subject::Register)),
            message!("the declared {}", T::PLURAL),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
