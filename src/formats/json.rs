//! Whole JSON documents, and the machinery the JSON family (X archive, Meta exports,
//! Mastodon) shares.
//!
//! Every string value is a field, named by its JSON pointer without the leading slash
//! (`0/tweet/full_text`, `orderedItems/3/object/content`). A [`Profile`] says which arrays
//! hold the records (the items of a top-level array, `orderedItems`, `comments_v2`...) and
//! which [`Role`] every field has: free text that is scanned, HTML whose text nodes are
//! scanned, identifying metadata replaced as a whole (author, handle, user id, profile URL,
//! IP), or kept (ids, dates). The generic `json` format scans every string, like `jsonl`.
//!
//! Anonymising rewrites only the strings that change, in the raw text, so key order,
//! numbers, escapes and white space of everything else stay byte-identical (the Meta
//! formats also rewrite the strings whose mojibake they repaired; see [`super::meta`]).
//!
//! Names and handles from identifying fields are learned as engine terms before any free
//! text is scanned, so the author of a reply and a mention of them in a post get the same
//! pseudonym.
//!
//! Policy `fields` operators name a field by its full pointer, by its pointer inside the
//! record without array indexes (`tweet/entities/user_mentions/screen_name`) or by its last
//! key (`screen_name`); they win over the profile's roles: `drop` removes the member, `keep`
//! leaves it alone, any other operator replaces every string inside it as a whole.

use super::hooks::Hooks;
use super::html::Markup;
use super::jsonl::{field_kind, operator_name};
use super::Format;
use crate::report::Report;
use crate::triage::Reaction;
use crate::{Anonymiser, Engine, Finding, Kind, Operator, Policy, Replacement, Span};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// A string value and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct StringValue {
    /// Its field name: the JSON pointer without the leading `/`.
    pub field: String,
    /// The raw JSON string, quotes included, as a byte range of the text.
    pub raw: Range<usize>,
    /// The decoded value.
    pub value: String,
}

/// An object member (`"key": value`) and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// Its field name: the JSON pointer without the leading `/`.
    pub field: String,
    /// Where its key's opening quote is.
    pub key_start: usize,
    /// The raw value as a byte range of the text.
    pub value: Range<usize>,
    /// True when the value is a string.
    pub is_string: bool,
}

/// The places of every string value and object member of a valid JSON text.
pub(crate) struct Places {
    pub(crate) strings: Vec<StringValue>,
    pub(crate) members: Vec<Member>,
    pub(crate) objects: Vec<Vec<usize>>,
    /// Every array: its field and the raw ranges of its elements.
    pub(crate) arrays: Vec<(String, Vec<Range<usize>>)>,
}

/// Walks JSON text already validated by serde_json (so nesting is bounded).
pub(crate) fn places(raw: &str) -> Result<Places, ()> {
    let mut walker = Walker {
        src: raw,
        pos: 0,
        strings: Vec::new(),
        members: Vec::new(),
        objects: Vec::new(),
        arrays: Vec::new(),
    };
    walker.value("")?;
    Ok(Places {
        strings: walker.strings,
        members: walker.members,
        objects: walker.objects,
        arrays: walker.arrays,
    })
}

/// Serialises a string as JSON (non-ASCII characters written as UTF-8, not escaped).
pub(crate) fn json_string(value: &str) -> String {
    // Serialising a string cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_string())
}

/// A JSON text that is not valid, with the place of the first problem (1-based).
///
/// # Examples
///
/// ```
/// let err = weglakker::formats::json::Document::parse("{\n \"a\": x\n}").unwrap_err();
/// assert_eq!((err.line, err.column), (2, 7));
/// assert!(err.to_string().starts_with("invalid JSON at column 7: "), "{err}");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The line of the problem, counted in the text that was parsed.
    pub line: usize,
    /// The column (in bytes).
    pub column: usize,
    /// What is wrong, as serde_json says it.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid JSON at column {}: {}",
            self.column, self.message
        )
    }
}

impl std::error::Error for SyntaxError {}

/// A parsed JSON document: its raw text, its value, and where every string and member is.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::Document;
///
/// let doc = Document::parse(r#"[{"id": 1, "text": "hoi"}, {"text": "dag"}]"#).unwrap();
/// let fields: Vec<&str> = doc.strings.iter().map(|s| s.field.as_str()).collect();
/// assert_eq!(fields, ["0/text", "1/text"]);
/// ```
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// Text before the JSON: an X archive's `window.YTD.tweets.part0 = `, else empty.
    pub prefix: &'a str,
    /// The raw JSON text; every range of this document is a range of it.
    pub raw: &'a str,
    /// Text after the JSON: an optional `;` of an X archive file, else empty.
    pub suffix: &'a str,
    /// The parsed value.
    pub value: Value,
    /// Every string value that is not an object key, in order of appearance.
    pub strings: Vec<StringValue>,
    /// Every object member, in order of appearance (a parent before its children).
    pub members: Vec<Member>,
    objects: Vec<Vec<usize>>,
    /// Every array: its field and the raw ranges of its elements (to leave records out).
    arrays: Vec<(String, Vec<Range<usize>>)>,
}

