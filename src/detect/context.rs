//! Context helpers shared by validators: boundaries (the look-arounds `regex` lacks) and
//! cue words near a candidate.

/// The character just before byte offset `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character at byte offset `at`, if any.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// True when `c` would continue a word (letter, digit, underscore).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when neither the character before `start` nor the one at `end` continues a word.
pub(crate) fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    !char_before(text, start).is_some_and(is_word_char)
        && !char_at(text, end).is_some_and(is_word_char)
}

/// Lower-cased words (letters and digits) ending before byte `at`, nearest first, at most `n`.
pub(crate) fn words_before(text: &str, at: usize, n: usize) -> impl Iterator<Item = String> + '_ {
    // Look at a bounded window so a cue search never costs more than the window.
    let from = floor_char_boundary(text, at.saturating_sub(n * 24));
    text[from..at]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
}

/// Lower-cased words starting at byte `at`, nearest first, at most `n`.
pub(crate) fn words_after(text: &str, at: usize, n: usize) -> impl Iterator<Item = String> + '_ {
    let to = ceil_char_boundary(text, at.saturating_add(n * 24));
    text[at..to]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
}

/// True when one of the lower-case `cues` (single words or word prefixes ending in `*`) is
/// among the `n` words before `at`.
pub(crate) fn cue_before(text: &str, at: usize, n: usize, cues: &[&str]) -> bool {
    words_before(text, at, n).any(|w| matches_cue(&w, cues))
}

/// True when one of the lower-case `cues` is among the `n` words after `at`.
pub(crate) fn cue_after(text: &str, at: usize, n: usize, cues: &[&str]) -> bool {
    words_after(text, at, n).any(|w| matches_cue(&w, cues))
}

fn matches_cue(word: &str, cues: &[&str]) -> bool {
    cues.iter().any(|cue| match cue.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == *cue,
    })
}

/// The largest char boundary at or below `i` (stable `str::floor_char_boundary` stand-in).
pub(crate) fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i`.
pub(crate) fn ceil_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        let t = "aé1 x";
        assert_eq!(char_before(t, 3), Some('é'));
        assert!(is_word_bounded(t, 5, 6)); // "x": a space before, the end after
        assert!(is_word_bounded(t, 0, 4)); // "aé1"
        assert!(!is_word_bounded(t, 1, 4)); // 'a' before
        assert!(!is_word_bounded(t, 0, 3)); // '1' after
    }

    #[test]
    fn cues() {
        let t = "Mijn BSN is: 123456782, geboren op 1-2-1990";
        let at = t.find("123").unwrap();
        assert!(cue_before(t, at, 3, &["bsn"]));
        assert!(!cue_before(t, at, 1, &["bsn"]));
        let d = t.find("1-2").unwrap();
        assert!(cue_before(t, d, 2, &["geb*"]));
        assert!(cue_after(t, 0, 2, &["bsn"]));
    }

    #[test]
    fn windows_respect_char_boundaries() {
        let t = "ééééééééééééééééééééééééééééé x";
        assert_eq!(words_before(t, t.len(), 2).count(), 2);
        assert!(words_after(t, 0, 1).next().is_some());
    }
}
