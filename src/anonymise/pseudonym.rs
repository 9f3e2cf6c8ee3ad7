//! Pseudonyms: one per distinct value of a kind. Numbered pseudonyms count in order of first
//! appearance within one run; keyed pseudonyms are an HMAC-SHA256 of the value under a local
//! secret key, so they are stable across runs and not reversible without the key.

use crate::{Kind, Lang};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::HashMap;

/// Hex digits of a keyed pseudonym: 32 bits keeps the label short enough to read in a
/// sentence; two values of one kind share a pseudonym with a chance of 1 in 4 billion per
/// pair, so a clash becomes likely only in runs of some 77 000 distinct values of one kind.
const KEYED_HEX_DIGITS: usize = 8;

/// The form of a value that decides "the same value": the same person written with other
/// spacing or capitals, an X author field without `@` and a mention with it, or a phone
/// number with other separators all get one pseudonym.
///
/// - every kind: trimmed, lower-cased (Unicode), runs of white space collapsed to one space;
/// - `handle`: a leading `@` (or full-width `＠`) removed;
/// - `phone`: digits only, an international `+31`/`0031` prefix written as the national `0`;
/// - `email`: obfuscations written out (`jan [at] gmail punt com` is `jan@gmail.com`);
/// - `url`: without `http(s)://`, `www.` and a final `/`;
/// - `bsn`, `iban`, `credit_card`, `license_plate`: letters and digits only.
pub(crate) fn normalise(kind: Kind, value: &str) -> String {
    let lowered = value.trim().to_lowercase();
    let collapsed = lowered.split_whitespace().collect::<Vec<_>>().join(" ");
    match kind {
        Kind::Handle => collapsed
            .strip_prefix('@')
            .or_else(|| collapsed.strip_prefix('＠'))
            .unwrap_or(&collapsed)
            .to_string(),
        Kind::Phone => {
            let international = collapsed.starts_with('+');
            let digits: String = collapsed.chars().filter(char::is_ascii_digit).collect();
            let national = if international {
                digits.strip_prefix("31")
            } else {
                digits.strip_prefix("0031")
            };
            match national {
                Some(rest) => format!("0{}", rest.trim_start_matches('0')),
                None if international => format!("+{digits}"),
                None => digits,
            }
        }
        Kind::Email => deobfuscate_email(&collapsed),
        Kind::Url => {
            let v = collapsed.as_str();
            let v = v
                .strip_prefix("https://")
                .or_else(|| v.strip_prefix("http://"))
                .unwrap_or(v);
            let v = v.strip_prefix("www.").unwrap_or(v);
            v.trim_end_matches('/').to_string()
        }
        Kind::Bsn | Kind::Iban | Kind::CreditCard | Kind::LicensePlate => {
            collapsed.chars().filter(|c| c.is_alphanumeric()).collect()
        }
        _ => collapsed,
    }
}

/// Words that stand for `@` and `.` in obfuscated addresses, with or without brackets.
const AT_WORDS: &[&str] = &["at", "apenstaartje"];
const DOT_WORDS: &[&str] = &["dot", "punt"];

/// `jan [at] gmail (punt) com` as `jan@gmail.com`; a plain address stays as it is.
fn deobfuscate_email(lower: &str) -> String {
    if lower.contains('@') {
        return lower.replace(' ', "");
    }
    let mut out = String::with_capacity(lower.len());
    for word in lower.split(' ') {
        let bare =
            word.trim_matches(|c| matches!(c, '[' | ']' | '(' | ')' | '{' | '}' | '<' | '>'));
        if AT_WORDS.contains(&bare) {
            out.push('@');
        } else if DOT_WORDS.contains(&bare) {
            out.push('.');
        } else {
            out.push_str(word);
        }
    }
    out
}

/// The pseudonym memory of one run.
#[derive(Default)]
pub(crate) struct Pseudonyms {
    /// Numbered style: the number given to each (kind, normalised value).
    numbers: HashMap<(Kind, String), usize>,
    /// Numbered style: the last number given per kind.
    last: HashMap<Kind, usize>,
    /// Keyed style: the secret key. Never printed (see the hand-written `Debug`).
    key: Option<Vec<u8>>,
}

impl std::fmt::Debug for Pseudonyms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pseudonyms")
            .field("values", &self.numbers.len())
            .field("keyed", &self.key.is_some())
            .finish()
    }
}

