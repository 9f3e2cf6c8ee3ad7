//! The table formats (csv, linkedin, xlsx) on realistic fixtures in `tests/data/csv/`:
//! round trip with a keep-everything policy, nothing lost, golden outputs, policy
//! overrides, malformed input, and the CLI on them.
//!
//! Golden outputs use an engine limited to lists (the policy's deny list and the names
//! learned from author columns), so they hold whatever the detectors do.

use std::path::{Path, PathBuf};
use std::process::Command;
use weglakker::formats::csv::{self, Options, Table};
use weglakker::formats::linkedin;
use weglakker::report::Report;
use weglakker::{Anonymiser, Kind, Policy};

const BIN: &str = env!("CARGO_BIN_EXE_weglakker");

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/csv")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(data(name)).unwrap()
}

/// A policy that keeps every kind: anonymising must not change a byte.
fn keep_all() -> Policy {
    let mut policy = Policy::default();
    for kind in Kind::ALL {
        policy.operators.insert(kind, weglakker::Operator::Keep);
    }
    policy
}

/// The policy of the golden outputs: default operators, a deny list for the phone numbers
/// and e-mail address of the fixtures.
fn golden_policy() -> Policy {
    Policy::from_json(
        r#"{"version": 1, "deny": [
            {"term": "06-12345678", "kind": "phone"},
            {"term": "06-87654321", "kind": "phone"},
            {"term": "j.smit@example.nl", "kind": "email"},
            "Karin Visser"
        ]}"#,
    )
    .unwrap()
}

/// Anonymises a CSV file with an engine of lists only (deny list and learned names).
fn anonymise_lists(bytes: &[u8], options: Options, policy: &Policy) -> (Vec<u8>, Report) {
    let (encoding, text) = csv::read(bytes);
    let table = Table::parse(&text, options, policy).unwrap();
    let mut builder = table.learned().builder(policy);
    builder.kinds([]);
    let engine = builder.build();
    let mut report = Report::new(policy);
    let out = table.anonymise(&engine, policy, &mut Anonymiser::new(policy), &mut report);
    (encoding.encode(&out), report)
}

/// (fixture, options, records)
const FIXTURES: &[(&str, Options, u64)] = &[
    (
        "meltwater.csv",
        Options {
            delimiter: None,
            backslash_escapes: None,
            platform: None,
        },
        3,
    ),
    (
        "coosto.csv",
        Options {
            delimiter: None,
            backslash_escapes: None,
            platform: None,
        },
        3,
    ),
    ("Comments.csv", linkedin::OPTIONS, 3),
];

#[test]
fn keep_all_round_trips_byte_for_byte() {
    let policy = keep_all();
    for (name, options, records) in FIXTURES {
        let input = read(name);
        let mut report = Report::new(&policy);
        let out = csv::anonymise(
            &input,
            *options,
            &policy,
            &mut Anonymiser::new(&policy),
            &mut report,
        )
        .unwrap();
        assert!(out == input, "{name}: output differs from input");
        // Nothing lost: every record read is written.
        assert_eq!(report.records.scanned, *records, "{name}");
        assert_eq!(report.records.written, *records, "{name}");
        assert!(report.records.dropped.is_empty(), "{name}");
        // Also when cells are rewritten the long way (lists engine, all kept).
        let (out, _) = anonymise_lists(&input, *options, &policy);
        assert!(out == input, "{name}: rewritten output differs from input");
    }
}

#[test]
fn golden_outputs() {
    let policy = golden_policy();
    for (name, options, records) in FIXTURES {
        let (out, report) = anonymise_lists(&read(name), *options, &policy);
        let golden = name.replace(".csv", ".anon.csv");
        if std::env::var_os("WEGLAKKER_BLESS").is_some() {
            std::fs::write(data(&golden), &out).unwrap();
        }
        assert!(out == read(&golden), "{name}: differs from {golden}");
        assert_eq!(report.records.written, *records, "{name}");
    }
}

