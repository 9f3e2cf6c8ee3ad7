//! Step 1 of the tree: is the reaction a question? Dutch and English social-media text.
//!
//! Every sentence is weighed on its own: evidence that it asks something the
//! organisation can answer (a question mark, an interrogative at a clause start,
//! verb-first inversion, a request phrase) against evidence that it only vents (a tag
//! question, `?!`, capitals, a stock rhetorical phrase, an accusation without a concrete
//! stake, a self-answer in the next sentence). The reaction is as much a question as its
//! most question-like sentence: one real question among complaints is still a question.
//!
//! Complaints phrased as questions (the hard case) are decided by answerability: a
//! complaint that asks about the writer's own matter or a concrete fact (`Waarom duurt
//! mijn aanvraag al 10 weken?`) is a question; an accusation dressed as a question
//! (`Waarom verspillen jullie ons belastinggeld aan deze onzin?`) is sentiment.

use super::text::{self, Phrases, Sentence};
use std::sync::OnceLock;

/// The net weight at which a sentence counts as a question; the score is 0.5 there.
const NET_THRESHOLD: f32 = 0.8;

/// What step 1 found: a score in 0..=1 (0.5 is the boundary) and the strongest cue.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Assessment {
    pub score: f32,
    pub cue: Cue,
}

/// The main reason behind the score, for the plain-language explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// No sign of a question at all.
    Nothing,
    QuestionMark,
    Interrogative,
    Inversion,
    Request,
    TagQuestion,
    Indignant,
    Shouting,
    RhetoricalPhrase,
    Accusation,
    SelfAnswered,
    Exclamative,
}

impl Cue {
    /// The cue in plain Dutch and English.
    pub fn explain(self) -> (&'static str, &'static str) {
        match self {
            Cue::Nothing => ("er staat geen vraag in", "it contains no question"),
            Cue::QuestionMark => (
                "een zin eindigt op een vraagteken",
                "a sentence ends in a question mark",
            ),
            Cue::Interrogative => (
                "een zin begint met een vraagwoord",
                "a clause starts with a question word",
            ),
            Cue::Inversion => (
                "een zin begint met het werkwoord (vraagvorm)",
                "a sentence starts with the verb (question form)",
            ),
            Cue::Request => (
                "er staat een verzoek om informatie in",
                "it asks for information",
            ),
            Cue::TagQuestion => (
                "alleen een retorisch vraagje (zoals 'toch?')",
                "only a rhetorical tag (like 'right?')",
            ),
            Cue::Indignant => (
                "de vraag is verontwaardigd ('?!'), niet om antwoord",
                "the question is indignant ('?!'), not asking for an answer",
            ),
            Cue::Shouting => (
                "de vraag is geschreeuwd of sarcastisch (hoofdletters)",
                "the question is shouted or sarcastic (capitals)",
            ),
            Cue::RhetoricalPhrase => ("een retorische vraag", "a rhetorical question"),
            Cue::Accusation => (
                "een verwijt in vraagvorm, zonder concrete vraag",
                "an accusation phrased as a question, with nothing concrete to answer",
            ),
            Cue::SelfAnswered => (
                "de schrijver beantwoordt de vraag zelf",
                "the writer answers the question themselves",
            ),
            Cue::Exclamative => (
                "een uitroep ('wat een...'), geen vraag",
                "an exclamation ('what a...'), not a question",
            ),
        }
    }
}

/// Weighs a reaction's text.
#[cfg(test)]
pub(crate) fn assess(raw: &str) -> Assessment {
    let blanked = text::blank_urls_and_quotes(raw);
    assess_cut(&text::Cut::new(&blanked))
}

/// Weighs a reaction's text, cut into sentences and words.
pub(crate) fn assess_cut(cut: &text::Cut<'_>) -> Assessment {
    let mut best = Assessment {
        score: 0.0,
        cue: Cue::Nothing,
    };
    let mut best_net = f32::MIN;
    for (i, (sentence, words)) in cut.sentences.iter().zip(&cut.words).enumerate() {
        let next = cut.words.get(i + 1).map(Vec::as_slice);
        let (net, cue) = weigh(sentence, words, next);
        if net > best_net {
            best_net = net;
            best = Assessment {
                score: logistic(net),
                cue,
            };
        }
    }
    best
}

