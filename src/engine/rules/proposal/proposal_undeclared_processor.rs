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
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::undeclared::<Processor>(
        ctx,
        out,
        &RULE,
        "processors",
        |a| &a.processors,
        |p| {
            let locations: Vec<&str> = p.locations.iter().map(CountryCode::as_str).collect();
            if locations.is_empty() {
                String::new()
            } else {
                format!(" (in {})", locations.join(", "))
            }
        },
        |p| {
            match &p.agreement {
            Some(a) if a.in_place => "add the processor to the register's `catalogues.processors`".to_owned(),
            _ => "sign an Art 28 processor agreement and add the processor to the register's `catalogues.processors`".to_owned(),
        }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{id, proposal_rule_tests};

    fn introduce(p: &mut Proposal) {
        let mut processor = p.introduces.processors.pop().unwrap_or_else(|| Processor {
            id: id("formulierendienst"),
            name: "Formulieren B.V.".into(),
            service: None,
            locations: vec![CountryCode::parse("NL").expect("code")],
            agreement: None,
            sub_processors: vec![],
            dpf_certified: None,
        });
        processor.agreement = Some(ProcessorAgreement {
            in_place: true,
            form: Some(AgreementForm::ProcessorAgreement),
            signed_on: None,
            reference: None,
            clauses: vec![],
            reason_if_absent: None,
            controller_requirements_flow_down: false,
        });
        p.introduces.processors.push(processor);
        p.activity.processors.push(id("formulierendienst"));
    }

    proposal_rule_tests!(
        RULE,
        fire = |_, p| introduce(p),
        silent = |r, p| {
            introduce(p);
            let declared = p.introduces.processors.remove(0);
            r.catalogues.processors.push(declared);
        },
    );
}
