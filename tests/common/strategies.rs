//! Hand-written proptest strategies for every type of the model.
//!
//! Strings lean on the values loaders get wrong: edge whitespace, line breaks, quotes, YAML
//! indicators, words a YAML 1.1 or 1.2 resolver reads as booleans, numbers, null or dates,
//! control and separator characters, and lines long enough for a serializer to fold. Sizes stay
//! small (at most two elements per list) so that a case runs fast.

use std::fmt::Debug;

use chrono::NaiveDate;
use proptest::collection::{VecStrategy, vec};
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;
use ropa::model::*;
use strum::IntoEnumIterator;
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/// Any variant of a list enum.
pub fn list<E>() -> BoxedStrategy<E>
where
    E: IntoEnumIterator + Clone + Debug + 'static,
{
    select(E::iter().collect::<Vec<_>>()).boxed()
}

/// A short list (0 to 2 elements).
fn few<S: Strategy>(element: S) -> VecStrategy<S> {
    vec(element, 0..3)
}

/// A [`Listed`]: not stated, none, or one or two items.
pub fn listed<S>(element: S) -> BoxedStrategy<Listed<S::Value>>
where
    S: Strategy + 'static,
    S::Value: Clone + Debug + 'static,
{
    prop_oneof![
        Just(Listed::NotStated),
        Just(Listed::None),
        vec(element, 1..3).prop_map(Listed::Items),
    ]
    .boxed()
}

/// Strings that a YAML, TOML or JSON writer or reader is likely to get wrong.
pub const TRICKY_STRINGS: &[&str] = &[
    "",
    " ",
    "  ",
    " leading",
    "trailing ",
    "  both  ",
    "\t",
    "tab\tinside",
    "\ttab first",
    "tab last\t",
    "\n",
    "\n\n",
    "one\ntwo",
    "trailing newline\n",
    "two trailing newlines\n\n",
    "\nleading newline",
    " \n indented\n  more\n",
    "a\n b\n  c",
    "line with trailing space \nnext",
    "\r",
    "\r\n",
    "cr\rinside",
    "crlf\r\nlines",
    "say \"hi\"",
    "\"",
    "'",
    "it's",
    "'single quoted'",
    "\"double quoted\"",
    "key: value",
    "key:",
    ":",
    ": leading colon",
    "a:b",
    "http://example.org/a?b=c#d",
    "#",
    "# not a comment",
    "value # not a comment",
    "value#hash",
    "-",
    "- item",
    "-dash",
    "--",
    "---",
    "--- x",
    "...",
    "? question",
    "?",
    "[a, b]",
    "{a: b}",
    "[",
    "}",
    ",",
    "&anchor",
    "*alias",
    "!tag",
    "!!str",
    "|",
    "|-",
    ">",
    "> folded",
    "%YAML 1.2",
    "@",
    "`",
    "<<",
    "=",
    "\\",
    "back\\slash",
    "\\n",
    "\\u0041",
    "yes",
    "no",
    "Yes",
    "NO",
    "on",
    "Off",
    "y",
    "N",
    "true",
    "False",
    "TRUE",
    "null",
    "Null",
    "NULL",
    "~",
    "0",
    "123",
    "-7",
    "+5",
    "007",
    "1e3",
    "1E-3",
    "1.5",
    ".5",
    "5.",
    "-.5",
    "0x1F",
    "0o17",
    "0x-1",
    "0x+1f",
    "0o-7",
    "0o+7",
    "0b101",
    "1_000",
    "1:30",
    "190:20:30",
    ".inf",
    "-.Inf",
    ".nan",
    "nan",
    "inf",
    "99999999999999999999",
    "-9223372036854775809",
    "9223372036854775807",
    "2021-03-16",
    "2021-3-6",
    "2021-03-16T10:00:00Z",
    "2021-03-16 10:00:00",
    "10:00:00",
    "P5Y",
    "NL",
    "\u{0}",
    "\u{7}",
    "\u{1b}[0m",
    "\u{7f}",
    "\u{85}",
    "nel\u{85}inside",
    "\u{a0}",
    "nbsp\u{a0}",
    "\u{2028}",
    "ls\u{2028}ps\u{2029}",
    "\u{feff}",
    "\u{feff}bom first",
    "\u{fffd}",
    "\u{ffff}",
    "é ü ñ ß",
    "字",
    "😀",
    "emoji 😀\n😀",
    "Gemeente Voorbeeld",
];

fn tricky() -> BoxedStrategy<String> {
    select(TRICKY_STRINGS).prop_map(str::to_owned).boxed()
}