fn logistic(net: f32) -> f32 {
    1.0 / (1.0 + (-3.0 * (net - NET_THRESHOLD)).exp())
}

/// Net evidence for one sentence (with its words, and the next sentence's) and its main
/// cue.
fn weigh(sentence: &Sentence, words: &[String], next: Option<&[String]>) -> (f32, Cue) {
    if words.is_empty() {
        return (-1.0, Cue::Nothing);
    }
    let mut ask = 0.0f32;
    let mut ask_cue = Cue::Nothing;
    let mut add_ask = |weight: f32, cue: Cue, ask: &mut f32| {
        if weight > 0.0 && ask_cue == Cue::Nothing {
            ask_cue = cue;
        }
        *ask += weight;
    };

    // Question form: the strongest of interrogative, inversion and request phrase (they
    // overlap: `Kunnen jullie` is both an inversion and a request).
    let starts = text::clause_starts(sentence.text);
    let interrogative = starts.iter().find_map(|&at| interrogative_at(words, at));
    let mut exclamative = false;
    let form_weight = if sentence.exclaims() { 0.3 } else { 1.0 };
    let mut form: (f32, Cue) = (0.0, Cue::Nothing);
    match interrogative {
        Some(Opening::Question) => form = (form_weight, Cue::Interrogative),
        Some(Opening::Exclamation) => exclamative = true,
        None => {}
    }
    let inversion = text::main_clause_starts(sentence.text)
        .into_iter()
        .any(|at| inverted(&words[at.min(words.len())..]));
    if inversion && form.0 < form_weight {
        form = (form_weight, Cue::Inversion);
    }
    if requests().any_in(words) {
        form = (1.2, Cue::Request);
    }
    // A question mark on a sentence in question form is a question; on a declarative
    // sentence (`Weer een nieuwe campagne?`, `Dus dit is waar ons geld heen gaat?`) it is
    // as often an echo or a jibe, so alone it stays under the threshold.
    if sentence.asks() {
        let weight = if form.0 > 0.0 { 1.0 } else { 0.7 };
        add_ask(weight, Cue::QuestionMark, &mut ask);
    }
    add_ask(form.0, form.1, &mut ask);
    if ask <= 0.0 {
        let cue = if exclamative {
            Cue::Exclamative
        } else {
            Cue::Nothing
        };
        return (-1.0, cue);
    }
    // A stake of the writer or a concrete thing to ask about makes a complaint answerable.
    let stake = words.iter().any(|w| FIRST_PERSON.contains(&w.as_str()));
    let concrete = words
        .iter()
        .any(|w| concrete_words().matches_word(w) || w.chars().any(|c| c.is_ascii_digit()));
    if stake {
        ask += 0.3;
    }
    if concrete {
        ask += 0.3;
    }

    let mut rhetoric = 0.0f32;
    let mut rhetoric_cue = Cue::Nothing;
    let mut add_rhetoric = |weight: f32, cue: Cue, rhetoric: &mut f32| {
        if rhetoric_cue == Cue::Nothing || weight >= 1.0 {
            rhetoric_cue = cue;
        }
        *rhetoric += weight;
    };
    if sentence.asks() && is_tag_only(words) {
        add_rhetoric(2.5, Cue::TagQuestion, &mut rhetoric);
    } else if sentence.asks() && words.len() >= 2 && ends_in_tag(words) {
        add_rhetoric(0.9, Cue::TagQuestion, &mut rhetoric);
    }
    if sentence.indignant() {
        add_rhetoric(1.5, Cue::Indignant, &mut rhetoric);
    }
    if text::shouting(sentence.text) {
        add_rhetoric(0.9, Cue::Shouting, &mut rhetoric);
    }
    // Fillers (`Waar zijn jullie in godsnaam mee bezig`) don't break a stock phrase.
    let plain: Vec<String> = words
        .iter()
        .filter(|w| !FILLERS.contains(&w.as_str()))
        .cloned()
        .collect();
    if rhetorical().any_in(words) || rhetorical().any_in(&plain) || intensifiers().any_in(words) {
        add_rhetoric(1.6, Cue::RhetoricalPhrase, &mut rhetoric);
    }
    // Each accusing word adds; a stake or a concrete subject halves their weight.
    let accusations = words
        .iter()
        .filter(|w| accusations().matches_word(w))
        .count() as f32;
    if accusations > 0.0 {
        let each = if stake || concrete { 0.3 } else { 0.6 };
        add_rhetoric(
            (each * accusations).min(1.5),
            Cue::Accusation,
            &mut rhetoric,
        );
    }
    if sentence.asks() {
        if let Some(answer) = next {
            if answer.len() <= 6 && SELF_ANSWERS.iter().any(|p| starts_with_phrase(answer, p)) {
                add_rhetoric(1.5, Cue::SelfAnswered, &mut rhetoric);
            }
        }
    }
    let net = ask - rhetoric;
    let cue = if net >= NET_THRESHOLD || rhetoric_cue == Cue::Nothing {
        ask_cue
    } else {
        rhetoric_cue
    };
    (net, cue)
}

