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

/// The outcome of resolving the references of the activities rules check.
#[derive(Debug)]
pub(crate) struct References {
    /// Every activity's references in its eight catalogue lists (in the order of
    /// [`Context::activities`], each activity's lists in catalogue order, see
    /// [`activity_lists`]), resolved: rules read these instead of looking ids up again.
    slots: Vec<Slot>,
    /// Where each activity's lists start in `slots`, and where its last one ends, when
    /// linting.
    bounds: Vec<Bounds>,
    /// The bounds of the proposed activity's lists, when evaluating: kept here so that an
    /// evaluation allocates no table of one.
    proposed: Option<Bounds>,
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
        bounds: Vec::new(),
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
        let mut bounds = Vec::new();
        if linting {
            let count: usize = (ctx.register.activities.iter())
                .map(|a| activity_lists(a).iter().map(|l| l.len()).sum::<usize>())
                .sum();
            resolver.slots.reserve_exact(count);
            bounds.reserve_exact(ctx.register.activities.len());
        }
        for activity in ctx.activities() {
            bounds.push(resolver.activity(&activity));
        }
        // Evaluating resolves one activity: its bounds are kept without a table.
        let proposed = if linting { None } else { bounds.pop() };
        Self {
            slots: resolver.slots,
            bounds,
            proposed,
            dangling: resolver.dangling,
            used: resolver.used,
        }
    }

    /// The slots of the activity's list of `T`, when this table resolved that activity (see
    /// [`Context::activities`]).
    fn slots<T: CatalogueEntry>(&self, ctx: &Context<'_>, activity: &ActivityRef<'_>) -> Option<&[Slot]> {
        let bounds = match (ctx.proposal, activity.position) {
            // A register activity looked at while evaluating a proposal is not in the table.
            (Some(_), Some(_)) => return None,
            (Some(_), None) => self.proposed.as_ref()?,
            (None, position) => self.bounds.get(position?)?,
        };
        self.slots.get(*bounds.get(T::ORDINAL)?..*bounds.get(T::ORDINAL + 1)?)
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
        if self.used.is_none() {
            // Evaluating: one activity, whose references are counted before they are resolved.
            self.slots
                .reserve_exact(activity_lists(a).iter().map(|l| l.len()).sum());
        }
        let mut bounds = Bounds::default();
        let mut mark = |slots: &Vec<Slot>, ordinal: usize| {
            if let Some(bound) = bounds.get_mut(ordinal) {
                *bound = slots.len();
            }
        };
        mark(&self.slots, DataSubject::ORDINAL);
        self.list::<DataSubject>(activity);
        mark(&self.slots, DataCategory::ORDINAL);
        self.list::<DataCategory>(activity);
        mark(&self.slots, Purpose::ORDINAL);
        self.list::<Purpose>(activity);
        mark(&self.slots, Recipient::ORDINAL);
        self.list::<Recipient>(activity);
        mark(&self.slots, Processor::ORDINAL);
        self.list::<Processor>(activity);
        mark(&self.slots, RetentionRule::ORDINAL);
        self.list::<RetentionRule>(activity);
        mark(&self.slots, SecurityMeasure::ORDINAL);
        self.list::<SecurityMeasure>(activity);
        mark(&self.slots, System::ORDINAL);
        self.list::<System>(activity);
        mark(&self.slots, System::ORDINAL + 1);
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

    /// Resolves the activity's list of `T` into `slots`.
    fn list<T: Indexed + 'a>(&mut self, activity: &ActivityRef<'a>) {
        let ids: &'a [Id] = activity_lists(activity.activity)
            .get(T::ORDINAL)
            .copied()
            .unwrap_or_default();
        for (i, id) in ids.iter().enumerate() {
            let found = self.one::<T>(id, true, || activity.at_index(T::ACTIVITY_FIELD, i));
            self.slots.push(found.map(|f| (f.subject, f.position)));
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
