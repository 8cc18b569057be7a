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
    use crate::engine::rules::testing::{findings_of, register, rule_tests};
    use crate::engine::rules::transfers::testing::{by_processor, codes, transfer};

    fn us_transfer(r: &mut Register, mechanism: TransferMechanism, certified: Option<bool>) {
        r.catalogues.processors[1].locations = codes(&["US"]);
        r.catalogues.processors[1].dpf_certified = certified;
        r.activities[1]
            .transfers
            .push(by_processor("US", "mailprovider", Some(mechanism)));
    }

    rule_tests!(RULE);

    #[test]
    fn certification_is_recordable_on_any_recipient() {
        let mut r = register();
        let recipient = &mut r.catalogues.recipients[0];
        recipient.country = Some(CountryCode::parse("US").expect("code"));
        let mut by_recipient = transfer("US", Some(TransferMechanism::Adequacy));
        by_recipient.recipient = Some(recipient.id.clone());
        r.activities[0].transfers.push(by_recipient);
        assert_eq!(messages(&r).len(), 1, "uncertified as far as the register says");
        r.catalogues.recipients[0].dpf_certified = Some(true);
        assert!(messages(&r).is_empty());
        r.catalogues.recipients[0].dpf_certified = Some(false);
        let findings = findings_of(&RULE, &r, None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .starts_with("recipient `zorgaanbieders` is not certified"),
            "{}",
            findings[0].message
        );
    }

    fn transfer_by_wmo(r: &mut Register, country: &str, mechanism: TransferMechanism) {
        r.activities[0].transfers.push(transfer(country, Some(mechanism)));
    }

    fn messages(r: &Register) -> Vec<String> {
        findings_of(&RULE, r, None)
            .into_iter()
            .map(|f| f.message.into_owned())
            .collect()
    }

    #[test]
    fn fires_on_a_processor_without_certification() {
        let mut r = register();
        us_transfer(&mut r, TransferMechanism::EuUsDataPrivacyFramework, Some(false));
        let findings = findings_of(&RULE, &r, None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .starts_with("processor `mailprovider` is not certified")
        );
        assert_eq!(
            findings[0].related[0].path.to_string(),
            "/catalogues/processors/1/dpf_certified"
        );
        // Unknown certification is not reported.
        let mut r = register();
        us_transfer(&mut r, TransferMechanism::EuUsDataPrivacyFramework, None);
        assert!(messages(&r).is_empty());
    }

    #[test]
    fn fires_on_a_country_without_adequacy() {
        let mut r = register();
        transfer_by_wmo(&mut r, "CN", TransferMechanism::Adequacy);
        assert_eq!(messages(&r), ["no adequacy decision covers `CN`"]);
        r.activities[0].transfers[0].country = CountryCode::parse("CH").expect("code");
        assert!(messages(&r).is_empty());
    }

    #[test]
    fn fires_on_the_framework_outside_the_us() {
        let mut r = register();
        transfer_by_wmo(&mut r, "JP", TransferMechanism::EuUsDataPrivacyFramework);
        let findings = findings_of(&RULE, &r, None);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.ends_with("not to `JP`"));
        assert!(findings[0].hint.starts_with("write `mechanism: adequacy`"));
    }

    #[test]
    fn fires_on_an_expired_decision() {
        let mut r = register();
        r.register.updated = Some(Date::parse("2032-01-15").expect("date"));
        transfer_by_wmo(&mut r, "GB", TransferMechanism::Adequacy);
        let messages = messages(&r);
        assert_eq!(messages.len(), 1);
        assert!(messages[0].ends_with("expired on 2031-12-27"), "{messages:?}");
    }
}
