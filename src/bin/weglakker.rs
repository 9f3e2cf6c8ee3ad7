//! The weglakker command line (DESIGN.md section 4).
//!
//! ```text
//! weglakker scan      [--format F] [--policy P.json] [FILE|-]
//! weglakker anonymise [--format F] [--policy P.json] [--key-file K] [-o OUT] [--report R.json] [--triage] FILE
//! weglakker triage    [--format F] [--policy P.json] [FILE|-]
//! ```
//!
//! Every error is one line on stderr, `error: FILE:LINE: what`, with exit status 2 (usage
//! errors too). Output files are written to a temporary file next to the target and renamed
//! into place, so they appear complete or not at all.

use clap::{Args, Parser, Subcommand};
use sha2::{Digest, Sha256};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use weglakker::formats::hooks::Hooks;
use weglakker::formats::{self, csv, csv_stream, json, jsonl, linkedin, text, zip, Format};
use weglakker::report::Report;
use weglakker::triage::{Reaction, Triage};
use weglakker::{Anonymiser, Engine, Finding, Kind, Policy, PseudonymStyle};

/// Finds personal data in social-media exports and minimises it, offline.
#[derive(Parser)]
#[command(name = "weglakker", version, after_help = FORMATS_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find personal data; writes JSON Lines, one line per record and text field.
    Scan(ScanArgs),
    /// Minimise personal data; writes the input's own format and an optional report.
    #[command(visible_alias = "anonymize")]
    Anonymise(AnonymiseArgs),
    /// Decide per reaction whether it is archived (DESIGN.md section 6); writes JSON Lines.
    Triage(ScanArgs),
}

const FORMATS_HELP: &str = "\
Formats:
  text   the whole file is one record (field `text`); offsets count from the file's start
  jsonl  one JSON object per line; every string value is a text field named by its JSON
         pointer without the leading slash (`text`, `user/name`); `id` is the record id.
         `anonymise` rewrites only the strings that change: all else stays byte-identical.
         Read and written line by line (memory stays flat); the whole file is read at
         once only when its first 64 KiB are not UTF-8 (then read as windows-1252). A
         later line that is not UTF-8 is an error (`FILE:LINE: not UTF-8`).
  json, x-archive, facebook, instagram, mastodon
         one JSON document (X: `window.YTD.… = [...]`, never evaluated); every string a
         field named by its JSON pointer; records are the items of the document's list
         (`orderedItems`, `comments_v2`, `data`...). Per format, identifying fields
         (authors, handles, user ids, profile URLs, IPs) are replaced whole and their
         names learned for the free text; HTML keeps its markup. Meta exports are
         repaired from mojibake and written as proper UTF-8.
  zip    an export archive: supported entries (.json, .js, .jsonl) processed, the rest
         copied byte for byte; errors name the entry (`FILE:ENTRY:LINE: what`).
  csv    CSV/TSV (`,` `;` tab sniffed; UTF-8, UTF-16, windows-1252 kept on output); the
         header may follow title lines; each row after it is a record, each column a field
         with a role by its header (author/auteur: person; date/id: kept; others scanned),
         overridable in the policy's `fields` (`drop` empties the column's cells).
         `anonymise` rewrites only the cells that change: all else stays byte-identical.
  linkedin  LinkedIn export CSVs (Comments.csv, Shares.csv): csv with `\"` escapes
  xlsx   Excel workbook: every sheet like csv; written back with the same cells and types
Input that is not UTF-8 is read as UTF-16 (with BOM) or windows-1252; output is UTF-8.
Errors: `error: FILE:LINE: what` on stderr, exit status 2.";

/// Options every subcommand takes.
#[derive(Args)]
struct Common {
    /// Input format: auto (by extension, then content), text, jsonl, json, x-archive,
    /// facebook, instagram, mastodon, zip, csv, linkedin or xlsx.
    #[arg(long, short = 'f', default_value = "auto", value_name = "F")]
    format: String,
    /// Policy file (JSON, DESIGN.md section 5); default: the built-in policy.
    #[arg(long, short = 'p', value_name = "P.json")]
    policy: Option<PathBuf>,
}

#[derive(Args)]
struct ScanArgs {
    #[command(flatten)]
    common: Common,
    /// Input file; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    file: Option<PathBuf>,
}

