//! Retention: how long personal data are kept, Art 5(1)(e), Art 30(1)(f), Art 13(2)(a).
//!
//! Real registers state retention in many ways: a period after an event ("5 years after the
//! contract ends", "1 month after the event"), a range ("5 to 7 years"), a category of the
//! Archiefwet selectielijst, permanent archival, or only "as long as necessary". All of them can
//! be written down here; the vague and the unlimited forms are separate variants so that rules
//! can recognise them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::macros::list_enum;
use super::{Id, Period};

list_enum! {
    /// The event a retention period runs from.
    #[non_exhaustive]
    pub enum RetentionEvent {
        /// When the data are collected.
        Collection,
        /// When the event or meeting the data were collected for is over ("na afloop").
        EventEnd,
        /// When the contract or relationship ends.
        ContractEnd,
        /// When the case (zaak) is closed ("na sluiting zaak").
        CaseClosed,
        /// When a decision (besluit) takes effect or expires.
        Decision,
        /// The last contact with the data subject.
        LastContact,
        /// When the data subject unsubscribes or withdraws consent.
        ConsentWithdrawn,
        /// When employment ends.
        EmploymentEnd,
        /// When the data subject reaches an age (set `age`).
        SubjectReachesAge,
        /// When the data subject dies.
        SubjectDeath,
        /// Another event; describe it in `event_label`.
        Other,
    }
}

list_enum! {
    /// What happens when the retention period ends (Archiefwet archiefnominatie).
    pub enum ArchiveAction {
        /// Destroy (vernietigen).
        Destroy,
        /// Keep permanently and transfer to an archive (blijvend bewaren).
        KeepPermanently,
    }
}

/// A period after an event, optionally a range, optionally extended or set by law.
///
/// Registers often give a period without saying from when ("5 jaar"); the event is then absent
/// and a rule asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AfterEvent {
    /// How long after the event (`P0D` for "immediately").
    pub period: Period,
    /// The upper end when the organisation gives a range ("5 tot 7 jaar").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<Period>,
    /// The event the period runs from; absent when the register does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<RetentionEvent>,
    /// The organisation's wording of the event ("na afloop van het event").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_label: Option<String>,
    /// For [`RetentionEvent::SubjectReachesAge`], the age.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    /// An open-ended extension the organisation reserves ("of zoveel langer als nodig voor het
    /// nazenden van informatie"). It makes the limit vague; rules may warn about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_while: Option<String>,
    /// The statute that sets the period, where one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
    /// Whether the register calls the period a *minimum* ("minimale bewaartermijn vanuit de
    /// Archiefwet"). Art 5(1)(e) and Art 30(1)(f) ask for the time limit for erasure, a maximum.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub minimum: bool,
}

/// Kept until an event, with no period after it ("tot ontvangst van de conceptprognose", "tot de
/// zaak is gesloten").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UntilEvent {
    /// The event.
    pub event: RetentionEvent,
    /// The organisation's wording of the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_label: Option<String>,
    /// For [`RetentionEvent::SubjectReachesAge`], the age ("tot de betrokkene 23 jaar wordt").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    /// The statute that sets the limit, where one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
}

/// One case of a retention that depends on a condition or an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionCase {
    /// When this case applies, in the organisation's words ("als de melding in behandeling wordt
    /// genomen", "vergunning geweigerd", "met toestemming").
    pub when: String,
    /// How long in this case; absent when the register names the case but not its term ("als er
    /// geen parkeerrecht was, dan is de bewaartermijn …", or exceptions that extend retention
    /// without a period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
}

/// A retention that depends on a condition or an outcome: "6 maanden; 12 maanden als de melding
/// in behandeling wordt genomen", "verleend 10 jaar, geweigerd 5 jaar", "4 weken, met
/// toestemming 1 jaar".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionalRetention {
    /// The retention when no case applies; absent when the cases cover every outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<Box<Retention>>,
    /// The cases.
    pub cases: Vec<RetentionCase>,
}

/// A category of an Archiefwet selectielijst (e.g. the VNG Selectielijst gemeenten en
/// intergemeentelijke organen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelectionListCategory {
    /// The selectielijst, with its edition.
    pub list: String,
    /// The category (resultaattype) number or name.
    pub category: String,
    /// Destroy or keep permanently.
    pub action: ArchiveAction,
    /// The retention period (archiefactietermijn), for destroy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

/// How long data are kept.
///
/// Written as one key naming the form, for example (YAML):
///
/// ```yaml
/// period:
///   after_event: { period: P1M, event: event_end }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Retention {
    /// A period after an event.
    AfterEvent(AfterEvent),
    /// Until an event, with no period after it.
    UntilEvent(UntilEvent),
    /// Depends on a condition or outcome: one retention per case.
    Conditional(ConditionalRetention),
    /// Per the Archiefwet selectielijst.
    SelectionList(SelectionListCategory),
    /// Kept permanently for archival in the public interest (Archiefwet, Art 89).
    Permanent {
        /// The statute or selectielijst that requires permanent keeping.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        legal_provision: Option<String>,
    },
    /// Only "as long as necessary": the Art 5(1)(e) principle restated, not a time limit.
    /// Allowed as the criteria of Art 13(2)(a) but recognisably vague.
    AsLongAsNecessary {
        /// The criteria used to decide, where any are given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        criteria: Option<String>,
    },
    /// Kept without any limit and without an archival duty ("onbeperkt opgeslagen").
    Unlimited {
        /// Why, in the organisation's words.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

impl Retention {
    /// Whether this retention gives no time limit that can be checked (vague or unlimited).
    pub fn is_open_ended(&self) -> bool {
        match self {
            Self::AsLongAsNecessary { .. } | Self::Unlimited { .. } => true,
            Self::AfterEvent(after) => after.extended_while.is_some(),
            Self::Conditional(conditional) => conditional.all().any(Self::is_open_ended),
            Self::UntilEvent(_) | Self::SelectionList(_) | Self::Permanent { .. } => false,
        }
    }

    /// This retention and, for a conditional one, every retention inside it, depth first.
    pub fn walk(&self) -> impl Iterator<Item = &Retention> {
        // Depth first, without allocating for the usual retention that has no cases.
        let mut next = Some(self);
        let mut stack: Vec<&Retention> = Vec::new();
        std::iter::from_fn(move || {
            let retention = next.take().or_else(|| stack.pop())?;
            if let Self::Conditional(conditional) = retention {
                stack.extend(conditional.all());
            }
            Some(retention)
        })
    }
}

impl ConditionalRetention {
    /// The retentions of every case, then the `otherwise` one.
    pub fn all(&self) -> impl Iterator<Item = &Retention> {
        self.cases
            .iter()
            .filter_map(|case| case.retention.as_ref())
            .chain(self.otherwise.as_deref())
    }
}

/// A retention rule in the catalogue, referenced by activities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionRule {
    /// Stable id referenced by activities.
    pub id: Id,
    /// The organisation's wording ("Aanmeldingen voor (online) bijeenkomsten").
    pub label: String,
    /// How long.
    pub period: Retention,
    /// The data categories the rule covers, by id; empty means every category of the activity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_categories: Vec<Id>,
    /// The document or record type the rule covers, when terms differ per document
    /// ("optiedossier", "akte"); absent means all of the activity's records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<String>,
    /// The systems the rule applies to, by id, when terms differ per system.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<Id>,
    /// Why this term, in the organisation's words ("zodat er nog bezwaar gemaakt kan worden").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// How deletion is enforced (e.g. "automatische verwijdering uit het CRM").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforcement: Option<String>,
}
