//! `statement-sharing-contradicted`: an activity shares data in a way the statement rules out.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "statement-sharing-contradicted",
    severity: Severity::Error,
    articles: &["GDPR Art 13(1)(e)", "GDPR Art 14(1)(e)", "GDPR Art 5(1)(a)"],
    summary: "an activity shares data with recipients the statement rules out",
    why: "The statement tells data subjects who receives their data (Art 13(1)(e)). When it \
          promises \"we share only with your explicit consent\" or \"only with our processors\", \
          an activity that discloses data to a third party without that consent breaks the \
          promise and makes the information untrue.",
    non_compliant: "statement:\n  sharing: only_with_explicit_consent\ncatalogues:\n  recipients:\n    - { id: partners, label: Ketenpartners, kind: independent_controller }\nactivities:\n  - { id: melding, name: Melding, lawful_bases: [{ basis: public_task, legal_provision: Wmo 2015 }], recipients: [partners] }\n",
    compliant: "statement:\n  sharing: declared_recipients\ncatalogues:\n  recipients:\n    - { id: partners, label: Ketenpartners, kind: independent_controller }\nactivities:\n  - { id: melding, name: Melding, lawful_bases: [{ basis: public_task, legal_provision: Wmo 2015 }], recipients: [partners] }\n",
    scope: Scope::Activity,
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(commitment) = ctx.register.statement.as_ref().and_then(|s| s.sharing) else {
        return;
    };
    for activity in ctx.activities() {
        for (i, id) in activity.activity.recipients.iter().enumerate() {
            let Some(found) = ctx.find::<Recipient>(id.as_str()) else {
                continue;
            };
            let recipient = found.entry;
            let broken = match commitment {
                SharingCommitment::None => !not_a_disclosure(recipient.kind),
                SharingCommitment::OnlyProcessors => {
                    !not_a_disclosure(recipient.kind)
                        && !matches!(
                            recipient.kind,
                            RecipientKind::Processor | RecipientKind::SubProcessor
                        )
                }
                SharingCommitment::OnlyWithExplicitConsent => {
                    matches!(
                        recipient.kind,
                        RecipientKind::IndependentController
                            | RecipientKind::JointController
                            | RecipientKind::PublicDisclosure
                    ) && !recipient.only_with_consent
                        && !activity.activity.relies_on(LawfulBasisKind::Consent)
                }
                SharingCommitment::DeclaredRecipients => false,
            };
            if broken {
                out.push(
                    ctx.finding(
                        &RULE,
                        activity.at_index("recipients", i),
                        format!(
                            "activity {} shares data with `{}` ({}), but the statement promises sharing `{commitment}`",
                            activity.name(),
                            recipient.id,
                            recipient.kind
                        ),
                        "correct the statement's `sharing`, or share only as promised (for consent: set `only_with_consent: true` on the recipient and obtain it)",
                    )
                    .related(super::statement_field("sharing"), "the statement's promise")
                    .related((found.subject, found.path()), "the recipient"),
                );
            }
        }
    }
}

/// Kinds that are not a disclosure to anyone outside the controller (Art 4(9)).
fn not_a_disclosure(kind: RecipientKind) -> bool {
    matches!(
        kind,
        RecipientKind::InternalUnit | RecipientKind::PublicAuthorityInquiry
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(
        RULE,
        fire = |r| {
            if let Some(s) = &mut r.statement {
                s.sharing = Some(SharingCommitment::OnlyWithExplicitConsent);
            }
        },
        silent = |r| {
            if let Some(s) = &mut r.statement {
                s.sharing = Some(SharingCommitment::OnlyWithExplicitConsent);
            }
            r.catalogues.recipients[0].only_with_consent = true;
        },
    );

    #[test]
    fn only_processors_allows_processors() {
        let mut register = crate::engine::rules::testing::register();
        if let Some(s) = &mut register.statement {
            s.sharing = Some(SharingCommitment::OnlyProcessors);
        }
        let findings = crate::engine::rules::testing::findings_of(&RULE, &register, None);
        // Only the independent controller `zorgaanbieders` breaks it; the mail processor does not.
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/recipients/0");
    }
}
