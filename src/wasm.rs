//! The WebAssembly boundary: the only `#[wasm_bindgen]` code in the crate.
//!
//! Everything that crosses to JavaScript is converted here and nowhere else:
//! - offsets: the core works in UTF-8 bytes, JavaScript strings in UTF-16 code units
//!   (what `String.prototype.slice` uses), so every span is converted on the way out;
//! - names: plain objects with camelCase fields (`outputStart`), built with serde;
//! - errors: every failure becomes a JavaScript `Error` whose message is the crate's own
//!   (it never quotes scanned text).
//!
//! # Examples
//!
//! From JavaScript (see `www/weglakker.js` for the facade most callers want):
//!
//! ```js
//! const engine = new Engine({ version: 1, deny: ["Zeemeeuw"] }, undefined);
//! engine.scan("operatie zeemeeuw"); // [{kind: "person", start: 9, end: 17, ...}]
//! engine.anonymise("operatie zeemeeuw").text; // "operatie [PERSOON-1]"
//! const done = processFile(bytes, { format: "jsonl", policy: { deny: ["Zeemeeuw"] } });
//! done.output; // Uint8Array: the minimised file
//! ```

use crate::formats::process::{self, Options};
use crate::formats::Format;
use crate::{Anonymiser, Finding, Group, Kind, KindSet, Lang, Policy};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A JavaScript `Error` carrying `message`.
fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// Plain JavaScript objects (not `Map`s) for every struct and map we hand out.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// Converts monotone UTF-8 byte offsets of one text to UTF-16 code-unit offsets in a single
/// walk over the text. Asking for an offset before the previous one restarts the walk, so
/// any order is correct, and sorted order (findings are sorted) is linear.
struct Utf16Cursor<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Cursor<'a> {
    fn new(text: &'a str) -> Utf16Cursor<'a> {
        Utf16Cursor {
            text,
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary; an offset inside a char
    /// counts that whole char, an offset past the end gives the text's length).
    fn unit_at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        let target = byte.min(self.text.len());
        // `self.byte` always sits on a char boundary, so this slice cannot panic.
        for c in self.text[self.byte..].chars() {
            if self.byte >= target {
                break;
            }
            self.byte += c.len_utf8();
            self.unit += c.len_utf16();
        }
        self.unit
    }
}

/// A finding as JavaScript sees it: UTF-16 offsets into the scanned string.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFinding<'a> {
    kind: Kind,
    start: usize,
    end: usize,
    /// The matched text, `input.slice(start, end)`.
    text: &'a str,
    score: f32,
    rule: &'static str,
    allowed: bool,
}

/// One replacement as JavaScript sees it: UTF-16 spans in the input and in the output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsReplacement {
    kind: Kind,
    operator: &'static str,
    start: usize,
    end: usize,
    output_start: usize,
    output_end: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsAnonymised {
    text: String,
    replacements: Vec<JsReplacement>,
}

/// A kind with its stable id and labels, for legends and policy editors.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsKind {
    id: &'static str,
    group: &'static str,
    nl: &'static str,
    en: &'static str,
}

fn js_findings<'a>(text: &'a str, findings: &[Finding]) -> Vec<JsFinding<'a>> {
    let mut cursor = Utf16Cursor::new(text);
    findings
        .iter()
        .map(|f| JsFinding {
            kind: f.kind,
            start: cursor.unit_at(f.span.start),
            end: cursor.unit_at(f.span.end),
            text: &text[f.span.range()],
            score: f.score,
            rule: f.rule,
            allowed: f.allowed,
        })
        .collect()
}

/// Reads the policy argument: `undefined`/`null` (the built-in policy), a JSON string, or a
/// plain object (stringified, so it is checked by exactly the same parser as a file).
fn policy_from_js(value: &JsValue) -> Result<Policy, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Policy::default());
    }
    let json = match value.as_string() {
        Some(json) => json,
        None => js_sys::JSON::stringify(value)
            .map_err(|_| js_error("policy: not JSON-serialisable"))?
            .as_string()
            .ok_or_else(|| js_error("policy: expected an object or a JSON string"))?,
    };
    Policy::from_json(&json).map_err(|err| js_error(format!("policy: {err}")))
}