/// Several lines, some indented, some with edge whitespace, YAML indicators or trailing
/// newlines: the input a block-scalar writer and reader must agree on.
fn multiline() -> BoxedStrategy<String> {
    (
        vec(
            "[ \t]{0,3}[a-zA-Z0-9#:'\"|>-]{0,10}( {1,2}[a-z0-9:#-]{1,8}){0,12}[ \t]{0,2}",
            1..5,
        ),
        0usize..3,
    )
        .prop_map(|(lines, trailing)| {
            let mut text = lines.join("\n");
            text.push_str(&"\n".repeat(trailing));
            text
        })
        .boxed()
}

/// A line long enough (more than 32 characters) for a YAML writer to fold it.
fn long_line() -> BoxedStrategy<String> {
    "[a-z]{1,12}( {1,2}[a-z:#]{1,12}){8,25} ?".boxed()
}

/// A string for any free-text field.
pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        5 => "\\PC{0,30}",
        3 => tricky(),
        2 => vec(prop_oneof![tricky(), "\\PC{0,8}".boxed(), "[ \t\n]{1,3}".boxed()], 1..4)
            .prop_map(|pieces| pieces.concat()),
        1 => multiline(),
        1 => long_line(),
    ]
    .boxed()
}

/// Valid ids that a resolver may read as something other than a string.
pub const TRICKY_IDS: &[&str] = &[
    "null",
    "true",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "nan",
    "inf",
    "0",
    "123",
    "007",
    "1e3",
    "1e-3",
    "1.5",
    "1.",
    "0x1f",
    "0o17",
    "0x-0",
    "0o-7",
    "0b101",
    "1_000",
    "2021-03-16",
    "10.00.00",
    "1-2",
    "a.b",
    "x",
];

/// An [`Id`].
pub fn id() -> BoxedStrategy<Id> {
    prop_oneof![
        6 => "[a-z][a-z0-9_.-]{0,20}",
        2 => "[0-9][a-z0-9_.-]{0,10}",
        2 => select(TRICKY_IDS).prop_map(str::to_owned),
        1 => "[a-z0-9][a-z0-9_.-]{63}",
    ]
    .prop_map(|text| Id::parse(&text).expect("the generator makes valid ids"))
    .boxed()
}

/// A [`Date`], years 1 to 9999 (so that years below 1000 are zero-padded).
pub fn date() -> BoxedStrategy<Date> {
    (1i32..=9999, 1u32..=12, 1u32..=31)
        .prop_filter_map("not a calendar date", |(y, m, d)| {
            NaiveDate::from_ymd_opt(y, m, d).map(Date)
        })
        .boxed()
}

/// A [`Period`] with small values, any units combined (weeks too, as ISO 8601-2 allows).
pub fn period() -> BoxedStrategy<Period> {
    let small = || prop_oneof![3 => Just(0u32), 2 => 0u32..100, 1 => 100u32..100_000];
    prop_oneof![
        4 => ((small(), small(), small(), small()), (small(), small(), small())).prop_map(
            |((years, months, weeks, days), (hours, minutes, seconds))| Period {
                years,
                months,
                weeks,
                days,
                hours,
                minutes,
                seconds,
            }
        ),
        1 => Just(Period::default()),
    ]
    .boxed()
}

/// A [`CountryCode`].
pub fn country() -> BoxedStrategy<CountryCode> {
    prop_oneof![
        3 => select(ISO_3166_ALPHA_2).prop_map(str::to_owned).boxed(),
        // `NO` (Norway) is a YAML 1.1 boolean.
        2 => select(&["NO", "NL", "US", "EU", "EEA", "XK"][..])
            .prop_map(str::to_owned)
            .boxed(),
    ]
    .prop_map(|text| CountryCode::parse(&text).expect("the generator makes valid country codes"))
    .boxed()
}

