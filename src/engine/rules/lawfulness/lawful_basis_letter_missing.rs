//! `lawful-basis-letter-missing`: a lawful basis written as a statute or a wording, without the
//! Art 6(1) basis it gives.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "lawful-basis-letter-missing",
    severity: Severity::Warning,
    articles: &["GDPR Art 6(1)", "GDPR Art 6(3)", "GDPR Art 13(1)(c)"],
    summary: "a lawful basis names a statute or a wording but not which Art 6(1) basis it is",
    why: "Dutch registers often write \"op grond van de Participatiewet\" or \"Wettelijke \
          verplichting\" and leave out which Art 6(1) basis that is. The letter matters: a legal \
          obligation (c) and a public task (e) give data subjects different rights (objection, \
          Art 21(1), applies only to (e) and (f)), and the statement must name the basis per \
          purpose (Art 13(1)(c)). ropa does not guess; it suggests the candidates the statute or \
          the wording makes likely.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { legal_provision: \"Participatiewet art. 47\" }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\nactivities:\n  - id: voorbeeld\n    name: Voorbeeld\n    lawful_bases:\n      - { basis: public_task, legal_provision: \"Participatiewet art. 47\" }\n",
    scope: Scope::Activity,
    triggers: &[Trigger::UntypedBasis],
    since: "0.1.0",
    check,
};

/// Dutch statutes and the Art 6(1) basis they usually give, by a word of their name (lowercase).
/// Statutes that assign a task to a public body give (e); statutes that oblige the controller to
/// keep or hand over data give (c). A suggestion, never a fact: the finding stays until the
/// register names the letter.
const STATUTES: &[(&str, LawfulBasisKind)] = &[
    ("participatiewet", LawfulBasisKind::PublicTask),
    ("wmo", LawfulBasisKind::PublicTask),
    ("jeugdwet", LawfulBasisKind::PublicTask),
    ("wet brp", LawfulBasisKind::PublicTask),
    ("basisregistratie personen", LawfulBasisKind::PublicTask),
    ("gemeentewet", LawfulBasisKind::PublicTask),
    ("omgevingswet", LawfulBasisKind::PublicTask),
    ("wabo", LawfulBasisKind::PublicTask),
    ("leerplichtwet", LawfulBasisKind::PublicTask),
    ("kieswet", LawfulBasisKind::PublicTask),
    ("wet publieke gezondheid", LawfulBasisKind::PublicTask),
    ("wet kinderopvang", LawfulBasisKind::PublicTask),
    ("wet inburgering", LawfulBasisKind::PublicTask),
    ("woningwet", LawfulBasisKind::PublicTask),
    ("huisvestingswet", LawfulBasisKind::PublicTask),
    ("schuldhulpverlening", LawfulBasisKind::PublicTask),
    ("ioaw", LawfulBasisKind::PublicTask),
    ("ioaz", LawfulBasisKind::PublicTask),
    ("wet bibob", LawfulBasisKind::PublicTask),
    ("waterschapswet", LawfulBasisKind::PublicTask),
    ("wet veiligheidsregio", LawfulBasisKind::PublicTask),
    ("invorderingswet", LawfulBasisKind::PublicTask),
    ("wet waardering onroerende zaken", LawfulBasisKind::PublicTask),
    ("algemene wet bestuursrecht", LawfulBasisKind::PublicTask),
    ("awb", LawfulBasisKind::PublicTask),
    ("archiefwet", LawfulBasisKind::LegalObligation),
    (
        "algemene wet inzake rijksbelastingen",
        LawfulBasisKind::LegalObligation,
    ),
    ("wet op de loonbelasting", LawfulBasisKind::LegalObligation),
    ("arbeidsomstandighedenwet", LawfulBasisKind::LegalObligation),
    ("arbowet", LawfulBasisKind::LegalObligation),
    ("wet verbetering poortwachter", LawfulBasisKind::LegalObligation),
    ("wwft", LawfulBasisKind::LegalObligation),
];

/// Wordings registers use for a basis, by a phrase in them (lowercase), and the bases they name.
const WORDINGS: &[(&str, &[LawfulBasisKind])] = &[
    (
        "wettelijke verplichting",
        &[LawfulBasisKind::LegalObligation, LawfulBasisKind::PublicTask],
    ),
    (
        "wettelijk verplicht",
        &[LawfulBasisKind::LegalObligation, LawfulBasisKind::PublicTask],
    ),
    ("wettelijke taak", &[LawfulBasisKind::PublicTask]),
    ("publieke taak", &[LawfulBasisKind::PublicTask]),
    ("publiekrechtelijke taak", &[LawfulBasisKind::PublicTask]),
    ("algemeen belang", &[LawfulBasisKind::PublicTask]),
    ("openbaar gezag", &[LawfulBasisKind::PublicTask]),
    ("toestemming", &[LawfulBasisKind::Consent]),
    ("overeenkomst", &[LawfulBasisKind::Contract]),
    ("vitaal belang", &[LawfulBasisKind::VitalInterests]),
    ("vitale belangen", &[LawfulBasisKind::VitalInterests]),
    ("gerechtvaardigd belang", &[LawfulBasisKind::LegitimateInterests]),
    (
        "gerechtvaardigde belangen",
        &[LawfulBasisKind::LegitimateInterests],
    ),
];

