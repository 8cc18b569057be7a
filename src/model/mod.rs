//! The typed domain model: a register of processing activities (GDPR Art 30), the public
//! statement's commitments, and proposals for new processing.
//!
//! The model is plain data with invariants enforced by its value types ([`Id`], [`Period`],
//! [`CountryCode`], [`Date`]). It knows nothing of files, formats or the command line; the
//! [`source`](crate::source) module loads it from YAML, TOML and JSON, and the validation engine
//! reasons over it.
//!
//! Closed lists the law gives (Art 6(1) bases, Art 9(1) categories, Art 9(2) conditions, Art 28(3)
//! clauses, Chapter V mechanisms, rights) are enums with one snake_case form; open lists (the
//! organisation's data categories, purposes, recipients) are catalogue entries with ids and labels
//! in the organisation's language.

mod activity;
mod catalogue;
mod law;
mod listed;
pub(crate) mod macros;
mod parties;
mod retention;
mod statement;
mod values;

pub use activity::*;
pub use catalogue::*;
pub use law::*;
pub use listed::*;
pub use parties::*;
pub use retention::*;
pub use statement::*;
pub use values::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Facts about the register document itself.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterInfo {
    /// Title of the register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Version or date of the register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// Language of the labels (BCP 47, e.g. `nl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Whether the register is known to be incomplete (published registers sometimes say so).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub incomplete: bool,
    /// The number of activities the published register says it holds ("Totaal: 114"), which
    /// may differ from the number written here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_activity_count: Option<u32>,
    /// Where the source material came from (the published statement this register was built
    /// from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The catalogues an activity's ids refer to. A register has one; a proposal may carry entries
/// it introduces.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogues {
    /// Categories of data subjects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_subjects: Vec<DataSubject>,
    /// Categories of personal data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_categories: Vec<DataCategory>,
    /// Purposes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Purpose>,
    /// Recipients and categories of recipients.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
    /// Processors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub processors: Vec<Processor>,
    /// Retention rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retention_rules: Vec<RetentionRule>,
    /// Security measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_measures: Vec<SecurityMeasure>,
    /// Information systems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systems: Vec<System>,
}

impl Catalogues {
    /// Whether no catalogue has an entry (as a proposal that introduces nothing).
    pub fn is_empty(&self) -> bool {
        self.data_subjects.is_empty()
            && self.data_categories.is_empty()
            && self.purposes.is_empty()
            && self.recipients.is_empty()
            && self.processors.is_empty()
            && self.retention_rules.is_empty()
            && self.security_measures.is_empty()
            && self.systems.is_empty()
    }
}

/// Facts that hold for every activity unless the activity says otherwise, so that a register
/// does not repeat them per activity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityDefaults {
    /// The basis for using the BSN in every activity that processes it (for a Dutch
    /// administrative body usually Wabb art 10), UAVG art 46.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_id_basis: Option<NationalIdBasis>,
    /// The security measures that apply to every activity (the organisation's baseline), by id,
    /// Art 30(1)(g).
    #[serde(default, skip_serializing_if = "Listed::is_not_stated")]
    pub security_measures: Listed<Id>,
}

impl ActivityDefaults {
    /// The BSN basis that applies to `activity`: its own, or the register's default.
    pub fn national_id_basis<'a>(&'a self, activity: &'a ProcessingActivity) -> Option<&'a NationalIdBasis> {
        activity
            .national_id_basis
            .as_ref()
            .or(self.national_id_basis.as_ref())
    }

    /// The security measures that apply to `activity`: its own when it states them, else the
    /// register's default.
    pub fn security_measures<'a>(&'a self, activity: &'a ProcessingActivity) -> &'a Listed<Id> {
        if activity.security_measures.is_stated() {
            &activity.security_measures
        } else {
            &self.security_measures
        }
    }
}

/// A register of processing activities (Art 30) with the statement's commitments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Register {
    /// The JSON Schema the file follows, for editors (`"$schema": ".../register.schema.json"`);
    /// ropa itself does not read it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Facts about the register document.
    #[serde(default, skip_serializing_if = "is_default")]
    pub register: RegisterInfo,
    /// The controller, Art 30(1)(a).
    pub controller: Controller,
    /// The public statement's commitments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Statement>,
    /// The catalogues activities refer to.
    #[serde(default, skip_serializing_if = "is_default")]
    pub catalogues: Catalogues,
    /// Facts that hold for every activity unless it says otherwise.
    #[serde(default, skip_serializing_if = "is_default")]
    pub defaults: ActivityDefaults,
    /// The processing activities, Art 30(1).
    #[serde(default, deserialize_with = "presized")]
    pub activities: Vec<ProcessingActivity>,
    /// Processing carried out as a processor on behalf of other controllers, Art 30(2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub processing_on_behalf: Vec<ProcessingOnBehalf>,
}

/// A proposed processing activity, to be checked against a register before it is built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// The JSON Schema the file follows, for editors; ropa itself does not read it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Why the processing is wanted, in the proposer's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    /// Catalogue entries the proposal introduces (new data categories, purposes, recipients,
    /// retention rules). References in the activity resolve against the register's catalogues
    /// and these; anything found only here goes beyond the register.
    #[serde(default, skip_serializing_if = "is_default")]
    pub introduces: Catalogues,
    /// The proposed activity.
    pub activity: ProcessingActivity,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Reads a list into one allocation of the length its reader announces. serde's own reading
/// reserves at most a megabyte up front, and an activity takes over a kilobyte: a register's
/// activities were copied four times over as their list grew. The length is believed up to
/// [`PRESIZED_BYTES`] of room: ropa's loader announces only what it has already read, but a
/// short file can list many small values where activities belong.
fn presized<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Presized<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Presized<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let most = PRESIZED_BYTES / std::mem::size_of::<T>().max(1);
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(most));
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(Presized(std::marker::PhantomData))
}

/// The most room [`presized`] reserves for an announced length, in bytes (about 29 000
/// activities; a longer list grows from there).
const PRESIZED_BYTES: usize = 32 << 20;
