//! A deterministic generator of Dutch social-media reactions for benchmarks: replies to a
//! ministry's posts, with names, handles, e-mail addresses, phone numbers, dates, addresses,
//! IBANs, BSNs, plates and links in realistic proportions (most reactions hold none).
//!
//! Same seed, same corpus, on every machine: a tiny SplitMix64 generator, no dependencies.
//! Used by `benches/scan.rs` and `examples/gen_corpus.rs`. All values are invented; numbers
//! with a check digit (BSN, IBAN) are made valid so validators do their full work.

// Not every user of this module calls every function.
#![allow(dead_code)]

/// SplitMix64: small, fast, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

const FIRST: &[&str] = &[
    "Jan", "Piet", "Kees", "Sanne", "Fleur", "Daan", "Sem", "Lotte", "Emma", "Noah", "Mohammed",
    "Fatima", "Anouk", "Bram", "Joost", "Ingrid", "Henk", "Wilma", "Thijs", "Yara", "Özlem",
    "Anneke", "Gerrit", "Marieke", "Ruud", "Priya", "Tim", "Johan", "Eva", "Lieke",
];
const LAST: &[&str] = &[
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "El Amrani",
    "Yılmaz",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
];
const CITIES: &[&str] = &[
    "Amsterdam",
    "Rotterdam",
    "Den Haag",
    "Utrecht",
    "Eindhoven",
    "Groningen",
    "Tilburg",
    "Almere",
    "Breda",
    "Nijmegen",
    "Apeldoorn",
    "Haarlem",
    "Enschede",
    "Zwolle",
    "Leeuwarden",
    "Den Helder",
    "Harderwijk",
];
const STREETS: &[&str] = &[
    "Dorpsstraat",
    "Kerkweg",
    "Molenlaan",
    "Stationsplein",
    "Julianastraat",
    "Beukenlaan",
    "Havenkade",
    "Wilhelminasingel",
    "Schoolstraat",
    "Eikendreef",
];
const DOMAINS: &[&str] = &[
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "ziggo.nl",
    "kpnmail.nl",
    "live.nl",
    "planet.nl",
    "xs4all.nl",
];
const MONTHS: &[&str] = &[
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
];
const OWN: &[&str] = &["@DefensieNL", "@MinBZK", "@Rijksoverheid", "@MinVWS"];

/// Reactions without personal data: the bulk of a real export.
const PLAIN: &[&str] = &[
    "Goed bezig, ga zo door!",
    "Dit is echt onbegrijpelijk. Waarom duurt het zo lang voordat er een besluit komt?",
    "Wanneer komt er eindelijk duidelijkheid over de nieuwe regels voor de huurtoeslag?",
    "Helemaal mee eens 👍",
    "Kunnen jullie uitleggen wat dit betekent voor mensen met een laag inkomen?",
    "Wat een onzin weer. Niemand luistert naar de burger.",
    "Top initiatief, hopelijk volgen meer gemeenten dit voorbeeld.",
    "Ik heb drie keer gebeld en niemand kon me verder helpen. Heel frustrerend.",
    "Waar kan ik het formulier voor de aanvraag vinden? Op de website staat het niet.",
    "Respect voor alle mensen die hier dag en nacht aan werken 🙏",
    "Is er ook een Engelse versie van deze informatie beschikbaar?",
    "Hoe zit het met de afspraken die vorig jaar gemaakt zijn?",
    "Great news, thanks for sharing! When will this start?",
    "De wachttijden zijn echt niet normaal meer. Doe er wat aan!",
    "Mooie foto's van de oefening gisteren.",
    "Geldt dit ook voor mensen die in het buitenland wonen?",
    "Er klopt iets niet aan de cijfers in de grafiek, de totalen tellen niet op tot 100%.",
    "Dank jullie wel voor de snelle reactie!",
    "Ik snap niet waarom dit nu pas bekend wordt gemaakt.",
    "Vraag: kan ik bezwaar maken tegen dit besluit en zo ja, binnen welke termijn?",
];

