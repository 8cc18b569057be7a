//! Rows to a register: one activity per row, catalogues built and de-duplicated across rows, ids
//! derived from labels, and every cell either classified or kept, with a note.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::classify;
use super::columns::{Column, Mapping};
use super::table::Table;
use super::{ImportError, ImportNote, ImportOptions, ImportStats};
use crate::model::{ActivityField, Id, Register};

/// How many rows above the heading row may hold a title or notes.
const HEADER_SEARCH_ROWS: usize = 15;

/// A catalogue being built: entries by normalised label, in order of first use.
#[derive(Default)]
struct Catalogue {
    /// What an id starts with when its label does not start with a letter.
    prefix: &'static str,
    entries: Vec<Map<String, Value>>,
    by_label: HashMap<String, String>,
    ids: HashMap<String, usize>,
}

impl Catalogue {
    /// The id of the entry labelled `label`, adding it (with `fields`) on first use.
    fn id_for(&mut self, label: &str, key: &str, fields: impl FnOnce() -> Map<String, Value>) -> String {
        let normal = super::columns::normalise(label);
        if let Some(id) = self.by_label.get(&normal) {
            return id.clone();
        }
        let id = unique_id(&mut self.ids, label, self.prefix);
        let mut entry = Map::new();
        entry.insert("id".to_owned(), Value::String(id.clone()));
        entry.insert(key.to_owned(), Value::String(label.to_owned()));
        entry.extend(fields());
        self.entries.push(entry);
        self.by_label.insert(normal, id.clone());
        id
    }
}

/// An id made of `label`: lowercase ASCII letters, digits and underscores, at most 48
/// characters, unique among `taken` (a counter is added on a clash; see [`first_free`]).
fn unique_id(taken: &mut HashMap<String, usize>, label: &str, prefix: &str) -> String {
    let normal = super::columns::normalise(label);
    let mut base: String = normal
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect::<String>()
        .split('_')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    if base.len() > 48 {
        // Cut at a word boundary, so the id does not end in half a word.
        let cut = base
            .get(..48)
            .and_then(|head| head.rfind('_'))
            .filter(|&i| i >= 16)
            .unwrap_or(48);
        base.truncate(cut);
    }
    let base = base.trim_end_matches('_').to_owned();
    // An id starts with a letter: a label that does not ("4507", "10 jaar") gets the kind of
    // entry in front ("activity_4507", "retention_10_jaar").
    let base = if base.is_empty() || !base.starts_with(|c: char| c.is_ascii_lowercase()) {
        format!("{prefix}_{base}").trim_end_matches('_').to_owned()
    } else {
        base
    };
    let id = first_free(taken, &base);
    // Keep the id valid even in the unlikely case the counter made it too long.
    if Id::check(&id).is_ok() {
        id
    } else {
        first_free(taken, "x")
    }
}

/// `base`, or `base_2`, `base_3`, … : the first not given out yet, which it then is. `taken`
/// holds every id given out, and for a base the last counter tried, so that an id a counter made
/// (`x_2`) is never given again when a label reads `x 2`, and many equal labels cost no search.
fn first_free(taken: &mut HashMap<String, usize>, base: &str) -> String {
    let mut n = taken.get(base).copied().unwrap_or(0);
    let id = loop {
        n += 1;
        let candidate = if n == 1 {
            base.to_owned()
        } else {
            format!("{base}_{n}")
        };
        if !taken.contains_key(&candidate) {
            break candidate;
        }
    };
    taken.insert(base.to_owned(), n);
    taken.entry(id.clone()).or_insert(0);
    id
}

/// The state of one import.
struct Builder<'t> {
    table: &'t Table,
    notes: Vec<ImportNote>,
    stats: ImportStats,
    subjects: Catalogue,
    categories: Catalogue,
    purposes: Catalogue,
    recipients: Catalogue,
    processors: Catalogue,
    retention: Catalogue,
    measures: Catalogue,
    systems: Catalogue,
    activity_ids: HashMap<String, usize>,
}

/// The columns of the heading row: which column each holds, if recognised.
pub(crate) struct Layout {
    pub(crate) header_row: usize,
    pub(crate) headings: Vec<String>,
    pub(crate) columns: Vec<Option<Column>>,
}

