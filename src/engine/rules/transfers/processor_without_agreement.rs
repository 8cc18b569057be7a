//! `processor-without-agreement`: an activity uses a processor without an Art 28 agreement in
//! place.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "processor-without-agreement",
    severity: Severity::Error,
    articles: &["GDPR Art 28(3)", "GDPR Art 28(9)"],
    summary: "an activity uses a processor without a processor agreement in place",
    why: "Processing by a processor must be governed by a contract or other legal act that binds \
          the processor to the controller and sets out the Art 28(3) terms (Art 28(3)), in \
          writing, which includes electronic form (Art 28(9)). Without one the processor has no \
          duty to follow the controller's instructions, keep the data confidential, secure them \
          or delete them at the end of the service. The finding is reported at the processor, \
          with the activities that use it.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  processors:\n    - { id: crm, name: CRM-aanbieder, locations: [NL] }\nactivities:\n  - { id: contact, name: Contactbeheer, processors: [crm] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  processors:\n    - { id: crm, name: CRM-aanbieder, locations: [NL], agreement: { in_place: true, form: processor_agreement, reference: VWO-2025-012 } }\nactivities:\n  - { id: contact, name: Contactbeheer, processors: [crm] }\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

const HINT: &str = "sign an Art 28 processor agreement (the Commission's standard clauses, Decision (EU) \
                    2021/915, will do) and record it as `agreement: { in_place: true, reference: ... }`; \
                    until then, stop using the processor";

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::check_used_entries(ctx, out, super::processors_by_entry, |found| {
        let processor = found.entry;
        let id = &processor.id;
        let finding = match &processor.agreement {
            // Not recorded is weaker than recorded as absent: the register cannot show the
            // agreement, which is a warning; an agreement stated not to exist is the breach.
            None => ctx
                .finding(
                    &RULE,
                    (found.subject, found.path()),
                    message!("processor `{id}` has no processor agreement on record"),
                    HINT,
                )
                .with_severity(Severity::Warning),
            Some(agreement) if !agreement.in_place => {
                let reason = agreement
                    .reason_if_absent
                    .as_ref()
                    .map(|r| message!(" (reason given: `{r}`)"))
                    .unwrap_or_default();
                ctx.finding(
                    &RULE,
                    (found.subject, found.path().key("agreement").key("in_place")),
                    message!("processor `{id}` has no processor agreement in place{reason}"),
                    HINT,
                )
            }
            Some(_) => return vec![],
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
    fn one_finding_per_processor_with_every_activity() {
        let text = RULE.non_compliant.replace(
            "locations: [NL] }",
            "locations: [NL], agreement: { in_place: false, reason_if_absent: in onderhandeling } }",
        ) + "  - { id: nieuwsbrief, name: Nieuwsbrief versturen, processors: [crm] }\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let finding = &findings[0];
        assert_eq!(
            finding.path.to_string(),
            "/catalogues/processors/0/agreement/in_place"
        );
        assert!(finding.message.ends_with("(reason given: `in onderhandeling`)"));
        let related: Vec<String> = finding.related.iter().map(|r| r.path.to_string()).collect();
        assert_eq!(
            related,
            ["/activities/0/processors/0", "/activities/1/processors/0"]
        );
    }

    #[test]
    fn reports_a_processor_behind_a_system() {
        let text = RULE
            .non_compliant
            .replace(
                "activities:",
                "  systems:\n    - { id: crm, name: CRM, processor: crm }\nactivities:",
            )
            .replace("processors: [crm] }", "processors: none, systems: [crm] }");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].related[0].path.to_string(), "/activities/0/systems/0");
    }

    /// An agreement the register does not record is a warning; one it records as absent is
    /// the error.
    #[test]
    fn an_unrecorded_agreement_is_a_warning() {
        let findings = findings_of(&RULE, &parse(RULE.non_compliant), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Warning);
    }
}
