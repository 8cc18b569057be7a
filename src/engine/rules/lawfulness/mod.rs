//! Lawful bases (Art 6), consent (Arts 7 and 8), special categories (Art 9, UAVG arts 22–30), criminal data (Art 10) and national identification numbers (Art 87, UAVG art 46).

use super::prelude::*;
use crate::engine::index::{Found, Indexed};

mod biometric_beyond_authentication;
mod child_consent_without_representative;
mod consent_in_employment;
mod consent_without_withdrawal;
mod contract_basis_subject_not_party;
mod criminal_data_without_basis;
mod lawful_basis_letter_missing;
mod lawful_basis_missing;
mod legal_provision_missing;
mod national_id_without_basis;
mod political_data_not_special;
pub(crate) use political_data_not_special::unmarked_political;
mod legitimate_interest_not_stated;
mod public_authority_consent_for_task;
mod public_authority_legitimate_interests;
mod repealed_law_cited;
mod research_condition_without_safeguards;
mod special_category_condition_without_provision;
mod special_category_without_condition;

pub(super) static RULES: &[&Rule] = &[
    &lawful_basis_missing::RULE,
    &lawful_basis_letter_missing::RULE,
    &legal_provision_missing::RULE,
    &public_authority_legitimate_interests::RULE,
    &public_authority_consent_for_task::RULE,
    &consent_in_employment::RULE,
    &consent_without_withdrawal::RULE,
    &child_consent_without_representative::RULE,
    &contract_basis_subject_not_party::RULE,
    &special_category_without_condition::RULE,
    &special_category_condition_without_provision::RULE,
    &research_condition_without_safeguards::RULE,
    &biometric_beyond_authentication::RULE,
    &political_data_not_special::RULE,
    &criminal_data_without_basis::RULE,
    &national_id_without_basis::RULE,
    &legitimate_interest_not_stated::RULE,
    &repealed_law_cited::RULE,
];

/// The purposes a basis covers: those it lists, or all of the activity's when it lists none,
/// each with its catalogue entry when the id resolves.
fn covered_purposes<'a>(
    ctx: &Context<'a>,
    activity: &ActivityRef<'a>,
    listed: &'a [Id],
) -> Vec<(&'a Id, Option<Found<'a, Purpose>>)> {
    if listed.is_empty() {
        return (ctx.resolved::<Purpose>(activity))
            .map(|(_, id, found)| (id, found))
            .collect();
    }
    (listed.iter())
        .map(|id| (id, ctx.find::<Purpose>(id.as_str())))
        .collect()
}

/// Every consent the activity relies on: Art 6(1)(a) bases and Art 9(2)(a) conditions, each
/// with where it sits, how messages name it, and the purposes it lists (empty: all of them).
fn consents<'a>(activity: &ActivityRef<'a>) -> Vec<((Subject, FieldPath), &'static str, &'a [Id])> {
    let a = activity.activity;
    a.lawful_bases
        .iter()
        .enumerate()
        .filter(|(_, b)| b.basis == Some(LawfulBasisKind::Consent))
        .map(|(i, b)| {
            (
                activity.at_index("lawful_bases", i),
                "consent",
                b.purposes.as_slice(),
            )
        })
        .chain(
            a.special_category_conditions
                .iter()
                .enumerate()
                .filter(|(_, c)| c.condition == Some(SpecialCategoryConditionKind::ExplicitConsent))
                .map(|(j, _)| {
                    (
                        activity.at_index("special_category_conditions", j),
                        "explicit consent for special-category data",
                        &[][..],
                    )
                }),
        )
        .collect()
}

/// The kind of a purpose, when it resolves and has one.
fn kind_of(purpose: &Option<Found<'_, Purpose>>) -> Option<PurposeKind> {
    purpose.as_ref().and_then(|p| p.entry.kind)
}

/// The first data category the activity uses for which `is` holds, with its index in the
/// activity's list.
fn first_category<'a>(
    ctx: &Context<'a>,
    activity: &ActivityRef<'a>,
    is: fn(&DataCategory) -> bool,
) -> Option<(usize, &'a DataCategory)> {
    ctx.data_categories(activity)
        .map(|(i, c)| (i, c.entry))
        .find(|(_, c)| is(c))
}

/// `finding` with the catalogue entry `id` as related location, when it resolves.
fn with_entry<T: Indexed>(
    ctx: &Context<'_>,
    finding: Finding,
    id: &Id,
    message: impl Into<std::borrow::Cow<'static, str>>,
) -> Finding {
    match ctx.find::<T>(id.as_str()) {
        Some(found) => finding.related((found.subject, found.path()), message),
        None => finding,
    }
}

/// A finding at the activity's reference to a data category (its `i`th), with the category's
/// catalogue entry as related location, described as `what` ("biometric data").
fn at_category(
    ctx: &Context<'_>,
    rule: &'static Rule,
    activity: &ActivityRef<'_>,
    (i, category): (usize, &DataCategory),
    what: &str,
    message: String,
    hint: impl Into<std::borrow::Cow<'static, str>>,
) -> Finding {
    let id = &category.id;
    let finding = ctx.finding(rule, activity.at_index("data_categories", i), message, hint);
    with_entry::<DataCategory>(ctx, finding, id, message!("`{id}` is declared as {what}"))
}
