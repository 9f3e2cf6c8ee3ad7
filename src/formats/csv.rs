//! CSV and TSV exports (Meltwater, Brandwatch, Coosto-like tools, Excel's "save as CSV").
//!
//! Reading: the encoding is taken from the bytes ([`Encoding::of`]: UTF-8 with or without
//! BOM, UTF-16 with BOM or little-endian without, else windows-1252); the delimiter is
//! sniffed among `,`, `;` and tab (or taken from an Excel `sep=;` first line); quoted cells
//! may hold delimiters, doubled quotes `""` and newlines, and backslash-escaped quotes `\"`
//! (LinkedIn) are read when the file has them. The header row may come after title lines:
//! it is found by [`columns::header_row`]. Every row after the header is a record (blank
//! lines are not); each column gets a [`Role`] from its header and the policy.
//!
//! Writing: only the cells that change are rewritten, in the raw text, so with a policy that
//! keeps everything the output equals the input byte for byte: quoting, delimiter, line
//! endings, BOM and encoding (UTF-16 stays UTF-16). A rewritten cell keeps its quotes if it
//! had them, and gets them if it needs them.
//!
//! The `csv` crate is not used: it gives a record's position but not each raw cell's place
//! in the file, which the byte-exact rewrite needs; the reader here is small and never
//! panics.

use super::columns::{self, Learned, Role};
use super::hooks::Hooks;
use crate::report::Report;
use crate::triage::Reaction;
use crate::{Anonymiser, Engine, Error, Finding, Policy};
use serde_json::Value;
use std::borrow::Cow;
use std::ops::Range;

/// How the bytes of a file encode its text; output is written the same way.
///
/// # Examples
///
/// ```
/// use weglakker::formats::csv::Encoding;
///
/// let bytes = [0xFF, 0xFE, b'a', 0, b';', 0];
/// assert_eq!(Encoding::of(&bytes), Encoding::Utf16Le { bom: true });
/// assert_eq!(Encoding::of(b"a;b").decode(b"a;b"), "a;b");
/// let enc = Encoding::of(&bytes);
/// assert_eq!(enc.encode(&enc.decode(&bytes)), bytes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8 {
        /// The file starts with `EF BB BF`.
        bom: bool,
    },
    /// UTF-16 little-endian (Meltwater), with or without a byte-order mark.
    Utf16Le {
        /// The file starts with `FF FE`.
        bom: bool,
    },
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// Not UTF-8: read as windows-1252 (older Dutch Excel exports).
    Windows1252,
}

impl Encoding {
    /// The encoding of a file's bytes.
    pub fn of(bytes: &[u8]) -> Encoding {
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            if std::str::from_utf8(rest).is_ok() {
                return Encoding::Utf8 { bom: true };
            }
        }
        if bytes.starts_with(b"\xFF\xFE") {
            return Encoding::Utf16Le { bom: true };
        }
        if bytes.starts_with(b"\xFE\xFF") {
            return Encoding::Utf16Be;
        }
        if std::str::from_utf8(bytes).is_ok() {
            // ASCII text as UTF-16LE without BOM: every odd byte is zero.
            let head = &bytes[..bytes.len().min(200)];
            let looks_utf16 = head.len() >= 4
                && head.len().is_multiple_of(2)
                && head.iter().skip(1).step_by(2).all(|&b| b == 0)
                && head.iter().step_by(2).all(|&b| b != 0);
            if looks_utf16 && bytes.len().is_multiple_of(2) {
                return Encoding::Utf16Le { bom: false };
            }
            return Encoding::Utf8 { bom: false };
        }
        Encoding::Windows1252
    }

    /// The text of `bytes` (without byte-order mark). Never fails: invalid UTF-16 becomes
    /// U+FFFD.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Encoding::Utf8 { bom } => {
                let rest = if bom { bytes.get(3..) } else { Some(bytes) };
                String::from_utf8_lossy(rest.unwrap_or_default()).into_owned()
            }
            Encoding::Utf16Le { bom } => {
                let rest = if bom { bytes.get(2..) } else { Some(bytes) };
                super::utf16_text(rest.unwrap_or_default(), u16::from_le_bytes)
            }
            Encoding::Utf16Be => {
                super::utf16_text(bytes.get(2..).unwrap_or_default(), u16::from_be_bytes)
            }
            Encoding::Windows1252 => super::decode(bytes.to_vec()).text,
        }
    }

    /// `text` encoded this way, byte-order mark included. Characters windows-1252 lacks
    /// become `?` (replacements are ASCII, so only text that was never in the file).
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Utf8 { bom } => {
                let mut out = Vec::with_capacity(text.len() + 3);
                if bom {
                    out.extend_from_slice(b"\xEF\xBB\xBF");
                }
                out.extend_from_slice(text.as_bytes());
                out
            }
            Encoding::Utf16Le { bom } => {
                let mut out = Vec::with_capacity(text.len() * 2 + 2);
                if bom {
                    out.extend_from_slice(b"\xFF\xFE");
                }
                for unit in text.encode_utf16() {
                    out.extend_from_slice(&unit.to_le_bytes());
                }
                out
            }
            Encoding::Utf16Be => {
                let mut out = vec![0xFE, 0xFF];
                for unit in text.encode_utf16() {
                    out.extend_from_slice(&unit.to_be_bytes());
                }
                out
            }
            Encoding::Windows1252 => text.chars().map(super::windows_1252_byte).collect(),
        }
    }
}

