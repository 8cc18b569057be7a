//! Properties of the engine over generated registers and proposals: it never panics, and the same
//! input gives the same findings in the same (sorted, duplicate-free) order.
//!
//! And the rule gate changes no finding: a rule that names triggers (special-category data,
//! transfers, cookies …) is skipped for activities that show none of them, and running every
//! rule instead must find exactly the same — over every register and proposal kept in the
//! repository (examples, the real-register corpus, the rule examples, fuzzing's finds), over
//! generated registers and proposals, and (below) over arbitrary ones; the fuzz targets check the
//! same on whatever loads.

mod common;

#[path = "common/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};

use common::strategies;
use proptest::prelude::*;
use ropa::engine::{Engine, RULES};
use ropa::model::{Proposal, Register};
use ropa::source::{Document, DocumentKind, Format, Limits, ReadOptions};

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn linting_is_deterministic(register in strategies::register()) {
        let first = Engine::new(&register).lint();
        let second = Engine::new(&register.clone()).lint();
        prop_assert_eq!(&first, &second);
        for pair in first.findings.windows(2) {
            prop_assert!(pair[0].report_order(&pair[1]).is_lt(), "not strictly ordered: {:?}", pair);
        }
    }

    #[test]
    fn evaluating_is_deterministic(register in strategies::register(), proposal in strategies::proposal()) {
        let engine = Engine::new(&register);
        let first = engine.evaluate(&proposal);
        let second = Engine::new(&register).evaluate(&proposal.clone());
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(first.compliant, first.report.max_severity() != Some(ropa::engine::Severity::Error));
        for pair in first.report.findings.windows(2) {
            prop_assert!(pair[0].report_order(&pair[1]).is_lt(), "not strictly ordered: {:?}", pair);
        }
    }

    /// Rules skipped for activities that show none of their triggers would have found nothing:
    /// running every rule finds the same.
    #[test]
    fn the_rule_gate_changes_no_finding(register in strategies::register(), proposal in strategies::proposal()) {
        let gated = Engine::new(&register);
        let every = Engine::new(&register).running_every_rule();
        prop_assert_eq!(gated.lint(), every.lint());
        prop_assert_eq!(gated.evaluate(&proposal), every.evaluate(&proposal));
    }
}

/// Every file below `dir` (recursively), sorted.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_below(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Documents with their names.
type Named<T> = Vec<(String, T)>;

/// The registers and proposals that load from the files in the repository, with their names.
fn kept_documents() -> (Named<Register>, Named<Proposal>) {
    let mut registers = Vec::new();
    let mut proposals = Vec::new();
    let dirs = [
        "examples",
        "tests/corpus",
        "src/engine/rules/testdata",
        "tests/fuzz-regressions",
    ];
    for path in dirs.iter().flat_map(|dir| files_below(Path::new(dir))) {
        let Ok(document) = Document::read(&path, &ReadOptions::default()) else {
            continue;
        };
        let name = path.display().to_string();
        match document.kind() {
            DocumentKind::Register => registers.extend(document.register().ok().map(|r| (name, r))),
            DocumentKind::Proposal => proposals.extend(document.proposal().ok().map(|p| (name, p))),
        }
    }
    for rule in RULES.iter() {
        for (which, text) in [
            ("non-compliant", rule.non_compliant),
            ("compliant", rule.compliant),
        ] {
            let name = format!("{} ({which} example)", rule.id);
            let Ok(document) = Document::parse(&name, text, Format::Yaml, Limits::default()) else {
                continue;
            };
            match document.kind() {
                DocumentKind::Register => registers.extend(document.register().ok().map(|r| (name, r))),
                DocumentKind::Proposal => proposals.extend(document.proposal().ok().map(|p| (name, p))),
            }
        }
    }
    (registers, proposals)
}

/// Linting `register` and evaluating each proposal against it find the same with every rule run.
fn same_findings_with_every_rule(name: &str, register: &Register, proposals: &[(String, Proposal)]) -> usize {
    let gated = Engine::new(register);
    let every = Engine::new(register).running_every_rule();
    assert_eq!(gated.lint(), every.lint(), "linting {name}");
    for (proposal_name, proposal) in proposals {
        assert_eq!(
            gated.evaluate(proposal),
            every.evaluate(proposal),
            "evaluating {proposal_name} against {name}"
        );
    }
    proposals.len()
}

#[test]
fn kept_registers_and_proposals_get_the_same_findings_with_every_rule_run() {
    let (registers, proposals) = kept_documents();
    // The walk found what the repository keeps: the examples, the corpus and the rule examples.
    assert!(registers.len() > 100, "{} registers", registers.len());
    assert!(proposals.len() > 20, "{} proposals", proposals.len());
    let evaluated: usize = (registers.iter())
        .map(|(name, register)| same_findings_with_every_rule(name, register, &proposals))
        .sum();
    assert!(evaluated > 2_000, "{evaluated} evaluations");
}

#[test]
fn generated_registers_and_proposals_get_the_same_findings_with_every_rule_run() {
    for activities in [10, 200] {
        let text = generate::register_text(activities, Format::Json);
        let register = Document::parse("generated.json", &text, Format::Json, Limits::default())
            .and_then(|d| d.register())
            .expect("generated register loads");
        let proposals: Named<Proposal> = (generate::proposals(activities, 40).iter().enumerate())
            .map(|(i, text)| {
                let proposal = Document::parse("p.json", text, Format::Json, Limits::default())
                    .and_then(|d| d.proposal())
                    .expect("generated proposal loads");
                (format!("generated proposal {i}"), proposal)
            })
            .collect();
        same_findings_with_every_rule(
            &format!("a generated register of {activities}"),
            &register,
            &proposals,
        );
    }
}

/// The gate has something to skip: the kept proposals include ones that show no trigger of
/// some rule and ones that do, so both sides of it are compared above.
#[test]
fn the_kept_proposals_exercise_both_sides_of_the_gate() {
    let (_, proposals) = kept_documents();
    let shows = |p: &Proposal| !p.activity.transfers.is_empty() || !p.activity.cookies.is_empty();
    assert!(proposals.iter().any(|(_, p)| shows(p)));
    assert!(proposals.iter().any(|(_, p)| !shows(p)));
}
