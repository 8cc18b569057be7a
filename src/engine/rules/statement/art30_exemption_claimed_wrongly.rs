//! `art30-exemption-claimed-wrongly`: the controller claims the Art 30(5) exemption from keeping a
//! register, but does not qualify.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "art30-exemption-claimed-wrongly",
    severity: Severity::Error,
    articles: &["GDPR Art 30(5)"],
    summary: "the Art 30(5) exemption is claimed by a controller that does not qualify",
    why: "Organisations with fewer than 250 employees need not keep a register — unless the \
          processing is likely to result in a risk, is not occasional, or includes special \
          categories or criminal data (Art 30(5)). Public authorities process continuously, so \
          the exemption is practically never available to them.",
    non_compliant: "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n  claims_art30_5_exemption: true\n",
    compliant: "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let controller = &ctx.register.controller;
    if !controller.claims_art30_5_exemption {
        return;
    }
    let mut reasons = Vec::new();
    if controller.public_authority {
        reasons.push("it is a public authority, whose processing is not occasional".to_owned());
    }
    if let Some(n) = controller.employees.filter(|n| *n >= 250) {
        reasons.push(message!("it has {n} employees"));
    }
    let sensitive = ctx.register.activities.iter().find(|a| {
        a.data_categories.iter().any(|id| {
            ctx.find::<DataCategory>(id.as_str())
                .is_some_and(|c| c.entry.is_special() || c.entry.criminal)
        })
    });
    if let Some(activity) = sensitive {
        reasons.push(message!(
            "activity `{}` processes special-category or criminal data",
            activity.id
        ));
    }
    if !reasons.is_empty() {
        out.push(
            ctx.finding(
                &RULE,
                (
                    Subject::Register,
                    FieldPath::root()
                        .key("controller")
                        .key("claims_art30_5_exemption"),
                ),
                message!("the Art 30(5) exemption is claimed, but {}", reasons.join("; ")),
                "remove `claims_art30_5_exemption` and keep the register",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
