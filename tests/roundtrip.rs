//! Round trips: a generated [`Register`] or [`Proposal`](ropa::model::Proposal), written by the
//! usual serializer of each format (`serde_json`, `toml`, `serde-saphyr`), loads back through
//! [`Document`] unchanged.
//!
//! The strategies (`tests/common/strategies.rs`) cover every model type and every variant of every
//! list enum and of `Retention`; their strings favour what loaders get wrong. Set
//! `PROPTEST_CASES` to run more than 64 cases per property.

mod common;

use std::fmt::Debug;

use common::strategies;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use ropa::model::{
    AfterEvent, Contact, Controller, Id, LawfulBasis, LawfulBasisKind, Party, Period, ProcessingActivity,
    ProcessingOnBehalf, Register, Retention, RetentionEvent, RetentionRule,
};
use ropa::source::{Document, Format, Limits};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Writes `value` in `format` with that format's usual serializer.
fn write<T: Serialize>(value: &T, format: Format) -> Result<String, TestCaseError> {
    let text = match format {
        Format::Json => serde_json::to_string_pretty(value).map_err(|e| e.to_string()),
        Format::Toml => toml::to_string(value).map_err(|e| e.to_string()),
        Format::Yaml => serde_saphyr::to_string(value).map_err(|e| e.to_string()),
    };
    text.map_err(|e| TestCaseError::fail(format!("the {format} serializer failed: {e}")))
}

/// Loads `text` as `format` through ropa's loader.
fn load<T: DeserializeOwned>(text: &str, format: Format) -> Result<T, String> {
    let name = match format {
        Format::Json => "r.json",
        Format::Toml => "r.toml",
        Format::Yaml => "r.yaml",
    };
    Document::parse(name, text, format, Limits::default())
        .and_then(|document| document.deserialize::<T>())
        .map_err(|e| e.to_string())
}

/// `0x` or `0o`, a sign, then digits: strings in the YAML 1.2 core schema (its integers take no
/// sign after the prefix), which the YAML loader once read as integers.
const SIGNED_RADIX_STRINGS: &[&str] = &["0x-0", "0x-1", "0x+1f", "0o-7", "0o+7"];

/// Writes `value` as `format`, loads it back and checks that nothing changed.
fn round_trip<T>(value: &T, format: Format) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let text = write(value, format)?;
    match load::<T>(&text, format) {
        Ok(loaded) => {
            prop_assert_eq!(
                &loaded,
                value,
                "the {} text below loads as a different value:\n{}",
                format,
                text
            );
            Ok(())
        }
        Err(error) => Err(TestCaseError::fail(format!(
            "the {format} text below does not load: {error}\n{text}"
        ))),
    }
}

/// 64 cases per property; set `PROPTEST_CASES` to search harder.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn register_round_trips_through_json(register in strategies::register()) {
        round_trip(&register, Format::Json)?;
    }

    #[test]
    fn register_round_trips_through_toml(register in strategies::register()) {
        round_trip(&register, Format::Toml)?;
    }

    #[test]
    fn register_round_trips_through_yaml(register in strategies::register()) {
        round_trip(&register, Format::Yaml)?;
    }

    #[test]
    fn proposal_round_trips_through_json(proposal in strategies::proposal()) {
        round_trip(&proposal, Format::Json)?;
    }

    #[test]
    fn proposal_round_trips_through_toml(proposal in strategies::proposal()) {
        round_trip(&proposal, Format::Toml)?;
    }

    #[test]
    fn proposal_round_trips_through_yaml(proposal in strategies::proposal()) {
        round_trip(&proposal, Format::Yaml)?;
    }
}

