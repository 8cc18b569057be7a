//! The privacy statement: every Art 13/14 item that applies, built from the register.
//!
//! The order follows what a reader needs first: who is responsible and how to reach them, then
//! what is processed and why, per activity; the right to object stands in a section of its own
//! (Art 21(4)), before the other rights; then consent, complaints, automated decisions, cookies,
//! security and children. What the register leaves unsaid is shown as a gap, never filled in.

use std::collections::HashSet;

use super::Language;
use super::document::{Block, Document, Fact, Span, Text, anchor};
use super::phrases::{self, Lookup, named_gap};
use super::text::Texts;
use crate::model::{
    Channel, Contact, DataSourceKind, DataSubjectRight, LawfulBasisKind, LegalRegime, ProcessingActivity,
    PurposeKind, RecipientKind, Register, Statement,
};

/// Builds a document block by block, keeping heading anchors unique.
pub(crate) struct Builder {
    pub(crate) blocks: Vec<Block>,
    anchors: HashSet<String>,
}

impl Builder {
    pub(crate) fn new() -> Self {
        Self {
            blocks: Vec::new(),
            anchors: HashSet::new(),
        }
    }

    pub(crate) fn heading(&mut self, level: u8, text: &str) {
        let base = anchor(text);
        let mut candidate = base.clone();
        let mut n = 1;
        while !self.anchors.insert(candidate.clone()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.blocks.push(Block::Heading {
            level,
            anchor: candidate,
            text: text.to_owned(),
        });
    }

    pub(crate) fn paragraph(&mut self, text: Text) {
        self.blocks.push(Block::Paragraph(text));
    }

    pub(crate) fn plain(&mut self, text: impl Into<String>) {
        self.paragraph(Text::plain(text));
    }
}

/// The activities under the GDPR: those under the Police Data Act or the Judicial Data Act are
/// not described in a GDPR privacy statement.
fn gdpr_activities(register: &Register) -> impl Iterator<Item = &ProcessingActivity> {
    register
        .activities
        .iter()
        .filter(|a| matches!(a.regime, None | Some(LegalRegime::Gdpr)))
}

/// The privacy statement generated from `register`.
pub(crate) fn statement(register: &Register, language: Language) -> Document {
    let t = Texts::of(language);
    let lookup = Lookup::new(register);
    let empty = Statement::default();
    let statement = register.statement.as_ref().unwrap_or(&empty);
    let controller = display_name(register);
    let mut b = Builder::new();

    if let Some(updated) = &statement.updated {
        b.plain(t.fill("statement.updated", &[("date", &t.date(updated))]));
    }
    b.plain(t.fill("statement.intro", &[("controller", &controller)]));
    let register_date = register.register.updated.as_ref().map_or_else(String::new, |d| {
        t.fill("statement.register_date", &[("date", &t.date(d))])
    });
    b.plain(t.fill("statement.generated", &[("register_date", &register_date)]));
    if statement.work_in_progress {
        b.plain(t.get("statement.work_in_progress"));
    }
    b.blocks.push(Block::Contents {
        title: t.get("statement.contents").to_owned(),
    });

    controller_section(&mut b, t, register, &controller);
    dpo_section(&mut b, t, register);
    activities_section(&mut b, t, &lookup, register, statement);
    objection_section(&mut b, t, &lookup, register);
    rights_section(&mut b, t, register, statement);
    consent_section(&mut b, t, register);
    complaints_section(&mut b, t, register, statement);
    automated_section(&mut b, t, register, statement);
    cookies_section(&mut b, t, register, statement);
    security_section(&mut b, t, &lookup, register, statement);
    children_section(&mut b, t, statement);
    more_section(&mut b, t, statement);

    // The generated statement is a document of its own: its title names the controller, whatever
    // the original was called (some are titled "Op deze pagina leest u …").
    let title = t.fill("statement.title", &[("controller", &controller)]);
    Document {
        language,
        title,
        blocks: b.blocks,
    }
}

/// The controller's name, with its short name where it has one.
pub(crate) fn display_name(register: &Register) -> String {
    let controller = &register.controller;
    match &controller.short_name {
        Some(short) if short != &controller.name => format!("{} ({short})", controller.name),
        _ => controller.name.clone(),
    }
}

/// The ways to reach someone, one fact per channel; e-mail addresses and websites as links.
fn contact_facts(t: &Texts, contact: &Contact) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut add = |key: &str, value: &Option<String>, url: Option<String>| {
        if let Some(value) = value {
            let text = match url {
                Some(url) => Text(vec![Span::Link {
                    text: value.clone(),
                    url,
                }]),
                None => Text::plain(value.clone()),
            };
            facts.push(Fact {
                term: t.get(&format!("enum.contact.{key}")).to_owned(),
                values: vec![text],
            });
        }
    };
    add(
        "email",
        &contact.email,
        contact.email.as_ref().map(|e| format!("mailto:{}", e.trim())),
    );
    add("phone", &contact.phone, None);
    add("address", &contact.address, None);
    add("website", &contact.website, contact.website.clone());
    facts
}

fn controller_section(b: &mut Builder, t: &Texts, register: &Register, controller: &str) {
    let c = &register.controller;
    b.heading(2, t.get("statement.controller_heading"));
    b.plain(t.fill("statement.controller_is", &[("controller", controller)]));
    if let Some(description) = &c.description {
        b.plain(description.clone());
    }
    if !c.administrative_bodies.is_empty() {
        b.plain(t.fill(
            "statement.administrative_bodies",
            &[("list", &t.and_list(&c.administrative_bodies))],
        ));
    }
    let facts = contact_facts(t, &c.contact);
    if facts.is_empty() {
        b.paragraph(Text(vec![named_gap(t, t.get("statement.contact_heading"))]));
    } else {
        b.blocks.push(Block::Facts(facts));
    }
    if let Some(representative) = &c.representative {
        b.plain(t.fill("statement.representative", &[("name", &representative.name)]));
        let facts = contact_facts(t, &representative.contact);
        if !facts.is_empty() {
            b.blocks.push(Block::Facts(facts));
        }
    }
}

