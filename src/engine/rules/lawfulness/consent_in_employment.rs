//! `consent-in-employment`: consent is rarely free between an employer and its staff or job
//! applicants.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "consent-in-employment",
    severity: Severity::Warning,
    articles: &[
        "GDPR Art 7(4)",
        "GDPR Art 4(11)",
        "GDPR Recital 43",
        "GDPR Art 88",
    ],
    summary: "an activity for staff or recruitment rests on consent",
    why: "Consent must be freely given (Art 4(11)). Between an employer and its employees or job \
          applicants there is a clear imbalance: refusing may cost the job, so consent is rarely \
          free (Recital 43; EDPB Guidelines 05/2020 on consent, paras 21–22). \"By applying you \
          consent\" also ties consent to the application (Art 7(4)). Recruitment and staff \
          administration normally rest on the steps before a contract (Art 6(1)(b)), a legal \
          obligation (c), or, for public employers, their task; special-category data on \
          Art 9(2)(b) with UAVG art 30.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  purposes:\n    - { id: werving, label: Werving en selectie, kind: human_resources }\nactivities:\n  - id: sollicitatie\n    name: Sollicitatieprocedure\n    purposes: [werving]\n    lawful_bases: [{ basis: consent, wording: \"Wanneer je bij ons solliciteert, geef je toestemming\" }]\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  purposes:\n    - { id: werving, label: Werving en selectie, kind: human_resources }\nactivities:\n  - id: sollicitatie\n    name: Sollicitatieprocedure\n    purposes: [werving]\n    lawful_bases: [{ basis: contract }]\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Consent],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        for (at, what, listed) in super::consents(&activity) {
            let purposes = super::covered_purposes(ctx, &activity, listed);
            let Some((id, _)) = purposes
                .iter()
                .find(|(_, p)| super::kind_of(p) == Some(PurposeKind::HumanResources))
            else {
                continue;
            };
            let finding = ctx.finding(
                &RULE,
                at,
                message!(
                    "activity {} relies on {what} for `{id}`, a purpose between employer and staff or applicants",
                    activity.name()
                ),
                "rest recruitment and staff processing on `contract` (steps before the contract), `legal_obligation` or, for a public employer, `public_task`; for special-category data on `employment_and_social_security` with its `legal_provision`",
            );
            out.push(super::with_entry::<Purpose>(
                ctx,
                finding,
                id,
                message!("purpose `{id}` is human resources"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
