//! `national-id-without-basis`: the BSN and other national identification numbers may only be
//! used where law provides for it.

use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "national-id-without-basis",
    severity: Severity::Error,
    articles: &["UAVG art 46", "GDPR Art 87", "Wabb art 10"],
    summary: "an activity uses a national identification number without a statutory basis",
    why: "A number the law prescribes for identifying people, such as the citizen service number \
          (BSN), may only be used to carry out that law or for purposes a law designates (UAVG \
          art 46, under GDPR Art 87). Administrative bodies may use the BSN for their public \
          task (Wabb art 10); any other controller needs a sectoral law that prescribes it, and \
          the register should cite that law.",
    non_compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: naam, label: Naam }
    - { id: bsn, label: Burgerservicenummer, national_id: bsn }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    data_categories: [naam, bsn]
"#,
    compliant: r#"controller: { name: Gemeente Voorbeeld, public_authority: true }
catalogues:
  data_categories:
    - { id: naam, label: Naam }
    - { id: bsn, label: Burgerservicenummer, national_id: bsn }
activities:
  - id: wmo_melding
    name: Wmo-melding behandelen
    data_categories: [naam, bsn]
    national_id_basis: { basis: administrative_body_public_task, legal_provision: "Wabb art. 10" }
"#,
    scope: Scope::Activity,
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let public_authority = ctx.public_authority();
    for activity in ctx.gdpr_activities() {
        // The activity's own basis, or the register's default (`defaults.national_id_basis`).
        let own = activity.activity.national_id_basis.is_some();
        // Built only for a finding: most activities have none.
        let basis_at = || {
            if own {
                activity.at("national_id_basis")
            } else {
                (
                    Subject::Register,
                    FieldPath::root().key("defaults").key("national_id_basis"),
                )
            }
        };
        match ctx.register.defaults.national_id_basis(activity.activity) {
            None => {
                let Some(used) = super::first_category(ctx, &activity, |c| c.national_id.is_some()) else {
                    continue;
                };
                // An administrative body performing its task has Wabb art 10 by law: the register
                // only fails to record it, which is a warning, not a use without a basis.
                let task = public_authority
                    && (activity.activity.relies_on(LawfulBasisKind::PublicTask)
                        || activity.activity.relies_on(LawfulBasisKind::LegalObligation));
                let message = if task {
                    message!(
                        "activity {} uses the national identification number `{}` without recording its basis (for an administrative body's task, usually Wabb art 10)",
                        activity.name(),
                        used.1.id
                    )
                } else {
                    message!(
                        "activity {} uses the national identification number `{}` without a statutory basis",
                        activity.name(),
                        used.1.id
                    )
                };
                let finding = super::at_category(
                    ctx,
                    &RULE,
                    &activity,
                    used,
                    "a national identification number",
                    message,
                    if public_authority {
                        "add `national_id_basis: { basis: administrative_body_public_task, legal_provision: \"Wabb art. 10\" }` for use in the public task, or `{ basis: sectoral_law, legal_provision: ... }` citing the law that prescribes the number"
                    } else {
                        "add `national_id_basis: { basis: sectoral_law, legal_provision: ... }` citing the law that prescribes the number, or stop using it"
                    },
                );
                out.push(if task {
                    finding.with_severity(Severity::Warning)
                } else {
                    finding
                });
            }
            Some(basis)
                if basis.basis == NationalIdBasisKind::SectoralLaw && !provided(&basis.legal_provision) =>
            {
                out.push(ctx.finding(
                    &RULE,
                    basis_at(),
                    message!(
                        "activity {} relies on a sectoral law for the national identification number but cites none",
                        activity.name()
                    ),
                    "add `legal_provision` with the statute that prescribes use of the number",
                ));
            }
            Some(basis)
                if basis.basis == NationalIdBasisKind::AdministrativeBodyPublicTask && !public_authority =>
            {
                out.push(
                    ctx.finding(
                        &RULE,
                        basis_at(),
                        message!(
                            "activity {} relies on Wabb art 10 for the national identification number, but the controller is not a public authority",
                            activity.name()
                        ),
                        "Wabb art 10 covers only administrative bodies: cite the law that prescribes the number as `{ basis: sectoral_law, legal_provision: ... }`, or stop using it",
                    )
                    .related(
                        (Subject::Register, FieldPath::root().key("controller").key("public_authority")),
                        "the controller is not a public authority",
                    ),
                );
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{findings_of, parse_register as parse, rule_tests};

    /// The compliant example with `basis` as the activity's national-id basis.
    fn with_basis(basis: &str) -> String {
        RULE.compliant.replace(
            "{ basis: administrative_body_public_task, legal_provision: \"Wabb art. 10\" }",
            basis,
        )
    }

    /// An administrative body using the BSN for its public task has Wabb art 10 by law: not
    /// recording it is a warning, not an error.
    #[test]
    fn an_unrecorded_basis_for_a_public_task_is_a_warning() {
        let text = RULE.non_compliant.to_owned()
            + "    lawful_bases:\n      - { basis: public_task, legal_provision: \"Wmo 2015 art. 2.3.2\" }\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(
            findings[0].message.contains("without recording its basis"),
            "{}",
            findings[0].message
        );
        let text = text.replace("public_authority: true", "public_authority: false");
        assert_eq!(
            findings_of(&RULE, &parse(&text), None)[0].severity,
            Severity::Error
        );
    }

    /// A register-wide default basis covers every activity that does not state its own.
    #[test]
    fn the_register_default_basis_counts() {
        assert!(!findings_of(&RULE, &parse(RULE.non_compliant), None).is_empty());
        let text = RULE.non_compliant.replace(
            "activities:",
            "defaults:\n  national_id_basis: { basis: administrative_body_public_task, legal_provision: \"Wabb art. 10\" }\nactivities:",
        );
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }

    rule_tests!(RULE);

    #[test]
    fn a_sectoral_law_must_be_cited() {
        let text = with_basis("{ basis: sectoral_law }");
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path.to_string(), "/activities/0/national_id_basis");
    }

    #[test]
    fn wabb_article_10_is_for_administrative_bodies_only() {
        let private = |text: &str| text.replace("public_authority: true", "public_authority: false");
        let findings = findings_of(&RULE, &parse(&private(RULE.compliant)), None);
        assert_eq!(findings.len(), 1);
        assert!(findings[0].message.contains("not a public authority"));
        let text = private(&with_basis(
            "{ basis: sectoral_law, legal_provision: \"Wbsn-z art. 4\" }",
        ));
        assert!(findings_of(&RULE, &parse(&text), None).is_empty());
    }
}
