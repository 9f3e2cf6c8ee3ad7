//! `location` detection: a place that tells where a person lives, is or comes from.
//!
//! A place counts only in such a context (DESIGN §2): after a preposition (`in`, `uit`,
//! `te`, `naar`, `from`) with a residence or whereabouts cue nearby (`ik woon in Zwolle`,
//! `groetjes uit Assen`, `born in Leeds`), or as the city of an address (`4970 VZ
//! Alkmaar`, `Dorpsstraat 3 te Deventer`). A place named in passing (`typisch Den Haag`)
//! is not a finding.
//!
//! Speed: only the few preposition words and postcodes open a candidate; the place list is
//! consulted only there.

use super::{Hit, Rule, ScanCtx};
use crate::lexicon::{flags as F, is_place, lookup};
use crate::{Finding, Kind, Span};

/// The regex rules of this family (none: the pass does it all).
pub(crate) const RULES: &[Rule] = &[];

/// Below names (a word that is both is judged there) and identifiers.
const PRIORITY: u8 = 55;

/// Words before a preposition that make the place a person's residence or whereabouts
/// (prefixes, lower case; written by us).
#[rustfmt::skip]
const RESIDENCE_CUES: &[&str] = &[
    "woon", "wonen", "gewoond", "verhuis", "geboren", "opgegroeid", "groet", "greeting",
    "kom", "kwam", "afkomstig", "zat", "zit", "gezeten", "gelegerd", "gestationeerd",
    "station", "based", "live", "living", "lived", "born", "raised", "grew", "moved",
    "moving", "erbij", "verblijf", "logeer", "vakantie", "studeer", "werk", "hier",
    "resid", "stay", "staying", "zitten", "flew", "fly", "flies", "travel", "went",
    "going", "drove", "trip", "originally", "came", "comes", "hail", "reis", "vloog",
    "verhuizen", "vertrek", "vertrok", "visit", "bezoek", "uitgezonden", "deployed",
];

/// Short words that are cues only as whole words (`ik was in`, `wij zijn in`).
const RESIDENCE_WORDS: &[&str] = &["was", "ben", "zijn", "wij", "we", "ik", "i", "am", "up"];

/// The first bytes, in either ASCII case, of every cue in [`RESIDENCE_CUES`] and
/// [`RESIDENCE_WORDS`].
const CUE_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let lists = [RESIDENCE_CUES, RESIDENCE_WORDS];
    let mut l = 0;
    while l < lists.len() {
        let mut c = 0;
        while c < lists[l].len() {
            let first = lists[l][c].as_bytes()[0];
            table[first.to_ascii_lowercase() as usize] = true;
            table[first.to_ascii_uppercase() as usize] = true;
            c += 1;
        }
        l += 1;
    }
    table
};

/// The whole-text pass of this family.
pub(crate) fn detect(ctx: &ScanCtx<'_>, out: &mut Vec<Hit>) {
    let text = ctx.text;
    let words = ctx.words();
    let mut k = 0;
    while k + 1 < words.len() {
        let w = &text[words[k].range()];
        let first = w.as_bytes()[0] | 0x20;
        // Cheap pre-check on the first byte before comparing words.
        let found = match first {
            b'i' | b'u' | b't' | b'f' | b'n' | b'v' if is_preposition(w) => {
                let strong = w.eq_ignore_ascii_case("uit") || w.eq_ignore_ascii_case("te");
                let cued =
                    strong || has_cue_before(text, words, k) || after_address(text, words, k);
                if cued {
                    place_at(text, words, k + 1, false)
                } else {
                    None
                }
            }
            b'0'..=b'9' if is_postcode_end(text, words, k) => place_at(text, words, k + 1, true),
            b'0'..=b'9' if is_house_number_before_city(text, words, k) => {
                place_at(text, words, k + 1, true)
            }
            _ => None,
        };
        match found {
            Some((span, last)) => {
                out.push(Hit {
                    finding: Finding::new(span, Kind::Location, 0.8, "location.context"),
                    priority: PRIORITY,
                });
                k = last + 1;
            }
            None => k += 1,
        }
    }
}

