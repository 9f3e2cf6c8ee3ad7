//! Detectors as data: every detector family is a list of [`Rule`]s (a candidate regex, a
//! validator, a priority) or, where a regex cannot say it (names, special categories), a
//! [`Pass`] over the text. The engine runs them all; overlaps are resolved in one place,
//! `resolve.rs`.
//!
//! A rule's candidate pattern should be cheap and generous; its validator decides (checksums,
//! context cues, look-arounds the `regex` crate does not have) and may shrink the span or
//! change the kind (a `date` with a birth cue becomes a `birth_date`).

use crate::{Kind, KindSet, Span};
use regex::Regex;
use std::cell::OnceCell;
use std::sync::OnceLock;

pub(crate) mod context;

mod address;
mod date;
mod email;
mod handle;
mod ip;
mod location;
mod name;
mod numbers;
mod phone;
mod plate;
mod special;
mod url;

/// A candidate pattern plus the validator that accepts, adjusts or rejects each match.
pub(crate) struct Rule {
    /// `family.variant`, reported in every finding (`"phone.nl"`).
    pub name: &'static str,
    /// The kind a match is, unless the validator says otherwise.
    pub kind: Kind,
    /// The candidate regex. Rust's `regex` has no look-around: boundaries are checked in
    /// the validator (see [`context`]).
    pub pattern: &'static str,
    /// Higher wins an overlap; see `resolve.rs` for the scale.
    pub priority: u8,
    /// What a text must contain for the pattern to have a chance: checked on the text's
    /// [`Profile`] before the regex runs, so most records skip most rules.
    pub needs: Needs,
    /// Accepts a candidate match (`span` is the regex match in `text`) or rejects it.
    pub validate: fn(text: &str, span: Span) -> Option<Verdict>,
}

/// A rule's cheap precondition. It must hold for every text the rule can match: a gate
/// that is too strict loses findings (tests run every rule with and without gates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Needs {
    /// At least this many ASCII digits in the text.
    pub digits: u8,
    /// An `@` (or the full-width `＠`).
    pub at: bool,
    /// A `:`.
    pub colon: bool,
    /// A `.`.
    pub dot: bool,
    /// An `@`, or an `at`/`apenstaartje` standing alone or in brackets (a disguised `@`).
    pub mail_at: bool,
    /// A run of at least this many ASCII digits in a row.
    pub run: u8,
    /// Two ASCII letters directly followed by two ASCII digits (`NL91`).
    pub letters_digits: bool,
    /// An ASCII capital directly followed by an ASCII digit (`W1`), or `GIR`.
    pub upper_digit: bool,
    /// A `.` directly followed by an ASCII letter or a non-ASCII character (`x.nl`).
    pub dot_word: bool,
    /// `www.` in any case.
    pub www: bool,
    /// At least this many `-`.
    pub hyphens: u8,
    /// A word starting with the first three letters of a Dutch or English month name
    /// (`jan`, `maa`, `mrt`, `okt`, …), in any case.
    pub month: bool,
}

impl Needs {
    /// No precondition.
    pub const NOTHING: Needs = Needs {
        digits: 0,
        at: false,
        colon: false,
        dot: false,
        mail_at: false,
        run: 0,
        letters_digits: false,
        upper_digit: false,
        dot_word: false,
        www: false,
        hyphens: 0,
        month: false,
    };

    /// At least `n` ASCII digits.
    pub const fn digits(n: u8) -> Needs {
        Needs {
            digits: n,
            ..Needs::NOTHING
        }
    }

    /// An `@` or `＠`.
    pub const AT: Needs = Needs {
        at: true,
        ..Needs::NOTHING
    };

    /// A `:`.
    pub const COLON: Needs = Needs {
        colon: true,
        ..Needs::NOTHING
    };

    /// An `@` or a disguised one (`jan [at] example`, `jan at example`).
    pub const MAIL_AT: Needs = Needs {
        mail_at: true,
        ..Needs::NOTHING
    };

