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
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(activity) = super::proposed(ctx) else {
        return;
    };
    let new = |country: &CountryCode| !country.is_eea() && !ctx.facts.transfer_countries.contains(country);
    let mut report = |at: (Subject, FieldPath), country: &CountryCode, how: String| {
        let finding = ctx.finding(
            &RULE,
            at,
            format!("the proposal {how} `{country}`, a third country the register does not transfer to"),
            "choose a processor in the EEA, or declare the transfer with its Chapter V mechanism in the register and the statement",
        );
        out.push(super::with_promise(
            ctx,
            finding,
            "transfers",
            |s| s.transfers.is_some(),
            "what the statement says about transfers",
        ));
    };
    for (t, transfer) in activity.activity.transfers.iter().enumerate() {
        if new(&transfer.country) {
            let (subject, path) = activity.at_index("transfers", t);
            report(
                (subject, path.key("country")),
                &transfer.country,
                "transfers data to".to_owned(),
            );
        }
    }
    for (p, id) in activity.activity.processors.iter().enumerate() {
        let Some(found) = ctx.find::<Processor>(id.as_str()) else {
            continue;
        };
        for country in found.entry.locations.iter().filter(|c| new(c)) {
            report(
                activity.at_index("processors", p),
                country,
                format!("uses processor `{id}`, located in"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::proposal_rule_tests;

    fn in_country(r: &mut Register, code: &str) {
        r.catalogues.processors[0].locations = vec![CountryCode::parse(code).expect("code")];
    }

    proposal_rule_tests!(
        RULE,
        fire = |r, _| in_country(r, "US"),
        silent = |r, _| in_country(r, "BE")
    );
}
