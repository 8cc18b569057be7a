//! The closed lists the law itself gives: lawful bases, special categories and their conditions,
//! processor-contract clauses, transfer mechanisms, rights, automated-decision grounds and the
//! DPIA criteria. Each variant cites its article.

use super::macros::list_enum;

list_enum! {
    /// A lawful basis for processing, GDPR Art 6(1)(a)–(f).
    pub enum LawfulBasisKind {
        /// Art 6(1)(a): the data subject has given consent (conditions in Art 7).
        Consent,
        /// Art 6(1)(b): necessary for a contract with the data subject, or steps before one.
        Contract,
        /// Art 6(1)(c): necessary for a legal obligation of the controller; needs a basis in
        /// Union or member-state law (Art 6(3)).
        LegalObligation,
        /// Art 6(1)(d): necessary to protect someone's vital interests.
        VitalInterests,
        /// Art 6(1)(e): necessary for a task in the public interest or the exercise of official
        /// authority; needs a basis in Union or member-state law (Art 6(3)).
        PublicTask,
        /// Art 6(1)(f): necessary for legitimate interests; not available to public authorities
        /// for the performance of their tasks (Art 6(1), last sentence).
        LegitimateInterests,
    }
}

impl LawfulBasisKind {
    /// The article that defines this basis, e.g. `GDPR Art 6(1)(e)`.
    pub fn article(self) -> &'static str {
        match self {
            Self::Consent => "GDPR Art 6(1)(a)",
            Self::Contract => "GDPR Art 6(1)(b)",
            Self::LegalObligation => "GDPR Art 6(1)(c)",
            Self::VitalInterests => "GDPR Art 6(1)(d)",
            Self::PublicTask => "GDPR Art 6(1)(e)",
            Self::LegitimateInterests => "GDPR Art 6(1)(f)",
        }
    }

    /// Whether Art 6(3) requires this basis to be laid down in Union or member-state law.
    pub fn needs_legal_provision(self) -> bool {
        matches!(self, Self::LegalObligation | Self::PublicTask)
    }
}

list_enum! {
    /// A special category of personal data, GDPR Art 9(1) (the complete list).
    pub enum SpecialCategory {
        /// Data revealing racial or ethnic origin.
        RacialOrEthnicOrigin,
        /// Data revealing political opinions; in Dutch practice this includes the party
        /// affiliation of council members, even when public.
        PoliticalOpinions,
        /// Data revealing religious or philosophical beliefs.
        ReligiousOrPhilosophicalBeliefs,
        /// Data revealing trade-union membership.
        TradeUnionMembership,
        /// Genetic data (Art 4(13)).
        Genetic,
        /// Biometric data processed to uniquely identify a person (Art 4(14)).
        Biometric,
        /// Data concerning health (Art 4(15)).
        Health,
        /// Data concerning a person's sex life.
        SexLife,
        /// Data concerning a person's sexual orientation.
        SexualOrientation,
    }
}

list_enum! {
    /// A condition that lifts the Art 9(1) prohibition, GDPR Art 9(2)(a)–(j).
    pub enum SpecialCategoryConditionKind {
        /// Art 9(2)(a): explicit consent.
        ExplicitConsent,
        /// Art 9(2)(b): obligations and rights in employment, social-security and
        /// social-protection law; needs a legal basis.
        EmploymentAndSocialSecurity,
        /// Art 9(2)(c): vital interests where the data subject cannot consent.
        VitalInterests,
        /// Art 9(2)(d): a not-for-profit body with a political, philosophical, religious or
        /// trade-union aim, for its members and regular contacts.
        NotForProfitBody,
        /// Art 9(2)(e): data manifestly made public by the data subject.
        ManifestlyMadePublic,
        /// Art 9(2)(f): legal claims, or courts acting in their judicial capacity.
        LegalClaims,
        /// Art 9(2)(g): substantial public interest on a basis in Union or member-state law.
        SubstantialPublicInterest,
        /// Art 9(2)(h): preventive or occupational medicine, diagnosis, health or social care,
        /// under professional secrecy (Art 9(3)); needs a legal or contractual basis.
        HealthOrSocialCare,
        /// Art 9(2)(i): public interest in public health; needs a legal basis.
        PublicHealth,
        /// Art 9(2)(j): archiving in the public interest, research or statistics (Art 89(1));
        /// needs a legal basis.
        ArchivingResearchStatistics,
    }
}

