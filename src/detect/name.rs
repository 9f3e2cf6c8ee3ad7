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
use crate::lexicon::{flags as F, lookup};
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
        if f & (F::FIRST | F::SURNAME) == 0 && word.len() > 3 && word.ends_with('s') {
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
    for c in chars {
        if c.is_lowercase() {
            any_lower = true;
        } else if c.is_uppercase() {
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
    names: usize,
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
        if !may_start(&mut words, i) || is_sentence_opener(&mut words, i) {
            i += 1;
            continue;
        }
        let chain = build_chain(&mut words, i);
        match chain.and_then(|c| judge(&mut words, &c).map(|v| (c, v))) {
            Some((chain, (score, rule))) => {
                let span = Span::new(spans[chain.first].start, chain.end);
                out.push(Hit {
                    finding: Finding::new(span, Kind::Person, score, rule),
                    priority: PRIORITY,
                });
                i = chain.last + 1;
            }
            None => i += 1,
        }
    }
}

/// Cheap first test: can word `i` begin a name chain?
fn may_start(words: &mut Words<'_>, i: usize) -> bool {
    let b = words.text.as_bytes()[words.spans[i].start];
    if b.is_ascii_digit() {
        return false;
    }
    // Lower-case words start a chain only as a first name or a tussenvoegsel.
    if b.is_ascii_lowercase() {
        // Most lower-case words are ordinary words: the filter inside `lookup` answers fast.
        let f = words.flags(i);
        return f & (F::FIRST | F::TUSSEN) != 0 && f & OPAQUE == 0;
    }
    let f = words.flags(i);
    f & OPAQUE == 0 && (f & F::CUE == 0 || f & F::TUSSEN != 0)
}

/// A capitalised word that opens a sentence, is no known name and is followed by more
/// name-like words (`Toen Boukema belde`): the chain starts after it.
fn is_sentence_opener(words: &mut Words<'_>, i: usize) -> bool {
    words.shape(i) == Shape::Cap
        && words.flags(i) & (F::FIRST | F::SURNAME) == 0
        && !is_initial(words, i)
        && i + 1 < words.spans.len()
        && gap_joins(words, i)
        && at_sentence_start(words, i)
        && cue_before(words, i) == 0
}

/// True when word `i` can be a name word in a chain of the given case.
fn is_name_word(words: &mut Words<'_>, i: usize, lower: bool, upper: bool) -> bool {
    let f = words.flags(i);
    if f & (OPAQUE | F::CUE) != 0 {
        return false;
    }
    match words.shape(i) {
        Shape::Cap => !lower,
        // Without case information only the lexicon says what is a name.
        Shape::Upper => f & (F::FIRST | F::SURNAME) != 0,
        Shape::Lower => lower && f & (F::FIRST | F::SURNAME) != 0,
        Shape::Other => false,
    }
}

/// True when word `i` is an initial: `J.` or `Chr.` (a dot follows).
fn is_initial(words: &Words<'_>, i: usize) -> bool {
    let w = words.word(i);
    let dot = words.text.as_bytes().get(words.spans[i].end) == Some(&b'.');
    dot && ((w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase()) || ABBREVIATED.contains(&w))
}

/// Bare initials `JP` before a name: one to three upper-case ASCII letters.
fn is_bare_initials(words: &mut Words<'_>, i: usize) -> bool {
    let w = words.word(i);
    w.len() <= 3
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && w != "I"
        && words.flags(i) & F::CUE == 0
}

/// Builds the longest chain of name words starting at word `i`.
fn build_chain(words: &mut Words<'_>, i: usize) -> Option<Chain> {
    let n = words.spans.len();
    let mut c = Chain {
        first: i,
        ..Chain::default()
    };
    let mut j = i;
    let mut pending_tussen = 0; // tussenvoegsels not yet followed by a name
    let mut last_name = None;
    let mut case_set = false;
    loop {
        let f = words.flags(j);
        let shape = words.shape(j);
        let initial_ok = c.names == 0 && pending_tussen == 0;
        if initial_ok && is_initial(words, j) {
            c.initials += 1;
            last_name = Some(j);
        } else if initial_ok
            && c.initials == 0
            && is_bare_initials(words, j)
            && j + 1 < n
            && words.gap(j) == " "
            && words.shape(j + 1) == Shape::Cap
            && words.flags(j + 1) & (F::SURNAME | F::FIRST) != 0
        {
            c.initials += 1;
            last_name = Some(j);
        } else if f & F::TUSSEN != 0 && f & F::FIRST == 0 && j + 1 < n {
            pending_tussen += 1;
        } else {
            if !case_set {
                c.lower = shape == Shape::Lower;
                c.upper = shape == Shape::Upper;
                case_set = true;
            }
            if !is_name_word(words, j, c.lower, c.upper) {
                break;
            }
            if pending_tussen > 0 && f & F::PLACE != 0 && f & F::SURNAME == 0 {
                break; // `Anouk van Zwolle` is more likely a place after `van`.
            }
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
            }
            if f & F::PLACE != 0 {
                c.places += 1;
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
        _ => false,
    }
}

/// The end of a name ending at word `last`, with an apostrophe possessive if one follows.
fn possessive_end(words: &Words<'_>, last: usize) -> usize {
    let end = words.spans[last].end;
    let rest = &words.text[end..];
    let after_ok = |s: &str| !s.chars().next().is_some_and(char::is_alphanumeric);
    for apo in ["'s", "’s"] {
        if let Some(r) = rest.strip_prefix(apo) {
            if after_ok(r) {
                return end + apo.len();
            }
        }
    }
    let ends_in_s = words.word(last).ends_with(['s', 'x', 'z']);
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
    let p = first - 1;
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
        if f & F::STOP != 0 && p >= 2 && words.word(p - 1) == "van" {
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
        if f & F::STOP != 0 && words.word(k).len() > 1 {
            break;
        }
    }
    cue
}

/// True when word `i` opens a sentence (or a line), so its capital says nothing.
fn at_sentence_start(words: &Words<'_>, i: usize) -> bool {
    let before = words.text[..words.spans[i].start].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || matches!(c, ',' | '&' | '\'' | '’' | '-')),
    }
}

