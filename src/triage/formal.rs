//! Step 3 of the tree: is the reaction a burgerbrief, a formal message that starts a
//! procedure (bezwaar, aanvraag, klacht, Woo-verzoek, ingebrekestelling, zienswijze,
//! beroep, aansprakelijkstelling)?
//!
//! A formal act is recognised by what the writer *does* with it, not by the topic: `Hierbij
//! maak ik bezwaar` and `Ik dien een klacht in` are acts; `Hoe maak ik bezwaar?` and
//! `Wanneer wordt mijn aanvraag behandeld?` are plain questions about a procedure and are
//! archived as questions. Letter structure (`Geachte`, `Met vriendelijke groet`, a case or
//! file number, a request for a decision) adds weight but is not an act by itself.

use super::text::{self, Phrases};
use std::sync::OnceLock;

/// The score at and above which the reaction is a burgerbrief.
pub(crate) const THRESHOLD: f32 = 0.5;

/// What step 3 found: a score in 0..=1 and the strongest cue.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Assessment {
    pub score: f32,
    pub cue: Option<&'static str>,
}

/// Performative phrases (weight 0.6: saying them is the formal act, enough by itself)
/// and the names of formal documents (weight 0.35: `Hoe dien ik een Woo-verzoek in?` only
/// names one; with any letter structure or a second cue it becomes a burgerbrief).
const ACTS: &[(&str, &str, f32)] = &[
    ("maak ik bezwaar", "bezwaar", 0.6),
    ("ik maak bezwaar", "bezwaar", 0.6),
    ("maak hierbij bezwaar", "bezwaar", 0.6),
    ("teken ik bezwaar", "bezwaar", 0.6),
    ("ik teken bezwaar", "bezwaar", 0.6),
    ("teken hierbij bezwaar", "bezwaar", 0.6),
    ("bezwaar aan tegen", "bezwaar", 0.6),
    ("dien ik bezwaar", "bezwaar", 0.6),
    ("ik dien bezwaar", "bezwaar", 0.6),
    ("bezwaarschrift", "bezwaar", 0.35),
    ("formeel bezwaar", "bezwaar", 0.35),
    ("formele klacht", "klacht", 0.35),
    ("ik dien een klacht in", "klacht", 0.6),
    ("dien ik een klacht in", "klacht", 0.6),
    ("dien hierbij een klacht in", "klacht", 0.6),
    ("dien ik hierbij een klacht", "klacht", 0.6),
    ("ik dien hierbij een", "klacht", 0.6),
    ("klacht in tegen", "klacht", 0.6),
    ("dit is een officiële klacht", "klacht", 0.6),
    ("officiële klacht", "klacht", 0.35),
    ("woo-verzoek", "Woo-verzoek", 0.35),
    ("wob-verzoek", "Woo-verzoek", 0.35),
    ("woo verzoek", "Woo-verzoek", 0.35),
    ("wet open overheid", "Woo-verzoek", 0.35),
    ("verzoek op grond van", "verzoek", 0.35),
    ("ingebrekestelling", "ingebrekestelling", 0.35),
    ("stel ik u in gebreke", "ingebrekestelling", 0.6),
    ("stel u hierbij in gebreke", "ingebrekestelling", 0.6),
    ("ik stel u in gebreke", "ingebrekestelling", 0.6),
    ("in gebreke gesteld", "ingebrekestelling", 0.6),
    ("zienswijze", "zienswijze", 0.35),
    ("stel ik beroep in", "beroep", 0.6),
    ("ik ga in beroep", "beroep", 0.6),
    ("tekenen beroep aan", "beroep", 0.6),
    ("teken ik beroep", "beroep", 0.6),
    // `_` is any one word: `stel ik Defensie aansprakelijk`, `ik stel de gemeente ...`.
    ("stel ik _ aansprakelijk", "aansprakelijkstelling", 0.6),
    ("stel ik _ _ aansprakelijk", "aansprakelijkstelling", 0.6),
    ("ik stel _ aansprakelijk", "aansprakelijkstelling", 0.6),
    ("ik stel _ _ aansprakelijk", "aansprakelijkstelling", 0.6),
    ("stel u aansprakelijk", "aansprakelijkstelling", 0.6),
    ("aansprakelijkstelling", "aansprakelijkstelling", 0.35),
    ("verzoek ik u", "verzoek", 0.6),
    ("verzoeken wij u", "verzoek", 0.6),
    ("wij verzoeken u", "verzoek", 0.6),
    ("verzoeken u", "verzoek", 0.6),
    ("ik verzoek u", "verzoek", 0.6),
    ("verzoek u hierbij", "verzoek", 0.6),
    ("hierbij verzoek ik", "verzoek", 0.6),
    ("dien ik een aanvraag in", "aanvraag", 0.6),
    ("ik dien een aanvraag in", "aanvraag", 0.6),
    ("ik vraag hierbij", "aanvraag", 0.6),
    ("vraag ik hierbij", "aanvraag", 0.6),
    ("hierbij vraag ik", "aanvraag", 0.6),
    ("verzoek om schadevergoeding", "verzoek", 0.6),
    ("i hereby", "formal request", 0.6),
    ("formal complaint", "klacht", 0.6),
    ("i formally object", "bezwaar", 0.6),
    ("freedom of information request", "Woo-verzoek", 0.35),
    ("foi request", "Woo-verzoek", 0.35),
    ("notice of default", "ingebrekestelling", 0.35),
    ("i hold you liable", "aansprakelijkstelling", 0.6),
    ("i file an appeal", "beroep", 0.6),
];

