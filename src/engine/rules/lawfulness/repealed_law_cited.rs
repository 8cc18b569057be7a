//! `repealed-law-cited`: a legal provision cites the Wet bescherming persoonsgegevens, repealed since 25 May 2018.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "repealed-law-cited",
    severity: Severity::Warning,
    articles: &["GDPR Art 94(1)", "GDPR Art 13(1)(c)", "GDPR Art 5(1)(a)"],
    summary: "a legal provision cites the Wet bescherming persoonsgegevens, repealed since 25 May 2018",
    why: "The Wet bescherming persoonsgegevens (Wbp) implemented Directive 95/46/EC, which the GDPR \
          repealed from 25 May 2018 (Art 94(1)); the Uitvoeringswet AVG withdrew the Wbp the same \
          day. A basis, condition or rule that still cites it names a law that no longer applies, \
          so the register and the statement tell people a wrong legal ground (Art 13(1)(c), \
          Art 5(1)(a)), and the activity's real basis in the GDPR or the UAVG is left unsaid. The \
          Wet bescherming persoonsgegevens BES, which applies in Bonaire, Sint Eustatius and Saba, \
          is still in force and is not reported.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
activities:
  - id: meldingen
    name: Meldingen behandelen
    lawful_bases:
      - { basis: public_task, legal_provision: "Wet bescherming persoonsgegevens art. 8 sub e" }
    also_governed_by: [Wbp]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
activities:
  - id: meldingen
    name: Meldingen behandelen
    lawful_bases:
      - { basis: public_task, legal_provision: "Wet milieubeheer art. 5.2" }
    also_governed_by: [Wet bescherming persoonsgegevens BES]
"#,
    scope: Scope::Activity,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.activities() {
        let a = activity.activity;
        let field = |name: &'static str| move || activity.at(name);
        let item = |name: &'static str, i: usize| move || activity.at_index(name, i);
        let mut cited = Vec::new();
        for (i, basis) in a.lawful_bases.iter().enumerate() {
            note(
                &mut cited,
                basis.legal_provision.as_deref(),
                item("lawful_bases", i),
                true,
            );
        }
        for (i, condition) in a.special_category_conditions.iter().enumerate() {
            let place = item("special_category_conditions", i);
            note(&mut cited, condition.legal_provision.as_deref(), place, true);
        }
        let basis = a
            .criminal_data_basis
            .as_ref()
            .and_then(|b| b.legal_provision.as_deref());
        note(&mut cited, basis, field("criminal_data_basis"), true);
        let basis = a
            .national_id_basis
            .as_ref()
            .and_then(|b| b.legal_provision.as_deref());
        note(&mut cited, basis, field("national_id_basis"), true);
        let basis = (a.automated_decision_making.as_ref()).and_then(|d| d.legal_provision.as_deref());
        note(&mut cited, basis, field("automated_decision_making"), true);
        for (i, source) in a.data_sources.items().iter().enumerate() {
            note(
                &mut cited,
                source.legal_provision.as_deref(),
                item("data_sources", i),
                true,
            );
        }
        for (i, law) in a.also_governed_by.iter().enumerate() {
            note(&mut cited, Some(law), item("also_governed_by", i), false);
        }
        for (place, text) in cited {
            out.push(ctx.finding(
                &RULE,
                place,
                message!(
                    "activity {} cites the repealed Wet bescherming persoonsgegevens: \"{text}\"",
                    activity.name()
                ),
                "cite the provision of the GDPR or the UAVG that applies now (for a public task, Art 6(1)(e) GDPR with the statute that sets the task), or remove the reference",
            ));
        }
    }
}

/// Keeps `text` with its place when it cites the Wbp; the place is the field itself, or its
/// `legal_provision` when `provision`. The path is built only for a citation.
fn note<'a>(
    cited: &mut Vec<((Subject, FieldPath), &'a str)>,
    text: Option<&'a str>,
    place: impl FnOnce() -> (Subject, FieldPath),
    provision: bool,
) {
    let Some(text) = text.filter(|t| cites_the_wbp(t)) else {
        return;
    };
    let (subject, path) = place();
    let path = if provision {
        path.key("legal_provision")
    } else {
        path
    };
    cited.push(((subject, path), text));
}

/// Whether `text` cites the Wbp: its name or its abbreviation as a word, not the Wbp BES, which
/// still applies in the Caribbean Netherlands.
fn cites_the_wbp(text: &str) -> bool {
    // Most provisions name neither; they are passed over without allocating, by looking only
    // at each `p`, which both names hold ("wbP", "Persoonsgegevens").
    let bytes = text.as_bytes();
    let named_at = |p: usize| {
        let wbp = p >= 2
            && bytes
                .get(p - 2..=p)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"wbp"));
        let full = (bytes.get(p..p + 16)).is_some_and(|w| w.eq_ignore_ascii_case(b"persoonsgegevens"));
        wbp || full
    };
    if !memchr::memchr2_iter(b'p', b'P', bytes).any(named_at) {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let bes = |after: usize| words.get(after).is_some_and(|w| *w == "bes");
    let named = words
        .windows(3)
        .enumerate()
        .any(|(i, w)| w == ["wet", "bescherming", "persoonsgegevens"] && !bes(i + 3));
    let abbreviated = (words.iter().enumerate()).any(|(i, w)| *w == "wbp" && !bes(i + 1));
    named || abbreviated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    // Fires on `non_compliant`, silent on `compliant`, explanation snapshotted.
    rule_tests!(RULE);

    #[test]
    fn the_wbp_is_recognised_by_name_and_abbreviation_but_not_the_bes_act() {
        for cited in [
            "Wet bescherming persoonsgegevens",
            "art. 8 sub e Wet Bescherming Persoonsgegevens",
            "Wbp artikel 8",
            "WBP",
            "(Wbp)",
        ] {
            assert!(cites_the_wbp(cited), "{cited}");
        }
        for not_cited in [
            "Wet bescherming persoonsgegevens BES",
            "Wbp BES art. 8",
            "UAVG art. 22",
            "Wet basisregistratie personen",
            "Wbpr",
            "Wet politiegegevens",
        ] {
            assert!(!cites_the_wbp(not_cited), "{not_cited}");
        }
    }

    #[test]
    fn each_citation_is_reported_where_it_is_written() {
        let findings = findings_of(&RULE, &parse(RULE.non_compliant), None);
        let paths: Vec<String> = findings.iter().map(|f| f.path.to_string()).collect();
        assert_eq!(
            paths,
            [
                "/activities/0/also_governed_by/0",
                "/activities/0/lawful_bases/0/legal_provision"
            ]
        );
    }
}
