//! Load errors, as people see them: each malformed input is rendered as plain rustc-style text
//! and snapshotted, so a change to a message, a position or a hint shows up in review.

use ropa::report::{HumanRenderer, render_load_error};
use ropa::source::{Document, Format, Limits, LoadError, LoadErrorKind};

fn load(name: &str, format: Format, text: &str) -> LoadError {
    let result = Document::parse(name, text, format, Limits::default()).and_then(|doc| match doc.kind() {
        ropa::source::DocumentKind::Register => doc.register().map(drop),
        ropa::source::DocumentKind::Proposal => doc.proposal().map(drop),
    });
    match result {
        Ok(()) => panic!("{name} loaded but should not have"),
        Err(error) => error,
    }
}

fn rendered(name: &str, format: Format, text: &str) -> String {
    let error = load(name, format, text);
    format!(
        "{}\n\n{}",
        error,
        render_load_error(
            &error,
            HumanRenderer {
                color: false,
                group_repeats: false,
            }
        )
    )
}

macro_rules! snapshot_cases {
    ($($test:ident: $format:ident, $file:literal, $text:expr;)+) => {
        $(
            #[test]
            fn $test() {
                insta::assert_snapshot!(rendered($file, Format::$format, $text));
            }
        )+
    };
}

const CONTROLLER_YAML: &str = "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n";

