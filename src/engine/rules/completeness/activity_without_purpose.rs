//! `activity-without-purpose`: every activity needs at least one purpose.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "activity-without-purpose",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(b)", "GDPR Art 5(1)(b)"],
    summary: "an activity does not state its purposes, or says it has none",
    why: "The register must state the purposes of each processing activity (Art 30(1)(b)), and personal data may only be collected for specified, explicit purposes (Art 5(1)(b)). Without a purpose neither the lawful basis nor the retention can be judged.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    purposes: not_stated   # \"Doel: niet vermeld\"\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    purposes: [aanmelden_bijeenkomsten]\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::require_list(
        ctx,
        out,
        &RULE,
        "purposes",
        |a| &a.purposes,
        "purposes",
        "add the purpose ids under `purposes`, declared in `catalogues.purposes`",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn an_explicit_none_is_reported_as_such() {
        let text = RULE
            .non_compliant
            .replace("purposes: not_stated", "purposes: none");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.ends_with("says it has no purposes"),
            "{}",
            findings[0].message
        );
    }
}
