//! A processing activity: one entry of the Art 30(1) register, and the shape of a proposal.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::macros::list_enum;
use super::{
    AutomatedDecisionGround, AutomatedDecisionSafeguard, Channel, CookieClass, CountryCode,
    CriminalDataGround, Date, DpiaStatus, HighRiskCriterion, Id, LawfulBasisKind, Listed,
    NationalIdBasisKind, Period, ResearchSafeguard, SpecialCategory, SpecialCategoryConditionKind,
    TransferMechanism, UavgSpecialCategoryGround,
};

/// An Art 6(1) lawful basis as an activity relies on it. An activity may rely on several.
///
/// Registers often name only the statute ("op grond van de Participatiewet") or only a wording
/// ("Wettelijke verplichting") without the Art 6(1) letter, or the letter without the statute.
/// Each part is optional so the register can be written as stated; rules report what is missing.
/// For an activity under another regime (`regime: police_data_act`), the entry holds that law's
/// basis as `legal_provision` without an Art 6(1) letter ("Wpg artikel 8, 9 en 13").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LawfulBasis {
    /// Which Art 6(1) basis; absent when the register names only a statute or a wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<LawfulBasisKind>,
    /// The register's own wording of the basis ("Wettelijke verplichting", "Algemeen belang"),
    /// kept as written; it carries no meaning for the rules beyond suggesting candidates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// For (c) and (e): the provision of Union or member-state law (Art 6(3)), e.g.
    /// "Participatiewet art. 47".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
    /// For (f): the legitimate interest pursued (Art 13(1)(d)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate_interest: Option<String>,
    /// For (b): whether the data subject is party to the contract. Contact persons of a
    /// contracting organisation are not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_subject_is_party: Option<bool>,
    /// The purposes this basis covers, by id; empty means all purposes of the activity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Id>,
    /// The data categories this basis covers, by id, when it covers only some ("medische
    /// gegevens van andere instellingen vragen we uitsluitend op met uw toestemming"); empty means
    /// all of the activity's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_categories: Vec<Id>,
}

/// How consent is obtained and withdrawn, Art 7 and Art 8.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// How it is asked ("actieve toestemming", an unticked box).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obtained_by: Option<String>,
    /// Whether consent is given by an affirmative act (no pre-ticked boxes; Planet49).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub active_opt_in: bool,
    /// How the data subject withdraws it, as easily as it was given (Art 7(3)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<String>,
    /// Whether data are destroyed on withdrawal.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub erased_on_withdrawal: bool,
    /// How consent is recorded so it can be demonstrated (Art 7(1)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_in: Option<String>,
}

/// An Art 9(2) condition (and/or UAVG ground) for processing special-category data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpecialCategoryCondition {
    /// The Art 9(2) condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<SpecialCategoryConditionKind>,
    /// The UAVG ground that implements or adds to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uavg_ground: Option<UavgSpecialCategoryGround>,
    /// The provision of law the condition rests on, where it needs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
    /// The special categories it covers; empty means all of the activity's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<SpecialCategory>,
    /// Why explicit consent is not asked, where the condition allows that (UAVG art 24: asking is
    /// impossible or takes disproportionate effort), in the organisation's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_not_asked_because: Option<String>,
    /// The safeguards that go with the condition: Art 9(2)(j) with Art 89(1) and UAVG art 24
    /// require them for archiving, research and statistics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<ResearchSafeguard>,
}

/// The basis for processing criminal-offence data, Art 10 and UAVG arts 31–33.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CriminalDataBasis {
    /// The ground.
    pub ground: CriminalDataGround,
    /// The provision of law, where the ground needs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
}

/// The statutory basis for using a national identification number (BSN), UAVG art 46.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NationalIdBasis {
    /// The kind of basis.
    pub basis: NationalIdBasisKind,
    /// The statute, e.g. "Wabb art. 10" or a sectoral law.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
}

/// A transfer of personal data to a third country or international organisation, Art 30(1)(e).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Destination country.
    pub country: CountryCode,
    /// The international organisation, where the destination is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international_organisation: Option<String>,
    /// The recipient, by id from the `recipients` catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Id>,
    /// The processor, by id from the `processors` catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<Id>,
    /// The Chapter V mechanism; absent when none is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<TransferMechanism>,
    /// Supplementary measures and safeguard documents (Art 46, Schrems II).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<String>,
    /// Reference of the transfer impact assessment, for SCC and BCR transfers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_impact_assessment: Option<String>,
}