fn dpo_section(b: &mut Builder, t: &Texts, register: &Register) {
    let Some(dpo) = &register.controller.dpo else {
        // A DPO is required of a public authority (Art 37(1)(a)); others need one only in the
        // cases of Art 37(1)(b)–(c), which the register cannot show, so only the former is a gap.
        if register.controller.public_authority {
            b.heading(2, t.get("statement.dpo_heading"));
            b.paragraph(Text::gap(t.get("statement.dpo_missing")));
        }
        return;
    };
    b.heading(2, t.get("statement.dpo_heading"));
    b.plain(t.get("statement.dpo_intro"));
    let mut facts = Vec::new();
    if let Some(name) = &dpo.name {
        facts.push(Fact {
            term: t.get("statement.dpo_named").to_owned(),
            values: vec![Text::plain(name.clone())],
        });
    }
    let contact = contact_facts(t, &dpo.contact);
    let no_contact = contact.is_empty();
    facts.extend(contact);
    if !facts.is_empty() {
        b.blocks.push(Block::Facts(facts));
    }
    if no_contact {
        b.paragraph(Text::gap(t.get("statement.dpo_contact_missing")));
    }
}

fn activities_section(
    b: &mut Builder,
    t: &Texts,
    lookup: &Lookup<'_>,
    register: &Register,
    statement: &Statement,
) {
    b.heading(2, t.get("statement.activities_heading"));
    b.plain(t.get("statement.activities_intro"));
    let promises = promises(t, statement);
    if !promises.is_empty() {
        b.blocks
            .push(Block::List(promises.into_iter().map(Text::plain).collect()));
    }
    for activity in gdpr_activities(register) {
        activity_block(b, t, lookup, register, statement, activity);
    }
    // Processing under another law (a boa's police data under the Wpg) is not the GDPR's, but
    // organisations publish it with their statement; it gets a section of its own that says which
    // law applies.
    let others: Vec<&ProcessingActivity> = register
        .activities
        .iter()
        .filter(|a| !matches!(a.regime, None | Some(LegalRegime::Gdpr)))
        .collect();
    if others.is_empty() {
        return;
    }
    b.heading(2, t.get("statement.other_regimes_heading"));
    for activity in others {
        activity_block(b, t, lookup, register, statement, activity);
        if let Some(regime) = activity.regime {
            let law = t.label("regime", regime).to_owned();
            b.plain(t.fill("statement.other_regime", &[("law", &law)]));
        }
    }
}

fn activity_block(
    b: &mut Builder,
    t: &Texts,
    lookup: &Lookup<'_>,
    register: &Register,
    statement: &Statement,
    activity: &ProcessingActivity,
) {
    b.heading(3, &activity.name);
    if let Some(description) = &activity.description {
        b.plain(description.clone());
    }
    b.blocks.push(Block::Facts(activity_facts(
        t, lookup, register, statement, activity,
    )));
}

/// The statement's general promises, as it makes them; `ropa check` reports any the activities
/// break (`statement-*-contradicted`).
fn promises(t: &Texts, statement: &Statement) -> Vec<String> {
    use crate::model::{SharingCommitment, SpecialCategoriesCommitment, TransferCommitment};
    let mut promises = Vec::new();
    if statement.purpose_limitation {
        promises.push(t.get("statement.purpose_limitation").to_owned());
    }
    let mut named: Vec<String> = statement
        .named_special_categories
        .iter()
        .map(|c| t.label("special_category", *c).to_owned())
        .collect();
    if statement.names_criminal_data {
        named.push(t.get("statement.criminal_named").to_owned());
    }
    if !statement.named_national_ids.is_empty() {
        named.push(t.get("statement.national_id_named").to_owned());
    }
    let key = match statement.special_categories {
        Some(SpecialCategoriesCommitment::None) => Some("statement.special_none"),
        Some(SpecialCategoriesCommitment::OnlyWhereNecessary) => {
            Some("statement.special_only_where_necessary")
        }
        _ => None,
    };
    if let Some(key) = key {
        promises.push(if named.is_empty() {
            t.get(key).to_owned()
        } else {
            t.fill(&format!("{key}_named"), &[("list", &t.and_list(&named))])
        });
    }
    if let Some(sharing) = statement.sharing {
        let key = match sharing {
            SharingCommitment::None => "statement.sharing_none",
            SharingCommitment::OnlyProcessors => "statement.sharing_only_processors",
            SharingCommitment::OnlyWithExplicitConsent => "statement.sharing_only_with_explicit_consent",
            SharingCommitment::DeclaredRecipients => "statement.sharing_declared_recipients",
        };
        promises.push(t.get(key).to_owned());
    }
    if statement.processor_agreements_with_all {
        promises.push(t.get("statement.processor_agreements").to_owned());
    }
    match statement.transfers {
        Some(TransferCommitment::EuOnly) => promises.push(t.get("statement.transfers_eu_only").to_owned()),
        Some(TransferCommitment::EeaOnly) => promises.push(t.get("statement.transfers_eea_only").to_owned()),
        _ => {}
    }
    if !statement.informs_about.is_empty() {
        let items: Vec<String> = statement
            .informs_about
            .iter()
            .map(|i| t.label("information_item", *i).to_owned())
            .collect();
        let channels: Vec<String> = statement
            .informs_at
            .iter()
            .map(|c| t.label("channel", *c).to_owned())
            .collect();
        promises.push(if channels.is_empty() {
            t.fill("statement.informs_items_only", &[("items", &t.and_list(&items))])
        } else {
            t.fill(
                "statement.informs",
                &[
                    ("items", &t.and_list(&items)),
                    ("channels", &t.or_list(&channels)),
                ],
            )
        });
    }
    promises
}

fn fact(t: &Texts, key: &str, values: Vec<Text>) -> Fact {
    Fact {
        term: t.get(key).to_owned(),
        values,
    }
}

