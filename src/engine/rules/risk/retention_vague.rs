//! `retention-vague`: a retention rule that only restates "as long as necessary", or reserves an
//! open-ended extension, sets no time limit.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "retention-vague",
    severity: Severity::Warning,
    articles: &["GDPR Art 5(1)(e)", "GDPR Art 13(2)(a)"],
    summary: "a retention rule sets no time limit: only \"as long as necessary\", or an open-ended extension",
    why: "Personal data may be kept no longer than necessary (Art 5(1)(e)), and people must be told \
          the period, or where that is not possible the criteria that decide it (Art 13(2)(a)). \
          \"As long as necessary\" restates the principle without a limit that anyone can check, and \
          a period \"or as much longer as needed\" has no end. Give a period after an event, or the \
          Archiefwet selectielijst category that applies.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: aanmeldingen
      label: Aanmeldingen bijeenkomsten
      period: { as_long_as_necessary: {} }
activities:
  - id: bijeenkomsten
    name: Aanmelden voor bijeenkomsten
    retention: [aanmeldingen]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: aanmeldingen
      label: Aanmeldingen bijeenkomsten
      period: { after_event: { period: P1M, event: event_end } }
activities:
  - id: bijeenkomsten
    name: Aanmelden voor bijeenkomsten
    retention: [aanmeldingen]
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
    const PERIOD: &str = "a period after an event, e.g. `after_event: { period: P1Y, event: case_closed }`, or the selectielijst category that applies";
    let verdict = match retention {
        Retention::AsLongAsNecessary { criteria: None } => (
            "only says data are kept as long as necessary, which restates the principle and sets no time limit".to_owned(),
            message!("replace `as_long_as_necessary` with {PERIOD}"),
        ),
        Retention::AsLongAsNecessary { criteria: Some(criteria) } => (
            message!("keeps data as long as necessary by the criteria `{criteria}`, which set no time limit"),
            message!("replace `as_long_as_necessary` with {PERIOD}; the criteria may stay in the statement"),
        ),
        Retention::AfterEvent(after) => {
            let extension = after.extended_while.as_ref()?;
            (
                message!(
                    "extends its period of `{}` for as long as `{extension}`, without an end",
                    after.period
                ),
                "remove `extended_while` and set `up_to` to the longest the extension may last".to_owned(),
            )
        }
        _ => return None,
    };
    Some(verdict)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{
        COMPLIANT_PROPOSAL, findings_of, parse_proposal, parse_register as parse, register, rule_tests,
    };

    rule_tests!(RULE);

    #[test]
    fn criteria_are_named_but_still_no_limit() {
        let text = RULE.non_compliant.replace(
            "{ as_long_as_necessary: {} }",
            "{ as_long_as_necessary: { criteria: zolang het abonnement loopt } }",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("`zolang het abonnement loopt`"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn an_open_ended_extension_is_vague() {
        let text = RULE.compliant.replace(
            "event: event_end }",
            "event: event_end, extended_while: nodig voor het nazenden van informatie }",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].path.to_string(),
            "/catalogues/retention_rules/0/period"
        );
        assert_eq!(
            findings[0].related[0].path.to_string(),
            "/activities/0/retention/0"
        );
        assert!(findings[0].message.contains("`P1M`"), "{}", findings[0].message);
    }

    #[test]
    fn a_rule_shared_by_activities_is_reported_once() {
        let text = RULE.non_compliant.to_owned()
            + "  - id: terugblik\n    name: Terugblik op bijeenkomsten versturen\n    retention: [aanmeldingen]\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].related.len(), 2);
    }

    #[test]
    fn a_proposal_using_a_vague_rule_it_introduces_is_reported_there() {
        let p = parse_proposal(
            &COMPLIANT_PROPOSAL
                .replace(
                    "activity:\n",
                    "introduces:\n  retention_rules:\n    - { id: portaal, label: Portaal, period: { as_long_as_necessary: {} } }\nactivity:\n",
                )
                .replace("retention: [wmo_dossier]", "retention: [portaal]"),
        );
        let findings = findings_of(&RULE, &register(), Some(&p));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].subject, Subject::Proposal);
        assert_eq!(
            findings[0].path.to_string(),
            "/introduces/retention_rules/0/period"
        );
    }
}