#[derive(Args)]
struct AnonymiseArgs {
    #[command(flatten)]
    common: Common,
    /// Secret key for keyed pseudonyms (policy `"pseudonyms": {"style": "keyed"}`).
    #[arg(long, value_name = "K")]
    key_file: Option<PathBuf>,
    /// Output file; default: the input's name with `.anon` before the extension. `-` writes
    /// standard output.
    #[arg(long, short = 'o', value_name = "OUT")]
    output: Option<PathBuf>,
    /// Write a report (counts per kind, operator and triage decision, never values) to
    /// this file: JSON, or a readable page printable to PDF when the name ends in `.html`.
    #[arg(long, value_name = "R.json|R.html")]
    report: Option<PathBuf>,
    /// Triage reactions first and leave out those that are not archived
    /// (`not_archived_sentiment`, `refer_channel`), counted per decision in the report.
    #[arg(long)]
    triage: bool,
    /// Input file; `-` reads standard input (then output goes to standard output unless
    /// `-o` is given).
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

const BROKEN_PIPE: &str = "cannot write to standard output: broken pipe";

/// A failure already phrased for the user (`FILE:LINE: what`).
struct Failure(String);

impl Failure {
    fn at(place: impl std::fmt::Display, what: impl std::fmt::Display) -> Failure {
        Failure(format!("{place}: {what}"))
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout with status 0; usage errors get status 2.
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Scan(args) => scan(args),
        Command::Anonymise(args) => anonymise(args),
        Command::Triage(args) => triage(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`weglakker scan x | head`) is not an error.
        Err(Failure(message)) if message.ends_with(BROKEN_PIPE) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The input: its name for messages, its decoded text and its format.
struct Input {
    name: String,
    path: Option<PathBuf>,
    text: String,
    /// The bytes as read, kept for the table formats (csv, linkedin, xlsx), which write
    /// their own encoding back; empty for the others.
    bytes: Vec<u8>,
    format: Format,
    /// A zip archive's bytes (its `text` is empty), and the format asked for its entries.
    archive: Option<(Vec<u8>, Option<Format>)>,
    /// Size in bytes and SHA-256 of the input as read, for the report. For a streamed
    /// input they are known once [`each_jsonl_line`] has read to the end.
    size: u64,
    sha256: String,
    /// JSON Lines read line by line (its `text` is empty): see [`each_jsonl_line`].
    stream: Option<LineStream>,
    /// A CSV file read in chunks, in passes (its `text` and `bytes` are empty): see
    /// [`csv_plan`].
    csv_stream: bool,
}

impl Input {
    /// The bytes of a table format: as read, or (when the format was found by content) the
    /// decoded text as UTF-8.
    fn table_bytes(&self) -> &[u8] {
        if self.bytes.is_empty() {
            self.text.as_bytes()
        } else {
            &self.bytes
        }
    }
}

fn read_input(file: Option<&Path>, format: &str) -> Result<Input, Failure> {
    let path = file.filter(|p| p.as_os_str() != "-");
    let name = path.map_or("-".to_string(), |p| p.display().to_string());
    let requested = Format::from_name(format).map_err(|e| Failure(e.to_string()))?;
    let source: Box<dyn Read> = match path {
        Some(p) => Box::new(
            std::fs::File::open(p).map_err(|e| Failure::at(&name, format!("cannot read: {e}")))?,
        ),
        None => Box::new(std::io::stdin().lock()),
    };
    let mut reader = BufReader::with_capacity(
        1 << 16,
        Hashing {
            inner: source,
            hasher: Sha256::new(),
            size: 0,
        },
    );
    let cannot_read = |e: std::io::Error| Failure::at(&name, format!("cannot read: {e}"));
    let head = read_head(&mut reader).map_err(cannot_read)?;
    let ext = path
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if streams_as_jsonl(path, requested, ext.as_deref(), &head) {
        return Ok(Input {
            name,
            path: path.map(Path::to_path_buf),
            text: String::new(),
            bytes: Vec::new(),
            format: Format::Jsonl,
            archive: None,
            size: 0,
            sha256: String::new(),
            stream: Some(LineStream { reader, head }),
            csv_stream: false,
        });
    }
    if let Some(format) = streams_as_csv(path, requested, ext.as_deref(), &head) {
        return Ok(Input {
            name,
            path: path.map(Path::to_path_buf),
            text: String::new(),
            bytes: Vec::new(),
            format,
            archive: None,
            size: 0,
            sha256: String::new(),
            stream: None,
            csv_stream: true,
        });
    }
    let mut bytes = head.into_iter().flatten().collect::<Vec<u8>>();
    reader.read_to_end(&mut bytes).map_err(cannot_read)?;
    let hashed = reader.into_inner();
    let size = hashed.size;
    let sha256 = hex(&hashed.hasher.finalize());
    let table = match requested {
        Some(format) => matches!(format, Format::Csv | Format::Linkedin | Format::Xlsx),
        None => matches!(ext.as_deref(), Some("csv" | "tsv" | "xlsx")),
    };
    if requested == Some(Format::Xlsx) || (requested.is_none() && ext.as_deref() == Some("xlsx")) {
        return Ok(Input {
            name,
            path: path.map(Path::to_path_buf),
            text: String::new(),
            bytes,
            format: Format::Xlsx,
            archive: None,
            size,
            sha256,
            stream: None,
            csv_stream: false,
        });
    }
    if bytes.starts_with(b"PK\x03\x04") || requested == Some(Format::Zip) {
        return Ok(Input {
            name,
            path: path.map(Path::to_path_buf),
            text: String::new(),
            bytes: Vec::new(),
            format: Format::Zip,
            archive: Some((bytes, requested.filter(|f| json::profile(*f).is_some()))),
            size,
            sha256,
            stream: None,
            csv_stream: false,
        });
    }
    let kept = if table { bytes.clone() } else { Vec::new() };
    let decoded = formats::decode(bytes);
    if let (Some(note), false) = (decoded.note, table) {
        eprintln!("warning: {name}: {note}");
    }
    let format = match requested {
        Some(format) => format,
        None => Format::detect(path, &decoded.text).map_err(|e| Failure::at(&name, e))?,
    };
    Ok(Input {
        name,
        path: path.map(Path::to_path_buf),
        text: decoded.text,
        bytes: kept,
        format,
        archive: None,
        size,
        sha256,
        stream: None,
        csv_stream: false,
    })
}

/// How much of the input is read before deciding whether it streams: enough for format
/// detection (the first non-blank line, and whether a second follows) and to notice most
/// files that are not UTF-8 (they are decoded whole, as windows-1252, like before).
const HEAD_BYTES: usize = 64 * 1024;

/// The input's first lines (each with its ending): at least two non-blank lines and
/// [`HEAD_BYTES`], or all of it when it is shorter.
fn read_head(reader: &mut impl BufRead) -> std::io::Result<VecDeque<Vec<u8>>> {
    let mut head = VecDeque::new();
    let (mut bytes, mut non_blank) = (0, 0);
    while non_blank < 2 || bytes < HEAD_BYTES {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        bytes += line.len();
        non_blank += usize::from(!line.trim_ascii().is_empty());
        head.push_back(line);
    }
    Ok(head)
}

/// True when the input is JSON Lines that can be read line by line: asked for or detected
/// from the extension and the head (detection only looks at the first non-blank lines, so
/// the head decides as the whole file would), and the head is UTF-8 and no zip archive.
fn streams_as_jsonl(
    path: Option<&Path>,
    requested: Option<Format>,
    ext: Option<&str>,
    head: &VecDeque<Vec<u8>>,
) -> bool {
    if !matches!(requested, None | Some(Format::Jsonl)) || ext == Some("xlsx") {
        return false;
    }
    let bytes: Vec<u8> = head.iter().flatten().copied().collect();
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
    {
        return false;
    }
    let Ok(text) = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
    else {
        return false;
    };
    requested == Some(Format::Jsonl) || Format::detect(path, text).is_ok_and(|f| f == Format::Jsonl)
}

/// A reader that hashes and counts what passes through it (the report's input digest).
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    size: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
}

/// A JSON Lines input being read line by line: the head read for detection, then the rest.
struct LineStream {
    reader: BufReader<Hashing<Box<dyn Read>>>,
    head: VecDeque<Vec<u8>>,
}

impl LineStream {
    /// Puts the next line (with its ending) in `line`; false at the end of the input.
    fn next_line(&mut self, line: &mut Vec<u8>) -> std::io::Result<bool> {
        if let Some(first) = self.head.pop_front() {
            *line = first;
            return Ok(true);
        }
        line.clear();
        Ok(self.reader.read_until(b'\n', line)? > 0)
    }
}

const NOT_UTF8: &str = "not UTF-8 (save the file as UTF-8)";

/// Calls `visit(line number, line without its ending, the ending)` for every line of JSON
/// Lines input, as [`jsonl::lines`] splits it; a streamed input is read one line at a time
/// (a UTF-8 byte-order mark dropped) and its size and digest are set at the end.
fn each_jsonl_line(
    input: &mut Input,
    mut visit: impl FnMut(usize, &str, &str) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let Some(stream) = input.stream.as_mut() else {
        for (number, raw, ending) in jsonl::lines(&input.text) {
            visit(number, raw, ending)?;
        }
        return Ok(());
    };
    let mut buf = Vec::new();
    let mut number = 0;
    while stream
        .next_line(&mut buf)
        .map_err(|e| Failure::at(&input.name, format!("cannot read: {e}")))?
    {
        number += 1;
        let bytes = match number {
            1 => buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf),
            _ => &buf,
        };
        let line = std::str::from_utf8(bytes)
            .map_err(|_| Failure::at(format!("{}:{number}", input.name), NOT_UTF8))?;
        let body = line
            .strip_suffix("\r\n")
            .or_else(|| line.strip_suffix('\n'))
            .unwrap_or(line);
        visit(number, body, &line[body.len()..])?;
    }
    let hashed = stream.reader.get_ref();
    input.size = hashed.size;
    input.sha256 = hex(&hashed.hasher.clone().finalize());
    Ok(())
}

/// Lower-case hex, as `weglakker::report::sha256_hex` writes digests.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn read_policy(path: Option<&Path>) -> Result<Policy, Failure> {
    let Some(path) = path else {
        return Ok(Policy::default());
    };
    let name = path.display();
    let json = std::fs::read_to_string(path)
        .map_err(|e| Failure::at(&name, format!("cannot read policy: {e}")))?;
    // The policy error starts with `LINE:COLUMN: `.
    Policy::from_json(&json).map_err(|e| Failure(format!("{name}:{e}")))
}