    /// Two letters then two digits (an IBAN's start).
    pub const LETTERS_DIGITS: Needs = Needs {
        letters_digits: true,
        ..Needs::NOTHING
    };

    /// A capital then a digit (a UK postcode's outward code).
    pub const UPPER_DIGIT: Needs = Needs {
        upper_digit: true,
        ..Needs::NOTHING
    };

    /// A dot glued to a following letter (a domain's last dot).
    pub const DOT_WORD: Needs = Needs {
        dot_word: true,
        ..Needs::NOTHING
    };

    /// `www.`.
    pub const WWW: Needs = Needs {
        www: true,
        ..Needs::NOTHING
    };

    /// A month name.
    pub const MONTH: Needs = Needs {
        month: true,
        ..Needs::NOTHING
    };

    /// This precondition and at least `n` hyphens.
    pub const fn and_hyphens(self, n: u8) -> Needs {
        Needs { hyphens: n, ..self }
    }

    /// This precondition and a run of `n` digits in a row.
    pub const fn and_run(self, n: u8) -> Needs {
        Needs { run: n, ..self }
    }

    /// This precondition and `other`'s flags (digit counts are taken from `self`).
    pub const fn and(self, other: Needs) -> Needs {
        Needs {
            at: self.at || other.at,
            colon: self.colon || other.colon,
            dot: self.dot || other.dot,
            mail_at: self.mail_at || other.mail_at,
            letters_digits: self.letters_digits || other.letters_digits,
            upper_digit: self.upper_digit || other.upper_digit,
            dot_word: self.dot_word || other.dot_word,
            www: self.www || other.www,
            month: self.month || other.month,
            ..self
        }
    }

    /// This precondition and a `.`.
    pub const fn and_dot(self) -> Needs {
        Needs { dot: true, ..self }
    }

    /// True when `profile` meets this precondition.
    pub fn met_by(self, profile: &Profile) -> bool {
        profile.digits >= self.digits as usize
            && (!self.at || profile.at)
            && (!self.colon || profile.colon)
            && (!self.dot || profile.dot)
            && (!self.mail_at || profile.mail_at)
            && profile.run >= self.run as usize
            && (!self.letters_digits || profile.letters_digits)
            && (!self.upper_digit || profile.upper_digit)
            && (!self.dot_word || profile.dot_word)
            && (!self.www || profile.www)
            && profile.hyphens >= self.hyphens as usize
            && (!self.month || profile.month)
    }
}

/// What a text contains, counted in one pass over its bytes (see [`Needs`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Profile {
    pub digits: usize,
    pub at: bool,
    pub colon: bool,
    pub dot: bool,
    pub mail_at: bool,
    pub run: usize,
    pub letters_digits: bool,
    pub upper_digit: bool,
    pub dot_word: bool,
    pub www: bool,
    pub hyphens: usize,
    pub month: bool,
}

