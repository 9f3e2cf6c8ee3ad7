//! Triage and per-finding `keep` for every record format (issues 5 and 6), through
//! `formats::process` (the page's entry point) and the CLI.
//!
//! Each fixture in tests/data/triage/ (made by us) holds the same four reactions in its
//! format: a question on an official channel (archive), praise (not archived), a question
//! under someone else's post (refer to the channel) and a second question on an official
//! channel. The deny list makes `Zeemeeuw` a finding in the first and the last.

use std::io::{Cursor, Read, Write};
use weglakker::formats::process::{process, Options, Processed};
use weglakker::formats::Format;
use weglakker::{Finding, Policy};

const POLICY: &str = r#"{"version": 1, "deny": ["Zeemeeuw"], "officialChannels": [
    "x:@DefensieNL", "facebook:Defensie", "instagram:@defensie",
    "mastodon:@defensie@social.overheid.nl"]}"#;

/// What the four reactions are decided.
const DECISIONS: [&str; 4] = [
    "archive",
    "not_archived_sentiment",
    "refer_channel",
    "archive",
];

fn policy() -> Policy {
    Policy::from_json(POLICY).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/data/triage/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The text-record fixtures: (format, file).
const FILES: &[(Format, &str)] = &[
    (Format::Json, "reactions.json"),
    (Format::XArchive, "tweets.js"),
    (Format::Facebook, "graph_comments.json"),
    (Format::Instagram, "post_comments_1.json"),
    (Format::Mastodon, "context.json"),
    (Format::Csv, "reactions.csv"),
];

/// The JSON fixture's reactions as JSON Lines.
fn reactions_jsonl() -> Vec<u8> {
    let all: Vec<serde_json::Value> = serde_json::from_slice(&fixture("reactions.json")).unwrap();
    all.iter()
        .map(|r| r.to_string() + "\n")
        .collect::<String>()
        .into_bytes()
}

/// The records a JSON Lines output holds.
fn jsonl_records(output: &[u8]) -> usize {
    let text = std::str::from_utf8(output).unwrap();
    let lines = text.lines().filter(|l| !l.trim().is_empty());
    lines
        .filter(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .unwrap()
                .is_object()
        })
        .count()
}

/// A zip with three of the fixtures and a picture: records numbered across entries.
fn zip_fixture() -> Vec<u8> {
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = ::zip::write::SimpleFileOptions::default();
    w.start_file("data/tweets.js", opts).unwrap();
    w.write_all(&fixture("tweets.js")).unwrap();
    w.start_file("media/1.jpg", opts).unwrap();
    w.write_all(b"\xFF\xD8\xFF").unwrap();
    w.start_file("context.json", opts).unwrap();
    w.write_all(&fixture("context.json")).unwrap();
    w.start_file("reacties.jsonl", opts).unwrap();
    w.write_all(&reactions_jsonl()).unwrap();
    w.finish().unwrap().into_inner()
}

/// The records the entries of an output zip hold.
fn zip_records(output: &[u8]) -> usize {
    unzip(output)
        .iter()
        .map(|(name, content)| match name.rsplit('.').next() {
            Some("js") => json_records(Format::XArchive, content),
            Some("json") => json_records(Format::Mastodon, content),
            Some("jsonl") => jsonl_records(content),
            _ => 0,
        })
        .sum()
}

/// The entries of a zip: (name, content).
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().to_string(), content)
        })
        .collect()
}

/// The records a JSON-family output (or one zip entry) holds, parsed: the record array's
/// length; the output must be valid JSON after an X archive's assignment.
fn json_records(format: Format, output: &[u8]) -> usize {
    let text = std::str::from_utf8(output).unwrap();
    let json = match text.find('=') {
        Some(i) if format == Format::XArchive => &text[i + 1..],
        _ => text,
    };
    let value: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{format:?}: {e}\n{text}"));
    let array = match format {
        Format::Facebook => &value["data"],
        Format::Mastodon => &value["descendants"],
        _ => &value,
    };
    array.as_array().unwrap().len()
}

