//! Any text as a whole JSON document under every JSON-family profile: parsed or rejected
//! with an error, never a panic, and the anonymised document (after an X archive's
//! assignment) is still valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weglakker::formats::{json, Format};
use weglakker::report::Report;
use weglakker::{Anonymiser, Operator, Policy};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = json::Document::parse(text) else {
        return;
    };
    let mut policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
    policy.fields.insert("user_id".into(), Operator::Drop);
    policy.fields.insert("author".into(), Operator::Pseudonym);
    let engine = policy.engine_builder().build();
    for format in [
        Format::Json,
        Format::XArchive,
        Format::Facebook,
        Format::Instagram,
        Format::Mastodon,
    ] {
        let profile = json::profile(format).unwrap();
        let _ = json::scan(&doc, profile, &engine, &policy);
        let mut report = Report::new(&policy);
        let out = json::anonymise(&doc, profile, &engine, &policy, &mut Anonymiser::new(&policy), &mut report);
        let out = json::Document::parse(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert!(serde_json::from_str::<serde_json::Value>(out.raw).is_ok());
    }
});
