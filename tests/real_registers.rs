//! Real published registers, transcribed by hand into ropa's format (`tests/corpus/real/`), each
//! with the findings its text implies decided before ropa was run on it
//! (`<name>.expected`), asserted exactly: a new finding or a missing one fails this test.
//!
//! An expectations file has one finding per line, `rule-id /field/path  # why`, with `#` lines
//! as comments. Every register must load; every line must say why.
#![cfg(feature = "cli")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const CORPUS: &str = "tests/corpus/real";

fn registers() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .expect("the real-register corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("yaml" | "toml" | "json")
            )
        })
        .collect();
    files.sort();
    files
}

/// The (rule, path) pairs of an expectations file; panics on a line without a reason.
fn expected(path: &Path) -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (finding, why) = line
                .split_once('#')
                .unwrap_or_else(|| panic!("{}: `{line}` says not why", path.display()));
            assert!(
                !why.trim().is_empty(),
                "{}: `{line}` says not why",
                path.display()
            );
            let mut words = finding.split_whitespace();
            let rule = words.next().unwrap_or_default().to_owned();
            let at = words.next().unwrap_or_default().to_owned();
            assert!(
                words.next().is_none(),
                "{}: `{line}` has more than a rule and a path",
                path.display()
            );
            (rule, at)
        })
        .collect()
}

fn findings(register: &Path) -> BTreeSet<(String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args(["check", "--no-config", "--format", "json"])
        .arg(register)
        .output()
        .expect("ropa runs");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{} does not load:\n{}{}",
        register.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
            (text(&f["rule"]), text(&f["path"]))
        })
        .collect()
}

#[test]
fn each_real_register_gets_exactly_the_findings_its_text_implies() {
    let registers = registers();
    assert!(registers.len() >= 8, "the corpus holds at least 8 organisations");
    let mut failures = Vec::new();
    for register in &registers {
        let expectations = register.with_extension("expected");
        let want = expected(&expectations);
        let got = findings(register);
        if want != got {
            let missing: Vec<_> = want.difference(&got).collect();
            let unexpected: Vec<_> = got.difference(&want).collect();
            failures.push(format!(
                "{}\n  expected but not found: {missing:?}\n  found but not expected: {unexpected:?}",
                register.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_corpus_has_thirty_activities_with_their_sources() {
    let mut activities = 0;
    for register in registers() {
        let text = std::fs::read_to_string(&register).unwrap_or_default();
        assert!(
            text.contains("https://"),
            "{} names no source address",
            register.display()
        );
        let loaded = ropa::source::load_register(&register, &ropa::source::ReadOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        activities += loaded.value.activities.len();
    }
    assert!(activities >= 30, "{activities} activities");
}
