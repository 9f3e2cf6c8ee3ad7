//! Any bytes as a CSV (sniffed dialect) and as a LinkedIn CSV: read or rejected with an
//! error, never a panic; with a policy that keeps every kind the output is the input, byte
//! for byte (the round-trip guarantee), and the default policy's output has as many rows when read with the input's dialect.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weglakker::formats::{csv, linkedin};
use weglakker::report::Report;
use weglakker::{Anonymiser, Kind, Operator, Policy};

fuzz_target!(|data: &[u8]| {
    let mut keep = Policy::default();
    for kind in Kind::ALL {
        keep.operators.insert(kind, Operator::Keep);
    }
    let policy = Policy::default();
    for options in [csv::Options::default(), linkedin::OPTIONS] {
        let mut report = Report::new(&keep);
        if let Ok(out) = csv::anonymise(data, options, &keep, &mut Anonymiser::new(&keep), &mut report) {
            assert_eq!(out, data, "a keep-all policy changed the file");
            let mut report = Report::new(&policy);
            let out = csv::anonymise(data, options, &policy, &mut Anonymiser::new(&policy), &mut report)
                .expect("read once, must read again");
            // Read back with the input's dialect (sniffing junk may guess another): the same
            // rows, so no record was merged, split or lost by the rewriting.
            let (_, input) = csv::read(data);
            let table = csv::Table::parse(&input, options, &policy).expect("read once");
            let (_, text) = csv::read(&out);
            let before = Some(table.rows.len());
            let after = csv::tokenize(&text, table.dialect, None).map(|rows| rows.len());
            assert_eq!(before, after.ok(), "rows lost or gained");
            assert_eq!(report.records.written as usize, table.records().count(), "records not counted");
        }
    }
});
