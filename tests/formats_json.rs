//! The JSON family (json, x-archive, facebook, instagram, mastodon) and export zips, on the
//! fixtures in tests/data/json (synthetic people, written after the published structures).
//!
//! Golden outputs are made with the detectors switched off (only learned terms, the deny
//! list and identifying fields), so they test the formats, not the detectors. After a
//! deliberate change, rewrite them with `WEGLAKKER_BLESS=1 cargo test --test formats_json`.

use serde_json::Value;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use weglakker::formats::{json, zip, Format};
use weglakker::report::Report;
use weglakker::{Anonymiser, Engine, Kind, Operator, Policy};

const BIN: &str = env!("CARGO_BIN_EXE_weglakker");

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/json")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap()
}

/// A fixture, its format and how many records it holds.
struct Case {
    file: &'static str,
    format: Format,
    records: usize,
    /// Meta exports are repaired from mojibake, so not byte-identical on a round trip.
    byte_identical: bool,
}

const CASES: &[Case] = &[
    Case {
        file: "generic.json",
        format: Format::Json,
        records: 2,
        byte_identical: true,
    },
    Case {
        file: "x/tweets.js",
        format: Format::XArchive,
        records: 3,
        byte_identical: true,
    },
    Case {
        file: "x/note-tweet.js",
        format: Format::XArchive,
        records: 1,
        byte_identical: true,
    },
    Case {
        file: "facebook/your_posts_1.json",
        format: Format::Facebook,
        records: 2,
        byte_identical: false,
    },
    Case {
        file: "facebook/comments.json",
        format: Format::Facebook,
        records: 2,
        byte_identical: false,
    },
    Case {
        file: "facebook/graph_comments.json",
        format: Format::Facebook,
        records: 2,
        byte_identical: true,
    },
    Case {
        file: "instagram/post_comments_1.json",
        format: Format::Instagram,
        records: 2,
        byte_identical: false,
    },
    Case {
        file: "instagram/reels_comments.json",
        format: Format::Instagram,
        records: 1,
        byte_identical: false,
    },
    Case {
        file: "mastodon/outbox.json",
        format: Format::Mastodon,
        records: 2,
        byte_identical: true,
    },
    Case {
        file: "mastodon/context.json",
        format: Format::Mastodon,
        records: 1,
        byte_identical: true,
    },
];

/// A policy that keeps every kind: the round-trip policy.
fn keep_all() -> Policy {
    let mut policy = Policy::default();
    for kind in Kind::ALL {
        policy.operators.insert(kind, Operator::Keep);
    }
    policy
}

fn golden_policy() -> Policy {
    Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap()
}

/// The policy's engine with every detector off: only deny terms and learned terms.
fn engine_without_detectors(policy: &Policy) -> Engine {
    policy.engine_builder().kinds([]).build()
}

fn anonymise(text: &str, format: Format, policy: &Policy, engine: &Engine) -> (String, Report) {
    let doc = json::Document::parse(text).unwrap();
    let profile = json::profile(format).unwrap();
    let mut report = Report::new(policy);
    let out = json::anonymise(
        &doc,
        profile,
        engine,
        policy,
        &mut Anonymiser::new(policy),
        &mut report,
    );
    (out, report)
}

/// The JSON of a text, after an X archive's assignment.
fn value(text: &str) -> Value {
    let doc = json::Document::parse(text).unwrap();
    serde_json::from_str(doc.raw).unwrap()
}

/// A value with every string repaired from mojibake.
fn repaired(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(json::repair_mojibake(s).into_owned()),
        Value::Array(items) => Value::Array(items.iter().map(repaired).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), repaired(v))).collect())
        }
        other => other.clone(),
    }
}

/// The shape of a value: keys in order, array lengths and types; strings all alike.
fn shape(v: &Value) -> Value {
    match v {
        Value::String(_) => Value::String(String::new()),
        Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), shape(v))).collect())
        }
        other => other.clone(),
    }
}

