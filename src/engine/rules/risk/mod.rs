//! Retention (Art 5(1)(e)), automated decisions (Art 22, UAVG art 40), DPIAs (Art 35), cookies (Tw art 11.7a) and security (Art 32).

use super::prelude::*;

mod automated_decision_logic_not_stated;
mod automated_decision_without_ground;
mod cookie_class_contradicted;
mod cookie_without_consent;
mod dpia_listed_processing;
mod dpia_missing;
mod objection_route_missing;
mod profiling_decision_on_uavg_40;
mod retention_missing;
mod retention_start_missing;
mod retention_stated_as_minimum;
mod retention_unlimited;
mod retention_vague;
mod security_description_missing;

pub(super) static RULES: &[&Rule] = &[
    &retention_missing::RULE,
    &retention_start_missing::RULE,
    &retention_vague::RULE,
    &retention_stated_as_minimum::RULE,
    &retention_unlimited::RULE,
    &automated_decision_without_ground::RULE,
    &profiling_decision_on_uavg_40::RULE,
    &dpia_missing::RULE,
    &dpia_listed_processing::RULE,
    &cookie_without_consent::RULE,
    &cookie_class_contradicted::RULE,
    &security_description_missing::RULE,
    &objection_route_missing::RULE,
    &automated_decision_logic_not_stated::RULE,
];

/// What a retention rule says wrongly, for [`judge_retention_rules`]: the message after
/// "retention rule `id` ", and the hint.
type Verdict = Option<(String, String)>;

/// Reports every retention rule the activities use that `judge` finds fault with, once per rule
/// at its catalogue entry, with each activity that uses it as a related location.
fn judge_retention_rules(
    ctx: &Context<'_>,
    out: &mut Vec<Finding>,
    rule: &'static Rule,
    judge: fn(&Retention) -> Verdict,
) {
    for (found, users) in ctx.uses.retention_rules() {
        // A conditional retention is judged case by case; the first fault is reported.
        let Some((message, hint)) = found.entry.period.walk().find_map(judge) else {
            continue;
        };
        let mut finding = ctx.finding(
            rule,
            (found.subject, found.path().key("period")),
            message!("retention rule `{}` {message}", found.entry.id),
            hint,
        );
        for (activity, i) in users {
            finding = finding.related(
                activity.at_index("retention", *i),
                message!("used by activity {}", activity.name()),
            );
        }
        out.push(finding);
    }
}

/// Why the recorded facts contradict a cookie's privacy-friendly-analytics class, if they do:
/// the Tw art 11.7a(3)(c) exemption holds only when the AP's conditions are met (processor
/// agreement, masked IP address, no sharing with the vendor), whatever the label says.
fn cookie_class_contradiction(ctx: &Context<'_>, cookie: &Cookie) -> Option<String> {
    if cookie.class != CookieClass::PrivacyFriendlyAnalytics {
        return None;
    }
    if cookie.shared_with_vendor == Some(true) {
        return Some("its data go to the vendor for the vendor's own purposes".to_owned());
    }
    if cookie.ip_masked == Some(false) {
        return Some("the IP address is not masked".to_owned());
    }
    if cookie.identifies_across_sites == Some(true) {
        return Some("it identifies users across websites".to_owned());
    }
    let processor = cookie.processor.as_ref()?;
    let found = ctx.find::<Processor>(processor.as_str())?;
    let agreed = found.entry.agreement.as_ref().is_some_and(|a| a.in_place);
    (!agreed).then(|| message!("its processor `{processor}` has no processor agreement"))
}

/// The class a cookie's facts allow: privacy-friendly analytics whose facts contradict the
/// label count as other analytics, which need consent.
fn effective_cookie_class(ctx: &Context<'_>, cookie: &Cookie) -> CookieClass {
    match cookie_class_contradiction(ctx, cookie) {
        Some(_) => CookieClass::OtherAnalytics,
        None => cookie.class,
    }
}

/// The activity's automated decision-making when it takes decisions based solely on automated
/// processing with legal or similarly significant effects: the decisions Art 22(1) forbids
/// unless an Art 22(2) exception applies.
fn significant_automated_decisions(activity: &ProcessingActivity) -> Option<&AutomatedDecisionMaking> {
    activity
        .automated_decision_making
        .as_ref()
        .filter(|adm| adm.is_art22_decision())
}

/// A field of the activity's `automated_decision_making`.
fn adm_field(activity: &ActivityRef<'_>, field: &'static str) -> (Subject, FieldPath) {
    let (subject, path) = activity.at("automated_decision_making");
    (subject, path.key(field))
}
