//! `person` detection: names by lexicon, structure and context cues.
//!
//! One walk over the shared words. A *chain* is a run of name-like words (initials, first
//! names, tussenvoegsels, surnames, hyphenated parts, a possessive); each chain is then
//! weighed: lexicon evidence (a first name, a surname), structure (initials before a
//! surname, a tussenvoegsel between names) and cues around it (a title, role, kinship word,
//! sign-off or form of address before it; a speech or contact verb after it). Dutch does
//! not capitalise ordinary nouns, so a capitalised word mid-sentence is a proper noun;
//! at a sentence start the capital says nothing and evidence must come from elsewhere.
//!
//! Speed: word flags are looked up lazily and only for words whose first byte can start or
//! border a name; lookups lower-case into a stack buffer (see `lexicon`), no allocation.

use super::{Hit, ScanCtx};
use crate::lexicon::{flags as F, is_place, lookup, may_open_name};
use crate::{Finding, Kind, Span};

/// Names rank below identifiers (handles, emails and URLs win overlaps).
const PRIORITY: u8 = 60;

/// Not looked up yet.
const UNKNOWN: u16 = u16::MAX;
/// The word is part of a handle, hashtag, email or URL: never a name token.
const OPAQUE: u16 = 1 << 14;
/// The word is a first name plus a Dutch possessive `s` (`Jans`).
const POSSESSIVE: u16 = 1 << 13;

/// How a word is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    /// `Anouk`, `Şahin`.
    Cap,
    /// `ANOUK` (two letters or more, all upper case).
    Upper,
    /// `anouk`.
    Lower,
    /// Digits or mixed, `3e`.
    Other,
}

/// The words of one text with their flags, looked up on demand.
struct Words<'t> {
    text: &'t str,
    spans: &'t [Span],
    flags: Vec<u16>,
}

impl<'t> Words<'t> {
    fn word(&self, i: usize) -> &'t str {
        &self.text[self.spans[i].range()]
    }

    fn shape(&self, i: usize) -> Shape {
        shape_of(self.word(i))
    }

    fn flags(&mut self, i: usize) -> u16 {
        if self.flags[i] == UNKNOWN {
            self.flags[i] = self.classify(i);
        }
        self.flags[i]
    }

    fn classify(&self, i: usize) -> u16 {
        let span = self.spans[i];
        if self.is_opaque(span) {
            return OPAQUE;
        }
        let word = self.word(i);
        let mut f = lookup(word);
        // `Jans`, `Fatimas`: a Dutch possessive written without apostrophe.
        let cap = word.as_bytes()[0].is_ascii_uppercase();
        if cap && f & (F::FIRST | F::SURNAME) == 0 && word.len() > 3 && word.ends_with('s') {
            let stem = lookup(&word[..word.len() - 1]);
            if stem & F::FIRST != 0 && stem & F::AMBIGUOUS == 0 {
                f |= F::FIRST | POSSESSIVE;
            }
        }
        f
    }

    /// Part of `@handle`, `#tag`, `jan.bakker@x.nl`, `x.com/jan`.
    fn is_opaque(&self, span: Span) -> bool {
        let b = self.text.as_bytes();
        let single = span.len() == 1;
        if span.start > 0 {
            let p = b[span.start - 1];
            if matches!(p, b'@' | b'#' | b'/' | b'\\' | b'=' | b'_' | b'&') {
                return true;
            }
            if p == b'.' && span.start > 1 && b[span.start - 2].is_ascii_alphanumeric() && !single {
                // `jan.bakker`, but not the `P` of `J.P.`
                let before_is_initial = span.start >= 3
                    && !b[span.start - 3].is_ascii_alphanumeric()
                    && b[span.start - 2].is_ascii_uppercase();
                if !before_is_initial {
                    return true;
                }
            }
        }
        if let Some(&n) = b.get(span.end) {
            if matches!(n, b'@' | b'_' | b'/') {
                return true;
            }
            if n == b'.' && !single && b.get(span.end + 1).is_some_and(u8::is_ascii_alphanumeric) {
                return true;
            }
        }
        false
    }

    /// The text between word `i` and word `i + 1`.
    fn gap(&self, i: usize) -> &'t str {
        &self.text[self.spans[i].end..self.spans[i + 1].start]
    }
}