fn is_preposition(w: &str) -> bool {
    [
        "in", "uit", "te", "naar", "from", "van", "near", "nabij", "to",
    ]
    .iter()
    .any(|p| w.eq_ignore_ascii_case(p))
}

/// True when a residence cue is among the six words before word `k` on the same line.
fn has_cue_before(text: &str, words: &[Span], k: usize) -> bool {
    let from = k.saturating_sub(6);
    for j in (from..k).rev() {
        if text[words[j].end..words[j + 1].start].contains('\n') {
            return false;
        }
        let w = text[words[j].range()].as_bytes();
        // Most words start with a letter no cue starts with: skip the list walks.
        if !w.first().is_some_and(|&b| CUE_FIRST_BYTES[usize::from(b)]) {
            continue;
        }
        let prefix = RESIDENCE_CUES
            .iter()
            .any(|c| w.len() >= c.len() && w[..c.len()].eq_ignore_ascii_case(c.as_bytes()));
        if prefix
            || RESIDENCE_WORDS
                .iter()
                .any(|c| w.eq_ignore_ascii_case(c.as_bytes()))
        {
            return true;
        }
    }
    false
}

/// `Dorpsstraat 12 in Zwolle`, `Kerkweg 3a te Assen`: a street and house number before
/// the preposition.
fn after_address(text: &str, words: &[Span], k: usize) -> bool {
    k > 1 && {
        let w = text[words[k - 1].range()].as_bytes();
        w[0].is_ascii_digit()
            && w.len() <= 5
            && (k.saturating_sub(4)..k - 1).any(|j| is_street(&text[words[j].range()]))
    }
}

/// Endings of street names (`Kerkstraat`, `Lindenlaan`): such a word is an address, not a
/// place.
#[rustfmt::skip]
const STREET_SUFFIXES: &[&str] = &[
    "straat", "weg", "laan", "plein", "gracht", "kade", "singel", "steeg", "dreef", "pad",
    "hof", "park", "dijk", "markt", "plantsoen", "boulevard", "erf", "wal", "voort", "ring",
    "baan",
    "street", "road", "avenue", "lane",
];

fn is_street(word: &str) -> bool {
    let b = word.as_bytes();
    STREET_SUFFIXES
        .iter()
        .any(|s| b.len() > s.len() && b[b.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes()))
}

/// Word `k` ends a Dutch postcode (`4970 VZ`, `3040RT`) and the city may follow.
fn is_postcode_end(text: &str, words: &[Span], k: usize) -> bool {
    let w = text[words[k].range()].as_bytes();
    let glued = w.len() == 6
        && w[..4].iter().all(u8::is_ascii_digit)
        && w[4..].iter().all(u8::is_ascii_alphabetic);
    let gap_ok = text[words[k].end..words[k + 1].start]
        .trim_matches([' ', ','])
        .is_empty();
    gap_ok && (glued || is_spaced_postcode(text, words, k + 1))
}

