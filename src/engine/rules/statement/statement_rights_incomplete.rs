//! `statement-rights-incomplete`: the statement must name every Art 13(2)(b) right that applies
//! to the bases the activities use.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "statement-rights-incomplete",
    severity: Severity::Error,
    articles: &["GDPR Art 13(2)(b)", "GDPR Art 14(2)(c)", "GDPR Arts 15-20"],
    summary: "the statement leaves out rights that apply to the lawful bases the activities use",
    why: "The statement must tell data subjects that they may request access, rectification, \
          erasure and restriction of processing, and data portability (Art 13(2)(b), \
          Art 14(2)(c)). Access, rectification, erasure (with its Art 17(3) exceptions) and \
          restriction apply whatever the basis; portability applies where processing rests on \
          consent or a contract (Art 20(1)). Objection and the withdrawal of consent have rules of \
          their own (`objection-right-not-offered`, `withdrawal-right-not-offered`).",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
statement:
  rights: [{ right: access }, { right: objection }]
activities:
  - { id: wmo_melding, name: Wmo-melding behandelen }
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
statement:
  rights:
    - { right: access }
    - { right: rectification }
    - { right: erasure }
    - { right: restriction }
    - { right: objection }
activities:
  - { id: wmo_melding, name: Wmo-melding behandelen }
"#,
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(statement) = &ctx.register.statement else {
        return;
    };
    let activities = &ctx.register.activities;
    if activities.is_empty() || super::defers_rights(statement) {
        return;
    }
    let mut required = vec![
        DataSubjectRight::Access,
        DataSubjectRight::Rectification,
        DataSubjectRight::Erasure,
        DataSubjectRight::Restriction,
    ];
    if activities
        .iter()
        .any(|a| a.relies_on(LawfulBasisKind::Consent) || a.relies_on(LawfulBasisKind::Contract))
    {
        required.push(DataSubjectRight::Portability);
    }
    let missing: Vec<String> = required
        .into_iter()
        .filter(|&right| !super::offers(statement, right))
        .map(|right| message!("`{right}`"))
        .collect();
    if missing.is_empty() {
        return;
    }
    let (rights, list, apply) = if missing.len() == 1 {
        ("right", missing.join(""), "applies")
    } else {
        ("rights", missing.join(", "), "apply")
    };
    out.push(ctx.finding(
        &RULE,
        super::statement_field("rights"),
        message!("the statement does not offer the {rights} {list}, which {apply} to the processing the register describes"),
        message!("add each to `statement.rights` (`- {{ right: ... }}`) with how to exercise it: {list}"),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn portability_is_required_where_consent_is_used() {
        let text = RULE.compliant.replace("    - { right: erasure }\n", "")
            + "  - { id: nieuwsbrief, name: Nieuwsbrief versturen, lawful_bases: [{ basis: consent }] }\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("rights `erasure`, `portability`"),
            "{}",
            findings[0].message
        );
    }
}