/// How cells are separated and quoted.
///
/// # Examples
///
/// ```
/// use weglakker::formats::csv::Dialect;
///
/// let d = Dialect::sniff("Datum;Auteur;Bericht\n1-3;Jan;Hoi, hoe gaat het?\n");
/// assert_eq!(d.delimiter, b';');
/// assert!(!d.backslash_escapes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialect {
    /// `,`, `;` or tab.
    pub delimiter: u8,
    /// Inside quotes, `\"` is a quote and `\\` a backslash (LinkedIn); `""` is read too.
    pub backslash_escapes: bool,
}

/// Rows read to sniff the delimiter.
pub(crate) const SNIFF_ROWS: usize = 50;

impl Dialect {
    /// Sniffs the dialect of a text: an Excel `sep=X` first line sets the delimiter;
    /// otherwise the candidate (`,` `;` tab) that splits most of the first rows into the
    /// same number (at least two) of cells wins, ties going to more cells. Backslash escapes
    /// are on when the text has `\"`.
    pub fn sniff(text: &str) -> Dialect {
        Dialect::sniff_with(text, text.contains("\\\""))
    }

    /// [`Dialect::sniff`] on the first rows of a text, with backslash escapes as found in
    /// the whole text (a stream knows them from a first pass).
    pub(crate) fn sniff_with(text: &str, backslash_escapes: bool) -> Dialect {
        if let Some(d) = sep_line(text) {
            return Dialect {
                delimiter: d,
                backslash_escapes,
            };
        }
        let mut best = (b',', (0usize, 0usize));
        for delimiter in [b',', b';', b'\t'] {
            let dialect = Dialect {
                delimiter,
                backslash_escapes,
            };
            // Rows before an unclosed quote count: the error is reported by the real read.
            let (rows, _) = rows_until_error(text, dialect, Some(SNIFF_ROWS));
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for row in rows.iter().filter(|r| r.cells.len() > 1) {
                match counts.iter_mut().find(|(len, _)| *len == row.cells.len()) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((row.cells.len(), 1)),
                }
            }
            let score = counts
                .iter()
                .map(|(len, n)| (*n, *len))
                .max()
                .unwrap_or((0, 0));
            if score > best.1 {
                best = (delimiter, score);
            }
        }
        Dialect {
            delimiter: best.0,
            backslash_escapes,
        }
    }
}

/// The delimiter of an Excel `sep=;` first line.
fn sep_line(text: &str) -> Option<u8> {
    let first = text.lines().next()?.trim_end_matches('\r');
    let rest = first.strip_prefix("sep=")?;
    match rest.as_bytes() {
        [d @ (b',' | b';' | b'\t' | b'|')] => Some(*d),
        _ => None,
    }
}

/// One cell: its raw text (quotes included) as a byte range of the text, and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell<'a> {
    /// The raw cell, quotes included.
    pub raw: Range<usize>,
    /// The value, unquoted and unescaped (borrowed from the text when it needs neither).
    pub value: Cow<'a, str>,
    /// The raw cell starts with a quote.
    pub quoted: bool,
}

/// One row: the line it starts on (1-based) and its cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<'a> {
    /// The line the row starts on, 1-based.
    pub line: usize,
    /// The cells, at least one.
    pub cells: Vec<Cell<'a>>,
    /// The raw row, line ending included, as a byte range of the text.
    pub raw: Range<usize>,
}

