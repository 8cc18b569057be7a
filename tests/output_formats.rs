//! The machine-readable outputs: JSON validates against its checked-in schema, and SARIF is read
//! by a SARIF 2.1.0 model generated from the official schema (serde-sarif) without losing a field.
#![cfg(feature = "cli")]

use std::process::Command;

fn run(format: &str) -> (Option<i32>, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args(["check", "--no-config", "--format", format, "examples/"])
        .output()
        .expect("ropa runs");
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{format} output is not JSON: {e}\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (out.status.code(), value)
}

#[test]
fn json_output_matches_its_schema() {
    let (code, output) = run("json");
    assert_eq!(code, Some(1), "the examples have error findings");
    let schema = ropa::schema::SchemaKind::Report.schema();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&output)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(output["format_version"], 1);
    assert_eq!(output["summary"]["registers"], 3);
    assert_eq!(output["summary"]["proposals"], 6);
    let first = &output["findings"][0];
    for field in [
        "rule",
        "severity",
        "articles",
        "subject",
        "path",
        "location",
        "message",
        "explanation",
        "hint",
    ] {
        assert!(!first[field].is_null(), "finding without `{field}`: {first}");
    }
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let (code, output) = run("sarif");
    assert_eq!(code, Some(1));
    let sarif: serde_sarif::sarif::Sarif = serde_json::from_value(output.clone()).expect("valid SARIF 2.1.0");
    // Nothing we write is unknown to the official model: reading and writing it back loses nothing.
    assert_eq!(serde_json::to_value(&sarif).expect("serialises"), output);

    let run = &output["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    // Every rule, then `load-error`, under which unreadable files are results too.
    assert_eq!(rules.len(), ropa::engine::RULES.len() + 1);
    assert_eq!(rules[ropa::engine::RULES.len()]["id"], "load-error");
    for (i, rule) in rules.iter().take(ropa::engine::RULES.len()).enumerate() {
        assert_eq!(rule["id"], ropa::engine::RULES[i].id);
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .is_some_and(|m| m.contains("## Why"))
        );
    }
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap_or_default()));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri");
        // The region starts on the line and column the offending field is on.
        let text = std::fs::read_to_string(uri).expect("artifact readable from the repository root");
        let line = region["startLine"].as_u64().expect("line") as usize;
        let column = region["startColumn"].as_u64().expect("column") as usize;
        let line_text = text.lines().nth(line - 1).expect("line exists");
        assert!(
            column <= line_text.chars().count() + 1,
            "{uri}:{line}:{column} is past the end of the line"
        );
    }
}

