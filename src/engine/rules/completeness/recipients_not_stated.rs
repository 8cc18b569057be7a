//! `recipients-not-stated`: every activity must say who receives its data, or that nobody does.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "recipients-not-stated",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)(d)", "GDPR Art 13(1)(e)"],
    summary: "an activity does not state its recipients, not even that there are none",
    why: "The register must name the categories of recipients to whom the data are or will be \
          disclosed (Art 30(1)(d)), and the statement must tell data subjects the same \
          (Art 13(1)(e)). A register that leaves the field empty, or writes \"niet vermeld\", has \
          not answered the question: that is different from saying that nobody receives the data, \
          which is written `recipients: none`.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: leerlingenvervoer\n    name: Leerlingenvervoer\n    # Ontvangers: (leeg)\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: leerlingenvervoer\n    name: Leerlingenvervoer\n    recipients: [vervoerder]\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        if activity.activity.recipients.is_not_stated() {
            out.push(ctx.finding(
                &RULE,
                activity.at("recipients"),
                message!("activity {} does not state its recipients", activity.name()),
                "list the recipients under `recipients`, declared in `catalogues.recipients`, or write `recipients: none` if nobody receives the data",
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