impl SpecialCategoryConditionKind {
    /// The article that defines this condition.
    pub fn article(self) -> &'static str {
        match self {
            Self::ExplicitConsent => "GDPR Art 9(2)(a)",
            Self::EmploymentAndSocialSecurity => "GDPR Art 9(2)(b)",
            Self::VitalInterests => "GDPR Art 9(2)(c)",
            Self::NotForProfitBody => "GDPR Art 9(2)(d)",
            Self::ManifestlyMadePublic => "GDPR Art 9(2)(e)",
            Self::LegalClaims => "GDPR Art 9(2)(f)",
            Self::SubstantialPublicInterest => "GDPR Art 9(2)(g)",
            Self::HealthOrSocialCare => "GDPR Art 9(2)(h)",
            Self::PublicHealth => "GDPR Art 9(2)(i)",
            Self::ArchivingResearchStatistics => "GDPR Art 9(2)(j)",
        }
    }

    /// Whether the condition only applies on a basis in Union or member-state law (or, for (h),
    /// a contract with a health professional), which the register should cite.
    pub fn needs_legal_provision(self) -> bool {
        matches!(
            self,
            Self::EmploymentAndSocialSecurity
                | Self::SubstantialPublicInterest
                | Self::HealthOrSocialCare
                | Self::PublicHealth
                | Self::ArchivingResearchStatistics
        )
    }
}

list_enum! {
    /// A Dutch ground for processing special categories, UAVG arts 22–30 (the Dutch
    /// implementation of Art 9(2) and 9(4)).
    pub enum UavgSpecialCategoryGround {
        /// UAVG art 22: the general exceptions of Art 9(2)(a), (c), (d), (e) and (f).
        GeneralExceptions,
        /// UAVG art 23: exceptions in the public interest (international law, the AP or an
        /// ombudsman, in addition to criminal data for the same purpose).
        PublicInterestExceptions,
        /// UAVG art 24: scientific or historical research and statistics with safeguards.
        ResearchAndStatistics,
        /// UAVG art 25: racial or ethnic origin for identification or preferential treatment.
        RacialOrEthnicOriginIdentification,
        /// UAVG art 26: political opinions, for requirements set for functions in administrative
        /// and advisory bodies.
        PoliticalOpinionsForPublicFunctions,
        /// UAVG art 27: religious or philosophical beliefs, by religious institutions and for
        /// spiritual care.
        ReligiousInstitutions,
        /// UAVG art 28: genetic data for the data subject's own benefit or research.
        GeneticDataOwnBenefit,
        /// UAVG art 29: biometric data where necessary for authentication or security.
        BiometricAuthenticationOrSecurity,
        /// UAVG art 30: health data by administrative bodies, insurers, schools, care
        /// providers, prisons and youth institutions under their statutory tasks.
        HealthSectorExceptions,
    }
}

impl UavgSpecialCategoryGround {
    /// The UAVG article that grants this ground.
    pub fn article(self) -> &'static str {
        match self {
            Self::GeneralExceptions => "UAVG art 22",
            Self::PublicInterestExceptions => "UAVG art 23",
            Self::ResearchAndStatistics => "UAVG art 24",
            Self::RacialOrEthnicOriginIdentification => "UAVG art 25",
            Self::PoliticalOpinionsForPublicFunctions => "UAVG art 26",
            Self::ReligiousInstitutions => "UAVG art 27",
            Self::GeneticDataOwnBenefit => "UAVG art 28",
            Self::BiometricAuthenticationOrSecurity => "UAVG art 29",
            Self::HealthSectorExceptions => "UAVG art 30",
        }
    }
}

list_enum! {
    /// The ground for processing personal data relating to criminal convictions and offences,
    /// GDPR Art 10 and UAVG arts 31–33. (UAVG art 1 also counts court-imposed bans for unlawful
    /// or nuisance behaviour as criminal data.)
    pub enum CriminalDataGround {
        /// Art 10 / UAVG art 31: under the control of an official authority.
        OfficialAuthority,
        /// UAVG art 32: general exceptions (explicit consent, vital interests, manifestly made
        /// public, legal claims, research and statistics).
        GeneralExceptions,
        /// UAVG art 33: specific exceptions (bodies applying criminal law, public-law
        /// partnerships, in addition to health data for care, the controller's own purposes).
        SpecificExceptions,
        /// Art 10: authorised by Union or member-state law with safeguards (cite the law).
        AuthorisedByLaw,
    }
}

