//! `proposal-breaks-purpose-limitation`: the proposal would reuse data that an activity promises
//! to use only for its own purposes.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-breaks-purpose-limitation",
    severity: Severity::Warning,
    articles: &["GDPR Art 5(1)(b)", "GDPR Art 6(4)", "GDPR Art 13(3)"],
    summary: "the proposal uses, for another purpose, data an activity promises to use only for its own",
    why: "Statements often promise \"we use your e-mail address only to send the newsletter\". \
          Data collected under such a promise may not be reused for another purpose: purpose \
          limitation (Art 5(1)(b)) with the organisation's own word on top. Where the proposal \
          processes the same categories of data of the same people for a purpose the promising \
          activity does not have, it either collects the data anew (and should say so) or breaks \
          the promise; further processing needs the Art 6(4) test and prior information \
          (Art 13(3)), and a broken promise needs the statement changed first. The statement's \
          register-wide `purpose_limitation` is not read here: the promise is judged per activity \
          (`only_for_stated_purposes`).",
    non_compliant: r#"introduces:
  purposes:
    - { id: onderzoek, label: Tevredenheidsonderzoek }
activity:
  id: enquete
  name: Tevredenheidsonderzoek onder abonnees
  purposes: [onderzoek]
  data_subjects: [abonnees]
  data_categories: [email]
"#,
    compliant: r#"introduces:
  purposes:
    - { id: onderzoek, label: Tevredenheidsonderzoek }
  data_subjects:
    - { id: deelnemers_onderzoek, label: Deelnemers aan het onderzoek }
activity:
  id: enquete
  name: Tevredenheidsonderzoek
  purposes: [onderzoek]
  data_subjects: [deelnemers_onderzoek]
  data_categories: [email]
  data_sources: [{ kind: data_subject }]
"#,
    scope: Scope::Proposal,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(proposed) = super::proposed(ctx) else {
        return;
    };
    let p = proposed.activity;
    for &i in &ctx.facts().purpose_limited {
        let Some(promising) = ctx.register.activities.get(i) else {
            continue;
        };
        if promising.id == p.id {
            continue;
        }
        let same_people = p
            .data_subjects
            .iter()
            .any(|s| promising.data_subjects.contains(s));
        let Some((c, category)) = p
            .data_categories
            .iter()
            .enumerate()
            .find(|(_, c)| promising.data_categories.contains(c))
        else {
            continue;
        };
        let Some(other) = p
            .purposes
            .iter()
            .find(|purpose| !promising.purposes.contains(purpose))
        else {
            continue;
        };
        if !same_people {
            continue;
        }
        out.push(
            ctx.finding(
                &RULE,
                proposed.at_index("data_categories", c),
                message!(
                    "the proposal uses `{category}` for `{other}`, but activity `{}` promises to use it only for its own purposes",
                    promising.id
                ),
                "collect the data anew for this purpose and say so (`data_sources: [{ kind: data_subject }]`), or assess compatibility (Art 6(4)), inform the data subjects first (Art 13(3)) and change the promise",
            )
            .related(
                (
                    Subject::Register,
                    FieldPath::root().key("activities").index(i).key("only_for_stated_purposes"),
                ),
                message!("activity `{}` promises purpose limitation", promising.id),
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