fn shape_of(word: &str) -> Shape {
    let b = word.as_bytes()[0];
    if b.is_ascii_lowercase() {
        return Shape::Lower;
    }
    if b.is_ascii_digit() {
        return Shape::Other;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if first.is_lowercase() {
        return Shape::Lower;
    }
    if !first.is_uppercase() {
        return Shape::Other;
    }
    let mut any_lower = false;
    let mut any_upper = false;
    // `McDonald`, `MacLeod` are names; `DigiD`, `iPhone` are brands.
    let mc = word.starts_with("Mc") || word.starts_with("Mac");
    for c in chars {
        if c.is_lowercase() {
            any_lower = true;
        } else if c.is_uppercase() {
            if any_lower && !mc {
                return Shape::Other;
            }
            any_upper = true;
        } else if c.is_ascii_digit() {
            return Shape::Other;
        }
    }
    match (any_lower, any_upper) {
        (false, true) => Shape::Upper,
        _ => Shape::Cap,
    }
}

/// Abbreviated first names written with a dot, like initials (`Chr.`, `Th.`).
const ABBREVIATED: &[&str] = &["Chr", "Ch", "Th", "Ph", "Joh", "Wm", "Jac", "Corn", "Hub"];

/// What a chain of words holds.
#[derive(Default, Debug)]
struct Chain {
    /// Index of the first and last word.
    first: usize,
    last: usize,
    /// Byte end of the span (a possessive may reach past the last word).
    end: usize,
    initials: usize,
    /// Initials written without dots (`JP Bakker`).
    bare: bool,
    /// The chain starts with a capitalised tussenvoegsel (`Van Hijum`).
    cap_tussen: bool,
    names: usize,
    plain_surnames: usize,
    tussen: usize,
    known_first: usize,
    ambiguous_first: usize,
    surnames: usize,
    places: usize,
    lower: bool,
    upper: bool,
}

/// The whole-text pass of this family.
pub(crate) fn detect(ctx: &ScanCtx<'_>, out: &mut Vec<Hit>) {
    let spans = ctx.words();
    let mut words = Words {
        text: ctx.text,
        spans,
        flags: vec![UNKNOWN; spans.len()],
    };
    let mut i = 0;
    while i < spans.len() {
        if is_tnv(&words, i) {
            i += 3; // `t.n.v.` is no set of initials
            continue;
        }
        if !may_start(&mut words, i)
            || is_sentence_opener(&mut words, i)
            || is_preposition_before_first_name(&mut words, i)
            || is_lower_abbreviation(&words, i)
        {
            i += 1;
            continue;
        }
        let chain = build_chain(&mut words, i);
        let judged = chain.and_then(|c| judge(&mut words, &c).map(|v| (c, v)));
        // Only a chain that looks like a person is checked against the place list.
        if let Some((c, _)) = judged
            .as_ref()
            .filter(|(c, _)| is_place_chain(&mut words, c))
        {
            i = c.last + 1;
            continue;
        }
        match judged {
            Some((chain, (score, rule))) => {
                let span = Span::new(spans[chain.first].start, chain.end);
                out.push(Hit {
                    finding: Finding::new(span, Kind::Person, score, rule),
                    priority: PRIORITY,
                });
                let next = list_neighbours(&mut words, chain.first, chain.last, out);
                i = next.max(chain.last + 1);
            }
            None => i += 1,
        }
    }
}

/// `founders: Kónya, Becker and Vasquez`: capitalised single words listed next to a
/// person (`, `, ` and `, ` en `) are persons too. Returns the word index after the list.
fn list_neighbours(words: &mut Words<'_>, first: usize, last: usize, out: &mut Vec<Hit>) -> usize {
    let n = words.spans.len();
    let push = |words: &mut Words<'_>, k: usize, out: &mut Vec<Hit>| {
        let f = words.flags(k);
        let ok = words.shape(k) == Shape::Cap
            && f & (F::CUE | F::TUSSEN | F::PLACE | OPAQUE) == 0
            && !is_place(words.word(k));
        if ok {
            out.push(Hit {
                finding: Finding::new(words.spans[k], Kind::Person, 0.6, "person.list"),
                priority: PRIORITY,
            });
        }
        ok
    };
    // Backwards: `[Kónya], [Becker] and Vasquez`
    let mut k = first;
    if k >= 2
        && words.gap(k - 1) == " "
        && words.gap(k - 2) == " "
        && matches!(words.word(k - 1), "and" | "en")
        && push(words, k - 2, out)
    {
        k -= 2;
    }
    while k >= 1 && words.gap(k - 1) == ", " && (k < 2 || words.gap(k - 2) != " ") {
        if !push(words, k - 1, out) {
            break;
        }
        k -= 1;
    }
    // Forwards: `Kónya, [Becker] and [Vasquez]`
    let mut k = last;
    loop {
        if k + 1 >= n {
            return k + 1;
        }
        let gap = words.gap(k);
        let single = |words: &Words<'_>, j: usize| {
            j + 1 >= n || words.gap(j) != " " || matches!(words.word(j + 1), "and" | "en")
        };
        if gap == ", " && single(words, k + 1) {
            if !push(words, k + 1, out) {
                return k + 1;
            }
            k += 1;
        } else if gap == " " && k + 2 < n && words.gap(k + 1) == " " {
            let conj = matches!(words.word(k + 1), "and" | "en");
            if conj && single(words, k + 2) && push(words, k + 2, out) {
                return k + 3;
            }
            if conj {
                return coordinated_name(words, k + 2, out).unwrap_or(k + 1);
            }
            return k + 1;
        } else if gap == " & " {
            if single(words, k + 1) && push(words, k + 1, out) {
                return k + 2;
            }
            return coordinated_name(words, k + 1, out).unwrap_or(k + 1);
        } else {
            return k + 1;
        }
    }
}

/// `Femke en Jorrit gaan`, `Yasmina en Redouane el Ghazali`: a capitalised chain right
/// after `en`/`and`/`&` following a person is a person too, even if the lexicon does not
/// know it. Returns the word index after it.
fn coordinated_name(words: &mut Words<'_>, k: usize, out: &mut Vec<Hit>) -> Option<usize> {
    if k >= words.spans.len()
        || words.shape(k) != Shape::Cap
        || words.flags(k) & (F::CUE | F::TUSSEN | F::PLACE | OPAQUE) != 0
        || is_initial(words, k)
    {
        return None;
    }
    let c = build_chain(words, k)?;
    if c.first != k || c.lower || is_place_chain(words, &c) || is_address_part(words, &c) {
        return None;
    }
    let span = Span::new(words.spans[k].start, c.end);
    out.push(Hit {
        finding: Finding::new(span, Kind::Person, 0.6, "person.list"),
        priority: PRIORITY,
    });
    Some(c.last + 1)
}

/// Cheap first test: can word `i` begin a name chain?
fn may_start(words: &mut Words<'_>, i: usize) -> bool {
    let b = words.text.as_bytes()[words.spans[i].start];
    if b.is_ascii_digit() {
        return false;
    }
    // Lower-case words start a chain only as a first name or a tussenvoegsel.
    if b.is_ascii_lowercase() {
        if is_initial(words, i) {
            return !is_tnv(words, i);
        }
        // Most lower-case words are ordinary words: a bit filter rejects them unhashed.
        if !may_open_name(words.word(i)) {
            return false;
        }
        let f = words.flags(i);
        if f & F::TUSSEN != 0 && f & F::FIRST == 0 {
            // `de Vries`, `van der Berg`: a lower-case tussenvoegsel opens a name only
            // before a capitalised word (`de bakker` is a baker).
            return capital_after_tussen(words, i);
        }
        let plain_surname = f & F::SURNAME != 0 && f & F::AMBIGUOUS == 0;
        return (f & F::FIRST != 0 || plain_surname) && f & (OPAQUE | F::CUE) == 0;
    }
    if is_initial(words, i) {
        return !is_tnv(words, i);
    }
    let f = words.flags(i);
    f & OPAQUE == 0 && (f & F::CUE == 0 || f & F::TUSSEN != 0 || is_named_verb(words, i))
}

/// `Said El Ouardi`: a capitalised first name that is also a speech verb, followed by more
/// of the name.
fn is_named_verb(words: &mut Words<'_>, i: usize) -> bool {
    let f = words.flags(i);
    f & F::FIRST != 0
        && f & F::SPEECH != 0
        && words.shape(i) == Shape::Cap
        && i + 1 < words.spans.len()
        && words.gap(i) == " "
        && (words.shape(i + 1) == Shape::Cap || words.flags(i + 1) & F::TUSSEN != 0)
}

/// True when, after word `i` and any further tussenvoegsels, a capitalised word follows.
fn capital_after_tussen(words: &mut Words<'_>, i: usize) -> bool {
    let n = words.spans.len();
    let mut j = i + 1;
    while j < n && j < i + 4 {
        if !matches!(words.gap(j - 1), " " | " '" | " ’") {
            return false;
        }
        let b = words.text.as_bytes()[words.spans[j].start];
        if b.is_ascii_uppercase() || (b >= 0x80 && words.shape(j) == Shape::Cap) {
            return true;
        }
        if !b.is_ascii_lowercase() || words.flags(j) & F::TUSSEN == 0 {
            return false;
        }
        j += 1;
    }
    false
}

/// `de familie van Koen Wesselink`, `groetjes van Yasmina`: a lower-case tussenvoegsel
/// before a first name is a preposition; tussenvoegsels stand before surnames only.
fn is_preposition_before_first_name(words: &mut Words<'_>, i: usize) -> bool {
    let f = words.flags(i);
    if f & F::TUSSEN == 0 || f & F::FIRST != 0 || words.shape(i) != Shape::Lower {
        return false;
    }
    if i + 1 >= words.spans.len() || words.gap(i) != " " || words.shape(i + 1) != Shape::Cap {
        return false;
    }
    let next = words.flags(i + 1);
    next & F::FIRST != 0 && next & (F::SURNAME | F::TUSSEN) == 0
}

