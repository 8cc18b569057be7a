//! `ropa import`: spreadsheets and CSV files to a typed register — classified where the wording
//! allows, every other cell kept with a note, never a panic on a bad sheet.

use std::path::Path;

use proptest::prelude::*;
use ropa::import::{self, Column, ImportError, ImportOptions, Table, read_csv};
use ropa::model::{
    ActivityField, LawfulBasisKind, Listed, Register, Retention, RetentionEvent, SpecialCategory,
};
use ropa::source::{Document, Format, Limits};

fn options(controller: &str) -> ImportOptions {
    ImportOptions {
        controller: Some(controller.to_owned()),
        ..ImportOptions::default()
    }
}

fn import_csv(text: &str) -> import::Import {
    let table = read_csv("register.csv", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    import::import_table(&table, &options("Gemeente Voorbeeld")).unwrap_or_else(|e| panic!("{e}"))
}

/// The YAML written for an import loads back as the same register.
fn reloads(import: &import::Import) -> Register {
    let yaml = import::to_yaml(import).unwrap_or_else(|e| panic!("{e}"));
    let register = Document::parse("imported.yaml", &yaml, Format::Yaml, Limits::default())
        .and_then(|d| d.register())
        .unwrap_or_else(|e| panic!("the imported register does not load: {e}\n{yaml}"));
    assert_eq!(
        register, import.register,
        "the YAML does not read back as the register"
    );
    register
}

#[test]
fn cells_are_classified_where_the_wording_allows() {
    let import = import_csv(
        "Verwerkingsregister gemeente Voorbeeld;;;;;;;\n\
         Naam verwerking;Doel(en);Rechtmatige grondslag;Wettelijke grondslag;Categorieën betrokkenen;Categorieën persoonsgegevens;Bewaartermijn;Doorgifte\n\
         Bijstand;Verstrekken van bijstand;Wettelijke verplichting;Participatiewet art. 47;Aanvragers;NAW, BSN, Gegevens over gezondheid;5 jaar na afhandeling;Nee\n\
         Parkeren;Parkeervergunningen;Algemeen belang / openbaar gezag;;Inwoners;Kenteken;Conform selectielijst;\n",
    );
    let register = reloads(&import);
    let bijstand = &register.activities[0];
    assert_eq!(bijstand.name, "Bijstand");
    assert!(bijstand.relies_on(LawfulBasisKind::LegalObligation));
    assert_eq!(
        bijstand.lawful_bases[0].legal_provision.as_deref(),
        Some("Participatiewet art. 47")
    );
    assert_eq!(bijstand.transfers, Listed::None);
    let categories = &register.catalogues.data_categories;
    let health = categories
        .iter()
        .find(|c| c.label == "Gegevens over gezondheid")
        .map(|c| c.special_category);
    assert_eq!(health, Some(Some(SpecialCategory::Health)));
    assert!(
        categories
            .iter()
            .any(|c| c.label == "BSN" && c.national_id.is_some())
    );
    let rule = &register.catalogues.retention_rules[0];
    match &rule.period {
        Retention::AfterEvent(after) => {
            assert_eq!(after.period.years, 5);
            assert_eq!(after.event, Some(RetentionEvent::CaseClosed));
        }
        other => panic!("5 jaar na afhandeling read as {other:?}"),
    }
    let parkeren = &register.activities[1];
    assert!(parkeren.relies_on(LawfulBasisKind::PublicTask));
    assert_eq!(parkeren.unclassified.len(), 1);
    assert_eq!(parkeren.unclassified[0].field, ActivityField::Retention);
    assert_eq!(parkeren.unclassified[0].text, "Conform selectielijst");
    assert_eq!(
        parkeren.unclassified[0].source.as_deref(),
        Some("register.csv!G4")
    );
    // One note, on the cell that was kept.
    let cells: Vec<&str> = import.notes.iter().map(|n| n.cell.as_str()).collect();
    assert_eq!(cells, ["register.csv!G4"]);
    assert_eq!((import.stats.cells, import.stats.kept_as_text), (14, 1));
}

/// A cell with a bidirectional override or an invisible character is imported as written, with
/// a note naming the cell and the character, and written to the YAML as an escape; its twin
/// without one gets no such note.
#[test]
fn hidden_characters_in_cells_are_noted() {
    let hidden = |import: &import::Import| -> Vec<String> {
        (import.notes.iter())
            .filter(|n| n.message.contains("hidden character"))
            .map(|n| format!("{} {}", n.cell, n.message.split(',').next().unwrap_or_default()))
            .collect()
    };
    let text =
        "Naam verwerking;Doel\nParkeer\u{202E}gnineigrev;Vergunning\u{200B} verlenen\nMeldingen;Afhandelen\n";
    let imported = import_csv(text);
    assert_eq!(
        hidden(&imported),
        [
            "register.csv!A2 holds the hidden character U+202E",
            "register.csv!B2 holds the hidden character U+200B"
        ]
    );
    // Kept as written: the register holds the organisation's text.
    assert_eq!(imported.register.activities[0].name, "Parkeer\u{202E}gnineigrev");
    // Written as escapes in double quotes, never raw, and read back as the same text.
    let yaml = import::to_yaml(&imported).unwrap_or_else(|e| panic!("{e}"));
    assert!(yaml.contains(r#"name: "Parkeer\u202Egnineigrev""#), "{yaml}");
    assert!(!yaml.contains('\u{202E}') && !yaml.contains('\u{200B}'), "{yaml}");
    assert_eq!(reloads(&imported), imported.register);
    let twin = import_csv("Naam verwerking;Doel\nParkeervergunningen;Vergunning verlenen\n");
    assert!(hidden(&twin).is_empty());
}

#[test]
fn catalogues_are_shared_across_rows_and_ids_derived_from_labels() {
    let import = import_csv(
        "Naam;Categorieën persoonsgegevens;Ontvangers\nA;Naam, Adres;Belastingdienst\nB;naam;belastingdienst\nA;Adres;Nee\n",
    );
    let register = reloads(&import);
    let labels: Vec<&str> = register
        .catalogues
        .data_categories
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, ["Naam", "Adres"]);
    assert_eq!(register.catalogues.recipients.len(), 1);
    let ids: Vec<&str> = register.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "a_2"]);
    assert_eq!(register.activities[2].recipients, Listed::None);
}

