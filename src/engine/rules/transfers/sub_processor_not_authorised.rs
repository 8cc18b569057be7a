//! `sub-processor-not-authorised`: a processor engages a sub-processor the controller has not
//! authorised.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "sub-processor-not-authorised",
    severity: Severity::Error,
    articles: &["GDPR Art 28(2)", "GDPR Art 28(4)"],
    summary: "a processor engages a sub-processor without the controller's written authorisation",
    why: "A processor may only engage another processor with the controller's prior specific or \
          general written authorisation; under a general authorisation the processor must announce \
          changes so the controller can object (Art 28(2)). The sub-processor must be bound by the \
          same data-protection obligations, and the processor stays liable for it (Art 28(4)). A \
          sub-processor without authorisation processes the controller's data outside the \
          controller's control.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  processors:\n    - id: crm\n      name: CRM-aanbieder\n      agreement: { in_place: true }\n      sub_processors:\n        - { name: Hosting B.V., locations: [NL], authorisation: none }\nactivities:\n  - { id: contact, name: Contactbeheer, processors: [crm] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  processors:\n    - id: crm\n      name: CRM-aanbieder\n      agreement: { in_place: true }\n      sub_processors:\n        - { name: Hosting B.V., locations: [NL], authorisation: specific }\nactivities:\n  - { id: contact, name: Contactbeheer, processors: [crm] }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::check_used_entries(ctx, out, super::processors_by_entry, |found| {
        let processor = found.entry;
        processor
            .sub_processors
            .iter()
            .enumerate()
            .filter(|(_, sub)| sub.authorisation == Some(SubProcessorAuthorisation::None))
            .map(|(s, sub)| {
                ctx.finding(
                    &RULE,
                    (
                        found.subject,
                        found.path().key("sub_processors").index(s).key("authorisation"),
                    ),
                    message!(
                        "processor `{}` engages {} without the controller's written authorisation",
                        processor.id,
                        super::sub_processor(sub)
                    ),
                    "authorise the sub-processor in writing, specifically or under a general \
                     authorisation with notice of changes, and record it as `authorisation: specific` \
                     or `authorisation: general`; otherwise have the processor stop using it",
                )
            })
            .collect()
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    rule_tests!(RULE);
}
