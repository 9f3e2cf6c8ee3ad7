//! Tables inside export zips: a LinkedIn-style export (a zip of CSVs, made by us under
//! `tests/data/linkedin/`), a UTF-16 Meltwater table, a text file and (feature `xlsx`) a
//! workbook. Round trip with a keep-everything policy, nothing lost, golden outputs, names
//! learned across entries, scan, malformed entries.
//!
//! Golden outputs (`tests/data/linkedin/golden/`) use an engine without detectors (deny
//! list and learned names only), so they hold whatever the detectors do; after a deliberate
//! change, rewrite them with `WEGLAKKER_BLESS=1 cargo test --test formats_zip_tables`.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use weglakker::formats::{csv, json, zip};
use weglakker::report::Report;
use weglakker::{Anonymiser, Engine, Kind, Operator, Policy};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(data(name)).unwrap()
}

/// The LinkedIn fixtures and their records.
const LINKEDIN: &[(&str, u64)] = &[
    ("Connections.csv", 3),
    ("Messages.csv", 2),
    ("Comments.csv", 2),
    ("Profile.csv", 1),
];

/// Not LinkedIn's: a UTF-16LE Meltwater table (3 records) and a text note (1 record).
const OTHER_RECORDS: u64 = 3 + 1;

const NOTE: &str = "Notitie: Pieter de Groot belde over de brug.\n";

/// A LinkedIn-style export zip: the fixtures, a UTF-16 table, a note, a picture and a
/// directory.
fn export_zip(compression: ::zip::CompressionMethod) -> Vec<u8> {
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = ::zip::write::SimpleFileOptions::default().compression_method(compression);
    for (name, _) in LINKEDIN {
        w.start_file(*name, opts).unwrap();
        w.write_all(&read(&format!("linkedin/{name}"))).unwrap();
    }
    w.add_directory("media/", opts).unwrap();
    w.start_file("media/profielfoto.jpg", opts).unwrap();
    w.write_all(b"\xFF\xD8\xFF\xE0 not really a picture \x00\x01")
        .unwrap();
    w.start_file("monitoring/meltwater.csv", opts).unwrap();
    w.write_all(&read("csv/meltwater.csv")).unwrap();
    w.start_file("notes/notitie.txt", opts).unwrap();
    w.write_all(NOTE.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

/// (name, content) of every entry.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            f.read_to_end(&mut content).unwrap();
            (f.name().to_string(), content)
        })
        .collect()
}

fn entry<'a>(entries: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &entries.iter().find(|(n, _)| n == name).unwrap().1
}

fn keep_all() -> Policy {
    let mut policy = Policy::default();
    for kind in Kind::ALL {
        policy.operators.insert(kind, Operator::Keep);
    }
    policy
}

fn golden_policy() -> Policy {
    Policy::from_json(
        r#"{"version": 1, "deny": [{"term": "p.degroot@example.nl", "kind": "email"}]}"#,
    )
    .unwrap()
}

fn engine_without_detectors(policy: &Policy) -> Engine {
    policy.engine_builder().kinds([]).build()
}

fn anonymise(bytes: &[u8], policy: &Policy, engine: &Engine) -> (Vec<u8>, Report) {
    let mut report = Report::new(policy);
    let out = zip::anonymise(
        bytes,
        None,
        engine,
        policy,
        &mut Anonymiser::new(policy),
        &mut report,
    )
    .unwrap();
    (out, report)
}

/// The records of a CSV entry, as the csv module reads them.
fn records(bytes: &[u8], policy: &Policy) -> usize {
    let (_, text) = csv::read(bytes);
    let options = weglakker::formats::linkedin::OPTIONS;
    csv::Table::parse(&text, options, policy)
        .unwrap()
        .records()
        .count()
}

