//! `phone`: Dutch numbers by the national numbering plan (06 mobiles, geographic numbers
//! with 2- and 3-digit area codes, 0800/090x, 084/085/087/088/091), written national,
//! `+31`, `0031` or `+31 (0)`, with any common separator; international `+CC` / `00CC`
//! numbers; North-American `(415) 555-0132`.
//!
//! The candidate is a generous run of digit groups; the validator looks for the leftmost
//! start and longest end inside the run that make a valid number, so a neighbouring number
//! (`45 06-12345678`) does not spoil the phone. Service numbers `1400` / `14 020` are not
//! phones, and neither are dates, times, amounts or order numbers.

use super::context::{char_at, char_before, cue_before, words_before};
use super::{Needs, Rule, Verdict};
use crate::{Kind, Span};

/// The rules of this family.
pub(crate) const RULES: &[Rule] = &[Rule {
    name: "phone.number",
    kind: Kind::Phone,
    pattern: r"\+?\(?\+?\d(?:[ \-./()]{0,3}\d)*",
    priority: 100,
    needs: Needs::digits(7),
    validate: phone,
}];

/// Words before a number that make it an order, case or account number rather than a phone.
const NOT_PHONE_CUES: &[&str] = &[
    "order*",
    "bestel*",
    "factuur*",
    "referentie*",
    "kenmerk*",
    "zaak*",
    "dossier*",
    "klant*",
    "ticket*",
    "track*",
    "pakket*",
    "kvk",
    "bsn",
    "iban",
    "rekening*",
    "account*",
    "invoice*",
    "reference*",
    "case",
    "nr",
    "artikel*",
    "postcode",
    "zip",
    "id",
];

/// Words before a number that say it is a phone.
const PHONE_CUES: &[&str] = &[
    "bel*",
    "tel*",
    "telefoon*",
    "mobiel*",
    "nummer*",
    "whatsapp*",
    "app",
    "sms*",
    "call*",
    "phone*",
    "mobile*",
    "number",
    "bereikbaar",
    "contact*",
];

/// Labels that make any 7-15 digit number right after them a phone, whatever its plan.
const PHONE_LABELS: &[&str] = &[
    "phone",
    "tel",
    "telefoon",
    "telefoonnummer",
    "mobile",
    "mobiel",
    "fax",
    "desk",
    "office",
    "gsm",
    "cell",
    "whatsapp",
    "bel",
    "call",
    "telnr",
];

/// A digit group inside the candidate, with what separates it from the previous group.
struct Group<'t> {
    start: usize,
    end: usize,
    digits: &'t str,
    sep_before: &'t str,
}

fn groups(text: &str, span: Span) -> Vec<Group<'_>> {
    let mut out = Vec::new();
    let mut sep_start = span.start;
    let mut group_start: Option<usize> = None;
    let raw = text.get(span.range()).unwrap_or("");
    for (i, c) in raw.char_indices() {
        let at = span.start + i;
        match (c.is_ascii_digit(), group_start) {
            (true, None) => group_start = Some(at),
            (false, Some(s)) => {
                out.push(Group {
                    start: s,
                    end: at,
                    digits: &text[s..at],
                    sep_before: &text[sep_start..s],
                });
                group_start = None;
                sep_start = at;
            }
            _ => {}
        }
    }
    if let Some(s) = group_start {
        out.push(Group {
            start: s,
            end: span.end,
            digits: &text[s..span.end],
            sep_before: &text[sep_start..s],
        });
    }
    out
}