#[test]
fn round_trip_with_keep_all_changes_nothing() {
    let policy = keep_all();
    let engine = policy.engine_builder().build();
    for case in CASES {
        let text = read(case.file);
        let (out, _) = anonymise(&text, case.format, &policy, &engine);
        if case.byte_identical {
            assert_eq!(out, text, "{}", case.file);
        } else {
            // Only the mojibake is repaired: the same text, properly encoded.
            assert_ne!(out, text, "{}: has mojibake to repair", case.file);
            assert_eq!(value(&out), repaired(&value(&text)), "{}", case.file);
        }
    }
}

#[test]
fn nothing_lost_every_record_counted() {
    let policy = golden_policy();
    let engine = engine_without_detectors(&policy);
    for case in CASES {
        let (_, report) = anonymise(&read(case.file), case.format, &policy, &engine);
        assert_eq!(report.records.scanned, case.records as u64, "{}", case.file);
        assert_eq!(report.records.written, case.records as u64, "{}", case.file);
        let doc_text = read(case.file);
        let doc = json::Document::parse(&doc_text).unwrap();
        assert_eq!(
            json::records(&doc, json::profile(case.format).unwrap()),
            case.records,
            "{}",
            case.file
        );
    }
}

#[test]
fn golden_outputs() {
    let bless = std::env::var_os("WEGLAKKER_BLESS").is_some();
    for case in CASES {
        let policy = golden_policy();
        let (out, _) = anonymise(
            &read(case.file),
            case.format,
            &policy,
            &engine_without_detectors(&policy),
        );
        let golden = data("golden").join(case.file.replace('/', "__"));
        if bless {
            std::fs::write(&golden, &out).unwrap();
        }
        let want = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("{}: no golden file", case.file));
        assert_eq!(out, want, "{}", case.file);
        // The output is valid JSON of the same shape: only strings changed.
        assert_eq!(
            shape(&value(&out)),
            shape(&value(&read(case.file))),
            "{}",
            case.file
        );
    }
}

/// Pseudonymises with the default policy and returns the output's JSON.
fn anonymised_value(file: &str, format: Format) -> Value {
    let policy = golden_policy();
    let (out, _) = anonymise(
        &read(file),
        format,
        &policy,
        &engine_without_detectors(&policy),
    );
    value(&out)
}

#[test]
fn x_archive_mentions_match_their_accounts() {
    let out = anonymised_value("x/tweets.js", Format::XArchive);
    let tweet = &out[0]["tweet"];
    let handle = tweet["entities"]["user_mentions"][0]["screen_name"]
        .as_str()
        .unwrap();
    let name = tweet["entities"]["user_mentions"][0]["name"]
        .as_str()
        .unwrap();
    let text = tweet["full_text"].as_str().unwrap();
    assert!(
        handle.starts_with("[ACCOUNT-") && name.starts_with("[PERSOON-"),
        "{handle} {name}"
    );
    // The mention and the name in the text get the identifying fields' pseudonyms.
    assert!(text.starts_with(&format!("{handle} Dank")), "{text}");
    assert!(text.contains(&format!(", {name}.")), "{text}");
    // HTML references stay encoded.
    assert!(
        text.contains("&amp; adressen") && text.contains("&gt; contact"),
        "{text}"
    );
    assert_eq!(tweet["in_reply_to_screen_name"], handle);
    // A mention in another tweet gets the same pseudonym.
    assert!(out[2]["tweet"]["full_text"]
        .as_str()
        .unwrap()
        .contains(&format!("en {handle} bedankt")));
    // Ids, dates and counts are kept.
    assert_eq!(tweet["id_str"], "1779861234567890001");
    assert_eq!(tweet["created_at"], "Mon Apr 15 10:00:00 +0000 2024");
    assert_eq!(
        out[1]["tweet"]["entities"]["urls"][0]["url"],
        "https://t.co/AbCdEf1234"
    );
    // The assignment is kept.
    let policy = golden_policy();
    let (text, _) = anonymise(
        &read("x/tweets.js"),
        Format::XArchive,
        &policy,
        &engine_without_detectors(&policy),
    );
    assert!(
        text.starts_with("window.YTD.tweets.part0 = [\n"),
        "{}",
        &text[..40]
    );
}

