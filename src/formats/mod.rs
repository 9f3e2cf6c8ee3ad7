//! Input and output formats: how an export becomes records with text fields, and how the
//! minimised records are written back in the input's own format.
//!
//! Every format owns one file: [`text`] (a whole file is one record) and [`jsonl`] (one
//! JSON object per line, every string value a text field). This module picks the format
//! ([`Format::from_name`], [`Format::detect`]) and turns raw bytes into UTF-8 ([`decode`]).

pub mod columns;
pub mod csv;
pub mod csv_stream;
pub mod hooks;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod linkedin;
pub mod mastodon;
pub mod meta;
pub mod process;
pub mod reaction;
pub mod text;
pub mod xapi;
pub mod xarchive;
#[cfg(feature = "xlsx")]
pub mod xlsx;
pub mod youtube;
pub mod zip;

use crate::Error;
use std::path::Path;

/// A format the CLI reads and writes.
///
/// # Examples
///
/// ```
/// use weglakker::formats::Format;
///
/// assert_eq!(Format::from_name("jsonl").unwrap(), Some(Format::Jsonl));
/// assert_eq!(Format::from_name("auto").unwrap(), None);
/// assert_eq!(Format::from_name("x-archive").unwrap(), Some(Format::XArchive));
/// assert_eq!(Format::from_name("csv").unwrap(), Some(Format::Csv));
/// let err = Format::from_name("docx").unwrap_err().to_string();
/// assert!(err.contains("unknown format"), "{err}");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: the whole file is one record with one field, `text`.
    Text,
    /// JSON Lines: one object per line; every string value is a text field.
    Jsonl,
    /// A whole JSON document; every string value is a text field ([`json`]).
    Json,
    /// An X archive's `tweets.js` / `note-tweet.js` ([`xarchive`]).
    XArchive,
    /// Facebook "Download your information" or Graph API JSON ([`meta`]).
    Facebook,
    /// Instagram "Download your information" or Graph API JSON ([`meta`]).
    Instagram,
    /// Mastodon `outbox.json` or API statuses ([`mastodon`]).
    Mastodon,
    /// An export zip: every supported entry processed, the rest copied ([`zip`]).
    Zip,
    /// CSV or TSV: one record per row after the header; columns by role.
    Csv,
    /// LinkedIn export CSV (`Comments.csv`): CSV with backslash-escaped quotes.
    Linkedin,
    /// Excel workbook: every sheet a table like CSV.
    Xlsx,
    /// X API v2 response JSON (`data`, `includes.users`).
    XApi,
    /// YouTube Data API comment threads JSON.
    Youtube,
}

/// True for a field the review always shows, findings or not: the main text of a post or
/// comment in any format (`text`, `0/tweet/full_text`, a CSV's `Bericht` or `Hit Sentence`
/// column). A zip entry's prefix (`entry.json:`) is ignored.
///
/// # Examples
///
/// ```
/// use weglakker::formats::is_main_text;
///
/// assert!(is_main_text("text") && is_main_text("0/tweet/full_text"));
/// assert!(is_main_text("Bericht") && is_main_text("Hit Sentence"));
/// assert!(is_main_text("Comments.csv:Message") && is_main_text("data/tweets.js:0/tweet/full_text"));
/// assert!(!is_main_text("user/name") && !is_main_text("Datum"));
/// ```
pub fn is_main_text(field: &str) -> bool {
    let field = field.rsplit_once(':').map_or(field, |(_, f)| f);
    json::is_main_text(field) || columns::main_text([field]).is_some()
}

/// Every `--format` name, for error messages.
const SUPPORTED: &str =
    "auto, text, jsonl, json, x-archive, x-api, youtube, facebook, instagram, mastodon, zip, csv, linkedin, xlsx";

