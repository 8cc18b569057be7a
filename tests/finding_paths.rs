//! Field paths that cannot drift: every path a rule emits on the examples and the real corpus
//! must resolve in its document exactly, or name a field that is absent from a mapping that is
//! there (the "not stated" findings point at the field they miss). A renamed field, or a rule
//! that builds a path by hand wrongly, falls back further and fails here.

#[path = "common/rule_examples.rs"]
mod rule_examples;

use ropa::engine::{Engine, Finding, Subject};
use std::collections::BTreeSet;

use ropa::path::{FieldPath, PathSegment};
use ropa::source::{Document, DocumentKind, ReadOptions};

fn documents(dir: &str) -> Vec<Document> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter(|p: &std::path::PathBuf| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("yaml" | "toml" | "json")
            )
        })
        .filter_map(|p| Document::read(&p, &ReadOptions::default()).ok())
        .collect()
}

/// Every field name the register and proposal schemas define, at any depth.
fn field_names() -> BTreeSet<String> {
    fn collect(value: &serde_json::Value, names: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(properties)) = map.get("properties") {
                    names.extend(properties.keys().cloned());
                }
                map.values().for_each(|v| collect(v, names));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, names)),
            _ => {}
        }
    }
    let mut names = BTreeSet::new();
    collect(&ropa::schema::register_schema(), &mut names);
    collect(&ropa::schema::proposal_schema(), &mut names);
    names
}

/// Why `path` does not resolve well in `document`, if it does not.
fn problem(document: &Document, path: &FieldPath, fields: &BTreeSet<String>) -> Option<String> {
    // An absent field of a mapping that is there is what "not stated" findings point at (or an
    // absent catalogue in an absent `catalogues`, where an entry should be declared): every
    // segment below the part that resolves must still be a field the model has, so a misspelt
    // path cannot pass as absent.
    let mut absent = path.clone();
    while document.span_of(&absent).is_none() {
        let known = matches!(
            absent.segments().last(),
            Some(PathSegment::Key(key)) if fields.contains(key.as_ref())
        );
        match absent.parent() {
            Some(parent) if known => absent = parent,
            _ => {
                return Some(format!(
                    "`{path}` does not resolve exactly, and is not an absent field of a mapping that does"
                ));
            }
        }
    }
    None
}

fn check(
    finding: &Finding,
    register: &Document,
    proposal: Option<&Document>,
    fields: &BTreeSet<String>,
    problems: &mut Vec<String>,
) {
    let of = |subject: Subject| match subject {
        Subject::Proposal => proposal,
        _ => Some(register),
    };
    let places = std::iter::once((finding.subject, &finding.path))
        .chain(finding.related.iter().map(|r| (r.subject, &r.path)));
    for (subject, path) in places {
        if let Some(document) = of(subject)
            && let Some(why) = problem(document, path, fields)
        {
            problems.push(format!("{}: {}: {why}", document.source().name(), finding.rule));
        }
    }
}

#[test]
fn every_emitted_path_resolves() {
    let fields = field_names();
    let mut problems = Vec::new();
    let mut checked = 0;
    for dir in [
        "examples/ibd",
        "examples/gnmi",
        "examples/gemeente",
        "tests/corpus/real",
    ] {
        let documents = documents(dir);
        let registers: Vec<&Document> = documents
            .iter()
            .filter(|d| d.kind() == DocumentKind::Register)
            .collect();
        for register_document in &registers {
            let Ok(register) = register_document.register() else {
                continue;
            };
            let engine = Engine::new(&register);
            for finding in engine.lint().findings {
                check(&finding, register_document, None, &fields, &mut problems);
                checked += 1;
            }
            for proposal_document in documents.iter().filter(|d| d.kind() == DocumentKind::Proposal) {
                let Ok(proposal) = proposal_document.proposal() else {
                    continue;
                };
                for finding in engine.evaluate(&proposal).report.findings {
                    check(
                        &finding,
                        register_document,
                        Some(proposal_document),
                        &fields,
                        &mut problems,
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 300, "{checked} findings checked");
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The same on every rule's own examples, where every rule fires at least once: every rule runs
/// on every example (the whole catalogue on each fixture), and no finding names a path, or a
/// related place, that its document does not hold. Proposal examples are evaluated against the
/// example register the rule tests use.
#[test]
fn every_rule_emits_resolving_paths_on_the_rule_examples() {
    let fields = field_names();
    let mut problems = Vec::new();
    let mut checked = 0;
    for rule in ropa::engine::RULES.iter() {
        for example in [rule.non_compliant, rule.compliant] {
            let document = Document::parse(
                &format!("{}.yaml", rule.id),
                example,
                ropa::source::Format::Yaml,
                ropa::source::Limits::default(),
            )
            .expect("example loads");
            let run = rule_examples::run(document);
            if example == rule.non_compliant {
                assert!(
                    run.findings.iter().any(|f| f.rule == rule.id),
                    "{} does not fire",
                    rule.id
                );
            }
            for finding in &run.findings {
                check(
                    finding,
                    &run.register,
                    run.proposal.as_ref(),
                    &fields,
                    &mut problems,
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked} findings checked");
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
