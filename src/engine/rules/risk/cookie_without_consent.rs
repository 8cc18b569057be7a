//! `cookie-without-consent`: cookies that the Telecommunicatiewet does not exempt need prior
//! opt-in consent.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "cookie-without-consent",
    severity: Severity::Error,
    articles: &["Tw art 11.7a(1)", "GDPR Art 4(11)", "GDPR Art 7"],
    summary: "a cookie that needs consent is placed without prior opt-in consent",
    why: "Placing or reading a cookie is allowed only with the user's consent (Tw art 11.7a(1)), \
          except for cookies needed to transmit a communication, functional cookies and analytics \
          with little or no privacy impact (Tw art 11.7a(3)). Consent means GDPR consent: a \
          freely given, specific, informed and unambiguous affirmative act before the cookie is \
          placed (Art 4(11), Art 7). A pre-set cookie the user may switch off, or a pointer to \
          the browser's settings, is not consent (CJEU C-673/17, Planet49).",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: website\n    name: Website\n    cookies:\n      - { name: _ga, class: other_analytics, consent: browser_settings }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: website\n    name: Website\n    cookies:\n      - { name: _ga, class: other_analytics, consent: opt_in }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Cookies],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.activities() {
        for (i, cookie) in activity.activity.cookies.iter().enumerate() {
            // The class the facts allow, not the label: analytics whose data go to the vendor
            // are not exempt however they are labelled.
            let class = super::effective_cookie_class(ctx, cookie);
            if class.exempt_from_consent() {
                continue;
            }
            let how = match cookie.consent {
                CookieConsent::OptIn => continue,
                CookieConsent::BrowserSettings => {
                    "relies on browser settings, which are not consent (CJEU Planet49)"
                }
                CookieConsent::OptOut => {
                    "is placed by default with only a way to refuse it, which is not consent (CJEU Planet49)"
                }
                CookieConsent::NotAsked => "is placed without asking consent",
            };
            let name = cookie_name(cookie);
            let (subject, path) = activity.at_index("cookies", i);
            out.push(ctx.finding(
                &RULE,
                (subject, path.key("consent")),
                message!(
                    "the `{class}` cookie{name} of activity {} {how}",
                    activity.name()
                ),
                "ask consent before the cookie is placed, through a banner with an unticked choice, and write `consent: opt_in`; otherwise stop placing it",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    /// The example's cookie with another class and consent.
    fn place(class: &str, consent: CookieConsent) -> String {
        RULE.non_compliant.replace(
            "class: other_analytics, consent: browser_settings",
            &format!("class: {class}, consent: {consent}"),
        )
    }

    rule_tests!(RULE);

    #[test]
    fn opt_out_and_not_asked_are_not_consent() {
        for consent in [CookieConsent::OptOut, CookieConsent::NotAsked] {
            let r = parse(&place("tracking_and_marketing", consent));
            let findings = findings_of(&RULE, &r, None);
            assert_eq!(findings.len(), 1, "{consent}");
            assert_eq!(findings[0].path.to_string(), "/activities/0/cookies/0/consent");
            insta::assert_snapshot!(consent.to_string(), findings[0].message.as_ref());
        }
    }

    #[test]
    fn exempt_cookies_need_no_consent() {
        let r = parse(&place("strictly_necessary", CookieConsent::NotAsked));
        assert!(findings_of(&RULE, &r, None).is_empty());
    }
}