/// The phrase lists, indexed once (see [`text::Phrases`]).
fn requests() -> &'static Phrases {
    static SET: OnceLock<Phrases> = OnceLock::new();
    SET.get_or_init(|| Phrases::new(REQUESTS.iter().copied()))
}

fn rhetorical() -> &'static Phrases {
    static SET: OnceLock<Phrases> = OnceLock::new();
    SET.get_or_init(|| Phrases::new(RHETORICAL.iter().copied()))
}

fn intensifiers() -> &'static Phrases {
    static SET: OnceLock<Phrases> = OnceLock::new();
    SET.get_or_init(|| Phrases::new(INTENSIFIERS.iter().copied()))
}

fn accusations() -> &'static Phrases {
    static SET: OnceLock<Phrases> = OnceLock::new();
    SET.get_or_init(|| Phrases::new(ACCUSATIONS.iter().copied()))
}

fn concrete_words() -> &'static Phrases {
    static SET: OnceLock<Phrases> = OnceLock::new();
    SET.get_or_init(|| Phrases::new(CONCRETE.iter().copied()))
}

fn starts_with_phrase(words: &[String], phrase: &str) -> bool {
    text::find_phrase(words, phrase) == Some(0)
}

/// What an interrogative at a clause start opens.
enum Opening {
    Question,
    /// `Wat een onzin`, `Hoe mooi is dit`, `What a day`.
    Exclamation,
}

fn interrogative_at(words: &[String], at: usize) -> Option<Opening> {
    let first = words.get(at)?.as_str();
    if !INTERROGATIVES.contains(&first) {
        return None;
    }
    let rest = &words[at..];
    if IDIOMS.iter().any(|p| starts_with_phrase(rest, p)) {
        return None;
    }
    let second = rest.get(1).map(String::as_str).unwrap_or("");
    if matches!(first, "wat" | "hoe" | "what" | "how")
        && (matches!(second, "een" | "a" | "an") || ADJECTIVES.contains(&second))
    {
        return Some(Opening::Exclamation);
    }
    Some(Opening::Question)
}

/// Verb-first inversion: a finite verb, then a subject (`Kunnen jullie`, `Is het`,
/// `Heeft iemand`, `Does anyone`). Imperatives (`Doe normaal`, `Ga weg`) have no subject
/// after the verb and stay out.
fn inverted(words: &[String]) -> bool {
    let (Some(verb), Some(subject)) = (words.first(), words.get(1)) else {
        return false;
    };
    FINITE_VERBS.contains(&verb.as_str())
        && (SUBJECTS.contains(&subject.as_str()) || verb == "klopt" || verb == "geldt")
}

/// The whole sentence is a tag: `Toch?`, `Serieus?`, `Echt waar?`, `Right?`.
fn is_tag_only(words: &[String]) -> bool {
    words.len() <= 3
        && TAGS.iter().any(|t| {
            text::has_phrase(words, t) && t.split(' ').count() >= words.len().saturating_sub(1)
        })
}

/// A longer sentence closed by a tag: `Dat is toch niet normaal, of wel?`, `..., toch?`.
fn ends_in_tag(words: &[String]) -> bool {
    let last = words.last().map(String::as_str).unwrap_or("");
    let last_two = if words.len() >= 2 {
        format!("{} {}", words[words.len() - 2], last)
    } else {
        String::new()
    };
    matches!(last, "toch" | "hè" | "he" | "nietwaar" | "right" | "ofzo")
        || matches!(
            last_two.as_str(),
            "of niet" | "of wel" | "niet dan" | "isn't it" | "don't they"
        )
}

