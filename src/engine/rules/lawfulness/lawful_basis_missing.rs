//! `lawful-basis-missing`: every activity governed by the GDPR needs an Art 6(1) lawful basis.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "lawful-basis-missing",
    severity: Severity::Error,
    articles: &["GDPR Art 6(1)", "GDPR Art 30(1)"],
    summary: "an activity names no lawful basis",
    why: "Processing is lawful only if one of the Art 6(1) bases applies, and the controller must \
          be able to show which (Art 5(2)). The register is where that choice is documented, and \
          the privacy statement, the rights that apply and the retention all follow from it. \
          Activities under the Police Data Act or the Judicial Data Act fall outside the GDPR \
          (Art 2(2)(d)) and are not checked.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: wmo_melding\n    name: Wmo-melding behandelen\n    lawful_bases: []\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: wmo_melding\n    name: Wmo-melding behandelen\n    lawful_bases:\n      - { basis: public_task, legal_provision: \"Wmo 2015 art. 2.3.2\" }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let hint = if ctx.public_authority() {
        "add the Art 6(1) basis under `lawful_bases`, e.g. `- { basis: public_task, legal_provision: \"Gemeentewet art. 160\" }`"
    } else {
        "add the Art 6(1) basis under `lawful_bases`, e.g. `- { basis: contract }` or `- { basis: legitimate_interests, legitimate_interest: \"...\" }`"
    };
    for activity in ctx.gdpr_activities() {
        let a = activity.activity;
        let message = if a.lawful_bases.is_empty() {
            message!("activity {} names no lawful basis", activity.name())
        } else {
            // Bases that each cover only some purposes or data categories can leave the rest
            // without any: every purpose and every category needs one.
            let uncovered_purposes = uncovered(&a.purposes, a.lawful_bases.iter().map(|b| &b.purposes));
            let uncovered_categories = uncovered(
                &a.data_categories,
                a.lawful_bases.iter().map(|b| &b.data_categories),
            );
            let (what, ids) = match (uncovered_purposes.is_empty(), uncovered_categories.is_empty()) {
                (false, _) => ("purposes", uncovered_purposes),
                (true, false) => ("data categories", uncovered_categories),
                (true, true) => continue,
            };
            message!(
                "activity {} names a lawful basis only for some of its {what}; {} have none",
                activity.name(),
                ids.iter()
                    .map(|id| message!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        out.push(ctx.finding(&RULE, activity.at("lawful_bases"), message, hint));
    }
}

/// The ids of `all` that no basis covers, where every basis lists the ids it covers (a basis
/// that lists none covers all).
fn uncovered<'a, 'b>(all: &'a [Id], covered: impl Iterator<Item = &'b Vec<Id>>) -> Vec<&'a Id> {
    let mut lists = Vec::new();
    for list in covered {
        if list.is_empty() {
            return Vec::new();
        }
        lists.push(list);
    }
    all.iter()
        .filter(|id| !lists.iter().any(|list| list.contains(id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{
        findings_of, parse_proposal, parse_register as parse, register, rule_tests,
    };

    rule_tests!(RULE);

    #[test]
    fn applies_to_a_proposed_activity() {
        let p = parse_proposal(
            r#"rationale: Wmo-meldingen ook via het nieuwe klantportaal aannemen
activity:
  id: wmo_portaal
  name: Wmo-melding via klantportaal
  purposes: [wmo]
  data_subjects: [inwoners]
  data_categories: [naam, adres]
  lawful_bases: []
"#,
        );
        let findings = findings_of(&RULE, &register(), Some(&p));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].subject, Subject::Proposal);
        assert_eq!(findings[0].path.to_string(), "/activity/lawful_bases");
    }

    /// A basis that covers only some data categories (consent only for medical data from other
    /// institutions) leaves the others without one.
    #[test]
    fn bases_for_some_categories_leave_the_rest_without_one() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: naam, label: Naam, kind: identification }
    - { id: adres, label: Adres, kind: contact }
    - { id: bsn, label: Burgerservicenummer, national_id: bsn }
    - { id: gezondheid, label: Gezondheidsgegevens, special_category: health }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    data_categories: [naam, adres, bsn, gezondheid]
    lawful_bases:
      - { basis: public_task, legal_provision: "Wmo 2015 art. 2.3.2", data_categories: [gezondheid] }
"#;
        let findings = findings_of(&RULE, &parse(text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .ends_with("only for some of its data categories; `naam`, `adres`, `bsn` have none"),
            "{}",
            findings[0].message
        );
        let text = text.replace(", data_categories: [gezondheid] }", " }");
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
