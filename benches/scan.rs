//! Detection throughput on a generated Dutch social-media corpus (DESIGN.md section 8).
//!
//! ```text
//! cargo bench --bench scan                      # 4 MB corpus
//! WEGLAKKER_BENCH_MB=32 cargo bench --bench scan
//! ```
//!
//! Criterion reports bytes per second; the budget is ≥ 50 MB/s for the whole engine.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use weglakker::{Engine, Kind};

mod corpus;

fn corpus_bytes() -> usize {
    let mb: f64 = std::env::var("WEGLAKKER_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|mb: &f64| *mb > 0.0)
        .unwrap_or(4.0);
    (mb * 1_000_000.0) as usize
}

fn scan_all(engine: &Engine, records: &[String]) -> usize {
    records
        .iter()
        .map(|r| engine.scan(black_box(r)).len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let records = corpus::reactions(corpus_bytes(), 42);
    let bytes: usize = records.iter().map(String::len).sum();

    // The whole engine with every kind, as the CLI runs it.
    let mut group = c.benchmark_group("scan");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    let engine = Engine::new();
    group.bench_function("all_kinds", |b| b.iter(|| scan_all(&engine, &records)));
    group.finish();

    // One detector family at a time, to see where the time goes.
    let mut group = c.benchmark_group("family");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    let families: &[(&str, &[Kind])] = &[
        (
            "contact",
            &[Kind::Email, Kind::Phone, Kind::Handle, Kind::Url, Kind::Ip],
        ),
        (
            "numbers",
            &[Kind::Bsn, Kind::Iban, Kind::CreditCard, Kind::LicensePlate],
        ),
        ("address", &[Kind::Address]),
        ("date", &[Kind::Date, Kind::BirthDate]),
        ("person", &[Kind::Person]),
        ("location", &[Kind::Location]),
    ];
    for (name, kinds) in families {
        let engine = Engine::builder().kinds(kinds.iter().copied()).build();
        group.bench_function(*name, |b| b.iter(|| scan_all(&engine, &records)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
