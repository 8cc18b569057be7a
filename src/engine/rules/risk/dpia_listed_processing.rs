//! `dpia-listed-processing`: processing on the Dutch supervisory authority's DPIA list without a
//! DPIA.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "dpia-listed-processing",
    severity: Severity::Warning,
    articles: &[
        "GDPR Art 35(4)",
        "GDPR Art 35(1)",
        "Besluit AP 27 november 2019 (Stcrt. 2019, 64418)",
    ],
    summary: "an activity matches a processing type on the AP's DPIA list and has no DPIA",
    why: "Under Art 35(4) the Autoriteit Persoonsgegevens lists 17 kinds of processing that always \
          need a DPIA in the Netherlands: camera surveillance, location data, health data, \
          financial situation, fraud prevention, profiling, employee monitoring, biometric and \
          genetic data, and more, most of them when the processing is large-scale or systematic. \
          ropa recognises them from what registers actually record (the data categories' kinds \
          and special categories, the purposes' kinds, the technologies and recipients), not from \
          flags. It is a warning because the register rarely says whether the processing is \
          large-scale; an error when it says it is. Record `large_scale: false` or a DPIA status \
          `not_required` (with the assessment's reference) when the list does not apply.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: slimme_meters\n    name: Uitlezen slimme watermeters\n    technologies: [internet_of_things]\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: slimme_meters\n    name: Uitlezen slimme watermeters\n    technologies: [internet_of_things]\n    dpia: { status: completed, reference: DPIA-watermeters-2025 }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

/// A kind of processing on the Dutch supervisory authority's list of processing that always
/// needs a DPIA (Besluit AP of 27 November 2019, Stcrt. 2019, 64418; GDPR Art 35(4)). Most
/// apply when the processing is large-scale or systematic. Item 2, "Zwarte lijsten"
/// (blacklists), is left out: no fact a register records shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, strum::EnumIter)]
enum ApDpiaCategory {
    /// Heimelijk onderzoek: covert investigation.
    CovertInvestigation,
    /// Fraudebestrijding: large-scale processing to combat fraud.
    FraudPrevention,
    /// Creditscores: credit scoring.
    CreditScores,
    /// Financiële situatie: data from which a person's financial situation can be derived.
    FinancialSituation,
    /// Genetische persoonsgegevens: genetic data.
    GeneticData,
    /// Gezondheidsgegevens: large-scale processing of health data.
    HealthData,
    /// Samenwerkingsverbanden: sharing special-category or criminal data in partnerships.
    Partnerships,
    /// Cameratoezicht: camera surveillance of public or private spaces.
    CameraSurveillance,
    /// Flexibel cameratoezicht: mobile cameras, bodycams, drones.
    FlexibleCameraSurveillance,
    /// Controle werknemers: monitoring of employees.
    EmployeeMonitoring,
    /// Locatiegegevens: location data.
    LocationData,
    /// Communicatiegegevens: communication data.
    CommunicationData,
    /// Internet of things: data from connected devices.
    InternetOfThings,
    /// Profilering: profiling.
    Profiling,
    /// Observatie en beïnvloeding van gedrag: observing and influencing behaviour.
    ObservingBehaviour,
    /// Biometrische gegevens: biometric data to identify people.
    BiometricData,
}

impl crate::model::macros::ListEnum for ApDpiaCategory {
    fn position(self) -> u32 {
        self as u32
    }
}

impl ApDpiaCategory {
    /// The list's Dutch heading for the category.
    fn dutch_name(self) -> &'static str {
        match self {
            Self::CovertInvestigation => "Heimelijk onderzoek",
            Self::FraudPrevention => "Fraudebestrijding",
            Self::CreditScores => "Creditscores",
            Self::FinancialSituation => "Financiële situatie",
            Self::GeneticData => "Genetische persoonsgegevens",
            Self::HealthData => "Gezondheidsgegevens",
            Self::Partnerships => "Samenwerkingsverbanden",
            Self::CameraSurveillance => "Cameratoezicht",
            Self::FlexibleCameraSurveillance => "Flexibel cameratoezicht",
            Self::EmployeeMonitoring => "Controle werknemers",
            Self::LocationData => "Locatiegegevens",
            Self::CommunicationData => "Communicatiegegevens",
            Self::InternetOfThings => "Internet of things",
            Self::Profiling => "Profilering",
            Self::ObservingBehaviour => "Observatie en beïnvloeding van gedrag",
            Self::BiometricData => "Biometrische gegevens",
        }
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let a = activity.activity;
        let assessed = a
            .dpia
            .as_ref()
            .is_some_and(|d| d.status.is_under_way() || d.status == DpiaStatus::NotRequired);
        // Not large-scale by the register's own word, or already reported by `dpia-missing`.
        if assessed || a.large_scale == Some(false) {
            continue;
        }
        // The list is matched first: most activities match none of it.
        let listed = listed(ctx, &activity);
        if listed.is_empty() || super::dpia_missing::trigger(ctx, &activity).is_some() {
            continue;
        }
        let names: Vec<&str> = listed.iter().map(ApDpiaCategory::dutch_name).collect();
        let large = a.large_scale == Some(true);
        let finding = ctx.finding(
            &RULE,
            activity.at("dpia"),
            message!(
                "activity {} matches the AP's DPIA list ({}){}, but has no DPIA",
                activity.name(),
                names.join(", "),
                if large { " on a large scale" } else { "" }
            ),
            "carry out a DPIA before the processing starts and record it as `dpia: { status: completed, reference: ... }`; if the processing is not large-scale or systematic, record `large_scale: false` or `dpia: { status: not_required, reference: ... }` with the assessment",
        );
        out.push(if large {
            finding.with_severity(Severity::Error)
        } else {
            finding
        });
    }
}

