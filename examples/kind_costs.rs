//! Where the scan time goes: the engine run with one kind at a time over a JSONL corpus
//! (`{"text": ...}` per line, e.g. from `gen_corpus`), reporting MB/s per kind and for all.
//!
//! ```text
//! cargo run --release --example gen_corpus -- 8 > /tmp/corpus.jsonl
//! cargo run --release --example kind_costs -- /tmp/corpus.jsonl
//! ```
//! A development aid: the budgets are measured by `cargo bench --bench scan`.

use std::time::Instant;
use weglakker::{Engine, Kind, KindSet};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: kind_costs CORPUS.jsonl");
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("readable corpus")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let time = |engine: &Engine| {
        // Best of three: the machine is shared.
        (0..3)
            .map(|_| {
                let t = Instant::now();
                let n: usize = texts.iter().map(|t| engine.scan(t).len()).sum();
                (t.elapsed().as_secs_f64(), n)
            })
            .fold((f64::MAX, 0), |a, b| if b.0 < a.0 { b } else { a })
    };
    let mb = bytes as f64 / 1e6;
    let (secs, n) = time(&Engine::new());
    println!("{:<20} {:>8.1} MB/s {:>8} findings", "all", mb / secs, n);
    for kind in KindSet::all().iter() {
        let engine = Engine::builder().kinds([kind]).build();
        let (secs, n) = time(&engine);
        println!(
            "{:<20} {:>8.1} MB/s {:>8} findings",
            kind.id(),
            mb / secs,
            n
        );
    }
    let _ = Kind::Person;
}
