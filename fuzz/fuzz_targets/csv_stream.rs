//! Any bytes as CSV, streamed in chunks of a size taken from the first byte: the same
//! output bytes and report as the whole-file reader, or the same error; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weglakker::formats::csv::{self, Options};
use weglakker::formats::csv_stream::{AnonymiseStream, Learner, Survey};
use weglakker::report::Report;
use weglakker::{Anonymiser, Policy};

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let chunk = usize::from(first % 64) + 1;
    let options = match first & 0x40 {
        0 => Options::default(),
        _ => weglakker::formats::linkedin::OPTIONS,
    };
    let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
    let whole = {
        let mut report = Report::new(&policy);
        csv::anonymise(bytes, options, &policy, &mut Anonymiser::new(&policy), &mut report)
            .map(|out| (out, report.to_json()))
            .map_err(|e| e.to_string())
    };
    let mut survey = Survey::new();
    bytes.chunks(chunk).for_each(|c| survey.push(c));
    let surveyed = survey.finish();
    if !surveyed.exact {
        return;
    }
    let streamed = (|| {
        let mut learner = Learner::new(surveyed, options, &policy);
        for c in bytes.chunks(chunk) {
            learner.push(c)?;
        }
        let plan = learner.finish()?;
        let mut stream = AnonymiseStream::new(&plan, &policy);
        let (mut anonymiser, mut report) = (Anonymiser::new(&policy), Report::new(&policy));
        let mut out = Vec::new();
        for c in bytes.chunks(chunk) {
            stream.push(c, &mut anonymiser, &mut report, &mut out)?;
        }
        stream.finish(&mut anonymiser, &mut report, &mut out)?;
        Ok::<_, weglakker::Error>((out, report.to_json()))
    })()
    .map_err(|e| e.to_string());
    assert_eq!(streamed, whole);
});
