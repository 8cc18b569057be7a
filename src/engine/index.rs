//! Catalogue lookups by id, built once per register (and a small overlay for a proposal's own
//! entries), so rules never scan.

use compact_str::CompactString;
use foldhash::{HashMap, HashMapExt};

use super::finding::Subject;
use crate::model::{
    Catalogues, DataCategory, DataSubject, Id, ProcessingActivity, Processor, Purpose, Recipient,
    RetentionRule, SecurityMeasure, System,
};
use crate::path::FieldPath;

/// A catalogue entry type: where its list lives and how to get its id.
pub(crate) trait CatalogueEntry {
    /// The key of its list under `catalogues` (and under a proposal's `introduces`).
    const KEY: &'static str;
    /// The word messages use for one entry.
    const NOUN: &'static str;
    /// The word messages use for several entries.
    const PLURAL: &'static str;
    /// The catalogue's place among the eight, in the order of [`catalogue_ids`]: for tables
    /// that keep something per catalogue.
    const ORDINAL: usize;
    /// The field of a processing activity that lists the entries it uses.
    const ACTIVITY_FIELD: &'static str;
    /// The entry's id.
    fn id(&self) -> &Id;
    /// Its list in a set of catalogues.
    fn list(catalogues: &Catalogues) -> &[Self]
    where
        Self: Sized;
}

macro_rules! catalogue_entries {
    ($($ordinal:literal: $ty:ty => $field:ident in $listed:ident, $noun:literal, $plural:literal;)+) => {
        /// An activity's eight lists of catalogue references, in catalogue order
        /// ([`CatalogueEntry::ORDINAL`]).
        pub(crate) fn activity_lists(activity: &ProcessingActivity) -> [&[Id]; 8] {
            [$(&activity.$listed),+]
        }
        $(
        impl CatalogueEntry for $ty {
            const KEY: &'static str = stringify!($field);
            const ACTIVITY_FIELD: &'static str = stringify!($listed);
            const NOUN: &'static str = $noun;
            const PLURAL: &'static str = $plural;
            const ORDINAL: usize = $ordinal;
            fn id(&self) -> &Id {
                &self.id
            }
            fn list(catalogues: &Catalogues) -> &[Self] {
                &catalogues.$field
            }
        }
    )+};
}

catalogue_entries! {
    0: DataSubject => data_subjects in data_subjects, "data subject category", "data subject categories";
    1: DataCategory => data_categories in data_categories, "data category", "data categories";
    2: Purpose => purposes in purposes, "purpose", "purposes";
    3: Recipient => recipients in recipients, "recipient", "recipients";
    4: Processor => processors in processors, "processor", "processors";
    5: RetentionRule => retention_rules in retention, "retention rule", "retention rules";
    6: SecurityMeasure => security_measures in security_measures, "security measure", "security measures";
    7: System => systems in systems, "system", "systems";
}

/// An entry found by id, with where it is declared.
#[derive(Debug)]
pub(crate) struct Found<'a, T> {
    pub(crate) entry: &'a T,
    pub(crate) subject: Subject,
    pub(crate) position: usize,
}

// By hand: a derive would ask `T: Copy`, but only a reference to `T` is copied.
impl<T> Clone for Found<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Found<'_, T> {}

impl<T: CatalogueEntry> Found<'_, T> {
    /// The path of the entry in its document.
    pub(crate) fn path(&self) -> FieldPath {
        catalogue_path::<T>(self.subject).index(self.position)
    }
}

/// Where a catalogue list lives in a document.
pub(crate) fn catalogue_path<T: CatalogueEntry>(subject: Subject) -> FieldPath {
    let root = match subject {
        Subject::Register => "catalogues",
        Subject::Proposal => "introduces",
    };
    // Room for the entry's index and one field below it, so a finding's path is one allocation.
    FieldPath::from_segments(Vec::with_capacity(5))
        .key(root)
        .key(T::KEY)
}

/// One catalogue indexed by id: the first entry with each id wins (duplicates are a finding).
///
/// A list of at most [`SCANNED`] entries is searched by comparing ids, without a hash index:
/// a proposal's own entries are indexed for every evaluation, and seeding and hashing into a
/// table costs more than comparing a few short ids.
#[derive(Debug)]
pub(crate) struct Lookup<'a, T> {
    items: &'a [T],
    /// Ids are copied into the table (inline, as ids are short) so that a probe compares within
    /// the table instead of reading each entry's id from wherever the entry lives.
    by_id: Option<HashMap<CompactString, usize>>,
}

/// The longest list [`Lookup`] searches without a hash index.
const SCANNED: usize = 8;

impl<'a, T: CatalogueEntry> Lookup<'a, T> {
    pub(crate) fn new(catalogues: &'a Catalogues) -> Self {
        let items = T::list(catalogues);
        if items.len() <= SCANNED {
            return Self { items, by_id: None };
        }
        let mut by_id = HashMap::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            by_id.entry(CompactString::from(item.id().as_str())).or_insert(i);
        }
        Self {
            items,
            by_id: Some(by_id),
        }
    }

    pub(crate) fn get(&self, id: &str) -> Option<(usize, &'a T)> {
        let i = match &self.by_id {
            Some(by_id) => *by_id.get(id)?,
            None => self.items.iter().position(|item| item.id().as_str() == id)?,
        };
        Some((i, self.items.get(i)?))
    }

    pub(crate) fn items(&self) -> &'a [T] {
        self.items
    }
}

