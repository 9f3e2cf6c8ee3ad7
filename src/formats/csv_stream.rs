//! CSV read and written in chunks, with flat memory, for big files: the same output,
//! byte for byte, as [`super::csv::anonymise`] on the whole file (and the same scan as
//! [`super::csv::Table::scan`]), from bounded buffers.
//!
//! The whole-file reader decides things that depend on the whole file: the encoding
//! (UTF-8 only when every byte is), backslash escapes (on when the text has `\"`
//! anywhere), the names to learn (from every record's identifying cells, so a name in the
//! last row is caught in the first) and the number of columns (the widest row). A stream
//! therefore reads a file on disk three times, each a push-style type fed byte chunks:
//!
//! 1. [`Survey`]: bytes only: encoding, backslash escapes, and whether the stream can give
//!    the exact bytes ([`Surveyed::exact`]: false for UTF-16 with a lone surrogate or an
//!    odd last byte, which the whole-file reader keeps as they were when nothing changes;
//!    read such a file whole).
//! 2. [`Learner`]: rows: the delimiter and header from the first rows (as many as the
//!    whole-file sniffing reads), the widest row and the learned names → a [`Plan`].
//! 3. [`AnonymiseStream`] (output bytes, report counts) or [`ScanStream`] (scanned fields).
//!
//! A page can do the same with a `File` read in slices. Rows are handed on as soon as they
//! are complete: a quoted cell may run over any number of chunks (with its newlines), and a
//! UTF-8 character or UTF-16 pair split between chunks is joined first.
//!
//! # Examples
//!
//! ```
//! use weglakker::formats::csv::{self, Options};
//! use weglakker::formats::csv_stream::{AnonymiseStream, Learner, Survey};
//! use weglakker::report::Report;
//! use weglakker::Policy;
//!
//! let input = "Datum;Auteur;Bericht\n1-3;Els Bakker;\"Els Bakker hier;\ngroet\"\n2-3;Piet;Hoi Els Bakker\n";
//! let policy = Policy::default();
//! let chunks = || input.as_bytes().chunks(7);
//! let mut survey = Survey::new();
//! chunks().for_each(|c| survey.push(c));
//! let mut learner = Learner::new(survey.finish(), Options::default(), &policy);
//! for c in chunks() {
//!     learner.push(c).unwrap();
//! }
//! let plan = learner.finish().unwrap();
//! let (mut anonymiser, mut report) = (weglakker::Anonymiser::new(&policy), Report::new(&policy));
//! let mut stream = AnonymiseStream::new(&plan, &policy);
//! let mut out = Vec::new();
//! for c in chunks() {
//!     stream.push(c, &mut anonymiser, &mut report, &mut out).unwrap();
//! }
//! stream.finish(&mut anonymiser, &mut report, &mut out).unwrap();
//!
//! let (mut anonymiser, mut whole) = (weglakker::Anonymiser::new(&policy), Report::new(&policy));
//! let expected = csv::anonymise(input.as_bytes(), Options::default(), &policy, &mut anonymiser, &mut whole).unwrap();
//! assert_eq!(out, expected);
//! assert_eq!(report.records.written, 2);
//! ```

use super::columns::{self, Learned, Role};
use super::csv::{self, Column, Dialect, Encoding, Options, Row, Scanned, Table};
use crate::report::Report;
use crate::{Engine, Error, Policy};

pub mod session;

/// The first bytes [`Encoding::of`] looks at for UTF-16 without a byte-order mark.
const UTF16_HEAD: usize = 200;

/// The first pass: what the bytes of the whole file are.
///
/// # Examples
///
/// ```
/// use weglakker::formats::csv::Encoding;
/// use weglakker::formats::csv_stream::Survey;
///
/// let mut survey = Survey::new();
/// survey.push(b"a;b\n\xC3");
/// survey.push(b"\xA9;\"\\\"x\"\n");
/// let s = survey.finish();
/// assert_eq!(s.encoding, Encoding::Utf8 { bom: false });
/// assert!(s.backslash && s.exact);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Survey {
    /// The first bytes (byte-order mark, UTF-16 pattern).
    head: Vec<u8>,
    /// Bytes seen.
    size: u64,
    /// Every byte so far is UTF-8 (an unfinished character may be in `utf8_tail`).
    utf8: bool,
    utf8_tail: Vec<u8>,
    /// The previous byte, and `\"` seen as bytes (UTF-8, windows-1252).
    last: Option<u8>,
    backslash8: bool,
    /// UTF-16 in each byte order: `\"` seen, every unit paired, the previous unit.
    le: Utf16Survey,
    be: Utf16Survey,
    /// The first byte of an unfinished unit.
    odd: Option<u8>,
}