impl Row<'_> {
    /// A blank line: one empty, unquoted cell.
    fn is_blank(&self) -> bool {
        self.cells.len() == 1 && !self.cells[0].quoted && self.cells[0].value.trim().is_empty()
    }
}

/// Splits a text into rows of cells; `limit` stops after that many rows. An unclosed quote
/// is an error at the line its row starts on.
///
/// # Examples
///
/// ```
/// use weglakker::formats::csv::{tokenize, Dialect};
///
/// let d = Dialect { delimiter: b',', backslash_escapes: false };
/// let rows = tokenize("a,\"b,\"\"c\"\"\nd\"\r\ne", d, None).unwrap();
/// assert_eq!(rows.len(), 2);
/// assert_eq!(rows[0].cells[1].value, "b,\"c\"\nd");
/// assert_eq!(rows[1].line, 3);
/// let err = tokenize("a\n\"b,c\nd", d, None).unwrap_err().to_string();
/// assert_eq!(err, "2: unclosed quote in this record");
/// ```
pub fn tokenize(text: &str, dialect: Dialect, limit: Option<usize>) -> Result<Vec<Row<'_>>, Error> {
    let (rows, error) = rows_until_error(text, dialect, limit);
    match error {
        Some(error) => Err(error),
        None => Ok(rows),
    }
}

/// The rows up to the first error, and the error.
pub(crate) fn rows_until_error(
    text: &str,
    dialect: Dialect,
    limit: Option<usize>,
) -> (Vec<Row<'_>>, Option<Error>) {
    let bytes = text.as_bytes();
    let delimiter = dialect.delimiter;
    let mut rows = Vec::new();
    let mut pos = 0;
    let mut line = 1;
    while pos < bytes.len() && limit.is_none_or(|n| rows.len() < n) {
        let row_line = line;
        let row_start = pos;
        let mut cells = Vec::new();
        loop {
            let start = pos;
            // Owned only when unescaping changed something.
            let mut value = String::new();
            let mut escaped = false;
            let mut inner = pos..pos;
            let quoted = bytes.get(pos) == Some(&b'"');
            if quoted {
                pos += 1;
                let mut chunk = pos;
                loop {
                    let Some(&b) = bytes.get(pos) else {
                        let error = Error::invalid("unclosed quote in this record")
                            .at(row_line.to_string());
                        return (rows, Some(error));
                    };
                    match b {
                        b'"' if bytes.get(pos + 1) == Some(&b'"') => {
                            value.push_str(&text[chunk..pos]);
                            value.push('"');
                            escaped = true;
                            pos += 2;
                            chunk = pos;
                        }
                        b'"' => {
                            value.push_str(&text[chunk..pos]);
                            inner = start + 1..pos;
                            pos += 1;
                            break;
                        }
                        b'\\'
                            if dialect.backslash_escapes
                                && matches!(bytes.get(pos + 1), Some(b'"' | b'\\')) =>
                        {
                            value.push_str(&text[chunk..pos]);
                            value.push(char::from(bytes[pos + 1]));
                            escaped = true;
                            pos += 2;
                            chunk = pos;
                        }
                        b'\n' => {
                            line += 1;
                            pos += 1;
                        }
                        b'\r' if bytes.get(pos + 1) != Some(&b'\n') => {
                            line += 1;
                            pos += 1;
                        }
                        _ => pos += 1,
                    }
                }
            }
            // Unquoted cells, and anything after a closing quote (read leniently, as Excel
            // does), run to the delimiter or the end of the line.
            let rest = pos;
            while let Some(&b) = bytes.get(pos) {
                if b == delimiter || b == b'\n' || b == b'\r' {
                    break;
                }
                pos += 1;
            }
            // Only ASCII bytes stop the loops, so these are char boundaries.
            let value: Cow<'_, str> = if !quoted {
                Cow::Borrowed(&text[start..pos])
            } else if !escaped && rest == pos {
                Cow::Borrowed(&text[inner])
            } else {
                value.push_str(&text[rest..pos]);
                Cow::Owned(value)
            };
            cells.push(Cell {
                raw: start..pos,
                value,
                quoted,
            });
            match bytes.get(pos) {
                Some(&b) if b == delimiter => pos += 1,
                Some(b'\r') => {
                    pos += if bytes.get(pos + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    line += 1;
                    break;
                }
                Some(b'\n') => {
                    pos += 1;
                    line += 1;
                    break;
                }
                _ => break,
            }
        }
        rows.push(Row {
            line: row_line,
            cells,
            raw: row_start..pos,
        });
    }
    (rows, None)
}

