//! `child-consent-without-representative`: consent from children under 16 must come from a
//! parent or legal representative.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "child-consent-without-representative",
    severity: Severity::Error,
    articles: &["GDPR Art 8(1)", "UAVG art 5"],
    summary: "an activity relies on consent from children under 16 without their representative's consent",
    why: "In the Netherlands a child under 16 cannot consent alone: a holder of parental \
          responsibility or the legal representative consents instead. The GDPR says so for \
          information-society services (Art 8(1)); UAVG art 5 extends it to any consent by a \
          minor under 16. An activity involves such children when it is aimed at children or one \
          of its data-subject groups may include them, unless its `children.minimum_age` is 16 \
          or more; a `minimum_age` under 16 always counts.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { basis: consent }\n    children: { targeted: true, minimum_age: 12 }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { basis: consent }\n    children: { targeted: true, minimum_age: 12, representative_consent: true, verification: Ouder bevestigt via DigiD }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::Consent],
    since: "0.1.0",
    check,
};

/// The age under which consent must come from a representative in the Netherlands.
const AGE_OF_CONSENT: u8 = 16;

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let a = activity.activity;
        let children = a.children.as_ref();
        if !a.relies_on_consent() || children.is_some_and(|c| c.representative_consent) {
            continue;
        }
        let group = ctx
            .resolved::<DataSubject>(&activity)
            .find(|(_, _, s)| s.is_some_and(|s| s.entry.includes_children))
            .map(|(_, id, _)| id);
        let reason = match (
            children.and_then(|c| c.minimum_age),
            children.is_some_and(|c| c.targeted),
            group,
        ) {
            (Some(age), _, _) if age < AGE_OF_CONSENT => {
                message!("its youngest data subjects are {age} years old")
            }
            (Some(_), _, _) => continue,
            (None, true, _) => "it is aimed at children".to_owned(),
            (None, false, Some(id)) => message!("data subjects `{id}` may include children"),
            (None, false, None) => continue,
        };
        let finding = ctx.finding(
            &RULE,
            activity.at("children"),
            message!(
                "activity {} relies on consent and {reason}, but records no consent by a parent or legal representative for children under 16",
                activity.name()
            ),
            "have a holder of parental responsibility or the legal representative consent for children under 16, and record it as `children: { representative_consent: true, verification: ... }`, saying how it is verified",
        );
        out.push(match group {
            Some(id) => super::with_entry::<DataSubject>(
                ctx,
                finding,
                id,
                message!("`{id}` may include children under 16"),
            ),
            None => finding,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    /// A newsletter on consent whose subscribers may include children.
    const CHILDREN_AMONG_SUBSCRIBERS: &str = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_subjects:
    - { id: abonnees, label: Abonnees nieuwsbrief, includes_children: true }
activities:
  - id: nieuwsbrief
    name: Nieuwsbrief versturen
    data_subjects: [abonnees]
    lawful_bases:
      - { basis: consent }
"#;

    rule_tests!(RULE);

    #[test]
    fn a_group_that_includes_children_counts() {
        let findings = findings_of(&RULE, &parse(CHILDREN_AMONG_SUBSCRIBERS), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].message,
            "activity `nieuwsbrief` relies on consent and data subjects `abonnees` may include children, but records no consent by a parent or legal representative for children under 16"
        );
        assert_eq!(
            findings[0].related[0].path.to_string(),
            "/catalogues/data_subjects/0"
        );
    }

    #[test]
    fn targeting_children_without_an_age_counts() {
        let text = RULE
            .non_compliant
            .replace("{ targeted: true, minimum_age: 12 }", "{ targeted: true }");
        assert_eq!(findings_of(&RULE, &parse(&text), None).len(), 1);
    }

    #[test]
    fn a_minimum_age_of_16_needs_no_representative() {
        let text =
            CHILDREN_AMONG_SUBSCRIBERS.to_owned() + "    children: { targeted: true, minimum_age: 16 }\n";
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    #[test]
    fn without_consent_the_rule_does_not_apply() {
        let text = RULE.non_compliant.replace(
            "{ basis: consent }",
            "{ basis: public_task, legal_provision: \"Wmo 2015 art. 2.3.2\" }",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
