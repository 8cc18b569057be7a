//! The rule catalogue: one file per rule, named by its id, grouped by family.
//!
//! Each file declares one [`Rule`] (id, default severity, articles, summary, why, a
//! non-compliant and a compliant example) with its check and its tests. [`RULES`] lists them all;
//! `ropa rules`, `ropa explain`, SARIF metadata and `docs/rules.md` read it, so they cannot drift
//! apart.

use std::sync::LazyLock;

use super::rule::Rule;
use crate::model::{Period, Retention, RetentionEvent};

mod completeness;
mod lawfulness;
pub(crate) use lawfulness::unmarked_political;
mod proposal;
mod risk;
mod statement;
mod transfers;
pub(crate) use transfers::Uses;

#[cfg(test)]
pub(crate) mod testing;

/// Everything a rule file needs.
#[allow(unused_imports)]
pub(crate) mod prelude {
    pub(crate) use crate::engine::context::{ActivityRef, Context};
    pub(crate) use crate::engine::finding::{Finding, Severity, Subject};
    pub(crate) use crate::engine::index::{CatalogueEntry, catalogue_path};
    pub(crate) use crate::engine::rule::{Rule, Scope};
    pub(crate) use crate::model::*;
    pub(crate) use crate::path::FieldPath;

    pub(crate) use super::{cookie_name, provided, relies_on_consent};
}

/// Whether a text field is filled in: present and not blank.
pub(crate) fn provided(text: &Option<String>) -> bool {
    text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// How messages name a cookie after the word "cookie": ` `_ga`` when it has a name, nothing
/// when not.
pub(crate) fn cookie_name(cookie: &crate::model::Cookie) -> String {
    cookie
        .name
        .as_deref()
        .map(|n| format!(" `{n}`"))
        .unwrap_or_default()
}

/// Whether an activity relies on consent, as an Art 6(1)(a) basis or an Art 9(2)(a) condition.
pub(crate) fn relies_on_consent(activity: &crate::model::ProcessingActivity) -> bool {
    use crate::model::{LawfulBasisKind, SpecialCategoryConditionKind};
    activity.relies_on(LawfulBasisKind::Consent)
        || activity
            .special_category_conditions
            .iter()
            .any(|c| c.condition == Some(SpecialCategoryConditionKind::ExplicitConsent))
}

/// Every rule, family by family, in a stable order.
pub static RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    [
        completeness::RULES,
        lawfulness::RULES,
        transfers::RULES,
        risk::RULES,
        statement::RULES,
        proposal::RULES,
    ]
    .into_iter()
    .flatten()
    .copied()
    .collect()
});

/// The rule with this id, if there is one.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// The rule id closest to a misspelt one ("did you mean …?"), as configuration errors use it.
pub fn nearest_rule(id: &str) -> Option<&'static str> {
    let ids: Vec<&'static str> = RULES.iter().map(|r| r.id).collect();
    crate::suggest::nearest(id, &ids)
}

/// Groups references by the catalogue entry they resolve to, entries in order of first use:
/// rules that judge an entry once, with every place that uses it, group with this in time linear
/// in the references.
pub(crate) fn group_by_entry<'a, T, R>(
    references: impl IntoIterator<Item = (crate::engine::index::Found<'a, T>, R)>,
) -> Vec<(crate::engine::index::Found<'a, T>, Vec<R>)> {
    let mut groups: Vec<(crate::engine::index::Found<'a, T>, Vec<R>)> = Vec::new();
    let mut slots: foldhash::HashMap<(crate::engine::Subject, usize), usize> = foldhash::HashMap::default();
    for (found, reference) in references {
        let slot = *slots.entry((found.subject, found.position)).or_insert_with(|| {
            groups.push((found, Vec::new()));
            groups.len() - 1
        });
        if let Some((_, users)) = groups.get_mut(slot) {
            users.push(reference);
        }
    }
    groups
}

/// The checkable time limit of a retention, if it has one: the period (or the upper end of a
/// range) after an event, or a selectielijst period. Vague, unlimited and permanent retention has
/// none.
///
/// A conditional retention has the longest of its cases' limits when every case has one.
pub(crate) fn retention_limit(retention: &Retention) -> Option<Period> {
    match retention {
        Retention::AfterEvent(after) if after.extended_while.is_none() => {
            Some(after.up_to.unwrap_or(after.period))
        }
        Retention::SelectionList(list) => list.period,
        Retention::Conditional(conditional) => conditional
            .all()
            .map(retention_limit)
            .try_fold(None::<Period>, |longest, limit| {
                let limit = limit?;
                Some(Some(match longest {
                    Some(l) if l.max_days() >= limit.max_days() => l,
                    _ => limit,
                }))
            })
            .flatten(),
        _ => None,
    }
}

/// The event a retention period runs from, where the register names one.
pub(crate) fn retention_event(retention: &Retention) -> Option<RetentionEvent> {
    match retention {
        Retention::AfterEvent(after) => after.event,
        Retention::UntilEvent(until) => Some(until.event),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn rule_ids_are_unique_kebab_case_and_match_their_files() {
        let mut seen = BTreeSet::new();
        for rule in RULES.iter() {
            assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
            assert!(
                rule.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !rule.id.starts_with('-'),
                "{} is not kebab-case",
                rule.id
            );
            assert!(!rule.articles.is_empty(), "{} cites no article", rule.id);
            assert!(
                !rule.summary.ends_with('.'),
                "{}: summaries have no final period",
                rule.id
            );
        }
        // Every rule file is named after its rule's id.
        let mut files = BTreeSet::new();
        for family in std::fs::read_dir("src/engine/rules").expect("rules dir") {
            let family = family.expect("entry").path();
            if !family.is_dir() || family.ends_with("testdata") || family.ends_with("snapshots") {
                continue;
            }
            for file in std::fs::read_dir(&family).expect("family dir") {
                let name = file.expect("entry").file_name().to_string_lossy().into_owned();
                if let Some(stem) = name.strip_suffix(".rs")
                    && stem != "mod"
                {
                    files.insert(stem.replace('_', "-"));
                }
            }
        }
        let ids: BTreeSet<String> = seen.into_iter().map(str::to_owned).collect();
        assert_eq!(files, ids, "rule files and rule ids differ");
    }

    #[test]
    fn rule_list_is_stable() {
        let ids: Vec<_> = RULES
            .iter()
            .map(|r| format!("{} ({}, {})", r.id, r.severity, r.articles.join("; ")))
            .collect();
        insta::assert_yaml_snapshot!(ids);
    }
}
