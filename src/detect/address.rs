//! `address`: a Dutch street + house number (+ addition) as one span, and a Dutch postcode
//! (`1234 AB`, `1234AB`) as its own span. The city after a postcode is a `location`, found
//! by another family.
//!
//! Streets are recognised by their last part (`-straat`, `-laan`, `-weg`, `-gracht`, ...),
//! optionally preceded by the title and particle words street names start with
//! (`Burgemeester de Withstraat`). Postcodes in capitals stand on their own, except letter
//! pairs that are units or eras (`2020 AD`, `1000 MG`); lower-case ones (`1528dn`) need an
//! address context: a street just before, or a capitalised place name just after.

use super::context::{char_at, char_before, words_after, words_before};
use super::{Needs, Rule, Verdict};
use crate::{Kind, Span};

/// Last parts of Dutch (and German) street names.
macro_rules! street_suffixes {
    () => {
        "straatweg|straat|stra(?:ss|ß)e|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|markt|\
         pad|park|steeg|baan|plantsoen|bolwerk|ring|wal|haven|boulevard|allee|kanaal|donk|akker|\
         gaarde|horst|kamp|brink|poort|burcht|vaart|vliet|wetering|weide|werf|tuin|veld|hoek"
    };
}

/// The rules of this family.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "address.postcode",
        kind: Kind::Address,
        pattern: r"(?-u:\b)[1-9][0-9]{3} ?[A-Za-z]{2}(?-u:\b)",
        priority: 95,
        needs: Needs::digits(4).and_run(4),
        validate: postcode,
    },
    Rule {
        name: "address.street",
        kind: Kind::Address,
        pattern: concat!(
            r"(?i)(?-u:\b)(?:(?:burgemeester|burg|generaal|gen|koningin|koning|prins|prinses|graaf|",
            r"gravin|hertog|dokter|dr|professor|prof|pastoor|pater|kapitein|admiraal|sint|st|",
            r"oude|nieuwe|korte|lange|hoge|lage|kleine|grote|groot|eerste|tweede|derde|",
            r"wethouder|meester|mr|jonkheer|jhr|president|kardinaal|van|de|den|der|het|'t|ter|",
            r"ten)\.?\s+)*[\p{L}][\p{L}'\-]*(?:",
            street_suffixes!(),
            r")\s+[0-9]{1,4}(?:\s?-\s?[0-9]{1,4}(?-u:\b)|(?-i:-?(?:hs|HS|bis|III|II|IV|I|V|X)(?-u:\b)|\s(?:hs|HS|bis|II|III|IV)(?-u:\b))|-?[A-Za-z](?-u:\b)|(?-i:\s[A-HJ-Z])(?-u:\b))?"
        ),
        priority: 95,
        needs: Needs::digits(1),
        validate: street,
    },
    Rule {
        name: "address.postcode_uk",
        kind: Kind::Address,
        // Royal Mail format: outward code (area, district) and inward code (sector, unit).
        pattern: r"(?-u:\b)(?:GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})(?-u:\b)",
        priority: 95,
        needs: Needs::digits(2).and(Needs::UPPER_DIGIT),
        validate: postcode_uk,
    },
    Rule {
        name: "address.street_first",
        kind: Kind::Address,
        // `Laan van Meerdervoort 26`, `Plein 1813 ...` is not this: the street word comes
        // first, then a particle and a capitalised name.
        pattern: concat!(
            r"(?-u:\b)(?:Laan|Plein|Weg|Kade|Singel|Gracht|Dijk|Straat|Dreef|Hof|Markt|Park|Pad)\s+",
            r"(?:van|der|de|den|het|op|aan|in|ter|ten|'t)(?:\s+(?:de|der|den|het|'t))?\s+",
            r"\p{Lu}[\p{L}\-]+\s+[0-9]{1,4}(?:\s?-\s?[0-9]{1,4}(?-u:\b)|-?[A-Za-z](?-u:\b)|\s[A-HJ-Z](?-u:\b))?"
        ),
        priority: 95,
        needs: Needs::digits(1),
        validate: street_first,
    },
];

