//! The passes of [`super`] owned by one value, with triage, per-finding `keep` and the
//! review's records: what the page's worker feeds a `File`'s slices to (it can hold no
//! borrowed plan between messages).
//!
//! One [`CsvSession`] reads a file three times: [`CsvSession::survey`] (pass 1),
//! [`CsvSession::learn`] (pass 2), then any number of third passes: the download
//! ([`CsvSession::write`] → bytes equal to [`crate::formats::process::process`]'s output),
//! the review ([`CsvSession::scan`] → the same [`Record`]s `process` gives with
//! `records`, plus where each record starts in the file) and re-scans of a few records
//! from those places ([`CsvSession::rescan`]).
//!
//! # Examples
//!
//! ```
//! use weglakker::formats::csv::Options;
//! use weglakker::formats::csv_stream::session::CsvSession;
//! use weglakker::formats::{process, Format};
//! use weglakker::Policy;
//!
//! let input = b"id;bericht\n1;Els Bakker hier\n2;\"mail els@example.nl\"\n";
//! let policy = Policy::default();
//! let mut session = CsvSession::new(&policy, Options::default(), None, false).unwrap();
//! input.chunks(5).for_each(|c| session.survey(c));
//! for c in input.chunks(5) {
//!     session.learn(c).unwrap();
//! }
//! session.plan().unwrap();
//! let mut out = Vec::new();
//! for c in input.chunks(5) {
//!     out.extend(session.write(c).unwrap());
//! }
//! let done = session.finish_write().unwrap();
//! out.extend(done.output);
//! let whole = process::process(input, &policy, &process::Options::new(Format::Csv)).unwrap();
//! assert_eq!(out, whole.output);
//!
//! let mut found = Vec::new();
//! for c in input.chunks(5) {
//!     found.push(session.scan(c).unwrap());
//! }
//! found.push(session.finish_scan().unwrap());
//! let starts: Vec<u64> = found.iter().flat_map(|b| b.starts.clone()).collect();
//! assert_eq!(starts, [11, 29]);
//! let again = session.rescan(&input[29..], 1).unwrap();
//! assert_eq!(again[0].number, 1);
//! assert_eq!(again[0].fields[0].text, "mail els@example.nl");
//! ```

use super::{learn, table, write, Batch, Layout, Plan, Rows, Survey, Surveyed};
use crate::formats::columns::{Learned, Role};
use crate::formats::csv::{self, Encoding, Options};
use crate::formats::hooks::{Hooks, KeepFn};
use crate::formats::process::{Field, Finished, Record};
use crate::report::Report;
use crate::triage::Triage;
use crate::{Anonymiser, Engine, Error, Policy, PseudonymStyle};
use sha2::Digest;

/// Where a session is.
enum Stage {
    Survey(Survey, sha2::Sha256),
    Learn(Box<Learning>),
    Planned(Box<Planned>),
}

/// Pass 2's state (what [`super::Learner`] keeps, owned).
struct Learning {
    rows: Rows,
    surveyed: Surveyed,
    widest: usize,
    learned: Learned,
    roles: Vec<Role>,
}

/// After pass 2: the plan, the dialect and the engine that knows the learned names.
struct Planned {
    plan: Plan,
    layout: Layout,
    engine: Engine,
    /// The third pass in progress, if any.
    pass: Option<Pass>,
}

/// A third pass: its rows, the records before the current batch, the decoded text before
/// it, and (writing) nothing written yet.
struct Pass {
    rows: Rows,
    records: usize,
    offset: usize,
    first: bool,
    output: sha2::Sha256,
    report: Report,
    anonymiser: Anonymiser,
}

/// The records of one batch of a scan, and the byte offset in the file where each starts
/// and ends (valid when [`CsvSession::resumable`]).
///
/// # Examples
///
/// ```
/// use weglakker::formats::csv_stream::session::CsvSession;
///
/// let input = b"\xEF\xBB\xBFid,bericht\n7,hoi\n";
/// let policy = weglakker::Policy::default();
/// let mut s = CsvSession::new(&policy, Default::default(), None, false).unwrap();
/// s.survey(input);
/// s.learn(input).unwrap();
/// s.plan().unwrap();
/// let mut batch = s.scan(input).unwrap();
/// batch.records.extend(s.finish_scan().unwrap().records);
/// assert_eq!(batch.records[0].id, Some("7".into()));
/// assert!(s.resumable());
/// ```
#[derive(Clone, Debug, Default)]
pub struct ScanBatch {
    /// The records, numbered over the file.
    pub records: Vec<Record>,
    /// Where each record's row starts, in bytes from the start of the file.
    pub starts: Vec<u64>,
    /// Where each record's row ends (line ending included).
    pub ends: Vec<u64>,
}

