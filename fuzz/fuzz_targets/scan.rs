//! Any bytes, decoded as the CLI decodes them, scanned and anonymised: no panic, and the
//! spans keep their promises (sorted, disjoint, on char boundaries).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use weglakker::{Anonymiser, Engine, Policy};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::new)
}

fuzz_target!(|data: &[u8]| {
    let text = weglakker::formats::decode(data.to_vec()).text;
    let findings = engine().scan(&text);
    let mut last = 0;
    for f in &findings {
        assert!(last <= f.span.start && f.span.start < f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        last = f.span.end;
    }
    let out = Anonymiser::new(&Policy::default()).anonymise(&text, &findings);
    for r in &out.replacements {
        assert!(out.text.is_char_boundary(r.output.start));
        assert!(out.text.is_char_boundary(r.output.end));
    }
});
