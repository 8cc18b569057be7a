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
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  sharing: only_with_explicit_consent\ncatalogues:\n  recipients:\n    - { id: partners, label: Ketenpartners, kind: independent_controller }\nactivities:\n  - { id: melding, name: Melding, lawful_bases: [{ basis: public_task, legal_provision: Wmo 2015 }], recipients: [partners] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  sharing: declared_recipients\ncatalogues:\n  recipients:\n    - { id: partners, label: Ketenpartners, kind: independent_controller }\nactivities:\n  - { id: melding, name: Melding, lawful_bases: [{ basis: public_task, legal_provision: Wmo 2015 }], recipients: [partners] }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(commitment) = ctx.register.statement.as_ref().and_then(|s| s.sharing) else {
        return;
    };
    for activity in ctx.activities() {
        // Consent makes third-party sharing keep an "only with your consent" promise when the
        // activity rests on it (Art 6(1)(a) or Art 9(2)(a)); a recipient merely labelled
        // `only_with_consent` does not, when the activity rests on another basis.
        let rests_on_consent = activity.activity.relies_on_consent();
        // With no basis stated at all, nothing contradicts a recipient's "only with consent"
        // (`lawful-basis-missing` reports the gap); a stated other basis does.
        let basis_unstated = activity.activity.lawful_bases.iter().all(|b| b.basis.is_none());
        for (i, _, found) in ctx.resolved::<Recipient>(&activity) {
            let Some(found) = found else {
                continue;
            };
            let recipient = found.entry;
            // An unclassified recipient cannot be judged; `recipient-role-unclassified` asks
            // for its role.
            let Some(kind) = recipient.kind else { continue };
            // "Only with consent" said on the recipient, or on a scope of the activity's that
            // covers it ("nooit met anderen gedeeld zonder uw toestemming").
            let labelled_consent = recipient.only_with_consent
                || activity.activity.recipient_scope.iter().any(|scope| {
                    scope.only_with_consent
                        && (scope.recipients.is_empty() || scope.recipients.contains(&recipient.id))
                });
            let broken = match commitment {
                SharingCommitment::None => !not_a_disclosure(kind),
                SharingCommitment::OnlyProcessors => {
                    !not_a_disclosure(kind)
                        && !matches!(kind, RecipientKind::Processor | RecipientKind::SubProcessor)
                }
                SharingCommitment::OnlyWithExplicitConsent => {
                    matches!(
                        kind,
                        RecipientKind::IndependentController
                            | RecipientKind::JointController
                            | RecipientKind::PublicDisclosure
                    ) && !rests_on_consent
                        && !(labelled_consent && basis_unstated)
                }
                SharingCommitment::DeclaredRecipients => false,
            };
            if !broken {
                continue;
            }
            let (message, hint) = if labelled_consent && !rests_on_consent {
                (
                    message!(
                        "activity {} shares data with `{}` ({kind}) \"only with consent\", but the activity rests on no consent basis, and the statement promises sharing `{commitment}`",
                        activity.name(),
                        recipient.id,
                    ),
                    "add a consent basis for the sharing to the activity's `lawful_bases` (`basis: consent`, with the `purposes` it covers) and record how consent is obtained under `consent`, or correct the statement's `sharing`",
                )
            } else {
                (
                    message!(
                        "activity {} shares data with `{}` ({kind}), but the statement promises sharing `{commitment}`",
                        activity.name(),
                        recipient.id,
                    ),
                    "correct the statement's `sharing`, or share only as promised (for consent: rest the sharing on a consent basis and obtain it)",
                )
            };
            out.push(
                ctx.finding(&RULE, activity.at_index("recipients", i), message, hint)
                    .related(super::statement_field("sharing"), "the statement's promise")
                    .related((found.subject, found.path()), "the recipient"),
            );
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
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    /// A recipient labelled "only with consent" does not keep the promise when the activity
    /// rests on another basis: the label cannot outweigh the facts.
    #[test]
    fn a_consent_label_on_the_recipient_is_not_consent() {
        let text = RULE.non_compliant.replace(
            "kind: independent_controller }",
            "kind: independent_controller, only_with_consent: true }",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("rests on no consent basis"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn only_processors_allows_processors() {
        let text = RULE
            .non_compliant
            .replace("sharing: only_with_explicit_consent", "sharing: only_processors")
            .replace(
                "activities:",
                "    - { id: mailprovider, label: Verzender nieuwsbrief, kind: processor }\nactivities:",
            )
            + "  - { id: nieuwsbrief, name: Nieuwsbrief, lawful_bases: [{ basis: consent }], recipients: [mailprovider] }\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        // Only the independent controller `partners` breaks it; the mail processor does not.
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/recipients/0");
    }

    /// "Never shared without your consent" said on the activity counts as the label too; with
    /// another basis it still does not keep the promise.
    #[test]
    fn a_consent_scope_is_judged_like_a_consent_label() {
        let text = RULE.non_compliant.replace(
            "recipients: [partners] }",
            "recipients: [partners], recipient_scope: [{ only_with_consent: true }] }",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("rests on no consent basis"),
            "{}",
            findings[0].message
        );
    }
}