#[test]
fn a_workbook_sheet_is_read_with_dates_and_cell_references() {
    let path = Path::new("tests/import/fixtures/register.xlsx");
    let options = ImportOptions {
        sheet: Some("Register".to_owned()),
        ..options("Gemeente Voorbeeld")
    };
    let import = import::import_path(path, &options).unwrap_or_else(|e| panic!("{e}"));
    let register = reloads(&import);
    assert_eq!(register.activities.len(), 2);
    let first = &register.activities[0];
    assert_eq!(first.name, "Bijzondere bijstand");
    assert!(first.relies_on(LawfulBasisKind::LegalObligation));
    // A date stored as a number is a date; the code is kept as written.
    let texts: Vec<&str> = first.unclassified.iter().map(|u| u.text.as_str()).collect();
    assert!(texts.contains(&"Vastgesteld op: 2021-03-16"), "{texts:?}");
    assert!(texts.contains(&"Code: VW-01"), "{texts:?}");
    assert!(
        import
            .notes
            .iter()
            .any(|n| n.cell == "tests/import/fixtures/register.xlsx!Register!E5")
    );
    // "Sociaal Domein" merged over both rows belongs to both.
    let units: Vec<_> = register
        .activities
        .iter()
        .map(|a| a.organisational_unit.as_deref())
        .collect();
    assert_eq!(units, [Some("Sociaal Domein"), Some("Sociaal Domein")]);
    // Another sheet is asked for by name; an unknown one lists those there are.
    let wrong = ImportOptions {
        sheet: Some("Blad9".to_owned()),
        ..ImportOptions::default()
    };
    match import::import_path(path, &wrong) {
        Err(error @ ImportError::NoSuchSheet { .. }) => {
            assert!(error.to_string().contains("Toelichting, Register"), "{error}");
        }
        other => panic!("expected NoSuchSheet, got {other:?}"),
    }
}

