//! The checked-in JSON Schemas are current, and every example file validates against them.

use std::path::{Path, PathBuf};

use ropa::schema::SchemaKind;
use ropa::source::{Document, DocumentKind, ReadOptions};

#[test]
fn checked_in_schemas_are_current() {
    for kind in SchemaKind::ALL {
        let path = Path::new("schema").join(kind.file_name());
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == kind.to_pretty_json(),
            "{} is stale: run `cargo run -- schema --out schema` and commit the result",
            path.display()
        );
    }
}

fn example_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("examples directory")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            example_files(&path, found);
        } else if ropa::source::Format::from_path(&path).is_some() {
            found.push(path);
        }
    }
}

#[test]
fn every_example_validates_against_its_schema() {
    let register =
        jsonschema::validator_for(&SchemaKind::Register.schema()).expect("register schema compiles");
    let proposal =
        jsonschema::validator_for(&SchemaKind::Proposal.schema()).expect("proposal schema compiles");
    let mut files = Vec::new();
    example_files(Path::new("examples"), &mut files);
    assert!(
        files.len() >= 9,
        "expected three registers and six proposals, found {files:?}"
    );
    for path in files {
        let document = Document::read(&path, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let instance = document.root().to_json();
        let validator = match document.kind() {
            DocumentKind::Register => &register,
            DocumentKind::Proposal => &proposal,
        };
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{} does not match the schema:\n{}",
            path.display(),
            errors.join("\n")
        );
    }
}

/// The schema is strict where the loader is: it refuses unknown fields and bad value forms.
#[test]
fn schema_refuses_what_the_loader_refuses() {
    let register = jsonschema::validator_for(&SchemaKind::Register.schema()).expect("compiles");
    let valid = serde_json::json!({"controller": {"name": "A", "public_authority": true}});
    assert!(register.is_valid(&valid));
    for invalid in [
        serde_json::json!({"controller": {"name": "A", "public_authority": true, "emial": "x"}}),
        serde_json::json!({"controller": {"name": "A", "public_authority": "yes"}}),
        serde_json::json!({"controller": {"name": "A", "public_authority": true, "country": "Nederland"}}),
        serde_json::json!({"controller": {"name": "A", "public_authority": true},
            "catalogues": {"purposes": [{"id": "Bad Id", "label": "x"}]}}),
        serde_json::json!({"controller": {"name": "A", "public_authority": true},
            "catalogues": {"retention_rules": [{"id": "r", "label": "x",
                "period": {"after_event": {"period": "5 jaar", "event": "event_end"}}}]}}),
    ] {
        assert!(!register.is_valid(&invalid), "schema accepted {invalid}");
    }
}

/// The schemas suit editors and strict validators: no `null` offered as a value (leave a field
/// out instead), only standard `format`s, and no rustdoc link syntax in descriptions.
#[test]
fn schemas_are_fit_for_editors_and_strict_validators() {
    for kind in SchemaKind::ALL {
        let text = serde_json::to_string(&kind.schema()).expect("serialises");
        assert!(!text.contains("\"null\""), "{}: offers null", kind.file_name());
        assert!(!text.contains("[`"), "{}: rustdoc link syntax", kind.file_name());
        for format in ["uint8", "uint16", "uint32", "uint64", "int64", "double"] {
            assert!(
                !text.contains(&format!("\"format\":\"{format}\"")),
                "{}: format {format}",
                kind.file_name()
            );
        }
    }
}
