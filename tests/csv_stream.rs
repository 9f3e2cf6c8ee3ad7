//! CSV in chunks (`formats::csv_stream`) gives the same bytes, scan and report as the
//! whole-file reader, on every CSV fixture and on generated tables (title lines, quoted
//! newlines across chunks, CRLF, BOMs, UTF-16, windows-1252, backslash escapes), for any
//! chunk size.

use std::path::Path;
use weglakker::formats::csv::{self, Options, Table};
use weglakker::formats::csv_stream::{AnonymiseStream, Learner, Plan, ScanStream, Survey};
use weglakker::formats::linkedin;
use weglakker::report::Report;
use weglakker::{Anonymiser, Error, Policy};

fn plan(bytes: &[u8], chunk: usize, options: Options, policy: &Policy) -> Result<Plan, Error> {
    let mut survey = Survey::new();
    bytes.chunks(chunk).for_each(|c| survey.push(c));
    let surveyed = survey.finish();
    assert!(surveyed.exact);
    assert_eq!(surveyed.size, bytes.len() as u64);
    let mut learner = Learner::new(surveyed, options, policy);
    for c in bytes.chunks(chunk) {
        learner.push(c)?;
    }
    learner.finish()
}

fn streamed(
    bytes: &[u8],
    chunk: usize,
    options: Options,
    policy: &Policy,
) -> Result<(Vec<u8>, String), Error> {
    let plan = plan(bytes, chunk, options, policy)?;
    let mut anonymiser = Anonymiser::new(policy);
    let mut report = Report::new(policy);
    let mut stream = AnonymiseStream::new(&plan, policy);
    let mut out = Vec::new();
    for c in bytes.chunks(chunk) {
        stream.push(c, &mut anonymiser, &mut report, &mut out)?;
    }
    stream.finish(&mut anonymiser, &mut report, &mut out)?;
    Ok((out, report.to_json()))
}

fn whole(bytes: &[u8], options: Options, policy: &Policy) -> Result<(Vec<u8>, String), Error> {
    let mut anonymiser = Anonymiser::new(policy);
    let mut report = Report::new(policy);
    let out = csv::anonymise(bytes, options, policy, &mut anonymiser, &mut report)?;
    Ok((out, report.to_json()))
}

/// (record, field, text, findings as (start, end, kind)) of a scan.
type Line = (usize, String, String, Vec<(usize, usize, String)>);

fn line(s: &csv::Scanned<'_>) -> Line {
    let findings = s
        .findings
        .iter()
        .map(|f| (f.span.start, f.span.end, f.kind.id().to_string()))
        .collect();
    (s.record, s.field.to_string(), s.text.to_string(), findings)
}

fn streamed_scan(bytes: &[u8], chunk: usize, options: Options, policy: &Policy) -> Vec<Line> {
    let plan = plan(bytes, chunk, options, policy).unwrap();
    let mut stream = ScanStream::new(&plan, policy);
    let mut lines = Vec::new();
    let mut visit = |s: csv::Scanned<'_>| {
        lines.push(line(&s));
        Ok(())
    };
    for c in bytes.chunks(chunk) {
        stream.push(c, &mut visit).unwrap();
    }
    stream.finish(&mut visit).unwrap();
    lines
}

fn whole_scan(bytes: &[u8], options: Options, policy: &Policy) -> Vec<Line> {
    let (_, text) = csv::read(bytes);
    let table = Table::parse(&text, options, policy).unwrap();
    let engine = table.learned().engine(policy);
    table.scan(&engine).map(|s| line(&s)).collect()
}

fn policies() -> Vec<Policy> {
    vec![
        Policy::default(),
        Policy::from_json(
            r#"{"version": 1, "deny": ["Karin Visser", {"term": "06-12345678", "kind": "phone"}],
                "fields": {"Author Handle": {"type": "drop"}, "Link": {"type": "keep"}}}"#,
        )
        .unwrap(),
    ]
}

const CHUNKS: &[usize] = &[1, 2, 3, 7, 64, 1000, 1 << 20];

/// Every chunk size and policy: the same bytes, report and scan as the whole file.
fn assert_same(name: &str, bytes: &[u8], options: Options) {
    for policy in policies() {
        let want = whole(bytes, options, &policy).unwrap();
        let want_scan = whole_scan(bytes, options, &policy);
        for &chunk in CHUNKS {
            let got = streamed(bytes, chunk, options, &policy).unwrap();
            assert!(got.0 == want.0, "{name}, chunks of {chunk}: output differs");
            assert_eq!(got.1, want.1, "{name}, chunks of {chunk}: report differs");
            if chunk != 1 || bytes.len() < 20_000 {
                let got = streamed_scan(bytes, chunk, options, &policy);
                assert!(got == want_scan, "{name}, chunks of {chunk}: scan differs");
            }
        }
    }
}

#[test]
fn every_csv_fixture_streams_to_the_same_bytes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut seen = 0;
    for dir in ["csv", "linkedin", "linkedin/golden"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("csv") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let options = match dir {
                "csv"
                    if !path.ends_with("Comments.csv") && !path.ends_with("Comments.anon.csv") =>
                {
                    Options::default()
                }
                _ => linkedin::OPTIONS,
            };
            assert_same(&path.display().to_string(), &bytes, options);
            assert_same(&path.display().to_string(), &bytes, Options::default());
            seen += 1;
        }
    }
    assert!(seen >= 10, "{seen} fixtures");
}

