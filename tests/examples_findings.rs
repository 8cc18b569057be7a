//! The findings each example should get, as the statements' own text implies, asserted exactly:
//! a new finding or a missing one fails this test. Each expectation says which sentence (or
//! silence) of the statement causes it.
#![cfg(feature = "cli")]

use std::collections::BTreeSet;
use std::process::Command;

type Expected = &'static [(&'static str, &'static str)];

/// IBD (seed 000): a VNG service, not an administrative body.
const IBD_REGISTER: Expected = &[
    // "neem dan contact op via [email protected]": the only contact is obfuscated in the seed.
    ("controller-contact-missing", "/controller"),
    // Portability is offered ("het recht op overdraagbaarheid"), but no processing is said to rest
    // on consent or a contract: the statement names no lawful basis at all.
    ("portability-offered-without-basis", "/statement/rights/4"),
    // "niet langer bewaren dan strikt nodig is": the principle, not a period.
    ("retention-vague", "/catalogues/retention_rules/0/period"),
    // "tot 1 maand na afloop … of zoveel langer als nodig voor het nazenden van informatie".
    ("retention-vague", "/catalogues/retention_rules/1/period"),
    // The heading says "rechtmatige grondslag" but no basis is named for any purpose.
    ("lawful-basis-missing", "/activities/0/lawful_bases"),
    ("lawful-basis-missing", "/activities/1/lawful_bases"),
    ("lawful-basis-missing", "/activities/2/lawful_bases"),
    ("lawful-basis-missing", "/activities/3/lawful_bases"),
    // "alleen technische en functionele cookies" — then "cookies die het surfgedrag bijhouden".
    ("statement-cookies-contradicted", "/activities/2/cookies/2"),
    // Those analytics cookies can only be refused through browser settings, which is no consent.
    ("cookie-without-consent", "/activities/2/cookies/2/consent"),
    // "niet aan derden zonder uw uitdrukkelijke toestemming", yet CVD reports go to the gemeente.
    ("statement-sharing-contradicted", "/activities/3/recipients/0"),
    // Nothing in the statement says where the data are processed (info, reported once).
    ("transfers-not-stated", "/activities/0/transfers"),
    // "De FG is te contacteren via [email protected]": the address is obfuscated in the seed, so the
    // register records the FG without a way to reach them (Art 13(1)(b)).
    ("dpo-contact-missing", "/controller/dpo"),
    // "omdat u deze gegevens aan ons verstrekt", for events, the community and CVD reports, but
    // nowhere whether that is required or what happens if one does not (Art 13(2)(e)).
    (
        "provision-requirement-not-stated",
        "/activities/0/provision_requirement",
    ),
    (
        "provision-requirement-not-stated",
        "/activities/1/provision_requirement",
    ),
    (
        "provision-requirement-not-stated",
        "/activities/3/provision_requirement",
    ),
];

/// GNMI (seed 001): an association relying on consent and contracts.
const GNMI_REGISTER: Expected = &[
    // No mention of a complaint to the Autoriteit Persoonsgegevens anywhere.
    ("complaint-right-missing", "/statement/rights"),
    // "Verzamelde data wordt onbeperkt opgeslagen".
    ("retention-unlimited", "/catalogues/retention_rules/0/period"),
    // No retention is given for the network, contracts, forms, embedded content or mail storage.
    ("retention-missing", "/activities/0/retention"),
    ("retention-missing", "/activities/1/retention"),
    ("retention-missing", "/activities/2/retention"),
    ("retention-missing", "/activities/5/retention"),
    ("retention-missing", "/activities/6/retention"),
    // "actief toestemming wordt gevraagd", but no way to withdraw it for the network.
    ("consent-without-withdrawal", "/activities/0/consent"),
    // Forms, visit data, embedded content and mail storage name no basis.
    ("lawful-basis-missing", "/activities/2/lawful_bases"),
    ("lawful-basis-missing", "/activities/4/lawful_bases"),
    ("lawful-basis-missing", "/activities/5/lawful_bases"),
    ("lawful-basis-missing", "/activities/6/lawful_bases"),
    // No security is described for newsletters or embedded content, and no baseline is named.
    ("security-description-missing", "/activities/3/security_measures"),
    ("security-description-missing", "/activities/5/security_measures"),
    // "de keuze … om cookies te weigeren": analytics placed by default, refusal only.
    ("cookie-without-consent", "/activities/4/cookies/0/consent"),
    // Twitter and LinkedIn embeds "kunnen … tracking van derde partijen insluiten".
    ("cookie-without-consent", "/activities/5/cookies/0/consent"),
    ("cookie-without-consent", "/activities/5/cookies/1/consent"),
    // "aanspreekpunt voor … inzage, correctie en verwijdering": restriction is not named, nor
    // portability, though the network and the newsletters rest on consent (Art 13(2)(b)).
    ("statement-rights-incomplete", "/statement/rights"),
    // "alleen met toestemming extern gedeeld", but the embeds disclose visits to Twitter/LinkedIn.
    ("statement-sharing-contradicted", "/activities/5/recipients/0"),
    ("statement-sharing-contradicted", "/activities/5/recipients/1"),
    // Members, contract parties, form senders, subscribers and mail correspondents give their own
    // data, and the statement never says whether they must or what follows if they do not.
    (
        "provision-requirement-not-stated",
        "/activities/0/provision_requirement",
    ),
    (
        "provision-requirement-not-stated",
        "/activities/1/provision_requirement",
    ),
    (
        "provision-requirement-not-stated",
        "/activities/2/provision_requirement",
    ),
    (
        "provision-requirement-not-stated",
        "/activities/3/provision_requirement",
    ),
    (
        "provision-requirement-not-stated",
        "/activities/6/provision_requirement",
    ),
];