#[test]
fn keep_all_keeps_every_entry_and_counts_every_record() {
    let all: u64 = LINKEDIN.iter().map(|(_, n)| n).sum::<u64>() + OTHER_RECORDS;
    for compression in [
        ::zip::CompressionMethod::Deflated,
        ::zip::CompressionMethod::Stored,
    ] {
        let bytes = export_zip(compression);
        for engine in [
            Policy::default().engine_builder().build(),
            engine_without_detectors(&Policy::default()),
        ] {
            let policy = keep_all();
            let (out, report) = anonymise(&bytes, &policy, &engine);
            assert!(
                entries(&out) == entries(&bytes),
                "keep-all changed an entry"
            );
            assert_eq!(report.records.scanned, all);
            assert_eq!(report.records.written, all);
            assert!(report.records.dropped.is_empty());
        }
    }
}

#[test]
fn golden_entries_and_nothing_lost() {
    let policy = golden_policy();
    let bytes = export_zip(::zip::CompressionMethod::Deflated);
    let (out, report) = anonymise(&bytes, &policy, &engine_without_detectors(&policy));
    let (before, after) = (entries(&bytes), entries(&out));
    let names = |e: &[(String, Vec<u8>)]| e.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&after), names(&before));
    let bless = std::env::var_os("WEGLAKKER_BLESS").is_some();
    for (name, records_in) in LINKEDIN {
        let new = entry(&after, name);
        let golden = data("linkedin/golden").join(name);
        if bless {
            std::fs::write(&golden, new).unwrap();
        }
        assert!(
            new == std::fs::read(&golden).unwrap(),
            "{name}: differs from {}",
            golden.display()
        );
        // Nothing lost: every record of every table is still there.
        assert_eq!(records(new, &policy), *records_in as usize, "{name}");
    }
    let all: u64 = LINKEDIN.iter().map(|(_, n)| n).sum::<u64>() + OTHER_RECORDS;
    assert_eq!(report.records.written, all);
    // The picture is copied as it was.
    let picture = "media/profielfoto.jpg";
    assert_eq!(entry(&after, picture), entry(&before, picture));
}

#[test]
fn names_are_learned_across_entries() {
    let policy = golden_policy();
    let bytes = export_zip(::zip::CompressionMethod::Deflated);
    let (out, _) = anonymise(&bytes, &policy, &engine_without_detectors(&policy));
    let after = entries(&out);
    let text = |name: &str| String::from_utf8(entry(&after, name).to_vec()).unwrap();
    // Pieter de Groot writes in Messages.csv (FROM); the note names him too, and the
    // pseudonym is the same one.
    let messages = text("Messages.csv");
    let from = messages.lines().nth(1).unwrap().split(',').nth(2).unwrap();
    assert!(from.starts_with("[PERSOON-"), "{messages}");
    let note = text("notes/notitie.txt");
    assert_eq!(note, format!("Notitie: {from} belde over de brug.\n"));
    // Fatima El Amrani is a connection (first and last name columns); her name in a
    // comment goes too.
    let comments = text("Comments.csv");
    assert!(
        !comments.contains("Fatima") && !comments.contains("Amrani"),
        "{comments}"
    );
    // The backslash-escaped quotes of Comments.csv stay as they were.
    assert!(
        comments.contains(r#"\"de stad is van iedereen\""#),
        "{comments}"
    );
    // The UTF-16 table is still UTF-16 (its authors are learned too).
    let meltwater = entry(&after, "monitoring/meltwater.csv");
    assert!(meltwater.starts_with(b"\xFF\xFE"));
    assert!(meltwater != entry(&entries(&bytes), "monitoring/meltwater.csv"));
}

#[test]
fn default_policy_leaves_no_name_handle_or_profile() {
    let policy = Policy::default();
    let bytes = export_zip(::zip::CompressionMethod::Deflated);
    let (out, _) = anonymise(&bytes, &policy, &policy.engine_builder().build());
    for (name, content) in entries(&out) {
        if !name.ends_with(".csv") || name.starts_with("monitoring/") {
            continue;
        }
        let text = String::from_utf8(content).unwrap();
        for secret in [
            "Karin",
            "Visser",
            "Pieter",
            "Groot",
            "Fatima",
            "Amrani",
            "Jansen",
            "jjansen_hoorn",
            "karin-visser-0a1b2c",
            "/in/pdegroot",
            "p.degroot@example.nl",
        ] {
            assert!(!text.contains(secret), "{name} keeps {secret}:\n{text}");
        }
    }
}

#[test]
fn scan_lists_table_cells_with_their_roles() {
    let policy = Policy::default();
    let bytes = export_zip(::zip::CompressionMethod::Stored);
    let found = zip::scan(&bytes, None, &policy.engine_builder().build(), &policy).unwrap();
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Connections.csv",
            "Messages.csv",
            "Comments.csv",
            "Profile.csv",
            "monitoring/meltwater.csv",
            "notes/notitie.txt"
        ]
    );
    let (_, messages) = &found[1];
    let from = messages
        .iter()
        .find(|s| s.record == 0 && s.field == "FROM")
        .unwrap();
    assert_eq!(from.role, json::Role::Identifying(Kind::Person));
    assert_eq!(from.text, "Pieter de Groot");
    assert_eq!(from.id, serde_json::Value::Null);
    let content = messages
        .iter()
        .find(|s| s.record == 1 && s.field == "CONTENT")
        .unwrap();
    assert_eq!(content.role, json::Role::Text);
    // Karin and Visser are learned from Connections.csv (first and last name columns).
    for name in ["Karin", "Visser"] {
        assert!(
            content
                .findings
                .iter()
                .any(|f| content.text[f.span.range()].contains(name)),
            "{name}: {content:?}"
        );
    }
    let (_, note) = &found[5];
    assert_eq!(
        (note[0].field.as_str(), note[0].text.as_str()),
        ("text", NOTE)
    );
}

