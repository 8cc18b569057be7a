//! `objection-right-not-offered`: activities rest on a public task or legitimate interests, but the
//! statement does not offer the right to object.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "objection-right-not-offered",
    severity: Severity::Warning,
    articles: &["GDPR Art 21(1)", "GDPR Art 21(4)", "GDPR Art 13(2)(b)"],
    summary: "an activity rests on Art 6(1)(e) or (f), but the statement does not offer the right to object",
    why: "Data subjects may object to processing based on a public task or legitimate interests \
          (Art 21(1)), and the right must be brought to their attention explicitly and separately \
          from other information, at the latest at the first communication (Art 21(4)). A statement that lists no \
          rights but refers to a separate rights document is not checked.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  rights: [{ right: access }]\nactivities:\n  - { id: melding, name: Melding, lawful_bases: [{ basis: public_task, legal_provision: Wmo 2015 }] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nstatement:\n  rights: [{ right: access }, { right: objection }]\nactivities:\n  - { id: melding, name: Melding, lawful_bases: [{ basis: public_task, legal_provision: Wmo 2015 }] }\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    super::require_right(
        ctx,
        out,
        &RULE,
        DataSubjectRight::Objection,
        ProcessingActivity::open_to_objection,
        "rests on a public task or legitimate interests",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    #[test]
    fn silent_when_the_rights_are_in_a_separate_document() {
        let text = RULE.non_compliant.replace(
            "  rights: [{ right: access }]\n",
            "  rights_document: { title: Privacyrechten }\n",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
