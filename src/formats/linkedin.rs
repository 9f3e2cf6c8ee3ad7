//! LinkedIn's data export: CSV files such as `Comments.csv` (`Date,Link,Message`) and
//! `Shares.csv` (`Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility`).
//!
//! They are CSV with a comma and backslash-escaped quotes inside quoted cells (`\"`), which
//! a plain CSV reader misreads; everything else is [`super::csv`]: the same roles by
//! header (`Message` and `ShareCommentary` are free text, links are scanned, `Date` and
//! `Visibility` kept) and the same byte-exact rewrite.

use super::csv::{self, Options};
use crate::report::Report;
use crate::{Anonymiser, Error, Policy};
use std::path::Path;

/// The CSV options of a LinkedIn export: comma, backslash escapes.
///
/// # Examples
///
/// ```
/// let opts = weglakker::formats::linkedin::OPTIONS;
/// assert_eq!(opts.delimiter, Some(b','));
/// assert_eq!(opts.backslash_escapes, Some(true));
/// ```
pub const OPTIONS: Options = Options {
    delimiter: Some(b','),
    backslash_escapes: Some(true),
    platform: Some("linkedin"),
};

/// File names of the export's CSVs with free text in them.
const FILES: &[&str] = &[
    "comments.csv",
    "shares.csv",
    "messages.csv",
    "invitations.csv",
    "recommendations_given.csv",
    "recommendations_received.csv",
];

/// Header lines that only LinkedIn writes.
const HEADERS: &[&str] = &[
    "Date,Link,Message",
    "Date,ShareLink,ShareCommentary",
    "CONVERSATION ID,CONVERSATION TITLE,FROM",
];

/// True when a CSV file is a LinkedIn export file: by its name (`Comments.csv`,
/// `Shares.csv`, ...) or its header line.
///
/// # Examples
///
/// ```
/// use std::path::Path;
/// use weglakker::formats::linkedin::is_linkedin;
///
/// assert!(is_linkedin(Some(Path::new("export/Comments.csv")), ""));
/// assert!(is_linkedin(None, "Date,Link,Message\n"));
/// assert!(!is_linkedin(Some(Path::new("meltwater.csv")), "Date\tTime\n"));
/// ```
pub fn is_linkedin(path: Option<&Path>, text: &str) -> bool {
    let by_name = path
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .is_some_and(|n| FILES.contains(&n.to_ascii_lowercase().as_str()));
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    by_name || HEADERS.iter().any(|h| first.starts_with(h))
}

/// Anonymises a LinkedIn CSV file: [`csv::anonymise`] with [`OPTIONS`].
///
/// # Examples
///
/// ```
/// use weglakker::formats::linkedin;
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// // Links are scanned like text; this policy keeps them as they are.
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"],
///     "fields": {"Link": {"type": "keep"}}}"#).unwrap();
/// let input = "Date,Link,Message\n2024-03-01 10:00:00,https://lnkd.in/x,\"Zei \\\"Zeemeeuw\\\", toch?\"\n";
/// let out = linkedin::anonymise(input.as_bytes(), &policy, &mut Anonymiser::new(&policy),
///     &mut Report::new(&policy)).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(),
///     "Date,Link,Message\n2024-03-01 10:00:00,https://lnkd.in/x,\"Zei \\\"[PERSOON-1]\\\", toch?\"\n");
/// ```
pub fn anonymise(
    bytes: &[u8],
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> Result<Vec<u8>, Error> {
    csv::anonymise(bytes, OPTIONS, policy, anonymiser, report)
}