/// One line of `scan` output (DESIGN.md section 4), keys in the documented order.
#[derive(serde::Serialize)]
struct ScanLine<'a> {
    record: usize,
    id: &'a serde_json::Value,
    field: &'a str,
    findings: Vec<FoundOut<'a>>,
}

#[derive(serde::Serialize)]
struct FoundOut<'a> {
    kind: Kind,
    start: usize,
    end: usize,
    text: &'a str,
    score: f32,
    rule: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    allowed: bool,
}

fn scan_line<'a>(
    record: usize,
    id: &'a serde_json::Value,
    field: &'a str,
    text: &'a str,
    findings: &'a [Finding],
) -> ScanLine<'a> {
    ScanLine {
        record,
        id,
        field,
        findings: findings
            .iter()
            .map(|f| FoundOut {
                kind: f.kind,
                start: f.span.start,
                end: f.span.end,
                text: text.get(f.span.range()).unwrap_or(""),
                score: f.score,
                rule: f.rule,
                allowed: f.allowed,
            })
            .collect(),
    }
}

fn stdout_failure(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure(BROKEN_PIPE.into())
    } else {
        Failure(format!("cannot write to standard output: {e}"))
    }
}

fn scan(args: ScanArgs) -> Result<(), Failure> {
    let policy = read_policy(args.common.policy.as_deref())?;
    let mut input = read_input(args.file.as_deref(), &args.common.format)?;
    let engine = policy.engine_builder().build();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let null = serde_json::Value::Null;
    let mut emit = |line: &ScanLine<'_>| -> Result<(), Failure> {
        let written = serde_json::to_writer(&mut out, line)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        written.map_err(stdout_failure)
    };
    match input.format {
        Format::Text => {
            let findings = engine.scan(&input.text);
            emit(&scan_line(0, &null, text::FIELD, &input.text, &findings))?;
        }
        Format::Jsonl => {
            let name = input.name.clone();
            let mut record = 0;
            each_jsonl_line(&mut input, |number, raw, _| {
                if raw.trim().is_empty() {
                    return Ok(());
                }
                let line = jsonl::parse_line(raw)
                    .map_err(|e| Failure::at(format!("{name}:{number}"), e))?;
                let id = line.id.as_ref().unwrap_or(&null);
                // The `text` field always gets a line; other fields only with findings.
                for s in line.texts() {
                    let findings = engine.scan(&s.value);
                    if s.field == text::FIELD || !findings.is_empty() {
                        emit(&scan_line(record, id, &s.field, &s.value, &findings))?;
                    }
                }
                record += 1;
                Ok(())
            })?;
        }
        Format::Csv | Format::Linkedin if input.csv_stream => {
            scan_csv_stream(&mut input, &policy, &mut emit)?;
        }
        Format::Csv | Format::Linkedin => {
            let (_, text) = csv::read(input.table_bytes());
            let table = csv::Table::parse(&text, csv_options(input.format), &policy)
                .map_err(|e| Failure(format!("{}:{e}", input.name)))?;
            let engine = table.learned().engine(&policy);
            for s in table.scan(&engine) {
                emit(&scan_line(s.record, &s.id, s.field, s.text, &s.findings))?;
            }
        }
        Format::Xlsx => scan_xlsx(&input, &policy, &mut emit)?,
        Format::Zip => {
            let (bytes, hint) = input
                .archive
                .as_ref()
                .ok_or_else(|| Failure(input.name.clone()))?;
            let entries = zip::scan(bytes, *hint, &engine, &policy)
                .map_err(|e| zip_failure(&input.name, &e))?;
            for (entry, found) in &entries {
                for s in found {
                    if s.findings.is_empty() && !json::is_main_text(&s.field) {
                        continue;
                    }
                    let field = format!("{entry}:{}", s.field);
                    emit(&scan_line(s.record, &s.id, &field, &s.text, &s.findings))?;
                }
            }
        }
        format => {
            let profile = json::profile(format).ok_or_else(|| Failure(input.name.clone()))?;
            let doc = json::Document::parse(&input.text)
                .map_err(|e| Failure::at(format!("{}:{}", input.name, e.line), e))?;
            for s in json::scan(&doc, profile, &engine, &policy) {
                // Main texts always get a line; other fields only with findings.
                if s.findings.is_empty() && !json::is_main_text(&s.field) {
                    continue;
                }
                emit(&scan_line(s.record, &s.id, &s.field, &s.text, &s.findings))?;
            }
        }
    }
    out.flush().map_err(stdout_failure)
}