/// Common words that end like a street but are not one (`onderweg 2 uur`).
const NOT_STREETS: &[&str] = &[
    "onderweg",
    "halfweg",
    "snelweg",
    "uitweg",
    "spoorweg",
    "zijweg",
    "hoofdweg",
    "rijweg",
    "supermarkt",
    "woningmarkt",
    "arbeidsmarkt",
    "huizenmarkt",
    "jaarmarkt",
    "vlooienmarkt",
    "kerstmarkt",
    "rommelmarkt",
    "loopbaan",
    "rijbaan",
    "startbaan",
    "landingsbaan",
    "ijsbaan",
    "tennisbaan",
    "renbaan",
    "pretpark",
    "attractiepark",
    "windpark",
    "zonnepark",
    "wagenpark",
    "nationaal",
    "voetpad",
    "fietspad",
    "wandelpad",
    "speeltuin",
    "dierentuin",
    "moestuin",
    "achtertuin",
    "voortuin",
    "kerkhof",
    "gerechtshof",
    "voetbalveld",
    "sportveld",
    "slagveld",
    "vliegveld",
    "speelveld",
    "zomerkamp",
    "trainingskamp",
    "vluchtelingenkamp",
    "legerkamp",
    "asielkamp",
    "kamp",
    "zeehaven",
    "luchthaven",
    "jachthaven",
    "werf",
    "scheepswerf",
    "hoek",
    "straathoek",
    "bocht",
    "weg",
    "park",
    "pad",
    "hof",
    "veld",
    "haven",
    "kade",
    "baan",
    "plein",
    "straat",
    "laan",
    "dijk",
    "markt",
    "tuin",
    "ring",
    "vaart",
    "scheepvaart",
    "luchtvaart",
    "ruimtevaart",
    "bedevaart",
    "zeevaart",
    "binnenvaart",
    "kanaal",
    "wal",
];

/// Words right after a number that make it a quantity, not a house number.
const QUANTITY_WORDS: &[&str] = &[
    "km",
    "kilometer",
    "m",
    "meter",
    "jaar",
    "uur",
    "min",
    "minuten",
    "euro",
    "procent",
    "keer",
    "mensen",
    "dagen",
    "weken",
    "maanden",
    "years",
    "hours",
    "minutes",
    "people",
    "times",
    "miles",
    "x",
];

/// Letter pairs after four digits that are units, eras or times, not postcodes.
const POSTCODE_TRAPS: &[&str] = &[
    "AD", "BC", "CE", "AM", "PM", "MG", "KG", "KM", "CM", "MM", "ML", "CL", "DL", "KB", "MB", "GB",
    "TB", "EU", "HP", "PK", "KW", "GR", "IE", "MW", "NL", "EN", "IN", "OP", "OF", "TO",
];

/// Lower-case letter pairs that are ordinary words (`2020 en`), never a written postcode.
const POSTCODE_WORDS: &[&str] = &[
    "en", "in", "op", "of", "is", "at", "to", "te", "om", "ok", "as", "an", "on", "or", "by", "we",
    "he", "me", "my", "no", "so", "up", "us", "do", "go", "if", "it", "be", "ik", "je", "ze", "er",
    "al", "nu", "na", "zo", "wo", "ma", "di", "vr", "za", "km", "kg", "cm", "mm", "mg", "ml", "cl",
    "dl", "ad", "bc", "am", "pm", "eu", "uu", "th", "st", "nd", "rd", "hr",
];

/// Letter pairs never issued in Dutch postcodes (PostNL).
const NEVER_ISSUED: &[&str] = &["SA", "SD", "SS"];

/// True when `word` (lower case) ends like a street name and is not a common word.
fn is_street_word(word: &str) -> bool {
    const ENDS: &[&str] = &[
        "straat",
        "laan",
        "weg",
        "plein",
        "gracht",
        "kade",
        "singel",
        "dijk",
        "dreef",
        "hof",
        "markt",
        "pad",
        "park",
        "steeg",
        "baan",
        "plantsoen",
        "ring",
        "wal",
        "haven",
        "boulevard",
        "allee",
        "kanaal",
        "vaart",
        "vliet",
        "weide",
        "tuin",
        "veld",
        "strasse",
        "straße",
    ];
    ENDS.iter()
        .any(|e| word.len() > e.len() && word.ends_with(e))
        && !NOT_STREETS.contains(&word)
}

/// True when the street word as written is a common noun: `-ering` nouns in lower case
/// (`vergadering 3`), while `Lizering 16` is a street.
fn lower_case_noun(written: &str) -> bool {
    written.ends_with("ering") && written.starts_with(char::is_lowercase)
}