/// Finds the heading row: the first of the top rows in which a heading names the activity and
/// another cell is filled.
pub(crate) fn layout(table: &Table, mapping: &Mapping) -> Result<Layout, ImportError> {
    let mut best: Option<(usize, usize)> = None;
    for (index, row) in table.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let columns: Vec<Option<Column>> = row.iter().map(|h| mapping.column(h)).collect();
        let recognised = columns.iter().flatten().filter(|c| **c != Column::Ignore).count();
        let filled = row.iter().filter(|c| !c.trim().is_empty()).count();
        // A title row above the headings has one cell; the heading row names the activity and
        // more.
        if columns.contains(&Some(Column::Name)) && (recognised >= 2 || filled >= 2) {
            let headings = row.clone();
            return Ok(Layout {
                header_row: index,
                headings,
                columns,
            });
        }
        if best.is_none_or(|(_, count)| recognised > count) {
            best = Some((index, recognised));
        }
    }
    let first: Vec<String> = table
        .rows
        .iter()
        .find(|r| r.iter().any(|c| !c.trim().is_empty()))
        .cloned()
        .unwrap_or_default();
    if table.rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        return Err(ImportError::EmptySheet {
            file: table.file.clone(),
            sheet: table.sheet.clone(),
        });
    }
    Err(ImportError::NoHeadingRow {
        file: table.file.clone(),
        first_row: first,
    })
}

/// Builds the register from `table`.
pub(crate) fn build(
    table: &Table,
    options: &ImportOptions,
) -> Result<(Register, Vec<ImportNote>, ImportStats, Layout), ImportError> {
    let layout = layout(table, &options.mapping)?;
    let mut b = Builder {
        table,
        notes: Vec::new(),
        stats: ImportStats::default(),
        subjects: Catalogue {
            prefix: "subject",
            ..Catalogue::default()
        },
        categories: Catalogue {
            prefix: "category",
            ..Catalogue::default()
        },
        purposes: Catalogue {
            prefix: "purpose",
            ..Catalogue::default()
        },
        recipients: Catalogue {
            prefix: "recipient",
            ..Catalogue::default()
        },
        processors: Catalogue {
            prefix: "processor",
            ..Catalogue::default()
        },
        retention: Catalogue {
            prefix: "retention",
            ..Catalogue::default()
        },
        measures: Catalogue {
            prefix: "measure",
            ..Catalogue::default()
        },
        systems: Catalogue {
            prefix: "system",
            ..Catalogue::default()
        },
        activity_ids: HashMap::new(),
    };
    for (column, heading) in layout.headings.iter().enumerate() {
        if layout.columns.get(column).copied().flatten().is_none() && !heading.trim().is_empty() {
            b.notes.push(ImportNote {
                cell: table.cell_ref(layout.header_row, column),
                column: heading.clone(),
                text: heading.clone(),
                message: "column not recognised: its cells are kept under `unclassified` as remarks; name what it holds in a mapping file (`--map`)".to_owned(),
                candidates: Vec::new(),
            });
        }
    }
    // A bidirectional control or an invisible character in a cell reaches the register as
    // written (it is the organisation's text), where it can make a label read differently from
    // what it holds in review and in the published statement: each such cell gets a note.
    for (row, cells) in table.rows.iter().enumerate() {
        for (column, text) in cells.iter().enumerate() {
            let Some(hidden) = text
                .chars()
                .find(|c| crate::sanitize::is_unsafe(*c) && !c.is_control())
            else {
                continue;
            };
            let heading = layout.headings.get(column).cloned().unwrap_or_default();
            b.notes.push(ImportNote {
                cell: table.cell_ref(row, column),
                column: heading,
                text: text.clone(),
                message: format!(
                    "holds the hidden character U+{:04X}, which can make the text read differently from what it holds; it is kept as written: remove it in the sheet unless it is meant",
                    u32::from(hidden)
                ),
                candidates: Vec::new(),
            });
        }
    }
    let mut activities = Vec::new();
    let mut controllers: HashMap<String, usize> = HashMap::new();
    for (index, row) in table.rows.iter().enumerate().skip(layout.header_row + 1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(activity) = b.activity(index, row, &layout, &mut controllers) {
            activities.push(Value::Object(activity));
        }
    }
    if activities.is_empty() {
        return Err(ImportError::EmptySheet {
            file: table.file.clone(),
            sheet: table.sheet.clone(),
        });
    }
    let controller_name = options.controller.clone().or_else(|| {
        controllers
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(name, _)| name)
    });
    let controller_name = controller_name.unwrap_or_else(|| {
        b.notes.push(ImportNote {
            cell: table.file.clone(),
            column: String::new(),
            text: String::new(),
            message: "the sheet names no controller: `controller.name` is left as \"niet vermeld\"; pass `--controller NAME`".to_owned(),
            candidates: Vec::new(),
        });
        "niet vermeld".to_owned()
    });
    let mut catalogues = Map::new();
    for (key, catalogue) in [
        ("data_subjects", b.subjects),
        ("data_categories", b.categories),
        ("purposes", b.purposes),
        ("recipients", b.recipients),
        ("processors", b.processors),
        ("retention_rules", b.retention),
        ("security_measures", b.measures),
        ("systems", b.systems),
    ] {
        if !catalogue.entries.is_empty() {
            catalogues.insert(
                key.to_owned(),
                Value::Array(catalogue.entries.into_iter().map(Value::Object).collect()),
            );
        }
    }
    let source = match &table.sheet {
        Some(sheet) => format!("{} (sheet {sheet})", table.file),
        None => table.file.clone(),
    };
    let value = json!({
        "register": { "source": source },
        "controller": { "name": controller_name, "public_authority": options.public_authority },
        "catalogues": catalogues,
        "activities": activities,
    });
    let register: Register = serde_json::from_value(value).map_err(|e| ImportError::Internal {
        message: e.to_string(),
    })?;
    Ok((register, b.notes, b.stats, layout))
}

