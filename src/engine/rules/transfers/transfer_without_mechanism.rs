//! `transfer-without-mechanism`: data go outside the EEA without a Chapter V mechanism, or
//! without the activity declaring the transfer at all.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "transfer-without-mechanism",
    severity: Severity::Error,
    articles: &["GDPR Art 44", "GDPR Art 30(1)(e)"],
    summary: "data go to a country outside the EEA without a declared transfer and Chapter V mechanism",
    why: "Personal data may only go to a country outside the EEA under a Chapter V mechanism: an \
          adequacy decision (Art 45), appropriate safeguards such as standard contractual clauses \
          (Art 46), or a derogation (Art 49). The register must list every such transfer with its \
          safeguards (Art 30(1)(e)). A processor or sub-processor that processes the data outside \
          the EEA makes a transfer too, so an activity that uses one must declare the transfer.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  processors:\n    - { id: enquetetool, name: Survey Inc., locations: [US], agreement: { in_place: true } }\nactivities:\n  - id: enquete\n    name: Enquête\n    processors: [enquetetool]\n    transfers:\n      - { country: US, processor: enquetetool }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  processors:\n    - { id: enquetetool, name: Survey Inc., locations: [US], agreement: { in_place: true } }\nactivities:\n  - id: enquete\n    name: Enquête\n    processors: [enquetetool]\n    transfers:\n      - { country: US, processor: enquetetool, mechanism: standard_contractual_clauses, transfer_impact_assessment: TIA-2025-04 }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (activity, used_processors) in ctx.activities().zip(super::processors(super::uses(ctx))) {
        for (transfer, at) in super::third_country_transfers(&activity) {
            if transfer.mechanism.is_none() {
                out.push(ctx.finding(
                    &RULE,
                    at,
                    message!(
                        "the transfer to `{}` names no Chapter V mechanism",
                        transfer.country
                    ),
                    "add `mechanism`: `adequacy` where an adequacy decision covers the country, an Art 46 \
                     safeguard such as `standard_contractual_clauses`, or an Art 49 derogation; \
                     without one, stop the transfer",
                ));
            }
        }
        let transfers = &activity.activity.transfers;
        let declared = |processor: &Id, country: &CountryCode| {
            transfers
                .iter()
                .any(|t| t.processor.as_ref() == Some(processor) || &t.country == country)
        };
        for used in used_processors {
            let processor = used.found.entry;
            let id = &processor.id;
            let hint = |country: &CountryCode| {
                message!(
                    "declare it under the activity's `transfers`: `{{ country: {country}, processor: {id}, \
                     mechanism: ... }}` with its Chapter V mechanism; or choose a processor that keeps \
                     the data in the EEA"
                )
            };
            for (l, country) in processor.locations.iter().enumerate() {
                if !country.is_eea() && !declared(id, country) {
                    out.push(
                        ctx.finding(
                            &RULE,
                            used.at.located(),
                            message!(
                                "processor `{id}` processes data in `{country}`: a transfer outside the \
                                 EEA that activity {} does not declare",
                                activity.name()
                            ),
                            hint(country),
                        )
                        .related(
                            (used.found.subject, used.found.path().key("locations").index(l)),
                            "where the processor processes the data",
                        ),
                    );
                }
            }
            for (s, sub) in processor.sub_processors.iter().enumerate() {
                for (l, country) in sub.locations.iter().enumerate() {
                    if !country.is_eea() && !declared(id, country) {
                        let at = (used.found.path().key("sub_processors").index(s))
                            .key("locations")
                            .index(l);
                        out.push(
                            ctx.finding(
                                &RULE,
                                used.at.located(),
                                message!(
                                    "processor `{id}` engages {} in `{country}`: a transfer outside \
                                     the EEA that activity {} does not declare",
                                    super::sub_processor(sub),
                                    activity.name()
                                ),
                                hint(country),
                            )
                            .related(
                                (used.found.subject, at),
                                "where the sub-processor processes the data",
                            ),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{
        COMPLIANT_PROPOSAL, findings_of, parse_proposal, parse_register as parse, register, rule_tests,
    };

    rule_tests!(RULE);

    #[test]
    fn fires_on_a_transfer_without_mechanism() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
activities:
  - id: enquete
    name: Enquête
    transfers:
      - { country: CN }
"#;
        let findings = findings_of(&RULE, &parse(text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/transfers/0");
        assert_eq!(
            findings[0].message,
            "the transfer to `CN` names no Chapter V mechanism"
        );
    }

    #[test]
    fn fires_on_an_undeclared_sub_processor_abroad() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  processors:
    - id: zaaksysteem
      name: Zaaksysteemleverancier B.V.
      locations: [NL]
      agreement: { in_place: true }
      sub_processors:
        - { name: Hosting B.V., locations: [NL, IN], authorisation: general }
  systems:
    - { id: zaaksysteem, name: Zaaksysteem, processor: zaaksysteem, locations: [NL] }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    processors: [zaaksysteem]
    systems: [zaaksysteem]
"#;
        let findings = findings_of(&RULE, &parse(text), None);
        // `zaaksysteem` is listed under `processors` and behind the system: one finding.
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].path.to_string(), "/activities/0/processors/0");
        assert!(
            findings[0]
                .message
                .contains("sub-processor `Hosting B.V.` in `IN`")
        );
        assert_eq!(
            findings[0].related[0].path.to_string(),
            "/catalogues/processors/0/sub_processors/0/locations/1"
        );
        // Declaring a transfer to that country settles it.
        let text = text.to_owned()
            + "    transfers:\n      - { country: IN, mechanism: standard_contractual_clauses }\n";
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    #[test]
    fn applies_to_a_proposal() {
        let p = parse_proposal(&(COMPLIANT_PROPOSAL.to_owned() + "  transfers:\n    - { country: US }\n"));
        let findings = findings_of(&RULE, &register(), Some(&p));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].subject, Subject::Proposal);
    }
}