impl Format {
    /// The format's name as the CLI spells it.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(weglakker::formats::Format::Jsonl.id(), "jsonl");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::XArchive => "x-archive",
            Format::Facebook => "facebook",
            Format::Instagram => "instagram",
            Format::Mastodon => "mastodon",
            Format::Zip => "zip",
            Format::Csv => "csv",
            Format::Linkedin => "linkedin",
            Format::Xlsx => "xlsx",
            Format::XApi => "x-api",
            Format::Youtube => "youtube",
        }
    }

    /// Parses a `--format` value; `None` means `auto` (detect).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::Format;
    /// assert_eq!(Format::from_name("text").unwrap(), Some(Format::Text));
    /// assert!(Format::from_name("docx").unwrap_err().to_string().contains("unknown format"));
    /// ```
    pub fn from_name(name: &str) -> Result<Option<Format>, Error> {
        match name {
            "auto" => Ok(None),
            "text" => Ok(Some(Format::Text)),
            "jsonl" => Ok(Some(Format::Jsonl)),
            "json" => Ok(Some(Format::Json)),
            "x-archive" => Ok(Some(Format::XArchive)),
            "facebook" => Ok(Some(Format::Facebook)),
            "instagram" => Ok(Some(Format::Instagram)),
            "mastodon" => Ok(Some(Format::Mastodon)),
            "zip" => Ok(Some(Format::Zip)),
            "csv" => Ok(Some(Format::Csv)),
            "linkedin" => Ok(Some(Format::Linkedin)),
            "xlsx" => Ok(Some(Format::Xlsx)),
            "x-api" => Ok(Some(Format::XApi)),
            "youtube" => Ok(Some(Format::Youtube)),
            other => Err(Error::unknown("format", other, SUPPORTED)),
        }
    }

    /// Detects the format of an input: by extension first (`.jsonl`/`.ndjson` → jsonl,
    /// `.txt` → text, `.json`/`.js` → the JSON family by content ([`json::sniff`]), `.zip`
    /// → zip, `.csv`/`.tsv` → csv, or linkedin for LinkedIn's file names and headers,
    /// `.xlsx` → xlsx), then by content: a zip's magic bytes, a LinkedIn header line
    /// (`Date,Link,Message`), a first line that is one JSON object (JSON Lines), another
    /// JSON text or an X archive's `window.YTD.` (the JSON family), anything else plain text.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::path::Path;
    /// use weglakker::formats::Format;
    ///
    /// assert_eq!(Format::detect(Some(Path::new("a.ndjson")), "").unwrap(), Format::Jsonl);
    /// assert_eq!(Format::detect(Some(Path::new("a.txt")), "{").unwrap(), Format::Text);
    /// assert_eq!(Format::detect(None, "  {\"text\": \"hoi\"}").unwrap(), Format::Jsonl);
    /// assert_eq!(Format::detect(None, "Hoi Jan").unwrap(), Format::Text);
    /// assert_eq!(Format::detect(None, "{\n \"orderedItems\": []\n}").unwrap(), Format::Mastodon);
    /// assert_eq!(Format::detect(Some(Path::new("tweets.js")), "window.YTD.tweets.part0 = []").unwrap(), Format::XArchive);
    /// assert_eq!(Format::detect(Some(Path::new("a.csv")), "").unwrap(), Format::Csv);
    /// assert_eq!(Format::detect(Some(Path::new("Comments.csv")), "").unwrap(), Format::Linkedin);
    /// ```
    pub fn detect(path: Option<&Path>, content: &str) -> Result<Format, Error> {
        let ext = path
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("jsonl" | "ndjson") => return Ok(Format::Jsonl),
            Some("txt" | "text") => return Ok(Format::Text),
            Some("json") if json::is_json_lines(content) => return Ok(Format::Jsonl),
            Some("json" | "js") => return Ok(json::sniff(content)),
            Some("zip") => return Ok(Format::Zip),
            Some("csv" | "tsv") if linkedin::is_linkedin(path, content) => {
                return Ok(Format::Linkedin)
            }
            Some("csv" | "tsv") => return Ok(Format::Csv),
            Some("xlsx") => return Ok(Format::Xlsx),
            _ => {}
        }
        if content.starts_with("PK\u{3}\u{4}") {
            return Ok(Format::Zip);
        }
        if linkedin::is_linkedin(None, content) {
            return Ok(Format::Linkedin);
        }
        let trimmed = content.trim_start();
        let first_line = trimmed.lines().next().unwrap_or("");
        if trimmed.starts_with('{')
            && serde_json::from_str::<serde::de::IgnoredAny>(first_line).is_ok()
        {
            Ok(Format::Jsonl)
        } else if trimmed.starts_with(['{', '[']) || trimmed.starts_with("window.YTD.") {
            Ok(json::sniff(content))
        } else {
            Ok(Format::Text)
        }
    }
}

/// Input turned into UTF-8, with a note when it was not UTF-8 to begin with.
///
/// # Examples
///
/// ```
/// let d = weglakker::formats::decode(b"caf\xe9".to_vec());
/// assert_eq!(d.text, "café");
/// assert!(d.note.is_some());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Set when the input was decoded from something other than UTF-8 (a warning for the
    /// user: output is written as UTF-8).
    pub note: Option<&'static str>,
}

/// Decodes input bytes: a UTF-8 byte-order mark is dropped, UTF-16 with a byte-order mark
/// is decoded, valid UTF-8 is taken as it is, and anything else is read as windows-1252
/// (the usual encoding of Dutch files that are not UTF-8). Never fails.
///
/// # Examples
///
/// ```
/// use weglakker::formats::decode;
///
/// assert_eq!(decode(b"\xEF\xBB\xBFhoi".to_vec()).text, "hoi");
/// assert_eq!(decode(vec![0xFF, 0xFE, b'h', 0, b'i', 0]).text, "hi");
/// assert_eq!(decode(b"\x93ja\x94".to_vec()).text, "\u{201C}ja\u{201D}");
/// ```
pub fn decode(bytes: Vec<u8>) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if let Ok(text) = std::str::from_utf8(rest) {
            return Decoded {
                text: text.to_string(),
                note: None,
            };
        }
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, "read as UTF-16 (little-endian)");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, "read as UTF-16 (big-endian)");
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded { text, note: None },
        Err(err) => Decoded {
            text: windows_1252(err.as_bytes()),
            note: Some("not UTF-8: read as windows-1252"),
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, note: &'static str) -> Decoded {
    Decoded {
        text: utf16_text(bytes, unit),
        note: Some(note),
    }
}

