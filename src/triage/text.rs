//! Cutting a reaction into the pieces the triage cues look at: text outside URLs and
//! quotations, sentences with their closing punctuation, and lower-cased words.
//!
//! Question marks inside a URL (`?id=3`) or a quotation (`hij zei "waarom?"`) are not the
//! writer's own question, so they are blanked before anything else looks at the text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the phrase index is looked up once per word per list, and its keys are short
/// fixed words, so a cheap hash beats the default DoS-resistant one.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The text with URLs and quoted passages replaced by spaces (same byte length, so
/// nothing downstream has to map offsets back).
pub(crate) fn blank_urls_and_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let skip = url_len(rest).or_else(|| quote_len(rest));
        match skip {
            Some(len) => {
                out.extend(std::iter::repeat_n(' ', len));
                rest = &rest[len..];
            }
            None => {
                // Copy up to the next character; `chars().next()` keeps us on a boundary.
                let Some(c) = rest.chars().next() else { break };
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// Byte length of a URL starting right here (`https://`, `http://`, `www.`), up to the
/// next white space. A URL must start at a word boundary, which the caller's scan
/// guarantees only loosely; a false start costs nothing but a blanked word.
fn url_len(s: &str) -> Option<usize> {
    // Case-insensitive on ASCII bytes, no allocation: this runs at every character.
    let starts = |prefix: &str| {
        s.as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if starts("http://") || starts("https://") || starts("www.") {
        Some(s.find(char::is_whitespace).unwrap_or(s.len()))
    } else {
        None
    }
}

/// Byte length of a quotation starting here: a pair of straight double quotes or of the
/// typographic quotes on one line, at most 200 bytes. ASCII single quotes are left alone:
/// Dutch uses them as apostrophes (`'s avonds`, `zo'n`, `foto's`).
fn quote_len(s: &str) -> Option<usize> {
    let open = s.chars().next()?;
    let close = match open {
        '"' => '"',
        '“' | '„' => '”',
        '«' => '»',
        '‘' => '’',
        _ => return None,
    };
    let body = &s[open.len_utf8()..];
    let end = body.find(|c: char| c == close || c == '\n' || (open == '„' && c == '“'))?;
    let closing = body[end..].chars().next()?;
    if closing == '\n' || end > 200 {
        return None;
    }
    Some(open.len_utf8() + end + closing.len_utf8())
}

/// One sentence: its text (without the closing punctuation) and that punctuation run,
/// e.g. `"?!"`, `"..."` or `""` at the end of the text or before a line break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub end: &'a str,
}

impl Sentence<'_> {
    /// Closes with a question mark (`?`, `??`, `?!`...).
    pub fn asks(&self) -> bool {
        self.end.contains('?')
    }

    /// Closes with both `?` and `!`: the indignant `?!` of rhetoric.
    pub fn indignant(&self) -> bool {
        self.end.contains('?') && self.end.contains('!')
    }

    /// Closes with `!` only.
    pub fn exclaims(&self) -> bool {
        self.end.contains('!') && !self.end.contains('?')
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '\n' | '¿' | '¡' | '‽')
}

/// Splits (blanked) text into sentences at runs of `.`, `!`, `?`, `…` and line breaks.
/// A `.` between digits or letters without a following space (`3.5`, `t.a.v.`) does not
/// end a sentence. Empty sentences are dropped.
pub(crate) fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_sentence_end(c) {
            continue;
        }
        // `3.5`, `t.a.v.`, `nr.12`: a dot followed directly by a letter or digit.
        if c == '.' {
            if let Some(&(_, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    continue;
                }
            }
        }
        let mut end = i + c.len_utf8();
        // Swallow the whole run, spaces inside it too (`? !`).
        while let Some(&(j, next)) = chars.peek() {
            if is_sentence_end(next) || (next == ' ' && run_continues(&text[j..])) {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        push_sentence(&mut out, &text[start..i], &text[i..end]);
        start = end;
    }
    push_sentence(&mut out, &text[start..], "");
    out
}

/// After a space: does the punctuation run go on (`? !`, `?? ?`)?
fn run_continues(s: &str) -> bool {
    s.trim_start_matches(' ')
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '!' | '?'))
}