/// The facts of one activity: everything Art 13 and 14 ask about it.
pub(crate) fn activity_facts(
    t: &Texts,
    lookup: &Lookup<'_>,
    register: &Register,
    statement: &Statement,
    activity: &ProcessingActivity,
) -> Vec<Fact> {
    let mut facts = Vec::new();
    let plain_list = |items: Vec<String>| items.into_iter().map(Text::plain).collect::<Vec<_>>();
    if !activity.responsible_bodies.is_empty() {
        facts.push(fact(
            t,
            "activity.responsible",
            vec![Text::plain(t.and_list(&activity.responsible_bodies))],
        ));
    }
    if let Some(unit) = &activity.organisational_unit {
        facts.push(fact(t, "activity.unit", vec![Text::plain(unit.clone())]));
    }
    if !activity.for_controllers.is_empty() {
        facts.push(fact(
            t,
            "activity.for_controllers",
            vec![Text::plain(t.and_list(&activity.for_controllers))],
        ));
    }
    facts.push(fact(
        t,
        "activity.purposes",
        phrases::listed(t, &activity.purposes, "words.none", |id| {
            Text::plain(lookup.described(&lookup.purposes, id, |p| (&p.label, p.description.as_deref())))
        }),
    ));
    let bases: Vec<Text> = activity
        .lawful_bases
        .iter()
        .map(|basis| phrases::lawful_basis(t, lookup, basis))
        .collect();
    facts.push(fact(
        t,
        "activity.lawful_basis",
        if bases.is_empty() {
            vec![Text::gap(t.get("words.gap"))]
        } else {
            bases
        },
    ));
    facts.push(fact(
        t,
        "activity.data_subjects",
        phrases::listed(t, &activity.data_subjects, "words.none", |id| {
            Text::plain(lookup.described(&lookup.subjects, id, |s| (&s.label, s.description.as_deref())))
        }),
    ));
    facts.push(fact(
        t,
        "activity.data_categories",
        phrases::listed(t, &activity.data_categories, "words.none", |id| {
            category_with_scope(t, lookup, activity, id)
        }),
    ));
    scoped_subjects_and_purposes(t, lookup, activity, &mut facts);
    let categories = lookup.categories_of(activity);
    let special = phrases::activity_special_categories(&categories);
    let special_values = special_category_values(t, activity, &special);
    if !special_values.is_empty() {
        facts.push(fact(t, "activity.special_categories", special_values));
    }
    if categories.iter().any(|c| c.criminal) {
        let value = match &activity.criminal_data_basis {
            Some(basis) => {
                let ground = t.label("criminal_ground", basis.ground);
                Text::plain(match &basis.legal_provision {
                    Some(p) => t.fill(
                        "activity.basis_with_provision",
                        &[("basis", ground), ("provision", p)],
                    ),
                    None => ground.to_owned(),
                })
            }
            None => Text::gap(t.get("words.gap")),
        };
        facts.push(fact(t, "activity.criminal", vec![value]));
    }
    if phrases::uses_bsn(&categories) {
        let value = match register.defaults.national_id_basis(activity) {
            Some(basis) => {
                let name = t.label("national_id_basis", basis.basis);
                let basis_text = match &basis.legal_provision {
                    Some(p) => format!("{name} ({p})"),
                    None => name.to_owned(),
                };
                Text::plain(t.fill("activity.national_id_basis", &[("basis", &basis_text)]))
            }
            None => Text::gap(t.get("words.gap")),
        };
        facts.push(fact(t, "activity.national_id", vec![value]));
    }
    facts.push(fact(
        t,
        "activity.sources",
        phrases::listed(t, &activity.data_sources, "activity.sources_none", |s| {
            phrases::source(t, s)
        }),
    ));
    let mut recipients = phrases::listed(t, &activity.recipients, "activity.recipients_none", |id| {
        recipient(t, lookup, activity, id)
    });
    if activity.recipients.is_explicitly_none() && !activity.processors.is_empty() {
        // "Nobody" would be wrong where processors work on the data.
        recipients = vec![Text::plain(t.get("words.none"))];
    }
    facts.push(fact(t, "activity.recipients", recipients));
    let joint: Vec<Text> = activity
        .recipients
        .iter()
        .filter_map(|id| lookup.recipients.get(id.as_str()))
        .filter(|r| r.kind == Some(RecipientKind::JointController))
        .map(|r| joint_controller(t, r))
        .collect();
    if !joint.is_empty() {
        facts.push(fact(t, "activity.joint_controller", joint));
    }
    if !activity.processors.is_empty() {
        facts.push(fact(
            t,
            "activity.processors",
            plain_list(
                activity
                    .processors
                    .iter()
                    .map(|id| processor(t, lookup, id))
                    .collect(),
            ),
        ));
    }
    if !activity.systems.is_empty() {
        let systems = activity
            .systems
            .iter()
            .map(|id| {
                Text::plain(lookup.described(&lookup.systems, id, |s| (&s.name, s.description.as_deref())))
            })
            .collect();
        facts.push(fact(t, "activity.systems", systems));
    }
    facts.push(fact(
        t,
        "activity.transfers",
        phrases::transfers(t, lookup, Some(statement), activity),
    ));
    facts.push(fact(
        t,
        "activity.retention",
        phrases::listed(t, &activity.retention, "words.none", |id| {
            phrases::retention_rule(t, lookup, id)
        }),
    ));
    if let Some(value) = provision(t, activity) {
        facts.push(fact(t, "activity.provision", vec![value]));
    }
    if let Some(adm) = &activity.automated_decision_making {
        facts.push(fact(t, "activity.automated", automated(t, adm)));
    }
    for (key, items) in [
        ("activity.methods", &activity.methods),
        ("activity.places", &activity.places),
        ("activity.also_governed_by", &activity.also_governed_by),
    ] {
        if !items.is_empty() {
            facts.push(fact(t, key, plain_list(items.clone())));
        }
    }
    if let Some(since) = &activity.in_use_since {
        facts.push(fact(t, "activity.in_use_since", vec![Text::plain(since.clone())]));
    }
    if !activity.information_channels.is_empty() {
        facts.push(fact(
            t,
            "activity.information_channels",
            activity
                .information_channels
                .iter()
                .map(|c| channel(t, c))
                .collect(),
        ));
    }
    let mut commitments = Vec::new();
    if activity.only_for_stated_purposes {
        commitments.push(Text::plain(t.get("activity.only_for_stated_purposes")));
    }
    if activity.least_intrusive_means {
        commitments.push(Text::plain(t.get("activity.least_intrusive_means")));
    }
    if let Some(obtained_by) = activity.consent.as_ref().and_then(|c| c.obtained_by.as_ref()) {
        commitments.push(Text::plain(
            t.fill("activity.consent_obtained_by", &[("text", obtained_by)]),
        ));
    }
    if !commitments.is_empty() {
        facts.push(fact(t, "activity.commitments", commitments));
    }
    add_unclassified(t, activity, &mut facts);
    facts
}