/// Clause-opening question words.
const INTERROGATIVES: &[&str] = &[
    "wie", "wat", "waar", "wanneer", "waarom", "hoe", "welk", "welke", "hoeveel", "hoelang",
    "waarvoor", "waarmee", "waardoor", "waarheen", "vanwaar", "waarop", "waaraan", "who", "what",
    "where", "when", "why", "how", "which", "whose", "whom",
];

/// Fixed expressions that open with a question word but ask nothing.
const IDIOMS: &[&str] = &[
    "hoe dan ook",
    "wat mij betreft",
    "wat betreft",
    "wie weet",
    "wat dacht je",
    "hoe het ook",
    "waar het om gaat",
    "wat ik",
    "wie het",
    "hoe meer",
    "hoe langer",
    "hoe eerder",
    "who knows",
    "what ever",
    "how about that",
    "what i",
    "wat jullie",
    "hoe jullie",
    "wat u",
    "hoe u",
    "when i",
    "wat je",
    "hoe je",
];

/// Adjectives that make `wat ...`/`hoe ...` an exclamation.
const ADJECTIVES: &[&str] = &[
    "mooi",
    "mooie",
    "fijn",
    "goed",
    "leuk",
    "knap",
    "prachtig",
    "triest",
    "zonde",
    "jammer",
    "erg",
    "stoer",
    "gaaf",
    "tof",
    "sterk",
    "zielig",
    "dom",
    "slecht",
    "raar",
    "lief",
    "vet",
    "geweldig",
    "heerlijk",
    "bizar",
    "gek",
    "treurig",
    "schandalig",
    "trots",
    "blij",
    "nice",
    "great",
    "sad",
    "cool",
    "awesome",
    "beautiful",
    "lovely",
    "stupid",
    "typisch",
    "zinloos",
    "respectvol",
    "indrukwekkend",
    "ongelooflijk",
];

/// Finite verbs that can open a Dutch or English yes/no question.
const FINITE_VERBS: &[&str] = &[
    "kan", "kun", "kunt", "kunnen", "is", "zijn", "ben", "bent", "heeft", "hebben", "heb", "hebt",
    "gaat", "gaan", "ga", "komt", "komen", "kom", "mag", "mogen", "moet", "moeten", "wordt",
    "worden", "word", "zal", "zullen", "zou", "zouden", "weet", "weten", "klopt", "doen", "doet",
    "krijg", "krijgen", "krijgt", "blijft", "blijven", "geldt", "gelden", "werkt", "werken",
    "staat", "staan", "valt", "vallen", "zit", "zitten", "wil", "wilt", "willen", "waren", "was",
    "had", "hadden", "kwam", "heet", "hoort", "hoor", "telt", "betaalt", "betalen", "can", "could",
    "is", "are", "do", "does", "did", "will", "would", "should", "has", "have", "was", "were",
    "may", "shall", "am",
];

/// Subjects after an inverted verb.
const SUBJECTS: &[&str] = &[
    "jullie", "u", "je", "jij", "ik", "het", "er", "iemand", "de", "dit", "dat", "deze", "die",
    "we", "wij", "men", "hij", "zij", "ze", "mijn", "uw", "onze", "ons", "mensen", "defensie",
    "het", "een", "hier", "daar", "dat", "you", "we", "i", "it", "there", "anyone", "someone",
    "anybody", "the", "this", "that", "they", "my", "your", "he", "she",
];

