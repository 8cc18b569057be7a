//! `dangling-catalogue-reference`: a catalogue entry refers to another entry that is not declared.

use crate::engine::index::Indexed;
use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "dangling-catalogue-reference",
    severity: Severity::Error,
    articles: &["GDPR Art 30(1)"],
    summary: "a catalogue entry refers to an id no catalogue declares",
    why: "Catalogue entries refer to each other: a recipient or system to the processor behind \
          it, a retention rule to the data it covers, a system or Art 30(2) record to its \
          security measures. A reference to an undeclared id leaves that link unexplained.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  systems:\n    - { id: crm, name: CRM, processor: crm_leverancer }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  processors:\n    - { id: crm_leverancier, name: CRM-aanbieder, agreement: { in_place: true } }\n  systems:\n    - { id: crm, name: CRM, processor: crm_leverancier }\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let c = &ctx.register.catalogues;
    let catalogues = FieldPath::root().key("catalogues");
    for (i, recipient) in c.recipients.iter().enumerate() {
        if let Some(processor) = &recipient.processor {
            missing::<Processor>(
                ctx,
                out,
                processor,
                catalogues.clone().key("recipients").index(i).key("processor"),
            );
        }
    }
    for (i, system) in c.systems.iter().enumerate() {
        let at = catalogues.clone().key("systems").index(i);
        if let Some(processor) = &system.processor {
            missing::<Processor>(ctx, out, processor, at.clone().key("processor"));
        }
        for (m, measure) in system.security_measures.iter().enumerate() {
            missing::<SecurityMeasure>(ctx, out, measure, at.clone().key("security_measures").index(m));
        }
    }
    for (i, rule) in c.retention_rules.iter().enumerate() {
        for (d, category) in rule.data_categories.iter().enumerate() {
            let at = catalogues
                .clone()
                .key("retention_rules")
                .index(i)
                .key("data_categories")
                .index(d);
            missing::<DataCategory>(ctx, out, category, at);
        }
        for (s, system) in rule.systems.iter().enumerate() {
            let at = catalogues
                .clone()
                .key("retention_rules")
                .index(i)
                .key("systems")
                .index(s);
            missing::<System>(ctx, out, system, at);
        }
    }
    for (m, measure) in ctx.register.defaults.security_measures.iter().enumerate() {
        let at = FieldPath::root()
            .key("defaults")
            .key("security_measures")
            .index(m);
        missing::<SecurityMeasure>(ctx, out, measure, at);
    }
    for (i, record) in ctx.register.processing_on_behalf.iter().enumerate() {
        for (m, measure) in record.security_measures.iter().enumerate() {
            let at = FieldPath::root()
                .key("processing_on_behalf")
                .index(i)
                .key("security_measures")
                .index(m);
            missing::<SecurityMeasure>(ctx, out, measure, at);
        }
    }
}

fn missing<T: Indexed>(ctx: &Context<'_>, out: &mut Vec<Finding>, id: &Id, at: FieldPath) {
    if ctx.find::<T>(id.as_str()).is_none() {
        out.push(
            ctx.finding(
                &RULE,
                (Subject::Register, at),
                message!("`{id}` is not a declared {}", T::NOUN),
                message!(
                    "declare `{id}` in `catalogues.{}`, or correct the reference",
                    T::KEY
                ),
            )
            .related(
                (Subject::Register, catalogue_path::<T>(Subject::Register)),
                message!("the declared {}", T::PLURAL),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{parse_register as parse, paths_of, rule_tests};

    rule_tests!(RULE);

    /// The register's defaults and retention rules refer by id too.
    #[test]
    fn defaults_and_retention_systems_are_checked() {
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
defaults:
  security_measures: [toegang, bio]
catalogues:
  retention_rules:
    - id: wmo_dossier
      label: Wmo-dossier
      period: { after_event: { period: P15Y, event: case_closed } }
      systems: [zaaksysteem, carel]
  security_measures:
    - { id: toegang, label: Toegang op basis van rollen, category: access_control }
  systems:
    - { id: zaaksysteem, name: Zaaksysteem }
"#;
        let paths = paths_of(&RULE, &parse(text));
        assert_eq!(
            paths,
            [
                "/catalogues/retention_rules/0/systems/1",
                "/defaults/security_measures/1"
            ]
        );
    }
}
