//! Catalogues: the data subjects, personal-data categories, purposes, recipients, processors,
//! security measures and systems a register declares once and its activities reference by id.
//!
//! Open lists (which categories of data an organisation holds) are catalogue entries with an id
//! and a label in the organisation's own language; where the law draws a line (special
//! categories, criminal data, national id numbers) the entry says so with a typed field, and an
//! optional taxonomy kind lets rules reason about the rest.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::macros::list_enum;
use super::{CountryCode, Date, Id, NationalIdNumber, ProcessorClause, SpecialCategory};

/// A link to a document the register or statement relies on (a policy, an agreement, a DPIA).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRef {
    /// Title of the document, in the organisation's language.
    pub title: String,
    /// Where it is published, if it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl DataCategory {
    /// Every Art 9(1) special category these data reveal.
    pub fn special_categories(&self) -> impl Iterator<Item = SpecialCategory> + '_ {
        self.special_category
            .into_iter()
            .chain(self.also_special_categories.iter().copied())
    }

    /// Whether these are special-category data (Art 9(1)).
    pub fn is_special(&self) -> bool {
        self.special_categories().next().is_some()
    }
}

/// A category of data subjects, Art 30(1)(c) (e.g. residents, visitors, community members).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSubject {
    /// Stable id referenced by activities.
    pub id: Id,
    /// The organisation's name for this group.
    pub label: String,
    /// Who belongs to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the group may include children under 16 (Art 8, UAVG art 5).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub includes_children: bool,
    /// Whether the group is vulnerable (children, patients, benefit recipients, employees):
    /// a DPIA criterion (WP248).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vulnerable: bool,
}

list_enum! {
    /// A taxonomy kind for a personal-data category, so rules can reason about open catalogues.
    #[non_exhaustive]
    pub enum DataKind {
        /// Names and other directly identifying details.
        Identification,
        /// Contact details: e-mail, telephone, address.
        Contact,
        /// Professional details: job title, employer, organisation.
        Professional,
        /// Online identifiers: IP address, cookie id, device id, message or submission id.
        OnlineIdentifier,
        /// Device and browser details.
        DeviceAndBrowser,
        /// Usage and behaviour: visits, clicks, search terms, navigation.
        UsageAndBehaviour,
        /// Location data.
        Location,
        /// Financial and payment data: bank account, payments, amounts owed to the controller.
        Financial,
        /// Data from which a person's financial situation can be derived: income, assets,
        /// debts, bank statements (the AP's DPIA list, "Financiële situatie"; WP248 counts them
        /// as highly personal).
        FinancialSituation,
        /// Preferences and settings.
        Preferences,
        /// The content of messages and communications.
        CommunicationContent,
        /// Images, video and audio.
        ImageAndAudio,
        /// Official documents and their numbers (passport, driving licence).
        OfficialDocument,
        /// Family and household composition.
        FamilyAndHousehold,
        /// Education and training.
        Education,
        /// Employment and career.
        Employment,
        /// Social-security and benefit data.
        SocialSecurity,
        /// Contract and transaction data.
        ContractAndTransaction,
        /// Anything else; describe it in the label.
        Other,
    }
}

/// A category of personal data, Art 30(1)(c).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    /// Stable id referenced by activities.
    pub id: Id,
    /// The organisation's name for the category (e.g. "Voor- en achternaam").
    pub label: String,
    /// What it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Taxonomy kind, for rules that reason about kinds of data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DataKind>,
    /// The Art 9(1) special category this data belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_category: Option<SpecialCategory>,
    /// Further special categories the same data reveal (an STI dossier is health *and* sex-life
    /// data).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_special_categories: Vec<SpecialCategory>,
    /// Whether this is personal data relating to criminal convictions and offences (Art 10;
    /// UAVG art 1 includes court-imposed bans).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub criminal: bool,
    /// The national identification number this category holds, if any (Art 87, UAVG art 46).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_id: Option<NationalIdNumber>,
    /// Whether the special category is only revealed indirectly ("ras-etnische gegevens op
    /// indirecte wijze via geboorteplaats"); Art 9(1) covers data *revealing* it all the same.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revealed_indirectly: bool,
    /// Whether the organisation calls the data sensitive though they are neither Art 9 nor
    /// Art 10 data ("gegevens over verzuim zijn ook aan te merken als gevoelige gegevens").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub considered_sensitive: bool,
    /// The document that lists the data in detail ("Bijlage 1 Besluit brp").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentRef>,
}

