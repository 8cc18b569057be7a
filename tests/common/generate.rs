//! A deterministic generator of realistic registers and proposals, of any size, for benchmarks
//! and tests at scale (`benches/` includes this file by path).
//!
//! The registers look like a Dutch municipality's: catalogues shared by many activities and
//! growing more slowly than the activity list; activities drawn from the kinds real registers
//! hold (a public task with health data and the BSN, a legal obligation, a newsletter on consent,
//! the website with cookies, personnel administration) and, one in ten, an activity written as
//! real registers often are — basis in words only, retention and recipients not stated — so that
//! linting produces findings as it does on real registers. The same size always gives the same
//! register.

#![allow(dead_code)]

use serde_json::{Value, json};

/// A small, fast, deterministic pseudo-random sequence (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Between `least` and `most` distinct ids `prefix_<i>` with `i` below `n`.
    pub fn ids(&mut self, prefix: &str, n: usize, least: usize, most: usize) -> Vec<String> {
        let count = least + self.below(most - least + 1);
        let mut picked: Vec<usize> = Vec::new();
        while picked.len() < count.min(n) {
            let i = self.below(n);
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        picked.into_iter().map(|i| format!("{prefix}_{i}")).collect()
    }
}

/// Catalogue sizes for a register of `activities` activities.
struct Sizes {
    subjects: usize,
    categories: usize,
    purposes: usize,
    recipients: usize,
    processors: usize,
    retention: usize,
    systems: usize,
}

impl Sizes {
    fn for_activities(n: usize) -> Self {
        Self {
            subjects: 8 + n / 200,
            categories: 30 + n / 100,
            purposes: 5 + n / 4,
            recipients: 10 + n / 50,
            processors: 5 + n / 40,
            retention: 10 + n / 20,
            systems: 5 + n / 50,
        }
    }
}

const CLAUSES: [&str; 8] = [
    "documented_instructions",
    "confidentiality",
    "security",
    "sub_processor_conditions",
    "data_subject_rights_assistance",
    "compliance_assistance",
    "deletion_or_return",
    "audits_and_information",
];

/// Plain data categories: `(label, kind)`; the special and national-id ones are added apart.
const CATEGORY_KINDS: [(&str, &str); 4] = [
    ("Naam", "identification"),
    ("Adres", "contact"),
    ("E-mailadres", "contact"),
    ("IP-adres", "online_identifier"),
];

const LAWS: [&str; 6] = [
    "Wmo 2015 art. 2.3.2",
    "Participatiewet art. 47",
    "Jeugdwet art. 7.3.8",
    "Wet BRP art. 1.2",
    "Gemeentewet art. 160 lid 1",
    "Archiefwet 1995 art. 3",
];