/// Adverbs skipped when matching act phrases.
const ACT_FILLERS: &[&str] = &[
    "formeel",
    "officieel",
    "nogmaals",
    "hiermee",
    "dus",
    "graag",
    "ook",
    "wel",
    "hereby",
];

/// Sentence openers that make an act phrase a question about the act.
const ASKING_OPENERS: &[&str] = &[
    "hoe", "waar", "wanneer", "kan", "kun", "moet", "mag", "wie", "waarom", "how", "where", "can",
    "should", "when",
];

/// Letter structure and procedural language. Weight 0.25 each, counted once per phrase.
const STRUCTURE: &[&str] = &[
    "geachte",
    "met vriendelijke groet",
    "met vriendelijke groeten",
    "hoogachtend",
    "kenmerk",
    "zaaknummer",
    "dossiernummer",
    "referentienummer",
    "ons kenmerk",
    "uw kenmerk",
    "uw brief van",
    "onderwerp",
    "hierbij",
    "bij deze",
    "artikel",
    "awb",
    "algemene wet bestuursrecht",
    "beschikking",
    "besluit van",
    "het besluit",
    "uw besluit",
    "wettelijke termijn",
    "binnen de termijn",
    "dwangsom",
    "ontvangstbevestiging",
    "schadevergoeding",
    "een besluit te nemen",
    "een besluit neemt",
    "schriftelijk",
    "schriftelijke reactie",
    "schriftelijke bevestiging",
    "bevestiging van ontvangst",
    "gronden",
    "de gronden",
    "openbaarmaking",
    "alle stukken",
    "alle documenten",
    "namens",
    "ondergetekende",
    "t.a.v",
    "betreft",
    "dear sir",
    "dear madam",
    "yours sincerely",
    "yours faithfully",
    "reference number",
    "case number",
    "within the statutory",
    "pursuant to",
    "kind regards",
    "mvg",
    "mvrgr",
];

/// The act and letter-structure phrase lists, indexed once (see [`text::Phrases`]).
fn acts() -> &'static Phrases {
    static SET: OnceLock<Phrases> = OnceLock::new();
    SET.get_or_init(|| Phrases::new(ACTS.iter().map(|(phrase, _, _)| *phrase)))
}

fn structure() -> &'static Phrases {
    static SET: OnceLock<Phrases> = OnceLock::new();
    SET.get_or_init(|| Phrases::new(STRUCTURE.iter().copied()))
}

/// Weighs a reaction's text.
#[cfg(test)]
pub(crate) fn assess(raw: &str) -> Assessment {
    let blanked = text::blank_urls_and_quotes(raw);
    assess_cut(raw, &text::Cut::new(&blanked))
}

