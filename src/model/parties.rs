//! Who is responsible: the controller, its representative and DPO, the supervisory authority,
//! and the Art 30(2) records a controller keeps when it acts as a processor for others.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CountryCode, Id, Transfer};

/// How to reach a person or organisation. Every field is optional; rules decide which ones a
/// given role needs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone number, as written by the organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Postal or visiting address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Website or contact page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

impl Contact {
    /// Whether no way of reaching anyone is given.
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.phone.is_none() && self.address.is_none() && self.website.is_none()
    }
}

/// A named party with contact details (a representative, a joint controller, a controller served).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Name of the person or organisation.
    pub name: String,
    /// How to reach them.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
}

/// The data protection officer (DPO; Dutch: functionaris gegevensbescherming, FG), GDPR
/// Arts 37–39. A public authority must designate one (Art 37(1)(a)); the contact details go in
/// the register (Art 30(1)(a)) and the statement (Art 13(1)(b)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataProtectionOfficer {
    /// Name, where published (often only a role address is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How to reach the DPO.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// Whether the DPO is employed by the controller (`true`) or hired or shared (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal: Option<bool>,
    /// Whether the register or statement says the DPO works independently and takes no
    /// instructions (Art 38(3)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub independent: Option<bool>,
}

/// The supervisory authority data subjects can complain to (Art 77); in the Netherlands the
/// Autoriteit Persoonsgegevens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupervisoryAuthority {
    /// Name of the authority.
    pub name: String,
    /// Country whose authority it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// Website where complaints are lodged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// The controller that keeps the register, GDPR Art 30(1)(a).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// Name of the controller (the organisation, or the administrative body).
    pub name: String,
    /// The administrative bodies that are each a controller for their own tasks ("college van
    /// B&W, burgemeester, gemeenteraad"); activities name theirs in `responsible_bodies`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub administrative_bodies: Vec<String>,
    /// Short name or abbreviation used in the statement (e.g. `IBD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// What the organisation is, in its own words (e.g. "gemeentelijke netwerkorganisatie").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// General contact details.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// Representative in the Union for a controller established outside it, Art 27.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<Party>,
    /// The data protection officer, Art 37.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<DataProtectionOfficer>,
    /// Whether the controller is a public authority or body (Art 37(1)(a), Art 6(1) last
    /// sentence, Art 49(3)); Dutch municipalities, joint bodies and their services are.
    pub public_authority: bool,
    /// Where the controller is established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// The lead supervisory authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisory_authority: Option<SupervisoryAuthority>,
    /// Number of employees, relevant to the Art 30(5) exemption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    /// Whether the controller claims the Art 30(5) exemption from keeping a register (fewer than
    /// 250 employees and only occasional, low-risk processing without Art 9 or 10 data).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub claims_art30_5_exemption: bool,
}

/// Processing the organisation carries out as a processor on behalf of another controller: the
/// Art 30(2) record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcessingOnBehalf {
    /// Stable id of this record.
    pub id: Id,
    /// The controller served, Art 30(2)(a).
    pub controller: Party,
    /// The controller's DPO or representative, where it has one, Art 30(2)(a).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller_dpo: Option<Contact>,
    /// The categories of processing carried out for this controller, Art 30(2)(b).
    pub processing_categories: Vec<String>,
    /// Transfers to third countries, Art 30(2)(c).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transfers: Vec<Transfer>,
    /// Security measures applied, by id from the `security_measures` catalogue, Art 30(2)(d).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_measures: Vec<Id>,
    /// Reference of the processor agreement with the controller (Art 28(3)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_reference: Option<String>,
}