/// All catalogues of one document, indexed.
#[derive(Debug)]
pub(crate) struct CatalogueIndex<'a> {
    pub(crate) data_subjects: Lookup<'a, DataSubject>,
    pub(crate) data_categories: Lookup<'a, DataCategory>,
    pub(crate) purposes: Lookup<'a, Purpose>,
    pub(crate) recipients: Lookup<'a, Recipient>,
    pub(crate) processors: Lookup<'a, Processor>,
    pub(crate) retention_rules: Lookup<'a, RetentionRule>,
    pub(crate) security_measures: Lookup<'a, SecurityMeasure>,
    pub(crate) systems: Lookup<'a, System>,
}

impl<'a> CatalogueIndex<'a> {
    pub(crate) fn new(catalogues: &'a Catalogues) -> Self {
        Self {
            data_subjects: Lookup::new(catalogues),
            data_categories: Lookup::new(catalogues),
            purposes: Lookup::new(catalogues),
            recipients: Lookup::new(catalogues),
            processors: Lookup::new(catalogues),
            retention_rules: Lookup::new(catalogues),
            security_measures: Lookup::new(catalogues),
            systems: Lookup::new(catalogues),
        }
    }
}

/// Picks one catalogue's lookup out of an index.
pub(crate) trait Indexed: CatalogueEntry + Sized {
    fn lookup<'i, 'a>(index: &'i CatalogueIndex<'a>) -> &'i Lookup<'a, Self>;
}

macro_rules! indexed {
    ($($ty:ty => $field:ident;)+) => {$(
        impl Indexed for $ty {
            fn lookup<'i, 'a>(index: &'i CatalogueIndex<'a>) -> &'i Lookup<'a, Self> {
                &index.$field
            }
        }
    )+};
}

indexed! {
    DataSubject => data_subjects;
    DataCategory => data_categories;
    Purpose => purposes;
    Recipient => recipients;
    Processor => processors;
    RetentionRule => retention_rules;
    SecurityMeasure => security_measures;
    System => systems;
}

/// The ids of every catalogue list, with the list's key and the noun for one entry.
pub(crate) fn catalogue_ids(catalogues: &Catalogues) -> [(&'static str, &'static str, Vec<&Id>); 8] {
    fn ids<'c, T: CatalogueEntry + 'c>(
        catalogues: &'c Catalogues,
    ) -> (&'static str, &'static str, Vec<&'c Id>) {
        (
            T::KEY,
            T::NOUN,
            T::list(catalogues).iter().map(CatalogueEntry::id).collect(),
        )
    }
    [
        ids::<DataSubject>(catalogues),
        ids::<DataCategory>(catalogues),
        ids::<Purpose>(catalogues),
        ids::<Recipient>(catalogues),
        ids::<Processor>(catalogues),
        ids::<RetentionRule>(catalogues),
        ids::<SecurityMeasure>(catalogues),
        ids::<System>(catalogues),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each catalogue's ordinal is its place in `catalogue_ids`.
    #[test]
    fn ordinals_follow_catalogue_ids() {
        fn place<T: CatalogueEntry>(keys: &[&str]) -> Option<usize> {
            keys.iter().position(|k| *k == T::KEY)
        }
        let keys = catalogue_ids(&Catalogues::default()).map(|(key, _, _)| key);
        assert_eq!(place::<DataSubject>(&keys), Some(DataSubject::ORDINAL));
        assert_eq!(place::<DataCategory>(&keys), Some(DataCategory::ORDINAL));
        assert_eq!(place::<Purpose>(&keys), Some(Purpose::ORDINAL));
        assert_eq!(place::<Recipient>(&keys), Some(Recipient::ORDINAL));
        assert_eq!(place::<Processor>(&keys), Some(Processor::ORDINAL));
        assert_eq!(place::<RetentionRule>(&keys), Some(RetentionRule::ORDINAL));
        assert_eq!(place::<SecurityMeasure>(&keys), Some(SecurityMeasure::ORDINAL));
        assert_eq!(place::<System>(&keys), Some(System::ORDINAL));
    }

    /// Short lists are scanned and long ones hashed; either way an id finds its first entry,
    /// and an undeclared id finds nothing.
    #[test]
    fn lookups_find_the_first_entry_with_an_id_scanned_or_hashed() {
        for len in [0, 1, SCANNED, SCANNED + 1, 40] {
            // Every id twice: p0, p1, ..., p0, p1, ...
            let purposes: Vec<serde_json::Value> = (0..2 * len)
                .map(|i| serde_json::json!({ "id": format!("p{}", i % len.max(1)), "label": format!("{i}") }))
                .collect();
            let catalogues: Catalogues =
                serde_json::from_value(serde_json::json!({ "purposes": purposes })).expect("catalogues");
            let lookup = Lookup::<Purpose>::new(&catalogues);
            assert_eq!(lookup.by_id.is_some(), 2 * len > SCANNED, "{len}");
            for i in 0..len {
                let (position, entry) = lookup.get(&format!("p{i}")).expect("declared");
                assert_eq!((position, entry.label.as_str()), (i, format!("{i}").as_str()));
            }
            assert!(lookup.get("undeclared").is_none());
        }
    }
}
