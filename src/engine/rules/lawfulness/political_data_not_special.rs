//! `political-data-not-special`: data about political opinions or party affiliation are a
//! special category.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "political-data-not-special",
    severity: Severity::Warning,
    articles: &["GDPR Art 9(1)"],
    summary: "a data category speaks of political opinions but is not marked as a special category",
    why: "Data revealing political opinions are a special category (Art 9(1)). In Dutch practice \
          that includes the party affiliation of council members, even when public: processing \
          it needs an Art 9(2) condition, usually data manifestly made public (Art 9(2)(e)) or \
          UAVG art 26. The rule reads the labels and descriptions of the data categories \
          activities use for Dutch and English words about politics and party membership. \
          \"Partij\" alone is not enough, because Dutch also uses it for a party to a contract \
          (\"derde partij\", \"contractpartij\").",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: fractie, label: Fractie van het raadslid }
activities:
  - id: raadsleden
    name: Gegevens van raadsleden publiceren
    data_categories: [fractie]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: fractie, label: Fractie van het raadslid, special_category: political_opinions }
activities:
  - id: raadsleden
    name: Gegevens van raadsleden publiceren
    data_categories: [fractie]
"#,
    scope: Scope::Activity,
    triggers: &[Trigger::UnmarkedPolitical],
    since: "0.1.0",
    check,
};

/// Lowercase fragments of Dutch and English words that speak of political opinions.
const POLITICAL: &[&str] = &[
    "politiek",
    "political",
    "partijlid",
    "partijvoorkeur",
    "partijkeuze",
    "partijaffiliatie",
    "partij-affiliatie",
    "fractie",
    "stemvoorkeur",
    "party affiliation",
    "party membership",
    "party preference",
    "voting preference",
];

/// Whether the category's words speak of political opinions while it is not marked special.
pub(crate) fn unmarked_political(category: &DataCategory) -> bool {
    !category.is_special() && political(category)
}

fn political(category: &DataCategory) -> bool {
    let text = message!(
        "{} {}",
        category.label,
        category.description.as_deref().unwrap_or_default()
    )
    .to_lowercase();
    POLITICAL.iter().any(|word| text.contains(word))
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    // The register's categories were judged once, with the engine's facts; only a proposal's
    // own categories are read here. Each entry is reported once, with the activities that use
    // it: a proposal that uses a register entry is shown the finding where it uses it.
    let unmarked = crate::engine::rules::group_by_entry(ctx.gdpr_activities().flat_map(|activity| {
        ctx.data_categories(&activity).filter_map(move |(i, found)| {
            let judged = match found.subject {
                Subject::Register => ctx.unmarked_political.get(found.position).copied(),
                Subject::Proposal => None,
            };
            judged
                .unwrap_or_else(|| unmarked_political(found.entry))
                .then_some((found, (activity, i)))
        })
    }));
    for (found, users) in &unmarked {
        let id = found.entry.id.as_str();
        let mut finding = ctx.finding(
            &RULE,
            (found.subject, found.path()),
            message!(
                "data category `{id}` (\"{}\") speaks of political opinions but is not marked as a special category",
                found.entry.label
            ),
            "add `special_category: political_opinions` to the entry, and give the activities that use it an Art 9(2) condition, e.g. `manifestly_made_public` or the UAVG ground `political_opinions_for_public_functions`",
        );
        for (activity, i) in users {
            finding = finding.related(
                activity.at_index("data_categories", *i),
                message!("used by activity {}", activity.name()),
            );
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    /// The non-compliant example with the data category worded as `words` instead.
    fn worded(words: &str) -> String {
        RULE.non_compliant
            .replace("label: Fractie van het raadslid", words)
    }

    rule_tests!(RULE);

    #[test]
    fn english_descriptions_are_read() {
        let text = worded("label: Raadslid, description: Name and party affiliation of council members");
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }

    #[test]
    fn a_contract_party_is_not_political() {
        let text = worded("label: Contactpersoon derde partij, description: Contractpartij van de gemeente");
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    #[test]
    fn one_finding_however_many_activities_use_it() {
        let text = worded("label: Partijlidmaatschap")
            + "  - id: raadsinformatie\n    name: Raadsinformatie versturen\n    data_categories: [fractie]\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        // With every activity that uses it as a related place.
        let related: Vec<String> = findings[0].related.iter().map(|r| r.path.to_string()).collect();
        assert_eq!(
            related,
            [
                "/activities/0/data_categories/0",
                "/activities/1/data_categories/0"
            ]
        );
    }

    /// A proposal that uses an unmarked register entry is shown the finding where it uses it,
    /// with the entry as related place, as for the other register entries a proposal uses (it
    /// was left at the register's entry, with no link to the proposal). Its compliant twin: the
    /// entry marked special.
    #[test]
    fn a_proposal_is_shown_the_finding_where_it_uses_the_entry() {
        let proposal = crate::engine::rules::testing::parse_proposal(
            "activity:\n  id: nieuw\n  name: Nieuw\n  data_categories: [naam, fractie]\n",
        );
        let evaluate = |register: &str| {
            crate::engine::evaluate(&parse(register), &proposal)
                .report
                .findings
        };
        let findings: Vec<_> = (evaluate(&worded("label: Partijlidmaatschap")).into_iter())
            .filter(|f| f.rule == RULE.id)
            .collect();
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].subject, Subject::Proposal);
        assert_eq!(findings[0].path.to_string(), "/activity/data_categories/1");
        assert_eq!(
            findings[0].related[0].path.to_string(),
            "/catalogues/data_categories/0"
        );
        let marked = RULE
            .compliant
            .replace("Fractie van het raadslid", "Partijlidmaatschap");
        assert!(evaluate(&marked).iter().all(|f| f.rule != RULE.id));
    }
}
