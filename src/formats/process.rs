//! A whole file in one call: decode, parse, triage, scan, anonymise and report, for any
//! format the core reads. The review app (WebAssembly) uses it; other front ends may too.
//!
//! Text and JSON Lines are reviewed record by record here; the table formats (CSV,
//! LinkedIn, xlsx with the `xlsx` feature), the JSON family (JSON, X archive, Facebook,
//! Instagram, Mastodon) and zip archives go through their own modules' `reactions`,
//! `scan` and `anonymise_hooked`. Every format gets triage (each record a
//! [`Reaction`], decided here; with [`Options::triage`] the records not archived are left
//! out and counted per decision) and per-finding `keep` ([`super::hooks::Hooks`]).
//! Records are numbered from [`Options::first_record`] over the whole file (a zip across
//! its entries in entry order), fields named as the modules' `scan` names them (a zip
//! entry's `entry:field`), so a finding shown as (record, field, start) is the one kept.
//!
//! Besides the minimised output and the report it can hand back every scanned field with
//! its findings and every record's triage decision ([`Options::records`]), so a person can
//! review them, and it takes a `keep` callback so findings a person decided to keep stay
//! as they are in the output.

use super::hooks::Hooks;
use super::{csv, decode, json, jsonl, linkedin, text, zip, Format};
use crate::report::{sha256_hex, Report};
use crate::triage::{Reaction, Triage, TriageResult};
use crate::{Anonymiser, Error, Finding, Policy, PseudonymStyle};

pub use super::hooks::KeepFn;

/// How to process a file.
///
/// # Examples
///
/// ```
/// use weglakker::formats::{process::Options, Format};
///
/// let options = Options { records: true, ..Options::new(Format::Jsonl) };
/// assert_eq!(options.first_line, 1);
/// ```
pub struct Options<'a> {
    /// The input format.
    pub format: Format,
    /// The secret key for keyed pseudonyms (required when the policy asks for them).
    pub key: Option<&'a [u8]>,
    /// Leave out reactions that triage does not archive (as the CLI's `--triage`).
    pub triage: bool,
    /// Hand back every record's fields, findings and triage decision.
    pub records: bool,
    /// The input's file name, for the report.
    pub name: Option<&'a str>,
    /// The line number of the first line (a chunk of a larger file starts later).
    pub first_line: usize,
    /// The number of the first record (a chunk of a larger file starts later).
    pub first_record: usize,
    /// Findings a person decided to keep; `None` keeps only what the policy keeps.
    pub keep: Option<&'a KeepFn<'a>>,
}

impl<'a> Options<'a> {
    /// Defaults: no key, no triage, no records, lines and records counted from the start.
    ///
    /// # Examples
    ///
    /// ```
    /// let o = weglakker::formats::process::Options::new(weglakker::formats::Format::Text);
    /// assert!(!o.triage && !o.records && o.key.is_none());
    /// ```
    pub fn new(format: Format) -> Options<'a> {
        Options {
            format,
            key: None,
            triage: false,
            records: false,
            name: None,
            first_line: 1,
            first_record: 0,
            keep: None,
        }
    }
}

/// One scanned text field and its findings (UTF-8 byte offsets into `text`).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The field name (`text`, `user/name`).
    pub name: String,
    /// The field's text.
    pub text: String,
    /// The findings; `allowed` is set for those kept by the allow list or by `keep`.
    pub findings: Vec<Finding>,
}

/// One record as reviewed.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The record number (0-based, in the whole file).
    pub number: usize,
    /// The line it starts on (1-based).
    pub line: usize,
    /// The record id, if the format has one.
    pub id: Option<serde_json::Value>,
    /// The triage decision for the record (with [`Options::triage`] or [`Options::records`]).
    pub triage: Option<TriageResult>,
    /// True when the record is in the output (false: left out by triage).
    pub written: bool,
    /// Its scanned text fields (not those a field operator handles as a whole).
    pub fields: Vec<Field>,
}

/// What [`process`] made.
#[derive(Clone, Debug)]
pub struct Processed {
    /// The minimised file, in the input's format (and, for CSV, its encoding).
    pub output: Vec<u8>,
    /// The report (input name, size and hash, output hash; no time: the caller sets it).
    pub report: Report,
    /// Every record, when [`Options::records`] was set.
    pub records: Vec<Record>,
    /// Set when the input was not UTF-8 (see [`decode`]).
    pub note: Option<&'static str>,
}