/// What kind of number the digits of a phone are, with the confidence.
fn classify(plus: bool, digits: &str, groups: &[&Group<'_>]) -> Option<f32> {
    let nl = |national: &str| nl_national(national).then_some(0.9);
    if plus {
        if let Some(rest) = digits.strip_prefix("31") {
            // `+31 (0)6...` and the common mistake `+31 06...`.
            return nl(rest.strip_prefix('0').unwrap_or(rest));
        }
        return ((8..=15).contains(&digits.len()) && !digits.starts_with('0')).then_some(0.8);
    }
    if let Some(rest) = digits.strip_prefix("0031") {
        return nl(rest.strip_prefix('0').unwrap_or(rest));
    }
    if let Some(rest) = digits.strip_prefix("00") {
        return ((10..=15).contains(&rest.len()) && !rest.starts_with('0') && groups.len() > 1)
            .then_some(0.75);
    }
    if let Some(rest) = digits.strip_prefix('0') {
        // The trunk prefix alone as a group (`0 6 ...`) is not how numbers are written.
        if groups.len() > 1 && groups[0].digits == "0" {
            return None;
        }
        return nl(rest);
    }
    // North American Numbering Plan, grouped 3-3-4 only.
    let lens: Vec<usize> = groups.iter().map(|g| g.digits.len()).collect();
    let nanp = lens == [3, 3, 4]
        && matches!(digits.as_bytes()[0], b'2'..=b'9')
        && matches!(digits.as_bytes()[3], b'2'..=b'9');
    nanp.then_some(0.7)
}

/// True when `national` (the digits after the trunk 0) is a valid Dutch number.
fn nl_national(national: &str) -> bool {
    let b = national.as_bytes();
    if !b.iter().all(u8::is_ascii_digit) || b.is_empty() {
        return false;
    }
    // Free and premium-rate service numbers: 0800 / 0900 / 0906 / 0909 + 4 or 7 digits.
    if national.starts_with("800")
        || national.starts_with("900")
        || national.starts_with("906")
        || national.starts_with("909")
    {
        return matches!(b.len(), 7 | 10);
    }
    if b.len() != 9 {
        return false;
    }
    match (b[0], b[1]) {
        // 06 mobiles (not 066 pagers or 067 data).
        (b'6', c) => !matches!(c, b'0' | b'6' | b'7'),
        // 14 is the municipal service prefix (14 020), not an area code.
        (b'1', b'4') => false,
        (b'1'..=b'5', _) | (b'7', _) => true,
        // 084/085/087/088 personal, VoIP and company numbers; 091 VoIP; 097 M2M is 12 digits.
        (b'8', c) => matches!(c, b'4' | b'5' | b'7' | b'8'),
        (b'9', b'1') => true,
        _ => false,
    }
}

/// True when the separators inside a phone are plausible: dots only with dots (a run of
/// `07.30 09.15` is times), and at most two hyphens.
fn separators_ok(groups: &[&Group<'_>], plus: bool) -> bool {
    let seps: Vec<&str> = groups.iter().skip(1).map(|g| g.sep_before).collect();
    let dots = seps.iter().any(|s| s.contains('.'));
    if dots && seps.iter().any(|s| *s != ".") {
        return false;
    }
    if seps.iter().any(|s| s.contains('/')) && seps.len() > 2 {
        return false;
    }
    // `+1-984-182-0190`: an international number may have one hyphen more.
    seps.iter().filter(|s| s.contains('-')).count() <= 2 + usize::from(plus)
}

/// True when the groups are written like a numeric date (`09/06/1958`, `01-05-24`).
fn date_shaped(groups: &[&Group<'_>]) -> bool {
    let lens: Vec<usize> = groups.iter().map(|g| g.digits.len()).collect();
    let same_sep = groups.len() == 3
        && groups[1].sep_before.len() == 1
        && groups[1].sep_before == groups[2].sep_before;
    same_sep && (1..=2).contains(&lens[0]) && (1..=2).contains(&lens[1]) && matches!(lens[2], 2 | 4)
}

/// True when the token before `at` is the start of an IBAN (`NL53 ASNB 0489 ...`).
fn inside_iban(text: &str, at: usize) -> bool {
    let head = words_before(text, at, 3).find(|w| {
        let b = w.as_bytes();
        b.len() >= 4
            && b[..2].iter().all(u8::is_ascii_alphabetic)
            && b[2..4].iter().all(u8::is_ascii_digit)
    });
    head.is_some()
}

fn phone(text: &str, span: Span) -> Option<Verdict> {
    let all = groups(text, span);
    for i in 0..all.len() {
        // A later start is only allowed after white space (a new token).
        let sep = all[i].sep_before;
        if i > 0 && !sep.contains(char::is_whitespace) {
            continue;
        }
        let plus = sep.contains('+');
        let paren = sep.ends_with('(');
        let start = if i == 0 {
            span.start
        } else {
            all[i].start - usize::from(paren) - usize::from(plus)
        };
        if !start_ok(text, start) {
            continue;
        }
        // Only a trunk 0, a `+`, a `(`, a 3-digit NANP area or a phone label starts a phone;
        // checking this first keeps a long run of other numbers cheap.
        let labelled = cue_before(text, start, 2, PHONE_LABELS);
        if !(plus
            || paren
            || all[i].digits.starts_with('0')
            || all[i].digits.len() == 3
            || labelled)
        {
            continue;
        }
        // A phone has at most eight digit groups; the bound keeps a long run of numbers
        // (a 50 MB line of digits) linear.
        for j in (i..all.len().min(i + 8)).rev() {
            // An earlier end is only allowed before white space or a lone separator.
            if j + 1 < all.len() && !all[j + 1].sep_before.contains(char::is_whitespace) {
                continue;
            }
            let end = all[j].end;
            if char_at(text, end).is_some_and(|c| c.is_alphanumeric())
                || (char_at(text, end).is_some_and(|c| matches!(c, '.' | ',' | '-' | '/' | ':'))
                    && char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit()))
            {
                continue;
            }
            let part: Vec<&Group<'_>> = all[i..=j].iter().collect();
            if !separators_ok(&part, plus) || date_shaped(&part) || inside_iban(text, start) {
                continue;
            }
            let digits: String = part.iter().map(|g| g.digits).collect();
            let classified = classify(plus, &digits, &part).or_else(|| {
                // Any grouped number right after an explicit phone label (`Fax: 9498777106`).
                ((7..=15).contains(&digits.len()) && labelled).then_some(0.6)
            });
            if let Some(score) = classified {
                if cue_before(text, start, 3, NOT_PHONE_CUES)
                    && !cue_before(text, start, 3, PHONE_CUES)
                {
                    return None;
                }
                return Some(Verdict::new(Span::new(start, end), Kind::Phone, score));
            }
        }
    }
    None
}

/// True when a phone may start at `start`: not glued to a word or to a preceding number.
fn start_ok(text: &str, start: usize) -> bool {
    match char_before(text, start) {
        None => true,
        Some(c)
            if c.is_alphanumeric()
                || matches!(c, '_' | '€' | '$' | '£' | '#' | '@' | '/' | '=') =>
        {
            false
        }
        Some(c) if matches!(c, '.' | ',' | '-' | ':') => {
            !char_before(text, start - c.len_utf8()).is_some_and(|d| d.is_ascii_digit())
        }
        Some(_) => true,
    }
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
            // mobiles in every common writing
            ("bel 0612345678 even", "0612345678"),
            ("bel 06-12345678.", "06-12345678"),
            ("06 12 34 56 78", "06 12 34 56 78"),
            ("06-1234 5678", "06-1234 5678"),
            ("(06) 12345678", "(06) 12345678"),
            ("06.12.34.56.78", "06.12.34.56.78"),
            // +31, 0031 and (0)
            ("+31 6 12345678", "+31 6 12345678"),
            ("+31612345678", "+31612345678"),
            ("+31 (0)6 1234 5678", "+31 (0)6 1234 5678"),
            ("0031 6 12345678", "0031 6 12345678"),
            ("+31 (0)74 949 9409", "+31 (0)74 949 9409"),
            // geographic with 2- and 3-digit areas
            ("020-1234567", "020-1234567"),
            ("040 205 9739", "040 205 9739"),
            ("(0118) 98 10 94", "(0118) 98 10 94"),
            ("0598-809 127", "0598-809 127"),
            // service and VoIP
            ("0800-1234", "0800-1234"),
            ("0900 1234567", "0900 1234567"),
            ("085 123 4567", "085 123 4567"),
            // international and North American
            ("+44 20 7946 0958", "+44 20 7946 0958"),
            ("+49 30 1234567", "+49 30 1234567"),
            ("0049 30 1234567", "0049 30 1234567"),
            ("(415) 555-0132", "(415) 555-0132"),
            ("415-555-0132", "415-555-0132"),
            ("+1-984-182-0190 mobile", "+1-984-182-0190"),
            ("Fax: 9498777106", "9498777106"),
            ("Phone: 083 564 9312", "083 564 9312"),
            ("Israeli phone: 09-7625400", "09-7625400"),
            // a neighbouring number does not spoil it
            ("ik ben 45 06-12345678", "06-12345678"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn a_huge_run_of_numbers_is_linear_and_safe() {
        let text = "1 ".repeat(50_000) + "06-12345678";
        assert_eq!(found(&text), ["06-12345678"]);
    }

    #[test]
    fn look_alikes_are_not_found() {
        for text in [
            // service numbers of municipalities
            "bel 1400 of 14 020",
            // dates, times, amounts, postcodes
            "op 01-05-2024 om 07.30 09.15 uur",
            "05.12.2023",
            "€ 0,50",
            "1234 AB Amsterdam",
            "10:30:45",
            "born on 09/06/1958 in",
            "phone 12-05-2024",
            "tel 123456",
            "his social security number is 853-37-1694",
            "license number 6940579",
            "not NL53 ASNB 0489 8507 26, a typo",
            // order and case numbers, glued numbers
            "ordernummer 0612345678",
            "zaaknummer 020-1234567",
            "x0612345678",
            "12-0612345678",
            // invalid plan: too short, too long, 066 pagers, 0 alone as area
            "06-1234567",
            "06-123456789",
            "066-1234567",
            "0 6 1 2 3 4 5 6 7 8",
            "123-456-7890",
            "",
            "+",
            "é+31",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
