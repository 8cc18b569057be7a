//! The texts of one language, read from its file in `lang/`, and the idioms that depend on the
//! language: lists ("a, b and c"), periods ("1 maand", "5 years"), dates and enum labels.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{Date, Period};

use super::Language;

/// The texts of one language, flattened to dotted keys (`statement.title`,
/// `enum.lawful_basis.public_task`).
#[derive(Debug, Default)]
pub(crate) struct Texts {
    strings: HashMap<String, String>,
    lists: HashMap<String, Vec<String>>,
}

impl Texts {
    /// The texts of `language`, read once.
    pub(crate) fn of(language: Language) -> &'static Texts {
        static NL: OnceLock<Texts> = OnceLock::new();
        static EN: OnceLock<Texts> = OnceLock::new();
        let cell = match language {
            Language::Nl => &NL,
            Language::En => &EN,
        };
        // The files are part of the crate and a test parses each, so an error here is a bug in
        // the file, not in anyone's input; it leaves the keys showing instead of panicking.
        cell.get_or_init(|| Texts::parse(language.source()).unwrap_or_default())
    }

    /// Reads a language file.
    pub(crate) fn parse(source: &str) -> Result<Texts, toml::de::Error> {
        let table: toml::Table = toml::from_str(source)?;
        let mut texts = Texts::default();
        texts.flatten("", &table);
        Ok(texts)
    }

    fn flatten(&mut self, prefix: &str, table: &toml::Table) {
        for (key, value) in table {
            let key = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            match value {
                toml::Value::String(text) => {
                    self.strings.insert(key, text.clone());
                }
                toml::Value::Array(items) => {
                    let items = items
                        .iter()
                        .filter_map(|item| item.as_str().map(str::to_owned))
                        .collect();
                    self.lists.insert(key, items);
                }
                toml::Value::Table(inner) => self.flatten(&key, inner),
                _ => {}
            }
        }
    }

    /// Every key, sorted (for the test that language files agree).
    #[cfg(test)]
    fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.strings.keys().chain(self.lists.keys()).cloned().collect();
        keys.sort();
        keys
    }

    /// The text under `key`; the key itself when the file lacks it, so that a gap in a language
    /// file shows instead of vanishing (a test keeps the files complete).
    pub(crate) fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key).map_or(key, String::as_str)
    }

    /// The text under `key` with each `{name}` replaced by its value.
    pub(crate) fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// The label of a closed-list value: `enum.<table>.<snake_case form>`.
    pub(crate) fn label(&self, table: &str, value: impl Into<&'static str>) -> &str {
        let value: &'static str = value.into();
        match self.strings.get(&format!("enum.{table}.{value}")) {
            Some(text) => text,
            // A value the file lacks shows in its snake_case form (a test keeps files complete).
            None => value,
        }
    }

    /// A country or region in words ("Nederland", "de Europese Unie"); a code the file does not
    /// name is shown as written.
    pub(crate) fn country(&self, code: &crate::model::CountryCode) -> String {
        let code = code.to_string();
        self.strings
            .get(&format!("country.{code}"))
            .cloned()
            .unwrap_or(code)
    }

    /// `items` joined as the language joins a list: "a, b and c".
    pub(crate) fn and_list(&self, items: &[String]) -> String {
        self.join(items, self.get("words.and"))
    }

    /// `items` joined as alternatives: "a, b or c".
    pub(crate) fn or_list(&self, items: &[String]) -> String {
        self.join(items, self.get("words.or"))
    }

    fn join(&self, items: &[String], last: &str) -> String {
        let separator = self.get("words.list_separator");
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., tail] => format!("{} {last} {tail}", init.join(separator)),
        }
    }

    /// A period in words: "1 maand", "5 years and 6 months".
    pub(crate) fn period(&self, period: &Period) -> String {
        let units = [
            ("years", period.years),
            ("months", period.months),
            ("weeks", period.weeks),
            ("days", period.days),
            ("hours", period.hours),
            ("minutes", period.minutes),
            ("seconds", period.seconds),
        ];
        let parts: Vec<String> = units
            .iter()
            .filter(|(_, amount)| *amount > 0)
            .map(|(unit, amount)| {
                let forms = self.lists.get(&format!("period.{unit}"));
                let form = forms
                    .and_then(|forms| forms.get(usize::from(*amount != 1)))
                    .map_or(*unit, String::as_str);
                format!("{amount} {form}")
            })
            .collect();
        if parts.is_empty() {
            self.get("period.zero").to_owned()
        } else {
            self.and_list(&parts)
        }
    }

    /// A date in words: "16 maart 2021".
    pub(crate) fn date(&self, date: &Date) -> String {
        use chrono::Datelike;
        let day = date.0.day().to_string();
        let year = date.0.year().to_string();
        let month = self
            .lists
            .get("date.months")
            .and_then(|months| months.get(date.0.month0() as usize))
            .cloned()
            .unwrap_or_else(|| date.0.month().to_string());
        fill(
            self.get("date.format"),
            &[("day", &day), ("month", &month), ("year", &year)],
        )
    }
}