/// Automated decision-making and profiling in an activity, Art 22 and Art 13(2)(f).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisionMaking {
    /// What is automated, in the organisation's words.
    pub description: String,
    /// Whether decisions about people are taken without meaningful human involvement; absent
    /// when the register does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solely_automated: Option<bool>,
    /// Whether the decisions have legal or similarly significant effects; absent when the
    /// register does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_or_similar_effect: Option<bool>,
    /// Whether the processing involves profiling (Art 4(4)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub profiling: bool,
    /// The Art 22(2) exception relied on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground: Option<AutomatedDecisionGround>,
    /// The law that authorises it, for [`AutomatedDecisionGround::AuthorisedByLaw`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
    /// The Art 22(3) safeguards offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<AutomatedDecisionSafeguard>,
    /// When a person takes part, in the organisation's words ("complexere aanvragen worden door
    /// een medewerker getoetst").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub human_involvement: Option<String>,
    /// Meaningful information about the logic involved (Art 13(2)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logic: Option<String>,
}

impl AutomatedDecisionMaking {
    /// Whether this is an Art 22(1) decision: based solely on automated processing and with
    /// legal or similarly significant effects. Profiling that feeds a person's decision is not.
    pub fn is_art22_decision(&self) -> bool {
        self.solely_automated == Some(true) && self.legal_or_similar_effect == Some(true)
    }

    /// Whether the register says the decisions have legal or similarly significant effects.
    pub fn has_significant_effect(&self) -> bool {
        self.legal_or_similar_effect == Some(true)
    }
}

list_enum! {
    /// How consent for a cookie is asked, Tw art 11.7a.
    pub enum CookieConsent {
        /// No consent is asked (the class must be exempt).
        NotAsked,
        /// Prior opt-in consent through a banner or settings.
        OptIn,
        /// Set by default; the user may refuse through a choice offered on the site.
        OptOut,
        /// The user is told to block cookies in the browser (not valid consent).
        BrowserSettings,
    }
}

/// A cookie or similar tracker an activity places or reads, Tw art 11.7a.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    /// Name or group of cookies, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Class of cookie.
    pub class: CookieClass,
    /// What it does, in the organisation's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The party that sets it, when not the site itself (e.g. embedded content from LinkedIn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_party: Option<String>,
    /// How consent is asked.
    pub consent: CookieConsent,
    /// How long it is kept on the device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Period>,
    /// The purposes it serves, by id (e.g. a functional cookie also used "om onze website te
    /// optimaliseren").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Id>,
    /// Whether it can identify the user on other websites; the statement may promise it cannot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifies_across_sites: Option<bool>,
    /// For analytics: whether the last octet of the IP address is masked (an AP condition for
    /// privacy-friendly analytics).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_masked: Option<bool>,
    /// For analytics: whether the vendor receives the data for its own purposes (data sharing
    /// switched on, combination with its other services). Privacy-friendly analytics may not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_with_vendor: Option<bool>,
    /// The processor that runs it (the analytics vendor), by id from the `processors` catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<Id>,
}

/// The DPIA for an activity, Art 35.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dpia {
    /// Where it stands.
    pub status: DpiaStatus,
    /// Reference of the DPIA document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// When it was completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<Date>,
    /// Whether the supervisory authority was consulted because high risk remained (Art 36).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub prior_consultation: bool,
}

/// Children in an activity, Art 8 and UAVG art 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Children {
    /// Whether the activity is aimed at children.
    pub targeted: bool,
    /// The youngest age served, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u8>,
    /// Whether consent for children under 16 is given by a holder of parental responsibility
    /// or legal representative (Art 8(1), UAVG art 5).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub representative_consent: bool,
    /// How age and parental responsibility are verified (Art 8(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<String>,
}

list_enum! {
    /// Where data come from, Art 14(2)(f).
    #[non_exhaustive]
    pub enum DataSourceKind {
        /// From the data subject (Art 13 applies).
        DataSubject,
        /// Observed automatically: web server logs, cookies, forms' metadata.
        AutomaticCollection,
        /// A Dutch base registry (basisregistratie: BRP, BRK, Handelsregister).
        BaseRegistry,
        /// Another public authority or chain partner (DUO, Suwinet, police).
        PublicAuthority,
        /// A private third party.
        ThirdParty,
        /// A publicly accessible source.
        PublicSource,
        /// The data subject's employer or organisation.
        Employer,
        /// Another unit of the controller's own organisation (a team passes a case on).
        InternalUnit,
        /// Not known, or held from before anyone recorded it ("vanuit de historie").
        Unknown,
    }
}

