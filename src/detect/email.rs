//! `email` detectors: ordinary addresses (`jan.jansen+nieuws@mail.example.nl`, IDN
//! `jür@bücher.de`) and the obfuscated forms people type to dodge scrapers:
//! `jan [at] gmail punt com`, `jan(at)ziggo(dot)nl`, `jan apenstaartje live punt nl`,
//! `jan at hotmail dot com`, `JAN[@]GMAIL . COM`.
//!
//! An obfuscated address needs a domain-like right side that ends in a known top-level
//! domain (see `url::is_known_tld`), so `ik ben at home` and `we zijn at work. Dan` are not
//! addresses.

use super::context::{char_at, char_before, floor_char_boundary};
use super::url::{is_known_tld, is_wordlike_tld};
use super::{Needs, Rule, Verdict};
use crate::{Kind, Span};
use regex::Regex;
use std::sync::OnceLock;

/// Priority of both rules: above URLs, so `jan@example.nl` is not the link `example.nl`.
const PRIORITY: u8 = 150;

/// The rules of this family.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "email.plain",
        kind: Kind::Email,
        // WHATWG's valid e-mail address, widened to Unicode letters for IDN.
        pattern: r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+",
        priority: PRIORITY,
        needs: Needs::AT.and_dot(),
        validate: validate_plain,
    },
    Rule {
        name: "email.obfuscated",
        kind: Kind::Email,
        pattern: OBFUSCATED,
        priority: PRIORITY,
        needs: Needs::MAIL_AT,
        validate: validate_obfuscated,
    },
];

/// A local part, an "at" in disguise, and labels joined by "dots" in disguise; earlier
/// words joined by "at"s may come first (the validator picks the right "at"). Spaces stay
/// on one line.
const OBFUSCATED: &str = r"(?i)[\w.+-]+(?:(?:[ \t]*[\[\(\{<][ \t]*(?:at|@|apenstaartje)[ \t]*[\]\)\}>][ \t]*|[ \t]+(?:at|apenstaartje)[ \t]+|[ \t]*@[ \t]+|[ \t]+@[ \t]*)[\w.+-]+)*(?:[ \t]*[\[\(\{<][ \t]*(?:at|@|apenstaartje)[ \t]*[\]\)\}>][ \t]*|[ \t]+(?:at|apenstaartje)[ \t]+|[ \t]*@[ \t]+|[ \t]+@[ \t]*)[\w-]+(?:(?:[ \t]*[\[\(\{<][ \t]*(?:dot|punt|\.)[ \t]*[\]\)\}>][ \t]*|[ \t]+(?:dot|punt)[ \t]+|[ \t]*\.[ \t]*)[\w-]+)+";

/// One disguised dot between labels (used to cut an obfuscated domain into labels).
const DOT_SEP: &str = r"(?i)[ \t]*[\[\(\{<][ \t]*(?:dot|punt|\.)[ \t]*[\]\)\}>][ \t]*|[ \t]+(?:dot|punt)[ \t]+|[ \t]*\.[ \t]*";

/// The disguised "at" (used to find where the domain starts).
const AT_SEP: &str = r"(?i)[ \t]*[\[\(\{<][ \t]*(?:at|@|apenstaartje)[ \t]*[\]\)\}>][ \t]*|[ \t]+(?:at|apenstaartje)[ \t]+|[ \t]*@[ \t]+|[ \t]+@[ \t]*";

/// Mail domains (the label before the top-level domain) common in Dutch and English posts;
/// with one of them, `jan at gmail.com` is an address even without a disguised dot. Words
/// (`home`, `web`, `me`) are left out: `we are at home.nl` is a sentence.
#[rustfmt::skip]
const MAIL_PROVIDERS: &[&str] = &[
    "aol", "casema", "chello", "gmail", "gmx", "googlemail", "hetnet", "hotmail",
    "icloud", "kpnmail", "kpnplanet", "live", "mindef", "msn", "outlook", "planet",
    "proton", "protonmail", "quicknet", "telfort", "tele2", "upcmail", "xs4all", "yahoo",
    "zeelandnet", "ziggo",
];

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    // Static patterns: a failure is a bug caught by every test run.
    cell.get_or_init(|| Regex::new(pattern).expect("static email pattern"))
}

