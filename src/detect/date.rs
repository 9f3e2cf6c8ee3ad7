//! `date` and `birth_date`: concrete calendar dates in Dutch and English forms (numeric
//! d-m-y and m/d/y, ISO y-m-d with an optional time, day + month name with an optional
//! year, English month-first), checked against the calendar. A date with a birth cue
//! nearby (`geboren`, `geb.`, `geboortedatum`, `born`, `DOB`, `date of birth`, `jarig`)
//! becomes a `birth_date`; the span is the date value only. Lone months, years and times
//! are not dates.

use super::context::{char_at, char_before, cue_after, cue_before};
use super::numbers::number_bounded;
use super::{Needs, Rule, Verdict};
use crate::validate::{calendar_date, day_month};
use crate::{Kind, Span};

/// Month names and abbreviations, Dutch and English, longest first per prefix.
macro_rules! months {
    () => {
        "januari|january|jan|februari|february|feb|maart|march|mrt|mar|april|apr|mei|may|\
         juni|june|jun|juli|july|jul|augustus|august|aug|september|sept|sep|oktober|october|\
         okt|oct|november|nov|december|dec"
    };
}

/// The rules of this family.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "date.numeric",
        kind: Kind::Date,
        pattern: r"(?-u:\b)[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{4}|[0-9]{2})(?-u:\b)",
        priority: 85,
        needs: Needs::digits(4).and_run(2),
        validate: numeric,
    },
    Rule {
        name: "date.day_month",
        kind: Kind::Date,
        pattern: r"(?-u:\b)[0-9]{1,2}/[0-9]{1,2}(?-u:\b)",
        priority: 85,
        needs: Needs::digits(2),
        validate: day_month_numeric,
    },
    Rule {
        name: "date.iso",
        kind: Kind::Date,
        // A time written with the date (`T14:30:00Z`, ` 11:34:35`) is part of the timestamp.
        pattern: r"(?-u:\b)[0-9]{4}[-/.][0-9]{2}[-/.][0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?",
        priority: 85,
        needs: Needs::digits(8).and_run(4),
        validate: iso,
    },
    Rule {
        name: "date.day_name",
        kind: Kind::Date,
        pattern: concat!(
            r"(?i)(?-u:\b)[0-9]{1,2}(?:e|ste|de|st|nd|rd|th)?(?:\s+of)?[\s\-]+(?:",
            months!(),
            r")(?-u:\b)\.?(?:,?[\s\-]+(?:[0-9]{4}|'[0-9]{2})(?-u:\b))?"
        ),
        priority: 85,
        needs: Needs::digits(1).and(Needs::MONTH),
        validate: day_name,
    },
    Rule {
        name: "date.name_day",
        kind: Kind::Date,
        pattern: concat!(
            r"(?i)(?-u:\b)(?:",
            months!(),
            r")(?-u:\b)\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+[0-9]{4}(?-u:\b))?"
        ),
        priority: 85,
        needs: Needs::digits(1).and(Needs::MONTH),
        validate: name_day,
    },
];

/// Words before a date that make it a birth date.
const BIRTH_CUES_BEFORE: &[&str] = &[
    "geboren",
    "geb",
    "geboortedatum",
    "geboortedag",
    "born",
    "dob",
    "birth",
    "birthday",
    "bday",
    "verjaardag",
    "jarig",
    "geboorte",
];

/// Words after a date that make it a birth date (`ik ben 12 mei jarig`).
const BIRTH_CUES_AFTER: &[&str] = &["jarig", "geboren", "born"];

/// Words before a numeric form that make it a version number, not a date.
const VERSION_CUES: &[&str] = &["versie", "version", "v", "release", "update", "build"];

/// Prepositions that make a bare `20/7` a date (`aangevraagd op 20/7`).
const DAY_MONTH_CUES: &[&str] = &[
    "op", "per", "sinds", "vanaf", "tot", "on", "since", "from", "until", "dated", "datum", "date",
];

/// Cue words strong enough to count anywhere earlier in the same sentence
/// (`Mijn geboortedatum staat fout in de BRP, het moet 17-04-1974 zijn`).
const BIRTH_CUES_SENTENCE: &[&str] = &[
    "geboortedatum",
    "geboortedag",
    "born",
    "dob",
    "birth",
    "birthday",
    "verjaardag",
];

/// Verbs of being born: they count a few words back within the sentence (`geboren in Ede
/// op 12 mei 1990`), but not across a whole sentence (`born in Utrecht and moved here on
/// 3 May 2010` is a move date).
const BORN_CUES: &[&str] = &["geboren", "born"];

/// The start of the sentence holding byte `at` (after `. `, `! `, `? ` or a line break),
/// looking back at most 160 bytes.
fn sentence_start(text: &str, at: usize) -> usize {
    let from = super::context::floor_char_boundary(text, at.saturating_sub(160));
    let window = &text[from..at];
    let mut start = from;
    let bytes = window.as_bytes();
    for i in 0..bytes.len() {
        let end_mark = matches!(bytes[i], b'.' | b'!' | b'?')
            && bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace());
        if end_mark || bytes[i] == b'\n' {
            start = from + i + 1;
        }
    }
    start
}