impl Builder<'_> {
    fn note(
        &mut self,
        row: usize,
        column: usize,
        heading: &str,
        text: &str,
        message: &str,
        candidates: Vec<String>,
    ) {
        self.notes.push(ImportNote {
            cell: self.table.cell_ref(row, column),
            column: heading.to_owned(),
            text: text.to_owned(),
            message: message.to_owned(),
            candidates,
        });
    }

    /// Keeps `text` under `unclassified` for `field`, with a note.
    fn keep(
        &mut self,
        unclassified: &mut Vec<Value>,
        (row, column, heading): (usize, usize, &str),
        field: ActivityField,
        text: &str,
        message: &str,
        candidates: Vec<String>,
    ) {
        unclassified
            .push(json!({ "field": field, "text": text, "source": self.table.cell_ref(row, column) }));
        self.stats.kept_as_text += 1;
        self.note(row, column, heading, text, message, candidates);
    }

    fn activity(
        &mut self,
        row_index: usize,
        row: &[String],
        layout: &Layout,
        controllers: &mut HashMap<String, usize>,
    ) -> Option<Map<String, Value>> {
        let cell = |column: Column| -> Vec<(usize, &str)> {
            layout
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == Some(column))
                .filter_map(|(i, _)| row.get(i).map(|text| (i, text.trim())))
                .filter(|(_, text)| !text.is_empty())
                .collect()
        };
        let name_cells = cell(Column::Name);
        let Some(&(name_column, name)) = name_cells.first() else {
            let first = row.iter().position(|c| !c.trim().is_empty()).unwrap_or(0);
            self.note(
                row_index,
                first,
                "",
                &row.join(" | "),
                "row without a name for the activity: kept as an activity named after its row; add the name",
                Vec::new(),
            );
            return self.unnamed(row_index, row, layout);
        };
        let _ = name_column;
        let mut a = Map::new();
        let id_source = cell(Column::Id)
            .first()
            .map(|(_, id)| id.to_string())
            .unwrap_or_else(|| name.to_owned());
        let id = unique_id(&mut self.activity_ids, &id_source, "activity");
        a.insert("id".into(), json!(id));
        a.insert("name".into(), json!(name));
        self.stats.cells += name_cells.len();
        self.stats.typed += name_cells.len();
        let mut unclassified: Vec<Value> = Vec::new();
        let mut lawful_bases: Vec<Value> = Vec::new();
        let mut categories: Vec<String> = Vec::new();
        let mut recipients: Option<Vec<String>> = None;
        let mut processors: Option<Vec<String>> = None;
        let mut agreement: Option<bool> = None;
        for (column, heading) in layout.headings.iter().enumerate() {
            let Some(text) = row.get(column).map(|t| t.trim()).filter(|t| !t.is_empty()) else {
                continue;
            };
            let kind = layout.columns.get(column).copied().flatten();
            if matches!(kind, Some(Column::Name | Column::Ignore)) {
                continue;
            }
            self.stats.cells += 1;
            let at = (row_index, column, heading.as_str());
            let typed_before = self.stats.typed;
            if let Some(field) = kind.and_then(list_field) {
                for lead_in in classify::lead_ins(text) {
                    unclassified.push(json!({ "field": field, "text": lead_in, "source": self.table.cell_ref(row_index, column) }));
                }
            }
            match kind {
                None | Some(Column::Remarks) => {
                    let text = if kind.is_none() { format!("{heading}: {text}") } else { text.to_owned() };
                    unclassified.push(json!({ "field": ActivityField::Other, "text": text, "source": self.table.cell_ref(row_index, column) }));
                    self.stats.kept_as_text += 1;
                }
                Some(Column::Id) => {
                    // The code as written, where the id had to change it ("DSP-001").
                    if text != id {
                        unclassified.push(json!({ "field": ActivityField::Other, "text": format!("{heading}: {text}"), "source": self.table.cell_ref(row_index, column) }));
                    }
                    self.stats.typed += 1;
                }
                Some(Column::Description) => {
                    a.insert("description".into(), json!(text));
                    self.stats.typed += 1;
                }
                Some(Column::OrganisationalUnit) => {
                    a.insert("organisational_unit".into(), json!(text));
                    self.stats.typed += 1;
                }
                Some(Column::Controller) => {
                    let bodies = classify::items(text, true);
                    for body in &bodies {
                        *controllers.entry(body.clone()).or_insert(0) += 1;
                    }
                    a.insert("responsible_bodies".into(), json!(bodies));
                    self.stats.typed += 1;
                }
                Some(Column::ForControllers) => {
                    a.insert("for_controllers".into(), json!(classify::items(text, true)));
                    self.stats.typed += 1;
                }
                Some(Column::Purposes) => {
                    let ids: Vec<String> = classify::items(text, false)
                        .iter()
                        .map(|p| self.purposes.id_for(p, "label", Map::new))
                        .collect();
                    a.insert("purposes".into(), json!(ids));
                    self.stats.typed += 1;
                }
                Some(Column::DataSubjects) => {
                    if classify::says_none(text) {
                        a.insert("data_subjects".into(), json!("none"));
                    } else {
                        let ids: Vec<String> = classify::items(text, true)
                            .iter()
                            .map(|s| self.subjects.id_for(s, "label", Map::new))
                            .collect();
                        a.insert("data_subjects".into(), json!(ids));
                    }
                    self.stats.typed += 1;
                }
                Some(Column::DataCategories) => {
                    for item in classify::items(text, true) {
                        categories.push(self.category(&item, None));
                    }
                    self.stats.typed += 1;
                }
                Some(Column::SpecialCategories) => {
                    if classify::says_none(text) {
                        self.stats.typed += 1;
                    } else if classify::says_yes(text) {
                        self.keep(&mut unclassified, at, ActivityField::DataCategories, text, "says special categories are processed but not which: add them to `data_categories` with their `special_category`", Vec::new());
                    } else {
                        let mut all = true;
                        for item in classify::items(text, true) {
                            let special = classify::special_category(&item);
                            all &= special.is_some() || classify::criminal(&item);
                            categories.push(self.category(&item, special));
                        }
                        if all {
                            self.stats.typed += 1;
                        } else {
                            self.stats.kept_as_text += 1;
                            self.note(row_index, column, heading, text, "a special category could not be told from the words: the data category is kept without `special_category`; set it", special_names());
                        }
                    }
                }
                Some(Column::Bsn) => {
                    if classify::says_yes(text) || classify::bsn(text) {
                        categories.push(self.category("Burgerservicenummer (BSN)", None));
                        self.stats.typed += 1;
                    } else if classify::says_none(text) {
                        self.stats.typed += 1;
                    } else {
                        self.keep(&mut unclassified, at, ActivityField::DataCategories, text, "could not tell whether the BSN is used", vec!["ja".into(), "nee".into()]);
                    }
                }
                Some(Column::LawfulBasis) => {
                    let (bases, found) = classify::lawful_bases(text);
                    lawful_bases.extend(bases.iter().filter_map(|b| serde_json::to_value(b).ok()));
                    if found {
                        self.stats.typed += 1;
                    } else {
                        // Kept in the basis's own `wording` or `legal_provision`.
                        self.stats.kept_as_text += 1;
                        self.note(row_index, column, heading, text, "no Art 6(1) basis named: kept as the basis's `wording` or `legal_provision`; add `basis`", basis_names());
                    }
                }
                Some(Column::LegalProvision) => {
                    if classify::says_none(text) {
                        self.stats.typed += 1;
                    } else {
                        self.attach_provision(&mut lawful_bases, text);
                        self.stats.typed += 1;
                    }
                }
                Some(Column::Recipients) => {
                    if classify::says_none(text) {
                        recipients = Some(Vec::new());
                    } else {
                        let ids = classify::items(text, true).iter().map(|r| self.recipients.id_for(r, "label", Map::new)).collect();
                        recipients = Some(ids);
                    }
                    self.stats.typed += 1;
                }
                Some(Column::Processors) => {
                    if classify::says_none(text) {
                        processors = Some(Vec::new());
                        self.stats.typed += 1;
                    } else if classify::says_yes(text) {
                        self.keep(&mut unclassified, at, ActivityField::Processors, text, "says a processor is used but not which: add it to `processors`", Vec::new());
                    } else {
                        let ids = classify::items(text, true)
                            .iter()
                            .map(|p| self.processors.id_for(p, "name", Map::new))
                            .collect();
                        processors = Some(ids);
                        self.stats.typed += 1;
                    }
                }
                Some(Column::ProcessorAgreement) => {
                    if classify::says_yes(text) {
                        agreement = Some(true);
                        self.stats.typed += 1;
                    } else if classify::says_none(text) {
                        agreement = Some(false);
                        self.stats.typed += 1;
                    } else {
                        self.keep(&mut unclassified, at, ActivityField::Processors, text, "could not tell whether a processor agreement is in place", vec!["ja".into(), "nee".into()]);
                    }
                }
                Some(Column::Transfers) => {
                    let normal = super::columns::normalise(text);
                    if classify::says_none(text) || normal.contains("binnen de eu") || normal.contains("binnen de eer") || normal.contains("binnen nederland") {
                        a.insert("transfers".into(), json!("none"));
                        self.stats.typed += 1;
                    } else {
                        self.keep(&mut unclassified, at, ActivityField::Transfers, text, "a transfer needs a country and a Chapter V mechanism: write it under `transfers`", Vec::new());
                    }
                }
                Some(Column::Retention) => match classify::retention(text) {
                    Some(retention) => {
                        let period = serde_json::to_value(&retention).unwrap_or(Value::Null);
                        let id = self.retention.id_for(text, "label", || {
                            let mut m = Map::new();
                            m.insert("period".into(), period);
                            m
                        });
                        a.insert("retention".into(), json!([id]));
                        self.stats.typed += 1;
                    }
                    None => self.keep(
                        &mut unclassified,
                        at,
                        ActivityField::Retention,
                        text,
                        "not read as one retention period: write it as a retention rule (`after_event`, `conditional`, `selection_list`, …)",
                        vec!["after_event".into(), "until_event".into(), "conditional".into(), "selection_list".into()],
                    ),
                },
                Some(Column::SecurityMeasures) => {
                    let mut ids = Vec::new();
                    for item in classify::items(text, false) {
                        match classify::measure_category(&item) {
                            Some(category) => {
                                ids.push(self.measures.id_for(&item, "label", || {
                                    let mut m = Map::new();
                                    m.insert("category".into(), json!(category));
                                    m
                                }));
                            }
                            None => {
                                unclassified.push(json!({ "field": ActivityField::SecurityMeasures, "text": item, "source": self.table.cell_ref(row_index, column) }));
                                self.note(row_index, column, heading, &item, "no category of security measure recognised: add it to `security_measures` with its `category`", Vec::new());
                            }
                        }
                    }
                    if !ids.is_empty() {
                        a.insert("security_measures".into(), json!(ids));
                        self.stats.typed += 1;
                    } else {
                        self.stats.kept_as_text += 1;
                    }
                }
                Some(Column::Dpia) => match classify::dpia(text) {
                    Some(status) => {
                        a.insert("dpia".into(), json!({ "status": status }));
                        self.stats.typed += 1;
                    }
                    None => self.keep(&mut unclassified, at, ActivityField::Dpia, text, "DPIA status not recognised", vec!["completed".into(), "not_performed".into(), "not_required".into()]),
                },
                Some(Column::Sources) => {
                    let mut sources = Vec::new();
                    for item in classify::items(text, true) {
                        match classify::source(&item) {
                            Some(kind) => sources.push(json!({ "kind": kind, "name": item })),
                            None => {
                                unclassified.push(json!({ "field": ActivityField::DataSources, "text": item, "source": self.table.cell_ref(row_index, column) }));
                                self.note(row_index, column, heading, &item, "kind of source not recognised: add it to `data_sources` with its `kind`", vec!["data_subject".into(), "base_registry".into(), "public_authority".into(), "third_party".into()]);
                            }
                        }
                    }
                    if sources.is_empty() {
                        self.stats.kept_as_text += 1;
                    } else {
                        a.insert("data_sources".into(), json!(sources));
                        self.stats.typed += 1;
                    }
                }
                Some(Column::Systems) => {
                    let ids: Vec<String> = classify::items(text, true).iter().map(|s| self.systems.id_for(s, "name", Map::new)).collect();
                    a.insert("systems".into(), json!(ids));
                    self.stats.typed += 1;
                }
                Some(Column::ProvisionRequirement) => {
                    match classify::provision_requirement(text) {
                        Some(requirement) => {
                            a.insert("provision_requirement".into(), json!(requirement));
                            self.stats.typed += 1;
                        }
                        None => self.keep(&mut unclassified, at, ActivityField::ProvisionRequirement, text, "could not tell whether providing the data is required by law, by contract, or voluntary", vec!["statutory".into(), "contractual".into(), "voluntary".into()]),
                    }
                }
                Some(Column::AutomatedDecisions) => {
                    if classify::says_none(text) {
                        self.stats.typed += 1;
                    } else {
                        a.insert("automated_decision_making".into(), json!({ "description": text }));
                        self.stats.typed += 1;
                        self.note(row_index, column, heading, text, "automated decision-making recorded by its description: say whether it is solely automated, its effects and its logic", Vec::new());
                    }
                }
                Some(Column::Name | Column::Ignore) => {}
            }
            // A short answer read as a typed value ("Nee", "Ja", "Uitgevoerd") may come with more
            // words ("Nee, alle servers staan in Nederland"); they are kept as written.
            if self.stats.typed > typed_before
                && let Some(field) = kind.and_then(|kind| answer_field(kind, text))
            {
                unclassified.push(
                    json!({ "field": field, "text": text, "source": self.table.cell_ref(row_index, column) }),
                );
            }
        }
        if !categories.is_empty() {
            categories.dedup();
            a.insert("data_categories".into(), json!(categories));
        }
        if !lawful_bases.is_empty() {
            a.insert("lawful_bases".into(), Value::Array(lawful_bases));
        }
        match recipients {
            Some(ids) if ids.is_empty() => {
                a.insert("recipients".into(), json!("none"));
            }
            Some(ids) => {
                a.insert("recipients".into(), json!(ids));
            }
            None => {}
        }
        match processors {
            Some(ids) if ids.is_empty() => {
                a.insert("processors".into(), json!("none"));
            }
            Some(ids) => {
                if let Some(in_place) = agreement {
                    for id in &ids {
                        self.processor_agreement(id, in_place);
                    }
                }
                a.insert("processors".into(), json!(ids));
            }
            None => {}
        }
        if !unclassified.is_empty() {
            a.insert("unclassified".into(), Value::Array(unclassified));
        }
        Some(a)
    }

    /// A row without a name: all its cells are kept under `unclassified`, so nothing is lost.
    fn unnamed(&mut self, row_index: usize, row: &[String], layout: &Layout) -> Option<Map<String, Value>> {
        let mut unclassified = Vec::new();
        for (column, text) in row.iter().enumerate() {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let heading = layout.headings.get(column).map_or("", String::as_str);
            unclassified.push(json!({ "field": ActivityField::Other, "text": format!("{heading}: {text}"), "source": self.table.cell_ref(row_index, column) }));
            self.stats.cells += 1;
            self.stats.kept_as_text += 1;
        }
        let name = format!("Rij {}", self.table.origin.0 + row_index + 1);
        let mut a = Map::new();
        a.insert(
            "id".into(),
            json!(unique_id(&mut self.activity_ids, &name, "activity")),
        );
        a.insert("name".into(), json!(name));
        a.insert("unclassified".into(), Value::Array(unclassified));
        Some(a)
    }

    /// A data category by label, classified as special, criminal or BSN where its words say.
    fn category(&mut self, label: &str, special: Option<crate::model::SpecialCategory>) -> String {
        let special = special.or_else(|| classify::special_category(label));
        let criminal = classify::criminal(label);
        let bsn = classify::bsn(label);
        self.categories.id_for(label, "label", || {
            let mut m = Map::new();
            if let Some(special) = special {
                m.insert("special_category".into(), json!(special));
            }
            if criminal {
                m.insert("criminal".into(), json!(true));
            }
            if bsn {
                m.insert("national_id".into(), json!("bsn"));
            }
            m
        })
    }

    /// A statute from its own column goes with the bases that need one; without a basis, it
    /// becomes a basis of its own naming only the statute.
    fn attach_provision(&mut self, bases: &mut Vec<Value>, text: &str) {
        let mut attached = false;
        for basis in bases.iter_mut() {
            let needs = basis
                .get("basis")
                .and_then(Value::as_str)
                .is_none_or(|b| matches!(b, "legal_obligation" | "public_task"));
            if needs && basis.get("legal_provision").is_none_or(Value::is_null) {
                basis["legal_provision"] = json!(text);
                attached = true;
            }
        }
        if !attached {
            bases.push(json!({ "legal_provision": text }));
        }
    }

    fn processor_agreement(&mut self, id: &str, in_place: bool) {
        if let Some(entry) = self
            .processors
            .entries
            .iter_mut()
            .find(|e| e.get("id").and_then(Value::as_str) == Some(id))
        {
            entry
                .entry("agreement")
                .or_insert_with(|| json!({ "in_place": in_place }));
        }
    }
}

