//! The public register of processing activities, as Dutch municipalities publish it (domain
//! notes §14): one row per activity with its name, purposes, lawful basis with the provision,
//! data subjects and data, special categories, BSN use, recipients, processors, transfers,
//! retention, source, DPIA status, department and responsible body.

use super::Language;
use super::document::{Block, Document, Span, Table, Text};
use super::phrases::{self, Lookup};
use super::statement::{Builder, display_name};
use super::text::Texts;
use crate::model::{ProcessingActivity, Register};

/// The public register generated from `register`.
pub(crate) fn public_register(register: &Register, language: Language) -> Document {
    let t = Texts::of(language);
    let controller = display_name(register);
    let mut b = Builder::new();
    if let Some(updated) = &register.register.updated {
        b.plain(t.fill("statement.updated", &[("date", &t.date(updated))]));
    }
    b.plain(t.fill("register.intro", &[("controller", &controller)]));
    if register.register.incomplete {
        b.plain(t.get("register.incomplete"));
    }
    b.plain(t.fill(
        "register.count",
        &[("count", &register.activities.len().to_string())],
    ));
    if let Some(count) = register.register.stated_activity_count {
        b.plain(t.fill("register.stated_count", &[("count", &count.to_string())]));
    }
    b.blocks.push(Block::Table(table(register, language)));
    Document {
        language,
        title: t.fill("register.title", &[("controller", &controller)]),
        blocks: b.blocks,
    }
}

/// The column keys, in order; the first names the row.
const COLUMNS: [&str; 17] = [
    "name",
    "id",
    "unit",
    "responsible",
    "purposes",
    "lawful_basis",
    "data_subjects",
    "data_categories",
    "special_categories",
    "national_id",
    "recipients",
    "processors",
    "transfers",
    "retention",
    "sources",
    "dpia",
    "automated",
];

/// The register as a table, one row per activity (every activity, whatever its regime: the
/// Art 30 register lists them all).
pub(crate) fn table(register: &Register, language: Language) -> Table {
    let t = Texts::of(language);
    let lookup = Lookup::new(register);
    Table {
        caption: t.get("register.caption").to_owned(),
        header: COLUMNS
            .iter()
            .map(|c| t.get(&format!("register.{c}")).to_owned())
            .collect(),
        rows: register
            .activities
            .iter()
            .map(|a| row(t, &lookup, register, a))
            .collect(),
    }
}

fn row(t: &Texts, lookup: &Lookup<'_>, register: &Register, activity: &ProcessingActivity) -> Vec<Vec<Text>> {
    let plain = |items: Vec<String>| items.into_iter().map(Text::plain).collect::<Vec<_>>();
    let optional = |value: Option<String>| value.map(|v| vec![Text::plain(v)]).unwrap_or_default();
    let categories = lookup.categories_of(activity);
    let special: Vec<String> = phrases::activity_special_categories(&categories)
        .into_iter()
        .map(|c| t.label("special_category", c).to_owned())
        .collect();
    let bsn = if phrases::uses_bsn(&categories) {
        let basis = register.defaults.national_id_basis(activity);
        let mut text = Text::plain(t.get("words.yes"));
        match basis.and_then(|b| b.legal_provision.clone()) {
            Some(provision) => text.0.push(Span::Plain(format!(" ({provision})"))),
            None if basis.is_none() => {
                text.0.push(Span::Plain(" (".to_owned()));
                text.0.push(phrases::named_gap(t, t.get("activity.lawful_basis")));
                text.0.push(Span::Plain(")".to_owned()));
            }
            None => {}
        }
        text
    } else {
        Text::plain(t.get("words.no"))
    };
    let bases: Vec<Text> = activity
        .lawful_bases
        .iter()
        .map(|b| phrases::lawful_basis(t, lookup, b))
        .collect();
    let dpia = activity.dpia.as_ref().map(|d| {
        let status = t.label("dpia_status", d.status).to_owned();
        match &d.reference {
            Some(reference) => format!("{status} ({reference})"),
            None => status,
        }
    });
    let processors = match &activity.processors {
        crate::model::Listed::NotStated => Vec::new(),
        list => phrases::listed(t, list, "activity.processors_none", |id| {
            Text::plain(lookup.processor_label(id))
        }),
    };
    vec![
        vec![Text::plain(activity.name.clone())],
        vec![Text::plain(activity.id.to_string())],
        optional(activity.organisational_unit.clone()),
        plain(activity.responsible_bodies.clone()),
        phrases::listed(t, &activity.purposes, "words.none", |id| {
            Text::plain(lookup.purpose_labels(std::slice::from_ref(id)).concat())
        }),
        if bases.is_empty() {
            vec![Text::gap(t.get("words.gap"))]
        } else {
            bases
        },
        phrases::listed(t, &activity.data_subjects, "words.none", |id| {
            Text::plain(lookup.subject_labels(std::slice::from_ref(id)).concat())
        }),
        phrases::listed(t, &activity.data_categories, "words.none", |id| {
            Text::plain(lookup.category_labels(std::slice::from_ref(id)).concat())
        }),
        if special.is_empty() {
            vec![Text::plain(t.get("words.none"))]
        } else {
            plain(special)
        },
        vec![bsn],
        phrases::listed(t, &activity.recipients, "words.none", |id| {
            Text::plain(lookup.recipient_label(id))
        }),
        processors,
        phrases::transfers(t, lookup, register.statement.as_ref(), activity),
        phrases::listed(t, &activity.retention, "words.none", |id| {
            phrases::retention_rule(t, lookup, id)
        }),
        phrases::listed(t, &activity.data_sources, "activity.sources_none", |s| {
            phrases::source(t, s)
        }),
        optional(dpia),
        optional(
            activity
                .automated_decision_making
                .as_ref()
                .map(|a| a.description.clone()),
        ),
    ]
}