/// Requests for information or action that need no question mark.
const REQUESTS: &[&str] = &[
    "kunt u",
    "kunnen jullie",
    "kan iemand",
    "kan je",
    "kun je",
    "kan u",
    "zou u",
    "zouden jullie",
    "zou iemand",
    "zou je",
    "weet iemand",
    "weten jullie",
    "iemand die weet",
    "ik vraag me af",
    "vraag me af",
    "vraag mij af",
    "ik vroeg me af",
    "vroeg me af",
    "graag uitleg",
    "graag een reactie",
    "graag antwoord",
    "graag een antwoord",
    "graag informatie",
    "graag meer informatie",
    "graag meer info",
    "graag info",
    "graag een toelichting",
    "graag toelichting",
    "ik wil graag weten",
    "wil graag weten",
    "zou graag willen weten",
    "zou graag weten",
    "zou willen weten",
    "ik wil weten",
    "hoor graag",
    "hoor het graag",
    "ik zoek informatie",
    "op zoek naar informatie",
    "enig idee",
    "iemand een idee",
    "wie kan mij",
    "wie kan me",
    "meer info graag",
    "info graag",
    "uitleg graag",
    "reactie graag",
    "antwoord graag",
    "please advise",
    "can you",
    "could you",
    "would you",
    "does anyone know",
    "anyone know",
    "i wonder",
    "i was wondering",
    "please explain",
    "let me know",
    "i'd like to know",
    "i would like to know",
    "any idea",
    "is there any",
    "leg eens uit",
    "leg uit waarom",
    "vertel eens",
    "licht toe",
    "help mij",
    "help me",
    "graag hulp",
    "wie helpt",
    "waar kan ik",
    "hoe kan ik",
    "waar moet ik",
    "hoe moet ik",
    "bij wie kan",
    "bij wie moet",
    "wat moet ik",
    "ik heb een vraag",
    "heb een vraag",
    "vraagje",
    "my question",
    "mijn vraag",
    "graag een reactie",
    "wacht op antwoord",
    "wacht nog steeds op antwoord",
    "nog steeds geen antwoord",
    "still waiting for",
];

/// Stock rhetorical questions: they expect no answer.
const RHETORICAL: &[&str] = &[
    "waarom zou je",
    "waarom zou iemand",
    "why would anyone",
    "iemand nagedacht",
    "denkt iemand na",
    "did anyone think",
    "waar is de tijd",
    "waar zijn de tijden",
    "hoe durven jullie",
    "hoe durf je",
    "hoe durft u",
    "hoe haal je het",
    "hoe halen jullie het",
    "wie verzin*",
    "wie bedenk*",
    "wie heeft dit bedacht",
    "is dit een grap",
    "is dit serieus",
    "is dit echt serieus",
    "zijn jullie gek",
    "zijn jullie nou",
    "zijn jullie helemaal",
    "ben je gek",
    "meen je dat",
    "menen jullie dat",
    "meen je dit",
    "menen jullie dit",
    "wat is het volgende",
    "wat nu weer",
    "waar gaat dit heen",
    "waar gaat het heen",
    "waar is het misgegaan",
    "hoe diep",
    "hoe dom",
    "hoe laag",
    "hoe is het mogelijk",
    "hoe kan het ook anders",
    "wat denk je zelf",
    "wat denken jullie zelf",
    "schamen jullie",
    "schaam je je",
    "schaamt u",
    "waar zijn jullie mee bezig",
    "waar zijn we mee bezig",
    "waar ben je mee bezig",
    "waar zijn ze mee bezig",
    "waarom verbaast",
    "waarom ook niet",
    "wat verwacht je",
    "wat had je dan verwacht",
    "wie had dat gedacht",
    "wie had dat verwacht",
    "nog vragen",
    "iemand verbaasd",
    "anyone surprised",
    "who could have guessed",
    "who would have thought",
    "what could possibly go wrong",
    "are you kidding",
    "are you serious",
    "is this a joke",
    "what's next",
    "how dare you",
    "who cares",
    "what the hell",
    "kan het nog gekker",
    "kan het nog erger",
    "kan het nog dommer",
    "kan het nog gekker",
    "gaat het nog",
    "gaat het wel goed",
    "is het nou zo moeilijk",
    "is dat nou zo moeilijk",
    "was het nou zo moeilijk",
    "hoe moeilijk kan het",
    "how hard can it",
    "raad eens",
    "guess what",
    "mag het ietsje minder",
    "mag het wat minder",
    "slapen jullie",
    "zitten jullie te slapen",
    "wie houdt wie",
    "wat maakt het uit",
    "wat boeit het",
    "wie maakt dat uit",
    "what's the point",
    "waar slaat dit op",
    "waar slaat dat op",
    "waar slaat het op",
    "hoe verzin je het",
    "wie is hier verantwoordelijk voor",
    "leven jullie onder een steen",
    "waar haal je het lef",
    "waar halen jullie het lef",
    "wanneer leren jullie",
    "wanneer gaan jullie eens",
    "wanneer worden jullie wakker",
    "hoe lang nog",
    "hoelang nog",
    "hoeveel keer nog",
    "hoe vaak nog",
    "what is wrong with",
    "what's wrong with you",
    "wat is er mis met jullie",
    "wat mankeert jullie",
    "weet je wat",
    "wie gelooft",
    "wie trapt",
    "who believes",
    "ook dat nog",
    "moet dat nou",
    "moet dit nou",
    "hebben jullie niks beters",
    "hebben jullie niets beters",
    "zijn we nu klaar",
];

