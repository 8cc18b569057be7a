//! The European Commission's adequacy decisions (GDPR Art 45), kept as data so that a new,
//! renewed or expired decision is a change to [`ADEQUACY`] and not to a rule.
//!
//! Decisions taken under Directive 95/46/EC stay in force until amended, replaced or repealed
//! (GDPR Art 45(9)). Decisions about international organisations (such as the European Patent
//! Organisation) are not listed: a transfer's destination here is a country.

use chrono::NaiveDate;

use crate::model::CountryCode;

/// What part of a country's recipients a decision covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AdequacyScope {
    /// Every recipient in the country.
    Full,
    /// Only organisations subject to the country's private-sector law for commercial activities
    /// (Canada: PIPEDA), not public bodies.
    CommercialOrganisationsOnly,
    /// Only business operators subject to the country's private-sector data-protection act
    /// (Japan: the Act on the Protection of Personal Information), not public bodies.
    PrivateSectorOnly,
    /// Only organisations certified under the EU–US Data Privacy Framework.
    DpfCertifiedOnly,
}

/// One adequacy decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AdequacyDecision {
    /// ISO 3166-1 alpha-2 code of the country or territory.
    pub(crate) country: &'static str,
    /// The decision, as the Official Journal cites it.
    pub(crate) decision: &'static str,
    /// When the Commission adopted it, `YYYY-MM-DD`.
    pub(crate) adopted: &'static str,
    /// When it ceases to apply, `YYYY-MM-DD`, for decisions with a sunset clause.
    pub(crate) valid_until: Option<&'static str>,
    /// Which recipients it covers.
    pub(crate) scope: AdequacyScope,
}

impl AdequacyDecision {
    /// The same decision with a sunset clause.
    const fn until(self, valid_until: &'static str) -> Self {
        Self {
            valid_until: Some(valid_until),
            ..self
        }
    }

    /// The adoption date; `None` only if the table holds a malformed date (a test forbids it).
    pub(crate) fn adopted_on(&self) -> Option<NaiveDate> {
        parse(self.adopted)
    }

    /// The last day the decision applies, if it has a sunset clause.
    pub(crate) fn expires_on(&self) -> Option<NaiveDate> {
        self.valid_until.and_then(parse)
    }

    /// Whether the decision applies on `date`.
    pub(crate) fn in_force_on(&self, date: NaiveDate) -> bool {
        self.adopted_on().is_some_and(|adopted| adopted <= date)
            && self.expires_on().is_none_or(|until| date <= until)
    }
}

