//! `dpo-contact-missing`: a data protection officer is named without contact details.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "dpo-contact-missing",
    severity: Severity::Warning,
    articles: &["GDPR Art 13(1)(b)", "GDPR Art 14(1)(b)", "GDPR Art 37(7)"],
    summary: "a data protection officer is named without contact details",
    why: "Where a controller has designated a data protection officer, it must publish the \
          officer's contact details and give them in the privacy statement (Art 37(7), \
          Art 13(1)(b), Art 14(1)(b)), so that people can reach the officer directly. A register \
          that records a DPO without any way to reach them leaves the statement unable to say \
          it. For a public authority, `public-authority-without-dpo` reports the same gap, as \
          part of the duty to designate one.",
    non_compliant: r#"controller:
  name: Stichting Voorbeeld
  public_authority: false
  contact: { email: info@voorbeeld.nl }
  dpo: { name: Functionaris gegevensbescherming }
"#,
    compliant: r#"controller:
  name: Stichting Voorbeeld
  public_authority: false
  contact: { email: info@voorbeeld.nl }
  dpo: { name: Functionaris gegevensbescherming, contact: { email: fg@voorbeeld.nl } }
"#,
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let controller = &ctx.register.controller;
    // A public authority's missing DPO contact is `public-authority-without-dpo`'s finding.
    if controller.public_authority {
        return;
    }
    if let Some(dpo) = &controller.dpo
        && dpo.contact.is_empty()
    {
        out.push(ctx.finding(
            &RULE,
            (Subject::Register, FieldPath::root().key("controller").key("dpo")),
            "the data protection officer has no contact details",
            "add `contact` under `dpo`: an e-mail address or telephone number that reaches the DPO",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    // Fires on `non_compliant`, silent on `compliant`, explanation snapshotted.
    rule_tests!(RULE);
}
