//! Excel workbooks (`.xlsx`, e.g. Brandwatch exports), read with calamine and written back
//! with rust_xlsxwriter.
//!
//! Every sheet is read; in each, the header row is found as in CSV
//! ([`columns::header_row`]: title rows above it are allowed) and every non-empty row
//! below it is a record. Columns get their [`Role`] from the header and the policy, as in
//! CSV. Only string cells in free-text and identifying columns change (and every cell of a
//! dropped column is emptied); numbers, booleans and dates are written back with their
//! type, dates as numbers with a date format.
//!
//! The output is a new workbook with the same sheets (names and order), cells, types and
//! values: "same cells", not the same bytes. Not kept: styles, column widths, formulas
//! (their last computed values are written), rich text runs, comments and charts. Error
//! cells (`#N/A`) become the error's text.

use super::columns::{self, Learned, Role};
use super::csv::{Column, Scanned};
use super::hooks::Hooks;
use crate::report::Report;
use crate::triage::Reaction;
use crate::{Anonymiser, Engine, Error, Policy};
use calamine::{Data, Reader};
use serde_json::Value;
use std::io::Cursor;

/// One sheet: its name, its cells and its columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// The non-empty cells as (row, column, value), 0-based, row by row.
    pub cells: Vec<(u32, u32, Data)>,
    /// The header row, if the sheet has cells.
    pub header: Option<u32>,
    /// The columns by column number: header text and role.
    pub columns: Vec<(u32, Column)>,
}

/// A workbook: its sheets in order.
///
/// # Examples
///
/// ```
/// use weglakker::formats::xlsx::Workbook;
/// use weglakker::Policy;
///
/// let err = Workbook::read(b"PK\x03\x04 not really", &Policy::default()).unwrap_err();
/// assert!(err.to_string().contains("not a readable xlsx file"), "{err}");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    /// The sheets, in workbook order.
    pub sheets: Vec<Sheet>,
}

