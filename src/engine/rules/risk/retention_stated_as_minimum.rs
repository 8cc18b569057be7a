//! `retention-stated-as-minimum`: a retention period written as a minimum where the law asks for
//! the time limit for erasure.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "retention-stated-as-minimum",
    severity: Severity::Warning,
    articles: &["GDPR Art 5(1)(e)", "GDPR Art 30(1)(f)"],
    summary: "a retention period is stated as a minimum, not as the limit after which data are erased",
    why: "Some Dutch registers give the Archiefwet term as a \"minimale bewaartermijn\". The GDPR \
          asks the opposite: data are kept no longer than necessary (Art 5(1)(e)) and the register \
          gives the time limit for erasure (Art 30(1)(f)). A minimum leaves the maximum open, so \
          nothing says when the data must go.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: financiele_administratie
      label: Financiële administratie
      period: { after_event: { period: P7Y, event: case_closed, minimum: true } }
activities:
  - id: facturen
    name: Facturen verwerken
    retention: [financiele_administratie]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: financiele_administratie
      label: Financiële administratie
      period: { after_event: { period: P7Y, event: case_closed } }
activities:
  - id: facturen
    name: Facturen verwerken
    retention: [financiele_administratie]
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
    after.minimum.then(|| {
        (
            message!("gives `{}` as a minimum, not as the limit for erasure", after.period),
            "state the period after which the data are erased (and drop `minimum`), or give the range with `up_to`".to_owned(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