/// Words skipped when matching stock rhetorical phrases.
const FILLERS: &[&str] = &[
    "nou",
    "dan",
    "toch",
    "eigenlijk",
    "allemaal",
    "daar",
    "hier",
    "nu",
    "in",
    "godsnaam",
    "hemelsnaam",
    "vredesnaam",
    "er",
    "überhaupt",
    "uberhaupt",
    "echt",
    "wel",
    "weer",
    "even",
    "nog",
    "eens",
    "really",
    "actually",
];

/// Oaths inside a question that make it rhetorical.
const INTENSIFIERS: &[&str] = &[
    "in godsnaam",
    "in hemelsnaam",
    "in vredesnaam",
    "the hell",
    "the heck",
    "on earth",
    "the fuck",
    "verdomme",
    "godverdomme",
    "potverdorie",
];

/// Words that accuse rather than ask. `*` matches a prefix.
const ACCUSATIONS: &[&str] = &[
    "onzin",
    "schande*",
    "belachelijk*",
    "idioot",
    "idioten",
    "absurd*",
    "waanzin",
    "triest",
    "bullshit",
    "lachwekkend",
    "gekkenhuis",
    "clowns",
    "prutsers",
    "amateurs",
    "belastinggeld",
    "zakkenvullers",
    "leugenaars",
    "propaganda",
    "hypocriet*",
    "ridiculous",
    "disgrace*",
    "shameful",
    "pathetic",
    "disgusting",
    "waste",
    "oorlogshitsers",
    "poppenkast",
    "geldverspilling",
    "verspil*",
    "schaam*",
    "walgelijk",
    "lafaard*",
    "incompetent*",
    "arrogant*",
    "stelletje",
    "zielig",
    "sukkels",
    "joke",
    "clown*",
    "farce",
    "bagger",
    "wanbeleid",
    "corrupt*",
];

/// Words that give the writer a stake in the answer. Singular only: the collective `ons
/// geld`, `onze veteranen` is the voice of a complaint, not a personal matter.
const FIRST_PERSON: &[&str] = &[
    "ik", "mijn", "mij", "me", "m'n", "mn", "i", "my", "i'm", "i've", "mine", "zoon", "dochter",
    "partner", "vader", "moeder", "opa", "oma",
];

/// Concrete things an organisation can answer about. `*` matches a prefix.
const CONCRETE: &[&str] = &[
    "aanvraag",
    "aanmeld*",
    "inschrijv*",
    "salaris",
    "uitkering",
    "pensioen",
    "keuring*",
    "sollicit*",
    "vacature*",
    "open",
    "datum",
    "adres",
    "formulier",
    "loket",
    "telefoonnummer",
    "e-mailadres",
    "website",
    "link",
    "termijn",
    "procedure",
    "status",
    "opleiding",
    "kosten",
    "kost",
    "tickets",
    "kaartjes",
    "toegang",
    "parkeren",
    "route",
    "tijd",
    "hoe laat",
    "uitslag",
    "vergoeding",
    "reiskosten",
    "brief",
    "mail",
    "nummer",
    "contact*",
    "afspraak",
    "medische",
    "dienstplicht",
    "opkomstplicht",
    "herinneringsmedaille",
    "medaille",
    "veteranenpas",
    "veteranendag",
    "defilé",
    "oefening",
    "geluidsoverlast",
    "vliegtuigen",
    "schietoefening*",
    "overlast",
    "wegafsluiting",
    "omleiding",
    "subsidie",
    "vergunning",
    "afval",
    "paspoort",
    "rijbewijs",
    "application",
    "salary",
    "pension",
    "date",
    "address",
    "form",
    "deadline",
    "ticket",
    "tickets",
    "visit",
    "schedule",
    "livestream",
    "uitzending",
];