/// Processes a whole file. Errors name the line (`line 3: invalid JSON at column 9: ...`)
/// and never quote the file's text.
///
/// # Examples
///
/// ```
/// use weglakker::formats::{process::{process, Options}, Format};
/// use weglakker::Policy;
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
/// let input = b"{\"id\":1,\"text\":\"Operatie Zeemeeuw\"}\n{\"id\":2,\"text\":\"zeemeeuw!\"}\n";
/// let options = Options { records: true, ..Options::new(Format::Jsonl) };
/// let done = process(input, &policy, &options).unwrap();
/// let output = String::from_utf8(done.output).unwrap();
/// assert!(output.contains("Operatie [PERSOON-1]"));
/// assert!(output.contains("[PERSOON-1]!"));
/// assert_eq!(done.records.len(), 2);
/// assert_eq!(done.records[1].line, 2);
/// assert_eq!(done.report.records.written, 2);
///
/// let err = process(b"{\"text\": 1}\n{oops", &policy, &Options::new(Format::Jsonl)).unwrap_err();
/// assert!(err.to_string().starts_with("line 2:"), "{err}");
/// ```
pub fn process(bytes: &[u8], policy: &Policy, options: &Options<'_>) -> Result<Processed, Error> {
    let decoded = decode(bytes.to_vec());
    let engine = policy.engine_builder().build();
    let mut anonymiser = match options.key {
        Some(key) => Anonymiser::with_key(policy, key)?,
        None if policy.pseudonyms.style == PseudonymStyle::Keyed => {
            return Err(Error::invalid(
                "the policy asks for keyed pseudonyms: give the secret key",
            ))
        }
        None => Anonymiser::new(policy),
    };
    let triage = Triage::new(policy);
    let mut report = Report::new(policy);
    report.set_input(
        options.name.unwrap_or("-"),
        bytes.len() as u64,
        &sha256_hex(bytes),
    );
    let mut run = Run {
        options,
        engine: &engine,
        triage: &triage,
        records: Vec::new(),
    };
    let output = match options.format {
        Format::Text => run
            .text(&decoded.text, &mut anonymiser, &mut report)
            .into_bytes(),
        Format::Jsonl => run
            .jsonl(&decoded.text, policy, &mut anonymiser, &mut report)?
            .into_bytes(),
        Format::Csv | Format::Linkedin => run.table(bytes, policy, &mut anonymiser, &mut report)?,
        Format::Zip => run.zip(bytes, &engine, policy, &mut anonymiser, &mut report)?,
        Format::Xlsx => run.xlsx(bytes, policy, &mut anonymiser, &mut report)?,
        format => {
            let profile = json::profile(format).unwrap_or(&json::GENERIC);
            let doc = json::Document::parse(&decoded.text)
                .map_err(|e| Error::invalid(e.to_string()).at(format!("line {}", e.line)))?;
            let decided = run.decide_all(
                run.wanted().then(|| json::reactions(&doc, profile)),
                &mut report,
            );
            if options.records {
                let found = json::scan(&doc, profile, &engine, policy);
                let fields = found
                    .into_iter()
                    .map(|s| (s.record, s.id, s.field, s.text, s.findings));
                run.group(options.first_record, &decided, fields);
            }
            let hooks = decided.hooks(options);
            json::anonymise_hooked(
                &doc,
                profile,
                &engine,
                policy,
                &mut anonymiser,
                &mut report,
                &hooks,
            )
            .into_bytes()
        }
    };
    report.set_output_sha256(&sha256_hex(&output));
    Ok(Processed {
        output,
        report,
        records: run.records,
        note: decoded.note,
    })
}

/// The state of one [`process`] call.
struct Run<'a> {
    options: &'a Options<'a>,
    engine: &'a crate::Engine,
    triage: &'a Triage,
    records: Vec<Record>,
}

