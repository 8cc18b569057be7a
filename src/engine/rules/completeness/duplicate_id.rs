//! `duplicate-id`: two entries of one list share an id, so references to it are ambiguous.

use foldhash::{HashMap, HashMapExt};

use crate::engine::index::catalogue_ids;
use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "duplicate-id",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)", "GDPR Art 5(2)"],
    summary: "two catalogue entries or activities share an id",
    why: "Activities refer to catalogue entries by id. When two entries share one, a reference \
          could mean either, and the register no longer says unambiguously what is processed — \
          the controller must be able to demonstrate what it does (Art 5(2)).",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  purposes:\n    - { id: informeren, label: Informeren over bijeenkomsten }\n    - { id: informeren, label: Informeren over wijzigingen van diensten }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  purposes:\n    - { id: informeren_bijeenkomsten, label: Informeren over bijeenkomsten }\n    - { id: informeren_wijzigingen, label: Informeren over wijzigingen van diensten }\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let register = ctx.register;
    let mut lists: Vec<(FieldPath, &str, Vec<&Id>)> = catalogue_ids(&register.catalogues)
        .into_iter()
        .map(|(key, noun, ids)| (FieldPath::root().key("catalogues").key(key), noun, ids))
        .collect();
    lists.push((
        FieldPath::root().key("activities"),
        "activity",
        register.activities.iter().map(|a| &a.id).collect(),
    ));
    lists.push((
        FieldPath::root().key("processing_on_behalf"),
        "processing record",
        register.processing_on_behalf.iter().map(|p| &p.id).collect(),
    ));
    for (list, noun, ids) in lists {
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
        for (i, id) in ids.into_iter().enumerate() {
            if let Some(&earlier) = first.get(id.as_str()) {
                out.push(
                    ctx.finding(
                        &RULE,
                        (Subject::Register, list.clone().index(i).key("id")),
                        message!("the {noun} id `{id}` is already used"),
                        "give each entry its own id; references then name exactly one",
                    )
                    .related(
                        (Subject::Register, list.clone().index(earlier).key("id")),
                        "first used here",
                    ),
                );
            } else {
                first.insert(id.as_str(), i);
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
