//! `statement-cookies-contradicted`: the website places cookies of a class the statement does not
//! mention.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "statement-cookies-contradicted",
    severity: Severity::Error,
    articles: &["Tw art 11.7a(1)", "GDPR Art 13(1)(c)", "GDPR Art 5(1)(a)"],
    summary: "an activity places cookies of a class the statement does not list",
    why: "Placing or reading cookies is allowed only after clear and complete information \
          (Tw art 11.7a(1)). A statement that says \"we use only technical and functional \
          cookies\" while the site also tracks visitors' browsing is neither clear nor complete.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  cookies: { classes: [functional] }\nactivities:\n  - id: website\n    name: Website\n    cookies:\n      - { name: bezoekersstatistiek, class: other_analytics, consent: browser_settings }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  cookies: { classes: [functional, other_analytics] }\nactivities:\n  - id: website\n    name: Website\n    cookies:\n      - { name: bezoekersstatistiek, class: other_analytics, consent: opt_in }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Cookies],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(promise) = ctx.register.statement.as_ref().and_then(|s| s.cookies.as_ref()) else {
        return;
    };
    for activity in ctx.activities() {
        for (i, cookie) in activity.activity.cookies.iter().enumerate() {
            if !promise.classes.contains(&cookie.class) {
                let name = cookie_name(cookie);
                out.push(
                    ctx.finding(
                        &RULE,
                        activity.at_index("cookies", i),
                        message!(
                            "activity {} places a cookie{name} of class `{}`, which the statement does not list",
                            activity.name(),
                            cookie.class
                        ),
                        message!("add `{}` to `statement.cookies.classes` and describe it, or stop placing the cookie", cookie.class),
                    )
                    .related(super::statement_field("cookies"), "the cookie classes the statement lists"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
