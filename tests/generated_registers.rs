//! The generator of realistic registers (`tests/common/generate.rs`, used by the benchmarks)
//! makes registers that load in every format, refer only to what they declare, and lint and
//! evaluate as real registers do: with findings from the activities written loosely, and
//! proposals both within and beyond the register.

#[path = "common/generate.rs"]
mod generate;

use ropa::engine::{Engine, lint};
use ropa::source::{Document, Format, Limits};

fn load(text: &str, format: Format) -> ropa::model::Register {
    Document::parse("generated", text, format, Limits::default())
        .and_then(|d| d.register())
        .unwrap_or_else(|e| panic!("{format}: {e}"))
}

#[test]
fn generated_registers_load_alike_in_every_format() {
    for activities in [10, 137] {
        let json = load(&generate::register_text(activities, Format::Json), Format::Json);
        assert_eq!(json.activities.len(), activities);
        for format in [Format::Yaml, Format::Toml] {
            let text = generate::register_text(activities, format);
            assert_eq!(load(&text, format), json, "{format}, {activities} activities");
        }
        // Deterministic: the same size gives the same register.
        assert_eq!(generate::register(activities), generate::register(activities));
    }
}

#[test]
fn generated_registers_lint_like_real_ones() {
    let register = load(&generate::register_text(200, Format::Json), Format::Json);
    let report = lint(&register);
    let rules: std::collections::BTreeSet<&str> = report.findings.iter().map(|f| f.rule).collect();
    // The loosely written activities (one in ten) give the findings real registers give ...
    for expected in [
        "retention-missing",
        "recipients-not-stated",
        "lawful-basis-letter-missing",
    ] {
        assert!(rules.contains(expected), "no {expected} in {rules:?}");
    }
    // ... and nothing else is wrong: no reference to an undeclared entry, no contradiction.
    let loose: Vec<String> = (0..200)
        .filter(|i| i % 10 == 9)
        .map(|i| format!("verwerking_{i}"))
        .collect();
    for finding in &report.findings {
        let path = finding.path.to_string();
        let about_loose = loose.iter().any(|id| finding.message.contains(id.as_str()));
        assert!(
            about_loose || finding.severity < ropa::engine::Severity::Error,
            "{}: {} at {path}",
            finding.rule,
            finding.message
        );
    }
}

#[test]
fn generated_proposals_are_within_or_beyond_the_register() {
    let register = load(&generate::register_text(100, Format::Json), Format::Json);
    let engine = Engine::new(&register);
    let verdicts: Vec<bool> = generate::proposals(100, 8)
        .iter()
        .map(|text| {
            let proposal = Document::parse("p.json", text, Format::Json, Limits::default())
                .and_then(|d| d.proposal())
                .unwrap_or_else(|e| panic!("{e}"));
            engine.evaluate(&proposal).compliant
        })
        .collect();
    assert_eq!(verdicts, [true, true, true, false, true, true, true, false]);
}