/// Reactions with slots: {first} {name} {handle} {email} {phone} {date} {dob} {address}
/// {postcode} {city} {iban} {bsn} {url} {plate} {ip} {own}.
const TEMPLATES: &[&str] = &[
    "{own} Mijn naam is {name} en ik wacht al weken op antwoord. Bel me op {phone}.",
    "Mail mij gerust via {email}, dan stuur ik de stukken door.",
    "{own} ik heb op {date} een klacht ingediend maar nooit iets gehoord. Groet, {name}",
    "Wij wonen op {address}, {postcode} {city} en de overlast is niet te doen.",
    "Mijn vader ({name}, geboren {dob}) heeft nog steeds geen uitnodiging ontvangen.",
    "Het bedrag is teruggestort op {iban}, maar het klopt niet.",
    "Mijn BSN is {bsn}, kunnen jullie nagaan waarom mijn aanvraag is afgewezen?",
    "{handle} zag jij dit ook? Echt schandalig.",
    "Zie ook {url} voor de hele draad.",
    "Een auto met kenteken {plate} staat al dagen op de stoep bij {address} in {city}.",
    "Beste {first}, dank voor je bericht. Kun je je gegevens in een DM sturen? ^{initials}",
    "Contact: {name} | {phone} | {email}",
    "{own} {own} Waarom reageert niemand? Ik ben {first} uit {city} en heb al drie keer gemaild naar {email}.",
    "Vanaf mijn werk ({ip}) kan ik de site niet openen, thuis wel.",
    "RT {handle}: op {date} is er een informatieavond in {city}. Aanmelden via {email}",
    "Ik ben {first} {last}, woonachtig aan de {street} {number} te {city}. Graag contact via {phone}.",
];

fn name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

fn handle(rng: &mut Rng) -> String {
    let first = rng.pick(FIRST).to_lowercase().replace('ö', "o");
    let last = rng
        .pick(LAST)
        .replace(' ', "")
        .to_lowercase()
        .replace('ı', "i");
    match rng.below(3) {
        0 => format!("@{first}_{}", rng.below(100)),
        1 => format!("@{}{last}", &first[..1]),
        _ => format!("@{first}{}", rng.digits(2)),
    }
}

fn email(rng: &mut Rng) -> String {
    let first = rng.pick(FIRST).to_lowercase().replace('ö', "o");
    let last = rng
        .pick(LAST)
        .replace(' ', "")
        .to_lowercase()
        .replace('ı', "i");
    let domain = rng.pick(DOMAINS);
    match rng.below(3) {
        0 => format!("{first}.{last}@{domain}"),
        1 => format!("{first}{}@{domain}", rng.digits(2)),
        _ => format!("{}.{last}@{domain}", &first[..1]),
    }
}

fn phone(rng: &mut Rng) -> String {
    // Mobiles are 06-1 to 06-5; area numbers do not start with 0.
    let digits = format!("{}{}", 1 + rng.below(5), rng.digits(7));
    match rng.below(4) {
        0 => format!("06-{digits}"),
        1 => format!(
            "06 {} {} {} {}",
            &digits[..2],
            &digits[2..4],
            &digits[4..6],
            &digits[6..]
        ),
        2 => format!("+31 6 {digits}"),
        _ => format!("020-{}", &digits[..7]),
    }
}

fn date(rng: &mut Rng, year_from: usize, years: usize) -> String {
    let day = 1 + rng.below(28);
    let month = 1 + rng.below(12);
    let year = year_from + rng.below(years);
    match rng.below(3) {
        0 => format!("{day}-{month:02}-{year}"),
        1 => format!("{day} {} {year}", MONTHS[month - 1]),
        _ => format!("{day:02}/{month:02}/{year}"),
    }
}

fn postcode(rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"ABCEGHJKLMNPRTVWXZ";
    let a = char::from(LETTERS[rng.below(LETTERS.len())]);
    let b = char::from(LETTERS[rng.below(LETTERS.len())]);
    format!("{}{} {a}{b}", 1 + rng.below(9), rng.digits(3))
}

/// A BSN that passes the elfproef.
fn bsn(rng: &mut Rng) -> String {
    loop {
        let digits: Vec<u32> = (0..8).map(|_| rng.below(10) as u32).collect();
        let sum: u32 = digits.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum();
        let check = sum % 11;
        if check < 10 && digits[0] != 0 {
            let mut s: String = digits.iter().map(|d| char::from(b'0' + *d as u8)).collect();
            s.push(char::from(b'0' + check as u8));
            return s;
        }
    }
}