/// The records a CSV output holds (rows after the header).
fn csv_records(output: &[u8]) -> usize {
    let text = std::str::from_utf8(output).unwrap();
    let table = weglakker::formats::csv::Table::parse(text, Default::default(), &policy()).unwrap();
    table.records().count()
}

fn run(format: Format, input: &[u8], options: Options<'_>) -> Processed {
    let options = Options { format, ..options };
    process(input, &policy(), &options).unwrap_or_else(|e| panic!("{format:?}: {e}"))
}

fn decisions(done: &Processed) -> Vec<&'static str> {
    done.records
        .iter()
        .map(|r| r.triage.as_ref().map_or("none", |t| t.decision.id()))
        .collect()
}

/// Nothing lost: every record read is written or dropped with its decision as reason.
fn assert_counts(done: &Processed, read: u64, written: u64) {
    let records = &done.report.records;
    let dropped: u64 = records.dropped.values().sum();
    assert_eq!(records.scanned, read);
    assert_eq!(records.written, written);
    assert_eq!(records.scanned, records.written + dropped);
    for decision in ["not_archived_sentiment", "refer_channel"] {
        let n = DECISIONS.iter().filter(|d| **d == decision).count() as u64 * read / 4;
        assert_eq!(records.dropped.get(decision).copied().unwrap_or(0), n);
        assert_eq!(done.report.decisions.get(decision).copied().unwrap_or(0), n);
    }
}

#[test]
fn triage_leaves_out_what_is_not_archived_in_every_format() {
    for (format, file) in FILES {
        let options = Options {
            triage: true,
            records: true,
            ..Options::new(*format)
        };
        let done = run(*format, &fixture(file), options);
        assert_eq!(decisions(&done), DECISIONS, "{format:?}");
        let written: Vec<bool> = done.records.iter().map(|r| r.written).collect();
        assert_eq!(written, [true, false, false, true], "{format:?}");
        let left = match format {
            Format::Csv => csv_records(&done.output),
            _ => json_records(*format, &done.output),
        };
        assert_eq!(left, 2, "{format:?}");
        let output = String::from_utf8_lossy(&done.output);
        assert!(!output.contains("prachtige"), "{format:?}: {output}");
        assert!(!output.contains("Hoe kan ik"), "{format:?}: {output}");
        assert!(
            output.contains("route naar [PERSOON-"),
            "{format:?}: {output}"
        );
        assert!(!output.contains("Zeemeeuw"), "{format:?}: {output}");
        assert_counts(&done, 4, 2);
    }
}

#[test]
fn without_triage_every_record_is_written_and_still_has_its_decision() {
    for (format, file) in FILES {
        let options = Options {
            records: true,
            ..Options::new(*format)
        };
        let done = run(*format, &fixture(file), options);
        assert_eq!(decisions(&done), DECISIONS, "{format:?}");
        assert!(done.records.iter().all(|r| r.written), "{format:?}");
        assert!(done.report.records.dropped.is_empty(), "{format:?}");
        assert_eq!(done.report.records.written, 4, "{format:?}");
    }
}

#[test]
fn triage_in_a_zip_numbers_records_across_entries() {
    let options = Options {
        triage: true,
        records: true,
        first_record: 5,
        ..Options::new(Format::Zip)
    };
    let done = run(Format::Zip, &zip_fixture(), options);
    let want: Vec<&str> = DECISIONS.iter().cycle().take(12).copied().collect();
    assert_eq!(decisions(&done), want);
    let numbers: Vec<usize> = done.records.iter().map(|r| r.number).collect();
    assert_eq!(numbers, (5..17).collect::<Vec<_>>());
    let entries = unzip(&done.output);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "data/tweets.js",
            "media/1.jpg",
            "context.json",
            "reacties.jsonl"
        ]
    );
    assert_eq!(json_records(Format::XArchive, &entries[0].1), 2);
    assert_eq!(entries[1].1, b"\xFF\xD8\xFF");
    assert_eq!(json_records(Format::Mastodon, &entries[2].1), 2);
    assert_eq!(jsonl_records(&entries[3].1), 2);
    assert_eq!(zip_records(&done.output), 6);
    assert_counts(&done, 12, 6);
}

