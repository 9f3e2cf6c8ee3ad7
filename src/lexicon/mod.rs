//! Word lists for names and places, compiled in with `include_str!` and indexed once.
//!
//! Every list file starts with a `#` header line naming its sources and licence (see
//! `gen_lists.py`, which documents how they were made). The cue words (titles, roles,
//! speech verbs, kinship, sign-offs, organisations) are written by us and live here.
//!
//! Lookups are case-insensitive without allocating: a word is lower-cased into a stack
//! buffer and looked up in one hash map (our own Fx-style hasher) that maps a word to its
//! [`flags`]. A tiny bit filter answers most misses before any hashing.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// What a word can be; one word may carry several flags.
pub(crate) mod flags {
    /// A first name.
    pub const FIRST: u16 = 1;
    /// A surname (head word, without tussenvoegsel).
    pub const SURNAME: u16 = 1 << 1;
    /// A name that is also an ordinary lower-case word (`roos`, `bakker`, `will`).
    pub const AMBIGUOUS: u16 = 1 << 2;
    /// A one-word place name.
    pub const PLACE: u16 = 1 << 3;
    /// A tussenvoegsel (`van`, `de`, `ter`, `t`).
    pub const TUSSEN: u16 = 1 << 4;
    /// A title or form of address, outside the name span (`dhr`, `mevrouw`, `dr`).
    pub const TITLE: u16 = 1 << 5;
    /// A role or rank before a name (`minister`, `wethouder`, `kapitein`).
    pub const ROLE: u16 = 1 << 6;
    /// A kinship or relation word after `mijn` (`zoon`, `vrouw`, `wife`).
    pub const KIN: u16 = 1 << 7;
    /// A speech or contact verb after a name (`belde`, `zei`, `said`).
    pub const SPEECH: u16 = 1 << 8;
    /// A word that addresses or introduces the next name (`hoi`, `beste`, `dear`, `met`).
    pub const ADDRESS: u16 = 1 << 9;
    /// A sign-off before the writer's name (`groet`, `mvg`, `regards`).
    pub const SIGNOFF: u16 = 1 << 10;
    /// Never part of a name: organisations, months, weekdays, pronouns (`Defensie`, `I`).
    pub const STOP: u16 = 1 << 11;
    /// A contact participle a few words after a name (`gebeld`, `gesproken`).
    pub const CONTACTED: u16 = 1 << 12;

    /// Any cue: such a word is never itself a name token.
    pub const CUE: u16 = TITLE | ROLE | KIN | SPEECH | ADDRESS | SIGNOFF | STOP | CONTACTED;
}

/// An Fx-style hasher (rotate, xor, multiply): fast on short keys, good enough for a
/// fixed word list; no new dependency.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let mut rest = 0u64;
        for (i, b) in chunks.remainder().iter().enumerate() {
            rest |= u64::from(*b) << (8 * i);
        }
        self.add(rest);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;

const FIRST_NAMES: &str = include_str!("first_names.txt");
const SURNAMES: &str = include_str!("surnames.txt");
const AMBIGUOUS: &str = include_str!("ambiguous.txt");
const PLACES: &str = include_str!("places.txt");

/// Tussenvoegsels, lower case (`'t` and `'s` appear as the words `t` and `s`).
const TUSSEN: &[&str] = &[
    "van", "de", "der", "den", "het", "t", "ter", "ten", "te", "in", "op", "la", "le", "du", "da",
    "di", "del", "von", "vd", "v", "el", "al", "bin", "ben", "ibn", "ait",
];

/// Titles and forms of address (written by us).
const TITLES: &[&str] = &[
    "dhr", "heer", "meneer", "mevrouw", "mevr", "mw", "mr", "mrs", "ms", "miss", "dr", "drs", "ir",
    "ing", "prof", "juf", "juffrouw", "meester", "sir", "madam", "mx", "mister", "fam", "familie",
    "zuster", "broeder",
];

