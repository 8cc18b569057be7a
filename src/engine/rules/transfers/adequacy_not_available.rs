//! `adequacy-not-available`: a transfer relies on an adequacy decision that does not cover its
//! destination or recipient.

use super::adequacy::{AdequacyScope, Coverage};
use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "adequacy-not-available",
    severity: Severity::Error,
    articles: &["GDPR Art 45", "GDPR Art 44"],
    summary: "a transfer relies on an adequacy decision that does not cover the destination",
    why: "A transfer may rely on Art 45 only where a Commission adequacy decision in force covers \
          the destination. The Commission has adopted decisions for a short list of countries, \
          some with a limited scope or an expiry date. The United States is covered only through \
          the EU–US Data Privacy Framework decision of 10 July 2023, and only for organisations \
          certified under it; every other US transfer needs an Art 46 safeguard or an Art 49 \
          derogation. Adequacy is judged on the later of the register's date (`register.updated`) \
          and the date of the newest decision ropa knows.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: enquete\n    name: Enquête\n    transfers:\n      - { country: US, processor: enquetetool, mechanism: adequacy }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: enquete\n    name: Enquête\n    transfers:\n      - { country: US, processor: enquetetool, mechanism: eu_us_data_privacy_framework }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Transfers],
    since: "0.1.0",
    check,
};

const ADEQUACY_MECHANISMS: [TransferMechanism; 2] = [
    TransferMechanism::Adequacy,
    TransferMechanism::EuUsDataPrivacyFramework,
];

const ALTERNATIVES: &str = "an Art 46 safeguard such as `standard_contractual_clauses` with a transfer \
                            impact assessment, or an Art 49 derogation";

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.activities() {
        for (transfer, mechanism, at) in super::transfers_by(&activity, &ADEQUACY_MECHANISMS) {
            let country = &transfer.country;
            let dpf = mechanism == TransferMechanism::EuUsDataPrivacyFramework;
            let coverage = super::coverage(ctx, country);
            let certification = dpf_certification(ctx, transfer);
            let (message, hint) = match coverage {
                // Decision 2023/1795 is an adequacy decision: `adequacy` covers a certified US
                // recipient as well as `eu_us_data_privacy_framework` does.
                Coverage::InForce(d)
                    if d.scope == AdequacyScope::DpfCertifiedOnly && !dpf && certification.is_none() =>
                {
                    (
                        message!(
                            "`adequacy` does not cover transfers to `{country}`: {} covers only organisations \
                             certified under the EU–US Data Privacy Framework, and the register does not say the \
                             recipient is",
                            d.decision
                        ),
                        message!(
                            "record `dpf_certified: true` on the transfer's recipient or processor if it is \
                             certified; otherwise use {ALTERNATIVES}"
                        ),
                    )
                }
                Coverage::InForce(d) if d.scope == AdequacyScope::DpfCertifiedOnly => {
                    let Some((false, (subject, path, party))) = certification else {
                        continue;
                    };
                    out.push(
                        ctx.finding(
                            &RULE,
                            at,
                            message!(
                                "{party} is not certified under the EU–US Data Privacy Framework, \
                                 so the framework does not cover the transfer to `{country}`"
                            ),
                            message!("use {ALTERNATIVES}, or a recipient that is certified"),
                        )
                        .related((subject, path.key("dpf_certified")), "not certified"),
                    );
                    continue;
                }
                Coverage::InForce(d) if dpf => (
                    message!(
                        "the EU–US Data Privacy Framework covers only transfers to the United States, \
                         not to `{country}`"
                    ),
                    message!("write `mechanism: adequacy`: {} covers `{country}`", d.decision),
                ),
                Coverage::InForce(_) => continue,
                Coverage::Expired(d) => (
                    message!(
                        "the adequacy decision for `{country}`, {}, expired on {}",
                        d.decision,
                        d.valid_until.unwrap_or("an unknown date")
                    ),
                    message!("use {ALTERNATIVES}, or stop the transfer"),
                ),
                Coverage::None if dpf => (
                    message!(
                        "the EU–US Data Privacy Framework covers only transfers to the United States, \
                         not to `{country}`"
                    ),
                    message!("use {ALTERNATIVES}, or stop the transfer"),
                ),
                Coverage::None => (
                    message!("no adequacy decision covers `{country}`"),
                    message!("use {ALTERNATIVES}, or stop the transfer"),
                ),
            };
            out.push(ctx.finding(&RULE, at, message, hint));
        }
    }
}