/// The bases the statute or wording makes likely, in Art 6(1) order; never `public_task` for a
/// controller that is not a public authority.
fn candidates(basis: &LawfulBasis, public_authority: bool) -> Vec<LawfulBasisKind> {
    let mut found = Vec::new();
    if let Some(provision) = &basis.legal_provision {
        let provision = provision.to_lowercase();
        found.extend(
            STATUTES
                .iter()
                .filter(|(word, _)| provision.contains(word))
                .map(|&(_, kind)| kind),
        );
    }
    if let Some(wording) = &basis.wording {
        let wording = wording.to_lowercase();
        found.extend(
            WORDINGS
                .iter()
                .filter(|(phrase, _)| wording.contains(phrase))
                .flat_map(|(_, kinds)| kinds.iter().copied()),
        );
    }
    found.retain(|&k| public_authority || k != LawfulBasisKind::PublicTask);
    found.sort();
    found.dedup();
    found
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for activity in ctx.gdpr_activities() {
        for (i, basis) in activity.activity.lawful_bases.iter().enumerate() {
            if basis.basis.is_some() {
                continue;
            }
            let stated = match (&basis.legal_provision, &basis.wording) {
                (Some(provision), _) if !provision.trim().is_empty() => {
                    message!("the statute `{}`", provision.trim())
                }
                (_, Some(wording)) if !wording.trim().is_empty() => {
                    message!("the words \"{}\"", wording.trim())
                }
                _ => "nothing".to_owned(),
            };
            let candidates = candidates(basis, ctx.public_authority());
            let needs_provision = !provided(&basis.legal_provision);
            let hint = match candidates.as_slice() {
                [] => "add `basis` with the Art 6(1) basis this is (`legal_obligation`, `public_task`, `consent`, `contract`, `vital_interests` or `legitimate_interests`)".to_owned(),
                [only] => message!("add `basis: {only}` ({}) if that is what it is", only.article()),
                several => message!(
                    "add `basis`: {}",
                    several
                        .iter()
                        .map(|k| message!("`{k}` ({})", k.article()))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            };
            let hint = if needs_provision
                && candidates.iter().all(|k| k.needs_legal_provision())
                && !candidates.is_empty()
            {
                message!("{hint}, and the `legal_provision` that lays it down")
            } else {
                hint
            };
            out.push(ctx.finding(
                &RULE,
                activity.at_index("lawful_bases", i),
                message!(
                    "activity {} gives a lawful basis as {stated}, without its Art 6(1) basis",
                    activity.name()
                ),
                hint,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    /// The rule's non-compliant example with `entry` as its lawful basis.
    fn unlettered(entry: &str) -> String {
        RULE.non_compliant
            .replace("{ legal_provision: \"Participatiewet art. 47\" }", entry)
    }

    rule_tests!(RULE);

    fn hint(r: &Register) -> String {
        findings_of(&RULE, r, None)
            .first()
            .map(|f| f.hint.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn the_statute_or_wording_suggests_candidates() {
        let r = parse(&unlettered("{ legal_provision: Archiefwet 1995 }"));
        assert_eq!(
            hint(&r),
            "add `basis: legal_obligation` (GDPR Art 6(1)(c)) if that is what it is"
        );
        let r = parse(&unlettered("{ wording: Wettelijke verplichting }"));
        assert_eq!(
            hint(&r),
            "add `basis`: `legal_obligation` (GDPR Art 6(1)(c)) or `public_task` (GDPR Art 6(1)(e)), and the `legal_provision` that lays it down"
        );
        // The adjective form reads the same: "GBLT is wettelijk verplicht om te toetsen".
        let r = parse(&unlettered("{ wording: wettelijk verplicht om te toetsen }"));
        assert!(
            hint(&r).starts_with("add `basis`: `legal_obligation`"),
            "{}",
            hint(&r)
        );
    }

    #[test]
    fn never_suggests_a_public_task_to_a_private_body() {
        let text = unlettered("{ wording: Wettelijke verplichting }")
            .replace("public_authority: true", "public_authority: false");
        assert_eq!(
            hint(&parse(&text)),
            "add `basis: legal_obligation` (GDPR Art 6(1)(c)) if that is what it is, and the `legal_provision` that lays it down"
        );
    }

    #[test]
    fn an_empty_entry_names_nothing() {
        let findings = findings_of(&RULE, &parse(&unlettered("{}")), None);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0]
                .message
                .ends_with("as nothing, without its Art 6(1) basis")
        );
    }
}
