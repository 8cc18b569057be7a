//! Reading a cell's words as the model's typed values, where the wording allows, and saying
//! what could not be read.

use crate::model::{
    AfterEvent, DataSourceKind, DpiaStatus, LawfulBasis, LawfulBasisKind, Period, Retention, RetentionEvent,
    SecurityMeasureCategory, SpecialCategory, UntilEvent,
};

/// Whether a cell says "no", "none" or "not applicable".
pub(crate) fn says_none(text: &str) -> bool {
    let t = super::columns::normalise(text);
    matches!(
        t.as_str(),
        "nee"
            | "geen"
            | "n v t"
            | "nvt"
            | "niet van toepassing"
            | "none"
            | "no"
            | "n a"
            | "na"
            | "not applicable"
            | "-"
            | "0"
    ) || t.starts_with("nee ")
        || t.starts_with("geen ")
}

/// Whether a basis cell says more than its Art 6(1) bases and statutes: three or more words
/// left once the article references, basis wordings and statute segments are taken out.
pub(crate) fn basis_residue(text: &str) -> bool {
    let mut rest = text.to_lowercase();
    if let Some(statutes) = statute(text) {
        for segment in statutes.split("; ") {
            rest = rest.replace(&segment.to_lowercase(), " ");
        }
    }
    for wording in BASIS_WORDS {
        rest = rest.replace(wording, " ");
    }
    let noise = [
        "art",
        "artikel",
        "lid",
        "sub",
        "onder",
        "eerste",
        "avg",
        "gdpr",
        "en",
        "of",
        "de",
        "het",
        "van",
        "grondslag",
    ];
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 1 && !noise.contains(w))
        .count()
        >= 3
}

/// The wordings of bases, lowercase, as `lawful_bases` reads them.
const BASIS_WORDS: [&str; 18] = [
    "toestemming",
    "consent",
    "overeenkomst",
    "contract",
    "wettelijke verplichting",
    "wettelijke plicht",
    "legal obligation",
    "vitaal belang",
    "vitale belang",
    "algemeen belang",
    "openbaar gezag",
    "publieke taak",
    "publiekrechtelijke taak",
    "gerechtvaardigd belang",
    "gerechtvaardigde belang",
    "legitimate interest",
    "public task",
    "taak van algemeen",
];

/// Whether a cell says "yes".
pub(crate) fn says_yes(text: &str) -> bool {
    let t = super::columns::normalise(text);
    matches!(t.as_str(), "ja" | "yes" | "j" | "y" | "x" | "waar" | "true") || t.starts_with("ja ")
}

/// A cell's list items: split on line breaks, semicolons and bullets, and on commas when `commas`
/// and every part is short (a list of categories, not a sentence). Items are trimmed; empty ones
/// and lead-in lines ("Wij gebruiken de volgende gegevens:", see [`lead_ins`]) are dropped.
pub(crate) fn items(text: &str, commas: bool) -> Vec<String> {
    let mut items = Vec::new();
    for line in lines(text) {
        if is_lead_in(line) {
            continue;
        }
        let parts: Vec<&str> = line.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let list_like = parts
            .iter()
            .all(|p| p.split_whitespace().count() <= MAX_ITEM_WORDS);
        if commas && parts.len() > 1 && list_like && !line.contains('(') {
            items.extend(parts.into_iter().map(str::to_owned));
        } else {
            items.push(line.to_owned());
        }
    }
    items
}

/// The most words in one item of a comma-separated list.
const MAX_ITEM_WORDS: usize = 5;

/// The lines of a cell that introduce a list rather than belong to it ("Wij gebruiken uw
/// persoonsgegevens voor de volgende doeleinden:"); the importer keeps them as written.
pub(crate) fn lead_ins(text: &str) -> Vec<String> {
    lines(text)
        .filter(|line| is_lead_in(line))
        .map(str::to_owned)
        .collect()
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\r', ';', '•', '·'])
        .map(|line| line.trim().trim_start_matches(['-', '*', '–']).trim())
        .filter(|line| !line.is_empty())
}

fn is_lead_in(line: &str) -> bool {
    line.ends_with(':') && line.split_whitespace().count() > 2
}