impl<'a> Document<'a> {
    /// Parses a whole JSON text (any value: object, array...). A JavaScript assignment in
    /// front (`window.YTD.tweets.part0 = [...]`, X archives) is split off, never evaluated,
    /// and kept in [`Document::prefix`]; error lines and columns count in the whole text.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::json::Document;
    ///
    /// let doc = Document::parse("window.YTD.tweets.part0 = [ {\"a\": \"b\"} ]").unwrap();
    /// assert_eq!((doc.prefix, doc.raw), ("window.YTD.tweets.part0 =", " [ {\"a\": \"b\"} ]"));
    /// let err = Document::parse("window.YTD.tweets.part0 = [ {").unwrap_err();
    /// assert_eq!(err.line, 1);
    /// ```
    pub fn parse(text: &'a str) -> Result<Document<'a>, SyntaxError> {
        let (start, end) = split_assignment(text);
        let (prefix, raw, suffix) = (&text[..start], &text[start..end], &text[end..]);
        let mut doc = Document::parse_json(raw).map_err(|mut err| {
            let newlines = prefix.matches('\n').count();
            if err.line == 1 {
                err.column += prefix.len() - prefix.rfind('\n').map_or(0, |i| i + 1);
            }
            err.line += newlines;
            err
        })?;
        doc.prefix = prefix;
        doc.suffix = suffix;
        Ok(doc)
    }

    fn parse_json(raw: &'a str) -> Result<Document<'a>, SyntaxError> {
        let value: Value = serde_json::from_str(raw).map_err(|err| {
            let message = err.to_string();
            // serde_json appends " at line L column C"; the caller says where.
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            SyntaxError {
                line: err.line(),
                column: err.column(),
                message,
            }
        })?;
        let places = places(raw).map_err(|()| SyntaxError {
            line: 1,
            column: 1,
            message: "could not read the JSON text".into(),
        })?;
        Ok(Document {
            prefix: "",
            raw,
            suffix: "",
            value,
            strings: places.strings,
            members: places.members,
            objects: places.objects,
            arrays: places.arrays,
        })
    }
}

/// Where the JSON of a text starts and ends: after a `window.X = ` assignment and before a
/// final `;`, else the whole text. Both are ASCII, so the offsets are char boundaries.
fn split_assignment(text: &str) -> (usize, usize) {
    let lead = text.len() - text.trim_start().len();
    if !text[lead..].starts_with("window.") {
        return (0, text.len());
    }
    let start = text.find('=').map_or(0, |i| i + 1);
    let trimmed = text.trim_end();
    let end = match trimmed.strip_suffix(';') {
        Some(body) if body.len() >= start => body.len(),
        _ => text.len(),
    };
    (start, end)
}

/// What a string field holds, and so what happens to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Free text: scanned, findings replaced per policy.
    Text,
    /// HTML (Mastodon `content`): the text between the tags is scanned and only text is
    /// replaced, so the markup stays valid.
    Html,
    /// Text with HTML character references but no markup (X `full_text`: `&amp;` `&lt;`):
    /// scanned decoded, written back encoded.
    Escaped,
    /// The whole value identifies someone as this kind (an author's name, a handle, a user
    /// id, a profile URL, an IP address): replaced as a whole with the kind's operator.
    Identifying(Kind),
    /// Kept as it is and not scanned (post ids, dates, media paths).
    Keep,
}

/// How one format reads a JSON document: where the records are and what each field is.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::{Profile, Role};
///
/// let p = &weglakker::formats::json::GENERIC;
/// assert_eq!((p.role)("user/name", "Jan"), Role::Text);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Profile {
    /// The format's CLI name.
    pub format: &'static str,
    /// Pointers (no leading slash) of the arrays whose items are the records; `""` is the
    /// document itself when it is an array. A document without any is one record.
    pub records: &'static [&'static str],
    /// Pointers inside a record to its id; the first present one is the id.
    pub ids: &'static [&'static str],
    /// The role of a field, given its pointer inside the record without array indexes
    /// (`tweet/entities/user_mentions/screen_name`) and its value.
    pub role: fn(&str, &str) -> Role,
    /// Extra names a field's value reveals (a Facebook `title` like "Jan replied to
    /// Piet's comment."), learned as terms like identifying fields.
    pub learn: fn(&str, &str, &mut Vec<(Kind, String)>),
    /// Whether strings are repaired from mojibake (Meta exports) before anything else.
    pub mojibake: bool,
}

pub(crate) fn learn_nothing(_: &str, _: &str, _: &mut Vec<(Kind, String)>) {}

/// The generic `json` profile: records are the items of a top-level array; every string
/// is free text, like `jsonl`.
pub const GENERIC: Profile = Profile {
    format: "json",
    records: &[""],
    ids: &["id"],
    role: |_, _| Role::Text,
    learn: learn_nothing,
    mojibake: false,
};

/// True for the keys of metadata that is kept in every export: ids, dates, types,
/// languages, counts (`id`, `id_str`, `created_at`, `createdAt`, `timestamp`, `lang`...).
/// A format's identifying ids (`in_reply_to_user_id_str`) are matched before this.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::is_metadata;
/// assert!(is_metadata("id_str") && is_metadata("created_at") && is_metadata("noteTweetId"));
/// assert!(!is_metadata("full_text") && !is_metadata("author"));
/// ```
pub fn is_metadata(key: &str) -> bool {
    matches!(
        key,
        "id" | "id_str"
            | "type"
            | "lang"
            | "language"
            | "source"
            | "uri"
            | "url"
            | "timestamp"
            | "created_at"
            | "createdAt"
            | "updatedAt"
            | "created_time"
            | "creation_timestamp"
            | "published"
            | "updated"
            | "visibility"
            | "sensitive"
            | "media_url"
            | "media_url_https"
            | "shortUrl"
            | "atomUri"
            | "conversation"
            | "mediaType"
            | "blurhash"
            | "@context"
    ) || key.ends_with("_id")
        || key.ends_with("_id_str")
        || key.ends_with("Id")
        || key.ends_with("Ids")
        || key.ends_with("_ids")
        || key.ends_with("_at")
        || key.ends_with("At")
        || key.ends_with("Until")
        || key.ends_with("_time")
        || key.ends_with("timestamp")
        || key.ends_with("_count")
        || key.ends_with("Count")
}

/// The profile of a JSON-family format; `None` for the others.
///
/// # Examples
///
/// ```
/// use weglakker::formats::{json, Format};
/// assert_eq!(json::profile(Format::Mastodon).unwrap().format, "mastodon");
/// assert!(json::profile(Format::Text).is_none());
/// ```
pub fn profile(format: Format) -> Option<&'static Profile> {
    match format {
        Format::Json => Some(&GENERIC),
        Format::XArchive => Some(&super::xarchive::PROFILE),
        Format::Facebook => Some(&super::meta::FACEBOOK),
        Format::Instagram => Some(&super::meta::INSTAGRAM),
        Format::Mastodon => Some(&super::mastodon::PROFILE),
        Format::XApi => Some(&super::xapi::PROFILE),
        Format::Youtube => Some(&super::youtube::PROFILE),
        _ => None,
    }
}

