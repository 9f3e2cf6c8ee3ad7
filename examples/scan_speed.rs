//! Native side of the page benchmark (`scripts/bench-page.mjs`): the same two measurements
//! the browser bench page makes, on the same JSONL corpus, printed as one JSON line.
//!
//! ```text
//! cargo run --release --example gen_corpus -- 8 > /tmp/corpus.jsonl
//! cargo run --release --example scan_speed -- /tmp/corpus.jsonl [ROUNDS]
//! ```
//! `scan`: `Engine::scan` on every record's text; `process`: the whole file through
//! `formats::process` (parse, scan, anonymise, report), as one page worker does a chunk.
//! Medians of ROUNDS (default 5) timed rounds after one warm-up round.

use std::time::Instant;
use weglakker::formats::process::{process, Options};
use weglakker::formats::Format;
use weglakker::{Engine, Policy};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: scan_speed CORPUS.jsonl [ROUNDS]");
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5).max(1);
    let bytes = std::fs::read(&path).expect("readable corpus");
    let texts: Vec<String> = String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let engine = Engine::new();
    let policy = Policy::default();
    let time = |f: &dyn Fn() -> usize| {
        f(); // warm-up: lexicons and lazily built automata
        median(
            (0..rounds)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(f());
                    t.elapsed().as_secs_f64()
                })
                .collect(),
        )
    };
    let scan = time(&|| texts.iter().map(|t| engine.scan(t).len()).sum());
    let whole = time(&|| {
        let done = process(&bytes, &policy, &Options::new(Format::Jsonl)).expect("valid corpus");
        done.output.len()
    });
    println!(
        "{{\"records\":{},\"textBytes\":{},\"fileBytes\":{},\"scanMBps\":{:.2},\"processMBps\":{:.2}}}",
        texts.len(),
        text_bytes,
        bytes.len(),
        text_bytes as f64 / 1e6 / scan,
        bytes.len() as f64 / 1e6 / whole
    );
}
