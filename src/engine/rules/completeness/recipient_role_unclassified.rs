//! `recipient-role-unclassified`: a recipient whose role in GDPR terms the register does not say.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "recipient-role-unclassified",
    severity: Severity::Warning,
    articles: &["GDPR Art 30(1)(d)", "GDPR Art 4(9)", "GDPR Art 26", "GDPR Art 28"],
    summary: "a recipient the activities use has no role: processor, joint or independent controller, or internal unit",
    why: "What a recipient is decides what the law asks: a processor needs an Art 28 agreement, a \
          joint controller an Art 26 arrangement, an independent controller a basis for the \
          disclosure, and an internal unit or a public authority making an inquiry is not a \
          recipient at all (Art 4(9)). Published registers often list a name without saying which \
          (and mix up processors and recipients); ropa does not guess, it asks.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  recipients:
    - { id: pronexus, label: Pronexus }
activities:
  - id: nieuwsbrief
    name: Nieuwsbrief versturen
    recipients: [pronexus]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  processors:
    - { id: pronexus, name: Pronexus B.V., agreement: { in_place: true } }
  recipients:
    - { id: pronexus, label: Pronexus, kind: processor, processor: pronexus }
activities:
  - id: nieuwsbrief
    name: Nieuwsbrief versturen
    recipients: [pronexus]
"#,
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let used: std::collections::HashSet<&str> = ctx
        .register
        .activities
        .iter()
        .flat_map(|a| a.recipients.iter())
        .map(Id::as_str)
        .collect();
    for (i, recipient) in ctx.register.catalogues.recipients.iter().enumerate() {
        if recipient.kind.is_none() && used.contains(recipient.id.as_str()) {
            out.push(ctx.finding(
                &RULE,
                (
                    Subject::Register,
                    catalogue_path::<Recipient>(Subject::Register).index(i).key("kind"),
                ),
                message!("recipient `{}` has no role", recipient.id),
                "set `kind`: `processor` (with its `processor` entry and agreement), `joint_controller`, `independent_controller`, `public_authority_inquiry`, `public_disclosure` or `internal_unit`",
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