/// Openings of a sentence that answers the previous (rhetorical) question.
const SELF_ANSWERS: &[&str] = &[
    "juist",
    "precies",
    "inderdaad",
    "nee dus",
    "niemand",
    "nergens",
    "nooit",
    "dacht het niet",
    "ik dacht het niet",
    "ik denk het niet",
    "exactly",
    "nobody",
    "nope",
    "didn't think so",
    "thought so",
    "no one",
    "dat dacht ik al",
    "nee",
    "natuurlijk niet",
    "tuurlijk niet",
    "geen idee",
    "right",
];

/// Tag questions and one-word reactions that ask nothing.
const TAGS: &[&str] = &[
    "toch",
    "serieus",
    "echt",
    "echt waar",
    "echt niet",
    "really",
    "seriously",
    "right",
    "hè",
    "he",
    "huh",
    "wat",
    "what",
    "nou",
    "ja",
    "nee",
    "of niet",
    "niet dan",
    "ofzo",
    "waarom",
    "why",
    "hallo",
    "hello",
    "wtf",
    "pardon",
    "sorry",
    "wow",
    "what the",
    "zeker weten",
    "sure",
    "meen je",
    "jezus",
    "jeetje",
    "oh",
    "o",
    "ah",
    "haha",
    "lol",
    "nietwaar",
    "wauw",
    "and",
    "en",
    "en nu",
    "so",
    "dus",
    "is it",
    "toch niet",
    "ok",
    "oké",
    "okay",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn is_question(text: &str) -> bool {
        assess(text).score >= 0.5
    }

    #[test]
    fn genuine_questions() {
        let cases = [
            // Question mark.
            "Wanneer is de open dag in Den Helder?",
            "Is de weg bij de kazerne morgen afgesloten?",
            // Interrogative without a question mark.
            "Waar kan ik me aanmelden voor de open dag",
            "hoeveel kost een kaartje voor de taptoe",
            // Verb-first inversion without a question mark.
            "Kunnen jullie de link naar de livestream delen",
            "Heeft iemand al iets gehoord over de uitslag van de keuring",
            // Request phrases without a question mark.
            "Ik vraag me af of mijn zoon ook mee mag naar de open dag.",
            "Graag uitleg over de nieuwe regels voor reservisten.",
            // Interrogative after a comma or conjunction.
            "Mooi filmpje, maar waar kan ik de volledige versie zien",
            // One real question among complaints.
            "Belachelijk dit. Wanneer komt de vergoeding eindelijk?",
            // Complaint phrased as a question, but answerable: the writer's own matter.
            "Waarom duurt het al 10 weken voordat mijn aanvraag behandeld wordt?",
            // English.
            "Does anyone know when the livestream starts?",
            "Can you share the schedule for the open day",
        ];
        for text in cases {
            assert!(is_question(text), "{text}: {:?}", assess(text));
        }
    }

    #[test]
    fn sentiment_and_rhetoric() {
        let cases = [
            // Plain sentiment.
            "Trots op onze mannen en vrouwen! 🇳🇱",
            "Wat een prachtige beelden.",
            "Wat een onzin weer",
            // Tag questions.
            "Serieus?",
            "Mooi gedaan, toch?",
            // Indignant and shouted.
            "Hoe kunnen jullie dit goedkeuren?!",
            "WEER GELD WEG, GOED BEZIG HOOR?",
            // Stock rhetoric.
            "Hoe durven jullie dit te verkopen als vooruitgang",
            "Wie verzint dit soort dingen?",
            // Self-answered.
            "En wie betaalt dat allemaal? Juist, wij.",
            // Accusation phrased as a question.
            "Waarom verspillen jullie belastinggeld aan deze onzin?",
            // A question mark inside a URL or quote is not the writer's.
            "Zie https://defensie.nl/nieuws?id=5 mooi verhaal",
            "Mijn opa zei altijd \"waarom?\" en lachte dan",
            // English rhetoric.
            "Seriously?",
            "What could possibly go wrong?",
        ];
        for text in cases {
            assert!(!is_question(text), "{text}: {:?}", assess(text));
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in ["", "?", "??!!", "   \n ", "🇳🇱🇳🇱?", "\"", "“", "www.", "é?ü"] {
            let a = assess(text);
            assert!((0.0..=1.0).contains(&a.score), "{text}");
        }
    }
}
