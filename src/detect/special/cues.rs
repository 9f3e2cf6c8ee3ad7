//! The cues that tie a special-category term to a person: a predicate that fits the term's
//! class (`heb` for a condition, `ben`/`als` for an identity, `stem`/`lid van` for a party
//! or union) and a subject that is a person (the writer, the addressee, kin, a name).
//!
//! Everything works on the shared word spans of the text and compares words without
//! allocating; it runs only around lexicon matches, so its cost does not scale with the
//! text.

use super::lexicon::Class;
use crate::detect::context::{ceil_char_boundary, char_at, char_before, floor_char_boundary};
use crate::{Kind, Span};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Who a term was tied to, and so why it is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// The writer: `ik ben`, `ik heb`, `mijn`, `als`, `I am`, `my`.
    Writer,
    /// The addressee: `jij bent`, `u heeft`, `your`.
    Addressed,
    /// A relative or other person of the writer's: `mijn zoon heeft`, `my husband has`.
    Kin,
    /// A named person or one referred to by pronoun: `Jan is`, `hij heeft`, `@piet is`.
    Named,
    /// Membership without a stated subject: `lid van de ACOM sinds 2010`.
    Member,
}

/// The words of a text around one lexicon match.
pub(crate) struct Around<'a> {
    text: &'a str,
    words: &'a [Span],
    /// Index of the first word that does not start before the term.
    first: usize,
    /// Index of the first word that starts at or after the term's end.
    next: usize,
    /// Byte span of the term.
    span: Span,
}

/// How far back (in words) a predicate may stand from the term.
const REACH: usize = 6;
/// How many arbitrary words may stand between a `heb`/`ben` predicate and the term.
const GAP: usize = 4;

impl<'a> Around<'a> {
    /// The words around `span`; `hint` is a word index at or before the span (the previous
    /// match's), so the search gallops forward from there instead of bisecting all words.
    pub fn new(text: &'a str, words: &'a [Span], span: Span, hint: usize) -> Around<'a> {
        let first = seek(words, hint, span.start);
        let next = seek(words, first, span.end);
        Around {
            text,
            words,
            first,
            next,
            span,
        }
    }

    /// True when word `i` is in the list (or lists) with bits `bits`.
    fn has(&self, i: usize, bits: u32) -> bool {
        let w = self.word(i).as_bytes();
        // The lists hold short ASCII words; lower-case into a stack buffer, no allocation.
        let mut buf = [0u8; 16];
        if w.len() > buf.len() {
            return false;
        }
        for (b, c) in buf.iter_mut().zip(w) {
            *b = c.to_ascii_lowercase();
        }
        let key = std::str::from_utf8(&buf[..w.len()]).unwrap_or("");
        word_bits().get(key).is_some_and(|have| have & bits != 0)
    }

    fn word(&self, i: usize) -> &'a str {
        &self.text[self.words[i].range()]
    }

    /// True when word `i` equals one of the lower-case `list` entries (ASCII case folded).
    fn is(&self, i: usize, list: &[&str]) -> bool {
        let w = self.word(i);
        list.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// True when a sentence ends between byte `from` and byte `to`.
    /// A dot ends a sentence only before a space or the end (`07.03.1998`, `x.nl` do not).
    fn breaks(&self, from: usize, to: usize) -> bool {
        let bytes = self.text.as_bytes();
        (from..to.min(bytes.len())).any(|i| match bytes[i] {
            b'!' | b'?' | b';' | b'\n' => true,
            b'.' => bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()),
            _ => false,
        })
    }

    /// True when word `i` and the next word (or the term, when `i + 1 == first`) are in
    /// one sentence.
    fn joined(&self, i: usize) -> bool {
        let to = if i + 1 >= self.first && i < self.first {
            self.span.start
        } else {
            self.words[i + 1].start
        };
        !self.breaks(self.words[i].end, to)
    }

    /// The word before word `i` in the same sentence, if any.
    fn prev(&self, i: usize) -> Option<usize> {
        let p = i.checked_sub(1)?;
        self.joined(p).then_some(p)
    }

    /// The word just before the term in the same sentence.
    fn before_term(&self) -> Option<usize> {
        let p = self.first.checked_sub(1)?;
        self.joined(p).then_some(p)
    }

    /// The word just after the term in the same sentence.
    fn after_term(&self) -> Option<usize> {
        let n = self.next;
        (n < self.words.len() && !self.breaks(self.span.end, self.words[n].start)).then_some(n)
    }

    fn is_capitalised_term(&self) -> bool {
        let t = &self.text[self.span.range()];
        t.starts_with(char::is_uppercase) && t.chars().any(char::is_lowercase)
    }

    fn is_capitalised(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1
    }

    /// True when word `i` is a handle (`@piet`).
    fn is_handle(&self, i: usize) -> bool {
        let mut at = self.words[i].start;
        while let Some(c) = char_before(self.text, at).filter(|&c| c == '_' || c.is_alphanumeric())
        {
            at -= c.len_utf8();
        }
        char_before(self.text, at) == Some('@')
    }
}