/// The AP list categories the activity's recorded facts match.
fn listed(ctx: &Context<'_>, activity: &ActivityRef<'_>) -> EnumSet<ApDpiaCategory> {
    use ApDpiaCategory as Ap;
    let a = activity.activity;
    let profile = ctx.profile(activity);
    let kind = |k: DataKind| profile.data_kinds.contains(k);
    let special = |s: SpecialCategory| profile.special_categories.contains(s);
    let purpose = |k: PurposeKind| profile.purpose_kinds.contains(k);
    let uses = |t: Technology| a.technologies.contains(&t);
    let joint = || profile.recipient_kinds.contains(RecipientKind::JointController);
    let sensitive = profile.special_or_criminal();
    let profiling = a.automated_decision_making.as_ref().is_some_and(|d| d.profiling);

    let matches = [
        (Ap::CovertInvestigation, uses(Technology::CovertObservation)),
        (Ap::FraudPrevention, purpose(PurposeKind::FraudPrevention)),
        (
            Ap::CreditScores,
            uses(Technology::AlgorithmicScoring) && kind(DataKind::Financial),
        ),
        (
            Ap::FinancialSituation,
            kind(DataKind::FinancialSituation)
                || (kind(DataKind::Financial)
                    && (kind(DataKind::SocialSecurity) || purpose(PurposeKind::EligibilityCheck))),
        ),
        (Ap::GeneticData, special(SpecialCategory::Genetic)),
        (Ap::HealthData, special(SpecialCategory::Health)),
        (Ap::Partnerships, sensitive && joint()),
        (
            Ap::CameraSurveillance,
            uses(Technology::CameraSurveillance)
                || (kind(DataKind::ImageAndAudio) && purpose(PurposeKind::Security)),
        ),
        (
            Ap::FlexibleCameraSurveillance,
            uses(Technology::FlexibleCameraSurveillance),
        ),
        (Ap::EmployeeMonitoring, uses(Technology::EmployeeMonitoring)),
        (
            Ap::LocationData,
            uses(Technology::LocationTracking) || kind(DataKind::Location),
        ),
        (
            Ap::CommunicationData,
            kind(DataKind::CommunicationContent) && a.large_scale == Some(true),
        ),
        (Ap::InternetOfThings, uses(Technology::InternetOfThings)),
        (Ap::Profiling, profiling || uses(Technology::AlgorithmicScoring)),
        // The controller itself observes behaviour to influence it; third-party trackers on
        // embedded content are the embedding party's, and `cookie-without-consent` covers them.
        (
            Ap::ObservingBehaviour,
            kind(DataKind::UsageAndBehaviour) && purpose(PurposeKind::DirectMarketing),
        ),
        (
            Ap::BiometricData,
            special(SpecialCategory::Biometric) || uses(Technology::BiometricRecognition),
        ),
    ];
    matches
        .into_iter()
        .filter_map(|(category, matched)| matched.then_some(category))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn recognises_the_list_from_recorded_facts() {
        // Health data without a DPIA: the AP list's "Gezondheidsgegevens" (one WP248 criterion,
        // so not `dpia-missing`'s).
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
activities:
  - id: nieuwsbrief
    name: Nieuwsbrief versturen
    data_categories: [gezondheid]
"#;
        let findings = findings_of(&RULE, &parse(text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("(Gezondheidsgegevens)"),
            "{}",
            findings[0].message
        );
        assert_eq!(findings[0].severity, Severity::Warning);
        let text = text.to_owned() + "    large_scale: false\n";
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    /// When the register says the processing is large-scale, the list applies outright.
    #[test]
    fn large_scale_listed_processing_is_an_error() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  purposes:
    - { id: fraude, label: Fraude met uitkeringen bestrijden, kind: fraud_prevention }
activities:
  - id: fraudebestrijding
    name: Fraudebestrijding
    purposes: [fraude]
    large_scale: true
"#;
        let findings = findings_of(&RULE, &parse(text), None);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(
            findings[0]
                .message
                .contains("(Fraudebestrijding) on a large scale"),
            "{}",
            findings[0].message
        );
        assert_eq!(findings[0].severity, Severity::Error);
    }
}