#[test]
fn headers_roles_and_learned_names() {
    let policy = Policy::default();
    let cases: &[(&str, u8, usize, &[&str])] = &[
        // (fixture, delimiter, header row, identifying columns)
        ("meltwater.csv", b'\t', 2, &["Author Name", "Author Handle"]),
        ("coosto.csv", b';', 3, &["auteur"]),
        ("Comments.csv", b',', 0, &[]),
    ];
    for (name, delimiter, header, identifying) in cases {
        let (_, text) = csv::read(&read(name));
        let table = Table::parse(&text, Options::default(), &policy).unwrap();
        assert_eq!(table.dialect.delimiter, *delimiter, "{name}");
        assert_eq!(table.header, *header, "{name}");
        let got: Vec<&str> = table
            .columns
            .iter()
            .filter(|c| matches!(c.role, weglakker::formats::columns::Role::Identifying(_)))
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(got, *identifying, "{name}");
    }
}

#[test]
fn author_pseudonym_matches_mentions_in_text() {
    let policy = golden_policy();
    let (out, _) = anonymise_lists(&read("coosto.csv"), Options::default(), &policy);
    let out = String::from_utf8(out).unwrap();
    // Jeroen Smit writes row 1 and is mentioned in row 2: one pseudonym.
    assert!(out.contains(";twitter;[PERSOON-1];"), "{out}");
    assert!(out.contains("Ik sprak [PERSOON-1] gisteren"), "{out}");
    assert!(!out.contains("Jeroen"), "{out}");
}

#[test]
fn policy_fields_override_roles() {
    let policy = Policy::from_json(
        r#"{"version": 1, "fields": {
            "Author Handle": {"type": "drop"},
            "Hit Sentence": {"type": "keep"},
            "Author Name": {"type": "tag"}
        }}"#,
    )
    .unwrap();
    let (out, report) = anonymise_lists(&read("meltwater.csv"), Options::default(), &policy);
    let (_, text) = csv::read(&out);
    let table = Table::parse(&text, Options::default(), &policy).unwrap();
    let col = |name: &str| table.columns.iter().position(|c| c.name == name).unwrap();
    let first = table.records().next().unwrap();
    assert_eq!(first.cells[col("Author Handle")].value, "");
    assert_eq!(first.cells[col("Author Name")].value, "[PERSOON]");
    assert!(first.cells[col("Hit Sentence")]
        .value
        .contains("06-12345678"));
    // The dropped column is still there, with its header: same number of columns.
    assert_eq!(table.columns.len(), 25);
    assert_eq!(report.records.written, 3);
}

#[test]
fn malformed_input_is_an_error_with_its_line_never_a_panic() {
    let policy = Policy::default();
    let cases: &[(&[u8], Option<&str>)] = &[
        // an unbalanced quote: the line its record starts on
        (
            b"datum;bericht\n1-3;\"open\n2-3;dicht\n",
            Some("2: unclosed quote"),
        ),
        (b"a,b\n1,2\n3,\"x\"\"", Some("3: unclosed quote")),
        // odd input is read, not rejected
        (b"", None),
        (b"\n\n\n", None),
        (b"\x00\x01\x02\xff\xfe\x00", None),
        (b"\xff\xfe\x00", None),
        (b"\xef\xbb\xbf", None),
    ];
    for (bytes, want) in cases {
        let got = csv::anonymise(
            bytes,
            Options::default(),
            &policy,
            &mut Anonymiser::new(&policy),
            &mut Report::new(&policy),
        );
        match (got, want) {
            (Err(e), Some(want)) => assert!(e.to_string().starts_with(want), "{bytes:?}: {e}"),
            (Ok(_), None) => {}
            (got, want) => panic!("{bytes:?}: got {got:?}, want {want:?}"),
        }
    }
}