/// Which JSON-family format a text is, by its content: `window.YTD.` is an X archive;
/// `youtube#comment...` kinds or `topLevelComment` YouTube comments; `author_id` with
/// `edit_history_tweet_ids` or `includes` an X API v2 response; ActivityPub (`orderedItems`, `activitystreams`) or API statuses (`ancestors` with
/// `descendants`, `acct`) Mastodon; `string_map_data`, `"Media Owner"` or
/// `comments_reels_comments` Instagram; `comments_v2`, `exif_data`, `media_metadata`, a post
/// list's `attachments` with `timestamp`, or Graph API `from` with `message` Facebook;
/// anything else generic JSON. Only the first megabyte is looked at.
///
/// # Examples
///
/// ```
/// use weglakker::formats::{json::sniff, Format};
/// assert_eq!(sniff(r#"{"comments_v2": []}"#), Format::Facebook);
/// assert_eq!(sniff(r#"{"data": [{"message": "x", "from": {"name": "Jan"}}]}"#), Format::Facebook);
/// assert_eq!(sniff(r#"{"ancestors": [], "descendants": []}"#), Format::Mastodon);
/// assert_eq!(sniff(r#"{"items": [{"kind": "youtube#commentThread"}]}"#), Format::Youtube);
/// assert_eq!(sniff(r#"{"data": [{"author_id": "1"}], "includes": {}}"#), Format::XApi);
/// assert_eq!(sniff(r#"[1, 2]"#), Format::Json);
/// ```
pub fn sniff(content: &str) -> Format {
    let mut end = content.len().min(1 << 20);
    while !content.is_char_boundary(end) {
        end -= 1;
    }
    let head = &content[..end];
    let has = |key: &str| head.contains(key);
    if head.trim_start().starts_with("window.YTD.") {
        Format::XArchive
    } else if has("\"youtube#comment") || has("\"topLevelComment\"") {
        Format::Youtube
    } else if has("\"author_id\"") && (has("\"edit_history_tweet_ids\"") || has("\"includes\"")) {
        Format::XApi
    } else if has("\"orderedItems\"")
        || has("activitystreams")
        || (has("\"ancestors\"") && has("\"descendants\""))
        || (has("\"acct\"") && has("\"content\""))
    {
        Format::Mastodon
    } else if has("\"string_map_data\"")
        || has("\"Media Owner\"")
        || has("\"comments_reels_comments\"")
        || has("\"string_list_data\"")
    {
        Format::Instagram
    } else if has("\"comments_v2\"")
        || has("\"exif_data\"")
        || has("\"media_metadata\"")
        || (has("\"attachments\"") && has("\"timestamp\""))
        || (has("\"from\"") && has("\"message\""))
    {
        Format::Facebook
    } else {
        Format::Json
    }
}

/// True when a text is JSON Lines rather than one document: its first non-blank line is a
/// whole JSON object and another non-blank line follows (a pretty-printed document's first
/// line, `{`, is not whole).
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::is_json_lines;
/// assert!(is_json_lines("{\"a\": 1}\n{\"a\": 2}\n"));
/// assert!(!is_json_lines("{\n  \"a\": 1\n}\n"));
/// assert!(!is_json_lines("{\"a\": 1}\n"));
/// ```
pub fn is_json_lines(content: &str) -> bool {
    let mut lines = content.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().unwrap_or("").trim();
    first.starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok()
        && lines.next().is_some()
}

/// The last key of a pointer (`a/b/c` → `c`).
pub(crate) fn last_key(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A field found by [`scan`]: its record, the record's id, its pointer, the text that was
/// scanned (decoded, text nodes only for HTML) and the findings in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Scanned {
    /// The record's index (items of every record array counted in order); fields outside
    /// the records count as record 0.
    pub record: usize,
    /// The record's id, `null` when it has none.
    pub id: Value,
    /// The field's JSON pointer without the leading `/`.
    pub field: String,
    /// The text scanned; finding offsets are byte offsets into it.
    pub text: String,
    /// The field's role.
    pub role: Role,
    /// What was found (for an identifying field: the whole value, rule `field`).
    pub findings: Vec<Finding>,
}

/// What happens to one string.
#[derive(Clone, Debug)]
enum Plan {
    /// Inside a member the policy drops.
    Dropped,
    /// By the profile's role.
    Role(Role),
    /// By a policy `fields` operator named `key` (never `drop` or `keep`).
    Field(String),
}

/// One string with its record, value (mojibake repaired) and plan.
struct Item<'d> {
    string: &'d StringValue,
    record: usize,
    /// False for a string outside every record (counted as record 0, never left out).
    in_record: bool,
    value: Cow<'d, str>,
    plan: Plan,
}

/// A document read with a profile: its records, the plan for every string and the terms
/// learned from identifying fields.
struct Prepared<'d> {
    ids: Vec<Value>,
    /// For every record array present: the index of its first record and the raw ranges
    /// of its items.
    elements: Vec<(usize, Vec<Range<usize>>)>,
    items: Vec<Item<'d>>,
    /// Members the policy drops, by index in `doc.members`.
    dropped: Vec<bool>,
    /// Non-string scalar members a policy operator replaces: (range, key, raw value).
    scalars: Vec<(Range<usize>, String, String)>,
    terms: Vec<(Kind, String)>,
    /// Fediverse handles (`user@host`, as [`allow_key`] writes them) whose user name has
    /// only this one host in the document, with their local form `@user`: pseudonymised
    /// under it, so a mention written `@user` in a post matches.
    local: std::collections::HashMap<String, String>,
}

/// `@user@host` or `user@host` → (user, host), lower-cased.
fn fediverse_handle(value: &str) -> Option<(String, String)> {
    let key = allow_key(value);
    let (user, host) = key.split_once('@')?;
    (!user.is_empty() && host.contains('.') && !host.contains(['@', '/', ' ']))
        .then(|| (user.to_string(), host.to_string()))
}

/// Where a field is: (collection, item index, pointer inside the item without indexes).
fn locate(field: &str, records: &[&str]) -> Option<(usize, usize, String)> {
    for (c, r) in records.iter().enumerate() {
        let rest = if r.is_empty() {
            Some(field)
        } else {
            field.strip_prefix(r).and_then(|x| x.strip_prefix('/'))
        };
        let Some(rest) = rest else { continue };
        let (first, tail) = rest.split_once('/').unwrap_or((rest, ""));
        if let Ok(i) = first.parse::<usize>() {
            return Some((c, i, strip_indexes(tail)));
        }
    }
    None
}

/// A pointer without its array indexes: `a/0/b/12/c` → `a/b/c`.
pub(crate) fn strip_indexes(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for seg in path.split('/') {
        if seg.is_empty() || seg.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(seg);
    }
    out
}

