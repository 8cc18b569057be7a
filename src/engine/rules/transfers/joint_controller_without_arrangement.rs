//! `joint-controller-without-arrangement`: an activity shares control with a joint controller
//! without an Art 26 arrangement, or without making its essence available.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "joint-controller-without-arrangement",
    severity: Severity::Error,
    articles: &["GDPR Art 26(1)", "GDPR Art 26(2)"],
    summary: "a joint controller has no arrangement in place, or its essence is not made available to data subjects",
    why: "Joint controllers must determine their respective responsibilities in a transparent \
          arrangement, in particular who handles the rights of data subjects and who gives the \
          Art 13 and 14 information (Art 26(1)). The essence of the arrangement must be made \
          available to the data subjects (Art 26(2)), who may exercise their rights against each \
          of the controllers (Art 26(3)).",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  recipients:\n    - id: ggd\n      label: GGD regio\n      kind: joint_controller\n      arrangement: { in_place: true, reference: Convenant jeugdgezondheidszorg 2025 }\nactivities:\n  - { id: jgz, name: Jeugdgezondheidszorg, recipients: [ggd] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  recipients:\n    - id: ggd\n      label: GGD regio\n      kind: joint_controller\n      arrangement: { in_place: true, reference: Convenant jeugdgezondheidszorg 2025, essence_published: true }\nactivities:\n  - { id: jgz, name: Jeugdgezondheidszorg, recipients: [ggd] }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::check_used_entries(ctx, out, super::recipients_by_entry, |found| {
        let recipient = found.entry;
        if recipient.kind != Some(RecipientKind::JointController) {
            return vec![];
        }
        let id = &recipient.id;
        let finding = match &recipient.arrangement {
            Some(a) if a.in_place && a.essence_published => return vec![],
            Some(a) if a.in_place => ctx.finding(
                &RULE,
                (found.subject, found.path().key("arrangement")),
                message!(
                    "the essence of the arrangement with joint controller `{id}` is not made available \
                     to data subjects"
                ),
                "publish the essence of the arrangement, for instance in the privacy statement, and \
                 set `essence_published: true`",
            ),
            arrangement => ctx.finding(
                &RULE,
                match arrangement {
                    Some(_) => (found.subject, found.path().key("arrangement").key("in_place")),
                    None => (found.subject, found.path()),
                },
                message!("there is no written arrangement with joint controller `{id}`"),
                "agree in writing who handles data-subject rights and the information duties, and \
                 record it as `arrangement: { in_place: true, reference: ..., essence_published: true }`",
            ),
        };
        vec![finding]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn fires_on_an_arrangement_whose_essence_is_not_published() {
        let text = RULE.non_compliant.replace(
            "arrangement: { in_place: true, reference: Convenant jeugdgezondheidszorg 2025 }",
            "arrangement: { in_place: true }",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].path.to_string(),
            "/catalogues/recipients/0/arrangement"
        );
        assert!(findings[0].message.starts_with("the essence of the arrangement"));
    }

    #[test]
    fn fires_on_an_arrangement_not_in_place() {
        let text = RULE.non_compliant.replace(
            "arrangement: { in_place: true, reference: Convenant jeugdgezondheidszorg 2025 }",
            "arrangement: { in_place: false }",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].path.to_string(),
            "/catalogues/recipients/0/arrangement/in_place"
        );
    }
}