/// A source of the data in an activity, Art 14(2)(f).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSource {
    /// Kind of source.
    pub kind: DataSourceKind,
    /// Name of the source, e.g. "BRP".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The law or authorisation under which the data are obtained from it (e.g. an authorisation
    /// of the Rijksdienst voor Identiteitsgegevens for the BRP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
    /// The data categories that come from it, by id; empty means the source supplies data of
    /// unnamed categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_categories: Vec<Id>,
    /// When data come from it, in the organisation's words ("zo nodig", "in een aantal
    /// gevallen").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

list_enum! {
    /// The data-protection law that governs an activity.
    pub enum LegalRegime {
        /// The GDPR (AVG) and UAVG.
        Gdpr,
        /// The Dutch Police Data Act (Wet politiegegevens), e.g. for boa's or camera images under
        /// art 151c lid 9 Gemeentewet.
        PoliceDataAct,
        /// The Dutch Judicial and Criminal Records Act (Wet justitiële en strafvorderlijke
        /// gegevens).
        JudicialDataAct,
    }
}

list_enum! {
    /// Whether providing the data is required, Art 13(2)(e).
    pub enum ProvisionRequirement {
        /// Required by law.
        Statutory,
        /// Required by contract or to enter into a contract.
        Contractual,
        /// Voluntary; say what happens if not provided.
        Voluntary,
    }
}

list_enum! {
    /// Whether a data category is collected from everyone in the activity.
    #[non_exhaustive]
    pub enum CollectionMode {
        /// Always collected.
        Always,
        /// Optional for the data subject: given only if they choose to.
        Optional,
        /// Collected only in some cases (say which in `when`).
        InSomeCases,
        /// Processed only where necessary for the case ("alleen indien noodzakelijk"), the usual
        /// wording for special categories.
        OnlyWhereNecessary,
    }
}

/// How some of an activity's data categories are collected: only for some data subjects,
/// optionally, or only in some cases. Categories without a scope are collected always, from
/// every data subject of the activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataCategoryScope {
    /// The data categories, by id; each must be one of the activity's. Empty for a scope of data
    /// subjects or purposes only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Id>,
    /// How they are collected; absent means always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected: Option<CollectionMode>,
    /// In which cases, in the organisation's words ("als de melding in behandeling wordt
    /// genomen").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The data subjects they are collected from, by id; empty means every data subject of the
    /// activity. A scope with data subjects and no categories says those data subjects are
    /// involved only as `collected` and `when` say ("partner: bij een gezamenlijke
    /// huishouding").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_subjects: Vec<Id>,
    /// The purposes they are used for, by id, when only some of the activity's ("IBAN voor de
    /// inning"; camera images "alleen bekeken voor registratie van diefstal"); empty means all.
    /// A scope with purposes and no categories or data subjects says those purposes apply only
    /// as `collected` and `when` say ("als dat van toepassing is, voor de aanmelding van de
    /// verplichte opleiding").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Id>,
    /// Whether the categories are a minimum ("in ieder geval"): more may be collected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub at_least: bool,
}

/// How data go to some of an activity's recipients: which data, when, why, and on what terms.
/// Recipients without a scope receive the activity's data as its purposes require.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecipientScope {
    /// The recipients, by id; each must be one of the activity's. Empty means all of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Id>,
    /// The data categories they receive, by id, when only some ("het kenteken en de
    /// parkeerzone").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_categories: Vec<Id>,
    /// When they receive data, in the organisation's words ("alleen als een rechterlijke instantie
    /// dat bepaalt", "indien noodzakelijk").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Why, in the organisation's words ("in het kader van de handhavings- en
    /// signaleringstaak").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// Whether data go to them only with the data subject's consent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub only_with_consent: bool,
    /// Whether the organisation shares without consent where a law requires it ("tenzij het een
    /// wettelijke verplichting is").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unless_required_by_law: bool,
    /// The law that requires or allows the disclosure, where one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
}

list_enum! {
    /// A list field of an activity, for saying which lists the register gives only as examples.
    #[non_exhaustive]
    pub enum ActivityList {
        /// `purposes`.
        Purposes,
        /// `data_subjects`.
        DataSubjects,
        /// `data_categories`.
        DataCategories,
        /// `recipients`.
        Recipients,
        /// `processors`.
        Processors,
        /// `data_sources`.
        DataSources,
        /// `security_measures`.
        SecurityMeasures,
        /// `places`.
        Places,
        /// `methods`.
        Methods,
    }
}