impl Run<'_> {
    /// Scans one field, applies `keep`, and notes the field for the review.
    fn scan(
        &self,
        record: usize,
        field: &str,
        text: &str,
        fields: &mut Vec<Field>,
    ) -> Vec<Finding> {
        let mut findings = self.engine.scan(text);
        if let Some(keep) = self.options.keep {
            for f in findings.iter_mut().filter(|f| !f.allowed) {
                f.allowed = keep(record, field, text, f);
            }
        }
        if self.options.records {
            fields.push(Field {
                name: field.to_string(),
                text: text.to_string(),
                findings: findings.clone(),
            });
        }
        findings
    }

    /// The triage decision, only when it is used (triage is the costliest step per record).
    fn decide(&self, reaction: impl FnOnce() -> Reaction) -> Option<TriageResult> {
        (self.options.triage || self.options.records).then(|| self.triage.decide(&reaction()))
    }

    /// Counts the decision; false when triage is on and the record is left out.
    fn keeps(&self, result: Option<&TriageResult>, report: &mut Report) -> bool {
        result
            .filter(|_| self.options.triage)
            .is_none_or(|result| report.triage_keeps(result.decision))
    }

    fn text(&mut self, input: &str, anonymiser: &mut Anonymiser, report: &mut Report) -> String {
        let number = self.options.first_record;
        let result = self.decide(|| Reaction::new(input).or_record(number));
        let written = self.keeps(result.as_ref(), report);
        let mut fields = Vec::new();
        let findings = self.scan(number, text::FIELD, input, &mut fields);
        let output = match written {
            true => {
                report.record_scanned();
                let out = anonymiser.anonymise(input, &findings);
                report.add_findings(&findings);
                report.add_replacements(&out.replacements);
                report.record_written();
                out.text
            }
            false => String::new(),
        };
        self.push(
            number,
            self.options.first_line,
            None,
            result,
            written,
            fields,
        );
        output
    }

    fn jsonl(
        &mut self,
        input: &str,
        policy: &Policy,
        anonymiser: &mut Anonymiser,
        report: &mut Report,
    ) -> Result<String, Error> {
        let mut out = String::with_capacity(input.len() + input.len() / 8);
        let mut number = self.options.first_record;
        for (index, raw, ending) in jsonl::lines(input) {
            let line_number = index - 1 + self.options.first_line;
            if raw.trim().is_empty() {
                out.push_str(raw);
                out.push_str(ending);
                continue;
            }
            let line = jsonl::parse_line(raw).map_err(|e| e.at(format!("line {line_number}")))?;
            let result = self.decide(|| line.reaction().or_record(number));
            let written = self.keeps(result.as_ref(), report);
            let mut fields = Vec::new();
            if written {
                let mut scan =
                    |field: &str, text: &str| self.scan(number, field, text, &mut fields);
                out.push_str(&jsonl::anonymise_line_with(
                    &line, &mut scan, policy, anonymiser, report,
                ));
                out.push_str(ending);
            } else if self.options.records {
                for s in line.texts() {
                    self.scan(number, &s.field, &s.value, &mut fields);
                }
            }
            self.push(number, line_number, line.id, result, written, fields);
            number += 1;
        }
        Ok(out)
    }

    /// True when every record needs its triage decision (to leave it out or to show it).
    fn wanted(&self) -> bool {
        self.options.triage || self.options.records
    }

    /// Decides every record of a module (numbered from [`Options::first_record`]); with
    /// triage on, counts each decision and the records left out.
    fn decide_all(&self, reactions: Option<Vec<Reaction>>, report: &mut Report) -> Decided {
        let Some(reactions) = reactions else {
            return Decided::default();
        };
        let first = self.options.first_record;
        let results: Vec<TriageResult> = reactions
            .into_iter()
            .enumerate()
            .map(|(i, r)| self.triage.decide(&r.or_record(first + i)))
            .collect();
        let kept = results
            .iter()
            .map(|r| self.keeps(Some(r), report))
            .collect();
        Decided {
            count: Some(results.len()),
            results,
            kept: self.options.triage.then_some(kept),
        }
    }

    /// CSV and LinkedIn: the table module reads, scans and anonymises; triage here.
    fn table(
        &mut self,
        bytes: &[u8],
        policy: &Policy,
        anonymiser: &mut Anonymiser,
        report: &mut Report,
    ) -> Result<Vec<u8>, Error> {
        let options = match self.options.format {
            Format::Linkedin => linkedin::OPTIONS,
            _ => csv::Options::default(),
        };
        let (encoding, text) = csv::read(bytes);
        let table = csv::Table::parse(&text, options, policy)?;
        let reactions = self
            .wanted()
            .then(|| table.records().map(|row| table.reaction(row)).collect());
        let decided = self.decide_all(reactions, report);
        let engine = table.learned().engine(policy);
        if self.options.records {
            let fields: Vec<_> = table
                .scan(&engine)
                .map(|s| {
                    let (field, text) = (s.field.to_string(), s.text.to_string());
                    (s.record, s.id, field, text, s.findings)
                })
                .collect();
            self.group(self.options.first_record, &decided, fields.into_iter());
        }
        let hooks = decided.hooks(self.options);
        let out = table.anonymise_hooked(&engine, policy, anonymiser, report, &hooks);
        if out == text {
            // Nothing changed: the very input bytes (also keeps invalid UTF-16 as it was).
            return Ok(bytes.to_vec());
        }
        Ok(encoding.encode(&out))
    }

    /// Zip archives: records numbered across the supported entries in entry order.
    fn zip(
        &mut self,
        bytes: &[u8],
        engine: &crate::Engine,
        policy: &Policy,
        anonymiser: &mut Anonymiser,
        report: &mut Report,
    ) -> Result<Vec<u8>, Error> {
        let entries = match self.wanted() {
            true => Some(zip::reactions(bytes, None)?),
            false => None,
        };
        let counts: Vec<usize> = entries.iter().flatten().map(|(_, r)| r.len()).collect();
        let reactions = entries.map(|e| e.into_iter().flat_map(|(_, r)| r).collect());
        let decided = self.decide_all(reactions, report);
        if self.options.records {
            let mut first = self.options.first_record;
            for ((entry, found), count) in zip::scan(bytes, None, engine, policy)?
                .into_iter()
                .zip(counts)
            {
                let fields = found.into_iter().map(|s| {
                    let field = format!("{entry}:{}", s.field);
                    (s.record, s.id, field, s.text, s.findings)
                });
                let part = decided.slice(first - self.options.first_record, count);
                self.group(first, &part, fields);
                first += count;
            }
        }
        let hooks = decided.hooks(self.options);
        zip::anonymise_hooked(bytes, None, engine, policy, anonymiser, report, &hooks)
    }

    /// Excel workbooks (feature `xlsx`): records numbered across sheets.
    #[cfg(feature = "xlsx")]
    fn xlsx(
        &mut self,
        bytes: &[u8],
        policy: &Policy,
        anonymiser: &mut Anonymiser,
        report: &mut Report,
    ) -> Result<Vec<u8>, Error> {
        let mut book = super::xlsx::Workbook::read(bytes, policy)?;
        let decided = self.decide_all(self.wanted().then(|| book.reactions()), report);
        let engine = book.learned().engine(policy);
        if self.options.records {
            let fields: Vec<_> = book
                .scan(&engine)
                .into_iter()
                .map(|s| {
                    let (field, text) = (s.field.to_string(), s.text.to_string());
                    (s.record, s.id, field, text, s.findings)
                })
                .collect();
            self.group(self.options.first_record, &decided, fields.into_iter());
        }
        let hooks = decided.hooks(self.options);
        book.anonymise_hooked(&engine, policy, anonymiser, report, &hooks);
        book.write()
    }

    /// Without the `xlsx` feature: a clear error.
    #[cfg(not(feature = "xlsx"))]
    fn xlsx(
        &mut self,
        _: &[u8],
        _: &Policy,
        _: &mut Anonymiser,
        _: &mut Report,
    ) -> Result<Vec<u8>, Error> {
        Err(Error::invalid(
            "this weglakker was built without xlsx support (feature `xlsx`): save the sheet as CSV",
        ))
    }

    /// Records from a module's scan: `(record, id, field, text, findings)` in record order,
    /// `record` the module's index, numbered from `first`. With decisions, every record is
    /// listed (also those without scanned fields) with its decision; findings a person
    /// kept are marked allowed.
    fn group(
        &mut self,
        first: usize,
        decided: &Decided,
        found: impl Iterator<Item = (usize, serde_json::Value, String, String, Vec<Finding>)>,
    ) {
        let fresh = |index: usize| Record {
            number: first + index,
            line: 0,
            id: None,
            triage: decided.results.get(index).cloned(),
            written: decided.kept.as_ref().and_then(|k| k.get(index)) != Some(&false),
            fields: Vec::new(),
        };
        let mut records: Vec<Record> = (0..decided.count.unwrap_or(0)).map(fresh).collect();
        for (record, id, name, text, mut findings) in found {
            while records.len() <= record {
                records.push(fresh(records.len()));
            }
            if let Some(keep) = self.options.keep {
                for f in findings.iter_mut().filter(|f| !f.allowed) {
                    f.allowed = keep(first + record, &name, &text, f);
                }
            }
            let r = &mut records[record];
            if r.id.is_none() && !id.is_null() {
                r.id = Some(id);
            }
            r.fields.push(Field {
                name,
                text,
                findings,
            });
        }
        // Without decisions, only records with fields are known (as before).
        if decided.count.is_none() {
            records.retain(|r| !r.fields.is_empty());
        }
        self.records.extend(records);
    }

    fn push(
        &mut self,
        number: usize,
        line: usize,
        id: Option<serde_json::Value>,
        triage: Option<TriageResult>,
        written: bool,
        fields: Vec<Field>,
    ) {
        if self.options.records {
            self.records.push(Record {
                number,
                line,
                id,
                triage,
                written,
                fields,
            });
        }
    }
}

