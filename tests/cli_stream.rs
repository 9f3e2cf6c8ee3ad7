//! JSON Lines are read and written line by line (issue 4): the streamed CLI must give the
//! same bytes, report and errors as the library applied line by line over the whole text.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use weglakker::formats::jsonl;
use weglakker::report::{sha256_hex, Report};
use weglakker::{Anonymiser, Policy};

const BIN: &str = env!("CARGO_BIN_EXE_weglakker");

const POLICY: &str =
    r#"{"version": 1, "deny": ["Zeemeeuw", {"term": "Kamp Zuid", "kind": "location"}]}"#;

/// A fresh directory per test, removed when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("weglakker-stream-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, content).unwrap();
        path
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

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// About 3 MB of JSON Lines: a BOM, blank lines, CRLF endings, non-ASCII text, repeated and
/// fresh names, and a last line without a newline.
fn big_jsonl() -> String {
    let mut text = String::from("\u{feff}");
    for i in 0..20_000 {
        let ending = if i % 7 == 0 { "\r\n" } else { "\n" };
        let body = match i % 5 {
            0 => format!(r#"{{"id":{i},"text":"Zeemeeuw {i} zag ons in Kamp Zuid — één keer"}}"#),
            1 => format!(r#"{{"id":"r{i}","text":"niets bijzonders hier, regel {i}","n":1.50}}"#),
            2 => String::new(),
            3 => format!(r#"{{"id":{i},"user":{{"name":"Zeemeeuw"}},"text":"hoi {i}"}}"#),
            _ => format!(r#"{{"id":{i},"text":"weer zeemeeuw\u00e9 en \"Kamp Zuid\" {i}"}}"#),
        };
        text.push_str(&body);
        text.push_str(ending);
    }
    text.push_str(r#"{"id":"last","text":"Zeemeeuw"}"#);
    text
}

/// What the library gives over the whole text: the output and the report.
fn library_anonymise(text: &str, policy: &Policy) -> (String, Report) {
    let engine = policy.engine_builder().build();
    let mut anonymiser = Anonymiser::new(policy);
    let mut report = Report::new(policy);
    let mut out = String::new();
    for (_, raw, ending) in jsonl::lines(text.trim_start_matches('\u{feff}')) {
        if raw.trim().is_empty() {
            out.push_str(raw);
        } else {
            let line = jsonl::parse_line(raw).unwrap();
            out.push_str(&jsonl::anonymise_line(
                &line,
                &engine,
                policy,
                &mut anonymiser,
                &mut report,
            ));
        }
        out.push_str(ending);
    }
    (out, report)
}

/// The report without what differs per run (time, file names and digests).
fn counts(report: &Value) -> Value {
    let mut report = report.clone();
    for key in ["processed_at", "input", "output"] {
        report.as_object_mut().unwrap().remove(key);
    }
    report
}

#[test]
fn a_big_jsonl_streams_to_the_same_output_and_report() {
    let dir = TempDir::new("big");
    let policy_path = dir.file("p.json", POLICY.as_bytes());
    let policy = Policy::from_json(POLICY).unwrap();
    let text = big_jsonl();
    assert!(text.len() > 1_000_000);
    let (want, want_report) = library_anonymise(&text, &policy);
    let want_report: Value = serde_json::from_str(&want_report.to_json()).unwrap();
    // by extension, by content (no extension), and a `.json` holding JSON Lines
    for name in ["in.jsonl", "export", "in.json"] {
        let input = dir.file(name, text.as_bytes());
        let output = dir.0.join(format!("{name}.out"));
        let report = dir.0.join(format!("{name}.r.json"));
        let out = run(&[
            "anonymise",
            "-p",
            p(&policy_path),
            "-o",
            p(&output),
            "--report",
            p(&report),
            p(&input),
        ]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let written = std::fs::read(&output).unwrap();
        assert!(written == want.as_bytes(), "{name}: output differs");
        let got: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        assert_eq!(counts(&got), counts(&want_report), "{name}");
        assert_eq!(got["input"]["size"], text.len() as u64, "{name}");
        assert_eq!(
            got["input"]["sha256"],
            sha256_hex(text.as_bytes()),
            "{name}"
        );
        assert_eq!(got["output"]["sha256"], sha256_hex(&written), "{name}");
    }
    // scan gives a line per record (the `text` field) plus fields with findings
    let input = dir.0.join("in.jsonl");
    let out = run(&["scan", "-p", p(&policy_path), p(&input)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = String::from_utf8(out.stdout).unwrap();
    let records = 16_000 + 1; // every fifth line is blank, plus the last line
    assert_eq!(lines.lines().count(), records + 4_000); // `user/name` in 4000 records
    let last: Value = serde_json::from_str(lines.lines().last().unwrap()).unwrap();
    assert_eq!(last["record"], records - 1);
    assert_eq!(last["id"], "last");
}

#[test]
fn a_broken_line_in_the_middle_names_its_line_and_leaves_no_output() {
    let dir = TempDir::new("broken");
    let good = "{\"text\":\"Zeemeeuw in Kamp Zuid\"}\n".repeat(10_000);
    let cases: &[(&str, &[u8], &str)] = &[
        // invalid JSON on line 10001, far past the head read for detection
        (
            "json.jsonl",
            b"{\"text\": \"b\" \"c\"}\n",
            ":10001: invalid JSON",
        ),
        // valid JSON that is not an object
        ("array.jsonl", b"[1]\n", ":10001: not a JSON object"),
        // a line that is not UTF-8 after a UTF-8 head is an error, not a guess
        (
            "latin1.jsonl",
            b"{\"text\":\"caf\xe9\"}\n",
            ":10001: not UTF-8",
        ),
    ];
    for (name, bad, want) in cases {
        let mut content = good.clone().into_bytes();
        content.extend_from_slice(bad);
        content.extend_from_slice(good.as_bytes());
        let input = dir.file(name, &content);
        for command in ["scan", "triage", "anonymise"] {
            let out = run(&[command, p(&input)]);
            assert_eq!(out.status.code(), Some(2), "{name} {command}");
            let message = stderr(&out);
            assert!(
                message.starts_with(&format!("error: {}{want}", p(&input))),
                "{name} {command}: {message}"
            );
        }
        // nothing half-written: no output, no temporary file
        assert_eq!(dir.names(), [*name], "{name}");
        std::fs::remove_file(&input).unwrap();
    }
}

#[test]
fn a_small_jsonl_that_is_not_utf8_is_still_read_as_windows_1252() {
    let dir = TempDir::new("cp1252");
    let policy = dir.file("p.json", POLICY.as_bytes());
    let input = dir.file("in.jsonl", b"{\"text\":\"caf\xe9 Zeemeeuw\"}\n");
    let out = run(&["anonymise", "-p", p(&policy), "-o", "-", p(&input)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("windows-1252"));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"text\":\"café [PERSOON-1]\"}\n"
    );
}