/// A register that holds `text` in several positions (a field of a top-level mapping, a nested
/// mapping, sequence items, a mapping inside nested sequences and an enum variant's body), so that
/// each string is written at several indentations, as a mapping value and as a sequence item, and
/// `id` as an entry's id and as a reference.
fn register_holding(text: &str, id: &Id) -> Register {
    let mut activity: ProcessingActivity = serde_json::from_value(serde_json::json!({
        "id": id.as_str(),
        "name": text,
    }))
    .expect("a minimal activity");
    activity.purposes = vec![id.clone(), id.clone()].into();
    activity.lawful_bases = vec![LawfulBasis {
        basis: Some(LawfulBasisKind::PublicTask),
        wording: Some(text.to_owned()),
        legal_provision: Some(text.to_owned()),
        legitimate_interest: None,
        data_subject_is_party: None,
        purposes: vec![id.clone()],
        data_categories: vec![id.clone()],
    }];
    let mut register: Register = serde_json::from_value(serde_json::json!({
        "controller": { "name": text, "public_authority": true },
    }))
    .expect("a minimal register");
    register.controller = Controller {
        contact: Contact {
            email: Some(text.to_owned()),
            ..Contact::default()
        },
        ..register.controller
    };
    register.catalogues.retention_rules = vec![RetentionRule {
        id: id.clone(),
        label: text.to_owned(),
        period: Retention::AfterEvent(AfterEvent {
            period: Period::default(),
            up_to: None,
            event: Some(RetentionEvent::Other),
            event_label: Some(text.to_owned()),
            age: None,
            extended_while: None,
            legal_provision: None,
            minimum: false,
        }),
        data_categories: vec![id.clone()],
        document_type: Some(text.to_owned()),
        systems: Vec::new(),
        reason: Some(text.to_owned()),
        enforcement: None,
    }];
    register.activities = vec![activity];
    register.processing_on_behalf = vec![ProcessingOnBehalf {
        id: id.clone(),
        controller: Party {
            name: text.to_owned(),
            contact: Contact::default(),
        },
        controller_dpo: None,
        processing_categories: vec![text.to_owned(), text.to_owned()],
        transfers: Vec::new(),
        security_measures: vec![id.clone()],
        agreement_reference: None,
    }];
    register
}

/// Every string of [`strategies::TRICKY_STRINGS`] and every id of [`strategies::TRICKY_IDS`],
/// deterministically, in every format (the properties only sample them).
#[test]
fn every_tricky_string_and_id_round_trips() {
    let plain_id = Id::parse("x").expect("id");
    let cases = strategies::TRICKY_STRINGS
        .iter()
        .map(|text| (*text, plain_id.clone()))
        .chain(
            strategies::TRICKY_IDS
                .iter()
                .map(|id| ("text", Id::parse(id).expect("tricky ids are valid"))),
        );
    let mut failures = Vec::new();
    for (text, id) in cases {
        let register = register_holding(text, &id);
        for format in [Format::Json, Format::Toml, Format::Yaml] {
            if let Err(error) = round_trip(&register, format) {
                failures.push(format!("{format}, string {text:?}, id {id}: {error}"));
            }
        }
    }
    // The strings of a fixed YAML loader bug, as ids too where they are valid ids (`+` is not).
    for text in SIGNED_RADIX_STRINGS {
        let id = Id::parse(text).unwrap_or_else(|_| plain_id.clone());
        let register = register_holding(text, &id);
        for format in [Format::Json, Format::Toml, Format::Yaml] {
            if let Err(error) = round_trip(&register, format) {
                failures.push(format!("{format}, string {text:?}, id {id}: {error}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// `Period` has public fields, so a value mixing weeks with other units can be built; its
/// `Display` writes `P1Y2W` (ISO 8601-2), which `Period::parse` must read back.
#[test]
fn period_mixing_weeks_with_other_units_round_trips() {
    let period = Period {
        years: 1,
        weeks: 2,
        ..Period::default()
    };
    let text = period.to_string();
    assert_eq!(text, "P1Y2W");
    assert_eq!(Period::parse(&text), Ok(period));
}

/// A sign after a radix prefix (`0x-1`, `0o+7`) is not a YAML 1.2 core-schema integer, so such a
/// plain scalar is a string — as serde-saphyr assumes when it writes it unquoted. (Found by the
/// round-trip property: the loader once read these as integers.)
#[test]
fn yaml_reads_a_sign_after_a_radix_prefix_as_a_string() {
    // Hand-written YAML.
    for text in SIGNED_RADIX_STRINGS {
        let yaml = format!("controller:\n  name: {text}\n  public_authority: true\n");
        let register = Document::parse("r.yaml", &yaml, Format::Yaml, Limits::default())
            .and_then(|document| document.register())
            .unwrap_or_else(|e| panic!("{yaml}\n{e}"));
        assert_eq!(register.controller.name, *text);
    }
    // Written by serde-saphyr.
    let register = register_holding("0x-1", &Id::parse("0x-0").expect("a valid id"));
    let yaml = serde_saphyr::to_string(&register).expect("serialises");
    assert!(
        yaml.contains("name: 0x-1\n"),
        "serde-saphyr writes it plain:\n{yaml}"
    );
    let loaded = load::<Register>(&yaml, Format::Yaml).unwrap_or_else(|e| panic!("{yaml}\n{e}"));
    assert_eq!(loaded, register);
}
