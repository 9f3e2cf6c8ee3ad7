//! Any text as JSON Lines: every line is parsed or rejected with an error, never a panic,
//! and an anonymised line is still valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weglakker::formats::jsonl;
use weglakker::report::Report;
use weglakker::{Anonymiser, Operator, Policy};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
    policy.fields.insert("user_id".into(), Operator::Drop);
    policy.fields.insert("author".into(), Operator::Pseudonym);
    let engine = policy.engine_builder().build();
    let mut anonymiser = Anonymiser::new(&policy);
    let mut report = Report::new(&policy);
    for (_, raw, _) in jsonl::lines(text) {
        if let Ok(line) = jsonl::parse_line(raw) {
            let out = jsonl::anonymise_line(&line, &engine, &policy, &mut anonymiser, &mut report);
            assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok(), "{out}");
        }
    }
});
