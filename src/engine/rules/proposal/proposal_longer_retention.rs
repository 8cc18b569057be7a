//! `proposal-longer-retention`: the proposal keeps data longer than the register does.

use crate::engine::rules::prelude::*;
use crate::engine::rules::{retention_event, retention_limit};

pub(crate) static RULE: Rule = Rule {
    id: "proposal-longer-retention",
    severity: Severity::Error,
    articles: &["GDPR Art 5(1)(e)", "GDPR Art 30(1)(f)", "GDPR Art 13(2)(a)"],
    summary: "the proposal keeps a category of data longer than the register does",
    why: "Data may be kept no longer than necessary (Art 5(1)(e)), and the register and statement \
          give the time limits (Arts 30(1)(f), 13(2)(a)). A proposal that keeps the same data \
          longer after the same event — or without any limit — goes beyond what was declared and \
          needs its own justification. Periods after different events are not compared.",
    non_compliant: r#"introduces:
  retention_rules:
    - { id: portaal_20j, label: Twintig jaar, period: { after_event: { period: P20Y, event: case_closed } } }
activity:
  id: portaal
  name: Portaal
  data_categories: [naam]
  retention: [portaal_20j]
"#,
    compliant: r#"activity:
  id: portaal
  name: Portaal
  data_categories: [naam]
  retention: [wmo_dossier]
"#,
    scope: Scope::Proposal,
    triggers: &[Trigger::IntroducedEntries],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(activity) = super::proposed(ctx) else {
        return;
    };
    for (r, id, found) in ctx.resolved::<RetentionRule>(&activity) {
        let Some(found) = found else {
            continue;
        };
        if found.subject != Subject::Proposal {
            continue;
        }
        let rule = found.entry;
        let limit = retention_limit(&rule.period);
        let event = retention_event(&rule.period);
        let categories = if rule.data_categories.is_empty() {
            activity.activity.data_categories.items()
        } else {
            &rule.data_categories
        };
        for category in categories {
            let Some((declared, position)) = ctx
                .facts()
                .longest_retention
                .get(&(category.as_str().into(), event))
            else {
                continue;
            };
            let message = match limit {
                None => message!(
                    "the proposal keeps `{category}` without a time limit (`{id}`), where the register keeps it at most `{declared}`"
                ),
                Some(limit) if limit.max_days() > declared.max_days() => message!(
                    "the proposal keeps `{category}` for `{limit}` (`{id}`), longer than the register's `{declared}`"
                ),
                Some(_) => continue,
            };
            out.push(
                ctx.finding(
                    &RULE,
                    activity.at_index("retention", r),
                    message,
                    "use the register's retention rule for this data, or justify and declare the longer period",
                )
                .related(
                    (Subject::Register, catalogue_path::<RetentionRule>(Subject::Register).index(*position)),
                    "the register's longest retention for this data",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
