//! `statement-transfers-contradicted`: the statement keeps data in the EU or EEA, but an activity
//! sends or stores them elsewhere.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "statement-transfers-contradicted",
    severity: Severity::Error,
    articles: &["GDPR Art 13(1)(f)", "GDPR Art 30(1)(e)", "GDPR Art 44"],
    summary: "the statement keeps data in the EU or EEA, but an activity transfers or stores them elsewhere",
    why: "\"All our data stay within the European Union\" is a promise about transfers \
          (Art 13(1)(f)). A transfer to a third country, or a processor that stores data outside \
          the promised area, breaks it — and the statement must then name the transfer and its \
          safeguards instead.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  transfers: eu_only\ncatalogues:\n  processors:\n    - { id: crm, name: CRM-aanbieder, locations: [US], agreement: { in_place: true } }\nactivities:\n  - { id: contact, name: Contactbeheer, processors: [crm] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  transfers: eu_only\ncatalogues:\n  processors:\n    - { id: crm, name: CRM-aanbieder, locations: [NL], agreement: { in_place: true } }\nactivities:\n  - { id: contact, name: Contactbeheer, processors: [crm] }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

/// EEA members outside the EU.
const EEA_NOT_EU: [&str; 3] = ["IS", "LI", "NO"];

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(commitment) = ctx.register.statement.as_ref().and_then(|s| s.transfers) else {
        return;
    };
    let outside = |country: &CountryCode| match commitment {
        TransferCommitment::EeaOnly => !country.is_eea(),
        TransferCommitment::EuOnly => {
            (!country.is_eea() || EEA_NOT_EU.contains(&country.as_str())) && country.as_str() != "EU"
        }
        TransferCommitment::Declared => false,
    };
    for activity in ctx.activities() {
        let mut report = |at: (Subject, FieldPath), country: &CountryCode, how: String| {
            out.push(
                ctx.finding(
                    &RULE,
                    at,
                    message!("activity {} {how} `{country}`, but the statement promises `{commitment}`", activity.name()),
                    "keep the data in the promised area, or set `statement.transfers: declared` and describe the transfer and its safeguards",
                )
                .related(super::statement_field("transfers"), "the statement's promise"),
            );
        };
        for (t, transfer) in activity.activity.transfers.iter().enumerate() {
            if outside(&transfer.country) {
                let (subject, path) = activity.at_index("transfers", t);
                report(
                    (subject, path.key("country")),
                    &transfer.country,
                    "transfers data to".into(),
                );
            }
        }
        for (p, id, found) in ctx.resolved::<Processor>(&activity) {
            let Some(found) = found else {
                continue;
            };
            for country in found.entry.locations.iter().filter(|c| outside(c)) {
                report(
                    activity.at_index("processors", p),
                    country,
                    message!("uses processor `{id}` located in"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