/// The gemeente (seed 002): a public authority whose page refers to its register for details.
const GEMEENTE_REGISTER: Expected = &[
    // The page names neither the gemeente nor any contact details.
    ("controller-contact-missing", "/controller"),
    // "een Functionaris Gegevensbescherming (FG) in dienst", but no way to reach the FG.
    ("public-authority-without-dpo", "/controller/dpo"),
    // "Meestal … om onze wettelijke taken uit te voeren": no statute is named, nor for the BSN.
    ("national-id-without-basis", "/activities/0/data_categories/1"),
    ("legal-provision-missing", "/activities/0/lawful_bases/0"),
    ("legal-provision-missing", "/activities/1/lawful_bases/0"),
    ("legal-provision-missing", "/activities/2/lawful_bases/0"),
    // "Als bewaartermijnen bekend zijn, staan deze in ons register" — the register is not given.
    ("retention-missing", "/activities/0/retention"),
    ("retention-missing", "/activities/1/retention"),
    ("retention-missing", "/activities/2/retention"),
    // "vingerafdrukken voor een identiteitsbewijs": biometrics with no Art 9(2) condition named,
    // for a purpose (issuing a document) that is not authentication or security.
    (
        "biometric-beyond-authentication",
        "/activities/1/data_categories/1",
    ),
    (
        "special-category-without-condition",
        "/activities/1/data_categories/1",
    ),
    // "gezondheidgegevens voor ondersteuning en (jeugd)hulp": no condition, and health data of
    // vulnerable people without a DPIA.
    (
        "special-category-without-condition",
        "/activities/2/data_categories/1",
    ),
    ("dpia-missing", "/activities/2/dpia"),
    // Fingerprints for every identity document: the AP's DPIA list ("Biometrische gegevens")
    // where that is large-scale, and the page mentions no DPIA (a warning: scale is not stated).
    ("dpia-listed-processing", "/activities/1/dpia"),
    // Nothing on the page says where the data are processed (info, reported once).
    ("transfers-not-stated", "/activities/0/transfers"),
    // "Persoonsgegevens vragen wij op … bij uzelf", but not whether giving them is required, for
    // the tasks, identity documents or support, nor what happens if one does not (Art 13(2)(e)).
    (
        "provision-requirement-not-stated",
        "/activities/0/provision_requirement",
    ),
    (
        "provision-requirement-not-stated",
        "/activities/1/provision_requirement",
    ),
    (
        "provision-requirement-not-stated",
        "/activities/2/provision_requirement",
    ),
];

/// Proposals that stay within their register: silent at error level.
const WITHIN: &[(&str, Expected)] = &[
    (
        "examples/ibd/proposal-within.yaml",
        &[
            // The register names no basis; the proposal rightly names consent, a new basis.
            ("proposal-new-lawful-basis", "/activity/lawful_bases/0"),
            // It reuses the register's vague retention rule for registrations.
            ("retention-vague", "/activity/retention/0"),
            // Like the register, it does not say where the data are processed (info).
            ("transfers-not-stated", "/activity/transfers"),
            // Registrants give their own data; like the register, it does not say whether they
            // must (a warning).
            (
                "provision-requirement-not-stated",
                "/activity/provision_requirement",
            ),
        ],
    ),
    (
        "examples/gnmi/proposal-within.toml",
        &[
            ("security-description-missing", "/activity/security_measures"),
            // Subscribers give their own data; like the register, it does not say whether they
            // must (a warning).
            (
                "provision-requirement-not-stated",
                "/activity/provision_requirement",
            ),
        ],
    ),
    (
        "examples/gemeente/proposal-within.json",
        &[
            // The gemeente's page says nothing about transfers, and neither does the proposal
            // (info).
            ("transfers-not-stated", "/activity/transfers"),
            // The web form collects the data from the resident; like the register, it does not
            // say whether giving them is required (a warning).
            (
                "provision-requirement-not-stated",
                "/activity/provision_requirement",
            ),
        ],
    ),
];