/// `template` with each `{name}` replaced by its value; unknown placeholders stay as written.
pub(crate) fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let value = close.and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    fn languages() -> impl Iterator<Item = (Language, Texts)> {
        Language::iter().map(|language| match Texts::parse(language.source()) {
            Ok(texts) => (language, texts),
            Err(error) => panic!("lang/{language}.toml does not parse: {error}"),
        })
    }

    /// Adding a language is adding a file; this keeps every file complete.
    #[test]
    fn every_language_file_has_the_keys_of_the_english_one() {
        let english = Texts::parse(Language::En.source())
            .map(|t| t.keys())
            .unwrap_or_default();
        assert!(english.len() > 300, "en.toml has only {} keys", english.len());
        for (language, texts) in languages() {
            assert_eq!(
                texts.keys(),
                english,
                "lang/{language}.toml differs from lang/en.toml in its keys"
            );
        }
    }

    fn labels_of<E: IntoEnumIterator + Into<&'static str>>(
        table: &str,
        texts: &Texts,
        missing: &mut Vec<String>,
    ) {
        for value in E::iter() {
            let key = format!("enum.{table}.{}", value.into());
            if !texts.strings.contains_key(&key) {
                missing.push(key);
            }
        }
    }

    /// Every value of every closed list a document shows has a label in every language.
    #[test]
    fn every_value_has_a_label_in_every_language() {
        use crate::model::*;
        for (language, texts) in languages() {
            let mut missing = Vec::new();
            let m = &mut missing;
            labels_of::<LawfulBasisKind>("lawful_basis", &texts, m);
            labels_of::<SpecialCategory>("special_category", &texts, m);
            labels_of::<SpecialCategoryConditionKind>("condition", &texts, m);
            labels_of::<UavgSpecialCategoryGround>("uavg_ground", &texts, m);
            labels_of::<CriminalDataGround>("criminal_ground", &texts, m);
            labels_of::<NationalIdBasisKind>("national_id_basis", &texts, m);
            labels_of::<DataSubjectRight>("right", &texts, m);
            labels_of::<DataSubjectRight>("right_explained", &texts, m);
            labels_of::<ChannelKind>("channel", &texts, m);
            labels_of::<InformationItem>("information_item", &texts, m);
            labels_of::<DataSourceKind>("source", &texts, m);
            labels_of::<RecipientKind>("recipient_kind", &texts, m);
            labels_of::<TransferMechanism>("transfer_mechanism", &texts, m);
            labels_of::<ProvisionRequirement>("provision", &texts, m);
            labels_of::<RetentionEvent>("retention_event", &texts, m);
            labels_of::<CookieClass>("cookie_class", &texts, m);
            labels_of::<CookieClass>("cookie_class_explained", &texts, m);
            labels_of::<CookieConsent>("cookie_consent", &texts, m);
            labels_of::<DpiaStatus>("dpia_status", &texts, m);
            labels_of::<SecurityStandard>("security_standard", &texts, m);
            labels_of::<SecurityMeasureCategory>("measure_category", &texts, m);
            labels_of::<LegalRegime>("regime", &texts, m);
            assert!(
                missing.is_empty(),
                "lang/{language}.toml has no label for {missing:?}"
            );
        }
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(fill("{a} en {b}", &[("a", "x"), ("b", "y")]), "x en y");
        assert_eq!(fill("{a} {c} {", &[("a", "{b}"), ("b", "no")]), "{b} {c} {");
    }

    #[test]
    fn lists_and_periods_read_as_the_language_writes_them() {
        let nl = Texts::of(Language::Nl);
        let en = Texts::of(Language::En);
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(nl.and_list(&items), "a, b en c");
        assert_eq!(en.or_list(&items[..2]), "a or b");
        let month = Period {
            months: 1,
            ..Period::default()
        };
        assert_eq!(nl.period(&month), "1 maand");
        let mixed = Period {
            years: 5,
            months: 6,
            ..Period::default()
        };
        assert_eq!(en.period(&mixed), "5 years and 6 months");
        assert_eq!(
            nl.period(&Period {
                years: 7,
                ..Period::default()
            }),
            "7 jaar"
        );
        let date = Date::parse("2021-03-16").map_err(|e| e.to_string());
        assert_eq!(date.map(|d| nl.date(&d)), Ok("16 maart 2021".to_owned()));
    }
}