/// `b.d. Frits Oudshoorn`, `o.a. Sanne`: lower-case dotted letters before a capitalised
/// word are an abbreviation, not initials (in mixed-case text initials are capitals).
fn is_lower_abbreviation(words: &Words<'_>, i: usize) -> bool {
    if words.shape(i) != Shape::Lower || !is_initial(words, i) {
        return false;
    }
    let mut j = i;
    while j + 1 < words.spans.len() && is_initial(words, j) && matches!(words.gap(j), "." | ". ") {
        j += 1;
    }
    j > i && words.shape(j) == Shape::Cap
}

/// `t.n.v.` (ter name van, before an account holder's name) is no set of initials.
fn is_tnv(words: &Words<'_>, i: usize) -> bool {
    let rest = &words.text.as_bytes()[words.spans[i].start..];
    rest.len() >= 5 && rest[..5].eq_ignore_ascii_case(b"t.n.v")
}

/// A capitalised word that opens a sentence, is no known name and is followed by more
/// name-like words (`Toen Boukema belde`): the chain starts after it.
fn is_sentence_opener(words: &mut Words<'_>, i: usize) -> bool {
    words.shape(i) == Shape::Cap
        && words.flags(i) & (F::FIRST | F::SURNAME | F::TUSSEN) == 0
        && !is_initial(words, i)
        && i + 1 < words.spans.len()
        && gap_joins(words, i)
        && words.flags(i + 1) & F::TUSSEN == 0
        && at_sentence_start(words, i)
        && cue_before(words, i) == 0
        && !looks_like_first_name(words, i)
}

/// One upper-case ASCII letter that is no word of its own (`I`, `A`).
fn is_single_capital(w: &str) -> bool {
    w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase() && w != "I" && w != "A"
}

/// An unknown capitalised word that still reads as a first name at a sentence start:
/// written with letters Dutch and English words do not use (`Šárka Ottová`), or followed
/// by a middle initial and a capitalised word (`Janka M. Szász`, `Julieta S Almeida`).
fn looks_like_first_name(words: &mut Words<'_>, i: usize) -> bool {
    if has_foreign_letter(words.word(i)) {
        return true;
    }
    let n = words.spans.len();
    if i + 2 >= n {
        return false;
    }
    let letter = is_single_capital(words.word(i + 1));
    let gap = words.gap(i + 1);
    letter && matches!(gap, " " | ". ") && words.shape(i + 2) == Shape::Cap
}

/// True when word `i` is an initial: `J.`, `Ç.`, `Chr.` or, in lower-case text, `j.`
/// (a dot follows).
fn is_initial(words: &Words<'_>, i: usize) -> bool {
    let w = words.word(i);
    let dot = words.text.as_bytes().get(words.spans[i].end) == Some(&b'.');
    if !dot {
        return false;
    }
    let mut chars = w.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    single || ABBREVIATED.contains(&w)
}

/// Bare initials `JP` before a name: one to three upper-case ASCII letters.
fn is_bare_initials(words: &mut Words<'_>, i: usize) -> bool {
    let w = words.word(i);
    w.len() <= 3
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && w != "I"
        && words.flags(i) & F::CUE == 0
}

/// Builds the longest chain of name words starting at word `i`. After a strong cue (a
/// title or rank with a dot, a sign-off) words the lexicon does not know may join too.
fn build_chain(words: &mut Words<'_>, i: usize) -> Option<Chain> {
    let n = words.spans.len();
    let mut c = Chain {
        first: i,
        ..Chain::default()
    };
    let open = opens_name(words, i);
    let f0 = words.flags(i);
    c.cap_tussen = f0 & F::TUSSEN != 0 && f0 & F::FIRST == 0 && words.shape(i) == Shape::Cap;
    let strong_before =
        i > 0 && cue_before(words, i) & (F::TITLE | F::ROLE | F::KIN | F::SIGNOFF) != 0;
    let mut prev_known_first = false;
    let mut surname_particles = false;
    let mut j = i;
    let mut pending_tussen = 0; // tussenvoegsels not yet followed by a name
    let mut last_name = None;
    let mut case_set = false;
    loop {
        let f = words.flags(j);
        let shape = words.shape(j);
        let after_hyphen = j > i && words.gap(j - 1) == "-";
        let initial_ok = c.names == 0 && pending_tussen == 0;
        // `Faina D. Yefremova`: a middle initial between capitalised names.
        let middle = c.names > 0
            && pending_tussen == 0
            && !c.lower
            && is_initial(words, j)
            && words.shape(j) != Shape::Lower
            && j + 1 < n
            && words.shape(j + 1) == Shape::Cap;
        // `Julieta S Almeida`: a bare middle initial between capitalised names.
        let bare_middle = c.names > 0
            && pending_tussen == 0
            && !c.lower
            && !c.upper
            && is_single_capital(words.word(j))
            && j + 1 < n
            && words.gap(j) == " "
            && words.shape(j + 1) == Shape::Cap;
        if ((initial_ok || middle) && is_initial(words, j)) || bare_middle {
            c.initials += 1;
            last_name = Some(j);
        } else if initial_ok
            && c.initials == 0
            && is_bare_initials(words, j)
            && j + 1 < n
            && words.gap(j) == " "
            && words.flags(j + 1) & (OPAQUE | F::STOP) == 0
            && (words.shape(j + 1) == Shape::Cap || words.flags(j + 1) & F::TUSSEN != 0)
        {
            c.initials += 1;
            c.bare = true;
            last_name = Some(j);
        } else if f & F::TUSSEN != 0
            && (f & F::FIRST == 0 || (shape == Shape::Lower && c.names > 0))
            && j + 1 < n
            && !(after_hyphen && shape != Shape::Lower)
            && tussen_fits(words, j)
        {
            pending_tussen += 1;
            // `david van weel`, `mustafa el bouchtili` take an unknown surname; `sandra van
            // de bakkerij` does not (`van de`, `van het` usually open a noun phrase).
            let w = words.word(j);
            surname_particles = if pending_tussen == 1 {
                matches!(
                    w,
                    "el" | "al" | "ben" | "bin" | "ibn" | "van" | "ter" | "ten"
                )
            } else {
                surname_particles && matches!(w, "der" | "den")
            };
        } else {
            if !case_set {
                c.lower = shape == Shape::Lower;
                c.upper = shape == Shape::Upper;
                case_set = true;
            }
            let known = f & (F::FIRST | F::SURNAME) != 0;
            let ok = if f & OPAQUE != 0 {
                false
            } else if after_hyphen
                || (c.names + c.initials + pending_tussen > 0 && f & F::ROLE != 0 && known)
            {
                // `Baalen-Prins`, `Tjon-A-Fong`, `Esila Koning`: inside a name, a
                // capitalised part is a name part even if it is also a cue word.
                if c.lower {
                    shape == Shape::Lower
                } else {
                    matches!(shape, Shape::Cap | Shape::Upper)
                }
            } else if f & F::CUE != 0 {
                c.names == 0 && is_named_verb(words, j)
            } else {
                match shape {
                    Shape::Cap => !c.lower,
                    // Without case information only the lexicon (or a cue) says what a name is.
                    Shape::Upper => known || open || strong_before || (prev_known_first && c.upper),
                    Shape::Lower => {
                        c.lower
                            && ((known
                                && (c.names == 0 || pending_tussen > 0 || f & F::AMBIGUOUS == 0))
                                || open
                                || (prev_known_first && strong_before)
                                || (c.known_first > 0 && pending_tussen > 0 && surname_particles))
                    }
                    Shape::Other => false,
                }
            };
            // `Samuel Howarth Jurre Kortman`: a first name after a surname starts a new name.
            let new_name = c.names >= 2
                && !prev_known_first
                && pending_tussen == 0
                && f & F::FIRST != 0
                && f & (F::AMBIGUOUS | F::SURNAME) == 0;
            if !ok || new_name {
                break;
            }
            prev_known_first = f & F::FIRST != 0 && f & F::AMBIGUOUS == 0;
            c.names += 1;
            c.tussen += pending_tussen;
            pending_tussen = 0;
            if f & F::FIRST != 0 {
                if f & F::AMBIGUOUS != 0 {
                    c.ambiguous_first += 1;
                } else {
                    c.known_first += 1;
                }
            }
            if f & F::SURNAME != 0 {
                c.surnames += 1;
                if f & F::AMBIGUOUS == 0 {
                    c.plain_surnames += 1;
                }
            }
            if f & F::PLACE != 0 && !known {
                c.places += 1;
            }
            if !known && has_foreign_letter(words.word(j)) {
                c.known_first += 1;
            }
            last_name = Some(j);
        }
        // May the chain go on to word j + 1?
        if j + 1 >= n || !gap_joins(words, j) {
            break;
        }
        j += 1;
    }
    let last = last_name?;
    if c.names == 0 {
        return None;
    }
    c.last = last;
    c.end = possessive_end(words, last);
    Some(c)
}

