//! `response-time-too-long`: the statement promises to answer rights requests later than the law
//! allows.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "response-time-too-long",
    severity: Severity::Error,
    articles: &["GDPR Art 12(3)"],
    summary: "the promised response time for rights requests is longer than one month",
    why: "A controller must act on a request without undue delay and at the latest within one \
          month of receiving it (Art 12(3)). The month may be extended by two more only for \
          complex or numerous requests, case by case, telling the requester within the first \
          month — never as a standing term.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  response_time: P6W\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  response_time: P1M\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

/// One month, at its longest.
const ONE_MONTH_DAYS: u64 = 31;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(period) = ctx.register.statement.as_ref().and_then(|s| s.response_time) else {
        return;
    };
    if period.max_days() > ONE_MONTH_DAYS {
        out.push(ctx.finding(
            &RULE,
            super::statement_field("response_time"),
            message!("the statement promises to respond within `{period}`, longer than one month"),
            "promise a response within one month (`P1M`); extend only case by case, as Art 12(3) allows",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
