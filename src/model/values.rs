//! Validated value types: identifiers, dates, ISO 8601 periods and country codes.
//!
//! Each type checks its text form once, when it is built, so the rest of the model and every rule
//! can rely on it. Their serde forms are plain strings; the source layer recognises them by their
//! serde newtype names and reports a bad value as an invalid id, date, period or country.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The serde newtype name under which [`Id`] deserialises (the source layer keys on it).
pub const ID_NEWTYPE: &str = "ropa::Id";
/// The serde newtype name under which [`Date`] deserialises.
pub const DATE_NEWTYPE: &str = "ropa::Date";
/// The serde newtype name under which [`Period`] deserialises.
pub const PERIOD_NEWTYPE: &str = "ropa::Period";
/// The serde newtype name under which [`CountryCode`] deserialises.
pub const COUNTRY_NEWTYPE: &str = "ropa::CountryCode";

/// Why a text is not a valid value of one of the model's value types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// An identifier that breaks the id rules.
    #[error("`{value}` is not a valid id: {reason}")]
    Id {
        /// The offending text.
        value: String,
        /// Which rule it breaks.
        reason: &'static str,
    },
    /// A date that is not a calendar date in `YYYY-MM-DD` form.
    #[error("`{value}` is not a valid date: {reason}")]
    Date {
        /// The offending text.
        value: String,
        /// What the date parser said.
        reason: String,
    },
    /// A period that is not an ISO 8601 duration such as `P5Y` or `P1M`.
    #[error("`{value}` is not a valid period: {reason}")]
    Period {
        /// The offending text.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A country that is not a two-letter ISO 3166-1 code (or `EU` / `EEA`).
    #[error("`{value}` is not a valid country code: {reason}")]
    Country {
        /// The offending text.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
}

/// Implements the string-backed serde, schema and `FromStr` plumbing shared by every value type.
macro_rules! string_value {
    ($ty:ident, $newtype:expr, $schema:expr) => {
        impl FromStr for $ty {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, ValueError> {
                $ty::parse(s)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct NewtypeVisitor;
                impl<'de> serde::de::Visitor<'de> for NewtypeVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        // What a user wrote instead of the value's text is a wrong type
                        // whatever the value; the value's own rules are told when it is a string.
                        f.write_str("a string")
                    }
                    fn visit_newtype_struct<D: Deserializer<'de>>(
                        self,
                        deserializer: D,
                    ) -> Result<$ty, D::Error> {
                        // Read as a string by this visitor, which parses it where it lies: a
                        // `Cow<str>` would be an owned copy, allocated and freed for every id of
                        // a register (a tenth of loading one).
                        deserializer.deserialize_str(self)
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$ty, E> {
                        $ty::parse(text).map_err(E::custom)
                    }
                }
                deserializer.deserialize_newtype_struct($newtype, NewtypeVisitor)
            }
        }

        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

/// A stable identifier of a catalogue entry or activity, referenced from elsewhere in the register.
///
/// 1 to 64 characters: lowercase ASCII letters, digits, `_`, `-` and `.`, starting with a letter
/// or digit. The organisation's own wording goes in the entry's `label`; the id stays stable when
/// the label changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(compact_str::CompactString);

impl Id {
    /// The longest id accepted, in characters.
    pub const MAX_LEN: usize = 64;

    /// Checks `text` against the id rules.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        Self::check(text)?;
        // Inline when short, as nearly all ids are: a register holds tens of thousands.
        Ok(Self(text.into()))
    }

    /// Checks `text` against the id rules without keeping it (the loader checks every id once
    /// for its position, then reads it). Ids are ASCII, so the bytes are checked.
    pub(crate) fn check(text: &str) -> Result<(), ValueError> {
        let fail = |reason| {
            Err(ValueError::Id {
                value: text.to_owned(),
                reason,
            })
        };
        let Some(&first) = text.as_bytes().first() else {
            return fail("it is empty");
        };
        if text.len() > Self::MAX_LEN {
            return fail("it is longer than 64 characters");
        }
        if !(first.is_ascii_lowercase() || first.is_ascii_digit()) {
            return fail("it must start with a lowercase letter or a digit");
        }
        // A table per byte: a register has tens of thousands of ids, and this check was a fifth
        // of reading one.
        if !text.bytes().all(|b| ID_BYTES[usize::from(b)]) {
            return fail("use only lowercase letters a-z, digits, `_`, `-` and `.`");
        }
        Ok(())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The bytes an id may hold: `a`–`z`, `0`–`9`, `_`, `-` and `.`.
static ID_BYTES: [bool; 256] = {
    let mut allowed = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        allowed[b] = c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'_' | b'-' | b'.');
        b += 1;
    }
    allowed
};

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_value!(
    Id,
    ID_NEWTYPE,
    json_schema!({
        "type": "string",
        "pattern": "^[a-z0-9][a-z0-9_.-]{0,63}$",
        "description": "A stable identifier: lowercase letters, digits, `_`, `-` and `.`, at most 64 characters."
    })
);

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub chrono::NaiveDate);

