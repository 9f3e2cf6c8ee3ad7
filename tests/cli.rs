//! The CLI contract of DESIGN.md section 4, run on the built binary over temporary files.
//!
//! Most tests use the policy's deny list (found without any detector), so they hold whatever
//! the detectors do. Tests that need real detectors are marked `#[ignore]` until those land.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_weglakker");

/// A fresh directory per test, removed when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("weglakker-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn file(&self, name: &str, content: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const POLICY: &str =
    r#"{"version": 1, "deny": ["Zeemeeuw", {"term": "Kamp Zuid", "kind": "location"}]}"#;

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    {
        use std::io::Write;
        let mut pipe = child.stdin.take().unwrap();
        if let Some(input) = stdin {
            pipe.write_all(input.as_bytes()).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn stdout_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn scan_jsonl_writes_the_documented_shape() {
    let dir = TempDir::new("scan-shape");
    let policy = dir.file("p.json", POLICY);
    let input = dir.file(
        "in.jsonl",
        "{\"id\": \"a1\", \"text\": \"Wij zijn in Kamp Zuid, operatie zeemeeuw.\"}\n\
         {\"id\": 7, \"text\": \"niets\", \"user\": {\"name\": \"Zeemeeuw\"}}\n",
    );
    let out = run(&["scan", "--policy", p(&policy), p(&input)], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 3);
    let first = &lines[0];
    // keys in the documented order
    let line0 = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        line0.starts_with(r#"{"record":0,"id":"a1","field":"text","findings":["#),
        "{line0}"
    );
    let f = &first["findings"];
    assert_eq!(f[0]["kind"], "location");
    assert_eq!(f[0]["text"], "Kamp Zuid");
    assert_eq!(
        (f[0]["start"].as_u64(), f[0]["end"].as_u64()),
        (Some(12), Some(21))
    );
    assert_eq!(f[0]["rule"], "deny");
    assert!(f[0]["score"].is_number());
    assert_eq!(f[1]["kind"], "person");
    assert_eq!(f[1]["text"], "zeemeeuw");
    // a record without findings still gets its text line; other fields only with findings
    assert_eq!(lines[1]["record"], 1);
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["findings"], serde_json::json!([]));
    assert_eq!(lines[2]["field"], "user/name");
}

#[test]
fn scan_offsets_are_bytes() {
    let dir = TempDir::new("scan-bytes");
    let policy = dir.file("p.json", POLICY);
    let input = dir.file("in.jsonl", "{\"text\": \"Één zeemeeuw\"}\n");
    let out = run(&["scan", "-p", p(&policy), p(&input)], None);
    let f = &stdout_lines(&out)[0]["findings"][0];
    // "Één " is 6 bytes (É and é are two each)
    assert_eq!(
        (f["start"].as_u64(), f["end"].as_u64()),
        (Some(6), Some(14))
    );
    assert_eq!(f["id"], Value::Null);
}

#[test]
fn scan_reads_stdin_and_sniffs_the_format() {
    let dir = TempDir::new("stdin");
    let policy = dir.file("p.json", POLICY);
    let cases: &[(&[&str], &str, &str)] = &[
        // content sniff: JSON Lines and plain text
        (
            &["scan", "-p", "P"],
            "{\"id\":1,\"text\":\"zeemeeuw\"}\n",
            "text",
        ),
        (
            &["scan", "-p", "P", "-"],
            "Beste zeemeeuw,\n\nGroet",
            "text",
        ),
        // forced format: a JSON line read as plain text
        (
            &["scan", "-p", "P", "--format", "text"],
            "{\"text\":\"zeemeeuw\"}",
            "text",
        ),
    ];
    for (args, input, field) in cases {
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "P" { p(&policy) } else { a })
            .collect();
        let out = run(&args, Some(input));
        assert!(out.status.success(), "{input}: {}", stderr(&out));
        let lines = stdout_lines(&out);
        assert_eq!(lines.len(), 1, "{input}");
        assert_eq!(lines[0]["field"], *field);
        assert_eq!(lines[0]["findings"][0]["text"], "zeemeeuw");
    }
}

#[test]
fn text_files_are_one_record_with_file_offsets() {
    let dir = TempDir::new("text");
    let policy = dir.file("p.json", POLICY);
    let input = dir.file(
        "brief.txt",
        "Beste,\n\nOver zeemeeuw.\n\nEn nog eens Zeemeeuw.\n",
    );
    let out = run(&["scan", "-p", p(&policy), p(&input)], None);
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 1);
    let starts: Vec<u64> = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["start"].as_u64().unwrap())
        .collect();
    assert_eq!(starts, [13, 36]);
}