/// Weighs a reaction's text (`raw`, for the letter structure, which may sit in a quote or
/// link) and its sentences and words.
pub(crate) fn assess_cut(raw: &str, cut: &text::Cut<'_>) -> Assessment {
    let words = text::words(raw);
    let mut score = 0.0f32;
    let mut cue = None;
    for (sentence, sentence_words) in cut.sentences.iter().zip(&cut.words) {
        // `Hoe maak ik bezwaar?` asks about the act instead of doing it.
        let asking = sentence.asks()
            || sentence_words
                .first()
                .is_some_and(|w| ASKING_OPENERS.contains(&w.as_str()));
        // `Ik maak hierbij formeel bezwaar`: adverbs inside an act phrase don't break it.
        let plain: Vec<String> = sentence_words
            .iter()
            .filter(|w| !ACT_FILLERS.contains(&w.as_str()))
            .cloned()
            .collect();
        let found = acts().found_in(&plain);
        for ((_, what, weight), _) in ACTS.iter().zip(found).filter(|(_, found)| *found) {
            if cue.is_none() && !asking {
                cue = Some(*what);
            }
            score += if asking { weight * 0.3 } else { *weight };
        }
    }
    let structure = structure()
        .found_in(&words)
        .into_iter()
        .filter(|f| *f)
        .count();
    score += 0.25 * structure as f32;
    if has_case_number(raw) {
        score += 0.25;
        if cue.is_none() {
            cue = Some("kenmerk");
        }
    }
    if cue.is_none() && structure > 0 {
        cue = Some("briefvorm");
    }
    Assessment {
        score: score.min(1.0),
        cue,
    }
}

/// A case or file number: a token with at least 4 digits mixed with `/`, `-` or letters
/// (`2024/01234`, `Z-23-456789`, `BZ12345`). Plain years and amounts don't count.
fn has_case_number(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':'))
        .map(|t| t.trim_end_matches('.'))
        .any(|token| {
            let digits = token.chars().filter(char::is_ascii_digit).count();
            let letters = token.chars().filter(|c| c.is_ascii_alphabetic()).count();
            let joins = token.chars().filter(|c| matches!(c, '/' | '-')).count();
            let clean = token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.'));
            clean
                && digits >= 4
                && (joins > 0 || (1..=4).contains(&letters))
                && !token.contains("06-")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formal_acts_and_letters_are_burgerbrieven() {
        let cases = [
            // Performative objection, posted as a comment.
            "Hierbij maak ik bezwaar tegen de uitbreiding van het oefenterrein.",
            // Complaint as an act.
            "Ik dien een klacht in over de behandeling door uw medewerker.",
            // Woo request.
            "Woo-verzoek: ik wil alle stukken over de aanbesteding ontvangen.",
            // Letter structure with a case number.
            "Geachte heer/mevrouw, mijn brief met kenmerk 2024/01234 is nog niet beantwoord. Met vriendelijke groet",
            // Default notice.
            "Ik stel u hierbij in gebreke omdat u niet tijdig heeft beslist.",
            // English.
            "I hereby submit a formal complaint about the noise from the airbase.",
        ];
        for text in cases {
            let a = assess(text);
            assert!(a.score >= THRESHOLD, "{text}: {a:?}");
        }
    }

    #[test]
    fn questions_about_procedures_are_not() {
        let cases = [
            // Asking how to object is a question, not an objection.
            "Hoe maak ik bezwaar tegen dit besluit?",
            // Asking about one's own application.
            "Wanneer wordt mijn aanvraag behandeld?",
            // Venting with a formal word.
            "Dit is toch een klacht waardig, belachelijk.",
            // 'beroep' as profession.
            "Wat een mooi beroep heeft mijn dochter gekozen!",
            // Years and phone numbers are not case numbers.
            "Sinds 2019 wacht ik al, bel 06-12345678",
        ];
        for text in cases {
            let a = assess(text);
            assert!(a.score < THRESHOLD, "{text}: {a:?}");
        }
    }

    #[test]
    fn case_numbers() {
        let cases = [
            ("kenmerk 2024/01234", true),
            ("zaak Z-23-456789", true),
            ("dossier BZ12345", true),
            ("in 2024", false),
            ("€ 1.500", false),
            ("06-12345678", false),
        ];
        for (text, want) in cases {
            assert_eq!(has_case_number(text), want, "{text}");
        }
    }
}
