//! Processors (Art 28), joint controllers (Art 26) and transfers outside the EEA (Chapter V).

use foldhash::{HashMap, HashMapExt, HashSet};

use super::prelude::*;
use crate::engine::finding::Related;
use crate::engine::index::{Found, Indexed};
use crate::engine::rules::OneOrMore;
use crate::engine::rules::references::{References, resolved};

mod adequacy;
mod adequacy_not_available;
mod joint_controller_without_arrangement;
mod processor_agreement_missing_clauses;
mod processor_without_agreement;
mod public_authority_art49_derogation;
mod sub_processor_not_authorised;
mod transfer_without_impact_assessment;
mod transfer_without_mechanism;

pub(super) static RULES: &[&Rule] = &[
    &transfer_without_mechanism::RULE,
    &adequacy_not_available::RULE,
    &public_authority_art49_derogation::RULE,
    &transfer_without_impact_assessment::RULE,
    &processor_without_agreement::RULE,
    &processor_agreement_missing_clauses::RULE,
    &sub_processor_not_authorised::RULE,
    &joint_controller_without_arrangement::RULE,
];

/// How messages name a sub-processor: by name, or as unnamed when the register gives none.
fn sub_processor(sub: &SubProcessor) -> String {
    match &sub.name {
        Some(name) => message!("sub-processor `{name}`"),
        None => "an unnamed sub-processor".to_owned(),
    }
}

/// The activity's transfers to countries outside the EEA, each with its path.
fn third_country_transfers<'a>(
    activity: &ActivityRef<'a>,
) -> impl Iterator<Item = (&'a Transfer, (Subject, FieldPath))> {
    let activity = *activity;
    activity
        .activity
        .transfers
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.country.is_eea())
        .map(move |(i, t)| (t, activity.at_index("transfers", i)))
}

/// The transfers outside the EEA whose mechanism is one of `mechanisms`, with the path of the
/// mechanism.
fn transfers_by<'a>(
    activity: &ActivityRef<'a>,
    mechanisms: &'a [TransferMechanism],
) -> impl Iterator<Item = (&'a Transfer, TransferMechanism, (Subject, FieldPath))> {
    third_country_transfers(activity).filter_map(|(t, (subject, path))| {
        let mechanism = t.mechanism.filter(|m| mechanisms.contains(m))?;
        Some((t, mechanism, (subject, path.key("mechanism"))))
    })
}

/// Which adequacy decision covers `country`, judged on the register's date (`register.updated`)
/// or the adequacy table's own date, whichever is later.
fn coverage(ctx: &Context<'_>, country: &CountryCode) -> adequacy::Coverage {
    adequacy::coverage(country, ctx.register.register.updated.map(|d| d.0))
}

/// The processors and recipients each activity uses (in the order of
/// [`Context::activities`]), resolved once per run and shared by the rules that judge them.
#[derive(Debug)]
pub(crate) struct Uses<'a> {
    /// Per activity (one when evaluating: kept without allocating).
    processors: OneOrMore<OneOrMore<Used<'a, Processor>>>,
    /// Every reference of every activity, resolved.
    references: References,
    /// The processors and recipients the activities use, each once with every reference to it:
    /// grouped once here for the rules that judge each entry once.
    processors_by_entry: Grouped<'a, Processor, RefAt<'a>>,
    recipients_by_entry: Grouped<'a, Recipient, RefAt<'a>>,
    /// The retention rules the GDPR activities use, each once with the activities that use it
    /// and the index of their reference: five retention rules judge them.
    retention_rules: Grouped<'a, RetentionRule, (ActivityRef<'a>, usize)>,
}

/// Catalogue entries, each once, with every reference to it (see [`super::group_by_entry`]).
pub(crate) type Grouped<'a, T, R> = OneOrMore<(Found<'a, T>, OneOrMore<R>)>;

