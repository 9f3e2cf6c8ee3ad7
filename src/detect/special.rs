//! Special-category data (AVG art. 9 and 10) tied to a person: health, religion, political
//! opinion, ethnic origin, sexual orientation, trade-union membership and criminal
//! records.
//!
//! One aho-corasick scan finds every lexicon term (`lexicon`); each match is then checked
//! for its place in the word (`diabetespatiënt`, `FNV-lid`, not `Kerkrade` or
//! `#PTSS`) and for a cue that ties it to a person (`cues`): `ik heb diabetes` is a
//! finding, `het debat over religie`, `krijg de kanker` and `de PVV wil` are not. The span
//! is the disclosing term only, and the rule name says which kind and which cue
//! (`special.health.self`, `special.religion.kin`).

use super::{Hit, ScanCtx};
use crate::detect::context::{char_at, char_before};
use crate::{Finding, Kind, Span};
use aho_corasick::Input;

mod cues;
mod lexicon;
#[cfg(test)]
mod tests;

use cues::{Around, Cue};
use lexicon::{lexicon, Class, Fit, Term};

/// The kinds this family reports.
pub(crate) const KINDS: &[Kind] = &[
    Kind::Health,
    Kind::Religion,
    Kind::Politics,
    Kind::Ethnicity,
    Kind::SexualOrientation,
    Kind::TradeUnion,
    Kind::Criminal,
];

/// Below identifiers (80 and up), above names (about 60) and places (55): a term that is
/// also part of a name or place loses to nothing but a structured identifier.
const PRIORITY: u8 = 70;

/// Confidence of a term tied by a cue.
const SCORE: f32 = 0.8;

/// The whole-text pass of this family.
pub(crate) fn detect(ctx: &ScanCtx<'_>, out: &mut Vec<Hit>) {
    let lex = lexicon();
    let text = ctx.text;
    let mut at = 0;
    let mut hint = 0;
    while at < text.len() {
        let Some(m) = lex.automaton.find(Input::new(text).span(at..text.len())) else {
            break;
        };
        let term = &lex.terms[m.pattern().as_usize()];
        let found = if ctx.kinds.contains(term.kind) {
            place(text, Span::new(m.start(), m.end()), term)
        } else {
            None
        };
        let Some((span, class)) = found else {
            // A term that does not fit here may hide a shorter one that starts inside it.
            at = m.start() + 1;
            continue;
        };
        at = span.end.max(m.end());
        let around = Around::new(text, ctx.words(), span, hint);
        hint = around.first();
        if !name_like_ok(text, span, term, &around) {
            continue;
        }
        if let Some(cue) = cues::tie(&around, term.kind, class) {
            // `naar de moskee`: the phrase finds the practice, the place alone discloses it.
            let span = if class == Class::Practice {
                let last = text[span.range()].rfind(' ').map_or(0, |s| s + 1);
                Span::new(span.start + last, span.end)
            } else {
                span
            };
            out.push(Hit {
                finding: Finding::new(span, term.kind, SCORE, rule_name(term.kind, cue)),
                priority: PRIORITY,
            });
        }
    }
}

/// Checks a match against its place in the word and returns the span to report and the
/// class that applies (a party with a membership tail, `FNV-lid`, is an identity).
fn place(text: &str, m: Span, term: &Term) -> Option<(Span, Class)> {
    let found = &text[m.range()];
    if term.exact_case && found != term.text {
        return None;
    }
    let alnum_before = char_before(text, m.start).is_some_and(char::is_alphanumeric);
    let alnum_after = char_at(text, m.end).is_some_and(char::is_alphanumeric);
    let (mut start, mut end) = (m.start, m.end);
    match term.fit {
        Fit::Word => {
            if alnum_before || alnum_after {
                return None;
            }
        }
        Fit::Tail | Fit::TailOnly => {
            if alnum_after || (term.fit == Fit::TailOnly && !alnum_before) {
                return None;
            }
            start = word_start(text, start);
        }
        Fit::Head => {
            if alnum_before {
                return None;
            }
            end = word_end(text, end);
            // `Marokkaans-Nederlandse`: a head term owns its whole hyphenated compound.
            while text[end..].starts_with('-')
                && char_at(text, end + 1).is_some_and(char::is_alphanumeric)
            {
                end = word_end(text, end + 1);
            }
        }
    }
    if glued(text, start, end) {
        return None;
    }
    if term.exact_case && shouting(text, start, end) {
        return None;
    }
    let mut class = term.class;
    // A compound tail after a hyphen or apostrophe: `FNV-lid`, `VVD'er`, `Parkinson's`.
    if let Some(sep) = char_at(text, end).filter(|c| matches!(c, '-' | '\'' | '’')) {
        let tail_start = end + sep.len_utf8();
        if char_at(text, tail_start).is_some_and(char::is_alphanumeric) {
            let tail_end = word_end(text, tail_start);
            let tail = &text[tail_start..tail_end];
            if MEMBER_TAILS.iter().any(|t| tail.eq_ignore_ascii_case(t)) {
                class = Class::Identity;
            } else if tail.eq_ignore_ascii_case("s") && sep != '-' && term.kind == Kind::Health {
                // `Parkinson's`: the possessive belongs to the disease's name.
            } else {
                // `PTSS-zorg`, `PVV-leider`, `homo's`: another word, or a plural.
                return None;
            }
            end = tail_end;
        }
    }
    // `Labour voter`, `FNV lid`: a membership word after a space.
    if class == Class::Organisation && text[end..].starts_with(' ') {
        let next = &text[end + 1..word_end(text, end + 1)];
        if MEMBER_TAILS.iter().any(|t| next.eq_ignore_ascii_case(t)) {
            class = Class::Identity;
        }
    }
    // `MS Teams`, `ALS Nederland`: an acronym before a capitalised word is a name part.
    if found.len() <= 4
        && found
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        let next = text[end..].trim_start_matches(' ');
        if text[end..].starts_with(' ') && next.starts_with(char::is_uppercase) {
            let word = &next[..word_end(next, 0)];
            if word.chars().any(char::is_lowercase) {
                return None;
            }
        }
    }
    Some((Span::new(start, end), class))
}

