//! Any bytes as an export zip: read or rejected with an error, never a panic; a zip that is
//! read gives a zip with as many entries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weglakker::formats::zip;
use weglakker::report::Report;
use weglakker::{Anonymiser, Policy};

fuzz_target!(|data: &[u8]| {
    let policy = Policy::default();
    let engine = policy.engine_builder().build();
    let _ = zip::scan(data, None, &engine, &policy);
    let mut report = Report::new(&policy);
    if let Ok(out) = zip::anonymise(data, None, &engine, &policy, &mut Anonymiser::new(&policy), &mut report) {
        let before = ::zip::ZipArchive::new(std::io::Cursor::new(data)).map(|a| a.len());
        let after = ::zip::ZipArchive::new(std::io::Cursor::new(out)).map(|a| a.len());
        assert_eq!(before.ok(), after.ok());
    }
});