/// Roles and ranks that precede a name (written by us).
const ROLES: &[&str] = &[
    "minister",
    "staatssecretaris",
    "premier",
    "wethouder",
    "burgemeester",
    "woordvoerder",
    "woordvoerster",
    "gedeputeerde",
    "commissaris",
    "kamerlid",
    "generaal",
    "kolonel",
    "majoor",
    "kapitein",
    "luitenant",
    "sergeant",
    "korporaal",
    "soldaat",
    "adjudant",
    "vaandrig",
    "kornet",
    "admiraal",
    "commodore",
    "marinier",
    "matroos",
    "officier",
    "commandant",
    "brigadier",
    "wachtmeester",
    "opperwachtmeester",
    "agent",
    "inspecteur",
    "rechter",
    "advocaat",
    "dokter",
    "huisarts",
    "directeur",
    "voorzitter",
    "president",
    "koning",
    "koningin",
    "prins",
    "prinses",
    "trainer",
    "coach",
    "pastoor",
    "dominee",
    "imam",
    "collega",
    "secretary",
    "general",
    "colonel",
    "major",
    "captain",
    "lieutenant",
    "corporal",
    "admiral",
    "commander",
    "officer",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "mayor",
    "senator",
    "governor",
    "judge",
    "doctor",
    "nurse",
    "colleague",
    "sergeant-majoor",
    "luitenant-kolonel",
    "luitenant-generaal",
    "vice-admiraal",
    "schout-bij-nacht",
    "reservist",
    "veteraan",
    "veteran",
    "private",
    "councillor",
    "alderman",
    "chief",
    "deputy",
    "king",
    "queen",
    "prince",
    "princess",
    "kpl",
    "kap",
    "maj",
    "sgt",
    "col",
    "lt",
    "ltn",
    "gen",
    "kol",
    "adm",
    "cdt",
    "capt",
    "cpt",
    "cpl",
    "pvt",
    "sld",
    "aoo",
    "elnt",
    "tlnt",
    "vdg",
    "genm",
    "ltz",
    "lkol",
    "bgen",
    "kplm",
    "wmr",
    "owmr",
    "pastor",
    "rev",
    "bisschop",
    "oud-minister",
];

/// Kinship and relation words: `mijn zoon Daan`, `my wife Sarah` (written by us).
const KIN: &[&str] = &[
    "zoon",
    "dochter",
    "vrouw",
    "man",
    "moeder",
    "vader",
    "mama",
    "papa",
    "mam",
    "pap",
    "broer",
    "zus",
    "zusje",
    "broertje",
    "opa",
    "oma",
    "neef",
    "nicht",
    "oom",
    "tante",
    "vriend",
    "vriendin",
    "buurman",
    "buurvrouw",
    "buurjongen",
    "buurmeisje",
    "kleinzoon",
    "kleindochter",
    "schoonzoon",
    "schoondochter",
    "schoonmoeder",
    "schoonvader",
    "zwager",
    "schoonzus",
    "echtgenoot",
    "echtgenote",
    "partner",
    "kind",
    "baby",
    "dochtertje",
    "zoontje",
    "kleinkind",
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "brother",
    "sister",
    "grandson",
    "granddaughter",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "uncle",
    "aunt",
    "cousin",
    "nephew",
    "niece",
    "friend",
    "neighbour",
    "neighbor",
    "boyfriend",
    "girlfriend",
    "fiancé",
    "fiancée",
    "verloofde",
    "stepson",
    "stepdaughter",
    "kid",
    "boy",
    "girl",
    "jongen",
    "meisje",
    "buddy",
    "teamgenoot",
    "klasgenoot",
    "kameraad",
];

