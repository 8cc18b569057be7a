//! `proposal-new-transfer-country`: the proposal sends or stores data in a third country the
//! register does not transfer to.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-new-transfer-country",
    severity: Severity::Error,
    articles: &["GDPR Art 44", "GDPR Art 30(1)(e)", "GDPR Art 13(1)(f)"],
    summary: "the proposal transfers data to a third country the register does not transfer to",
    why: "Every transfer outside the EEA needs a Chapter V mechanism, an entry in the register \
          (Art 30(1)(e)) and a mention in the statement (Art 13(1)(f)). A destination the \
          register has never named needs all three before any data leave.",
    non_compliant: "introduces:\n  processors:\n    - { id: enquetetool, name: Survey Inc., locations: [US], agreement: { in_place: true } }\nactivity:\n  id: enquete\n  name: Enquête\n  processors: [enquetetool]\n",
    compliant: "introduces:\n  processors:\n    - { id: enquetetool, name: Enquête B.V., locations: [NL], agreement: { in_place: true } }\nactivity:\n  id: enquete\n  name: Enquête\n  processors: [enquetetool]\n",
    scope: Scope::Proposal,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(activity) = super::proposed(ctx) else {
        return;
    };
    let transfers = &activity.activity.transfers;
    let new = |country: &CountryCode| !country.is_eea() && !ctx.facts().transfer_countries.contains(country);
    let mut report = |at: (Subject, FieldPath),
                      country: &CountryCode,
                      how: String,
                      mechanism: Option<TransferMechanism>| {
        // The help follows what the proposal already gives: a transfer with its mechanism only
        // needs declaring; one without needs a mechanism first.
        let hint = match mechanism {
            Some(mechanism) => message!(
                "declare the transfer to `{country}` with its mechanism `{mechanism}` ({}) in the register and the statement",
                mechanism.article()
            ),
            None => "choose a processor in the EEA, or declare the transfer with its Chapter V mechanism in the register and the statement".to_owned(),
        };
        let finding = ctx.finding(
            &RULE,
            at,
            message!("the proposal {how} `{country}`, a third country the register does not transfer to"),
            hint,
        );
        out.push(super::with_promise(
            ctx,
            finding,
            "transfers",
            |s| s.transfers.is_some(),
            "what the statement says about transfers",
        ));
    };
    for (t, transfer) in transfers.iter().enumerate() {
        if new(&transfer.country) {
            let (subject, path) = activity.at_index("transfers", t);
            report(
                (subject, path.key("country")),
                &transfer.country,
                "transfers data to".to_owned(),
                transfer.mechanism,
            );
        }
    }
    for (p, id, found) in ctx.resolved::<Processor>(&activity) {
        let Some(found) = found else {
            continue;
        };
        // A processor location the proposal already declares as a transfer is that transfer:
        // report it once, where it is declared.
        let declared = |country: &CountryCode| {
            transfers
                .iter()
                .any(|t| &t.country == country || t.processor.as_ref() == Some(id))
        };
        for country in found.entry.locations.iter().filter(|c| new(c) && !declared(c)) {
            report(
                activity.at_index("processors", p),
                country,
                message!("uses processor `{id}`, located in"),
                None,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_proposal, register, rule_tests};

    rule_tests!(RULE);

    /// A processor abroad whose transfer the proposal declares is one transfer, reported once,
    /// and the help names the mechanism the proposal gives.
    #[test]
    fn one_transfer_is_reported_once_with_its_mechanism() {
        let p = parse_proposal(
            &(RULE.non_compliant.to_owned()
                + "  transfers:\n    - { country: US, processor: enquetetool, mechanism: standard_contractual_clauses }\n"),
        );
        let findings = findings_of(&RULE, &register(), Some(&p));
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert!(
            findings[0].hint.contains("`standard_contractual_clauses`"),
            "{}",
            findings[0].hint
        );
    }
}