// One bit per word list, so a word is looked up once per question, not compared with
// every entry of a list (the cue walk asks a handful of questions of each of its words).
const BE: u32 = 1 << 0;
const BLOCKERS: u32 = 1 << 1;
const CURSE_NEXT: u32 = 1 << 2;
const DIAGNOSED: u32 = 1 << 3;
const FILLER: u32 = 1 << 4;
const FIRST_PERSON: u32 = 1 << 5;
const GENERIC: u32 = 1 << 6;
const HAVE: u32 = 1 << 7;
const KIN: u32 = 1 << 8;
const KRIJG: u32 = 1 << 9;
const MEMBER: u32 = 1 << 10;
const NEGATION: u32 = 1 << 11;
const NOT_A_PERSON: u32 = 1 << 12;
const PLURAL_SUBJECTS: u32 = 1 << 13;
const PRONOUNS: u32 = 1 << 14;
const SUBORDINATORS: u32 = 1 << 15;
const TUSSENVOEGSELS: u32 = 1 << 16;
const VOTE: u32 = 1 << 17;
const PRACTISE: u32 = 1 << 18;

/// FNV-1a: the keys are short lower-case words, where SipHash's set-up dominates.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordBits = HashMap<&'static str, u32, BuildHasherDefault<Fnv>>;

/// Every list word (lower case) with the bits of the lists it is in.
fn word_bits() -> &'static WordBits {
    static BITS: OnceLock<WordBits> = OnceLock::new();
    BITS.get_or_init(|| {
        let lists: [(&[&str], u32); 19] = [
            (BE_WORDS, BE),
            (BLOCKERS_WORDS, BLOCKERS),
            (CURSE_NEXT_WORDS, CURSE_NEXT),
            (DIAGNOSED_WORDS, DIAGNOSED),
            (FILLER_WORDS, FILLER),
            (FIRST_PERSON_WORDS, FIRST_PERSON),
            (GENERIC_WORDS, GENERIC),
            (HAVE_WORDS, HAVE),
            (KIN_WORDS, KIN),
            (KRIJG_WORDS, KRIJG),
            (MEMBER_WORDS, MEMBER),
            (NEGATION_WORDS, NEGATION),
            (NOT_A_PERSON_WORDS, NOT_A_PERSON),
            (PLURAL_SUBJECTS_WORDS, PLURAL_SUBJECTS),
            (PRONOUNS_WORDS, PRONOUNS),
            (SUBORDINATORS_WORDS, SUBORDINATORS),
            (TUSSENVOEGSELS_WORDS, TUSSENVOEGSELS),
            (VOTE_WORDS, VOTE),
            (PRACTISE_WORDS, PRACTISE),
        ];
        let mut map = WordBits::default();
        for (words, bit) in lists {
            for w in words {
                *map.entry(*w).or_insert(0) |= bit;
            }
        }
        map
    })
}

/// The index of the first word at or after `from` that does not start before `pos`.
fn seek(words: &[Span], from: usize, pos: usize) -> usize {
    let from = from.min(words.len());
    let mut step = 1;
    let mut lo = from;
    // Gallop: matches come in text order, so the answer is usually a few words on.
    while lo + step < words.len() && words[lo + step].start < pos {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step + 1).min(words.len());
    lo + words[lo..hi].partition_point(|w| w.start < pos)
}

