//! The kinds of personal data weglakker finds, with their stable ids and labels.
//!
//! The ids are a contract shared by the API, the CLI, the policy file, the report and the
//! evaluation (DESIGN.md section 2): never rename one.

use std::fmt;
use std::str::FromStr;

/// A kind of personal data.
///
/// # Examples
///
/// ```
/// use weglakker::Kind;
///
/// let kind: Kind = "iban".parse().unwrap();
/// assert_eq!(kind, Kind::Iban);
/// assert_eq!(kind.id(), "iban");
/// assert_eq!(kind.label(weglakker::Lang::Nl), "IBAN");
/// assert!(Kind::Health.is_special());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// A person's name tokens (no titles).
    Person,
    /// A social-media handle, `@` included (Mastodon: `@user@instance`).
    Handle,
    /// An e-mail address, also in obfuscated forms (`jan [at] gmail punt com`).
    Email,
    /// A telephone number.
    Phone,
    /// An IPv4 or IPv6 address, with an attached port.
    Ip,
    /// A web address (profile links are marked by their rule).
    Url,
    /// A street with house number, or a postcode.
    Address,
    /// A place that tells where a person lives or is.
    Location,
    /// A Dutch citizen service number (burgerservicenummer), elfproef-valid.
    Bsn,
    /// An international bank account number, mod-97-valid.
    Iban,
    /// A payment card number, Luhn-valid with a known issuer prefix.
    CreditCard,
    /// A Dutch licence plate (kenteken).
    LicensePlate,
    /// A concrete calendar date.
    Date,
    /// A date of birth (a date with birth context).
    BirthDate,
    /// Health data (AVG art. 9).
    Health,
    /// Religious or philosophical belief (AVG art. 9).
    Religion,
    /// Political opinion (AVG art. 9).
    Politics,
    /// Racial or ethnic origin (AVG art. 9).
    Ethnicity,
    /// Sex life or sexual orientation (AVG art. 9).
    SexualOrientation,
    /// Trade-union membership (AVG art. 9).
    TradeUnion,
    /// Criminal convictions and offences (AVG art. 10).
    Criminal,
}

/// Whether a kind identifies a person or reveals a special category about one.
///
/// # Examples
///
/// ```
/// use weglakker::{Group, Kind};
///
/// assert_eq!(Kind::Email.group(), Group::Identifier);
/// assert_eq!(Kind::Religion.group(), Group::Special);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Data that points to a person (names, contact details, numbers).
    Identifier,
    /// Special-category data (AVG art. 9 and 10).
    Special,
}

/// The language of labels and of the text being scanned.
///
/// # Examples
///
/// ```
/// use weglakker::{Kind, Lang};
///
/// assert_eq!(Kind::Person.label(Lang::Nl), "PERSOON");
/// assert_eq!(Kind::Person.label(Lang::En), "PERSON");
/// assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Dutch (the default).
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code: `"nl"` or `"en"`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(weglakker::Lang::Nl.code(), "nl");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

impl FromStr for Lang {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Lang, crate::Error> {
        match s {
            "nl" => Ok(Lang::Nl),
            "en" => Ok(Lang::En),
            other => Err(crate::Error::unknown("language", other, "nl, en")),
        }
    }
}

/// (kind, id, group, Dutch label, English label): one row per kind, the single source of
/// these facts.
const TABLE: [(Kind, &str, Group, &str, &str); 21] = [
    (
        Kind::Person,
        "person",
        Group::Identifier,
        "PERSOON",
        "PERSON",
    ),
    (
        Kind::Handle,
        "handle",
        Group::Identifier,
        "ACCOUNT",
        "HANDLE",
    ),
    (Kind::Email, "email", Group::Identifier, "E-MAIL", "EMAIL"),
    (Kind::Phone, "phone", Group::Identifier, "TELEFOON", "PHONE"),
    (Kind::Ip, "ip", Group::Identifier, "IP-ADRES", "IP"),
    (Kind::Url, "url", Group::Identifier, "URL", "URL"),
    (
        Kind::Address,
        "address",
        Group::Identifier,
        "ADRES",
        "ADDRESS",
    ),
    (
        Kind::Location,
        "location",
        Group::Identifier,
        "PLAATS",
        "LOCATION",
    ),
    (Kind::Bsn, "bsn", Group::Identifier, "BSN", "BSN"),
    (Kind::Iban, "iban", Group::Identifier, "IBAN", "IBAN"),
    (
        Kind::CreditCard,
        "credit_card",
        Group::Identifier,
        "CREDITCARD",
        "CREDIT-CARD",
    ),
    (
        Kind::LicensePlate,
        "license_plate",
        Group::Identifier,
        "KENTEKEN",
        "LICENSE-PLATE",
    ),
    (Kind::Date, "date", Group::Identifier, "DATUM", "DATE"),
    (
        Kind::BirthDate,
        "birth_date",
        Group::Identifier,
        "GEBOORTEDATUM",
        "BIRTH-DATE",
    ),
    (
        Kind::Health,
        "health",
        Group::Special,
        "GEZONDHEID",
        "HEALTH",
    ),
    (
        Kind::Religion,
        "religion",
        Group::Special,
        "RELIGIE",
        "RELIGION",
    ),
    (
        Kind::Politics,
        "politics",
        Group::Special,
        "POLITIEK",
        "POLITICS",
    ),
    (
        Kind::Ethnicity,
        "ethnicity",
        Group::Special,
        "AFKOMST",
        "ETHNICITY",
    ),
    (
        Kind::SexualOrientation,
        "sexual_orientation",
        Group::Special,
        "GEAARDHEID",
        "ORIENTATION",
    ),
    (
        Kind::TradeUnion,
        "trade_union",
        Group::Special,
        "VAKBOND",
        "TRADE-UNION",
    ),
    (
        Kind::Criminal,
        "criminal",
        Group::Special,
        "STRAFRECHTELIJK",
        "CRIMINAL",
    ),
];