#[test]
fn bad_sheets_get_clear_errors() {
    let read = |text: &[u8]| {
        read_csv("r.csv", text).and_then(|t| import::import_table(&t, &ImportOptions::default()))
    };
    let message = |result: Result<import::Import, ImportError>| match result {
        Err(error) => error.to_string(),
        Ok(_) => panic!("imported"),
    };
    assert!(message(read(b"")).contains("holds no activities"));
    assert!(message(read(b";;\n;;\n")).contains("holds no activities"));
    assert!(message(read(b"Kleur;Maat\nrood;L\n")).contains("--map"));
    assert!(message(read(b"Naam;Doel\nA;\xff\n")).contains("UTF-8"));
    assert!(message(read(b"Naam;Doel\n")).contains("holds no activities"));
    let unknown = import::import_path(Path::new("register.pdf"), &ImportOptions::default());
    assert!(message(unknown).contains(".csv, .xlsx"));
    let missing = import::import_path(Path::new("does-not-exist.xlsx"), &ImportOptions::default());
    assert!(message(missing).contains("does-not-exist.xlsx: cannot read"));
    // A password-protected workbook says what to do instead.
    let protected = import::import_path(
        Path::new("tests/import/fixtures/protected.xlsx"),
        &ImportOptions::default(),
    );
    assert!(message(protected).contains("password protected; save an unprotected copy"));
    // A file that claims to be a workbook but is not.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let fake = dir.join("fake.xlsx");
    std::fs::write(&fake, "Naam;Doel\n").expect("write");
    assert!(message(import::import_path(&fake, &ImportOptions::default())).contains("fake.xlsx"));
    // Two cells, at A1 and XFD150000, in 1.5 KB: the grid over them would hold billions of
    // cells (104 GB were asked for), so the sheet is refused before it is built.
    let far = import::import_path(
        Path::new("tests/import/fixtures/far-cell.xlsx"),
        &ImportOptions::default(),
    );
    assert!(message(far).contains("cells"));
    // The same in ODS, through repeat counts: 150 000 blank rows and one cell repeated 16 000
    // times, in 1 KB.
    let far = import::import_path(
        Path::new("tests/import/fixtures/far-cell.ods"),
        &ImportOptions::default(),
    );
    assert!(message(far).contains("cells"));
}