snapshot_cases! {
    yaml_empty_list_for_a_stated_item: Yaml, "register.yaml", &format!(
        "{CONTROLLER_YAML}activities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    recipients: []\n");
    json_unknown_word_for_a_stated_item: Json, "register.json",
        "{\"controller\": {\"name\": \"Gemeente\", \"public_authority\": true}, \"activities\": [{\"id\": \"a\", \"name\": \"A\", \"recipients\": \"geen\"}]}";
    json_raw_newline_in_a_string: Json, "register.json",
        "{\"controller\": {\"name\": \"Gemeente\nVoorbeeld\", \"public_authority\": true}}";
    yaml_struct_written_as_a_list: Yaml, "register.yaml",
        "controller: [Gemeente Voorbeeld, null, true]\n";
    json_struct_written_as_a_list: Json, "register.json",
        "{\"controller\": [\"Gemeente Voorbeeld\", null, true]}";
    toml_table_header_where_an_array_of_tables_is_meant: Toml, "register.toml",
        "[controller]\nname = \"G\"\npublic_authority = true\n\n[[activities]]\nid = \"a\"\nname = \"A\"\n\n[activities]\nid = \"b\"\nname = \"B\"\n";
    yaml_comments_only: Yaml, "register.yaml", "# Register van verwerkingsactiviteiten\n# (nog in te vullen)\n";
    yaml_period_too_large: Yaml, "register.yaml", &format!(
        "{CONTROLLER_YAML}catalogues:\n  retention_rules:\n    - {{ id: r, label: R, period: {{ after_event: {{ period: P99999999999Y }} }} }}\n");
    yaml_unknown_field_with_suggestion: Yaml, "register.yaml", &format!(
        "{CONTROLLER_YAML}activities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    purpses: [aanmelden]\n");
    yaml_boolean_written_as_yes: Yaml, "register.yaml",
        "controller:\n  name: Gemeente Voorbeeld\n  public_authority: yes\n";
    yaml_missing_required_field: Yaml, "register.yaml",
        "controller:\n  public_authority: true\n";
    yaml_invalid_id: Yaml, "register.yaml", &format!(
        "{CONTROLLER_YAML}catalogues:\n  purposes:\n    - id: Aanmelden Bijeenkomsten\n      label: Aanmelden\n");
    yaml_invalid_period: Yaml, "register.yaml", &format!(
        "{CONTROLLER_YAML}catalogues:\n  retention_rules:\n    - id: contract\n      label: Contracten\n      period:\n        after_event: {{ period: 5 jaar, event: contract_end }}\n");
    yaml_invalid_date: Yaml, "register.yaml", &format!(
        "{CONTROLLER_YAML}statement:\n  updated: 2021-02-30\n");
    yaml_unknown_value_with_suggestion: Yaml, "register.yaml", &format!(
        "{CONTROLLER_YAML}activities:\n  - id: a\n    name: A\n    lawful_bases:\n      - basis: public_tsk\n");
    yaml_duplicate_key: Yaml, "register.yaml",
        "controller:\n  name: Gemeente Voorbeeld\n  public_authority: true\n  name: Gemeente Anders\n";
    yaml_syntax_error: Yaml, "register.yaml",
        "controller:\n  name: \"Gemeente Voorbeeld\n  public_authority: true\n";
    yaml_alias_bomb: Yaml, "bomb.yaml",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
    yaml_two_documents: Yaml, "register.yaml", &format!("{CONTROLLER_YAML}---\n{CONTROLLER_YAML}");
    yaml_custom_tag: Yaml, "register.yaml",
        "controller:\n  name: !vault secret/name\n  public_authority: true\n";
    yaml_control_characters_are_neutralised: Yaml, "register.yaml",
        "controller:\n  name: Gemeente\n  public_authority: true\n  \u{1b}[2Jnaam\u{202e}: x\n";
    yaml_enum_with_two_keys: Yaml, "register.yaml", &format!(
        "{CONTROLLER_YAML}catalogues:\n  retention_rules:\n    - id: r\n      label: R\n      period:\n        unlimited: {{}}\n        permanent: {{}}\n");
    yaml_proposal_without_activity_fields: Yaml, "proposal.yaml",
        "rationale: Nieuwsbrief\nactivity:\n  id: nieuwsbrief\n";
    toml_unknown_field_with_suggestion: Toml, "register.toml",
        "[controller]\nname = \"Gemeente Voorbeeld\"\npublic_authority = true\n\n[[activities]]\nid = \"aanmelden\"\nname = \"Aanmelden\"\npurpses = [\"aanmelden\"]\n";
    toml_string_where_list_expected: Toml, "register.toml",
        "[controller]\nname = \"Gemeente Voorbeeld\"\npublic_authority = true\n\n[[activities]]\nid = \"aanmelden\"\nname = \"Aanmelden\"\npurposes = \"aanmelden\"\n";
    toml_syntax_error: Toml, "register.toml",
        "[controller]\nname = Gemeente Voorbeeld\npublic_authority = true\n";
    toml_invalid_country: Toml, "register.toml",
        "[controller]\nname = \"Gemeente Voorbeeld\"\npublic_authority = true\ncountry = \"Nederland\"\n";
    toml_missing_field_in_array_of_tables: Toml, "register.toml",
        "[controller]\nname = \"Gemeente Voorbeeld\"\npublic_authority = true\n\n[[activities]]\nid = \"aanmelden\"\n";
    toml_duplicate_key: Toml, "register.toml",
        "[controller]\nname = \"A\"\nname = \"B\"\npublic_authority = true\n";
    json_unknown_field_with_suggestion: Json, "register.json",
        "{\n  \"controller\": {\"name\": \"Gemeente Voorbeeld\", \"public_authority\": true},\n  \"activities\": [\n    {\"id\": \"aanmelden\", \"name\": \"Aanmelden\", \"purpses\": [\"aanmelden\"]}\n  ]\n}\n";
    json_trailing_comma: Json, "register.json",
        "{\n  \"controller\": {\"name\": \"Gemeente Voorbeeld\", \"public_authority\": true,}\n}\n";
    json_duplicate_key: Json, "register.json",
        "{\n  \"controller\": {\"name\": \"A\", \"public_authority\": true},\n  \"controller\": {\"name\": \"B\", \"public_authority\": true}\n}\n";
    json_number_where_string_expected: Json, "register.json",
        "{\n  \"controller\": {\"name\": \"A\", \"public_authority\": true, \"contact\": {\"phone\": 612345678}}\n}\n";
    json_unknown_enum_variant_key: Json, "register.json",
        "{\n  \"controller\": {\"name\": \"A\", \"public_authority\": true},\n  \"catalogues\": {\"retention_rules\": [\n    {\"id\": \"r\", \"label\": \"R\", \"period\": {\"after_evnt\": {\"period\": \"P1M\", \"event\": \"event_end\"}}}\n  ]}\n}\n";
    json_empty_file: Json, "register.json", "";
    json_comment: Json, "register.json",
        "// register\n{\"controller\": {\"name\": \"A\", \"public_authority\": true}}\n";
}

