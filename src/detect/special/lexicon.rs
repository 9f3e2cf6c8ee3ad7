//! The special-category term lists (`src/lexicon/special/*.txt`, written for weglakker,
//! EUPL-1.2), parsed once into one aho-corasick automaton over every term of every kind,
//! so the whole pass is a single scan of the text; cues are checked only around matches.

use crate::Kind;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// What sort of thing a term names; it decides which cues tie it to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Something a person has: `ik heb diabetes`, `mijn strafblad`.
    Condition,
    /// Something a person is: `ik ben moslim`, `als Antilliaanse moeder`.
    Identity,
    /// Either: `ik zat in de gevangenis`, `I have been in prison`.
    State,
    /// A party or union: only a vote or membership ties it to a person.
    Organisation,
    /// A religious practice: only a verb of doing it (`ik ga naar de moskee`).
    Practice,
}

/// Where in a word a term may stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fit {
    /// The whole word (or phrase).
    Word,
    /// The end of a word, with or without a compound head (`*kanker`: `borstkanker`).
    Tail,
    /// The end of a word after a compound head only (`+straf`: `taakstraf`, not `straf`).
    TailOnly,
    /// The start of a word (`marokkaan*`: `Marokkaanse`).
    Head,
}

/// One term of a list.
#[derive(Clone, Debug)]
pub(crate) struct Term {
    pub kind: Kind,
    pub class: Class,
    pub fit: Fit,
    /// Match only in the exact case written (`=ALS`).
    pub exact_case: bool,
    /// A word that is also a first name (`~christian`): capitalised, it needs an article.
    pub name_like: bool,
    /// The pattern as written in the list, without markers.
    pub text: String,
}

/// Every term list with the kind it reports.
pub(crate) const LISTS: &[(Kind, &str)] = &[
    (
        Kind::Health,
        include_str!("../../lexicon/special/health.txt"),
    ),
    (
        Kind::Religion,
        include_str!("../../lexicon/special/religion.txt"),
    ),
    (
        Kind::Politics,
        include_str!("../../lexicon/special/politics.txt"),
    ),
    (
        Kind::Ethnicity,
        include_str!("../../lexicon/special/ethnicity.txt"),
    ),
    (
        Kind::SexualOrientation,
        include_str!("../../lexicon/special/sexual_orientation.txt"),
    ),
    (
        Kind::TradeUnion,
        include_str!("../../lexicon/special/trade_union.txt"),
    ),
    (
        Kind::Criminal,
        include_str!("../../lexicon/special/criminal.txt"),
    ),
];

/// The parsed terms and the automaton whose pattern ids index them.
pub(crate) struct Lexicon {
    pub terms: Vec<Term>,
    pub automaton: AhoCorasick,
}

/// The lexicon, built on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let terms: Vec<Term> = LISTS
            .iter()
            .flat_map(|&(kind, list)| parse(kind, list))
            .collect();
        // Upper-case variants of non-ASCII terms: the automaton folds ASCII case only.
        let mut patterns: Vec<String> = Vec::with_capacity(terms.len() * 2);
        let mut index: Vec<usize> = Vec::with_capacity(terms.len() * 2);
        for (i, term) in terms.iter().enumerate() {
            patterns.push(term.text.clone());
            index.push(i);
            if !term.text.is_ascii() && !term.exact_case {
                patterns.push(term.text.to_uppercase());
                index.push(i);
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            // The lists are static text; a failure here is a bug every test run catches.
            .expect("special-category lexicon builds");
        let terms = index.into_iter().map(|i| terms[i].clone()).collect();
        Lexicon { terms, automaton }
    })
}

/// The terms of one list (see `src/lexicon/special/README.md` for the format).
pub(crate) fn parse(kind: Kind, list: &str) -> Vec<Term> {
    let mut class = Class::Identity;
    let mut terms = Vec::new();
    for line in list.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line {
            "[condition]" => class = Class::Condition,
            "[identity]" => class = Class::Identity,
            "[state]" => class = Class::State,
            "[organisation]" => class = Class::Organisation,
            "[practice]" => class = Class::Practice,
            _ => terms.push(term(kind, class, line)),
        }
    }
    terms
}

fn term(kind: Kind, class: Class, line: &str) -> Term {
    let (exact_case, line) = match line.strip_prefix('=') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let (name_like, line) = match line.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let (fit, text) = if let Some(rest) = line.strip_prefix('*') {
        (Fit::Tail, rest)
    } else if let Some(rest) = line.strip_prefix('+') {
        (Fit::TailOnly, rest)
    } else if let Some(rest) = line.strip_suffix('*') {
        (Fit::Head, rest)
    } else {
        (Fit::Word, line)
    };
    Term {
        kind,
        class,
        fit,
        exact_case,
        name_like,
        text: text.to_string(),
    }
}
