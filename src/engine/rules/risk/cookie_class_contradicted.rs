//! `cookie-class-contradicted`: a cookie labelled privacy-friendly analytics whose recorded facts
//! say otherwise.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "cookie-class-contradicted",
    severity: Severity::Error,
    articles: &["Tw art 11.7a(3)(c)", "Tw art 11.7a(1)"],
    summary: "a cookie is labelled privacy-friendly analytics but its facts break the AP's conditions",
    why: "Analytics cookies are exempt from consent only when they have no or minor consequences \
          for privacy (Tw art 11.7a(3)(c)). The Autoriteit Persoonsgegevens sets the conditions: a \
          processor agreement, the last octet of the IP address masked, data sharing with the \
          vendor switched off, no combination with other services. A label cannot make analytics \
          privacy-friendly; the facts recorded with the cookie decide, and the cookie is treated \
          as other analytics (consent needed) when they contradict the label.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    cookies:\n      - { name: _ga, class: privacy_friendly_analytics, consent: not_asked, shared_with_vendor: true }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    cookies:\n      - { name: _pk_id, class: privacy_friendly_analytics, consent: not_asked, ip_masked: true, shared_with_vendor: false, processor: statistiekdienst }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Cookies],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.activities() {
        for (i, cookie) in activity.activity.cookies.iter().enumerate() {
            let Some(why) = super::cookie_class_contradiction(ctx, cookie) else {
                continue;
            };
            let name = cookie_name(cookie);
            let (subject, path) = activity.at_index("cookies", i);
            out.push(ctx.finding(
                &RULE,
                (subject, path.key("class")),
                message!(
                    "the cookie{name} of activity {} is labelled `privacy_friendly_analytics`, but {why}",
                    activity.name()
                ),
                "meet the AP's conditions (processor agreement, `ip_masked: true`, `shared_with_vendor: false`), or set `class: other_analytics` and ask consent (`consent: opt_in`)",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    /// The contradiction reaches the consent rule: the cookie needs consent like other analytics.
    #[test]
    fn contradicted_analytics_need_consent() {
        let r = parse(&RULE.compliant.replace("ip_masked: true", "ip_masked: false"));
        assert_eq!(findings_of(&RULE, &r, None).len(), 1);
        let consent = crate::engine::rules::rule("cookie-without-consent").expect("rule");
        let findings = findings_of(consent, &r, None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .starts_with("the `other_analytics` cookie `_pk_id`"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn a_processor_without_agreement_contradicts_the_label() {
        let text = RULE.compliant.replace(
            "activities:",
            "catalogues:\n  processors:\n    - { id: statistiekdienst, name: Statistiek B.V., locations: [NL] }\nactivities:",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.ends_with("has no processor agreement"),
            "{}",
            findings[0].message
        );
    }
}