/// A [`Uuid`].
pub fn uuid() -> BoxedStrategy<Uuid> {
    prop_oneof![
        4 => any::<u128>(),
        1 => Just(0u128),
        1 => Just(u128::MAX),
    ]
    .prop_map(Uuid::from_u128)
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------------------------

/// A [`Contact`].
pub fn contact() -> BoxedStrategy<Contact> {
    (of(text()), of(text()), of(text()), of(text()))
        .prop_map(|(email, phone, address, website)| Contact {
            email,
            phone,
            address,
            website,
        })
        .boxed()
}

/// A [`Party`].
pub fn party() -> BoxedStrategy<Party> {
    (text(), contact())
        .prop_map(|(name, contact)| Party { name, contact })
        .boxed()
}

/// A [`DataProtectionOfficer`].
pub fn dpo() -> BoxedStrategy<DataProtectionOfficer> {
    (of(text()), contact(), of(any::<bool>()), of(any::<bool>()))
        .prop_map(|(name, contact, internal, independent)| DataProtectionOfficer {
            name,
            contact,
            internal,
            independent,
        })
        .boxed()
}

/// A [`SupervisoryAuthority`].
pub fn supervisory_authority() -> BoxedStrategy<SupervisoryAuthority> {
    (text(), of(country()), of(text()))
        .prop_map(|(name, country, website)| SupervisoryAuthority {
            name,
            country,
            website,
        })
        .boxed()
}

/// A [`Controller`].
pub fn controller() -> BoxedStrategy<Controller> {
    (
        text(),
        of(text()),
        of(text()),
        contact(),
        of(party()),
        of(dpo()),
        any::<bool>(),
        of(country()),
        of(supervisory_authority()),
        of(any::<u32>()),
        any::<bool>(),
    )
        .prop_map(
            |(
                name,
                short_name,
                description,
                contact,
                representative,
                dpo,
                public_authority,
                country,
                supervisory_authority,
                employees,
                claims_art30_5_exemption,
            )| Controller {
                name,
                administrative_bodies: Vec::new(),
                short_name,
                description,
                contact,
                representative,
                dpo,
                public_authority,
                country,
                supervisory_authority,
                employees,
                claims_art30_5_exemption,
            },
        )
        .boxed()
}

/// A [`ProcessingOnBehalf`] record.
pub fn processing_on_behalf() -> BoxedStrategy<ProcessingOnBehalf> {
    (
        id(),
        party(),
        of(contact()),
        few(text()),
        few(transfer()),
        few(id()),
        of(text()),
    )
        .prop_map(
            |(
                id,
                controller,
                controller_dpo,
                processing_categories,
                transfers,
                security_measures,
                agreement_reference,
            )| ProcessingOnBehalf {
                id,
                controller,
                controller_dpo,
                processing_categories,
                transfers,
                security_measures,
                agreement_reference,
            },
        )
        .boxed()
}

/// A [`RegisterInfo`].
pub fn register_info() -> BoxedStrategy<RegisterInfo> {
    (
        of(text()),
        of(date()),
        of(text()),
        any::<bool>(),
        of(text()),
        of(any::<u32>()),
    )
        .prop_map(
            |(title, updated, language, incomplete, source, stated_activity_count)| RegisterInfo {
                title,
                updated,
                language,
                incomplete,
                stated_activity_count,
                source,
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Statement
// ---------------------------------------------------------------------------------------------

/// A [`DocumentRef`].
pub fn document_ref() -> BoxedStrategy<DocumentRef> {
    (text(), of(text()))
        .prop_map(|(title, url)| DocumentRef { title, url })
        .boxed()
}

/// A [`Channel`].
pub fn channel() -> BoxedStrategy<Channel> {
    (list::<ChannelKind>(), of(text()))
        .prop_map(|(kind, address)| Channel { kind, address })
        .boxed()
}

/// A [`RightOffer`].
pub fn right_offer() -> BoxedStrategy<RightOffer> {
    (
        list::<DataSubjectRight>(),
        few(channel()),
        any::<bool>(),
        any::<bool>(),
        of(text()),
        few(text()),
        of(text()),
        of(document_ref()),
        few(list::<InformationItem>()),
    )
        .prop_map(
            |(
                right,
                channels,
                identification_required,
                electronic_copy,
                handled_by,
                conditions,
                description,
                document,
                provides,
            )| {
                RightOffer {
                    right,
                    description,
                    document,
                    provides,
                    channels,
                    identification_required,
                    electronic_copy,
                    handled_by,
                    conditions,
                }
            },
        )
        .boxed()
}

/// A [`CookieCommitment`].
pub fn cookie_commitment() -> BoxedStrategy<CookieCommitment> {
    (few(list::<CookieClass>()), of(text()))
        .prop_map(|(classes, refusal)| CookieCommitment { classes, refusal })
        .boxed()
}

/// A [`ChildrenCommitment`].
pub fn children_commitment() -> BoxedStrategy<ChildrenCommitment> {
    (any::<bool>(), any::<u8>())
        .prop_map(|(targeted, minimum_age)| ChildrenCommitment {
            targeted,
            minimum_age,
        })
        .boxed()
}

/// A [`ComplaintRoute`].
pub fn complaint_route() -> BoxedStrategy<ComplaintRoute> {
    (any::<bool>(), any::<bool>())
        .prop_map(|(internal, supervisory_authority)| ComplaintRoute {
            internal,
            supervisory_authority,
        })
        .boxed()
}

/// A [`SecurityBaseline`].
pub fn security_baseline() -> BoxedStrategy<SecurityBaseline> {
    (
        list::<SecurityStandard>(),
        of(text()),
        of(any::<u8>()),
        of(document_ref()),
    )
        .prop_map(|(standard, version, bbn_level, policy)| SecurityBaseline {
            standard,
            version,
            bbn_level,
            policy,
        })
        .boxed()
}

/// A [`BreachCommitment`].
pub fn breach_commitment() -> BoxedStrategy<BreachCommitment> {
    (any::<bool>(), any::<bool>())
        .prop_map(|(protocol, notify_data_subjects)| BreachCommitment {
            protocol,
            notify_data_subjects,
        })
        .boxed()
}

/// A [`VulnerabilityDisclosure`].
pub fn vulnerability_disclosure() -> BoxedStrategy<VulnerabilityDisclosure> {
    (
        of(text()),
        of(document_ref()),
        any::<bool>(),
        of(text()),
        of(text()),
    )
        .prop_map(
            |(contact, policy, terms_accepted_by_reporting, response, handled_with)| {
                VulnerabilityDisclosure {
                    contact,
                    policy,
                    terms_accepted_by_reporting,
                    response,
                    handled_with,
                }
            },
        )
        .boxed()
}

/// A [`Statement`].
pub fn statement() -> BoxedStrategy<Statement> {
    let head = (
        of(text()),
        of(text()),
        of(date()),
        of(text()),
        contact(),
        few(list::<LawfulBasisKind>()),
        of(list::<SpecialCategoriesCommitment>()),
        of(list::<SharingCommitment>()),
        any::<bool>(),
        of(list::<TransferCommitment>()),
        of(list::<AutomatedDecisionsCommitment>()),
        of(cookie_commitment()),
    );
    let body = (
        of(children_commitment()),
        of(list::<RetentionDisclosure>()),
        few(right_offer()),
        of(document_ref()),
        of(period()),
        of(complaint_route()),
        of(security_baseline()),
        of(breach_commitment()),
        of(vulnerability_disclosure()),
        few(list::<DataSourceKind>()),
        few(list::<ChannelKind>()),
        of(document_ref()),
    );
    let tail = (
        few(document_ref()),
        any::<bool>(),
        few(list::<SpecialCategory>()),
        few(list::<NationalIdNumber>()),
        any::<bool>(),
        few(list::<InformationItem>()),
        any::<bool>(),
    );
    (head, body, tail)
        .prop_map(
            |(
                (
                    title,
                    url,
                    updated,
                    language,
                    contact,
                    lawful_bases,
                    special_categories,
                    sharing,
                    processor_agreements_with_all,
                    transfers,
                    automated_decisions,
                    cookies,
                ),
                (
                    children,
                    retention,
                    rights,
                    rights_document,
                    response_time,
                    complaints,
                    security_baseline,
                    breach,
                    vulnerability_disclosure,
                    sources,
                    informs_at,
                    public_register,
                ),
                (
                    policies,
                    work_in_progress,
                    named_special_categories,
                    named_national_ids,
                    purpose_limitation,
                    informs_about,
                    names_criminal_data,
                ),
            )| Statement {
                names_criminal_data,
                title,
                url,
                updated,
                language,
                contact,
                lawful_bases,
                special_categories,
                sharing,
                processor_agreements_with_all,
                transfers,
                automated_decisions,
                cookies,
                children,
                retention,
                rights,
                rights_document,
                response_time,
                complaints,
                security_baseline,
                breach,
                vulnerability_disclosure,
                sources,
                informs_at,
                public_register,
                policies,
                work_in_progress,
                named_special_categories,
                named_national_ids,
                purpose_limitation,
                informs_about,
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Catalogues
// ---------------------------------------------------------------------------------------------

/// A [`DataSubject`].
pub fn data_subject() -> BoxedStrategy<DataSubject> {
    (id(), text(), of(text()), any::<bool>(), any::<bool>())
        .prop_map(
            |(id, label, description, includes_children, vulnerable)| DataSubject {
                id,
                label,
                description,
                includes_children,
                vulnerable,
            },
        )
        .boxed()
}

/// A [`DataCategory`].
pub fn data_category() -> BoxedStrategy<DataCategory> {
    (
        id(),
        text(),
        of(text()),
        of(list::<DataKind>()),
        of(list::<SpecialCategory>()),
        any::<bool>(),
        of(list::<NationalIdNumber>()),
        (
            any::<bool>(),
            any::<bool>(),
            of(document_ref()),
            few(list::<SpecialCategory>()),
        ),
    )
        .prop_map(
            |(
                id,
                label,
                description,
                kind,
                special_category,
                criminal,
                national_id,
                (revealed_indirectly, considered_sensitive, document, also_special_categories),
            )| DataCategory {
                also_special_categories,
                id,
                label,
                description,
                kind,
                special_category,
                criminal,
                national_id,
                revealed_indirectly,
                considered_sensitive,
                document,
            },
        )
        .boxed()
}

/// A [`Purpose`].
pub fn purpose() -> BoxedStrategy<Purpose> {
    (id(), text(), of(text()), of(list::<PurposeKind>()))
        .prop_map(|(id, label, description, kind)| Purpose {
            id,
            label,
            description,
            kind,
        })
        .boxed()
}

/// A [`JointControllerArrangement`].
pub fn joint_controller_arrangement() -> BoxedStrategy<JointControllerArrangement> {
    (any::<bool>(), of(text()), any::<bool>(), of(text()))
        .prop_map(
            |(in_place, reference, essence_published, contact_point)| JointControllerArrangement {
                in_place,
                reference,
                essence_published,
                contact_point,
            },
        )
        .boxed()
}

/// A [`Recipient`].
pub fn recipient() -> BoxedStrategy<Recipient> {
    (
        id(),
        text(),
        of(list::<RecipientKind>()),
        of(text()),
        of(country()),
        of(id()),
        of(joint_controller_arrangement()),
        of(text()),
        any::<bool>(),
        of(text()),
        of(any::<bool>()),
        (of(document_ref()), any::<bool>()),
    )
        .prop_map(
            |(
                id,
                label,
                kind,
                description,
                country,
                processor,
                arrangement,
                sharing_agreement,
                only_with_consent,
                sharing_assessment,
                dpf_certified,
                (document, agreement_checked),
            )| Recipient {
                agreement_checked,
                id,
                label,
                kind,
                description,
                country,
                processor,
                arrangement,
                sharing_agreement,
                only_with_consent,
                sharing_assessment,
                dpf_certified,
                document,
            },
        )
        .boxed()
}

/// A [`ProcessorAgreement`].
pub fn processor_agreement() -> BoxedStrategy<ProcessorAgreement> {
    (
        any::<bool>(),
        of(list::<AgreementForm>()),
        of(date()),
        of(text()),
        few(list::<ProcessorClause>()),
        of(text()),
        any::<bool>(),
    )
        .prop_map(
            |(
                in_place,
                form,
                signed_on,
                reference,
                clauses,
                reason_if_absent,
                controller_requirements_flow_down,
            )| {
                ProcessorAgreement {
                    in_place,
                    form,
                    signed_on,
                    reference,
                    clauses,
                    reason_if_absent,
                    controller_requirements_flow_down,
                }
            },
        )
        .boxed()
}

/// A [`SubProcessor`].
pub fn sub_processor() -> BoxedStrategy<SubProcessor> {
    (
        of(text()),
        of(text()),
        few(country()),
        of(list::<SubProcessorAuthorisation>()),
        of(any::<bool>()),
    )
        .prop_map(
            |(name, service, locations, authorisation, dpf_certified)| SubProcessor {
                name,
                service,
                locations,
                authorisation,
                dpf_certified,
            },
        )
        .boxed()
}

/// A [`Processor`].
pub fn processor() -> BoxedStrategy<Processor> {
    (
        id(),
        of(text()),
        of(text()),
        few(country()),
        of(processor_agreement()),
        few(sub_processor()),
        of(any::<bool>()),
    )
        .prop_map(
            |(id, name, service, locations, agreement, sub_processors, dpf_certified)| Processor {
                id,
                name,
                service,
                locations,
                agreement,
                sub_processors,
                dpf_certified,
            },
        )
        .boxed()
}

/// A [`SecurityMeasure`].
pub fn security_measure() -> BoxedStrategy<SecurityMeasure> {
    (
        id(),
        text(),
        list::<SecurityMeasureCategory>(),
        of(list::<MeasureStatus>()),
        of(date()),
        of(document_ref()),
        of(text()),
    )
        .prop_map(
            |(id, label, category, status, planned_for, document, planned_when)| SecurityMeasure {
                id,
                label,
                category,
                status,
                planned_for,
                planned_when,
                document,
            },
        )
        .boxed()
}

/// A [`System`].
pub fn system() -> BoxedStrategy<System> {
    (id(), text(), of(text()), of(id()), few(country()), few(id()))
        .prop_map(
            |(id, name, description, processor, locations, security_measures)| System {
                id,
                name,
                description,
                processor,
                locations,
                security_measures,
            },
        )
        .boxed()
}

/// An [`AfterEvent`].
pub fn after_event() -> BoxedStrategy<AfterEvent> {
    (
        period(),
        of(period()),
        of(list::<RetentionEvent>()),
        of(text()),
        of(any::<u8>()),
        of(text()),
        of(text()),
        any::<bool>(),
    )
        .prop_map(
            |(period, up_to, event, event_label, age, extended_while, legal_provision, minimum)| AfterEvent {
                period,
                up_to,
                event,
                event_label,
                age,
                extended_while,
                legal_provision,
                minimum,
            },
        )
        .boxed()
}

/// A [`SelectionListCategory`].
pub fn selection_list_category() -> BoxedStrategy<SelectionListCategory> {
    (text(), text(), list::<ArchiveAction>(), of(period()))
        .prop_map(|(list, category, action, period)| SelectionListCategory {
            list,
            category,
            action,
            period,
        })
        .boxed()
}

/// An [`UntilEvent`].
pub fn until_event() -> BoxedStrategy<UntilEvent> {
    (list::<RetentionEvent>(), of(text()), of(any::<u8>()), of(text()))
        .prop_map(|(event, event_label, age, legal_provision)| UntilEvent {
            event,
            event_label,
            age,
            legal_provision,
        })
        .boxed()
}

/// A [`Retention`] that is not conditional.
fn simple_retention() -> BoxedStrategy<Retention> {
    prop_oneof![
        after_event().prop_map(Retention::AfterEvent),
        until_event().prop_map(Retention::UntilEvent),
        selection_list_category().prop_map(Retention::SelectionList),
        of(text()).prop_map(|legal_provision| Retention::Permanent { legal_provision }),
        of(text()).prop_map(|criteria| Retention::AsLongAsNecessary { criteria }),
        of(text()).prop_map(|reason| Retention::Unlimited { reason }),
    ]
    .boxed()
}

/// A [`Retention`], every variant (conditional ones one level deep).
pub fn retention() -> BoxedStrategy<Retention> {
    let conditional = (
        of(simple_retention()),
        vec((text(), of(simple_retention())), 1..3),
    )
        .prop_map(|(otherwise, cases)| {
            Retention::Conditional(ConditionalRetention {
                otherwise: otherwise.map(Box::new),
                cases: cases
                    .into_iter()
                    .map(|(when, retention)| RetentionCase { when, retention })
                    .collect(),
            })
        });
    prop_oneof![4 => simple_retention(), 1 => conditional].boxed()
}

/// A [`RetentionRule`].
pub fn retention_rule() -> BoxedStrategy<RetentionRule> {
    (
        id(),
        text(),
        retention(),
        few(id()),
        of(text()),
        few(id()),
        of(text()),
        of(text()),
    )
        .prop_map(
            |(id, label, period, data_categories, document_type, systems, enforcement, reason)| {
                RetentionRule {
                    id,
                    label,
                    period,
                    data_categories,
                    document_type,
                    systems,
                    reason,
                    enforcement,
                }
            },
        )
        .boxed()
}

/// [`Catalogues`].
pub fn catalogues() -> BoxedStrategy<Catalogues> {
    (
        few(data_subject()),
        few(data_category()),
        few(purpose()),
        few(recipient()),
        few(processor()),
        few(retention_rule()),
        few(security_measure()),
        few(system()),
    )
        .prop_map(
            |(
                data_subjects,
                data_categories,
                purposes,
                recipients,
                processors,
                retention_rules,
                security_measures,
                systems,
            )| Catalogues {
                data_subjects,
                data_categories,
                purposes,
                recipients,
                processors,
                retention_rules,
                security_measures,
                systems,
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

/// A [`LawfulBasis`].
pub fn lawful_basis() -> BoxedStrategy<LawfulBasis> {
    (
        of(list::<LawfulBasisKind>()),
        of(text()),
        of(text()),
        of(text()),
        of(any::<bool>()),
        few(id()),
        few(id()),
    )
        .prop_map(
            |(
                basis,
                wording,
                legal_provision,
                legitimate_interest,
                data_subject_is_party,
                purposes,
                data_categories,
            )| {
                LawfulBasis {
                    basis,
                    wording,
                    legal_provision,
                    legitimate_interest,
                    data_subject_is_party,
                    purposes,
                    data_categories,
                }
            },
        )
        .boxed()
}

/// A [`Consent`].
pub fn consent() -> BoxedStrategy<Consent> {
    (of(text()), any::<bool>(), of(text()), any::<bool>(), of(text()))
        .prop_map(
            |(obtained_by, active_opt_in, withdrawal, erased_on_withdrawal, recorded_in)| Consent {
                obtained_by,
                active_opt_in,
                withdrawal,
                erased_on_withdrawal,
                recorded_in,
            },
        )
        .boxed()
}

/// A [`SpecialCategoryCondition`].
pub fn special_category_condition() -> BoxedStrategy<SpecialCategoryCondition> {
    (
        of(list::<SpecialCategoryConditionKind>()),
        of(list::<UavgSpecialCategoryGround>()),
        of(text()),
        few(list::<SpecialCategory>()),
        few(list::<ResearchSafeguard>()),
        of(text()),
    )
        .prop_map(
            |(condition, uavg_ground, legal_provision, categories, safeguards, consent_not_asked_because)| {
                SpecialCategoryCondition {
                    consent_not_asked_because,
                    condition,
                    uavg_ground,
                    legal_provision,
                    categories,
                    safeguards,
                }
            },
        )
        .boxed()
}

/// A [`CriminalDataBasis`].
pub fn criminal_data_basis() -> BoxedStrategy<CriminalDataBasis> {
    (list::<CriminalDataGround>(), of(text()))
        .prop_map(|(ground, legal_provision)| CriminalDataBasis {
            ground,
            legal_provision,
        })
        .boxed()
}

/// A [`NationalIdBasis`].
pub fn national_id_basis() -> BoxedStrategy<NationalIdBasis> {
    (list::<NationalIdBasisKind>(), of(text()))
        .prop_map(|(basis, legal_provision)| NationalIdBasis {
            basis,
            legal_provision,
        })
        .boxed()
}

/// A [`Transfer`].
pub fn transfer() -> BoxedStrategy<Transfer> {
    (
        country(),
        of(text()),
        of(id()),
        of(id()),
        of(list::<TransferMechanism>()),
        few(text()),
        of(text()),
    )
        .prop_map(
            |(
                country,
                international_organisation,
                recipient,
                processor,
                mechanism,
                safeguards,
                transfer_impact_assessment,
            )| Transfer {
                country,
                international_organisation,
                recipient,
                processor,
                mechanism,
                safeguards,
                transfer_impact_assessment,
            },
        )
        .boxed()
}

/// An [`AutomatedDecisionMaking`].
pub fn automated_decision_making() -> BoxedStrategy<AutomatedDecisionMaking> {
    (
        text(),
        of(any::<bool>()),
        of(any::<bool>()),
        any::<bool>(),
        of(list::<AutomatedDecisionGround>()),
        of(text()),
        few(list::<AutomatedDecisionSafeguard>()),
        of(text()),
        of(text()),
    )
        .prop_map(
            |(
                description,
                solely_automated,
                legal_or_similar_effect,
                profiling,
                ground,
                legal_provision,
                safeguards,
                logic,
                human_involvement,
            )| AutomatedDecisionMaking {
                human_involvement,
                description,
                solely_automated,
                legal_or_similar_effect,
                profiling,
                ground,
                legal_provision,
                safeguards,
                logic,
            },
        )
        .boxed()
}

/// A [`Cookie`].
pub fn cookie() -> BoxedStrategy<Cookie> {
    (
        of(text()),
        list::<CookieClass>(),
        of(text()),
        of(text()),
        list::<CookieConsent>(),
        of(period()),
        few(id()),
        of(any::<bool>()),
        (of(any::<bool>()), of(any::<bool>()), of(id())),
    )
        .prop_map(
            |(
                name,
                class,
                purpose,
                third_party,
                consent,
                lifetime,
                purposes,
                identifies_across_sites,
                (ip_masked, shared_with_vendor, processor),
            )| {
                Cookie {
                    name,
                    class,
                    purpose,
                    third_party,
                    consent,
                    lifetime,
                    purposes,
                    identifies_across_sites,
                    ip_masked,
                    shared_with_vendor,
                    processor,
                }
            },
        )
        .boxed()
}

/// A [`Dpia`].
pub fn dpia() -> BoxedStrategy<Dpia> {
    (list::<DpiaStatus>(), of(text()), of(date()), any::<bool>())
        .prop_map(|(status, reference, completed_on, prior_consultation)| Dpia {
            status,
            reference,
            completed_on,
            prior_consultation,
        })
        .boxed()
}

/// A [`Children`].
pub fn children() -> BoxedStrategy<Children> {
    (any::<bool>(), of(any::<u8>()), any::<bool>(), of(text()))
        .prop_map(
            |(targeted, minimum_age, representative_consent, verification)| Children {
                targeted,
                minimum_age,
                representative_consent,
                verification,
            },
        )
        .boxed()
}

/// A [`DataSource`].
pub fn data_source() -> BoxedStrategy<DataSource> {
    (
        list::<DataSourceKind>(),
        of(text()),
        of(text()),
        few(id()),
        of(text()),
    )
        .prop_map(
            |(kind, name, legal_provision, data_categories, when)| DataSource {
                kind,
                name,
                legal_provision,
                data_categories,
                when,
            },
        )
        .boxed()
}

/// A [`ProcessingActivity`].
pub fn activity() -> BoxedStrategy<ProcessingActivity> {
    let head = (
        id(),
        of(uuid()),
        text(),
        of(text()),
        few(text()),
        of(text()),
        of(list::<LegalRegime>()),
        listed(id()),
        listed(id()),
        listed(id()),
        few(lawful_basis()),
        of(consent()),
    );
    let body = (
        few(special_category_condition()),
        of(criminal_data_basis()),
        of(national_id_basis()),
        listed(id()),
        listed(id()),
        listed(id()),
        few(id()),
        listed(transfer()),
        of(automated_decision_making()),
        few(cookie()),
        of(dpia()),
        few(list::<HighRiskCriterion>()),
    );
    let tail = (
        of(children()),
        listed(data_source()),
        of(list::<ProvisionRequirement>()),
        listed(id()),
        few(text()),
        few(data_category_scope()),
        any::<bool>(),
        few(list::<Technology>()),
        of(any::<bool>()),
        few(channel()),
    );
    let extra = (
        few(recipient_scope()),
        few(list::<ProcessingMeans>()),
        few(channel()),
        of(text()),
        of(text()),
        (
            few(list::<ActivityList>()),
            few(text()),
            few(text()),
            few(text()),
            any::<bool>(),
        ),
        few(unclassified_text()),
    );
    (head, body, tail, extra)
        .prop_map(
            |(
                (
                    id,
                    uuid,
                    name,
                    description,
                    responsible_bodies,
                    organisational_unit,
                    regime,
                    purposes,
                    data_subjects,
                    data_categories,
                    lawful_bases,
                    consent,
                ),
                (
                    special_category_conditions,
                    criminal_data_basis,
                    national_id_basis,
                    retention,
                    recipients,
                    processors,
                    systems,
                    transfers,
                    automated_decision_making,
                    cookies,
                    dpia,
                    high_risk_criteria,
                ),
                (
                    children,
                    data_sources,
                    provision_requirement,
                    security_measures,
                    for_controllers,
                    data_category_scope,
                    only_for_stated_purposes,
                    technologies,
                    large_scale,
                    objection_channels,
                ),
                (
                    recipient_scope,
                    processing_means,
                    information_channels,
                    provision_consequence,
                    in_use_since,
                    (examples_only, places, also_governed_by, methods, least_intrusive_means),
                    unclassified,
                ),
            )| ProcessingActivity {
                unclassified,
                methods,
                least_intrusive_means,
                examples_only,
                places,
                also_governed_by,
                id,
                uuid,
                name,
                description,
                responsible_bodies,
                organisational_unit,
                regime,
                purposes,
                data_subjects,
                data_categories,
                lawful_bases,
                consent,
                special_category_conditions,
                criminal_data_basis,
                national_id_basis,
                retention,
                recipients,
                processors,
                systems,
                transfers,
                automated_decision_making,
                cookies,
                dpia,
                high_risk_criteria,
                children,
                data_sources,
                provision_requirement,
                security_measures,
                for_controllers,
                data_category_scope,
                only_for_stated_purposes,
                technologies,
                large_scale,
                objection_channels,
                recipient_scope,
                processing_means,
                information_channels,
                provision_consequence,
                in_use_since,
            },
        )
        .boxed()
}

/// A [`RecipientScope`].
pub fn recipient_scope() -> BoxedStrategy<RecipientScope> {
    (
        few(id()),
        few(id()),
        of(text()),
        of(text()),
        any::<bool>(),
        any::<bool>(),
        of(text()),
    )
        .prop_map(
            |(
                recipients,
                data_categories,
                when,
                why,
                only_with_consent,
                unless_required_by_law,
                legal_provision,
            )| {
                RecipientScope {
                    recipients,
                    data_categories,
                    when,
                    why,
                    only_with_consent,
                    unless_required_by_law,
                    legal_provision,
                }
            },
        )
        .boxed()
}

/// A [`DataCategoryScope`].
pub fn data_category_scope() -> BoxedStrategy<DataCategoryScope> {
    (
        few(id()),
        of(list::<CollectionMode>()),
        of(text()),
        few(id()),
        few(id()),
        any::<bool>(),
    )
        .prop_map(
            |(categories, collected, when, data_subjects, purposes, at_least)| DataCategoryScope {
                at_least,
                categories,
                collected,
                when,
                data_subjects,
                purposes,
            },
        )
        .boxed()
}

/// [`ActivityDefaults`].
pub fn activity_defaults() -> BoxedStrategy<ActivityDefaults> {
    (of(national_id_basis()), listed(id()))
        .prop_map(|(national_id_basis, security_measures)| ActivityDefaults {
            national_id_basis,
            security_measures,
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

/// A [`Register`].
pub fn register() -> BoxedStrategy<Register> {
    (
        register_info(),
        controller(),
        of(statement()),
        catalogues(),
        activity_defaults(),
        few(activity()),
        few(processing_on_behalf()),
        of(text()),
    )
        .prop_map(
            |(
                register,
                controller,
                statement,
                catalogues,
                defaults,
                activities,
                processing_on_behalf,
                schema,
            )| {
                Register {
                    schema,
                    register,
                    controller,
                    statement,
                    catalogues,
                    defaults,
                    activities,
                    processing_on_behalf,
                }
            },
        )
        .boxed()
}

/// A [`Proposal`].
pub fn proposal() -> BoxedStrategy<Proposal> {
    (of(text()), catalogues(), activity(), of(text()))
        .prop_map(|(rationale, introduces, activity, schema)| Proposal {
            schema,
            rationale,
            introduces,
            activity,
        })
        .boxed()
}

/// Text kept for a field before it is classified.
fn unclassified_text() -> impl Strategy<Value = UnclassifiedText> {
    (list::<ActivityField>(), text(), of(text())).prop_map(|(field, text, source)| UnclassifiedText {
        field,
        text,
        source,
    })
}
