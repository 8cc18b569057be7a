//! `activity-without-data-subjects`: every activity must say whose data it processes.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "activity-without-data-subjects",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(c)"],
    summary: "an activity names no category of data subjects",
    why: "The register must describe the categories of data subjects of each activity (Art 30(1)(c)). Whose data are processed decides which rights apply, whether children are involved and whether a DPIA is needed.",
    non_compliant: "activities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    data_subjects: []\n",
    compliant: "activities:\n  - id: aanmelden\n    name: Aanmelden bijeenkomsten\n    data_subjects: [deelnemers]\n",
    scope: Scope::Activity,
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::require_list(
        ctx,
        out,
        &RULE,
        "data_subjects",
        |a| a.data_subjects.is_empty(),
        "names no category of data subjects",
        "add the data subject ids under `data_subjects`, declared in `catalogues.data_subjects`",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(
        RULE,
        fire = |r| r.activities[0].data_subjects.clear(),
        silent = |r| {
            let kept = r.activities[0].data_subjects[0].clone();
            r.activities[0].data_subjects = vec![kept];
        }
    );
}
