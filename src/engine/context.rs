//! What a rule sees: the register, the proposal being evaluated (if any), catalogue lookups that
//! resolve ids in both, and helpers to build findings.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::Facts;
use super::finding::{Finding, Related, Severity, Subject};
use super::index::{CatalogueIndex, Found, Indexed};
use super::rule::Rule;
use crate::model::{DataCategory, Id, LegalRegime, ProcessingActivity, Proposal, Register, SpecialCategory};
use crate::path::{FieldPath, PathSegment};

/// A processing activity with where it sits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActivityRef<'a> {
    pub(crate) activity: &'a ProcessingActivity,
    pub(crate) subject: Subject,
    /// Index in the register's `activities`, or `None` for the proposal's `activity`.
    pub(crate) position: Option<usize>,
}

impl ActivityRef<'_> {
    /// The activity's path segments followed by `rest`, in one allocation: rules build a path for
    /// every reference they look at, so this is on the hot path of linting.
    fn segments_then(&self, rest: &[PathSegment]) -> Vec<PathSegment> {
        // Room for two more segments, which rules often add (`transfers/0/mechanism`).
        let mut segments = Vec::with_capacity(4 + rest.len());
        match self.position {
            Some(i) => {
                segments.push(PathSegment::Key("activities".into()));
                segments.push(PathSegment::Index(i));
            }
            None => segments.push(PathSegment::Key("activity".into())),
        }
        segments.extend_from_slice(rest);
        segments
    }

    /// A located field of the activity.
    pub(crate) fn at(&self, field: &'static str) -> (Subject, FieldPath) {
        let rest = [PathSegment::Key(field.into())];
        (self.subject, FieldPath::from_segments(self.segments_then(&rest)))
    }

    /// The `i`th element of a list field of the activity.
    pub(crate) fn at_index(&self, field: &'static str, i: usize) -> (Subject, FieldPath) {
        let rest = [PathSegment::Key(field.into()), PathSegment::Index(i)];
        (self.subject, FieldPath::from_segments(self.segments_then(&rest)))
    }

    /// How messages name the activity: its id in backticks, written straight into the message.
    pub(crate) fn name(&self) -> Backticked<'_> {
        Backticked(self.activity.id.as_str())
    }
}

/// An id as messages show it, in backticks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Backticked<'a>(&'a str);

impl std::fmt::Display for Backticked<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("`")?;
        f.write_str(self.0)?;
        f.write_str("`")
    }
}

/// The proposal being evaluated, with its own catalogue entries indexed.
#[derive(Debug)]
pub(crate) struct ProposalContext<'a> {
    pub(crate) proposal: &'a Proposal,
    pub(crate) index: CatalogueIndex<'a>,
}

/// What a rule sees.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub(crate) register: &'a Register,
    pub(crate) index: &'a CatalogueIndex<'a>,
    /// Facts about the whole register, gathered on first use (see [`Context::facts`]).
    pub(crate) facts: &'a OnceLock<Facts>,
    /// For each of the register's data categories, whether it speaks of political opinions
    /// while it is not marked special.
    pub(crate) unmarked_political: &'a [bool],
    pub(crate) proposal: Option<&'a ProposalContext<'a>>,
    /// What the activities use, resolved once for the rules that share it.
    pub(crate) uses: &'a crate::engine::rules::Uses<'a>,
    /// The activities activity rules check (see [`Context::activities`]), listed once per run.
    pub(crate) checked: &'a [ActivityRef<'a>],
}

/// The register's activities, as a lint checks them.
pub(crate) fn register_activities(register: &Register) -> Vec<ActivityRef<'_>> {
    (register.activities.iter().enumerate())
        .map(|(i, activity)| ActivityRef {
            activity,
            subject: Subject::Register,
            position: Some(i),
        })
        .collect()
}

impl<'a> ActivityRef<'a> {
    /// The proposal's activity, as an evaluation checks it.
    pub(crate) fn proposed(proposal: &'a Proposal) -> Self {
        Self {
            activity: &proposal.activity,
            subject: Subject::Proposal,
            position: None,
        }
    }
}

impl<'a> Context<'a> {
    /// The activities activity rules check: the register's when linting, the proposed one when
    /// evaluating. Listed once per run: every rule asks.
    pub(crate) fn activities(&self) -> std::iter::Copied<std::slice::Iter<'a, ActivityRef<'a>>> {
        self.checked.iter().copied()
    }