/// Tails that make a party, union or condition into what a person is.
const MEMBER_TAILS: &[&str] = &[
    "lid",
    "stemmer",
    "kiezer",
    "er",
    "aanhanger",
    "member",
    "voter",
    "supporter",
    "kaderlid",
    "patiënt",
    "patient",
    "patiënte",
];

/// True when the word sits inside a hashtag, handle, address or path (`#PTSS`, `@gay_nl`,
/// `christen.nl`): a topic label or an identifier, not a disclosure.
fn glued(text: &str, start: usize, end: usize) -> bool {
    let before = char_before(text, start);
    if matches!(before, Some('#' | '@' | '/' | '_')) {
        return true;
    }
    if before == Some('.') && char_before(text, start - 1).is_some_and(char::is_alphanumeric) {
        return true;
    }
    let after = char_at(text, end);
    if matches!(after, Some('@' | '_' | '/')) {
        return true;
    }
    after == Some('.') && char_at(text, end + 1).is_some_and(char::is_alphanumeric)
}

/// True when a neighbouring word is in capitals too: `IK HEB ALS KIND` is shouting, not
/// the disease ALS.
fn shouting(text: &str, start: usize, end: usize) -> bool {
    let caps = |w: &str| w.chars().count() > 1 && w.chars().all(char::is_uppercase);
    let prev = text[..start]
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .find(|w| !w.is_empty());
    let next = text[end..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    prev.is_some_and(caps) || next.is_some_and(caps)
}

/// A name-like term (`Christian`) capitalised needs an article or `as` before it:
/// `I'm a Christian`, not `Hi, I'm Christian`.
fn name_like_ok(text: &str, span: Span, term: &Term, around: &Around<'_>) -> bool {
    if !term.name_like || !text[span.range()].starts_with(|c: char| c.is_uppercase()) {
        return true;
    }
    around.word_before_is(&["a", "an", "een", "as", "als"])
}

fn word_start(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_before(text, at).filter(|c| c.is_alphanumeric()) {
        at -= c.len_utf8();
    }
    at
}

fn word_end(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at).filter(|c| c.is_alphanumeric()) {
        at += c.len_utf8();
    }
    at
}

/// The rule name for a kind and a cue (`special.health.self`).
fn rule_name(kind: Kind, cue: Cue) -> &'static str {
    let row: &[&'static str; 5] = match kind {
        Kind::Health => &[
            "special.health.self",
            "special.health.addressed",
            "special.health.kin",
            "special.health.named",
            "special.health.member",
        ],
        Kind::Religion => &[
            "special.religion.self",
            "special.religion.addressed",
            "special.religion.kin",
            "special.religion.named",
            "special.religion.member",
        ],
        Kind::Politics => &[
            "special.politics.self",
            "special.politics.addressed",
            "special.politics.kin",
            "special.politics.named",
            "special.politics.member",
        ],
        Kind::Ethnicity => &[
            "special.ethnicity.self",
            "special.ethnicity.addressed",
            "special.ethnicity.kin",
            "special.ethnicity.named",
            "special.ethnicity.member",
        ],
        Kind::SexualOrientation => &[
            "special.sexual_orientation.self",
            "special.sexual_orientation.addressed",
            "special.sexual_orientation.kin",
            "special.sexual_orientation.named",
            "special.sexual_orientation.member",
        ],
        Kind::TradeUnion => &[
            "special.trade_union.self",
            "special.trade_union.addressed",
            "special.trade_union.kin",
            "special.trade_union.named",
            "special.trade_union.member",
        ],
        _ => &[
            "special.criminal.self",
            "special.criminal.addressed",
            "special.criminal.kin",
            "special.criminal.named",
            "special.criminal.member",
        ],
    };
    row[match cue {
        Cue::Writer => 0,
        Cue::Addressed => 1,
        Cue::Kin => 2,
        Cue::Named => 3,
        Cue::Member => 4,
    }]
}