/// Trims a local part's leading dots and quotes (`'jan@…'`, `…jan@`) and checks the
/// character before it does not glue it to something else (a handle's `@`).
fn local_start(text: &str, span: Span) -> Option<usize> {
    let s = &text[span.range()];
    let trimmed = s.trim_start_matches(['.', '\'', '`', '{', '|', '}', '~', '/', '=', '?', '^']);
    let start = span.start + (s.len() - trimmed.len());
    if char_before(text, span.start) == Some('@') {
        return None; // `@jan@example.social` is a Mastodon handle
    }
    Some(start)
}

/// True when the domain labels are sane and the last is a top-level domain: letters only
/// (IDN letters too), two or more, or an `xn--` label.
fn domain_is_valid(labels: &[&str]) -> bool {
    if labels.len() < 2 {
        return false;
    }
    let tld = labels[labels.len() - 1];
    let tld_ok = (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
        || tld.to_ascii_lowercase().starts_with("xn--");
    tld_ok
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && !l.contains('_')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

fn validate_plain(text: &str, span: Span) -> Option<Verdict> {
    let start = local_start(text, span)?;
    let s = &text[start..span.end];
    let at = s.find('@')?;
    let local = &s[..at];
    if local.is_empty() || local.ends_with('.') || local.contains("..") {
        return None;
    }
    // The regex may have taken a sentence's final dot or a hyphen into the last label.
    let domain = s[at + 1..].trim_end_matches(['.', '-']);
    let mut labels: Vec<&str> = domain.split('.').collect();
    // `jan@example.nl.Daarna`: drop trailing labels until the end is a top-level domain
    // written in the case of the rest (a capitalised last label starts a sentence).
    let has_upper = |l: &str| l.chars().any(char::is_uppercase);
    while labels.len() > 2 {
        let last = labels[labels.len() - 1];
        let sentence = has_upper(last) && labels[..labels.len() - 1].iter().all(|l| !has_upper(l));
        if domain_is_valid(&labels) && !sentence {
            break;
        }
        labels.pop();
    }
    if !domain_is_valid(&labels) {
        return None;
    }
    let domain_len: usize = labels.iter().map(|l| l.len()).sum::<usize>() + labels.len() - 1;
    let end = start + at + 1 + domain_len;
    if char_at(text, end).is_some_and(|c| c.is_alphanumeric() || c == '@') {
        return None;
    }
    Some(Verdict::new(Span::new(start, end), Kind::Email, 0.95))
}

fn validate_obfuscated(text: &str, span: Span) -> Option<Verdict> {
    static AT: OnceLock<Regex> = OnceLock::new();
    let s = &text[span.range()];
    // The candidate may chain several "at"s (`contact me at t.jansen at gmail dot com`):
    // the last one whose two sides form an address wins.
    let ats: Vec<regex::Match<'_>> = regex(&AT, AT_SEP).find_iter(s).collect();
    for (i, at) in ats.iter().enumerate().rev() {
        let right_end = ats.get(i + 1).map_or(s.len(), |next| next.start());
        if let Some(v) = obfuscated_at(text, span.start, at, right_end) {
            return Some(v);
        }
    }
    None
}

/// If a word and a disguised dot (` punt `, `(dot)`) end right at `at`, where that word
/// starts.
fn disguised_dot_before(text: &str, at: usize) -> Option<usize> {
    static LOCAL_DOT: OnceLock<Regex> = OnceLock::new();
    let pattern = r"(?i)[\w+-]+(?:[ \t]*[\[\(\{<][ \t]*(?:dot|punt)[ \t]*[\]\)\}>][ \t]*|[ \t]+(?:dot|punt)[ \t]+)$";
    let from = floor_char_boundary(text, at.saturating_sub(80));
    let m = regex(&LOCAL_DOT, pattern).find(&text[from..at])?;
    Some(from + m.start())
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || "_.+-".contains(c)
}

/// Tries one disguised "at" of a candidate starting at `base`: the local part is the run
/// of address characters before it, the domain the disguised labels after it (up to
/// `right_end`, relative to the candidate).
fn obfuscated_at(
    text: &str,
    base: usize,
    at: &regex::Match<'_>,
    right_end: usize,
) -> Option<Verdict> {
    static DOT: OnceLock<Regex> = OnceLock::new();
    let before = &text[base..base + at.start()];
    let local_len: usize = before
        .chars()
        .rev()
        .take_while(|&c| is_local_char(c))
        .map(char::len_utf8)
        .sum();
    let local = before[before.len() - local_len..].trim_start_matches('.');
    let mut start = base + at.start() - local.len();
    if local.is_empty() || local.ends_with('.') {
        return None;
    }
    // `jan punt jansen at gmail punt com`: disguised dots inside the local part too.
    let mut local_disguised = false;
    for _ in 0..3 {
        match disguised_dot_before(text, start) {
            Some(s) => {
                start = s;
                local_disguised = true;
            }
            None => break,
        }
    }
    // A Mastodon handle, a word, or a contraction (`I'm at …`) before the local part.
    let contraction = matches!(char_before(text, start), Some('\'' | '’'))
        && text[..start]
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphanumeric);
    if contraction || char_before(text, start).is_some_and(|c| c == '@' || c.is_alphanumeric()) {
        return None;
    }
    let at_text = at.as_str();
    let plain_at = at_text.trim() == "@";
    let word_at = at_text.trim().eq_ignore_ascii_case("at");
    // Cut the right side into labels: (label start, label end) within `right`.
    let right = &text[base + at.end()..base + right_end];
    let mut labels: Vec<(usize, usize)> = Vec::new();
    let mut seps: Vec<&str> = Vec::new();
    let mut pos = 0;
    for sep in regex(&DOT, DOT_SEP).find_iter(right) {
        labels.push((pos, sep.start()));
        seps.push(sep.as_str());
        pos = sep.end();
    }
    // The last label ends where the address characters end (`com, dan` -> `com`).
    let tail = &right[pos..];
    let tail_len = tail
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(tail.len());
    labels.push((pos, pos + tail_len));
    // Keep the longest prefix of labels that ends in a known top-level domain.
    while labels.len() >= 2 {
        let (a, b) = labels[labels.len() - 1];
        if is_known_tld(&right[a..b]) {
            break;
        }
        labels.pop();
        seps.pop();
    }
    if labels.len() < 2 {
        return None;
    }
    let words: Vec<&str> = labels.iter().map(|&(a, b)| &right[a..b]).collect();
    if !domain_is_valid(&words) {
        return None;
    }
    // Without a disguised dot the right side must look like a domain by itself: a bare
    // word "at" takes no spaced dots (`at home . Com`), and no form takes a capitalised or
    // word-like top-level domain (`hallo @ Jan. De`).
    let disguised = seps.iter().any(|d| d.trim() != ".");
    if !disguised {
        let spaced = seps.iter().any(|d| d.len() > 1);
        let tld = words[words.len() - 1];
        let mixed_case = tld.chars().any(|c| c.is_uppercase())
            && words.iter().any(|w| w.chars().any(|c| c.is_lowercase()));
        if (word_at && spaced) || mixed_case || is_wordlike_tld(tld) {
            return None;
        }
        // `more info at rijksoverheid.nl`, `check @ defensie.nl`: an everyday word before a
        // bare "at" is no local part unless the domain is a mail provider.
        if (word_at || plain_at)
            && !local_disguised
            && !local.contains(|c: char| c.is_ascii_digit() || "._+-".contains(c))
            && !MAIL_PROVIDERS.contains(&words[0].to_lowercase().as_str())
        {
            return None;
        }
        if words[0].eq_ignore_ascii_case("www") {
            return None;
        }
    }
    let end = base + at.end() + labels[labels.len() - 1].1;
    if char_at(text, end).is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '/') {
        return None;
    }
    let score = if word_at || plain_at { 0.75 } else { 0.85 };
    Some(Verdict::new(Span::new(start, end), Kind::Email, score).rule("email.obfuscated"))
}

