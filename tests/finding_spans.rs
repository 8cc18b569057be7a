//! Findings point at the right line and column whatever the format: the same register written as
//! YAML, TOML and JSON gets findings whose locations cover the same offending text.

use ropa::engine::Engine;
use ropa::model::Register;
use ropa::report::{Documents, locate};
use ropa::source::{Document, Format, Limits};

const REGISTER: &str = r#"
controller:
  name: Gemeente Voorbeeld
  public_authority: true
  contact: { email: info@voorbeeld.nl }
  dpo: { contact: { email: fg@voorbeeld.nl } }
catalogues:
  purposes:
    - { id: wmo, label: Wmo-ondersteuning, kind: public_task }
  data_subjects:
    - { id: inwoners, label: Inwoners }
  data_categories:
    - { id: naam, label: Naam }
  retention_rules:
    - id: dossier
      label: Dossier
      period: { after_event: { period: P15Y, event: case_closed } }
  security_measures:
    - { id: toegang, label: Toegangsbeheer, category: access_control }
activities:
  - id: wmo_melding
    name: Wmo-melding
    purposes: [wmoo]
    data_subjects: [inwoners]
    data_categories: [naam]
    lawful_bases:
      - { basis: public_task }
    retention: [dossier]
    security_measures: [toegang]
"#;

/// (rule, text the location must cover) for every finding the register above gets.
const EXPECTED: [(&str, &str); 3] = [
    ("dangling-reference", "wmoo"),
    ("legal-provision-missing", "bas"),
    ("unused-catalogue-entry", "wmo"),
];

fn texts() -> [(Format, String); 3] {
    let register: Register = Document::parse("r.yaml", REGISTER, Format::Yaml, Limits::default())
        .and_then(|d| d.register())
        .unwrap_or_else(|e| panic!("{e}"));
    [
        (Format::Yaml, REGISTER.to_owned()),
        (Format::Toml, toml::to_string(&register).expect("toml")),
        (
            Format::Json,
            serde_json::to_string_pretty(&register).expect("json"),
        ),
    ]
}

#[test]
fn findings_are_located_in_every_format() {
    for (format, text) in texts() {
        let document = Document::parse("register", &text, format, Limits::default()).expect("parses");
        let register = document.register().expect("loads");
        let findings = locate(
            Engine::new(&register).lint().findings,
            Documents {
                register: Some(&document),
                proposal: None,
            },
        );
        for (rule, covered) in EXPECTED {
            let finding = findings
                .iter()
                .find(|f| f.rule == rule)
                .unwrap_or_else(|| panic!("{format}: no `{rule}` finding in {findings:#?}"));
            let location = finding
                .location
                .as_ref()
                .unwrap_or_else(|| panic!("{format}: `{rule}` not located"));
            let shown = text
                .get(location.start_byte..location.end_byte)
                .unwrap_or_default();
            assert!(
                shown.contains(covered),
                "{format}: `{rule}` at {} ({}:{}) shows {shown:?}, expected it to cover {covered:?}",
                finding.path,
                location.line,
                location.column
            );
            // Line and column agree with the byte offset.
            let line_start = text[..location.start_byte].rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(
                location.line,
                text[..location.start_byte].matches('\n').count() + 1,
                "{format}: {rule}"
            );
            assert_eq!(
                location.column,
                text[line_start..location.start_byte].chars().count() + 1,
                "{format}: {rule}"
            );
        }
    }
}