impl<'a> Uses<'a> {
    /// Nothing resolved yet: what the context that resolves them holds.
    pub(crate) const NONE: Uses<'static> = Uses {
        processors: OneOrMore::More(Vec::new()),
        references: References::NONE,
        processors_by_entry: OneOrMore::More(Vec::new()),
        recipients_by_entry: OneOrMore::More(Vec::new()),
        retention_rules: OneOrMore::More(Vec::new()),
    };

    /// Resolves what the context's activities use.
    pub(crate) fn new(ctx: &Context<'a>) -> Self {
        let references = References::new(ctx);
        let processors: OneOrMore<_> = (ctx.activities())
            .map(|a| processors_used(ctx, &references, &a))
            .collect();
        let recipients: OneOrMore<_> = (ctx.activities())
            .map(|a| recipients_used(ctx, &references, &a))
            .collect();
        let retention_rules = super::group_by_entry(ctx.gdpr_activities().flat_map(|activity| {
            resolved::<RetentionRule>(ctx, &references, &activity)
                .filter_map(move |(i, _, found)| Some((found?, (activity, i))))
        }));
        Self {
            processors_by_entry: by_entry(&processors),
            recipients_by_entry: by_entry(&recipients),
            processors,
            references,
            retention_rules,
        }
    }

    /// The retention rules the GDPR activities use, with their users.
    pub(crate) fn retention_rules(&self) -> &Grouped<'a, RetentionRule, (ActivityRef<'a>, usize)> {
        &self.retention_rules
    }

    /// Every reference of the activities, resolved.
    pub(crate) fn references(&self) -> &References {
        &self.references
    }
}

/// The entries the activities use, each once with every reference to it.
fn by_entry<'a, T>(used: &OneOrMore<OneOrMore<Used<'a, T>>>) -> Grouped<'a, T, RefAt<'a>> {
    super::group_by_entry(used.iter().flatten().map(|u| (u.found, u.at)))
}

/// The run's [`Uses`].
fn uses<'a>(ctx: &Context<'a>) -> &'a Uses<'a> {
    ctx.uses
}

/// A catalogue entry an activity uses, with where the activity refers to it.
#[derive(Debug)]
struct Used<'a, T> {
    found: Found<'a, T>,
    at: RefAt<'a>,
}

/// Where an activity refers to a catalogue id: the `index`th element of its list `field`, or
/// the `key` of that element (a transfer's `processor`). Kept compact, as every reference of
/// every activity is looked at; the path is built only for the findings that show it.
#[derive(Debug, Clone, Copy)]
struct RefAt<'a> {
    activity: ActivityRef<'a>,
    field: &'static str,
    index: usize,
    key: Option<&'static str>,
}

impl RefAt<'_> {
    fn located(&self) -> (Subject, FieldPath) {
        let (subject, path) = self.activity.at_index(self.field, self.index);
        match self.key {
            Some(key) => (subject, path.key(key)),
            None => (subject, path),
        }
    }
}

/// A reference to a catalogue entry, with where it is made: `None` when the id is not
/// declared (`dangling-reference` reports it).
type Reference<'a, T> = (Option<Found<'a, T>>, RefAt<'a>);

/// The references in the activity's own list of `T`, resolved.
fn list_refs<'c, 'a, T: Indexed + 'a>(
    ctx: &'c Context<'a>,
    references: &'c References,
    activity: &ActivityRef<'a>,
) -> impl Iterator<Item = Reference<'a, T>> + use<'c, 'a, T> {
    let activity = *activity;
    resolved::<T>(ctx, references, &activity).map(move |(index, _, found)| {
        let at = RefAt {
            activity,
            field: T::ACTIVITY_FIELD,
            index,
            key: None,
        };
        (found, at)
    })
}

/// The processors behind the entries the activity's list of `T` refers to, referenced where the
/// list names the entry.
fn processors_behind<'c, 'a, T: Indexed + 'a>(
    ctx: &'c Context<'a>,
    references: &'c References,
    activity: &ActivityRef<'a>,
    processor: fn(&'a T) -> Option<&'a Id>,
) -> impl Iterator<Item = Reference<'a, Processor>> + use<'c, 'a, T> {
    list_refs::<T>(ctx, references, activity).filter_map(move |(found, at)| {
        let id = processor(found?.entry)?;
        Some((ctx.find::<Processor>(id.as_str()), at))
    })
}

/// The references the activity's transfers make in their field `field`, resolved.
fn transfer_refs<'c, 'a, T: Indexed + 'a>(
    ctx: &'c Context<'a>,
    activity: &ActivityRef<'a>,
    field: &'static str,
    id: fn(&'a Transfer) -> Option<&'a Id>,
) -> impl Iterator<Item = Reference<'a, T>> + use<'c, 'a, T> {
    let activity = *activity;
    let transfers = &activity.activity.transfers;
    transfers.iter().enumerate().filter_map(move |(index, t)| {
        let at = RefAt {
            activity,
            field: "transfers",
            index,
            key: Some(field),
        };
        Some((ctx.find::<T>(id(t)?.as_str()), at))
    })
}