/// The Excel name of a cell: `A1` for (0, 0).
///
/// # Examples
///
/// ```
/// use weglakker::formats::xlsx::cell_name;
/// assert_eq!(cell_name(0, 0), "A1");
/// assert_eq!(cell_name(6, 27), "AB7");
/// ```
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// A cell's value as text: strings as they are, other types as calamine prints them.
fn text_of(data: &Data) -> String {
    match data {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

impl Workbook {
    /// Reads a workbook and finds each sheet's header and column roles.
    pub fn read(bytes: &[u8], policy: &Policy) -> Result<Workbook, Error> {
        let unreadable =
            |e: calamine::XlsxError| Error::invalid(format!("not a readable xlsx file ({e})"));
        let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| Error::invalid(format!("sheet {name}: cannot read ({e})")))?;
            let (top, left) = range.start().unwrap_or((0, 0));
            let cells: Vec<(u32, u32, Data)> = range
                .used_cells()
                .filter(|(_, _, d)| !matches!(d, Data::Empty))
                .map(|(r, c, d)| (top + r as u32, left + c as u32, d.clone()))
                .collect();
            sheets.push(Sheet::new(name, cells, policy));
        }
        Ok(Workbook { sheets })
    }

    /// The identifying values of every record of every sheet.
    pub fn learned(&self) -> Learned {
        let mut learned = Learned::default();
        for sheet in &self.sheets {
            for cells in sheet.record_rows() {
                for (_, col, data) in &sheet.cells[cells] {
                    if let (Role::Identifying(kind), Data::String(s)) = (sheet.role(*col), data) {
                        learned.add(kind, s);
                    }
                }
            }
        }
        learned
    }

    /// The scan of every record's string cells in free-text and identifying columns, as for
    /// CSV; records are numbered across sheets.
    pub fn scan(&self, engine: &Engine) -> Vec<Scanned<'_>> {
        let mut out = Vec::new();
        let mut record = 0;
        for sheet in &self.sheets {
            let main_text = columns::main_text(sheet.columns.iter().map(|(_, c)| c.name.as_str()))
                .map(|i| sheet.columns[i].0)
                .filter(|&col| sheet.role(col) == Role::Text);
            for cells in sheet.record_rows() {
                let cells = &sheet.cells[cells];
                let id = sheet.record_id(cells);
                for (_, col, data) in cells {
                    let Data::String(text) = data else { continue };
                    let findings = match sheet.role(*col) {
                        Role::Text => {
                            let findings = engine.scan(text);
                            if findings.is_empty() && Some(*col) != main_text {
                                continue;
                            }
                            findings
                        }
                        Role::Identifying(kind) => match columns::whole_finding(kind, text) {
                            Some(f) => vec![f],
                            None => continue,
                        },
                        Role::Keep | Role::Drop => continue,
                    };
                    out.push(Scanned {
                        record,
                        id: id.clone(),
                        field: sheet.column_name(*col),
                        text,
                        findings,
                    });
                }
                record += 1;
            }
        }
        out
    }

    /// Every record of every sheet as a reaction for triage, numbered across sheets as
    /// [`Workbook::scan`] numbers them: its id column, its main text column, its platform
    /// and `in reply to` columns, as for CSV ([`super::csv::Table::reaction`]).
    pub fn reactions(&self) -> Vec<Reaction> {
        let mut out = Vec::new();
        for sheet in &self.sheets {
            let column = |names: &[&str]| {
                sheet
                    .columns
                    .iter()
                    .find(|(_, c)| names.contains(&columns::normalise(&c.name).as_str()))
                    .map(|(col, _)| *col)
            };
            let main = columns::main_text(sheet.columns.iter().map(|(_, c)| c.name.as_str()))
                .map(|i| sheet.columns[i].0);
            let platform = column(&["platform", "kanaal", "source type", "bron"]);
            let reply = column(&["in reply to", "reply to", "in reply to screen name"]);
            for cells in sheet.record_rows() {
                let cells = &sheet.cells[cells];
                let cell = |col: Option<u32>| {
                    let col = col?;
                    let (_, _, data) = cells.iter().find(|(_, c, _)| *c == col)?;
                    let value = text_of(data).trim().to_string();
                    (!value.is_empty()).then_some(value)
                };
                out.push(Reaction {
                    id: match sheet.record_id(cells) {
                        Value::String(s) => Some(s),
                        _ => None,
                    },
                    text: cell(main).unwrap_or_default(),
                    platform: cell(platform).map(|p| match p.to_lowercase().as_str() {
                        "twitter" => "x".to_string(),
                        other => other.to_string(),
                    }),
                    in_reply_to: cell(reply),
                });
            }
        }
        out
    }

    /// Minimises every record of every sheet in place.
    pub fn anonymise(
        &mut self,
        engine: &Engine,
        policy: &Policy,
        anonymiser: &mut Anonymiser,
        report: &mut Report,
    ) {
        self.anonymise_hooked(engine, policy, anonymiser, report, &Hooks::default());
    }

    /// [`Workbook::anonymise`] with decisions from outside: a record (numbered across
    /// sheets from `hooks.first`) whose `hooks.kept` flag is false loses its row (the rows
    /// below move up; not counted here: triage counts it); a finding `hooks.keep` keeps
    /// (field: the column name, as [`Workbook::scan`] names it) stays as it is.
    pub fn anonymise_hooked(
        &mut self,
        engine: &Engine,
        policy: &Policy,
        anonymiser: &mut Anonymiser,
        report: &mut Report,
        hooks: &Hooks<'_>,
    ) {
        let mut record = 0;
        for sheet in &mut self.sheets {
            let mut removed: Vec<usize> = Vec::new();
            for cells in sheet.record_rows() {
                let index = record;
                record += 1;
                if !hooks.keeps(index) {
                    removed.extend(cells);
                    continue;
                }
                report.record_scanned();
                for i in cells {
                    let col = sheet.cells[i].1;
                    let role = sheet.role(col);
                    let name = sheet.column_name(col).to_string();
                    let data = &mut sheet.cells[i].2;
                    match (role, &*data) {
                        (Role::Drop, _) => *data = Data::Empty,
                        (Role::Text | Role::Identifying(_), Data::String(value)) => {
                            let mut keep = |findings: &mut [crate::Finding]| {
                                hooks.apply(index, &name, value, findings);
                            };
                            let out = columns::minimise_cell_with(
                                policy, role, &name, value, engine, anonymiser, report, &mut keep,
                            );
                            if let Some(out) = out {
                                *data = Data::String(out);
                            }
                        }
                        _ => {}
                    }
                }
                report.record_written();
            }
            sheet.remove_rows(&removed);
        }
    }

    /// Writes the workbook as xlsx bytes. Errors name the sheet and cell.
    pub fn write(&self) -> Result<Vec<u8>, Error> {
        use rust_xlsxwriter::{Format, Workbook as Writer};
        let mut writer = Writer::new();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
        let duration = Format::new().set_num_format("[h]:mm:ss");
        for sheet in &self.sheets {
            let at_sheet = |e: rust_xlsxwriter::XlsxError| {
                Error::invalid(format!("sheet {}: cannot write ({e})", sheet.name))
            };
            let out = writer.add_worksheet();
            out.set_name(&sheet.name).map_err(at_sheet)?;
            for (row, col, data) in &sheet.cells {
                let at_cell = |e: rust_xlsxwriter::XlsxError| {
                    Error::invalid(format!(
                        "sheet {}, cell {}: cannot write ({e})",
                        sheet.name,
                        cell_name(*row, *col)
                    ))
                };
                let Ok(c) = u16::try_from(*col) else {
                    return Err(at_cell(rust_xlsxwriter::XlsxError::RowColumnLimitError));
                };
                let written = match data {
                    Data::Empty => continue,
                    Data::String(s) => out.write_string(*row, c, s).map(|_| ()),
                    Data::Int(n) => out.write_number(*row, c, *n as f64).map(|_| ()),
                    Data::Float(n) => out.write_number(*row, c, *n).map(|_| ()),
                    Data::Bool(b) => out.write_boolean(*row, c, *b).map(|_| ()),
                    Data::DateTime(dt) => {
                        let value = dt.as_f64();
                        let format = if !dt.is_datetime() {
                            &duration
                        } else if value.fract() == 0.0 {
                            &date
                        } else {
                            &datetime
                        };
                        out.write_number_with_format(*row, c, value, format)
                            .map(|_| ())
                    }
                    Data::DateTimeIso(s) | Data::DurationIso(s) => {
                        out.write_string(*row, c, s).map(|_| ())
                    }
                    Data::Error(e) => out.write_string(*row, c, e.to_string()).map(|_| ()),
                };
                written.map_err(at_cell)?;
            }
        }
        writer
            .save_to_buffer()
            .map_err(|e| Error::invalid(format!("cannot write the workbook ({e})")))
    }
}

