//! Every list enum has one string form: serde, strum and the JSON Schema agree on it, it is
//! snake_case, and parsing it gives the variant back.

use std::collections::BTreeSet;

use ropa::model::*;
use strum::IntoEnumIterator;

/// Checks one enum and returns its name.
fn check<E>(name: &'static str) -> &'static str
where
    E: IntoEnumIterator + serde::Serialize + serde::de::DeserializeOwned + std::fmt::Display,
    E: std::str::FromStr + PartialEq + std::fmt::Debug + Copy,
    <E as std::str::FromStr>::Err: std::fmt::Debug,
{
    let schema = ropa::schema::register_schema();
    let proposal_schema = ropa::schema::proposal_schema();
    let definition = schema["$defs"]
        .get(name)
        .or_else(|| proposal_schema["$defs"].get(name))
        .unwrap_or_else(|| panic!("{name} is not in either schema"));
    let schema_forms: BTreeSet<String> = definition["oneOf"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: schema has no oneOf"))
        .iter()
        .map(|v| {
            v["const"]
                .as_str()
                .unwrap_or_else(|| panic!("{name}: variant without const"))
                .to_owned()
        })
        .collect();
    let mut strum_forms = BTreeSet::new();
    for variant in E::iter() {
        let strum_form = variant.to_string();
        let serde_form = serde_json::to_value(variant).expect("serialises");
        assert_eq!(
            serde_form,
            serde_json::Value::String(strum_form.clone()),
            "{name}::{variant:?}"
        );
        assert!(
            strum_form
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{name}::{variant:?} form `{strum_form}` is not snake_case"
        );
        assert_eq!(
            strum_form.parse::<E>().expect("strum parses its own form"),
            variant
        );
        let back: E = serde_json::from_value(serde_form).expect("serde parses its own form");
        assert_eq!(back, variant);
        strum_forms.insert(strum_form);
    }
    assert_eq!(strum_forms, schema_forms, "{name}: schema and strum disagree");
    name
}

macro_rules! check_all {
    ($($ty:ident),+ $(,)?) => {
        [$(check::<$ty>(stringify!($ty))),+]
    };
}

#[test]
fn every_list_enum_has_one_string_form() {
    let checked: BTreeSet<&str> = check_all![
        LawfulBasisKind,
        SpecialCategory,
        SpecialCategoryConditionKind,
        UavgSpecialCategoryGround,
        CollectionMode,
        ResearchSafeguard,
        Technology,
        ProcessingMeans,
        ActivityList,
        ActivityField,
        CriminalDataGround,
        NationalIdBasisKind,
        NationalIdNumber,
        ProcessorClause,
        TransferMechanism,
        DataSubjectRight,
        AutomatedDecisionGround,
        AutomatedDecisionSafeguard,
        HighRiskCriterion,
        DpiaStatus,
        CookieClass,
        DataKind,
        PurposeKind,
        RecipientKind,
        AgreementForm,
        SubProcessorAuthorisation,
        SecurityMeasureCategory,
        MeasureStatus,
        RetentionEvent,
        ArchiveAction,
        CookieConsent,
        DataSourceKind,
        LegalRegime,
        ProvisionRequirement,
        SpecialCategoriesCommitment,
        SharingCommitment,
        TransferCommitment,
        AutomatedDecisionsCommitment,
        RetentionDisclosure,
        ChannelKind,
        SecurityStandard,
        InformationItem,
    ]
    .into_iter()
    .collect();

    // Every enum declared with `list_enum!` in the model must be in the list above.
    let mut declared = BTreeSet::new();
    for entry in std::fs::read_dir("src/model").expect("model sources") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        let mut in_macro = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with("list_enum! {") {
                in_macro = true;
            } else if in_macro && let Some(rest) = line.strip_prefix("pub enum ") {
                declared.insert(rest.trim_end_matches(" {").to_owned());
                in_macro = false;
            }
        }
    }
    let checked: BTreeSet<String> = checked.into_iter().map(str::to_owned).collect();
    assert_eq!(declared, checked, "a list enum is missing from this test");
}

/// The enums of findings, reports, configuration and loading follow the same rule.
#[test]
fn output_and_config_enums_have_one_string_form() {
    fn agree<E>(name: &str)
    where
        E: IntoEnumIterator
            + serde::Serialize
            + std::fmt::Display
            + std::str::FromStr
            + PartialEq
            + std::fmt::Debug
            + Copy,
        <E as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for variant in E::iter() {
            let form = variant.to_string();
            assert_eq!(
                serde_json::to_value(variant).expect("serialises"),
                serde_json::Value::String(form.clone()),
                "{name}"
            );
            assert!(
                form.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name}: `{form}`"
            );
            assert_eq!(form.parse::<E>().expect("parses"), variant, "{name}");
        }
    }
    agree::<ropa::engine::Severity>("Severity");
    agree::<ropa::engine::Subject>("Subject");
    agree::<ropa::engine::Scope>("Scope");
    agree::<ropa::config::RuleLevel>("RuleLevel");
    agree::<ropa::source::Format>("Format");
    agree::<ropa::source::DocumentKind>("DocumentKind");
}