/// The first finding of `Zeemeeuw` the review shows in a field whose name starts with
/// `prefix`: (record, field, start).
fn first_zeemeeuw(done: &Processed, prefix: &str) -> (usize, String, usize) {
    for record in &done.records {
        for field in done_fields(record, prefix) {
            for f in &field.findings {
                if &field.text[f.span.range()] == "Zeemeeuw" {
                    return (record.number, field.name.clone(), f.span.start);
                }
            }
        }
    }
    panic!("no Zeemeeuw finding")
}

fn done_fields<'r>(
    record: &'r weglakker::formats::process::Record,
    prefix: &'r str,
) -> impl Iterator<Item = &'r weglakker::formats::process::Field> {
    record
        .fields
        .iter()
        .filter(move |f| f.name.starts_with(prefix))
}

/// Keeping the one finding the review shows leaves exactly that value in the output.
fn assert_keep(format: Format, input: &[u8]) {
    assert_keep_in(format, input, "");
}

/// [`assert_keep`], the finding chosen in a field whose name starts with `prefix`.
fn assert_keep_in(format: Format, input: &[u8], prefix: &str) {
    let review = run(
        format,
        input,
        Options {
            records: true,
            ..Options::new(format)
        },
    );
    let chosen = first_zeemeeuw(&review, prefix);
    let keep = |record: usize, field: &str, _: &str, f: &Finding| {
        (record, field, f.span.start) == (chosen.0, chosen.1.as_str(), chosen.2)
    };
    let options = Options {
        records: true,
        keep: Some(&keep),
        ..Options::new(format)
    };
    let done = run(format, input, options);
    let text = output_text(format, &done.output);
    assert_eq!(text.matches("Zeemeeuw").count(), 1, "{format:?}: {text}");
    // The first finding is in each fixture's first reaction, after "Groet,".
    assert!(text.contains("Groet, Zeemeeuw"), "{format:?}: {text}");
    if format == Format::Zip {
        let entry = chosen.1.split(':').next().unwrap();
        let entries = unzip(&done.output);
        let (_, content) = entries.iter().find(|(n, _)| n == entry).unwrap();
        assert!(
            String::from_utf8_lossy(content).contains("Zeemeeuw"),
            "{entry}"
        );
    }
    assert!(text.contains("[PERSOON-1]"), "{format:?}: {text}");
    // The kept finding is the one in the chosen record: its text is in the output as is.
    let kept: Vec<(usize, &str)> = done
        .records
        .iter()
        .flat_map(|r| r.fields.iter().map(move |f| (r.number, f)))
        .flat_map(|(n, f)| {
            f.findings
                .iter()
                .filter(|x| x.allowed)
                .map(move |_| (n, f.name.as_str()))
        })
        .collect();
    assert_eq!(kept, [(chosen.0, chosen.1.as_str())], "{format:?}");
    // Without `keep`, none is left.
    let plain = run(format, input, Options::new(format));
    assert!(
        !output_text(format, &plain.output).contains("Zeemeeuw"),
        "{format:?}"
    );
}

/// The text of an output: a zip's entries, a workbook's cells, else the output itself.
fn output_text(format: Format, output: &[u8]) -> String {
    match format {
        Format::Zip => unzip(output)
            .into_iter()
            .map(|(_, c)| String::from_utf8_lossy(&c).into_owned())
            .collect(),
        #[cfg(feature = "xlsx")]
        Format::Xlsx => xlsx::rows(output)
            .into_iter()
            .map(|r| r.join(";") + "\n")
            .collect(),
        _ => String::from_utf8_lossy(output).into_owned(),
    }
}