#[derive(Clone, Debug, Default)]
struct Utf16Survey {
    backslash: bool,
    lone: bool,
    previous: Option<u16>,
}

impl Utf16Survey {
    fn unit(&mut self, unit: u16) {
        let high = |u: u16| (0xD800..0xDC00).contains(&u);
        let low = |u: u16| (0xDC00..0xE000).contains(&u);
        let previous_high = self.previous.is_some_and(high);
        if (low(unit) && !previous_high) || (previous_high && !low(unit)) {
            self.lone = true;
        }
        if self.previous == Some(0x5C) && unit == 0x22 {
            self.backslash = true;
        }
        self.previous = Some(unit);
    }

    fn finish(&mut self) {
        if self.previous.is_some_and(|u| (0xD800..0xDC00).contains(&u)) {
            self.lone = true;
        }
    }
}

/// What [`Survey`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Surveyed {
    /// The encoding, as [`Encoding::of`] gives it for the whole file.
    pub encoding: Encoding,
    /// The text has `\"` somewhere (backslash escapes, when not set by the options).
    pub backslash: bool,
    /// Streaming gives exactly the whole-file output (false: UTF-16 that does not decode
    /// cleanly; read it whole).
    pub exact: bool,
    /// The size in bytes.
    pub size: u64,
}

impl Survey {
    /// An empty survey.
    pub fn new() -> Survey {
        Survey {
            utf8: true,
            ..Survey::default()
        }
    }

    /// Looks at the next bytes.
    pub fn push(&mut self, chunk: &[u8]) {
        if self.head.len() < UTF16_HEAD {
            let n = (UTF16_HEAD - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..n]);
        }
        self.size += chunk.len() as u64;
        if self.utf8 {
            self.utf8_tail.extend_from_slice(chunk);
            match std::str::from_utf8(&self.utf8_tail) {
                Ok(_) => self.utf8_tail.clear(),
                Err(e) if e.error_len().is_none() => {
                    let valid = e.valid_up_to();
                    self.utf8_tail.drain(..valid);
                }
                Err(_) => {
                    self.utf8 = false;
                    self.utf8_tail = Vec::new();
                }
            }
        }
        for &b in chunk {
            if self.last == Some(b'\\') && b == b'"' {
                self.backslash8 = true;
            }
            self.last = Some(b);
            match self.odd.take() {
                None => self.odd = Some(b),
                Some(first) => {
                    self.le.unit(u16::from_le_bytes([first, b]));
                    self.be.unit(u16::from_be_bytes([first, b]));
                }
            }
        }
    }

    /// The encoding and the rest, once every byte was pushed.
    pub fn finish(mut self) -> Surveyed {
        let utf8 = self.utf8 && self.utf8_tail.is_empty();
        // What `Encoding::of` decides from the head and the whole file's validity.
        let head = &self.head;
        let encoding = if head.starts_with(b"\xEF\xBB\xBF") && utf8 {
            Encoding::Utf8 { bom: true }
        } else if head.starts_with(b"\xFF\xFE") {
            Encoding::Utf16Le { bom: true }
        } else if head.starts_with(b"\xFE\xFF") {
            Encoding::Utf16Be
        } else if utf8 {
            let looks_utf16 = head.len() >= 4
                && head.len().is_multiple_of(2)
                && head.iter().skip(1).step_by(2).all(|&b| b == 0)
                && head.iter().step_by(2).all(|&b| b != 0);
            if looks_utf16 && self.size.is_multiple_of(2) {
                Encoding::Utf16Le { bom: false }
            } else {
                Encoding::Utf8 { bom: false }
            }
        } else {
            Encoding::Windows1252
        };
        self.le.finish();
        self.be.finish();
        let (backslash, exact) = match encoding {
            Encoding::Utf16Le { .. } => (self.le.backslash, !self.le.lone && self.odd.is_none()),
            Encoding::Utf16Be => (self.be.backslash, !self.be.lone && self.odd.is_none()),
            _ => (self.backslash8, true),
        };
        Surveyed {
            encoding,
            backslash,
            exact,
            size: self.size,
        }
    }
}