list_enum! {
    /// The statutory basis for using a national identification number such as the Dutch
    /// citizen service number (BSN), GDPR Art 87 and UAVG art 46.
    pub enum NationalIdBasisKind {
        /// Wabb art 10: an administrative body uses the BSN for its public task.
        AdministrativeBodyPublicTask,
        /// A sectoral statute prescribes use of the number (cite it).
        SectoralLaw,
    }
}

list_enum! {
    /// A national identification number, GDPR Art 87.
    pub enum NationalIdNumber {
        /// The Dutch burgerservicenummer (BSN), Wabb; use governed by UAVG art 46.
        Bsn,
        /// Another national identification number.
        Other,
    }
}

list_enum! {
    /// A clause that an Art 28 processor agreement must contain, GDPR Art 28(3)(a)–(h).
    pub enum ProcessorClause {
        /// Art 28(3)(a): processes only on documented instructions, including for transfers.
        DocumentedInstructions,
        /// Art 28(3)(b): persons authorised to process are bound to confidentiality.
        Confidentiality,
        /// Art 28(3)(c): takes the Art 32 security measures.
        Security,
        /// Art 28(3)(d): respects the conditions for engaging sub-processors (Art 28(2), (4)).
        SubProcessorConditions,
        /// Art 28(3)(e): assists the controller with data-subject rights.
        DataSubjectRightsAssistance,
        /// Art 28(3)(f): assists with Arts 32–36 (security, breaches, DPIA, prior consultation).
        ComplianceAssistance,
        /// Art 28(3)(g): deletes or returns all data at the end of the service.
        DeletionOrReturn,
        /// Art 28(3)(h): makes information available and allows audits.
        AuditsAndInformation,
    }
}

list_enum! {
    /// How a transfer to a third country or international organisation is made lawful, GDPR
    /// Chapter V (Arts 45, 46, 47 and 49).
    #[non_exhaustive]
    pub enum TransferMechanism {
        /// Art 45: an adequacy decision covers the destination.
        Adequacy,
        /// Art 45: the EU–US Data Privacy Framework adequacy decision of 10 July 2023; covers
        /// only DPF-certified US organisations.
        EuUsDataPrivacyFramework,
        /// Art 46(2)(a): a legally binding instrument between public authorities.
        PublicAuthorityInstrument,
        /// Art 46(2)(b), Art 47: binding corporate rules.
        BindingCorporateRules,
        /// Art 46(2)(c): the Commission's standard contractual clauses (Decision (EU) 2021/914).
        StandardContractualClauses,
        /// Art 46(2)(d): standard clauses adopted by a supervisory authority.
        SupervisoryAuthorityClauses,
        /// Art 46(2)(e): an approved code of conduct with binding commitments.
        CodeOfConduct,
        /// Art 46(2)(f): an approved certification mechanism with binding commitments.
        Certification,
        /// Art 46(3)(a): ad hoc contractual clauses authorised by the supervisory authority.
        AdHocClauses,
        /// Art 46(3)(b): administrative arrangements between public authorities.
        AdministrativeArrangement,
        /// Art 49(1)(a): explicit, informed consent to the transfer.
        DerogationExplicitConsent,
        /// Art 49(1)(b): necessary for a contract with the data subject.
        DerogationContractWithDataSubject,
        /// Art 49(1)(c): necessary for a contract in the data subject's interest.
        DerogationContractInInterest,
        /// Art 49(1)(d): important reasons of public interest recognised in law (Art 49(4)).
        DerogationPublicInterest,
        /// Art 49(1)(e): legal claims.
        DerogationLegalClaims,
        /// Art 49(1)(f): vital interests where the data subject cannot consent.
        DerogationVitalInterests,
        /// Art 49(1)(g): transfer from a public register.
        DerogationPublicRegister,
        /// Art 49(1), second subparagraph: compelling legitimate interests (non-repetitive, few
        /// data subjects, the supervisory authority informed, documented in the register).
        CompellingLegitimateInterests,
    }
}