/// Speech and contact verbs that follow a name: `Fatima belde`, `John said`.
const SPEECH: &[&str] = &[
    "zei",
    "zegt",
    "zeggen",
    "belde",
    "schreef",
    "schrijft",
    "vertelde",
    "vertelt",
    "vroeg",
    "vraagt",
    "mailde",
    "appte",
    "antwoordde",
    "reageerde",
    "meldde",
    "liet",
    "twitterde",
    "tweette",
    "stuurde",
    "sprak",
    "riep",
    "zegt",
    "said",
    "says",
    "called",
    "wrote",
    "writes",
    "told",
    "tells",
    "asked",
    "asks",
    "replied",
    "emailed",
    "texted",
    "messaged",
    "mentioned",
];

/// Words that address or introduce the next name: `hoi Anouk`, `met Daan`, `dear Sam`.
const ADDRESS: &[&str] = &[
    "hoi",
    "hallo",
    "hey",
    "hi",
    "hello",
    "dag",
    "beste",
    "lieve",
    "geachte",
    "dear",
    "bedankt",
    "dank",
    "thanks",
    "thank",
    "thx",
    "bedank",
    "sorry",
    "met",
    "with",
    "naam",
    "heet",
    "heette",
    "genaamd",
    "named",
    "name",
    "aan",
    "ask",
    "vraag",
    "contact",
    "gefeliciteerd",
    "congrats",
    "welkom",
    "welcome",
    "bel",
    "mail",
    "app",
    "by",
    "door",
    "namens",
    "volgens",
    "according",
    "via",
    "cc",
    "ps",
    "tav",
    "attn",
];

/// Sign-offs before the writer's name: `Groet, Anouk`, `Mvg,\nP. Bakker`.
const SIGNOFF: &[&str] = &[
    "groet",
    "groeten",
    "groetjes",
    "gr",
    "grt",
    "mvg",
    "mvgr",
    "vg",
    "liefs",
    "doei",
    "regards",
    "cheers",
    "sincerely",
    "best",
    "love",
    "xoxo",
    "xx",
    "xxx",
    "thanks",
    "greetings",
    "gegroet",
    "hartelijk",
    "vriendelijke",
    "yours",
    "hoogachtend",
    "rip",
];

/// Contact participles a few words after a name: `ik heb jan de vries gebeld`.
const CONTACTED: &[&str] = &[
    "gebeld",
    "gemaild",
    "gesproken",
    "geappt",
    "gevraagd",
    "gezien",
    "ontmoet",
    "gefeliciteerd",
    "bedankt",
    "gecontacteerd",
    "gezegd",
    "geschreven",
];