/// Bytes to text, chunk by chunk, as [`Encoding::decode`] reads the whole.
#[derive(Clone, Debug)]
struct Decoder {
    encoding: Encoding,
    /// Byte-order mark bytes still to skip.
    skip: usize,
    /// Bytes of an unfinished character or unit.
    carry: Vec<u8>,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
}

impl Decoder {
    fn new(encoding: Encoding) -> Decoder {
        let skip = match encoding {
            Encoding::Utf8 { bom: true } => 3,
            Encoding::Utf16Le { bom: true } | Encoding::Utf16Be => 2,
            _ => 0,
        };
        Decoder {
            encoding,
            skip,
            carry: Vec::new(),
            high: None,
        }
    }

    fn push(&mut self, mut chunk: &[u8], out: &mut String) {
        let skipped = self.skip.min(chunk.len());
        chunk = &chunk[skipped..];
        self.skip -= skipped;
        match self.encoding {
            Encoding::Utf8 { .. } => {
                self.carry.extend_from_slice(chunk);
                let valid = match std::str::from_utf8(&self.carry) {
                    Ok(_) => self.carry.len(),
                    Err(e) if e.error_len().is_none() => e.valid_up_to(),
                    // Not UTF-8 after all (the survey said it was): read it lossily.
                    Err(_) => self.carry.len(),
                };
                out.push_str(&String::from_utf8_lossy(&self.carry[..valid]));
                self.carry.drain(..valid);
            }
            Encoding::Windows1252 => out.push_str(&super::windows_1252(chunk)),
            Encoding::Utf16Le { .. } => self.utf16(chunk, u16::from_le_bytes, out),
            Encoding::Utf16Be => self.utf16(chunk, u16::from_be_bytes, out),
        }
    }

    fn utf16(&mut self, chunk: &[u8], unit: fn([u8; 2]) -> u16, out: &mut String) {
        self.carry.extend_from_slice(chunk);
        let pairs = self.carry.len() / 2 * 2;
        let mut units: Vec<u16> = self.high.take().into_iter().collect();
        units.extend(
            self.carry[..pairs]
                .chunks_exact(2)
                .map(|p| unit([p[0], p[1]])),
        );
        self.carry.drain(..pairs);
        if units.last().is_some_and(|u| (0xD800..0xDC00).contains(u)) {
            self.high = units.pop();
        }
        out.push_str(&String::from_utf16_lossy(&units));
    }

    fn finish(&mut self, out: &mut String) {
        if let Some(high) = self.high.take() {
            out.push_str(&String::from_utf16_lossy(&[high]));
        }
        if matches!(self.encoding, Encoding::Utf8 { .. }) && !self.carry.is_empty() {
            out.push_str(&String::from_utf8_lossy(&self.carry));
        }
        // A last odd UTF-16 byte is dropped, as the whole-file decoder drops it.
        self.carry.clear();
    }
}

/// The complete rows of a piece of text, for a pass.
struct Batch<'t> {
    /// The text of the rows, from the end of the previous batch.
    text: &'t str,
    /// The rows, ranges into `text`.
    rows: Vec<Row<'t>>,
    /// The index of the first row in the whole file.
    first: usize,
}

/// Rows the whole-file reader reads at the start: to sniff the delimiter and find the
/// header.
const HEAD_ROWS: usize = {
    let header = columns::HEADER_SEARCH * 4;
    if header > csv::SNIFF_ROWS {
        header
    } else {
        csv::SNIFF_ROWS
    }
};

/// What the first rows decide: the dialect, the header row's index and its cells.
struct Layout {
    dialect: Dialect,
    header: usize,
    names: Vec<String>,
}

/// What a pass does with each batch of complete rows.
type Visit<'v> = dyn FnMut(Batch<'_>, &Layout) -> Result<(), Error> + 'v;

/// Decoded text cut into complete rows, chunk by chunk.
struct Rows {
    decoder: Decoder,
    buffer: String,
    options: Options,
    backslash: bool,
    /// Set once the first rows are read: the dialect and the header row's index and cells.
    layout: Option<Layout>,
    /// The index of the first row in `buffer`, and its line (1-based).
    first: usize,
    line: usize,
    /// The buffer is not tokenised again before it is this long (no quadratic work on a
    /// row that spans many chunks).
    retry_at: usize,
}