/// `in`, `op` and `te` are tussenvoegsels only before `'t`, `de`, `den`, `het`, `ten`
/// (`in 't Veld`, `op de Beek`); elsewhere they are prepositions (`in Den Bosch`).
fn tussen_fits(words: &Words<'_>, j: usize) -> bool {
    let w = words.word(j);
    if !(w.eq_ignore_ascii_case("in")
        || w.eq_ignore_ascii_case("op")
        || w.eq_ignore_ascii_case("te"))
    {
        return true;
    }
    let next = words.word(j + 1);
    ["t", "de", "den", "het", "ten", "der"]
        .iter()
        .any(|t| next.eq_ignore_ascii_case(t))
}

/// Letters Dutch and English words do not use (Turkish `ş ğ ı`, Central European `š ž č
/// ř ł ő`, Nordic `å ø æ`): in Dutch or English text a capitalised word with one is a name.
fn has_foreign_letter(word: &str) -> bool {
    !word.is_ascii()
        && word
            .chars()
            .any(|c| "şğıŞĞİšžčřłńśźżőűąęćýůďťňľĺåøæßãõñŠŽČŘŁŃŚŹŻŐŰĄĘĆÝŮĎŤŇĽĹÅØÆ".contains(c))
}

/// True when a strong cue right before word `i` announces a name, so that even words the
/// lexicon does not know are taken: `dhr. Boutaleb`, `kpl. SITA JAGESAR`, `Mvg,\nw. vertoor`.
fn opens_name(words: &mut Words<'_>, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let cue = cue_before(words, i);
    let dotted = words.gap(i - 1).starts_with('.');
    cue & F::SIGNOFF != 0 || (cue & (F::TITLE | F::ROLE) != 0 && dotted)
}

/// True when the text between word `j` and the next lets a name go on.
fn gap_joins(words: &mut Words<'_>, j: usize) -> bool {
    let gap = words.gap(j);
    match gap {
        " " | "-" => true,
        "." | ". " => is_initial(words, j),
        " '" | " ’" => {
            let next = words.word(j + 1);
            next == "t" || next == "s"
        }
        // `O'Connor`, `D'Souza`: a one-letter prefix glued to a capitalised name.
        "'" | "’" => {
            matches!(words.word(j), "O" | "D")
                && words.shape(j + 1) == Shape::Cap
                && words.word(j + 1).len() > 1
        }
        _ => false,
    }
}

/// The end of a name ending at word `last`, with an apostrophe possessive if one follows.
fn possessive_end(words: &Words<'_>, last: usize) -> usize {
    let end = words.spans[last].end;
    let rest = &words.text[end..];
    let after_ok = |s: &str| !s.chars().next().is_some_and(char::is_alphanumeric);
    for apo in ["'s", "’s", "'S", "’S"] {
        if let Some(r) = rest.strip_prefix(apo) {
            if after_ok(r) {
                return end + apo.len();
            }
        }
    }
    let ends_in_s = words.word(last).ends_with(['s', 'x', 'z', 'S', 'X', 'Z']);
    for apo in ["'", "’"] {
        if let Some(r) = rest.strip_prefix(apo) {
            if ends_in_s && after_ok(r) && !r.starts_with(['s', 't']) {
                return end + apo.len();
            }
        }
    }
    end
}

/// The cue before a chain, if any: the word just before it (a title may carry a dot; a
/// sign-off may be followed by a comma and a line break).
fn cue_before(words: &mut Words<'_>, first: usize) -> u16 {
    if first == 0 {
        return 0;
    }
    let mut p = first - 1;
    // `kolonel b.d. Frits Smit`: look past a lower-case abbreviation to the cue before it.
    while p >= 1
        && words.shape(p) == Shape::Lower
        && is_initial(words, p)
        && words.shape(first) == Shape::Cap
    {
        p -= 1;
    }
    let gap = words.gap(p);
    let plain = gap.len() <= 3 && gap.bytes().all(|b| matches!(b, b' ' | b'.' | b','));
    let signoff_gap = gap.len() <= 6
        && gap
            .bytes()
            .all(|b| matches!(b, b' ' | b'.' | b',' | b'\n' | b'\r' | b'!'));
    let f = words.flags(p);
    let mut cue = 0;
    if plain {
        // `zei Dekkers`: a speech verb before the name (inverted word order) counts too.
        cue |= f & (F::TITLE | F::ROLE | F::KIN | F::ADDRESS | F::SPEECH);
        // `minister van Defensie Brekelmans`
        if f & F::STOP != 0 && p >= 2 && words.word(p - 1).eq_ignore_ascii_case("van") {
            cue |= words.flags(p - 2) & F::ROLE;
        }
        // `de heer Jansen`, `mevrouw dr. Bakker`: a title before a title counts too.
        if f & F::TITLE == 0 && f & F::TUSSEN != 0 && p >= 1 && gap == " " {
            cue |= words.flags(p - 1) & F::TITLE;
        }
    }
    if signoff_gap {
        cue |= f & F::SIGNOFF;
    }
    // A form field: `Naam: Kamila Novák`, `User: Maja Holm`.
    if gap == ": " {
        let w = words.word(p);
        if ["naam", "name", "user", "gebruiker"]
            .iter()
            .any(|l| w.eq_ignore_ascii_case(l))
        {
            cue |= F::ADDRESS;
        }
    }
    if plain && p >= 1 {
        let w = words.word(p);
        let w1 = words.word(p - 1);
        // `mijn naam is X`, `my name is X`
        if w.eq_ignore_ascii_case("is") && (w1.eq_ignore_ascii_case("naam") || w1 == "name") {
            cue |= F::ADDRESS;
        }
        // `t.n.v. A. Hiemstra`: the account holder
        if p >= 2 && w.eq_ignore_ascii_case("v") && is_tnv(words, p - 2) {
            cue |= F::ADDRESS;
        }
    }
    cue
}