/// Never names: organisations and own accounts, months, weekdays, pronouns and other
/// capitalised words that are not persons (written by us).
const STOP: &[&str] = &[
    "defensie",
    "rijksoverheid",
    "mindef",
    "mindefensie",
    "defensienl",
    "landmacht",
    "luchtmacht",
    "marine",
    "marechaussee",
    "kmar",
    "krijgsmacht",
    "ministerie",
    "kabinet",
    "regering",
    "overheid",
    "gemeente",
    "provincie",
    "kamer",
    "tweede",
    "eerste",
    "navo",
    "nato",
    "vn",
    "eu",
    "politie",
    "brandweer",
    "ggd",
    "rivm",
    "uwv",
    "duo",
    "ind",
    "cbr",
    "belastingdienst",
    "nos",
    "rtl",
    "nu",
    "google",
    "facebook",
    "instagram",
    "twitter",
    "youtube",
    "linkedin",
    "mastodon",
    "whatsapp",
    "tiktok",
    "microsoft",
    "apple",
    "nederland",
    "nederlands",
    "nederlandse",
    "holland",
    "europa",
    "europese",
    "dutch",
    "english",
    "engels",
    "nl",
    "koninklijke",
    "koninkrijk",
    "rijks",
    "staat",
    "rijk",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "i",
    "im",
    "ik",
    "je",
    "jij",
    "u",
    "wij",
    "we",
    "ze",
    "zij",
    "hij",
    "het",
    "een",
    "dit",
    "dat",
    "die",
    "deze",
    "wat",
    "wie",
    "waar",
    "hoe",
    "waarom",
    "the",
    "a",
    "an",
    "this",
    "that",
    "he",
    "she",
    "they",
    "you",
    "it",
    "my",
    "mijn",
    "our",
    "onze",
    "his",
    "her",
    "their",
    "god",
    "jezus",
    "allah",
    "ok",
    "oke",
    "okay",
    "ja",
    "nee",
    "yes",
    "no",
    "lol",
    "omg",
    "wtf",
    "hallo",
    "team",
    "afdeling",
    "dienst",
    "servicedesk",
    "helpdesk",
    "klantenservice",
    "support",
    "f35",
    "f",
    "kazerne",
    "oekraïne",
    "rusland",
    "amerika",
    "israël",
    "israel",
    "gaza",
    "christus",
    "kerst",
    "pasen",
    "ramadan",
    "bbc",
    "cnn",
    "ns",
    "klm",
    "ing",
    "abn",
    "amro",
    "rabobank",
    "ziggo",
    "kpn",
    "postnl",
    "albert",
    "heijn",
    "jumbo",
    "veteranendag",
    "koningsdag",
    "bevrijdingsdag",
    "prinsjesdag",
    "dodenherdenking",
    "hashtag",
    "re",
    "fw",
    "fwd",
    "ps",
    "pvv",
    "vvd",
    "cda",
    "d66",
    "gl",
    "pvda",
    "sp",
    "bbb",
    "nsc",
    "fvd",
    "ja21",
    "sgp",
    "cu",
    "denk",
    "volt",
    "forum",
    "ijssel",
    "schelde",
    "amstel",
    "alvast",
    "dan",
    "wel",
    "toen",
    "maar",
    "ook",
    "nog",
    "even",
    "graag",
    "hier",
    "daar",
    "zelf",
    "echt",
    "gewoon",
    "sinds",
    "vandaag",
    "gisteren",
    "morgen",
    "straks",
    "misschien",
    "serieus",
    "helaas",
    "gelukkig",
    "super",
    "top",
    "mooi",
    "prachtig",
    "goed",
    "slecht",
    "dus",
    "want",
    "omdat",
    "als",
    "zoals",
    "welke",
    "iemand",
    "niemand",
    "iedereen",
    "allemaal",
    "alle",
    "elke",
    "geen",
    "niet",
    "niks",
    "niets",
    "veel",
    "weinig",
    "meer",
    "minder",
    "nou",
    "zo",
    "er",
    "of",
    "en",
    "tot",
    "na",
    "voor",
    "door",
    "over",
    "onder",
    "tegen",
    "zonder",
    "bij",
    "uit",
    "naar",
    "om",
    "binnen",
    "buiten",
    "goedemorgen",
    "goedemiddag",
    "goedenavond",
    "hoera",
    "bravo",
    "respect",
    "succes",
    "trots",
    "schande",
    "zucht",
    "pff",
    "jammer",
    "wauw",
    "wow",
    "haha",
    "hahaha",
    "also",
    "just",
    "still",
    "when",
    "what",
    "why",
    "how",
    "great",
    "good",
    "well",
    "so",
    "and",
    "but",
    "or",
    "if",
    "then",
    "now",
    "here",
    "there",
    "please",
    "happy",
    "nice",
    "amazing",
    "shoutout",
    "proud",
    "digid",
    "wmo",
    "bsn",
    "adhd",
    "ptsd",
    "kma",
    "mod",
    "covid",
    "corona",
    "iphone",
    "samsung",
    "android",
    "website",
    "inloggen",
    "ticket",
    "dm",
    "pm",
    "nb",
    "info",
    "update",
    "breaking",
    "bekijk",
    "weet",
    "handhaving",
    "bsc",
    "msc",
    "mba",
    "llm",
    "phd",
    "jr",
    "sr",
    "is",
    "was",
    "heeft",
    "had",
    "wil",
    "gaat",
    "kan",
    "moet",
    "zal",
    "wordt",
    "werd",
    "ben",
    "bent",
    "has",
    "have",
    "will",
    "would",
    "can",
    "could",
    "should",
    "did",
    "does",
    "do",
    "are",
    "were",
    "parkinson",
    "alzheimer",
    "crohn",
    "asperger",
    "hodgkin",
    "huntington",
    "tourette",
    "laan",
    "straat",
    "weg",
    "plein",
    "box",
    "royal",
    "unit",
    "suite",
    "apt",
    "po",
    "tv",
    "orchestra",
    "band",
    "inc",
    "ltd",
    "corp",
    "llc",
    "bv",
    "nv",
];