impl Rows {
    fn new(surveyed: Surveyed, options: Options) -> Rows {
        Rows {
            decoder: Decoder::new(surveyed.encoding),
            buffer: String::new(),
            options,
            backslash: options.backslash_escapes.unwrap_or(surveyed.backslash),
            layout: None,
            first: 0,
            line: 1,
            retry_at: 0,
        }
    }

    /// Whether the buffer holds the first rows as the whole text would give them: for
    /// every candidate dialect, [`HEAD_ROWS`] rows that end before the buffer does.
    fn head_complete(&self) -> bool {
        let delimiters: &[u8] = match self.options.delimiter {
            Some(ref d) => std::slice::from_ref(d),
            None => b",;\t",
        };
        delimiters.iter().all(|&delimiter| {
            let dialect = Dialect {
                delimiter,
                backslash_escapes: self.backslash,
            };
            let (rows, error) = csv::rows_until_error(&self.buffer, dialect, Some(HEAD_ROWS + 1));
            rows.len() > HEAD_ROWS || (rows.len() == HEAD_ROWS && error.is_some())
        })
    }

    /// Dialect and header from the first rows, as [`Table::parse`] finds them.
    fn set_layout(&mut self) {
        let sniffed = Dialect::sniff_with(&self.buffer, self.backslash);
        let dialect = Dialect {
            delimiter: self.options.delimiter.unwrap_or(sniffed.delimiter),
            backslash_escapes: self.backslash,
        };
        let (rows, _) = csv::rows_until_error(&self.buffer, dialect, Some(HEAD_ROWS));
        let values: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.value.as_ref()).collect())
            .collect();
        let header = if rows.is_empty() {
            0
        } else {
            columns::header_row(&values)
        };
        let names = values
            .get(header)
            .map_or(Vec::new(), |r| r.iter().map(|s| s.to_string()).collect());
        self.layout = Some(Layout {
            dialect,
            header,
            names,
        });
    }

    /// Decodes a chunk and hands on the rows that are complete.
    fn push(&mut self, chunk: &[u8], visit: &mut Visit<'_>) -> Result<(), Error> {
        self.decoder.push(chunk, &mut self.buffer);
        self.drain(false, visit)
    }

    /// Hands on the last rows; an unclosed quote is an error at its record's line.
    fn finish(&mut self, visit: &mut Visit<'_>) -> Result<(), Error> {
        self.decoder.finish(&mut self.buffer);
        self.drain(true, visit)
    }

    fn drain(&mut self, end: bool, visit: &mut Visit<'_>) -> Result<(), Error> {
        if !end && self.buffer.len() < self.retry_at {
            return Ok(());
        }
        if self.layout.is_none() {
            if !end && !self.head_complete() {
                self.retry_at = self.buffer.len() * 2;
                return Ok(());
            }
            self.set_layout();
        }
        let Some(layout) = self.layout.take() else {
            return Ok(());
        };
        let (rows, error) = csv::rows_until_error(&self.buffer, layout.dialect, None);
        let complete = if error.is_some() || end {
            rows.len()
        } else {
            rows.len().saturating_sub(1)
        };
        let upto = complete.checked_sub(1).map_or(0, |last| rows[last].raw.end);
        let error = match (end, error) {
            (true, Some(_)) => {
                let line = self.line + lines(&self.buffer[..upto]);
                Some(Error::invalid("unclosed quote in this record").at(line.to_string()))
            }
            _ => None,
        };
        let mut rows = rows;
        rows.truncate(complete);
        let result = match complete {
            0 => Ok(()),
            _ => visit(
                Batch {
                    text: &self.buffer[..upto],
                    rows,
                    first: self.first,
                },
                &layout,
            ),
        };
        self.layout = Some(layout);
        result?;
        if let Some(error) = error {
            return Err(error);
        }
        self.first += complete;
        self.line += lines(&self.buffer[..upto]);
        self.buffer.drain(..upto);
        self.retry_at = if complete == 0 {
            self.buffer.len() * 2
        } else {
            0
        };
        Ok(())
    }
}

/// The line breaks in a text, as the tokenizer counts them (`\r\n` is one).
fn lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