#[test]
fn changed_files_keep_their_encoding() {
    let policy = golden_policy();
    let cases: &[(&[u8], &[u8])] = &[
        // windows-1252: e-acute, n-tilde and the euro sign stay single bytes
        (
            b"naam;bericht\r\nJos\xe9 Pe\xf1a;Jos\xe9 Pe\xf1a betaalde \x80 5\r\n",
            b"naam;bericht\r\n[PERSOON-1];[PERSOON-1] betaalde \x80 5\r\n",
        ),
        // UTF-8 with BOM
        (
            b"\xef\xbb\xbfnaam,bericht\nKarin Visser,hoi\n",
            b"\xef\xbb\xbfnaam,bericht\n[PERSOON-1],hoi\n",
        ),
    ];
    for (input, want) in cases {
        let (out, _) = anonymise_lists(input, Options::default(), &policy);
        assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(want),
            "{input:?}"
        );
        assert!(out == *want, "{input:?}");
    }
    // UTF-16LE without BOM is written back as UTF-16LE without BOM.
    let input: Vec<u8> = "naam\tx\r\nKarin Visser\t1\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (out, _) = anonymise_lists(&input, Options::default(), &policy);
    let want: Vec<u8> = "naam\tx\r\n[PERSOON-1]\t1\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert!(out == want);
}

#[test]
fn every_prefix_of_the_fixtures_reads_without_panic() {
    let policy = Policy::default();
    for (name, options, _) in FIXTURES {
        let input = read(name);
        for end in 0..input.len() {
            let _ = csv::anonymise(
                &input[..end],
                *options,
                &policy,
                &mut Anonymiser::new(&policy),
                &mut Report::new(&policy),
            );
        }
    }
}

// ---------------------------------------------------------------- CLI

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("weglakker-csv-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN).args(args).output().unwrap()
}