/// A Dutch IBAN with a valid mod-97 check, written in groups of four.
fn iban(rng: &mut Rng) -> String {
    let bank = rng.pick(&["ABNA", "INGB", "RABO", "SNSB", "TRIO"]);
    let account = rng.digits(10);
    // Rearranged: bank + account + "NL00", letters as numbers (A = 10).
    let mut remainder = 0u32;
    for c in format!("{bank}{account}NL00").chars() {
        let value = c.to_digit(36).unwrap_or(0);
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    let check = 98 - remainder;
    let plain = format!("NL{check:02}{bank}{account}");
    if rng.chance(50) {
        plain
    } else {
        let chunks: Vec<&str> = (0..plain.len())
            .step_by(4)
            .map(|i| &plain[i..(i + 4).min(plain.len())])
            .collect();
        chunks.join(" ")
    }
}

fn url(rng: &mut Rng) -> String {
    let user = handle(rng);
    let user = &user[1..];
    match rng.below(4) {
        0 => format!("https://x.com/{user}/status/{}", rng.digits(19)),
        1 => format!("https://www.instagram.com/{user}/"),
        2 => format!(
            "www.rijksoverheid.nl/onderwerpen/{}",
            rng.pick(&["zorg", "belasting", "defensie"])
        ),
        _ => format!("https://nos.nl/artikel/{}", rng.digits(7)),
    }
}

fn plate(rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"BDFGHJKLNPRSTVXZ";
    let l = |rng: &mut Rng| char::from(LETTERS[rng.below(LETTERS.len())]);
    match rng.below(2) {
        0 => format!(
            "{}{}-{}-{}{}",
            rng.digits(2),
            l(rng),
            rng.digits(3),
            l(rng),
            l(rng)
        ),
        _ => format!(
            "{}-{}{}{}-{}",
            rng.digits(1),
            l(rng),
            l(rng),
            l(rng),
            rng.digits(2)
        ),
    }
}

fn fill(template: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let slot = &rest[open + 1..open + close];
        let value = match slot {
            "first" => rng.pick(FIRST).to_string(),
            "last" => rng.pick(LAST).to_string(),
            "name" => name(rng),
            "initials" => rng.pick(&["AB", "JK", "MV", "SD"]).to_string(),
            "handle" => handle(rng),
            "email" => email(rng),
            "phone" => phone(rng),
            "date" => date(rng, 2019, 6),
            "dob" => date(rng, 1935, 70),
            "address" => format!("{} {}", rng.pick(STREETS), 1 + rng.below(200)),
            "street" => rng.pick(STREETS).to_string(),
            "number" => format!("{}{}", 1 + rng.below(150), rng.pick(&["", "", "a", "-2"])),
            "postcode" => postcode(rng),
            "city" => rng.pick(CITIES).to_string(),
            "iban" => iban(rng),
            "bsn" => bsn(rng),
            "url" => url(rng),
            "plate" => plate(rng),
            "ip" => format!(
                "{}.{}.{}.{}",
                1 + rng.below(223),
                rng.below(256),
                rng.below(256),
                1 + rng.below(254)
            ),
            "own" => rng.pick(OWN).to_string(),
            _ => String::new(),
        };
        out.push_str(&value);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// One reaction: one to three sentences, about a third of them with personal data.
pub fn reaction(rng: &mut Rng) -> String {
    let sentences = 1 + rng.below(3);
    let mut out = String::new();
    for i in 0..sentences {
        if i > 0 {
            out.push(' ');
        }
        if rng.chance(35) {
            let template = rng.pick(TEMPLATES);
            out.push_str(&fill(template, rng));
        } else {
            out.push_str(rng.pick(PLAIN));
        }
    }
    out
}

/// Reactions totalling at least `bytes` bytes, the same for the same seed.
pub fn reactions(bytes: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut total = 0;
    let mut out = Vec::new();
    while total < bytes {
        let r = reaction(&mut rng);
        total += r.len();
        out.push(r);
    }
    out
}
