//! Art 30(1) completeness and the integrity of the register's references.

use super::prelude::*;

mod activity_without_data_categories;
mod activity_without_data_subjects;
mod activity_without_purpose;
mod controller_contact_missing;
mod dangling_catalogue_reference;
pub(super) mod dangling_reference;
mod dpo_contact_missing;
mod duplicate_id;
mod list_given_as_examples;
mod public_authority_without_dpo;
mod recipient_role_unclassified;
mod recipients_not_stated;
mod scope_outside_activity;
mod transfers_not_stated;
mod unclassified_text;
mod unused_catalogue_entry;

pub(super) static RULES: &[&Rule] = &[
    &controller_contact_missing::RULE,
    &public_authority_without_dpo::RULE,
    &activity_without_purpose::RULE,
    &activity_without_data_subjects::RULE,
    &activity_without_data_categories::RULE,
    &recipients_not_stated::RULE,
    &transfers_not_stated::RULE,
    &recipient_role_unclassified::RULE,
    &list_given_as_examples::RULE,
    &scope_outside_activity::RULE,
    &duplicate_id::RULE,
    &dangling_reference::RULE,
    &dangling_catalogue_reference::RULE,
    &unused_catalogue_entry::RULE,
    &dpo_contact_missing::RULE,
    &unclassified_text::RULE,
];

/// Reports every activity that does not state the Art 30(1) list `field` (its `item`, e.g.
/// "purposes"), or states that it has none, which no activity can truthfully say of these items.
fn require_list(
    ctx: &Context<'_>,
    out: &mut Vec<Finding>,
    rule: &'static Rule,
    field: &'static str,
    list: fn(&ProcessingActivity) -> &Listed<Id>,
    item: &str,
    hint: &'static str,
) {
    for activity in ctx.activities() {
        let message = match list(activity.activity) {
            Listed::Items(_) => continue,
            Listed::NotStated => message!("activity {} does not state its {item}", activity.name()),
            Listed::None => message!("activity {} says it has no {item}", activity.name()),
        };
        out.push(ctx.finding(rule, activity.at(field), message, hint));
    }
}
