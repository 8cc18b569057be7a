//! The mechanical parts of `docs/messages.md`, checked over every finding ropa reports on the
//! examples and the real-register corpus: messages and hints start in lower case and end without
//! a period, hints start with a verb, plurals are words, and no Rust jargon reaches the reader.
#![cfg(feature = "cli")]

use std::process::Command;

#[path = "common/rule_examples.rs"]
mod rule_examples;

/// The verbs a hint may start with (imperative, lower case).
/// ("did" starts a "did you mean `x`?" hint, the one question form allowed.)
const VERBS: &[&str] = &[
    "add",
    "ask",
    "assess",
    "authorise",
    "carry",
    "check",
    "choose",
    "cite",
    "collect",
    "correct",
    "declare",
    "delete",
    "describe",
    "did",
    "establish",
    "give",
    "inform",
    "keep",
    "let",
    "limit",
    "list",
    "meet",
    "name",
    "offer",
    "put",
    "record",
    "rely",
    "remove",
    "replace",
    "rest",
    "say",
    "set",
    "share",
    "sign",
    "split",
    "state",
    "stop",
    "take",
    "update",
    "use",
    "weigh",
    "write",
];

/// Words from Rust and serde that must not reach a reader, and plurals that are not words.
const JARGON: &[&str] = &["struct", "sequence", "variant", "enum", "categorys", "entrys"];

fn findings(path: &str) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args(["check", "--no-config", "--format", "json", path])
        .output()
        .expect("ropa runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    report["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn every_reported_message_follows_the_style_guide() {
    let mut all = findings("examples");
    all.extend(findings("tests/corpus/real"));
    assert!(all.len() > 100, "enough findings to judge: {}", all.len());
    let mut problems = Vec::new();
    for finding in &all {
        let rule = finding["rule"].as_str().unwrap_or_default();
        let message = finding["message"].as_str().unwrap_or_default();
        let hint = finding["hint"].as_str().unwrap_or_default();
        for (what, text) in [("message", message), ("hint", hint)] {
            if text.ends_with('.') {
                problems.push(format!("{rule}: {what} ends with a period: {text}"));
            }
            if text.chars().next().is_some_and(char::is_uppercase) {
                problems.push(format!("{rule}: {what} starts in upper case: {text}"));
            }
            let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
            if let Some(word) = JARGON.iter().find(|w| words.contains(w)) {
                problems.push(format!("{rule}: {what} says `{word}`: {text}"));
            }
        }
        let first = hint
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        if !VERBS.contains(&first) {
            problems.push(format!(
                "{rule}: hint does not start with a verb (`{first}`): {hint}"
            ));
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Hints write what to type as YAML snippets in backticks; the reports rewrite them for JSON and
/// TOML files, which only works when each snippet with structure (`key: value`, `{ … }`, `[ … ]`)
/// reads as YAML. Every hint the rules give on their own examples is checked.
#[test]
fn hint_snippets_are_valid_yaml() {
    use ropa::source::{Document, Format, Limits};
    let mut problems = Vec::new();
    let mut snippets = 0;
    for rule in ropa::engine::RULES.iter() {
        for example in [rule.non_compliant, rule.compliant] {
            let document =
                Document::parse("example.yaml", example, Format::Yaml, Limits::default()).expect("loads");
            let findings = rule_examples::run(document).findings;
            for finding in findings {
                for (i, snippet) in finding.hint.split('`').enumerate() {
                    let structured = snippet.contains(": ") || snippet.starts_with(['{', '[']);
                    if i % 2 == 0 || !structured {
                        continue;
                    }
                    snippets += 1;
                    if let Err(e) = Document::parse("hint", snippet, Format::Yaml, Limits::default()) {
                        problems.push(format!("{}: `{snippet}` is not YAML ({e})", finding.rule));
                    }
                }
            }
        }
    }
    assert!(snippets > 30, "{snippets} snippets checked");
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