#[cfg(test)]
mod tests {
    use crate::detect::url::tests::{run_rules, IDENT};
    use crate::Kind;

    fn emails(text: &str) -> Vec<String> {
        run_rules(IDENT, text)
            .into_iter()
            .filter(|(_, k, _)| *k == Kind::Email)
            .map(|(s, _, _)| s)
            .collect()
    }

    /// (input, expected email text); empty = no email.
    const CASES: &[(&str, &str)] = &[
        // Ordinary addresses: tags, subdomains, IDN, sentence punctuation.
        (
            "Mail jasper.peters@kpnmail.nl, dan",
            "jasper.peters@kpnmail.nl",
        ),
        (
            "naar jan+nieuws@mail.example.co.uk.",
            "jan+nieuws@mail.example.co.uk",
        ),
        ("Vragen? c.dekker@yahoo.com of bel", "c.dekker@yahoo.com"),
        ("schrijf jür@bücher.de aan", "jür@bücher.de"),
        ("'o_brien@example.ie'", "o_brien@example.ie"),
        ("MAIL JAN@GMAIL.COM!", "JAN@GMAIL.COM"),
        ("info@xn--bcher-kva.example", "info@xn--bcher-kva.example"),
        ("jan@example.nl.Daarna", "jan@example.nl"),
        // Obfuscated forms.
        (
            "Mail aarab.soufiane (at) gmail . com, ik",
            "aarab.soufiane (at) gmail . com",
        ),
        (
            "ariel122 [at] gmail (dot) com",
            "ariel122 [at] gmail (dot) com",
        ),
        (
            "ayoub397 apenstaartje student.uva (dot) nl",
            "ayoub397 apenstaartje student.uva (dot) nl",
        ),
        (
            "esther_v apenstaartje live punt nl.",
            "esther_v apenstaartje live punt nl",
        ),
        (
            "ALICIAVANORLEANS[@]GMAIL . COM",
            "ALICIAVANORLEANS[@]GMAIL . COM",
        ),
        ("g.celik(at)yahoo [punt] com", "g.celik(at)yahoo [punt] com"),
        ("fatma82 at hotmail punt nl", "fatma82 at hotmail punt nl"),
        (
            "cagla_gunes at outlook dot com",
            "cagla_gunes at outlook dot com",
        ),
        (
            "anja.peeters at hotmail[dot]com",
            "anja.peeters at hotmail[dot]com",
        ),
        ("hidde.scholten @ planet.nl", "hidde.scholten @ planet.nl"),
        ("juan950 @ ziggo.nl.", "juan950 @ ziggo.nl"),
        (
            "bakker.ineke @ gmail(dot)com",
            "bakker.ineke @ gmail(dot)com",
        ),
        ("vince290 [@] hotmail.com", "vince290 [@] hotmail.com"),
        ("mail fatma at hotmail.com", "fatma at hotmail.com"),
        (
            "contact me at t.jansen at gmail [dot] com.",
            "t.jansen at gmail [dot] com",
        ),
        (
            "contact me at r.d[@]xs4all[dot]nl. I",
            "r.d[@]xs4all[dot]nl",
        ),
        (
            "naar jacob.b apenstaartje gmail . com, dan",
            "jacob.b apenstaartje gmail . com",
        ),
        ("mail jan @ gmail.com", "jan @ gmail.com"),
        (
            "mail jan punt de punt vries at gmail punt com!",
            "jan punt de punt vries at gmail punt com",
        ),
        ("naar a(dot)b(at)ziggo(dot)nl", "a(dot)b(at)ziggo(dot)nl"),
        // Look-alikes.
        ("more info at rijksoverheid.nl today", ""),
        ("I'm at hotmail.com lol", ""),
        ("mail 'jan at gmail dot com'", "jan at gmail dot com"),
        ("we are at home.nl", ""),
        ("check @ defensie.nl", ""),
        ("kijk at www.defensie.nl", ""),
        ("info at defensie.nl/contact", ""),
        ("ik ben at home dot vandaag", ""),
        ("we zijn at work. Com op", ""),
        ("we zitten at school . Nl", ""),
        ("@jan@mastodon.social", ""),
        ("jan@localhost", ""),
        ("prijs 5@10.00", ""),
        ("a..b@example.nl", ""),
        ("hallo @ Jan. De rest", ""),
        ("groet @ iedereen. Com", ""),
        ("jan@-x.nl", ""),
    ];

    #[test]
    fn email_cases() {
        for (input, want) in CASES {
            let got = emails(input);
            if want.is_empty() {
                assert!(got.is_empty(), "{input:?}: expected none, got {got:?}");
            } else {
                assert_eq!(got, vec![want.to_string()], "{input:?}");
            }
        }
    }

    #[test]
    fn an_email_beats_the_link_inside_it() {
        let all = run_rules(IDENT, "mail j.verbeek@casema.nl of");
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].1, Kind::Email);
    }
}