/// The cue after a chain: a speech verb right after it, or a contact participle within
/// three words (`ik heb jan de vries gisteren gebeld`).
fn cue_after(words: &mut Words<'_>, last: usize) -> u16 {
    let n = words.spans.len();
    let mut cue = 0;
    for k in last + 1..(last + 4).min(n) {
        if words.gap(k - 1).contains('\n') {
            break;
        }
        let f = words.flags(k);
        if k == last + 1 && f & F::SPEECH != 0 {
            cue |= F::SPEECH;
        }
        cue |= f & F::CONTACTED;
        // `Najat Ouahabi uit Purmerend`: someone from somewhere
        if k == last + 1 && k + 1 < n && words.gap(k) == " " {
            let w = words.word(k);
            if (w == "uit" || w == "from") && words.flags(k + 1) & F::PLACE != 0 {
                cue |= F::ADDRESS;
            }
        }
        if f & F::STOP != 0 && words.word(k).len() > 1 {
            break;
        }
    }
    cue
}

/// True when the chain is a street or a city after a postcode: `Foulkesweg 176`,
/// `4749 VR Enschede`.
fn is_address_part(words: &Words<'_>, c: &Chain) -> bool {
    let last = words.word(c.last);
    let lower_len = last.len();
    let street = STREET_SUFFIXES
        .iter()
        .any(|s| lower_len > s.len() + 1 && last.ends_with(s));
    let postcode_before = c.first >= 2 && {
        let letters = words.word(c.first - 1);
        let digits = words.word(c.first - 2);
        letters.len() == 2
            && letters.bytes().all(|b| b.is_ascii_uppercase())
            && digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
    };
    let glued_postcode = c.first >= 1 && {
        let w = words.word(c.first - 1).as_bytes();
        w.len() == 6 && w[..4].iter().all(u8::is_ascii_digit)
    };
    street || postcode_before || glued_postcode
}

/// Endings of Dutch street names.
const STREET_SUFFIXES: &[&str] = &[
    "straat",
    "weg",
    "laan",
    "plein",
    "gracht",
    "kade",
    "singel",
    "steeg",
    "dreef",
    "pad",
    "hof",
    "park",
    "dijk",
    "markt",
    "plantsoen",
    "boulevard",
    "erf",
    "veld",
    "wal",
    "street",
    "road",
    "avenue",
    "lane",
];

/// A name addressed at the end of a sentence: `Lever die HIMARS gewoon, Dijksma.`
fn is_vocative(words: &Words<'_>, c: &Chain) -> bool {
    let before = words.text[..words.spans[c.first].start].trim_end_matches(' ');
    let after = words.text[c.end..].trim_start_matches(' ');
    before.ends_with(',') && (after.is_empty() || after.starts_with(['.', '!', '?', '\n']))
}

/// True when word `i` opens a sentence (or a line), so its capital says nothing.
fn at_sentence_start(words: &Words<'_>, i: usize) -> bool {
    // A reaction often opens with the handle it answers: `@DUO_nl Ben zelf ...`.
    if i > 0 && words.flags[i - 1] == OPAQUE && words.gap(i - 1) == " " {
        return true;
    }
    let before = words.text[..words.spans[i].start].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || matches!(c, ',' | '&' | '\'' | '’' | '-')),
    }
}

/// True when the chain, or a tail of two words or more, is a place (`Den Haag`,
/// `Typisch Den Haag`, `in Den Bosch`) and no title or role makes it a person.
fn is_place_chain(words: &mut Words<'_>, c: &Chain) -> bool {
    if cue_before(words, c.first) & (F::TITLE | F::ROLE) != 0 {
        return false;
    }
    let end = words.spans[c.last].end;
    if c.last > c.first
        && (c.first..c.last).any(|k| is_place(&words.text[words.spans[k].start..end]))
    {
        return true;
    }
    // `gezeten in Bosch en Duin`: after a place preposition, a place may run on.
    let prep = c.first > 0 && {
        let p = words.word(c.first - 1);
        ["in", "uit", "te", "naar", "from"]
            .iter()
            .any(|w| p.eq_ignore_ascii_case(w))
    };
    prep && (c.first..words.spans.len().min(c.first + 4)).any(|k| {
        let gap_ok = (c.first..k).all(|g| matches!(words.gap(g), " " | "-"));
        gap_ok && is_place(&words.text[words.spans[c.first].start..words.spans[k].end])
    })
}