#[test]
fn meta_exports_repair_and_replace() {
    let posts = anonymised_value("facebook/your_posts_1.json", Format::Facebook);
    let post = posts[0]["data"][0]["post"].as_str().unwrap();
    // The tagged person (learned from `tags`) is replaced in the text; emoji repaired.
    assert!(
        post.contains("Met dank aan [PERSOON-1] voor") && post.ends_with('😁'),
        "{post}"
    );
    let exif = &posts[0]["attachments"][0]["data"][0]["media"]["media_metadata"]["photo_metadata"]
        ["exif_data"][0];
    assert_eq!(exif["upload_ip"], "[IP-ADRES-1]");
    assert_eq!(exif["taken_timestamp"], 1713170000);
    // Titles name third parties: those names are learned and replaced everywhere.
    let comments = anonymised_value("facebook/comments.json", Format::Facebook);
    let title = comments["comments_v2"][1]["title"].as_str().unwrap();
    let comment = comments["comments_v2"][1]["data"][0]["comment"]["comment"]
        .as_str()
        .unwrap();
    let owner = title
        .split(" commented on ")
        .nth(1)
        .unwrap()
        .trim_end_matches("'s post.");
    assert!(owner.starts_with("[PERSOON-"), "{title}");
    assert!(comment.starts_with(&format!("Dank {owner},")), "{comment}");
    // Graph API: the commenter's name is replaced in their own and others' messages.
    let graph = anonymised_value("facebook/graph_comments.json", Format::Facebook);
    let from = graph["data"][0]["from"]["name"].as_str().unwrap();
    assert!(graph["data"][0]["message"]
        .as_str()
        .unwrap()
        .ends_with(&format!("Groet, {from}")));
    assert!(graph["data"][1]["message"]
        .as_str()
        .unwrap()
        .starts_with(&format!("@{from} via")));
    assert_eq!(graph["paging"]["cursors"]["after"], "QVFIUmJ3VFV1");
    // Instagram: the media owner's handle matches the mention in a comment.
    let ig = anonymised_value("instagram/post_comments_1.json", Format::Instagram);
    let owner = ig[1]["string_map_data"]["Media Owner"]["value"]
        .as_str()
        .unwrap();
    let text = ig[0]["string_map_data"]["Comment"]["value"]
        .as_str()
        .unwrap();
    assert!(
        text.starts_with(&format!("{owner} graag")) && text.ends_with('👍'),
        "{text}"
    );
}

/// The tags of an HTML string, in order (`<p>`, `</span>`...), attributes left out.
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|t| t.split(['>', ' ']).next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn mastodon_html_keeps_its_markup() {
    let input = value(&read("mastodon/outbox.json"));
    let out = anonymised_value("mastodon/outbox.json", Format::Mastodon);
    for i in 0..2 {
        let before = input["orderedItems"][i]["object"]["content"]
            .as_str()
            .unwrap();
        let after = out["orderedItems"][i]["object"]["content"]
            .as_str()
            .unwrap();
        assert_eq!(tags(after), tags(before), "{after}");
    }
    let content = out["orderedItems"][0]["object"]["content"]
        .as_str()
        .unwrap();
    // The mention (learned from the `tag` list) and its link are replaced; `&amp;` stays.
    assert!(!content.contains("noor"), "{content}");
    assert!(
        content.contains("[ACCOUNT-") && content.contains("href=\"[URL-"),
        "{content}"
    );
    assert!(content.contains("regels &amp; voorwaarden"), "{content}");
    // `@noor@mastodon.example` in the tag list and `@noor` in the text: one pseudonym.
    let tag = out["orderedItems"][0]["object"]["tag"][0]["name"]
        .as_str()
        .unwrap();
    assert!(
        content.contains(&format!("\">{tag}<span></span></a>")),
        "{tag} {content}"
    );
    // Hashtag links and the public audience are kept.
    assert!(out["orderedItems"][1]["object"]["content"]
        .as_str()
        .unwrap()
        .contains("/tags/Veteranendag"));
    assert_eq!(
        out["orderedItems"][0]["to"][0],
        "https://www.w3.org/ns/activitystreams#Public"
    );
    // API statuses: the display name is replaced in the text too.
    let ctx = anonymised_value("mastodon/context.json", Format::Mastodon);
    let status = &ctx["descendants"][0];
    let name = status["account"]["display_name"].as_str().unwrap();
    assert!(status["content"]
        .as_str()
        .unwrap()
        .contains(&format!("Groet, {name}</p>")));
    assert_eq!(status["created_at"], "2024-04-15T10:30:00.000Z");
}