/// Whether the transfer's recipient or processor is certified under the EU–US Data Privacy
/// Framework, as the register records it (`None` when it does not say), with where it says so
/// and how messages name the party. A recorded "not certified" wins over a "certified".
fn dpf_certification<'a>(
    ctx: &Context<'a>,
    transfer: &Transfer,
) -> Option<(bool, (Subject, FieldPath, String))> {
    let recipient = transfer
        .recipient
        .as_ref()
        .and_then(|id| ctx.find::<Recipient>(id.as_str()))
        .and_then(|r| {
            let located = (r.subject, r.path(), message!("recipient `{}`", r.entry.id));
            r.entry.dpf_certified.map(|c| (c, located))
        });
    let processor = transfer
        .processor
        .as_ref()
        .and_then(|id| ctx.find::<Processor>(id.as_str()))
        .and_then(|p| {
            let located = (p.subject, p.path(), message!("processor `{}`", p.entry.id));
            p.entry.dpf_certified.map(|c| (c, located))
        });
    match (recipient, processor) {
        (Some(r), Some(p)) => Some(if r.0 { p } else { r }),
        (r, p) => r.or(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    /// The compliant example (a transfer to the US under the framework), with its processor
    /// declared and certified as `certified` says.
    fn us_transfer(certified: &str) -> String {
        RULE.compliant.replace(
            "activities:",
            &format!(
                "catalogues:\n  processors:\n    - {{ id: enquetetool, name: Survey Inc., locations: [US]{certified} }}\nactivities:"
            ),
        )
    }

    rule_tests!(RULE);

    #[test]
    fn certification_is_recordable_on_any_recipient() {
        let text = |certified: &str| {
            RULE.non_compliant
                .replace("processor: enquetetool", "recipient: onderzoeksbureau")
                .replace(
                    "activities:",
                    &format!(
                        "catalogues:\n  recipients:\n    - {{ id: onderzoeksbureau, label: Onderzoeksbureau, kind: independent_controller, country: US{certified} }}\nactivities:"
                    ),
                )
        };
        assert_eq!(
            messages(&parse(&text(""))).len(),
            1,
            "uncertified as far as the register says"
        );
        assert!(messages(&parse(&text(", dpf_certified: true"))).is_empty());
        let findings = findings_of(&RULE, &parse(&text(", dpf_certified: false")), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .starts_with("recipient `onderzoeksbureau` is not certified"),
            "{}",
            findings[0].message
        );
    }

    fn messages(r: &Register) -> Vec<String> {
        findings_of(&RULE, r, None)
            .into_iter()
            .map(|f| f.message.into_owned())
            .collect()
    }

    #[test]
    fn fires_on_a_processor_without_certification() {
        let findings = findings_of(&RULE, &parse(&us_transfer(", dpf_certified: false")), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .starts_with("processor `enquetetool` is not certified")
        );
        assert_eq!(
            findings[0].related[0].path.to_string(),
            "/catalogues/processors/0/dpf_certified"
        );
        // Unknown certification is not reported.
        assert!(messages(&parse(&us_transfer(""))).is_empty());
    }

    #[test]
    fn fires_on_a_country_without_adequacy() {
        let text = RULE.non_compliant.replace("country: US", "country: CN");
        assert_eq!(messages(&parse(&text)), ["no adequacy decision covers `CN`"]);
        let text = RULE.non_compliant.replace("country: US", "country: CH");
        assert!(messages(&parse(&text)).is_empty());
    }

    #[test]
    fn fires_on_the_framework_outside_the_us() {
        let text = RULE.compliant.replace("country: US", "country: JP");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.ends_with("not to `JP`"));
        assert!(findings[0].hint.starts_with("write `mechanism: adequacy`"));
    }

    #[test]
    fn fires_on_an_expired_decision() {
        let text = "register: { updated: 2032-01-15 }\n".to_owned()
            + &RULE.non_compliant.replace("country: US", "country: GB");
        let messages = messages(&parse(&text));
        assert_eq!(messages.len(), 1);
        assert!(messages[0].ends_with("expired on 2031-12-27"), "{messages:?}");
    }
}
