//! `security-description-missing`: the register should describe the security of each activity,
//! or the statement the baseline that covers all of them.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "security-description-missing",
    severity: Severity::Warning,
    articles: &["GDPR Art 30(1)(g)", "GDPR Art 32"],
    summary: "an activity does not state its security measures (nor does the register by default) and the statement names no security baseline",
    why: "The register should describe, where possible, the technical and organisational security \
          measures of Art 32 (Art 30(1)(g)). Dutch public bodies usually do so once, by following \
          the Baseline Informatiebeveiliging Overheid (BIO), and per activity where more is \
          needed. When neither the activity nor the statement says anything about security, the \
          register cannot show that the data are protected.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  title: Privacyverklaring\nactivities:\n  - id: nieuwsbrief\n    name: Nieuwsbrief versturen\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  title: Privacyverklaring\n  security_baseline: { standard: bio, version: \"1.04\" }\nactivities:\n  - id: nieuwsbrief\n    name: Nieuwsbrief versturen\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let baseline = ctx
        .register
        .statement
        .as_ref()
        .is_some_and(|s| s.security_baseline.is_some());
    if baseline {
        return;
    }
    for activity in ctx.gdpr_activities() {
        let measures = ctx.register.defaults.security_measures(activity.activity);
        let state = match measures {
            Listed::Items(_) => continue,
            Listed::NotStated => "does not state its security measures",
            Listed::None => "says it has no security measures",
        };
        out.push(ctx.finding(
                &RULE,
                activity.at("security_measures"),
                message!(
                    "activity {} {state}, and the statement names no security baseline",
                    activity.name()
                ),
                "list the measures under `security_measures`, declared in `catalogues.security_measures`, or name the baseline followed in `statement.security_baseline`, e.g. `{ standard: bio, version: \"1.04\" }`",
            ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    /// Measures the register states once, as a default for every activity, count for each.
    #[test]
    fn register_wide_default_measures_count() {
        assert_eq!(findings_of(&RULE, &parse(RULE.non_compliant), None).len(), 1);
        let r = parse(&RULE.non_compliant.replace(
            "activities:",
            "catalogues:\n  security_measures:\n    - { id: versleuteling, label: Versleuteling van verbindingen, category: encryption_in_transit }\ndefaults:\n  security_measures: [versleuteling]\nactivities:",
        ));
        assert!(r.defaults.security_measures.is_stated());
        assert!(findings_of(&RULE, &r, None).is_empty());
    }
}