/// Options that a format built on CSV (LinkedIn) sets instead of sniffing.
///
/// # Examples
///
/// ```
/// let opts = weglakker::formats::csv::Options::default();
/// assert!(opts.delimiter.is_none());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The delimiter; sniffed when `None`.
    pub delimiter: Option<u8>,
    /// Backslash escapes; sniffed when `None`.
    pub backslash_escapes: Option<bool>,
    /// The platform of every record, for triage (`linkedin`); else a `platform` column's.
    pub platform: Option<&'static str>,
}

/// A column: its header and role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header cell's value (`column N` for a cell past the header's end, 1-based).
    pub name: String,
    /// What happens to its cells.
    pub role: Role,
}

/// A parsed CSV file.
///
/// # Examples
///
/// ```
/// use weglakker::formats::csv::{Options, Table};
/// use weglakker::Policy;
///
/// let text = "Coosto export\n\nDatum;Auteur;Bericht\n1-3-2024;Jan;Hoi\n";
/// let table = Table::parse(text, Options::default(), &Policy::default()).unwrap();
/// assert_eq!(table.dialect.delimiter, b';');
/// assert_eq!(table.columns.len(), 3);
/// assert_eq!(table.records().count(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct Table<'a> {
    /// The decoded text.
    pub text: &'a str,
    /// Delimiter and escapes.
    pub dialect: Dialect,
    /// Every row, title lines and header included.
    pub rows: Vec<Row<'a>>,
    /// The index of the header row in `rows`.
    pub header: usize,
    /// The columns, from the header row.
    pub columns: Vec<Column>,
    /// The index of the record id column, if any.
    pub id_column: Option<usize>,
    /// The platform of every record, from the options.
    platform: Option<&'static str>,
}

/// A text field of a record, for `scan`.
#[derive(Clone, Debug, PartialEq)]
pub struct Scanned<'t> {
    /// The record number, from 0 (the first row after the header).
    pub record: usize,
    /// The record id (the id column's value) or null.
    pub id: Value,
    /// The column name.
    pub field: &'t str,
    /// The cell's value.
    pub text: &'t str,
    /// What was found: the engine's findings for free text, one whole-value finding
    /// (rule `field`) for an identifying cell.
    pub findings: Vec<Finding>,
}

impl<'a> Table<'a> {
    /// Parses a decoded text. Errors carry the 1-based line as their place.
    pub fn parse(text: &'a str, options: Options, policy: &Policy) -> Result<Table<'a>, Error> {
        let sniffed = Dialect::sniff(text);
        let dialect = Dialect {
            delimiter: options.delimiter.unwrap_or(sniffed.delimiter),
            backslash_escapes: options
                .backslash_escapes
                .unwrap_or(sniffed.backslash_escapes),
        };
        let rows = tokenize(text, dialect, None)?;
        let values: Vec<Vec<&str>> = rows
            .iter()
            .take(columns::HEADER_SEARCH * 4)
            .map(|r| r.cells.iter().map(|c| c.value.as_ref()).collect())
            .collect();
        let header = if rows.is_empty() {
            0
        } else {
            columns::header_row(&values)
        };
        let names: Vec<&str> = rows.get(header).map_or(Vec::new(), |row| {
            row.cells.iter().map(|c| c.value.as_ref()).collect()
        });
        let widest = rows.iter().skip(header + 1).map(|r| r.cells.len()).max();
        let cols = columns_of(&names, widest.unwrap_or(0), policy);
        let id_column = cols.iter().position(|c| columns::is_record_id(&c.name));
        Ok(Table {
            text,
            dialect,
            rows,
            header,
            columns: cols,
            id_column,
            platform: options.platform,
        })
    }

    /// A table of some rows of a larger text, for [`super::csv_stream`]: `rows[header]`
    /// is the header row (or a stand-in) and the rows after it are records.
    pub(crate) fn from_parts(
        text: &'a str,
        dialect: Dialect,
        rows: Vec<Row<'a>>,
        header: usize,
        columns: Vec<Column>,
        platform: Option<&'static str>,
    ) -> Table<'a> {
        let id_column = columns.iter().position(|c| columns::is_record_id(&c.name));
        Table {
            text,
            dialect,
            rows,
            header,
            columns,
            id_column,
            platform,
        }
    }