/// A register with `activities` activities, as a JSON value.
pub fn register(activities: usize) -> Value {
    let sizes = Sizes::for_activities(activities);
    let mut rng = Rng::new(0x5eed_0000 ^ activities as u64);
    let data_subjects: Vec<Value> = (0..sizes.subjects)
        .map(|i| json!({"id": format!("betrokkene_{i}"), "label": format!("Betrokkenen groep {i}")}))
        .collect();
    let mut data_categories: Vec<Value> = (0..sizes.categories)
        .map(|i| {
            let (label, kind) = CATEGORY_KINDS[i % CATEGORY_KINDS.len()];
            json!({"id": format!("gegeven_{i}"), "label": format!("{label} ({i})"), "kind": kind})
        })
        .collect();
    data_categories.push(json!({"id": "bsn", "label": "Burgerservicenummer", "national_id": "bsn"}));
    data_categories
        .push(json!({"id": "gezondheid", "label": "Gezondheidsgegevens", "special_category": "health"}));
    let purposes: Vec<Value> = (0..sizes.purposes)
        .map(|i| json!({"id": format!("doel_{i}"), "label": format!("Uitvoering van taak {i}"), "kind": "public_task"}))
        .chain([
            json!({"id": "nieuwsbrief", "label": "Informeren over nieuws uit de gemeente", "kind": "newsletter"}),
            json!({"id": "website", "label": "Een goed werkende website", "kind": "website_operation"}),
        ])
        .collect();
    let processors: Vec<Value> = (0..sizes.processors)
        .map(|i| {
            json!({
                "id": format!("verwerker_{i}"),
                "name": format!("Leverancier {i} B.V."),
                "locations": [if i % 7 == 0 { "DE" } else { "NL" }],
                "agreement": {"in_place": true, "form": "processor_agreement", "signed_on": "2025-02-01", "clauses": CLAUSES},
                "sub_processors": [{"name": format!("Hosting {i} B.V."), "locations": ["NL"], "authorisation": "general"}]
            })
        })
        .collect();
    let recipients: Vec<Value> = (0..sizes.recipients)
        .map(|i| {
            json!({"id": format!("ontvanger_{i}"), "label": format!("Ketenpartner {i}"),
                   "kind": "independent_controller", "sharing_agreement": format!("Convenant {i}")})
        })
        .collect();
    let retention_rules: Vec<Value> = (0..sizes.retention)
        .map(|i| {
            json!({"id": format!("termijn_{i}"), "label": format!("Bewaartermijn {i}"),
                   "period": {"after_event": {"period": format!("P{}Y", 1 + i % 20), "event": "case_closed",
                                              "legal_provision": "Selectielijst gemeenten 2020"}}})
        })
        .chain([
            json!({"id": "tot_afmelden", "label": "Tot afmelding", "period": {"after_event": {"period": "P0D", "event": "consent_withdrawn"}}}),
            json!({"id": "logbestanden", "label": "Webserverlogs", "period": {"after_event": {"period": "P14D", "event": "collection"}}}),
        ])
        .collect();
    let systems: Vec<Value> = (0..sizes.systems)
        .map(|i| {
            json!({"id": format!("systeem_{i}"), "name": format!("Systeem {i}"),
                   "processor": format!("verwerker_{}", i % sizes.processors), "locations": ["NL"]})
        })
        .collect();
    let list: Vec<Value> = (0..activities).map(|i| activity(i, &sizes, &mut rng)).collect();
    let rights: Vec<Value> = [
        "information",
        "access",
        "rectification",
        "erasure",
        "restriction",
        "portability",
        "objection",
        "withdraw_consent",
        "complaint",
    ]
    .iter()
    .map(|right| json!({ "right": right }))
    .collect();
    json!({
        "register": {"title": "Register van verwerkingsactiviteiten", "updated": "2026-01-15", "language": "nl"},
        "controller": {
            "name": "Gemeente Voorbeeld",
            "contact": {"email": "info@voorbeeld.nl", "phone": "14 0123", "address": "Raadhuisplein 1, Voorbeeld"},
            "dpo": {"name": "Functionaris Gegevensbescherming", "contact": {"email": "fg@voorbeeld.nl"}},
            "public_authority": true,
            "country": "NL",
            "supervisory_authority": {"name": "Autoriteit Persoonsgegevens", "country": "NL"}
        },
        "statement": {
            "lawful_bases": ["public_task", "legal_obligation", "consent", "contract"],
            "special_categories": "only_where_necessary",
            "sharing": "declared_recipients",
            "processor_agreements_with_all": true,
            "transfers": "eea_only",
            "automated_decisions": "none",
            "cookies": {"classes": ["functional", "privacy_friendly_analytics"]},
            "retention": "in_register",
            "rights": rights,
            "response_time": "P1M",
            "complaints": {"internal": true, "supervisory_authority": true}
        },
        "catalogues": {
            "data_subjects": data_subjects,
            "data_categories": data_categories,
            "purposes": purposes,
            "recipients": recipients,
            "processors": processors,
            "retention_rules": retention_rules,
            "security_measures": [
                {"id": "toegang", "label": "Toegang op basis van rollen", "category": "access_control"},
                {"id": "versleuteling", "label": "Versleuteling van verbindingen", "category": "encryption_in_transit"},
                {"id": "logging", "label": "Logging van raadplegingen", "category": "logging_and_monitoring"}
            ],
            "systems": systems
        },
        "activities": list
    })
}

