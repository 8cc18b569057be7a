//! `public-authority-legitimate-interests`: a public authority cannot rely on legitimate
//! interests for its tasks.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "public-authority-legitimate-interests",
    severity: Severity::Error,
    articles: &["GDPR Art 6(1), last sentence", "GDPR Art 6(1)(f)"],
    summary: "a public authority relies on legitimate interests for its tasks",
    why: "Legitimate interests (Art 6(1)(f)) do not apply to processing by public authorities in \
          the performance of their tasks (Art 6(1), last sentence): the legislator provides their \
          basis, as a public task or legal obligation (Art 6(1)(c), (e)). The Autoriteit \
          Persoonsgegevens accepts that processing outside the task, such as some internal \
          operations, may still rest on legitimate interests, so the rule stays silent when every purpose the basis covers is of kind `human_resources` \
          or `security`; any other purpose, or one without a kind, is taken to be part of the \
          authority's tasks.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: website\n    name: Website\n    purposes: [website]\n    lawful_bases:\n      - { basis: legitimate_interests, legitimate_interest: Een goed werkende website }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: website\n    name: Website\n    purposes: [website]\n    lawful_bases:\n      - { basis: public_task, legal_provision: \"Gemeentewet art. 160 lid 1\" }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::LegitimateInterestsBasis],
    since: "0.1.0",
    check,
};

/// Purposes of internal operations, which may fall outside a public authority's tasks.
fn internal(kind: Option<PurposeKind>) -> bool {
    matches!(kind, Some(PurposeKind::HumanResources | PurposeKind::Security))
}

/// Whether a public authority relies on legitimate interests with `basis` for its tasks, which
/// this rule reports: `Some` with the first purpose the basis covers that is not internal
/// operations (`None` inside when the basis covers no purpose at all), or `None` when it may rely
/// on it.
pub(super) fn for_tasks<'a>(
    ctx: &Context<'a>,
    activity: &ActivityRef<'a>,
    basis: &'a LawfulBasis,
) -> Option<Option<&'a Id>> {
    if !ctx.public_authority() || basis.basis != Some(LawfulBasisKind::LegitimateInterests) {
        return None;
    }
    let purposes = super::covered_purposes(ctx, activity, &basis.purposes);
    match purposes.iter().find(|(_, p)| !internal(super::kind_of(p))) {
        Some((id, _)) => Some(Some(*id)),
        None if purposes.is_empty() => Some(None),
        None => None,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        for (i, basis) in activity.activity.lawful_bases.iter().enumerate() {
            let Some(task) = for_tasks(ctx, &activity, basis) else {
                continue;
            };
            let mut finding = ctx.finding(
                &RULE,
                activity.at_index("lawful_bases", i),
                message!(
                    "activity {} relies on legitimate interests, which a public authority cannot use for its tasks",
                    activity.name()
                ),
                "rely on `public_task` or `legal_obligation` with the `legal_provision` that assigns the task; keep `legitimate_interests` only for purposes of internal operations (kind `human_resources` or `security`)",
            );
            if let Some(id) = task {
                finding = super::with_entry::<Purpose>(
                    ctx,
                    finding,
                    id,
                    message!("purpose `{id}` is not human resources or security"),
                );
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    /// The non-compliant example, whose website also serves a security purpose.
    fn with_security_purpose() -> String {
        RULE.non_compliant
            .replace(
                "activities:",
                "catalogues:\n  purposes:\n    - { id: website, label: Een goed werkende website, kind: website_operation }\n    - { id: beveiliging, label: Beveiliging van de website, kind: security }\nactivities:",
            )
            .replace("purposes: [website]", "purposes: [website, beveiliging]")
    }

    rule_tests!(RULE);

    #[test]
    fn a_basis_limited_to_internal_purposes_is_accepted() {
        let text = with_security_purpose().replace(
            "legitimate_interest: Een goed werkende website }",
            "legitimate_interest: Een goed werkende website, purposes: [beveiliging] }\n      - { basis: public_task, legal_provision: \"Gemeentewet art. 160 lid 1\", purposes: [website] }",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    #[test]
    fn one_task_purpose_is_enough() {
        let findings = findings_of(&RULE, &parse(&with_security_purpose()), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].related[0].message,
            "purpose `website` is not human resources or security"
        );
    }

    #[test]
    fn no_purposes_give_no_exemption() {
        let text = RULE
            .non_compliant
            .replace("purposes: [website]", "purposes: none");
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }

    #[test]
    fn other_controllers_may_rely_on_legitimate_interests() {
        let text = RULE
            .non_compliant
            .replace("public_authority: true", "public_authority: false");
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