fn anonymise(args: AnonymiseArgs) -> Result<(), Failure> {
    let policy = read_policy(args.common.policy.as_deref())?;
    let mut input = read_input(Some(&args.file), &args.common.format)?;
    let output = match (&args.output, &input.path) {
        (Some(out), _) if out.as_os_str() == "-" => None,
        (Some(out), _) => Some(out.clone()),
        (None, Some(path)) => Some(default_output(path)),
        (None, None) => None,
    };
    if let (Some(out), Some(inp)) = (&output, &input.path) {
        if same_file(out, inp) {
            return Err(Failure::at(
                out.display(),
                "output would overwrite the input; choose another -o",
            ));
        }
    }
    if let (Some(report), Some(inp)) = (&args.report, &input.path) {
        let clashes_output = output.as_deref().is_some_and(|out| same_file(report, out));
        if same_file(report, inp) || clashes_output {
            return Err(Failure::at(
                report.display(),
                "report would overwrite the input or the output",
            ));
        }
    }
    if policy.pseudonyms.style == PseudonymStyle::Keyed && args.key_file.is_none() {
        return Err(Failure(
            "the policy asks for keyed pseudonyms: give the secret key with --key-file".into(),
        ));
    }
    let engine = policy.engine_builder().build();
    let mut anonymiser = match &args.key_file {
        Some(key_file) => {
            let key = weglakker::key_from_file(key_file).map_err(|e| Failure(e.to_string()))?;
            Anonymiser::with_key(&policy, &key).map_err(|e| Failure::at(key_file.display(), e))?
        }
        None => Anonymiser::new(&policy),
    };
    let mut report = Report::new(&policy);
    report.set_processed_at(now_rfc3339());
    // Created before the work starts: JSON Lines are written into it line by line.
    let mut sink = Output::create(output.as_deref())?;
    let streamed = input.csv_stream
        && !args.triage
        && anonymise_csv_stream(&mut input, &policy, &mut anonymiser, &mut report, &mut sink)?;
    let written: Vec<u8> = match input.format {
        Format::Text => {
            let kept = match args.triage {
                true => triage_keeps(
                    &Triage::new(&policy),
                    &Reaction::new(input.text.as_str()).or_record(0),
                    &mut report,
                ),
                false => true,
            };
            match kept {
                true => text::anonymise(&input.text, &engine, &mut anonymiser, &mut report),
                false => String::new(),
            }
            .into_bytes()
        }
        Format::Jsonl => {
            let triage = args.triage.then(|| Triage::new(&policy));
            let mut run = JsonlRun {
                engine: &engine,
                policy: &policy,
                anonymiser: &mut anonymiser,
                report: &mut report,
                triage: triage.as_ref(),
            };
            anonymise_jsonl(&mut input, &mut run, &mut sink)?;
            Vec::new()
        }
        // Written into the sink chunk by chunk.
        _ if streamed => Vec::new(),
        Format::Csv | Format::Linkedin => {
            if input.csv_stream {
                // Triage reads the whole table (its decisions come before the learning).
                input.bytes = read_whole(&input)?;
                input.size = input.bytes.len() as u64;
                input.sha256 = weglakker::report::sha256_hex(&input.bytes);
            }
            let triage = args.triage.then(|| Triage::new(&policy));
            let mut decide = |reaction: &Reaction, report: &mut Report| match &triage {
                Some(triage) => triage_keeps(triage, reaction, report),
                None => true,
            };
            csv::anonymise_triaged(
                input.table_bytes(),
                csv_options(input.format),
                &policy,
                &mut anonymiser,
                &mut report,
                args.triage.then_some(&mut decide as csv::Decide<'_>),
            )
            .map_err(|e| Failure(format!("{}:{e}", input.name)))?
        }
        Format::Xlsx => {
            let triage = args.triage.then(|| Triage::new(&policy));
            anonymise_xlsx(
                &input,
                &policy,
                &mut anonymiser,
                &mut report,
                triage.as_ref(),
            )?
        }
        Format::Zip => {
            let (bytes, hint) = input
                .archive
                .as_ref()
                .ok_or_else(|| Failure(input.name.clone()))?;
            let kept = match args.triage {
                true => {
                    let entries =
                        zip::reactions(bytes, *hint).map_err(|e| zip_failure(&input.name, &e))?;
                    let reactions = entries.into_iter().flat_map(|(_, r)| r);
                    Some(kept_by_triage(&policy, reactions, &mut report))
                }
                false => None,
            };
            let hooks = Hooks {
                kept: kept.as_deref(),
                ..Hooks::default()
            };
            zip::anonymise_hooked(
                bytes,
                *hint,
                &engine,
                &policy,
                &mut anonymiser,
                &mut report,
                &hooks,
            )
            .map_err(|e| zip_failure(&input.name, &e))?
        }
        format => {
            let profile = json::profile(format).ok_or_else(|| Failure(input.name.clone()))?;
            let doc = json::Document::parse(&input.text)
                .map_err(|e| Failure::at(format!("{}:{}", input.name, e.line), e))?;
            let kept = args
                .triage
                .then(|| kept_by_triage(&policy, json::reactions(&doc, profile), &mut report));
            let hooks = Hooks {
                kept: kept.as_deref(),
                ..Hooks::default()
            };
            json::anonymise_hooked(
                &doc,
                profile,
                &engine,
                &policy,
                &mut anonymiser,
                &mut report,
                &hooks,
            )
            .into_bytes()
        }
    };
    sink.write(&written)?;
    drop(written);
    let input_name = input.path.as_deref().and_then(Path::file_name);
    report.set_input(
        &input_name.map_or("-".into(), |n| n.to_string_lossy()),
        input.size,
        &input.sha256,
    );
    report.set_output_sha256(&sink.finish()?);
    if let Some(path) = &args.report {
        // `R.html` gets the readable page (in the policy's label language); else JSON.
        let is_html = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        let body = match is_html {
            true => report.to_html(policy.labels),
            false => report.to_json() + "\n",
        };
        write_atomically(path, body.as_bytes())?;
    }
    Ok(())
}

/// What one `anonymise` run over JSON Lines works with.
struct JsonlRun<'a> {
    engine: &'a Engine,
    policy: &'a Policy,
    anonymiser: &'a mut Anonymiser,
    report: &'a mut Report,
    /// Set with `--triage`: reactions that are not archived are left out.
    triage: Option<&'a Triage>,
}

