//! `bsn`, `iban` and `credit_card`: numbers whose checksum decides (elfproef, mod-97,
//! Luhn + issuer prefix). The candidate patterns are generous; `validate.rs` decides.

use super::context::{char_at, char_before, cue_before};
use super::{Needs, Rule, Verdict};
use crate::validate::{bsn_elfproef, card_network, iban_length, iban_valid};
use crate::{Kind, Span};

/// The rules of this family.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "iban.generic",
        kind: Kind::Iban,
        // Country, check digits, then the BBAN in any grouping (spaces or hyphens).
        pattern: r"(?-u:\b)[A-Za-z]{2}[0-9]{2}(?:[ \-]?[A-Za-z0-9]){10,30}",
        priority: 150,
        needs: Needs::digits(2).and(Needs::LETTERS_DIGITS),
        validate: iban,
    },
    Rule {
        name: "credit_card.luhn",
        kind: Kind::CreditCard,
        pattern: r"(?-u:\b)[0-9](?:[ -]?[0-9]){11,18}(?-u:\b)",
        priority: 145,
        needs: Needs::digits(12),
        validate: credit_card,
    },
    Rule {
        name: "bsn.elfproef",
        kind: Kind::Bsn,
        pattern: r"(?-u:\b)(?:[0-9]{4}\.[0-9]{2}\.[0-9]{3}|[0-9]{3}[ .-][0-9]{3}[ .-][0-9]{3}|[0-9]{8,9})(?-u:\b)",
        priority: 140,
        needs: Needs::digits(8).and_run(3),
        validate: bsn,
    },
];

/// True when a number at `start..end` stands alone: no word character glued to it, and it
/// does not continue a longer number through a separator (`12.345678901`, `1-123456782`).
///
/// # Examples
///
/// ```text
/// number_bounded("bsn 123456782.", 4, 13) == true
/// number_bounded("1.123456782", 2, 11) == false
/// ```
pub(crate) fn number_bounded(text: &str, start: usize, end: usize) -> bool {
    let joins = |c: char| matches!(c, '.' | ',' | '-' | '/' | ':' | '+' | '_');
    let before = char_before(text, start);
    // Glued to a word, or a path or query value in a link (`/video/6072571544577697674`).
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '/' | '=' | '&' | '?')) {
        return false;
    }
    if before.is_some_and(joins) && char_before(text, start - 1).is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    let after = char_at(text, end);
    if after.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    if after.is_some_and(joins) && char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    true
}

/// Cue words that make a checksum-valid number more likely personal.
const BSN_CUES: &[&str] = &[
    "bsn",
    "burgerservicenummer*",
    "sofi*",
    "bsnnummer",
    "citizen",
    "service",
];

fn bsn(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if !number_bounded(text, span.start, span.end) {
        return None;
    }
    if after_calling_code(text, span.start) {
        return None;
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let cued = cue_before(text, span.start, 4, BSN_CUES);
    // An 8-digit BSN (a leading zero dropped) only with a cue: it is a KvK number otherwise.
    let padded = match digits.len() {
        9 => digits,
        8 if cued => format!("0{digits}"),
        _ => return None,
    };
    if !bsn_elfproef(&padded) {
        return None;
    }
    // A money amount or a phone-like prefix is not a BSN.
    if char_before(text, span.start).is_some_and(|c| matches!(c, '€' | '$' | '£' | '#')) {
        return None;
    }
    Some(Verdict::new(span, Kind::Bsn, if cued { 0.95 } else { 0.7 }))
}

/// True when the token before `at` is a telephone country code or trunk (`+31 251 739 120`,
/// `0031 ...`, `(0)`): the digits are the rest of a phone number.
fn after_calling_code(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    if before.len() == text[..at].len() {
        return false;
    }
    let token = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let digits = token.trim_start_matches('+');
    (token.starts_with('+')
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit()))
        || token == "(0)"
        || (token.starts_with("00")
            && (3..=5).contains(&token.len())
            && token.bytes().all(|b| b.is_ascii_digit()))
}