#[test]
fn formats_are_detected() {
    for case in CASES {
        let got = Format::detect(Some(&data(case.file)), &read(case.file)).unwrap();
        assert_eq!(got, case.format, "{}", case.file);
    }
}

#[test]
fn scan_names_fields_by_pointer_and_records_by_index() {
    let policy = golden_policy();
    let text = read("x/tweets.js");
    let doc = json::Document::parse(&text).unwrap();
    let found = json::scan(
        &doc,
        &weglakker::formats::xarchive::PROFILE,
        &engine_without_detectors(&policy),
        &policy,
    );
    let text_of = |field: &str| found.iter().find(|s| s.field == field).unwrap();
    let full = text_of("2/tweet/full_text");
    assert_eq!(
        (full.record, full.id.as_str()),
        (2, Some("1779881234567890003"))
    );
    // Offsets are in the decoded text (`&lt;` read as `<`).
    assert!(full.text.contains("<b> is geen"), "{}", full.text);
    let mention = &full.findings[0];
    assert_eq!(&full.text[mention.span.range()], "@m_yilmaz84");
    assert_eq!(
        text_of("0/tweet/in_reply_to_screen_name").findings[0].kind,
        Kind::Handle
    );
}

/// A zip of some fixtures, a picture and a directory.
fn export_zip(compression: ::zip::CompressionMethod) -> Vec<u8> {
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = ::zip::write::SimpleFileOptions::default().compression_method(compression);
    w.add_directory("data/", opts).unwrap();
    for (name, file) in [
        ("data/tweets.js", "x/tweets.js"),
        ("data/note-tweet.js", "x/note-tweet.js"),
        ("outbox.json", "mastodon/outbox.json"),
    ] {
        w.start_file(name, opts).unwrap();
        w.write_all(read(file).as_bytes()).unwrap();
    }
    w.start_file("data/tweets_media/1.jpg", opts).unwrap();
    w.write_all(b"\xFF\xD8\xFF\xE0 not really a picture \x00\x01")
        .unwrap();
    w.start_file("data/manifest.js", opts).unwrap();
    w.write_all(b"window.__THAR_CONFIG = {};").unwrap();
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

#[test]
fn zip_keeps_entries_and_unsupported_bytes() {
    for compression in [
        ::zip::CompressionMethod::Deflated,
        ::zip::CompressionMethod::Stored,
    ] {
        let bytes = export_zip(compression);
        // Keep-all: the same entries with the same bytes.
        let policy = keep_all();
        let mut report = Report::new(&policy);
        let out = zip::anonymise(
            &bytes,
            None,
            &policy.engine_builder().build(),
            &policy,
            &mut Anonymiser::new(&policy),
            &mut report,
        )
        .unwrap();
        assert!(
            entries(&out) == entries(&bytes),
            "keep-all changed an entry"
        );
        assert_eq!(report.records.written, 3 + 1 + 2);
        // Anonymised: same names in the same order, media and other files untouched.
        let policy = golden_policy();
        let mut report = Report::new(&policy);
        let out = zip::anonymise(
            &bytes,
            None,
            &engine_without_detectors(&policy),
            &policy,
            &mut Anonymiser::new(&policy),
            &mut report,
        )
        .unwrap();
        let (before, after) = (entries(&bytes), entries(&out));
        let names = |e: &[(String, Vec<u8>)]| e.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&after), names(&before));
        for ((name, old), (_, new)) in before.iter().zip(&after) {
            let changed = matches!(
                name.as_str(),
                "data/tweets.js" | "data/note-tweet.js" | "outbox.json"
            );
            assert_eq!(old != new, changed, "{name}");
        }
        // Names are learned across entries: the mention in note-tweet.js matches tweets.js.
        let tweets = String::from_utf8(after[1].1.clone()).unwrap();
        let notes = String::from_utf8(after[2].1.clone()).unwrap();
        let tweets = value(&tweets);
        let handle = tweets[2]["tweet"]["in_reply_to_screen_name"]
            .as_str()
            .unwrap();
        assert!(
            notes.contains(&format!("reactie aan {handle} over")),
            "{notes}"
        );
    }
}

