//! `retention-unlimited`: a retention rule keeps data without any limit and without an
//! archival duty.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "retention-unlimited",
    severity: Severity::Error,
    articles: &["GDPR Art 5(1)(e)"],
    summary: "a retention rule keeps data without any time limit",
    why: "Personal data may be kept in a form that identifies people no longer than necessary for \
          the purpose (Art 5(1)(e)). Keeping them \"onbeperkt\", without a limit and without a \
          duty to archive them, breaches that principle outright. Permanent keeping that the \
          Archiefwet or a selectielijst requires is different: write it as `permanent`.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: contactgegevens
      label: Contactgegevens relaties
      period: { unlimited: {} }
activities:
  - id: relatiebeheer
    name: Relatiebeheer
    retention: [contactgegevens]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: contactgegevens
      label: Contactgegevens relaties
      period: { after_event: { period: P2Y, event: last_contact } }
activities:
  - id: relatiebeheer
    name: Relatiebeheer
    retention: [contactgegevens]
"#,
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::judge_retention_rules(ctx, out, &RULE, judge);
}

fn judge(retention: &Retention) -> super::Verdict {
    let Retention::Unlimited { reason } = retention else {
        return None;
    };
    let reason = reason
        .as_deref()
        .map(|r| message!(" (`{r}`)"))
        .unwrap_or_default();
    Some((
        message!("keeps data without any time limit{reason}"),
        "set the period after which the data are erased, e.g. `after_event: { period: P2Y, event: last_contact }`; if the Archiefwet requires keeping them, write `permanent: { legal_provision: ... }`".to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
