//! The rule catalogue: one file per rule, named by its id, grouped by family.
//!
//! Each file declares one [`Rule`] (id, default severity, articles, summary, why, a
//! non-compliant and a compliant example) with its check and its tests. [`RULES`] lists them all;
//! `ropa rules`, `ropa explain`, SARIF metadata and `docs/rules.md` read it, so they cannot drift
//! apart.

use std::sync::LazyLock;

use super::rule::Rule;

use crate::model::{Period, Retention, RetentionEvent};
pub use retired::{RETIRED, RetiredRule, retired_rule};

mod completeness;
mod lawfulness;
pub(crate) use lawfulness::unmarked_political;
mod proposal;
mod references;
pub(crate) use references::{Profile, resolved};
mod retired;
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
    pub(crate) use crate::engine::rule::{Rule, Scope, Trigger};
    pub(crate) use crate::model::*;
    pub(crate) use crate::path::FieldPath;

    pub(crate) use super::{EnumSet, cookie_name, once_for_activities, provided};
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

/// One finding for the register about the activities in `activities` (if any): at the first
/// one's `field`, with the others as related places, for an item that is usually answered once
/// for all of them. `says` finishes the message after the activity, in the singular and the
/// plural ("does not state …", "do not state …").
pub(crate) fn once_for_activities(
    ctx: &crate::engine::context::Context<'_>,
    rule: &'static Rule,
    field: &'static str,
    activities: &[crate::engine::context::ActivityRef<'_>],
    says: (&str, &str),
    hint: &'static str,
) -> Option<crate::engine::Finding> {
    let first = activities.first()?;
    let message = match activities.len() {
        1 => message!("activity {} {}", first.name(), says.0),
        n => message!("{n} activities {}: {}", says.1, name_some(activities)),
    };
    let mut finding = ctx.finding(rule, first.at(field), message, hint);
    for activity in activities.iter().skip(1) {
        finding = finding.related(activity.at(field), message!("activity {}", activity.name()));
    }
    Some(finding)
}

/// The first few activities' names, and how many more.
fn name_some(activities: &[crate::engine::context::ActivityRef<'_>]) -> String {
    const SHOWN: usize = 5;
    use std::fmt::Write as _;
    let mut names = String::with_capacity(64);
    for (i, activity) in activities.iter().take(SHOWN).enumerate() {
        let separator = if i == 0 { "" } else { ", " };
        let _ = write!(names, "{separator}{}", activity.name());
    }
    match activities.len().saturating_sub(SHOWN) {
        0 => names,
        more => message!("{names} and {more} more"),
    }
}

/// A set of list-enum values as one bit each: the questions rules ask of an activity ("does any
/// of its data categories have this kind?", "which WP248 criteria does it meet?") answered from
/// one pass over its entries, without allocating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EnumSet<T> {
    bits: u128,
    kind: std::marker::PhantomData<T>,
}

impl<T> Default for EnumSet<T> {
    fn default() -> Self {
        Self {
            bits: 0,
            kind: std::marker::PhantomData,
        }
    }
}

impl<T: crate::model::macros::ListEnum> EnumSet<T> {
    pub(crate) fn insert(&mut self, value: T) {
        self.bits |= 1 << value.position();
    }

    pub(crate) fn contains(&self, value: T) -> bool {
        self.bits & (1 << value.position()) != 0
    }

    pub(crate) fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// The values in declaration order (the order of the enum's `Ord`).
    pub(crate) fn iter(&self) -> impl Iterator<Item = T> + use<T> {
        let set = *self;
        T::iter().filter(move |value| set.contains(*value))
    }
}

impl<T: crate::model::macros::ListEnum> Extend<T> for EnumSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, values: I) {
        values.into_iter().for_each(|value| self.insert(value));
    }
}

