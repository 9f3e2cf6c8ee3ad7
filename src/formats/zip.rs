//! Export zips (X archive, Mastodon archive, Meta "Download your information"): every
//! supported entry is processed, every other entry (media, HTML viewers, directories) is
//! copied byte for byte, compressed data included.
//!
//! The output has the same entries in the same order, with the same names, dates,
//! permissions and compression method, and the archive comment. An entry whose content
//! does not change is copied raw, so with a policy that keeps everything every entry's
//! bytes are the same (Meta entries excepted: their mojibake is repaired, see
//! [`super::meta`]).
//!
//! Supported entries: `.js` files that start with `window.YTD.` (X), `.json` files (the
//! JSON family, by content: [`super::json::sniff`], or the `--format` given; JSON Lines
//! saved as `.json` too), `.jsonl` and `.ndjson`; `.csv` and `.tsv` tables ([`super::csv`],
//! LinkedIn's files by name or header with [`super::linkedin::OPTIONS`]; written back in
//! their own encoding), `.txt` files (plain text, one record each) and, with the `xlsx`
//! feature, `.xlsx` workbooks (rewritten only when a cell changes). Names and handles are
//! learned from all supported entries before any text is scanned, so a commenter in
//! `comments.json` is recognised in `your_posts_1.json`, and a name in LinkedIn's
//! `Connections.csv` in `Comments.csv`.
//!
//! Errors name the entry (`data/tweets.js:3: invalid JSON...`); the caller adds the file.

use super::hooks::Hooks;
use super::json::{self, Document, Profile, Scanned};
use super::{columns, csv, decode, jsonl, linkedin, text, Format};
use crate::report::Report;
use crate::triage::Reaction;
use crate::{Anonymiser, Engine, Error, Kind, Policy};
use std::io::{Cursor, Read, Write};
use std::path::Path;

/// How an entry is processed, decided by its name and content.
enum Entry {
    /// A JSON-family document.
    Json(&'static Profile),
    /// JSON Lines.
    Jsonl,
    /// A CSV table (LinkedIn's with its options), written back in its encoding.
    Table(csv::Options, csv::Encoding),
    /// Plain text, one record.
    Text,
    /// An Excel workbook.
    #[cfg(feature = "xlsx")]
    Xlsx,
}

/// The format of an entry: by its extension, then its content. `hint` is the format the
/// user asked for; it wins over sniffing for JSON documents.
///
/// # Examples
///
/// ```
/// use weglakker::formats::{zip::entry_format, Format};
///
/// assert_eq!(entry_format("data/tweets.js", "window.YTD.tweets.part0 = []", None), Some(Format::XArchive));
/// assert_eq!(entry_format("outbox.json", r#"{"orderedItems": []}"#, None), Some(Format::Mastodon));
/// assert_eq!(entry_format("data/manifest.js", "var x = 1", None), None);
/// assert_eq!(entry_format("media/1.jpg", "", None), None);
/// assert_eq!(entry_format("Comments.csv", "Date,Link,Message", None), Some(Format::Linkedin));
/// assert_eq!(entry_format("export/meltwater.tsv", "Date\tHit Sentence", None), Some(Format::Csv));
/// assert_eq!(entry_format("notes/brief.txt", "Beste Jan", None), Some(Format::Text));
/// ```
pub fn entry_format(name: &str, content: &str, hint: Option<Format>) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let family_hint = hint.filter(|f| json::profile(*f).is_some());
    if lower.ends_with(".js") {
        content
            .trim_start()
            .starts_with("window.YTD.")
            .then_some(Format::XArchive)
    } else if lower.ends_with(".json") && json::is_json_lines(content) {
        Some(Format::Jsonl)
    } else if lower.ends_with(".json") {
        Some(family_hint.unwrap_or_else(|| json::sniff(content)))
    } else if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        Some(Format::Jsonl)
    } else if is_table(&lower) {
        Some(if linkedin::is_linkedin(Some(Path::new(name)), content) {
            Format::Linkedin
        } else {
            Format::Csv
        })
    } else if lower.ends_with(".txt") {
        Some(Format::Text)
    } else if cfg!(feature = "xlsx") && lower.ends_with(".xlsx") {
        Some(Format::Xlsx)
    } else {
        None
    }
}