/// Activity `i` of a register with these catalogue sizes.
fn activity(i: usize, sizes: &Sizes, rng: &mut Rng) -> Value {
    let id = format!("verwerking_{i}");
    let processors = rng.ids("verwerker", sizes.processors, 1, 2);
    let subjects = rng.ids("betrokkene", sizes.subjects, 1, 3);
    let mut categories = rng.ids("gegeven", sizes.categories, 2, 7);
    let law = LAWS[rng.below(LAWS.len())];
    let security = ["toegang", "versleuteling", "logging"];
    match i % 10 {
        // A public task with health data and the BSN, a DPIA done, shared with a care partner.
        0..=3 => {
            categories.extend(["bsn".to_owned(), "gezondheid".to_owned()]);
            json!({
                "id": id, "name": format!("Zaakbehandeling {i}"),
                "purposes": rng.ids("doel", sizes.purposes, 1, 2),
                "data_subjects": subjects, "data_categories": categories,
                "lawful_bases": [{"basis": "public_task", "legal_provision": law}],
                "special_category_conditions": [{"condition": "health_or_social_care",
                    "uavg_ground": "health_sector_exceptions", "legal_provision": "UAVG art. 30 lid 3"}],
                "national_id_basis": {"basis": "administrative_body_public_task", "legal_provision": "Wabb art. 10"},
                "retention": rng.ids("termijn", sizes.retention, 1, 1),
                "recipients": rng.ids("ontvanger", sizes.recipients, 1, 2),
                "processors": processors,
                "systems": [format!("systeem_{}", rng.below(sizes.systems))],
                "dpia": {"status": "completed", "reference": format!("DPIA-{i}"), "completed_on": "2025-03-01"},
                "high_risk_criteria": ["sensitive_data", "vulnerable_data_subjects"],
                "data_sources": [{"kind": "data_subject"}, {"kind": "base_registry", "name": "BRP"}],
                "security_measures": security
            })
        }
        // A legal obligation, nothing shared.
        4 | 5 => json!({
            "id": id, "name": format!("Registratie {i}"),
            "purposes": rng.ids("doel", sizes.purposes, 1, 1),
            "data_subjects": subjects, "data_categories": categories,
            "lawful_bases": [{"basis": "legal_obligation", "legal_provision": law}],
            "retention": rng.ids("termijn", sizes.retention, 1, 2),
            "recipients": "none",
            "processors": processors,
            "security_measures": security
        }),
        // A newsletter on consent.
        6 => json!({
            "id": id, "name": format!("Nieuwsbrief {i}"),
            "purposes": ["nieuwsbrief"],
            "data_subjects": subjects, "data_categories": categories,
            "lawful_bases": [{"basis": "consent"}],
            "consent": {"active_opt_in": true, "withdrawal": "Afmeldlink onder elke nieuwsbrief", "erased_on_withdrawal": true},
            "retention": ["tot_afmelden"],
            "recipients": "none",
            "processors": processors,
            "security_measures": ["versleuteling"]
        }),
        // The website, with its cookies.
        7 => json!({
            "id": id, "name": format!("Website {i}"),
            "purposes": ["website"],
            "data_subjects": subjects, "data_categories": categories,
            "lawful_bases": [{"basis": "public_task", "legal_provision": "Gemeentewet art. 160 lid 1"}],
            "retention": ["logbestanden"],
            "recipients": "none",
            "cookies": [{"name": format!("sessie_{i}"), "class": "functional", "consent": "not_asked"},
                        {"name": format!("statistiek_{i}"), "class": "privacy_friendly_analytics", "consent": "not_asked"}],
            "security_measures": ["versleuteling"]
        }),
        // Personnel administration under the employment contract.
        8 => json!({
            "id": id, "name": format!("Personeelsadministratie {i}"),
            "purposes": rng.ids("doel", sizes.purposes, 1, 1),
            "data_subjects": subjects, "data_categories": categories,
            "lawful_bases": [{"basis": "contract"}, {"basis": "legal_obligation", "legal_provision": "Wet op de loonbelasting 1964 art. 28"}],
            "retention": rng.ids("termijn", sizes.retention, 1, 1),
            "recipients": rng.ids("ontvanger", sizes.recipients, 1, 1),
            "processors": processors,
            "security_measures": security
        }),
        // As real registers are often written: the basis in words, the rest left unsaid.
        _ => json!({
            "id": id, "name": format!("Verwerking {i} zoals beschreven"),
            "purposes": rng.ids("doel", sizes.purposes, 1, 1),
            "data_subjects": subjects, "data_categories": categories,
            "lawful_bases": [{"wording": format!("Wettelijke taak op grond van de {law}")}]
        }),
    }
}

