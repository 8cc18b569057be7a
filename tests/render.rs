//! The privacy statement and the public register generated from registers (`ropa render`):
//! snapshots for every example in both languages and every format, well-formed HTML with every
//! applicable Art 13 item, no markup from the register's text, and gaps shown, never filled.

use std::path::{Path, PathBuf};

#[path = "common/npm.rs"]
mod npm;

use ropa::model::Register;
use ropa::render::{self, Block, DocumentKind, Language, RenderFormat};
use ropa::source::{Document, Format, Limits, ReadOptions, load_register};

/// The registers of Dutch public bodies transcribed from their published pages
/// (`tests/corpus/real/`), by file name.
fn real_registers() -> Vec<(String, Register)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/real");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    assert!(paths.len() >= 10, "the real-register corpus is missing");
    paths
        .into_iter()
        .map(|path| match load_register(&path, &ReadOptions::default()) {
            Ok(loaded) => (
                path.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                loaded.value,
            ),
            Err(error) => panic!("{} does not load: {error}", path.display()),
        })
        .collect()
}

/// The example registers, by directory name.
fn examples() -> Vec<(String, Register)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut found = Vec::new();
    for name in ["gemeente", "gnmi", "ibd"] {
        let dir = root.join(name);
        let path = ["register.yaml", "register.toml", "register.json"]
            .iter()
            .map(|file| dir.join(file))
            .find(|path| path.exists())
            .unwrap_or_else(|| panic!("examples/{name} has no register"));
        match load_register(&path, &ReadOptions::default()) {
            Ok(loaded) => found.push((name.to_owned(), loaded.value)),
            Err(error) => panic!("{} does not load: {error}", path.display()),
        }
    }
    found
}

fn parse(yaml: &str) -> Register {
    Document::parse("register.yaml", yaml, Format::Yaml, Limits::default())
        .and_then(|d| d.register())
        .unwrap_or_else(|e| panic!("test register does not load: {e}"))
}

fn write(document: &render::Document, format: RenderFormat) -> String {
    render::write(document, format).unwrap_or_else(|e| panic!("cannot write {}: {e}", document.title))
}

const LANGUAGES: [Language; 2] = [Language::Nl, Language::En];

#[test]
fn statements_of_the_examples_are_snapshotted_in_both_languages() {
    for (name, register) in examples() {
        for language in LANGUAGES {
            let document = render::document(&register, DocumentKind::Statement, language);
            insta::assert_snapshot!(
                format!("statement_{name}_{language}.md"),
                write(&document, RenderFormat::Markdown)
            );
            insta::assert_snapshot!(
                format!("statement_{name}_{language}.html"),
                write(&document, RenderFormat::Html)
            );
        }
    }
}

#[test]
fn public_registers_of_the_examples_are_snapshotted_in_every_format() {
    for (name, register) in examples() {
        for language in LANGUAGES {
            let document = render::document(&register, DocumentKind::Register, language);
            insta::assert_snapshot!(
                format!("register_{name}_{language}.md"),
                write(&document, RenderFormat::Markdown)
            );
            insta::assert_snapshot!(
                format!("register_{name}_{language}.html"),
                write(&document, RenderFormat::Html)
            );
            insta::assert_snapshot!(
                format!("register_{name}_{language}.csv"),
                write(&document, RenderFormat::Csv)
            );
        }
    }
}

/// Checks that `html` is well-formed (every element closed, in order) and returns its element
/// names in document order.
fn elements(html: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(html);
    reader.config_mut().check_end_names = true;
    let mut names = Vec::new();
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(element)) => {
                depth += 1;
                names.push(element.name().as_ref().to_owned());
            }
            Ok(Event::Empty(element)) => names.push(element.name().as_ref().to_owned()),
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("not well-formed at byte {}: {error}", reader.error_position()),
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    names
}