    /// The records: every non-blank row after the header.
    pub fn records(&self) -> impl Iterator<Item = &Row<'a>> {
        self.rows
            .iter()
            .skip(self.header + 1)
            .filter(|r| !r.is_blank())
    }

    /// The id of a record: its id column's value, or null.
    fn record_id(&self, row: &Row<'_>) -> Value {
        self.id_column
            .and_then(|i| row.cells.get(i))
            .map_or(Value::Null, |c| Value::String(c.value.to_string()))
    }

    /// The identifying values of every record, learned for the engine.
    pub fn learned(&self) -> Learned {
        let mut learned = Learned::default();
        for row in self.records() {
            for (cell, column) in row.cells.iter().zip(&self.columns) {
                if let Role::Identifying(kind) = column.role {
                    learned.add(kind, &cell.value);
                }
            }
        }
        learned
    }

    /// The scan of every record's text and identifying fields with `engine` (which should
    /// know the [`Table::learned`] terms). Free-text cells are listed when something was
    /// found, and always for the first free-text column with a known name (`message`,
    /// `bericht`, ...); identifying cells when not empty.
    pub fn scan<'t>(&'t self, engine: &'t Engine) -> impl Iterator<Item = Scanned<'t>> + 't {
        let main_text = columns::main_text(self.columns.iter().map(|c| c.name.as_str()))
            .filter(|&i| self.columns[i].role == Role::Text);
        self.records().enumerate().flat_map(move |(record, row)| {
            let id = self.record_id(row);
            row.cells
                .iter()
                .zip(&self.columns)
                .enumerate()
                .filter_map(move |(i, (cell, column))| {
                    let findings = match column.role {
                        Role::Text => {
                            let findings = engine.scan(&cell.value);
                            if findings.is_empty() && Some(i) != main_text {
                                return None;
                            }
                            findings
                        }
                        Role::Identifying(kind) => {
                            vec![columns::whole_finding(kind, &cell.value)?]
                        }
                        Role::Keep | Role::Drop => return None,
                    };
                    Some(Scanned {
                        record,
                        id: id.clone(),
                        field: column.name.as_str(),
                        text: &cell.value,
                        findings,
                    })
                })
                .collect::<Vec<_>>()
        })
    }

    /// A record as a reaction for triage: its id, the main text column's value, the
    /// platform (the format's, or a `platform`/`kanaal`/`source type` column's, `twitter`
    /// read as `x`) and an `in_reply_to` column's value.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::csv::{Options, Table};
    ///
    /// let text = "id,platform,in_reply_to,message\n7,Twitter,@DefensieNL,Hoe laat?\n";
    /// let table = Table::parse(text, Options::default(), &weglakker::Policy::default()).unwrap();
    /// let r = table.reaction(table.records().next().unwrap());
    /// assert_eq!(r.id.as_deref(), Some("7"));
    /// assert_eq!(r.text, "Hoe laat?");
    /// assert_eq!(r.platform.as_deref(), Some("x"));
    /// assert_eq!(r.in_reply_to.as_deref(), Some("@DefensieNL"));
    /// ```
    pub fn reaction(&self, row: &Row<'_>) -> Reaction {
        let cell = |names: &[&str]| {
            let i = self
                .columns
                .iter()
                .position(|c| names.contains(&columns::normalise(&c.name).as_str()))?;
            let value = row.cells.get(i)?.value.trim();
            (!value.is_empty()).then(|| value.to_string())
        };
        let main = columns::main_text(self.columns.iter().map(|c| c.name.as_str()));
        let text = main
            .and_then(|i| row.cells.get(i))
            .map_or(String::new(), |c| c.value.to_string());
        let platform = match self.platform {
            Some(p) => Some(p.to_string()),
            None => cell(&["platform", "kanaal", "source type", "bron"]).map(|p| {
                let p = p.to_lowercase();
                if p == "twitter" {
                    "x".to_string()
                } else {
                    p
                }
            }),
        };
        Reaction {
            id: match self.record_id(row) {
                Value::String(s) => Some(s),
                _ => None,
            },
            text,
            platform,
            in_reply_to: cell(&["in reply to", "reply to", "in reply to screen name"]),
        }
    }

    /// Minimises every record (the engine should know the [`Table::learned`] terms) and
    /// returns the text with only the changed cells rewritten.
    pub fn anonymise(
        &self,
        engine: &Engine,
        policy: &Policy,
        anonymiser: &mut Anonymiser,
        report: &mut Report,
    ) -> String {
        self.anonymise_kept(engine, policy, anonymiser, report, None)
    }

    /// [`Table::anonymise`], leaving out the records whose `kept` flag is false (one flag
    /// per record, in order; missing flags keep). A record left out loses its whole row,
    /// line ending included; it is not counted here (triage counts it as dropped).
    pub fn anonymise_kept(
        &self,
        engine: &Engine,
        policy: &Policy,
        anonymiser: &mut Anonymiser,
        report: &mut Report,
        kept: Option<&[bool]>,
    ) -> String {
        let hooks = Hooks {
            kept,
            ..Hooks::default()
        };
        self.anonymise_hooked(engine, policy, anonymiser, report, &hooks)
    }

    /// [`Table::anonymise`] with decisions from outside: a record whose `hooks.kept` flag
    /// is false loses its whole row (not counted here: triage counts it); a finding
    /// `hooks.keep` keeps (record by its index from `hooks.first`, field by its column
    /// name, as [`Table::scan`] names them) stays as it is.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::csv::{Options, Table};
    /// use weglakker::formats::hooks::Hooks;
    /// use weglakker::report::Report;
    /// use weglakker::{Anonymiser, Finding, Policy};
    ///
    /// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
    /// let table = Table::parse("bericht\nZeemeeuw\nZeemeeuw\n", Options::default(), &policy).unwrap();
    /// let keep = |record: usize, field: &str, _: &str, _: &Finding| record == 1 && field == "bericht";
    /// let hooks = Hooks { keep: Some(&keep), ..Hooks::default() };
    /// let out = table.anonymise_hooked(&policy.engine_builder().build(), &policy,
    ///     &mut Anonymiser::new(&policy), &mut Report::new(&policy), &hooks);
    /// assert_eq!(out, "bericht\n[PERSOON-1]\nZeemeeuw\n");
    /// ```
    pub fn anonymise_hooked(
        &self,
        engine: &Engine,
        policy: &Policy,
        anonymiser: &mut Anonymiser,
        report: &mut Report,
        hooks: &Hooks<'_>,
    ) -> String {
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        for (i, row) in self.records().enumerate() {
            if !hooks.keeps(i) {
                edits.push((row.raw.clone(), String::new()));
                continue;
            }
            report.record_scanned();
            for (cell, column) in row.cells.iter().zip(&self.columns) {
                let mut keep = |findings: &mut [Finding]| {
                    hooks.apply(i, &column.name, &cell.value, findings);
                };
                let out = columns::minimise_cell_with(
                    policy,
                    column.role,
                    &column.name,
                    &cell.value,
                    engine,
                    anonymiser,
                    report,
                    &mut keep,
                );
                if let Some(out) = out {
                    edits.push((cell.raw.clone(), self.quote(&out, cell.quoted)));
                }
            }
            report.record_written();
        }
        let mut out = String::with_capacity(self.text.len());
        let mut last = 0;
        for (range, replacement) in edits {
            out.push_str(&self.text[last..range.start]);
            out.push_str(&replacement);
            last = range.end;
        }
        out.push_str(&self.text[last..]);
        out
    }

    /// A value written as a raw cell: quoted when it was or when it needs to be.
    fn quote(&self, value: &str, was_quoted: bool) -> String {
        let needs = value
            .bytes()
            .any(|b| b == self.dialect.delimiter || matches!(b, b'"' | b'\n' | b'\r'))
            || (self.dialect.backslash_escapes && value.contains('\\'));
        if !(was_quoted || needs) {
            return value.to_string();
        }
        let mut out = String::with_capacity(value.len() + 2);
        out.push('"');
        for c in value.chars() {
            match c {
                '"' if self.dialect.backslash_escapes => out.push_str("\\\""),
                '"' => out.push_str("\"\""),
                '\\' if self.dialect.backslash_escapes => out.push_str("\\\\"),
                _ => out.push(c),
            }
        }
        out.push('"');
        out
    }
}

