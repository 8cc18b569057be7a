//! The checked-in JSON Schemas are current, and every example file validates against them.

use std::path::{Path, PathBuf};

#[path = "common/npm.rs"]
mod npm;

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

/// The schemas compile in ajv's strict mode (the validator editors and CI tools most often use,
/// which refuses unknown keywords and formats, ambiguous types and loose `required` lists), and
/// every example validates under it. ajv is installed from `tests/ajv/package-lock.json` with
/// npm into the target directory on first use. Without Node.js or the npm registry the test says
/// so and is skipped, unless `ROPA_REQUIRE_AJV` is set (as `.ci/run` does), where that fails it.
#[test]
fn schemas_and_examples_pass_ajv_strict_mode() {
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ajv");
    if let Err(reason) = npm::install(Path::new("tests/ajv"), &work, &["package.json", "validate.mjs"]) {
        assert!(
            std::env::var_os("ROPA_REQUIRE_AJV").is_none(),
            "ajv is required (ROPA_REQUIRE_AJV) but {reason}"
        );
        eprintln!("skipped: {reason}");
        return;
    }
    let inputs = work.join("inputs");
    let _ = std::fs::remove_dir_all(&inputs);
    std::fs::create_dir_all(&inputs).expect("inputs directory");
    for kind in SchemaKind::ALL {
        std::fs::write(inputs.join(kind.file_name()), kind.to_pretty_json()).expect("schema");
    }
    let mut files = Vec::new();
    example_files(Path::new("examples"), &mut files);
    for path in &files {
        let document = Document::read(path, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let kind = match document.kind() {
            DocumentKind::Register => "register",
            DocumentKind::Proposal => "proposal",
        };
        let name = path.to_string_lossy().replace(['/', '\\'], "_");
        let instance = serde_json::to_string(&document.root().to_json()).expect("json");
        std::fs::write(inputs.join(format!("{kind}--{name}.json")), instance).expect("instance");
    }
    let out = std::process::Command::new("node")
        .arg(work.join("validate.mjs"))
        .arg(&inputs)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "ajv (strict) refused:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.matches(": compiles in strict mode").count(),
        SchemaKind::ALL.len()
    );
    assert_eq!(stdout.matches(": valid").count(), files.len(), "{stdout}");
}