/// What the stream needs to know before it writes: from [`Survey`] and [`Learner`].
#[derive(Clone, Debug)]
pub struct Plan {
    /// The encoding and the rest of the survey.
    pub surveyed: Surveyed,
    /// The options the stream was read with.
    pub options: Options,
    /// The columns, the widest row included.
    pub columns: Vec<Column>,
    /// The names and handles of the identifying columns.
    pub learned: Learned,
}

/// The second pass: the columns and the names to learn.
pub struct Learner<'p> {
    rows: Rows,
    surveyed: Surveyed,
    options: Options,
    policy: &'p Policy,
    widest: usize,
    learned: Learned,
    /// The role of each column so far (by header name, then `column N`).
    roles: Vec<Role>,
}

impl<'p> Learner<'p> {
    /// A learner for a file that [`Survey`] looked at.
    pub fn new(surveyed: Surveyed, options: Options, policy: &'p Policy) -> Learner<'p> {
        Learner {
            rows: Rows::new(surveyed, options),
            surveyed,
            options,
            policy,
            widest: 0,
            learned: Learned::default(),
            roles: Vec::new(),
        }
    }

    /// Reads the next bytes.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let (policy, widest, learned) = (self.policy, &mut self.widest, &mut self.learned);
        let roles = &mut self.roles;
        self.rows.push(chunk, &mut |batch, layout| {
            learn(batch, layout, policy, roles, widest, learned);
            Ok(())
        })
    }

    /// The plan, once every byte was pushed. Errors carry the 1-based line of the bad
    /// record as their place.
    pub fn finish(mut self) -> Result<Plan, Error> {
        let (policy, widest, learned) = (self.policy, &mut self.widest, &mut self.learned);
        let roles = &mut self.roles;
        self.rows.finish(&mut |batch, layout| {
            learn(batch, layout, policy, roles, widest, learned);
            Ok(())
        })?;
        let names: Vec<&str> = self.rows.layout.as_ref().map_or(Vec::new(), |layout| {
            layout.names.iter().map(String::as_str).collect()
        });
        Ok(Plan {
            surveyed: self.surveyed,
            options: self.options,
            columns: csv::columns_of(&names, self.widest, self.policy),
            learned: self.learned,
        })
    }
}

/// The records of a batch: its rows after the header row.
fn records<'b, 't>(batch: &'b Batch<'t>, header: usize) -> impl Iterator<Item = &'b Row<'t>> + 'b {
    batch
        .rows
        .iter()
        .enumerate()
        .filter(move |(i, _)| batch.first + i > header)
        .map(|(_, row)| row)
}

fn learn(
    batch: Batch<'_>,
    layout: &Layout,
    policy: &Policy,
    roles: &mut Vec<Role>,
    widest: &mut usize,
    learned: &mut Learned,
) {
    let Layout { header, names, .. } = layout;
    for row in records(&batch, *header) {
        *widest = (*widest).max(row.cells.len());
        while roles.len() < row.cells.len() {
            let role = match names.get(roles.len()) {
                Some(name) => columns::role(name, policy),
                None => columns::role(&format!("column {}", roles.len() + 1), policy),
            };
            roles.push(role);
        }
        // Blank rows are no records; their one empty cell teaches nothing either.
        for (cell, role) in row.cells.iter().zip(roles.iter()) {
            if let Role::Identifying(kind) = role {
                learned.add(*kind, &cell.value);
            }
        }
    }
}

/// A batch as a [`Table`] whose records are the batch's records.
fn table<'t>(batch: Batch<'t>, layout: &Layout, plan: &Plan) -> Table<'t> {
    let Layout {
        dialect, header, ..
    } = layout;
    let mut rows = batch.rows;
    let header_at = if *header >= batch.first {
        // The header is in this batch (or after it: then there are no records).
        (*header - batch.first).min(rows.len())
    } else {
        // A stand-in header row before the records (never written: only records are).
        rows.insert(
            0,
            Row {
                line: 0,
                cells: Vec::new(),
                raw: 0..0,
            },
        );
        0
    };
    Table::from_parts(
        batch.text,
        *dialect,
        rows,
        header_at,
        plan.columns.clone(),
        plan.options.platform,
    )
}

