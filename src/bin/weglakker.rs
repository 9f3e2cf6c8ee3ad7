//! The weglakker command line. (Skeleton: `scan` of jsonl/text only; completed by the CLI
//! work.)

use std::io::{BufRead, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .iter()
        .skip(2)
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or("-".into());
    let input: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(&path).expect("open"),
        ))
    };
    let engine = weglakker::Engine::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, line) in input.lines().enumerate() {
        let line = line.expect("read");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        let text = v["text"].as_str().unwrap_or("");
        let findings: Vec<serde_json::Value> = engine
            .scan(text)
            .iter()
            .map(|f| {
                serde_json::json!({"kind": f.kind, "start": f.span.start, "end": f.span.end,
                "text": &text[f.span.range()], "score": f.score, "rule": f.rule})
            })
            .collect();
        let rec =
            serde_json::json!({"record": i, "id": v["id"], "field": "text", "findings": findings});
        writeln!(out, "{rec}").unwrap();
    }
}