/// The triage decisions of one module's records.
#[derive(Default)]
struct Decided {
    /// The number of records, when they were decided.
    count: Option<usize>,
    /// Each record's decision, in order.
    results: Vec<TriageResult>,
    /// With triage on: whether each record is written.
    kept: Option<Vec<bool>>,
}

impl Decided {
    /// The hooks for the module: these decisions and the options' `keep`.
    fn hooks<'h>(&'h self, options: &'h Options<'h>) -> Hooks<'h> {
        Hooks {
            first: options.first_record,
            prefix: "",
            kept: self.kept.as_deref(),
            keep: options.keep,
        }
    }

    /// The decisions of `count` records from `offset` (a zip entry's).
    fn slice(&self, offset: usize, count: usize) -> Decided {
        let slice = |len: usize| offset.min(len)..(offset + count).min(len);
        Decided {
            count: self.count.map(|_| count),
            results: self.results[slice(self.results.len())].to_vec(),
            kept: self.kept.as_ref().map(|k| k[slice(k.len())].to_vec()),
        }
    }
}

/// A file fed in chunks, one after the other, with ONE engine and ONE anonymiser, so the
/// same value gets the same pseudonym in every chunk: the page's download of a large export,
/// which never holds the whole file (or its output) in one piece.
///
/// JSON Lines (any chunk boundaries: a line cut in two is carried over to the next chunk)
/// and text (line blocks scanned one by one; no triage, no `keep`). Other formats need
/// the whole file: use [`process`].
///
/// # Examples
///
/// ```
/// use weglakker::formats::{process::{Options, Session}, Format};
/// use weglakker::Policy;
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
/// let mut session = Session::new(&policy, &Options::new(Format::Jsonl)).unwrap();
/// let mut output = session.chunk(b"{\"text\":\"Zeemeeuw\"}\n{\"te").unwrap();
/// output.extend(session.chunk(b"xt\":\"zeemeeuw!\"}").unwrap());
/// let done = session.finish().unwrap();
/// output.extend(done.output);
/// assert_eq!(
///     String::from_utf8(output).unwrap(),
///     "{\"text\":\"[PERSOON-1]\"}\n{\"text\":\"[PERSOON-1]!\"}"
/// );
/// assert_eq!(done.report.records.written, 2);
/// ```
pub struct Session {
    format: Format,
    policy: Policy,
    engine: crate::Engine,
    anonymiser: Anonymiser,
    triage: Triage,
    report: Report,
    triage_on: bool,
    name: Option<String>,
    keep: Option<Box<KeepFn<'static>>>,
    next_record: usize,
    next_line: usize,
    /// The bytes after the last newline seen: the start of a line that goes on.
    carry: Vec<u8>,
    started: bool,
    input: sha2::Sha256,
    input_size: u64,
    output: sha2::Sha256,
    note: Option<&'static str>,
}

