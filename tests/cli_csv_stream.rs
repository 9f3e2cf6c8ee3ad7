//! CSV files on disk are read in chunks by the CLI (`formats::csv_stream`): `scan` and
//! `anonymise` give the same output, report and errors as the same bytes on standard input,
//! which is read whole.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_weglakker");

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("weglakker-csv-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // The child may stop reading early (an error): a broken pipe is fine.
        let _ = pipe.write_all(bytes);
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// About 2 MB of semicolon CSV with title lines, quoted newlines and CRLF, UTF-8 with BOM;
/// an author of the last row is mentioned in the first.
fn big_csv() -> Vec<u8> {
    let mut text = String::from("\u{feff}Export monitor\r\n\r\nDatum;Auteur;Bericht;Url\r\n");
    let authors = ["Karin Visser", "Jeroen Smit", "Noor de Boer"];
    for i in 0..15_000 {
        let author = authors[i % 3];
        let message = match i {
            0 => "\"Eerste bericht, dank Zwaantje Laatst\"".to_string(),
            _ if i % 4 == 0 => format!(
                "\"{author} zegt;\r\nbel 06-12345678 of {}\"",
                authors[(i + 1) % 3]
            ),
            _ => format!("gewoon bericht {i}"),
        };
        text.push_str(&format!(
            "2024-03-01;{author};{message};https://x.com/a/status/{i}\r\n"
        ));
    }
    text.push_str("2024-04-01;Zwaantje Laatst;Tot ziens;https://x.com/z\r\n");
    text.into_bytes()
}

#[test]
fn streamed_files_match_standard_input() {
    let dir = TempDir::new("same");
    let bytes = big_csv();
    let input = dir.file("monitor.csv", &bytes);
    // scan
    let from_file = run(&["scan", p(&input)], None);
    let from_stdin = run(&["scan", "--format", "csv", "-"], Some(&bytes));
    assert!(
        from_file.status.success(),
        "{}",
        String::from_utf8_lossy(&from_file.stderr)
    );
    assert!(from_stdin.status.success());
    assert!(from_file.stdout == from_stdin.stdout, "scan differs");
    assert!(from_file.stdout.len() > 100_000);
    // anonymise
    let out = dir.0.join("out.csv");
    let report = dir.0.join("report.json");
    let streamed = run(
        &[
            "anonymise",
            p(&input),
            "-o",
            p(&out),
            "--report",
            p(&report),
        ],
        None,
    );
    assert!(
        streamed.status.success(),
        "{}",
        String::from_utf8_lossy(&streamed.stderr)
    );
    let whole = run(
        &["anonymise", "--format", "csv", "-", "-o", "-"],
        Some(&bytes),
    );
    assert!(whole.status.success());
    let written = std::fs::read(&out).unwrap();
    assert!(written == whole.stdout, "anonymise differs");
    let text = String::from_utf8(written).unwrap();
    assert!(text.starts_with("\u{feff}Export monitor\r\n"));
    assert!(!text.contains("Zwaantje") && !text.contains("Karin"));
    // The report counts every record and hashes the input as read.
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(report["records"]["written"], 15_001);
    assert_eq!(report["input"]["size"], bytes.len() as u64);
    assert_eq!(
        report["input"]["sha256"],
        weglakker::report::sha256_hex(&bytes)
    );
}

#[test]
fn streamed_errors_match_standard_input() {
    let dir = TempDir::new("errors");
    let bytes = b"datum;bericht\n1-3;\"open\n2-3;dicht\n";
    let input = dir.file("kapot.csv", bytes);
    for command in ["scan", "anonymise"] {
        let out = dir.0.join("out.csv");
        let args = match command {
            "scan" => vec!["scan", p(&input)],
            _ => vec!["anonymise", p(&input), "-o", p(&out)],
        };
        let streamed = run(&args, None);
        assert_eq!(streamed.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&streamed.stderr);
        assert!(
            stderr
                .trim_end()
                .ends_with("kapot.csv:2: unclosed quote in this record"),
            "{stderr}"
        );
        assert!(!out.exists(), "no output is left behind");
    }
}

#[test]
fn utf16_that_does_not_decode_cleanly_is_read_whole() {
    let dir = TempDir::new("utf16");
    // UTF-16LE with a lone surrogate in a kept column: nothing changes, so the very bytes.
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Datum\tBericht\r\n1-3\thoi\r\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes.splice(2..2, [0x00, 0xD8]);
    let input = dir.file("vreemd.csv", &bytes);
    let out = dir.0.join("out.csv");
    let done = run(&["anonymise", p(&input), "-o", p(&out)], None);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
}