/// Repairs Meta-export mojibake: a string whose characters are all ≤ U+00FF and whose
/// bytes form valid UTF-8 was UTF-8 escaped byte by byte (`\u00c3\u00a9` for `é`).
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::repair_mojibake;
/// assert_eq!(repair_mojibake("Jos\u{c3}\u{a9}"), "José");
/// assert_eq!(repair_mojibake("\u{f0}\u{9f}\u{98}\u{81}"), "😁");
/// assert_eq!(repair_mojibake("café"), "café"); // Latin-1 é alone is not UTF-8: kept
/// assert_eq!(repair_mojibake("plain"), "plain");
/// ```
pub fn repair_mojibake(value: &str) -> Cow<'_, str> {
    if value.is_ascii() || value.chars().any(|c| u32::from(c) > 0xFF) {
        return Cow::Borrowed(value);
    }
    // Every char fits a byte (checked above).
    let bytes: Vec<u8> = value.chars().map(|c| u32::from(c) as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) => Cow::Owned(fixed),
        Err(_) => Cow::Borrowed(value),
    }
}

/// A value as the policy's allow list and own accounts compare it.
fn allow_key(value: &str) -> String {
    value.trim().trim_start_matches('@').to_lowercase()
}

fn prepare<'d>(doc: &'d Document<'_>, profile: &Profile, policy: &Policy) -> Prepared<'d> {
    // Records: the items of every record array present, numbered in order, with their ids
    // and, per array, where its items lie in the text (to leave one out).
    let (values, offsets) = record_values(doc, profile);
    let ids: Vec<Value> = values
        .iter()
        .map(|item| {
            profile
                .ids
                .iter()
                .find_map(|p| item.pointer(&format!("/{p}")))
                .cloned()
                .unwrap_or(Value::Null)
        })
        .collect();
    let elements: Vec<_> = profile
        .records
        .iter()
        .zip(&offsets)
        .filter_map(|(r, offset)| {
            let (_, ranges) = doc.arrays.iter().find(|(f, _)| f == r)?;
            Some(((*offset)?, ranges.clone()))
        })
        .collect();
    // Policy field operators on members: strings by their start, containers by range.
    let policy_key = |full: &str, rel: &str| -> Option<String> {
        [full, rel, last_key(full)]
            .into_iter()
            .find(|k| policy.fields.contains_key(*k))
            .map(str::to_string)
    };
    let rel_of = |field: &str| match locate(field, profile.records) {
        Some((_, _, rel)) => rel,
        None => strip_indexes(field),
    };
    let mut dropped = vec![false; doc.members.len()];
    let mut by_start: std::collections::HashMap<usize, Plan> = Default::default();
    let mut containers: Vec<(Range<usize>, Plan)> = Vec::new();
    let mut scalars = Vec::new();
    for (i, m) in doc.members.iter().enumerate() {
        let Some(key) = policy_key(&m.field, &rel_of(&m.field)) else {
            continue;
        };
        let plan = match policy.fields.get(&key) {
            Some(Operator::Drop) => {
                dropped[i] = true;
                Plan::Dropped
            }
            Some(Operator::Keep) => Plan::Role(Role::Keep),
            _ => Plan::Field(key.clone()),
        };
        let raw = doc.raw.get(m.value.clone()).unwrap_or("");
        if m.is_string {
            by_start.insert(m.value.start, plan);
        } else if raw.starts_with(['{', '[']) {
            containers.push((m.value.clone(), plan));
        } else if matches!(plan, Plan::Field(_)) {
            scalars.push((m.value.clone(), key, raw.to_string()));
        }
    }
    let mut items = Vec::with_capacity(doc.strings.len());
    let mut terms = Vec::new();
    let allowed: Vec<String> = policy
        .allow
        .iter()
        .chain(&policy.own_accounts)
        .map(|v| allow_key(v))
        .collect();
    for s in &doc.strings {
        let (record, in_record, rel) = match locate(&s.field, profile.records) {
            Some((c, i, rel)) => (offsets[c].map_or(0, |o| o + i), offsets[c].is_some(), rel),
            None => (0, false, strip_indexes(&s.field)),
        };
        let container = containers
            .iter()
            .find(|(r, _)| r.start <= s.raw.start && s.raw.end <= r.end);
        let value = if profile.mojibake {
            repair_mojibake(&s.value)
        } else {
            Cow::Borrowed(s.value.as_str())
        };
        let plan = match (container, by_start.get(&s.raw.start)) {
            (Some((_, plan)), _) | (None, Some(plan)) => plan.clone(),
            (None, None) => Plan::Role((profile.role)(&rel, &value)),
        };
        // Learn names and handles (not the organisation's own, not allowed ones).
        let kind = match &plan {
            Plan::Role(Role::Identifying(kind)) => Some(*kind),
            Plan::Field(key) => Some(field_kind(key, &value)),
            _ => None,
        };
        if !matches!(plan, Plan::Dropped) {
            (profile.learn)(&rel, &value, &mut terms);
        }
        if let Some(kind) = kind {
            terms.push((kind, value.to_string()));
        }
        items.push(Item {
            string: s,
            record,
            in_record,
            value,
            plan,
        });
    }
    let mut learned: Vec<(Kind, String)> = Vec::new();
    let mut seen: std::collections::HashSet<String> = Default::default();
    for (kind, term) in terms {
        let term = term.trim();
        let forms: Vec<String> = match kind {
            Kind::Person if term.chars().count() >= 3 => vec![term.to_string()],
            Kind::Handle => handle_forms(term),
            _ => Vec::new(),
        };
        for form in forms {
            if !allowed.contains(&allow_key(&form)) && seen.insert(form.clone()) {
                learned.push((kind, form));
            }
        }
    }
    // Local forms of fediverse handles whose user name has one host only.
    let mut hosts: std::collections::HashMap<String, Vec<String>> = Default::default();
    for item in &items {
        if let Plan::Role(Role::Identifying(Kind::Handle)) = item.plan {
            if let Some((user, host)) = fediverse_handle(&item.value) {
                let seen = hosts.entry(user).or_default();
                if !seen.contains(&host) {
                    seen.push(host);
                }
            }
        }
    }
    let local = hosts
        .into_iter()
        .filter(|(_, hosts)| hosts.len() == 1)
        .map(|(user, hosts)| (format!("{user}@{}", hosts[0]), format!("@{user}")))
        .collect();
    Prepared {
        ids,
        elements,
        items,
        dropped,
        scalars,
        terms: learned,
        local,
    }
}

/// How a handle is written in text: X screen names get their `@`, a Mastodon
/// `@user@host` is also written `@user`; numeric user ids are not words in text.
fn handle_forms(handle: &str) -> Vec<String> {
    let bare = handle.trim_start_matches('@');
    if bare.is_empty()
        || bare.bytes().all(|b| b.is_ascii_digit())
        || bare.contains(['/', ' '])
        || bare.chars().count() < 2
    {
        return Vec::new();
    }
    let mut forms = vec![format!("@{bare}")];
    if let Some((user, _host)) = bare.split_once('@') {
        if !user.is_empty() {
            forms.push(format!("@{user}"));
        }
    }
    forms
}

