//! Every catalogue reference an activity makes, resolved once per run and shared: the rules
//! that ask what an id names (`dangling-reference`, `unused-catalogue-entry`, the rules about
//! data categories) would otherwise each look up the same ids again, and those lookups were
//! most of the cost of linting a large register.

use super::completeness::dangling_reference;
use super::prelude::*;
use crate::engine::index::{Found, Indexed, activity_lists, catalogue_ids};

/// Where a reference resolved to: the document that declares the entry and its position in
/// that document's catalogue; `None` when the id is not declared.
pub(crate) type Slot = Option<(Subject, usize)>;

/// Where an activity's eight lists start in [`References`]' slots, in catalogue order, and
/// where the last one ends.
type Bounds = [usize; 9];

/// What the entries an activity uses say about it, gathered in one pass when its references
/// are resolved: a dozen rules ask these questions of every activity, and most activities
/// answer "no" to all of them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Profile {
    /// The kinds of its data categories.
    pub(crate) data_kinds: EnumSet<DataKind>,
    /// The special categories its data categories hold.
    pub(crate) special_categories: EnumSet<SpecialCategory>,
    /// Whether a data category is criminal-offence data (Art 10).
    pub(crate) criminal: bool,
    /// Whether a data category is a national identification number (UAVG art 46).
    pub(crate) national_id: bool,
    /// The kinds of its purposes.
    pub(crate) purpose_kinds: EnumSet<PurposeKind>,
    /// The kinds of its recipients.
    pub(crate) recipient_kinds: EnumSet<RecipientKind>,
    /// Whether a data subject category is vulnerable or includes children.
    pub(crate) vulnerable_subjects: bool,
    /// Whether a data category speaks of political opinions but is not marked special
    /// (`political-data-not-special`): judged once per register entry, when the engine is built.
    pub(crate) unmarked_political: bool,
}

impl Profile {
    /// Whether the activity processes special-category or criminal-offence data.
    pub(crate) fn special_or_criminal(&self) -> bool {
        !self.special_categories.is_empty() || self.criminal
    }

    fn of<'a>(entries: &Entries<'_, 'a>) -> Self {
        let mut profile = Self::default();
        for (_, found) in entries.resolved::<DataCategory>() {
            profile.unmarked_political |= match found.subject {
                Subject::Register => entries.ctx.unmarked_political.get(found.position).copied(),
                Subject::Proposal => None,
            }
            .unwrap_or_else(|| super::unmarked_political(found.entry));
            let category = found.entry;
            profile.data_kinds.extend(category.kind);
            profile.special_categories.extend(category.special_categories());
            profile.criminal |= category.criminal;
            profile.national_id |= category.national_id.is_some();
        }
        for (_, purpose) in entries.resolved::<Purpose>() {
            profile.purpose_kinds.extend(purpose.entry.kind);
        }
        for (_, recipient) in entries.resolved::<Recipient>() {
            profile.recipient_kinds.extend(recipient.entry.kind);
        }
        profile.vulnerable_subjects =
            (entries.resolved::<DataSubject>()).any(|(_, s)| s.entry.vulnerable || s.entry.includes_children);
        profile
    }
}

/// One activity's resolved references: where its lists lie in the slots, and its profile.
#[derive(Debug, Clone, Copy)]
struct Resolution {
    bounds: Bounds,
    profile: Profile,
}

/// An activity's slots, read as entries.
struct Entries<'c, 'a> {
    ctx: &'c Context<'a>,
    slots: &'c [Slot],
    bounds: &'c Bounds,
}

impl<'a> Entries<'_, 'a> {
    fn resolved<T: Indexed + 'a>(&self) -> impl Iterator<Item = (usize, Found<'a, T>)> + use<'_, 'a, T> {
        let slots = (self.bounds.get(T::ORDINAL).zip(self.bounds.get(T::ORDINAL + 1)))
            .and_then(|(&start, &end)| self.slots.get(start..end))
            .unwrap_or_default();
        (slots.iter().enumerate()).filter_map(|(i, slot)| {
            let (subject, position) = (*slot)?;
            Some((i, self.ctx.entry_at::<T>(subject, position)?))
        })
    }
}