fn iban(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if char_before(text, span.start).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let country = raw.get(..2)?.to_ascii_uppercase();
    let want = iban_length(&country)?;
    // Walk to the `want`-th alphanumeric character; the span ends there.
    let mut compact = String::with_capacity(want);
    let mut end = span.start;
    for (i, c) in raw.char_indices() {
        if c.is_ascii_alphanumeric() {
            compact.push(c);
            end = span.start + i + c.len_utf8();
            if compact.len() == want {
                break;
            }
        }
    }
    if compact.len() != want || char_at(text, end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    // Mixed case inside one IBAN (`Nl91abNA...`) is a random token, not a written IBAN.
    let letters = compact.chars().filter(char::is_ascii_alphabetic);
    let upper = letters.clone().all(|c| c.is_ascii_uppercase());
    let lower = letters.clone().all(|c| c.is_ascii_lowercase());
    if !(upper || lower) || !iban_valid(&compact) {
        return None;
    }
    Some(Verdict::new(Span::new(span.start, end), Kind::Iban, 0.99))
}

fn credit_card(text: &str, span: Span) -> Option<Verdict> {
    let raw = text.get(span.range())?;
    if !number_bounded(text, span.start, span.end) {
        return None;
    }
    // Separators, if any, must be one kind (`4111 1111-1111` is two numbers).
    if raw.contains(' ') && raw.contains('-') {
        return None;
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    card_network(&digits)?;
    Some(Verdict::new(span, Kind::CreditCard, 0.95))
}

/// Test helper shared by the number-like families: every verdict of `rules` on `text`, as
/// (span text, kind).
#[cfg(test)]
pub(crate) fn run_rules(rules: &[Rule], text: &str) -> Vec<(String, Kind)> {
    let mut out = Vec::new();
    for rule in rules {
        let regex = regex::Regex::new(rule.pattern).expect("rule pattern compiles");
        for m in regex.find_iter(text) {
            if let Some(v) = (rule.validate)(text, Span::new(m.start(), m.end())) {
                out.push((text[v.span.range()].to_string(), v.kind));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Kind)> {
        run_rules(RULES, text)
    }

    #[test]
    fn positives() {
        for (text, want, kind) in [
            // BSN in every written form
            ("mijn bsn is 111222333", "111222333", Kind::Bsn),
            ("BSN: 1112.22.333.", "1112.22.333", Kind::Bsn),
            ("bsn 111 222 333 klopt niet", "111 222 333", Kind::Bsn),
            ("burgerservicenummer 12345672", "12345672", Kind::Bsn),
            // IBAN compact, grouped, lower case, foreign
            (
                "NL91-ABNA-0417-1643-00",
                "NL91-ABNA-0417-1643-00",
                Kind::Iban,
            ),
            (
                "stort op NL91ABNA0417164300 aub",
                "NL91ABNA0417164300",
                Kind::Iban,
            ),
            (
                "NL91 ABNA 0417 1643 00, dank",
                "NL91 ABNA 0417 1643 00",
                Kind::Iban,
            ),
            (
                "rekening nl91abna0417164300.",
                "nl91abna0417164300",
                Kind::Iban,
            ),
            (
                "IBAN DE89 3704 0044 0532 0130 00 ok",
                "DE89 3704 0044 0532 0130 00",
                Kind::Iban,
            ),
            // cards with spaces, hyphens, none
            (
                "kaart 4111 1111 1111 1111 gestolen",
                "4111 1111 1111 1111",
                Kind::CreditCard,
            ),
            (
                "card 5500-0000-0000-0004",
                "5500-0000-0000-0004",
                Kind::CreditCard,
            ),
            ("amex 378282246310005", "378282246310005", Kind::CreditCard),
        ] {
            let got = found(text);
            assert!(got.contains(&(want.to_string(), kind)), "{text}: {got:?}");
        }
    }

    #[test]
    fn look_alikes_are_not_found() {
        for text in [
            // checksum fails
            "bestelnummer 123456789",
            "NL91ABNA0417164301",
            "4111 1111 1111 1112",
            // glued to more digits or letters, or part of a longer number
            "1111222333",
            "x111222333",
            "12.111222333",
            "€111222333",
            "bel +31 251 739 120",
            "tiktok.com/@x/video/4111111111111111",
            // 8 digits without a cue (a KvK number)
            "kvk 11122233",
            // mixed separators in a card, a Luhn number without an issuer
            "4111 1111-1111 1111",
            "1234 5678 1234 5670",
            // an IBAN in mixed case, too short, glued
            "Nl91abNA0417164300",
            "NL91ABNA04171643",
            "XNL91ABNA0417164300",
            "",
            "ééé 111",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn no_family_panics_next_to_multibyte_characters() {
        // Every number-like family, on digits and letters glued to multibyte characters.
        let families: [&[Rule]; 5] = [
            RULES,
            crate::detect::phone::RULES,
            crate::detect::date::RULES,
            crate::detect::plate::RULES,
            crate::detect::address::RULES,
        ];
        for text in [
            "é0612345678é",
            "€06-12345678€",
            "＋31 6 12345678",
            "12 méi 2024",
            "1234 ÄB",
            "Straße 5é",
            "NL91ABNA0417164300é",
            "ü4111 1111 1111 1111ü",
            "😀12-05-2024😀",
            "(0😀6) 1",
            "+",
            "0",
            "-",
            "geb. 😀 1-2-2000",
            "Kerkstraat 5😀",
            "5 May😀",
            "1234😀AB",
            "XN-PX-85😀",
            "kenteken 😀SSV86N",
        ] {
            for rules in families {
                // run_rules slices every verdict: a span off a char boundary would panic.
                let _ = run_rules(rules, text);
            }
        }
    }

    #[test]
    fn boundaries() {
        assert!(number_bounded("bsn 123456782.", 4, 13));
        assert!(!number_bounded("1.123456782", 2, 11));
        assert!(!number_bounded("123456782-5", 0, 9));
        assert!(!number_bounded("é123456782é", 2, 11));
    }
}
