//! Each rule as a user sees it: the rule's non-compliant example (its declared fixture), checked
//! and rendered as `ropa check` prints it, with `file:line:column` and the spanned text, one
//! snapshot per rule named by its id (`tests/snapshots/rule_ui__<rule-id>.snap`), as ruff's and
//! clippy's UI tests do. The examples are written in YAML; every third rule is shown from the
//! same input written as JSON, every third as TOML, so positions and hints are pinned in all
//! three formats. Proposal examples are evaluated against the example register.

use std::sync::Arc;

use ropa::engine::{Finding, RULES};
use ropa::report::{Documents, HumanRenderer, Sources, locate, render_finding};
use ropa::source::{Document, DocumentKind, Format, Limits};

#[path = "common/rule_examples.rs"]
mod rule_examples;

#[test]
fn every_rule_renders_its_example() {
    let style = HumanRenderer {
        color: false,
        group_repeats: false,
    };
    let mut per_format = [0usize; 3];
    for rule in RULES.iter() {
        // The format follows from the id, not the rule's place in the list, so that adding a
        // rule leaves the other rules' snapshots as they are.
        let pick = rule.id.bytes().map(usize::from).sum::<usize>() % 3;
        per_format[pick] += 1;
        let format = [Format::Yaml, Format::Json, Format::Toml][pick];
        let name = format!("{}.{format}", rule.id);
        let text = in_format(rule.non_compliant, format);
        let document = Document::parse(&name, &text, format, Limits::default()).expect("example loads");
        let run = rule_examples::run(document);
        let mut sources = Sources::new();
        for document in std::iter::once(&run.register).chain(&run.proposal) {
            sources.insert(document.source().name().to_owned(), Arc::clone(document.source()));
        }
        let documents = Documents {
            register: Some(&run.register),
            proposal: run.proposal.as_ref(),
        };
        let findings: Vec<Finding> = run
            .findings
            .iter()
            .filter(|f| f.rule == rule.id)
            .cloned()
            .collect();
        let findings = locate(findings, documents);
        assert!(!findings.is_empty(), "{} does not fire on its example", rule.id);
        let rendered: Vec<String> = findings
            .iter()
            .map(|f| render_finding(f, &sources, style))
            .collect();
        insta::assert_snapshot!(rule.id, rendered.join("\n"));
    }
    // Each format is exercised by a fair share of the rules.
    for count in per_format {
        assert!(
            count * 5 >= RULES.len(),
            "formats per rule: {per_format:?} (YAML, JSON, TOML)"
        );
    }
}

/// The example as written (YAML), or the same input written as JSON or TOML.
fn in_format(example: &str, format: Format) -> String {
    let yaml =
        Document::parse("example.yaml", example, Format::Yaml, Limits::default()).expect("example loads");
    let written = match (format, yaml.kind()) {
        (Format::Yaml, _) => return example.to_owned(),
        (Format::Json, DocumentKind::Register) => {
            serde_json::to_string_pretty(&yaml.register().expect("register")).ok()
        }
        (Format::Json, DocumentKind::Proposal) => {
            serde_json::to_string_pretty(&yaml.proposal().expect("proposal")).ok()
        }
        (_, DocumentKind::Register) => toml::to_string(&yaml.register().expect("register")).ok(),
        (_, DocumentKind::Proposal) => toml::to_string(&yaml.proposal().expect("proposal")).ok(),
    };
    written.expect("written")
}