fn findings_by_file() -> (serde_json::Value, Vec<(String, String, String, String)>) {
    let out = Command::new(env!("CARGO_BIN_EXE_ropa"))
        .args(["check", "--no-config", "--format", "json", "examples/"])
        .output()
        .expect("ropa runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let findings = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
            (
                text(&f["location"]["file"]),
                text(&f["rule"]),
                text(&f["path"]),
                text(&f["severity"]),
            )
        })
        .collect();
    (report, findings)
}

fn of_file(findings: &[(String, String, String, String)], file: &str) -> BTreeSet<(String, String)> {
    findings
        .iter()
        .filter(|f| f.0 == file)
        .map(|f| (f.1.clone(), f.2.clone()))
        .collect()
}

fn expected(list: Expected) -> BTreeSet<(String, String)> {
    list.iter()
        .map(|(r, p)| ((*r).to_owned(), (*p).to_owned()))
        .collect()
}

#[test]
fn each_register_gets_exactly_the_findings_its_text_implies() {
    let (_, findings) = findings_by_file();
    for (file, list) in [
        ("examples/ibd/register.yaml", IBD_REGISTER),
        ("examples/gnmi/register.toml", GNMI_REGISTER),
        ("examples/gemeente/register.json", GEMEENTE_REGISTER),
    ] {
        assert_eq!(of_file(&findings, file), expected(list), "{file}");
    }
}

#[test]
fn proposals_within_the_register_are_compliant() {
    let (report, findings) = findings_by_file();
    for (file, list) in WITHIN {
        assert_eq!(of_file(&findings, file), expected(list), "{file}");
        assert!(
            findings.iter().filter(|f| f.0 == *file).all(|f| f.3 != "error"),
            "{file} has an error finding"
        );
        let evaluation = report["evaluations"]
            .as_array()
            .expect("evaluations")
            .iter()
            .find(|e| e["proposal"] == *file)
            .expect("evaluated");
        assert_eq!(evaluation["compliant"], true, "{file}");
    }
}

/// Each overstepping proposal is reported for each way it goes beyond its register, pointing at
/// the register entry or promise it oversteps.
#[test]
fn proposals_that_overstep_are_reported_for_each_way() {
    let (report, findings) = findings_by_file();
    let oversteps: &[(&str, &[&str])] = &[
        (
            "examples/ibd/proposal-oversteps.yaml",
            &[
                "proposal-undeclared-purpose",
                "proposal-undeclared-data-category",
                "proposal-new-special-category",
                "proposal-undeclared-processor",
                "proposal-new-transfer-country",
                "proposal-new-cookie-class",
                // Not `proposal-automated-decisions`: choosing whom to invite from an interest
                // profile is profiling without legal or similarly significant effect, which is no
                // Art 22 decision.
                "statement-special-categories-contradicted",
                "statement-cookies-contradicted",
            ],
        ),
        (
            "examples/gnmi/proposal-oversteps.toml",
            &[
                "proposal-undeclared-purpose",
                "proposal-undeclared-data-category",
                "proposal-new-special-category",
                "proposal-undeclared-recipient",
                "proposal-undeclared-processor",
                "proposal-new-transfer-country",
                "statement-sharing-contradicted",
                "statement-transfers-contradicted",
            ],
        ),
        (
            "examples/gemeente/proposal-oversteps.json",
            &[
                "proposal-undeclared-purpose",
                "proposal-undeclared-data-category",
                "proposal-new-special-category",
                "proposal-undeclared-processor",
                "proposal-new-transfer-country",
                "proposal-automated-decisions",
                "profiling-decision-on-uavg-40",
            ],
        ),
    ];
    for (file, rules) in oversteps {
        let got: BTreeSet<String> = findings
            .iter()
            .filter(|f| f.0 == *file)
            .map(|f| f.1.clone())
            .collect();
        for rule in *rules {
            assert!(got.contains(*rule), "{file}: no `{rule}` finding (got {got:?})");
        }
        let evaluation = report["evaluations"]
            .as_array()
            .expect("evaluations")
            .iter()
            .find(|e| e["proposal"] == *file);
        assert_eq!(
            evaluation.map(|e| e["compliant"].clone()),
            Some(serde_json::Value::Bool(false)),
            "{file}"
        );
    }
    // Overstepping findings name the register entry or promise they go beyond.
    for finding in report["findings"].as_array().expect("findings") {
        let rule = finding["rule"].as_str().unwrap_or_default();
        if rule.starts_with("proposal-undeclared")
            || rule.starts_with("statement-") && finding["subject"] == "proposal"
        {
            let related = finding["related"].as_array().cloned().unwrap_or_default();
            assert!(
                related
                    .iter()
                    .any(|r| r["subject"] == "register" && !r["location"].is_null()),
                "{rule} at {} names no located register entry",
                finding["path"]
            );
        }
    }
}
