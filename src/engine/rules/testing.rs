#![cfg(test)]
//! Test support for rules: a compliant register that no rule fires on, a proposal that stays
//! within it, and the macros that give every rule its three tests (fires, silent on the compliant
//! twin, explanation snapshot).

use crate::engine::{Engine, Finding, Rule};
use crate::model::{Proposal, Register};
use crate::source::{Document, Format, Limits};

/// A register written to satisfy every rule: each rule's test breaks exactly one thing in it.
pub(crate) const COMPLIANT_REGISTER: &str = include_str!("testdata/compliant_register.yaml");
/// A proposal that stays within [`COMPLIANT_REGISTER`].
pub(crate) const COMPLIANT_PROPOSAL: &str = include_str!("testdata/compliant_proposal.yaml");

pub(crate) fn register() -> Register {
    Document::parse(
        "compliant_register.yaml",
        COMPLIANT_REGISTER,
        Format::Yaml,
        Limits::default(),
    )
    .and_then(|d| d.register())
    .unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn proposal() -> Proposal {
    Document::parse(
        "compliant_proposal.yaml",
        COMPLIANT_PROPOSAL,
        Format::Yaml,
        Limits::default(),
    )
    .and_then(|d| d.proposal())
    .unwrap_or_else(|e| panic!("{e}"))
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

/// Gives a register-or-activity rule its three tests. `fire` breaks the compliant register so
/// the rule must fire; `silent` is the compliant twin (often the same change, done right).
macro_rules! rule_tests {
    ($rule:expr, fire = $fire:expr, silent = $silent:expr $(,)?) => {
        #[test]
        fn fires() {
            let mut register = $crate::engine::rules::testing::register();
            let change: fn(&mut $crate::model::Register) = $fire;
            change(&mut register);
            let findings = $crate::engine::rules::testing::findings_of(&$rule, &register, None);
            assert!(!findings.is_empty(), "{} did not fire", $rule.id);
            insta::assert_yaml_snapshot!(findings);
        }

        #[test]
        fn silent_on_compliant_twin() {
            let mut register = $crate::engine::rules::testing::register();
            let change: fn(&mut $crate::model::Register) = $silent;
            change(&mut register);
            let findings = $crate::engine::rules::testing::findings_of(&$rule, &register, None);
            assert!(
                findings.is_empty(),
                "{} fired on its compliant twin: {findings:#?}",
                $rule.id
            );
        }

        #[test]
        fn explanation() {
            insta::assert_snapshot!($rule.explanation());
        }
    };
}

/// The same for proposal rules: `fire` and `silent` change the compliant proposal (and may
/// change the register).
macro_rules! proposal_rule_tests {
    ($rule:expr, fire = $fire:expr, silent = $silent:expr $(,)?) => {
        #[test]
        fn fires() {
            let mut register = $crate::engine::rules::testing::register();
            let mut proposal = $crate::engine::rules::testing::proposal();
            let change: fn(&mut $crate::model::Register, &mut $crate::model::Proposal) = $fire;
            change(&mut register, &mut proposal);
            let findings = $crate::engine::rules::testing::findings_of(&$rule, &register, Some(&proposal));
            assert!(!findings.is_empty(), "{} did not fire", $rule.id);
            insta::assert_yaml_snapshot!(findings);
        }

        #[test]
        fn silent_on_compliant_twin() {
            let mut register = $crate::engine::rules::testing::register();
            let mut proposal = $crate::engine::rules::testing::proposal();
            let change: fn(&mut $crate::model::Register, &mut $crate::model::Proposal) = $silent;
            change(&mut register, &mut proposal);
            let findings = $crate::engine::rules::testing::findings_of(&$rule, &register, Some(&proposal));
            assert!(
                findings.is_empty(),
                "{} fired on its compliant twin: {findings:#?}",
                $rule.id
            );
        }

        #[test]
        fn explanation() {
            insta::assert_snapshot!($rule.explanation());
        }
    };
}

pub(crate) use {proposal_rule_tests, rule_tests};

/// Builds an id in tests.
pub(crate) fn id(text: &str) -> crate::model::Id {
    crate::model::Id::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

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