/// Decides whether a chain is a person, with a score and the rule name.
fn judge(words: &mut Words<'_>, c: &Chain) -> Option<(f32, &'static str)> {
    if is_address_part(words, c) {
        return None;
    }
    let before = cue_before(words, c.first);
    let after = cue_after(words, c.last);
    let strong = before & (F::TITLE | F::ROLE | F::KIN | F::SIGNOFF) != 0;
    let cued = before != 0 || after != 0 || is_vocative(words, c);
    let known = c.known_first + c.surnames;
    // Places and organisations are not persons unless a title or role says so.
    let place_ok = before & (F::TITLE | F::ROLE) != 0;
    if c.places == c.names && known == 0 && !place_ok {
        return None;
    }
    let start = at_sentence_start(words, c.first) && before == 0;
    // A single word that is also a place (`in Haarlem`) needs a strong cue or a first name;
    // with a tussenvoegsel it is a surname (`Van Hijum`, `Van Gent`).
    if c.names == 1
        && c.initials == 0
        && c.tussen == 0
        && c.places + place_flag(words, c) > 0
        && !strong
    {
        return None;
    }
    // `22 Jan 2022`: a month abbreviation between numbers.
    if c.names == 1 && c.initials == 0 && between_numbers(words, c) {
        return None;
    }
    if c.lower || c.upper {
        // No case information: the lexicon or a strong cue must carry it.
        let ok = c.known_first > 0
            || (c.ambiguous_first > 0 && (c.names >= 2 || c.tussen > 0) && c.surnames > 0)
            || (c.names + c.initials >= 2 && known > 0 && cued)
            || (c.ambiguous_first + c.surnames > 0 && strong)
            || (strong && opens_name(words, c.first))
            || (c.names == 1 && c.tussen == 0 && c.plain_surnames > 0 && c.initials == 0);
        return ok.then_some((0.75, "person.lexicon"));
    }
    if strong {
        return Some((0.9, "person.cue"));
    }
    if c.initials > 0 && (!c.bare || known > 0 || cued) {
        return Some((0.85, "person.initials"));
    }
    let unknown = c.names - (c.known_first + c.ambiguous_first + c.surnames).min(c.names);
    if c.known_first > 0 && unknown < 2 {
        return Some((0.85, "person.first_name"));
    }
    let all_known = c.ambiguous_first + c.surnames >= c.names;
    if c.names == 2 && (c.ambiguous_first > 0 || c.surnames > 0) && (!start || all_known) {
        return Some((0.8, "person.full_name"));
    }
    if c.tussen > 0 && c.surnames > 0 {
        return Some((0.8, "person.surname"));
    }
    if c.cap_tussen && c.names == 1 && !(start && is_article(words.word(c.first))) {
        return Some((0.75, "person.surname"));
    }
    if start && known == 0 && c.ambiguous_first == 0 {
        return None; // `Honestly? Called ...`: a sentence opener before a verb
    }
    if cued && !(c.tussen > 0 && known == 0 && c.ambiguous_first == 0) {
        return Some((0.7, "person.cue"));
    }
    if c.names == 1 && c.tussen == 0 && c.plain_surnames > 0 {
        return Some((0.7, "person.surname"));
    }
    if is_unknown_pair(words, c, start) {
        return Some((0.6, "person.proper_pair"));
    }
    if !start && c.names == 1 && c.tussen == 0 && (c.surnames > 0 || c.ambiguous_first > 0) {
        return Some((0.7, "person.proper_noun"));
    }
    None
}

/// `de foto van Bayu Pattiasina`, `held is Nadir Boulahrouz`: two capitalised words the
/// lexicon does not know, mid-sentence after a lower-case word. Dutch capitalises proper
/// nouns only, so this is a name unless the first word is an inflected adjective
/// (`Koninklijke Marine`, `Lichte Brigade`).
fn is_unknown_pair(words: &mut Words<'_>, c: &Chain, start: bool) -> bool {
    if start || c.names != 2 || c.initials + c.tussen > 0 || c.lower || c.upper {
        return false;
    }
    if c.last != c.first + 1 || c.first == 0 || words.gap(c.first - 1) != " " {
        return false;
    }
    // Only after a Dutch word: English capitalises titles and company names
    // (`Entertainment Weekly`, `Civic Insight`), Dutch does not.
    if !is_dutch_function_word(words.word(c.first - 1)) {
        return false;
    }
    let lexical = F::FIRST | F::SURNAME | F::CUE | F::PLACE | F::TUSSEN | OPAQUE;
    let unknown = |words: &mut Words<'_>, k: usize| words.flags(k) & lexical == 0;
    unknown(words, c.first)
        && unknown(words, c.last)
        && !words.word(c.first).ends_with('e')
        && words.gap(c.first) == " "
}

/// Dutch prepositions, verbs and conjunctions that often stand before a name (not
/// English words, so that the unknown-pair rule stays with Dutch text).
fn is_dutch_function_word(w: &str) -> bool {
    [
        "van", "is", "met", "aan", "voor", "door", "bij", "en", "heeft", "zegt", "zei", "heet",
        "naar", "over", "om", "dat", "die", "ook", "was", "ken", "kent", "zag", "sprak",
    ]
    .contains(&w)
}

/// 1 when the chain's only name word is a place (even if it is a surname too).
fn place_flag(words: &mut Words<'_>, c: &Chain) -> usize {
    (0..=c.last - c.first)
        .map(|k| c.first + k)
        .filter(|&k| words.flags(k) & F::PLACE != 0 && words.flags(k) & F::FIRST == 0)
        .count()
        .min(1)
}

/// True when digits stand on both sides of the chain (`22 Jan 2022`).
fn between_numbers(words: &Words<'_>, c: &Chain) -> bool {
    let digits = |k: usize| words.word(k).bytes().all(|b| b.is_ascii_digit());
    c.first > 0 && c.last + 1 < words.spans.len() && digits(c.first - 1) && digits(c.last + 1)
}

