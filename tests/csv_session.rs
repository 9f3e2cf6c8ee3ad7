//! CSV read in passes by one owned session (`formats::csv_stream::session`, what the page's
//! worker drives): the download equals `process::process` (bytes and report, with triage
//! and per-finding `keep`), the review's records equal `process`'s with `records`, and
//! every record re-read from its byte offsets is the same record, for any chunk size.

use std::path::{Path, PathBuf};
use weglakker::formats::csv::Options;
use weglakker::formats::csv_stream::session::CsvSession;
use weglakker::formats::process::{self, KeepFn, Record};
use weglakker::formats::{linkedin, Format};
use weglakker::{Finding, Policy};

/// Every CSV fixture, with the format the CLI detects for it.
fn fixtures() -> Vec<(PathBuf, Format)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("csv"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("csv"))
        .collect();
    paths.push(root.join("triage/reactions.csv"));
    paths.sort();
    for path in paths {
        let content = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).to_string();
        let format = Format::detect(Some(&path), &content).unwrap();
        assert!(matches!(format, Format::Csv | Format::Linkedin), "{path:?}");
        out.push((path, format));
    }
    assert!(out.len() >= 7, "{} fixtures", out.len());
    out
}

fn options_of(format: Format) -> Options {
    match format {
        Format::Linkedin => linkedin::OPTIONS,
        _ => Options::default(),
    }
}

fn policies() -> Vec<Policy> {
    vec![
        Policy::default(),
        Policy::from_json(
            r#"{"version": 1, "deny": ["Karin Visser", "Zeemeeuw", {"term": "06-12345678", "kind": "phone"}],
                "fields": {"Author Handle": {"type": "drop"}, "Link": {"type": "keep"}}}"#,
        )
        .unwrap(),
    ]
}

/// Keeps the first finding of every third record's fields (whatever they are): a `keep`
/// that depends on record, field and start, as the page's is.
fn keep(record: usize, field: &str, text: &str, f: &Finding) -> bool {
    record % 3 == 1 && !field.is_empty() && !text.is_empty() && f.span.start < 40
}

fn session(
    policy: &Policy,
    format: Format,
    bytes: &[u8],
    chunk: usize,
    triage: bool,
    kept: bool,
) -> CsvSession {
    let mut s = CsvSession::new(policy, options_of(format), None, triage).unwrap();
    if kept {
        s = s.with_keep(Box::new(keep));
    }
    bytes.chunks(chunk).for_each(|c| s.survey(c));
    assert!(s.surveyed().exact);
    for c in bytes.chunks(chunk) {
        s.learn(c).unwrap();
    }
    s.plan().unwrap();
    s
}

fn whole(
    policy: &Policy,
    format: Format,
    bytes: &[u8],
    triage: bool,
    kept: bool,
    records: bool,
) -> process::Processed {
    let keep_fn: &KeepFn = &keep;
    let mut options = process::Options::new(format);
    options.triage = triage;
    options.records = records;
    if kept {
        options.keep = Some(keep_fn);
    }
    process::process(bytes, policy, &options).unwrap()
}

const CHUNKS: &[usize] = &[1, 3, 17, 256, 1 << 20];

#[test]
fn the_download_equals_the_whole_file_with_triage_and_keep() {
    for (path, format) in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        for policy in policies() {
            for (triage, kept) in [(false, false), (true, false), (false, true), (true, true)] {
                let want = whole(&policy, format, &bytes, triage, kept, false);
                for &chunk in CHUNKS {
                    let mut s = session(&policy, format, &bytes, chunk, triage, kept);
                    let mut out = Vec::new();
                    for c in bytes.chunks(chunk) {
                        out.extend(s.write(c).unwrap());
                    }
                    let done = s.finish_write().unwrap();
                    out.extend(done.output);
                    let what = format!("{path:?} chunks {chunk} triage {triage} keep {kept}");
                    assert!(out == want.output, "{what}: output differs");
                    assert_eq!(
                        done.report.to_json(),
                        want.report.to_json(),
                        "{what}: report"
                    );
                    assert_eq!(done.note, want.note, "{what}: note");
                    assert_eq!(s.note(), want.note, "{what}: note");
                }
            }
        }
    }
}