fn postcode(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if char_before(text, span.start).is_some_and(|c| matches!(c, '€' | '$' | '£' | '#' | '+' | '/'))
        || (char_before(text, span.start).is_some_and(|c| matches!(c, '.' | ',' | '-' | ':'))
            && char_before(text, span.start - 1).is_some_and(|c| c.is_ascii_digit()))
    {
        return None;
    }
    // A year after a month name (`23 FEBRUARI 2007 EN`) is a date, not a postcode.
    if words_before(text, span.start, 1).any(|w| is_month_name(&w)) {
        return None;
    }
    let letters = raw.get(raw.len() - 2..)?;
    let upper = letters.to_ascii_uppercase();
    if NEVER_ISSUED.contains(&upper.as_str()) {
        return None;
    }
    let context = street_before(text, span.start)
        || place_after(text, span.end)
        || postcode_cue(text, span.start);
    if letters == upper {
        if POSTCODE_TRAPS.contains(&upper.as_str()) && !context {
            return None;
        }
        return Some(Verdict::new(
            span,
            Kind::Address,
            if context { 0.95 } else { 0.8 },
        ));
    }
    let lower = letters.to_ascii_lowercase();
    if letters != lower {
        return None;
    }
    // A letter pair that is also a word (`je`, `bc`) only right after street + number.
    let street_adjacent = words_before(text, span.start, 2).any(|w| is_street_word(&w));
    if POSTCODE_WORDS.contains(&lower.as_str()) && !street_adjacent {
        return None;
    }
    // `in 2020 en Amsterdam`: a year with a space before lower-case letters needs a street.
    let number: u32 = raw.get(..4)?.parse().ok()?;
    let yearish = (1900..=2099).contains(&number) && raw.contains(' ');
    let strong = street_before(text, span.start)
        || postcode_cue(text, span.start)
        || words_after(text, span.end, 2).any(|w| is_street_word(&w));
    if strong || (context && !yearish) {
        return Some(Verdict::new(span, Kind::Address, 0.8));
    }
    None
}

/// Words that make a compact code a vehicle plate rather than a UK postcode.
const VEHICLE_CUES: &[&str] = &[
    "kenteken*",
    "nummerplaat*",
    "plate*",
    "auto*",
    "car",
    "parkeerboete*",
];

fn postcode_uk(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if char_before(text, span.start).is_some_and(|c| matches!(c, '-' | '/' | '#' | '@' | '.')) {
        return None;
    }
    // Royal Mail never uses Q, V, X first, nor I, J, Z as a second area letter (the
    // historic `GIR 0AA` aside).
    let mut chars = raw.chars();
    let (first, second) = (chars.next(), chars.next());
    let bad_first = first.is_some_and(|c| matches!(c, 'Q' | 'V' | 'X'));
    let bad_second = second.is_some_and(|c| matches!(c, 'I' | 'J' | 'Z'));
    if !raw.starts_with("GIR") && (bad_first || bad_second) {
        return None;
    }
    // Without the space it may be a Dutch plate (`J675XN`) when a vehicle is mentioned.
    if !raw.contains(' ') && super::context::cue_before(text, span.start, 6, VEHICLE_CUES) {
        return None;
    }
    Some(Verdict::new(
        span,
        Kind::Address,
        if raw.contains(' ') { 0.85 } else { 0.7 },
    ))
}

/// True when `word` (lower case) is a Dutch or English month name or abbreviation.
fn is_month_name(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "januari",
        "january",
        "jan",
        "februari",
        "february",
        "feb",
        "maart",
        "march",
        "mrt",
        "mar",
        "april",
        "apr",
        "mei",
        "may",
        "juni",
        "june",
        "jun",
        "juli",
        "july",
        "jul",
        "augustus",
        "august",
        "aug",
        "september",
        "sept",
        "sep",
        "oktober",
        "october",
        "okt",
        "oct",
        "november",
        "nov",
        "december",
        "dec",
    ];
    MONTHS.contains(&word)
}

/// True when a street name is among the few words before `at` (`Lindenlaan 30, 3905hd`).
fn street_before(text: &str, at: usize) -> bool {
    words_before(text, at, 4).any(|w| is_street_word(&w))
}

/// True when a postcode cue word is just before `at`.
fn postcode_cue(text: &str, at: usize) -> bool {
    words_before(text, at, 2).any(|w| matches!(w.as_str(), "postcode" | "zip" | "pc" | "postal"))
}

/// True when the next word after `at` starts with a capital (a place name).
fn place_after(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let trimmed = rest.trim_start_matches([' ', ',']);
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return false;
    }
    // In text written all in capitals a capital says nothing: the next word must be
    // written in mixed case (`Amsterdam`, not `HEEFT`).
    let word: &str = trimmed
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

fn street(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if char_before(text, span.start)
        .is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '#' || c == '/' || c == '.')
    {
        return None;
    }
    // Leading lower-case particles belong to the sentence (`op de Dorpsstraat 1`).
    // A particle right before the street word is part of the name (`van heutszstraat 61`).
    let mut start = span.start;
    let words: Vec<&str> = raw.split(' ').collect();
    for (i, word) in words.iter().enumerate() {
        let article = matches!(*word, "de" | "het" | "'t");
        let particle = matches!(*word, "den" | "der" | "ter" | "ten" | "van");
        let next_is_street = words.get(i + 1).is_some_and(|w| {
            !w.starts_with(|c: char| c.is_ascii_digit())
                && words
                    .get(i + 2)
                    .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        });
        if !(article || (particle && !next_is_street)) {
            break;
        }
        start += word.len() + 1;
    }
    // The street word is the last word before the first digit.
    let digit_at = raw.find(|c: char| c.is_ascii_digit())?;
    let written = raw[..digit_at].split_whitespace().last()?;
    if !is_street_word(&written.to_lowercase()) || lower_case_noun(written) {
        return None;
    }
    house_number_end_ok(text, span.end)?;
    (start < span.end).then(|| Verdict::new(Span::new(start, span.end), Kind::Address, 0.9))
}