/// The engine with the document's learned names and handles added.
pub(crate) fn learned_engine(engine: &Engine, terms: &[(Kind, String)]) -> Option<Engine> {
    if terms.is_empty() {
        return None;
    }
    let mut builder = engine.to_builder();
    for (kind, term) in terms {
        builder.terms(*kind, [term.clone()]);
    }
    Some(builder.build())
}

fn is_allowed(policy: &Policy, value: &str) -> bool {
    let key = allow_key(value);
    policy
        .allow
        .iter()
        .chain(&policy.own_accounts)
        .any(|v| allow_key(v) == key)
        || policy
            .own_accounts
            .iter()
            .any(|own| is_own_account_url(own, value))
}

/// True when `url` is the address of the own account `own` (`@user` or `@user@host`) or
/// of something under it: `https://host/@user...` or `https://host/users/user...`
/// (Mastodon), `https://x.com/user...`.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::is_own_account_url;
/// let own = "@defensie@social.overheid.nl";
/// assert!(is_own_account_url(own, "https://social.overheid.nl/users/defensie/followers"));
/// assert!(is_own_account_url(own, "https://social.overheid.nl/@defensie"));
/// assert!(!is_own_account_url(own, "https://mastodon.example/users/defensie"));
/// assert!(!is_own_account_url(own, "https://social.overheid.nl/users/defensieweb"));
/// assert!(is_own_account_url("@DefensieNL", "https://x.com/DefensieNL/status/1"));
/// ```
pub fn is_own_account_url(own: &str, url: &str) -> bool {
    let own = own.trim().trim_start_matches('@').to_lowercase();
    let (user, host) = match own.split_once('@') {
        Some((user, host)) => (user, Some(host)),
        None => (own.as_str(), None),
    };
    let url = url.trim().to_lowercase();
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let (url_host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let url_host = url_host.strip_prefix("www.").unwrap_or(url_host);
    if user.is_empty() || host.is_some_and(|h| h != url_host) {
        return false;
    }
    let account = path
        .strip_prefix("users/")
        .or_else(|| path.strip_prefix('@'))
        .or_else(|| host.is_none().then_some(path))
        .unwrap_or("");
    let name = account.split(['/', '?', '#']).next().unwrap_or("");
    name == user
}

/// The findings of one text with a role: (scanned text, findings).
fn findings_for<'v>(
    role: Role,
    value: &'v str,
    engine: &Engine,
    policy: &Policy,
) -> Option<(Cow<'v, str>, Vec<Finding>)> {
    match role {
        Role::Keep => None,
        Role::Text => Some((Cow::Borrowed(value), engine.scan(value))),
        Role::Html | Role::Escaped => {
            let markup = Markup::parse(value, role == Role::Html);
            let findings = engine.scan(&markup.text);
            Some((Cow::Owned(markup.text), findings))
        }
        Role::Identifying(kind) => {
            let findings = if value.trim().is_empty() || is_allowed(policy, value) {
                Vec::new()
            } else {
                vec![Finding::new(Span::new(0, value.len()), kind, 1.0, "field")]
            };
            Some((Cow::Borrowed(value), findings))
        }
    }
}

/// Scans a document: one entry per field that is scanned (text, HTML, identifying),
/// in document order.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::{scan, Document, GENERIC};
/// use weglakker::{Kind, Policy};
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
/// let doc = Document::parse(r#"[{"id": 7, "text": "Operatie Zeemeeuw"}]"#).unwrap();
/// let found = scan(&doc, &GENERIC, &policy.engine_builder().build(), &policy);
/// assert_eq!((found[0].record, found[0].field.as_str()), (0, "0/text"));
/// assert_eq!(found[0].id, serde_json::json!(7));
/// assert_eq!(found[0].findings[0].kind, Kind::Person);
/// ```
pub fn scan(
    doc: &Document<'_>,
    profile: &Profile,
    engine: &Engine,
    policy: &Policy,
) -> Vec<Scanned> {
    scan_with(doc, profile, engine, policy, true)
}

/// [`scan`], with or without learning the document's terms (an archive learns them from
/// all its files first).
pub(crate) fn scan_with(
    doc: &Document<'_>,
    profile: &Profile,
    engine: &Engine,
    policy: &Policy,
    learn: bool,
) -> Vec<Scanned> {
    let prepared = prepare(doc, profile, policy);
    let learned = learn
        .then(|| learned_engine(engine, &prepared.terms))
        .flatten();
    let engine = learned.as_ref().unwrap_or(engine);
    let mut out = Vec::new();
    for item in &prepared.items {
        let role = match &item.plan {
            Plan::Dropped => continue,
            Plan::Role(role) => *role,
            Plan::Field(key) => Role::Identifying(field_kind(key, &item.value)),
        };
        let Some((text, findings)) = findings_for(role, &item.value, engine, policy) else {
            continue;
        };
        out.push(Scanned {
            record: item.record,
            id: prepared
                .ids
                .get(item.record)
                .cloned()
                .unwrap_or(Value::Null),
            field: item.string.field.clone(),
            text: text.into_owned(),
            role,
            findings,
        });
    }
    out
}

/// The names and handles a document's identifying fields (and titles) reveal, as they
/// are learned as engine terms: handles with their `@`, the organisation's own accounts
/// and allowed values left out.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::{terms, Document};
/// use weglakker::formats::xarchive::PROFILE;
/// use weglakker::{Kind, Policy};
///
/// let doc = Document::parse(r#"[{"tweet": {"in_reply_to_screen_name": "janj"}}]"#).unwrap();
/// assert_eq!(terms(&doc, &PROFILE, &Policy::default()), [(Kind::Handle, "@janj".to_string())]);
/// ```
pub fn terms(doc: &Document<'_>, profile: &Profile, policy: &Policy) -> Vec<(Kind, String)> {
    prepare(doc, profile, policy).terms
}

/// The number of records in a document under a profile (for the report).
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::{records, Document, GENERIC};
/// assert_eq!(records(&Document::parse("[1, 2, 3]").unwrap(), &GENERIC), 3);
/// assert_eq!(records(&Document::parse("{}").unwrap(), &GENERIC), 1);
/// ```
pub fn records(doc: &Document<'_>, profile: &Profile) -> usize {
    prepare(doc, profile, &Policy::default()).ids.len()
}