/// Text the register keeps for a field without a typed value goes with that field, in the
/// organisation's words, so the reader sees what was written beside the gap.
fn add_unclassified(t: &Texts, activity: &ProcessingActivity, facts: &mut Vec<Fact>) {
    use crate::model::ActivityField as F;
    for entry in &activity.unclassified {
        let key = match entry.field {
            F::Purposes => "activity.purposes",
            F::DataSubjects => "activity.data_subjects",
            F::DataCategories => "activity.data_categories",
            F::LawfulBases => "activity.lawful_basis",
            F::SpecialCategoryConditions => "activity.special_categories",
            F::NationalIdBasis => "activity.national_id",
            F::Retention => "activity.retention",
            F::Recipients => "activity.recipients",
            F::Processors => "activity.processors",
            F::Transfers => "activity.transfers",
            F::DataSources => "activity.sources",
            F::AutomatedDecisionMaking => "activity.automated",
            F::Systems => "activity.systems",
            F::ProvisionRequirement => "activity.provision",
            _ => "activity.remarks",
        };
        let value = Text::plain(t.fill("activity.as_written", &[("text", &entry.text)]));
        let term = t.get(key);
        match facts.iter_mut().find(|f| f.term == term) {
            Some(fact) => fact.values.push(value),
            None => facts.push(Fact {
                term: term.to_owned(),
                values: vec![value],
            }),
        }
    }
}