fn push_sentence<'a>(out: &mut Vec<Sentence<'a>>, text: &'a str, end: &'a str) {
    let trimmed = text.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(Sentence {
            text: trimmed,
            end: end.trim(),
        });
    } else if let Some(last) = out.last_mut() {
        // `Echt ?? !!` : a lone run after a sentence belongs to it.
        if !end.trim().is_empty() && last.end.len() < 8 {
            last.end = end.trim();
        }
    }
}

/// A reaction's text cut once for both detectors (question and burgerbrief): its
/// sentences, with URLs and quotations blanked, and each sentence's [`words`].
pub(crate) struct Cut<'a> {
    /// The sentences, in order.
    pub sentences: Vec<Sentence<'a>>,
    /// The words of each sentence (same index).
    pub words: Vec<Vec<String>>,
}

impl<'a> Cut<'a> {
    /// Cuts a text already passed through [`blank_urls_and_quotes`].
    pub fn new(blanked: &'a str) -> Cut<'a> {
        let sentences = sentences(blanked);
        let words = sentences.iter().map(|s| words(s.text)).collect();
        Cut { sentences, words }
    }
}

/// Lower-cased words of a sentence, in order: letters, digits, `-` and `'` inside a
/// word (`Woo-verzoek`, `zo'n`). @mentions, #hashtags and emoji are left out: they
/// address or tag, they do not carry the grammar of the sentence.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || is_word_separator(c)) {
        if raw.starts_with('@') || raw.starts_with('#') {
            continue;
        }
        if let Some(word) = lower_word(raw) {
            out.push(word);
        }
    }
    out
}

/// One raw piece as a lower-cased word, trimmed of punctuation; `None` when no letter or
/// digit is left. ASCII (nearly every word) takes the cheap path.
fn lower_word(raw: &str) -> Option<String> {
    let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() {
        return None;
    }
    let word: String = if trimmed.is_ascii() {
        trimmed.to_ascii_lowercase()
    } else {
        trimmed.chars().flat_map(char::to_lowercase).collect()
    };
    word.chars().any(char::is_alphanumeric).then_some(word)
}

/// Clause starts in a [`words`] list: index 0, and every word after a comma, `;`, `:`, a
/// dash, or a coordinating conjunction (`Mooi, maar waar kan ik...`, `Vraag aan
/// @DefensieNL: geldt dit...`). Cuts the sentence exactly as [`words`] does, so the
/// indices line up.
pub(crate) fn clause_starts(sentence: &str) -> Vec<usize> {
    starts_after(sentence, &[',', ';', ':'], true)
}

/// Starts of independent clauses only: after `:`, `;` or a dash. After a comma the verb
/// may come first in a plain statement (`Als het regent, gaat de dag niet door`), so
/// verb-first inversion is only looked for at these starts.
pub(crate) fn main_clause_starts(sentence: &str) -> Vec<usize> {
    starts_after(sentence, &[';', ':'], false)
}

fn starts_after(sentence: &str, breaks: &[char], conjunctions: bool) -> Vec<usize> {
    let mut starts = vec![0];
    let mut index = 0;
    let mut pending = false;
    for piece in sentence.split_inclusive(|c: char| c.is_whitespace() || is_word_separator(c)) {
        let (raw, separator) = match piece.chars().last() {
            Some(c) if c.is_whitespace() || is_word_separator(c) => {
                (&piece[..piece.len() - c.len_utf8()], Some(c))
            }
            _ => (piece, None),
        };
        if matches!(raw, "-" | "–" | "—") {
            pending = true;
        } else if !raw.starts_with('@') && !raw.starts_with('#') {
            // Same test as `lower_word`, without building the word: only the conjunction
            // check needs it, and the conjunctions are ASCII.
            let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if trimmed
                .chars()
                .flat_map(char::to_lowercase)
                .any(char::is_alphanumeric)
            {
                if pending && index > 0 {
                    starts.push(index);
                }
                pending = conjunctions
                    && CONJUNCTIONS
                        .iter()
                        .any(|conjunction| trimmed.eq_ignore_ascii_case(conjunction));
                index += 1;
            }
        }
        if separator.is_some_and(|c| breaks.contains(&c)) || raw.ends_with(breaks) {
            pending = true;
        }
    }
    starts
}

fn is_word_separator(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '/' | '"' | '“' | '”' | '„')
}

/// Words after which a new clause starts: `en`, `maar`, `of`, `dus`, `but`, `and`, `so`.
const CONJUNCTIONS: &[&str] = &["en", "maar", "of", "dus", "want", "but", "and", "so", "or"];

