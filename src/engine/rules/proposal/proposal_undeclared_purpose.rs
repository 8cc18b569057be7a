//! `proposal-undeclared-purpose`: the proposal processes data for a purpose the register does not
//! declare; the hint says what Art 6(4) asks before the purpose can be added.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-undeclared-purpose",
    severity: Severity::Error,
    articles: &[
        "GDPR Art 5(1)(b)",
        "GDPR Art 6(4)",
        "GDPR Art 13(3)",
        "GDPR Art 89(1)",
    ],
    summary: "the proposal processes data for a purpose the register does not declare",
    why: "Personal data may only be processed further for purposes compatible with those they \
          were collected for (Art 5(1)(b)). Archiving, research and statistics are presumed \
          compatible with Art 89(1) safeguards; a purpose resting on new consent or on a law that \
          sets it needs no compatibility test; anything else needs the Art 6(4) assessment. In \
          every case the register must declare the purpose and data subjects must be told before \
          the further processing starts (Art 13(3)).",
    non_compliant: "introduces:\n  purposes:\n    - { id: tevredenheid, label: Klanttevredenheidsonderzoek }\nactivity:\n  id: wmo_enquete\n  name: Enquête onder Wmo-cliënten\n  purposes: [tevredenheid]\n",
    compliant: "introduces:\n  purposes: []\nactivity:\n  id: wmo_enquete\n  name: Enquête onder Wmo-cliënten\n  purposes: [wmo]\n",
    scope: Scope::Proposal,
    triggers: &[Trigger::IntroducedEntries],
    since: "0.1.0",
    check,
};

/// The outcome of the Art 6(4) purpose-compatibility reasoning for a new purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Compatibility {
    /// Archiving, research or statistics: presumed compatible with Art 89(1) safeguards.
    PresumedCompatible,
    /// The proposal rests on consent: ask for it for the new purpose.
    NeedsNewConsent,
    /// A statute the proposal cites may set the purpose.
    CompatibleByLaw(String),
    /// Weigh the Art 6(4) factors; `high_risk` when special-category or criminal data are
    /// involved.
    NeedsAssessment { high_risk: bool },
}

impl Compatibility {
    fn of(ctx: &Context<'_>, activity: &ActivityRef<'_>, purpose: &Purpose) -> Self {
        if purpose.kind.is_some_and(PurposeKind::presumed_compatible) {
            return Self::PresumedCompatible;
        }
        let a = activity.activity;
        if a.relies_on(LawfulBasisKind::Consent) {
            return Self::NeedsNewConsent;
        }
        let statute = a
            .lawful_bases
            .iter()
            .filter(|b| b.basis.is_some_and(LawfulBasisKind::needs_legal_provision))
            .find_map(|b| b.legal_provision.clone());
        if let Some(statute) = statute {
            return Self::CompatibleByLaw(statute);
        }
        let high_risk = ctx
            .data_categories(activity)
            .any(|(_, c)| c.entry.is_special() || c.entry.criminal);
        Self::NeedsAssessment { high_risk }
    }

    fn label(&self) -> &'static str {
        match self {
            Self::PresumedCompatible => "presumed compatible",
            Self::NeedsNewConsent => "needs new consent",
            Self::CompatibleByLaw(_) => "compatible only if the cited law sets this purpose",
            Self::NeedsAssessment { high_risk: true } => {
                "needs an Art 6(4) assessment (high risk: special-category or criminal data)"
            }
            Self::NeedsAssessment { high_risk: false } => "needs an Art 6(4) assessment",
        }
    }

    fn hint(&self) -> String {
        let then = "then add the purpose to the register's `catalogues.purposes` and inform data subjects before processing (Art 13(3))";
        match self {
            Self::PresumedCompatible => {
                message!("record the Art 89(1) safeguards (pseudonymisation, data minimisation); {then}")
            }
            Self::NeedsNewConsent => message!(
                "ask the data subjects for consent to this purpose (no compatibility test applies to consent); {then}"
            ),
            Self::CompatibleByLaw(statute) => message!(
                "check that `{statute}` sets or covers this purpose (Art 6(4): law as the basis); {then}"
            ),
            Self::NeedsAssessment { .. } => message!(
                "weigh (a) the link between the purposes, (b) the context of collection, (c) the nature of the data, (d) the consequences for data subjects and (e) the safeguards (Art 6(4)); {then}"
            ),
        }
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(activity) = super::proposed(ctx) else {
        return;
    };
    for (i, id, found) in ctx.resolved::<Purpose>(&activity) {
        let Some(found) = found else {
            continue;
        };
        if found.subject != Subject::Proposal {
            continue;
        }
        let compatibility = Compatibility::of(ctx, &activity, found.entry);
        out.push(
            ctx.finding(
                &RULE,
                activity.at_index("purposes", i),
                message!(
                    "the purpose `{id}` is not declared in the register; compatibility: {}",
                    compatibility.label()
                ),
                compatibility.hint(),
            )
            .related((found.subject, found.path()), "introduced by the proposal")
            .related(
                (Subject::Register, catalogue_path::<Purpose>(Subject::Register)),
                "the register's purposes",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{
        COMPLIANT_PROPOSAL, findings_of, parse_proposal, register, rule_tests,
    };

    /// The compliant proposal with the purpose `tevredenheid` added, which it introduces with
    /// `kind` (e.g. `, kind: statistics`, or nothing).
    fn introduce(kind: &str) -> String {
        COMPLIANT_PROPOSAL
            .replace(
                "activity:\n",
                &format!(
                    "introduces:\n  purposes:\n    - {{ id: tevredenheid, label: Klanttevredenheidsonderzoek{kind} }}\nactivity:\n"
                ),
            )
            .replace("purposes: [wmo]", "purposes: [wmo, tevredenheid]")
    }

    rule_tests!(RULE);

    fn compatibility_message(text: &str) -> String {
        let findings = findings_of(&RULE, &register(), Some(&parse_proposal(text)));
        findings
            .first()
            .map(|f| f.message.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn compatibility_follows_art_6_4() {
        const WMO: &str = r#"{ basis: public_task, legal_provision: "Wmo 2015 art. 2.3.2" }"#;
        assert!(compatibility_message(&introduce(", kind: statistics")).ends_with("presumed compatible"));
        assert!(
            compatibility_message(&introduce(""))
                .ends_with("compatible only if the cited law sets this purpose")
        );
        assert!(
            compatibility_message(&introduce("").replace(WMO, "{ basis: consent }"))
                .ends_with("needs new consent")
        );
        assert!(
            compatibility_message(&introduce("").replace(WMO, "{ basis: public_task }"))
                .ends_with("needs an Art 6(4) assessment (high risk: special-category or criminal data)")
        );
    }
}
