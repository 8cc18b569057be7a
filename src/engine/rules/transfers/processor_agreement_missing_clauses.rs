//! `processor-agreement-missing-clauses`: a processor agreement lacks some of the Art 28(3)(a)–(h)
//! terms.

use strum::IntoEnumIterator;

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "processor-agreement-missing-clauses",
    severity: Severity::Error,
    articles: &["GDPR Art 28(3)(a)-(h)"],
    summary: "a processor agreement lacks some of the clauses Art 28(3) requires",
    why: "Art 28(3) lists what every processor agreement must stipulate: processing only on \
          documented instructions (a), confidentiality (b), Art 32 security (c), the conditions \
          for sub-processors (d), assistance with data-subject rights (e) and with Arts 32–36 (f), \
          deletion or return at the end (g), and information and audits (h). An agreement without \
          one of them leaves that duty unenforceable. The rule reads the agreement's `clauses`; an \
          empty list means the clauses were not recorded and is not reported here.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  processors:\n    - id: crm\n      name: CRM-aanbieder\n      agreement:\n        in_place: true\n        clauses: [documented_instructions, confidentiality, security]\nactivities:\n  - { id: contact, name: Contactbeheer, processors: [crm] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  processors:\n    - id: crm\n      name: CRM-aanbieder\n      agreement:\n        in_place: true\n        clauses: [documented_instructions, confidentiality, security, sub_processor_conditions,\n                  data_subject_rights_assistance, compliance_assistance, deletion_or_return,\n                  audits_and_information]\nactivities:\n  - { id: contact, name: Contactbeheer, processors: [crm] }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::check_used_entries(ctx, out, super::processors_by_entry, |found| {
        let Some(agreement) = found
            .entry
            .agreement
            .as_ref()
            .filter(|a| a.in_place && !a.clauses.is_empty())
        else {
            return vec![];
        };
        // As a set: most agreements list all eight, and this is judged on every evaluation.
        let listed: EnumSet<ProcessorClause> = agreement.clauses.iter().copied().collect();
        if ProcessorClause::iter().all(|clause| listed.contains(clause)) {
            return vec![];
        }
        let missing: Vec<String> = ProcessorClause::iter()
            .zip('a'..='h')
            .filter(|(clause, _)| !listed.contains(*clause))
            .map(|(clause, letter)| message!("`{clause}` ({letter})"))
            .collect();
        let names: Vec<&str> = missing.iter().map(String::as_str).collect();
        vec![ctx.finding(
            &RULE,
            (found.subject, found.path().key("agreement").key("clauses")),
            message!(
                "the processor agreement with `{}` lacks the Art 28(3) clauses {}",
                found.entry.id,
                names.join(", ")
            ),
            "amend the agreement to cover the missing clauses (the Commission's standard clauses, \
             Decision (EU) 2021/915, cover all of them) and add them to `clauses`",
        )]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn names_every_missing_clause() {
        let text = RULE.non_compliant.replace(
            "clauses: [documented_instructions, confidentiality, security]",
            "clauses: [confidentiality]",
        );
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .contains("`documented_instructions` (a), `security` (c)")
        );
        assert!(findings[0].message.ends_with("`audits_and_information` (h)"));
    }

    #[test]
    fn there_are_eight_clauses() {
        assert_eq!(ProcessorClause::iter().count(), 8);
    }
}