/// The third pass for `anonymise`: the output bytes, chunk by chunk.
pub struct AnonymiseStream<'p> {
    rows: Rows,
    plan: &'p Plan,
    policy: &'p Policy,
    engine: Engine,
    /// Nothing written yet (the byte-order mark goes first).
    first: bool,
}

impl<'p> AnonymiseStream<'p> {
    /// A stream over the same bytes the [`Plan`] was made from.
    pub fn new(plan: &'p Plan, policy: &'p Policy) -> AnonymiseStream<'p> {
        AnonymiseStream {
            rows: Rows::new(plan.surveyed, plan.options),
            plan,
            policy,
            engine: plan.learned.engine(policy),
            first: true,
        }
    }

    /// Reads the next bytes and appends what can be written to `out`.
    pub fn push(
        &mut self,
        chunk: &[u8],
        anonymiser: &mut crate::Anonymiser,
        report: &mut Report,
        out: &mut Vec<u8>,
    ) -> Result<(), Error> {
        let (plan, policy, engine, first) = (self.plan, self.policy, &self.engine, &mut self.first);
        self.rows.push(chunk, &mut |batch, layout| {
            let text = table(batch, layout, plan).anonymise(engine, policy, anonymiser, report);
            write(plan.surveyed.encoding, &text, first, out);
            Ok(())
        })
    }

    /// Writes the rest. Errors carry the 1-based line of the bad record as their place.
    pub fn finish(
        mut self,
        anonymiser: &mut crate::Anonymiser,
        report: &mut Report,
        out: &mut Vec<u8>,
    ) -> Result<(), Error> {
        let (plan, policy, engine, first) = (self.plan, self.policy, &self.engine, &mut self.first);
        self.rows.finish(&mut |batch, layout| {
            let text = table(batch, layout, plan).anonymise(engine, policy, anonymiser, report);
            write(plan.surveyed.encoding, &text, first, out);
            Ok(())
        })?;
        // An empty text still has its byte-order mark.
        write(plan.surveyed.encoding, "", first, out);
        Ok(())
    }
}

/// Appends text in the file's encoding; the byte-order mark only first.
fn write(encoding: Encoding, text: &str, first: &mut bool, out: &mut Vec<u8>) {
    if text.is_empty() && !*first {
        return;
    }
    let bytes = encoding.encode(text);
    let bom = match encoding {
        _ if *first => 0,
        Encoding::Utf8 { bom: true } => 3,
        Encoding::Utf16Le { bom: true } | Encoding::Utf16Be => 2,
        _ => 0,
    };
    out.extend_from_slice(&bytes[bom..]);
    *first = false;
}

/// The third pass for `scan`: the scanned fields, record by record.
pub struct ScanStream<'p> {
    rows: Rows,
    plan: &'p Plan,
    engine: Engine,
    /// Records before the current batch.
    records: usize,
}

impl<'p> ScanStream<'p> {
    /// A scan over the same bytes the [`Plan`] was made from.
    pub fn new(plan: &'p Plan, policy: &Policy) -> ScanStream<'p> {
        ScanStream {
            rows: Rows::new(plan.surveyed, plan.options),
            plan,
            engine: plan.learned.engine(policy),
            records: 0,
        }
    }

    /// Reads the next bytes; `visit` gets every scanned field of the complete records
    /// (record numbers count from the first record of the file).
    pub fn push(
        &mut self,
        chunk: &[u8],
        visit: &mut dyn FnMut(Scanned<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let (plan, engine, records) = (self.plan, &self.engine, &mut self.records);
        self.rows.push(chunk, &mut |batch, layout| {
            scan_batch(table(batch, layout, plan), engine, records, visit)
        })
    }

    /// Scans the last records. Errors carry the 1-based line of the bad record.
    pub fn finish(
        mut self,
        visit: &mut dyn FnMut(Scanned<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let (plan, engine, records) = (self.plan, &self.engine, &mut self.records);
        self.rows.finish(&mut |batch, layout| {
            scan_batch(table(batch, layout, plan), engine, records, visit)
        })
    }
}

fn scan_batch(
    table: Table<'_>,
    engine: &Engine,
    records: &mut usize,
    visit: &mut dyn FnMut(Scanned<'_>) -> Result<(), Error>,
) -> Result<(), Error> {
    for mut s in table.scan(engine) {
        s.record += *records;
        visit(s)?;
    }
    *records += table.records().count();
    Ok(())
}