/// A lawful-basis cell read as Art 6(1) bases: the letters it cites ("6.1.e", "artikel 6 lid 1
/// sub c", "6(1)(f)") and the wordings it uses ("wettelijke verplichting", "algemeen belang").
/// Each basis found becomes an entry with the cell's statute, where it names one; a cell that
/// names no basis is kept as the entry's `wording` (and, if it names a statute, its
/// `legal_provision`). The bool says whether a basis was found.
pub(crate) fn lawful_bases(text: &str) -> (Vec<LawfulBasis>, bool) {
    let lower = text.to_lowercase();
    let mut kinds: Vec<LawfulBasisKind> = Vec::new();
    let mut add = |kind| {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    };
    for letter in article_6_letters(&lower) {
        add(letter);
    }
    let wordings: [(&str, LawfulBasisKind); 14] = [
        ("toestemming", LawfulBasisKind::Consent),
        ("consent", LawfulBasisKind::Consent),
        ("overeenkomst", LawfulBasisKind::Contract),
        ("contract", LawfulBasisKind::Contract),
        ("wettelijke verplichting", LawfulBasisKind::LegalObligation),
        ("wettelijke plicht", LawfulBasisKind::LegalObligation),
        ("legal obligation", LawfulBasisKind::LegalObligation),
        ("vitaal belang", LawfulBasisKind::VitalInterests),
        ("vitale belang", LawfulBasisKind::VitalInterests),
        ("algemeen belang", LawfulBasisKind::PublicTask),
        ("openbaar gezag", LawfulBasisKind::PublicTask),
        ("publieke taak", LawfulBasisKind::PublicTask),
        ("publiekrechtelijke taak", LawfulBasisKind::PublicTask),
        ("gerechtvaardigd belang", LawfulBasisKind::LegitimateInterests),
    ];
    for (wording, kind) in wordings {
        // "verwerkersovereenkomst" is not a contract with the data subject.
        if lower.contains(wording) && !(wording == "overeenkomst" && lower.contains("verwerkersovereenkomst"))
        {
            add(kind);
        }
    }
    if lower.contains("legitimate interest") || lower.contains("gerechtvaardigde belang") {
        add(LawfulBasisKind::LegitimateInterests);
    }
    if lower.contains("public task") || lower.contains("taak van algemeen") {
        add(LawfulBasisKind::PublicTask);
    }
    let provision = statute(text);
    if kinds.is_empty() {
        let basis = LawfulBasis {
            basis: None,
            wording: provision.is_none().then(|| text.trim().to_owned()),
            legal_provision: provision,
            legitimate_interest: None,
            data_subject_is_party: None,
            purposes: Vec::new(),
            data_categories: Vec::new(),
        };
        return (vec![basis], false);
    }
    let bases = kinds
        .into_iter()
        .map(|kind| LawfulBasis {
            basis: Some(kind),
            wording: None,
            legal_provision: provision.clone().filter(|_| kind.needs_legal_provision()),
            legitimate_interest: None,
            data_subject_is_party: None,
            purposes: Vec::new(),
            data_categories: Vec::new(),
        })
        .collect();
    (bases, true)
}

/// The Art 6(1) letters a text cites: `6.1.e`, `6 lid 1 sub c`, `6, eerste lid, onder e`,
/// `6(1)(f)`, `art. 6 lid 1 e`.
fn article_6_letters(lower: &str) -> Vec<LawfulBasisKind> {
    let mut found = Vec::new();
    let bytes = lower.as_bytes();
    let mut start = 0;
    while let Some(at) = lower[start..].find('6').map(|i| i + start) {
        start = at + 1;
        // The 6 must stand alone (not part of 16 or 2016).
        if at > 0 && bytes[at - 1].is_ascii_digit() || bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let rest: String = lower.get(at + 1..).unwrap_or_default().chars().take(40).collect();
        let rest = rest
            .replace("eerste lid", "1")
            .replace("lid", " ")
            .replace("sub", " ")
            .replace("onder", " ")
            .replace(['.', ',', '(', ')', ':'], " ");
        let mut words = rest.split_whitespace();
        if words.next() != Some("1") {
            continue;
        }
        let letter = match words.next() {
            Some("a") => LawfulBasisKind::Consent,
            Some("b") => LawfulBasisKind::Contract,
            Some("c") => LawfulBasisKind::LegalObligation,
            Some("d") => LawfulBasisKind::VitalInterests,
            Some("e") => LawfulBasisKind::PublicTask,
            Some("f") => LawfulBasisKind::LegitimateInterests,
            _ => continue,
        };
        if !found.contains(&letter) {
            found.push(letter);
        }
    }
    found
}

