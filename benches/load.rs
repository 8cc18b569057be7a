//! Loading cost: ropa's typed, located load of a large register against a bare serde parse of the
//! same text into a generic value, in each format; and how fast hostile input is refused.
//!
//! The design target is load + lint at most 1.5x the bare parse, and about a microsecond to
//! evaluate one proposal against a 1 000-activity register.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ropa::model::Register;
use ropa::source::{Document, Format, Limits};

/// A register with `n` activities over shared catalogues, as JSON text.
fn large_register_json(n: usize) -> String {
    let mut activities = Vec::new();
    for i in 0..n {
        activities.push(format!(
            r#"{{"id": "activiteit_{i}", "name": "Verwerking {i}", "description": "Beschrijving van verwerking {i}",
              "purposes": ["doel_{p}"], "data_subjects": ["inwoners"], "data_categories": ["naam", "adres", "bsn"],
              "lawful_bases": [{{"basis": "public_task", "legal_provision": "Gemeentewet art. {i}"}}],
              "national_id_basis": {{"basis": "administrative_body_public_task", "legal_provision": "Wabb art. 10"}},
              "retention": ["termijn"], "recipients": ["zorgpartners"], "processors": ["leverancier"],
              "dpia": {{"status": "not_required"}}}}"#,
            p = i % 20
        ));
    }
    let purposes: Vec<String> = (0..20)
        .map(|p| format!(r#"{{"id": "doel_{p}", "label": "Doel {p}"}}"#))
        .collect();
    format!(
        r#"{{"controller": {{"name": "Gemeente Voorbeeld", "public_authority": true,
              "dpo": {{"contact": {{"email": "fg@voorbeeld.nl"}}}}}},
            "catalogues": {{
              "data_subjects": [{{"id": "inwoners", "label": "Inwoners"}}],
              "data_categories": [{{"id": "naam", "label": "Naam"}}, {{"id": "adres", "label": "Adres"}},
                                  {{"id": "bsn", "label": "BSN", "national_id": "bsn"}}],
              "purposes": [{}],
              "recipients": [{{"id": "zorgpartners", "label": "Zorgpartners", "kind": "independent_controller"}}],
              "processors": [{{"id": "leverancier", "name": "Leverancier", "locations": ["NL"],
                               "agreement": {{"in_place": true}}}}],
              "retention_rules": [{{"id": "termijn", "label": "Termijn",
                                    "period": {{"after_event": {{"period": "P7Y", "event": "case_closed"}}}}}}]
            }},
            "activities": [{}]}}"#,
        purposes.join(", "),
        activities.join(",\n")
    )
}

fn texts() -> [(Format, String); 3] {
    let json = large_register_json(1_000);
    let register: Register = Document::parse("r.json", &json, Format::Json, Limits::default())
        .and_then(|d| d.register())
        .expect("the generated register loads");
    let toml = toml::to_string(&register).expect("toml");
    let yaml = serde_saphyr::to_string(&register).expect("yaml");
    [(Format::Yaml, yaml), (Format::Toml, toml), (Format::Json, json)]
}

fn bare_parse(format: Format, text: &str) {
    match format {
        Format::Json => drop(black_box(
            serde_json::from_str::<serde_json::Value>(text).expect("json"),
        )),
        Format::Toml => drop(black_box(text.parse::<toml::Table>().expect("toml"))),
        Format::Yaml => drop(black_box(
            serde_saphyr::from_str::<serde_json::Value>(text).expect("yaml"),
        )),
    }
}

fn load(c: &mut Criterion) {
    for (format, text) in texts() {
        let mut group = c.benchmark_group(format!("load_1000_activities/{format}"));
        group.sample_size(20);
        group.bench_function("bare_serde_generic_value", |b| {
            b.iter(|| bare_parse(format, &text))
        });
        group.bench_function("ropa_located_typed", |b| {
            b.iter(|| {
                let document = Document::parse("r", &text, format, Limits::default()).expect("parses");
                black_box(document.register().expect("loads"))
            })
        });
        group.finish();
    }
}

fn hostile(c: &mut Criterion) {
    let bomb = (1..10).fold(
        String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"),
        |mut text, level| {
            let refs = vec![format!("*l{}", level - 1); 10].join(", ");
            text.push_str(&format!("l{level}: &l{level} [{refs}]\n"));
            text
        },
    );
    let deep_json = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_yaml = format!("a: {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let mut group = c.benchmark_group("refuse");
    group.bench_function("yaml_alias_bomb", |b| {
        b.iter(|| Document::parse("b.yaml", &bomb, Format::Yaml, Limits::default()).expect_err("refused"))
    });
    group.bench_function("json_10000_levels", |b| {
        b.iter(|| {
            Document::parse("d.json", &deep_json, Format::Json, Limits::default()).expect_err("refused")
        })
    });
    group.bench_function("yaml_10000_levels", |b| {
        b.iter(|| {
            Document::parse("d.yaml", &deep_yaml, Format::Yaml, Limits::default()).expect_err("refused")
        })
    });
    group.finish();
}

fn engine(c: &mut Criterion) {
    let json = large_register_json(1_000);
    let document = Document::parse("r.json", &json, Format::Json, Limits::default()).expect("parses");
    let register = document.register().expect("loads");
    let proposal: ropa::model::Proposal = Document::parse(
        "p.json",
        r#"{"activity": {"id": "nieuw", "name": "Nieuw", "purposes": ["doel_3"], "data_subjects": ["inwoners"],
             "data_categories": ["naam", "adres"], "lawful_bases": [{"basis": "public_task", "legal_provision": "Wet"}],
             "retention": ["termijn"], "recipients": ["zorgpartners"], "processors": ["leverancier"]}}"#,
        Format::Json,
        Limits::default(),
    )
    .and_then(|d| d.proposal())
    .expect("proposal loads");
    let mut group = c.benchmark_group("engine_1000_activities");
    group.sample_size(20);
    group.bench_function("load_and_lint_json", |b| {
        b.iter(|| {
            let document = Document::parse("r", &json, Format::Json, Limits::default()).expect("parses");
            let register = document.register().expect("loads");
            black_box(ropa::engine::lint(&register))
        })
    });
    group.bench_function("lint", |b| b.iter(|| black_box(ropa::engine::lint(&register))));
    group.bench_function("index_register", |b| {
        b.iter(|| black_box(ropa::engine::Engine::new(&register)))
    });
    let engine = ropa::engine::Engine::new(&register);
    group.sample_size(100);
    group.bench_function("evaluate_one_proposal", |b| {
        b.iter(|| black_box(engine.evaluate(&proposal)))
    });
    group.finish();
}

criterion_group!(benches, load, hostile, engine);
criterion_main!(benches);
