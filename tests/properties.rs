//! Properties that hold for every input: scanning never panics and returns sorted,
//! non-overlapping spans on char boundaries; anonymising puts every replacement where it says;
//! the JSON Lines reader never panics and its rewrites stay valid JSON.

use proptest::prelude::*;
use weglakker::formats::jsonl;
use weglakker::report::Report;
use weglakker::{Anonymiser, Engine, Finding, Operator, Policy};

fn policy() -> Policy {
    Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw", "Kamp Zuid"]}"#).unwrap()
}

fn engine() -> Engine {
    policy().engine_builder().build()
}

const PIECES: &[&str] = &[
    "Jan",
    "de Vries",
    "zeemeeuw",
    "Kamp Zuid",
    "@jan_v",
    "jan@example.nl",
    "06-12345678",
    "+31 20 123 4567",
    "1234 AB",
    "Dorpsstraat 12a",
    "NL91ABNA0417164300",
    "111222333",
    "12-03-1985",
    "geboren",
    "https://x.com/jan",
    "192.168.1.1",
    "diabetes",
    "Één",
    "😀",
    ".",
    ",",
    "\n",
];

/// Text made of pieces that detectors care about, so findings actually happen: names,
/// contact details, numbers, dates, deny terms, punctuation, non-ASCII.
fn social_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(String::from),
        1 => "[a-zA-Z0-9 .,@:/-]{0,6}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.join(" "))
}

fn check_findings(text: &str, findings: &[Finding]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for f in findings {
        prop_assert!(f.span.start < f.span.end, "empty span {:?}", f.span);
        prop_assert!(f.span.end <= text.len());
        prop_assert!(
            text.is_char_boundary(f.span.start),
            "start off a char boundary"
        );
        prop_assert!(text.is_char_boundary(f.span.end), "end off a char boundary");
        prop_assert!(
            f.span.start >= last_end,
            "unsorted or overlapping at {:?}",
            f.span
        );
        prop_assert!((0.0..=1.0).contains(&f.score));
        last_end = f.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scan_arbitrary_strings(text in any::<String>()) {
        let findings = engine().scan(&text);
        check_findings(&text, &findings)?;
    }

    #[test]
    fn scan_social_text(text in social_text()) {
        let findings = Engine::new().scan(&text);
        check_findings(&text, &findings)?;
        let findings = engine().scan(&text);
        check_findings(&text, &findings)?;
    }

    #[test]
    fn anonymise_spans_match_the_output(text in social_text()) {
        let engine = engine();
        let findings = engine.scan(&text);
        let out = Anonymiser::new(&policy()).anonymise(&text, &findings);
        prop_assert_eq!(out.replacements.len(), findings.len());
        // Rebuild the output from input gaps and replacement outputs: it must be the text.
        let mut rebuilt = String::new();
        let (mut last_in, mut last_out) = (0, 0);
        for r in &out.replacements {
            prop_assert!(out.text.is_char_boundary(r.output.start));
            prop_assert!(out.text.is_char_boundary(r.output.end));
            let gap_in = &text[last_in..r.input.start];
            let gap_out = &out.text[last_out..r.output.start];
            prop_assert_eq!(gap_in, gap_out);
            rebuilt.push_str(gap_out);
            rebuilt.push_str(&out.text[r.output.range()]);
            last_in = r.input.end;
            last_out = r.output.end;
        }
        prop_assert_eq!(&text[last_in..], &out.text[last_out..]);
        rebuilt.push_str(&out.text[last_out..]);
        prop_assert_eq!(rebuilt, out.text);
    }

    /// What was replaced is not found again: the markers do not look like personal data.
    #[test]
    fn anonymised_text_has_nothing_left_to_find(text in social_text()) {
        let engine = Engine::new();
        let policy = Policy::default();
        let findings = engine.scan(&text);
        let out = Anonymiser::new(&policy).anonymise(&text, &findings);
        let replaced: Vec<_> = out
            .replacements
            .iter()
            .filter(|r| policy.operator(r.kind) != Operator::Keep)
            .collect();
        for f in engine.scan(&out.text) {
            let inside_marker = replaced.iter().any(|r| r.output.overlaps(f.span));
            prop_assert!(!inside_marker, "{:?} found again in {:?}", f, out.text);
        }
    }

    #[test]
    fn jsonl_reader_never_panics(line in any::<String>()) {
        let _ = jsonl::parse_line(&line);
    }

    /// Objects with arbitrary strings: the anonymised line is valid JSON with the same keys.
    #[test]
    fn jsonl_rewrite_stays_valid(
        values in proptest::collection::vec(social_text(), 1..4),
        drop_first in any::<bool>(),
    ) {
        let mut object = serde_json::Map::new();
        object.insert("id".into(), 1.into());
        for (i, v) in values.iter().enumerate() {
            object.insert(format!("f{i}"), serde_json::Value::from(v.as_str()));
        }
        let raw = serde_json::Value::Object(object.clone()).to_string();
        let mut policy = policy();
        if drop_first {
            policy.fields.insert("f0".into(), Operator::Drop);
        }
        let engine = policy.engine_builder().build();
        let line = jsonl::parse_line(&raw).unwrap();
        let out = jsonl::anonymise_line(
            &line, &engine, &policy, &mut Anonymiser::new(&policy), &mut Report::new(&policy),
        );
        let parsed: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&out).unwrap();
        let mut want: Vec<&String> = object.keys().collect();
        if drop_first {
            want.retain(|k| k.as_str() != "f0");
        }
        prop_assert_eq!(parsed.keys().collect::<Vec<_>>(), want);
    }
}