/// Scopes that name data subjects or purposes without data categories ("partner: bij een
/// gezamenlijke huishouding") go with the data subjects or purposes they name.
fn scoped_subjects_and_purposes(
    t: &Texts,
    lookup: &Lookup<'_>,
    activity: &ProcessingActivity,
    facts: &mut [Fact],
) {
    for scope in activity
        .data_category_scope
        .iter()
        .filter(|s| s.categories.is_empty())
    {
        let (key, labels) = if scope.data_subjects.is_empty() {
            ("activity.purposes", lookup.purpose_labels(&scope.purposes))
        } else {
            (
                "activity.data_subjects",
                lookup.subject_labels(&scope.data_subjects),
            )
        };
        let mode = scope
            .collected
            .map(|mode| collection_mode(t, mode))
            .filter(|m| !m.is_empty());
        let note = [mode, scope.when.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(": ");
        if labels.is_empty() || note.is_empty() {
            continue;
        }
        let value = Text::plain(format!("{} ({note})", t.and_list(&labels)));
        if let Some(fact) = facts.iter_mut().find(|f| f.term == t.get(key)) {
            fact.values.push(value);
        }
    }
}

/// How a scope says data are collected, in words; empty for "always".
fn collection_mode(t: &Texts, mode: crate::model::CollectionMode) -> &str {
    match mode {
        crate::model::CollectionMode::Optional => t.get("activity.collected_optional"),
        crate::model::CollectionMode::InSomeCases => t.get("activity.collected_in_some_cases"),
        crate::model::CollectionMode::OnlyWhereNecessary => t.get("activity.collected_only_where_necessary"),
        _ => "",
    }
}

/// A data category with how it is collected, where a scope says ("alleen in sommige gevallen:
/// als de melding in behandeling wordt genomen").
fn category_with_scope(
    t: &Texts,
    lookup: &Lookup<'_>,
    activity: &ProcessingActivity,
    id: &crate::model::Id,
) -> Text {
    let mut label = lookup.described(&lookup.categories, id, |c| (&c.label, c.description.as_deref()));
    if let Some(document) = lookup
        .categories
        .get(id.as_str())
        .and_then(|c| c.document.as_ref())
    {
        label = format!(
            "{label} ({})",
            t.fill("activity.see", &[("title", &document.title)])
        );
    }
    for scope in activity
        .data_category_scope
        .iter()
        .filter(|s| s.categories.contains(id))
    {
        let mode = scope.collected.map(|mode| collection_mode(t, mode));
        let note = match (mode.filter(|m| !m.is_empty()), &scope.when) {
            (Some(mode), Some(when)) => t.fill("activity.collected_when", &[("mode", mode), ("when", when)]),
            (Some(mode), None) => mode.to_owned(),
            (None, Some(when)) => when.clone(),
            (None, None) => String::new(),
        };
        if !note.is_empty() {
            label = format!("{label} ({note})");
        }
        if !scope.data_subjects.is_empty() {
            let subjects = t.and_list(&lookup.subject_labels(&scope.data_subjects));
            label = t.fill(
                "activity.category_from",
                &[("category", &label), ("subjects", &subjects)],
            );
        }
    }
    Text::plain(label)
}

/// The special categories with the Art 9(2) conditions that cover them; a category no condition
/// covers is a gap.
fn special_category_values(
    t: &Texts,
    activity: &ProcessingActivity,
    special: &[crate::model::SpecialCategory],
) -> Vec<Text> {
    let mut values = Vec::new();
    let mut covered = HashSet::new();
    for condition in &activity.special_category_conditions {
        let applies: Vec<_> = if condition.categories.is_empty() {
            special.to_vec()
        } else {
            // As the condition names them, even one the activity's data do not show
            // (`ropa check` reports that), so the register's words are not lost.
            condition.categories.clone()
        };
        covered.extend(applies.iter().copied());
        let names: Vec<String> = applies
            .iter()
            .map(|c| t.label("special_category", *c).to_owned())
            .collect();
        let mut grounds: Vec<String> = Vec::new();
        if let Some(kind) = condition.condition {
            grounds.push(t.label("condition", kind).to_owned());
        }
        if let Some(ground) = condition.uavg_ground {
            grounds.push(t.label("uavg_ground", ground).to_owned());
        }
        if let Some(provision) = &condition.legal_provision {
            grounds.push(provision.clone());
        }
        if let Some(why) = &condition.consent_not_asked_because {
            grounds.push(why.clone());
        }
        let categories = t.and_list(&names);
        if names.is_empty() {
            // A condition for no category the register names: its words, as written.
            if !grounds.is_empty() {
                values.push(Text::plain(grounds.join("; ")));
            }
        } else if grounds.is_empty() {
            values.push(Text(vec![
                Span::Plain(format!("{categories}: ")),
                named_gap(t, t.get("activity.special_condition_missing")),
            ]));
        } else {
            values.push(Text::plain(t.fill(
                "activity.special_condition",
                &[("categories", &categories), ("condition", &grounds.join("; "))],
            )));
        }
    }
    let uncovered: Vec<String> = special
        .iter()
        .filter(|c| !covered.contains(*c))
        .map(|c| t.label("special_category", *c).to_owned())
        .collect();
    if !uncovered.is_empty() {
        values.push(Text(vec![
            Span::Plain(format!("{}: ", t.and_list(&uncovered))),
            named_gap(t, t.get("activity.special_condition_missing")),
        ]));
    }
    values
}

/// A recipient with its role and, where a scope says, when it receives data.
fn recipient(t: &Texts, lookup: &Lookup<'_>, activity: &ProcessingActivity, id: &crate::model::Id) -> Text {
    let mut label = lookup.recipient_label(id);
    if let Some(kind) = lookup.recipients.get(id.as_str()).and_then(|r| r.kind) {
        label = format!("{label} ({})", t.label("recipient_kind", kind));
    }
    let scopes: Vec<&crate::model::RecipientScope> = activity
        .recipient_scope
        .iter()
        .filter(|s| s.recipients.is_empty() || s.recipients.contains(id))
        .collect();
    let when: Vec<String> = scopes.iter().filter_map(|s| s.when.clone()).collect();
    if !when.is_empty() {
        label = t.fill(
            "activity.recipient_when",
            &[("recipient", &label), ("when", &t.or_list(&when))],
        );
    }
    for scope in &scopes {
        if !scope.data_categories.is_empty() {
            let categories = t.and_list(&lookup.category_labels(&scope.data_categories));
            label = format!(
                "{label} ({})",
                t.fill("activity.for_categories", &[("list", &categories)])
            );
        }
        if let Some(why) = &scope.why {
            label = format!("{label}. {}", why.trim_end_matches('.'));
        }
        if let Some(provision) = &scope.legal_provision {
            label = t.fill(
                "activity.basis_with_provision",
                &[("basis", &label), ("provision", provision)],
            );
        }
    }
    // What the organisation says about the recipient and its terms, in its own words.
    if let Some(entry) = lookup.recipients.get(id.as_str()) {
        let said = [
            &entry.description,
            &entry.sharing_agreement,
            &entry.sharing_assessment,
        ];
        for text in said.into_iter().flatten() {
            label = format!("{label}. {}", text.trim_end_matches('.'));
        }
        if let Some(document) = &entry.document {
            label = format!(
                "{label} ({})",
                t.fill("activity.see", &[("title", &document.title)])
            );
        }
    }
    Text::plain(label)
}

/// A processor with where it processes the data and, where the register says, the agreement.
fn processor(t: &Texts, lookup: &Lookup<'_>, id: &crate::model::Id) -> String {
    let mut text = lookup.processor_label(id);
    let Some(processor) = lookup.processors.get(id.as_str()) else {
        return text;
    };
    if !processor.locations.is_empty() {
        let places: Vec<String> = processor.locations.iter().map(|c| t.country(c)).collect();
        text = t.fill(
            "activity.processor_locations",
            &[("processor", &text), ("list", &t.and_list(&places))],
        );
    }
    if let Some(reference) = processor.agreement.as_ref().and_then(|a| a.reference.as_ref()) {
        text = format!("{text}. {}", reference.trim_end_matches('.'));
    }
    text
}

/// The essence of a joint-controller arrangement, Art 26(2).
fn joint_controller(t: &Texts, recipient: &crate::model::Recipient) -> Text {
    let arrangement = recipient.arrangement.as_ref();
    if arrangement.is_some_and(|a| a.essence_published) {
        let contact = arrangement
            .and_then(|a| a.contact_point.as_ref())
            .map_or_else(String::new, |c| {
                t.fill("activity.joint_controller_contact", &[("contact", c)])
            });
        Text::plain(t.fill(
            "activity.joint_controller_essence",
            &[("party", &recipient.label), ("contact", &contact)],
        ))
    } else {
        Text(vec![
            Span::Plain(format!("{}: ", recipient.label)),
            Span::Gap(t.get("words.gap").to_owned()),
        ])
    }
}

/// Whether providing the data is required and what happens if not, Art 13(2)(e); a gap where the
/// data come from the data subject and the register does not say.
fn provision(t: &Texts, activity: &ProcessingActivity) -> Option<Text> {
    let mut text = Text::default();
    if let Some(requirement) = activity.provision_requirement {
        text.0
            .push(Span::Plain(t.label("provision", requirement).to_owned()));
    }
    match &activity.provision_consequence {
        Some(consequence) => {
            if !text.0.is_empty() {
                text.0.push(Span::Plain(" ".to_owned()));
            }
            text.0.push(Span::Plain(
                t.fill("activity.provision_consequence", &[("text", consequence)]),
            ));
        }
        None if activity
            .provision_requirement
            .is_some_and(|r| r != crate::model::ProvisionRequirement::Voluntary) =>
        {
            text.0.push(Span::Plain(" ".to_owned()));
            text.0.push(named_gap(t, t.get("activity.provision_missing")));
        }
        None => {}
    }
    let from_subject = activity
        .data_sources
        .iter()
        .any(|s| s.kind == DataSourceKind::DataSubject);
    if text.0.is_empty() && from_subject {
        text.0.push(Span::Gap(t.get("words.gap").to_owned()));
    }
    (!text.0.is_empty()).then_some(text)
}

/// An automated decision or profiling: what it is, how it works, what it means for the person.
fn automated(t: &Texts, adm: &crate::model::AutomatedDecisionMaking) -> Vec<Text> {
    let mut values = vec![Text::plain(adm.description.clone())];
    if adm.solely_automated == Some(true) {
        values.push(Text::plain(t.get("activity.automated_solely")));
    }
    if adm.has_significant_effect() {
        values.push(Text::plain(t.get("activity.automated_effect")));
    }
    if adm.profiling {
        values.push(Text::plain(t.get("activity.automated_profiling")));
    }
    match adm.logic.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(logic) => values.push(Text::plain(
            t.fill("activity.automated_logic", &[("text", logic)]),
        )),
        None if adm.is_art22_decision() || adm.profiling => {
            values.push(Text(vec![named_gap(
                t,
                t.get("activity.automated_logic_missing"),
            )]));
        }
        None => {}
    }
    if let Some(human) = &adm.human_involvement {
        values.push(Text::plain(
            t.fill("activity.automated_human", &[("text", human)]),
        ));
    }
    if !adm.safeguards.is_empty() {
        values.push(Text::plain(t.get("activity.automated_safeguards")));
    }
    values
}