/// The same misspelling is found at its line and column, with the same suggestion, in all three
/// formats.
#[test]
fn the_same_misspelled_field_is_located_in_every_format() {
    let cases = [
        (
            "r.yaml",
            Format::Yaml,
            "controller:\n  name: A\n  public_authority: true\n  contcat: {}\n",
            (4, 3),
        ),
        (
            "r.toml",
            Format::Toml,
            "[controller]\nname = \"A\"\npublic_authority = true\ncontcat = {}\n",
            (4, 1),
        ),
        (
            "r.json",
            Format::Json,
            "{\"controller\": {\n  \"name\": \"A\",\n  \"public_authority\": true,\n  \"contcat\": {}\n}}\n",
            (4, 3),
        ),
    ];
    for (name, format, text, (line, column)) in cases {
        let error = load(name, format, text);
        let (start, _) = error.range().expect("located");
        assert_eq!((start.line, start.column), (line, column), "{name}");
        assert_eq!(error.path.to_string(), "/controller/contcat", "{name}");
        match &*error.kind {
            LoadErrorKind::UnknownField {
                field, suggestion, ..
            } => {
                assert_eq!(field, "contcat");
                assert_eq!(*suggestion, Some("contact"), "{name}");
            }
            other => panic!("{name}: expected an unknown field, got {other:?}"),
        }
        assert_eq!(error.help().as_deref(), Some("did you mean `contact`?"));
    }
}

/// Deep nesting and alias bombs are refused with their own error kinds, in every format.
#[test]
fn hostile_structures_are_refused() {
    let depth = 10_000;
    let nested_json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let nested_yaml = format!("a: {}{}", "[".repeat(depth), "]".repeat(depth));
    // Block nesting needs one more space of indentation per level: 2 000 levels is 2 MB.
    let nested_block_yaml: String = (0..2_000).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
    let nested_toml = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
    let dotted_toml = format!("controller{} = 1\n", ".a".repeat(200));
    let inline_toml = format!("a = {}1{}\n", "{b = ".repeat(200), "}".repeat(200));
    for (format, text) in [
        (Format::Json, nested_json),
        (Format::Yaml, nested_yaml),
        (Format::Yaml, nested_block_yaml),
        (Format::Toml, nested_toml),
        (Format::Toml, dotted_toml),
        (Format::Toml, inline_toml),
    ] {
        let error = match Document::parse("deep", &text, format, Limits::default()) {
            Ok(_) => panic!("{format}: 10 000 levels accepted"),
            Err(error) => error,
        };
        assert!(
            matches!(*error.kind, LoadErrorKind::TooDeep { .. }),
            "{format}: {error}"
        );
        assert!(error.span.is_some(), "{format}: no position");
    }

    let bomb = (1..10).fold(
        String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"),
        |mut text, level| {
            let refs = vec![format!("*l{}", level - 1); 10].join(", ");
            text.push_str(&format!("l{level}: &l{level} [{refs}]\n"));
            text
        },
    );
    let error =
        Document::parse("bomb.yaml", &bomb, Format::Yaml, Limits::default()).expect_err("bomb accepted");
    assert!(
        matches!(
            *error.kind,
            LoadErrorKind::TooManyValues {
                via_aliases: true,
                ..
            }
        ),
        "{error}"
    );
}