/// A CSV or TSV entry, by its lower-case name.
fn is_table(lower: &str) -> bool {
    lower.ends_with(".csv") || lower.ends_with(".tsv")
}

/// Whether an entry's name can hold a supported format (content not read otherwise).
fn maybe_supported(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".js", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".txt"]
        .iter()
        .any(|ext| lower.ends_with(ext))
        || (cfg!(feature = "xlsx") && lower.ends_with(".xlsx"))
}

/// How errors about the archive as a whole begin; errors about one entry begin with the
/// entry's name instead (`data/tweets.js:3: ...`).
pub const NOT_READABLE: &str = "not a readable zip archive";

fn zip_error(e: ::zip::result::ZipError) -> Error {
    Error::invalid(format!("{NOT_READABLE}: {e}"))
}

/// The supported entries of an archive, read and decoded: (index, name, text, original
/// bytes, how to process it).
struct Supported {
    index: usize,
    name: String,
    text: String,
    bytes: Vec<u8>,
    entry: Entry,
}

fn read_supported(
    archive: &mut ::zip::ZipArchive<Cursor<&[u8]>>,
    hint: Option<Format>,
) -> Result<Vec<Supported>, Error> {
    let mut out = Vec::new();
    for index in 0..archive.len() {
        let mut file = archive
            .by_index(index)
            .map_err(|e| Error::invalid(format!("cannot read entry {}: {e}", index + 1)))?;
        let name = file.name().to_string();
        if file.is_dir() || !maybe_supported(&name) {
            continue;
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| Error::invalid(format!("cannot read: {e}")).at(name.clone()))?;
        let lower = name.to_ascii_lowercase();
        // Tables keep their encoding (UTF-16 stays UTF-16); a workbook is not text.
        let (text, encoding) = if is_table(&lower) {
            let (encoding, text) = csv::read(&bytes);
            (text, encoding)
        } else if lower.ends_with(".xlsx") {
            (String::new(), csv::Encoding::Utf8 { bom: false })
        } else {
            let text = match std::str::from_utf8(&bytes) {
                Ok(text) => text.to_string(),
                Err(_) => decode(bytes.clone()).text,
            };
            (text, csv::Encoding::Utf8 { bom: false })
        };
        let entry = match entry_format(&name, &text, hint) {
            Some(Format::Jsonl) => Entry::Jsonl,
            Some(Format::Csv) => Entry::Table(csv::Options::default(), encoding),
            Some(Format::Linkedin) => Entry::Table(linkedin::OPTIONS, encoding),
            Some(Format::Text) => Entry::Text,
            #[cfg(feature = "xlsx")]
            Some(Format::Xlsx) => Entry::Xlsx,
            Some(format) => match json::profile(format) {
                Some(profile) => Entry::Json(profile),
                None => continue,
            },
            None => continue,
        };
        out.push(Supported {
            index,
            name,
            text,
            bytes,
            entry,
        });
    }
    Ok(out)
}

/// The engine with the terms of every JSON document and every table of the archive
/// learned; every such entry must parse (the first that does not is the error).
fn learn_all(
    entries: &[Supported],
    engine: &Engine,
    policy: &Policy,
) -> Result<Option<Engine>, Error> {
    let mut terms: Vec<(Kind, String)> = Vec::new();
    let mut seen: std::collections::HashSet<(Kind, String)> = Default::default();
    let mut learned = columns::Learned::default();
    for e in entries {
        match e.entry {
            Entry::Json(profile) => {
                let doc = parse(e)?;
                for term in json::terms(&doc, profile, policy) {
                    if seen.insert(term.clone()) {
                        terms.push(term);
                    }
                }
            }
            Entry::Table(options, _) => learned.merge(&table(e, options, policy)?.learned()),
            #[cfg(feature = "xlsx")]
            Entry::Xlsx => learned.merge(&workbook(e, policy)?.learned()),
            Entry::Jsonl | Entry::Text => {}
        }
    }
    for term in learned.terms() {
        if seen.insert(term.clone()) {
            terms.push(term.clone());
        }
    }
    Ok(json::learned_engine(engine, &terms))
}

