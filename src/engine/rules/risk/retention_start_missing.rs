//! `retention-start-missing`: a retention period that does not say from when it runs.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "retention-start-missing",
    severity: Severity::Warning,
    articles: &["GDPR Art 30(1)(f)", "GDPR Art 13(2)(a)", "GDPR Art 5(1)(e)"],
    summary: "a retention period does not say from which event it runs",
    why: "\"5 jaar\" is not a time limit until it says five years after what: after collection, \
          after the case is closed, after the contract ends. The difference can be decades (a \
          case that stays open), so neither the data subject (Art 13(2)(a)) nor the person who \
          must erase the data (Art 5(1)(e)) can apply a period without its start.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: bezwaar
      label: Bezwaardossier
      period: { after_event: { period: P5Y } }
activities:
  - id: bezwaarschriften
    name: Bezwaarschriften behandelen
    retention: [bezwaar]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: bezwaar
      label: Bezwaardossier
      period: { after_event: { period: P5Y, event: case_closed } }
activities:
  - id: bezwaarschriften
    name: Bezwaarschriften behandelen
    retention: [bezwaar]
"#,
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::judge_retention_rules(ctx, out, &RULE, judge);
}

fn judge(retention: &Retention) -> Option<(String, String)> {
    let Retention::AfterEvent(after) = retention else {
        return None;
    };
    after.event.is_none().then(|| {
        (
            message!("keeps data for `{}` but does not say from when", after.period),
            "add the `event` the period runs from, e.g. `event: case_closed` or `event: collection` (and `event_label` with the register's own words)".to_owned(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