/// Every record of a document as a reaction for triage, in record order (as [`scan`]
/// numbers them): its id, its main text (the first main-text field, see [`is_main_text`],
/// decoded: HTML text nodes, character references; else its first free-text field) and
/// its channel ([`super::reaction::channel`]). The caller names records without an id
/// with [`Reaction::or_record`].
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::{reactions, Document};
/// use weglakker::formats::xarchive::PROFILE;
///
/// let doc = Document::parse(r#"window.YTD.tweets.part0 = [{"tweet": {"id_str": "5",
///     "full_text": "@DefensieNL Hoe laat &amp; waar?", "in_reply_to_screen_name": "DefensieNL"}}]"#).unwrap();
/// let r = &reactions(&doc, &PROFILE)[0];
/// assert_eq!((r.id.as_deref(), r.text.as_str()), (Some("5"), "@DefensieNL Hoe laat & waar?"));
/// assert_eq!((r.platform.as_deref(), r.in_reply_to.as_deref()), (Some("x"), Some("@DefensieNL")));
/// ```
pub fn reactions(doc: &Document<'_>, profile: &Profile) -> Vec<Reaction> {
    let (values, offsets) = record_values(doc, profile);
    let mut out: Vec<Reaction> = values
        .iter()
        .map(|record| {
            let id = profile
                .ids
                .iter()
                .find_map(|p| record.pointer(&format!("/{p}")))
                .and_then(|id| match id {
                    Value::String(s) => Some(s.clone()),
                    Value::Null | Value::Array(_) | Value::Object(_) => None,
                    other => Some(other.to_string()),
                });
            let (platform, in_reply_to) = super::reaction::channel(profile.format, record);
            Reaction {
                id,
                text: String::new(),
                platform,
                in_reply_to,
            }
        })
        .collect();
    // The main text of each record; `true` once it is from a main-text field.
    let mut main = vec![false; out.len()];
    for s in &doc.strings {
        let (record, rel) = match locate(&s.field, profile.records) {
            Some((c, i, rel)) if offsets[c].is_some() => (offsets[c].map_or(0, |o| o + i), rel),
            _ if offsets.iter().all(Option::is_none) => (0, strip_indexes(&s.field)),
            _ => continue,
        };
        let (Some(reaction), Some(is_main)) = (out.get_mut(record), main.get_mut(record)) else {
            continue;
        };
        if *is_main || (!reaction.text.is_empty() && !is_main_text(&s.field)) {
            continue;
        }
        let value = match profile.mojibake {
            true => repair_mojibake(&s.value),
            false => Cow::Borrowed(s.value.as_str()),
        };
        let role = (profile.role)(&rel, &value);
        let text = match role {
            Role::Text => value.into_owned(),
            Role::Html | Role::Escaped => Markup::parse(&value, role == Role::Html).text,
            _ => continue,
        };
        if text.trim().is_empty() {
            continue;
        }
        *is_main = is_main_text(&s.field);
        reaction.text = text;
    }
    out
}

/// The records of a document (the items of its record arrays, or the document itself),
/// and for each record array where its items start in that list.
fn record_values<'v>(
    doc: &'v Document<'_>,
    profile: &Profile,
) -> (Vec<&'v Value>, Vec<Option<usize>>) {
    let mut offsets = vec![None; profile.records.len()];
    let mut values = Vec::new();
    for (c, r) in profile.records.iter().enumerate() {
        let ptr = if r.is_empty() {
            String::new()
        } else {
            format!("/{r}")
        };
        if let Some(Value::Array(items)) = doc.value.pointer(&ptr) {
            offsets[c] = Some(values.len());
            values.extend(items.iter());
        }
    }
    if values.is_empty() && offsets.iter().all(Option::is_none) {
        values.push(&doc.value);
    }
    (values, offsets)
}

/// The number of records of a document under a profile, without preparing it.
pub(crate) fn record_count(doc: &Document<'_>, profile: &Profile) -> usize {
    record_values(doc, profile).0.len()
}