#[test]
fn a_bad_table_entry_is_an_error_naming_the_entry_and_line() {
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = ::zip::write::SimpleFileOptions::default();
    w.start_file("Comments.csv", opts).unwrap();
    w.write_all(b"Date,Link,Message\n2024-01-01,x,\"open\n")
        .unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let policy = Policy::default();
    let engine = policy.engine_builder().build();
    let mut report = Report::new(&policy);
    let err = zip::anonymise(
        &bytes,
        None,
        &engine,
        &policy,
        &mut Anonymiser::new(&policy),
        &mut report,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(err, "Comments.csv: 2: unclosed quote in this record");
    let err = zip::scan(&bytes, None, &engine, &policy)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "Comments.csv: 2: unclosed quote in this record");
}

#[cfg(feature = "xlsx")]
#[test]
fn workbook_entries_are_rewritten_only_when_a_cell_changes() {
    use weglakker::formats::xlsx::Workbook;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["Auteur", "Bericht", "Likes"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "Karin Visser").unwrap();
    sheet
        .write_string(1, 1, "Dank aan Pieter de Groot voor de tip")
        .unwrap();
    sheet.write_number(1, 2, 12.0).unwrap();
    let xlsx = book.save_to_buffer().unwrap();
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = ::zip::write::SimpleFileOptions::default();
    w.start_file("Messages.csv", opts).unwrap();
    w.write_all(&read("linkedin/Messages.csv")).unwrap();
    w.start_file("brandwatch/export.xlsx", opts).unwrap();
    w.write_all(&xlsx).unwrap();
    let bytes = w.finish().unwrap().into_inner();

    let (out, report) = anonymise(&bytes, &keep_all(), &engine_without_detectors(&keep_all()));
    assert!(
        entries(&out) == entries(&bytes),
        "keep-all changed an entry"
    );
    assert_eq!(report.records.written, 2 + 1);

    let policy = golden_policy();
    let (out, _) = anonymise(&bytes, &policy, &engine_without_detectors(&policy));
    let after = Workbook::read(entry(&entries(&out), "brandwatch/export.xlsx"), &policy).unwrap();
    let strings: Vec<String> = after.sheets[0]
        .cells
        .iter()
        .map(|(_, _, d)| d.to_string())
        .collect();
    // The author is replaced; the name learned from Messages.csv (its first author, so
    // pseudonym 1) is caught in the text.
    assert!(strings[3].starts_with("[PERSOON-"), "{strings:?}");
    assert_ne!(strings[3], "[PERSOON-1]", "{strings:?}");
    assert_eq!(
        strings[4], "Dank aan [PERSOON-1] voor de tip",
        "{strings:?}"
    );
    assert_eq!(strings[5], "12", "{strings:?}");
}