/// A CSV (or LinkedIn) file read in passes with one engine, one anonymiser and one report.
///
/// # Examples
///
/// ```
/// use weglakker::formats::csv_stream::session::CsvSession;
/// use weglakker::Policy;
///
/// let input = b"id;bericht\n1;Zeemeeuw\n2;Zeemeeuw\n";
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
/// // The second record's finding kept by hand.
/// let session = CsvSession::new(&policy, Default::default(), None, false).unwrap();
/// let mut s = session.with_keep(Box::new(|record, field, _, _| record == 1 && field == "bericht"));
/// s.survey(input);
/// s.learn(input).unwrap();
/// s.plan().unwrap();
/// let mut out = s.write(input).unwrap();
/// let done = s.finish_write().unwrap();
/// out.extend(done.output);
/// assert_eq!(out, b"id;bericht\n1;[PERSOON-1]\n2;Zeemeeuw\n");
/// assert_eq!(done.report.records.written, 2);
/// ```
pub struct CsvSession {
    policy: Policy,
    options: Options,
    key: Option<Vec<u8>>,
    triage: Triage,
    triage_on: bool,
    name: Option<String>,
    keep: Option<Box<KeepFn<'static>>>,
    stage: Stage,
    input: Option<(u64, String)>,
}

impl CsvSession {
    /// A session for a file read with `options` (LinkedIn's: [`crate::formats::linkedin::OPTIONS`]);
    /// `key` for keyed pseudonyms; `triage` leaves out what triage does not archive.
    /// Fails when the policy asks for keyed pseudonyms and no key is given.
    pub fn new(
        policy: &Policy,
        options: Options,
        key: Option<&[u8]>,
        triage: bool,
    ) -> Result<CsvSession, Error> {
        // Checked now, so a bad key fails before three passes over the file.
        match key {
            Some(key) => drop(Anonymiser::with_key(policy, key)?),
            None if policy.pseudonyms.style == PseudonymStyle::Keyed => {
                return Err(Error::invalid(
                    "the policy asks for keyed pseudonyms: give the secret key",
                ))
            }
            None => {}
        }
        Ok(CsvSession {
            policy: policy.clone(),
            options,
            key: key.map(<[u8]>::to_vec),
            triage: Triage::new(policy),
            triage_on: triage,
            name: None,
            keep: None,
            stage: Stage::Survey(Survey::new(), sha2::Sha256::default()),
            input: None,
        })
    }

    /// The input's name, for the report.
    pub fn with_name(mut self, name: &str) -> CsvSession {
        self.name = Some(name.to_string());
        self
    }

    /// Findings a person decided to keep: `(record, field, field text, finding)`, records
    /// numbered over the file from 0, fields as [`csv::Table::scan`] names them.
    pub fn with_keep(mut self, keep: Box<KeepFn<'static>>) -> CsvSession {
        self.keep = Some(keep);
        self
    }

    /// Pass 1: the next bytes.
    pub fn survey(&mut self, chunk: &[u8]) {
        if let Stage::Survey(survey, hash) = &mut self.stage {
            survey.push(chunk);
            hash.update(chunk);
        }
    }

    /// Pass 2: the next bytes (the first call ends pass 1).
    pub fn learn(&mut self, chunk: &[u8]) -> Result<(), Error> {
        self.end_survey();
        let Stage::Learn(l) = &mut self.stage else {
            return Err(Error::invalid("csv session: the plan is already made"));
        };
        let (policy, widest, learned, roles) =
            (&self.policy, &mut l.widest, &mut l.learned, &mut l.roles);
        l.rows.push(chunk, &mut |batch, layout| {
            learn(batch, layout, policy, roles, widest, learned);
            Ok(())
        })
    }

