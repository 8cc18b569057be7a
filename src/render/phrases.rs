//! Phrases both documents share: catalogue labels by id, lawful bases, retention, sources,
//! transfers. Each returns [`Text`], so that what the register leaves unsaid stays visible as a
//! gap.

use std::collections::{HashMap, HashSet};

use super::document::{Span, Text};
use super::text::Texts;
use crate::model::{
    DataCategory, DataSource, DataSubject, Id, LawfulBasis, LawfulBasisKind, Listed, NationalIdNumber,
    ProcessingActivity, Processor, Purpose, Recipient, Register, Retention, RetentionEvent, RetentionRule,
    SecurityMeasure, SpecialCategory, Statement, System, Transfer, TransferCommitment,
};

/// The register's catalogues by id, built once.
pub(crate) struct Lookup<'a> {
    pub(crate) subjects: HashMap<&'a str, &'a DataSubject>,
    pub(crate) categories: HashMap<&'a str, &'a DataCategory>,
    pub(crate) purposes: HashMap<&'a str, &'a Purpose>,
    pub(crate) recipients: HashMap<&'a str, &'a Recipient>,
    pub(crate) processors: HashMap<&'a str, &'a Processor>,
    pub(crate) retention: HashMap<&'a str, &'a RetentionRule>,
    pub(crate) measures: HashMap<&'a str, &'a SecurityMeasure>,
    pub(crate) systems: HashMap<&'a str, &'a System>,
}

fn by_id<T>(entries: &[T], id: impl Fn(&T) -> &Id) -> HashMap<&str, &T> {
    // The first entry wins for a duplicated id, as the engine reports the second
    // (`duplicate-id`).
    let mut map = HashMap::with_capacity(entries.len());
    for entry in entries {
        map.entry(id(entry).as_str()).or_insert(entry);
    }
    map
}

impl<'a> Lookup<'a> {
    pub(crate) fn new(register: &'a Register) -> Self {
        let c = &register.catalogues;
        Self {
            subjects: by_id(&c.data_subjects, |e| &e.id),
            categories: by_id(&c.data_categories, |e| &e.id),
            purposes: by_id(&c.purposes, |e| &e.id),
            recipients: by_id(&c.recipients, |e| &e.id),
            processors: by_id(&c.processors, |e| &e.id),
            retention: by_id(&c.retention_rules, |e| &e.id),
            measures: by_id(&c.security_measures, |e| &e.id),
            systems: by_id(&c.systems, |e| &e.id),
        }
    }

    /// The labels of `ids` in `catalogue`; an id no entry declares is shown as written (the
    /// engine reports it as `dangling-reference`), so nothing is dropped.
    pub(crate) fn labels<T>(
        &self,
        catalogue: &HashMap<&str, &'a T>,
        ids: &[Id],
        label: impl Fn(&T) -> String,
    ) -> Vec<String> {
        ids.iter()
            .map(|id| {
                catalogue
                    .get(id.as_str())
                    .map_or_else(|| id.to_string(), |entry| label(entry))
            })
            .collect()
    }

    pub(crate) fn purpose_labels(&self, ids: &[Id]) -> Vec<String> {
        self.labels(&self.purposes, ids, |p| p.label.clone())
    }

    pub(crate) fn subject_labels(&self, ids: &[Id]) -> Vec<String> {
        self.labels(&self.subjects, ids, |s| s.label.clone())
    }

    pub(crate) fn category_labels(&self, ids: &[Id]) -> Vec<String> {
        self.labels(&self.categories, ids, |c| c.label.clone())
    }

    pub(crate) fn recipient_label(&self, id: &Id) -> String {
        self.recipients
            .get(id.as_str())
            .map_or_else(|| id.to_string(), |r| r.label.clone())
    }

    pub(crate) fn processor_label(&self, id: &Id) -> String {
        self.processors
            .get(id.as_str())
            .map_or_else(|| id.to_string(), |p| processor_name(p))
    }

    /// An entry's label with its description, as the statement shows it ("Naam: onderdeel van
    /// de zakelijke contactgegevens").
    pub(crate) fn described<T>(
        &self,
        catalogue: &HashMap<&str, &'a T>,
        id: &Id,
        parts: impl Fn(&T) -> (&str, Option<&str>),
    ) -> String {
        match catalogue.get(id.as_str()) {
            Some(entry) => match parts(entry) {
                (label, Some(description)) => format!("{label}: {description}"),
                (label, None) => label.to_owned(),
            },
            None => id.to_string(),
        }
    }

