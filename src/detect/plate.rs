//! `license_plate`: Dutch plates by sidecode (1-14), from `validate::plate_sidecode`.
//! Hyphenated plates (`XN-PX-85`, `3-JX-846`) are distinctive enough on their own; a plate
//! written without hyphens (`SSV86N`) looks like any code, so it needs a cue word
//! (`kenteken`, `auto`, `parkeerboete`, ...) nearby.

use super::context::{char_at, char_before, cue_before};
use super::{Needs, Rule, Verdict};
use crate::validate::{plate_shape, plate_sidecode};
use crate::{Kind, Span};

/// The rules of this family.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "license_plate.hyphenated",
        kind: Kind::LicensePlate,
        pattern: r"(?-u:\b)[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}(?-u:\b)",
        priority: 90,
        needs: Needs::digits(2).and_hyphens(2),
        validate: hyphenated,
    },
    Rule {
        name: "license_plate.compact",
        kind: Kind::LicensePlate,
        // Six letters or digits with a digit among them, the digit's place spelled out:
        // every sidecode has digits, and an all-letter word is most six-letter words.
        pattern: concat!(
            r"(?-u:\b)(?:[0-9][A-Za-z0-9]{5}|[A-Za-z][0-9][A-Za-z0-9]{4}|",
            r"[A-Za-z]{2}[0-9][A-Za-z0-9]{3}|[A-Za-z]{3}[0-9][A-Za-z0-9]{2}|",
            r"[A-Za-z]{4}[0-9][A-Za-z0-9]|[A-Za-z]{5}[0-9])(?-u:\b)"
        ),
        priority: 90,
        needs: Needs::digits(2),
        validate: compact,
    },
];

/// Words that say a nearby code is a vehicle's plate.
const PLATE_CUES: &[&str] = &[
    "kenteken*",
    "nummerplaat*",
    "plaat",
    "auto*",
    "wagen",
    "parkeerboete*",
    "boete",
    "bekeuring*",
    "geflitst",
    "flitspaal",
    "voertuig*",
    "busje",
    "bus",
    "scooter*",
    "aanhanger",
    "motor*",
    "camper",
    "vrachtwagen*",
    "bestelbus*",
    "taxi",
    "plate*",
    "car",
    "vehicle",
    "registration",
    "reg",
    "van",
    "truck",
    "reed",
    "rijdt",
    "rijden",
    "geparkeerd",
    "parkeert",
    "parkeren",
    "parked",
    "driving",
    "drove",
    "bumper",
];

/// True when a plate is not glued to more of a code (`-`, `/`, `.` plus an alphanumeric).
fn plate_bounded(text: &str, span: Span) -> bool {
    let glue = |c: char| matches!(c, '-' | '/' | '_' | '.' | '@' | '#');
    let before = char_before(text, span.start);
    let after = char_at(text, span.end);
    let glued_before = before.is_some_and(|c| c == '_' || c == '@' || c == '#' || c == '/')
        || (before.is_some_and(glue)
            && char_before(text, span.start - 1).is_some_and(char::is_alphanumeric));
    let glued_after = after.is_some_and(|c| c == '_')
        || (after.is_some_and(glue)
            && char_at(text, span.end + 1).is_some_and(char::is_alphanumeric));
    !glued_before && !glued_after
}

/// Letters of one case only: `XN-PX-85` or `xn-px-85`, not `Xn-pX-85`.
fn one_case(s: &str) -> bool {
    let letters = s.chars().filter(char::is_ascii_alphabetic);
    letters.clone().all(|c| c.is_ascii_uppercase())
        || letters.clone().all(|c| c.is_ascii_lowercase())
}

fn hyphenated(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if !plate_bounded(text, span) || !one_case(raw) {
        return None;
    }
    let mut parts = raw.split('-');
    let groups = [parts.next()?, parts.next()?, parts.next()?];
    if plate_sidecode(groups).is_some() {
        return Some(Verdict::new(span, Kind::LicensePlate, 0.9));
    }
    // A never-issued combination (`881-SS-1`) is a mistyped or fake plate: still a plate
    // when the text says it is about a vehicle.
    plate_shape(groups)?;
    cue_before(text, span.start, 6, PLATE_CUES).then(|| Verdict::new(span, Kind::LicensePlate, 0.6))
}

fn compact(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if !plate_bounded(text, span) || !one_case(raw) {
        return None;
    }
    // Cut into runs of letters and digits; a 4-run (`XX9999`) is two groups of two.
    let mut runs: Vec<&str> = Vec::with_capacity(3);
    let mut from = 0;
    let bytes = raw.as_bytes();
    for i in 1..=bytes.len() {
        if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[i - 1].is_ascii_digit() {
            runs.push(&raw[from..i]);
            from = i;
        }
    }
    let groups = match runs.as_slice() {
        [a, b, c] => [*a, *b, *c],
        [a, b] if a.len() == 4 => [&a[..2], &a[2..], *b],
        [a, b] if b.len() == 4 => [*a, &b[..2], &b[2..]],
        _ => return None,
    };
    plate_sidecode(groups)?;
    if !cue_before(text, span.start, 6, PLATE_CUES) {
        return None;
    }
    Some(Verdict::new(span, Kind::LicensePlate, 0.85))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::numbers::run_rules;

    fn found(text: &str) -> Vec<String> {
        run_rules(RULES, text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn positives() {
        for (text, want) in [
            // hyphenated, every era, any single case
            ("auto met XN-PX-85 stond er", "XN-PX-85"),
            ("3-JX-846", "3-JX-846"),
            ("zag 70-klr-0 rijden", "70-klr-0"),
            ("GR-098-G.", "GR-098-G"),
            ("215-jb-5", "215-jb-5"),
            // compact with a cue
            ("kenteken SSV86N staat", "SSV86N"),
            ("met kenteken 957XH8.", "957XH8"),
            ("parkeerboete voor x793pk op", "x793pk"),
            ("car plate BH1234", "BH1234"),
            ("Parkeerboete voor 881-SS-1 op", "881-SS-1"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn look_alikes_are_not_found() {
        for text in [
            // compact codes without a cue
            "code SSV86N werkt niet",
            "bestelling BH1234",
            // vowels, forbidden letters, no sidecode, dates, mixed case
            "AB-12-34",
            "SS-12-34",
            "12-34-56",
            "5-MAY-2021",
            "Xn-pX-85",
            // part of a longer code
            "A-XN-PX-85",
            "XN-PX-85-12",
            "kenteken #SSV86N",
            "",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
