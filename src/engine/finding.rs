//! Findings: what a rule reports, as plain serialisable data. A finding names its places by
//! field path; the engine neither knows files nor renders. Reports resolve the paths to file
//! positions ([`report::locate`](crate::report::locate)) and turn findings into text, JSON or
//! SARIF.

use std::borrow::Cow;
use std::cmp::Ordering;

use schemars::JsonSchema;
use serde::Serialize;

use crate::path::FieldPath;

crate::model::macros::list_enum! {
    /// How serious a finding is.
    pub enum Severity {
        /// Worth knowing; not a problem by itself.
        Info,
        /// A likely problem, or a "where possible" item missing.
        Warning,
        /// A clear breach of the law or a missing mandatory item.
        Error,
    }
}

crate::model::macros::list_enum! {
    /// Which document a path points into.
    pub enum Subject {
        /// The register.
        Register,
        /// The proposal being evaluated.
        Proposal,
    }
}

/// Another place that explains a finding: the statement commitment a proposal contradicts, the
/// catalogue a reference should have matched.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct Related {
    /// Which document.
    pub subject: Subject,
    /// The field.
    pub path: FieldPath,
    /// What it is.
    pub message: Cow<'static, str>,
}

/// One problem a rule found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct Finding {
    /// The rule's stable id, e.g. `special-category-without-condition`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The GDPR, UAVG or other articles it concerns.
    pub articles: &'static [&'static str],
    /// Which document the path points into.
    pub subject: Subject,
    /// The field the finding is about.
    pub path: FieldPath,
    /// One line: what is wrong here.
    // Borrowed when the rule's wording needs no values, so a finding costs no copy of it.
    pub message: Cow<'static, str>,
    /// Why it matters, in plain words.
    pub explanation: &'static str,
    /// How to fix it.
    pub hint: Cow<'static, str>,
    /// Other places that explain it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

impl Finding {
    /// The order findings are reported in: by document, then field path (so findings read top to
    /// bottom), then rule and message. Deterministic for the same input.
    pub fn report_order(&self, other: &Self) -> Ordering {
        (self.subject, &self.path, self.rule, &self.message).cmp(&(
            other.subject,
            &other.path,
            other.rule,
            &other.message,
        ))
    }
}
