//! `dpia-missing`: processing likely to result in a high risk needs a DPIA before it starts.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "dpia-missing",
    severity: Severity::Error,
    articles: &["GDPR Art 35(1)", "GDPR Art 35(3)"],
    summary: "an activity likely to result in a high risk has no completed or ongoing DPIA",
    why: "Processing likely to result in a high risk to people's rights and freedoms needs a data \
          protection impact assessment before it starts (Art 35(1)). Art 35(3) requires one \
          outright for automated evaluation on which decisions with legal or similar effects are \
          based, for large-scale processing of special-category or criminal data, and for \
          large-scale systematic monitoring. The EDPB (WP248 rev.01) adds that processing meeting \
          two or more of its nine criteria usually needs one. A DPIA that is only planned, never \
          assessed, or set aside as not required does not meet the duty.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    data_categories: [gezondheid]
    high_risk_criteria: [vulnerable_data_subjects]
    dpia: { status: planned }
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    data_categories: [gezondheid]
    high_risk_criteria: [vulnerable_data_subjects]
    dpia: { status: completed, reference: DPIA-Wmo-2025 }
"#,
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let a = activity.activity;
        let state = match a.dpia.as_ref().map(|d| d.status) {
            None => "has no DPIA",
            Some(DpiaStatus::Completed | DpiaStatus::InProgress) => continue,
            Some(DpiaStatus::Planned) => "its DPIA is only planned",
            Some(DpiaStatus::NotAssessed) => "whether it needs a DPIA was never assessed",
            Some(DpiaStatus::NotRequired) => "its DPIA is marked not required",
            Some(DpiaStatus::NotPerformed) => "no DPIA was carried out",
            Some(DpiaStatus::Unknown) => "whether a DPIA was carried out is not known",
        };
        let Some(trigger) = trigger(ctx, &activity) else {
            continue;
        };
        let at = match a.dpia {
            None => activity.at("dpia"),
            Some(_) => {
                let (subject, path) = activity.at("dpia");
                (subject, path.key("status"))
            }
        };
        out.push(ctx.finding(
            &RULE,
            at,
            message!("activity {} {trigger}, but {state}", activity.name()),
            "carry out a DPIA before the processing starts and record it as `dpia: { status: completed, reference: ... }` (or `in_progress` while it runs)",
        ));
    }
}

/// Why an activity is likely to result in a high risk (Art 35(1), (3)), written into the message
/// only when there is one to write: `dpia-listed-processing` asks too, to leave such activities
/// to this rule.
#[derive(Debug, Clone, Copy)]
pub(super) enum HighRisk {
    /// Art 35(3)(a).
    EvaluatesForDecisions,
    /// Art 35(3)(b).
    SpecialDataOnALargeScale,
    /// Art 35(3)(c).
    SystematicMonitoringOnALargeScale,
    /// Two or more of the WP248 criteria.
    Criteria(EnumSet<HighRiskCriterion>),
}

impl std::fmt::Display for HighRisk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::EvaluatesForDecisions => f.write_str(
                "evaluates people by automated processing for decisions with legal or similarly significant effects (Art 35(3)(a))",
            ),
            Self::SpecialDataOnALargeScale => f.write_str(
                "processes special-category or criminal data on a large scale (Art 35(3)(b))",
            ),
            Self::SystematicMonitoringOnALargeScale => {
                f.write_str("monitors people systematically on a large scale (Art 35(3)(c))")
            }
            Self::Criteria(criteria) => {
                write!(f, "meets {} DPIA criteria (", criteria.len())?;
                for (i, criterion) in criteria.iter().enumerate() {
                    f.write_str(if i == 0 { "" } else { ", " })?;
                    f.write_str(criterion_name(criterion))?;
                }
                f.write_str(")")
            }
        }
    }
}