impl Pseudonyms {
    /// Keyed pseudonyms under `key`.
    pub(crate) fn keyed(key: &[u8]) -> Pseudonyms {
        Pseudonyms {
            key: Some(key.to_vec()),
            ..Pseudonyms::default()
        }
    }

    /// The pseudonym of `value` as a `kind`, e.g. `[PERSOON-3]` or `[PERSOON-3f9a2c1b]`.
    pub(crate) fn get(&mut self, kind: Kind, value: &str, labels: Lang) -> String {
        let label = kind.label(labels);
        let normal = normalise(kind, value);
        if let Some(key) = &self.key {
            return format!("[{label}-{}]", keyed_hex(key, kind, &normal));
        }
        let n = match self.numbers.get(&(kind, normal.clone())) {
            Some(n) => *n,
            None => {
                let last = self.last.entry(kind).or_insert(0);
                *last += 1;
                self.numbers.insert((kind, normal), *last);
                *last
            }
        };
        format!("[{label}-{n}]")
    }
}

/// The first hex digits of HMAC-SHA256(key, kind id ‖ 0 ‖ value). The kind is inside the
/// MAC so that one string seen as two kinds does not link them.
fn keyed_hex(key: &[u8], kind: Kind, normal: &str) -> String {
    // HMAC accepts keys of every length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(kind.id().as_bytes());
    mac.update(&[0]);
    mac.update(normal.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut hex = String::with_capacity(KEYED_HEX_DIGITS);
    for byte in digest.iter().take(KEYED_HEX_DIGITS / 2) {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_table() {
        let cases: &[(Kind, &str, &str)] = &[
            // case, spacing and surrounding space do not make another person
            (Kind::Person, "  Jan   de Vries ", "jan de vries"),
            (Kind::Person, "JAN DE VRIES", "jan de vries"),
            (Kind::Person, "Émile\u{a0}Zoë", "émile zoë"),
            // a handle with and without its @ (X author fields have none)
            (Kind::Handle, "@JanJ", "janj"),
            (Kind::Handle, "janj", "janj"),
            (Kind::Handle, "＠janj", "janj"),
            (Kind::Handle, "@jan@social.example", "jan@social.example"),
            // the @ is only stripped for handles
            (Kind::Email, "Jan@Example.NL", "jan@example.nl"),
            // phone numbers: separators and country prefix do not matter
            (Kind::Phone, "06-12345678", "0612345678"),
            (Kind::Phone, "+31 6 1234 5678", "0612345678"),
            (Kind::Phone, "+31 (0)6 1234 5678", "0612345678"),
            (Kind::Phone, "0031 6 12345678", "0612345678"),
            (Kind::Phone, "+32 470 12 34 56", "+32470123456"),
            // numbers: grouping does not matter
            (Kind::Iban, "NL91 ABNA 0417 1643 00", "nl91abna0417164300"),
            (Kind::Bsn, "1234.56.782", "123456782"),
            (Kind::LicensePlate, "ab-12-cd", "ab12cd"),
            // e-mail obfuscations are the same address
            (Kind::Email, "jan [at] gmail punt com", "jan@gmail.com"),
            (Kind::Email, "Jan (at) Gmail (dot) com", "jan@gmail.com"),
            (Kind::Email, "jan apenstaartje gmail.com", "jan@gmail.com"),
            (Kind::Email, "jan@gmail.com", "jan@gmail.com"),
            // a plain word `at` inside a user part is not touched when there is an @
            (Kind::Email, "kat.at@x.nl", "kat.at@x.nl"),
            // URLs: scheme, www and final slash do not matter
            (Kind::Url, "https://www.x.com/Jan/", "x.com/jan"),
            (Kind::Url, "x.com/jan", "x.com/jan"),
            (Kind::Url, "http://example.nl", "example.nl"),
            // empty stays empty
            (Kind::Person, "   ", ""),
            (Kind::Phone, "", ""),
        ];
        for (kind, value, want) in cases {
            assert_eq!(normalise(*kind, value), *want, "{kind} {value:?}");
        }
    }

    #[test]
    fn debug_never_shows_the_key() {
        let p = Pseudonyms::keyed(b"supersecretkey-0123456789");
        let shown = format!("{p:?}");
        assert!(!shown.contains("supersecret"), "{shown}");
        assert!(!shown.contains("115, 117"), "{shown}"); // not as bytes either
    }

    #[test]
    fn keyed_hex_has_eight_lowercase_hex_digits() {
        let hex = keyed_hex(b"0123456789abcdef", Kind::Person, "jan");
        assert_eq!(hex.len(), 8);
        assert!(hex
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
}