/// Ties the term to a person, or says it is not tied (general talk, a curse, a place).
pub(crate) fn tie(a: &Around<'_>, kind: Kind, class: Class) -> Option<Cue> {
    if kind == Kind::Health && is_curse(a) {
        return None;
    }
    // `Jan de Turk`: a capitalised term after a name and a tussenvoegsel is a surname.
    if a.is_capitalised_term() {
        if let Some(p) = a.before_term().filter(|&p| a.has(p, TUSSENVOEGSELS)) {
            if a.prev(p)
                .is_some_and(|q| a.is_capitalised(q) && !a.has(q, NOT_A_PERSON))
            {
                return None;
            }
        }
    }
    // `5 ms`, `2 GL`: a short term after a number is a unit.
    let short = a.span.len() <= 3;
    if short
        && a.before_term()
            .is_some_and(|p| a.word(p).bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if let Some(cue) = attached(a, class) {
        return Some(cue);
    }
    if let Some(cue) = predicate_before(a, kind, class) {
        return cue;
    }
    predicate_after(a, kind, class)
}

/// `kanker` as a curse: `krijg de kanker`, `kanker op`, `kanker veel`.
fn is_curse(a: &Around<'_>) -> bool {
    let term = &a.text[a.span.range()];
    let kanker = term
        .get(..6)
        .is_some_and(|h| h.eq_ignore_ascii_case("kanker"));
    if !kanker && !term.eq_ignore_ascii_case("tyfus") {
        return false;
    }
    if let Some(p) = a.before_term() {
        if a.has(p, KRIJG) {
            return true;
        }
        if a.is(p, &["de", "het", "een", "de", "die"]) && a.prev(p).is_some_and(|q| a.has(q, KRIJG))
        {
            return true;
        }
    }
    a.after_term().is_some_and(|n| a.has(n, CURSE_NEXT))
}

const KRIJG_WORDS: &[&str] = &["krijg", "krijgt", "kreeg", "kregen", "krijgen"];

/// Words a curse `kanker` intensifies or is followed by (`kanker op`, `kanker veel`).
#[rustfmt::skip]
const CURSE_NEXT_WORDS: &[&str] = &[
    "op", "veel", "hard", "duur", "moe", "mooi", "goed", "lang", "vaak", "irritant", "slecht",
    "leuk", "snel", "dom", "lekker", "ziek", "saai", "druk", "boos", "gek", "vet", "eind",
    "lelijk", "zat", "jij", "je", "man", "zooi",
];

/// Cues glued to the term: a possessive (`mijn diabetes`), `als`/`as a` before an
/// identity, a kin phrase with `met`/`with` (`mijn zoon met autisme`), or a possessive
/// before an identity and a kin noun (`mijn Marokkaanse schoonvader`).
fn attached(a: &Around<'_>, class: Class) -> Option<Cue> {
    let p = a.before_term()?;
    match class {
        Class::Condition | Class::State => {
            if let Some(cue) = possessive(a, p) {
                return Some(cue);
            }
            if a.is(p, &["met", "with"]) {
                // `mijn zoon met autisme`, `@piet met ADHD`; not `Mensen met autisme`.
                let q = a.prev(p)?;
                let cue = kin_or_name(a, q)?;
                let first_word = a.prev(q).is_none();
                return (cue == Cue::Kin || a.is_handle(q) || !first_word).then_some(cue);
            }
            None
        }
        Class::Identity => {
            if a.is(p, &["als", "as"]) {
                return Some(Cue::Writer);
            }
            if a.is(p, &["een", "a", "an"]) && a.prev(p).is_some_and(|q| a.is(q, &["als", "as"])) {
                return Some(Cue::Writer);
            }
            let cue = possessive(a, p)?;
            let n = a.after_term()?;
            a.has(n, KIN)
                .then_some(if cue == Cue::Writer { Cue::Kin } else { cue })
        }
        Class::Organisation | Class::Practice => None,
    }
}

/// The person a possessive word points to (`mijn` the writer, `jouw` the addressee).
fn possessive(a: &Around<'_>, i: usize) -> Option<Cue> {
    if a.is(i, &["mijn", "my", "onze", "ons", "our"]) {
        Some(Cue::Writer)
    } else if a.is(i, &["jouw", "your", "uw"]) {
        Some(Cue::Addressed)
    } else if a.is(i, &["zijn", "his", "haar", "her", "hun", "their"]) {
        Some(Cue::Named)
    } else if a.is(i, &["n"]) && a.prev(i).is_some_and(|q| a.is(q, &["m"])) {
        Some(Cue::Writer) // m'n
    } else {
        None
    }
}

/// Looks back from the term for a predicate of the term's class. `Some(None)`: a
/// predicate or blocker decided that the term is not tied; `None`: nothing found.
fn predicate_before(a: &Around<'_>, kind: Kind, class: Class) -> Option<Option<Cue>> {
    let mut i = a.before_term()?;
    let mut gap = 0;
    for _ in 0..REACH {
        if class == Class::Organisation {
            if let Some(cue) = organisation_cue(a, kind, i) {
                return Some(cue);
            }
            if !a.has(i, FILLER) {
                return None;
            }
        } else {
            if a.is(i, &["with", "met"]) && a.prev(i).is_some_and(|q| a.has(q, DIAGNOSED)) {
                return Some(subject(a, i - 1));
            }
            if a.has(i, SUBORDINATORS) {
                // The term is in a subordinate clause; its verb comes last (`predicate_after`).
                return None;
            }
            // `elke vrijdag`, `every week` only say how often a practice is kept.
            let stop = if class == Class::Practice {
                NEGATION
            } else {
                BLOCKERS | NEGATION
            };
            if a.has(i, stop) {
                return Some(None);
            }
            let fits = match class {
                Class::Condition => a.has(i, HAVE),
                Class::Identity => is_be(a, i),
                Class::Practice => a.has(i, PRACTISE),
                _ => a.has(i, HAVE) || is_be(a, i),
            };
            if fits {
                return Some(subject(a, i));
            }
            if !a.has(i, FILLER) {
                gap += 1;
                if gap > GAP {
                    return None;
                }
            }
        }
        i = a.prev(i)?;
    }
    None
}

/// `zijn` is a verb (`wij zijn moslim`) unless it is a possessive right before the term.
fn is_be(a: &Around<'_>, i: usize) -> bool {
    a.has(i, BE)
        || (a.is(i, &["zijn"])
            && (i + 1 < a.first || a.prev(i).is_some_and(|p| a.has(p, PLURAL_SUBJECTS))))
}

const PLURAL_SUBJECTS_WORDS: &[&str] = &["wij", "we", "jullie", "zij", "ze"];

/// A vote or membership cue at word `i` for a party or union.
fn organisation_cue(a: &Around<'_>, kind: Kind, i: usize) -> Option<Option<Cue>> {
    if kind == Kind::Politics && a.has(i, VOTE) {
        return Some(subject(a, i));
    }
    if a.is(i, &["van", "bij", "of", "in"]) {
        let m = a.prev(i)?;
        if a.has(m, MEMBER) {
            // `als lid van de VVD`: the writer speaks as a member.
            if a.prev(m).is_some_and(|q| a.is(q, &["als", "as", "a"])) {
                return Some(Some(Cue::Writer));
            }
            return Some(subject(a, m).or(Some(Cue::Member)));
        }
        // `ik ben bij de FNV`, `ik zit bij de CNV`.
        if a.is(i, &["bij"]) && a.is(m, &["ben", "bent", "is", "zit", "zat", "zitten", "was"]) {
            return Some(subject(a, m));
        }
    }
    if a.is(i, &["joined", "aangesloten"]) {
        return Some(subject(a, i).or(Some(Cue::Member)));
    }
    None
}

/// Dutch subordinate clauses put the verb last: `omdat ik diabetes heb`,
/// `dat mijn moeder MS heeft`, `ik ga PVV stemmen`. A fitting verb right after the term,
/// then a person before it.
fn predicate_after(a: &Around<'_>, kind: Kind, class: Class) -> Option<Cue> {
    let n = a.after_term()?;
    let fits = match class {
        Class::Condition => a.has(n, HAVE) || a.is(n, &["gehad", "gekregen"]),
        Class::Identity => a.has(n, BE) || a.is(n, &["geworden", "zijn"]),
        Class::State => a.has(n, HAVE | BE) || a.is(n, &["gezeten", "gehad"]),
        Class::Organisation => kind == Kind::Politics && a.has(n, VOTE),
        Class::Practice => a.is(n, &["gaan", "ga", "ging", "gegaan"]),
    };
    if !fits {
        return None;
    }
    let mut i = a.before_term()?;
    for _ in 0..REACH {
        if let Some(cue) = person(a, i) {
            return cue;
        }
        if a.has(i, BLOCKERS) && !a.is(i, &["dat", "die", "omdat"]) {
            return None;
        }
        i = a.prev(i)?;
    }
    None
}

/// The subject of the predicate at word `v`: before it, after it (`heb ik`, `is mijn
/// zoon`), or dropped (`Ben zelf homo`).
fn subject(a: &Around<'_>, v: usize) -> Option<Cue> {
    // Skip auxiliaries and adverbs between subject and predicate: `ik ben al jaren`.
    let mut p = a.prev(v);
    let mut skipped = 0;
    while let Some(i) = p {
        let number = a.word(i).bytes().all(|b| b.is_ascii_digit());
        if skipped < 5 && (number || a.has(i, FILLER | HAVE | BE)) {
            skipped += 1;
            p = a.prev(i);
        } else {
            break;
        }
    }
    if let Some(i) = p {
        if let Some(cue) = person(a, i) {
            return cue;
        }
    }
    // Inverted: `heb ik`, `is mijn zoon`, `heeft Jan`.
    let n = v + 1;
    if n < a.first && a.joined(v) {
        if let Some(Some(cue)) = person(a, n) {
            return Some(cue);
        }
        if possessive(a, n).is_some() && n + 1 < a.first && a.has(n + 1, KIN) {
            return Some(Cue::Kin);
        }
    }
    // A first-person verb form with its subject dropped: `Ben zelf homo`, `heb al jaren PTSS`.
    if a.has(v, FIRST_PERSON) {
        return Some(Cue::Writer);
    }
    // A coordinated verb shares the first clause's subject: `Hij is 19 en heeft ADHD`.
    if let Some(c) = a
        .prev(v)
        .filter(|&c| a.is(c, &["en", "and", "maar", "but"]))
    {
        let mut q = a.prev(c);
        for _ in 0..12 {
            let Some(i) = q else { break };
            if a.has(i, BLOCKERS) {
                break;
            }
            if let Some(Some(cue)) = person(a, i) {
                if a.is_capitalised(i) || cue != Cue::Named || a.has(i, PRONOUNS) {
                    return Some(cue);
                }
            }
            q = a.prev(i);
        }
    }
    None
}

const PRONOUNS_WORDS: &[&str] = &["hij", "zij", "ze", "he", "she", "they"];

/// Whether word `i` (a subject position) is a person: `Some(Some(cue))` yes,
/// `Some(None)` a generic `je`/`you` (`als je diabetes hebt`), `None` not a person.
fn person(a: &Around<'_>, i: usize) -> Option<Option<Cue>> {
    if a.is_handle(i) {
        return Some(Some(Cue::Named));
    }
    if a.is(i, &["ik", "i", "k", "we", "wij"]) {
        return Some(Some(Cue::Writer));
    }
    if a.is(i, &["jij", "je", "u", "you", "jullie"]) {
        let generic = a.prev(i).is_some_and(|q| a.has(q, GENERIC));
        return Some((!generic).then_some(Cue::Addressed));
    }
    if a.is(i, &["hij", "zij", "ze", "he", "she", "they"]) {
        return Some(Some(Cue::Named));
    }
    kin_or_name(a, i).map(Some)
}

/// A kin phrase ending at or shortly before word `i` (`mijn zoon`, `my husband Andre
/// Wyatt`), or a name or handle at `i`.
fn kin_or_name(a: &Around<'_>, i: usize) -> Option<Cue> {
    let mut q = Some(i);
    for _ in 0..4 {
        let Some(k) = q else { break };
        if a.has(k, KIN) && a.prev(k).is_some_and(|p| possessive(a, p).is_some()) {
            return Some(Cue::Kin);
        }
        if a.has(k, BLOCKERS) {
            break;
        }
        q = a.prev(k);
    }
    if a.has(i, NOT_A_PERSON | BLOCKERS) {
        return None;
    }
    if a.is_handle(i) || a.is_capitalised(i) {
        return Some(Cue::Named);
    }
    // All-lower-case writing: a name is a word before the verb that is no function word.
    // The line around, at most 160 bytes either way: a bounded look, whatever the record.
    let from = floor_char_boundary(a.text, a.words[i].start.saturating_sub(160));
    let to = ceil_char_boundary(a.text, a.span.end.saturating_add(160));
    let start = a.text[from..a.words[i].start]
        .rfind('\n')
        .map_or(from, |s| from + s + 1);
    let end = a.text[a.span.end..to]
        .find('\n')
        .map_or(to, |e| a.span.end + e);
    let lower = !a.text[start..end].chars().any(char::is_uppercase);
    let nonword = char_at(a.text, a.words[i].end).is_some_and(|c| c == '\'');
    (lower && !nonword && a.word(i).chars().count() > 2 && !a.has(i, FILLER) && !a.has(i, BLOCKERS))
        .then_some(Cue::Named)
}

/// Words that are a predicate for a condition: `heb`, `has`, `lijd`, `draag`, `diagnosed`.
#[rustfmt::skip]
const HAVE_WORDS: &[&str] = &[
    "heb", "hebt", "heeft", "hebben", "had", "hadden", "have", "has", "ve", "got", "krijg",
    "krijgt", "kreeg", "kregen", "lijd", "lijdt", "leed", "suffer", "suffers", "suffered",
    "draag", "draagt", "droeg", "wear", "wears", "wore", "diagnosed", "gediagnosticeerd",
];

const DIAGNOSED_WORDS: &[&str] = &["diagnosed", "gediagnosticeerd"];

/// Words that are a predicate for an identity: `ben`, `is`, `am`, `'m`, `zit`, `voel`.
#[rustfmt::skip]
const BE_WORDS: &[&str] = &[
    "ben", "bent", "is", "was", "waren", "word", "wordt", "werd", "werden", "geworden",
    "geweest", "am", "are", "m", "re", "were", "been", "be", "zit", "zat", "zitten", "voel",
    "voelt", "feel", "feels", "identify", "identificeer", "kwam", "kom", "kwamen", "gekomen",
    "came", "s",
];

/// First-person verb forms: their subject is the writer even when left out.
#[rustfmt::skip]
const FIRST_PERSON_WORDS: &[&str] = &[
    "ben", "heb", "am", "stem", "krijg", "lijd", "draag", "voel", "zit", "kom", "identificeer",
];

#[rustfmt::skip]
const VOTE_WORDS: &[&str] = &[
    "stem", "stemt", "stemde", "stemden", "stemmen", "gestemd", "vote", "votes", "voted",
    "voting",
];

#[rustfmt::skip]
const MEMBER_WORDS: &[&str] = &[
    "lid", "leden", "member", "members", "lidmaatschap", "membership", "kaderlid", "partijlid",
];

/// Words that may stand between a predicate and its term without breaking the tie.
#[rustfmt::skip]
const FILLER_WORDS: &[&str] = &[
    "al", "ook", "zelf", "nog", "steeds", "gewoon", "echt", "wel", "toch", "helaas", "sinds",
    "jaren", "jaar", "even", "een", "de", "het", "the", "a", "an", "op", "for", "always",
    "also", "still", "never", "nooit", "niet", "not", "geen", "no", "officieel", "officially",
    "recently", "onlangs", "net", "pas", "just", "really", "altijd", "weer", "again", "heel",
    "very", "erg", "in", "since", "years", "lang", "geleden", "ago", "myself", "too", "trots",
    "proud", "openly", "openlijk", "gelukkig", "ernstig", "zwaar", "chronisch", "lichte",
    "licht", "zware", "ernstige", "chronische", "severe", "mild", "chronic", "sindsdien", "nu",
    "now", "tegenwoordig", "inmiddels", "allemaal", "all", "meer", "more", "liever", "vroeger",
    "ooit", "once", "formerly", "trotse",
];

/// Words that show the term is a topic, not a trait of the subject: `het debat over
/// religie`, `mensen met autisme`, `ik heb niets tegen homo's`.
#[rustfmt::skip]
const BLOCKERS_WORDS: &[&str] = &[
    "over", "about", "tegen", "against", "met", "with", "zonder", "without", "mensen", "people",
    "iemand", "someone", "somebody", "veel", "many", "sommige", "some", "dat", "that", "die",
    "wat", "what", "welke", "which", "who", "wie", "omdat", "because", "voor", "for", "bang",
    "afraid", "hekel", "hate", "debat", "debate", "discussie", "onderzoek", "research",
    "artikel", "article", "elke", "every", "alle", "all", "iedere", "naar", "to", "fan",
];

/// Words that open a subordinate clause, whose verb comes after the term.
const SUBORDINATORS_WORDS: &[&str] = &["dat", "omdat", "die", "nadat", "because"];

const TUSSENVOEGSELS_WORDS: &[&str] = &["de", "van", "den", "der", "ter", "te", "la", "le"];

/// Words that tie a religious practice to its subject: `ik ga naar de moskee`.
#[rustfmt::skip]
const PRACTISE_WORDS: &[&str] = &[
    "ga", "gaat", "ging", "gingen", "gaan", "go", "goes", "went", "vast", "vastte", "vasten",
    "fast", "fasting", "vier", "vieren", "vierde", "celebrate", "bid", "bidt", "pray", "prays",
];

/// A denial is no disclosure: `ik heb geen strafblad`, `I'm not religious`.
const NEGATION_WORDS: &[&str] = &["geen", "niet", "nooit", "no", "not", "never"];

/// Words before `je`/`you` that make it generic: `als je diabetes hebt`.
const GENERIC_WORDS: &[&str] = &["als", "if", "when", "wanneer", "indien", "zodra", "once"];

/// Relatives and other people of the writer's (`mijn zoon`, `my neighbour`).
#[rustfmt::skip]
const KIN_WORDS: &[&str] = &[
    "zoon", "zoontje", "dochter", "dochtertje", "vrouw", "man", "echtgenoot", "echtgenote",
    "partner", "vriend", "vriendin", "vriendje", "moeder", "vader", "ma", "pa", "mama", "papa",
    "broer", "broertje", "zus", "zusje", "opa", "oma", "kind", "kindje", "neef", "nicht", "oom",
    "tante", "schoonvader", "schoonmoeder", "schoonzus", "zwager", "buurman", "buurvrouw",
    "collega", "baas", "kleinzoon", "kleindochter", "stiefvader", "stiefmoeder", "ex", "son",
    "daughter", "wife", "husband", "friend", "boyfriend", "girlfriend", "mother", "mom", "mum",
    "father", "dad", "brother", "sister", "grandfather", "grandmother", "grandpa", "grandma",
    "child", "kid", "nephew", "niece", "uncle", "aunt", "cousin", "neighbour", "neighbor",
    "colleague", "boss", "stepfather", "stepmother", "fiancé", "fiance", "fiancee", "verloofde",
];

/// Capitalised words that stand where a subject would but are no person.
#[rustfmt::skip]
const NOT_A_PERSON_WORDS: &[&str] = &[
    "het", "dit", "dat", "er", "wat", "wie", "die", "deze", "daar", "hier", "alles", "niets",
    "iets", "iemand", "niemand", "iedereen", "men", "it", "this", "that", "there", "here",
    "what", "who", "which", "everyone", "everybody", "nobody", "someone", "something",
    "nothing", "nederland", "rusland", "oekraïne", "israël", "israel", "china", "iran",
    "amerika", "russia", "ukraine", "america", "defensie", "kabinet", "regering", "overheid",
    "rijksoverheid", "navo", "nato", "eu", "vn", "un", "kamer", "ministerie", "gemeente",
    "politie", "justitie", "om", "vandaag", "gisteren", "nu", "dan", "toen", "soms", "today",
    "now", "then", "sometimes", "yesterday", "zo", "ook", "dus", "maar", "en", "of", "and",
    "but", "so", "de", "the", "een", "a", "an", "hallo", "hoi", "hi", "hello",
];

impl Around<'_> {
    /// True when the word just before the term is one of the lower-case `list` entries.
    /// The index of the first word that does not start before the term.
    pub fn first(&self) -> usize {
        self.first
    }

    pub fn word_before_is(&self, list: &[&str]) -> bool {
        self.before_term().is_some_and(|p| self.is(p, list))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seek_finds_the_first_word_at_or_after_a_position_from_any_hint() {
        let words: Vec<Span> = (0..50).map(|i| Span::new(i * 3, i * 3 + 2)).collect();
        for pos in 0..160 {
            let want = words.partition_point(|w| w.start < pos);
            for hint in [0, want.saturating_sub(7), want.saturating_sub(1), want] {
                assert_eq!(seek(&words, hint, pos), want, "pos {pos} hint {hint}");
            }
        }
        assert_eq!(seek(&[], 0, 5), 0);
    }
}