fn parse(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

const fn decision(
    country: &'static str,
    decision: &'static str,
    adopted: &'static str,
    scope: AdequacyScope,
) -> AdequacyDecision {
    AdequacyDecision {
        country,
        decision,
        adopted,
        valid_until: None,
        scope,
    }
}

/// The Commission's adequacy decisions for countries and territories, including ones that have
/// expired, by country code.
pub(crate) static ADEQUACY: &[AdequacyDecision] = {
    use AdequacyScope::{CommercialOrganisationsOnly, DpfCertifiedOnly, Full, PrivateSectorOnly};
    &[
        decision("AD", "Commission Decision 2010/625/EU", "2010-10-19", Full),
        decision("AR", "Commission Decision 2003/490/EC", "2003-06-30", Full),
        decision(
            "BR",
            "Commission Implementing Decision (EU) 2026/179",
            "2026-01-26",
            Full,
        ),
        decision(
            "CA",
            "Commission Decision 2002/2/EC",
            "2001-12-20",
            CommercialOrganisationsOnly,
        ),
        decision("CH", "Commission Decision 2000/518/EC", "2000-07-26", Full),
        decision("FO", "Commission Decision 2010/146/EU", "2010-03-05", Full),
        decision(
            "GB",
            "Commission Implementing Decision (EU) 2021/1772",
            "2021-06-28",
            Full,
        )
        .until("2025-12-27"),
        decision(
            "GB",
            "Commission Implementing Decision (2025) renewing Decision (EU) 2021/1772",
            "2025-12-19",
            Full,
        )
        .until("2031-12-27"),
        decision("GG", "Commission Decision 2003/821/EC", "2003-11-21", Full),
        decision("IL", "Commission Decision 2011/61/EU", "2011-01-31", Full),
        decision("IM", "Commission Decision 2004/411/EC", "2004-04-28", Full),
        decision("JE", "Commission Decision 2008/393/EC", "2008-05-08", Full),
        decision(
            "JP",
            "Commission Implementing Decision (EU) 2019/419",
            "2019-01-23",
            PrivateSectorOnly,
        ),
        decision(
            "KR",
            "Commission Implementing Decision (EU) 2022/254",
            "2021-12-17",
            Full,
        ),
        decision(
            "NZ",
            "Commission Implementing Decision 2013/65/EU",
            "2012-12-19",
            Full,
        ),
        decision(
            "US",
            "Commission Implementing Decision (EU) 2023/1795",
            "2023-07-10",
            DpfCertifiedOnly,
        ),
        decision(
            "UY",
            "Commission Implementing Decision 2012/484/EU",
            "2012-08-21",
            Full,
        ),
    ]
};

/// Whether a country has an adequacy decision in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coverage {
    /// This decision applies.
    InForce(&'static AdequacyDecision),
    /// The country had a decision, the latest of which has expired.
    Expired(&'static AdequacyDecision),
    /// The country never had one.
    None,
}

/// The adequacy coverage of `country` on `register_date` or, when the register is older or
/// undated, on the date of the newest decision in [`ADEQUACY`]: the table reflects the law as of
/// its newest entry, so a decision that has expired by then no longer counts, whatever the
/// register's date.
pub(crate) fn coverage(country: &CountryCode, register_date: Option<NaiveDate>) -> Coverage {
    let as_of = ADEQUACY.iter().filter_map(AdequacyDecision::adopted_on).max();
    let Some(date) = as_of.max(register_date) else {
        return Coverage::None;
    };
    let mut latest: Option<&'static AdequacyDecision> = None;
    for d in ADEQUACY.iter().filter(|d| d.country == country.as_str()) {
        if d.in_force_on(date) {
            return Coverage::InForce(d);
        }
        if latest.is_none_or(|l| l.adopted_on() < d.adopted_on()) {
            latest = Some(d);
        }
    }
    latest.map_or(Coverage::None, Coverage::Expired)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EEA_COUNTRIES;

    fn code(text: &str) -> CountryCode {
        CountryCode::parse(text).expect("code")
    }

    fn date(text: &str) -> NaiveDate {
        parse(text).expect("date")
    }

    #[test]
    fn the_table_is_well_formed() {
        for d in ADEQUACY {
            assert!(CountryCode::parse(d.country).is_ok(), "{}", d.country);
            assert!(!EEA_COUNTRIES.contains(&d.country), "{} is in the EEA", d.country);
            assert!(d.adopted_on().is_some(), "{}: bad adoption date", d.country);
            if d.valid_until.is_some() {
                assert!(d.expires_on() > d.adopted_on(), "{}: bad expiry", d.country);
            }
        }
        assert!(
            ADEQUACY.windows(2).all(|w| w[0].country <= w[1].country),
            "keep the table sorted by country"
        );
    }

    #[test]
    fn coverage_follows_the_dates() {
        assert!(matches!(coverage(&code("CH"), None), Coverage::InForce(_)));
        assert_eq!(coverage(&code("CN"), None), Coverage::None);
        // The 2021 UK decision expired; its 2025 renewal applies until the end of 2031.
        let Coverage::InForce(uk) = coverage(&code("GB"), None) else {
            panic!("GB not covered");
        };
        assert_eq!(uk.valid_until, Some("2031-12-27"));
        let Coverage::Expired(uk) = coverage(&code("GB"), Some(date("2032-01-01"))) else {
            panic!("GB still covered in 2032");
        };
        assert_eq!(uk.valid_until, Some("2031-12-27"));
        // An older register date does not revive an expired decision.
        assert!(matches!(
            coverage(&code("GB"), Some(date("2022-01-01"))),
            Coverage::InForce(d) if d.adopted == "2025-12-19"
        ));
    }

    #[test]
    fn the_us_is_covered_only_for_certified_organisations() {
        let Coverage::InForce(us) = coverage(&code("US"), None) else {
            panic!("US not covered");
        };
        assert_eq!(us.scope, AdequacyScope::DpfCertifiedOnly);
    }
}