    /// The activity's data categories that exist in the catalogue.
    pub(crate) fn categories_of(&self, activity: &ProcessingActivity) -> Vec<&'a DataCategory> {
        activity
            .data_categories
            .iter()
            .filter_map(|id| self.categories.get(id.as_str()).copied())
            .collect()
    }
}

/// A processor's name, with its service where given.
pub(crate) fn processor_name(processor: &Processor) -> String {
    let name = processor.name.clone().unwrap_or_else(|| processor.id.to_string());
    match &processor.service {
        Some(service) => format!("{name} ({service})"),
        None => name,
    }
}

/// The special categories a data category belongs to.
pub(crate) fn special_categories(category: &DataCategory) -> impl Iterator<Item = SpecialCategory> + '_ {
    category
        .special_category
        .into_iter()
        .chain(category.also_special_categories.iter().copied())
}

/// The special categories of an activity's data, each once, in order of appearance.
pub(crate) fn activity_special_categories(categories: &[&DataCategory]) -> Vec<SpecialCategory> {
    let mut seen = HashSet::new();
    categories
        .iter()
        .flat_map(|c| special_categories(c))
        .filter(|s| seen.insert(*s))
        .collect()
}

/// Whether any of the categories is the BSN.
pub(crate) fn uses_bsn(categories: &[&DataCategory]) -> bool {
    categories
        .iter()
        .any(|c| c.national_id == Some(NationalIdNumber::Bsn))
}

/// One value per item of a list the register may leave unsaid: the items, the text for an
/// explicit none, or a gap.
pub(crate) fn listed<T>(t: &Texts, list: &Listed<T>, none_key: &str, item: impl Fn(&T) -> Text) -> Vec<Text> {
    match list {
        Listed::Items(items) => items.iter().map(item).collect(),
        Listed::None => vec![Text::plain(t.get(none_key))],
        Listed::NotStated => vec![Text::gap(t.get("words.gap"))],
    }
}

/// A gap naming what is missing: "how it works: not stated in the register".
pub(crate) fn named_gap(t: &Texts, what: &str) -> Span {
    Span::Gap(format!("{what}: {}", t.get("words.gap")))
}

/// A lawful basis as the statement names it: the Art 6(1) basis with its provision, the
/// legitimate interest, and the purposes it covers.
pub(crate) fn lawful_basis(t: &Texts, lookup: &Lookup<'_>, basis: &LawfulBasis) -> Text {
    let mut text = Text::default();
    let name = match (basis.basis, &basis.wording) {
        // The register's own wording goes with the basis it names ("Algemeen belang").
        (Some(kind), Some(wording)) => Some(format!("{} (“{wording}”)", t.label("lawful_basis", kind))),
        (Some(kind), None) => Some(t.label("lawful_basis", kind).to_owned()),
        (None, Some(wording)) => Some(wording.clone()),
        (None, None) => None,
    };
    match (name, &basis.legal_provision) {
        (Some(name), Some(provision)) => {
            text.0.push(Span::Plain(t.fill(
                "activity.basis_with_provision",
                &[("basis", &name), ("provision", provision)],
            )));
        }
        (Some(name), None) => text.0.push(Span::Plain(name)),
        (None, Some(provision)) => text.0.push(Span::Plain(provision.clone())),
        (None, None) => text.0.push(Span::Gap(t.get("words.gap").to_owned())),
    }
    if basis.basis == Some(LawfulBasisKind::LegitimateInterests) {
        text.0.push(Span::Plain("; ".to_owned()));
        match basis
            .legitimate_interest
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(interest) => text.0.push(Span::Plain(
                t.fill("activity.legitimate_interest", &[("interest", interest)]),
            )),
            None => text
                .0
                .push(named_gap(t, t.get("activity.legitimate_interest_missing"))),
        }
    }
    if !basis.purposes.is_empty() {
        let purposes = t.and_list(&lookup.purpose_labels(&basis.purposes));
        text.0.push(Span::Plain(format!(
            " ({})",
            t.fill("activity.for_purposes", &[("list", &purposes)])
        )));
    }
    if !basis.data_categories.is_empty() {
        let categories = t.and_list(&lookup.category_labels(&basis.data_categories));
        text.0.push(Span::Plain(format!(
            " ({})",
            t.fill("activity.for_categories", &[("list", &categories)])
        )));
    }
    text
}

/// A data source: its kind, name and when it is used.
pub(crate) fn source(t: &Texts, source: &DataSource) -> Text {
    let kind = t.label("source", source.kind);
    let mut text = match &source.name {
        Some(name) => t.fill("activity.source_named", &[("kind", kind), ("name", name)]),
        None => kind.to_owned(),
    };
    if let Some(when) = &source.when {
        text = format!("{text} ({when})");
    }
    if let Some(provision) = &source.legal_provision {
        text = t.fill(
            "activity.basis_with_provision",
            &[("basis", &text), ("provision", provision)],
        );
    }
    Text::plain(text)
}