/// Runs the binary; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("weglakker-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn malformed_input_is_a_located_error() {
    // A zip whose tweets entry is stored, with a byte of its data changed (bad CRC).
    let mut bad_entry = export_zip(::zip::CompressionMethod::Stored);
    let at = bad_entry
        .windows(9)
        .position(|w| w == b"\"tweet\" :")
        .unwrap();
    bad_entry[at + 1] = b'T';
    // A zip whose JSON entry is truncated.
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    w.start_file("outbox.json", ::zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(b"{\n  \"orderedItems\": [\n    {\"id\": 1")
        .unwrap();
    let truncated_entry = w.finish().unwrap().into_inner();
    let cases: &[(&str, &[u8], &str)] = &[
        // truncated JSON: line and column
        (
            "cut.json",
            b"[\n  {\"text\": \"Hoi",
            "cut.json:2: invalid JSON at column",
        ),
        (
            "cut.js",
            b"window.YTD.tweets.part0 = [\n {",
            "cut.js:2: invalid JSON",
        ),
        // binary junk named .json
        (
            "junk.json",
            b"\x00\x9f\x92\x96\xff\xfe\x00",
            "junk.json:1: invalid JSON",
        ),
        // not a zip, and zips with a bad entry
        (
            "fake.zip",
            b"PK\x03\x04 this is not a zip",
            "fake.zip: not a readable zip archive",
        ),
        ("bad.zip", &bad_entry, "bad.zip:data/tweets.js: cannot read"),
        (
            "cut.zip",
            &truncated_entry,
            "cut.zip:outbox.json:3: invalid JSON",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = temp(name, bytes);
        let path = path.to_str().unwrap();
        for command in ["scan", "anonymise"] {
            let (code, _, stderr) =
                run(&[command, path, "-o", "-"][..if command == "scan" { 2 } else { 4 }]);
            assert_eq!(code, 2, "{name} {command}: {stderr}");
            // One error line (after a possible encoding warning), never a panic.
            assert!(!stderr.contains("panicked"), "{stderr}");
            let line = stderr.trim_end().lines().last().unwrap_or("");
            assert!(
                line.starts_with("error: ") && line.contains(want),
                "{name} {command}: {stderr}"
            );
        }
    }
}

#[test]
fn cli_reads_and_writes_every_json_format() {
    for case in CASES {
        let path = data(case.file);
        let path = path.to_str().unwrap();
        let (code, stdout, stderr) = run(&["scan", path]);
        assert_eq!(code, 0, "{}: {stderr}", case.file);
        for line in stdout.lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            assert!(
                v["record"].as_u64().unwrap() < case.records as u64,
                "{line}"
            );
            assert!(!v["field"].as_str().unwrap().starts_with('/'), "{line}");
        }
        let (code, stdout, stderr) =
            run(&["anonymise", "--format", case.format.id(), path, "-o", "-"]);
        assert_eq!(code, 0, "{}: {stderr}", case.file);
        assert_eq!(
            shape(&value(&stdout)),
            shape(&value(&read(case.file))),
            "{}",
            case.file
        );
    }
    // A zip through the CLI: scan lines name the entry, anonymise writes a zip.
    let zip_path = temp(
        "export.zip",
        &export_zip(::zip::CompressionMethod::Deflated),
    );
    let (code, stdout, stderr) = run(&["scan", zip_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("\"field\":\"data/tweets.js:0/tweet/full_text\""),
        "{stdout}"
    );
    let out_path = zip_path.with_file_name("export.anon.zip");
    let _ = std::fs::remove_file(&out_path);
    let (code, _, stderr) = run(&["anonymise", zip_path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(entries(&std::fs::read(&out_path).unwrap()).len(), 6);
}

#[test]
fn damaged_input_never_panics() {
    let policy = golden_policy();
    let engine = policy.engine_builder().build();
    // Every fixture cut short and with bytes changed: parsed or rejected, and what is
    // parsed anonymises to valid JSON.
    for case in CASES {
        let text = read(case.file);
        let profile = json::profile(case.format).unwrap();
        let mut damaged: Vec<String> = (0..text.len())
            .step_by(5)
            .filter(|&cut| text.is_char_boundary(cut))
            .map(|cut| text[..cut].to_string())
            .collect();
        for (i, junk) in [
            (10, "\\"),
            (40, "\""),
            (80, "\u{0}"),
            (120, "}"),
            (3, "\\u00"),
        ] {
            if text.is_char_boundary(i) {
                damaged.push(format!("{}{junk}{}", &text[..i], &text[i..]));
            }
        }
        for bad in &damaged {
            if let Ok(doc) = json::Document::parse(bad) {
                let mut report = Report::new(&policy);
                let out = json::anonymise(
                    &doc,
                    profile,
                    &engine,
                    &policy,
                    &mut Anonymiser::new(&policy),
                    &mut report,
                );
                assert!(json::Document::parse(&out).is_ok(), "{}: {out}", case.file);
            }
        }
    }
    // A zip cut short or with a byte changed anywhere: an error or a zip, never a panic.
    let bytes = export_zip(::zip::CompressionMethod::Deflated);
    for i in (0..bytes.len()).step_by(13) {
        let mut flipped = bytes.clone();
        flipped[i] ^= 0x5A;
        for input in [&bytes[..i], &flipped[..]] {
            let mut report = Report::new(&policy);
            let _ = zip::anonymise(
                input,
                None,
                &engine,
                &policy,
                &mut Anonymiser::new(&policy),
                &mut report,
            );
            let _ = zip::scan(input, None, &engine, &policy);
        }
    }
}

#[test]
fn policy_fields_and_own_accounts_win_over_roles() {
    // Fields by pointer inside the record (`from/id`), by last key (`name`, `message`).
    let policy = Policy::from_json(
        r#"{"version": 1, "fields": {"from/id": {"type": "drop"},
            "name": {"type": "tag"}, "message": {"type": "keep"}}}"#,
    )
    .unwrap();
    let text = read("facebook/graph_comments.json");
    let (out, _) = anonymise(
        &text,
        Format::Facebook,
        &policy,
        &engine_without_detectors(&policy),
    );
    let out = value(&out);
    assert_eq!(
        out["data"][0]["from"],
        serde_json::json!({"name": "[PERSOON]"})
    );
    assert_eq!(
        out["data"][0]["message"],
        "Hoe meld ik me aan voor de open dag? Groet, Linda Bakker"
    );
    // The organisation's own account and its addresses are kept.
    let policy =
        Policy::from_json(r#"{"version": 1, "ownAccounts": ["@defensie@social.overheid.nl"]}"#)
            .unwrap();
    let (out, _) = anonymise(
        &read("mastodon/outbox.json"),
        Format::Mastodon,
        &policy,
        &engine_without_detectors(&policy),
    );
    let out = value(&out);
    let item = &out["orderedItems"][0];
    assert_eq!(item["actor"], "https://social.overheid.nl/users/defensie");
    assert_eq!(
        item["cc"][0],
        "https://social.overheid.nl/users/defensie/followers"
    );
    assert!(item["cc"][1].as_str().unwrap().starts_with("[URL-"));
}