impl Kind {
    /// Every kind, in the order of DESIGN.md section 2.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(weglakker::Kind::ALL.len(), 21);
    /// ```
    pub const ALL: [Kind; 21] = {
        let mut all = [Kind::Person; 21];
        let mut i = 0;
        while i < 21 {
            all[i] = TABLE[i].0;
            i += 1;
        }
        all
    };

    fn row(self) -> &'static (Kind, &'static str, Group, &'static str, &'static str) {
        // TABLE is in declaration order, so the discriminant is the row index.
        &TABLE[self as usize]
    }

    /// The stable id (`"credit_card"`, `"sexual_orientation"`, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(weglakker::Kind::CreditCard.id(), "credit_card");
    /// ```
    pub fn id(self) -> &'static str {
        self.row().1
    }

    /// Identifier or special category.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(weglakker::Kind::Bsn.group(), weglakker::Group::Identifier);
    /// ```
    pub fn group(self) -> Group {
        self.row().2
    }

    /// True for the special categories of AVG art. 9 and 10.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(weglakker::Kind::Criminal.is_special());
    /// assert!(!weglakker::Kind::Phone.is_special());
    /// ```
    pub fn is_special(self) -> bool {
        self.group() == Group::Special
    }

    /// The upper-case label used in tags and pseudonyms (`PERSOON`, `E-MAIL`).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Kind, Lang};
    /// assert_eq!(Kind::Phone.label(Lang::Nl), "TELEFOON");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.row().3,
            Lang::En => self.row().4,
        }
    }

    /// A bit for this kind, for compact kind sets.
    pub(crate) fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Kind {
    type Err = crate::Error;

    /// Parses a stable id; the error lists the valid ones.
    fn from_str(s: &str) -> Result<Kind, crate::Error> {
        TABLE
            .iter()
            .find(|row| row.1 == s)
            .map(|row| row.0)
            .ok_or_else(|| {
                let valid: Vec<&str> = TABLE.iter().map(|row| row.1).collect();
                crate::Error::unknown("kind", s, &valid.join(", "))
            })
    }
}

impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> serde::Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A set of kinds, as a bit set.
///
/// # Examples
///
/// ```
/// use weglakker::{Kind, KindSet};
///
/// let set: KindSet = [Kind::Email, Kind::Phone].into_iter().collect();
/// assert!(set.contains(Kind::Email));
/// assert!(!set.contains(Kind::Person));
/// assert!(KindSet::all().contains(Kind::Criminal));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct KindSet(u32);

impl KindSet {
    /// Every kind.
    pub fn all() -> KindSet {
        Kind::ALL.into_iter().collect()
    }

    /// No kind.
    pub fn empty() -> KindSet {
        KindSet(0)
    }

    /// Whether `kind` is in the set.
    pub fn contains(self, kind: Kind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// Adds `kind`.
    pub fn insert(&mut self, kind: Kind) {
        self.0 |= kind.bit();
    }

    /// Removes `kind`.
    pub fn remove(&mut self, kind: Kind) {
        self.0 &= !kind.bit();
    }

    /// The kinds in the set, in [`Kind::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| self.contains(*k))
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> KindSet {
        let mut set = KindSet::empty();
        for kind in iter {
            set.insert(kind);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_declaration_order() {
        for (i, row) in TABLE.iter().enumerate() {
            assert_eq!(row.0 as usize, i, "row {} ({}) is out of order", i, row.1);
        }
    }

    #[test]
    fn ids_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for kind in Kind::ALL {
            assert_eq!(kind.id().parse::<Kind>().unwrap(), kind);
            assert!(seen.insert(kind.id()));
        }
    }

    #[test]
    fn unknown_kind_names_the_valid_ones() {
        let err = "persoon".parse::<Kind>().unwrap_err().to_string();
        assert!(
            err.contains("persoon") && err.contains("person, handle"),
            "{err}"
        );
    }

    #[test]
    fn special_kinds_are_the_last_seven() {
        let special: Vec<Kind> = Kind::ALL.into_iter().filter(|k| k.is_special()).collect();
        assert_eq!(special, Kind::ALL[14..].to_vec());
    }
}