/// A transfer: destination, mechanism and safeguards.
pub(crate) fn transfer(t: &Texts, lookup: &Lookup<'_>, transfer: &Transfer) -> Text {
    let country = t.country(&transfer.country);
    let mut destination = country.clone();
    if let Some(id) = &transfer.recipient {
        destination = format!("{} ({country})", lookup.recipient_label(id));
    } else if let Some(id) = &transfer.processor {
        destination = format!("{} ({country})", lookup.processor_label(id));
    }
    if let Some(organisation) = &transfer.international_organisation {
        destination = format!("{organisation} ({country})");
    }
    let mut text = Text::default();
    match transfer.mechanism {
        Some(mechanism) => text.0.push(Span::Plain(t.fill(
            "activity.transfer",
            &[
                ("country", &destination),
                ("mechanism", t.label("transfer_mechanism", mechanism)),
            ],
        ))),
        None => {
            text.0.push(Span::Plain(format!("{destination}: ")));
            text.0.push(named_gap(t, t.get("activity.transfer_no_mechanism")));
        }
    }
    if !transfer.safeguards.is_empty() {
        let list = t.and_list(&transfer.safeguards);
        text.0.push(Span::Plain(format!(
            "; {}",
            t.fill("activity.transfer_safeguards", &[("list", &list)])
        )));
    }
    text
}

/// An activity's transfers; where it does not state them, the statement's promise to keep data in
/// the EU or the EEA answers for it.
pub(crate) fn transfers(
    t: &Texts,
    lookup: &Lookup<'_>,
    statement: Option<&Statement>,
    activity: &ProcessingActivity,
) -> Vec<Text> {
    match (&activity.transfers, statement.and_then(|s| s.transfers)) {
        (Listed::NotStated, Some(TransferCommitment::EuOnly)) => {
            vec![Text::plain(t.get("activity.transfers_eu_only"))]
        }
        (Listed::NotStated, Some(TransferCommitment::EeaOnly)) => {
            vec![Text::plain(t.get("activity.transfers_eea_only"))]
        }
        (list, _) => listed(t, list, "activity.transfers_none", |tr| transfer(t, lookup, tr)),
    }
}

/// The event a retention runs from or to: the language's phrase for a typed event, the
/// organisation's wording for any other, without a leading preposition the template already has
/// ("na afloop van het event" after "tot 1 maand na").
fn event(
    t: &Texts,
    event: Option<RetentionEvent>,
    label: Option<&String>,
    age: Option<u8>,
    preposition: &str,
) -> Option<String> {
    match (event, label) {
        (Some(event), _) if event != RetentionEvent::Other => {
            let age = age.map_or_else(String::new, |a| a.to_string());
            Some(t.fill(
                &format!("enum.retention_event.{}", <&str>::from(event)),
                &[("age", &age)],
            ))
        }
        (_, Some(label)) => {
            let word = t.get(preposition);
            let stripped = label
                .get(..word.len() + 1)
                .filter(|head| head.eq_ignore_ascii_case(&format!("{word} ")))
                .map_or(label.as_str(), |head| &label[head.len()..]);
            Some(stripped.to_owned())
        }
        (Some(event), None) => Some(t.label("retention_event", event).to_owned()),
        (None, None) => None,
    }
}

/// A retention in words: "tot 1 maand na afloop van de bijeenkomst", "5 years after the
/// contract ends".
pub(crate) fn retention(t: &Texts, retention: &Retention) -> Text {
    let mut text = Text::default();
    retention_into(t, retention, &mut text, 0);
    text
}

/// Retentions nest (a case of a conditional one is a retention); a register cannot nest them
/// deeper than the loader's depth limit, and this bound keeps the renderer's recursion finite
/// even for a model built in code.
const MAX_NESTING: usize = 32;