/// What [`Session::finish`] hands back.
#[derive(Clone, Debug)]
pub struct Finished {
    /// The last part of the output (the final line when it had no newline).
    pub output: Vec<u8>,
    /// The report over every chunk, with the input's and the output's size and hash.
    pub report: Report,
    /// Set when some input was not UTF-8 and was read as windows-1252.
    pub note: Option<&'static str>,
}

impl Session {
    /// Starts a session for `options.format` (JSON Lines or text), with `options`' key,
    /// triage (JSON Lines only), name and first line and record; `options.records` and
    /// `options.keep` are not used (see [`Session::with_keep`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::{process::{Options, Session}, Format};
    /// let policy = weglakker::Policy::default();
    /// assert!(Session::new(&policy, &Options::new(Format::Csv)).is_err());
    /// ```
    pub fn new(policy: &Policy, options: &Options<'_>) -> Result<Session, Error> {
        match options.format {
            Format::Jsonl => {}
            Format::Text if !options.triage => {}
            Format::Text => {
                return Err(Error::invalid(
                    "triage of a text file needs the whole text: process it in one piece",
                ))
            }
            other => {
                return Err(Error::invalid(format!(
                    "{} is read as a whole file, not in chunks",
                    other.id()
                )))
            }
        }
        let anonymiser = match options.key {
            Some(key) => Anonymiser::with_key(policy, key)?,
            None if policy.pseudonyms.style == PseudonymStyle::Keyed => {
                return Err(Error::invalid(
                    "the policy asks for keyed pseudonyms: give the secret key",
                ))
            }
            None => Anonymiser::new(policy),
        };
        Ok(Session {
            format: options.format,
            policy: policy.clone(),
            engine: policy.engine_builder().build(),
            anonymiser,
            triage: Triage::new(policy),
            report: Report::new(policy),
            triage_on: options.triage,
            name: options.name.map(str::to_string),
            keep: None,
            next_record: options.first_record,
            next_line: options.first_line,
            carry: Vec::new(),
            started: false,
            input: sha2::Sha256::default(),
            input_size: 0,
            output: sha2::Sha256::default(),
            note: None,
        })
    }

