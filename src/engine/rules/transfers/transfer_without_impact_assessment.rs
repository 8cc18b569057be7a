//! `transfer-without-impact-assessment`: a transfer on contractual or corporate safeguards names
//! no transfer impact assessment.

use super::adequacy::{AdequacyScope, Coverage};
use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "transfer-without-impact-assessment",
    severity: Severity::Warning,
    articles: &["GDPR Art 46(1)", "CJEU C-311/18 (Schrems II)"],
    summary: "a transfer under standard clauses or binding corporate rules names no transfer impact assessment",
    why: "Standard contractual clauses, binding corporate rules and other contractual safeguards \
          only bind the parties: they do not stop the authorities of the destination country from \
          accessing the data. Since Schrems II (CJEU C-311/18, 16 July 2020) the exporter must \
          assess, case by case, whether the law and practice of that country let the safeguards \
          work, and add supplementary measures where they do not (EDPB Recommendations 01/2020). \
          Art 46(1) requires that data subjects keep enforceable rights and effective remedies. \
          The register should name that assessment. Transfers to a country with an adequacy \
          decision covering all its recipients are not reported.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: enquete\n    name: Enquête\n    transfers:\n      - { country: US, processor: enquetetool, mechanism: standard_contractual_clauses }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: enquete\n    name: Enquête\n    transfers:\n      - { country: US, processor: enquetetool, mechanism: standard_contractual_clauses, transfer_impact_assessment: TIA-2025-04 }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Transfers],
    since: "0.1.0",
    check,
};

const CONTRACTUAL: [TransferMechanism; 4] = [
    TransferMechanism::StandardContractualClauses,
    TransferMechanism::BindingCorporateRules,
    TransferMechanism::SupervisoryAuthorityClauses,
    TransferMechanism::AdHocClauses,
];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.activities() {
        for (transfer, at) in super::third_country_transfers(&activity) {
            let Some(mechanism) = transfer.mechanism.filter(|m| CONTRACTUAL.contains(m)) else {
                continue;
            };
            if transfer.transfer_impact_assessment.is_some() {
                continue;
            }
            let country = &transfer.country;
            if matches!(super::coverage(ctx, country), Coverage::InForce(d) if d.scope == AdequacyScope::Full)
            {
                continue;
            }
            out.push(ctx.finding(
                &RULE,
                at,
                message!(
                    "the transfer to `{country}` under `{mechanism}` names no transfer impact assessment"
                ),
                message!(
                    "assess whether the law and practice of `{country}` let the safeguards work, add \
                     supplementary measures under `safeguards` where needed, and record the assessment's \
                     reference as `transfer_impact_assessment`"
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    /// The example's transfer under standard clauses without an assessment, to `country`.
    fn scc(country: &str) -> Register {
        parse(
            &RULE
                .non_compliant
                .replace("country: US", &format!("country: {country}")),
        )
    }

    rule_tests!(RULE);

    #[test]
    fn path_and_adequate_countries() {
        let findings = findings_of(&RULE, &scc("IN"), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/transfers/0");
        // Switzerland has a full adequacy decision; Canada's covers only commercial organisations.
        assert!(findings_of(&RULE, &scc("CH"), None).is_empty());
        assert_eq!(findings_of(&RULE, &scc("CA"), None).len(), 1);
    }
}