impl Profile {
    /// The profile of `text`.
    pub fn of(text: &str) -> Profile {
        let bytes = text.as_bytes();
        // Counts and flags in separate simple passes: each one vectorises or runs in
        // `memchr`, where one loop carrying every counter spilled registers on each byte.
        let digits = bytes.iter().filter(|&&b| b.wrapping_sub(b'0') < 10).count();
        let hyphens = bytes.iter().filter(|&&b| b == b'-').count();
        let mut at = memchr::memchr(b'@', bytes).is_some();
        let colon = memchr::memchr(b':', bytes).is_some();
        let dot = memchr::memchr(b'.', bytes).is_some();
        let wide = !bytes.is_ascii();
        // Runs of digits: the longest, whether one follows a capital, and whether one of
        // two digits or more follows two letters or more.
        let (mut max_run, mut upper_digit, mut letters_digits) = (0usize, false, false);
        if digits > 0 {
            let is_digit = |b: u8| b.wrapping_sub(b'0') < 10;
            let mut i = 0;
            while i < bytes.len() {
                if !is_digit(bytes[i]) {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < bytes.len() && is_digit(bytes[i]) {
                    i += 1;
                }
                let run = i - start;
                max_run = max_run.max(run);
                upper_digit |= start > 0 && bytes[start - 1].is_ascii_uppercase();
                letters_digits |= run >= 2
                    && start >= 2
                    && bytes[start - 1].is_ascii_alphabetic()
                    && bytes[start - 2].is_ascii_alphabetic();
            }
        }
        // A month name starts where an ASCII word boundary (`(?-u:\b)`) is.
        let mut month = false;
        let mut after_word = false;
        for (i, &b) in bytes.iter().enumerate() {
            let class = BYTE_CLASS[usize::from(b)];
            if class & MONTH_START != 0
                && !after_word
                && bytes.get(i..i + 3).is_some_and(is_month_stem)
            {
                month = true;
                break;
            }
            after_word = class & WORD_BYTE != 0;
        }
        let (mut dot_word, mut www) = (false, false);
        if dot {
            for i in memchr::memchr_iter(b'.', bytes) {
                dot_word |= bytes
                    .get(i + 1)
                    .is_some_and(|&n| n.is_ascii_alphabetic() || n >= 0x80);
                www |= i >= 3 && bytes[i - 3..i].eq_ignore_ascii_case(b"www");
            }
        }
        upper_digit |= memchr::memmem::find(bytes, b"GIR").is_some();
        // `(?i)` lets a few non-ASCII letters match ASCII ones (`K` for `k`, `ſ` for `s`):
        // with any of them in the text, a month name may hide in it.
        month |= wide
            && FOLDS_TO_ASCII.iter().any(|c| {
                memchr::memmem::find(bytes, c.encode_utf8(&mut [0; 4]).as_bytes()).is_some()
            });
        let mail_at = at || has_at_word(text.as_bytes());
        if wide && !at {
            at = memchr::memmem::find(text.as_bytes(), "＠".as_bytes()).is_some();
        }
        Profile {
            digits,
            at,
            colon,
            dot,
            mail_at,
            run: max_run,
            letters_digits,
            upper_digit,
            dot_word,
            www,
            hyphens,
            month,
        }
    }
}

/// [`BYTE_CLASS`] bit: an ASCII letter, digit or `_` (inside an ASCII word).
const WORD_BYTE: u8 = 1;
/// [`BYTE_CLASS`] bit: the first letter of a month stem of [`is_month_stem`], either case.
const MONTH_START: u8 = 2;

/// The class bits of every byte, so the month scan does one look-up per byte.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() || byte == b'_' {
            table[b] |= WORD_BYTE;
        }
        if matches!(
            byte | 0x20,
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        ) && byte.is_ascii_alphabetic()
        {
            table[b] |= MONTH_START;
        }
        b += 1;
    }
    table
};

/// The non-ASCII characters that a case-insensitive regex matches for some ASCII letter
/// (a test checks this list against the `regex` crate's case folding).
const FOLDS_TO_ASCII: [char; 2] = ['\u{17F}', '\u{212A}'];