fn retention_into(t: &Texts, retention: &Retention, text: &mut Text, depth: usize) {
    let plain = |text: &mut Text, s: String| text.0.push(Span::Plain(s));
    match retention {
        Retention::AfterEvent(after) => {
            let mut period = t.period(&after.period);
            if let Some(up_to) = &after.up_to {
                period = t.fill("retention.range", &[("from", &period), ("to", &t.period(up_to))]);
            }
            let zero = after.period == crate::model::Period::default() && after.up_to.is_none();
            let mut words = match event(
                t,
                after.event,
                after.event_label.as_ref(),
                after.age,
                "retention.after_word",
            ) {
                Some(event) if zero => t.fill("retention.after_event_immediately", &[("event", &event)]),
                Some(event) => t.fill("retention.after_event", &[("period", &period), ("event", &event)]),
                None => t.fill("retention.after_unstated_event", &[("period", &period)]),
            };
            if let Some(while_) = &after.extended_while {
                words = t.fill("retention.extended", &[("text", &words), ("while", while_)]);
            }
            if after.minimum {
                words = t.fill("retention.minimum", &[("text", &words)]);
            }
            if let Some(provision) = &after.legal_provision {
                words = t.fill("retention.by_law", &[("text", &words), ("provision", provision)]);
            }
            plain(text, words);
            if after.event.is_none() && after.event_label.is_none() {
                plain(text, " (".to_owned());
                text.0.push(named_gap(t, t.get("retention.start_missing")));
                plain(text, ")".to_owned());
            }
        }
        Retention::UntilEvent(until) => {
            let event = event(
                t,
                Some(until.event),
                until.event_label.as_ref(),
                until.age,
                "retention.until_word",
            )
            .unwrap_or_default();
            let mut words = t.fill("retention.until_event", &[("event", &event)]);
            if let Some(provision) = &until.legal_provision {
                words = t.fill("retention.by_law", &[("text", &words), ("provision", provision)]);
            }
            plain(text, words);
        }
        Retention::Conditional(conditional) => {
            if depth >= MAX_NESTING {
                return;
            }
            for (i, case) in conditional.cases.iter().enumerate() {
                if i > 0 {
                    plain(text, "; ".to_owned());
                }
                plain(
                    text,
                    t.fill("retention.case", &[("when", &case.when), ("retention", "")]),
                );
                match &case.retention {
                    Some(inner) => retention_into(t, inner, text, depth + 1),
                    None => text.0.push(Span::Gap(t.get("words.gap").to_owned())),
                }
            }
            if let Some(otherwise) = &conditional.otherwise {
                if !conditional.cases.is_empty() {
                    plain(text, "; ".to_owned());
                }
                let mut inner = Text::default();
                retention_into(t, otherwise, &mut inner, depth + 1);
                // The template ends in `{retention}`, which is rich text (it may hold a gap).
                plain(text, t.fill("retention.otherwise", &[("retention", "")]));
                text.0.extend(inner.0);
            }
        }
        Retention::SelectionList(selection) => {
            let args = [
                ("list", selection.list.as_str()),
                ("category", selection.category.as_str()),
            ];
            let words = match (selection.action, &selection.period) {
                (crate::model::ArchiveAction::Destroy, Some(period)) => {
                    let period = t.period(period);
                    t.fill(
                        "retention.selection_list_destroy",
                        &[args[0], args[1], ("period", &period)],
                    )
                }
                (crate::model::ArchiveAction::Destroy, None) => {
                    t.fill("retention.selection_list_destroy_no_period", &args)
                }
                (crate::model::ArchiveAction::KeepPermanently, _) => {
                    t.fill("retention.selection_list_keep", &args)
                }
            };
            plain(text, words);
        }
        Retention::Permanent { legal_provision } => {
            let mut words = t.get("retention.permanent").to_owned();
            if let Some(provision) = legal_provision {
                words = t.fill("retention.by_law", &[("text", &words), ("provision", provision)]);
            }
            plain(text, words);
        }
        Retention::AsLongAsNecessary { criteria } => plain(
            text,
            match criteria {
                Some(criteria) => t.fill(
                    "retention.as_long_as_necessary_criteria",
                    &[("criteria", criteria)],
                ),
                None => t.get("retention.as_long_as_necessary").to_owned(),
            },
        ),
        Retention::Unlimited { reason } => {
            let words = t.get("retention.unlimited").to_owned();
            plain(
                text,
                match reason {
                    Some(reason) => t.fill("retention.reason", &[("text", &words), ("reason", reason)]),
                    None => words,
                },
            );
        }
    }
}

/// A retention rule by id: its label and its retention; an unknown id is shown as written.
pub(crate) fn retention_rule(t: &Texts, lookup: &Lookup<'_>, id: &Id) -> Text {
    let Some(rule) = lookup.retention.get(id.as_str()) else {
        return Text::plain(id.to_string());
    };
    let mut text = Text::plain(t.fill("retention.rule", &[("label", &rule.label), ("retention", "")]));
    text.0.extend(retention(t, &rule.period).0);
    if let Some(reason) = &rule.reason {
        text.0.push(Span::Plain(format!(" ({reason})")));
    }
    text
}
