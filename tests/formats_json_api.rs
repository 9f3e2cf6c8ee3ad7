//! API JSON: X API v2 responses (`x-api`) and YouTube comment threads (`youtube`), on
//! fixtures made by us after the published payloads (`tests/data/json/xapi/`,
//! `tests/data/json/youtube/`): detection, round trip with a keep-everything policy,
//! nothing lost, identifying fields replaced with pseudonyms consistent across fields.

use serde_json::Value;
use std::path::Path;
use weglakker::formats::json::{self, Document};
use weglakker::formats::Format;
use weglakker::report::Report;
use weglakker::{Anonymiser, Kind, Operator, Policy};

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/json")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn anonymise(text: &str, format: Format, policy: &Policy) -> (String, Report) {
    let doc = Document::parse(text).unwrap();
    let mut report = Report::new(policy);
    let out = json::anonymise(
        &doc,
        json::profile(format).unwrap(),
        &policy.engine_builder().build(),
        policy,
        &mut Anonymiser::new(policy),
        &mut report,
    );
    (out, report)
}

fn keep_all() -> Policy {
    let mut policy = Policy::default();
    for kind in Kind::ALL {
        policy.operators.insert(kind, Operator::Keep);
    }
    policy
}

/// (file, format, records)
const CASES: &[(&str, Format, u64)] = &[
    ("xapi/search.json", Format::XApi, 3),
    ("youtube/comments.json", Format::Youtube, 1),
];

#[test]
fn detected_round_tripped_and_nothing_lost() {
    for (file, format, records) in CASES {
        let text = read(file);
        assert_eq!(json::sniff(&text), *format, "{file}");
        assert_eq!(
            Format::detect(Some(Path::new(file)), &text).unwrap(),
            *format
        );
        let (out, report) = anonymise(&text, *format, &keep_all());
        assert_eq!(out, text, "{file}: keep-all changed the document");
        assert_eq!(report.records.scanned, *records, "{file}");
        assert_eq!(report.records.written, *records, "{file}");
        // Anonymised: the same structure and records, only strings changed.
        let (out, report) = anonymise(&text, *format, &Policy::default());
        assert_eq!(report.records.written, *records, "{file}");
        let (before, after): (Value, Value) = (
            serde_json::from_str(&text).unwrap(),
            serde_json::from_str(&out).unwrap(),
        );
        assert_same_shape(&before, &after, file);
    }
}

/// The same keys, array lengths and non-string values.
fn assert_same_shape(a: &Value, b: &Value, file: &str) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            assert!(x.keys().eq(y.keys()), "{file}: keys differ");
            for (k, v) in x {
                assert_same_shape(v, &y[k], file);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{file}");
            for (v, w) in x.iter().zip(y) {
                assert_same_shape(v, w, file);
            }
        }
        (Value::String(_), Value::String(_)) => {}
        (x, y) => assert_eq!(x, y, "{file}"),
    }
}

#[test]
fn x_api_users_and_authors_are_replaced_consistently() {
    let (out, _) = anonymise(&read("xapi/search.json"), Format::XApi, &Policy::default());
    for secret in [
        "Merel",
        "Yilmaz",
        "m_yilmaz84",
        "1456000000000000042",
        "Koen",
        "koenbos_",
        "2233445566",
        "merel_normal",
        "k.bos@example.nl",
        "06-12345678",
    ] {
        assert!(!out.contains(secret), "{secret} in {out}");
    }
    let v: Value = serde_json::from_str(&out).unwrap();
    // The author id of the first tweet is the id of the first included user: one pseudonym.
    assert_eq!(v["data"][0]["author_id"], v["includes"]["users"][0]["id"]);
    assert_eq!(
        v["data"][0]["entities"]["mentions"][1]["username"],
        v["includes"]["users"][0]["username"]
    );
    // Ids, dates, hashtags and the government's own reply target id are kept.
    assert_eq!(v["data"][0]["id"], "1781000000000000001");
    assert_eq!(v["data"][0]["conversation_id"], "1780999999999999999");
    assert_eq!(v["data"][0]["created_at"], "2024-04-18T09:12:44.000Z");
    assert_eq!(
        v["data"][0]["entities"]["hashtags"][0]["tag"],
        "Veteranendag"
    );
    assert_eq!(
        v["includes"]["tweets"][0]["text"],
        "De kazerne is tijdelijk gesloten."
    );
}

#[test]
fn youtube_authors_and_html_text_are_replaced() {
    let text = read("youtube/comments.json");
    let (out, _) = anonymise(&text, Format::Youtube, &Policy::default());
    for secret in [
        "sanne",
        "Sanne",
        "UCsanne",
        "Pieter",
        "UCpieter",
        "Henk",
        "henkdewit",
    ] {
        assert!(!out.contains(secret), "{secret} in {out}");
    }
    let v: Value = serde_json::from_str(&out).unwrap();
    let top = &v["items"][0]["snippet"]["topLevelComment"]["snippet"];
    // HTML text keeps its markup; the link's address is replaced.
    let display = top["textDisplay"].as_str().unwrap();
    assert!(display.contains("<br><a href=\"[URL-"), "{display}");
    // The author's handle and the reply's mention of it: one pseudonym.
    let author = top["authorDisplayName"].as_str().unwrap();
    assert!(author.starts_with("[ACCOUNT-"), "{author}");
    let reply = v["items"][0]["replies"]["comments"][0]["snippet"]["textOriginal"]
        .as_str()
        .unwrap();
    assert!(reply.contains(author), "{author} / {reply}");
    // Video and channel ids and dates stay.
    assert_eq!(top["videoId"], "abcDEF12345");
    assert_eq!(top["channelId"], "UCgovGovGovGovGovGovGov1");
    assert_eq!(top["publishedAt"], "2024-03-02T10:00:00Z");
}