    /// Findings a person decided to keep (JSON Lines): `(record, field, field text,
    /// finding)`, records numbered over the whole file.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::{process::{Options, Session}, Format};
    /// let policy = weglakker::Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
    /// let session = Session::new(&policy, &Options::new(Format::Jsonl)).unwrap();
    /// let mut session = session.with_keep(Box::new(|record, _, _, _| record == 0));
    /// let out = session.chunk(b"{\"text\":\"Zeemeeuw\"}\n").unwrap();
    /// assert_eq!(out, b"{\"text\":\"Zeemeeuw\"}\n");
    /// ```
    pub fn with_keep(mut self, keep: Box<KeepFn<'static>>) -> Session {
        self.keep = Some(keep);
        self
    }

    /// Feeds the next bytes of the file; returns the output of every line completed so far.
    /// Errors name the line, counted over the whole file.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::{process::{Options, Session}, Format};
    /// let policy = weglakker::Policy::default();
    /// let mut session = Session::new(&policy, &Options::new(Format::Jsonl)).unwrap();
    /// assert!(session.chunk(b"{\"text\":\"a\"}\n").is_ok());
    /// let err = session.chunk(b"{oops\n").unwrap_err().to_string();
    /// assert!(err.starts_with("line 2:"), "{err}");
    /// ```
    pub fn chunk(&mut self, bytes: &[u8]) -> Result<Vec<u8>, Error> {
        use sha2::Digest;
        self.input.update(bytes);
        self.input_size += bytes.len() as u64;
        self.carry.extend_from_slice(bytes);
        if !self.started {
            if self.carry.len() < 3 {
                return Ok(Vec::new()); // too short to know about a byte-order mark yet
            }
            self.start()?;
        }
        let Some(last) = self.carry.iter().rposition(|&b| b == b'\n') else {
            return Ok(Vec::new());
        };
        let rest = self.carry.split_off(last + 1);
        let block = std::mem::replace(&mut self.carry, rest);
        self.block(&block)
    }

    /// Processes the last line (if it had no newline) and closes the report.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::{process::{Options, Session}, Format};
    /// let policy = weglakker::Policy::default();
    /// let mut session = Session::new(&policy, &Options::new(Format::Text)).unwrap();
    /// let mut out = session.chunk(b"mail jan@example.nl\nen ").unwrap();
    /// let done = session.finish().unwrap();
    /// out.extend(done.output);
    /// assert_eq!(String::from_utf8(out).unwrap(), "mail [E-MAIL-1]\nen ");
    /// assert_eq!(done.report.records.written, 1);
    /// ```
    pub fn finish(mut self) -> Result<Finished, Error> {
        use sha2::Digest;
        if !self.started {
            self.start()?;
        }
        let tail = std::mem::take(&mut self.carry);
        let output = self.block(&tail)?;
        if self.format == Format::Text {
            self.report.record_scanned();
            self.report.record_written();
        }
        let hex = |digest: &[u8]| {
            digest
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        };
        let input = hex(&self.input.finalize());
        let name = self.name.as_deref().unwrap_or("-");
        self.report.set_input(name, self.input_size, &input);
        self.report.set_output_sha256(&hex(&self.output.finalize()));
        Ok(Finished {
            output,
            report: self.report,
            note: self.note,
        })
    }