/// A channel in words, with its address as a link where it is one.
fn channel(t: &Texts, channel: &Channel) -> Text {
    let kind = t.label("channel", channel.kind).to_owned();
    match &channel.address {
        Some(address) => {
            let url = if address.contains('@') && !address.contains(':') {
                format!("mailto:{}", address.trim())
            } else {
                address.clone()
            };
            Text(vec![
                Span::Plain(format!("{kind}: ")),
                Span::Link {
                    text: address.clone(),
                    url,
                },
            ])
        }
        None => Text::plain(kind),
    }
}

fn join_texts(t: &Texts, texts: Vec<Text>) -> Text {
    let count = texts.len();
    let mut out = Text::default();
    for (i, text) in texts.into_iter().enumerate() {
        if i > 0 {
            let separator = if i + 1 == count {
                format!(" {} ", t.get("words.or"))
            } else {
                t.get("words.list_separator").to_owned()
            };
            out.0.push(Span::Plain(separator));
        }
        out.0.extend(text.0);
    }
    out
}

fn objection_section(b: &mut Builder, t: &Texts, lookup: &Lookup<'_>, register: &Register) {
    let applies: Vec<&ProcessingActivity> = gdpr_activities(register)
        .filter(|a| a.open_to_objection())
        .collect();
    let marketing = gdpr_activities(register).any(|a| {
        a.purposes.iter().any(|id| {
            lookup.purposes.get(id.as_str()).is_some_and(|p| {
                matches!(
                    p.kind,
                    Some(PurposeKind::DirectMarketing | PurposeKind::Newsletter)
                )
            })
        })
    });
    if applies.is_empty() && !marketing {
        return;
    }
    b.heading(2, t.get("statement.objection_heading"));
    if !applies.is_empty() {
        b.plain(t.get("statement.objection_intro"));
        let names: Vec<String> = applies.iter().map(|a| a.name.clone()).collect();
        b.plain(t.fill("statement.objection_applies", &[("list", &t.and_list(&names))]));
    }
    if marketing {
        b.plain(t.get("statement.objection_marketing"));
    }
    let offer = register
        .statement
        .as_ref()
        .and_then(|s| s.rights.iter().find(|r| r.right == DataSubjectRight::Objection));
    if let Some(offer) = offer.filter(|o| !o.channels.is_empty()) {
        let how = join_texts(t, offer.channels.iter().map(|c| channel(t, c)).collect());
        let mut text = Text(vec![Span::Strong(format!("{}: ", t.get("statement.right_how")))]);
        text.0.extend(how.0);
        b.paragraph(text);
    }
    let per_activity: Vec<Text> = gdpr_activities(register)
        .filter(|a| !a.objection_channels.is_empty())
        .map(|a| {
            let mut text = Text::plain(format!("{}: ", a.name));
            text.0
                .extend(join_texts(t, a.objection_channels.iter().map(|c| channel(t, c)).collect()).0);
            text
        })
        .collect();
    if !per_activity.is_empty() {
        b.blocks.push(Block::List(per_activity));
    }
}

/// The rights that apply to the processing the register describes (GDPR Arts 15–22, 7(3), 77;
/// domain notes §5), in the order a statement lists them.
fn rights_that_apply(register: &Register) -> Vec<DataSubjectRight> {
    let activities: Vec<&ProcessingActivity> = gdpr_activities(register).collect();
    let any = |kind| activities.iter().any(|a| a.relies_on(kind));
    let mut rights = vec![
        DataSubjectRight::Access,
        DataSubjectRight::Rectification,
        DataSubjectRight::Erasure,
        DataSubjectRight::Restriction,
    ];
    if any(LawfulBasisKind::Consent) || any(LawfulBasisKind::Contract) {
        rights.push(DataSubjectRight::Portability);
    }
    if activities.iter().any(|a| a.open_to_objection()) {
        rights.push(DataSubjectRight::Objection);
    }
    if activities.iter().any(|a| {
        a.automated_decision_making
            .as_ref()
            .is_some_and(|d| d.is_art22_decision())
    }) {
        rights.push(DataSubjectRight::NoSolelyAutomatedDecision);
    }
    if uses_consent(register) {
        rights.push(DataSubjectRight::WithdrawConsent);
    }
    rights
}

/// Whether any activity rests on consent or explicit consent.
fn uses_consent(register: &Register) -> bool {
    gdpr_activities(register).any(ProcessingActivity::relies_on_consent)
}