/// True when `stem` (three bytes) starts a month name of [`Needs::month`].
fn is_month_stem(stem: &[u8]) -> bool {
    let [a, b, c] = [stem[0] | 0x20, stem[1] | 0x20, stem[2] | 0x20];
    matches!(
        &[a, b, c],
        b"jan"
            | b"feb"
            | b"maa"
            | b"mar"
            | b"mrt"
            | b"apr"
            | b"mei"
            | b"may"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"okt"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// True when `bytes` hold `at` or `apen…` (ASCII case-insensitive) after a space, tab or
/// opening bracket, with `at` followed by a space, tab or closing bracket: what a
/// disguised `@` (`jan [at] x`, `jan at x`, `jan apenstaartje x`) cannot do without. The
/// letters of `at` and `apen` have no non-ASCII case variants, so `(?i)` adds none.
fn has_at_word(bytes: &[u8]) -> bool {
    let opens = |b: u8| matches!(b, b' ' | b'\t' | b'[' | b'(' | b'{' | b'<');
    let closes = |b: u8| matches!(b, b' ' | b'\t' | b']' | b')' | b'}' | b'>');
    memchr::memchr2_iter(b'a', b'A', bytes).any(|i| {
        i > 0
            && opens(bytes[i - 1])
            && match bytes.get(i + 1..i + 3) {
                Some([t, after]) if t | 0x20 == b't' => closes(*after),
                _ => bytes
                    .get(i + 1..i + 4)
                    .is_some_and(|pen| pen.eq_ignore_ascii_case(b"pen")),
            }
    })
}

/// What a validator decided about a candidate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Verdict {
    /// The span to report (the candidate's, or a part of it).
    pub span: Span,
    /// The kind to report.
    pub kind: Kind,
    /// Confidence from 0 to 1.
    pub score: f32,
    /// A more precise rule name than the rule's own (`"url.profile"`), if any.
    pub rule: Option<&'static str>,
}

impl Verdict {
    /// A verdict reported under the rule's own name.
    pub fn new(span: Span, kind: Kind, score: f32) -> Verdict {
        Verdict {
            span,
            kind,
            score,
            rule: None,
        }
    }

    /// The same verdict reported under a more precise rule name.
    pub fn rule(mut self, name: &'static str) -> Verdict {
        self.rule = Some(name);
        self
    }
}

/// A finding before overlap resolution, with the priority of the rule that made it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Hit {
    pub finding: crate::Finding,
    pub priority: u8,
}

/// What a whole-text pass sees: the text, the engine's settings, and the text's words,
/// cut once and shared by every pass (names, places and special categories all walk words;
/// cutting them three times cost a third of the scan).
pub(crate) struct ScanCtx<'t> {
    pub text: &'t str,
    pub kinds: KindSet,
    /// The languages asked for. The lexicon passes use both languages' cues for now:
    /// Dutch reactions mix in English, and a missed name costs more than a false hit.
    #[allow(dead_code)]
    pub langs: crate::engine::LangSet,
    words: OnceCell<Vec<Span>>,
}

impl<'t> ScanCtx<'t> {
    pub fn new(text: &'t str, kinds: KindSet, langs: crate::engine::LangSet) -> ScanCtx<'t> {
        ScanCtx {
            text,
            kinds,
            langs,
            words: OnceCell::new(),
        }
    }

    /// The maximal runs of alphanumeric characters in the text, in order, as byte spans.
    /// Apostrophes, hyphens and dots are separators: a pass that wants `Jansen-de Vries`
    /// or `J.P.` joins neighbouring words itself.
    pub fn words(&self) -> &[Span] {
        self.words.get_or_init(|| cut_words(self.text))
    }
}

/// `ASCII_WORD[b]`: byte `b` (below 0x80) is an ASCII letter or digit.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The word spans of `text` (see [`ScanCtx::words`]); ASCII bytes take a fast path.
pub(crate) fn cut_words(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut words = Vec::with_capacity(bytes.len() / 6);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_word, width) = if b < 0x80 {
            (ASCII_WORD[usize::from(b)], 1)
        } else {
            // `i` is always a char boundary: we step by whole characters.
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        match (is_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
        i += width;
    }
    if let Some(s) = start {
        words.push(Span::new(s, bytes.len()));
    }
    words
}

/// A detector that is not one regex per candidate: it walks the text itself and pushes
/// hits (names, places, special categories).
pub(crate) type Pass = fn(&ScanCtx<'_>, &mut Vec<Hit>);

/// A rule with its regex compiled.
pub(crate) struct Compiled {
    pub rule: &'static Rule,
    pub regex: Regex,
}

/// Every regex rule, compiled once per process.
pub(crate) fn compiled_rules() -> &'static [Compiled] {
    static RULES: OnceLock<Vec<Compiled>> = OnceLock::new();
    RULES.get_or_init(|| {
        all_rules()
            .map(|rule| Compiled {
                rule,
                regex: Regex::new(rule.pattern).unwrap_or_else(|err| {
                    // A static pattern that does not compile is a bug caught by every test run.
                    panic!("rule {} has a bad pattern: {err}", rule.name)
                }),
            })
            .collect()
    })
}

fn all_rules() -> impl Iterator<Item = &'static Rule> {
    let families: [&'static [Rule]; 10] = [
        handle::RULES,
        email::RULES,
        url::RULES,
        ip::RULES,
        phone::RULES,
        numbers::RULES,
        address::RULES,
        plate::RULES,
        date::RULES,
        location::RULES,
    ];
    families.into_iter().flatten()
}

