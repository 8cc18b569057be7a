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
    // own categories are read here.
    for activity in ctx.gdpr_activities() {
        for (_, found) in ctx.data_categories(&activity) {
            let id = found.entry.id.as_str();
            let judged = match found.subject {
                Subject::Register => ctx.unmarked_political.get(found.position).copied(),
                Subject::Proposal => None,
            };
            if !judged.unwrap_or_else(|| unmarked_political(found.entry)) {
                continue;
            }
            out.push(ctx.finding(
                &RULE,
                (found.subject, found.path()),
                message!(
                    "data category `{id}` (\"{}\") speaks of political opinions but is not marked as a special category",
                    found.entry.label
                ),
                "add `special_category: political_opinions` to the entry, and give the activities that use it an Art 9(2) condition, e.g. `manifestly_made_public` or the UAVG ground `political_opinions_for_public_functions`",
            ));
        }
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
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }
}