impl TransferMechanism {
    /// The article that provides this mechanism.
    pub fn article(self) -> &'static str {
        match self {
            Self::Adequacy | Self::EuUsDataPrivacyFramework => "GDPR Art 45",
            Self::PublicAuthorityInstrument => "GDPR Art 46(2)(a)",
            Self::BindingCorporateRules => "GDPR Art 46(2)(b), Art 47",
            Self::StandardContractualClauses => "GDPR Art 46(2)(c)",
            Self::SupervisoryAuthorityClauses => "GDPR Art 46(2)(d)",
            Self::CodeOfConduct => "GDPR Art 46(2)(e)",
            Self::Certification => "GDPR Art 46(2)(f)",
            Self::AdHocClauses => "GDPR Art 46(3)(a)",
            Self::AdministrativeArrangement => "GDPR Art 46(3)(b)",
            Self::DerogationExplicitConsent => "GDPR Art 49(1)(a)",
            Self::DerogationContractWithDataSubject => "GDPR Art 49(1)(b)",
            Self::DerogationContractInInterest => "GDPR Art 49(1)(c)",
            Self::DerogationPublicInterest => "GDPR Art 49(1)(d)",
            Self::DerogationLegalClaims => "GDPR Art 49(1)(e)",
            Self::DerogationVitalInterests => "GDPR Art 49(1)(f)",
            Self::DerogationPublicRegister => "GDPR Art 49(1)(g)",
            Self::CompellingLegitimateInterests => "GDPR Art 49(1), second subparagraph",
        }
    }
}

list_enum! {
    /// A right of the data subject, GDPR Arts 7(3), 13–22 and 77.
    #[non_exhaustive]
    pub enum DataSubjectRight {
        /// Arts 13 and 14: to be informed.
        Information,
        /// Art 15: access, including a copy of the data.
        Access,
        /// Art 16: rectification.
        Rectification,
        /// Art 17: erasure ("right to be forgotten"), with the Art 17(3) exceptions.
        Erasure,
        /// Art 18: restriction of processing.
        Restriction,
        /// Art 19: notification of recipients about rectification, erasure or restriction.
        RecipientNotification,
        /// Art 20: data portability (only for consent or contract, and automated processing;
        /// never for a public task, Art 20(3)).
        Portability,
        /// Art 21: objection (for Art 6(1)(e) or (f); absolute for direct marketing).
        Objection,
        /// Art 22: not to be subject to a solely automated decision.
        NoSolelyAutomatedDecision,
        /// Art 7(3): to withdraw consent at any time.
        WithdrawConsent,
        /// Art 77: to lodge a complaint with a supervisory authority.
        Complaint,
        /// A right another law gives (e.g. secrecy of BRP data under the Wet BRP); describe it
        /// in the offer's `description`.
        Other,
    }
}

impl DataSubjectRight {
    /// The article that grants this right.
    pub fn article(self) -> &'static str {
        match self {
            Self::Information => "GDPR Arts 13-14",
            Self::Access => "GDPR Art 15",
            Self::Rectification => "GDPR Art 16",
            Self::Erasure => "GDPR Art 17",
            Self::Restriction => "GDPR Art 18",
            Self::RecipientNotification => "GDPR Art 19",
            Self::Portability => "GDPR Art 20",
            Self::Objection => "GDPR Art 21",
            Self::NoSolelyAutomatedDecision => "GDPR Art 22",
            Self::WithdrawConsent => "GDPR Art 7(3)",
            Self::Complaint => "GDPR Art 77",
            Self::Other => "another law",
        }
    }
}

list_enum! {
    /// The exception that allows a decision based solely on automated processing with legal or
    /// similarly significant effects, GDPR Art 22(2), and its Dutch implementation.
    pub enum AutomatedDecisionGround {
        /// Art 22(2)(a): necessary for a contract with the data subject.
        Contract,
        /// Art 22(2)(b): authorised by a specific Union or member-state law with safeguards.
        AuthorisedByLaw,
        /// Art 22(2)(b) as implemented by UAVG art 40: for a legal obligation or public task,
        /// but **not** for decisions based on profiling.
        #[serde(rename = "uavg_article_40")]
        #[strum(serialize = "uavg_article_40")]
        UavgArticle40,
        /// Art 22(2)(c): explicit consent.
        ExplicitConsent,
    }
}