impl<T: crate::model::macros::ListEnum> FromIterator<T> for EnumSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut set = Self::default();
        set.extend(values);
        set
    }
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
/// in the references. A few entries (a proposal's) are found by a scan; past
/// [`GROUPS_SCANNED`], through a hash index built then.
pub(crate) fn group_by_entry<'a, T, R>(
    references: impl IntoIterator<Item = (crate::engine::index::Found<'a, T>, R)>,
) -> OneOrMore<(crate::engine::index::Found<'a, T>, OneOrMore<R>)> {
    type Key = (crate::engine::Subject, usize);
    let mut groups: OneOrMore<(crate::engine::index::Found<'a, T>, OneOrMore<R>)> = OneOrMore::default();
    let mut index: Option<foldhash::HashMap<Key, usize>> = None;
    for (found, reference) in references {
        let key: Key = (found.subject, found.position);
        let slot = match &mut index {
            Some(index) => index.get(&key).copied(),
            None => groups.iter().position(|(f, _)| (f.subject, f.position) == key),
        };
        match slot.and_then(|i| groups.as_mut_slice().get_mut(i)) {
            Some((_, users)) => users.push(reference),
            None => {
                if let Some(index) = &mut index {
                    index.insert(key, groups.as_slice().len());
                }
                groups.push((found, OneOrMore::One(reference)));
                if index.is_none() && groups.as_slice().len() > GROUPS_SCANNED {
                    let by_key = groups
                        .iter()
                        .enumerate()
                        .map(|(i, (f, _))| ((f.subject, f.position), i));
                    index = Some(by_key.collect());
                }
            }
        }
    }
    groups
}

/// A list that holds a single item without allocating: most entries a proposal uses are used
/// once, and evaluating a proposal lists and groups every entry it uses. (A hand-written list,
/// as the usual small-vector types would make the engine's context invariant in its lifetime.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OneOrMore<T> {
    /// One item.
    One(T),
    /// None, or two or more.
    More(Vec<T>),
}

impl<T> Default for OneOrMore<T> {
    fn default() -> Self {
        Self::More(Vec::new())
    }
}

impl<T> OneOrMore<T> {
    /// Adds an item at the end.
    pub(crate) fn push(&mut self, item: T) {
        match self {
            Self::More(items) if items.is_empty() => *self = Self::One(item),
            Self::More(items) => items.push(item),
            Self::One(_) => {
                let Self::One(first) = std::mem::replace(self, Self::More(Vec::with_capacity(4))) else {
                    return;
                };
                if let Self::More(items) = self {
                    items.extend([first, item]);
                }
            }
        }
    }

    /// The items, in order.
    pub(crate) fn as_slice(&self) -> &[T] {
        match self {
            Self::One(item) => std::slice::from_ref(item),
            Self::More(items) => items,
        }
    }

    /// The items, in order.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, T> {
        self.as_slice().iter()
    }

    /// The items, in order, to change.
    pub(crate) fn as_mut_slice(&mut self) -> &mut [T] {
        match self {
            Self::One(item) => std::slice::from_mut(item),
            Self::More(items) => items,
        }
    }
}

impl<T> FromIterator<T> for OneOrMore<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut list = Self::default();
        items.into_iter().for_each(|item| list.push(item));
        list
    }
}

impl<'s, T> IntoIterator for &'s OneOrMore<T> {
    type Item = &'s T;
    type IntoIter = std::slice::Iter<'s, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// How many groups [`group_by_entry`] finds by scanning before it indexes them.
const GROUPS_SCANNED: usize = 16;

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
    /// A set of list-enum values holds exactly what was put in, and lists it in the enum's order
    /// as a `BTreeSet` would, for the largest list enum too.
    #[test]
    fn enum_sets_agree_with_btree_sets() {
        use std::collections::BTreeSet;
        use strum::IntoEnumIterator as _;

        use crate::model::DataKind;
        let all: Vec<DataKind> = DataKind::iter().collect();
        for step in 1..=all.len() {
            let chosen: Vec<DataKind> = all.iter().copied().rev().step_by(step).collect();
            let set: super::EnumSet<DataKind> = chosen.iter().copied().collect();
            let expected: BTreeSet<DataKind> = chosen.iter().copied().collect();
            assert_eq!(
                set.iter().collect::<Vec<_>>(),
                expected.iter().copied().collect::<Vec<_>>()
            );
            assert_eq!(set.len(), expected.len());
            assert!(all.iter().all(|k| set.contains(*k) == expected.contains(k)));
        }
    }