/// The place starting at word `s`: the longest run of up to five words in the place list,
/// or (after an address, or a capitalised word after a cue) one unknown capitalised word
/// with its hyphenated parts. Returns the span and the index of its last word.
fn place_at(text: &str, words: &[Span], s: usize, address: bool) -> Option<(Span, usize)> {
    // `4970 VZ Alkmaar`: the letters of a spaced postcode come first.
    let mut s = s;
    if address || is_spaced_postcode(text, words, s) {
        if is_spaced_postcode(text, words, s) {
            s += 1;
        }
        if s >= words.len() {
            return None;
        }
    }
    // The place follows its preposition directly: `naar. Groet` is two sentences.
    let gap = &text[words[s - 1].end..words[s].start];
    if !address && !matches!(gap.trim_start_matches(' '), "" | "'" | "’") {
        return None;
    }
    // `niks van hem`: a lower-case pronoun or adverb that is also a place name (Hem).
    if is_function_word(&text[words[s].range()]) {
        return None;
    }
    let mut best = None;
    let mut j = s;
    while j < words.len() && j < s + 5 {
        if j > s {
            let g = &text[words[j - 1].end..words[j].start];
            if !matches!(g, " " | "-" | "'" | "’") {
                break;
            }
        }
        let from = apostrophe_start(text, words[s].start);
        if is_place(&text[from..words[j].end]) {
            best = Some((Span::new(from, words[j].end), j));
        }
        j += 1;
    }
    if best.is_some() {
        return best;
    }
    // An unknown capitalised word after a strong context (`uit Ven-Zelderheide`).
    let w = &text[words[s].range()];
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest: Vec<bool> = chars.map(char::is_lowercase).collect();
    // `Zwolle`, or an all-capitals name of three letters or more (`SUND`, `ΠΑΦΟΣ`).
    // In text written all in capitals (`IN ONS BOS`) capitals say nothing.
    let shouting = text[words[s - 1].range()].chars().all(char::is_uppercase);
    let cap = first_upper
        && (rest.iter().all(|&l| l) || (rest.len() >= 2 && !shouting && rest.iter().all(|&l| !l)))
        && w.chars().all(char::is_alphabetic)
        // One letter is an initial or a marker (`[E-MAIL-1]`), not a place.
        && w.chars().nth(1).is_some();
    if !cap || lookup(w) & (F::CUE | F::TUSSEN) != 0 || is_street(w) {
        return None;
    }
    // `naar Aylinlaan 15B`: a word before a house number is a street.
    if s + 1 < words.len() && text.as_bytes()[words[s + 1].start].is_ascii_digit() {
        return None;
    }
    let mut last = s;
    while last + 1 < words.len()
        && &text[words[last].end..words[last + 1].start] == "-"
        && text[words[last + 1].range()]
            .chars()
            .all(char::is_alphabetic)
    {
        last += 1;
    }
    Some((Span::new(words[s].start, words[last].end), last))
}

/// Lower-case pronouns and adverbs that some place list also holds (`hem`, `haar`).
fn is_function_word(w: &str) -> bool {
    [
        "hem", "haar", "ons", "hun", "mij", "me", "je", "jou", "zich", "hier", "daar", "thuis",
        "huis", "him", "her", "us", "them", "home", "here", "there",
    ]
    .contains(&w)
}

/// `Harjukuja 54, SEINÄJOKI`, `Kerkstraat 5, Zwolle`: a street, a house number, a comma
/// and a capitalised word.
fn is_house_number_before_city(text: &str, words: &[Span], k: usize) -> bool {
    let w = text[words[k].range()].as_bytes();
    if w.len() > 5 || k == 0 {
        return false;
    }
    let gap = &text[words[k].end..words[k + 1].start];
    let street = &text[words[k - 1].range()];
    let next = &text[words[k + 1].range()];
    if gap != ", " {
        // A postal block: `Kerkstraat 5` or `Apt. 12` on one line, the city on the next.
        let line_break =
            gap.contains('\n') && gap.trim_matches([' ', '\t', '\n', '\r', '>']).is_empty();
        let unit = |w: &str| ["Apt", "Suite", "Unit", "Postbox"].contains(&w);
        return line_break
            && w.iter().all(u8::is_ascii_digit)
            && (is_street(street) || unit(street))
            && !unit(next)
            && next.chars().next().is_some_and(char::is_uppercase);
    }
    street.chars().next().is_some_and(char::is_uppercase)
        && street.chars().all(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_uppercase)
}

/// `4970 VZ`: word `s` holds the two letters after a four-digit word.
fn is_spaced_postcode(text: &str, words: &[Span], s: usize) -> bool {
    s > 0 && s + 1 < words.len() && {
        let d = text[words[s - 1].range()].as_bytes();
        let l = text[words[s].range()].as_bytes();
        d.len() == 4
            && d.iter().all(u8::is_ascii_digit)
            && l.len() == 2
            && &text[words[s - 1].end..words[s].start] == " "
            && (l.iter().all(u8::is_ascii_uppercase)
                || (l.iter().all(u8::is_ascii_lowercase) && lookup(&text[words[s].range()]) == 0))
    }
}

