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
    triggers: &[Trigger::NationalId, Trigger::NationalIdBasis],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let public_authority = ctx.public_authority();
    // The activities that use a national identification number under the register's default
    // basis: a flaw in the default is reported once, at the default, with them as related
    // places. Activities without the number do not rely on the default at all.
    let mut on_default = Vec::new();
    for activity in ctx.gdpr_activities() {
        let used = || super::first_category(ctx, &activity, |c| c.national_id.is_some());
        let Some(basis) = ctx.register.defaults.national_id_basis(activity.activity) else {
            let Some(used) = used() else {
                continue;
            };
            out.push(without_basis(ctx, &activity, used, public_authority));
            continue;
        };
        if activity.activity.national_id_basis.is_none() {
            if let Some((i, _)) = used() {
                on_default.push((activity, i));
            }
            continue;
        }
        if let Some(flaw) = flaw(basis, public_authority) {
            let finding = ctx.finding(
                &RULE,
                activity.at("national_id_basis"),
                message!("activity {} relies on {}", activity.name(), flaw.says),
                flaw.hint,
            );
            out.push(flaw.explained(finding));
        }
    }
    let Some(((first, _), others)) = on_default.split_first() else {
        return;
    };
    let Some(flaw) = ctx
        .register
        .defaults
        .national_id_basis
        .as_ref()
        .and_then(|basis| flaw(basis, public_authority))
    else {
        return;
    };
    let users = match others.len() {
        0 => message!("activity {}", first.name()),
        n => message!("activity {} and {n} more", first.name()),
    };
    let mut finding = ctx.finding(
        &RULE,
        (
            Subject::Register,
            FieldPath::root().key("defaults").key("national_id_basis"),
        ),
        message!(
            "the default `national_id_basis`, used by {users}, relies on {}",
            flaw.says
        ),
        flaw.hint,
    );
    for (activity, i) in &on_default {
        finding = finding.related(
            activity.at_index("data_categories", *i),
            message!(
                "activity {} uses a national identification number",
                activity.name()
            ),
        );
    }
    out.push(flaw.explained(finding));
}

/// What is wrong with a national-id basis, in words that follow "… relies on".
struct Flaw {
    says: &'static str,
    hint: &'static str,
    /// Whether the controller's not being a public authority is the flaw.
    not_public_authority: bool,
}

impl Flaw {
    /// The finding, with the controller's status as related place when that is the flaw.
    fn explained(&self, finding: Finding) -> Finding {
        if !self.not_public_authority {
            return finding;
        }
        finding.related(
            (
                Subject::Register,
                FieldPath::root().key("controller").key("public_authority"),
            ),
            "the controller is not a public authority",
        )
    }
}

/// The flaw in a stated basis, if any: a sectoral law not cited, or Wabb art 10 (which covers
/// administrative bodies only) claimed by a controller that is not one.
fn flaw(basis: &NationalIdBasis, public_authority: bool) -> Option<Flaw> {
    match basis.basis {
        NationalIdBasisKind::SectoralLaw if !provided(&basis.legal_provision) => Some(Flaw {
            says: "a sectoral law for the national identification number but cites none",
            hint: "add `legal_provision` with the statute that prescribes use of the number",
            not_public_authority: false,
        }),
        NationalIdBasisKind::AdministrativeBodyPublicTask if !public_authority => Some(Flaw {
            says: "Wabb art 10 for the national identification number, but the controller is not a public authority",
            hint: "Wabb art 10 covers only administrative bodies: cite the law that prescribes the number as `{ basis: sectoral_law, legal_provision: ... }`, or stop using it",
            not_public_authority: true,
        }),
        _ => None,
    }
}

/// The finding for an activity that uses the national identification number `used` with no
/// basis, its own or the register's default.
fn without_basis(
    ctx: &Context<'_>,
    activity: &ActivityRef<'_>,
    used: (usize, &DataCategory),
    public_authority: bool,
) -> Finding {
    // An administrative body performing its task has Wabb art 10 by law: the register only
    // fails to record it, which is a warning, not a use without a basis.
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
        activity,
        used,
        "a national identification number",
        message,
        if public_authority {
            "add `national_id_basis: { basis: administrative_body_public_task, legal_provision: \"Wabb art. 10\" }` for use in the public task, or `{ basis: sectoral_law, legal_provision: ... }` citing the law that prescribes the number"
        } else {
            "add `national_id_basis: { basis: sectoral_law, legal_provision: ... }` citing the law that prescribes the number, or stop using it"
        },
    );
    if task {
        finding.with_severity(Severity::Warning)
    } else {
        finding
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

    /// A flawed default basis is reported once, at the default, for the activities that use a
    /// national identification number; activities without one do not rely on it. (It was
    /// reported for every activity of the register, BSN or not.)
    #[test]
    fn a_flawed_default_is_reported_once_for_the_activities_that_use_the_number() {
        let text = RULE.non_compliant.replace(
            "activities:",
            "defaults:\n  national_id_basis: { basis: sectoral_law }\nactivities:",
        ) + "  - id: nieuwsbrief\n    name: Nieuwsbrief\n    data_categories: [naam]\n  - id: bijstand\n    name: Bijstand\n    data_categories: [bsn]\n";
        let findings = findings_of(&RULE, &parse(&text), None);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].path.to_string(), "/defaults/national_id_basis");
        assert_eq!(findings[0].related.len(), 2);
        insta::assert_snapshot!(findings[0].message, @"the default `national_id_basis`, used by activity `wmo_melding` and 1 more, relies on a sectoral law for the national identification number but cites none");
        // Compliant twin: the same default with the law cited.
        let cited = text.replace(
            "{ basis: sectoral_law }",
            "{ basis: sectoral_law, legal_provision: \"Wbsn-z art. 4\" }",
        );
        assert!(findings_of(&RULE, &parse(&cited), None).is_empty());
        // No activity uses the number: nothing relies on the default.
        let unused = (text.replace("[naam, bsn]", "[naam]")).replace("[bsn]", "[naam]");
        assert!(findings_of(&RULE, &parse(&unused), None).is_empty());
    }

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
