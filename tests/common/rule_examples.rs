//! A rule's declared example as the tests run it: a register example is linted on its own; a
//! proposal example is evaluated against the example register the rule tests use.

// Each test binary that includes this file uses part of it.
#![allow(dead_code)]

use ropa::engine::{Engine, Finding};
use ropa::source::{Document, DocumentKind, ReadOptions};

/// The register proposal examples are checked against.
pub const EXAMPLE_REGISTER: &str = "src/engine/rules/testdata/compliant_register.yaml";

/// The example register's document.
pub fn example_register() -> Document {
    Document::read(std::path::Path::new(EXAMPLE_REGISTER), &ReadOptions::default()).expect("example register")
}

/// What every rule finds on one example, with the documents its findings point into.
pub struct ExampleRun {
    /// The register's document: the example itself, or the example register.
    pub register: Document,
    /// The proposal's document, when the example is a proposal.
    pub proposal: Option<Document>,
    /// The findings of every rule, not yet located.
    pub findings: Vec<Finding>,
}

/// Runs the whole catalogue on `example` (a parsed example document).
pub fn run(example: Document) -> ExampleRun {
    match example.kind() {
        DocumentKind::Register => {
            let register = example.register().expect("register example loads");
            ExampleRun {
                findings: Engine::new(&register).lint().findings,
                register: example,
                proposal: None,
            }
        }
        DocumentKind::Proposal => {
            let register_document = example_register();
            let register = register_document.register().expect("example register loads");
            let proposal = example.proposal().expect("proposal example loads");
            ExampleRun {
                findings: Engine::new(&register).evaluate(&proposal).report.findings,
                register: register_document,
                proposal: Some(example),
            }
        }
    }
}