    /// Grouping gives the same groups, in order of first use, whether it scans or indexes.
    #[test]
    fn group_by_entry_keeps_first_use_order_past_the_scan() {
        use crate::engine::Subject;
        use crate::engine::index::Found;
        let entry = ();
        for distinct in [3, super::GROUPS_SCANNED + 1, 100] {
            let references: Vec<(Found<'_, ()>, usize)> = (0..distinct * 3)
                .map(|r| {
                    let position = (r * 7) % distinct;
                    let subject = if position % 2 == 0 {
                        Subject::Register
                    } else {
                        Subject::Proposal
                    };
                    (
                        Found {
                            entry: &entry,
                            subject,
                            position,
                        },
                        r,
                    )
                })
                .collect();
            let groups = super::group_by_entry(references.iter().copied());
            let mut expected: Vec<((Subject, usize), Vec<usize>)> = Vec::new();
            for (found, r) in &references {
                let key = (found.subject, found.position);
                match expected.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, users)) => users.push(*r),
                    None => expected.push((key, vec![*r])),
                }
            }
            let got: Vec<((Subject, usize), Vec<usize>)> = groups
                .into_iter()
                .map(|(f, users)| ((f.subject, f.position), users.as_slice().to_vec()))
                .collect();
            assert_eq!(got, expected, "{distinct} distinct entries");
        }
    }

    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn one_or_more_keeps_its_items_in_order() {
        let mut list = OneOrMore::default();
        assert!(list.as_slice().is_empty());
        for (i, expected) in [&[0][..], &[0, 1], &[0, 1, 2], &[0, 1, 2, 3, 4][..4]]
            .iter()
            .enumerate()
        {
            list.push(i);
            assert_eq!(list.as_slice(), *expected);
        }
        assert_eq!((&list).into_iter().copied().sum::<usize>(), 6);
    }

    /// Every trigger is one bit, in its place, and gates at least one rule.
    #[test]
    fn every_trigger_gates_a_rule() {
        use crate::engine::rule::Trigger;
        for (i, trigger) in Trigger::ALL.iter().enumerate() {
            assert_eq!(
                *trigger as usize, i,
                "{trigger:?} is out of place in Trigger::ALL"
            );
            assert!(
                RULES.iter().any(|rule| rule.triggers.contains(trigger)),
                "no rule names {trigger:?}"
            );
        }
    }

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
            // Triggers are what an activity shows: a rule about the register as a whole has none.
            assert!(
                rule.scope != crate::engine::Scope::Register || rule.triggers.is_empty(),
                "{}: a register rule names triggers",
                rule.id
            );
            assert!(
                !rule.summary.ends_with('.'),
                "{}: summaries have no final period",
                rule.id
            );
            // A rule cannot date from a version not yet released.
            let version =
                |v: &str| -> Vec<u32> { v.split('.').map(|n| n.parse().unwrap_or(u32::MAX)).collect() };
            assert!(
                version(rule.since) <= version(env!("CARGO_PKG_VERSION")),
                "{}: since {} is after this version, {}",
                rule.id,
                rule.since,
                env!("CARGO_PKG_VERSION")
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

    /// Each rule's tests write their own fixtures: none edits the shared example register or
    /// proposal, by index or otherwise, so a new rule never has to keep the others' edits
    /// working, and a test reads as the input it checks.
    #[test]
    fn no_rule_test_edits_the_shared_fixtures() {
        let edits = [
            "= register()",
            "= crate::engine::rules::testing::register()",
            "= proposal()",
            "= crate::engine::rules::testing::proposal()",
            ".activities[",
            ".catalogues.",
        ];
        let mut offenders = Vec::new();
        for family in std::fs::read_dir("src/engine/rules").expect("rules dir") {
            let family = family.expect("entry").path();
            if !family.is_dir() {
                continue;
            }
            for file in std::fs::read_dir(&family).expect("family dir") {
                let path = file.expect("entry").path();
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let Some(tests) = text.find("#[cfg(test)]").map(|i| &text[i..]) else {
                    continue;
                };
                for (n, line) in tests.lines().enumerate() {
                    if edits.iter().any(|e| line.contains(e)) && !line.trim_start().starts_with("//") {
                        offenders.push(format!(
                            "{}: test line {}: {}",
                            path.display(),
                            n + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "write the test's own fixture (`parse_register`, `parse_proposal`) instead:\n{}",
            offenders.join("\n")
        );
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

/// Every rule's documented examples are inputs that run: the non-compliant one must fire the
/// rule and its compliant twin must not. A register example is a whole register; a proposal
/// example is evaluated against the example register, `testdata/compliant_register.yaml`.
#[cfg(test)]
mod examples {
    use super::RULES;
    use crate::engine::rules::testing::{findings_of, register};
    use crate::source::{Document, DocumentKind, Format, Limits};

    fn fires(rule: &crate::engine::Rule, example: &str) -> bool {
        let document = Document::parse("example.yaml", example, Format::Yaml, Limits::default())
            .unwrap_or_else(|e| panic!("{}: {e}\n{example}", rule.id));
        let findings = match document.kind() {
            DocumentKind::Proposal => {
                let proposal = document.proposal().unwrap_or_else(|e| panic!("{}: {e}", rule.id));
                findings_of(rule, &register(), Some(&proposal))
            }
            DocumentKind::Register => {
                let register = document.register().unwrap_or_else(|e| panic!("{}: {e}", rule.id));
                findings_of(rule, &register, None)
            }
        };
        !findings.is_empty()
    }

    #[test]
    fn every_rule_fires_on_its_non_compliant_example_only() {
        for rule in RULES.iter() {
            assert!(
                fires(rule, rule.non_compliant),
                "{} is silent on its non-compliant example",
                rule.id
            );
            assert!(
                !fires(rule, rule.compliant),
                "{} fires on its compliant example",
                rule.id
            );
        }
    }
}