/// Mostly capital letters: at least 8 letters, 70% or more upper case. Shouting and
/// sarcasm (`GOED BEZIG WEER`), not a single acronym (`AOW`, `NAVO`).
pub(crate) fn shouting(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut total) = (0usize, 0usize);
    for c in letters {
        total += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    total >= 8 && upper * 10 >= total * 7
}

/// A phrase list indexed by its first word, built once: asking "does any of these
/// phrases occur?" then costs one lookup per word instead of a scan per phrase.
pub(crate) struct Phrases {
    list: Vec<&'static str>,
    /// Indices of phrases by their literal first word.
    by_first: FnvMap<&'static str, Vec<usize>>,
    /// Indices of phrases whose first word is a prefix (`verzin*`) or `_`: tried everywhere.
    open: Vec<usize>,
}

impl Phrases {
    /// Indexes `list` (same phrase syntax as [`find_phrase`]).
    pub fn new(list: impl IntoIterator<Item = &'static str>) -> Phrases {
        let list: Vec<&'static str> = list.into_iter().collect();
        let mut by_first: FnvMap<&'static str, Vec<usize>> = FnvMap::default();
        let mut open = Vec::new();
        for (index, phrase) in list.iter().enumerate() {
            let first = phrase.split(' ').next().unwrap_or("");
            if first == "_" || first.ends_with('*') {
                open.push(index);
            } else {
                by_first.entry(first).or_default().push(index);
            }
        }
        Phrases {
            list,
            by_first,
            open,
        }
    }

    /// The phrases starting at word `at`, as list indices (unordered).
    fn starting_at<'a>(
        &'a self,
        words: &'a [String],
        at: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let literal = self
            .by_first
            .get(words[at].as_str())
            .map_or(&[][..], Vec::as_slice);
        literal
            .iter()
            .chain(&self.open)
            .copied()
            .filter(move |&index| matches_at(words, at, self.list[index]))
    }

    /// Does any phrase of the list occur in `words`? Same as `has_phrase` on each.
    pub fn any_in(&self, words: &[String]) -> bool {
        (0..words.len()).any(|at| self.starting_at(words, at).next().is_some())
    }

    /// For each phrase of the list (in list order): does it occur in `words`?
    pub fn found_in(&self, words: &[String]) -> Vec<bool> {
        let mut found = vec![false; self.list.len()];
        for at in 0..words.len() {
            for index in self.starting_at(words, at) {
                found[index] = true;
            }
        }
        found
    }

    /// Does one word match any single-word pattern of the list?
    pub fn matches_word(&self, word: &str) -> bool {
        // `word_matches` on the whole entry: a multi-word entry (`hoe laat`) never matches.
        let literal = self.by_first.get(word).map_or(&[][..], Vec::as_slice);
        literal
            .iter()
            .chain(&self.open)
            .any(|&index| word_matches(self.list[index], word))
    }
}

/// Does `phrase` match the words starting at `at` (all of its words inside the list)?
fn matches_at(words: &[String], at: usize, phrase: &str) -> bool {
    let len = phrase.bytes().filter(|&b| b == b' ').count() + 1;
    len <= words.len() - at
        && phrase
            .split(' ')
            .zip(&words[at..])
            .all(|(p, w)| word_matches(p, w))
}

/// Does the word list contain `phrase` (space-separated words) as consecutive words?
pub(crate) fn has_phrase(words: &[String], phrase: &str) -> bool {
    find_phrase(words, phrase).is_some()
}

/// Index of the first occurrence of `phrase` in the word list. A phrase word ending in
/// `*` matches any word with that prefix (`verzin*`).
pub(crate) fn find_phrase(words: &[String], phrase: &str) -> Option<usize> {
    // No allocation and no splitting per position: this runs for every phrase list entry
    // on every sentence, so the first pattern word filters positions before the rest of
    // the phrase is split at all.
    let len = phrase.bytes().filter(|&b| b == b' ').count() + 1;
    if len > words.len() {
        return None;
    }
    let (first, rest) = match phrase.split_once(' ') {
        Some((first, rest)) => (first, Some(rest)),
        None => (phrase, None),
    };
    (0..=words.len() - len).find(|&i| {
        word_matches(first, &words[i])
            && rest.is_none_or(|rest| {
                rest.split(' ')
                    .zip(&words[i + 1..])
                    .all(|(p, w)| word_matches(p, w))
            })
    })
}