/// Every whole-text pass, with the kinds it can report (skipped when none is enabled).
pub(crate) fn passes() -> &'static [(Pass, &'static [Kind])] {
    &[
        (name::detect, &[Kind::Person]),
        (location::detect, &[Kind::Location]),
        (special::detect, special::KINDS),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_alphanumeric_runs_on_char_boundaries() {
        let t = "Groet, Anouk-Şahin's 3e x";
        let words: Vec<&str> = cut_words(t).iter().map(|w| &t[w.range()]).collect();
        assert_eq!(words, ["Groet", "Anouk", "Şahin", "s", "3e", "x"]);
        assert!(cut_words("").is_empty());
        assert!(cut_words(" ,.").is_empty());
    }

    #[test]
    fn profiles_count_what_gates_need() {
        let p = Profile::of("bel 06-12 of mail a＠b: x.");
        assert_eq!((p.digits, p.at, p.colon, p.dot), (4, true, true, true));
        let p = Profile::of("NL91 ab 123 W1A Www.x");
        assert_eq!(p.run, 3);
        assert!(p.letters_digits && p.upper_digit && p.dot_word && p.www);
        let p = Profile::of("nl 91 a12 w1 ww. . 1.5");
        assert!(!p.letters_digits && !p.upper_digit && !p.dot_word && !p.www);
        assert!(Profile::of("GIR 0AA").upper_digit);
        assert_eq!(Profile::of("0-0-0 -").hyphens, 3);
        // Month stems at a word start, any case; the Kelvin sign may stand for a `k`.
        for (text, month) in [
            ("12 MAART", true),
            ("3-okt", true),
            ("Dec. 3", true),
            ("o\u{212A}t 3", true),
            ("zomaar", false),
            ("_jan", false),
            ("ja", false),
        ] {
            assert_eq!(Profile::of(text).month, month, "{text}");
        }
        assert_eq!(Profile::of("hoi"), Profile::default());
        assert!(Needs::digits(4).and_dot().met_by(&Profile::of("1.234")));
        assert!(!Needs::digits(5).met_by(&Profile::of("1.234")));
        // A disguised `@`: alone or in brackets, never inside a word.
        for (text, disguised) in [
            ("jan [at] x", true),
            ("jan (AT) x", true),
            ("jan at x", true),
            ("jan\tat\tx", true),
            ("jan apenstaartje x", true),
            ("jan@x", true),
            ("at x", false),
            ("dat is wat", false),
            ("jan at", false),
            ("kijk naar de apen", true), // generous: `apen` may start `apenstaartje`
            ("ja [apen", true),
            ("zaterdag", false),
        ] {
            assert_eq!(Profile::of(text).mail_at, disguised, "{text}");
        }
    }

    /// The gates read ASCII letters case-insensitively; `(?i)` in a pattern also matches
    /// the few non-ASCII characters whose case folds onto an ASCII letter. Those must all
    /// be in `FOLDS_TO_ASCII`.
    #[test]
    fn only_listed_characters_fold_to_ascii_letters() {
        let letter = Regex::new("(?i)^[a-z]$").unwrap();
        let folding: Vec<char> = (0x80..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| letter.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, FOLDS_TO_ASCII);
    }

    /// A gate must never hide a finding: every finding a rule makes, run ungated over
    /// varied texts, meets the rule's precondition on its own text (and so on any text
    /// that contains it).
    #[test]
    fn gates_never_hide_a_finding() {
        let texts = [
            "Bel 06-12345678 of 020 123 4567, mail jan@example.nl of kijk op www.example.nl/x",
            "jan [at] gmail punt com, ＠hoi, http://[::1]:8080/ 192.168.1.1:80 fe80::1%eth0",
            "Geboren 12 maart 1985 in Zwolle, Dorpsstraat 12a, 1234 AB, NL91ABNA0417164300",
            "BSN 111222333 kaart 4111 1111 1111 1111 kenteken 12-ABC-3 GB SW1A 1AA",
            "March 3, 2024 en 2024-03-01T10:00Z en 3/4 en 1-2-24 en +32 2 123 45 67",
            "Tel: 1234567, fax +1 (415) 555-0132, 0800-1234, 112, @jan.de.vries en @a@b.social",
        ];
        let mut checked = 0;
        for text in texts {
            for c in compiled_rules() {
                for m in c.regex.find_iter(text) {
                    let Some(v) = (c.rule.validate)(text, Span::new(m.start(), m.end())) else {
                        continue;
                    };
                    let own = Profile::of(&text[v.span.range()]);
                    assert!(
                        c.rule.needs.met_by(&own),
                        "rule {} found {:?} but its gate {:?} would skip it",
                        c.rule.name,
                        &text[v.span.range()],
                        c.rule.needs
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 20, "only {checked} findings checked");
    }

    #[test]
    fn every_rule_compiles_and_has_a_family_prefix() {
        for c in compiled_rules() {
            let family = c.rule.name.split('.').next().unwrap();
            assert!(
                !family.is_empty() && c.rule.name.contains('.'),
                "{}",
                c.rule.name
            );
        }
    }
}

#[cfg(test)]
mod rule_costs {
    use super::*;

    /// A profiling aid, not a check: the time, runs, candidates and accepted candidates
    /// of every rule, and the time of every pass, over the JSONL corpus named by
    /// `WEGLAKKER_CORPUS` (e.g. from `gen_corpus`). Run with
    /// `cargo test --release --lib rule_costs -- --ignored --nocapture`.
    /// (A `RegexSet` of all candidate patterns as a one-pass prefilter was tried: it ran
    /// about ten times slower than all rules one by one.)
    #[test]
    #[ignore]
    fn rule_costs() {
        let Ok(path) = std::env::var("WEGLAKKER_CORPUS") else {
            return;
        };
        let texts: Vec<String> = std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
        let t0 = std::time::Instant::now();
        let profiles: Vec<Profile> = texts.iter().map(|t| Profile::of(t)).collect();
        eprintln!("profile {:?}", t0.elapsed());
        let t0 = std::time::Instant::now();
        let n: usize = texts.iter().map(|t| cut_words(t).len()).sum();
        eprintln!("cut_words {:?} {n}", t0.elapsed());
        for c in compiled_rules() {
            let t0 = std::time::Instant::now();
            let (mut runs, mut cands, mut ok) = (0, 0, 0);
            for (t, p) in texts.iter().zip(&profiles) {
                if !c.rule.needs.met_by(p) {
                    continue;
                }
                runs += 1;
                for m in c.regex.find_iter(t) {
                    cands += 1;
                    if (c.rule.validate)(t, Span::new(m.start(), m.end())).is_some() {
                        ok += 1;
                    }
                }
            }
            eprintln!(
                "{:<24} {:>8.1} ms runs {runs} cands {cands} ok {ok}",
                c.rule.name,
                t0.elapsed().as_secs_f64() * 1e3
            );
        }
        for (i, (pass, _)) in passes().iter().enumerate() {
            let t0 = std::time::Instant::now();
            let mut n = 0;
            for t in &texts {
                let ctx = ScanCtx::new(
                    t,
                    KindSet::all(),
                    crate::engine::LangSet { nl: true, en: true },
                );
                let mut hits = Vec::new();
                pass(&ctx, &mut hits);
                n += hits.len();
            }
            eprintln!(
                "pass {i} {:>8.1} ms hits {n}",
                t0.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}
