//! Column roles for tables (CSV, LinkedIn, xlsx): which column is free text, which names a
//! person, which is kept; where the header row is; and how one cell is minimised.
//!
//! Roles come from the header by synonyms (Dutch and English, the column names of
//! Meltwater, Brandwatch, Coosto-like and LinkedIn exports), and the policy's `fields`
//! (column name → operator) overrides them:
//!
//! | header (after lower-casing, `_`/`-` read as space) | role |
//! |---|---|
//! | `auteur`, `author`, `naam`, `name`, `author name`, `afzender`, ... | [`Role::Identifying`] person |
//! | `handle`, `author handle`, `username`, `screen name`, `account`, ... | [`Role::Identifying`] account |
//! | `email`, `e-mail`, ... | [`Role::Identifying`] e-mail |
//! | `author url`, `profile url`, ... | [`Role::Identifying`] URL |
//! | `date`, `datum`, `time`, `id`, `document id`, counts, `sentiment`, ... | [`Role::Keep`] |
//! | anything else (`bericht`, `message`, `hit sentence`, `url`, unknown columns) | [`Role::Text`] |
//!
//! Unknown columns are scanned, not kept: a column we do not know may hold anything, and
//! scanning a number or a code finds nothing. Post URLs (`url`, `link`) are scanned too: the
//! URL detector decides whether one identifies a person, and a post's link stays usable.
//!
//! Policy overrides: `keep` keeps the column unscanned; `drop` empties every cell of the
//! column but keeps the column and its header, so the table keeps its shape for the next
//! tool; every other operator replaces whole cell values (as the column's kind, or by the
//! value's look: `@` → account, e-mail address, else person).

use crate::report::Report;
use crate::{
    Anonymiser, Engine, EngineBuilder, Finding, Kind, Operator, Policy, Replacement, Span,
};
use std::collections::BTreeSet;

/// What happens to the cells of a column.
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::{role, Role};
/// use weglakker::{Kind, Policy};
///
/// let policy = Policy::default();
/// assert_eq!(role("Author Name", &policy), Role::Identifying(Kind::Person));
/// assert_eq!(role("Bericht", &policy), Role::Text);
/// assert_eq!(role("Datum", &policy), Role::Keep);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Free text: scanned, findings replaced per policy.
    Text,
    /// The whole value identifies someone (an author, a handle): replaced as a whole, and
    /// learned as a term so that the same name is caught in the free text.
    Identifying(Kind),
    /// Kept as it is, not scanned (dates, ids, counts).
    Keep,
    /// Emptied (policy `drop`); the column itself stays.
    Drop,
}

/// Header synonyms, normalised (lower case, single spaces). Checked in this order.
const PERSON: &[&str] = &[
    "author",
    "auteur",
    "author name",
    "auteur naam",
    "auteursnaam",
    "naam",
    "name",
    "full name",
    "volledige naam",
    "display name",
    "weergavenaam",
    "afzender",
    "from",
    "from name",
    "schrijver",
    "gebruiker",
    "user",
    "commenter",
    "reviewer",
    "poster",
    "contact",
    "contactpersoon",
    // LinkedIn's Connections.csv, Profile.csv and Messages.csv.
    "first name",
    "last name",
    "maiden name",
    "to",
];

const HANDLE: &[&str] = &[
    "handle",
    "author handle",
    "username",
    "user name",
    "gebruikersnaam",
    "screen name",
    "account",
    "account name",
    "accountnaam",
    "twitter handle",
    "twitter handles",
    "author username",
    "author id",
    "user id",
    "from id",
    "gebruikers id",
];

const EMAIL: &[&str] = &[
    "email",
    "e mail",
    "emailadres",
    "e mailadres",
    "mail",
    "email address",
];

const PROFILE_URL: &[&str] = &[
    "author url",
    "profile url",
    "author profile url",
    "profiel url",
    "profiel",
    "author channel url",
    "user url",
    // LinkedIn's Messages.csv.
    "sender profile url",
    "recipient profile urls",
];