/// The verdict for a valid date at `span`: `birth_date` with a birth cue nearby.
fn verdict(text: &str, span: Span, score: f32) -> Verdict {
    let sentence = &text[sentence_start(text, span.start)..span.start];
    let birth = cue_before(text, span.start, 3, BIRTH_CUES_BEFORE)
        || cue_after(text, span.end, 2, BIRTH_CUES_AFTER)
        || cue_before(sentence, sentence.len(), 16, BIRTH_CUES_SENTENCE)
        || cue_before(sentence, sentence.len(), 5, BORN_CUES);
    if birth {
        Verdict::new(span, Kind::BirthDate, score).rule("date.birth")
    } else {
        Verdict::new(span, Kind::Date, score)
    }
}

/// A 2- or 4-digit year as a full year; four digits must be 1800-2199.
fn full_year(y: &str) -> Option<u32> {
    let n: u32 = y.parse().ok()?;
    match y.len() {
        2 => Some(2000 + n),
        4 if (1800..=2199).contains(&n) => Some(n),
        _ => None,
    }
}

/// The month number of a (lower-case) month name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    const PREFIXES: [&str; 12] = [
        "jan", "feb", "m", "apr", "m", "jun", "jul", "aug", "sep", "o", "nov", "dec",
    ];
    let n = match name {
        "maart" | "march" | "mrt" | "mar" => 3,
        "mei" | "may" => 5,
        "oktober" | "october" | "okt" | "oct" => 10,
        _ => {
            PREFIXES
                .iter()
                .position(|p| p.len() == 3 && name.starts_with(p))? as u32
                + 1
        }
    };
    Some(n)
}

fn numeric(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if !number_bounded(text, span.start, span.end) || cue_before(text, span.start, 1, VERSION_CUES)
    {
        return None;
    }
    let seps: Vec<char> = raw.chars().filter(|c| !c.is_ascii_digit()).collect();
    if seps.len() != 2 || seps[0] != seps[1] {
        return None;
    }
    let parts: Vec<&str> = raw.split(seps[0]).collect();
    let (a, b): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
    let year = full_year(parts[2])?;
    // Day first (Dutch, British); month first (US) only with slashes or hyphens.
    let dmy = calendar_date(a, b, year);
    let mdy = seps[0] != '.' && calendar_date(b, a, year);
    (dmy || mdy).then(|| verdict(text, span, 0.9))
}

fn day_month_numeric(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if !number_bounded(text, span.start, span.end) {
        return None;
    }
    let (a, b) = raw.split_once('/')?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    if cue_before(text, span.start, 1, DAY_MONTH_CUES) {
        return (day_month(a, b) || day_month(b, a)).then(|| verdict(text, span, 0.6));
    }
    // Without a cue only a day above its month reads as a date: fractions (`1/3`) and
    // ratings (`8/10`) have the smaller number first, and `24/7` means "always".
    let plain = a > b && b != 10 && (a, b) != (24, 7) && day_month(a, b);
    plain.then(|| verdict(text, span, 0.5))
}

fn iso(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    // Inside a URL path (`/nieuws/2024/12/14/...`) a date is part of the link.
    if char_before(text, span.start)
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/'))
        || char_at(text, span.end).is_some_and(|c| c.is_ascii_alphanumeric() || c == '/')
    {
        return None;
    }
    let date = raw.get(..10)?;
    let sep = date.as_bytes()[4];
    if date.as_bytes()[7] != sep {
        return None;
    }
    let year: u32 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    if !(1800..=2199).contains(&year) || !calendar_date(day, month, year) {
        return None;
    }
    // A bare date must not run on into more digits (`2024-01-02-5`).
    if raw.len() == 10 && !number_bounded(text, span.start, span.end) {
        return None;
    }
    Some(verdict(text, span, 0.95))
}

/// The year at the end of a month-name date, if written (`2024` or `'24`).
fn trailing_year(raw: &str) -> Option<Option<u32>> {
    let tail: String = raw
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let before_tail = raw.get(..raw.len() - tail.len())?;
    if tail.len() == 4 && before_tail.ends_with(|c: char| c.is_whitespace() || c == ',' || c == '-')
    {
        return Some(Some(full_year(&tail)?));
    }
    if tail.len() == 2 && before_tail.ends_with('\'') {
        return Some(Some(2000 + tail.parse::<u32>().ok()?));
    }
    Some(None)
}

/// The first month name in `raw`, as its number and its text.
fn find_month(raw: &str) -> Option<(u32, &str)> {
    raw.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3)
        .find_map(|w| month_number(&w.to_lowercase()).map(|m| (m, w)))
}