/// UTF-16 code units (without a byte-order mark) as text; a lone surrogate or an odd last
/// byte becomes U+FFFD or is dropped.
pub(crate) fn utf16_text(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// The windows-1252 byte of a character, the inverse of [`decode`]'s fallback; `?` for a
/// character windows-1252 lacks.
pub(crate) fn windows_1252_byte(c: char) -> u8 {
    match u32::from(c) {
        // Latin-1, and the C1 controls the undefined bytes decode to.
        code @ 0..=0xFF => code as u8,
        code => CP1252_HIGH
            .iter()
            .position(|&u| u == code)
            .map_or(b'?', |i| 0x80 + i as u8),
    }
}

/// The characters of bytes 0x80..=0x9F in windows-1252 (undefined bytes map to the C1
/// control of the same number, as browsers do); every other byte is its Latin-1 character.
const CP1252_HIGH: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

pub(crate) fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => char::from_u32(CP1252_HIGH[usize::from(b - 0x80)]).unwrap_or('\u{FFFD}'),
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names() {
        let cases: &[(&str, Result<Option<Format>, &str>)] = &[
            // the implemented formats and auto
            ("auto", Ok(None)),
            ("text", Ok(Some(Format::Text))),
            ("jsonl", Ok(Some(Format::Jsonl))),
            ("csv", Ok(Some(Format::Csv))),
            ("linkedin", Ok(Some(Format::Linkedin))),
            ("xlsx", Ok(Some(Format::Xlsx))),
            ("x-archive", Ok(Some(Format::XArchive))),
            ("mastodon", Ok(Some(Format::Mastodon))),
            // anything else is unknown and lists the valid names
            ("JSONL", Err("unknown format")),
            ("", Err("unknown format")),
        ];
        for (name, want) in cases {
            match (Format::from_name(name), want) {
                (Ok(got), Ok(want)) => assert_eq!(got, *want, "{name}"),
                (Err(err), Err(part)) => assert!(err.to_string().contains(part), "{name}: {err}"),
                (got, want) => panic!("{name}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn detection_by_extension_then_content() {
        let cases: &[(Option<&str>, &str, Option<Format>)] = &[
            // extensions win over content
            (Some("x.jsonl"), "hoi", Some(Format::Jsonl)),
            (Some("x.NDJSON"), "hoi", Some(Format::Jsonl)),
            (Some("x.txt"), "{\"a\":1}", Some(Format::Text)),
            // the JSON family by content
            (Some("x.json"), "{}", Some(Format::Json)),
            (
                Some("x.js"),
                "window.YTD.tweets.part0 = []",
                Some(Format::XArchive),
            ),
            (Some("x.zip"), "", Some(Format::Zip)),
            (None, "PK\u{3}\u{4}junk", Some(Format::Zip)),
            // a pretty-printed document is JSON, not JSON Lines
            (None, "{\n  \"comments_v2\": []\n}", Some(Format::Facebook)),
            (None, "[{\"string_map_data\": {}}]", Some(Format::Instagram)),
            (Some("x.csv"), "a,b", Some(Format::Csv)),
            (Some("x.TSV"), "a\tb", Some(Format::Csv)),
            (Some("x.csv"), "Date,Link,Message\n", Some(Format::Linkedin)),
            (Some("x.xlsx"), "", Some(Format::Xlsx)),
            // no or unknown extension: content decides
            (Some("export"), "\n {\"text\":\"a\"}", Some(Format::Jsonl)),
            (None, "Beste Jan,", Some(Format::Text)),
            (None, "", Some(Format::Text)),
            (None, "Date,Link,Message\n", Some(Format::Linkedin)),
        ];
        for (path, content, want) in cases {
            let got = Format::detect(path.map(Path::new), content).ok();
            assert_eq!(got, *want, "{path:?} {content:?}");
        }
    }

    #[test]
    fn decoding() {
        let cases: &[(&[u8], &str, bool)] = &[
            // UTF-8, with and without BOM
            (b"Jos\xc3\xa9", "José", false),
            (b"\xEF\xBB\xBFhoi", "hoi", false),
            // windows-1252 fallback: euro sign, e-acute, curly quotes
            (b"\x80 5, caf\xe9", "€ 5, café", true),
            // UTF-16 with BOM, an odd trailing byte is dropped
            (b"\xFE\xFF\x00h\x00i\x00", "hi", true),
            // empty input
            (b"", "", false),
        ];
        for (bytes, text, noted) in cases {
            let d = decode(bytes.to_vec());
            assert_eq!(d.text, *text, "{bytes:?}");
            assert_eq!(d.note.is_some(), *noted, "{bytes:?}");
        }
    }
}