/// The statute a text names, as written: the part of the cell after the basis wording that
/// mentions a law ("Participatiewet art. 47", "op grond van de Gemeentewet"); none when it names
/// none.
pub(crate) fn statute(text: &str) -> Option<String> {
    let segments: Vec<&str> = text
        .split([';', '\n', '/'])
        .map(|segment| segment.trim().trim_start_matches(['•', '-', '*']).trim())
        .filter(|segment| names_law(segment))
        .collect();
    (!segments.is_empty()).then(|| segments.join("; "))
}

/// Whether a text names a law other than the GDPR: a word that is a statute's name
/// ("Participatiewet", "Wet op …", "Awb", "Besluit …", "verordening", "regeling").
fn names_law(text: &str) -> bool {
    let lower = text
        .to_lowercase()
        .replace("algemene verordening gegevensbescherming", " ");
    lower.split(|c: char| !c.is_alphanumeric()).any(|word| {
        word == "wet"
            || (word.ends_with("wet") && word.len() > 4)
            || word.starts_with("wetboek")
            || matches!(word, "awb" | "wmo" | "wabb" | "wpg" | "uavg" | "bw" | "sr" | "sv")
            || (word.ends_with("besluit") && word.len() > 7)
            || word.ends_with("verordening")
            || word.ends_with("regeling")
            || word.starts_with("beleidsregel")
    })
}

/// The special category a data category's label names, from the words Dutch and English
/// registers use.
pub(crate) fn special_category(label: &str) -> Option<SpecialCategory> {
    let l = label.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| l.contains(w));
    if any(&[
        "gezondheid",
        "medisch",
        "medische",
        "health",
        "beperking",
        "handicap",
        "zorggegevens",
        "ziekte",
        "verzuim",
    ]) {
        Some(SpecialCategory::Health)
    } else if any(&["etnisch", "ethnic", "racial"])
        || l.split(|c: char| !c.is_alphanumeric()).any(|w| w == "ras")
    {
        Some(SpecialCategory::RacialOrEthnicOrigin)
    } else if any(&["politiek", "politieke", "political"]) {
        Some(SpecialCategory::PoliticalOpinions)
    } else if any(&["godsdienst", "religie", "levensovertuiging", "religio", "geloof"]) {
        Some(SpecialCategory::ReligiousOrPhilosophicalBeliefs)
    } else if any(&["vakbond", "trade union"]) {
        Some(SpecialCategory::TradeUnionMembership)
    } else if any(&["genetisch", "genetic", "dna"]) {
        Some(SpecialCategory::Genetic)
    } else if any(&["biometri", "vingerafdruk", "gezichtsherkenning", "fingerprint"]) {
        Some(SpecialCategory::Biometric)
    } else if any(&[
        "seksuele geaardheid",
        "sexual orientation",
        "seksuele gerichtheid",
    ]) {
        Some(SpecialCategory::SexualOrientation)
    } else if any(&["seksueel leven", "seksuele leven", "sex life"]) {
        Some(SpecialCategory::SexLife)
    } else {
        None
    }
}