#[test]
fn keep_of_one_finding_leaves_exactly_that_value_in_every_format() {
    for (format, file) in FILES {
        assert_keep(*format, &fixture(file));
    }
    assert_keep(Format::Zip, &zip_fixture());
    // the JSON Lines entry of the zip, after two documents
    assert_keep_in(Format::Zip, &zip_fixture(), "reacties.jsonl:");
}

#[test]
fn keep_of_an_identifying_value_leaves_it() {
    // The review shows a Graph API commenter's name as one finding; kept, it stays.
    let input = fixture("graph_comments.json");
    let keep = |_: usize, field: &str, text: &str, _: &Finding| {
        field == "data/2/from/name" && text == "Ilse Verbeek"
    };
    let options = Options {
        keep: Some(&keep),
        ..Options::new(Format::Facebook)
    };
    let done = run(Format::Facebook, &input, options);
    let output = String::from_utf8_lossy(&done.output);
    assert!(output.contains("\"Ilse Verbeek\""), "{output}");
    assert!(!output.contains("Henk Smits"), "{output}");
}

#[test]
fn overrides_name_json_records_by_id() {
    let policy = Policy::from_json(
        r#"{"version": 1, "officialChannels": ["x:@DefensieNL"],
            "triageOverrides": {"1800000000000000002": "archive"}}"#,
    )
    .unwrap();
    let options = Options {
        triage: true,
        records: true,
        ..Options::new(Format::XArchive)
    };
    let done = process(&fixture("tweets.js"), &policy, &options).unwrap();
    assert_eq!(decisions(&done)[1], "archive");
    assert!(String::from_utf8_lossy(&done.output).contains("prachtige"));
}

#[cfg(feature = "xlsx")]
mod xlsx {
    use super::*;

    /// A workbook with the four reactions on one sheet.
    fn workbook() -> Vec<u8> {
        let table = fixture("reactions.csv");
        let text = String::from_utf8(table).unwrap();
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (row, line) in text.lines().enumerate() {
            for (col, cell) in line.split(';').enumerate() {
                sheet
                    .write_string(row as u32, col as u16, cell.trim_matches('"'))
                    .unwrap();
            }
        }
        book.save_to_buffer().unwrap()
    }

    /// The rows of the first sheet, as text.
    pub(super) fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        use calamine::Reader;
        let mut book = calamine::Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range_at(0).unwrap().unwrap();
        range
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn triage_and_keep_in_a_workbook() {
        let input = workbook();
        let options = Options {
            triage: true,
            records: true,
            ..Options::new(Format::Xlsx)
        };
        let done = run(Format::Xlsx, &input, options);
        assert_eq!(decisions(&done), DECISIONS);
        let rows = rows(&done.output);
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[1][0], "c1");
        assert_eq!(rows[2][0], "c4");
        assert_counts(&done, 4, 2);
        assert_keep(Format::Xlsx, &input);
    }
}

/// The CLI: `triage` and `anonymise --triage` read every format.
mod cli {
    use super::*;
    use std::process::Command;

    const BIN: &str = env!("CARGO_BIN_EXE_weglakker");

