//! `unused-catalogue-entry`: a catalogue entry no activity uses.

use foldhash::{HashSet, HashSetExt};

use crate::engine::index::catalogue_ids;
use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "unused-catalogue-entry",
    severity: Severity::Info,
    articles: &["GDPR Art 30(1)", "GDPR Art 5(1)(c)"],
    summary: "a catalogue entry is not used by any activity",
    why: "An entry no activity refers to either describes processing that no longer happens, or \
          processing the register forgot to list. Either way the register no longer matches \
          practice; remove the entry or add it to the activity that uses it.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  data_categories:\n    - { id: naam, label: Naam }\n    - { id: fax, label: Faxnummer }\nactivities:\n  - { id: contact, name: Contact, data_categories: [naam] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  data_categories:\n    - { id: naam, label: Naam }\nactivities:\n  - { id: contact, name: Contact, data_categories: [naam] }\n",
    scope: Scope::Register,
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let register = ctx.register;
    let mut used: HashSet<(&str, &str)> = HashSet::new();
    for a in &register.activities {
        let lists: [(&str, &[Id]); 8] = [
            ("purposes", &a.purposes),
            ("data_subjects", &a.data_subjects),
            ("data_categories", &a.data_categories),
            ("retention_rules", &a.retention),
            ("recipients", &a.recipients),
            ("processors", &a.processors),
            ("systems", &a.systems),
            ("security_measures", &a.security_measures),
        ];
        for (key, ids) in lists {
            used.extend(ids.iter().map(|id| (key, id.as_str())));
        }
        for cookie in &a.cookies {
            used.extend(cookie.purposes.iter().map(|id| ("purposes", id.as_str())));
        }
        for t in &a.transfers {
            used.extend(t.recipient.iter().map(|id| ("recipients", id.as_str())));
            used.extend(t.processor.iter().map(|id| ("processors", id.as_str())));
        }
    }
    // A processor behind a used recipient or system, and measures of a used system or of an
    // Art 30(2) record, are in use too.
    let c = &register.catalogues;
    let used_recipients: Vec<&Recipient> = c
        .recipients
        .iter()
        .filter(|r| used.contains(&("recipients", r.id.as_str())))
        .collect();
    for r in used_recipients {
        used.extend(r.processor.iter().map(|id| ("processors", id.as_str())));
    }
    let used_systems: Vec<&System> = c
        .systems
        .iter()
        .filter(|s| used.contains(&("systems", s.id.as_str())))
        .collect();
    for s in used_systems {
        used.extend(s.processor.iter().map(|id| ("processors", id.as_str())));
        used.extend(
            s.security_measures
                .iter()
                .map(|id| ("security_measures", id.as_str())),
        );
    }
    used.extend(
        register
            .defaults
            .security_measures
            .iter()
            .map(|id| ("security_measures", id.as_str())),
    );
    for cookie in register.activities.iter().flat_map(|a| a.cookies.iter()) {
        used.extend(cookie.processor.iter().map(|id| ("processors", id.as_str())));
    }
    for rule in &c.retention_rules {
        used.extend(rule.systems.iter().map(|id| ("systems", id.as_str())));
    }
    for record in &register.processing_on_behalf {
        used.extend(
            record
                .security_measures
                .iter()
                .map(|id| ("security_measures", id.as_str())),
        );
    }
    for (key, noun, ids) in catalogue_ids(c) {
        for (i, id) in ids.into_iter().enumerate() {
            if !used.contains(&(key, id.as_str())) {
                out.push(ctx.finding(
                    &RULE,
                    (
                        Subject::Register,
                        FieldPath::root().key("catalogues").key(key).index(i).key("id"),
                    ),
                    message!("the {noun} `{id}` is not used by any activity"),
                    "add it to the activities that use it, or remove it from the register",
                ));
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