/// The entries the references resolve to, each with its first reference; unresolved ids are
/// left to `dangling-reference`.
fn first_uses<'a, T>(refs: impl Iterator<Item = Reference<'a, T>>) -> OneOrMore<Used<'a, T>> {
    // An activity names a few entries: a scan finds repeats without building a set, except in
    // a list long enough for the scan to cost more.
    let mut seen: Option<HashSet<(Subject, usize)>> = None;
    let mut used: OneOrMore<Used<'a, T>> = OneOrMore::default();
    for (found, at) in refs {
        let Some(found) = found else {
            continue;
        };
        if seen.is_none() && used.as_slice().len() > 16 {
            seen = Some(used.iter().map(|u| (u.found.subject, u.found.position)).collect());
        }
        let key = (found.subject, found.position);
        let first = match &mut seen {
            Some(seen) => seen.insert(key),
            None => !used.iter().any(|u| (u.found.subject, u.found.position) == key),
        };
        if first {
            used.push(Used { found, at });
        }
    }
    used
}

/// The processors each activity uses.
fn processors<'c, 'a>(uses: &'c Uses<'a>) -> &'c [OneOrMore<Used<'a, Processor>>] {
    uses.processors.as_slice()
}

/// The processors the activities use, each once with its references.
fn processors_by_entry<'c, 'a>(uses: &'c Uses<'a>) -> &'c Grouped<'a, Processor, RefAt<'a>> {
    &uses.processors_by_entry
}

/// The recipients the activities use, each once with its references.
fn recipients_by_entry<'c, 'a>(uses: &'c Uses<'a>) -> &'c Grouped<'a, Recipient, RefAt<'a>> {
    &uses.recipients_by_entry
}

/// The processors an activity uses: listed under `processors`, behind its recipients or
/// systems, or named by its transfers.
fn processors_used<'a>(
    ctx: &Context<'a>,
    references: &References,
    activity: &ActivityRef<'a>,
) -> OneOrMore<Used<'a, Processor>> {
    let refs = list_refs::<Processor>(ctx, references, activity)
        .chain(processors_behind::<Recipient>(ctx, references, activity, |r| {
            r.processor.as_ref()
        }))
        .chain(processors_behind::<System>(ctx, references, activity, |s| {
            s.processor.as_ref()
        }))
        .chain(transfer_refs(ctx, activity, "processor", |t| {
            t.processor.as_ref()
        }));
    first_uses(refs)
}

/// The recipients an activity uses: listed under `recipients` or named by its transfers.
fn recipients_used<'a>(
    ctx: &Context<'a>,
    references: &References,
    activity: &ActivityRef<'a>,
) -> OneOrMore<Used<'a, Recipient>> {
    let refs = list_refs::<Recipient>(ctx, references, activity).chain(transfer_refs(
        ctx,
        activity,
        "recipient",
        |t| t.recipient.as_ref(),
    ));
    first_uses(refs)
}

/// What makes two findings one: their place and message.
type FindingKey = (Subject, FieldPath, std::borrow::Cow<'static, str>);

/// Reports what `check` finds wrong with the catalogue entries the activities use, at the
/// entry, once per entry, with every activity that uses it as a related location. Each entry is
/// checked once however many activities use it, so the cost follows the references, not
/// references times findings.
fn check_used_entries<'a, T: Indexed>(
    ctx: &Context<'a>,
    out: &mut Vec<Finding>,
    used: for<'c> fn(&'c Uses<'a>) -> &'c Grouped<'a, T, RefAt<'a>>,
    check: impl Fn(&Found<'a, T>) -> Vec<Finding>,
) {
    let mut findings: Vec<Finding> = Vec::new();
    // Built with the first finding: most entries have none, and this runs on every evaluation.
    let mut merged: Option<HashMap<FindingKey, usize>> = None;
    for (found, users) in used(uses(ctx)) {
        let related = || {
            users.iter().map(|at| {
                let (subject, path) = at.located();
                Related {
                    subject,
                    path,
                    message: message!("used by activity {}", at.activity.name()).into(),
                }
            })
        };
        for mut finding in check(found) {
            let key = (finding.subject, finding.path.clone(), finding.message.clone());
            let merged = merged.get_or_insert_with(HashMap::new);
            if let Some(earlier) = merged.get(&key).and_then(|&i| findings.get_mut(i)) {
                earlier.related.extend(related());
            } else {
                merged.insert(key, findings.len());
                finding.related.extend(related());
                findings.push(finding);
            }
        }
    }
    out.extend(findings);
}