list_enum! {
    /// A safeguard for automated decisions, GDPR Art 22(3).
    pub enum AutomatedDecisionSafeguard {
        /// The right to obtain human intervention.
        HumanIntervention,
        /// The right to express one's point of view.
        ExpressPointOfView,
        /// The right to contest the decision.
        ContestDecision,
    }
}

list_enum! {
    /// A criterion from the EDPB/WP29 guidelines on DPIAs (WP248 rev.01); two or more usually
    /// mean a DPIA is required (Art 35(1)). Art 35(3) names three cases outright.
    #[non_exhaustive]
    pub enum HighRiskCriterion {
        /// Evaluation or scoring, including profiling and predicting.
        EvaluationOrScoring,
        /// Automated decision-making with legal or similarly significant effect (Art 35(3)(a)).
        AutomatedDecisionWithLegalEffect,
        /// Systematic monitoring, including of publicly accessible areas (Art 35(3)(c)).
        SystematicMonitoring,
        /// Sensitive or highly personal data (Art 9, Art 10, financial, location).
        SensitiveData,
        /// Processing on a large scale.
        LargeScale,
        /// Matching or combining datasets.
        MatchingOrCombiningDatasets,
        /// Vulnerable data subjects (children, employees, patients, benefit recipients).
        VulnerableDataSubjects,
        /// Innovative use or new technology.
        InnovativeTechnology,
        /// Processing that prevents the exercise of a right or access to a service or contract.
        BlocksRightOrService,
    }
}

list_enum! {
    /// Where a DPIA stands for an activity, GDPR Art 35.
    #[non_exhaustive]
    pub enum DpiaStatus {
        /// A DPIA has been carried out.
        Completed,
        /// A DPIA is being carried out.
        InProgress,
        /// A DPIA is planned but not started.
        Planned,
        /// Assessed: the processing is not likely to result in a high risk, so no DPIA is needed.
        NotRequired,
        /// Nobody has assessed whether a DPIA is needed.
        NotAssessed,
        /// The register says no DPIA was carried out ("DPIA uitgevoerd: nee", "we hebben niet
        /// onderzocht wat de risico's zijn"), without saying whether one is needed.
        NotPerformed,
        /// The register does not know whether a DPIA was carried out.
        Unknown,
    }
}

impl DpiaStatus {
    /// Whether a DPIA exists or is under way (completed, in progress or planned).
    pub fn is_under_way(self) -> bool {
        matches!(self, Self::Completed | Self::InProgress | Self::Planned)
    }
}

list_enum! {
    /// A safeguard for processing for archiving, research or statistics, GDPR Art 89(1) and
    /// UAVG art 24, that goes with the Art 9(2)(j) condition.
    #[non_exhaustive]
    pub enum ResearchSafeguard {
        /// The data are pseudonymised before analysis.
        Pseudonymisation,
        /// The data are anonymised; results contain no personal data.
        Anonymisation,
        /// Only the data needed for the research or statistics are used (data minimisation).
        DataMinimisation,
        /// Access is limited to the researchers or statisticians who need it.
        AccessRestriction,
        /// Results are not used for measures or decisions about individuals.
        NoDecisionsAboutIndividuals,
    }
}

list_enum! {
    /// A class of cookie or similar tracker, by how the Dutch Telecommunicatiewet art 11.7a
    /// treats it.
    pub enum CookieClass {
        /// Tw art 11.7a(3)(a): solely for transmitting a communication; no consent needed.
        StrictlyNecessary,
        /// Tw art 11.7a(3)(b): strictly necessary for a service the user asked for, such as
        /// remembering preferences; no consent needed.
        Functional,
        /// Tw art 11.7a(3)(c): analytics with no or minor privacy consequences (AP conditions:
        /// processor agreement, IP masking, no data sharing); no consent needed.
        PrivacyFriendlyAnalytics,
        /// Analytics that do not meet the privacy-friendly conditions; consent needed.
        OtherAnalytics,
        /// Tracking, profiling, advertising or cross-site cookies, including those set by
        /// embedded third-party content; consent needed.
        TrackingAndMarketing,
    }
}

impl CookieClass {
    /// Whether Tw art 11.7a(3) exempts this class from the consent requirement.
    pub fn exempt_from_consent(self) -> bool {
        matches!(
            self,
            Self::StrictlyNecessary | Self::Functional | Self::PrivacyFriendlyAnalytics
        )
    }
}
