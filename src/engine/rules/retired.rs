//! Rules that were renamed or removed. Their ids stay reserved and known, so a `ropa.toml`
//! override or suppression that names one gets a message saying what happened and what to write
//! instead, not "unknown rule" (as clippy keeps its deprecated and renamed lints).

/// A rule id that is no longer in use.
#[derive(Debug)]
#[non_exhaustive]
pub struct RetiredRule {
    /// The id as it was.
    pub id: &'static str,
    /// The rule that took its place, when it was renamed or folded into another.
    pub replaced_by: Option<&'static str>,
    /// Why, in one sentence.
    pub reason: &'static str,
    /// The ropa version that retired it.
    pub retired_in: &'static str,
}

/// Every retired rule id. Ids are never reused: a test keeps these apart from [`super::RULES`].
pub static RETIRED: &[RetiredRule] = &[RetiredRule {
    id: "data-category-scope-outside-activity",
    replaced_by: Some("scope-outside-activity"),
    reason: "it became one rule for every scope that names a data category, data subject, purpose or recipient the activity does not list",
    retired_in: "0.1.0",
}];

/// The retired rule with this id, if there is one.
pub fn retired_rule(id: &str) -> Option<&'static RetiredRule> {
    RETIRED.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retired_ids_are_not_reused_and_point_at_rules_that_exist() {
        for retired in RETIRED {
            assert!(
                super::super::rule(retired.id).is_none(),
                "{} is in use again",
                retired.id
            );
            if let Some(replacement) = retired.replaced_by {
                assert!(
                    super::super::rule(replacement).is_some(),
                    "{replacement} does not exist"
                );
            }
        }
    }
}
