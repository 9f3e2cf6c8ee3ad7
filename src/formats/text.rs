//! Plain text: the whole file is one record (number 0, no id) with one field, `text`.
//!
//! Offsets are byte offsets into the whole (decoded) file, so they can be checked with any
//! tool that reads the file. Blank-line-separated blocks are not split into records: a
//! letter or a pasted thread is one document, and splitting it would change the offsets.

use crate::report::Report;
use crate::{Anonymiser, Engine};

/// The field name of the one text field.
///
/// # Examples
///
/// ```
/// assert_eq!(weglakker::formats::text::FIELD, "text");
/// ```
pub const FIELD: &str = "text";

/// Anonymises a whole text file and counts it in the report.
///
/// # Examples
///
/// ```
/// use weglakker::formats::text;
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
/// let engine = policy.engine_builder().build();
/// let mut report = Report::new(&policy);
/// let out = text::anonymise("Operatie Zeemeeuw.\n", &engine, &mut Anonymiser::new(&policy), &mut report);
/// assert_eq!(out, "Operatie [PERSOON-1].\n");
/// assert_eq!(report.records.written, 1);
/// ```
pub fn anonymise(
    text: &str,
    engine: &Engine,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> String {
    report.record_scanned();
    let findings = engine.scan(text);
    let out = anonymiser.anonymise(text, &findings);
    report.add_findings(&findings);
    report.add_replacements(&out.replacements);
    report.record_written();
    out.text
}