fn rights_section(b: &mut Builder, t: &Texts, register: &Register, statement: &Statement) {
    b.heading(2, t.get("statement.rights_heading"));
    b.plain(t.get("statement.rights_intro"));
    // The rights the law gives for this processing, then any further ones the statement offers
    // (a right under another law, recipient notification). How to exercise each comes from the
    // statement; without it, the general contact details above apply.
    let mut rights = rights_that_apply(register);
    for offer in &statement.rights {
        if !rights.contains(&offer.right) || offer.right == DataSubjectRight::Other {
            rights.push(offer.right);
        }
    }
    // The complaint goes last, as it does where it is the way out when all else fails.
    rights.retain(|r| *r != DataSubjectRight::Complaint);
    rights.push(DataSubjectRight::Complaint);
    let mut items = Vec::new();
    let mut others = statement
        .rights
        .iter()
        .filter(|o| o.right == DataSubjectRight::Other);
    for right in rights {
        let offer = if right == DataSubjectRight::Other {
            others.next()
        } else {
            statement.rights.iter().find(|o| o.right == right)
        };
        let name = match offer.and_then(|o| o.description.as_ref()) {
            Some(description) if right == DataSubjectRight::Other => description.clone(),
            _ => t.label("right", right).to_owned(),
        };
        let mut text = Text(vec![Span::Strong(name)]);
        let explanation = t.label("right_explained", right);
        if !explanation.is_empty() {
            text.0.push(Span::Plain(format!(". {explanation}")));
        }
        if let Some(offer) = offer {
            if let Some(description) = offer
                .description
                .as_ref()
                .filter(|_| right != DataSubjectRight::Other)
            {
                text.0.push(Span::Plain(format!(" {description}")));
            }
            if !offer.channels.is_empty() {
                text.0
                    .push(Span::Plain(format!(" {}: ", t.get("statement.right_how"))));
                text.0
                    .extend(join_texts(t, offer.channels.iter().map(|c| channel(t, c)).collect()).0);
                text.0.push(Span::Plain(".".to_owned()));
            }
            if offer.identification_required {
                text.0.push(Span::Plain(format!(
                    " {}",
                    t.get("statement.right_identification")
                )));
            }
            if offer.electronic_copy {
                text.0.push(Span::Plain(format!(
                    " {}",
                    t.get("statement.right_electronic_copy")
                )));
            }
            if let Some(by) = &offer.handled_by {
                text.0.push(Span::Plain(format!(
                    " {}",
                    t.fill("statement.right_handled_by", &[("text", by)])
                )));
            }
            if !offer.provides.is_empty() {
                let items: Vec<String> = offer
                    .provides
                    .iter()
                    .map(|i| t.label("information_item", *i).to_owned())
                    .collect();
                text.0.push(Span::Plain(format!(
                    " {}",
                    t.fill("statement.right_provides", &[("list", &t.and_list(&items))])
                )));
            }
            for condition in &offer.conditions {
                text.0.push(Span::Plain(format!(" {condition}")));
            }
            if let Some(document) = &offer.document {
                text = with_document(text, t.get("statement.right_more"), document);
            }
        }
        items.push(text);
    }
    b.blocks.push(Block::List(items));
    if let Some(period) = &statement.response_time {
        b.plain(t.fill("statement.response_time", &[("period", &t.period(period))]));
    }
    if let Some(document) = &statement.rights_document {
        b.paragraph(with_document(
            Text::default(),
            t.get("statement.rights_document"),
            document,
        ));
    }
}

/// `text` followed by a reference to a document, as a link where it has a safe address.
fn with_document(mut text: Text, label: &str, document: &crate::model::DocumentRef) -> Text {
    let lead = if text.0.is_empty() {
        format!("{label}: ")
    } else {
        format!(" {label}: ")
    };
    text.0.push(Span::Plain(lead));
    match &document.url {
        Some(url) => text.0.push(Span::Link {
            text: document.title.clone(),
            url: url.clone(),
        }),
        None => text.0.push(Span::Plain(document.title.clone())),
    }
    text
}

fn consent_section(b: &mut Builder, t: &Texts, register: &Register) {
    if !uses_consent(register) {
        return;
    }
    b.heading(2, t.get("statement.consent_heading"));
    b.plain(t.get("statement.consent_intro"));
    let items: Vec<Text> = gdpr_activities(register)
        .filter(|a| a.relies_on_consent())
        .map(|a| match a.consent.as_ref().and_then(|c| c.withdrawal.as_ref()) {
            Some(withdrawal) => Text::plain(t.fill(
                "statement.consent_withdrawal",
                &[("activity", &a.name), ("text", withdrawal)],
            )),
            None => Text(vec![
                Span::Plain(format!("{}: ", a.name)),
                Span::Gap(t.get("words.gap").to_owned()),
            ]),
        })
        .collect();
    b.blocks.push(Block::List(items));
}

fn complaints_section(b: &mut Builder, t: &Texts, register: &Register, statement: &Statement) {
    b.heading(2, t.get("statement.complaints_heading"));
    if statement.complaints.as_ref().is_some_and(|c| c.internal) {
        b.plain(t.get("statement.complaint_internal"));
    }
    match supervisory_authority(register) {
        Some((name, website)) => {
            let mut text = Text::plain(t.fill("statement.complaint_authority", &[("authority", &name)]));
            if let Some(website) = website {
                text.0.push(Span::Plain(" ".to_owned()));
                text.0.push(Span::Link {
                    text: website.clone(),
                    url: website,
                });
            }
            b.paragraph(text);
        }
        // Art 77 gives the right whichever authority it is: the one where the person lives or
        // works, or where the infringement took place. Naming it is the register's to do.
        None => b.plain(t.get("statement.complaint_authority_any")),
    }
}

/// The supervisory authority people complain to: the one the register names, else, for a
/// controller established in the Netherlands, the Autoriteit Persoonsgegevens (UAVG art 6), the
/// only one there is.
fn supervisory_authority(register: &Register) -> Option<(String, Option<String>)> {
    let controller = &register.controller;
    if let Some(authority) = &controller.supervisory_authority {
        return Some((authority.name.clone(), authority.website.clone()));
    }
    controller
        .country
        .as_ref()
        .filter(|country| country.as_str() == "NL")
        .map(|_| {
            (
                "Autoriteit Persoonsgegevens".to_owned(),
                Some("https://autoriteitpersoonsgegevens.nl".to_owned()),
            )
        })
}

fn automated_section(b: &mut Builder, t: &Texts, register: &Register, statement: &Statement) {
    let with: Vec<&ProcessingActivity> = gdpr_activities(register)
        .filter(|a| a.automated_decision_making.is_some())
        .collect();
    if with.is_empty() {
        if statement.automated_decisions == Some(crate::model::AutomatedDecisionsCommitment::None) {
            b.heading(2, t.get("statement.automated_heading"));
            b.plain(t.get("statement.automated_none"));
        }
        return;
    }
    b.heading(2, t.get("statement.automated_heading"));
    b.plain(t.get("statement.automated_intro"));
    let facts = with
        .iter()
        .filter_map(|a| {
            a.automated_decision_making.as_ref().map(|adm| Fact {
                term: a.name.clone(),
                values: automated(t, adm),
            })
        })
        .collect();
    b.blocks.push(Block::Facts(facts));
}

