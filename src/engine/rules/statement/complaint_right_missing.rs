//! `complaint-right-missing`: the statement does not tell people they can complain to the
//! supervisory authority.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "complaint-right-missing",
    severity: Severity::Error,
    articles: &["GDPR Art 13(2)(d)", "GDPR Art 14(2)(e)", "GDPR Art 77"],
    summary: "the statement does not mention the right to complain to the supervisory authority",
    why: "Every data subject may lodge a complaint with a supervisory authority — in the \
          Netherlands the Autoriteit Persoonsgegevens (Art 77) — and the privacy statement must \
          say so (Art 13(2)(d)). An internal complaints route does not replace it. A statement that \
          lists no rights but refers to a separate rights document is not checked.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  complaints: { internal: true, supervisory_authority: false }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  complaints: { internal: true, supervisory_authority: true }\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(statement) = &ctx.register.statement else {
        return;
    };
    let named = statement
        .complaints
        .as_ref()
        .is_some_and(|c| c.supervisory_authority)
        || statement
            .rights
            .iter()
            .any(|o| o.right == DataSubjectRight::Complaint)
        || super::defers_rights(statement);
    if !named {
        let field = if statement.complaints.is_some() {
            "complaints"
        } else {
            "rights"
        };
        out.push(ctx.finding(
            &RULE,
            super::statement_field(field),
            "the statement does not mention the right to complain to the supervisory authority",
            "set `statement.complaints.supervisory_authority: true` and name the Autoriteit Persoonsgegevens",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