#[test]
fn html_is_well_formed_standalone_and_has_landmarks() {
    for (name, register) in examples().into_iter().chain(real_registers()) {
        for kind in [DocumentKind::Statement, DocumentKind::Register] {
            for language in LANGUAGES {
                let html = write(&render::document(&register, kind, language), RenderFormat::Html);
                let names = elements(&html);
                for landmark in ["html", "head", "title", "header", "main", "h1"] {
                    assert!(
                        names.iter().any(|n| n == landmark),
                        "{name} {kind} has no <{landmark}>"
                    );
                }
                assert!(
                    html.contains(&format!("<html lang=\"{language}\">")),
                    "{name}: no lang attribute"
                );
                // No external resources: nothing is loaded from elsewhere.
                for external in ["<script", "<link", "<img", "<iframe", "src=", "@import", "url("] {
                    assert!(
                        !html.contains(external),
                        "{name} {kind} loads something: {external}"
                    );
                }
                assert_eq!(names.iter().filter(|n| *n == "h1").count(), 1, "{name}: one h1");
            }
        }
    }
}

/// The Art 13(1)–(2) items every statement carries, as headings, and per activity as terms.
#[test]
fn every_statement_covers_each_applicable_art13_item() {
    for (name, register) in examples() {
        for language in LANGUAGES {
            let document = render::document(&register, DocumentKind::Statement, language);
            let headings: Vec<&str> = document
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Heading { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            let en = language == Language::En;
            // S1 controller, S2 DPO, S3–S8 per activity, S9 rights, S11 complaints.
            let sections: [&str; 5] = if en {
                [
                    "Who is responsible for your data",
                    "Data protection officer",
                    "What we process and why",
                    "Your rights",
                    "Complaints",
                ]
            } else {
                [
                    "Wie is verantwoordelijk voor uw gegevens?",
                    "Functionaris gegevensbescherming",
                    "Welke gegevens wij verwerken en waarom",
                    "Uw rechten",
                    "Klachten",
                ]
            };
            // The DPO where there is one, or must be (Art 37(1)(a)).
            let dpo = register.controller.dpo.is_some() || register.controller.public_authority;
            for (i, section) in sections.into_iter().enumerate() {
                let expected = i != 1 || dpo;
                assert_eq!(
                    headings.contains(&section),
                    expected,
                    "{name} ({language}): section {section:?}"
                );
            }
            let terms: [&str; 8] = if en {
                [
                    "Purposes",
                    "Lawful basis",
                    "Whose data",
                    "Which data",
                    "Where the data come from",
                    "Who receives the data",
                    "Outside the European Economic Area",
                    "How long we keep the data",
                ]
            } else {
                [
                    "Doelen",
                    "Grondslag",
                    "Van wie",
                    "Welke gegevens",
                    "Waar de gegevens vandaan komen",
                    "Wie de gegevens krijgt",
                    "Buiten de Europese Economische Ruimte",
                    "Hoe lang wij de gegevens bewaren",
                ]
            };
            let fact_blocks: Vec<Vec<&str>> = document
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Facts(facts) if facts.iter().any(|f| f.term == terms[0]) => {
                        Some(facts.iter().map(|f| f.term.as_str()).collect())
                    }
                    _ => None,
                })
                .collect();
            let gdpr = register
                .activities
                .iter()
                .filter(|a| matches!(a.regime, None | Some(ropa::model::LegalRegime::Gdpr)))
                .count();
            assert_eq!(fact_blocks.len(), gdpr, "{name}: one block of facts per activity");
            for block in fact_blocks {
                for term in terms {
                    assert!(
                        block.contains(&term),
                        "{name} ({language}): an activity lacks {term:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn text_from_the_register_adds_no_markup_in_any_format() {
    let register = parse(
        "controller:\n  public_authority: true\n  name: \"<script>alert(1)</script> [x](javascript:alert(1))\"\n  contact: { website: \"javascript:alert(1)\" }\n\
         catalogues:\n  purposes:\n    - { id: p, label: \"# kop\\n| a | b |\" }\n\
         activities:\n  - id: a\n    name: \"=HYPERLINK(\\\"http://x\\\") \\u202Eevil\"\n    purposes: [p]\n",
    );
    for language in LANGUAGES {
        for kind in [DocumentKind::Statement, DocumentKind::Register] {
            let document = render::document(&register, kind, language);
            let html = write(&document, RenderFormat::Html);
            elements(&html);
            assert!(!html.contains("<script>"), "{html}");
            assert!(!html.contains("href=\"javascript"), "{html}");
            let markdown = write(&document, RenderFormat::Markdown);
            // `\](` is an escaped bracket followed by text, not a link.
            assert!(
                !markdown.replace("\\]", "").contains("](javascript"),
                "{markdown}"
            );
            assert!(!markdown.contains("\n# kop"), "{markdown}");
            assert!(markdown.contains("\\<script\\>"), "{markdown}");
            for text in [&html, &markdown] {
                assert!(
                    !text.contains('\u{202E}'),
                    "a bidirectional override reached the output"
                );
            }
        }
        let csv = write(
            &render::document(&register, DocumentKind::Register, language),
            RenderFormat::Csv,
        );
        assert!(csv.contains("\"'=HYPERLINK"), "{csv}");
        assert!(!csv.contains('\u{202E}'));
    }
}

#[test]
fn the_statement_cannot_be_written_as_csv() {
    let register = parse("controller: { name: X, public_authority: false }\n");
    let document = render::document(&register, DocumentKind::Statement, Language::En);
    assert!(render::write(&document, RenderFormat::Csv).is_err());
}

/// Every HTML page opens in headless Chromium (Debian's `chromium`, driven by playwright-core)
/// with no serious or critical axe-core violation (WCAG 2.2 A and AA, and best practices) and
/// no request for anything outside the page; a screenshot of each, with and without its style
/// sheet, is left in `target/tmp/browser/shots` to look at. Without Chromium or Node.js the test
/// says so and is skipped, unless `ROPA_REQUIRE_BROWSER` is set (as `.ci/run` does when it could
/// install Chromium), where that fails it.
#[test]
fn html_pages_pass_axe_in_headless_chromium() {
    let skip = |reason: String| {
        assert!(
            std::env::var_os("ROPA_REQUIRE_BROWSER").is_none(),
            "a browser is required (ROPA_REQUIRE_BROWSER) but {reason}"
        );
        eprintln!("skipped: {reason}");
    };
    let chromium =
        std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if !chromium.exists() {
        return skip(format!(
            "no Chromium at {} (Debian: `apt-get install chromium`; or set CHROMIUM)",
            chromium.display()
        ));
    }
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    if let Err(reason) = npm::install(Path::new("tests/browser"), &work, &["package.json", "check.mjs"]) {
        return skip(reason);
    }
    let pages = work.join("pages");
    let _ = std::fs::remove_dir_all(&pages);
    std::fs::create_dir_all(&pages).expect("pages directory");
    let mut count = 0;
    for (name, register) in examples() {
        for language in LANGUAGES {
            for kind in [DocumentKind::Statement, DocumentKind::Register] {
                let html = write(&render::document(&register, kind, language), RenderFormat::Html);
                std::fs::write(pages.join(format!("{kind}-{name}-{language}.html")), html).expect("page");
                count += 1;
            }
        }
    }
    let out = std::process::Command::new("node")
        .arg(work.join("check.mjs"))
        .arg(&pages)
        .arg(work.join("shots"))
        .env("CHROMIUM", &chromium)
        .output();
    let out = match out {
        Ok(out) => out,
        Err(error) => return skip(format!("node cannot be run ({error})")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "axe-core or Chromium refused a page:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.matches(": axe passed").count(), count, "{stdout}");
}

/// The `ropa init` starter: complete, so its statement shows no gap and lint finds nothing.
fn starter() -> Register {
    parse(include_str!("../src/bin/ropa/starter.yaml"))
}

fn yaml<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Each Art 13/14 item the register can leave out: the statement shows the gap and `ropa check`
/// has a finding that says what to write, so the renderer never has to paper over it.
#[test]
fn each_missing_item_is_a_gap_in_the_statement_and_a_finding() {
    use ropa::model::{Contact, Listed};
    type Edit = fn(&mut Register);
    let cases: Vec<(&str, &str, Edit)> = vec![
        ("S1 controller contact", "controller-contact-missing", |r| {
            r.controller.contact = Contact::default()
        }),
        ("S2 DPO", "public-authority-without-dpo", |r| {
            r.controller.dpo = None
        }),
        ("S3 purposes", "activity-without-purpose", |r| {
            r.activities[0].purposes = Listed::NotStated
        }),
        ("S3 lawful basis", "lawful-basis-missing", |r| {
            r.activities[0].lawful_bases.clear()
        }),
        ("S4 data categories", "activity-without-data-categories", |r| {
            r.activities[0].data_categories = Listed::NotStated
        }),
        ("S4 data subjects", "activity-without-data-subjects", |r| {
            r.activities[0].data_subjects = Listed::NotStated
        }),
        (
            "S4 special categories",
            "special-category-without-condition",
            |r| {
                r.catalogues.data_categories.push(yaml(
                    "{ id: gezondheid, label: Gezondheid, special_category: health }",
                ));
                r.activities[0].data_categories.push(yaml("gezondheid"));
            },
        ),
        ("S4 criminal data", "criminal-data-without-basis", |r| {
            r.catalogues
                .data_categories
                .push(yaml("{ id: strafbaar, label: Strafbare feiten, criminal: true }"));
            r.activities[0].data_categories.push(yaml("strafbaar"));
        }),
        ("S2 DPO contact", "dpo-contact-missing", |r| {
            r.controller.public_authority = false;
            r.controller.dpo = Some(yaml("{ name: Functionaris gegevensbescherming }"));
        }),
        ("S4 BSN basis", "national-id-without-basis", |r| {
            r.defaults.national_id_basis = None
        }),
        ("S5 legitimate interest", "legitimate-interest-not-stated", |r| {
            r.controller.public_authority = false;
            r.activities[0].lawful_bases = vec![yaml("{ basis: legitimate_interests }")];
        }),
        ("S6 recipients", "recipients-not-stated", |r| {
            r.activities[0].recipients = Listed::NotStated
        }),
        (
            "S6 joint controller",
            "joint-controller-without-arrangement",
            |r| {
                r.catalogues.recipients.push(yaml(
                    "{ id: partner, label: Partnergemeente, kind: joint_controller }",
                ));
                r.activities[0].recipients.push(yaml("partner"));
            },
        ),
        ("S7 transfers", "transfers-not-stated", |r| {
            r.activities[0].transfers = Listed::NotStated;
            if let Some(s) = &mut r.statement {
                s.transfers = None;
            }
        }),
        ("S7 transfer safeguard", "transfer-without-mechanism", |r| {
            r.activities[0].transfers = Listed::Items(vec![yaml("{ country: US, processor: aannemer }")]);
            if let Some(s) = &mut r.statement {
                s.transfers = None;
            }
        }),
        ("S8 retention", "retention-missing", |r| {
            r.activities[0].retention = Listed::NotStated
        }),
        ("S8 retention start", "retention-start-missing", |r| {
            r.catalogues.retention_rules[0].period = yaml("{ after_event: { period: P2Y } }");
        }),
        ("S10 consent withdrawal", "consent-without-withdrawal", |r| {
            r.activities[0].lawful_bases = vec![yaml("{ basis: consent }")];
        }),
        ("S12 provision", "provision-requirement-not-stated", |r| {
            r.activities[0].provision_requirement = None;
            r.activities[0].provision_consequence = None;
        }),
        ("S13 sources", "data-sources-not-stated", |r| {
            r.activities[0].data_sources = Listed::NotStated
        }),
        (
            "S14 automated decisions",
            "automated-decision-logic-not-stated",
            |r| {
                r.activities[0].automated_decision_making = Some(yaml(
                    "{ description: Meldingen worden automatisch ingedeeld, profiling: true }",
                ));
                if let Some(s) = &mut r.statement {
                    s.automated_decisions = None;
                }
            },
        ),
        ("security", "security-description-missing", |r| {
            r.defaults.security_measures = Listed::NotStated;
            if let Some(s) = &mut r.statement {
                s.security_baseline = None;
            }
        }),
    ];
    let complete = starter();
    for language in LANGUAGES {
        let gaps = render::document(&complete, DocumentKind::Statement, language).gaps();
        assert!(gaps.is_empty(), "the starter shows gaps: {gaps:?}");
    }
    let clean: Vec<&str> = ropa::engine::lint(&complete)
        .findings
        .iter()
        .map(|f| f.rule)
        .collect();
    assert!(clean.is_empty(), "the starter has findings: {clean:?}");
    for (item, rule, edit) in cases {
        let mut register = starter();
        edit(&mut register);
        let gaps = render::document(&register, DocumentKind::Statement, Language::Nl).gaps();
        assert!(!gaps.is_empty(), "{item}: the statement shows no gap");
        let rules: Vec<&str> = ropa::engine::lint(&register)
            .findings
            .iter()
            .map(|f| f.rule)
            .collect();
        assert!(
            rules.contains(&rule),
            "{item}: no `{rule}` finding, only {rules:?}; gaps: {gaps:?}"
        );
    }
}

/// All the text of a document, spaces normalised.
fn all_text(document: &render::Document) -> String {
    let mut out = vec![document.title.clone()];
    for block in &document.blocks {
        match block {
            Block::Heading { text, .. } => out.push(text.clone()),
            Block::Paragraph(text) => out.push(text.to_plain()),
            Block::List(items) => out.extend(items.iter().map(render::Text::to_plain)),
            Block::Facts(facts) => {
                for fact in facts {
                    out.push(fact.term.clone());
                    out.extend(fact.values.iter().map(render::Text::to_plain));
                }
            }
            Block::Table(table) => {
                out.extend(table.rows.iter().flatten().flatten().map(render::Text::to_plain));
            }
            _ => {}
        }
    }
    out.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The string values of `value` with their paths.
fn strings(value: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text) => out.push((path, text.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{path}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                strings(item, format!("{path}/{key}"), out);
            }
        }
        _ => {}
    }
}

/// The generated statement says everything the register says in the organisation's own words:
/// every label, description, name, reason and promise reaches the reader. Ids, closed-list
/// values (shown by their labels), periods and dates (shown in words), addresses behind links,
/// and facts about the register document itself are not prose and are left out of the check.
#[test]
fn the_statement_keeps_every_piece_of_the_registers_own_text() {
    let not_prose = |path: &str, text: &str| {
        let last = path.rsplit('/').next().unwrap_or_default();
        path.starts_with("/register/")
            || path == "/$schema"
            || path == "/statement/title"
            || path == "/statement/updated"
            || last == "id"
            || last == "uuid"
            // A closed-list value or an id reference: lowercase snake_case, shown as a label.
            || text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            // Periods and dates are shown in words ("1 maand", "16 maart 2021").
            || (text.starts_with('P') && ropa::model::Period::parse(text).is_ok())
            || ropa::model::Date::parse(text).is_ok()
            // Country codes are shown as written, but as part of a phrase.
            || (text.len() <= 3 && text.bytes().all(|b| b.is_ascii_uppercase()))
            // A typed retention event is shown in the language's words.
            || last == "event_label"
    };
    let mut all_missing = Vec::new();
    for (name, register) in examples().into_iter().chain(real_registers()) {
        let value = serde_json::to_value(&register).expect("register as JSON");
        let mut found = Vec::new();
        strings(&value, String::new(), &mut found);
        let text = all_text(&render::document(
            &register,
            DocumentKind::Statement,
            Language::Nl,
        ));
        let prose: Vec<(String, String)> = found
            .into_iter()
            .filter(|(path, text)| !not_prose(path, text))
            .collect();
        assert!(
            prose.len() > 10,
            "{name}: only {} pieces of prose found",
            prose.len()
        );
        let missing: Vec<String> = prose
            .into_iter()
            .filter(|(_, value)| {
                let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
                !text.contains(value.trim_end_matches('.'))
            })
            .map(|(path, value)| format!("{path}: {value}"))
            .collect();
        all_missing.extend(missing.into_iter().map(|m| format!("{name}: {m}")));
    }
    assert!(
        all_missing.is_empty(),
        "the statement leaves out {all_missing:#?}"
    );
}

#[test]
fn a_register_names_its_language() {
    let dutch = parse("register: { language: nl-NL }\ncontroller: { name: X, public_authority: false }\n");
    assert_eq!(Language::of_register(&dutch), Some(Language::Nl));
    let unknown = parse("register: { language: fy }\ncontroller: { name: X, public_authority: false }\n");
    assert_eq!(Language::of_register(&unknown), None);
}