list_enum! {
    /// A kind of purpose, for purpose-compatibility reasoning (Art 5(1)(b), Art 6(4), Art 89).
    #[non_exhaustive]
    pub enum PurposeKind {
        /// Carrying out a statutory public task.
        PublicTask,
        /// Meeting a legal obligation.
        LegalObligation,
        /// Providing a service the data subject asked for (registration, events, accounts).
        ServiceProvision,
        /// Contacting or informing the data subject.
        Communication,
        /// Newsletters and other information mailings.
        Newsletter,
        /// Direct marketing (objection is absolute, Art 21(2)).
        DirectMarketing,
        /// Entering into and performing contracts, invoicing and payment.
        ContractManagement,
        /// Checking eligibility or membership of a target group.
        EligibilityCheck,
        /// Website operation, analytics and improvement.
        WebsiteOperation,
        /// Security of systems and premises, and spam prevention.
        Security,
        /// Detecting and combating fraud (fraudebestrijding), such as benefit or tax fraud;
        /// enforcement in general (handhaving) is `public_task`.
        FraudPrevention,
        /// Collaboration and networking between participants.
        Collaboration,
        /// Handling data-subject requests and complaints.
        RightsAndComplaints,
        /// Human resources and staff administration.
        HumanResources,
        /// Archiving in the public interest (Art 89; presumed compatible, Art 5(1)(b)).
        ArchivingInPublicInterest,
        /// Scientific or historical research (Art 89; presumed compatible).
        Research,
        /// Statistics (Art 89; presumed compatible).
        Statistics,
        /// Anything else; describe it in the label.
        Other,
    }
}

impl PurposeKind {
    /// Whether further processing for this kind of purpose is presumed compatible with the
    /// original purpose, Art 5(1)(b) with Art 89(1) safeguards.
    pub fn presumed_compatible(self) -> bool {
        matches!(
            self,
            Self::ArchivingInPublicInterest | Self::Research | Self::Statistics
        )
    }
}

/// A purpose of processing, Art 30(1)(b): specific, explicit and legitimate (Art 5(1)(b)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// Stable id referenced by activities.
    pub id: Id,
    /// The organisation's wording of the purpose.
    pub label: String,
    /// Further explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Kind of purpose, for compatibility reasoning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PurposeKind>,
}

list_enum! {
    /// What a recipient is in GDPR terms (Art 4(9), 4(10), Art 26, Art 28).
    #[non_exhaustive]
    pub enum RecipientKind {
        /// A processor acting on the controller's behalf (Art 28).
        Processor,
        /// A processor engaged by a processor (Art 28(2), (4)).
        SubProcessor,
        /// A controller that determines purposes and means together with this one (Art 26).
        JointController,
        /// Another controller, a third party (Art 4(10)), receiving data for its own purposes.
        IndependentController,
        /// A public authority receiving data for a particular inquiry under law: not a recipient
        /// (Art 4(9), second sentence), listed for transparency.
        PublicAuthorityInquiry,
        /// Disclosure to the public (publication on a website, a public register).
        PublicDisclosure,
        /// A unit inside the controller's own organisation: not a recipient in law, listed
        /// because Dutch registers commonly name internal teams.
        InternalUnit,
    }
}

/// The Art 26 arrangement between joint controllers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JointControllerArrangement {
    /// Whether a written arrangement exists.
    pub in_place: bool,
    /// Reference of the arrangement (convenant, samenwerkingsovereenkomst).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Whether its essence is made available to data subjects (Art 26(2)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub essence_published: bool,
    /// The contact point for data subjects named in the arrangement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_point: Option<String>,
}

/// A recipient or category of recipients, Art 30(1)(d).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Stable id referenced by activities.
    pub id: Id,
    /// The organisation's name for the recipient or category (e.g. "(keten)partners").
    pub label: String,
    /// What the recipient is in GDPR terms; absent when the register does not say (a rule asks
    /// for it to be classified rather than guessed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RecipientKind>,
    /// Further explanation, e.g. examples of partners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the recipient is established, when outside the controller's country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// For a processor or sub-processor recipient, the entry in the `processors` catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<Id>,
    /// For joint controllers, the Art 26 arrangement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<JointControllerArrangement>,
    /// For other controllers, the agreement that governs the sharing (convenant, privacy
    /// protocol), where one is made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharing_agreement: Option<String>,
    /// Whether data go to this recipient only with the data subject's explicit consent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub only_with_consent: bool,
    /// How the controller weighs each disclosure before sharing, in its own words ("weegt
    /// doelstelling, nut en noodzaak af tegen de bescherming van de gegevens").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharing_assessment: Option<String>,
    /// For a US recipient, whether it is certified under the EU–US Data Privacy Framework (the
    /// adequacy decision of 10 July 2023 covers only certified organisations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpf_certified: Option<bool>,
    /// Whether the controller says it checks that the recipient keeps the agreement ("de
    /// gemeente controleert deze afspraken").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub agreement_checked: bool,
    /// The document or list that names the recipients in detail (e.g. the national list of BRP
    /// afnemers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentRef>,
}

list_enum! {
    /// The form the Art 28 processor terms take.
    #[non_exhaustive]
    pub enum AgreementForm {
        /// A processor agreement (verwerkersovereenkomst) signed for this service.
        ProcessorAgreement,
        /// The Commission's standard contractual clauses for processors, Decision (EU) 2021/915
        /// (Art 28(7)).
        CommissionStandardClauses,
        /// Privacy terms inside the provider's general terms and conditions.
        GeneralTerms,
        /// Another form; name it in `reference`.
        Other,
    }
}

