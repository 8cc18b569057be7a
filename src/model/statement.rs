//! The public privacy statement (privacyverklaring) as checkable commitments, Arts 12–14.
//!
//! A statement is mostly prose, but most of its sentences are promises a register can keep or
//! break: "we process no sensitive data", "we share only with your explicit consent", "all
//! servers are within the EU", "we use only technical and functional cookies". Each promise is a
//! typed field here so a rule can compare it with the activities.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::macros::list_enum;
use super::{
    Contact, CookieClass, DataSourceKind, DataSubjectRight, Date, DocumentRef, LawfulBasisKind,
    NationalIdNumber, Period, SpecialCategory,
};

list_enum! {
    /// What the statement promises about special-category data (Art 9).
    pub enum SpecialCategoriesCommitment {
        /// "We process no sensitive personal data."
        None,
        /// "In principle not; only where necessary", with the cases named in the register.
        OnlyWhereNecessary,
        /// Special categories are processed as the register declares.
        Declared,
    }
}

list_enum! {
    /// What the statement promises about sharing with others (Art 13(1)(e)).
    pub enum SharingCommitment {
        /// Data go to nobody outside the controller.
        None,
        /// Only to processors working on the controller's behalf.
        OnlyProcessors,
        /// To third parties only with the data subject's explicit consent.
        OnlyWithExplicitConsent,
        /// To the recipients the register declares.
        DeclaredRecipients,
    }
}

list_enum! {
    /// What the statement promises about where data are processed (Art 13(1)(f)).
    pub enum TransferCommitment {
        /// All processing and storage stay within the European Union.
        EuOnly,
        /// All processing and storage stay within the EEA.
        EeaOnly,
        /// Transfers happen as the register declares.
        Declared,
    }
}

list_enum! {
    /// What the statement promises about automated decisions (Art 13(2)(f)).
    pub enum AutomatedDecisionsCommitment {
        /// No decisions based solely on automated processing.
        None,
        /// Automated decisions happen as the register declares.
        Declared,
    }
}

list_enum! {
    /// How the statement tells data subjects about retention (Art 13(2)(a)).
    pub enum RetentionDisclosure {
        /// A period per purpose or per data category, in the statement.
        PerPurpose,
        /// The statement refers to the register for the periods.
        InRegister,
        /// Only the principle: "no longer than necessary".
        PrincipleOnly,
    }
}

list_enum! {
    /// A way to reach the organisation.
    #[non_exhaustive]
    pub enum ChannelKind {
        /// E-mail.
        Email,
        /// A form on the website.
        WebForm,
        /// Letter.
        Post,
        /// Telephone.
        Phone,
        /// In person at the desk (balie).
        InPerson,
        /// In person, by appointment.
        InPersonByAppointment,
        /// An unsubscribe or opt-out link in each message.
        UnsubscribeLink,
        /// Replying to the message received.
        Reply,
        /// A sign at the place where data are collected ("aangegeven bij de ingang van de
        /// garage").
        Signage,
    }
}

/// A way to reach the organisation, optionally with an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Kind of channel.
    pub kind: ChannelKind,
    /// Address, URL or number, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// A data-subject right the statement offers and how to exercise it (Art 13(2)(b)–(d)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightOffer {
    /// The right.
    pub right: DataSubjectRight,
    /// For a right outside the GDPR (`other`), what it is ("geheimhouding van uw gegevens in de
    /// BRP aanvragen").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How to exercise it; empty means the general contact details.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Whether the requester must prove identity (Art 12(6)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub identification_required: bool,
    /// For access: whether a copy is provided in electronic form (Art 15(3)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub electronic_copy: bool,
    /// The office or person that handles requests ("het GNMI-secretariaat is het
    /// aanspreekpunt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handled_by: Option<String>,
    /// For access: what the answer tells the requester (Art 15(1)), e.g. the categories,
    /// recipients, purpose and source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provides: Vec<InformationItem>,
    /// The page or document that describes the right further.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentRef>,
    /// Conditions and limits the statement sets, in its own words (e.g. "het is niet toegestaan
    /// om gegevens van andere personen in te zien", Art 15(4)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
}

/// The cookie classes the statement says the website uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CookieCommitment {
    /// The classes used; cookies of any other class break the promise.
    pub classes: Vec<CookieClass>,
    /// How the statement tells users to refuse cookies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
}

/// What the statement says about children (Art 8, UAVG art 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChildrenCommitment {
    /// Whether services are aimed at children.
    pub targeted: bool,
    /// Below this age, a parent or legal representative consents (16 in the Netherlands).
    pub minimum_age: u8,
}

/// The complaint route the statement offers (Art 13(2)(d), Art 77).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintRoute {
    /// Whether complaints can first be raised with the organisation itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
    /// Whether the statement names the right to complain to the supervisory authority.
    pub supervisory_authority: bool,
}

