//! Writes the benchmark corpus as JSON Lines (`{"id": ..., "text": ...}`), to try the CLI on
//! realistic material or to time it:
//!
//! ```text
//! cargo run --release --example gen_corpus -- 20 > /tmp/corpus.jsonl   # about 20 MB
//! time target/release/weglakker scan /tmp/corpus.jsonl > /dev/null
//! ```
//!
//! Arguments: size in MB (default 4) and seed (default 42). Every value is invented.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(4.0);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let records = corpus::reactions((mb * 1_000_000.0) as usize, seed);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (i, text) in records.iter().enumerate() {
        let line = serde_json::json!({ "id": format!("r{i}"), "text": text });
        if writeln!(out, "{line}").is_err() {
            // A closed pipe (`| head`) is not an error worth a panic.
            return;
        }
    }
    let _ = out.flush();
}