/// The words that may begin a sign-off's name, e.g. `met vriendelijke groet`.
struct Lexicon {
    words: HashMap<&'static str, u16, FxBuild>,
    places: HashSet<&'static str, FxBuild>,
    /// Bit filter over all of `words`: a clear bit means "not in `words`".
    filter: Vec<u64>,
    /// Bit filter over the words that can open a lower-case name (first names, plain
    /// surnames, tussenvoegsels).
    starters: Vec<u64>,
}

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A 16-bit index from a word's length and its first two and last byte (lower-case
/// input): cheap enough to run on every word before any hashing.
#[inline]
fn filter_bit(word: &[u8]) -> usize {
    let n = word.len();
    let key = (n as u64) << 24
        | u64::from(word[0]) << 16
        | u64::from(word[n.min(2) - 1]) << 8
        | u64::from(word[n - 1]);
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

#[inline]
fn filter_has(filter: &[u64], word: &[u8]) -> bool {
    let bit = filter_bit(word);
    filter[bit >> 6] & (1 << (bit & 63)) != 0
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut words: HashMap<&'static str, u16, FxBuild> = HashMap::default();
        let mut add = |w: &'static str, f: u16| *words.entry(w).or_insert(0) |= f;
        for w in entries(FIRST_NAMES) {
            add(w, flags::FIRST);
        }
        for w in entries(SURNAMES) {
            add(w, flags::SURNAME);
        }
        for w in entries(AMBIGUOUS) {
            add(w, flags::AMBIGUOUS);
        }
        let mut places: HashSet<&'static str, FxBuild> = HashSet::default();
        for w in entries(PLACES) {
            places.insert(w);
            if !w.contains([' ', '-', '\'']) {
                add(w, flags::PLACE);
            }
        }
        let cues: [(&[&'static str], u16); 9] = [
            (TUSSEN, flags::TUSSEN),
            (TITLES, flags::TITLE),
            (ROLES, flags::ROLE),
            (KIN, flags::KIN),
            (SPEECH, flags::SPEECH),
            (ADDRESS, flags::ADDRESS),
            (SIGNOFF, flags::SIGNOFF),
            (CONTACTED, flags::CONTACTED),
            (STOP, flags::STOP),
        ];
        for (list, f) in cues {
            for w in list {
                add(w, f);
            }
        }
        let mut filter = vec![0u64; 1024];
        let mut starters = vec![0u64; 1024];
        for (w, f) in &words {
            let bit = filter_bit(w.as_bytes());
            filter[bit >> 6] |= 1 << (bit & 63);
            let plain_surname = f & flags::SURNAME != 0 && f & flags::AMBIGUOUS == 0;
            if f & (flags::FIRST | flags::TUSSEN) != 0 || plain_surname {
                starters[bit >> 6] |= 1 << (bit & 63);
            }
        }
        Lexicon {
            words,
            places,
            filter,
            starters,
        }
    })
}

/// Lower-cases `word` into `buf`; `None` when it does not fit (no name is that long).
#[inline]
fn lower_into<'b>(word: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    if word.is_ascii() {
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..bytes.len()]).ok();
    }
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let w = c.len_utf8();
        if n + w > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + w]);
        n += w;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// The [`flags`] of a word, any case (`0` when the word is in no list).
