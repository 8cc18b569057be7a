//! `list-given-as-examples`: an Art 30(1) list the register gives only as examples.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "list-given-as-examples",
    severity: Severity::Info,
    articles: &["GDPR Art 30(1)(b)", "GDPR Art 30(1)(c)", "GDPR Art 30(1)(d)"],
    summary: "an activity gives a list only as examples (\"bijvoorbeeld\", \"onder andere\")",
    why: "The register describes the categories of data subjects, of personal data and of \
          recipients, and the purposes (Art 30(1)(b)–(d)). A list introduced with \"bijvoorbeeld\" \
          or \"onder andere\" names some of them and leaves the rest unsaid, so neither a reader \
          nor a rule can rely on it being complete. Worth completing; nothing in the items given \
          is wrong.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: infectieziekten\n    name: Infectieziektebestrijding\n    recipients: [medebehandelaars, laboratoria, rivm]\n    examples_only: [recipients]   # \"bijvoorbeeld met medebehandelaars, laboratoria, RIVM\"\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: infectieziekten\n    name: Infectieziektebestrijding\n    recipients: [medebehandelaars, laboratoria, rivm, ggd_elders]\n",
    scope: Scope::Activity,
    triggers: &[Trigger::ExamplesOnly],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    // Art 30 is the GDPR's; activities under the Police Data Act keep their own record.
    for activity in ctx.gdpr_activities() {
        for (i, list) in activity.activity.examples_only.iter().enumerate() {
            let (subject, path) = activity.at_index("examples_only", i);
            out.push(ctx.finding(
                &RULE,
                (subject, path),
                message!("activity {} gives its `{list}` only as examples", activity.name()),
                message!("list every item under `{list}` and remove `{list}` from `examples_only`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