/// A table entry parsed; errors name the entry and the line (`Comments.csv: 3: ...`).
fn table<'e>(
    e: &'e Supported,
    options: csv::Options,
    policy: &Policy,
) -> Result<csv::Table<'e>, Error> {
    csv::Table::parse(&e.text, options, policy).map_err(|err| err.at(e.name.clone()))
}

/// A workbook entry read; errors name the entry.
#[cfg(feature = "xlsx")]
fn workbook(e: &Supported, policy: &Policy) -> Result<super::xlsx::Workbook, Error> {
    super::xlsx::Workbook::read(&e.bytes, policy).map_err(|err| err.at(e.name.clone()))
}

fn parse(e: &Supported) -> Result<Document<'_>, Error> {
    Document::parse(&e.text)
        .map_err(|err| Error::invalid(err.to_string()).at(format!("{}:{}", e.name, err.line)))
}

/// Anonymises an export zip; returns the new archive's bytes.
///
/// # Examples
///
/// ```
/// use std::io::Write;
/// use weglakker::formats::zip;
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// // A small archive: a tweets file and a picture.
/// let mut w = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
/// let opts = ::zip::write::SimpleFileOptions::default();
/// w.start_file("data/tweets.js", opts).unwrap();
/// w.write_all(br#"window.YTD.tweets.part0 = [{"tweet": {"full_text": "@janj dank!",
///   "entities": {"user_mentions": [{"screen_name": "janj"}]}}}]"#).unwrap();
/// w.start_file("data/tweets_media/1.jpg", opts).unwrap();
/// w.write_all(b"\xFF\xD8\xFF").unwrap();
/// let bytes = w.finish().unwrap().into_inner();
///
/// let policy = Policy::default();
/// let mut report = Report::new(&policy);
/// let out = zip::anonymise(&bytes, None, &policy.engine_builder().build(), &policy,
///     &mut Anonymiser::new(&policy), &mut report).unwrap();
/// let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
/// assert_eq!(archive.len(), 2);
/// let mut tweets = String::new();
/// std::io::Read::read_to_string(&mut archive.by_index(0).unwrap(), &mut tweets).unwrap();
/// assert!(tweets.contains(r#""full_text": "[ACCOUNT-1] dank!""#), "{tweets}");
/// ```
pub fn anonymise(
    bytes: &[u8],
    hint: Option<Format>,
    engine: &Engine,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> Result<Vec<u8>, Error> {
    anonymise_hooked(
        bytes,
        hint,
        engine,
        policy,
        anonymiser,
        report,
        &Hooks::default(),
    )
}

/// [`anonymise`] with decisions from outside: records are numbered across the supported
/// entries in entry order (as [`reactions`] lists them) and fields named `entry:field`;
/// a record whose `hooks.kept` flag is false is left out of its entry, a finding
/// `hooks.keep` keeps stays as it is.
///
/// # Examples
///
/// ```
/// use std::io::{Read, Write};
/// use weglakker::formats::{hooks::Hooks, zip};
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// let mut w = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
/// w.start_file("a.jsonl", ::zip::write::SimpleFileOptions::default()).unwrap();
/// w.write_all(b"{\"text\":\"weg\"}\n{\"text\":\"blijft\"}\n").unwrap();
/// let bytes = w.finish().unwrap().into_inner();
/// let policy = Policy::default();
/// let kept = [false, true];
/// let hooks = Hooks { kept: Some(&kept), ..Hooks::default() };
/// let out = zip::anonymise_hooked(&bytes, None, &policy.engine_builder().build(), &policy,
///     &mut Anonymiser::new(&policy), &mut Report::new(&policy), &hooks).unwrap();
/// let mut text = String::new();
/// ::zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap().by_index(0).unwrap()
///     .read_to_string(&mut text).unwrap();
/// assert_eq!(text, "{\"text\":\"blijft\"}\n");
/// ```
pub fn anonymise_hooked(
    bytes: &[u8],
    hint: Option<Format>,
    engine: &Engine,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
    hooks: &Hooks<'_>,
) -> Result<Vec<u8>, Error> {
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let entries = read_supported(&mut archive, hint)?;
    let learned = learn_all(&entries, engine, policy)?;
    let engine = learned.as_ref().unwrap_or(engine);
    let mut writer = ::zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let mut next = entries.iter().peekable();
    let mut offset = 0;
    for index in 0..archive.len() {
        let supported = next.next_if(|e| e.index == index);
        let new = match supported {
            Some(e) => {
                let prefix = format!("{}:", e.name);
                let part = hooks.part(offset, &prefix);
                let (new, count) = process(e, engine, policy, anonymiser, report, &part)?;
                offset += count;
                Some(new)
            }
            None => None,
        };
        let write_error = |err: &dyn std::fmt::Display, name: &str| {
            Error::invalid(format!("cannot write: {err}")).at(name.to_string())
        };
        match (supported, new) {
            (Some(e), Some(new)) if new != e.bytes => {
                let file = archive.by_index_raw(index).map_err(zip_error)?;
                let mut options = ::zip::write::SimpleFileOptions::default()
                    .compression_method(match file.compression() {
                        ::zip::CompressionMethod::Stored => ::zip::CompressionMethod::Stored,
                        _ => ::zip::CompressionMethod::Deflated,
                    })
                    .large_file(new.len() >= u32::MAX as usize);
                if let Some(time) = file.last_modified() {
                    options = options.last_modified_time(time);
                }
                if let Some(mode) = file.unix_mode() {
                    options = options.unix_permissions(mode);
                }
                drop(file);
                writer
                    .start_file(e.name.as_str(), options)
                    .map_err(|err| write_error(&err, &e.name))?;
                writer
                    .write_all(&new)
                    .map_err(|err| write_error(&err, &e.name))?;
            }
            _ => {
                let file = archive.by_index_raw(index).map_err(zip_error)?;
                let name = file.name().to_string();
                writer
                    .raw_copy_file(file)
                    .map_err(|err| write_error(&err, &name))?;
            }
        }
    }
    writer.set_raw_comment(archive.comment().into());
    let out = writer
        .finish()
        .map_err(|e| Error::invalid(format!("cannot write the zip archive: {e}")))?;
    Ok(out.into_inner())
}

/// Anonymises one supported entry's content; returns it and its number of records.
fn process(
    e: &Supported,
    engine: &Engine,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
    hooks: &Hooks<'_>,
) -> Result<(Vec<u8>, usize), Error> {
    match e.entry {
        Entry::Json(profile) => {
            let doc = parse(e)?;
            let out = json::anonymise_with(
                &doc, profile, engine, policy, anonymiser, report, false, hooks,
            );
            Ok((out.into_bytes(), json::record_count(&doc, profile)))
        }
        Entry::Jsonl => {
            let mut out = String::with_capacity(e.text.len());
            let mut record = 0;
            for (number, raw, ending) in jsonl::lines(&e.text) {
                if raw.trim().is_empty() {
                    out.push_str(raw);
                    out.push_str(ending);
                    continue;
                }
                let line =
                    jsonl::parse_line(raw).map_err(|err| err.at(format!("{}:{number}", e.name)))?;
                if hooks.keeps(record) {
                    let mut scan = |field: &str, text: &str| {
                        let mut findings = engine.scan(text);
                        hooks.apply(record, field, text, &mut findings);
                        findings
                    };
                    out.push_str(&jsonl::anonymise_line_with(
                        &line, &mut scan, policy, anonymiser, report,
                    ));
                    out.push_str(ending);
                }
                record += 1;
            }
            Ok((out.into_bytes(), record))
        }
        Entry::Table(options, encoding) => {
            let table = table(e, options, policy)?;
            let count = table.records().count();
            let out = table.anonymise_hooked(engine, policy, anonymiser, report, hooks);
            Ok(if out == e.text {
                // Nothing changed: the very bytes (also keeps invalid UTF-16 as it was).
                (e.bytes.clone(), count)
            } else {
                (encoding.encode(&out), count)
            })
        }
        Entry::Text => {
            // One record: left out whole by triage, else scanned with the person's keeps.
            let out = if hooks.keeps(0) {
                report.record_scanned();
                let mut findings = engine.scan(&e.text);
                hooks.apply(0, text::FIELD, &e.text, &mut findings);
                let out = anonymiser.anonymise(&e.text, &findings);
                report.add_findings(&findings);
                report.add_replacements(&out.replacements);
                report.record_written();
                out.text
            } else {
                String::new()
            };
            if out == e.text {
                return Ok((e.bytes.clone(), 1));
            }
            // A rewritten entry is UTF-8; its byte-order mark stays.
            let mut bytes = Vec::with_capacity(out.len() + 3);
            if e.bytes.starts_with(b"\xEF\xBB\xBF") {
                bytes.extend_from_slice(b"\xEF\xBB\xBF");
            }
            bytes.extend_from_slice(out.as_bytes());
            Ok((bytes, 1))
        }
        #[cfg(feature = "xlsx")]
        Entry::Xlsx => {
            let before = workbook(e, policy)?;
            let count = before.reactions().len();
            let mut after = before.clone();
            after.anonymise_hooked(engine, policy, anonymiser, report, hooks);
            // Writing a workbook changes its bytes; only do it when a cell changed.
            if after == before {
                Ok((e.bytes.clone(), count))
            } else {
                let bytes = after.write().map_err(|err| err.at(e.name.clone()))?;
                Ok((bytes, count))
            }
        }
    }
}

/// Every record of every supported entry as a reaction for triage: per entry (in entry
/// order) its name and its records in order, numbered as [`anonymise_hooked`] and
/// [`scan`] number them. The caller names records without an id by their number.
///
/// # Examples
///
/// ```
/// use std::io::Write;
/// let mut w = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
/// let opts = ::zip::write::SimpleFileOptions::default();
/// w.start_file("data/tweets.js", opts).unwrap();
/// w.write_all(br#"window.YTD.tweets.part0 = [{"tweet": {"full_text": "Hoe laat?"}}]"#).unwrap();
/// w.start_file("extra.jsonl", opts).unwrap();
/// w.write_all(b"{\"id\": \"r1\", \"text\": \"Top!\", \"platform\": \"x\"}\n").unwrap();
/// let bytes = w.finish().unwrap().into_inner();
/// let found = weglakker::formats::zip::reactions(&bytes, None).unwrap();
/// assert_eq!(found[0].0, "data/tweets.js");
/// assert_eq!(found[0].1[0].text, "Hoe laat?");
/// assert_eq!(found[0].1[0].platform.as_deref(), Some("x"));
/// assert_eq!(found[1].1[0].id.as_deref(), Some("r1"));
/// ```
pub fn reactions(
    bytes: &[u8],
    hint: Option<Format>,
) -> Result<Vec<(String, Vec<Reaction>)>, Error> {
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let entries = read_supported(&mut archive, hint)?;
    let mut out = Vec::with_capacity(entries.len());
    for e in &entries {
        let found = match e.entry {
            Entry::Json(profile) => json::reactions(&parse(e)?, profile),
            Entry::Jsonl => {
                let mut found = Vec::new();
                for (number, raw, _) in jsonl::lines(&e.text) {
                    if raw.trim().is_empty() {
                        continue;
                    }
                    let line = jsonl::parse_line(raw)
                        .map_err(|err| err.at(format!("{}:{number}", e.name)))?;
                    found.push(line.reaction());
                }
                found
            }
            Entry::Table(options, _) => {
                let table = table(e, options, policy_for_reactions())?;
                table.records().map(|r| table.reaction(r)).collect()
            }
            Entry::Text => vec![Reaction::new(&e.text)],
            #[cfg(feature = "xlsx")]
            Entry::Xlsx => workbook(e, policy_for_reactions())?.reactions(),
        };
        out.push((e.name.clone(), found));
    }
    Ok(out)
}

/// Column roles do not change which rows are records or what their reaction is: the
/// default policy is enough to read tables for triage.
fn policy_for_reactions() -> &'static Policy {
    static DEFAULT: std::sync::OnceLock<Policy> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Policy::default)
}