///
/// # Examples
///
/// ```ignore
/// use crate::lexicon::{lookup, flags};
/// assert!(lookup("Anouk") & flags::FIRST != 0);
/// ```
#[inline]
pub(crate) fn lookup(word: &str) -> u16 {
    if word.is_empty() {
        return 0;
    }
    let lex = lexicon();
    let bytes = word.as_bytes();
    // Fast path: a lower-case ASCII word is its own key, no copy.
    if bytes.iter().all(|b| b.is_ascii_lowercase()) {
        if !filter_has(&lex.filter, bytes) {
            return 0;
        }
        return lex.words.get(word).copied().unwrap_or(0);
    }
    let mut buf = [0u8; 48];
    let Some(lower) = lower_into(word, &mut buf) else {
        return 0;
    };
    if !filter_has(&lex.filter, lower.as_bytes()) {
        return 0;
    }
    lex.words.get(lower).copied().unwrap_or(0)
}

/// False when a lower-case ASCII word surely cannot open a name (no first name, plain
/// surname or tussenvoegsel); answers from a bit filter without hashing. Other words: true.
///
/// # Examples
///
/// ```ignore
/// assert!(!crate::lexicon::may_open_name("zzzz"));
/// ```
#[inline]
pub(crate) fn may_open_name(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    filter_has(&lexicon().starters, bytes)
}

/// True when `name` (any case; words joined by single spaces, hyphens or apostrophes as
/// written) is a place in the list.
///
/// # Examples
///
/// ```ignore
/// assert!(crate::lexicon::is_place("Den Haag"));
/// ```
pub(crate) fn is_place(name: &str) -> bool {
    let mut buf = [0u8; 48];
    match lower_into(name, &mut buf) {
        Some(lower) if lower.contains('’') => {
            lexicon().places.contains(lower.replace('’', "'").as_str())
        }
        Some(lower) => lexicon().places.contains(lower),
        None => false,
    }
}

/// Sizes of the compiled-in lists in bytes, for the report.
///
/// # Examples
///
/// ```ignore
/// assert!(crate::lexicon::data_size() < 300_000);
/// ```
#[allow(dead_code)]
pub(crate) fn data_size() -> usize {
    FIRST_NAMES.len() + SURNAMES.len() + AMBIGUOUS.len() + PLACES.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_are_case_insensitive() {
        let cases: &[(&str, u16)] = &[
            ("Anouk", flags::FIRST),
            ("ANOUK", flags::FIRST),
            ("anouk", flags::FIRST),
            ("Yılmaz", flags::SURNAME),
            ("Şahin", flags::SURNAME),
            ("Roos", flags::AMBIGUOUS),
            ("van", flags::TUSSEN),
            ("Mevrouw", flags::TITLE),
            ("wethouder", flags::ROLE),
            ("zoon", flags::KIN),
            ("belde", flags::SPEECH),
            ("Groetjes", flags::SIGNOFF),
            ("Defensie", flags::STOP),
            ("Zwolle", flags::PLACE),
        ];
        for (w, f) in cases {
            assert!(lookup(w) & f != 0, "{w}");
        }
        assert_eq!(lookup("qqqxz"), 0);
        assert_eq!(lookup(""), 0);
    }

    #[test]
    fn places_join_words() {
        assert!(is_place("Den Haag"));
        assert!(is_place("'s-Hertogenbosch"));
        assert!(is_place("assen"));
        assert!(!is_place("Defensie"));
    }

    #[test]
    fn lists_have_headers_and_stay_small() {
        for list in [FIRST_NAMES, SURNAMES, AMBIGUOUS, PLACES] {
            assert!(list.starts_with("# "));
        }
        assert!(data_size() < 300_000);
    }
}
