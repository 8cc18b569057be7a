//! `public-authority-consent-for-task`: a public authority relies on consent for a purpose that
//! is its public task or legal obligation.

use crate::engine::index::Found;
use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "public-authority-consent-for-task",
    severity: Severity::Warning,
    articles: &["GDPR Recital 43", "GDPR Art 7(4)", "GDPR Art 6(1)(a)"],
    summary: "a public authority relies on consent for a public task or legal obligation",
    why: "Consent must be freely given. Between a public authority and a citizen there is usually \
          a clear imbalance of power, so consent is unlikely to be valid for what the authority \
          does as its task (Recital 43, Art 7(4)); and where the law assigns the task or imposes \
          the obligation, refusing consent cannot stop the processing. Such processing rests on \
          Art 6(1)(e) or (c) with the provision of law, and on the matching Art 9(2) condition for \
          special-category data.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  purposes:
    - { id: wmo, label: Ondersteuning op grond van de Wmo 2015, kind: public_task }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    purposes: [wmo]
    lawful_bases:
      - { basis: consent }
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  purposes:
    - { id: wmo, label: Ondersteuning op grond van de Wmo 2015, kind: public_task }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    purposes: [wmo]
    lawful_bases:
      - { basis: public_task, legal_provision: "Wmo 2015 art. 2.3.2" }
"#,
    scope: Scope::Activity,
    triggers: &[Trigger::Consent],
    since: "0.1.0",
    check,
};

/// The first purpose among `purposes` that is a public task or legal obligation, with how
/// messages name its kind.
fn first_task<'a>(purposes: &[(&'a Id, Option<Found<'a, Purpose>>)]) -> Option<(&'a Id, &'static str)> {
    purposes.iter().find_map(|(id, p)| match super::kind_of(p)? {
        PurposeKind::PublicTask => Some((*id, "a public task")),
        PurposeKind::LegalObligation => Some((*id, "a legal obligation")),
        _ => None,
    })
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    if !ctx.public_authority() {
        return;
    }
    for activity in ctx.gdpr_activities() {
        let consents = super::consents(&activity);
        for (at, what, listed) in consents {
            let purposes = super::covered_purposes(ctx, &activity, listed);
            let Some((id, kind)) = first_task(&purposes) else {
                continue;
            };
            let finding = ctx.finding(
                &RULE,
                at,
                message!("activity {} relies on {what} for `{id}`, {kind}", activity.name()),
                "rely on `public_task` or `legal_obligation` with the `legal_provision` for this purpose (and an Art 9(2) condition such as `substantial_public_interest` for special-category data); keep consent for what a citizen can freely refuse",
            );
            out.push(super::with_entry::<Purpose>(
                ctx,
                finding,
                id,
                message!("purpose `{id}` is {kind}"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn explicit_consent_for_a_task_is_reported_at_the_condition() {
        let text = RULE.compliant.to_owned()
            + "    special_category_conditions:\n      - { condition: explicit_consent }\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].path.to_string(),
            "/activities/0/special_category_conditions/0"
        );
        assert_eq!(
            findings[0].message,
            "activity `wmo_melding` relies on explicit consent for special-category data for `wmo`, a public task"
        );
    }

    #[test]
    fn other_controllers_are_not_concerned() {
        let text = RULE
            .non_compliant
            .replace("public_authority: true", "public_authority: false");
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