#[test]
fn cli_round_trip_and_report() {
    let dir = temp_dir("round");
    let policy_path = dir.join("keep.json");
    let ops: Vec<String> = Kind::ALL
        .iter()
        .map(|k| format!("\"{}\": {{\"type\": \"keep\"}}", k.id()))
        .collect();
    std::fs::write(
        &policy_path,
        format!("{{\"version\": 1, \"operators\": {{{}}}}}", ops.join(", ")),
    )
    .unwrap();
    for (name, _, records) in FIXTURES {
        let out = dir.join(format!("out-{name}"));
        let report = dir.join(format!("{name}.report.json"));
        let status = run(&[
            "anonymise",
            "--policy",
            policy_path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
            data(name).to_str().unwrap(),
        ]);
        assert!(
            status.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        assert!(std::fs::read(&out).unwrap() == read(name), "{name}");
        let report: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        assert_eq!(report["records"]["written"], *records, "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_scan_lines_per_record_and_column() {
    let out = run(&["scan", data("coosto.csv").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Every record has its `bericht` line; authors are reported as whole-value findings.
    let bericht: Vec<u64> = lines
        .iter()
        .filter(|l| l["field"] == "bericht")
        .map(|l| l["record"].as_u64().unwrap())
        .collect();
    assert_eq!(bericht, [0, 1, 2]);
    let author = lines
        .iter()
        .find(|l| l["field"] == "auteur" && l["record"] == 0)
        .unwrap();
    assert_eq!(author["findings"][0]["text"], "Jeroen Smit");
    assert_eq!(author["findings"][0]["rule"], "field");
    // LinkedIn is detected by file name and its messages are the text, unescaped: offsets
    // count in the value, where `\"` is one character.
    let dir = temp_dir("scan");
    let policy = dir.join("deny.json");
    std::fs::write(
        &policy,
        r#"{"version": 1, "deny": ["samen komen we verder"]}"#,
    )
    .unwrap();
    let out = run(&[
        "scan",
        "--policy",
        policy.to_str().unwrap(),
        data("Comments.csv").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Links are listed only when something is found in them.
    let messages: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["field"] == "Message").collect();
    assert_eq!(messages.len(), 3);
    let findings = messages[1]["findings"].as_array().unwrap();
    let found = findings.iter().find(|f| f["rule"] == "deny").unwrap();
    assert_eq!(found["text"], "samen komen we verder");
    assert_eq!(found["start"], 27);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_triage_of_csv_records() {
    let dir = temp_dir("triage");
    let out = run(&["triage", data("coosto.csv").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let decisions = String::from_utf8(out.stdout).unwrap();
    assert_eq!(decisions.lines().count(), 3, "{decisions}");
    // anonymise --triage: records left out are counted as dropped, none lost.
    let report = dir.join("report.json");
    let out = run(&[
        "anonymise",
        "--triage",
        "--report",
        report.to_str().unwrap(),
        "-o",
        dir.join("out.csv").to_str().unwrap(),
        data("coosto.csv").to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let records = &report["records"];
    let dropped: u64 = records["dropped"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(records["scanned"], 3);
    assert_eq!(records["written"].as_u64().unwrap() + dropped, 3);
    let (_, text) = csv::read(&std::fs::read(dir.join("out.csv")).unwrap());
    let table = Table::parse(&text, Options::default(), &Policy::default()).unwrap();
    assert_eq!(table.records().count() as u64, 3 - dropped);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_errors_name_file_and_line() {
    let dir = temp_dir("errors");
    let bad = dir.join("kapot.csv");
    std::fs::write(
        &bad,
        "datum;auteur;bericht\n1-3;Jan;ok\n2-3;Piet;\"niet dicht\n",
    )
    .unwrap();
    for command in ["scan", "anonymise"] {
        let out = run(&[command, bad.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let want = format!("error: {}:3: unclosed quote", bad.display());
        assert!(stderr.starts_with(&want), "{command}: {stderr}");
    }
    assert!(!dir.join("kapot.anon.csv").exists());
    let junk = dir.join("junk.xlsx");
    std::fs::write(&junk, b"PK\x03\x04\x14\x00 truncated").unwrap();
    let out = run(&["anonymise", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a readable xlsx file"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------- xlsx

#[cfg(feature = "xlsx")]
mod xlsx {
    use super::*;
    use calamine::Data;
    use weglakker::formats::xlsx::Workbook;

    /// A Brandwatch-like workbook: a title row, a header, strings, numbers, dates and
    /// booleans; and a second sheet without a recognisable header.
    fn brandwatch() -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
        let sheet = book.add_worksheet();
        sheet.set_name("Mentions").unwrap();
        sheet
            .write_string(0, 0, "Brandwatch export: gemeente Arnhem")
            .unwrap();
        let header = [
            "Query Id",
            "Date",
            "Author",
            "Full Text",
            "Url",
            "Sentiment",
            "Verified",
        ];
        for (c, h) in header.iter().enumerate() {
            sheet.write_string(2, c as u16, *h).unwrap();
        }
        let rows: [(f64, f64, &str, &str, &str, &str, bool); 3] = [
            (
                1_998_877.0,
                45_352.437_5,
                "Lotte Hendriks",
                "Bel 06-12345678, groet Lotte Hendriks",
                "https://x.com/lotteh/status/1",
                "negative",
                true,
            ),
            (
                1_998_877.0,
                45_353.5,
                "Ahmed Yilmaz",
                "Eens met Lotte Hendriks!",
                "https://x.com/ayilmaz/status/2",
                "neutral",
                false,
            ),
            (
                1_998_877.0,
                45_354.0,
                "",
                "Geen naam hier",
                "",
                "neutral",
                false,
            ),
        ];
        for (i, (q, d, author, text, url, sentiment, verified)) in rows.iter().enumerate() {
            let r = 3 + i as u32;
            sheet.write_number(r, 0, *q).unwrap();
            sheet.write_number_with_format(r, 1, *d, &date).unwrap();
            if !author.is_empty() {
                sheet.write_string(r, 2, *author).unwrap();
            }
            sheet.write_string(r, 3, *text).unwrap();
            if !url.is_empty() {
                sheet.write_string(r, 4, *url).unwrap();
            }
            sheet.write_string(r, 5, *sentiment).unwrap();
            sheet.write_boolean(r, 6, *verified).unwrap();
        }
        let info = book.add_worksheet();
        info.set_name("Info").unwrap();
        info.write_string(0, 0, "Periode").unwrap();
        info.write_string(0, 1, "maart 2024").unwrap();
        book.save_to_buffer().unwrap()
    }

    /// Each sheet's name and cells.
    type Sheets = Vec<(String, Vec<(u32, u32, Data)>)>;

    fn cells(bytes: &[u8]) -> Sheets {
        Workbook::read(bytes, &Policy::default())
            .unwrap()
            .sheets
            .into_iter()
            .map(|s| (s.name, s.cells))
            .collect()
    }

    #[test]
    fn keep_all_keeps_every_cell() {
        let input = brandwatch();
        let policy = keep_all();
        let mut report = Report::new(&policy);
        let out = weglakker::formats::xlsx::anonymise(
            &input,
            &policy,
            &mut Anonymiser::new(&policy),
            &mut report,
        )
        .unwrap();
        assert_eq!(cells(&out), cells(&input));
        assert_eq!(report.records.scanned, 3);
        assert_eq!(report.records.written, 3);
    }

    #[test]
    fn only_text_and_author_strings_change() {
        let input = brandwatch();
        let policy = golden_policy();
        let mut book = Workbook::read(&input, &policy).unwrap();
        let mut builder = book.learned().builder(&policy);
        builder.kinds([]);
        let engine = builder.build();
        let mut report = Report::new(&policy);
        book.anonymise(&engine, &policy, &mut Anonymiser::new(&policy), &mut report);
        let out = cells(&book.write().unwrap());
        let before = cells(&input);
        let get = |sheets: &Sheets, r: u32, c: u32| {
            sheets[0]
                .1
                .iter()
                .find(|(row, col, _)| (*row, *col) == (r, c))
                .map(|(_, _, d)| d.clone())
        };
        let s = |v: &str| Some(Data::String(v.to_string()));
        assert_eq!(get(&out, 3, 2), s("[PERSOON-1]"));
        assert_eq!(get(&out, 3, 3), s("Bel [TELEFOON-1], groet [PERSOON-1]"));
        assert_eq!(get(&out, 4, 2), s("[PERSOON-2]"));
        assert_eq!(get(&out, 4, 3), s("Eens met [PERSOON-1]!"));
        // Everything else is the same cell: title, header, numbers, dates, booleans.
        for (r, c) in [(0, 0), (2, 3), (3, 0), (3, 1), (3, 5), (3, 6), (5, 3)] {
            assert_eq!(get(&out, r, c), get(&before, r, c), "({r}, {c})");
        }
        assert!(matches!(get(&out, 3, 1), Some(Data::DateTime(_))));
        assert_eq!(out[1], before[1]);
        // The scan lists the author and text fields per record.
        let book = Workbook::read(&input, &policy).unwrap();
        let scanned = book.scan(&engine);
        let fields: Vec<(usize, &str)> = scanned.iter().map(|s| (s.record, s.field)).collect();
        assert!(fields.contains(&(0, "Author")), "{fields:?}");
        assert!(fields.contains(&(2, "Full Text")), "{fields:?}");
    }

    #[test]
    fn truncated_workbooks_are_errors_not_panics() {
        let input = brandwatch();
        let policy = Policy::default();
        let step = (input.len() / 60).max(1);
        for end in (0..input.len()).step_by(step) {
            let got = weglakker::formats::xlsx::anonymise(
                &input[..end],
                &policy,
                &mut Anonymiser::new(&policy),
                &mut Report::new(&policy),
            );
            assert!(got.is_err(), "prefix of {end} bytes read as a workbook");
        }
    }

    #[test]
    fn cli_anonymises_and_scans_a_workbook() {
        let dir = temp_dir("xlsx");
        let input = dir.join("brandwatch.xlsx");
        std::fs::write(&input, brandwatch()).unwrap();
        let out = run(&["anonymise", input.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = std::fs::read(dir.join("brandwatch.anon.xlsx")).unwrap();
        let sheets = cells(&written);
        assert_eq!(sheets.len(), 2);
        assert!(!format!("{sheets:?}").contains("Lotte"), "{sheets:?}");
        let out = run(&["scan", input.to_str().unwrap()]);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(r#""field":"Author""#), "{text}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
