//! `objection-route-missing`: direct marketing and newsletters that do not rest on consent need
//! a way to object.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "objection-route-missing",
    severity: Severity::Warning,
    articles: &["GDPR Art 21(2)", "GDPR Art 21(3)", "GDPR Art 21(4)"],
    summary: "direct marketing or newsletters without consent offer no way to object",
    why: "Where personal data are used for direct marketing, the data subject may object at any \
          time, and the data must then no longer be used for it (Art 21(2), (3)). When the mailing \
          does not rest on consent (whose withdrawal does the same), the register should record \
          the route people use to object, such as an unsubscribe link in every message or replying \
          to it, and the statement must bring it to their attention explicitly (Art 21(4)).",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  purposes:
    - { id: informeren, label: Relaties informeren over ons werk, kind: newsletter }
activities:
  - id: nieuwsbrief
    name: Nieuwsbrief aan relaties
    purposes: [informeren]
    lawful_bases: [{ basis: legitimate_interests, legitimate_interest: Relaties informeren }]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  purposes:
    - { id: informeren, label: Relaties informeren over ons werk, kind: newsletter }
activities:
  - id: nieuwsbrief
    name: Nieuwsbrief aan relaties
    purposes: [informeren]
    lawful_bases: [{ basis: legitimate_interests, legitimate_interest: Relaties informeren }]
    objection_channels: [{ kind: unsubscribe_link }]
"#,
    scope: Scope::Activity,
    triggers: &[Trigger::MarketingPurpose],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let a = activity.activity;
        // Only where the register says what the mailing rests on, and it is not consent (whose
        // withdrawal is the way out): an unstated basis is `lawful-basis-missing`'s to report.
        let stated = !a.lawful_bases.is_empty() && a.lawful_bases.iter().all(|b| b.basis.is_some());
        if !stated || a.relies_on(LawfulBasisKind::Consent) || !a.objection_channels.is_empty() {
            continue;
        }
        let marketing = ctx.resolved::<Purpose>(&activity).find_map(|(_, id, found)| {
            matches!(
                found?.entry.kind,
                Some(PurposeKind::DirectMarketing | PurposeKind::Newsletter)
            )
            .then_some(id)
        });
        let Some(purpose) = marketing else { continue };
        out.push(ctx.finding(
            &RULE,
            activity.at("objection_channels"),
            message!(
                "activity {} uses data for `{purpose}` without consent and records no way to object",
                activity.name()
            ),
            "record the route under `objection_channels`, e.g. `[{ kind: unsubscribe_link }]` or `[{ kind: reply }]`, and state it in the privacy statement",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    /// Without a stated basis, nothing says the mailing does not rest on consent.
    #[test]
    fn silent_when_the_basis_is_not_stated() {
        let text = RULE.non_compliant.replace(
            "    lawful_bases: [{ basis: legitimate_interests, legitimate_interest: Relaties informeren }]\n",
            "",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    rule_tests!(RULE);
}
