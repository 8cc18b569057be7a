//! The privacy statement's commitments against the activities, and the rights it offers
//! (Arts 12–22, 77).

use super::prelude::*;

mod art30_exemption_claimed_wrongly;
mod complaint_right_missing;
mod data_sources_not_stated;
mod objection_right_not_offered;
mod portability_offered_without_basis;
mod provision_requirement_not_stated;
mod response_time_too_long;
mod statement_automated_decisions_contradicted;
mod statement_cookies_contradicted;
mod statement_rights_incomplete;
mod statement_sharing_contradicted;
mod statement_special_categories_contradicted;
mod statement_transfers_contradicted;
mod withdrawal_right_not_offered;

pub(super) static RULES: &[&Rule] = &[
    &statement_special_categories_contradicted::RULE,
    &statement_sharing_contradicted::RULE,
    &statement_transfers_contradicted::RULE,
    &statement_automated_decisions_contradicted::RULE,
    &statement_cookies_contradicted::RULE,
    &withdrawal_right_not_offered::RULE,
    &statement_rights_incomplete::RULE,
    &objection_right_not_offered::RULE,
    &portability_offered_without_basis::RULE,
    &complaint_right_missing::RULE,
    &response_time_too_long::RULE,
    &art30_exemption_claimed_wrongly::RULE,
    &provision_requirement_not_stated::RULE,
    &data_sources_not_stated::RULE,
];

/// The path of a statement field, in the register.
fn statement_field(field: &'static str) -> (Subject, FieldPath) {
    (Subject::Register, FieldPath::root().key("statement").key(field))
}

/// Whether the statement lists no rights itself but refers to a separate document for them
/// ("De rechten … zijn opgenomen in het document 'Privacyrechten'"), which ropa cannot read: the
/// rights rules then stay silent rather than guess.
fn defers_rights(statement: &Statement) -> bool {
    statement.rights.is_empty() && statement.rights_document.is_some()
}

/// Whether the statement offers `right`.
fn offers(statement: &Statement, right: DataSubjectRight) -> bool {
    statement.rights.iter().any(|offer| offer.right == right)
}

/// Reports a right the statement must offer because some activity relies on one of `bases`,
/// at the statement's `rights`, with the first such activity as related location.
fn require_right(
    ctx: &Context<'_>,
    out: &mut Vec<Finding>,
    rule: &'static Rule,
    right: DataSubjectRight,
    applies: fn(&ProcessingActivity) -> bool,
    why: &str,
) {
    let Some(statement) = &ctx.register.statement else {
        return;
    };
    if offers(statement, right) || defers_rights(statement) {
        return;
    }
    let Some((i, activity)) = ctx
        .register
        .activities
        .iter()
        .enumerate()
        .find(|(_, a)| applies(a))
    else {
        return;
    };
    out.push(
        ctx.finding(
            rule,
            statement_field("rights"),
            message!(
                "the statement does not offer the right `{right}`, though activity `{}` {why}",
                activity.id
            ),
            message!("add `- {{ right: {right} }}` to `statement.rights`, with how to exercise it"),
        )
        .related(
            (Subject::Register, FieldPath::root().key("activities").index(i)),
            message!("activity `{}`", activity.id),
        ),
    );
}
