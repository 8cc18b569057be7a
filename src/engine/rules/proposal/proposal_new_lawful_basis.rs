//! `proposal-new-lawful-basis`: the proposal relies on a lawful basis the register never uses.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "proposal-new-lawful-basis",
    severity: Severity::Warning,
    articles: &["GDPR Art 6(1)", "GDPR Art 13(1)(c)"],
    summary: "the proposal relies on a lawful basis that no activity in the register uses",
    why: "The statement tells data subjects on which bases their data are processed \
          (Art 13(1)(c)). A basis the organisation has not used before — legitimate interests at \
          a public body, or consent for a task — deserves a second look and a line in the \
          statement.",
    non_compliant: "activity:\n  id: beveiliging\n  name: Cameratoezicht bij de ingang\n  lawful_bases: [{ basis: legitimate_interests, legitimate_interest: beveiliging van het pand }]\n",
    compliant: "activity:\n  id: beveiliging\n  name: Cameratoezicht bij de ingang\n  lawful_bases: [{ basis: public_task, legal_provision: Gemeentewet art. 151c }]\n",
    scope: Scope::Proposal,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(activity) = super::proposed(ctx) else {
        return;
    };
    for (i, basis) in activity.activity.lawful_bases.iter().enumerate() {
        // A basis without its Art 6(1) letter is `lawful-basis-letter-missing`'s to report.
        let Some(kind) = basis.basis else { continue };
        if ctx.facts().lawful_bases.contains(kind) {
            continue;
        }
        let finding = ctx.finding(
            &RULE,
            activity.at_index("lawful_bases", i),
            message!(
                "the proposal relies on `{}` ({}), which no activity in the register uses",
                kind,
                kind.article()
            ),
            if ctx
                .register
                .statement
                .as_ref()
                .is_some_and(|s| s.lawful_bases.contains(&kind))
            {
                "check that this basis fits the processing; the statement already names it"
            } else {
                "check that this basis fits the processing, and add it to the statement's lawful bases"
            },
        );
        out.push(super::with_promise(
            ctx,
            finding,
            "lawful_bases",
            |s| !s.lawful_bases.is_empty(),
            "the lawful bases the statement names",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_proposal, parse_register as parse, rule_tests};

    rule_tests!(RULE);

    /// The hint never asks to add to the statement a basis the statement already names.
    #[test]
    fn the_hint_follows_the_statement() {
        let p = parse_proposal(&RULE.non_compliant.replace(
            "{ basis: legitimate_interests, legitimate_interest: beveiliging van het pand }",
            "{ basis: vital_interests }",
        ));
        let hint = |r: &Register| {
            findings_of(&RULE, r, Some(&p))
                .first()
                .map(|f| f.hint.clone())
                .unwrap_or_default()
        };
        let text = r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
statement:
  lawful_bases: [public_task]
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    lawful_bases: [{ basis: public_task, legal_provision: "Wmo 2015 art. 2.3.2" }]
"#;
        assert!(hint(&parse(text)).contains("add it to the statement"));
        let r = parse(&text.replace(
            "lawful_bases: [public_task]",
            "lawful_bases: [public_task, vital_interests]",
        ));
        assert!(
            hint(&r).ends_with("the statement already names it"),
            "{}",
            hint(&r)
        );
    }
}