/// Reads the kinds argument: `undefined`/`null` (every kind) or an array of kind ids.
fn kinds_from_js(value: &JsValue) -> Result<Option<KindSet>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(value) {
        return Err(js_error("kinds: expected an array of kind ids"));
    }
    let mut set = KindSet::empty();
    for item in js_sys::Array::from(value).iter() {
        let id = item
            .as_string()
            .ok_or_else(|| js_error("kinds: expected an array of kind ids"))?;
        set.insert(id.parse::<Kind>().map_err(js_error)?);
    }
    Ok(Some(set))
}

/// A scanner and anonymiser for one policy and one run.
///
/// Pseudonyms stay consistent across every `anonymise` call of one engine (the same value
/// gets the same `[PERSOON-1]`) until `reset()`.
#[wasm_bindgen]
pub struct Engine {
    engine: crate::Engine,
    policy: Policy,
    anonymiser: Anonymiser,
}

#[wasm_bindgen]
impl Engine {
    /// `policy`: `undefined`, a policy object or its JSON text. `kinds`: `undefined` (every
    /// kind) or an array of kind ids to report. Throws an `Error` naming what is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(policy: JsValue, kinds: JsValue) -> Result<Engine, JsValue> {
        let policy = policy_from_js(&policy)?;
        let mut builder = policy.engine_builder();
        if let Some(kinds) = kinds_from_js(&kinds)? {
            builder.kinds(Kind::ALL.into_iter().filter(|k| kinds.contains(*k)));
        }
        Ok(Engine {
            engine: builder.build(),
            anonymiser: Anonymiser::new(&policy),
            policy,
        })
    }

    /// The findings in `text`, sorted, not overlapping, with UTF-16 offsets:
    /// `[{kind, start, end, text, score, rule, allowed}]`.
    pub fn scan(&self, text: &str) -> Result<JsValue, JsValue> {
        let findings = self.engine.scan(text);
        to_js(&js_findings(text, &findings))
    }

    /// Scans and anonymises `text` under the engine's policy:
    /// `{text, replacements: [{kind, operator, start, end, outputStart, outputEnd}]}`, with
    /// UTF-16 offsets into the input and into the output text.
    pub fn anonymise(&mut self, text: &str) -> Result<JsValue, JsValue> {
        let findings = self.engine.scan(text);
        let out = self.anonymiser.anonymise(text, &findings);
        let mut input = Utf16Cursor::new(text);
        let mut output = Utf16Cursor::new(&out.text);
        let replacements = out
            .replacements
            .iter()
            .map(|r| JsReplacement {
                kind: r.kind,
                operator: r.operator,
                start: input.unit_at(r.input.start),
                end: input.unit_at(r.input.end),
                output_start: output.unit_at(r.output.start),
                output_end: output.unit_at(r.output.end),
            })
            .collect();
        to_js(&JsAnonymised {
            text: out.text.clone(),
            replacements,
        })
    }

    /// Starts a new run: pseudonym numbering begins again at 1.
    pub fn reset(&mut self) {
        self.anonymiser = Anonymiser::new(&self.policy);
    }

    /// The policy in effect, as a plain object (defaults filled in).
    pub fn policy(&self) -> Result<JsValue, JsValue> {
        to_js(&self.policy)
    }
}

