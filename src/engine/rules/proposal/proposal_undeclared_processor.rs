//! `proposal-undeclared-processor`: the proposal engages a processor the register does not list.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-undeclared-processor",
    severity: Severity::Error,
    articles: &["GDPR Art 28(1)", "GDPR Art 28(3)", "GDPR Art 30(1)(d)"],
    summary: "the proposal engages a processor the register does not list",
    why: "A controller may only use processors that provide sufficient guarantees, under an \
          Art 28(3) agreement (Art 28(1)). A processor new to the register has not been through \
          that yet: it needs an agreement, and the register and statement must list it.",
    non_compliant: "introduces:\n  processors:\n    - { id: formulierendienst, name: Formulieren B.V., locations: [NL] }\nactivity:\n  id: wmo_portaal\n  name: Wmo-portaal\n  processors: [zaaksysteem, formulierendienst]\n",
    compliant: "activity:\n  id: wmo_portaal\n  name: Wmo-portaal\n  processors: [zaaksysteem]\n",
    scope: Scope::Proposal,
    triggers: &[Trigger::IntroducedEntries],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let mut found = Vec::new();
    super::undeclared::<Processor>(
        ctx,
        &mut found,
        &RULE,
        |p| {
            let locations: Vec<&str> = p.locations.iter().map(CountryCode::as_str).collect();
            if locations.is_empty() {
                String::new()
            } else {
                message!(" (in {})", locations.join(", "))
            }
        },
        |p| {
            match &p.agreement {
            Some(a) if a.in_place => "add the processor to the register's `catalogues.processors`".to_owned(),
            _ => "sign an Art 28 processor agreement and add the processor to the register's `catalogues.processors`".to_owned(),
        }
        },
    );
    // A new processor that the statement's declared categories of recipients already cover
    // ("companies that process on our behalf under an agreement") stays within the statement:
    // only the register must catch up, which is a warning, not a breach.
    let Some((covering, what)) = processors_covered(ctx) else {
        out.extend(found);
        return;
    };
    out.extend(found.into_iter().map(|finding| {
        let message = message!("{}; the statement already covers it as {what}", finding.message);
        let hint = message!(
            "{}, and list it under the activity's `processors`: the statement needs no change",
            finding.hint
        );
        Finding {
            message: message.into(),
            hint: hint.into(),
            ..finding
        }
        .with_severity(Severity::Warning)
        .related(covering.clone(), "the category that covers it")
    }));
}

/// Where the register declares processors as a category of recipients, if it does: a recipient
/// category of kind `processor` that names no one processor, or the statement's promise to share
/// only with processors.
fn processors_covered(ctx: &Context<'_>) -> Option<((Subject, FieldPath), String)> {
    let category = ctx
        .register
        .catalogues
        .recipients
        .iter()
        .position(|r| r.kind == Some(RecipientKind::Processor) && r.processor.is_none());
    if let Some(i) = category {
        let label = ctx.register.catalogues.recipients.get(i).map(|r| r.id.as_str())?;
        return Some((
            (
                Subject::Register,
                catalogue_path::<Recipient>(Subject::Register).index(i),
            ),
            message!("the recipient category `{label}`"),
        ));
    }
    let statement = ctx.register.statement.as_ref()?;
    (statement.sharing == Some(SharingCommitment::OnlyProcessors)).then(|| {
        (
            (
                Subject::Register,
                FieldPath::root().key("statement").key("sharing"),
            ),
            "\"only processors working on our behalf\"".to_owned(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{
        COMPLIANT_PROPOSAL, COMPLIANT_REGISTER, findings_of, parse_proposal, parse_register, rule_tests,
    };

    rule_tests!(RULE);

    /// A processor the statement's declared category already covers is a warning naming the
    /// register entries to add, and leaves the proposal within the statement.
    #[test]
    fn a_processor_covered_by_a_declared_category_is_a_warning() {
        // The whole compliant register and proposal, so that the evaluation can be compliant.
        let r = parse_register(&COMPLIANT_REGISTER.replace(
            "  processors:\n    - id: zaaksysteem\n",
            "    - { id: verwerkers, label: Bedrijven die in onze opdracht gegevens verwerken, kind: processor }\n  processors:\n    - id: zaaksysteem\n",
        ));
        let p = parse_proposal(
            &COMPLIANT_PROPOSAL
                .replace(
                    "activity:\n",
                    "introduces:\n  processors:\n    - { id: formulierendienst, name: Formulieren B.V., locations: [NL], agreement: { in_place: true, form: processor_agreement } }\nactivity:\n",
                )
                .replace("processors: [zaaksysteem]", "processors: [zaaksysteem, formulierendienst]"),
        );
        let findings = findings_of(&RULE, &r, Some(&p));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(
            findings[0]
                .message
                .ends_with("covers it as the recipient category `verwerkers`"),
            "{}",
            findings[0].message
        );
        let evaluation = crate::engine::Engine::new(&r).evaluate(&p);
        assert!(evaluation.compliant, "{:#?}", evaluation.report.findings);
    }
}