impl Date {
    /// Parses a `YYYY-MM-DD` date.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        // Most dates are written exactly so: read the digits, leaving chrono's format parser
        // (a tenth of loading a register's typed values) to everything else and to the errors.
        if let Some(date) = Self::plain(text.as_bytes()) {
            return Ok(Self(date));
        }
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Self)
            .map_err(|e| ValueError::Date {
                value: text.to_owned(),
                reason: format!("{e}; write it as YYYY-MM-DD"),
            })
    }
}

impl Date {
    /// A valid date written with exactly four, two and two digits, as `YYYY-MM-DD`.
    fn plain(text: &[u8]) -> Option<chrono::NaiveDate> {
        let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text else {
            return None;
        };
        let number = |digits: &[u8]| {
            digits.iter().try_fold(0u32, |n, &d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        let year = i32::try_from(number(&[y1, y2, y3, y4])?).ok()?;
        chrono::NaiveDate::from_ymd_opt(year, number(&[m1, m2])?, number(&[d1, d2])?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

string_value!(
    Date,
    DATE_NEWTYPE,
    json_schema!({
        "type": "string",
        "format": "date",
        "description": "A calendar date, YYYY-MM-DD."
    })
);

/// A length of time written as an ISO 8601 duration: `P5Y` (five years), `P1M` (one month),
/// `P14D`, `P4W`, `PT72H`.
///
/// Calendar units are kept as written, because "one month" is not a fixed number of days; apply a
/// period to a date with [`Period::after`]. Fractions and negative values are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Period {
    /// Whole years.
    pub years: u32,
    /// Whole months.
    pub months: u32,
    /// Whole weeks.
    pub weeks: u32,
    /// Whole days.
    pub days: u32,
    /// Whole hours.
    pub hours: u32,
    /// Whole minutes.
    pub minutes: u32,
    /// Whole seconds.
    pub seconds: u32,
}

impl Period {
    /// Parses an ISO 8601 duration: `PnYnMnWnDTnHnMnS` with the units in that order, each
    /// optional but at least one present. Weeks may be combined with other units, as ISO 8601-2
    /// allows, so that every period this type displays parses back.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        let fail = |reason| {
            Err(ValueError::Period {
                value: text.to_owned(),
                reason,
            })
        };
        let Some(body) = text.strip_prefix('P') else {
            return fail(FORM);
        };
        if text.contains(['.', ',', '-', '+']) {
            return fail("fractions and negative periods are not supported");
        }
        let (date, time) = match body.split_once('T') {
            Some((_, "")) => {
                return fail("a `T` must be followed by hours, minutes or seconds");
            }
            Some((date, time)) => (date, Some(time)),
            None => (body, None),
        };
        let mut period = Self::default();
        let date_units: [(char, &mut u32); 4] = [
            ('Y', &mut period.years),
            ('M', &mut period.months),
            ('W', &mut period.weeks),
            ('D', &mut period.days),
        ];
        if let Err(reason) = fill_units(date, date_units) {
            return fail(reason);
        }
        if let Some(time) = time {
            let time_units: [(char, &mut u32); 3] = [
                ('H', &mut period.hours),
                ('M', &mut period.minutes),
                ('S', &mut period.seconds),
            ];
            if let Err(reason) = fill_units(time, time_units) {
                return fail(reason);
            }
        }
        if body.is_empty() {
            return fail(FORM);
        }
        Ok(period)
    }

    /// Whether the period is zero ("immediately").
    pub fn is_zero(&self) -> bool {
        *self == Self::default()
    }

    /// The date this period after `start`, using calendar arithmetic for years and months
    /// (31 January plus one month is the last day of February). Time-of-day units round up to
    /// whole days. `None` when the result lies beyond the calendar chrono supports.
    pub fn after(&self, start: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        let months = u64::from(self.years) * 12 + u64::from(self.months);
        let seconds = u64::from(self.hours) * 3600 + u64::from(self.minutes) * 60 + u64::from(self.seconds);
        let days = u64::from(self.weeks) * 7 + u64::from(self.days) + seconds.div_ceil(86_400);
        start
            .checked_add_months(chrono::Months::new(u32::try_from(months).ok()?))?
            .checked_add_days(chrono::Days::new(days))
    }

    /// An upper bound of the period in days (a month counts 31 days, a year 366), for comparing
    /// periods whose calendar units differ.
    pub fn max_days(&self) -> u64 {
        let seconds = u64::from(self.hours) * 3600 + u64::from(self.minutes) * 60 + u64::from(self.seconds);
        u64::from(self.years) * 366
            + u64::from(self.months) * 31
            + u64::from(self.weeks) * 7
            + u64::from(self.days)
            + seconds.div_ceil(86_400)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        if self.is_zero() {
            return f.write_str("0D");
        }
        let date_parts = [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ];
        for (n, unit) in date_parts {
            if n != 0 {
                write!(f, "{n}{unit}")?;
            }
        }
        if [self.hours, self.minutes, self.seconds].iter().any(|&n| n != 0) {
            f.write_str("T")?;
            for (n, unit) in [(self.hours, 'H'), (self.minutes, 'M'), (self.seconds, 'S')] {
                if n != 0 {
                    write!(f, "{n}{unit}")?;
                }
            }
        }
        Ok(())
    }
}

string_value!(
    Period,
    PERIOD_NEWTYPE,
    json_schema!({
        "type": "string",
        "pattern": "^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$",
        "description": "An ISO 8601 duration such as P5Y, P1M, P14D, P4W or PT72H."
    })
);

/// Where data are processed or sent: an ISO 3166-1 alpha-2 country code (`NL`, `US`), or one of
/// the regions `EU` and `EEA` when a statement only says "within the European Union".
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(String);

/// Reads `<digits><unit>` pairs from `text` into `units`, whose units must appear in order and at
/// most once. Returns false on anything else (unknown unit, wrong order, missing number, overflow).
/// How a period is written, for messages.
const FORM: &str = "write it as an ISO 8601 duration such as P5Y, P1M, P14D or PT72H";

/// Reads `12Y3M`-style units into their slots, in order; says why it cannot.
fn fill_units<const N: usize>(text: &str, units: [(char, &mut u32); N]) -> Result<(), &'static str> {
    let mut units = units.into_iter();
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (Some(number), Some(after)) = (rest.get(..digits), rest.get(digits..)) else {
            return Err(FORM);
        };
        let mut chars = after.chars();
        let Some(unit) = chars.next() else {
            return Err(FORM);
        };
        let number = match number.parse::<u32>() {
            Ok(number) => number,
            Err(_) if digits > 0 => {
                return Err("a number in it is too large (each unit holds at most 4294967295)");
            }
            Err(_) => return Err(FORM),
        };
        // Skip ahead to this unit; units before it stay zero, and none may come back later.
        let Some((_, slot)) = units.by_ref().find(|(u, _)| *u == unit) else {
            return Err(FORM);
        };
        *slot = number;
        rest = chars.as_str();
    }
    Ok(())
}

