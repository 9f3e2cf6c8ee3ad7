//! Any bytes as an xlsx workbook: read or rejected with an error, never a panic; a
//! workbook that is read and minimised is written as a workbook that reads again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weglakker::formats::xlsx;
use weglakker::report::Report;
use weglakker::{Anonymiser, Policy};

fuzz_target!(|data: &[u8]| {
    let policy = Policy::default();
    let mut report = Report::new(&policy);
    if let Ok(out) = xlsx::anonymise(data, &policy, &mut Anonymiser::new(&policy), &mut report) {
        xlsx::Workbook::read(&out, &policy).expect("our own output must read");
    }
});