/// Columns kept as they are: record ids, dates and times, counts and classifications.
const KEEP: &[&str] = &[
    "id",
    "date",
    "datum",
    "time",
    "tijd",
    "created at",
    "created",
    "timestamp",
    "published",
    "publicatiedatum",
    "document id",
    "post id",
    "comment id",
    "tweet id",
    "message id",
    "bericht id",
    "status id",
    "query id",
    "query name",
    "input name",
    "keywords",
    "information type",
    "source type",
    "source name",
    "source domain",
    "content type",
    "page type",
    "thread entry type",
    "account type",
    "country",
    "country code",
    "land",
    "language",
    "taal",
    "sentiment",
    "reach",
    "bereik",
    "likes",
    "replies",
    "reposts",
    "shares",
    "retweets",
    "views",
    "engagement",
    "followers",
    "volgers",
    "visibility",
    "platform",
    "kanaal",
    "medium",
    "domain",
    // LinkedIn.
    "connected on",
    "conversation id",
    "folder",
];

/// Columns whose value is the record id (copied to the scan output).
const RECORD_ID: &[&str] = &[
    "id",
    "document id",
    "post id",
    "comment id",
    "tweet id",
    "message id",
    "bericht id",
    "status id",
];

/// A header cell normalised for matching: trimmed, lower case, `_`, `-` and `.` read as
/// spaces, runs of spaces collapsed.
///
/// # Examples
///
/// ```
/// assert_eq!(weglakker::formats::columns::normalise("  Author_Name "), "author name");
/// ```
pub fn normalise(header: &str) -> String {
    let lower = header.trim().to_lowercase();
    let spaced: String = lower
        .chars()
        .map(|c| if matches!(c, '_' | '-' | '.') { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The role of a column by its header, before the policy is asked.
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::{role_by_header, Role};
/// use weglakker::Kind;
///
/// assert_eq!(role_by_header("Author Handle"), Role::Identifying(Kind::Handle));
/// assert_eq!(role_by_header("Hit Sentence"), Role::Text);
/// assert_eq!(role_by_header("Kolom 7"), Role::Text);
/// ```
pub fn role_by_header(header: &str) -> Role {
    let name = normalise(header);
    let name = name.as_str();
    if PERSON.contains(&name) {
        Role::Identifying(Kind::Person)
    } else if HANDLE.contains(&name) {
        Role::Identifying(Kind::Handle)
    } else if EMAIL.contains(&name) {
        Role::Identifying(Kind::Email)
    } else if PROFILE_URL.contains(&name) {
        Role::Identifying(Kind::Url)
    } else if KEEP.contains(&name) {
        Role::Keep
    } else {
        Role::Text
    }
}

/// Free-text column names, the likeliest main text first (Meltwater's `Hit Sentence` holds
/// the post, its `Title` is often empty).
const TEXT: &[&str] = &[
    "message",
    "bericht",
    "text",
    "tekst",
    "content",
    "inhoud",
    "body",
    "hit sentence",
    "full text",
    "sharecommentary",
    "comment",
    "reactie",
    "opmerking",
    "post",
    "caption",
    "snippet",
    "opening text",
    "title",
    "titel",
];

/// Link column names (scanned as text, but not the main text).
const LINK: &[&str] = &[
    "url",
    "link",
    "links",
    "permalink",
    "sharelink",
    "sharedurl",
    "mediaurl",
];

/// True when the header names a known column, so a row of such cells is likely the header
/// row.
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::is_known;
/// assert!(is_known("Hit Sentence"));
/// assert!(is_known("datum"));
/// assert!(!is_known("Kolom 7"));
/// ```
pub fn is_known(header: &str) -> bool {
    let name = normalise(header);
    role_by_header(header) != Role::Text
        || TEXT.contains(&name.as_str())
        || LINK.contains(&name.as_str())
}

/// The index of the main free-text column among column names: the one whose name comes
/// first in the list of text synonyms. A scan always lists this column's cells.
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::main_text;
/// assert_eq!(main_text(["Date", "Link", "Message"]), Some(2));
/// assert_eq!(main_text(["Title", "Opening Text", "Hit Sentence"]), Some(2));
/// assert_eq!(main_text(["Date", "Url"]), None);
/// ```
pub fn main_text<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<usize> {
    let ranks: Vec<Option<usize>> = names
        .into_iter()
        .map(|n| TEXT.iter().position(|t| *t == normalise(n)))
        .collect();
    ranks
        .iter()
        .enumerate()
        .filter_map(|(i, rank)| rank.map(|r| (r, i)))
        .min()
        .map(|(_, i)| i)
}

/// The role of a column: the policy's `fields` entry for its header if there is one, else
/// the role by header.
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::{role, Role};
/// use weglakker::{Kind, Policy};
///
/// let policy = Policy::from_json(r#"{"version": 1, "fields": {
///     "Bericht": {"type": "keep"}, "Naam": {"type": "drop"}, "Klant": {"type": "tag"}}}"#).unwrap();
/// assert_eq!(role("Bericht", &policy), Role::Keep);
/// assert_eq!(role("Naam", &policy), Role::Drop);
/// assert_eq!(role("Klant", &policy), Role::Identifying(Kind::Person));
/// assert_eq!(role("Auteur", &policy), Role::Identifying(Kind::Person));
/// ```
pub fn role(header: &str, policy: &Policy) -> Role {
    let by_header = role_by_header(header);
    match policy.fields.get(header) {
        None => by_header,
        Some(Operator::Keep) => Role::Keep,
        Some(Operator::Drop) => Role::Drop,
        Some(_) => match by_header {
            Role::Identifying(kind) => Role::Identifying(kind),
            _ => Role::Identifying(Kind::Person),
        },
    }
}

/// True when the header names the record id column.
///
/// # Examples
///
/// ```
/// assert!(weglakker::formats::columns::is_record_id("Document ID"));
/// assert!(!weglakker::formats::columns::is_record_id("Author ID"));
/// ```
pub fn is_record_id(header: &str) -> bool {
    RECORD_ID.contains(&normalise(header).as_str())
}

/// Rows looked at when searching for the header (and four times as many for the common
/// row length).
pub const HEADER_SEARCH: usize = 30;

/// The index of the header row among the first rows: the first row with at least two cells
/// that are known column names; else the first row with at least two non-empty cells,
/// as many cells as the most common row length and at least half of them filled (a title
/// line padded with delimiters is skipped); else row 0.
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::header_row;
///
/// let rows = vec![
///     vec!["Export zoekopdracht", "", ""],
///     vec![""],
///     vec!["Datum", "Auteur", "Bericht"],
///     vec!["1-3-2024", "Jan", "Hoi"],
/// ];
/// assert_eq!(header_row(&rows), 2);
/// ```
pub fn header_row<S: AsRef<str>>(rows: &[Vec<S>]) -> usize {
    let head = &rows[..rows.len().min(HEADER_SEARCH)];
    let known = head.iter().position(|row| {
        row.iter()
            .filter(|c| is_known(c.as_ref()) && !c.as_ref().trim().is_empty())
            .count()
            >= 2
    });
    if let Some(i) = known {
        return i;
    }
    // The most common row length (ties: the longer).
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for row in rows.iter().take(HEADER_SEARCH * 4) {
        match counts.iter_mut().find(|(len, _)| *len == row.len()) {
            Some((_, n)) => *n += 1,
            None => counts.push((row.len(), 1)),
        }
    }
    let common = counts
        .iter()
        .max_by_key(|(len, n)| (*n, *len))
        .map_or(0, |(len, _)| *len);
    head.iter()
        .position(|row| {
            let filled = row.iter().filter(|c| !c.as_ref().trim().is_empty()).count();
            row.len() == common && filled >= 2 && filled * 2 >= row.len()
        })
        .unwrap_or(0)
}

/// Author values that name nobody: kept as they are and never learned (learning
/// `anoniem` would replace the word in every text).
const NOBODY: &[&str] = &[
    "anoniem",
    "anonymous",
    "onbekend",
    "unknown",
    "[deleted]",
    "[removed]",
    "deleted",
    "n/a",
    "nvt",
    "-",
];

/// True when an identifying value names nobody (`anoniem`, `unknown`, `[deleted]`).
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::names_nobody;
/// assert!(names_nobody(" Anoniem "));
/// assert!(!names_nobody("Anja"));
/// ```
pub fn names_nobody(value: &str) -> bool {
    NOBODY.contains(&value.trim().to_lowercase().as_str())
}

/// The terms learned from identifying cells: (kind, value) pairs to feed the engine, so the
/// same person is caught in free text. Values shorter than three characters and numbers are
/// left out (they would match everywhere); an account is learned with and without `@`.
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::Learned;
/// use weglakker::Kind;
///
/// let mut learned = Learned::default();
/// learned.add(Kind::Person, " Jan de Vries ");
/// learned.add(Kind::Handle, "@jdv");
/// learned.add(Kind::Person, "Al");
/// learned.add(Kind::Person, "anoniem");
/// learned.add(Kind::Handle, "12345");
/// let engine = learned.engine(&weglakker::Policy::default());
/// let found = engine.scan("Jan de Vries schreef aan jdv");
/// assert!(found.iter().any(|f| f.rule == "term" && f.kind == Kind::Person));
/// assert!(engine.scan("ik blijf anoniem").iter().all(|f| f.rule != "term"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Learned {
    terms: BTreeSet<(Kind, String)>,
}

impl Learned {
    /// Learns one identifying value.
    pub fn add(&mut self, kind: Kind, value: &str) {
        if !matches!(kind, Kind::Person | Kind::Handle) {
            return;
        }
        let value = value.trim();
        let bare = value.strip_prefix('@').unwrap_or(value);
        if names_nobody(bare)
            || bare.chars().count() < 3
            || bare.chars().all(|c| c.is_ascii_digit())
        {
            return;
        }
        if kind == Kind::Handle {
            self.terms.insert((kind, format!("@{bare}")));
        }
        self.terms.insert((kind, bare.to_string()));
    }

    /// Learns every term another [`Learned`] has (tables of one export zip).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::columns::Learned;
    /// use weglakker::Kind;
    ///
    /// let (mut a, mut b) = (Learned::default(), Learned::default());
    /// a.add(Kind::Person, "Jan de Vries");
    /// b.add(Kind::Person, "Els Bakker");
    /// a.merge(&b);
    /// assert_eq!(a.terms().count(), 2);
    /// ```
    pub fn merge(&mut self, other: &Learned) {
        self.terms.extend(other.terms.iter().cloned());
    }

    /// The learned terms, by kind and text (a handle both with and without its `@`).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::columns::Learned;
    /// use weglakker::Kind;
    ///
    /// let mut learned = Learned::default();
    /// learned.add(Kind::Handle, "@jdv84");
    /// let terms: Vec<_> = learned.terms().map(|(_, t)| t.as_str()).collect();
    /// assert_eq!(terms, ["@jdv84", "jdv84"]);
    /// ```
    pub fn terms(&self) -> impl Iterator<Item = &(Kind, String)> {
        self.terms.iter()
    }

    /// The policy's engine with the learned terms added.
    pub fn engine(&self, policy: &Policy) -> Engine {
        self.builder(policy).build()
    }

    /// The policy's engine builder with the learned terms added, to set more (tests limit
    /// the kinds to lists only).
    pub fn builder(&self, policy: &Policy) -> EngineBuilder {
        let mut builder = policy.engine_builder();
        for (kind, term) in &self.terms {
            builder.terms(*kind, [term.as_str()]);
        }
        builder
    }
}

/// Minimises one cell of a column with `role` named `header`: `None` when the cell stays as
/// it is. Counts findings and replacements in the report.
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::{minimise_cell, Role};
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Kind, Policy};
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
/// let engine = policy.engine_builder().build();
/// let mut anon = Anonymiser::new(&policy);
/// let mut report = Report::new(&policy);
/// let mut cell = |role, value| minimise_cell(&policy, role, "c", value, &engine, &mut anon, &mut report);
/// assert_eq!(cell(Role::Text, "Operatie Zeemeeuw").as_deref(), Some("Operatie [PERSOON-1]"));
/// assert_eq!(cell(Role::Identifying(Kind::Person), "Jan Jansen").as_deref(), Some("[PERSOON-2]"));
/// assert_eq!(cell(Role::Drop, "x").as_deref(), Some(""));
/// assert_eq!(cell(Role::Keep, "Zeemeeuw"), None);
/// assert_eq!(cell(Role::Text, "niets"), None);
/// ```
pub fn minimise_cell(
    policy: &Policy,
    role: Role,
    header: &str,
    value: &str,
    engine: &Engine,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> Option<String> {
    minimise_cell_with(
        policy,
        role,
        header,
        value,
        engine,
        anonymiser,
        report,
        &mut |_| {},
    )
}

/// [`minimise_cell`], with `keep` marking the findings a person decided to keep as
/// allowed (an identifying cell's whole-value finding too: kept, the cell stays).
#[allow(clippy::too_many_arguments)]
pub fn minimise_cell_with(
    policy: &Policy,
    role: Role,
    header: &str,
    value: &str,
    engine: &Engine,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
    keep: &mut dyn FnMut(&mut [Finding]),
) -> Option<String> {
    let changed = |out: String| if out == value { None } else { Some(out) };
    match role {
        Role::Keep => None,
        Role::Drop => changed(String::new()),
        Role::Text => {
            let mut findings = engine.scan(value);
            if findings.is_empty() {
                return None;
            }
            keep(&mut findings);
            let out = anonymiser.anonymise(value, &findings);
            report.add_findings(&findings);
            report.add_replacements(&out.replacements);
            changed(out.text)
        }
        Role::Identifying(kind) => {
            let mut whole = whole_finding(kind, value)?;
            keep(std::slice::from_mut(&mut whole));
            report.add_findings(std::slice::from_ref(&whole));
            if whole.allowed {
                return None;
            }
            let Some(op) = policy.fields.get(header) else {
                // No operator for the column: the operator of the value's kind.
                let out = anonymiser.anonymise(value, std::slice::from_ref(&whole));
                report.add_replacements(&out.replacements);
                return changed(out.text);
            };
            let span = whole.span;
            let Some(replacement) = anonymiser.field(header, whole.kind, &value[span.range()])
            else {
                return changed(String::new());
            };
            report.add_replacements(&[Replacement {
                kind: whole.kind,
                input: span,
                output: Span::new(span.start, span.start + replacement.len()),
                operator: operator_name(op),
            }]);
            changed(format!(
                "{}{replacement}{}",
                &value[..span.start],
                &value[span.end..]
            ))
        }
    }
}

fn operator_name(op: &Operator) -> &'static str {
    match op {
        Operator::Keep => "keep",
        Operator::Redact => "redact",
        Operator::Tag => "tag",
        Operator::Pseudonym => "pseudonym",
        Operator::Mask { .. } => "mask",
        Operator::Generalise { .. } => "generalise",
        Operator::Drop => "drop",
    }
}

/// The kind of a whole identifying value: the column's kind, unless the value says
/// otherwise (an `@handle` in a name column, an e-mail address).
fn value_kind(column: Kind, value: &str) -> Kind {
    if value.starts_with('@') && !value.contains(' ') {
        Kind::Handle
    } else if value.contains('@') && !value.contains(' ') && !value.starts_with('@') {
        Kind::Email
    } else {
        column
    }
}

/// The finding that a scan reports for a whole identifying cell.
///
/// # Examples
///
/// ```
/// use weglakker::formats::columns::whole_finding;
/// use weglakker::Kind;
///
/// let f = whole_finding(Kind::Person, " Jan ").unwrap();
/// assert_eq!((f.span.start, f.span.end, f.rule), (1, 4, "field"));
/// assert!(whole_finding(Kind::Person, "  ").is_none());
/// assert!(whole_finding(Kind::Person, "anoniem").is_none());
/// ```
pub fn whole_finding(kind: Kind, value: &str) -> Option<Finding> {
    let trimmed = value.trim();
    if trimmed.is_empty() || names_nobody(trimmed) {
        return None;
    }
    let start = value.len() - value.trim_start().len();
    Some(Finding::new(
        Span::new(start, start + trimmed.len()),
        value_kind(kind, trimmed),
        1.0,
        "field",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_by_header() {
        let cases: &[(&str, Role)] = &[
            // people, in Dutch and English, any case and separator
            ("Auteur", Role::Identifying(Kind::Person)),
            ("author_name", Role::Identifying(Kind::Person)),
            ("AFZENDER", Role::Identifying(Kind::Person)),
            // accounts and ids of accounts
            ("Author Handle", Role::Identifying(Kind::Handle)),
            ("screen-name", Role::Identifying(Kind::Handle)),
            ("User ID", Role::Identifying(Kind::Handle)),
            // contact details and profile links
            ("E-mail", Role::Identifying(Kind::Email)),
            ("Author URL", Role::Identifying(Kind::Url)),
            // kept: dates, ids of posts, counts, classifications
            ("Datum", Role::Keep),
            ("Document ID", Role::Keep),
            ("Reach", Role::Keep),
            ("Sentiment", Role::Keep),
            // scanned: text, post links, and anything unknown
            ("Hit Sentence", Role::Text),
            ("Url", Role::Text),
            ("Naam van de straat", Role::Text),
            ("Opmerkingen klant", Role::Text),
            ("", Role::Text),
        ];
        for (header, want) in cases {
            assert_eq!(role_by_header(header), *want, "{header:?}");
        }
    }

    #[test]
    fn header_rows() {
        let cases: &[(&[&[&str]], usize)] = &[
            // known names on the first line
            (&[&["Date", "Link", "Message"], &["1", "2", "3"]], 0),
            // title lines above, padded or not
            (
                &[
                    &["Export", "", ""],
                    &["", "", ""],
                    &["datum", "auteur", "bericht"],
                ],
                2,
            ),
            // unknown names: the first full row of the common length
            (
                &[
                    &["Rapport"],
                    &["k1", "k2", "k3"],
                    &["a", "b", "c"],
                    &["d", "e", "f"],
                ],
                1,
            ),
            // one known name is not enough; a lone title row is skipped
            (&[&["Datum"], &["x", "y"], &["1", "2"]], 1),
            // nothing fits: row 0
            (&[&["a"], &["b"]], 0),
            (&[], 0),
        ];
        for (rows, want) in cases {
            let rows: Vec<Vec<&str>> = rows.iter().map(|r| r.to_vec()).collect();
            assert_eq!(header_row(&rows), *want, "{rows:?}");
        }
    }

    #[test]
    fn identifying_cells_keep_their_spacing_and_skip_nobody() {
        let policy = Policy::default();
        let engine = policy.engine_builder().kinds([]).build();
        let mut anon = Anonymiser::new(&policy);
        let mut report = Report::new(&policy);
        let person = Role::Identifying(Kind::Person);
        let cases: &[(&str, Option<&str>)] = &[
            (" Jan Jansen ", Some(" [PERSOON-1] ")),
            ("@janj", Some("[ACCOUNT-1]")),
            ("jan@example.nl", Some("[E-MAIL-1]")),
            ("Anoniem", None),
            ("", None),
        ];
        for (value, want) in cases {
            let got = minimise_cell(
                &policy,
                person,
                "auteur",
                value,
                &engine,
                &mut anon,
                &mut report,
            );
            assert_eq!(got.as_deref(), *want, "{value:?}");
        }
    }
}
