//! What ropa's work costs, on generated registers that look like real ones
//! (`tests/common/generate.rs`):
//!
//! - `load_lint_10000/<format>`: loading and linting a 10 000-activity register against a bare
//!   serde parse of the same text into the format's generic value (the floor: no located, typed
//!   loader can be faster than parsing). Target: at most 1.5x the floor.
//! - `evaluate_1000`: evaluating one proposal against a 1 000-activity register, cycling through
//!   100 realistic proposals. Target: at least 1 000 000 per second on one core.
//! - `scaling`: load + lint from 10 to 100 000 activities, per activity: flat means linear.
//! - `refuse`: how fast hostile input is refused, and input that used to cost quadratic time.
//!
//! Run with `cargo bench --bench load`; one group with `cargo bench --bench load -- evaluate`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ropa::engine::{Engine, lint};
use ropa::model::{Proposal, Register};
use ropa::source::{Document, Format, Limits};

#[path = "../tests/common/generate.rs"]
mod generate;

/// Limits that admit the largest generated registers (100 000 activities); the defaults stay as
/// documented.
fn large() -> Limits {
    Limits {
        max_file_size: u64::MAX,
        max_values: usize::MAX,
        ..Limits::default()
    }
}

fn bare_parse(format: Format, text: &str) {
    match format {
        Format::Json => drop(black_box(
            serde_json::from_str::<serde_json::Value>(text).expect("json"),
        )),
        Format::Toml => drop(black_box(text.parse::<toml::Table>().expect("toml"))),
        Format::Yaml => drop(black_box(
            serde_saphyr::from_str_with_options::<serde_json::Value>(
                text,
                serde_saphyr::options! { budget: None },
            )
            .expect("yaml"),
        )),
    }
}

fn load_and_lint(format: Format, text: &str) -> usize {
    let document = Document::parse("r", text, format, large()).expect("parses");
    let register: Register = document.register().expect("loads");
    lint(&register).findings.len()
}

fn load_lint(c: &mut Criterion) {
    for format in [Format::Yaml, Format::Toml, Format::Json] {
        let text = generate::register_text(10_000, format);
        let mut group = c.benchmark_group(format!("load_lint_10000/{format}"));
        group.sample_size(10);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("bare_serde_generic_value", |b| {
            b.iter(|| bare_parse(format, &text))
        });
        group.bench_function("ropa_load_and_lint", |b| {
            b.iter(|| black_box(load_and_lint(format, &text)))
        });
        group.finish();
    }
}

fn evaluate(c: &mut Criterion) {
    let text = generate::register_text(1_000, Format::Json);
    let register = Document::parse("r.json", &text, Format::Json, Limits::default())
        .and_then(|d| d.register())
        .expect("loads");
    let proposals: Vec<Proposal> = generate::proposals(1_000, 100)
        .iter()
        .map(|p| {
            Document::parse("p.json", p, Format::Json, Limits::default())
                .and_then(|d| d.proposal())
                .expect("proposal loads")
        })
        .collect();
    let engine = Engine::new(&register);
    let mut group = c.benchmark_group("evaluate_1000");
    group.throughput(Throughput::Elements(1));
    let mut next = proposals.iter().cycle();
    group.bench_function("one_proposal", |b| {
        b.iter(|| black_box(engine.evaluate(next.next().expect("cycles"))))
    });
    group.sample_size(20);
    group.bench_function("index_register", |b| b.iter(|| black_box(Engine::new(&register))));
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling/json");
    group.sample_size(10);
    for activities in [10, 100, 1_000, 10_000, 100_000] {
        let text = generate::register_text(activities, Format::Json);
        group.throughput(Throughput::Elements(activities as u64));
        group.bench_with_input(BenchmarkId::from_parameter(activities), &text, |b, text| {
            b.iter(|| black_box(load_and_lint(Format::Json, text)))
        });
    }
    group.finish();
}

fn refuse(c: &mut Criterion) {
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
    // A register in YAML flow style on one line, with a non-ASCII character in every activity
    // (turning its positions into line:column once took time quadratic in the line's length).
    let one_line = serde_json::to_string(&generate::register(1_000))
        .expect("json")
        .replace("Zaakbehandeling", "Zaakbehandeling é");
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
    group.sample_size(10);
    group.bench_function("yaml_one_line_1000_activities", |b| {
        b.iter(|| black_box(load_and_lint(Format::Yaml, &one_line)))
    });
    group.finish();
}

criterion_group!(benches, load_lint, evaluate, scaling, refuse);
criterion_main!(benches);