    /// The first bytes: a UTF-8 byte-order mark is dropped, UTF-16 refused (it has no
    /// newline bytes to cut at).
    fn start(&mut self) -> Result<(), Error> {
        self.started = true;
        if self.carry.starts_with(b"\xFF\xFE") || self.carry.starts_with(b"\xFE\xFF") {
            return Err(Error::invalid(
                "UTF-16 input is read as a whole file, not in chunks",
            ));
        }
        if self.carry.starts_with(b"\xEF\xBB\xBF") {
            self.carry.drain(..3);
        }
        Ok(())
    }

    /// Whole lines (or the final piece): decoded, processed, counted.
    fn block(&mut self, block: &[u8]) -> Result<Vec<u8>, Error> {
        use sha2::Digest;
        if block.is_empty() {
            return Ok(Vec::new());
        }
        let text = match std::str::from_utf8(block) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => {
                let decoded = decode(block.to_vec());
                self.note = self.note.or(decoded.note);
                std::borrow::Cow::Owned(decoded.text)
            }
        };
        let out = match self.format {
            Format::Text => {
                let findings = self.engine.scan(&text);
                let out = self.anonymiser.anonymise(&text, &findings);
                self.report.add_findings(&findings);
                self.report.add_replacements(&out.replacements);
                out.text.clone()
            }
            _ => {
                let options = Options {
                    triage: self.triage_on,
                    first_line: self.next_line,
                    first_record: self.next_record,
                    keep: self.keep.as_deref(),
                    ..Options::new(Format::Jsonl)
                };
                let mut run = Run {
                    options: &options,
                    engine: &self.engine,
                    triage: &self.triage,
                    records: Vec::new(),
                };
                let out = run.jsonl(&text, &self.policy, &mut self.anonymiser, &mut self.report)?;
                let records = jsonl::lines(&text)
                    .filter(|(_, raw, _)| !raw.trim().is_empty())
                    .count();
                self.next_record += records;
                out
            }
        };
        self.next_line += block.iter().filter(|&&b| b == b'\n').count();
        self.output.update(out.as_bytes());
        Ok(out.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deny() -> Policy {
        Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap()
    }

    #[test]
    fn formats_and_records() {
        let policy = deny();
        let cases: &[(Format, &str, &str, usize)] = &[
            // text: one record, the whole file
            (
                Format::Text,
                "Zeemeeuw\nen zeemeeuw",
                "[PERSOON-1]\nen [PERSOON-1]",
                1,
            ),
            // jsonl: blank lines kept, not records
            (
                Format::Jsonl,
                "{\"text\":\"Zeemeeuw\"}\n\n{\"text\":\"a\"}\n",
                "{\"text\":\"[PERSOON-1]\"}\n\n{\"text\":\"a\"}\n",
                2,
            ),
            // empty input
            (Format::Jsonl, "", "", 0),
            (Format::Text, "", "", 1),
        ];
        for (format, input, want, records) in cases {
            let options = Options {
                records: true,
                ..Options::new(*format)
            };
            let done = process(input.as_bytes(), &policy, &options).unwrap();
            assert_eq!(String::from_utf8_lossy(&done.output), *want, "{input:?}");
            assert_eq!(done.records.len(), *records, "{input:?}");
        }
    }

    #[test]
    fn keep_leaves_a_finding_as_it_is() {
        let policy = deny();
        // keep the second occurrence only (record 1)
        let keep = |record: usize, _: &str, _: &str, _: &Finding| record == 1;
        let options = Options {
            records: true,
            keep: Some(&keep),
            ..Options::new(Format::Jsonl)
        };
        let input = b"{\"text\":\"Zeemeeuw\"}\n{\"text\":\"Zeemeeuw\"}\n";
        let done = process(input, &policy, &options).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&done.output),
            "{\"text\":\"[PERSOON-1]\"}\n{\"text\":\"Zeemeeuw\"}\n"
        );
        assert!(done.records[1].fields[0].findings[0].allowed);
        assert!(!done.records[0].fields[0].findings[0].allowed);
    }

    #[test]
    fn offsets_for_chunks_and_errors() {
        let policy = deny();
        let options = Options {
            records: true,
            first_line: 11,
            first_record: 7,
            ..Options::new(Format::Jsonl)
        };
        let done = process(b"\n{\"id\":\"a\",\"text\":\"x\"}", &policy, &options).unwrap();
        assert_eq!((done.records[0].number, done.records[0].line), (7, 12));
        let err = process(b"{}\n\n[1]", &policy, &options)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 13:"), "{err}");
    }

    #[test]
    fn triage_leaves_out_what_is_not_archived() {
        let policy = deny();
        let options = Options {
            triage: true,
            records: true,
            ..Options::new(Format::Jsonl)
        };
        let input =
            "{\"text\":\"Top!\"}\n{\"text\":\"Kunnen jullie de link naar de livestream delen?\"}\n";
        let done = process(input.as_bytes(), &policy, &options).unwrap();
        assert_eq!(done.records.len(), 2);
        assert!(!done.records[0].written);
        assert!(done.records[1].written);
        assert!(!String::from_utf8_lossy(&done.output).contains("Top!"));
        assert_eq!(done.report.records.written, 1);
    }

    #[test]
    fn overrides_name_a_record_by_id_else_by_index() {
        // record 0 has no id (key "0"), record 1 has id "q1"; both overridden by hand
        let policy = Policy::from_json(
            r#"{"version": 1, "triageOverrides": {"0": "archive", "q1": "not_archived_sentiment"}}"#,
        )
        .unwrap();
        let options = Options {
            triage: true,
            records: true,
            ..Options::new(Format::Jsonl)
        };
        let input =
            "{\"text\":\"Top!\"}\n\n{\"id\":\"q1\",\"text\":\"Kunnen jullie de link delen?\"}\n";
        let done = process(input.as_bytes(), &policy, &options).unwrap();
        let decisions: Vec<_> = done
            .records
            .iter()
            .map(|r| r.triage.as_ref().map(|t| t.decision.id()))
            .collect();
        assert_eq!(decisions, [Some("archive"), Some("not_archived_sentiment")]);
        assert_eq!(
            String::from_utf8_lossy(&done.output),
            "{\"text\":\"Top!\"}\n\n"
        );
    }

    #[test]
    fn other_formats_go_through_their_modules() {
        let policy = deny();
        // (format, input, part of the output, records)
        let cases: &[(Format, &str, &str, usize)] = &[
            // CSV: one record per row after the header
            (
                Format::Csv,
                "id,text\n1,Zeemeeuw hier\n2,niets\n",
                "1,[PERSOON-1] hier",
                1,
            ),
            // a JSON document: every string a text field
            (
                Format::Json,
                "[{\"id\": 7, \"text\": \"Operatie Zeemeeuw\"}]",
                "Operatie [PERSOON-1]",
                1,
            ),
        ];
        for (format, input, want, records) in cases {
            let options = Options {
                records: true,
                ..Options::new(*format)
            };
            let done = process(input.as_bytes(), &policy, &options).unwrap();
            let output = String::from_utf8_lossy(&done.output);
            assert!(output.contains(want), "{format:?}: {output}");
            let with_findings = done
                .records
                .iter()
                .filter(|r| r.fields.iter().any(|f| !f.findings.is_empty()));
            assert_eq!(with_findings.count(), *records, "{format:?}");
            // every record carries its triage decision, for the review's filter
            assert!(done.records.iter().all(|r| r.triage.is_some()));
        }
    }

    #[test]
    fn keyed_policy_needs_a_key() {
        let policy =
            Policy::from_json(r#"{"version": 1, "pseudonyms": {"style": "keyed"}}"#).unwrap();
        assert!(process(b"a", &policy, &Options::new(Format::Text)).is_err());
        let key = [7u8; 32];
        let options = Options {
            key: Some(&key),
            ..Options::new(Format::Text)
        };
        assert!(process(b"a", &policy, &options).is_ok());
    }
}
