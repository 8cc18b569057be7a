#![cfg(test)]
//! Test support for rules: a compliant register that no rule fires on (the example register
//! proposal examples are checked against), a proposal that stays within it, and the macro that
//! gives every rule its three tests on its own declared examples (fires, silent on the compliant
//! twin, explanation snapshot). A rule's further tests write their own small fixtures
//! ([`parse_register`], [`parse_proposal`]), usually from its examples; none edits the shared
//! ones (a test in `rules/mod.rs` keeps it so).

use crate::engine::{Engine, Finding, Rule};
use crate::model::{Proposal, Register};
use crate::source::{Document, Format, Limits};

/// A register written to satisfy every rule: the register proposal examples are evaluated
/// against, and the check that no rule fires on a compliant register.
pub(crate) const COMPLIANT_REGISTER: &str = include_str!("testdata/compliant_register.yaml");
/// A proposal that stays within [`COMPLIANT_REGISTER`].
pub(crate) const COMPLIANT_PROPOSAL: &str = include_str!("testdata/compliant_proposal.yaml");

pub(crate) fn register() -> Register {
    parse_register(COMPLIANT_REGISTER)
}

/// A register written in YAML, as a test writes it (often an edit of a rule's example).
pub(crate) fn parse_register(text: &str) -> Register {
    Document::parse("register.yaml", text, Format::Yaml, Limits::default())
        .and_then(|d| d.register())
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// A proposal written in YAML, as a test writes it (evaluated against [`register`], the example
/// register).
pub(crate) fn parse_proposal(text: &str) -> Proposal {
    Document::parse("proposal.yaml", text, Format::Yaml, Limits::default())
        .and_then(|d| d.proposal())
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
}

pub(crate) fn proposal() -> Proposal {
    parse_proposal(COMPLIANT_PROPOSAL)
}

/// The findings of one rule when linting `register` (or evaluating `proposal` against it).
pub(crate) fn findings_of(rule: &Rule, register: &Register, proposal: Option<&Proposal>) -> Vec<Finding> {
    let engine = Engine::new(register);
    let report = match proposal {
        Some(p) => engine.evaluate(p).report,
        None => engine.lint(),
    };
    report
        .findings
        .into_iter()
        .filter(|f| f.rule == rule.id)
        .collect()
}

/// The field paths of `rule`'s findings on a register, in report order.
pub(crate) fn paths_of(rule: &Rule, register: &Register) -> Vec<String> {
    findings_of(rule, register, None)
        .iter()
        .map(|f| f.path.to_string())
        .collect()
}

/// The findings of `rule` on one of its declared examples: a register is linted, a proposal is
/// evaluated against the example register ([`register`]).
pub(crate) fn example_findings(rule: &Rule, example: &str) -> Vec<Finding> {
    let document = Document::parse(
        &format!("{}.yaml", rule.id),
        example,
        Format::Yaml,
        Limits::default(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}\n{example}", rule.id));
    match document.kind() {
        crate::source::DocumentKind::Proposal => {
            let proposal = document.proposal().unwrap_or_else(|e| panic!("{}: {e}", rule.id));
            findings_of(rule, &register(), Some(&proposal))
        }
        crate::source::DocumentKind::Register => {
            let own = document.register().unwrap_or_else(|e| panic!("{}: {e}", rule.id));
            findings_of(rule, &own, None)
        }
    }
}

/// Gives a rule its three tests, on its own declared examples (its fixture pair): it fires on
/// the non-compliant one (the findings are snapshotted), it is silent on the compliant twin, and
/// its explanation is snapshotted.
macro_rules! rule_tests {
    ($rule:expr $(,)?) => {
        #[test]
        fn fires() {
            let findings = $crate::engine::rules::testing::example_findings(&$rule, $rule.non_compliant);
            assert!(
                !findings.is_empty(),
                "{} did not fire on its non-compliant example",
                $rule.id
            );
            insta::assert_yaml_snapshot!(findings);
        }

        #[test]
        fn silent_on_compliant_twin() {
            let findings = $crate::engine::rules::testing::example_findings(&$rule, $rule.compliant);
            assert!(
                findings.is_empty(),
                "{} fired on its compliant example: {findings:#?}",
                $rule.id
            );
        }

        #[test]
        fn explanation() {
            insta::assert_snapshot!($rule.explanation());
        }
    };
}

pub(crate) use rule_tests;

#[test]
fn the_compliant_register_has_no_findings() {
    let register = register();
    let report = Engine::new(&register).lint();
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

#[test]
fn the_compliant_proposal_has_no_findings() {
    let register = register();
    let evaluation = Engine::new(&register).evaluate(&proposal());
    assert!(
        evaluation.report.findings.is_empty(),
        "{:#?}",
        evaluation.report.findings
    );
    assert!(evaluation.compliant);
}