/// Decides whether a chain is a person, with a score and the rule name.
fn judge(words: &mut Words<'_>, c: &Chain) -> Option<(f32, &'static str)> {
    let before = cue_before(words, c.first);
    let after = cue_after(words, c.last);
    let strong = before & (F::TITLE | F::ROLE | F::KIN | F::SIGNOFF) != 0;
    let cued = before != 0 || after != 0;
    let known = c.known_first + c.surnames;
    // Places and organisations are not persons unless a title or role says so.
    if c.places == c.names && known == 0 && !strong {
        return None;
    }
    if c.places == c.names && c.names == 1 && before & (F::TITLE | F::ROLE) == 0 {
        return None;
    }
    let start = at_sentence_start(words, c.first) && before == 0;
    if c.lower || c.upper {
        // No case information: the lexicon must know the words.
        let ok = (c.known_first > 0 && !(c.upper && c.names == 1 && !cued))
            || (c.ambiguous_first > 0 && (c.names >= 2 || c.tussen > 0) && c.surnames > 0)
            || (c.names + c.initials >= 2 && known > 0 && cued)
            || (c.ambiguous_first + c.surnames > 0 && strong);
        return ok.then_some((0.75, "person.lexicon"));
    }
    if strong {
        return Some((0.9, "person.cue"));
    }
    if c.initials > 0 {
        return Some((0.85, "person.initials"));
    }
    let unknown = c.names - (c.known_first + c.ambiguous_first + c.surnames).min(c.names);
    if c.known_first > 0 && unknown < 2 {
        return Some((0.85, "person.first_name"));
    }
    if c.names >= 2 && c.ambiguous_first > 0 {
        return Some((0.8, "person.full_name"));
    }
    if c.tussen > 0 && c.surnames > 0 {
        return Some((0.8, "person.surname"));
    }
    if cued && !(c.tussen > 0 && known == 0 && c.ambiguous_first == 0) {
        return Some((0.7, "person.cue"));
    }
    if !start && c.names == 1 && c.tussen == 0 && (c.surnames > 0 || c.ambiguous_first > 0) {
        return Some((0.7, "person.proper_noun"));
    }
    None
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
        hits.iter()
            .map(|h| text[h.finding.span.range()].to_string())
            .collect()
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
            // lowercase and ALL CAPS with context
            ("ik heb jan de vries gebeld", &["jan de vries"]),
            ("mijn zoon daan is soldaat", &["daan"]),
            ("IK HEB ANOUK BAKKER GEBELD", &["ANOUK BAKKER"]),
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
        ];
        let failed: Vec<String> = cases
            .iter()
            .filter(|(text, want)| names(text) != *want)
            .map(|(text, want)| format!("{text}: got {:?}, want {want:?}", names(text)))
            .collect();
        assert!(failed.is_empty(), "{failed:#?}");
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
        ];
        let failed: Vec<String> = cases
            .iter()
            .filter(|text| !names(text).is_empty())
            .map(|text| format!("{text}: got {:?}", names(text)))
            .collect();
        assert!(failed.is_empty(), "{failed:#?}");
    }
}