/// Why the activity is likely to result in a high risk, or `None`.
pub(super) fn trigger(ctx: &Context<'_>, activity: &ActivityRef<'_>) -> Option<HighRisk> {
    let a = activity.activity;
    let criteria = criteria(ctx, activity);
    let met = |c: HighRiskCriterion| criteria.contains(c);
    let large_scale = met(HighRiskCriterion::LargeScale);
    let adm = a.automated_decision_making.as_ref();

    // Art 35(3)(a) is about evaluating personal aspects (profiling, scoring) for decisions with
    // legal effect; a rule-based automated check is not an evaluation of the person.
    if adm.is_some_and(AutomatedDecisionMaking::has_significant_effect)
        && met(HighRiskCriterion::EvaluationOrScoring)
    {
        return Some(HighRisk::EvaluatesForDecisions);
    }
    if large_scale && ctx.profile(activity).special_or_criminal() {
        return Some(HighRisk::SpecialDataOnALargeScale);
    }
    if large_scale && met(HighRiskCriterion::SystematicMonitoring) {
        return Some(HighRisk::SystematicMonitoringOnALargeScale);
    }
    (criteria.len() >= 2).then_some(HighRisk::Criteria(criteria))
}

/// The WP248 criteria the activity meets: those it declares, and those its recorded facts show
/// (data kinds, special categories, technologies, automated decisions, data subjects, scale).
fn criteria(ctx: &Context<'_>, activity: &ActivityRef<'_>) -> EnumSet<HighRiskCriterion> {
    use HighRiskCriterion as C;
    let a = activity.activity;
    let mut criteria: EnumSet<C> = a.high_risk_criteria.iter().copied().collect();
    let uses = |t: Technology| a.technologies.contains(&t);
    // WP248 criterion 4 names special and criminal data and data of a highly personal nature:
    // location, financial situation, communications. The BSN is counted too (the AP treats
    // national identification numbers as sensitive). Each criterion comes from its own facts:
    // a technology shows monitoring, the data categories show sensitivity, so one fact never
    // counts twice.
    let profile = ctx.profile(activity);
    let sensitive = profile.special_or_criminal()
        || profile.national_id
        || [
            DataKind::Location,
            DataKind::FinancialSituation,
            DataKind::CommunicationContent,
        ]
        .into_iter()
        .any(|kind| profile.data_kinds.contains(kind));
    let derived = [
        (C::SensitiveData, sensitive),
        (
            C::AutomatedDecisionWithLegalEffect,
            a.automated_decision_making
                .as_ref()
                .is_some_and(AutomatedDecisionMaking::has_significant_effect),
        ),
        (
            C::EvaluationOrScoring,
            a.automated_decision_making.as_ref().is_some_and(|d| d.profiling)
                || uses(Technology::AlgorithmicScoring),
        ),
        (
            C::SystematicMonitoring,
            [
                Technology::CameraSurveillance,
                Technology::FlexibleCameraSurveillance,
                Technology::LocationTracking,
                Technology::EmployeeMonitoring,
                Technology::CovertObservation,
            ]
            .into_iter()
            .any(uses),
        ),
        (
            C::InnovativeTechnology,
            uses(Technology::BiometricRecognition) || uses(Technology::InternetOfThings),
        ),
        (C::LargeScale, a.large_scale == Some(true)),
        (
            C::VulnerableDataSubjects,
            profile.vulnerable_subjects || a.children.as_ref().is_some_and(|c| c.targeted),
        ),
    ];
    criteria.extend(derived.into_iter().filter_map(|(c, met)| met.then_some(c)));
    criteria
}