/// Articles that open titles and names of things (`De Telegraaf`, `Het Parool`).
fn is_article(word: &str) -> bool {
    matches!(
        word,
        "De" | "Het" | "Den" | "DE" | "HET" | "In" | "Op" | "Te" | "Ten"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::LangSet;
    use crate::KindSet;

    fn names(text: &str) -> Vec<String> {
        let ctx = ScanCtx::new(text, KindSet::all(), LangSet { nl: true, en: true });
        let mut hits = Vec::new();
        detect(&ctx, &mut hits);
        hits.sort_by_key(|h| h.finding.span.start);
        hits.iter()
            .map(|h| text[h.finding.span.range()].to_string())
            .collect()
    }

    /// Causes found on held-out reactions (tests/data/generalisation.jsonl); own sentences.
    #[test]
    fn held_out_causes() {
        let cases: &[(&str, &[&str])] = &[
            // a lower-case tussenvoegsel before a first name is a preposition
            ("De zus van Marieke Hol belde.", &["Marieke Hol"]),
            ("Een kaart van Sophie kwam aan.", &["Sophie"]),
            ("Ik sprak Karin van Dam gisteren.", &["Karin van Dam"]),
            // lower-case abbreviations are no initials; the rank before them still cues
            ("Majoor b.d. Anton Velsink sprak.", &["Anton Velsink"]),
            ("Het boek van kapitein b.d. Hessel Veen.", &["Hessel Veen"]),
            // names joined by en / and / & after a person
            ("Sanne en Wiebren komen morgen.", &["Sanne", "Wiebren"]),
            (
                "Ik zag Yusuf en Tarik el Fassi daar.",
                &["Yusuf", "Tarik el Fassi"],
            ),
            ("Anouk & Jildert gaan samen.", &["Anouk", "Jildert"]),
            ("Met Anouk en de rest van de groep.", &["Anouk"]),
            // O'/D' prefixes
            ("My friend Sean O'Hara called.", &["Sean O'Hara"]),
            // sign-offs that are no names
            ("Hoogachtend, P. Verwoerd", &["P. Verwoerd"]),
            ("RIP Harm Kooistra, we missen je", &["Harm Kooistra"]),
            // unknown first names at a sentence start: foreign letters, a middle initial
            ("Šárka Ottová belde gisteren.", &["Šárka Ottová"]),
            ("Janka M. Szász schreef dit.", &["Janka M. Szász"]),
            ("Julieta S Almeida wrote it.", &["Julieta S Almeida"]),
            ("Daarom A Team.", &[]),
            // two unknown capitalised words mid-sentence; not an adjective + noun
            ("De foto van Tirza Vokshi is weg.", &["Tirza Vokshi"]),
            ("Hij dient bij de Koninklijke Marine.", &[]),
            ("We loved Entertainment Weekly.", &[]),
            // a form field
            ("Naam: Kamila Novák", &["Kamila Novák"]),
            // `ait` is a particle
            (
                "Dit is Youssef Ait Brahim uit Gouda.",
                &["Youssef Ait Brahim"],
            ),
        ];
        let failed: Vec<String> = cases
            .iter()
            .filter(|(text, want)| names(text) != *want)
            .map(|(text, want)| format!("{text}: got {:?}, want {want:?}", names(text)))
            .collect();
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    fn finds_names_by_cue_and_structure() {
        let cases: &[(&str, &[&str])] = &[
            // first names, full names, double surnames, tussenvoegsels
            ("Gisteren heeft Anouk nog gebeld.", &["Anouk"]),
            ("Ik sprak Kees van Dijk op de kazerne.", &["Kees van Dijk"]),
            (
                "Volgens Sanne Jansen-de Vries klopt dat niet.",
                &["Sanne Jansen-de Vries"],
            ),
            ("Wij kennen Wim in 't Veld al jaren.", &["Wim in 't Veld"]),
            ("Zij trouwde met Pieter ter Horst.", &["Pieter ter Horst"]),
            // initials
            ("Het is getekend door J.P. Bakker.", &["J.P. Bakker"]),
            ("Het is getekend door J. P. Bakker.", &["J. P. Bakker"]),
            ("Het is getekend door Chr. de Graaf.", &["Chr. de Graaf"]),
            // possessives inside the span
            ("Dat is Fatima's fiets.", &["Fatima's"]),
            ("Dat was Thomas' idee.", &["Thomas'"]),
            ("Dat is Jans auto.", &["Jans"]),
            // Moroccan, Turkish, Surinamese, Indonesian, Frisian, English
            (
                "Ik heb Mohammed El Amrani gesproken.",
                &["Mohammed El Amrani"],
            ),
            ("Mijn buurvrouw Ayşe Yılmaz helpt ook.", &["Ayşe Yılmaz"]),
            ("Samen met Rishi Ramdin naar de kazerne.", &["Rishi Ramdin"]),
            ("Ook Siti Sutanto was erbij.", &["Siti Sutanto"]),
            ("Ook Sjoerd Hoekstra was erbij.", &["Sjoerd Hoekstra"]),
            ("I met Sarah Johnson yesterday.", &["Sarah Johnson"]),
            (
                "I read a poem by Faina D. Yefremova today.",
                &["Faina D. Yefremova"],
            ),
            // enumerations next to a known name
            (
                "Our founders: Kónya, Becker and Vasquez.",
                &["Kónya", "Becker", "Vasquez"],
            ),
            (
                "Er waren drie: Anouk, Bakkum en Zwartjes.",
                &["Anouk", "Bakkum", "Zwartjes"],
            ),
            // lowercase and ALL CAPS with context
            ("ik heb jan de vries gebeld", &["jan de vries"]),
            ("mijn zoon daan is soldaat", &["daan"]),
            ("IK HEB ANOUK BAKKER GEBELD", &["ANOUK BAKKER"]),
            // capitalised mid-sentence: a proper noun, so a known surname is a person
            ("Ik vind dat Visser gelijk heeft.", &["Visser"]),
            ("Bij Van Hijum ligt dat anders.", &["Van Hijum"]),
            // a first name after a surname starts a new person
            (
                "Op de foto: Samuel Howarth Jurre Kortman",
                &["Samuel Howarth", "Jurre Kortman"],
            ),
            // vocative at the end of a sentence
            ("Lever die tanks gewoon, Brekelmans.", &["Brekelmans"]),
        ];
        let failed: Vec<String> = cases
            .iter()
            .filter(|(text, want)| names(text) != *want)
            .map(|(text, want)| format!("{text}: got {:?}, want {want:?}", names(text)))
            .collect();
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    fn titles_roles_and_cues_stay_outside() {
        let cases: &[(&str, &[&str])] = &[
            // titles and forms of address
            ("Ik sprak dhr. Boutaleb vanochtend.", &["Boutaleb"]),
            ("Ik sprak mevrouw Kramer vanochtend.", &["Kramer"]),
            ("Brief van mw. Hoekstra ontvangen.", &["Hoekstra"]),
            ("Ik sprak met mr. Bergsma.", &["Bergsma"]),
            ("Ik sprak met de heer Zwartjes.", &["Zwartjes"]),
            ("I spoke to Dr. Okafor today.", &["Okafor"]),
            ("Thanks Mrs. Whitfield for the help", &["Whitfield"]),
            // roles and ranks
            ("Vraag het minister Brekelmans zelf.", &["Brekelmans"]),
            ("Goed gedaan wethouder Poppe!", &["Poppe"]),
            ("Kapitein Wouters was er ook.", &["Wouters"]),
            ("Sergeant Achahbar was er ook.", &["Achahbar"]),
            ("Well done Captain Hargreaves.", &["Hargreaves"]),
            // speech and contact verbs
            ("Toen Boukema belde was het al laat.", &["Boukema"]),
            ("Volgens mij zei Dekkers dat al.", &["Dekkers"]),
            ("Then Okonkwo said no.", &["Okonkwo"]),
            // kinship
            ("Mijn vrouw Roos werkt bij de marine.", &["Roos"]),
            ("My wife Hope is a nurse.", &["Hope"]),
            // sign-offs
            ("Dank voor alles. Groet, Anouk", &["Anouk"]),
            ("Zie bijlage.\nMvg,\nP. Bakker", &["P. Bakker"]),
            ("Thanks for the reply.\nRegards,\nTom", &["Tom"]),
            (
                "Met vriendelijke groet,\nJ.W. de Boer-Smit",
                &["J.W. de Boer-Smit"],
            ),
            ("Groetjes, fatima", &["fatima"]),
            ("Cheers, Liam", &["Liam"]),
            // bank transfers
            ("Graag naar NL00 t.n.v. A. Hiemstra.", &["A. Hiemstra"]),
            // a first name that is also a verb
            ("Vraag naar ing. Said El Idrissi.", &["Said El Idrissi"]),
            ("He said no.", &[]),
        ];
        let failed: Vec<String> = cases
            .iter()
            .filter(|(text, want)| names(text) != *want)
            .map(|(text, want)| format!("{text}: got {:?}, want {want:?}", names(text)))
            .collect();
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    fn never_panics_on_odd_text() {
        // A deterministic walk over awkward characters: multi-byte letters, apostrophes,
        // dots, hyphens, digits, emoji, line breaks, at every position.
        let alphabet: Vec<char> = "aZ J.P'’s-van de Ş ğ ı é 9 @#/_\n,.!? 😀 t.n.v. Mvg,\n"
            .chars()
            .collect();
        let mut seed: u64 = 0x1234_5678;
        for len in 0..400 {
            let mut text = String::new();
            for _ in 0..len {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let _ = names(&text);
            let ctx = ScanCtx::new(&text, KindSet::all(), LangSet { nl: true, en: true });
            let mut hits = Vec::new();
            super::super::location::detect(&ctx, &mut hits);
            for h in hits {
                assert!(text.is_char_boundary(h.finding.span.start));
                assert!(text.is_char_boundary(h.finding.span.end));
            }
        }
    }

    #[test]
    fn look_alikes_are_not_persons() {
        let cases: &[&str] = &[
            // sentence-start words and ordinary nouns that are also names
            "Hoop doet leven.",
            "Roos is een mooie bloem.",
            "Ik ga naar de bakker om brood.",
            "Will you help me?",
            // places and organisations
            "Groetjes uit Zwolle",
            "Dank aan Defensie en Rijksoverheid.",
            "Typisch Den Haag weer.",
            "Ik zag het bij de NOS en op Twitter.",
            // handles, hashtags, emails, urls
            "Stuur het naar @AnoukBakker of #JanDeVries",
            "Mail naar anouk.bakker@example.nl",
            "Zie https://x.com/janjansen/status/1",
            // capitalised unknown words without cue
            "Het F35 Programma loopt door.",
            "The Royal Netherlands Army posted this.",
            // words that are also names follow context
            "De bakker was dicht.",
            "Mees en merel zitten in de tuin.",
            "Er is weer Hoop voor de veteranen.",
            "Ik ga naar de bakker en de slager.",
            // government organisations and own accounts
            "Defensie zei dat het klopt.",
            "Volgens Rijksoverheid is dat zo.",
            "Bedankt @DefensieNL voor de info.",
            // months, brands and diseases
            "since 22 Jan 2022 nothing happened",
            "Inloggen met DigiD lukt niet.",
            "Ze heeft Parkinson en kan niet meer alleen.",
            // places with a cue are places, not persons
            "Ik woon in Haarlem.",
            "Typisch Den Haag weer.",
            "Wij zijn verhuisd naar Bergen op Zoom.",
            // streets and postcodes
            "We live at Lindenlaan 30, 3905 HD Amsterdam.",
        ];
        let failed: Vec<String> = cases
            .iter()
            .filter(|text| !names(text).is_empty())
            .map(|text| format!("{text}: got {:?}", names(text)))
            .collect();
        assert!(failed.is_empty(), "{failed:#?}");
    }
}

/// The engine's learned terms (author names from the export) reach names the lexicon
/// does not know, and identifiers win overlaps with names.
#[cfg(test)]
mod engine_tests {
    use crate::{Engine, Kind};

    fn persons(engine: &Engine, text: &str) -> Vec<String> {
        engine
            .scan(text)
            .iter()
            .filter(|f| f.kind == Kind::Person)
            .map(|f| text[f.span.range()].to_string())
            .collect()
    }

    #[test]
    fn learned_terms_find_unknown_names() {
        let text = "ik las het bij xqorvo zwiepkens vanmorgen";
        let plain = Engine::new();
        assert!(persons(&plain, text).is_empty());
        let learned = Engine::builder()
            .terms(Kind::Person, ["Xqorvo Zwiepkens"])
            .build();
        assert_eq!(persons(&learned, text), ["xqorvo zwiepkens"]);
    }

    #[test]
    fn places_are_locations_not_persons() {
        let engine = Engine::new();
        let found = engine.scan("Ik woon in Haarlem sinds 2010.");
        assert!(found.iter().all(|f| f.kind != Kind::Person));
        assert!(found.iter().any(|f| f.kind == Kind::Location));
    }
}

/// Throughput of the names and places passes (release build):
/// `cargo test --release --lib names_throughput -- --ignored --nocapture`.
#[cfg(test)]
mod perf {
    use super::*;
    use crate::engine::LangSet;
    use crate::KindSet;
    use std::time::Instant;

    #[test]
    #[ignore]
    fn names_throughput() {
        let lines = [
            "Wat een onzin weer, het kabinet moet gewoon aftreden want dit is niet normaal.",
            "Ik heb gisteren met Anouk de Vries gebeld over de keuring van mijn zoon.",
            "Groetjes uit Zwolle en bedankt voor alle hulp van de mannen en vrouwen!",
            "Mijn vader was zelf marinier en wil heel graag naar de open dag komen.",
            "Waarom duurt het zo lang voordat er iets gebeurt met de aanvraag? Mvg,\nP. Bakker",
            "Volgens mij heeft Mohammed El Amrani gelijk, hij schreef precies hetzelfde.",
            "The open day was great, thanks to Captain Hargreaves and the whole team!",
            "ik woon al jaren in amsterdam en de container is al twee weken niet geleegd",
            "Dank aan kpl. Yılmaz en de mannen en vrouwen van 13 Lichte Brigade voor de inzet.",
            "Het F35 programma kost veel te veel geld terwijl de kazernes lekken. #Defensie",
        ];
        let mut text = String::new();
        let mut n = 0;
        while text.len() < 4_000_000 {
            text.push_str(lines[n % lines.len()]);
            text.push_str(if n % 3 == 0 { "\n" } else { " " });
            n += 1;
        }
        let kinds = KindSet::all();
        let langs = LangSet { nl: true, en: true };
        let mut hits = Vec::new();
        // Warm up the lexicon, then time both passes over shared words, and words alone.
        detect(&ScanCtx::new(&text, kinds, langs), &mut hits);
        let runs = 10;
        let words = cpu_seconds(|| {
            for _ in 0..runs {
                let ctx = ScanCtx::new(&text, kinds, langs);
                let _ = ctx.words().len();
            }
        }) / runs as f64;
        let names = cpu_seconds(|| {
            for _ in 0..runs {
                hits.clear();
                let ctx = ScanCtx::new(&text, kinds, langs);
                detect(&ctx, &mut hits);
            }
        }) / runs as f64;
        let places = cpu_seconds(|| {
            for _ in 0..runs {
                hits.clear();
                let ctx = ScanCtx::new(&text, kinds, langs);
                super::super::location::detect(&ctx, &mut hits);
            }
        }) / runs as f64;
        let mb = text.len() as f64 / 1e6;
        eprintln!(
            "{mb:.1} MB, CPU time: words {:.0} MB/s, words+names {:.0} MB/s, names alone \
             {:.0} MB/s, words+places {:.0} MB/s, places alone {:.0} MB/s",
            mb / words,
            mb / names,
            mb / (names - words),
            mb / places,
            mb / (places - words)
        );
    }

    /// CPU seconds this thread spends in `f` (wall time lies on a shared machine); Linux
    /// only, from `/proc/thread-self/stat` (clock ticks of 10 ms).
    fn cpu_seconds(f: impl FnOnce()) -> f64 {
        fn ticks() -> f64 {
            let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
            let after = stat.rsplit(')').next().unwrap_or("");
            let fields: Vec<&str> = after.split_whitespace().collect();
            let get = |i: usize| {
                fields
                    .get(i)
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            get(11) + get(12) // utime, stime
        }
        let start = ticks();
        let t = Instant::now();
        f();
        let cpu = (ticks() - start) / 100.0;
        if cpu > 0.0 {
            cpu
        } else {
            t.elapsed().as_secs_f64()
        }
    }
}