/// `may` and `mar` are also English words: as a month they need a capital or a year.
fn ambiguous_month(word: &str, year: Option<u32>) -> bool {
    let lower = word.to_lowercase();
    (lower == "may" || lower == "mar") && year.is_none() && !word.starts_with(char::is_uppercase)
}

fn day_name(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if !number_bounded(text, span.start, span.end) {
        return None;
    }
    let day: u32 = raw
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()?;
    let (month, word) = find_month(raw)?;
    let year = trailing_year(raw)?;
    if ambiguous_month(word, year) {
        return None;
    }
    let ok = match year {
        Some(y) => calendar_date(day, month, y),
        None => day_month(day, month),
    };
    // A dot after the month ends the sentence or the abbreviation; it is not the date.
    let span = match raw.strip_suffix('.') {
        Some(kept) => Span::new(span.start, span.start + kept.len()),
        None => span,
    };
    ok.then(|| verdict(text, span, if year.is_some() { 0.95 } else { 0.85 }))
}

fn name_day(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if !number_bounded(text, span.start, span.end) {
        return None;
    }
    let (month, word) = find_month(raw)?;
    let after_month = raw.get(raw.find(word)? + word.len()..)?;
    let day: u32 = after_month
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()?;
    let year = trailing_year(raw)?;
    if ambiguous_month(word, year) || (year.is_none() && !word.starts_with(char::is_uppercase)) {
        return None;
    }
    let ok = match year {
        Some(y) => calendar_date(day, month, y),
        None => day_month(day, month),
    };
    ok.then(|| verdict(text, span, if year.is_some() { 0.95 } else { 0.8 }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::numbers::run_rules;

    #[test]
    fn positives() {
        for (text, want, kind) in [
            // numeric, Dutch and US order, dots, 2-digit years
            ("op 15-5-2025 gebeld", "15-5-2025", Kind::Date),
            ("28.11.2025", "28.11.2025", Kind::Date),
            ("26/07/2024.", "26/07/2024", Kind::Date),
            ("05/21/21", "05/21/21", Kind::Date),
            ("aangevraagd op 20/7, niks", "20/7", Kind::Date),
            ("ik heb 20/7 gebeld", "20/7", Kind::Date),
            // ISO, with a time
            ("sinds 2023-11-25 wacht ik", "2023-11-25", Kind::Date),
            ("2024-03-15T14:30:00Z", "2024-03-15T14:30:00Z", Kind::Date),
            (
                "When: 2000-04-16 11:34:35\n",
                "2000-04-16 11:34:35",
                Kind::Date,
            ),
            // day + month name, with and without year, ordinals
            ("23 april 2025", "23 april 2025", Kind::Date),
            ("op 12 mei ook", "12 mei", Kind::Date),
            ("9 apr 2022", "9 apr 2022", Kind::Date),
            ("4 February 2023", "4 February 2023", Kind::Date),
            ("the 3rd of March", "3rd of March", Kind::Date),
            ("flooded since 8 November. Help", "8 November", Kind::Date),
            ("5-MAY-2021", "5-MAY-2021", Kind::Date),
            ("IK WAS ER OP 11 JULI", "11 JULI", Kind::Date),
            // month first
            ("September 16, 2022", "September 16, 2022", Kind::Date),
            ("since March 5 we wait", "March 5", Kind::Date),
            // birth cues before and after
            ("geboren op 30 juli 1981", "30 juli 1981", Kind::BirthDate),
            ("(geb. 05.11.2023)", "05.11.2023", Kind::BirthDate),
            ("DOB: 1978-04-16", "1978-04-16", Kind::BirthDate),
            (
                "date of birth January 26, 1968",
                "January 26, 1968",
                Kind::BirthDate,
            ),
            ("ik ben 12 mei jarig", "12 mei", Kind::BirthDate),
            (
                "Mijn geboortedatum staat fout in de BRP, het moet 17-04-1974 zijn",
                "17-04-1974",
                Kind::BirthDate,
            ),
            (
                "Ik ben geboren in Ede. Sinds 12 mei 2020 woon ik hier",
                "12 mei 2020",
                Kind::Date,
            ),
        ] {
            let got = run_rules(RULES, text);
            assert_eq!(got, [(want.to_string(), kind)], "{text}");
        }
    }

    #[test]
    fn look_alikes_are_not_found() {
        for text in [
            // lone months, years, times
            "in mei 2024",
            "in 2023",
            "om 14:30",
            "om 12.30.45",
            // impossible days and months
            "31-04-2024",
            "32 mei",
            "2024-13-01",
            "29-02-2023",
            // versions, IPs, fractions and 24/7, English 'may'
            "versie 1.2.34",
            "10.0.0.12",
            "1/3 van de mensen",
            "open 24/7",
            "een 8/10 en 3/4 en 20/10",
            "the 5 may be late",
            "12-05-2024-3",
            "nl/nieuws/2024/12/14/afval",
            "mixed 12-05/2024",
            "",
            "ééé 5 ",
        ] {
            let got = run_rules(RULES, text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }
}
