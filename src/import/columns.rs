//! Which column holds what: the usual Dutch and English headings of published registers
//! (domain notes §14), and a mapping file for any other layout.

use std::collections::HashMap;

use crate::model::macros::list_enum;

list_enum! {
    /// What a column of a register sheet holds.
    #[non_exhaustive]
    pub enum Column {
        /// An id or code (`DSPCODE`, "Nr").
        Id,
        /// The name of the processing activity.
        Name,
        /// A description of what happens.
        Description,
        /// The purposes.
        Purposes,
        /// The Art 6(1) lawful basis ("Rechtmatige grondslag"), possibly with a statute.
        LawfulBasis,
        /// The statute ("Wettelijke grondslag").
        LegalProvision,
        /// The categories of data subjects.
        DataSubjects,
        /// The categories of personal data.
        DataCategories,
        /// The special categories of personal data.
        SpecialCategories,
        /// Whether the BSN is used.
        Bsn,
        /// The recipients.
        Recipients,
        /// The processors.
        Processors,
        /// Whether a processor agreement is in place.
        ProcessorAgreement,
        /// Transfers to third countries.
        Transfers,
        /// The retention period.
        Retention,
        /// The security measures.
        SecurityMeasures,
        /// The DPIA status.
        Dpia,
        /// Where the data come from.
        Sources,
        /// The department or team.
        OrganisationalUnit,
        /// The responsible administrative body.
        Controller,
        /// The systems or applications used.
        Systems,
        /// Automated decision-making and profiling.
        AutomatedDecisions,
        /// The municipalities a row serves.
        ForControllers,
        /// Whether the data subject must provide the data, and why (Art 13(2)(e)).
        ProvisionRequirement,
        /// Remarks.
        Remarks,
        /// A column to leave out (only by a mapping file's explicit choice).
        Ignore,
    }
}

/// Headings per column, normalised (lowercase, no accents or punctuation). A heading matches
/// when it equals one, or else contains one as whole words; the longest contained one wins.
const HEADINGS: &[(Column, &[&str])] = &[
    (
        Column::Id,
        &[
            "id",
            "code",
            "nr",
            "nummer",
            "volgnummer",
            "verwerkingsnummer",
            "dspcode",
            "kenmerk",
            "referentie",
        ],
    ),
    (
        Column::Name,
        &[
            "naam verwerking",
            "naam van de verwerking",
            "verwerking",
            "verwerkingsactiviteit",
            "naam verwerkingsactiviteit",
            "naam",
            "proces",
            "naam proces",
            "bedrijfsproces",
            "activiteit",
            "processing activity",
            "name",
            "activity",
        ],
    ),
    (
        Column::Description,
        &[
            "omschrijving",
            "beschrijving",
            "omschrijving verwerking",
            "description",
        ],
    ),
    (
        Column::Purposes,
        &[
            "doel",
            "doelen",
            "doeleinden",
            "verwerkingsdoeleinden",
            "verwerkingsdoel",
            "verzameldoel",
            "doel van de verwerking",
            "doel verwerking",
            "purpose",
            "purposes",
        ],
    ),
    (
        Column::LawfulBasis,
        &[
            "grondslag",
            "rechtmatige grondslag",
            "rechtsgrond",
            "grondslag avg",
            "avg grondslag",
            "grondslag artikel 6 avg",
            "lawful basis",
            "legal basis",
        ],
    ),
    (
        Column::LegalProvision,
        &[
            "wettelijke grondslag",
            "wettelijk kader",
            "wet",
            "wet en regelgeving",
            "wetgeving",
            "grondslag wet",
            "legal provision",
        ],
    ),
    (
        Column::DataSubjects,
        &[
            "betrokkenen",
            "betrokkene",
            "categorieen betrokkenen",
            "categorie betrokkenen",
            "categorieen van betrokkenen",
            "data subjects",
        ],
    ),
    (
        Column::DataCategories,
        &[
            "persoonsgegevens",
            "categorieen persoonsgegevens",
            "categorie persoonsgegevens",
            "categorieen van persoonsgegevens",
            "soort gegevens",
            "gegevens",
            "personal data",
            "categories of personal data",
        ],
    ),
    (
        Column::SpecialCategories,
        &[
            "bijzondere persoonsgegevens",
            "categorieen bijzondere persoonsgegevens",
            "bijzondere gegevens",
            "gevoelige gegevens",
            "special categories",
        ],
    ),
    (Column::Bsn, &["bsn", "burgerservicenummer"]),
    (
        Column::Recipients,
        &[
            "ontvangers",
            "ontvanger",
            "categorieen ontvangers",
            "categorieen van ontvangers",
            "ketenpartners",
            "derden",
            "recipients",
        ],
    ),
    (
        Column::Processors,
        &["verwerker", "verwerkers", "processor", "processors"],
    ),
    (
        Column::ProcessorAgreement,
        &[
            "verwerkersovereenkomst",
            "verwerkersovereenkomsten",
            "processor agreement",
        ],
    ),
    (
        Column::Transfers,
        &[
            "doorgifte",
            "doorgifte derde land",
            "doorgifte derde landen",
            "doorgifte buiten de eer",
            "buitenland",
            "derde land",
            "transfers",
        ],
    ),
    (
        Column::Retention,
        &[
            "bewaartermijn",
            "bewaartermijnen",
            "bewaren",
            "retention",
            "retention period",
        ],
    ),
    (
        Column::SecurityMeasures,
        &[
            "beveiliging",
            "beveiligingsmaatregelen",
            "technische en organisatorische maatregelen",
            "security",
            "security measures",
        ],
    ),
    (
        Column::Dpia,
        &[
            "dpia",
            "pia",
            "dpia uitgevoerd",
            "gegevensbeschermingseffectbeoordeling",
        ],
    ),
    (
        Column::Sources,
        &[
            "bron",
            "bronnen",
            "herkomst",
            "herkomst gegevens",
            "herkomst persoonsgegevens",
            "source",
            "sources",
        ],
    ),
    (
        Column::OrganisationalUnit,
        &[
            "afdeling",
            "team",
            "taakveld",
            "organisatieonderdeel",
            "cluster",
            "department",
            "taak afdeling",
        ],
    ),
    (
        Column::Controller,
        &[
            "verwerkingsverantwoordelijke",
            "verantwoordelijke",
            "bestuursorgaan",
            "verantwoordelijk bestuursorgaan",
            "controller",
        ],
    ),
    (
        Column::Systems,
        &[
            "systeem",
            "systemen",
            "applicatie",
            "applicaties",
            "verwerkingsmethode",
            "medium",
            "system",
            "systems",
        ],
    ),
    (
        Column::AutomatedDecisions,
        &[
            "geautomatiseerde besluitvorming",
            "geautomatiseerde besluitvorming en profilering",
            "profilering",
            "automated decisions",
        ],
    ),
    (Column::ForControllers, &["gemeente", "gemeenten"]),
    (
        Column::ProvisionRequirement,
        &[
            "verplicht",
            "verplichte verstrekking",
            "verplicht deze gegevens aan te leveren",
            "verplicht aan te leveren",
            "wettelijk of contractueel verplicht",
        ],
    ),
    (
        Column::Remarks,
        &[
            "opmerkingen",
            "opmerking",
            "toelichting",
            "notities",
            "remarks",
            "notes",
        ],
    ),
];