/// True for a field the review always shows: a post's or comment's main text in any format
/// (see `formats::is_main_text`).
#[wasm_bindgen(js_name = isMainText)]
pub fn is_main_text(field: &str) -> bool {
    crate::formats::is_main_text(field)
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Every kind: `[{id, group: "identifier" | "special", nl, en}]`, `nl`/`en` being the labels
/// used in tags (`PERSOON`, `PERSON`).
#[wasm_bindgen]
pub fn kinds() -> Result<JsValue, JsValue> {
    let kinds: Vec<JsKind> = Kind::ALL
        .iter()
        .map(|k| JsKind {
            id: k.id(),
            group: match k.group() {
                Group::Identifier => "identifier",
                Group::Special => "special",
            },
            nl: k.label(Lang::Nl),
            en: k.label(Lang::En),
        })
        .collect();
    to_js(&kinds)
}

/// The options of [`process_file`] other than `policy` and `key` (read separately).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsProcessOptions {
    /// `text`, `jsonl` or `auto` (by `name`, then content).
    #[serde(default = "auto")]
    format: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    triage: bool,
    #[serde(default = "yes")]
    records: bool,
    #[serde(default)]
    first_line: Option<usize>,
    #[serde(default)]
    first_record: Option<usize>,
    /// Findings a person keeps: `{record, field, start}` (UTF-16 start in the field text).
    #[serde(default)]
    keep: Vec<JsKeep>,
    /// The language of triage reasons and of `reportHtml`; default: the policy's labels.
    #[serde(default)]
    lang: Option<Lang>,
    // Read with `Reflect` (any JS value), listed so `deny_unknown_fields` accepts them.
    #[serde(default)]
    #[allow(dead_code)]
    policy: serde::de::IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    key: serde::de::IgnoredAny,
}

fn auto() -> String {
    "auto".to_string()
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct JsKeep {
    record: usize,
    field: String,
    start: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsField<'a> {
    field: &'a str,
    text: &'a str,
    findings: Vec<JsFinding<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsRecord<'a> {
    record: usize,
    line: usize,
    id: &'a Option<serde_json::Value>,
    /// The triage decision (every format; null only when triage was not run).
    decision: Option<&'static str>,
    reason: Option<&'a str>,
    review: bool,
    written: bool,
    fields: Vec<JsField<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsProcessed<'a> {
    format: &'static str,
    report: &'a crate::report::Report,
    report_html: String,
    records: Vec<JsRecord<'a>>,
    note: Option<&'static str>,
}

fn get(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A policy object without `version` gets `version: 1` (a copy; the caller's is untouched).
fn with_version(policy: JsValue) -> JsValue {
    if !policy.is_object() || get(&policy, "version").is_truthy() {
        return policy;
    }
    let copy = js_sys::Object::assign(&js_sys::Object::new(), policy.unchecked_ref());
    let _ = js_sys::Reflect::set(
        &copy,
        &JsValue::from_str("version"),
        &JsValue::from_f64(1.0),
    );
    copy.into()
}

/// The key option: a `Uint8Array` or a string (its UTF-8 bytes); never reported.
fn key_from_js(value: &JsValue) -> Result<Option<Vec<u8>>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(text) = value.as_string() {
        return Ok(Some(text.into_bytes()));
    }
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => Ok(Some(bytes.to_vec())),
        None => Err(js_error("key: expected a Uint8Array or a string")),
    }
}

/// RFC 3339 UTC without milliseconds, from the JavaScript clock.
fn now_rfc3339() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    match iso.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => iso,
    }
}

/// Processes a whole file (`bytes`) the way the CLI's `anonymise` does:
/// `options = {format: any --format name of the CLI or "auto", policy?, key?, triage?, name?, lang?,
/// records? (default true), keep?: [{record, field, start}], firstLine?, firstRecord?}`.
///
/// Returns `{output: Uint8Array, format, report, reportHtml, records: [{record, line, id,
/// decision, reason, review, written, fields: [{field, text, findings}]}], note}` with
/// UTF-16 offsets in every finding. Errors are `Error`s naming the line
/// (`line 3: invalid JSON at column 9: ...`), never quoting the file.
#[wasm_bindgen(js_name = processFile)]
pub fn process_file(bytes: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let (mut js_options, policy, key) = process_options(&options)?;
    let format = match Format::from_name(&js_options.format).map_err(js_error)? {
        Some(format) => format,
        // A zip by its magic bytes (as the CLI), else by name and content.
        None if bytes.starts_with(b"PK\x03\x04") => Format::Zip,
        None => {
            let path = js_options.name.as_deref().map(std::path::Path::new);
            Format::detect(path, &String::from_utf8_lossy(bytes)).map_err(js_error)?
        }
    };
    let keep = keep_from_js(std::mem::take(&mut js_options.keep));
    let mut opts = Options::new(format);
    opts.key = key.as_deref();
    opts.triage = js_options.triage;
    opts.records = js_options.records;
    opts.name = js_options.name.as_deref();
    opts.first_line = js_options.first_line.unwrap_or(1);
    opts.first_record = js_options.first_record.unwrap_or(0);
    opts.keep = keep.as_deref();
    let mut done = process::process(bytes, &policy, &opts).map_err(js_error)?;
    done.report.set_processed_at(now_rfc3339());
    let lang = js_options.lang.unwrap_or(policy.labels);
    let records = js_records(&done.records, lang);
    let result = to_js(&JsProcessed {
        format: format.id(),
        report: &done.report,
        report_html: done.report.to_html(lang),
        records,
        note: done.note,
    })?;
    let output = js_sys::Uint8Array::from(&done.output[..]);
    js_sys::Reflect::set(&result, &JsValue::from_str("output"), &output)?;
    Ok(result)
}

