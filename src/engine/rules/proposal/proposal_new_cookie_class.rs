//! `proposal-new-cookie-class`: the proposal places a class of cookie the register's activities do
//! not.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-new-cookie-class",
    severity: Severity::Error,
    articles: &["Tw art 11.7a", "GDPR Art 13(1)(c)"],
    summary: "the proposal places a class of cookie the register's activities do not",
    why: "Which cookies a site places decides whether consent is needed (Tw art 11.7a) and what \
          the cookie statement must say. A new class — analytics that is not privacy-friendly, \
          or tracking by embedded content — changes both.",
    non_compliant: "activity:\n  id: video\n  name: Video's op de website\n  cookies:\n    - { name: youtube, class: tracking_and_marketing, consent: opt_in }\n",
    compliant: "activity:\n  id: video\n  name: Video's op de website\n  cookies:\n    - { name: youtube-nocookie, class: functional, consent: not_asked }\n",
    scope: Scope::Proposal,
    triggers: &[Trigger::Cookies],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(activity) = super::proposed(ctx) else {
        return;
    };
    for (i, cookie) in activity.activity.cookies.iter().enumerate() {
        if ctx.facts().cookie_classes.contains(cookie.class) {
            continue;
        }
        let finding = ctx.finding(
            &RULE,
            activity.at_index("cookies", i),
            message!("the proposal places a cookie of class `{}`, which no activity in the register places", cookie.class),
            "update the cookie statement (and ask consent where the class needs it) before placing it, or use a class already in use",
        );
        out.push(super::with_promise(
            ctx,
            finding,
            "cookies",
            |s| s.cookies.is_some(),
            "the cookie classes the statement lists",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