    fn dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "weglakker-triage-formats-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn triage_writes_a_decision_per_record_for_every_format() {
        let dir = dir("triage");
        let policy = dir.join("policy.json");
        std::fs::write(&policy, POLICY).unwrap();
        let zip = dir.join("export.zip");
        std::fs::write(&zip, zip_fixture()).unwrap();
        let mut inputs: Vec<(std::path::PathBuf, usize)> = FILES
            .iter()
            .map(|(_, f)| {
                (
                    format!("{}/tests/data/triage/{f}", env!("CARGO_MANIFEST_DIR")).into(),
                    4,
                )
            })
            .collect();
        inputs.push((zip, 12));
        for (input, count) in inputs {
            let out = Command::new(BIN)
                .args(["triage", "--policy"])
                .arg(&policy)
                .arg(&input)
                .output()
                .unwrap();
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
            assert_eq!(lines.len(), count, "{input:?}");
            for (i, line) in lines.iter().enumerate() {
                assert_eq!(line["record"], i, "{input:?}");
                assert_eq!(line["decision"], DECISIONS[i % 4], "{input:?}");
                assert!(line["id"].is_string(), "{input:?}");
            }
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn anonymise_triage_leaves_records_out_of_json_and_zip() {
        let dir = dir("anonymise");
        let policy = dir.join("policy.json");
        std::fs::write(&policy, POLICY).unwrap();
        let zip = dir.join("export.zip");
        std::fs::write(&zip, zip_fixture()).unwrap();
        let tweets = dir.join("tweets.js");
        std::fs::write(&tweets, fixture("tweets.js")).unwrap();
        for (input, output, read) in [
            (&tweets, "tweets.anon.js", 4),
            (&zip, "export.anon.zip", 12),
        ] {
            let report = dir.join("report.json");
            let out = Command::new(BIN)
                .args(["anonymise", "--triage", "--policy"])
                .arg(&policy)
                .arg("--report")
                .arg(&report)
                .arg(input)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let written = std::fs::read(dir.join(output)).unwrap();
            let left = match output.ends_with(".zip") {
                true => zip_records(&written),
                false => json_records(Format::XArchive, &written),
            };
            assert_eq!(left, read / 2, "{output}");
            let report: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
            assert_eq!(report["records"]["scanned"], read as u64);
            assert_eq!(report["records"]["written"], read as u64 / 2);
            assert_eq!(
                report["records"]["dropped"]["refer_channel"],
                read as u64 / 4
            );
            assert_eq!(
                report["records"]["dropped"]["not_archived_sentiment"],
                read as u64 / 4
            );
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn a_document_that_is_one_record_becomes_empty_when_left_out() {
    // A single API status (GET /api/v1/statuses/:id) is one record.
    let input =
        br#"{"id": "1", "content": "<p>Wat een prachtige foto&#39;s, trots op jullie!</p>"}"#;
    let options = Options {
        triage: true,
        ..Options::new(Format::Mastodon)
    };
    let done = run(Format::Mastodon, input, options);
    assert_eq!(done.output, b"{}");
    let records = &done.report.records;
    assert_eq!((records.scanned, records.written), (1, 0));
    assert_eq!(records.dropped.get("not_archived_sentiment"), Some(&1));
}

/// A zip of tables (as LinkedIn exports are): a CSV entry and a text entry after a picture.
fn table_zip_fixture() -> Vec<u8> {
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = ::zip::write::SimpleFileOptions::default();
    w.start_file("media/1.jpg", opts).unwrap();
    w.write_all(b"\xFF\xD8\xFF").unwrap();
    w.start_file("reacties.csv", opts).unwrap();
    w.write_all(&fixture("reactions.csv")).unwrap();
    w.finish().unwrap().into_inner()
}

// Regression of the merge of table entries in zips with triage: a CSV entry's rows are
// records like a JSON entry's items (decided, left out, kept by hand).
#[test]
fn triage_and_keep_reach_table_entries_in_a_zip() {
    let options = Options {
        triage: true,
        records: true,
        ..Options::new(Format::Zip)
    };
    let done = run(Format::Zip, &table_zip_fixture(), options);
    assert_eq!(decisions(&done), DECISIONS);
    let entries = unzip(&done.output);
    assert_eq!(entries[0].1, b"\xFF\xD8\xFF");
    assert_eq!(csv_records(&entries[1].1), 2);
    assert_counts(&done, 4, 2);
    assert_keep_in(Format::Zip, &table_zip_fixture(), "reacties.csv:");
}