/// A large JSON Lines (or text) file processed chunk after chunk with ONE engine and ONE
/// anonymiser, so pseudonyms are consistent over the whole file while neither the input
/// nor the output is ever one piece: `new Session(options)` (processFile's options; `keep`
/// starts are UTF-16 offsets in the field text), `chunk(bytes)` → the output of every line
/// completed so far (`Uint8Array`), `finish()` → `{output, format, report, reportHtml,
/// note}` (`output`: the rest). Chunks may be cut anywhere. Errors are `Error`s naming
/// the line over the whole file.
#[wasm_bindgen]
pub struct Session {
    inner: Option<process::Session>,
    format: Format,
    lang: Lang,
}

#[wasm_bindgen]
impl Session {
    /// Starts a session: `options` as processFile's (`format`: `jsonl` or `text`).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Session, JsValue> {
        let (mut js_options, policy, key) = process_options(&options)?;
        let format = Format::from_name(&js_options.format)
            .map_err(js_error)?
            .ok_or_else(|| js_error("options: a session needs a format (jsonl or text)"))?;
        let mut opts = Options::new(format);
        opts.key = key.as_deref();
        opts.triage = js_options.triage;
        opts.name = js_options.name.as_deref();
        opts.first_line = js_options.first_line.unwrap_or(1);
        opts.first_record = js_options.first_record.unwrap_or(0);
        let mut session = process::Session::new(&policy, &opts).map_err(js_error)?;
        if let Some(keep) = keep_from_js(std::mem::take(&mut js_options.keep)) {
            session = session.with_keep(keep);
        }
        Ok(Session {
            inner: Some(session),
            format,
            lang: js_options.lang.unwrap_or(policy.labels),
        })
    }

    /// Feeds the next bytes; returns the output of the lines completed so far.
    pub fn chunk(&mut self, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
        let session = self
            .inner
            .as_mut()
            .ok_or_else(|| js_error("session: already finished"))?;
        session.chunk(bytes).map_err(js_error)
    }

    /// Ends the session: `{output: Uint8Array (the rest), format, report, reportHtml, note}`.
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        let session = self
            .inner
            .take()
            .ok_or_else(|| js_error("session: already finished"))?;
        let mut done = session.finish().map_err(js_error)?;
        done.report.set_processed_at(now_rfc3339());
        let result = to_js(&JsFinished {
            format: self.format.id(),
            report: &done.report,
            report_html: done.report.to_html(self.lang),
            note: done.note,
        })?;
        let output = js_sys::Uint8Array::from(&done.output[..]);
        js_sys::Reflect::set(&result, &JsValue::from_str("output"), &output)?;
        Ok(result)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFinished<'a> {
    format: &'static str,
    report: &'a crate::report::Report,
    report_html: String,
    note: Option<&'static str>,
}

/// processFile's (and the sessions') options: the typed part, the policy and the key.
fn process_options(
    options: &JsValue,
) -> Result<(JsProcessOptions, Policy, Option<Vec<u8>>), JsValue> {
    let js_options: JsProcessOptions = if options.is_undefined() || options.is_null() {
        serde_json::from_str("{}").map_err(js_error)?
    } else {
        serde_wasm_bindgen::from_value(options.clone())
            .map_err(|err| js_error(format!("options: {err}")))?
    };
    let policy = policy_from_js(&with_version(get(options, "policy")))?;
    let key = key_from_js(&get(options, "key"))?;
    Ok((js_options, policy, key))
}