/// Whether a data category's label speaks of criminal-offence data (Art 10).
pub(crate) fn criminal(label: &str) -> bool {
    let l = label.to_lowercase();
    [
        "strafrechtelijk",
        "strafbare feit",
        "justitiële",
        "justitiele",
        "criminal",
        "veroordeling",
        "politiegegevens",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// Whether a data category's label is the BSN.
pub(crate) fn bsn(label: &str) -> bool {
    let l = super::columns::normalise(label);
    l == "bsn" || l.contains("burgerservicenummer") || l.split(' ').any(|w| w == "bsn")
}

/// A retention cell read as one retention: "5 jaar", "10 jaar na afhandeling", "5 tot 7 jaar",
/// "tot einde overeenkomst", "permanent", "zolang als nodig". Anything else (several periods, a
/// reference to the selectielijst without its category) is not read.
pub(crate) fn retention(text: &str) -> Option<Retention> {
    // Prose (several sentences about retention) is for a person to read, not a guess.
    if text.split_whitespace().count() > MAX_RETENTION_WORDS {
        return None;
    }
    single_retention(text).or_else(|| per_record_type(text))
}

/// The most words a retention cell may have to be read.
const MAX_RETENTION_WORDS: usize = 16;

/// "Persoonsregistratie: 110 jaar, gegevensverstrekking binnen gemeente 5 jaar": a term per kind
/// of record, each part a name followed by one period, read as cases.
fn per_record_type(text: &str) -> Option<Retention> {
    let parts: Vec<&str> = text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let mut cases = Vec::new();
    for part in parts {
        let lower = part.to_lowercase();
        let periods = periods_in(&lower);
        let [(period, end)] = periods.as_slice() else {
            return None;
        };
        // Found in the cell's own text: lowercasing may change where a digit lies (`İ`).
        let start = part.find(|c: char| c.is_ascii_digit())?;
        let when = part.get(..start)?.trim().trim_end_matches(':').trim();
        if when.is_empty() {
            return None;
        }
        let retention = after(part, &lower, *period, None, *end);
        cases.push(crate::model::RetentionCase {
            when: when.to_owned(),
            retention: Some(retention),
        });
    }
    Some(Retention::Conditional(crate::model::ConditionalRetention {
        otherwise: None,
        cases,
    }))
}

/// A cell that gives one retention.
fn single_retention(text: &str) -> Option<Retention> {
    let written = text.trim().trim_end_matches('.');
    let lower = written.to_lowercase();
    let lower = lower.as_str();
    if lower.contains("blijvend") || lower.contains("permanent") || lower.contains("eeuwig") {
        return Some(Retention::Permanent {
            legal_provision: None,
        });
    }
    let periods = periods_in(lower);
    match periods.as_slice() {
        [] => {
            if lower.starts_with("zolang") || lower.starts_with("zo lang") || lower.contains("as long as") {
                return Some(Retention::AsLongAsNecessary {
                    criteria: Some(text.trim().to_owned()),
                });
            }
            let rest = lower.strip_prefix("tot ")?;
            let (event, label) = retention_event(rest);
            Some(Retention::UntilEvent(UntilEvent {
                event,
                event_label: label.then(|| as_written(written, lower, rest)),
                age: None,
                legal_provision: None,
            }))
        }
        [(period, end)] => Some(after(written, lower, *period, None, *end)),
        [(period, _), (up_to, end)]
            if lower[..lower.len().min(*end)].contains(" tot ") || lower.contains('-') =>
        {
            Some(after(written, lower, *period, Some(*up_to), *end))
        }
        _ => None,
    }
}

fn after(written: &str, lower: &str, period: Period, up_to: Option<Period>, end: usize) -> Retention {
    let rest = lower.get(end..).unwrap_or_default().trim();
    let (event, label) = match rest.strip_prefix("na ").or_else(|| rest.strip_prefix("after ")) {
        Some(event_text) => {
            let (event, label) = retention_event(event_text);
            (
                Some(event),
                label.then(|| as_written(written, lower, event_text.trim())),
            )
        }
        None => (None, None),
    };
    Retention::AfterEvent(AfterEvent {
        period,
        up_to,
        event,
        event_label: label,
        age: None,
        extended_while: None,
        legal_provision: None,
        minimum: lower.contains("minimaal") || lower.contains("minimum"),
    })
}

/// `part` of `lower` (the lowercase of `written`) as the organisation wrote it, capitals kept
/// ("na afloop van de Wmo-indicatie"), when lowercasing kept every character's length (it nearly
/// always does; `İ` and the Kelvin sign do not), else as lowercased.
fn as_written(written: &str, lower: &str, part: &str) -> String {
    let same_offsets = written.len() == lower.len()
        && written.chars().count() == lower.chars().count()
        && written
            .chars()
            .zip(lower.chars())
            .all(|(a, b)| a.len_utf8() == b.len_utf8());
    let start = (part.as_ptr() as usize).checked_sub(lower.as_ptr() as usize);
    start
        .filter(|_| same_offsets)
        .and_then(|start| written.get(start..start.checked_add(part.len())?))
        .unwrap_or(part)
        .to_owned()
}

/// The retention event a phrase names; `Other` with `true` (keep the wording) when none fits.
fn retention_event(text: &str) -> (RetentionEvent, bool) {
    let t = text.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
    let event = if any(&[
        "afhandeling",
        "afronding",
        "sluiting",
        "afgesloten",
        "beëindiging van de zaak",
        "einde zaak",
        "besluit",
    ]) {
        if any(&["besluit"]) && !any(&["afhandeling", "afronding", "sluiting", "afgesloten"]) {
            RetentionEvent::Decision
        } else {
            RetentionEvent::CaseClosed
        }
    } else if any(&[
        "einde overeenkomst",
        "einde van de overeenkomst",
        "einde contract",
        "beëindiging overeenkomst",
        "einde van het contract",
    ]) {
        RetentionEvent::ContractEnd
    } else if any(&[
        "uitdiensttreding",
        "einde dienstverband",
        "einde van het dienstverband",
        "ontslag",
    ]) {
        RetentionEvent::EmploymentEnd
    } else if any(&["overlijden"]) {
        RetentionEvent::SubjectDeath
    } else if any(&["laatste contact"]) {
        RetentionEvent::LastContact
    } else if any(&["afmelding", "intrekking", "uitschrijving"]) {
        RetentionEvent::ConsentWithdrawn
    } else if any(&["verzamel", "ontvangst"]) {
        RetentionEvent::Collection
    } else {
        return (RetentionEvent::Other, true);
    };
    (event, false)
}

/// The periods a text names ("5 jaar", "6 maanden", "14 dagen"), each with the byte offset where
/// it ends.
fn periods_in(lower: &str) -> Vec<(Period, usize)> {
    let mut found = Vec::new();
    let words: Vec<(usize, &str)> = lower
        .split_inclusive(|c: char| c.is_whitespace())
        .scan(0usize, |offset, word| {
            let start = *offset;
            *offset += word.len();
            Some((start, word))
        })
        .collect();
    for pair in words.windows(2) {
        let [(_, number), (unit_at, unit)] = pair else {
            continue;
        };
        let (unit_at, unit) = (*unit_at, *unit);
        let number = number.trim().trim_end_matches(['-', '–']);
        let Some(amount) = number.parse::<u32>().ok().or_else(|| number_word(number)) else {
            continue;
        };
        let unit_word = unit.trim().trim_end_matches(['.', ',', ';', ')']);
        let mut period = Period::default();
        match unit_word {
            "jaar" | "jaren" | "year" | "years" => period.years = amount,
            "maand" | "maanden" | "month" | "months" => period.months = amount,
            "week" | "weken" | "weeks" => period.weeks = amount,
            "dag" | "dagen" | "day" | "days" => period.days = amount,
            "uur" | "uren" | "hour" | "hours" => period.hours = amount,
            _ => continue,
        }
        found.push((period, unit_at + unit.trim_end().len()));
    }
    // "5 tot 7 jaar": the first number has no unit of its own; it takes the second's.
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let ([(unit_period, _)], [low, "tot" | "-" | "à" | "to", high, ..]) =
        (found.as_slice(), words.as_slice())
        && let (Ok(low), Ok(_)) = (low.parse::<u32>(), high.parse::<u32>())
    {
        let mut first = *unit_period;
        for field in [
            &mut first.years,
            &mut first.months,
            &mut first.weeks,
            &mut first.days,
            &mut first.hours,
        ] {
            if *field > 0 {
                *field = low;
            }
        }
        found.insert(0, (first, 0));
    }
    found
}

/// A number written as a Dutch or English word ("zeven jaar", "twee weken").
fn number_word(word: &str) -> Option<u32> {
    Some(match word {
        "een" | "één" | "one" => 1,
        "twee" | "two" => 2,
        "drie" | "three" => 3,
        "vier" | "four" => 4,
        "vijf" | "five" => 5,
        "zes" | "six" => 6,
        "zeven" | "seven" => 7,
        "acht" | "eight" => 8,
        "negen" | "nine" => 9,
        "tien" | "ten" => 10,
        "elf" | "eleven" => 11,
        "twaalf" | "twelve" => 12,
        "twintig" | "twenty" => 20,
        "dertig" | "thirty" => 30,
        _ => return None,
    })
}

/// Whether a provision-requirement cell says the data must be provided, by law or contract, or
/// may be withheld.
pub(crate) fn provision_requirement(text: &str) -> Option<crate::model::ProvisionRequirement> {
    use crate::model::ProvisionRequirement;
    let lower = text.to_lowercase();
    if says_none(text) || lower.contains("vrijwillig") || lower.contains("niet verplicht") {
        Some(ProvisionRequirement::Voluntary)
    } else if says_yes(text) && (lower.contains("wet") || lower.contains("wettelijk")) {
        Some(ProvisionRequirement::Statutory)
    } else if says_yes(text) && (lower.contains("overeenkomst") || lower.contains("contract")) {
        Some(ProvisionRequirement::Contractual)
    } else {
        None
    }
}

/// A DPIA cell read as a status.
pub(crate) fn dpia(text: &str) -> Option<DpiaStatus> {
    let t = super::columns::normalise(text);
    if t.contains("niet nodig")
        || t.contains("niet vereist")
        || t.contains("niet verplicht")
        || t == "n v t"
        || t == "nvt"
    {
        Some(DpiaStatus::NotRequired)
    } else if t.contains("gepland") {
        Some(DpiaStatus::Planned)
    } else if t.contains("in uitvoering") || t.contains("loopt") || t.contains("wordt uitgevoerd") {
        Some(DpiaStatus::InProgress)
    } else if says_yes(text) || t.contains("uitgevoerd") || t.contains("afgerond") {
        Some(DpiaStatus::Completed)
    } else if says_none(text) {
        Some(DpiaStatus::NotPerformed)
    } else if t.contains("onbekend") {
        Some(DpiaStatus::Unknown)
    } else {
        None
    }
}

/// A source item read as a kind of source, with its name where it names one.
pub(crate) fn source(item: &str) -> Option<DataSourceKind> {
    let t = super::columns::normalise(item);
    let any = |words: &[&str]| {
        words
            .iter()
            .any(|w| t.split(' ').any(|x| x == *w) || t.contains(&format!("{w} ")))
    };
    if any(&[
        "betrokkene",
        "betrokkenen",
        "aanvrager",
        "aanvragers",
        "burger",
        "inwoner",
        "inwoners",
        "zelf",
        "uzelf",
        "klant",
        "medewerker",
        "melder",
        "sollicitant",
    ]) {
        Some(DataSourceKind::DataSubject)
    } else if any(&[
        "brp",
        "basisregistratie",
        "basisregistraties",
        "bag",
        "brk",
        "kvk",
        "handelsregister",
        "gba",
    ]) {
        Some(DataSourceKind::BaseRegistry)
    } else if any(&[
        "suwinet",
        "suwi",
        "inlichtingenbureau",
        "overheidsorganen",
        "overheidsorgaan",
        "overheidsinstantie",
        "overheidsinstanties",
        "duo",
        "uwv",
        "belastingdienst",
        "politie",
        "rdw",
        "svb",
        "cak",
        "ind",
        "gemeente",
        "gemeenten",
        "rijksoverheid",
        "justitie",
        "rechtbank",
        "om",
    ]) {
        Some(DataSourceKind::PublicAuthority)
    } else if any(&["openbare", "openbaar", "internet"]) {
        Some(DataSourceKind::PublicSource)
    } else if any(&["werkgever"]) {
        Some(DataSourceKind::Employer)
    } else if any(&["afdeling", "team", "intern", "interne"]) || t.contains("afdeling") {
        Some(DataSourceKind::InternalUnit)
    } else {
        None
    }
}

/// A security measure's category, from the words of its label.
pub(crate) fn measure_category(label: &str) -> Option<SecurityMeasureCategory> {
    let l = label.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| l.contains(w));
    Some(if any(&["autorisatie", "toegang", "rechten", "access"]) {
        SecurityMeasureCategory::AccessControl
    } else if any(&["wachtwoord", "authenticatie", "2fa", "inlog", "mfa"]) {
        SecurityMeasureCategory::Authentication
    } else if any(&["versleutel", "encrypt", "encryptie", "tls", "https"]) {
        SecurityMeasureCategory::EncryptionInTransit
    } else if any(&["pseudonim", "anonimi"]) {
        SecurityMeasureCategory::Pseudonymisation
    } else if any(&["logging", "logbestand", "monitoring"]) {
        SecurityMeasureCategory::LoggingAndMonitoring
    } else if any(&["back-up", "backup", "herstel"]) {
        SecurityMeasureCategory::BackupAndRecovery
    } else if any(&["fysiek", "kluis", "afgesloten kast", "toegangspas"]) {
        SecurityMeasureCategory::PhysicalSecurity
    } else if any(&["geheimhouding", "vog", "screening"]) {
        SecurityMeasureCategory::StaffConfidentiality
    } else if any(&["bewustwording", "training", "awareness"]) {
        SecurityMeasureCategory::AwarenessAndTraining
    } else if any(&[
        "bio",
        "informatiebeveiligingsbeleid",
        "beveiligingsbeleid",
        "iso 27001",
    ]) {
        SecurityMeasureCategory::SecurityPolicy
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_around_a_six_never_splits_a_character() {
        let (_, found) = lawful_bases(
            "6 \u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}",
        );
        assert!(!found);
        assert_eq!(retention("5 jaar \u{e9}\u{e9}"), retention("5 jaar \u{e9}\u{e9}"));
    }

    #[test]
    fn bases_are_read_from_letters_and_wordings() {
        let kinds = |text: &str| {
            lawful_bases(text)
                .0
                .into_iter()
                .filter_map(|b| b.basis)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds("Art. 6 lid 1 sub c AVG"),
            [LawfulBasisKind::LegalObligation]
        );
        assert_eq!(kinds("6.1.e"), [LawfulBasisKind::PublicTask]);
        assert_eq!(
            kinds("artikel 6, eerste lid, onder e"),
            [LawfulBasisKind::PublicTask]
        );
        assert_eq!(
            kinds("Wettelijke verplichting"),
            [LawfulBasisKind::LegalObligation]
        );
        assert_eq!(
            kinds("Algemeen belang / openbaar gezag"),
            [LawfulBasisKind::PublicTask]
        );
        assert_eq!(
            kinds("Toestemming en gerechtvaardigd belang"),
            [LawfulBasisKind::Consent, LawfulBasisKind::LegitimateInterests]
        );
        let (bases, found) = lawful_bases("Participatiewet art. 47");
        assert!(!found);
        assert_eq!(
            bases[0].legal_provision.as_deref(),
            Some("Participatiewet art. 47")
        );
        let (bases, found) = lawful_bases("zie beleid");
        assert!(!found);
        assert_eq!(bases[0].wording.as_deref(), Some("zie beleid"));
        assert_eq!(kinds("Verwerkersovereenkomst"), []);
        assert!(!basis_residue("Art. 6 lid 1 sub c AVG; Participatiewet art. 35"));
        assert!(!basis_residue("Algemeen belang / openbaar gezag"));
        assert!(basis_residue(
            "• Communiceren met de WOO-verzoeker\nWettelijke verplichting"
        ));
        assert_eq!(kinds("AVG 2016"), []);
        assert_eq!(statute("Wettelijke verplichting"), None);
        assert_eq!(statute("Gemeentewet").as_deref(), Some("Gemeentewet"));
        assert_eq!(
            statute("Wet op de lijkbezorging").as_deref(),
            Some("Wet op de lijkbezorging")
        );
        assert_eq!(statute("art. 6 lid 1 sub e AVG"), None);
        assert_eq!(
            statute("Art. 6 lid 1 sub c AVG; Participatiewet art. 35").as_deref(),
            Some("Participatiewet art. 35")
        );
    }

    #[test]
    fn retention_is_read_where_the_wording_allows() {
        let after = |text: &str| match retention(text) {
            Some(Retention::AfterEvent(a)) => Some((a.period, a.up_to, a.event)),
            _ => None,
        };
        let years = |n| Period {
            years: n,
            ..Period::default()
        };
        assert_eq!(after("5 jaar"), Some((years(5), None, None)));
        assert_eq!(
            after("5 jaar na afhandeling"),
            Some((years(5), None, Some(RetentionEvent::CaseClosed)))
        );
        assert_eq!(after("5 tot 7 jaar"), Some((years(5), Some(years(7)), None)));
        assert_eq!(
            after("6 maanden na einde overeenkomst"),
            Some((
                Period {
                    months: 6,
                    ..Period::default()
                },
                None,
                Some(RetentionEvent::ContractEnd)
            ))
        );
        assert!(matches!(
            retention("Blijvend bewaren"),
            Some(Retention::Permanent { .. })
        ));
        assert!(matches!(
            retention("tot einde overeenkomst"),
            Some(Retention::UntilEvent(_))
        ));
        assert!(matches!(
            retention("Zolang noodzakelijk"),
            Some(Retention::AsLongAsNecessary { .. })
        ));
        assert_eq!(retention("Conform selectielijst"), None);
        let cases = |text: &str| match retention(text) {
            Some(Retention::Conditional(c)) => c.cases.iter().map(|c| c.when.clone()).collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        assert_eq!(
            cases("Persoonsregistratie: 110 jaar, gegevensverstrekking binnen gemeente 5 jaar"),
            ["Persoonsregistratie", "gegevensverstrekking binnen gemeente"]
        );
        assert_eq!(retention("7 jaar in sap 11 jaar als management informatie"), None);
        // Labels keep the organisation's capitals, and a character whose lowercase is longer
        // (`İ`) does not shift what is kept.
        assert_eq!(
            cases("İnschrijving: 5 jaar, Uitschrijving Wmo: 7 jaar"),
            ["İnschrijving", "Uitschrijving Wmo"]
        );
        let label = |text: &str| match retention(text) {
            Some(Retention::AfterEvent(a)) => a.event_label,
            Some(Retention::UntilEvent(u)) => u.event_label,
            _ => None,
        };
        assert_eq!(
            label("5 jaar na afloop van de Wmo-indicatie").as_deref(),
            Some("afloop van de Wmo-indicatie")
        );
        assert_eq!(
            label("Tot afloop van de Wmo-indicatie.").as_deref(),
            Some("afloop van de Wmo-indicatie")
        );
        assert_eq!(
            label("5 jaar na afloop İndicatie").as_deref(),
            Some("afloop i̇ndicatie")
        );
        assert_eq!(
            after("zeven jaar na het besluit"),
            Some((years(7), None, Some(RetentionEvent::Decision)))
        );
        assert_eq!(
            retention(
                "Direct na het bezoek worden de gegevens van de groep vernietigd. Alleen de gegevens van de contactpersoon blijven 5 jaar bewaard"
            ),
            None
        );
    }

    #[test]
    fn categories_are_recognised() {
        assert_eq!(
            special_category("Medische gegevens"),
            Some(SpecialCategory::Health)
        );
        assert_eq!(special_category("Naam"), None);
        assert!(bsn("BSN"));
        assert!(bsn("Burgerservicenummer"));
        assert!(!bsn("Adres"));
        assert!(criminal("Strafrechtelijke gegevens"));
        assert!(says_none("N.v.t."));
        assert!(says_yes("Ja"));
        assert_eq!(items("naam, adres\nBSN", true), ["naam", "adres", "BSN"]);
        assert_eq!(
            items("Uitvoeren van taken, zoals de Wmo", false),
            ["Uitvoeren van taken, zoals de Wmo"]
        );
    }
}