/// One pattern word against one text word; `*` at the end matches a prefix, `_` matches
/// any one word (`stel ik _ aansprakelijk`).
pub(crate) fn word_matches(pattern: &str, word: &str) -> bool {
    let (pattern, word) = (pattern.as_bytes(), word.as_bytes());
    match pattern {
        b"_" => true,
        [prefix @ .., b'*'] => word.starts_with(prefix),
        // Length and first byte first: most comparisons fail there, without a memcmp call.
        _ => pattern.len() == word.len() && pattern.first() == word.first() && pattern == word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_question_marks_in_urls_and_quotes() {
        let cases = [
            // URL query strings are not questions.
            ("zie https://defensie.nl/a?b=1 nu", false),
            ("kijk op www.site.nl/?x ok", false),
            // A quoted question is someone else's.
            ("hij vroeg \"waarom?\" en liep weg", false),
            ("zij riep „echt?” en lachte", false),
            // The writer's own question stays.
            ("waarom? zie https://x.nl", true),
            // An unclosed quote is not a quotation.
            ("zo'n \"ding? echt", true),
        ];
        for (text, keeps_mark) in cases {
            let blanked = blank_urls_and_quotes(text);
            assert_eq!(blanked.len(), text.len(), "{text}");
            assert_eq!(blanked.contains('?'), keeps_mark, "{text} -> {blanked}");
        }
    }

    #[test]
    fn splits_sentences_with_their_punctuation() {
        let s = sentences("Mooi! Maar waarom nu?! Bedrag is 3.5 mln… ok");
        let got: Vec<(&str, &str)> = s.iter().map(|s| (s.text, s.end)).collect();
        assert_eq!(
            got,
            vec![
                ("Mooi", "!"),
                ("Maar waarom nu", "?!"),
                ("Bedrag is 3.5 mln", "…"),
                ("ok", "")
            ]
        );
        // Spaced runs stay one run; punctuation-only input has no sentence.
        assert_eq!(sentences("Echt ? !")[0].end, "? !");
        assert!(sentences("?!?").is_empty());
        assert!(sentences("").is_empty());
    }

    #[test]
    fn words_skip_mentions_hashtags_and_emoji() {
        assert_eq!(
            words("@DefensieNL Kunnen jullie #veteranendag 👍 zo'n Woo-verzoek?"),
            vec!["kunnen", "jullie", "zo'n", "woo-verzoek"]
        );
    }

    #[test]
    fn clause_starts_after_commas_and_conjunctions() {
        assert_eq!(
            clause_starts("Mooi filmpje, maar waar kan ik"),
            vec![0, 2, 3]
        );
        assert_eq!(clause_starts("@x wie weet"), vec![0]);
        // After a mention with a colon, after a dash, and without a space after the comma.
        assert_eq!(clause_starts("Vraag aan @Defensie: geldt dit"), vec![0, 2]);
        assert_eq!(clause_starts("Zie link - staat daar"), vec![0, 2]);
        assert_eq!(clause_starts("Mooi,waar kan"), vec![0, 1]);
        // Main clauses: not after commas or conjunctions.
        assert_eq!(main_clause_starts("Als het regent, gaat de dag"), vec![0]);
        assert_eq!(main_clause_starts("Vraag: geldt dit en is het"), vec![0, 1]);
    }

    #[test]
    fn shouting_needs_many_capitals() {
        let cases = [
            ("GOED BEZIG WEER", true),
            ("WAT EEN ONZIN dit", true),
            ("De AOW en de NAVO", false),
            ("OK", false),
        ];
        for (text, want) in cases {
            assert_eq!(shouting(text), want, "{text}");
        }
    }

    #[test]
    fn phrases_match_whole_words_and_prefixes() {
        let w = words("Wie verzint dit nou weer");
        assert!(has_phrase(&w, "wie verzint"));
        assert!(has_phrase(&w, "wie verzin*"));
        assert!(!has_phrase(&w, "wie verzin"));
        assert!(!has_phrase(&w, "dit nou weer eens"));
        assert!(has_phrase(&w, "wie _ dit"));
        assert!(!has_phrase(&w, "wie _ _ dit"));
    }
}