/// The start of a place name including the apostrophe of a leading `'s-` (`'s-Gravenhage`).
fn apostrophe_start(text: &str, at: usize) -> usize {
    if !text[at..].starts_with('s') {
        return at;
    }
    let before = &text[..at];
    for apo in ["'", "’"] {
        if let Some(b) = before.strip_suffix(apo) {
            return b.len();
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::LangSet;
    use crate::KindSet;

    fn places(text: &str) -> Vec<String> {
        let ctx = ScanCtx::new(text, KindSet::all(), LangSet { nl: true, en: true });
        let mut hits = Vec::new();
        detect(&ctx, &mut hits);
        hits.iter()
            .map(|h| text[h.finding.span.range()].to_string())
            .collect()
    }

    #[test]
    fn residence_and_whereabouts() {
        let cases: &[(&str, &[&str])] = &[
            // living, coming from, born
            ("Ik woon in Zwolle sinds 2010.", &["Zwolle"]),
            ("groetjes uit Assen", &["Assen"]),
            ("Wij wonen al jaren in Den Haag.", &["Den Haag"]),
            ("Ik ben geboren te Bergen op Zoom.", &["Bergen op Zoom"]),
            ("Wij zijn verhuisd naar Amersfoort.", &["Amersfoort"]),
            ("Hij komt uit 's-Hertogenbosch.", &["'s-Hertogenbosch"]),
            ("I live in Utrecht now.", &["Utrecht"]),
            ("Greetings from Leeds", &["Leeds"]),
            // lowercase and ALL CAPS
            ("ik woon in amsterdam", &["amsterdam"]),
            ("IK HEB GEWOOND IN ZWOLLE", &["ZWOLLE"]),
            // the city of an address
            ("Dorpsstraat 12 in Zwolle", &["Zwolle"]),
            ("Kerkweg 3, 4970 VZ Alkmaar", &["Alkmaar"]),
            ("Kerkweg 3, 3040RT Amersfoort", &["Amersfoort"]),
            ("Kerkweg 3, Amersfoort", &["Amersfoort"]),
            // travel and origin
            ("Mr. Smith flew to Leeds on Monday.", &["Leeds"]),
            ("I grew up in SUND.", &["SUND"]),
            // a postal block: the city on the line after the street or unit line
            ("Kerkstraat 5\nZwolle", &["Zwolle"]),
            ("Puistotie 8 Apt. 12\n  KOTKA\n  Finland", &["KOTKA"]),
            // held-out causes: departure and visit cues, a -ring street before the city
            ("Hij is vertrokken naar Estland.", &["Estland"]),
            ("Visiting my aunt in Groningen soon.", &["Groningen"]),
            ("Ik woon op de Ketelring 4 in Gouda.", &["Gouda"]),
        ];
        let failed: Vec<String> = cases
            .iter()
            .filter(|(t, want)| places(t) != *want)
            .map(|(t, want)| format!("{t}: got {:?}, want {want:?}", places(t)))
            .collect();
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    fn places_in_passing_are_not_findings() {
        let cases: &[&str] = &[
            "Typisch Den Haag weer.",
            "Het kabinet in Den Haag besluit vandaag.",
            "The meeting in London was postponed.",
            "Ik heb in Defensie vertrouwen.",
            "Ik stuur het naar Defensie.",
            "Send it to John please.",
            "Router zegt 3389, de VPN zegt nee.",
            "WIJ ZITTEN VAKER IN ONS BOS",
            // Found by the property test: an anonymised e-mail after a postcode.
            "Jan 1234 AB [E-MAIL-1]",
            "woon in X-1",
            "Team 2\nDit is mooi",
            "Kerkstraat 5\nApt. 3",
            // a pronoun that a place list also holds (Hem, Noord-Holland)
            "Hij is gestationeerd ver weg en we horen niks van hem.",
            "Wij wonen bij haar in huis.",
        ];
        let failed: Vec<String> = cases
            .iter()
            .filter(|t| !places(t).is_empty())
            .map(|t| format!("{t}: got {:?}", places(t)))
            .collect();
        assert!(failed.is_empty(), "{failed:#?}");
    }
}
