//! `provision-requirement-not-stated`: an activity that collects data from the data subject
//! must say whether providing them is required, and what happens if they are not provided.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "provision-requirement-not-stated",
    severity: Severity::Warning,
    articles: &["GDPR Art 13(2)(e)"],
    summary: "an activity collects data from the data subject but does not say whether providing them is required, or what happens if they are not provided",
    why: "When data are collected from the data subject, the controller must say whether \
          providing them is a statutory or contractual requirement, or a requirement to enter \
          into a contract, whether the data subject is obliged to provide them, and the possible \
          consequences of not providing them (Art 13(2)(e)). The register records the first as \
          `provision_requirement` (`statutory`, `contractual` or `voluntary`) and the second as \
          `provision_consequence`; a statement rendered from a register without them cannot tell \
          people whether they may refuse and what refusing costs them. The rule looks only at \
          activities whose `data_sources` include the data subject: data obtained elsewhere fall \
          under Art 14, which asks for their source instead (see `data-sources-not-stated`).",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: parkeervergunning\n    name: Parkeervergunning aanvragen\n    data_sources: [{ kind: data_subject }]\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: parkeervergunning\n    name: Parkeervergunning aanvragen\n    data_sources: [{ kind: data_subject }]\n    provision_requirement: statutory\n    provision_consequence: Zonder deze gegevens kunnen we uw aanvraag niet in behandeling nemen\n",
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        let a = activity.activity;
        let from_subject = a
            .data_sources
            .items()
            .iter()
            .any(|s| s.kind == DataSourceKind::DataSubject);
        if !from_subject || provided(&a.provision_consequence) {
            continue;
        }
        let name = activity.name();
        let (field, message, hint) = match a.provision_requirement {
            None => (
                "provision_requirement",
                message!("activity {name} collects data from the data subject but does not say whether providing them is required, nor what happens if they are not provided"),
                "set `provision_requirement` to `statutory`, `contractual` or `voluntary`, and write under `provision_consequence` what happens if the data are not provided, e.g. \"Zonder deze gegevens kunnen we uw aanvraag niet in behandeling nemen\"".to_owned(),
            ),
            Some(requirement) => (
                "provision_consequence",
                message!("activity {name} says providing the data is `{requirement}` but not what happens if they are not provided"),
                message!("write under `provision_consequence` what happens if the data are not provided, e.g. \"{}\"", example_consequence(requirement)),
            ),
        };
        out.push(ctx.finding(&RULE, activity.at(field), message, hint));
    }
}

/// A consequence of not providing the data, as a statement would word it.
fn example_consequence(requirement: ProvisionRequirement) -> &'static str {
    match requirement {
        ProvisionRequirement::Statutory => {
            "Zonder deze gegevens kunnen we uw aanvraag niet in behandeling nemen"
        }
        ProvisionRequirement::Contractual => "Zonder deze gegevens kunnen we de overeenkomst niet uitvoeren",
        ProvisionRequirement::Voluntary => "U kunt de dienst ook zonder deze gegevens gebruiken",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn a_requirement_without_its_consequence_fires_at_the_consequence() {
        let text = RULE.non_compliant.to_owned() + "    provision_requirement: voluntary\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].path.to_string(),
            "/activities/0/provision_consequence"
        );
        assert_eq!(
            findings[0].message,
            "activity `parkeervergunning` says providing the data is `voluntary` but not what happens if they are not provided"
        );
    }

    #[test]
    fn a_consequence_alone_is_enough() {
        let text = RULE.non_compliant.to_owned() + "    provision_consequence: Dan kunnen we u niet helpen\n";
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    #[test]
    fn data_from_elsewhere_or_unstated_sources_are_left_to_other_rules() {
        for sources in ["[{ kind: base_registry, name: BRP }]", "none", "not_stated"] {
            let text = RULE.non_compliant.replace("[{ kind: data_subject }]", sources);
            assert!(findings_of(&RULE, &parse(&text), None).is_empty(), "{sources}");
        }
    }
}