list_enum! {
    /// How the processing is carried out; the GDPR covers automated processing and manual
    /// filing systems alike (Art 2(1)).
    pub enum ProcessingMeans {
        /// By computer ("digitaal", "geautomatiseerd").
        Automated,
        /// By hand, on paper or in a manual filing system ("handmatig", "analoog").
        Manual,
    }
}

list_enum! {
    /// A technology an activity uses that the Dutch DPIA list (AP, Art 35(4)) and WP248 name.
    #[non_exhaustive]
    pub enum Technology {
        /// Fixed camera surveillance.
        CameraSurveillance,
        /// Mobile or flexible cameras (bodycams, drones, ANPR vehicles).
        FlexibleCameraSurveillance,
        /// Tracking of location (GPS, wifi or bluetooth tracking, ANPR).
        LocationTracking,
        /// Connected devices and sensors (Internet of Things, smart meters, sensors in public
        /// space).
        InternetOfThings,
        /// Biometric recognition (face, fingerprint, voice).
        BiometricRecognition,
        /// Algorithms or AI that evaluate people (risk models, scoring).
        AlgorithmicScoring,
        /// Monitoring of staff use of e-mail, internet or devices.
        EmployeeMonitoring,
        /// Covert observation without the data subject's knowledge.
        CovertObservation,
    }
}

/// One processing activity of the register (Art 30(1)), also the shape of a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcessingActivity {
    /// Stable id, unique in the register.
    pub id: Id,
    /// A UUID that survives renames, for systems (such as a processing log) that reference the
    /// activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<Uuid>,
    /// The organisation's name for the activity.
    pub name: String,
    /// What happens, in the organisation's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The administrative bodies responsible, where the controller is split (college van B&W,
    /// burgemeester, raad).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible_bodies: Vec<String>,
    /// The team or department that carries it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisational_unit: Option<String>,
    /// The controllers it is carried out for, when more than the register's own (the
    /// municipalities a shared service works for, a municipality merged into this one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub for_controllers: Vec<String>,
    /// The law that governs it; absent means the GDPR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<LegalRegime>,
    /// Purposes, by id, Art 30(1)(b).
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub purposes: Listed<Id>,
    /// Categories of data subjects, by id, Art 30(1)(c).
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub data_subjects: Listed<Id>,
    /// Categories of personal data, by id, Art 30(1)(c).
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub data_categories: Listed<Id>,
    /// Which data categories are collected only optionally, in some cases, or from some data
    /// subjects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_category_scope: Vec<DataCategoryScope>,
    /// Whether the organisation promises to use the data only for the activity's purposes ("we
    /// gebruiken uw gegevens alleen voor …"), Art 5(1)(b).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub only_for_stated_purposes: bool,
    /// The Art 6(1) lawful bases relied on.
    #[serde(default)]
    pub lawful_bases: Vec<LawfulBasis>,
    /// How consent is handled, when a lawful basis or condition is consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    /// Art 9(2) conditions and UAVG grounds for special-category data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_category_conditions: Vec<SpecialCategoryCondition>,
    /// Basis for criminal-offence data, Art 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criminal_data_basis: Option<CriminalDataBasis>,
    /// Basis for using the BSN or another national id number, UAVG art 46.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_id_basis: Option<NationalIdBasis>,
    /// Retention rules, by id, Art 30(1)(f).
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub retention: Listed<Id>,
    /// Recipients, by id, Art 30(1)(d); `none` says there are none.
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub recipients: Listed<Id>,
    /// The lists the register gives only as examples ("bijvoorbeeld", "onder andere", "zoals"):
    /// the items stated are real, but the list is not complete.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples_only: Vec<ActivityList>,
    /// Which data go to some recipients, when, why and on what terms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient_scope: Vec<RecipientScope>,
    /// Processors, by id, Art 28.
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub processors: Listed<Id>,
    /// Systems used, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<Id>,
    /// Transfers outside the EEA, Art 30(1)(e).
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub transfers: Listed<Transfer>,
    /// Automated decision-making or profiling, Art 22.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_decision_making: Option<AutomatedDecisionMaking>,
    /// Cookies and similar trackers, Tw art 11.7a.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cookies: Vec<Cookie>,
    /// The DPIA, Art 35.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpia: Option<Dpia>,
    /// How it is carried out: automated, manual, or both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub processing_means: Vec<ProcessingMeans>,
    /// Technologies it uses, for the DPIA rules (AP list, WP248).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technologies: Vec<Technology>,
    /// Whether the processing is on a large scale (Art 35(3)(b), WP248), where the register says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_scale: Option<bool>,
    /// WP248 high-risk criteria the activity meets, for the DPIA rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub high_risk_criteria: Vec<HighRiskCriterion>,
    /// Children, Art 8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Children>,
    /// Where the data come from, Art 14(2)(f).
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub data_sources: Listed<DataSource>,
    /// Where data subjects are told about the processing when their data are collected (a sign at
    /// the entrance, the form, the desk), Art 13(1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub information_channels: Vec<Channel>,
    /// What happens if the data subject does not provide the data, Art 13(2)(e) ("dan kunnen we
    /// uw aanvraag niet in behandeling nemen").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision_consequence: Option<String>,
    /// Where it physically takes place, as the register names the places (camera positions,
    /// buildings, sites).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// How the data are gathered or the work is done, in the organisation's words ("contact via
    /// sociale media", "huisbezoek").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<String>,
    /// Whether the organisation promises to choose the least intrusive way to reach the purpose
    /// ("de best passende en minst ingrijpende wijze"), Art 5(1)(c).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub least_intrusive_means: bool,
    /// Other laws and rules the processing follows beside the GDPR ("Luchtvaartregelgeving",
    /// "artikel 8 EVRM").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_governed_by: Vec<String>,
    /// Since when the processing runs, as the organisation puts it ("vanaf november 2020").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_use_since: Option<String>,
    /// How data subjects object or opt out where the processing does not rest on consent (an
    /// unsubscribe link, replying to a message), Art 21.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objection_channels: Vec<Channel>,
    /// Whether providing the data is required, Art 13(2)(e).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision_requirement: Option<ProvisionRequirement>,
    /// Security measures, by id, Art 30(1)(g).
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub security_measures: Listed<Id>,
    /// What the register says about a field in words that could not be read as the field's
    /// typed value, kept as written (an import puts here the cells it could not classify), so
    /// that nothing the organisation wrote is lost. Rules report each entry
    /// (`unclassified-text`); the typed field stays unset until someone writes it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unclassified: Vec<UnclassifiedText>,
}

