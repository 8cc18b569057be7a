//! `unclassified-text`: an activity keeps text for a field that is not yet written as the field's typed value.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "unclassified-text",
    severity: Severity::Info,
    articles: &["GDPR Art 30(1)", "GDPR Art 5(2)"],
    summary: "an activity keeps text for a field that is not yet written as the field's typed value",
    why: "An imported register keeps, under `unclassified`, what a spreadsheet cell said about a \
          field when the wording could not be read as that field's typed value: a retention \
          period no rule can check, a lawful basis no article letter can be found for, a \
          transfer without a country. Nothing is lost, but until the text is written as the \
          typed field, the rules for that field cannot check it and the generated statement \
          cannot show it as a fact; the controller must be able to demonstrate compliance \
          (Art 5(2)) from a register that says what Art 30(1) asks. Each entry is reported \
          once, with the text, so the register can be finished field by field.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
activities:
  - id: parkeervergunning
    name: Parkeervergunningen
    unclassified:
      - { field: retention, text: "Volgens de selectielijst", source: "register.xlsx!Blad1!M14" }
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  retention_rules:
    - id: parkeervergunning_selectielijst
      label: Volgens de selectielijst
      period:
        selection_list: { list: "Selectielijst gemeenten 2020", category: "1.1.2", action: destroy, period: P5Y }
activities:
  - id: parkeervergunning
    name: Parkeervergunningen
    retention: [parkeervergunning_selectielijst]
"#,
    scope: Scope::Activity,
    triggers: &[Trigger::UnclassifiedText],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.activities() {
        for (i, entry) in activity.activity.unclassified.iter().enumerate() {
            let source = entry
                .source
                .as_deref()
                .map_or_else(String::new, |s| message!(" (from {s})"));
            out.push(ctx.finding(
                &RULE,
                activity.at_index("unclassified", i),
                message!(
                    "activity {} says about `{}` only {:?}{source}, which is not yet written as a typed value",
                    activity.name(),
                    entry.field,
                    entry.text
                ),
                message!("write it as `{}` and remove the entry from `unclassified`", entry.field),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::rule_tests;

    // Fires on `non_compliant`, silent on `compliant`, explanation snapshotted.
    rule_tests!(RULE);
}