fn cookies_section(b: &mut Builder, t: &Texts, register: &Register, statement: &Statement) {
    let mut classes: Vec<crate::model::CookieClass> = statement
        .cookies
        .as_ref()
        .map(|c| c.classes.clone())
        .unwrap_or_default();
    for cookie in gdpr_activities(register).flat_map(|a| &a.cookies) {
        if !classes.contains(&cookie.class) {
            classes.push(cookie.class);
        }
    }
    if classes.is_empty() {
        return;
    }
    b.heading(2, t.get("statement.cookies_heading"));
    b.plain(t.get("statement.cookies_intro"));
    for class in classes {
        b.heading(3, t.label("cookie_class", class));
        b.plain(t.label("cookie_class_explained", class));
        let facts: Vec<Fact> = gdpr_activities(register)
            .flat_map(|a| &a.cookies)
            .filter(|c| c.class == class)
            .map(|cookie| {
                let mut values = Vec::new();
                let mut add = |key: &str, value: Option<String>| {
                    if let Some(value) = value {
                        values.push(Text::plain(format!("{}: {value}", t.get(key))));
                    }
                };
                add("cookie.purpose", cookie.purpose.clone());
                add("cookie.third_party", cookie.third_party.clone());
                add("cookie.lifetime", cookie.lifetime.as_ref().map(|p| t.period(p)));
                add(
                    "cookie.consent",
                    Some(t.label("cookie_consent", cookie.consent).to_owned()),
                );
                let term = cookie
                    .name
                    .clone()
                    .unwrap_or_else(|| t.label("cookie_class", class).to_owned());
                Fact { term, values }
            })
            .collect();
        if !facts.is_empty() {
            b.blocks.push(Block::Facts(facts));
        }
    }
    if let Some(refusal) = statement.cookies.as_ref().and_then(|c| c.refusal.as_ref()) {
        b.heading(3, t.get("statement.cookies_refusal"));
        b.plain(refusal.clone());
    }
}

fn security_section(
    b: &mut Builder,
    t: &Texts,
    lookup: &Lookup<'_>,
    register: &Register,
    statement: &Statement,
) {
    b.heading(2, t.get("statement.security_heading"));
    let mut said = false;
    if let Some(baseline) = &statement.security_baseline {
        let mut standard = t.label("security_standard", baseline.standard).to_owned();
        if let Some(version) = &baseline.version {
            standard = format!("{standard} {version}");
        }
        b.plain(t.fill("statement.security_baseline", &[("standard", &standard)]));
        if let Some(level) = baseline.bbn_level {
            b.plain(t.fill("statement.security_bbn", &[("level", &level.to_string())]));
        }
        said = true;
    }
    // The measures in the catalogue that the register's activities or defaults use, each once.
    let mut seen = HashSet::new();
    let used = register
        .defaults
        .security_measures
        .iter()
        .chain(
            register
                .activities
                .iter()
                .flat_map(|a| a.security_measures.iter()),
        )
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| lookup.measures.get(id.as_str()));
    let items: Vec<Text> = used
        .map(|m| {
            let mut line = format!("{}: {}", t.label("measure_category", m.category), m.label);
            if let Some(document) = &m.document {
                line = format!(
                    "{line} ({})",
                    t.fill("activity.see", &[("title", &document.title)])
                );
            }
            let status = match m.status {
                Some(crate::model::MeasureStatus::InProgress) => {
                    Some(t.get("statement.security_in_progress").to_owned())
                }
                Some(crate::model::MeasureStatus::Planned) => Some(match (&m.planned_for, &m.planned_when) {
                    (Some(date), _) => t.fill("statement.security_planned_for", &[("date", &t.date(date))]),
                    (None, Some(when)) => t.fill("statement.security_planned_for", &[("date", when)]),
                    (None, None) => t.get("statement.security_planned").to_owned(),
                }),
                _ => None,
            };
            if let Some(status) = status {
                line = format!("{line} ({status})");
            }
            Text::plain(line)
        })
        .collect();
    if !items.is_empty() {
        b.plain(t.get("statement.security_measures"));
        b.blocks.push(Block::List(items));
        said = true;
    }
    if let Some(breach) = &statement.breach {
        if breach.protocol {
            b.plain(t.get("statement.security_breach"));
        }
        if breach.notify_data_subjects {
            b.plain(t.get("statement.security_breach_notify"));
        }
    }
    if let Some(cvd) = &statement.vulnerability_disclosure {
        if let Some(contact) = &cvd.contact {
            b.plain(t.fill("statement.security_cvd", &[("contact", contact)]));
        }
        let mut handling = Vec::new();
        if let Some(response) = &cvd.response {
            handling.push(t.fill("statement.cvd_response", &[("text", response)]));
        }
        if let Some(with) = &cvd.handled_with {
            handling.push(t.fill("statement.cvd_handled_with", &[("text", with)]));
        }
        if cvd.terms_accepted_by_reporting {
            handling.push(t.get("statement.cvd_terms").to_owned());
        }
        if !handling.is_empty() {
            b.plain(handling.join(" "));
        }
        if let Some(policy) = &cvd.policy {
            b.paragraph(with_document(
                Text::default(),
                t.get("statement.security_cvd_policy"),
                policy,
            ));
        }
    }
    if !said {
        b.paragraph(Text::gap(t.get("statement.security_missing")));
    }
}

fn children_section(b: &mut Builder, t: &Texts, statement: &Statement) {
    let Some(children) = &statement.children else {
        return;
    };
    b.heading(2, t.get("statement.children_heading"));
    b.plain(t.get(if children.targeted {
        "statement.children_targeted"
    } else {
        "statement.children_not_targeted"
    }));
    b.plain(t.fill(
        "statement.children_age",
        &[("age", &children.minimum_age.to_string())],
    ));
}

fn more_section(b: &mut Builder, t: &Texts, statement: &Statement) {
    let mut items = Vec::new();
    if let Some(register) = &statement.public_register {
        items.push(with_document(
            Text::default(),
            t.get("statement.public_register"),
            register,
        ));
    }
    for policy in &statement.policies {
        items.push(with_document(
            Text::default(),
            t.get("statement.policies"),
            policy,
        ));
    }
    if let Some(url) = &statement.url {
        items.push(Text(vec![Span::Link {
            text: url.clone(),
            url: url.clone(),
        }]));
    }
    if items.is_empty() {
        return;
    }
    b.heading(2, t.get("statement.more_heading"));
    b.blocks.push(Block::List(items));
}