#[test]
fn anonymise_jsonl_rewrites_only_changed_strings() {
    let dir = TempDir::new("anon-jsonl");
    let policy = dir.file("p.json", POLICY);
    let input = dir.file(
        "in.jsonl",
        "{\"id\":1,\"n\":1.50,\"text\":\"Zeemeeuw in Kamp Zuid\",\"e\":\"\\u00e9\"}\n\
         \n\
         {\"id\":2,\"text\":\"weer zeemeeuw\"}\r\n",
    );
    let report = dir.path("r.json");
    let out = run(
        &[
            "anonymise",
            "-p",
            p(&policy),
            "--report",
            p(&report),
            p(&input),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(dir.path("in.anon.jsonl")).unwrap();
    assert_eq!(
        written,
        "{\"id\":1,\"n\":1.50,\"text\":\"[PERSOON-1] in [PLAATS-1]\",\"e\":\"\\u00e9\"}\n\
         \n\
         {\"id\":2,\"text\":\"weer [PERSOON-1]\"}\r\n"
    );
    let report_text = std::fs::read_to_string(&report).unwrap();
    let report: Value = serde_json::from_str(&report_text).unwrap();
    assert_eq!(report["records"]["scanned"], 2);
    assert_eq!(report["records"]["written"], 2);
    assert_eq!(report["found"]["person"], 2);
    assert_eq!(report["applied"]["location"]["pseudonym"], 1);
    // the input and output files are identified, the run is dated
    assert_eq!(report["input"]["name"], "in.jsonl");
    assert_eq!(
        report["input"]["size"],
        std::fs::metadata(&input).unwrap().len()
    );
    assert_eq!(report["input"]["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(report["output"]["sha256"].as_str().map(str::len), Some(64));
    let at = report["processed_at"].as_str().unwrap();
    assert!(
        at.len() == 20 && at.starts_with("20") && at.ends_with('Z'),
        "{at}"
    );
    // no value from the records, nor the policy's list terms
    for value in ["weer", "Kamp Zuid", "zeemeeuw", "Zeemeeuw", "1.50"] {
        assert!(!report_text.contains(value), "report contains {value}");
    }
    // the input is untouched, and no temporary file is left behind
    assert!(std::fs::read_to_string(&input)
        .unwrap()
        .contains("Zeemeeuw in Kamp Zuid"));
    assert_eq!(
        dir.names(),
        ["in.anon.jsonl", "in.jsonl", "p.json", "r.json"]
    );
}

#[test]
fn anonymise_text_with_output_and_stdin() {
    let dir = TempDir::new("anon-text");
    let policy = dir.file("p.json", POLICY);
    let input = dir.file("notes", "Over Zeemeeuw.\n");
    let target = dir.path("uit.txt");
    let out = run(
        &["anonymise", "-p", p(&policy), "-o", p(&target), p(&input)],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "Over [PERSOON-1].\n"
    );
    // without -o: `notes` → `notes.anon`
    let out = run(&["anonymise", "-p", p(&policy), p(&input)], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path("notes.anon")).unwrap(),
        "Over [PERSOON-1].\n"
    );
    // stdin to stdout
    let out = run(&["anonymise", "-p", p(&policy), "-"], Some("en zeemeeuw"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "en [PERSOON-1]");
}

#[test]
fn anonymise_never_overwrites_its_input() {
    let dir = TempDir::new("no-overwrite");
    let input = dir.file("in.jsonl", "{\"text\":\"a\"}\n");
    let same = format!("{}/./in.jsonl", p(&dir.0));
    for target in [p(&input), same.as_str()] {
        let out = run(&["anonymise", "-o", target, p(&input)], None);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("overwrite the input"),
            "{}",
            stderr(&out)
        );
    }
    let out = run(&["anonymise", "--report", p(&input), p(&input)], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        "{\"text\":\"a\"}\n"
    );
    assert_eq!(dir.names(), ["in.jsonl"]);
}

#[test]
fn errors_name_file_and_line_and_exit_2() {
    let dir = TempDir::new("errors");
    let bad = dir.file("bad.jsonl", "{\"text\":\"a\"}\n\n{\"text\": \"b\" \"c\"}\n");
    let array = dir.file("array.jsonl", "{\"text\":\"a\"}\n[1]\n");
    let policy = dir.file(
        "p.json",
        "{\"version\": 1,\n \"operators\": {\"persoon\": {\"type\": \"tag\"}}}",
    );
    let missing = dir.path("missing.jsonl");
    let csv = dir.file("x.csv", "a,b\n\"c,d\n");
    let cases: Vec<(Vec<&str>, String)> = vec![
        // broken JSON: line 3 (blank lines count) and the column
        (
            vec!["scan", p(&bad)],
            format!("error: {}:3: invalid JSON at column 14", p(&bad)),
        ),
        (
            vec!["anonymise", p(&bad)],
            format!("error: {}:3: ", p(&bad)),
        ),
        // valid JSON that is not an object
        (
            vec!["scan", p(&array)],
            format!("error: {}:2: not a JSON object", p(&array)),
        ),
        // a policy error names the policy file, line and column
        (
            vec!["scan", "-p", p(&policy), p(&bad)],
            format!("error: {}:2:", p(&policy)),
        ),
        // unreadable input
        (
            vec!["scan", p(&missing)],
            format!("error: {}: cannot read", p(&missing)),
        ),
        // a format that does not fit the content names the file and what is wrong
        (
            vec!["scan", "--format", "x-archive", p(&bad)],
            format!("error: {}:", p(&bad)),
        ),
        // csv: the line of a record with an unclosed quote
        (
            vec!["scan", p(&csv)],
            format!("error: {}:2: unclosed quote", p(&csv)),
        ),
        (
            vec!["scan", "--format", "docx", p(&bad)],
            "unknown format `docx`".to_string(),
        ),
        // usage errors
        (vec!["scan", "--bogus"], "--bogus".to_string()),
        (vec!["anonymise"], "FILE".to_string()),
        (vec![], "Usage".to_string()),
    ];
    for (args, want) in cases {
        let out = run(&args, Some(""));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(&want), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty() || args[0] == "scan", "{args:?}");
    }
    // nothing half-written
    assert!(!dir.path("bad.anon.jsonl").exists());
}

#[test]
fn odd_input_gives_output_not_a_panic() {
    let dir = TempDir::new("odd");
    let policy = dir.file("p.json", POLICY);
    let latin1 = dir.path("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9 zeemeeuw").unwrap();
    let empty = dir.file("empty.jsonl", "");
    let long = dir.file("long.txt", &"zeemeeuw ".repeat(200_000));
    let out = run(&["scan", "-p", p(&policy), p(&latin1)], None);
    assert!(out.status.success());
    assert!(stderr(&out).contains("windows-1252"));
    assert_eq!(stdout_lines(&out)[0]["findings"][0]["start"], 6);
    let out = run(&["scan", p(&empty)], None);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let out = run(&["anonymise", "-p", p(&policy), p(&long)], None);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn help_and_version_exit_0() {
    for args in [["--help"], ["--version"]] {
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn key_file_must_be_readable_and_not_empty() {
    let dir = TempDir::new("key");
    let input = dir.file("in.txt", "hoi");
    let empty = dir.file("empty.key", "\n");
    let out = run(&["anonymise", "--key-file", p(&empty), p(&input)], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
    let out = run(
        &["anonymise", "--key-file", p(&dir.path("none")), p(&input)],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn keyed_pseudonyms_need_a_key_file() {
    let dir = TempDir::new("keyed");
    let policy = dir.file(
        "p.json",
        r#"{"version": 1, "pseudonyms": {"style": "keyed"}}"#,
    );
    let input = dir.file("in.txt", "hoi");
    let out = run(&["anonymise", "-p", p(&policy), p(&input)], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--key-file"), "{}", stderr(&out));
    assert_eq!(dir.names(), ["in.txt", "p.json"]);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::{BufRead, BufReader, Write};
    let dir = TempDir::new("pipe");
    let input = dir.file("in.jsonl", &"{\"text\":\"hoi\"}\n".repeat(200_000));
    let mut child = Command::new(BIN)
        .args(["scan", p(&input)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"record\":0"));
    let out = child.wait_with_output().unwrap();
    let _ = std::io::stderr().write_all(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn keyed_pseudonyms_are_stable_per_key() {
    let dir = TempDir::new("keyed-stable");
    let policy = dir.file(
        "p.json",
        r#"{"version": 1, "deny": ["Zeemeeuw"], "pseudonyms": {"style": "keyed"}}"#,
    );
    let input = dir.file("in.txt", "Over Zeemeeuw.");
    let key_a = dir.file("a.key", "00112233445566778899aabbccddeeff\n");
    let key_b = dir.file("b.key", "ffeeddccbbaa99887766554433221100\n");
    let short = dir.file("short.key", "abc");
    let anon = |key: &Path| {
        let out = run(
            &[
                "anonymise",
                "-p",
                p(&policy),
                "--key-file",
                p(key),
                "-o",
                "-",
                p(&input),
            ],
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let a = anon(&key_a);
    assert!(
        a.starts_with("Over [PERSOON-") && !a.contains("Zeemeeuw"),
        "{a}"
    );
    assert_eq!(anon(&key_a), a);
    assert_ne!(anon(&key_b), a);
    let out = run(
        &[
            "anonymise",
            "-p",
            p(&policy),
            "--key-file",
            p(&short),
            p(&input),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(&format!("error: {}: ", p(&short))),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("abc"));
}

// ---- needs the real detectors: passes after the detector branches are merged ----

#[test]
fn scan_finds_email_and_phone_with_the_default_policy() {
    let out = run(
        &["scan", "-"],
        Some("{\"id\":\"x\",\"text\":\"Mail jan@example.nl of bel 06-12345678\"}\n"),
    );
    let lines = stdout_lines(&out);
    let kinds: Vec<&str> = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["email", "phone"]);
    assert_eq!(lines[0]["findings"][0]["start"], 5);
}

#[test]
fn anonymise_replaces_email_and_phone_with_the_default_policy() {
    let out = run(
        &["anonymise", "-"],
        Some("Mail jan@example.nl of bel 06-12345678, of jan@example.nl"),
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Mail [E-MAIL-1] of bel [TELEFOON-1], of [E-MAIL-1]"
    );
}

// Triage (DESIGN.md sections 4 and 6): the CLI side of `src/triage.rs`.
const REACTIONS: &str = concat!(
    r#"{"id": "r1", "text": "Wat een prachtige foto's, trots op jullie!", "platform": "x", "in_reply_to": "@DefensieNL"}"#,
    "\n",
    r#"{"id": "r2", "text": "Wanneer gaat de aanmelding voor de open dag open? Zeemeeuw", "platform": "x", "in_reply_to": "@DefensieNL"}"#,
    "\n",
    r#"{"id": "r3", "text": "Hoe kan ik me aanmelden voor de open dag?", "platform": "x", "in_reply_to": "@iemandAnders"}"#,
    "\n",
);

const CHANNEL_POLICY: &str =
    r#"{"version": 1, "deny": ["Zeemeeuw"], "officialChannels": ["x:@DefensieNL"]}"#;

#[test]
fn triage_writes_one_decision_per_record() {
    let dir = TempDir::new("triage");
    let input = dir.file("reacties.jsonl", REACTIONS);
    let policy = dir.file("policy.json", CHANNEL_POLICY);
    let out = run(&["triage", "--policy", p(&policy), p(&input)], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = stdout_lines(&out);
    let decisions: Vec<&str> = lines
        .iter()
        .map(|l| l["decision"].as_str().unwrap())
        .collect();
    assert_eq!(
        decisions,
        ["not_archived_sentiment", "archive", "refer_channel"]
    );
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["record"], i);
        assert_eq!(line["id"], format!("r{}", i + 1));
        assert!(!line["reason"].as_str().unwrap().is_empty());
        assert!(line["question_score"].is_number());
    }
}

#[test]
fn triage_overrides_in_the_policy_win() {
    let dir = TempDir::new("triage-override");
    let input = dir.file("reacties.jsonl", REACTIONS);
    let policy = dir.file(
        "policy.json",
        r#"{"version": 1, "officialChannels": ["x:@DefensieNL"], "triageOverrides": {"r1": "archive"}}"#,
    );
    let out = run(&["triage", "--policy", p(&policy), p(&input)], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout_lines(&out)[0]["decision"], "archive");
}

#[test]
fn anonymise_with_triage_leaves_out_what_is_not_archived_and_counts_it() {
    let dir = TempDir::new("anon-triage");
    let input = dir.file("reacties.jsonl", REACTIONS);
    let policy = dir.file("policy.json", CHANNEL_POLICY);
    let report = dir.path("rapport.json");
    let out = run(
        &[
            "anonymise",
            "--triage",
            "--policy",
            p(&policy),
            "--report",
            p(&report),
            p(&input),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(dir.path("reacties.anon.jsonl")).unwrap();
    let ids: Vec<Value> = written
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, ["r2"]);
    assert!(written.contains("[PERSOON-1]") && !written.contains("Zeemeeuw"));
    let report: Value = serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    // Nothing lost: every record is written or dropped with its reason.
    assert_eq!(report["records"]["scanned"], 3);
    assert_eq!(report["records"]["written"], 1);
    assert_eq!(report["records"]["dropped"]["not_archived_sentiment"], 1);
    assert_eq!(report["records"]["dropped"]["refer_channel"], 1);
    assert_eq!(report["decisions"]["archive"], 1);
}

#[test]
fn a_report_named_html_is_the_readable_page_without_values() {
    let dir = TempDir::new("report-html");
    let input = dir.file("reacties.jsonl", REACTIONS);
    let policy = dir.file("policy.json", CHANNEL_POLICY);
    let report = dir.path("rapport.html");
    let out = run(
        &[
            "anonymise",
            "--triage",
            "--policy",
            p(&policy),
            "--report",
            p(&report),
            p(&input),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(report).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"),
        "{}",
        &html[..40]
    );
    assert!(html.contains("reacties.jsonl"));
    assert!(!html.contains("Zeemeeuw") && !html.contains("<script"));
}