/// Anonymises a document: policy field operators, then identifying fields replaced as a
/// whole, then free text scanned (with the learned names) and replaced. Counts records,
/// findings and replacements in the report. Only changed strings are rewritten.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::{anonymise, Document, GENERIC};
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"],
///     "fields": {"user_id": {"type": "drop"}}}"#).unwrap();
/// let engine = policy.engine_builder().build();
/// let mut report = Report::new(&policy);
/// let doc = Document::parse("[\n  {\"user_id\": 4, \"text\": \"Zeemeeuw\", \"n\": 1.50}\n]").unwrap();
/// let out = anonymise(&doc, &GENERIC, &engine, &policy, &mut Anonymiser::new(&policy), &mut report);
/// assert_eq!(out, "[\n  {\"text\": \"[PERSOON-1]\", \"n\": 1.50}\n]");
/// assert_eq!(report.records.written, 1);
/// ```
pub fn anonymise(
    doc: &Document<'_>,
    profile: &Profile,
    engine: &Engine,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> String {
    anonymise_with(
        doc,
        profile,
        engine,
        policy,
        anonymiser,
        report,
        true,
        &Hooks::default(),
    )
}

/// [`anonymise`] with decisions from outside: records whose `hooks.kept` flag is false
/// are left out (an array item with its comma, so the rest stays byte-identical; a
/// document that is one record becomes `{}`), and findings `hooks.keep` keeps stay as they
/// are. Records are numbered from `hooks.first` and fields named as [`scan`] names them.
/// Records left out are not counted here (triage counts them).
///
/// # Examples
///
/// ```
/// use weglakker::formats::hooks::Hooks;
/// use weglakker::formats::json::{anonymise_hooked, Document, GENERIC};
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
/// let doc = Document::parse(r#"[{"text": "Zeemeeuw"}, {"text": "weg"}, {"text": "Zeemeeuw"}]"#).unwrap();
/// let kept = [true, false, true];
/// let keep = |record: usize, field: &str, _: &str, _: &weglakker::Finding| record == 2 && field == "2/text";
/// let hooks = Hooks { kept: Some(&kept), keep: Some(&keep), ..Hooks::default() };
/// let mut report = Report::new(&policy);
/// let out = anonymise_hooked(&doc, &GENERIC, &policy.engine_builder().build(), &policy,
///     &mut Anonymiser::new(&policy), &mut report, &hooks);
/// assert_eq!(out, r#"[{"text": "[PERSOON-1]"}, {"text": "Zeemeeuw"}]"#);
/// assert_eq!(report.records.written, 2);
/// ```
pub fn anonymise_hooked(
    doc: &Document<'_>,
    profile: &Profile,
    engine: &Engine,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
    hooks: &Hooks<'_>,
) -> String {
    anonymise_with(
        doc, profile, engine, policy, anonymiser, report, true, hooks,
    )
}

/// [`anonymise_hooked`], with or without learning the document's terms.
#[allow(clippy::too_many_arguments)]
pub(crate) fn anonymise_with(
    doc: &Document<'_>,
    profile: &Profile,
    engine: &Engine,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
    learn: bool,
    hooks: &Hooks<'_>,
) -> String {
    let prepared = prepare(doc, profile, policy);
    let learned = learn
        .then(|| learned_engine(engine, &prepared.terms))
        .flatten();
    let engine = learned.as_ref().unwrap_or(engine);
    // The document itself is the one record (no record array in it).
    let whole = prepared.elements.is_empty() && prepared.ids.len() == 1;
    if whole && !hooks.keeps(0) {
        let empty = if doc.value.is_object() { "{}" } else { "null" };
        let lead = &doc.raw[..doc.raw.len() - doc.raw.trim_start().len()];
        let tail = &doc.raw[doc.raw.trim_end().len()..];
        return format!("{}{lead}{empty}{tail}{}", doc.prefix, doc.suffix);
    }
    let left_out = |item: &Item<'_>| item.in_record && !hooks.keeps(item.record);
    let written = (0..prepared.ids.len()).filter(|&r| hooks.keeps(r)).count();
    for _ in 0..written {
        report.record_scanned();
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (first, ranges) in &prepared.elements {
        let out: Vec<bool> = (0..ranges.len()).map(|i| !hooks.keeps(first + i)).collect();
        edits.extend(
            drop_elements(ranges, &out)
                .into_iter()
                .map(|r| (r, String::new())),
        );
    }
    for (range, key, raw) in &prepared.scalars {
        let value = raw.trim_matches('"');
        let kind = field_kind(key, value);
        if let Some(new) = anonymiser.field(key, kind, value) {
            add_field_replacement(report, policy, key, kind, value, &new);
            edits.push((range.clone(), json_string(&new)));
        }
    }
    for item in prepared.items.iter().filter(|i| !left_out(i)) {
        let value: &str = &item.value;
        // A fediverse handle is pseudonymised under its local form (see `Prepared::local`).
        let lookup: &str = match item.plan {
            Plan::Role(Role::Identifying(Kind::Handle)) => prepared
                .local
                .get(&allow_key(value))
                .map_or(value, String::as_str),
            _ => value,
        };
        let new: Option<String> = match &item.plan {
            Plan::Dropped => continue,
            Plan::Field(key) => {
                let kind = field_kind(key, value);
                if hooks.keep.is_some() {
                    // The review shows the whole value as one finding; kept, it stays.
                    let mut whole = [Finding::new(Span::new(0, value.len()), kind, 1.0, "field")];
                    hooks.apply(item.record, &item.string.field, value, &mut whole);
                    if whole[0].allowed {
                        continue;
                    }
                }
                let new = anonymiser.field(key, kind, value).unwrap_or_default();
                add_field_replacement(report, policy, key, kind, value, &new);
                Some(new)
            }
            Plan::Role(role) => match findings_for(*role, lookup, engine, policy) {
                Some((text, mut findings)) if !findings.is_empty() => {
                    hooks.apply(item.record, &item.string.field, &text, &mut findings);
                    let out = anonymiser.anonymise(&text, &findings);
                    report.add_findings(&findings);
                    report.add_replacements(&out.replacements);
                    if out.replacements.iter().all(|r| r.operator == "keep") {
                        None
                    } else {
                        Some(match role {
                            Role::Html | Role::Escaped => {
                                Markup::parse(value, *role == Role::Html).rewrite(value, &out)
                            }
                            _ => out.text,
                        })
                    }
                }
                _ => None,
            },
        };
        // Attribute values inside HTML (a mention's `href`, a `title`) are minimised too.
        let new = match (&item.plan, new) {
            (Plan::Role(Role::Html), new) => {
                let html = new.unwrap_or_else(|| value.to_string());
                Some(replace_attributes(
                    &html,
                    &prepared.local,
                    engine,
                    policy,
                    anonymiser,
                    report,
                ))
            }
            (_, new) => new,
        };
        let new = new.as_deref().unwrap_or(value);
        if new != item.string.value {
            edits.push((item.string.raw.clone(), json_string(new)));
        }
    }
    for range in drop_ranges(&doc.members, &doc.objects, &prepared.dropped) {
        edits.push((range, String::new()));
    }
    for _ in 0..written {
        report.record_written();
    }
    let mut out = String::with_capacity(doc.prefix.len() + doc.raw.len() + doc.suffix.len());
    out.push_str(doc.prefix);
    out.push_str(&rewrite(doc.raw, edits));
    out.push_str(doc.suffix);
    out
}

/// Minimises the attribute values of HTML that may identify someone
/// ([`super::html::attributes`]): links to people are replaced as web addresses, visible
/// text (`title`, `alt`, ...) is scanned and its findings replaced; every new value is
/// encoded for its quotes, so the markup stays valid.
fn replace_attributes(
    html: &str,
    local: &std::collections::HashMap<String, String>,
    engine: &Engine,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> String {
    use super::html::{attribute_value, attributes, AttributeRole};
    let mut edits = Vec::new();
    for attr in attributes(html) {
        let mut value = Markup::parse(&html[attr.value.clone()], false).text;
        // A `title="@user@host"` gets the pseudonym of the `@user` the text shows.
        if let (AttributeRole::Text, Some(short)) = (attr.role, local.get(&allow_key(&value))) {
            value = short.clone();
        }
        let findings = match attr.role {
            AttributeRole::Link if is_allowed(policy, &value) => continue,
            AttributeRole::Link => vec![Finding::new(
                Span::new(0, value.len()),
                Kind::Url,
                1.0,
                "field",
            )],
            AttributeRole::Text => engine.scan(&value),
        };
        if findings.is_empty() {
            continue;
        }
        let out = anonymiser.anonymise(&value, &findings);
        report.add_findings(&findings);
        report.add_replacements(&out.replacements);
        if out.text != value {
            edits.push((attr.value, attribute_value(&out.text, attr.quote)));
        }
    }
    rewrite(html, edits)
}

/// True for the fields whose scan line is written even without findings: the main text
/// of a post or comment (`text`, `full_text`, `content`, `message`, `comment`, `post`,
/// Instagram's `Comment/value`).
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::is_main_text;
/// assert!(is_main_text("0/tweet/full_text") && is_main_text("0/string_map_data/Comment/value"));
/// assert!(!is_main_text("0/tweet/source"));
/// ```
pub fn is_main_text(field: &str) -> bool {
    matches!(
        last_key(field),
        "text" | "full_text" | "content" | "message" | "comment" | "post"
    ) || field.ends_with("Comment/value")
}

fn add_field_replacement(
    report: &mut Report,
    policy: &Policy,
    key: &str,
    kind: Kind,
    value: &str,
    new: &str,
) {
    let op = policy.fields.get(key).map_or("keep", operator_name);
    report.add_replacements(&[Replacement {
        kind,
        input: Span::new(0, value.len()),
        output: Span::new(0, new.len()),
        operator: op,
    }]);
}

/// A walk over JSON already known to be valid, recording where values are.
struct Walker<'a> {
    src: &'a str,
    pos: usize,
    strings: Vec<StringValue>,
    members: Vec<Member>,
    objects: Vec<Vec<usize>>,
    arrays: Vec<(String, Vec<Range<usize>>)>,
}

impl Walker<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), ()> {
        self.ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(())
        }
    }

    /// Reads a string token, returning its raw range and decoded value.
    fn string(&mut self) -> Result<(Range<usize>, String), ()> {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek() {
                Some(b'\\') => self.pos += 2,
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => self.pos += 1,
                None => return Err(()),
            }
        }
        let raw = self.src.get(start..self.pos).ok_or(())?;
        // Most strings have no escapes: their content is the value (the line was validated).
        let value = match raw.get(1..raw.len() - 1) {
            Some(inner) if !inner.contains('\\') => inner.to_string(),
            _ => serde_json::from_str(raw).map_err(|_| ())?,
        };
        Ok((start..self.pos, value))
    }

    fn value(&mut self, field: &str) -> Result<Range<usize>, ()> {
        self.ws();
        let start = self.pos;
        match self.peek() {
            Some(b'{') => self.object(field)?,
            Some(b'[') => self.array(field)?,
            Some(b'"') => {
                let (raw, value) = self.string()?;
                self.strings.push(StringValue {
                    field: field.to_string(),
                    raw,
                    value,
                });
            }
            Some(_) => {
                // A number, true, false or null: up to the next delimiter.
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
            }
            None => return Err(()),
        }
        Ok(start..self.pos)
    }

    fn object(&mut self, field: &str) -> Result<(), ()> {
        self.pos += 1;
        let mut indexes = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.objects.push(indexes);
            return Ok(());
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(());
            }
            let key_start = self.pos;
            let (_, key) = self.string()?;
            self.expect(b':')?;
            let child = child_field(field, &key.replace('~', "~0").replace('/', "~1"));
            let strings_before = self.strings.len();
            let index = self.members.len();
            // Reserve the member's place so that a parent comes before its children.
            self.members.push(Member {
                field: child.clone(),
                key_start,
                value: 0..0,
                is_string: false,
            });
            let value = self.value(&child)?;
            let is_string = self.strings.len() == strings_before + 1
                && self.strings.last().map(|s| &s.raw) == Some(&value);
            self.members[index].value = value;
            self.members[index].is_string = is_string;
            indexes.push(index);
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(()),
            }
        }
        self.objects.push(indexes);
        Ok(())
    }

    fn array(&mut self, field: &str) -> Result<(), ()> {
        self.pos += 1;
        self.ws();
        let index = self.arrays.len();
        self.arrays.push((field.to_string(), Vec::new()));
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut i = 0usize;
        loop {
            let element = self.value(&child_field(field, &i.to_string()))?;
            self.arrays[index].1.push(element);
            i += 1;
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(()),
            }
        }
    }
}