#[test]
fn a_mapping_names_columns_the_usual_headings_do_not_cover() {
    let table = read_csv(
        "r.csv",
        "Proces;Kader\nLeerlingenvervoer;Wet op het primair onderwijs art. 4\n".as_bytes(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Without a mapping the column is kept as remarks, with a note saying how to map it.
    let unmapped =
        import::import_table(&table, &options("Gemeente Voorbeeld")).unwrap_or_else(|e| panic!("{e}"));
    let kept = &unmapped.register.activities[0].unclassified;
    assert_eq!(kept[0].text, "Kader: Wet op het primair onderwijs art. 4");
    assert!(
        unmapped
            .notes
            .iter()
            .any(|n| n.cell == "r.csv!B1" && n.message.contains("--map"))
    );
    let mapping: import::Mapping =
        toml::from_str("[columns]\nProces = \"name\"\nKader = \"legal_provision\"\n").expect("mapping");
    let import = import::import_table(
        &table,
        &ImportOptions {
            mapping,
            ..options("Gemeente Voorbeeld")
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let register = reloads(&import);
    assert_eq!(
        register.activities[0].lawful_bases[0].legal_provision.as_deref(),
        Some("Wet op het primair onderwijs art. 4")
    );
    assert_eq!(import.columns[1].1, Some(Column::LegalProvision));
}

#[test]
fn a_large_sheet_imports_in_bounded_time() {
    let mut csv = String::from("Naam verwerking;Doel;Grondslag;Bewaartermijn\n");
    for i in 0..20_000 {
        csv.push_str(&format!(
            "Verwerking {i};Doel {};6.1.e;{} jaar\n",
            i % 50,
            i % 20 + 1
        ));
    }
    let import = import_csv(&csv);
    assert_eq!(import.register.activities.len(), 20_000);
    assert_eq!(import.register.catalogues.purposes.len(), 50);
    assert_eq!(import.register.catalogues.retention_rules.len(), 20);
}

/// Words no classifier reads: letters only, so they are neither yes, no, a period nor a basis.
fn word() -> impl Strategy<Value = String> {
    "[b-df-hj-np-tv-z]{3,8}( [b-df-hj-np-tv-z]{3,8}){0,2}"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// No cell's text is lost: whatever column it is in, a cell of words no classifier reads
    /// comes out somewhere in the written register (as a label, a name, a wording, a statute, or
    /// under `unclassified`).
    #[test]
    fn no_cell_text_is_lost(
        headings in proptest::sample::subsequence(
            vec!["Doel", "Grondslag", "Wettelijke grondslag", "Betrokkenen", "Persoonsgegevens",
                 "Bijzondere persoonsgegevens", "BSN", "Ontvangers", "Verwerker",
                 "Verwerkersovereenkomst", "Doorgifte", "Bewaartermijn", "Beveiliging", "DPIA",
                 "Bron", "Afdeling", "Verantwoordelijke", "Systemen", "Geautomatiseerde besluitvorming",
                 "Opmerkingen", "Iets anders"],
            1..8,
        ),
        rows in proptest::collection::vec(proptest::collection::vec(word(), 8), 1..6),
    ) {
        let mut table_rows = vec![std::iter::once("Naam verwerking").chain(headings.iter().copied()).map(str::to_owned).collect::<Vec<_>>()];
        for row in &rows {
            table_rows.push(row.iter().take(headings.len() + 1).cloned().collect());
        }
        let table = Table { file: "p.csv".to_owned(), sheet: None, rows: table_rows.clone(), origin: (0, 0) };
        let import = import::import_table(&table, &options("Gemeente Voorbeeld")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let yaml = import::to_yaml(&import).map_err(|e| TestCaseError::fail(e.to_string()))?.to_lowercase();
        for row in &table_rows[1..] {
            for cell in row {
                prop_assert!(yaml.contains(&cell.to_lowercase()), "{cell:?} is not in\n{yaml}");
            }
        }
        let stats = import.stats;
        prop_assert_eq!(stats.typed + stats.kept_as_text, stats.cells);
    }

    /// Any text in any cell of any column imports or is refused with an error; it never panics,
    /// and what imports writes YAML that loads back.
    #[test]
    fn any_text_imports_or_is_refused(
        headings in proptest::collection::vec(
            proptest::sample::select(vec!["Naam verwerking", "Grondslag", "Bewaartermijn", "Persoonsgegevens",
                "Bijzondere persoonsgegevens", "Doorgifte", "DPIA", "Bron", "Beveiliging", "Code", "x"]),
            1..6,
        ),
        rows in proptest::collection::vec(proptest::collection::vec("\\PC{0,40}", 6), 0..5),
    ) {
        let mut table_rows = vec![headings.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()];
        table_rows.extend(rows);
        let table = Table { file: "p.csv".to_owned(), sheet: None, rows: table_rows, origin: (0, 0) };
        if let Ok(import) = import::import_table(&table, &options("Gemeente Voorbeeld")) {
            reloads(&import);
        }
    }
}

/// The real published registers in `tests/import/` (sources in `tests/import/SOURCES.md`), each
/// with its own layout, imported with the mapping file beside it where its headings need one.
fn real(name: &str) -> import::Import {
    let dir = Path::new("tests/import");
    let mapping_path = dir.join(format!("{name}.map.toml"));
    let mapping = if mapping_path.exists() {
        import::read_mapping(&mapping_path).unwrap_or_else(|e| panic!("{e}"))
    } else {
        import::Mapping::default()
    };
    let options = ImportOptions {
        mapping,
        ..options("Gemeente")
    };
    import::import_path(&dir.join(format!("{name}.csv")), &options).unwrap_or_else(|e| panic!("{e}"))
}

/// What an import did, for a snapshot: the share of cells read as typed fields, and every note.
fn summary(import: &import::Import) -> String {
    let stats = import.stats;
    let mut out = format!(
        "{} activities; {} of {} cells typed ({}%), {} kept as text\n",
        import.register.activities.len(),
        stats.typed,
        stats.cells,
        stats.typed * 100 / stats.cells.max(1),
        stats.kept_as_text
    );
    for note in &import.notes {
        out.push_str(&format!("{note}\n"));
    }
    out
}

#[test]
fn purmerend_web_register_imports() {
    let import = real("purmerend-website");
    let register = reloads(&import);
    assert_eq!(register.activities.len(), 7);
    for activity in &register.activities {
        // "Gemeente: Purmerend, Beemster", or only Purmerend for the RMC.
        assert_eq!(
            activity.for_controllers.first().map(String::as_str),
            Some("Purmerend"),
            "{}",
            activity.name
        );
        assert_eq!(
            activity.organisational_unit.as_deref().map(|u| u.contains('/')),
            Some(true)
        );
    }
    let brp = register
        .activities
        .iter()
        .find(|a| a.name == "Mutaties persoonslijsten BRP")
        .expect("BRP");
    assert_eq!(
        brp.responsible_bodies,
        ["Burgemeester", "Burgemeester en Wethouders"]
    );
    assert!(brp.relies_on(LawfulBasisKind::PublicTask));
    assert_eq!(brp.processors, Listed::None);
    let kinds: Vec<_> = brp.data_sources.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            ropa::model::DataSourceKind::DataSubject,
            ropa::model::DataSourceKind::PublicAuthority
        ]
    );
    // "Persoonsregistratie: 110 jaar, gegevensverstrekking binnen gemeente 5 jaar, …": a term
    // per kind of record.
    let rule = register
        .catalogues
        .retention_rules
        .iter()
        .find(|r| r.label.starts_with("Persoonsregistratie"));
    match rule.map(|r| &r.period) {
        Some(Retention::Conditional(conditional)) => assert_eq!(conditional.cases.len(), 3),
        other => panic!("BRP retention read as {other:?}"),
    }
    assert!(
        register
            .catalogues
            .data_categories
            .iter()
            .any(|c| c.label == "BSN" && c.national_id.is_some())
    );
    insta::assert_snapshot!(summary(&import));
}

#[test]
fn rijksoverheid_register_imports() {
    let import = real("rijksoverheid-avg-register");
    let register = reloads(&import);
    assert_eq!(register.activities.len(), 16);
    assert_eq!(register.activities[0].id.as_str(), "activity_4507");
    // "• Persoonsgegevens waaruit politieke opvattingen blijken" and the like.
    let special: Vec<_> = register
        .catalogues
        .data_categories
        .iter()
        .filter_map(|c| c.special_category)
        .collect();
    assert!(
        special.contains(&SpecialCategory::PoliticalOpinions),
        "{special:?}"
    );
    assert!(special.contains(&SpecialCategory::Health), "{special:?}");
    // "Nee" under "Was (waren) betrokkene(n) verplicht …" is voluntary provision.
    assert!(
        register
            .activities
            .iter()
            .any(|a| a.provision_requirement == Some(ropa::model::ProvisionRequirement::Voluntary))
    );
    insta::assert_snapshot!(summary(&import));
}

#[test]
fn rijksoverheid_purposes_with_their_bases_import() {
    let import = real("rijksoverheid-avg-register-verwerkingen");
    let register = reloads(&import);
    assert_eq!(register.activities.len(), 8);
    let woo = &register.activities[0];
    assert_eq!(woo.name, "WOO-verzoeken");
    assert!(woo.relies_on(LawfulBasisKind::LegalObligation));
    // The purposes written in the basis cell are kept, as written.
    assert!(woo.unclassified.iter().any(
        |u| u.field == ActivityField::LawfulBases && u.text.contains("Communiceren met de WOO-verzoeker")
    ));
    insta::assert_snapshot!(summary(&import));
}

#[test]
fn meppel_statements_per_activity_import() {
    let import = real("meppel-privacyverklaringen");
    let register = reloads(&import);
    assert_eq!(register.activities.len(), 8);
    // Statutes only: kept as the basis's provision, with a note asking for the Art 6(1) letter.
    let bezwaar = &register.activities[0];
    assert_eq!(bezwaar.lawful_bases[0].basis, None);
    assert!(
        bezwaar.lawful_bases[0]
            .legal_provision
            .as_deref()
            .is_some_and(|p| p.contains("Algemene wet bestuursrecht"))
    );
    // Lead-in lines are not purposes, but are kept.
    let purposes: Vec<&str> = register
        .catalogues
        .purposes
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    assert!(purposes.contains(&"Behandelen van het bezwaar"));
    assert!(!purposes.iter().any(|p| p.ends_with(':')), "{purposes:?}");
    insta::assert_snapshot!(summary(&import));
}

/// Round trip: the public register generated from an imported register has the input's rows,
/// in order, and each recognised column that the public register shows is filled where the
/// input cell was (a value, or the register's own words — never an empty cell or a gap for a
/// cell that said something).
#[test]
fn the_generated_public_register_has_the_rows_and_columns_of_the_input() {
    use ropa::render::{self, DocumentKind, Language, RenderFormat};
    let shown = [
        (Column::Name, 0usize),
        (Column::Purposes, 4),
        (Column::DataSubjects, 6),
        (Column::DataCategories, 7),
        (Column::Recipients, 10),
    ];
    for name in [
        "purmerend-website",
        "rijksoverheid-avg-register",
        "rijksoverheid-avg-register-verwerkingen",
        "meppel-privacyverklaringen",
    ] {
        let import = real(name);
        let document = render::document(&import.register, DocumentKind::Register, Language::Nl);
        let table = document
            .blocks
            .iter()
            .find_map(|b| match b {
                render::Block::Table(table) => Some(table),
                _ => None,
            })
            .expect("a table");
        assert_eq!(table.rows.len(), import.register.activities.len(), "{name}");
        let csv = render::write(&document, RenderFormat::Csv).expect("csv");
        assert!(csv.lines().count() > table.rows.len(), "{name}");
        let input =
            import::read_table(&Path::new("tests/import").join(format!("{name}.csv")), None).expect("input");
        let header = input
            .rows
            .iter()
            .position(|r| {
                r.len() == import.columns.len() && r.iter().zip(&import.columns).all(|(a, (b, _))| a == b)
            })
            .expect("heading row");
        for (row, rendered) in input.rows.iter().skip(header + 1).zip(&table.rows) {
            for (column, at) in shown {
                let Some(index) = import.columns.iter().position(|(_, c)| *c == Some(column)) else {
                    continue;
                };
                let said = row.get(index).is_some_and(|t| !t.trim().is_empty());
                let cell = rendered
                    .get(at)
                    .map(|values| values.iter().map(|v| v.to_plain()).collect::<String>())
                    .unwrap_or_default();
                if said {
                    assert!(
                        !cell.is_empty() && !cell.contains("niet vermeld"),
                        "{name}: {column} of {:?} is empty in the public register",
                        row.first()
                    );
                }
                if column == Column::Name {
                    assert_eq!(Some(cell.as_str()), row.get(index).map(|t| t.trim()), "{name}");
                }
            }
        }
    }
}

#[test]
fn an_ods_sheet_is_read() {
    let path = Path::new("tests/import/fixtures/register.ods");
    let import = import::import_path(path, &options("Gemeente Voorbeeld")).unwrap_or_else(|e| panic!("{e}"));
    let register = reloads(&import);
    let names: Vec<&str> = register.activities.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Leerlingenvervoer", "Nieuwsbrief"]);
    assert!(register.activities[1].relies_on(LawfulBasisKind::Consent));
    assert_eq!(
        import.source,
        "tests/import/fixtures/register.ods (sheet Verwerkingen)"
    );
}

/// Ids made from labels are unique, also when a label reads like an id a counter made (`x 2`
/// gives `x_2`, and a later clash of `x` must not give `x_2` again).
#[test]
fn ids_made_from_labels_never_clash() {
    let import = import_csv("Naam verwerking;Doel\nx 2;p 2\nx;p\nxλ;pλ\nx_2;p_2\n");
    let register = &import.register;
    let ids: Vec<&str> = register.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["x_2", "x", "x_3", "x_2_2"]);
    let purposes: Vec<&str> = register
        .catalogues
        .purposes
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    // `p_2` and `p 2` read alike, so they are one purpose.
    assert_eq!(purposes, ["p_2", "p", "p_3"]);
    let used: Vec<&str> = register
        .activities
        .iter()
        .map(|a| a.purposes[0].as_str())
        .collect();
    assert_eq!(used, ["p_2", "p", "p_3", "p_2"]);
}

/// A zip archive of `parts`, as XLSX and ODS workbooks are.
fn zipped(path: &Path, parts: &[(&str, &[u8])]) {
    use std::io::Write as _;
    let file = std::fs::File::create(path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    for (name, bytes) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("part");
        zip.write_all(bytes).expect("write");
    }
    zip.finish().expect("finish");
}

/// An XLS workbook (a compound file, version 3 as office programs write it: the workbook reader
/// refuses a version 4 file without a mini stream) with the workbook stream `stream`.
fn xls(path: &Path, stream: &[u8]) {
    use std::io::Write as _;
    let file = std::fs::File::create(path).expect("create");
    let mut compound = cfb::CompoundFile::create_with_version(cfb::Version::V3, file).expect("create");
    compound
        .create_stream("/Workbook")
        .and_then(|mut workbook| workbook.write_all(stream))
        .expect("write");
    compound.flush().expect("flush");
}

/// An ODS workbook of `tables` (each a sheet's rows).
fn ods(path: &Path, tables: &[&str]) {
    let sheets: String = tables
        .iter()
        .enumerate()
        .map(|(i, rows)| format!("<table:table table:name=\"Blad{i}\">{rows}</table:table>"))
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>{sheets}</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    zipped(
        path,
        &[
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("META-INF/manifest.xml", manifest.as_bytes()),
            ("content.xml", content.as_bytes()),
        ],
    );
}

/// A row of text cells.
fn ods_row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| {
            format!("<table:table-cell office:value-type=\"string\"><text:p>{c}</text:p></table:table-cell>")
        })
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

/// Workbooks of a few kilobytes that the workbook reader would expand to gigabytes as it opens
/// them (before any sheet could be measured) are measured first and refused.
#[test]
fn workbook_bombs_are_refused_before_they_are_opened() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let error = |path: &Path| match import::import_path(path, &options("Gemeente Voorbeeld")) {
        Err(error) => error.to_string(),
        Ok(_) => panic!("{} imported", path.display()),
    };
    let heading = ods_row(&["Naam verwerking", "Doel"]);
    let activity = ods_row(&["Parkeervergunningen", "Vergunning verlenen"]);

    // The twin: a small ODS workbook imports.
    let fine = dir.join("fine.ods");
    ods(&fine, &[&format!("{heading}{activity}")]);
    let imported =
        import::import_path(&fine, &options("Gemeente Voorbeeld")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.register.activities.len(), 1);

    // 3 000 rows of 16 384 ones on a second sheet (4.2 GB when read), and 300 million spaces
    // in one cell (a 300 MB register).
    let ones = "<table:table-row table:number-rows-repeated=\"3000\"><table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"float\" office:value=\"1\"/></table:table-row>";
    let bomb = dir.join("repeats.ods");
    ods(&bomb, &[&format!("{heading}{activity}"), ones]);
    assert!(error(&bomb).contains("cells"), "{}", error(&bomb));
    let spaces = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>x<text:s text:c=\"300000000\"/>y</text:p></table:table-cell></table:table-row>";
    let bomb = dir.join("spaces.ods");
    ods(&bomb, &[&format!("{heading}{activity}{spaces}")]);
    assert!(error(&bomb).contains("MiB of text"), "{}", error(&bomb));
    // The same copies with the repeat count after a form feed, which the reader takes for a
    // separator and quick-xml for part of the name: a hundred thousand rows of copied text the
    // measure once read as one row (900 MB and 7.6 s to import).
    let long = ods_row(&[&"x".repeat(1_000), &"x".repeat(1_000)]).replacen(
        "<table:table-row>",
        "<table:table-row table:style-name=\"ro1\"\x0Ctable:number-rows-repeated=\"100000\">",
        1,
    );
    let bomb = dir.join("form-feed.ods");
    ods(&bomb, &[&format!("{heading}{long}")]);
    assert!(error(&bomb).contains("MiB of text"), "{}", error(&bomb));

    // (An XLSX whose parts unpack past the limit is refused too: `unpacks_within`'s test.)
    // XLSX numbers the reader trusts: a count of shared strings it reserves room for, and cell
    // references and merged regions past a sheet's edge, which overflow its arithmetic.
    let sheet =
        |cells: &str| format!("<worksheet><sheetData><row r=\"1\">{cells}</row></sheetData></worksheet>");
    for (part, text) in [
        (
            "xl/sharedStrings.xml",
            "<sst uniqueCount=\"100000000000\"><si><t>x</t></si></sst>".to_owned(),
        ),
        // More shared strings than a sheet can hold, each empty: kept by the reader as it opens
        // the workbook.
        (
            "xl/sharedStrings.xml",
            format!("<sst>{}</sst>", "<si/>".repeat(250_001)),
        ),
        // After a form feed: a separator to the reader (which would reserve the room and abort).
        (
            "xl/sharedStrings.xml",
            "<sst count=\"1\"\x0CuniqueCount=\"100000000000\"><si><t>x</t></si></sst>".to_owned(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            sheet("<c r=\"A99999999999\"><v>1</v></c>"),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!("{}<mergeCells><mergeCell ref=\"B2:A1\"/></mergeCells>", sheet("")),
        ),
    ] {
        let bomb = dir.join("numbers.xlsx");
        zipped(
            &bomb,
            &[("xl/workbook.xml", b"<workbook/>"), (part, text.as_bytes())],
        );
        assert!(error(&bomb).contains("damaged"), "{part}: {}", error(&bomb));
    }

    // An XLS workbook with a number at row 65 535, column 65 535: the reader's grid over it
    // asked for 137 GB and aborted the process.
    let record = |typ: u16, data: &[u8]| {
        [
            typ.to_le_bytes().to_vec(),
            (data.len() as u16).to_le_bytes().to_vec(),
            data.to_vec(),
        ]
        .concat()
    };
    let number = |row: u16, column: u16| {
        let data = [
            row.to_le_bytes().to_vec(),
            column.to_le_bytes().to_vec(),
            vec![0, 0],
            1.0f64.to_le_bytes().to_vec(),
        ]
        .concat();
        record(0x0203, &data)
    };
    let (bof, eof) = (
        record(0x0809, &[0, 6, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        record(0x000A, &[]),
    );
    let name = [vec![6u8, 0], b"Blad1".to_vec()].concat();
    let sheet_at = |at: u32| {
        record(
            0x0085,
            &[at.to_le_bytes().to_vec(), vec![0, 0], name.clone()].concat(),
        )
    };
    let globals = (bof.len() + sheet_at(0).len() + eof.len()) as u32;
    let stream = [
        bof.clone(),
        sheet_at(globals),
        eof.clone(),
        bof,
        number(0, 0),
        number(65_535, 65_535),
        eof,
    ]
    .concat();
    let bomb = dir.join("far.xls");
    xls(&bomb, &stream);
    assert!(error(&bomb).contains("cells"), "{}", error(&bomb));
    // The reader is the one the extension names, in any case: the same file named `.XLS` is
    // measured, and named `.XLSX` it is read (and refused) as XLSX, never guessed to be XLS.
    for name in ["far.XLS", "far.XLSX"] {
        let renamed = dir.join(name);
        std::fs::copy(&bomb, &renamed).expect("copy");
        let message = error(&renamed);
        assert!(message.contains(name), "{message}");
    }
    assert!(error(&dir.join("far.XLS")).contains("cells"));

    // Shared strings (SST) are copied into every cell that names them (LABELSST): one string
    // of 60 000 characters named by 300 cells is 18 million characters of text.
    let sst = |strings: &[&str]| {
        let count = (strings.len() as u32).to_le_bytes();
        let mut data = [count, count].concat();
        for text in strings {
            data.extend((text.len() as u16).to_le_bytes());
            data.push(0);
            data.extend(text.as_bytes());
        }
        // Split as a writer splits it: records of at most 8 224 bytes, each continuation with
        // the flags byte of the string it carries on (here one long string of one-byte text).
        let mut chunks = data.chunks(8_000);
        let first = record(0x00FC, chunks.next().unwrap_or_default());
        [first]
            .into_iter()
            .chain(chunks.map(|chunk| record(0x003C, &[&[0u8][..], chunk].concat())))
            .collect::<Vec<_>>()
            .concat()
    };
    let label_sst = |row: u16, column: u16, string: u32| {
        let data = [
            row.to_le_bytes().to_vec(),
            column.to_le_bytes().to_vec(),
            vec![0, 0],
            string.to_le_bytes().to_vec(),
        ]
        .concat();
        record(0x00FD, &data)
    };
    let (bof, eof) = (
        record(0x0809, &[0, 6, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        record(0x000A, &[]),
    );
    let with_strings = |table: &[u8], cells: &[Vec<u8>]| {
        let globals = (bof.len() + sheet_at(0).len() + table.len() + eof.len()) as u32;
        [
            bof.clone(),
            sheet_at(globals),
            table.to_vec(),
            eof.clone(),
            bof.clone(),
            cells.concat(),
            eof.clone(),
        ]
        .concat()
    };
    let long = "x".repeat(60_000);
    let cells: Vec<Vec<u8>> = (0..300).map(|row| label_sst(row, 0, 0)).collect();
    let bomb = dir.join("shared.xls");
    xls(&bomb, &with_strings(&sst(&[&long]), &cells));
    assert!(error(&bomb).contains("MiB of text"), "{}", error(&bomb));
    // The twin: the measure finds each string where the reader does, so a workbook of shared
    // strings after a long one imports as written.
    let strings = sst(&[
        &long,
        "Naam verwerking",
        "Doel",
        "Parkeervergunningen",
        "Vergunning verlenen",
    ]);
    let cells = [
        label_sst(0, 0, 1),
        label_sst(0, 1, 2),
        label_sst(1, 0, 3),
        label_sst(1, 1, 4),
    ];
    let fine = dir.join("shared_fine.xls");
    xls(&fine, &with_strings(&strings, &cells));
    let imported =
        import::import_path(&fine, &options("Gemeente Voorbeeld")).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = imported
        .register
        .activities
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Parkeervergunningen"]);

    // One merged region of a thousand rows by a thousand columns in a 2.5 KB file: its value
    // is copied into a million cells, which took 2 GB to import (found by fuzzing).
    let region = [1u16, 1, 1026, 3, 1027].map(u16::to_le_bytes).concat();
    let merged = dir.join("merged.xls");
    let cells = [label_sst(1, 3, 0), label_sst(1026, 0, 0), record(0x00E5, &region)];
    xls(&merged, &with_strings(&sst(&["RDW"]), &cells));
    assert!(error(&merged).contains("250000 cells"), "{}", error(&merged));

    // A shared string flagged as followed by formatting runs, cut off before their count: the
    // reader panics reading it. The command reports the damaged workbook, without the panic
    // message of a crash above it.
    let cut_off = [&[0u8; 8][..], &[1, 0, 0x08]].concat();
    let damaged = dir.join("cut_off.xls");
    xls(
        &damaged,
        &with_strings(&record(0x00FC, &cut_off), &[label_sst(0, 0, 0)]),
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args(["import", "--controller", "Gemeente Voorbeeld"])
        .arg(&damaged)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cut_off.xls") && stderr.contains("reader failed on it"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    // A sheet said to start far past the end of the stream (the reader panicked on it): an
    // error, never a crash.
    let (bof, eof) = (
        record(0x0809, &[0, 6, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        record(0x000A, &[]),
    );
    let stream = [bof, sheet_at(0x00FF_FFFF), eof].concat();
    let damaged = dir.join("damaged.xls");
    xls(&damaged, &stream);
    assert!(error(&damaged).contains("damaged"), "{}", error(&damaged));
}