list_enum! {
    /// An information-security standard.
    #[non_exhaustive]
    pub enum SecurityStandard {
        /// Baseline Informatiebeveiliging Overheid (BIO), the Dutch government baseline.
        Bio,
        /// BIO2, aligned with ISO 27001/27002:2022.
        Bio2,
        /// ISO/IEC 27001.
        Iso27001,
        /// NEN 7510 (health care).
        Nen7510,
        /// Another standard; name it in `version`.
        Other,
    }
}

/// The security baseline the organisation follows (Art 32; BIO for Dutch government).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityBaseline {
    /// The standard.
    pub standard: SecurityStandard,
    /// Its version, e.g. "1.04".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The BIO basisbeveiligingsniveau (BBN 1–3), where determined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbn_level: Option<u8>,
    /// The organisation's own policy that applies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<DocumentRef>,
}

/// What the statement promises about personal-data breaches (Arts 33–34).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BreachCommitment {
    /// Whether a breach protocol exists.
    pub protocol: bool,
    /// Whether data subjects are told of serious breaches (Art 34).
    pub notify_data_subjects: bool,
}

/// A coordinated vulnerability disclosure (CVD) policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VulnerabilityDisclosure {
    /// Where reports go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<DocumentRef>,
    /// Whether reporters accept the policy's terms by reporting ("door het maken van een melding
    /// verklaart u zich akkoord met de afspraken").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub terms_accepted_by_reporting: bool,
    /// The promised handling of a report, in the organisation's words ("zo snel als mogelijk").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// Who else is involved in handling a report (e.g. "in samenwerking met de betreffende
    /// gemeente").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handled_with: Option<String>,
}

list_enum! {
    /// What people are told when their data are collected (Art 13(1)–(2)).
    #[non_exhaustive]
    pub enum InformationItem {
        /// The purpose of the processing.
        Purpose,
        /// Why the data are necessary.
        Necessity,
        /// How long they are kept.
        Retention,
        /// Whether and with whom they are shared, and why.
        Recipients,
        /// Their rights, or where to find them.
        Rights,
        /// The lawful basis.
        LawfulBasis,
        /// The categories of personal data.
        DataCategories,
        /// Where the data came from.
        Sources,
    }
}

/// The public privacy statement as commitments a rule can check against the register.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Title of the statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Date of the last update ("Bijgewerkt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// Language of the statement (BCP 47, e.g. `nl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Contact for questions about the statement.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// The lawful bases the statement says the organisation usually relies on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lawful_bases: Vec<LawfulBasisKind>,
    /// Promise about special-category data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_categories: Option<SpecialCategoriesCommitment>,
    /// The special categories the promise names, when it names some and not others ("ras,
    /// etnische afkomst, genetische gegevens, biometrische gegevens, gezondheid, seksuele
    /// geaardheid"); empty means the promise covers every special category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named_special_categories: Vec<SpecialCategory>,
    /// Whether the same promise names criminal-offence data (Art 10) too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub names_criminal_data: bool,
    /// National identification numbers the same promise names (the BSN is often listed with
    /// the special categories).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named_national_ids: Vec<NationalIdNumber>,
    /// Promise that data are used only for the purpose they were collected for (Art 5(1)(b)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub purpose_limitation: bool,
    /// Promise about sharing with others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharing: Option<SharingCommitment>,
    /// Promise that processors work under Art 28 agreements ("met alle aanbieders zijn
    /// verwerkersovereenkomsten afgesloten").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub processor_agreements_with_all: bool,
    /// Promise about where data are processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfers: Option<TransferCommitment>,
    /// Promise about automated decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_decisions: Option<AutomatedDecisionsCommitment>,
    /// The cookie classes used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookies: Option<CookieCommitment>,
    /// What the statement says about children.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<ChildrenCommitment>,
    /// How retention is disclosed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<RetentionDisclosure>,
    /// Rights offered and how to exercise them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights: Vec<RightOffer>,
    /// A separate document that describes the rights ("Privacyrechten").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights_document: Option<DocumentRef>,
    /// The promised time to answer a rights request (at most one month, Art 12(3)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_time: Option<Period>,
    /// The complaint route.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaints: Option<ComplaintRoute>,
    /// The security baseline followed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_baseline: Option<SecurityBaseline>,
    /// What happens on a data breach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breach: Option<BreachCommitment>,
    /// Coordinated vulnerability disclosure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vulnerability_disclosure: Option<VulnerabilityDisclosure>,
    /// Where data usually come from ("uit authentieke bronnen of bij uzelf"), Art 14(2)(f).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<DataSourceKind>,
    /// The channels at which people are told about their data when it is collected (web forms,
    /// the desk, the telephone), Art 13(1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub informs_at: Vec<ChannelKind>,
    /// What they are told there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub informs_about: Vec<InformationItem>,
    /// Whether the register of processing activities is public, and where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_register: Option<DocumentRef>,
    /// Further policies the statement refers to (privacybeleid, informatieveiligheidsbeleid).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<DocumentRef>,
    /// Whether the statement says some of its measures are still being worked out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub work_in_progress: bool,
}