/// `count` proposals against a register of `activities` activities, as JSON texts: most stay
/// within the register (its purposes, categories, recipients and processors), one in four
/// introduces a purpose, a special category and a processor outside the EEA.
pub fn proposals(activities: usize, count: usize) -> Vec<String> {
    let sizes = Sizes::for_activities(activities);
    let mut rng = Rng::new(0xfeed_0000 ^ activities as u64);
    (0..count)
        .map(|i| {
            let mut activity = json!({
                "id": format!("voorstel_{i}"),
                "name": format!("Nieuwe verwerking {i}"),
                "purposes": rng.ids("doel", sizes.purposes, 1, 2),
                "data_subjects": rng.ids("betrokkene", sizes.subjects, 1, 2),
                "data_categories": rng.ids("gegeven", sizes.categories, 2, 5),
                "lawful_bases": [{"basis": "public_task", "legal_provision": LAWS[rng.below(LAWS.len())]}],
                "retention": rng.ids("termijn", sizes.retention, 1, 1),
                "recipients": rng.ids("ontvanger", sizes.recipients, 1, 2),
                "processors": rng.ids("verwerker", sizes.processors, 1, 1),
                "security_measures": ["toegang", "versleuteling"]
            });
            if i % 4 != 3 {
                return json!({"activity": activity}).to_string();
            }
            if let Some(map) = activity.as_object_mut() {
                map.insert("purposes".into(), json!(["profilering"]));
                map.insert(
                    "data_categories".into(),
                    json!(["gezondheid", "etniciteit", "gegeven_0"]),
                );
                map.insert("processors".into(), json!(["cloud_vs"]));
            }
            json!({
                "introduces": {
                    "purposes": [{"id": "profilering", "label": "Risicoprofilering", "kind": "other"}],
                    "data_categories": [{"id": "etniciteit", "label": "Etnische afkomst", "kind": "other",
                                         "special_category": "racial_or_ethnic_origin"}],
                    "processors": [{"id": "cloud_vs", "name": "Amerikaanse cloud", "locations": ["US"],
                                    "agreement": {"in_place": false}}]
                },
                "activity": activity
            })
            .to_string()
        })
        .collect()
}

/// The register of [`register`] as text in `format`: JSON as generated, YAML and TOML written
/// from the loaded register, as a person would keep them.
pub fn register_text(activities: usize, format: ropa::source::Format) -> String {
    use ropa::source::{Document, Format, Limits};
    let json = serde_json::to_string_pretty(&register(activities)).unwrap_or_default();
    if format == Format::Json {
        return json;
    }
    let limits = Limits {
        max_file_size: u64::MAX,
        max_values: usize::MAX,
        ..Limits::default()
    };
    let Ok(register) =
        Document::parse("generated.json", &json, Format::Json, limits).and_then(|d| d.register())
    else {
        return String::new();
    };
    match format {
        Format::Toml => toml::to_string(&register).unwrap_or_default(),
        _ => serde_saphyr::to_string(&register).unwrap_or_default(),
    }
}