fn street_first(text: &str, span: Span) -> Option<Verdict> {
    if char_before(text, span.start).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    house_number_end_ok(text, span.end)?;
    Some(Verdict::new(span, Kind::Address, 0.85))
}

/// `Some(())` when a house number ends at `end`: not glued to more digits, a decimal or a
/// time, and not followed by a unit (`30 km`).
fn house_number_end_ok(text: &str, end: usize) -> Option<()> {
    if char_at(text, end).is_some_and(|c| c.is_alphanumeric())
        || (char_at(text, end).is_some_and(|c| matches!(c, '.' | ',' | ':' | '/'))
            && char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if words_after(text, end, 1).any(|w| QUANTITY_WORDS.contains(&w.as_str())) {
        return None;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::numbers::run_rules;

    fn found(text: &str) -> Vec<String> {
        let mut got: Vec<String> = run_rules(RULES, text).into_iter().map(|(s, _)| s).collect();
        got.sort();
        got
    }

    #[test]
    fn positives() {
        for (text, want) in [
            // street + number + addition
            ("ik woon op Dorpsstraat 112.", vec!["Dorpsstraat 112"]),
            ("Benthesingel 70-hs", vec!["Benthesingel 70-hs"]),
            ("Benhof 74-1 is het", vec!["Benhof 74-1"]),
            ("Danilaan 27B", vec!["Danilaan 27B"]),
            ("Esméelaan 196d", vec!["Esméelaan 196d"]),
            ("DAMIANSINGEL 4", vec!["DAMIANSINGEL 4"]),
            ("op de Kerkstraat 5 II", vec!["Kerkstraat 5 II"]),
            (
                "Burgemeester de Withstraat 30",
                vec!["Burgemeester de Withstraat 30"],
            ),
            ("Hauptstraße 5", vec!["Hauptstraße 5"]),
            // postcodes with and without space, capitals, lower case in context
            ("1234 AB Amsterdam", vec!["1234 AB"]),
            ("postcode 4048CC", vec!["4048CC"]),
            (
                "Lindenlaan 30, 3905hd Amsterdam",
                vec!["3905hd", "Lindenlaan 30"],
            ),
            (
                "mirtesingel 25, 3048 hw oss",
                vec!["3048 hw", "mirtesingel 25"],
            ),
            ("Eikenlaan 27 (4267hj)", vec!["4267hj", "Eikenlaan 27"]),
            ("1000 MG Amsterdam", vec!["1000 MG"]),
            ("2045 ab, Kerkstraat 5", vec!["2045 ab", "Kerkstraat 5"]),
            (
                "at Industrieweg 193d, 8681 je Ursem",
                vec!["8681 je", "Industrieweg 193d"],
            ),
            (
                "naar van heutszstraat 61\n4617eb",
                vec!["4617eb", "van heutszstraat 61"],
            ),
            ("ik kom van de Kerkstraat 5", vec!["Kerkstraat 5"]),
            // UK postcodes
            ("My address is SW1A 1AA in London", vec!["SW1A 1AA"]),
            ("EC1A1BB", vec!["EC1A1BB"]),
            ("GIR 0AA", vec!["GIR 0AA"]),
            (
                "op Graaf Florislaan 145 B, Emmen",
                vec!["Graaf Florislaan 145 B"],
            ),
            ("We live at Lizering 16", vec!["Lizering 16"]),
            ("at Kerkstraat 5 I think", vec!["Kerkstraat 5"]),
            (
                "naar Laan van Meerdervoort 26, Den Haag",
                vec!["Laan van Meerdervoort 26"],
            ),
        ] {
            assert_eq!(found(text), want, "{text}");
        }
    }

    #[test]
    fn look_alikes_are_not_found() {
        for text in [
            // common words that end like streets, quantities, times
            "ik ben onderweg 2 uur",
            "de supermarkt 3 keer",
            "de vergadering 3 was saai",
            "op de Ringweg 30 km verder",
            "Kerkstraat 10.30",
            // years, units and never-issued pairs
            "in 2020 AD",
            "1000 MG paracetamol",
            "1234 SS",
            "in 2020 en Amsterdam",
            "GEBOREN OP 23 FEBRUARI 2007 EN HEEFT",
            "op 3 mei 2024 AB gebeld",
            "kenteken J675XN",
            "sw1a 1aa",
            "QA1 1AA",
            "AZ1 1AA",
            "XGIR 0AA",
            "nu 1234 ab",
            "€1234 EU",
            "",
            "é 1234",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