/// The EEA member states (the EU 27 plus Iceland, Liechtenstein and Norway): transfers among
/// them are not Chapter V transfers.
pub const EEA_COUNTRIES: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
    "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// The officially assigned ISO 3166-1 alpha-2 codes (249), sorted for binary search.
pub const ISO_3166_ALPHA_2: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA",
    "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV",
    "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU",
    "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES",
    "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM",
    "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE",
    "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM",
    "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY",
    "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT",
    "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU",
    "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA",
    "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM",
    "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL",
    "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE",
    "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

impl CountryCode {
    /// Checks that `text` is an officially assigned ISO 3166-1 alpha-2 code, `XK` (Kosovo, as
    /// the EU writes it), or `EU` / `EEA`. `UK` is refused: it is only reserved in ISO 3166-1,
    /// and the United Kingdom's code is `GB`.
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        let fail = |reason| {
            Err(ValueError::Country {
                value: text.to_owned(),
                reason,
            })
        };
        if text == "EU" || text == "EEA" || text == "XK" || ISO_3166_ALPHA_2.binary_search(&text).is_ok() {
            return Ok(Self(text.to_owned()));
        }
        match text {
            "UK" => fail("the United Kingdom's ISO 3166-1 code is `GB`"),
            _ if text.len() == 2
                && ISO_3166_ALPHA_2
                    .binary_search(&text.to_ascii_uppercase().as_str())
                    .is_ok() =>
            {
                fail("write the code in capitals, e.g. `NL`")
            }
            _ if text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()) => {
                fail("no country has this ISO 3166-1 code; use an assigned one such as `NL` or `US`")
            }
            _ => fail("use a two-letter ISO 3166-1 code in capitals such as `NL` or `US`, or `EU` / `EEA`"),
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether data located here stay inside the EEA (so no Chapter V transfer happens).
    pub fn is_eea(&self) -> bool {
        // A match on the bytes, not a search of the list: rules ask this for every location of
        // every processor of every activity. A test keeps the two in step.
        matches!(
            self.0.as_bytes(),
            b"EU"
                | b"EEA"
                | b"AT"
                | b"BE"
                | b"BG"
                | b"HR"
                | b"CY"
                | b"CZ"
                | b"DK"
                | b"EE"
                | b"FI"
                | b"FR"
                | b"DE"
                | b"GR"
                | b"HU"
                | b"IE"
                | b"IT"
                | b"LV"
                | b"LT"
                | b"LU"
                | b"MT"
                | b"NL"
                | b"PL"
                | b"PT"
                | b"RO"
                | b"SK"
                | b"SI"
                | b"ES"
                | b"SE"
                | b"IS"
                | b"LI"
                | b"NO"
        )
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_value!(CountryCode, COUNTRY_NEWTYPE, {
    let codes: Vec<&str> = ["EU", "EEA", "XK"]
        .into_iter()
        .chain(ISO_3166_ALPHA_2.iter().copied())
        .collect();
    json_schema!({
        "type": "string",
        "enum": codes,
        "description": "An ISO 3166-1 alpha-2 country code (the United Kingdom is GB), XK for Kosovo, or EU / EEA."
    })
});

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_eea` matches exactly the EEA list, and the regions.
    #[test]
    fn is_eea_follows_the_list() {
        for code in ISO_3166_ALPHA_2 {
            let country = CountryCode::parse(code).expect("code");
            assert_eq!(country.is_eea(), EEA_COUNTRIES.contains(code), "{code}");
        }
        for region in ["EU", "EEA"] {
            assert!(CountryCode::parse(region).expect("region").is_eea());
        }
    }

    #[test]
    fn country_codes_are_the_assigned_ones() {
        assert_eq!(ISO_3166_ALPHA_2.len(), 249);
        assert!(
            ISO_3166_ALPHA_2.windows(2).all(|w| w[0] < w[1]),
            "sorted and unique"
        );
        for good in ["NL", "US", "GB", "EU", "EEA", "XK"] {
            assert!(CountryCode::parse(good).is_ok(), "{good}");
        }
        for (bad, why) in [
            ("XX", "no country"),
            ("UK", "`GB`"),
            ("nl", "capitals"),
            ("NLD", "two-letter"),
        ] {
            let error = CountryCode::parse(bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(error.contains(why), "{bad}: {error}");
        }
    }

    #[test]
    fn ids_follow_the_rules() {
        assert!(Id::parse("voor_en_achternaam").is_ok());
        assert!(Id::parse("r2.1-a").is_ok());
        for bad in ["", "Naam", "_x", "a b", "é", &"a".repeat(65)] {
            assert!(Id::parse(bad).is_err(), "{bad:?} accepted");
        }
        // After the first character, exactly `a`-`z`, `0`-`9`, `_`, `-` and `.` are allowed.
        for c in (0u8..=127).map(char::from) {
            let allowed = matches!(c, 'a'..='z' | '0'..='9' | '_' | '-' | '.');
            assert_eq!(Id::parse(&format!("a{c}")).is_ok(), allowed, "{c:?}");
        }
    }

    #[test]
    fn periods_parse_and_print_canonically() {
        for (text, canonical) in [
            ("P5Y", "P5Y"),
            ("P1M", "P1M"),
            ("P4W", "P4W"),
            ("PT72H", "PT72H"),
            ("P1Y2M3DT4H", "P1Y2M3DT4H"),
            ("P0D", "P0D"),
        ] {
            let period = Period::parse(text).expect(text);
            assert_eq!(period.to_string(), canonical);
            assert_eq!(Period::parse(&period.to_string()), Ok(period));
        }
        for (text, canonical) in [("P1Y2W", "P1Y2W"), ("P2W3D", "P2W3D")] {
            assert_eq!(Period::parse(text).expect(text).to_string(), canonical);
        }
        for bad in [
            "",
            "P",
            "5Y",
            "P5Yx",
            "P1.5Y",
            "P-1Y",
            "PT",
            "p5y",
            "P1D1Y",
            "P1Y1Y",
            "PY",
            "P99999999999Y",
            "P1H",
            "PT1D",
            "P1YT",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn extreme_periods_display_and_parse_back() {
        let period = Period {
            hours: u32::MAX,
            minutes: 1,
            ..Period::default()
        };
        assert_eq!(period.to_string(), "PT4294967295H1M");
        assert_eq!(Period::parse(&period.to_string()), Ok(period));
    }

    #[test]
    fn periods_apply_calendar_arithmetic() {
        let jan31 = chrono::NaiveDate::from_ymd_opt(2024, 1, 31).expect("date");
        let one_month = Period::parse("P1M").expect("period");
        assert_eq!(
            one_month.after(jan31),
            chrono::NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert!(Period::parse("P1Y").expect("p").max_days() > Period::parse("P11M").expect("p").max_days());
    }

    #[test]
    fn country_codes_know_the_eea() {
        assert!(CountryCode::parse("NL").expect("nl").is_eea());
        assert!(CountryCode::parse("EU").expect("eu").is_eea());
        assert!(!CountryCode::parse("US").expect("us").is_eea());
        assert!(CountryCode::parse("nl").is_err());
        assert!(CountryCode::parse("NLD").is_err());
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert!(Date::parse("2021-03-16").is_ok());
        assert!(Date::parse("2021-02-30").is_err());
        assert!(Date::parse("16-03-2021").is_err());
    }

    /// The digit reader takes exactly what chrono's `%Y-%m-%d` takes among ten-byte texts, and
    /// reads the same date; other texts go to chrono.
    #[test]
    fn plain_dates_read_as_chrono_reads_them() {
        let texts = [
            "2021-03-16",
            "2024-02-29",
            "2023-02-29",
            "2021-13-01",
            "2021-00-10",
            "2021-04-31",
            "0000-01-01",
            "9999-12-31",
            "2021-3-16x",
            "2021/03/16",
            "２021-03-1",
            "+021-03-16",
            "-021-03-16",
            "2021-03-1 ",
            " 021-03-16",
            "2021-03-00",
        ];
        for text in texts {
            let chrono = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            if let Some(plain) = Date::plain(text.as_bytes()) {
                assert_eq!(Some(plain), chrono, "{text}");
            }
            assert_eq!(Date::parse(text).ok().map(|d| d.0), chrono, "{text}");
        }
        assert!(Date::plain(b"2021-03-16").is_some());
    }
}