/// The fields that matter to the page, comparable.
fn view(records: &[Record]) -> Vec<String> {
    records.iter().map(|r| format!("{r:?}")).collect()
}

#[test]
fn the_review_equals_the_whole_file_and_records_read_again_are_the_same() {
    let mut resumed = 0;
    for (path, format) in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        for policy in policies() {
            let want = whole(&policy, format, &bytes, false, true, true);
            assert!(!want.records.is_empty(), "{path:?}");
            for &chunk in CHUNKS {
                let what = format!("{path:?} chunks {chunk}");
                let mut s = session(&policy, format, &bytes, chunk, false, true);
                let mut batches = Vec::new();
                for c in bytes.chunks(chunk) {
                    batches.push(s.scan(c).unwrap());
                }
                batches.push(s.finish_scan().unwrap());
                let records: Vec<Record> = batches.iter().flat_map(|b| b.records.clone()).collect();
                assert_eq!(
                    view(&records),
                    view(&want.records),
                    "{what}: records differ"
                );
                let starts: Vec<u64> = batches.iter().flat_map(|b| b.starts.clone()).collect();
                let ends: Vec<u64> = batches.iter().flat_map(|b| b.ends.clone()).collect();
                assert_eq!(starts.len(), records.len(), "{what}");
                // UTF-16 and windows-1252 are not re-read by byte offset (the page keeps
                // their records instead).
                let utf8 = std::str::from_utf8(&bytes).is_ok();
                assert_eq!(s.resumable(), utf8, "{what}");
                if !utf8 {
                    assert!(s.rescan(&bytes, 0).is_err(), "{what}");
                    continue;
                }
                resumed += 1;
                // One record at a time, and runs of three.
                for (a, width) in (0..records.len()).flat_map(|a| [(a, 1), (a, 3)]) {
                    let b = (a + width).min(records.len()) - 1;
                    let slice = &bytes[starts[a] as usize..ends[b] as usize];
                    let again = s.rescan(slice, a).unwrap();
                    assert_eq!(
                        view(&again),
                        view(&records[a..=b]),
                        "{what}: records {a}..={b}"
                    );
                }
            }
        }
    }
    assert!(resumed >= 5 * CHUNKS.len(), "{resumed}");
}

#[test]
fn a_row_cut_by_a_chunk_inside_a_quoted_newline_is_read_whole() {
    let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
    let bytes = "id;bericht\n1;\"eerste regel\nZeemeeuw in regel twee\"\n2;Zeemeeuw\n".as_bytes();
    let want = whole(&policy, Format::Csv, bytes, false, false, true);
    for cut in 1..bytes.len() {
        let mut s = session(&policy, Format::Csv, bytes, cut, false, false);
        let mut records = s.scan(&bytes[..cut]).unwrap().records;
        records.extend(s.scan(&bytes[cut..]).unwrap().records);
        records.extend(s.finish_scan().unwrap().records);
        assert_eq!(view(&records), view(&want.records), "cut at {cut}");
        assert_eq!(
            records[0].fields[0].text,
            "eerste regel\nZeemeeuw in regel twee"
        );
    }
}

#[test]
fn errors_before_the_plan_and_bad_input_are_errors_not_panics() {
    let policy = Policy::default();
    let mut s = CsvSession::new(&policy, Options::default(), None, false).unwrap();
    assert!(s.write(b"a;b\n").is_err(), "writing before the plan");
    assert!(s.rescan(b"a;b\n", 0).is_err(), "re-reading before the plan");
    let bytes = b"a;b\n1;\"open\n";
    bytes.chunks(4).for_each(|c| s.survey(c));
    for c in bytes.chunks(4) {
        s.learn(c).unwrap();
    }
    let err = s.plan().unwrap_err().to_string();
    assert!(err.contains("unclosed quote"), "{err}");
    let keyed = Policy::from_json(r#"{"version": 1, "pseudonyms": {"style": "keyed"}}"#).unwrap();
    assert!(CsvSession::new(&keyed, Options::default(), None, false).is_err());
}