fn anonymise_jsonl(
    input: &mut Input,
    run: &mut JsonlRun<'_>,
    sink: &mut Output,
) -> Result<(), Failure> {
    let name = input.name.clone();
    let mut record = 0;
    each_jsonl_line(input, |number, raw, ending| {
        if raw.trim().is_empty() {
            sink.write(raw.as_bytes())?;
        } else {
            let line =
                jsonl::parse_line(raw).map_err(|e| Failure::at(format!("{name}:{number}"), e))?;
            record += 1; // this record's index is record - 1 (blank lines are no records)
            if let Some(triage) = run.triage {
                if !triage_keeps(triage, &reaction_of(&line, record - 1), run.report) {
                    return Ok(()); // the line and its ending both go
                }
            }
            let written =
                jsonl::anonymise_line(&line, run.engine, run.policy, run.anonymiser, run.report);
            sink.write(written.as_bytes())?;
        }
        sink.write(ending.as_bytes())
    })
}

/// A zip error: `FILE: what` for the archive, `FILE:ENTRY:LINE: what` for an entry.
fn zip_failure(name: &str, e: &weglakker::Error) -> Failure {
    let message = e.to_string();
    if message.starts_with(zip::NOT_READABLE) {
        Failure::at(name, message)
    } else {
        Failure(format!("{name}:{message}"))
    }
}

/// Triage for `anonymise --triage` of a whole module's records (numbered from 0): one
/// flag per record, true when it is kept; decisions counted as [`triage_keeps`] does.
fn kept_by_triage(
    policy: &Policy,
    reactions: impl IntoIterator<Item = Reaction>,
    report: &mut Report,
) -> Vec<bool> {
    let triage = Triage::new(policy);
    reactions
        .into_iter()
        .enumerate()
        .map(|(i, r)| triage_keeps(&triage, &r.or_record(i), report))
        .collect()
}