fn child_field(parent: &str, segment: &str) -> String {
    if parent.is_empty() {
        segment.to_string()
    } else {
        format!("{parent}/{segment}")
    }
}

/// The byte ranges that remove the array items marked `out` with their commas, so the
/// rest stays valid JSON and byte-identical.
fn drop_elements(elements: &[Range<usize>], out: &[bool]) -> Vec<Range<usize>> {
    let n = elements.len().min(out.len());
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < n {
        if !out[i] {
            i += 1;
            continue;
        }
        let mut k = i;
        while k + 1 < n && out[k + 1] {
            k += 1;
        }
        let range = if i > 0 {
            // From the end of the kept item before: takes the comma in front.
            elements[i - 1].end..elements[k].end
        } else if k + 1 < n {
            // The first items: up to the next kept item, taking the comma behind.
            elements[0].start..elements[k + 1].start
        } else {
            elements[0].start..elements[k].end
        };
        ranges.push(range);
        i = k + 1;
    }
    ranges
}

/// The byte ranges that remove the dropped members (`dropped[i]` for `members[i]`)
/// with their commas, so the rest stays valid JSON.
pub(crate) fn drop_ranges(
    members: &[Member],
    objects: &[Vec<usize>],
    dropped: &[bool],
) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for object in objects {
        let n = object.len();
        let mut i = 0;
        while i < n {
            if !dropped.get(object[i]).copied().unwrap_or(false) {
                i += 1;
                continue;
            }
            // A run of dropped members i..=k.
            let mut k = i;
            while k + 1 < n && dropped.get(object[k + 1]).copied().unwrap_or(false) {
                k += 1;
            }
            let last = &members[object[k]];
            let range = if i > 0 {
                // From the end of the kept member before: takes the comma in front.
                members[object[i - 1]].value.end..last.value.end
            } else if k + 1 < n {
                // The first members: up to the next kept key, taking the comma behind.
                members[object[0]].key_start..members[object[k + 1]].key_start
            } else {
                members[object[0]].key_start..last.value.end
            };
            ranges.push(range);
            i = k + 1;
        }
    }
    ranges
}

/// Applies non-overlapping edits; an edit inside an earlier, wider one (a string inside a
/// dropped member) is skipped.
pub(crate) fn rewrite(raw: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut out = String::with_capacity(raw.len());
    let mut last = 0;
    for (range, replacement) in edits {
        if range.start < last || range.end > raw.len() {
            continue;
        }
        out.push_str(&raw[last..range.start]);
        out.push_str(&replacement);
        last = range.end;
    }
    out.push_str(&raw[last..]);
    out
}