/// A file ropa cannot load is a result too, and GitHub code scanning takes only results with a
/// region: an error about the whole file (here an empty one) is placed at its first line, one at
/// a place where it is.
#[test]
fn sarif_load_errors_always_have_a_region() {
    let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args([
            "check",
            "--no-config",
            "--format",
            "sarif",
            "tests/malformed/empty.yaml",
            "tests/malformed/syntax_tab_indent_0.yaml",
        ])
        .output()
        .expect("ropa runs");
    assert_eq!(out.status.code(), Some(2));
    let output: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let _: serde_sarif::sarif::Sarif = serde_json::from_value(output.clone()).expect("valid SARIF 2.1.0");
    let results = output["runs"][0]["results"].as_array().expect("results");
    let lines: Vec<(String, u64)> = results
        .iter()
        .map(|result| {
            let location = &result["locations"][0]["physicalLocation"];
            let uri = location["artifactLocation"]["uri"].as_str().unwrap_or_default();
            (
                uri.to_owned(),
                location["region"]["startLine"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("tests/malformed/empty.yaml".to_owned(), 1),
            ("tests/malformed/syntax_tab_indent_0.yaml".to_owned(), 21)
        ]
    );
}

fn text(format: &str, path: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args(["check", "--no-config", "--format", format, path])
        .output()
        .expect("ropa runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// GitHub workflow commands: one annotation per finding with its position and rule, the message
/// escaped as the runner requires (`%`, CR, LF; and `:`, `,` in properties).
#[test]
fn github_annotations_are_pinned() {
    let output = text("github", "examples/gnmi");
    for line in output.lines() {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning ") || line.starts_with("::notice "),
            "{line}"
        );
        assert!(!line.contains('\r'), "{line}");
    }
    insta::assert_snapshot!(output);
}

/// The Markdown summary for `$GITHUB_STEP_SUMMARY`.
#[test]
fn markdown_summary_is_pinned() {
    insta::assert_snapshot!(text("markdown", "examples/gnmi"));
}

/// Fingerprints follow the finding, not its line: an edit that shifts every line (a comment at
/// the top, an activity inserted before the others) leaves them unchanged.
#[test]
fn sarif_fingerprints_survive_edits_that_shift_lines() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sarif_fingerprints");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    let register = std::fs::read_to_string("examples/ibd/register.yaml").expect("example");
    let fingerprints = |text: &str| -> Vec<String> {
        std::fs::write(dir.join("register.yaml"), text).expect("write");
        let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .args(["check", "--no-config", "--format", "sarif", "register.yaml"])
            .current_dir(&dir)
            .output()
            .expect("ropa runs");
        let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF");
        let mut prints: Vec<String> = sarif["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| {
                r["partialFingerprints"]["ropa/v1"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        prints.sort();
        prints
    };
    let before = fingerprints(&register);
    assert!(!before.is_empty());
    let shifted = format!("# Bijgewerkt\n# door de FG\n\n{register}");
    assert_eq!(fingerprints(&shifted), before);
}

/// SARIF names files relative to the repository root (the nearest `.git` above the checked
/// path), wherever ropa runs from, so code scanning can place the alert; `--root` overrides it,
/// and the fingerprints do not depend on the directory ropa ran from.
#[test]
fn sarif_uris_are_relative_to_the_repository_root() {
    let repo = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sarif_root");
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(repo.join(".git")).expect("scratch repository");
    std::fs::create_dir_all(repo.join("privacy")).expect("privacy/");
    std::fs::create_dir_all(repo.join("docs")).expect("docs/");
    std::fs::copy("examples/ibd/register.yaml", repo.join("privacy/register.yaml")).expect("copy");
    let sarif = |cwd: &str, args: &[&str]| -> (Vec<String>, Vec<String>) {
        let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
            .args(["check", "--no-config", "--format", "sarif"])
            .args(args)
            .current_dir(repo.join(cwd))
            .output()
            .expect("ropa runs");
        let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF");
        let results = sarif["runs"][0]["results"].as_array().expect("results").clone();
        assert!(!results.is_empty());
        let field = |pointer: &str| -> Vec<String> {
            let mut values: Vec<String> = results
                .iter()
                .filter_map(|r| r.pointer(pointer)?.as_str().map(str::to_owned))
                .collect();
            values.sort();
            values.dedup();
            values
        };
        (
            field("/locations/0/physicalLocation/artifactLocation/uri"),
            field("/partialFingerprints/ropa~1v1"),
        )
    };
    let (from_root, prints) = sarif(".", &["privacy/register.yaml"]);
    assert_eq!(from_root, ["privacy/register.yaml"]);
    let (from_sibling, sibling_prints) = sarif("docs", &["../privacy/register.yaml"]);
    assert_eq!(from_sibling, ["privacy/register.yaml"]);
    assert_eq!(sibling_prints, prints);
    let (from_inside, _) = sarif("privacy", &["./register.yaml"]);
    assert_eq!(from_inside, ["privacy/register.yaml"]);
    let (with_root, _) = sarif("docs", &["--root", "../privacy", "../privacy/register.yaml"]);
    assert_eq!(with_root, ["register.yaml"]);
}