    /// What pass 1 found (ends it). `exact` false: read the file whole instead.
    pub fn surveyed(&mut self) -> Surveyed {
        self.end_survey();
        match &self.stage {
            Stage::Learn(l) => l.surveyed,
            Stage::Planned(p) => p.plan.surveyed,
            Stage::Survey(..) => unreachable!("end_survey moves on"),
        }
    }

    fn end_survey(&mut self) {
        if let Stage::Survey(survey, hash) = &mut self.stage {
            let surveyed = std::mem::take(survey).finish();
            let hex: String = std::mem::take(hash)
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            self.input = Some((surveyed.size, hex));
            self.stage = Stage::Learn(Box::new(Learning {
                rows: Rows::new(surveyed, self.options),
                surveyed,
                widest: 0,
                learned: Learned::default(),
                roles: Vec::new(),
            }));
        }
    }

    /// Ends pass 2: the plan. Errors carry the 1-based line of a bad record.
    pub fn plan(&mut self) -> Result<&Plan, Error> {
        self.end_survey();
        if let Stage::Learn(l) = &mut self.stage {
            let (policy, widest, learned, roles) =
                (&self.policy, &mut l.widest, &mut l.learned, &mut l.roles);
            l.rows.finish(&mut |batch, layout| {
                learn(batch, layout, policy, roles, widest, learned);
                Ok(())
            })?;
            let layout = l.rows.layout.take().unwrap_or_else(|| {
                l.rows.set_layout();
                l.rows.layout.take().expect("set_layout sets it")
            });
            let names: Vec<&str> = layout.names.iter().map(String::as_str).collect();
            let plan = Plan {
                surveyed: l.surveyed,
                options: self.options,
                columns: csv::columns_of(&names, l.widest, &self.policy),
                learned: std::mem::take(&mut l.learned),
            };
            let engine = plan.learned.engine(&self.policy);
            self.stage = Stage::Planned(Box::new(Planned {
                plan,
                layout,
                engine,
                pass: None,
            }));
        }
        match &self.stage {
            Stage::Planned(p) => Ok(&p.plan),
            _ => unreachable!("planned above"),
        }
    }

    /// True when record offsets from [`CsvSession::scan`] are byte offsets of the file
    /// (UTF-8: the decoded text is the bytes), so [`CsvSession::rescan`] can read them.
    pub fn resumable(&self) -> bool {
        matches!(&self.stage, Stage::Planned(p) if matches!(p.plan.surveyed.encoding, Encoding::Utf8 { .. }))
    }