impl Sheet {
    fn new(name: String, cells: Vec<(u32, u32, Data)>, policy: &Policy) -> Sheet {
        // Dense rows of text for the header search (the first rows only).
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut row_numbers: Vec<u32> = Vec::new();
        let left = cells.iter().map(|(_, c, _)| *c).min().unwrap_or(0);
        for (row, col, data) in &cells {
            if row_numbers.last() != Some(row) {
                if rows.len() >= columns::HEADER_SEARCH * 4 {
                    break;
                }
                row_numbers.push(*row);
                rows.push(Vec::new());
            }
            let Some(dense) = rows.last_mut() else { break };
            let at = (col - left) as usize;
            if dense.len() <= at {
                dense.resize(at + 1, String::new());
            }
            dense[at] = text_of(data);
        }
        let header = if rows.is_empty() {
            None
        } else {
            row_numbers.get(columns::header_row(&rows)).copied()
        };
        let columns = cells
            .iter()
            .filter(|(r, _, _)| Some(*r) == header)
            .map(|(_, col, data)| {
                let name = text_of(data);
                let role = columns::role(&name, policy);
                (*col, Column { name, role })
            })
            .collect();
        Sheet {
            name,
            cells,
            header,
            columns,
        }
    }

    /// The role of a column; a column without a header is free text.
    fn role(&self, col: u32) -> Role {
        self.columns
            .iter()
            .find(|(c, _)| *c == col)
            .map_or(Role::Text, |(_, column)| column.role)
    }

    /// Removes the cells at these indexes and their rows: the rows below move up.
    fn remove_rows(&mut self, removed: &[usize]) {
        if removed.is_empty() {
            return;
        }
        let mut rows: Vec<u32> = removed.iter().map(|&i| self.cells[i].0).collect();
        rows.dedup();
        let mut index = 0;
        self.cells.retain(|_| {
            index += 1;
            !removed.contains(&(index - 1))
        });
        for cell in &mut self.cells {
            let above = rows.partition_point(|&r| r < cell.0);
            cell.0 -= above as u32;
        }
    }

    fn column_name(&self, col: u32) -> &str {
        self.columns
            .iter()
            .find(|(c, _)| *c == col)
            .map_or("", |(_, column)| column.name.as_str())
    }

    /// The records: for each row below the header that has a cell, the range of its
    /// cells in `cells` (which are in row order).
    fn record_rows(&self) -> Vec<std::ops::Range<usize>> {
        let Some(header) = self.header else {
            return Vec::new();
        };
        let mut rows: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, (row, _, _)) in self.cells.iter().enumerate() {
            if *row <= header {
                continue;
            }
            match rows.last_mut() {
                Some(last) if self.cells[last.start].0 == *row => last.end = i + 1,
                _ => rows.push(i..i + 1),
            }
        }
        rows
    }

    /// The id of a record (its cells): the id column's value, or null.
    fn record_id(&self, cells: &[(u32, u32, Data)]) -> Value {
        let Some((id_col, _)) = self
            .columns
            .iter()
            .find(|(_, c)| columns::is_record_id(&c.name))
        else {
            return Value::Null;
        };
        cells
            .iter()
            .find(|(_, c, _)| c == id_col)
            .map_or(Value::Null, |(_, _, d)| Value::String(text_of(d)))
    }
}

/// Anonymises a workbook: reads it, learns the identifying values, minimises every sheet
/// and writes it back.
///
/// # Examples
///
/// ```
/// use weglakker::formats::xlsx;
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// let policy = Policy::default();
/// let err = xlsx::anonymise(b"", &policy, &mut Anonymiser::new(&policy),
///     &mut Report::new(&policy)).unwrap_err();
/// assert!(err.to_string().contains("xlsx"));
/// ```
pub fn anonymise(
    bytes: &[u8],
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> Result<Vec<u8>, Error> {
    let mut book = Workbook::read(bytes, policy)?;
    let engine = book.learned().engine(policy);
    book.anonymise(&engine, policy, anonymiser, report);
    book.write()
}