list_enum! {
    /// A field of an activity that text may be kept for before it is classified.
    #[non_exhaustive]
    pub enum ActivityField {
        /// `purposes`.
        Purposes,
        /// `data_subjects`.
        DataSubjects,
        /// `data_categories`.
        DataCategories,
        /// `lawful_bases`.
        LawfulBases,
        /// `special_category_conditions`.
        SpecialCategoryConditions,
        /// `national_id_basis`.
        NationalIdBasis,
        /// `retention`.
        Retention,
        /// `recipients`.
        Recipients,
        /// `processors`.
        Processors,
        /// `transfers`.
        Transfers,
        /// `data_sources`.
        DataSources,
        /// `security_measures`.
        SecurityMeasures,
        /// `dpia`.
        Dpia,
        /// `automated_decision_making`.
        AutomatedDecisionMaking,
        /// `systems`.
        Systems,
        /// `provision_requirement` and `provision_consequence`.
        ProvisionRequirement,
        /// Anything else the register says about the activity (a remarks column).
        Other,
    }
}

/// Text for a field of an activity, in the organisation's words, not (yet) classified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnclassifiedText {
    /// The field the text belongs to.
    pub field: ActivityField,
    /// The text as written.
    pub text: String,
    /// Where it came from (for an import, the cell: `register.xlsx!Blad1!F12`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl ProcessingActivity {
    /// Whether any of the activity's lawful bases is `kind`.
    pub fn relies_on(&self, kind: LawfulBasisKind) -> bool {
        self.lawful_bases.iter().any(|b| b.basis == Some(kind))
    }

    /// Whether it rests on consent: Art 6(1)(a), or explicit consent for special categories
    /// (Art 9(2)(a)). Consent can be withdrawn at any time (Art 7(3)).
    pub fn relies_on_consent(&self) -> bool {
        self.relies_on(LawfulBasisKind::Consent)
            || self
                .special_category_conditions
                .iter()
                .any(|c| c.condition == Some(SpecialCategoryConditionKind::ExplicitConsent))
    }

    /// Whether data subjects may object to it on grounds of their particular situation: it rests
    /// on a public task or legitimate interests (Art 21(1)).
    pub fn open_to_objection(&self) -> bool {
        self.relies_on(LawfulBasisKind::PublicTask) || self.relies_on(LawfulBasisKind::LegitimateInterests)
    }
}