    /// The activities the GDPR governs: [`Context::activities`] without those under the Police
    /// Data Act or the Judicial Data Act, which fall outside it (GDPR Art 2(2)(d)) and so need no
    /// Art 6, 9 or 10 ground.
    pub(crate) fn gdpr_activities(&self) -> impl Iterator<Item = ActivityRef<'a>> + use<'a> {
        self.activities()
            .filter(|a| matches!(a.activity.regime, None | Some(LegalRegime::Gdpr)))
    }

    /// Facts about the whole register that proposal rules compare against.
    pub(crate) fn facts(&self) -> &'a Facts {
        self.facts.get_or_init(|| Facts::new(self.register, self.index))
    }

    /// Whether the controller is a public authority.
    pub(crate) fn public_authority(&self) -> bool {
        self.register.controller.public_authority
    }

    /// Looks an id up in the register's catalogues, then in the proposal's own entries.
    pub(crate) fn find<T: Indexed>(&self, id: &str) -> Option<Found<'a, T>> {
        if let Some((position, entry)) = T::lookup(self.index).get(id) {
            return Some(Found {
                entry,
                subject: Subject::Register,
                position,
            });
        }
        let proposal = self.proposal?;
        let (position, entry) = T::lookup(&proposal.index).get(id)?;
        Some(Found {
            entry,
            subject: Subject::Proposal,
            position,
        })
    }

    /// The entry at `position` in `subject`'s catalogue of `T`.
    pub(crate) fn entry_at<T: Indexed>(&self, subject: Subject, position: usize) -> Option<Found<'a, T>> {
        let index = match subject {
            Subject::Register => self.index,
            Subject::Proposal => &self.proposal?.index,
        };
        Some(Found {
            entry: T::lookup(index).items().get(position)?,
            subject,
            position,
        })
    }

    /// The activity's references to `T` in its own list of them (`data_categories` for data
    /// categories, `retention` for retention rules …), each with its index in the list and its
    /// entry when the id resolves. Resolved once per run for the activities rules check (see
    /// [`Context::activities`]); rules read them here rather than looking the ids up again.
    pub(crate) fn resolved<T: Indexed + 'a>(
        &self,
        activity: &ActivityRef<'a>,
    ) -> impl Iterator<Item = (usize, &'a Id, Option<Found<'a, T>>)> + use<'_, 'a, T> {
        crate::engine::rules::resolved(self, self.uses.references(), activity)
    }

    /// The activity's references to `T` that resolve, with their index in its list.
    pub(crate) fn resolved_entries<T: Indexed + 'a>(
        &self,
        activity: &ActivityRef<'a>,
    ) -> impl Iterator<Item = (usize, Found<'a, T>)> + use<'_, 'a, T> {
        self.resolved::<T>(activity)
            .filter_map(|(i, _, found)| Some((i, found?)))
    }

    /// What the entries the activity uses say about it (data kinds, special categories, purpose
    /// and recipient kinds …), gathered once per run.
    pub(crate) fn profile(&self, activity: &ActivityRef<'a>) -> crate::engine::rules::Profile {
        self.uses.references().profile(self, activity)
    }

    /// The activity's data categories that resolve, with their index in the activity's list.
    pub(crate) fn data_categories(
        &self,
        activity: &ActivityRef<'a>,
    ) -> impl Iterator<Item = (usize, Found<'a, DataCategory>)> + use<'_, 'a> {
        self.resolved_entries::<DataCategory>(activity)
    }

    /// The activity's special categories, with the index of the data category that carries each.
    pub(crate) fn special_categories(
        &self,
        activity: &ActivityRef<'a>,
    ) -> impl Iterator<Item = (usize, &'a DataCategory, SpecialCategory)> + use<'_, 'a> {
        self.data_categories(activity)
            .flat_map(|(i, c)| c.entry.special_categories().map(move |s| (i, c.entry, s)))
    }

    /// A finding of `rule` at `at`.
    pub(crate) fn finding(
        &self,
        rule: &'static Rule,
        at: (Subject, FieldPath),
        message: impl Into<Cow<'static, str>>,
        hint: impl Into<Cow<'static, str>>,
    ) -> Finding {
        Finding {
            rule: rule.id,
            severity: rule.severity,
            articles: rule.articles,
            subject: at.0,
            path: at.1,
            message: message.into(),
            explanation: rule.why,
            hint: hint.into(),
            related: Vec::new(),
        }
    }
}

impl Finding {
    /// The same finding at another severity than the rule's default, for a rule whose case
    /// decides how serious it is.
    #[must_use]
    pub(crate) fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Adds a related location.
    #[must_use]
    pub(crate) fn related(mut self, at: (Subject, FieldPath), message: impl Into<Cow<'static, str>>) -> Self {
        self.related.push(Related {
            subject: at.0,
            path: at.1,
            message: message.into(),
        });
        self
    }
}
