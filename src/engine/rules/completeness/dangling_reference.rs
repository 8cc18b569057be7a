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
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.activities() {
        let a = activity.activity;
        let at = |field: &'static str, i: usize| activity.at_index(field, i);
        refs::<Purpose>(ctx, out, &a.purposes, |i| at("purposes", i));
        refs::<DataSubject>(ctx, out, &a.data_subjects, |i| at("data_subjects", i));
        refs::<DataCategory>(ctx, out, &a.data_categories, |i| at("data_categories", i));
        refs::<RetentionRule>(ctx, out, &a.retention, |i| at("retention", i));
        refs::<Recipient>(ctx, out, &a.recipients, |i| at("recipients", i));
        refs::<Processor>(ctx, out, &a.processors, |i| at("processors", i));
        refs::<System>(ctx, out, &a.systems, |i| at("systems", i));
        refs::<SecurityMeasure>(ctx, out, &a.security_measures, |i| at("security_measures", i));
        for (b, basis) in a.lawful_bases.iter().enumerate() {
            refs::<Purpose>(ctx, out, &basis.purposes, |i| {
                let (subject, path) = at("lawful_bases", b);
                (subject, path.key("purposes").index(i))
            });
        }
        for (c, cookie) in a.cookies.iter().enumerate() {
            refs::<Purpose>(ctx, out, &cookie.purposes, |i| {
                let (subject, path) = at("cookies", c);
                (subject, path.key("purposes").index(i))
            });
            if let Some(processor) = &cookie.processor {
                refs::<Processor>(ctx, out, std::slice::from_ref(processor), |_| {
                    let (subject, path) = at("cookies", c);
                    (subject, path.key("processor"))
                });
            }
        }
        for (t, transfer) in a.transfers.iter().enumerate() {
            let (subject, path) = at("transfers", t);
            if let Some(recipient) = &transfer.recipient {
                refs::<Recipient>(ctx, out, std::slice::from_ref(recipient), |_| {
                    (subject, path.clone().key("recipient"))
                });
            }
            if let Some(processor) = &transfer.processor {
                refs::<Processor>(ctx, out, std::slice::from_ref(processor), |_| {
                    (subject, path.clone().key("processor"))
                });
            }
        }
    }
}

/// Reports every id in `ids` that resolves neither in the register nor in the proposal.
fn refs<T: Indexed>(
    ctx: &Context<'_>,
    out: &mut Vec<Finding>,
    ids: &[Id],
    at: impl Fn(usize) -> (Subject, FieldPath),
) {
    for (i, id) in ids.iter().enumerate() {
        if ctx.find::<T>(id.as_str()).is_some() {
            continue;
        }
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
        out.push(
            ctx.finding(
                &RULE,
                at(i),
                message!("`{id}` is not a declared {}", T::NOUN),
                hint,
            )
            .related(
                (Subject::Register, catalogue_path::<T>(Subject::Register)),
                message!("the declared {}", T::PLURAL),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