/// `keep` entries as the core's callback: `(record, field)` → UTF-16 starts in the field.
fn keep_from_js(keep: Vec<JsKeep>) -> Option<Box<crate::formats::process::KeepFn<'static>>> {
    let mut by_field: HashMap<(usize, String), HashSet<usize>> = HashMap::new();
    for k in keep {
        by_field
            .entry((k.record, k.field))
            .or_default()
            .insert(k.start);
    }
    if by_field.is_empty() {
        return None;
    }
    Some(Box::new(
        move |record: usize, field: &str, text: &str, f: &Finding| {
            by_field
                .get(&(record, field.to_string()))
                .is_some_and(|starts| {
                    let start = text
                        .get(..f.span.start)
                        .map_or(0, |s| s.encode_utf16().count());
                    starts.contains(&start)
                })
        },
    ))
}

/// Records as processFile hands them out (UTF-16 offsets in every finding).
fn js_records<'a>(records: &'a [process::Record], lang: Lang) -> Vec<JsRecord<'a>> {
    records
        .iter()
        .map(|r| JsRecord {
            record: r.number,
            line: r.line,
            id: &r.id,
            decision: r.triage.as_ref().map(|t| t.decision.id()),
            reason: r.triage.as_ref().map(|t| t.reason(lang)),
            review: r.triage.as_ref().is_some_and(|t| t.review),
            written: r.written,
            fields: r
                .fields
                .iter()
                .map(|f| JsField {
                    field: &f.name,
                    text: &f.text,
                    findings: js_findings(&f.text, &f.findings),
                })
                .collect(),
        })
        .collect()
}

/// A large CSV (or LinkedIn) file read in passes by ONE object that owns its plan, so a
/// worker can feed it a `File`'s slices across messages (see
/// `formats::csv_stream::session`): `new CsvSession(options, head)` (processFile's options;
/// `format` `csv`, `linkedin` or `auto`, then told by `name` and `head`, the file's first
/// bytes); pass 1 `survey(bytes)`… then `exact()` (false: read the file whole); pass 2
/// `learn(bytes)`… `plan()`; then the download `write(bytes)` → output so far …
/// `finishWrite()` → `{output, format, report, reportHtml, note}`, or the review
/// `scan(bytes)` → `{records, starts, ends}` (records as processFile's, `starts`/`ends`
/// their byte offsets in the file as `Float64Array`s) … `finishScan()`, and
/// `rescan(bytes, first)` → records, for a slice from `starts[first]` to a later record's
/// end (when `resumable()`). Records are numbered over the file from 0.
#[wasm_bindgen]
pub struct CsvSession {
    inner: crate::formats::csv_stream::session::CsvSession,
    format: Format,
    lang: Lang,
}

