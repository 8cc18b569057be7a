//! `unused-catalogue-entry`: a catalogue entry no activity uses.

use crate::engine::index::{Indexed, catalogue_ids};
use crate::engine::rules::prelude::*;

pub(crate) static RULE: Rule = Rule {
    id: "unused-catalogue-entry",
    severity: Severity::Info,
    articles: &["GDPR Art 30(1)", "GDPR Art 5(1)(c)"],
    summary: "a catalogue entry is not used by any activity",
    why: "An entry no activity refers to either describes processing that no longer happens, or \
          processing the register forgot to list. Either way the register no longer matches \
          practice; remove the entry or add it to the activity that uses it.",
    non_compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  data_categories:\n    - { id: naam, label: Naam }\n    - { id: fax, label: Faxnummer }\nactivities:\n  - { id: contact, name: Contact, data_categories: [naam] }\n",
    compliant: "controller: { name: Gemeente Voorbeeld, public_authority: true }\ncatalogues:\n  data_categories:\n    - { id: naam, label: Naam }\nactivities:\n  - { id: contact, name: Contact, data_categories: [naam] }\n",
    scope: Scope::Register,
    triggers: &[],
    since: "0.1.0",
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let register = ctx.register;
    // What the activities refer to was marked while their references were resolved, once per
    // run for all rules.
    let mut used = Used::new(ctx);
    // A processor behind a used recipient or system, and measures of a used system or of an
    // Art 30(2) record, are in use too.
    let c = &register.catalogues;
    for (r, recipient) in c.recipients.iter().enumerate() {
        if used.is_used::<Recipient>(r) {
            used.mark::<Processor>(recipient.processor.as_slice());
        }
    }
    for (s, system) in c.systems.iter().enumerate() {
        if used.is_used::<System>(s) {
            used.mark::<Processor>(system.processor.as_slice());
            used.mark::<SecurityMeasure>(&system.security_measures);
        }
    }
    used.mark::<SecurityMeasure>(&register.defaults.security_measures);
    for rule in &c.retention_rules {
        used.mark::<System>(&rule.systems);
    }
    for record in &register.processing_on_behalf {
        used.mark::<SecurityMeasure>(&record.security_measures);
    }
    used.report::<DataSubject>(out);
    used.report::<DataCategory>(out);
    used.report::<Purpose>(out);
    used.report::<Recipient>(out);
    used.report::<Processor>(out);
    used.report::<RetentionRule>(out);
    used.report::<SecurityMeasure>(out);
    used.report::<System>(out);
}

/// Which catalogue entries are in use, by position. An entry counts as used when the first entry
/// with its id is (a duplicate id is `duplicate-id`'s finding, not this rule's).
struct Used<'c, 'a> {
    ctx: &'c Context<'a>,
    marks: [Vec<bool>; 8],
}

impl<'c, 'a> Used<'c, 'a> {
    fn new(ctx: &'c Context<'a>) -> Self {
        let marks = ctx.uses.references().used.clone();
        Self {
            ctx,
            marks: marks.unwrap_or_else(|| {
                catalogue_ids(&ctx.register.catalogues).map(|(_, _, ids)| vec![false; ids.len()])
            }),
        }
    }

    /// The marks of `T`'s catalogue (none for a catalogue beyond the eight, which cannot be).
    fn marks<T: Indexed>(&mut self) -> Option<&mut Vec<bool>> {
        self.marks.get_mut(T::ORDINAL)
    }

    /// Marks the entries `ids` refer to (an undeclared id is `dangling-reference`'s finding).
    fn mark<T: Indexed>(&mut self, ids: &[Id]) {
        let lookup = T::lookup(self.ctx.index);
        for id in ids {
            if let Some((position, _)) = lookup.get(id.as_str())
                && let Some(mark) = self.marks::<T>().and_then(|marks| marks.get_mut(position))
            {
                *mark = true;
            }
        }
    }

    /// Whether the entry at `position` in `T`'s catalogue is used: it is marked, or it repeats
    /// the id of an earlier entry that is (references mark the first entry with an id).
    fn is_used<T: Indexed>(&self, position: usize) -> bool {
        let marks = self.marks.get(T::ORDINAL);
        let marked = |position: usize| {
            marks
                .and_then(|marks| marks.get(position))
                .is_some_and(|used| *used)
        };
        if marked(position) {
            return true;
        }
        let lookup = T::lookup(self.ctx.index);
        let first = lookup
            .items()
            .get(position)
            .and_then(|entry| lookup.get(entry.id().as_str()))
            .map_or(position, |(first, _)| first);
        first != position && marked(first)
    }

    /// A finding for every entry of `T`'s catalogue that is not used.
    fn report<T: Indexed>(&mut self, out: &mut Vec<Finding>) {
        let ctx = self.ctx;
        for (i, entry) in T::lookup(ctx.index).items().iter().enumerate() {
            if !self.is_used::<T>(i) {
                out.push(ctx.finding(
                    &RULE,
                    (
                        Subject::Register,
                        catalogue_path::<T>(Subject::Register).index(i).key("id"),
                    ),
                    message!("the {} `{}` is not used by any activity", T::NOUN, entry.id()),
                    "add it to the activities that use it, or remove it from the register",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::testing::{parse_register, paths_of, rule_tests};

    rule_tests!(RULE);

    /// Use is judged by id: both entries of a duplicated id count as used (the duplicate is
    /// `duplicate-id`'s finding), and a processor behind a used recipient or system, or a
    /// system's measures, are used; a system named only by a retention rule passes nothing on.
    #[test]
    fn use_follows_ids_and_what_stands_behind_used_entries() {
        let register = parse_register(
            "controller: { name: Gemeente Voorbeeld, public_authority: true }\n\
             catalogues:\n\
             \x20 data_categories:\n\
             \x20   - { id: naam, label: Naam }\n\
             \x20   - { id: naam, label: Naam (dubbel) }\n\
             \x20 processors:\n\
             \x20   - { id: hoster, name: Hoster }\n\
             \x20   - { id: mailer, name: Mailer }\n\
             \x20   - { id: backup, name: Backup }\n\
             \x20 recipients:\n\
             \x20   - { id: post, label: Post, processor: mailer }\n\
             \x20 systems:\n\
             \x20   - { id: zaak, name: Zaaksysteem, processor: hoster, security_measures: [mfa] }\n\
             \x20   - { id: archief, name: Archief, processor: backup }\n\
             \x20 security_measures:\n\
             \x20   - { id: mfa, label: MFA, category: authentication }\n\
             \x20 retention_rules:\n\
             \x20   - { id: vijf, label: Vijf jaar, period: { after_event: { period: P5Y, event: case_closed } }, systems: [archief] }\n\
             activities:\n\
             \x20 - { id: contact, name: Contact, data_categories: [naam], recipients: [post], systems: [zaak], retention: [vijf] }\n",
        );
        assert_eq!(paths_of(&RULE, &register), ["/catalogues/processors/2/id"],);
    }
}