/// The columns of a table: one per header cell, named by it, then `column N` (1-based)
/// for cells past the header's end, up to `widest` (scanned as text unless the policy
/// names them).
pub(crate) fn columns_of(names: &[&str], widest: usize, policy: &Policy) -> Vec<Column> {
    let mut cols: Vec<Column> = names
        .iter()
        .map(|name| Column {
            name: name.to_string(),
            role: columns::role(name, policy),
        })
        .collect();
    for n in cols.len()..widest {
        let name = format!("column {}", n + 1);
        let role = columns::role(&name, policy);
        cols.push(Column { name, role });
    }
    cols
}

/// Reads a CSV file's bytes: its encoding and text.
///
/// # Examples
///
/// ```
/// let (enc, text) = weglakker::formats::csv::read(b"\xEF\xBB\xBFa;b\r\n");
/// assert_eq!(text, "a;b\r\n");
/// assert_eq!(enc.encode(&text), b"\xEF\xBB\xBFa;b\r\n");
/// ```
pub fn read(bytes: &[u8]) -> (Encoding, String) {
    let encoding = Encoding::of(bytes);
    (encoding, encoding.decode(bytes))
}

/// Anonymises a whole CSV file: the output bytes, in the input's encoding. Identifying
/// values are learned first, so the same names are caught in free text. Errors carry the
/// 1-based line of the bad record as their place.
///
/// # Examples
///
/// ```
/// use weglakker::formats::csv::{anonymise, Options};
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// let policy = Policy::default();
/// let input = "Datum;Auteur;Bericht\r\n1-3-2024;Els Bakker;\"Els Bakker hier; groet\"\r\n";
/// let mut report = Report::new(&policy);
/// let out = anonymise(input.as_bytes(), Options::default(), &policy,
///     &mut Anonymiser::new(&policy), &mut report).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(),
///     "Datum;Auteur;Bericht\r\n1-3-2024;[PERSOON-1];\"[PERSOON-1] hier; groet\"\r\n");
/// assert_eq!(report.records.written, 1);
/// ```
pub fn anonymise(
    bytes: &[u8],
    options: Options,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> Result<Vec<u8>, Error> {
    anonymise_triaged(bytes, options, policy, anonymiser, report, None)
}

/// What decides per record whether it is kept (triage); it counts its decision in the report.
pub type Decide<'d> = &'d mut dyn FnMut(&Reaction, &mut Report) -> bool;

/// [`anonymise`] with triage: `decide` is asked for every record (as a [`Reaction`]) and a
/// record it does not keep is left out of the output.
///
/// # Examples
///
/// ```
/// use weglakker::formats::csv::{anonymise_triaged, Options};
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// let policy = Policy::default();
/// let mut report = Report::new(&policy);
/// let mut decide = |r: &weglakker::triage::Reaction, _: &mut Report| r.text != "weg";
/// let out = anonymise_triaged(b"bericht\nweg\nblijft\n", Options::default(), &policy,
///     &mut Anonymiser::new(&policy), &mut report, Some(&mut decide)).unwrap();
/// assert_eq!(out, b"bericht\nblijft\n");
/// ```
pub fn anonymise_triaged(
    bytes: &[u8],
    options: Options,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
    decide: Option<Decide<'_>>,
) -> Result<Vec<u8>, Error> {
    let (encoding, text) = read(bytes);
    let table = Table::parse(&text, options, policy)?;
    let kept: Option<Vec<bool>> = decide.map(|decide| {
        table
            .records()
            .enumerate()
            .map(|(record, row)| decide(&table.reaction(row).or_record(record), report))
            .collect()
    });
    let engine = table.learned().engine(policy);
    let out = table.anonymise_kept(&engine, policy, anonymiser, report, kept.as_deref());
    if out == text {
        // Nothing changed: the very input bytes (also keeps invalid UTF-16 as it was).
        return Ok(bytes.to_vec());
    }
    Ok(encoding.encode(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMA: Dialect = Dialect {
        delimiter: b',',
        backslash_escapes: false,
    };

    #[test]
    fn tokenizing() {
        let cases: &[(&str, Dialect, &[&[&str]])] = &[
            // plain, trailing empty cell, CRLF, no final newline
            ("a,b\r\nc,\n", COMMA, &[&["a", "b"], &["c", ""]]),
            ("a", COMMA, &[&["a"]]),
            // quotes: doubled quotes, delimiters and newlines inside
            ("\"a\"\"b\",\"c,d\"\n", COMMA, &[&["a\"b", "c,d"]]),
            ("\"x\ny\"\nz", COMMA, &[&["x\ny"], &["z"]]),
            // lenient: text after a closing quote, a quote inside an unquoted cell
            ("\"a\"b,c\"d\n", COMMA, &[&["ab", "c\"d"]]),
            // backslash escapes (LinkedIn); an unknown escape stays as it is
            (
                "\"zei \\\"hoi\\\" \\n\\\\\",x",
                Dialect {
                    delimiter: b',',
                    backslash_escapes: true,
                },
                &[&["zei \"hoi\" \\n\\", "x"]],
            ),
            // old Mac line endings
            ("a\rb", COMMA, &[&["a"], &["b"]]),
            // tabs; multi-byte characters
            (
                "é\tß\n",
                Dialect {
                    delimiter: b'\t',
                    backslash_escapes: false,
                },
                &[&["é", "ß"]],
            ),
        ];
        for (text, dialect, want) in cases {
            let rows = tokenize(text, *dialect, None).unwrap();
            let got: Vec<Vec<&str>> = rows
                .iter()
                .map(|r| r.cells.iter().map(|c| c.value.as_ref()).collect())
                .collect();
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn unclosed_quotes_name_the_record_line() {
        let cases: &[(&str, &str)] = &[
            ("\"a", "1: unclosed quote"),
            ("a,b\nc,\"d\ne\nf", "2: unclosed quote"),
            ("a\n\"b\"\"", "2: unclosed quote"),
        ];
        for (text, want) in cases {
            let err = tokenize(text, COMMA, None).unwrap_err().to_string();
            assert!(err.starts_with(want), "{text:?}: {err}");
        }
    }

    #[test]
    fn sniffing() {
        let cases: &[(&str, u8, bool)] = &[
            // the delimiter that splits rows consistently wins
            ("a,b,c\n1,2,3\n", b',', false),
            ("Datum;Tekst\n1-3;Hoi, Jan, hoe is het\n", b';', false),
            ("a\tb\n\"x, y\"\t\"z; w\"\n", b'\t', false),
            // Excel's sep= line
            ("sep=;\na,b;c\n", b';', false),
            // backslash escapes when the text has \"
            ("Date,Message\n2024,\"zei \\\"ja\\\"\"\n", b',', true),
            // a single column: comma by default
            ("hoi\n", b',', false),
        ];
        for (text, delimiter, backslash) in cases {
            let d = Dialect::sniff(text);
            assert_eq!(
                (d.delimiter, d.backslash_escapes),
                (*delimiter, *backslash),
                "{text:?}"
            );
        }
    }

    #[test]
    fn encodings_round_trip() {
        let cases: &[(&[u8], Encoding, &str)] = &[
            (b"a;b", Encoding::Utf8 { bom: false }, "a;b"),
            (b"\xEF\xBB\xBFa", Encoding::Utf8 { bom: true }, "a"),
            (b"\xFF\xFEa\0\t\0", Encoding::Utf16Le { bom: true }, "a\t"),
            (b"a\0b\0", Encoding::Utf16Le { bom: false }, "ab"),
            (b"\xFE\xFF\0a", Encoding::Utf16Be, "a"),
            (b"caf\xe9 \x80\x81", Encoding::Windows1252, "café €\u{81}"),
        ];
        for (bytes, encoding, text) in cases {
            assert_eq!(Encoding::of(bytes), *encoding, "{bytes:?}");
            assert_eq!(encoding.decode(bytes), *text, "{bytes:?}");
            assert_eq!(encoding.encode(text), *bytes, "{bytes:?}");
        }
    }

    #[test]
    fn quoting_of_rewritten_cells() {
        let policy = Policy::default();
        let table = Table::parse("a;b\n", Options::default(), &policy).unwrap();
        let cases: &[(&str, bool, &str)] = &[
            ("x", false, "x"),
            ("x", true, "\"x\""),
            ("x;y", false, "\"x;y\""),
            ("z\"e\"", false, "\"z\"\"e\"\"\""),
            ("r\nn", false, "\"r\nn\""),
        ];
        for (value, quoted, want) in cases {
            assert_eq!(table.quote(value, *quoted), *want, "{value:?}");
        }
    }
}