/// For a column read as a list, the field its lead-in lines are kept for.
fn list_field(column: Column) -> Option<ActivityField> {
    Some(match column {
        Column::Purposes => ActivityField::Purposes,
        Column::DataSubjects => ActivityField::DataSubjects,
        Column::DataCategories | Column::SpecialCategories => ActivityField::DataCategories,
        Column::Recipients => ActivityField::Recipients,
        Column::Processors => ActivityField::Processors,
        Column::SecurityMeasures => ActivityField::SecurityMeasures,
        Column::Sources => ActivityField::DataSources,
        Column::Systems => ActivityField::Systems,
        _ => return None,
    })
}

/// The most words a short answer has ("Ja", "Nee", "Niet van toepassing").
const SHORT_ANSWER_WORDS: usize = 3;

/// For a column whose typed value takes only part of what a cell may say, the field its further
/// words are kept for, when the cell says more than that.
fn answer_field(column: Column, text: &str) -> Option<ActivityField> {
    let field = match column {
        Column::Dpia => ActivityField::Dpia,
        // "Ja: voor de uitvoering van de wet": the reason is kept as written.
        Column::ProvisionRequirement => ActivityField::ProvisionRequirement,
        Column::Transfers => ActivityField::Transfers,
        Column::ProcessorAgreement | Column::Processors
            if classify::says_none(text) || classify::says_yes(text) =>
        {
            ActivityField::Processors
        }
        Column::Bsn => ActivityField::DataCategories,
        Column::SpecialCategories if classify::says_none(text) => ActivityField::DataCategories,
        Column::Recipients if classify::says_none(text) => ActivityField::Recipients,
        Column::DataSubjects if classify::says_none(text) => ActivityField::DataSubjects,
        Column::AutomatedDecisions if classify::says_none(text) => ActivityField::AutomatedDecisionMaking,
        Column::LegalProvision if classify::says_none(text) => ActivityField::LawfulBases,
        // A basis cell that says more than its basis and statute (the purposes it serves, an
        // explanation) keeps the rest.
        Column::LawfulBasis if classify::basis_residue(text) => return Some(ActivityField::LawfulBases),
        _ => return None,
    };
    (text.split_whitespace().count() > SHORT_ANSWER_WORDS).then_some(field)
}

fn basis_names() -> Vec<String> {
    [
        "consent",
        "contract",
        "legal_obligation",
        "vital_interests",
        "public_task",
        "legitimate_interests",
    ]
    .map(String::from)
    .to_vec()
}

fn special_names() -> Vec<String> {
    use strum::IntoEnumIterator;
    crate::model::SpecialCategory::iter()
        .map(|c| c.to_string())
        .collect()
}