/// The outcome of resolving the references of the activities rules check.
#[derive(Debug)]
pub(crate) struct References {
    /// Every activity's references in its eight catalogue lists (in the order of
    /// [`Context::activities`], each activity's lists in catalogue order, see
    /// [`activity_lists`]), resolved: rules read these instead of looking ids up again.
    slots: Vec<Slot>,
    /// Where each activity's lists lie in `slots`, and its profile, when linting.
    activities: Vec<Resolution>,
    /// The same for the proposed activity, when evaluating: kept here so that an evaluation
    /// allocates no table of one.
    proposed: Option<Resolution>,
    /// `dangling-reference`'s findings: references to ids no catalogue declares.
    pub(crate) dangling: Vec<Finding>,
    /// When linting, which of the register's catalogue entries the activities use: by
    /// catalogue ([`CatalogueEntry::ORDINAL`]) and position, with a reference to an id marking
    /// the first entry with that id.
    pub(crate) used: Option<[Vec<bool>; 8]>,
}

impl References {
    /// Nothing resolved.
    pub(crate) const NONE: References = References {
        slots: Vec::new(),
        activities: Vec::new(),
        proposed: None,
        dangling: Vec::new(),
        used: None,
    };

    /// Resolves the references of the context's activities.
    pub(crate) fn new(ctx: &Context<'_>) -> Self {
        let linting = ctx.proposal.is_none();
        let mut resolver = Resolver {
            ctx,
            slots: Vec::new(),
            dangling: Vec::new(),
            // Only linting judges whether entries are used; evaluating looks at one activity.
            used: linting
                .then(|| catalogue_ids(&ctx.register.catalogues).map(|(_, _, ids)| vec![false; ids.len()])),
        };
        let mut activities = Vec::new();
        if linting {
            let count: usize = (ctx.register.activities.iter())
                .map(|a| activity_lists(a).iter().map(|l| l.len()).sum::<usize>())
                .sum();
            resolver.slots.reserve_exact(count);
            activities.reserve_exact(ctx.register.activities.len());
        }
        let mut proposed = None;
        for activity in ctx.activities() {
            let bounds = resolver.activity(&activity);
            let entries = Entries {
                ctx,
                slots: &resolver.slots,
                bounds: &bounds,
            };
            let resolution = Resolution {
                bounds,
                profile: Profile::of(&entries),
            };
            // Evaluating resolves one activity: it is kept without a table.
            if linting {
                activities.push(resolution);
            } else {
                proposed = Some(resolution);
            }
        }
        Self {
            slots: resolver.slots,
            activities,
            proposed,
            dangling: resolver.dangling,
            used: resolver.used,
        }
    }

    /// How this table resolved the activity, when it did (see [`Context::activities`]).
    fn resolution(&self, ctx: &Context<'_>, activity: &ActivityRef<'_>) -> Option<&Resolution> {
        match (ctx.proposal, activity.position) {
            // A register activity looked at while evaluating a proposal is not in the table.
            (Some(_), Some(_)) => None,
            (Some(_), None) => self.proposed.as_ref(),
            (None, position) => self.activities.get(position?),
        }
    }

    /// The activity's profile: from this table when it resolved the activity, else gathered now.
    pub(crate) fn profile(&self, ctx: &Context<'_>, activity: &ActivityRef<'_>) -> Profile {
        if let Some(resolution) = self.resolution(ctx, activity) {
            return resolution.profile;
        }
        let mut resolver = Resolver {
            ctx,
            slots: Vec::new(),
            dangling: Vec::new(),
            used: None,
        };
        let bounds = resolver.activity(activity);
        Profile::of(&Entries {
            ctx,
            slots: &resolver.slots,
            bounds: &bounds,
        })
    }

    /// The slots of the activity's list of `T`, when this table resolved that activity.
    fn slots<T: CatalogueEntry>(&self, ctx: &Context<'_>, activity: &ActivityRef<'_>) -> Option<&[Slot]> {
        let bounds = &self.resolution(ctx, activity)?.bounds;
        self.slots
            .get(*bounds.get(T::ORDINAL)?..*bounds.get(T::ORDINAL + 1)?)
    }
}

