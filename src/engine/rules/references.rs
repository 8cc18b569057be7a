//! Every catalogue reference an activity makes, resolved once per run and shared: the rules
//! that ask what an id names (`dangling-reference`, `unused-catalogue-entry`, the rules about
//! data categories) would otherwise each look up the same ids again, and those lookups were
//! most of the cost of linting a large register.

use super::completeness::dangling_reference;
use super::prelude::*;
use crate::engine::index::{Found, Indexed, catalogue_ids};

/// The outcome of resolving the references of the activities rules check.
#[derive(Debug)]
pub(crate) struct References<'a> {
    /// For each activity (in the order of [`Context::activities`]), the data categories it names
    /// that resolve, with their index in its list.
    pub(crate) categories: Vec<Vec<(usize, Found<'a, DataCategory>)>>,
    /// `dangling-reference`'s findings: references to ids no catalogue declares.
    pub(crate) dangling: Vec<Finding>,
    /// When linting, which of the register's catalogue entries the activities use: by
    /// catalogue ([`CatalogueEntry::ORDINAL`]) and position, with a reference to an id marking
    /// the first entry with that id.
    pub(crate) used: Option<[Vec<bool>; 8]>,
}

impl<'a> References<'a> {
    /// Nothing resolved.
    pub(crate) const NONE: References<'static> = References {
        categories: Vec::new(),
        dangling: Vec::new(),
        used: None,
    };

    /// Resolves the references of the context's activities.
    pub(crate) fn new(ctx: &Context<'a>) -> Self {
        let mut resolver = Resolver {
            ctx,
            dangling: Vec::new(),
            // Only linting judges whether entries are used; evaluating looks at one activity.
            used: ctx
                .proposal
                .is_none()
                .then(|| catalogue_ids(&ctx.register.catalogues).map(|(_, _, ids)| vec![false; ids.len()])),
        };
        let categories = ctx.activities().map(|a| resolver.activity(&a)).collect();
        Self {
            categories,
            dangling: resolver.dangling,
            used: resolver.used,
        }
    }
}

struct Resolver<'c, 'a> {
    ctx: &'c Context<'a>,
    dangling: Vec<Finding>,
    used: Option<[Vec<bool>; 8]>,
}

impl<'a> Resolver<'_, 'a> {
    /// Resolves every reference of one activity; returns its data categories.
    fn activity(&mut self, activity: &ActivityRef<'a>) -> Vec<(usize, Found<'a, DataCategory>)> {
        let a = activity.activity;
        let at = |field: &'static str, i: usize| activity.at_index(field, i);
        self.list::<Purpose>(&a.purposes, |i| at("purposes", i));
        self.list::<DataSubject>(&a.data_subjects, |i| at("data_subjects", i));
        let categories = (a.data_categories.iter().enumerate())
            .filter_map(|(i, id)| {
                Some((
                    i,
                    self.one::<DataCategory>(id, true, || at("data_categories", i))?,
                ))
            })
            .collect();
        self.list::<RetentionRule>(&a.retention, |i| at("retention", i));
        self.list::<Recipient>(&a.recipients, |i| at("recipients", i));
        self.list::<Processor>(&a.processors, |i| at("processors", i));
        self.list::<System>(&a.systems, |i| at("systems", i));
        self.list::<SecurityMeasure>(&a.security_measures, |i| at("security_measures", i));
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
        categories
    }

    fn list<T: Indexed + 'a>(&mut self, ids: &'a [Id], at: impl Fn(usize) -> (Subject, FieldPath)) {
        for (i, id) in ids.iter().enumerate() {
            self.one::<T>(id, true, || at(i));
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