/// A generated table of `rows` records: title lines, a header, quoted cells with
/// delimiters, doubled quotes and newlines, CRLF and LF, blank lines, rows wider than the
/// header, repeated and fresh author names.
fn generated(rows: usize, delimiter: char, escapes: bool) -> String {
    let d = delimiter;
    let mut text = format!("Export van de monitor\r\nPeriode: maart\r\n\r\nDatum{d}Auteur{d}Author Handle{d}Bericht{d}Link\r\n");
    let authors = [
        "Karin Visser",
        "Jeroen Smit",
        "Fatima El Amrani",
        "Piet Jansen",
    ];
    for i in 0..rows {
        let author = authors[i % authors.len()];
        let quote = if escapes { "\\\"" } else { "\"\"" };
        let message = match i % 6 {
            0 => format!("\"{author} schreef{d} dat {quote}Jeroen Smit{quote} gelijk had\""),
            1 => format!(
                "\"Regel een\r\nregel twee met 06-12345678\nen {} é€\"",
                authors[(i + 1) % 4]
            ),
            2 => format!("gewoon bericht {i} zonder namen"),
            3 => String::new(),
            4 => format!("\"\"{d}extra{d}kolommen"),
            _ => format!(
                "Hoi @{}{i}",
                author.split(' ').next().unwrap().to_lowercase()
            ),
        };
        let ending = if i % 5 == 0 { "\n" } else { "\r\n" };
        text.push_str(&format!(
            "2024-03-{:02}{d}{author}{d}@{}{d}{message}{d}https://x.com/a/status/{i}{ending}",
            i % 28 + 1,
            author.split(' ').next().unwrap().to_lowercase(),
        ));
        if i % 17 == 0 {
            text.push_str(ending);
        }
    }
    text
}

#[test]
fn generated_tables_stream_to_the_same_bytes_in_every_encoding() {
    let utf16 = |text: &str, bom: bool| {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        text.encode_utf16()
            .for_each(|u| bytes.extend_from_slice(&u.to_le_bytes()));
        bytes
    };
    let text = generated(300, ';', false);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("utf-8", text.as_bytes().to_vec()),
        (
            "utf-8 bom",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        ("utf-16le bom", utf16(&text, true)),
        (
            "tabs utf-16le bom",
            utf16(&generated(200, '\t', false), true),
        ),
        // ASCII-only UTF-16 without BOM (non-ASCII makes it windows-1252, as whole)
        (
            "utf-16le",
            utf16(&generated(40, ',', false).replace(['é', '€'], "e"), false),
        ),
        (
            "windows-1252",
            text.replace('€', "EUR")
                .chars()
                .map(|c| c as u32 as u8)
                .collect(),
        ),
        ("backslash escapes", generated(300, ',', true).into_bytes()),
        ("no final newline", text.trim_end().as_bytes().to_vec()),
        ("empty", Vec::new()),
        ("only a bom", b"\xEF\xBB\xBF".to_vec()),
        ("header only", b"Datum;Auteur;Bericht".to_vec()),
        ("title lines only", b"Export\r\n\r\n".to_vec()),
    ];
    for (name, bytes) in &cases {
        assert_same(name, bytes, Options::default());
    }
}

#[test]
fn a_large_table_streams_to_the_same_bytes() {
    // About 1 MB: more rows than the head the stream sniffs, a learned name in the last
    // row that is mentioned in the first.
    let mut text = generated(8_000, ',', false);
    text.push_str("2024-04-01,Zwaantje Laatst,@zl,Laatste bericht,https://x.com/a/status/9\n");
    let text = text.replacen("gewoon bericht 2 ", "gewoon bericht 2 Zwaantje Laatst ", 1);
    let policy = Policy::default();
    let want = whole(text.as_bytes(), Options::default(), &policy).unwrap();
    assert!(!String::from_utf8_lossy(&want.0).contains("Zwaantje"));
    for chunk in [1, 4096, 65536] {
        let got = streamed(text.as_bytes(), chunk, Options::default(), &policy).unwrap();
        assert!(got.0 == want.0, "chunks of {chunk}: output differs");
        assert_eq!(got.1, want.1, "chunks of {chunk}: report differs");
    }
}

#[test]
fn an_unclosed_quote_is_the_same_error() {
    let policy = Policy::default();
    for text in [
        "datum;bericht\n1-3;\"open\n2-3;dicht\n",
        "a,b\n1,2\n3,\"x\"\"",
        "\"a",
        "Titel\r\n\r\na,b\r\n1,\"twee\r\ndrie\r\n",
    ] {
        let want = whole(text.as_bytes(), Options::default(), &policy)
            .unwrap_err()
            .to_string();
        for chunk in [1, 3, 1000] {
            let got = plan(text.as_bytes(), chunk, Options::default(), &policy)
                .unwrap_err()
                .to_string();
            assert_eq!(got, want, "{text:?}, chunks of {chunk}");
        }
    }
}

#[test]
fn utf16_with_a_lone_surrogate_is_not_exact() {
    let mut survey = Survey::new();
    survey.push(b"\xFF\xFEa\0;\0");
    survey.push(b"\x00\xD8b\0");
    assert!(!survey.finish().exact);
    let mut survey = Survey::new();
    survey.push(b"\xFF\xFEa\0;\0b");
    assert!(!survey.finish().exact, "an odd last byte");
    let mut survey = Survey::new();
    // A pair split over two chunks is fine.
    survey.push(b"\xFF\xFEa\0\x3D\xD8");
    survey.push(b"\x00\xDE\n\0");
    assert!(survey.finish().exact);
}