    /// What the whole-file reader notes about the encoding (`read as UTF-16 ...`), once
    /// the plan is made.
    pub fn note(&self) -> Option<&'static str> {
        match &self.stage {
            Stage::Planned(p) => note(p.plan.surveyed.encoding),
            _ => None,
        }
    }

    fn planned(&mut self) -> Result<&mut Planned, Error> {
        match &mut self.stage {
            Stage::Planned(p) => Ok(p),
            _ => Err(Error::invalid("csv session: make the plan first")),
        }
    }

    /// Starts a third pass unless one runs.
    fn pass(&mut self) -> Result<(), Error> {
        if matches!(&self.stage, Stage::Planned(p) if p.pass.is_some()) {
            return Ok(());
        }
        let anonymiser = match &self.key {
            Some(key) => Anonymiser::with_key(&self.policy, key)?,
            None => Anonymiser::new(&self.policy),
        };
        let report = Report::new(&self.policy);
        let p = self.planned()?;
        if p.pass.is_none() {
            p.pass = Some(Pass {
                rows: Rows::new(p.plan.surveyed, p.plan.options),
                records: 0,
                offset: 0,
                first: true,
                output: sha2::Sha256::default(),
                report,
                anonymiser,
            });
        }
        Ok(())
    }

    /// Pass 3, the download: the next bytes → the output of the rows completed so far.
    pub fn write(&mut self, chunk: &[u8]) -> Result<Vec<u8>, Error> {
        self.write_part(chunk, false)
    }

    /// Ends the download: the rest of the output and the report (input and output size
    /// and hash included; no time). Errors carry the 1-based line of a bad record.
    pub fn finish_write(&mut self) -> Result<Finished, Error> {
        let output = self.write_part(&[], true)?;
        let (input, name) = (self.input.clone(), self.name.clone());
        let p = self.planned()?;
        let mut pass = p.pass.take().expect("write_part started a pass");
        let note = note(p.plan.surveyed.encoding);
        if let Some((size, hash)) = input {
            pass.report
                .set_input(name.as_deref().unwrap_or("-"), size, &hash);
        }
        let hex: String = pass
            .output
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        pass.report.set_output_sha256(&hex);
        Ok(Finished {
            output,
            report: pass.report,
            note,
        })
    }

    fn write_part(&mut self, chunk: &[u8], end: bool) -> Result<Vec<u8>, Error> {
        self.pass()?;
        let (policy, triage, triage_on) = (&self.policy, &self.triage, self.triage_on);
        let keep = self.keep.as_deref();
        let p = planned(&mut self.stage);
        let (plan, layout_engine) = (&p.plan, &p.engine);
        let pass = p.pass.as_mut().expect("pass started");
        let (records, first, report, anonymiser) = (
            &mut pass.records,
            &mut pass.first,
            &mut pass.report,
            &mut pass.anonymiser,
        );
        let mut out = Vec::new();
        let mut visit = |batch: Batch<'_>, layout: &Layout| {
            let table = table(batch, layout, plan);
            let count = table.records().count();
            let kept: Option<Vec<bool>> = triage_on.then(|| {
                table
                    .records()
                    .enumerate()
                    .map(|(i, row)| {
                        let result = triage.decide(&table.reaction(row).or_record(*records + i));
                        report.triage_keeps(result.decision)
                    })
                    .collect()
            });
            let hooks = Hooks {
                first: *records,
                prefix: "",
                kept: kept.as_deref(),
                keep,
            };
            let text = table.anonymise_hooked(layout_engine, policy, anonymiser, report, &hooks);
            write(plan.surveyed.encoding, &text, first, &mut out);
            *records += count;
            Ok(())
        };
        if end {
            pass.rows.finish(&mut visit)?;
            write(plan.surveyed.encoding, "", first, &mut out);
        } else {
            pass.rows.push(chunk, &mut visit)?;
        }
        pass.output.update(&out);
        Ok(out)
    }

    /// Pass 3, the review: the next bytes → the records completed so far, as
    /// [`crate::formats::process::process`] gives them with `records` (triage decided,
    /// `keep` applied), with where each starts and ends in the file.
    pub fn scan(&mut self, chunk: &[u8]) -> Result<ScanBatch, Error> {
        self.scan_part(chunk, false)
    }

    /// Ends the review pass: the last records.
    pub fn finish_scan(&mut self) -> Result<ScanBatch, Error> {
        let out = self.scan_part(&[], true);
        if let Ok(p) = self.planned() {
            p.pass = None;
        }
        out
    }

    fn scan_part(&mut self, chunk: &[u8], end: bool) -> Result<ScanBatch, Error> {
        self.pass()?;
        let (triage, triage_on, keep) = (&self.triage, self.triage_on, self.keep.as_deref());
        let p = planned(&mut self.stage);
        let (plan, engine) = (&p.plan, &p.engine);
        let bom = match plan.surveyed.encoding {
            Encoding::Utf8 { bom: true } => 3,
            _ => 0,
        };
        let pass = p.pass.as_mut().expect("pass started");
        let (records, offset) = (&mut pass.records, &mut pass.offset);
        let mut out = ScanBatch::default();
        let mut visit = |batch: Batch<'_>, layout: &Layout| {
            let at = (*offset + bom) as u64;
            *offset += batch.text.len();
            let table = table(batch, layout, plan);
            for row in table.records() {
                out.starts.push(at + row.raw.start as u64);
                out.ends.push(at + row.raw.end as u64);
            }
            let found = scan_batch_records(&table, engine, triage, triage_on, keep, *records);
            *records += found.len();
            out.records.extend(found);
            Ok(())
        };
        if end {
            pass.rows.finish(&mut visit)?;
        } else {
            pass.rows.push(chunk, &mut visit)?;
        }
        Ok(out)
    }

    /// The records in `bytes`: a slice of a [`CsvSession::resumable`] file from where
    /// record `first` starts to where a later record ends (offsets from
    /// [`CsvSession::scan`]), as the review pass gave them.
    pub fn rescan(&mut self, bytes: &[u8], first: usize) -> Result<Vec<Record>, Error> {
        if !self.resumable() {
            return Err(Error::invalid(
                "csv session: records are re-read from UTF-8 files only",
            ));
        }
        let (triage, triage_on, keep) = (&self.triage, self.triage_on, self.keep.as_deref());
        let p = planned(&mut self.stage);
        let (plan, engine) = (&p.plan, &p.engine);
        let surveyed = Surveyed {
            encoding: Encoding::Utf8 { bom: false },
            ..plan.surveyed
        };
        let mut rows = Rows::new(surveyed, plan.options);
        // The header row is behind: the slice's rows are records from the start.
        rows.backslash = p.layout.dialect.backslash_escapes;
        rows.layout = Some(Layout {
            dialect: p.layout.dialect,
            header: 0,
            names: Vec::new(),
        });
        rows.first = 1;
        let mut out = Vec::new();
        let mut visit = |batch: Batch<'_>, layout: &Layout| {
            let table = table(batch, layout, plan);
            let base = first + out.len();
            out.extend(scan_batch_records(
                &table, engine, triage, triage_on, keep, base,
            ));
            Ok(())
        };
        rows.push(bytes, &mut visit)?;
        rows.finish(&mut visit)?;
        Ok(out)
    }
}