fn csv_options(format: Format) -> csv::Options {
    if format == Format::Linkedin {
        linkedin::OPTIONS
    } else {
        csv::Options::default()
    }
}

#[cfg(feature = "xlsx")]
fn scan_xlsx(
    input: &Input,
    policy: &Policy,
    emit: &mut dyn FnMut(&ScanLine<'_>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let book = formats::xlsx::Workbook::read(&input.bytes, policy)
        .map_err(|e| Failure::at(&input.name, e))?;
    let engine = book.learned().engine(policy);
    for s in book.scan(&engine) {
        emit(&scan_line(s.record, &s.id, s.field, s.text, &s.findings))?;
    }
    Ok(())
}

#[cfg(feature = "xlsx")]
fn anonymise_xlsx(
    input: &Input,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
    triage: Option<&Triage>,
) -> Result<Vec<u8>, Failure> {
    let failure = |e: weglakker::Error| Failure::at(&input.name, e);
    let mut book = formats::xlsx::Workbook::read(&input.bytes, policy).map_err(failure)?;
    let kept: Option<Vec<bool>> = triage.map(|triage| {
        let reactions = book.reactions().into_iter().enumerate();
        reactions
            .map(|(i, r)| triage_keeps(triage, &r.or_record(i), report))
            .collect()
    });
    let engine = book.learned().engine(policy);
    let hooks = Hooks {
        kept: kept.as_deref(),
        ..Hooks::default()
    };
    book.anonymise_hooked(&engine, policy, anonymiser, report, &hooks);
    book.write().map_err(failure)
}

/// `triage` of a workbook: every record of every sheet, numbered across sheets.
#[cfg(feature = "xlsx")]
fn xlsx_reactions(input: &Input, policy: &Policy) -> Result<Vec<Reaction>, Failure> {
    let book = formats::xlsx::Workbook::read(&input.bytes, policy)
        .map_err(|e| Failure::at(&input.name, e))?;
    Ok(book.reactions())
}

#[cfg(not(feature = "xlsx"))]
fn xlsx_reactions(input: &Input, _: &Policy) -> Result<Vec<Reaction>, Failure> {
    Err(Failure::at(&input.name, XLSX_MISSING))
}

#[cfg(not(feature = "xlsx"))]
fn scan_xlsx(
    input: &Input,
    _: &Policy,
    _: &mut dyn FnMut(&ScanLine<'_>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    Err(Failure::at(&input.name, XLSX_MISSING))
}

#[cfg(not(feature = "xlsx"))]
fn anonymise_xlsx(
    input: &Input,
    _: &Policy,
    _: &mut Anonymiser,
    _: &mut Report,
    _: Option<&Triage>,
) -> Result<Vec<u8>, Failure> {
    Err(Failure::at(&input.name, XLSX_MISSING))
}

#[cfg(not(feature = "xlsx"))]
const XLSX_MISSING: &str = "this weglakker was built without xlsx support (feature `xlsx`)";

/// Triage for `anonymise --triage`: counts the decision, and a record left out as dropped
/// with the decision as its reason. True when the record is kept.
fn triage_keeps(triage: &Triage, reaction: &Reaction, report: &mut Report) -> bool {
    report.triage_keeps(triage.decide(reaction).decision)
}

/// A JSON Lines record as a reaction: `text`, and the channel from `platform` and
/// `in_reply_to` (DESIGN.md section 6). Without an id, `triageOverrides` names it by
/// `record` (its index among the non-blank lines, from 0).
fn reaction_of(line: &jsonl::Line<'_>, record: usize) -> Reaction {
    line.reaction().or_record(record)
}

/// One line of `triage` output (DESIGN.md section 4).
#[derive(serde::Serialize)]
struct TriageLine<'a> {
    record: usize,
    id: &'a serde_json::Value,
    decision: &'static str,
    reason: &'a str,
    question_score: f32,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    review: bool,
}

fn triage(args: ScanArgs) -> Result<(), Failure> {
    let policy = read_policy(args.common.policy.as_deref())?;
    let mut input = read_input(args.file.as_deref(), &args.common.format)?;
    if input.csv_stream {
        // Triage of a table reads it whole.
        input.bytes = read_whole(&input)?;
        input.csv_stream = false;
    }
    let triage = Triage::new(&policy);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let null = serde_json::Value::Null;
    let mut emit = |record: usize, id: &serde_json::Value, reaction: &Reaction| {
        let result = triage.decide(reaction);
        let line = TriageLine {
            record,
            id,
            decision: result.decision.id(),
            reason: result.reason(policy.labels),
            question_score: result.question_score,
            review: result.review,
        };
        serde_json::to_writer(&mut out, &line)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .map_err(stdout_failure)
    };
    match input.format {
        Format::Text => emit(0, &null, &Reaction::new(input.text.as_str()).or_record(0))?,
        Format::Jsonl => {
            let name = input.name.clone();
            let mut record = 0;
            each_jsonl_line(&mut input, |number, raw, _| {
                if raw.trim().is_empty() {
                    return Ok(());
                }
                let line = jsonl::parse_line(raw)
                    .map_err(|e| Failure::at(format!("{name}:{number}"), e))?;
                emit(
                    record,
                    line.id.as_ref().unwrap_or(&null),
                    &reaction_of(&line, record),
                )?;
                record += 1;
                Ok(())
            })?;
        }
        Format::Csv | Format::Linkedin => {
            let (_, text) = csv::read(input.table_bytes());
            let table = csv::Table::parse(&text, csv_options(input.format), &policy)
                .map_err(|e| Failure(format!("{}:{e}", input.name)))?;
            for (record, row) in table.records().enumerate() {
                let reaction = table.reaction(row);
                let id = reaction
                    .id
                    .clone()
                    .map_or(null.clone(), serde_json::Value::String);
                emit(record, &id, &reaction.or_record(record))?;
            }
        }
        Format::Xlsx => {
            for (record, reaction) in xlsx_reactions(&input, &policy)?.into_iter().enumerate() {
                emit_reaction(&mut emit, record, reaction)?;
            }
        }
        Format::Zip => {
            let (bytes, hint) = input
                .archive
                .as_ref()
                .ok_or_else(|| Failure(input.name.clone()))?;
            let entries = zip::reactions(bytes, *hint).map_err(|e| zip_failure(&input.name, &e))?;
            let reactions = entries.into_iter().flat_map(|(_, r)| r);
            for (record, reaction) in reactions.enumerate() {
                emit_reaction(&mut emit, record, reaction)?;
            }
        }
        format => {
            let profile = json::profile(format).ok_or_else(|| Failure(input.name.clone()))?;
            let doc = json::Document::parse(&input.text)
                .map_err(|e| Failure::at(format!("{}:{}", input.name, e.line), e))?;
            for (record, reaction) in json::reactions(&doc, profile).into_iter().enumerate() {
                emit_reaction(&mut emit, record, reaction)?;
            }
        }
    }
    out.flush().map_err(stdout_failure)
}

/// Emits one `triage` line for a module's record: its id (a string, or null) and its
/// decision, a record without an id named by its number.
fn emit_reaction(
    emit: &mut dyn FnMut(usize, &serde_json::Value, &Reaction) -> Result<(), Failure>,
    record: usize,
    reaction: Reaction,
) -> Result<(), Failure> {
    let id = reaction
        .id
        .clone()
        .map_or(serde_json::Value::Null, serde_json::Value::String);
    emit(record, &id, &reaction.or_record(record))
}

/// The current time as RFC 3339 UTC (`2026-12-02T15:04:05Z`), from the system clock.
fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

/// `in.jsonl` → `in.anon.jsonl`; `notes` → `notes.anon`.
fn default_output(input: &Path) -> PathBuf {
    let stem = input.file_stem().unwrap_or_default().to_string_lossy();
    let name = match input.extension() {
        Some(ext) => format!("{stem}.anon.{}", ext.to_string_lossy()),
        None => format!("{stem}.anon"),
    };
    input.with_file_name(name)
}

/// True when both paths name the same file (the second may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    fn resolve(p: &Path) -> Option<PathBuf> {
        if let Ok(full) = p.canonicalize() {
            return Some(full);
        }
        let parent = match p.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        Some(parent.canonicalize().ok()?.join(p.file_name()?))
    }
    match (resolve(a), resolve(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}

/// Where `anonymise` writes, hashing as it goes: a temporary file next to the target,
/// renamed into place by [`Output::finish`] (removed when the run fails), or memory for
/// standard output, so that a failing run writes nothing there.
struct Output {
    /// The target, its temporary file and the writer into it; `None` for standard output.
    file: Option<(PathBuf, PathBuf, std::io::BufWriter<std::fs::File>)>,
    memory: Vec<u8>,
    hasher: Sha256,
}

impl Output {
    fn create(path: Option<&Path>) -> Result<Output, Failure> {
        let file = match path {
            Some(path) => {
                let tmp = temporary_path(path)?;
                let file = std::fs::File::create_new(&tmp)
                    .map_err(|e| Failure::at(path.display(), format!("cannot write: {e}")))?;
                Some((
                    path.to_path_buf(),
                    tmp,
                    std::io::BufWriter::with_capacity(1 << 16, file),
                ))
            }
            None => None,
        };
        Ok(Output {
            file,
            memory: Vec::new(),
            hasher: Sha256::new(),
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.hasher.update(bytes);
        match &mut self.file {
            Some((path, _, writer)) => writer
                .write_all(bytes)
                .map_err(|e| Failure::at(path.display(), format!("cannot write: {e}"))),
            None => {
                self.memory.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    /// Puts the output in place (file: flushed, synced, renamed; else standard output) and
    /// gives its SHA-256.
    fn finish(mut self) -> Result<String, Failure> {
        let digest = hex(&std::mem::take(&mut self.hasher).finalize());
        match self.file.take() {
            Some((path, tmp, writer)) => {
                let result = writer
                    .into_inner()
                    .map_err(std::io::IntoInnerError::into_error)
                    .and_then(|file| file.sync_all())
                    .and_then(|()| std::fs::rename(&tmp, &path));
                if let Err(e) = result {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(Failure::at(path.display(), format!("cannot write: {e}")));
                }
            }
            None => {
                let mut stdout = std::io::stdout().lock();
                stdout
                    .write_all(&self.memory)
                    .and_then(|()| stdout.flush())
                    .map_err(stdout_failure)?;
            }
        }
        Ok(digest)
    }
}

impl Drop for Output {
    /// A run that failed leaves no temporary file behind.
    fn drop(&mut self) {
        if let Some((_, tmp, _)) = self.file.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// `dir/.NAME.PID.tmp`: the temporary file for `path`, in the same directory so that the
/// rename is atomic.
fn temporary_path(path: &Path) -> Result<PathBuf, Failure> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Failure::at(path.display(), "not a file name"))?;
    Ok(dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Writes to a temporary file in the target's directory, then renames it into place: the
/// target appears complete or not at all.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure::at(path.display(), format!("cannot write: {e}"));
    let tmp = temporary_path(path)?;
    let result = std::fs::File::create_new(&tmp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// True when the input is a CSV file on disk (asked for, or by its `.csv`/`.tsv`
/// extension): it is read in chunks, three times ([`weglakker::formats::csv_stream`]), so
/// memory stays flat; standard input is read whole. Gives the format (LinkedIn by file
/// name or header line).
fn streams_as_csv(
    path: Option<&Path>,
    requested: Option<Format>,
    ext: Option<&str>,
    head: &VecDeque<Vec<u8>>,
) -> Option<Format> {
    path?;
    match requested {
        Some(format @ (Format::Csv | Format::Linkedin)) => Some(format),
        None if matches!(ext, Some("csv" | "tsv")) => {
            let bytes: Vec<u8> = head.iter().flatten().copied().collect();
            if bytes.starts_with(b"PK\x03\x04") {
                return None;
            }
            let text = formats::decode(bytes).text;
            Some(match linkedin::is_linkedin(path, &text) {
                true => Format::Linkedin,
                false => Format::Csv,
            })
        }
        _ => None,
    }
}

/// Calls `visit` with the file's bytes, 64 KiB at a time.
fn each_chunk(
    input: &Input,
    mut visit: impl FnMut(&[u8]) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let path = input
        .path
        .as_deref()
        .ok_or_else(|| Failure(input.name.clone()))?;
    let cannot_read = |e: std::io::Error| Failure::at(&input.name, format!("cannot read: {e}"));
    let mut file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut buffer = vec![0; 1 << 16];
    loop {
        let n = file.read(&mut buffer).map_err(cannot_read)?;
        if n == 0 {
            return Ok(());
        }
        visit(&buffer[..n])?;
    }
}

/// A streamed CSV file's bytes, read whole (for triage, or UTF-16 that does not decode
/// cleanly).
fn read_whole(input: &Input) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    each_chunk(input, |chunk| {
        bytes.extend_from_slice(chunk);
        Ok(())
    })?;
    Ok(bytes)
}

/// The first two passes over a streamed CSV file: its size and digest, encoding, columns
/// and learned names. `None` when streaming would not give the exact bytes (see
/// [`csv_stream::Surveyed::exact`]): the file's bytes are then in `input.bytes`.
fn csv_plan(input: &mut Input, policy: &Policy) -> Result<Option<csv_stream::Plan>, Failure> {
    let mut survey = csv_stream::Survey::new();
    let mut hasher = Sha256::new();
    each_chunk(input, |chunk| {
        survey.push(chunk);
        hasher.update(chunk);
        Ok(())
    })?;
    let surveyed = survey.finish();
    input.size = surveyed.size;
    input.sha256 = hex(&hasher.finalize());
    if !surveyed.exact {
        input.bytes = read_whole(input)?;
        input.csv_stream = false;
        return Ok(None);
    }
    let mut learner = csv_stream::Learner::new(surveyed, csv_options(input.format), policy);
    let located = |e: weglakker::Error| Failure(format!("{}:{e}", input.name));
    each_chunk(input, |chunk| learner.push(chunk).map_err(located))?;
    learner.finish().map(Some).map_err(located)
}

/// Scans a streamed CSV file (read whole when streaming would not be exact).
fn scan_csv_stream(
    input: &mut Input,
    policy: &Policy,
    emit: &mut dyn FnMut(&ScanLine<'_>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let Some(plan) = csv_plan(input, policy)? else {
        let (_, text) = csv::read(&input.bytes);
        let table = csv::Table::parse(&text, csv_options(input.format), policy)
            .map_err(|e| Failure(format!("{}:{e}", input.name)))?;
        let engine = table.learned().engine(policy);
        for s in table.scan(&engine) {
            emit(&scan_line(s.record, &s.id, s.field, s.text, &s.findings))?;
        }
        return Ok(());
    };
    let mut stream = csv_stream::ScanStream::new(&plan, policy);
    // A failure to write is kept as it is; the stream only carries that it happened.
    let mut failed: Option<Failure> = None;
    let mut visit = |s: csv::Scanned<'_>| {
        emit(&scan_line(s.record, &s.id, s.field, s.text, &s.findings)).map_err(|f| {
            failed = Some(f);
            weglakker::Error::invalid("cannot write")
        })
    };
    let mut result = each_chunk(input, |chunk| {
        stream
            .push(chunk, &mut visit)
            .map_err(|e| Failure(format!("{}:{e}", input.name)))
    });
    if result.is_ok() {
        result = stream
            .finish(&mut visit)
            .map_err(|e| Failure(format!("{}:{e}", input.name)));
    }
    match failed {
        Some(failure) => Err(failure),
        None => result,
    }
}

/// Anonymises a streamed CSV file into `sink`, chunk by chunk; false (nothing written)
/// when it must be read whole after all.
fn anonymise_csv_stream(
    input: &mut Input,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
    sink: &mut Output,
) -> Result<bool, Failure> {
    let Some(plan) = csv_plan(input, policy)? else {
        return Ok(false);
    };
    let mut stream = csv_stream::AnonymiseStream::new(&plan, policy);
    let mut out = Vec::new();
    let located = |e: weglakker::Error| Failure(format!("{}:{e}", input.name));
    each_chunk(input, |chunk| {
        stream
            .push(chunk, anonymiser, report, &mut out)
            .map_err(located)?;
        sink.write(&out)?;
        out.clear();
        Ok(())
    })?;
    stream
        .finish(anonymiser, report, &mut out)
        .map_err(located)?;
    sink.write(&out)?;
    Ok(true)
}