/// The activity's references to `T` in its own list of them, each with its index in the list
/// and its entry when the id resolves: read from the run's [`References`] when they hold the
/// activity, looked up otherwise.
pub(crate) fn resolved<'c, 'a, T: Indexed + 'a>(
    ctx: &'c Context<'a>,
    references: &'c References,
    activity: &ActivityRef<'a>,
) -> impl Iterator<Item = (usize, &'a Id, Option<Found<'a, T>>)> + use<'c, 'a, T> {
    let ids: &'a [Id] = activity_lists(activity.activity)
        .get(T::ORDINAL)
        .copied()
        .unwrap_or_default();
    let slots = references.slots::<T>(ctx, activity);
    ids.iter().enumerate().map(move |(i, id)| {
        let found = match slots {
            Some(slots) => slots
                .get(i)
                .copied()
                .flatten()
                .and_then(|(subject, position)| ctx.entry_at::<T>(subject, position)),
            None => ctx.find::<T>(id.as_str()),
        };
        (i, id, found)
    })
}

struct Resolver<'c, 'a> {
    ctx: &'c Context<'a>,
    slots: Vec<Slot>,
    dangling: Vec<Finding>,
    used: Option<[Vec<bool>; 8]>,
}

impl<'a> Resolver<'_, 'a> {
    /// Resolves every reference of one activity, its lists into `slots` in catalogue order;
    /// returns where they start and end.
    fn activity(&mut self, activity: &ActivityRef<'a>) -> Bounds {
        let a = activity.activity;
        let lists = activity_lists(a);
        if self.used.is_none() {
            // Evaluating: one activity, whose references are counted before they are resolved.
            self.slots.reserve_exact(lists.iter().map(|l| l.len()).sum());
        }
        // Each list ends where the next starts; the first starts after the slots so far.
        let mut bounds = [self.slots.len(); 9];
        let [
            subjects,
            categories,
            purposes,
            recipients,
            processors,
            retention,
            measures,
            systems,
        ] = lists;
        self.list::<DataSubject>(activity, subjects, &mut bounds);
        self.list::<DataCategory>(activity, categories, &mut bounds);
        self.list::<Purpose>(activity, purposes, &mut bounds);
        self.list::<Recipient>(activity, recipients, &mut bounds);
        self.list::<Processor>(activity, processors, &mut bounds);
        self.list::<RetentionRule>(activity, retention, &mut bounds);
        self.list::<SecurityMeasure>(activity, measures, &mut bounds);
        self.list::<System>(activity, systems, &mut bounds);
        let at = |field: &'static str, i: usize| activity.at_index(field, i);
        let below = |field: &'static str, i: usize, key: &'static str| {
            let (subject, path) = at(field, i);
            (subject, path.key(key))
        };
        // A lawful basis names purposes the activity lists already: its references must resolve,
        // but they do not make an entry used.
        for (b, basis) in a.lawful_bases.iter().enumerate() {
            for (i, id) in basis.purposes.iter().enumerate() {
                self.one::<Purpose>(id, false, || {
                    let (subject, path) = below("lawful_bases", b, "purposes");
                    (subject, path.index(i))
                });
            }
        }
        for (c, cookie) in a.cookies.iter().enumerate() {
            for (i, id) in cookie.purposes.iter().enumerate() {
                self.one::<Purpose>(id, true, || {
                    let (subject, path) = below("cookies", c, "purposes");
                    (subject, path.index(i))
                });
            }
            if let Some(id) = &cookie.processor {
                self.one::<Processor>(id, true, || below("cookies", c, "processor"));
            }
        }
        for (t, transfer) in a.transfers.iter().enumerate() {
            if let Some(id) = &transfer.recipient {
                self.one::<Recipient>(id, true, || below("transfers", t, "recipient"));
            }
            if let Some(id) = &transfer.processor {
                self.one::<Processor>(id, true, || below("transfers", t, "processor"));
            }
        }
        bounds
    }

    /// Resolves the activity's list of `T`, `ids`, into `slots`, and marks where it ends.
    fn list<T: Indexed + 'a>(&mut self, activity: &ActivityRef<'a>, ids: &'a [Id], bounds: &mut Bounds) {
        for (i, id) in ids.iter().enumerate() {
            let found = self.one::<T>(id, true, || activity.at_index(T::ACTIVITY_FIELD, i));
            self.slots.push(found.map(|f| (f.subject, f.position)));
        }
        if let Some(end) = bounds.get_mut(T::ORDINAL + 1) {
            *end = self.slots.len();
        }
    }

    /// Resolves one reference: an unresolved one is a `dangling-reference` finding at `at`, a
    /// resolved one that `counts_as_use` marks its register entry used.
    fn one<T: Indexed + 'a>(
        &mut self,
        id: &Id,
        counts_as_use: bool,
        at: impl FnOnce() -> (Subject, FieldPath),
    ) -> Option<Found<'a, T>> {
        let Some(found) = self.ctx.find::<T>(id.as_str()) else {
            self.dangling
                .push(dangling_reference::finding::<T>(self.ctx, id, at()));
            return None;
        };
        if counts_as_use
            && found.subject == Subject::Register
            && let Some(mark) = (self.used.as_mut())
                .and_then(|used| used.get_mut(T::ORDINAL))
                .and_then(|marks| marks.get_mut(found.position))
        {
            *mark = true;
        }
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;
    use crate::engine::index::CatalogueIndex;
    use crate::engine::rules::Uses;
    use crate::engine::rules::testing::parse_register;

    /// Every activity's table of resolved references (its slots and their bounds) says what a
    /// lookup of each id says: activities after the first start where the one before ends.
    #[test]
    fn the_table_resolves_every_list_of_every_activity_as_a_lookup_does() {
        let register = parse_register(
            r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_subjects: [{ id: inwoners, label: Inwoners }, { id: kinderen, label: Kinderen, includes_children: true }]
  data_categories: [{ id: naam, label: Naam }, { id: bsn, label: BSN, national_id: bsn }]
  purposes: [{ id: dienst, label: Dienstverlening }]
  recipients: [{ id: rijk, label: Rijksoverheid }]
  processors: [{ id: leverancier, name: Leverancier }]
  retention_rules: [{ id: kort, label: Kort, period: { after_event: { period: P1Y, event: case_closed } } }]
  security_measures: [{ id: toegang, label: Toegangsbeheer, category: access_control }]
  systems: [{ id: zaaksysteem, name: Zaaksysteem }]
activities:
  - id: eerste
    name: Eerste
    data_subjects: [inwoners, onbekend]
    data_categories: [naam]
    purposes: [dienst]
  - id: tweede
    name: Tweede
    data_subjects: [kinderen]
    data_categories: [bsn, naam, weg]
    purposes: [dienst, dienst]
    recipients: [rijk]
    processors: [leverancier]
    retention: [kort]
    security_measures: [toegang]
    systems: [zaaksysteem]
  - id: derde
    name: Derde
    data_categories: [naam]
"#,
        );
        let index = CatalogueIndex::new(&register.catalogues);
        let facts = OnceLock::new();
        let resolving = Context {
            register: &register,
            index: &index,
            facts: &facts,
            unmarked_political: &[],
            proposal: None,
            uses: &Uses::NONE,
            checked: &crate::engine::context::register_activities(&register),
        };
        let uses = Uses::new(&resolving);
        let ctx = Context {
            uses: &uses,
            ..resolving
        };
        fn same<'a, T: Indexed + 'a>(ctx: &Context<'a>, activity: &ActivityRef<'a>) -> usize {
            let table: Vec<_> = ctx
                .resolved::<T>(activity)
                .map(|(i, id, found)| (i, id.as_str(), found.map(|f| (f.subject, f.position))))
                .collect();
            let looked_up: Vec<_> = (activity_lists(activity.activity)[T::ORDINAL].iter().enumerate())
                .map(|(i, id)| {
                    let found = ctx.find::<T>(id.as_str());
                    (i, id.as_str(), found.map(|f| (f.subject, f.position)))
                })
                .collect();
            assert_eq!(table, looked_up, "{} of {}", T::KEY, activity.activity.id);
            table.len()
        }
        let mut references = 0;
        for activity in ctx.activities() {
            references += same::<DataSubject>(&ctx, &activity);
            references += same::<DataCategory>(&ctx, &activity);
            references += same::<Purpose>(&ctx, &activity);
            references += same::<Recipient>(&ctx, &activity);
            references += same::<Processor>(&ctx, &activity);
            references += same::<RetentionRule>(&ctx, &activity);
            references += same::<SecurityMeasure>(&ctx, &activity);
            references += same::<System>(&ctx, &activity);
        }
        assert_eq!(references, 16);
        let second = ctx.activities().nth(1).expect("two activities");
        let profile = ctx.profile(&second);
        assert!(profile.national_id && profile.vulnerable_subjects && !profile.criminal);
        let third = ctx.activities().nth(2).expect("three activities");
        assert!(!ctx.profile(&third).national_id);
    }
}
