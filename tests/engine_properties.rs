//! Properties of the engine over generated registers and proposals: it never panics, and the same
//! input gives the same findings in the same (sorted, duplicate-free) order.

mod common;

use common::strategies;
use proptest::prelude::*;
use ropa::engine::Engine;

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