/// The most words a heading is recognised in.
const MAX_HEADING_WORDS: usize = 10;

/// A heading lowercased, without accents, punctuation or extra spaces.
pub(crate) fn normalise(heading: &str) -> String {
    let mut out = String::new();
    for c in heading.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if c == ' ' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out.trim_end().to_owned()
}

/// The column a heading names, by the usual headings.
pub fn recognise(heading: &str) -> Option<Column> {
    let heading = normalise(heading);
    // Headings are short; a long cell (a purpose written out) that happens to contain a
    // heading's word is data, not a heading.
    if heading.is_empty() || heading.split(' ').count() > MAX_HEADING_WORDS {
        return None;
    }
    for (column, names) in HEADINGS {
        if names.contains(&heading.as_str()) {
            return Some(*column);
        }
    }
    let padded = format!(" {heading} ");
    HEADINGS
        .iter()
        .flat_map(|(column, names)| names.iter().map(move |name| (*column, *name)))
        .filter(|(_, name)| padded.contains(&format!(" {name} ")))
        .max_by_key(|(_, name)| name.len())
        .map(|(column, _)| column)
}

/// A mapping file: headings of a sheet to the columns they hold, for layouts the usual headings
/// do not cover.
///
/// ```toml
/// [columns]
/// "Naam proces" = "name"
/// "Wettelijk kader" = "legal_provision"
/// "Interne notitie" = "ignore"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Heading (as written in the sheet) to column.
    #[serde(default)]
    pub columns: HashMap<String, Column>,
}

impl Mapping {
    /// The column `heading` holds: the mapping's choice, else the usual headings'.
    pub fn column(&self, heading: &str) -> Option<Column> {
        let trimmed = heading.trim();
        self.columns
            .iter()
            .find(|(name, _)| name.trim() == trimmed || normalise(name) == normalise(trimmed))
            .map(|(_, column)| *column)
            .or_else(|| recognise(heading))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_headings_are_recognised() {
        assert_eq!(recognise("Naam verwerking"), Some(Column::Name));
        assert_eq!(recognise("Rechtmatige grondslag"), Some(Column::LawfulBasis));
        assert_eq!(recognise("Wettelijke grondslag"), Some(Column::LegalProvision));
        assert_eq!(recognise("Categorieën betrokkenen"), Some(Column::DataSubjects));
        assert_eq!(
            recognise("Categorieën bijzondere persoonsgegevens"),
            Some(Column::SpecialCategories)
        );
        assert_eq!(
            recognise("Categorieën persoonsgegevens"),
            Some(Column::DataCategories)
        );
        assert_eq!(recognise("Bewaartermijn(en)"), Some(Column::Retention));
        assert_eq!(recognise("DPIA uitgevoerd?"), Some(Column::Dpia));
        assert_eq!(recognise("Doorgifte aan derde landen"), Some(Column::Transfers));
        assert_eq!(recognise("Kleur"), None);
        assert_eq!(
            recognise("Was (waren) betrokkene(n) verplicht deze gegevens aan te leveren?"),
            Some(Column::ProvisionRequirement)
        );
        assert_eq!(recognise("Betrokkene(n)"), Some(Column::DataSubjects));
        assert_eq!(
            recognise(
                "Tijdig uitvoering geven aan verzoeken op grond van de Wet Open Overheid bij de verwerking"
            ),
            None
        );
    }
}
