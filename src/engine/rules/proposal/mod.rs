//! How a proposed activity goes beyond what the register declares: new data, subjects, purposes,
//! recipients, processors, countries, longer retention, new cookie classes, automated decisions,
//! special categories and lawful bases.

use super::prelude::*;
use crate::engine::index::Indexed;

mod proposal_automated_decisions;
mod proposal_breaks_purpose_limitation;
mod proposal_longer_retention;
mod proposal_new_cookie_class;
mod proposal_new_lawful_basis;
mod proposal_new_special_category;
mod proposal_new_transfer_country;
mod proposal_redeclares_entry;
mod proposal_undeclared_data_category;
mod proposal_undeclared_data_subject;
mod proposal_undeclared_processor;
mod proposal_undeclared_purpose;
mod proposal_undeclared_recipient;

pub(super) static RULES: &[&Rule] = &[
    &proposal_undeclared_data_category::RULE,
    &proposal_undeclared_data_subject::RULE,
    &proposal_undeclared_purpose::RULE,
    &proposal_undeclared_recipient::RULE,
    &proposal_undeclared_processor::RULE,
    &proposal_redeclares_entry::RULE,
    &proposal_new_special_category::RULE,
    &proposal_new_transfer_country::RULE,
    &proposal_longer_retention::RULE,
    &proposal_new_cookie_class::RULE,
    &proposal_automated_decisions::RULE,
    &proposal_new_lawful_basis::RULE,
    &proposal_breaks_purpose_limitation::RULE,
];

/// The proposed activity, when evaluating.
fn proposed<'a>(ctx: &Context<'a>) -> Option<ActivityRef<'a>> {
    ctx.proposal?;
    ctx.activities().next()
}

/// Reports every reference in the proposal's list of `T` that resolves only to an entry the proposal
/// introduces, i.e. that the register does not declare. `describe` adds detail to the message;
/// `hint` says what to do.
fn undeclared<T: Indexed>(
    ctx: &Context<'_>,
    out: &mut Vec<Finding>,
    rule: &'static Rule,
    describe: impl Fn(&T) -> String,
    hint: impl Fn(&T) -> String,
) {
    let Some(activity) = proposed(ctx) else {
        return;
    };
    for (i, id, found) in ctx.resolved::<T>(&activity) {
        let Some(found) = found else {
            continue;
        };
        if found.subject != Subject::Proposal {
            continue;
        }
        out.push(
            ctx.finding(
                rule,
                activity.at_index(T::ACTIVITY_FIELD, i),
                message!(
                    "the {} `{id}`{} is not declared in the register",
                    T::NOUN,
                    describe(found.entry)
                ),
                hint(found.entry),
            )
            .related((found.subject, found.path()), "introduced by the proposal")
            .related(
                (Subject::Register, catalogue_path::<T>(Subject::Register)),
                message!("the register's {}", T::PLURAL),
            ),
        );
    }
}

/// Adds the statement's promise `field` as a related place, when the statement makes one: the
/// promise is what a new kind of processing must be squared with.
fn with_promise(
    ctx: &Context<'_>,
    finding: Finding,
    field: &'static str,
    made: fn(&Statement) -> bool,
    what: &'static str,
) -> Finding {
    if ctx.register.statement.as_ref().is_some_and(made) {
        finding.related(
            (Subject::Register, FieldPath::root().key("statement").key(field)),
            what,
        )
    } else {
        finding
    }
}