/// How messages name a WP248 criterion.
fn criterion_name(criterion: HighRiskCriterion) -> &'static str {
    match criterion {
        HighRiskCriterion::EvaluationOrScoring => "evaluation or scoring",
        HighRiskCriterion::AutomatedDecisionWithLegalEffect => {
            "automated decisions with legal or similar effect"
        }
        HighRiskCriterion::SystematicMonitoring => "systematic monitoring",
        HighRiskCriterion::SensitiveData => "sensitive data",
        HighRiskCriterion::LargeScale => "large scale",
        HighRiskCriterion::MatchingOrCombiningDatasets => "matching or combining datasets",
        HighRiskCriterion::VulnerableDataSubjects => "vulnerable data subjects",
        HighRiskCriterion::InnovativeTechnology => "innovative technology",
        HighRiskCriterion::BlocksRightOrService => "blocking a right or service",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn derived_criteria_are_not_counted_twice() {
        // The activity declares sensitive data and vulnerable data subjects; its health data
        // derives sensitive data again.
        let text = RULE
            .non_compliant
            .replace(
                "high_risk_criteria: [vulnerable_data_subjects]",
                "high_risk_criteria: [sensitive_data, vulnerable_data_subjects]",
            )
            .replace("    dpia: { status: planned }\n", "");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/dpia");
        assert!(
            findings[0]
                .message
                .contains("meets 2 DPIA criteria (sensitive data, vulnerable data subjects)"),
            "{}",
            findings[0].message
        );

        let text = text.replace(
            "high_risk_criteria: [sensitive_data, vulnerable_data_subjects]",
            "high_risk_criteria: [sensitive_data]",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    #[test]
    fn vulnerable_data_subjects_are_derived() {
        let text = RULE
            .non_compliant
            .replace(
                "catalogues:\n",
                "catalogues:\n  data_subjects:\n    - { id: inwoners, label: Inwoners, includes_children: true }\n",
            )
            .replace(
                "    high_risk_criteria: [vulnerable_data_subjects]\n    dpia: { status: planned }\n",
                "    data_subjects: [inwoners]\n",
            );
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }

    #[test]
    fn large_scale_special_category_data_need_a_dpia() {
        let text = RULE.non_compliant.replace(
            "high_risk_criteria: [vulnerable_data_subjects]\n    dpia: { status: planned }",
            "high_risk_criteria: [large_scale]\n    dpia: { status: not_required }",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/dpia/status");
        insta::assert_snapshot!(findings[0].message.as_ref());
    }

    #[test]
    fn large_scale_monitoring_needs_a_dpia() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
activities:
  - id: website
    name: Website
    high_risk_criteria: [large_scale, systematic_monitoring]
"#;
        let findings = findings_of(&RULE, &parse(text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("Art 35(3)(c)"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn automated_evaluation_with_legal_effect_needs_a_dpia() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
activities:
  - id: nieuwsbrief
    name: Nieuwsbrief versturen
    automated_decision_making:
      description: Selectie op interesses
      solely_automated: false
      legal_or_similar_effect: true
      profiling: true
    dpia: { status: not_assessed }
"#;
        let findings = findings_of(&RULE, &parse(text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("Art 35(3)(a)"),
            "{}",
            findings[0].message
        );
    }

    /// A scan car that photographs number plates where cars are parked is systematic monitoring
    /// (its technologies) of location data (its data categories): two WP248 criteria from
    /// recorded facts, no flags needed.
    #[test]
    fn criteria_follow_from_the_technologies() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: kenteken, label: Kenteken en plaats, kind: online_identifier }
activities:
  - id: scanauto
    name: Parkeercontrole met de scanauto
    data_categories: [kenteken]
    technologies: [flexible_camera_surveillance, location_tracking]
"#;
        assert!(
            findings_of(&RULE, &parse(text), None).is_empty(),
            "monitoring alone is one criterion"
        );
        let text = text.replace("kind: online_identifier", "kind: location");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .contains("meets 2 DPIA criteria (systematic monitoring, sensitive data)"),
            "{}",
            findings[0].message
        );
    }

    /// A rule-based automated decision is not an Art 35(3)(a) evaluation of the person: with a
    /// second criterion the activity needs a DPIA, for the two criteria, not under (3)(a); with
    /// scoring it is (3)(a).
    #[test]
    fn an_automated_check_without_profiling_is_not_art_35_3_a() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
activities:
  - id: toeslag
    name: Toeslag toekennen
    high_risk_criteria: [vulnerable_data_subjects]
    automated_decision_making:
      description: Automatische toets op de voorwaarden
      solely_automated: true
      legal_or_similar_effect: true
"#;
        let messages = |text: &str| -> Vec<String> {
            findings_of(&RULE, &parse(text), None)
                .into_iter()
                .map(|f| f.message.into_owned())
                .collect()
        };
        let checked = messages(text);
        assert_eq!(checked.len(), 1, "{checked:?}");
        assert!(
            checked[0].contains("meets 2 DPIA criteria") && !checked[0].contains("Art 35(3)(a)"),
            "{checked:?}"
        );
        let scored = messages(&text.replace("[vulnerable_data_subjects]", "[evaluation_or_scoring]"));
        assert_eq!(scored.len(), 1, "{scored:?}");
        assert!(scored[0].contains("Art 35(3)(a)"), "{scored:?}");
    }
}