/// A file over the size limit is refused before it is parsed.
#[test]
fn oversized_input_is_refused() {
    let limits = Limits {
        max_file_size: 64,
        ..Limits::default()
    };
    let text = format!("{CONTROLLER_YAML}{}", "# padding\n".repeat(10));
    let error = Document::parse("big.yaml", &text, Format::Yaml, limits).expect_err("accepted");
    assert!(
        matches!(*error.kind, LoadErrorKind::TooLarge { limit: 64, .. }),
        "{error}"
    );
}

/// A byte order mark is skipped in every format, as editors on Windows write one.
#[test]
fn a_byte_order_mark_is_accepted_in_every_format() {
    for (name, format, text) in [
        (
            "r.yaml",
            Format::Yaml,
            "\u{feff}controller:\n  name: G\n  public_authority: true\n",
        ),
        (
            "r.toml",
            Format::Toml,
            "\u{feff}[controller]\nname = \"G\"\npublic_authority = true\n",
        ),
        (
            "r.json",
            Format::Json,
            "\u{feff}{\"controller\": {\"name\": \"G\", \"public_authority\": true}}",
        ),
    ] {
        let loaded = Document::parse(name, text, format, Limits::default()).and_then(|d| d.register());
        assert!(
            loaded.is_ok(),
            "{name}: {:?}",
            loaded.err().map(|e| e.to_string())
        );
    }
}

/// `{:?}` of a load error (what `fn main() -> Result<…>` prints) is short and useful, never the
/// whole source text.
#[test]
fn debug_output_is_short_and_never_the_source() {
    let text = format!(
        "{CONTROLLER_YAML}activities:\n  - id: a\n    name: A\n    purpses: [x]\n{}",
        "# padding SECRET\n".repeat(2_000)
    );
    let error = Document::parse("register.yaml", &text, Format::Yaml, Limits::default())
        .and_then(|d| d.register())
        .expect_err("unknown field");
    let debug = format!("{error:?}");
    assert!(debug.len() < 600, "{debug}");
    assert!(!debug.contains("SECRET"), "{debug}");
    assert!(
        debug.contains("line: Some(7)") && debug.contains("purpses"),
        "{debug}"
    );
}

/// Editors find the schema through `$schema`; ropa accepts the key and does not read it.
#[test]
fn a_schema_key_is_accepted() {
    let text = "{\"$schema\": \"https://example.org/ropa/register.schema.json\", \"controller\": {\"name\": \"G\", \"public_authority\": true}}";
    let register =
        Document::parse("r.json", text, Format::Json, Limits::default()).and_then(|d| d.register());
    assert!(register.is_ok_and(|r| r.schema.is_some_and(|s| s.ends_with("register.schema.json"))));
    assert!(ropa::source::looks_like_ropa(text, Format::Json));
    assert!(!ropa::source::looks_like_ropa(
        "{\"name\": \"website\"}",
        Format::Json
    ));
    // Text that does not parse is taken for a register or proposal when it has either key
    // written as a key, however quoted or spaced; a word inside another name is not enough.
    for (text, format) in [
        ("activity :\n  id: [x\n", Format::Yaml),
        ("\"controller\": {name: [x\n", Format::Yaml),
        ("# note\n  controller:\n name: [x", Format::Yaml),
        ("[ activity ]\nid = \n", Format::Toml),
        ("controller.name = \n", Format::Toml),
        ("{\"\\u0061ctivity\": ", Format::Json),
    ] {
        assert!(ropa::source::looks_like_ropa(text, format), "{text}");
    }
    for (text, format) in [
        (
            "spec:\n  ingressClassName: {{ .Values.ingress-controller: x }}\n",
            Format::Yaml,
        ),
        (
            "kind: Deployment\nmetadata: {{ .Values.activitylog }}\n",
            Format::Yaml,
        ),
        ("[package\nname = \"activity-tracker\"\n", Format::Toml),
    ] {
        assert!(!ropa::source::looks_like_ropa(text, format), "{text}");
    }
}