/// The planned stage (the caller checked that it is).
fn planned(stage: &mut Stage) -> &mut Planned {
    match stage {
        Stage::Planned(p) => p,
        _ => unreachable!("checked by the caller"),
    }
}

/// What [`crate::formats::decode`] notes about an encoding.
fn note(encoding: Encoding) -> Option<&'static str> {
    let whole = match encoding {
        Encoding::Utf8 { .. } => return None,
        Encoding::Windows1252 => &b"\xff"[..],
        Encoding::Utf16Le { bom: true } => &b"\xff\xfe"[..],
        Encoding::Utf16Le { bom: false } => &b"a\0"[..],
        Encoding::Utf16Be => &b"\xfe\xff"[..],
    };
    crate::formats::decode(whole.to_vec()).note
}

/// A batch's records as `process` gives them with `records`: decided, scanned, `keep`
/// applied, numbered from `base`.
fn scan_batch_records(
    table: &csv::Table<'_>,
    engine: &Engine,
    triage: &Triage,
    triage_on: bool,
    keep: Option<&KeepFn<'_>>,
    base: usize,
) -> Vec<Record> {
    let decisions: Vec<_> = table
        .records()
        .enumerate()
        .map(|(i, row)| triage.decide(&table.reaction(row).or_record(base + i)))
        .collect();
    let count = decisions.len();
    let found = table
        .scan(engine)
        .map(|s| {
            let (number, name, text) = (base + s.record, s.field.to_string(), s.text.to_string());
            let mut findings = s.findings;
            if let Some(keep) = keep {
                for f in findings.iter_mut().filter(|f| !f.allowed) {
                    f.allowed = keep(number, &name, &text, f);
                }
            }
            let field = Field {
                name,
                text,
                findings,
            };
            (number, s.id, field)
        })
        .collect();
    group(base..base + count, decisions, triage_on, found)
}

/// Fields grouped into [`Record`]s as `process` groups them.
fn group(
    numbers: std::ops::Range<usize>,
    decisions: Vec<crate::triage::TriageResult>,
    triage_on: bool,
    found: Vec<(usize, serde_json::Value, Field)>,
) -> Vec<Record> {
    let first = numbers.start;
    let mut records: Vec<Record> = numbers
        .zip(decisions)
        .map(|(number, result)| Record {
            number,
            line: 0,
            id: None,
            written: !triage_on || result.decision.is_archived(),
            triage: Some(result),
            fields: Vec::new(),
        })
        .collect();
    for (index, id, field) in found {
        let Some(r) = records.get_mut(index - first) else {
            continue;
        };
        if r.id.is_none() && !id.is_null() {
            r.id = Some(id);
        }
        r.fields.push(field);
    }
    records
}