#[wasm_bindgen]
impl CsvSession {
    /// Starts a session; throws when the file is not CSV or LinkedIn, or on bad options.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue, head: &[u8]) -> Result<CsvSession, JsValue> {
        let (mut js_options, policy, key) = process_options(&options)?;
        let format = match Format::from_name(&js_options.format).map_err(js_error)? {
            Some(format) => format,
            None => {
                let path = js_options.name.as_deref().map(std::path::Path::new);
                Format::detect(path, &String::from_utf8_lossy(head)).map_err(js_error)?
            }
        };
        let csv_options = match format {
            Format::Csv => crate::formats::csv::Options::default(),
            Format::Linkedin => crate::formats::linkedin::OPTIONS,
            other => {
                return Err(js_error(format!(
                    "options: a CSV session reads csv or linkedin, not {}",
                    other.id()
                )))
            }
        };
        let mut inner = crate::formats::csv_stream::session::CsvSession::new(
            &policy,
            csv_options,
            key.as_deref(),
            js_options.triage,
        )
        .map_err(js_error)?;
        if let Some(name) = js_options.name.as_deref() {
            inner = inner.with_name(name);
        }
        if let Some(keep) = keep_from_js(std::mem::take(&mut js_options.keep)) {
            inner = inner.with_keep(keep);
        }
        Ok(CsvSession {
            inner,
            format,
            lang: js_options.lang.unwrap_or(policy.labels),
        })
    }

    /// The format read: `csv` or `linkedin`.
    pub fn format(&self) -> String {
        self.format.id().to_string()
    }

    /// Pass 1: the next bytes.
    pub fn survey(&mut self, bytes: &[u8]) {
        self.inner.survey(bytes);
    }

    /// After pass 1: true when the passes give exactly the whole-file result (false for
    /// UTF-16 that does not decode cleanly: use processFile).
    pub fn exact(&mut self) -> bool {
        self.inner.surveyed().exact
    }

    /// Pass 2: the next bytes.
    pub fn learn(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        self.inner.learn(bytes).map_err(js_error)
    }

    /// Ends pass 2. Throws naming the line of a bad record.
    pub fn plan(&mut self) -> Result<(), JsValue> {
        self.inner.plan().map(|_| ()).map_err(js_error)
    }

    /// What processFile notes about the encoding (`read as UTF-16 ...`), or null.
    pub fn note(&self) -> Option<String> {
        self.inner.note().map(str::to_string)
    }

    /// True when `rescan` can re-read records by their byte offsets (UTF-8 files).
    pub fn resumable(&self) -> bool {
        self.inner.resumable()
    }

    /// The download pass: the next bytes → the output of the rows completed so far.
    pub fn write(&mut self, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
        self.inner.write(bytes).map_err(js_error)
    }

    /// Ends the download: `{output: Uint8Array (the rest), format, report, reportHtml, note}`.
    #[wasm_bindgen(js_name = finishWrite)]
    pub fn finish_write(&mut self) -> Result<JsValue, JsValue> {
        let mut done = self.inner.finish_write().map_err(js_error)?;
        done.report.set_processed_at(now_rfc3339());
        let result = to_js(&JsFinished {
            format: self.format.id(),
            report: &done.report,
            report_html: done.report.to_html(self.lang),
            note: done.note,
        })?;
        let output = js_sys::Uint8Array::from(&done.output[..]);
        js_sys::Reflect::set(&result, &JsValue::from_str("output"), &output)?;
        Ok(result)
    }

    /// The review pass: the next bytes → `{records, starts, ends}` of the records completed.
    pub fn scan(&mut self, bytes: &[u8]) -> Result<JsValue, JsValue> {
        let batch = self.inner.scan(bytes).map_err(js_error)?;
        self.js_batch(&batch)
    }

    /// Ends the review pass: the last records.
    #[wasm_bindgen(js_name = finishScan)]
    pub fn finish_scan(&mut self) -> Result<JsValue, JsValue> {
        let batch = self.inner.finish_scan().map_err(js_error)?;
        self.js_batch(&batch)
    }

    /// The records in `bytes` (from record `first`'s start to a later record's end).
    pub fn rescan(&mut self, bytes: &[u8], first: usize) -> Result<JsValue, JsValue> {
        let records = self.inner.rescan(bytes, first).map_err(js_error)?;
        to_js(&js_records(&records, self.lang))
    }

    fn js_batch(
        &self,
        batch: &crate::formats::csv_stream::session::ScanBatch,
    ) -> Result<JsValue, JsValue> {
        let result = js_sys::Object::new();
        let records = to_js(&js_records(&batch.records, self.lang))?;
        // Offsets up to 2^53: a Float64Array holds them exactly (files past 4 GiB too).
        let offsets = |v: &[u64]| {
            let f: Vec<f64> = v.iter().map(|&o| o as f64).collect();
            js_sys::Float64Array::from(&f[..])
        };
        js_sys::Reflect::set(&result, &JsValue::from_str("records"), &records)?;
        js_sys::Reflect::set(
            &result,
            &JsValue::from_str("starts"),
            &offsets(&batch.starts),
        )?;
        js_sys::Reflect::set(&result, &JsValue::from_str("ends"), &offsets(&batch.ends))?;
        Ok(result.into())
    }
}