/// Scans an export zip: for every supported entry, its name and what was found in it
/// (JSON Lines entries give one [`Scanned`] per string field, record = line index).
///
/// # Examples
///
/// ```
/// use std::io::Write;
/// let mut w = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
/// w.start_file("outbox.json", ::zip::write::SimpleFileOptions::default()).unwrap();
/// w.write_all(br#"{"orderedItems": [{"object": {"content": "<p>Hoi</p>"}}]}"#).unwrap();
/// let bytes = w.finish().unwrap().into_inner();
/// let policy = weglakker::Policy::default();
/// let found = weglakker::formats::zip::scan(&bytes, None, &policy.engine_builder().build(), &policy).unwrap();
/// assert_eq!(found[0].0, "outbox.json");
/// assert_eq!(found[0].1[0].field, "orderedItems/0/object/content");
/// ```
pub fn scan(
    bytes: &[u8],
    hint: Option<Format>,
    engine: &Engine,
    policy: &Policy,
) -> Result<Vec<(String, Vec<Scanned>)>, Error> {
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let entries = read_supported(&mut archive, hint)?;
    let learned = learn_all(&entries, engine, policy)?;
    let engine = learned.as_ref().unwrap_or(engine);
    let mut out = Vec::new();
    for e in &entries {
        let found = match e.entry {
            Entry::Json(profile) => json::scan_with(&parse(e)?, profile, engine, policy, false),
            Entry::Jsonl => {
                let mut found = Vec::new();
                let mut record = 0;
                for (number, raw, _) in jsonl::lines(&e.text) {
                    if raw.trim().is_empty() {
                        continue;
                    }
                    let line = jsonl::parse_line(raw)
                        .map_err(|err| err.at(format!("{}:{number}", e.name)))?;
                    for s in line.texts() {
                        found.push(Scanned {
                            record,
                            id: line.id.clone().unwrap_or(serde_json::Value::Null),
                            field: s.field.clone(),
                            text: s.value.clone(),
                            role: json::Role::Text,
                            findings: engine.scan(&s.value),
                        });
                    }
                    record += 1;
                }
                found
            }
            Entry::Table(options, _) => {
                let table = table(e, options, policy)?;
                let found = table.scan(engine).map(|s| table_field(&table.columns, s));
                found.collect()
            }
            Entry::Text => vec![Scanned {
                record: 0,
                id: serde_json::Value::Null,
                field: text::FIELD.to_string(),
                text: e.text.clone(),
                role: json::Role::Text,
                findings: engine.scan(&e.text),
            }],
            #[cfg(feature = "xlsx")]
            Entry::Xlsx => {
                let book = workbook(e, policy)?;
                let columns: Vec<csv::Column> = book
                    .sheets
                    .iter()
                    .flat_map(|s| s.columns.iter().map(|(_, c)| c.clone()))
                    .collect();
                let found = book.scan(engine).into_iter();
                found.map(|s| table_field(&columns, s)).collect()
            }
        };
        out.push((e.name.clone(), found));
    }
    Ok(out)
}

/// A scanned table cell as a scanned field: the column name is the field, its role the
/// column's.
fn table_field(columns: &[csv::Column], s: csv::Scanned<'_>) -> Scanned {
    let role = match columns.iter().find(|c| c.name == s.field).map(|c| c.role) {
        Some(columns::Role::Identifying(kind)) => json::Role::Identifying(kind),
        _ => json::Role::Text,
    };
    Scanned {
        record: s.record,
        id: s.id,
        field: s.field.to_string(),
        text: s.text.to_string(),
        role,
        findings: s.findings,
    }
}