/// Every mistake in a file, in one run: `code path line:column` per error, in document order.
fn every_mistake(format: Format, text: &str) -> Vec<String> {
    let document = Document::parse("register", text, format, Limits::default()).expect("parses");
    match document.deserialize_all::<ropa::model::Register>() {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| {
                let at = e.range().map_or("-".to_owned(), |(start, _)| {
                    format!("{}:{}", start.line, start.column)
                });
                format!("{} {} {at}", e.kind.code(), e.path)
            })
            .collect(),
    }
}

#[test]
fn a_file_with_five_mistakes_reports_five() {
    let text = "\
controller:
  name: Gemeente Voorbeeld
  public_authorty: true
  country: Nederland
activities:
  - id: a
    name: A
    lawful_bases:
      - basis: public_tsk
  - id: b
    name: [B]
    retention:
      - period: ten years
";
    insta::assert_snapshot!(every_mistake(Format::Yaml, text).join("\n"));
}

/// Taking a mistaken value out must not report what that causes: the required field it leaves
/// missing, or the list it leaves empty. The compliant twin loads.
#[test]
fn follow_on_errors_are_not_reported() {
    let wrong_required = "controller:\n  name: [Gemeente]\n  public_authority: true\n";
    assert_eq!(
        every_mistake(Format::Yaml, wrong_required),
        ["wrong-type /controller/name 2:9"]
    );
    let only_item_wrong = format!(
        "{CONTROLLER_YAML}activities:\n  - id: a\n    name: A\n    lawful_bases:\n      - basis: public_tsk\n"
    );
    let found = every_mistake(Format::Yaml, &only_item_wrong);
    assert_eq!(found.len(), 1, "{found:?}");
    let fixed = only_item_wrong.replace("public_tsk", "public_task");
    assert_eq!(every_mistake(Format::Yaml, &fixed), Vec::<String>::new());
}

#[test]
fn mistakes_are_located_in_every_format() {
    let json = r#"{"controller": {"name": "G", "public_authority": true, "colour": 1},
"activities": [{"id": "a", "name": "A", "extra": 1}, {"id": "b", "name": "B", "more": 2}]}"#;
    let toml = "[controller]\nname = \"G\"\npublic_authority = true\ncolour = 1\n\n[[activities]]\nid = \"a\"\nname = \"A\"\nextra = 1\n\n[[activities]]\nid = \"b\"\nname = \"B\"\nmore = 2\n";
    for (format, text) in [(Format::Json, json), (Format::Toml, toml)] {
        let found = every_mistake(format, text);
        let paths: Vec<&str> = found.iter().filter_map(|f| f.split(' ').nth(1)).collect();
        assert_eq!(
            paths,
            ["/controller/colour", "/activities/0/extra", "/activities/1/more"],
            "{format:?}"
        );
    }
}

#[test]
fn mistakes_per_file_are_capped() {
    let mut text = CONTROLLER_YAML.to_owned();
    text.push_str("activities:\n");
    for i in 0..ropa::source::MAX_ERRORS_PER_FILE + 10 {
        text.push_str(&format!("  - id: a{i}\n    name: A\n    colour: {i}\n"));
    }
    let found = every_mistake(Format::Yaml, &text);
    assert_eq!(found.len(), ropa::source::MAX_ERRORS_PER_FILE);
    // Paths stay right after earlier list items were taken out.
    assert_eq!(
        found.last().map(String::as_str),
        Some("unknown-field /activities/19/colour 64:5")
    );
}

/// A YAML escape the format does not know (`\q` in double quotes, as in a Windows path) gets help
/// about escapes, not about closing quotes.
#[test]
fn an_unknown_yaml_escape_is_explained() {
    let text = "controller:\n  name: \"C:\\qemu\"\n";
    let error = Document::parse("r.yaml", text, Format::Yaml, Limits::default()).expect_err("refused");
    let help = error.help().unwrap_or_default();
    assert!(
        help.contains("backslash") && help.contains("single quotes"),
        "{help}"
    );
}