/// The facts of an Art 28 processor agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcessorAgreement {
    /// Whether a binding agreement in writing exists (Art 28(3), 28(9)).
    pub in_place: bool,
    /// The form the terms take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<AgreementForm>,
    /// When it was signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<Date>,
    /// Document reference or contract number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Which Art 28(3)(a)–(h) clauses the agreement covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<ProcessorClause>,
    /// Why there is no agreement, where there is none (Dutch registers often say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_if_absent: Option<String>,
    /// Whether the agreement binds the processor to the same requirements the controller must
    /// meet ("dezelfde eisen als waaraan wij zelf moeten voldoen").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub controller_requirements_flow_down: bool,
}

list_enum! {
    /// How the controller authorised a sub-processor, Art 28(2).
    pub enum SubProcessorAuthorisation {
        /// Prior specific written authorisation for this sub-processor.
        Specific,
        /// General written authorisation, with notice of changes and a chance to object.
        General,
        /// Not authorised.
        None,
    }
}

/// A sub-processor engaged by a processor, Art 28(2) and 28(4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubProcessor {
    /// Name of the sub-processor; absent when the register mentions sub-processors without
    /// naming them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Where it processes the data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<CountryCode>,
    /// How the controller authorised it; absent when the register does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorisation: Option<SubProcessorAuthorisation>,
    /// For a US sub-processor, whether it is certified under the EU–US Data Privacy Framework.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpf_certified: Option<bool>,
}

/// A processor the controller engages, Art 28, with the facts of its agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    /// Stable id referenced by activities.
    pub id: Id,
    /// Name of the processor, or a description when the statement names none (e.g.
    /// "CRM-aanbieder"); absent when the register says there is a processor but not which
    /// ("verwerker: ja").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The service it provides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Where it processes and stores the data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<CountryCode>,
    /// The Art 28 agreement; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<ProcessorAgreement>,
    /// Sub-processors it engages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_processors: Vec<SubProcessor>,
    /// For a US processor, whether it is certified under the EU–US Data Privacy Framework.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpf_certified: Option<bool>,
}

list_enum! {
    /// A category of technical or organisational security measure, Art 32.
    #[non_exhaustive]
    pub enum SecurityMeasureCategory {
        /// Access control and authorisation on a need-to-know basis (Art 32(1)(b)).
        AccessControl,
        /// Authentication, including multi-factor authentication.
        Authentication,
        /// Encryption of stored data (Art 32(1)(a)).
        EncryptionAtRest,
        /// Encryption in transit: TLS, STARTTLS, encrypted e-mail (Art 32(1)(a)).
        EncryptionInTransit,
        /// Pseudonymisation or anonymisation (Art 32(1)(a)).
        Pseudonymisation,
        /// Logging and monitoring of processing operations.
        LoggingAndMonitoring,
        /// Backup and recovery (Art 32(1)(c)).
        BackupAndRecovery,
        /// Network and e-mail security (firewalls, DKIM, SPF, DMARC).
        NetworkAndEmailSecurity,
        /// Vulnerability management, penetration testing, coordinated vulnerability disclosure
        /// (Art 32(1)(d)).
        VulnerabilityManagement,
        /// Physical security of premises and equipment.
        PhysicalSecurity,
        /// Staff confidentiality duties and screening (Art 28(3)(b), Art 32(4)).
        StaffConfidentiality,
        /// Privacy and security awareness and training.
        AwarenessAndTraining,
        /// Incident and data-breach management (Arts 33, 34).
        IncidentAndBreachManagement,
        /// Enforcing retention periods by deletion.
        RetentionEnforcement,
        /// Managing processors and their agreements (Art 28).
        ProcessorManagement,
        /// An information-security policy or management system.
        SecurityPolicy,
        /// Privacy by design and data minimisation in systems (Art 25).
        PrivacyByDesign,
    }
}

list_enum! {
    /// Whether a measure is in force.
    pub enum MeasureStatus {
        /// In force.
        Implemented,
        /// Being put in place ("wordt nog verder uitgewerkt").
        InProgress,
        /// Planned for a date.
        Planned,
    }
}

/// A technical or organisational security measure, Art 30(1)(g) and Art 32.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityMeasure {
    /// Stable id referenced by activities.
    pub id: Id,
    /// The organisation's description of the measure.
    pub label: String,
    /// Kind of measure.
    pub category: SecurityMeasureCategory,
    /// Whether it is in force; absent means implemented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MeasureStatus>,
    /// When a planned measure is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_for: Option<Date>,
    /// When it is due, as the organisation puts it when it gives no exact day ("medio 2018").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_when: Option<String>,
    /// The policy or standard document that describes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentRef>,
}

/// An information system or application where processing happens (CRM, zaaksysteem).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct System {
    /// Stable id referenced by activities.
    pub id: Id,
    /// Name of the system.
    pub name: String,
    /// What it is used for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The processor that runs it, if it is not run in-house.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<Id>,
    /// Where its data are stored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<CountryCode>,
    /// Security measures specific to this system, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_measures: Vec<Id>,
}
