//! Checks of the WebAssembly boundary (src/wasm.rs), shared by the Node and the Chromium
//! test files. They go through the same exported functions JavaScript calls and read the
//! results back as JSON, so they see exactly what a page sees.
//!
//! Detector-independent: findings come from the policy's deny list, so these hold whatever
//! the detectors find.

use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use weglakker::wasm::{kinds, version, Engine};

/// A JS value as JSON, to compare with `json!` literals.
pub fn as_json(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).expect("plain JSON-like value")
}

/// An engine reporting only `person`, with `deny` terms, from a policy JSON string.
pub fn deny_engine(deny: &[&str]) -> Engine {
    let policy = json!({"version": 1, "deny": deny}).to_string();
    let kinds = serde_wasm_bindgen::to_value(&["person"]).unwrap();
    Engine::new(JsValue::from_str(&policy), kinds).expect("valid policy")
}

/// The message of a thrown JS `Error`.
pub fn error_message(err: JsValue) -> String {
    let err: js_sys::Error = err.dyn_into().expect("a JS Error");
    err.message().into()
}

/// The UTF-16 slice `start..end` of `text`, as JavaScript's `text.slice(start, end)`.
pub fn js_slice(text: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

/// Findings carry UTF-16 offsets: the same slice in JS as the finding's text, for ASCII,
/// two-byte (é), three-byte (€) and astral (emoji, math letters: two UTF-16 units) text.
pub fn offsets_are_utf16() {
    let engine = deny_engine(&["Zeemeeuw"]);
    // (text, expected [start, end] of each deny hit in UTF-16 units)
    let cases: &[(&str, &[(u64, u64)])] = &[
        ("Zeemeeuw", &[(0, 8)]),
        // é is 2 bytes, 1 unit
        ("café zeemeeuw", &[(5, 13)]),
        // € is 3 bytes, 1 unit
        ("€ Zeemeeuw €", &[(2, 10)]),
        // 😀 is 4 bytes, 2 units; both before and between hits
        ("😀 Zeemeeuw 😀😀 ZEEMEEUW", &[(3, 11), (17, 25)]),
        // 𝒳 (U+1D4B3) is astral too; é combining form (e + U+0301) is 2 units
        ("𝒳e\u{301} Zeemeeuw", &[(5, 13)]),
        // no hit inside a longer word
        ("Zeemeeuwen 😀", &[]),
    ];
    for (text, expected) in cases {
        let found = as_json(engine.scan(text).unwrap());
        // Only the deny hits: a name detector may add findings of its own.
        let denied: Vec<&Value> = found
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "deny")
            .collect();
        let spans: Vec<(u64, u64)> = denied
            .iter()
            .map(|f| (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap()))
            .collect();
        assert_eq!(&spans, expected, "{text}");
        for f in denied {
            let (s, e) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
            assert_eq!(js_slice(text, s, e), f["text"].as_str().unwrap(), "{text}");
            assert_eq!(f["kind"], "person");
            assert_eq!(f["allowed"], false);
        }
    }
}

/// Replacements carry UTF-16 spans in the input and in the output.
pub fn replacement_offsets_are_utf16() {
    let mut engine = deny_engine(&["Zeemeeuw"]);
    let text = "😀 é Zeemeeuw 😀 zeemeeuw";
    let out = as_json(engine.anonymise(text).unwrap());
    let out_text = out["text"].as_str().unwrap();
    assert_eq!(out_text, "😀 é [PERSOON-1] 😀 [PERSOON-1]");
    let reps = out["replacements"].as_array().unwrap();
    assert_eq!(reps.len(), 2);
    for r in reps {
        let input = js_slice(
            text,
            r["start"].as_u64().unwrap(),
            r["end"].as_u64().unwrap(),
        );
        assert!(input.eq_ignore_ascii_case("zeemeeuw"), "{input}");
        let output = js_slice(
            out_text,
            r["outputStart"].as_u64().unwrap(),
            r["outputEnd"].as_u64().unwrap(),
        );
        assert_eq!(output, "[PERSOON-1]");
        assert_eq!(r["kind"], "person");
        assert_eq!(r["operator"], "pseudonym");
    }
}

/// One engine is one run: the same value keeps its pseudonym across calls until `reset`.
pub fn pseudonyms_are_consistent_per_run() {
    let mut engine = deny_engine(&["Zeemeeuw", "Aalscholver"]);
    let first = as_json(engine.anonymise("Aalscholver en Zeemeeuw").unwrap());
    assert_eq!(first["text"], "[PERSOON-1] en [PERSOON-2]");
    let second = as_json(engine.anonymise("zeemeeuw, dan aalscholver").unwrap());
    assert_eq!(second["text"], "[PERSOON-2], dan [PERSOON-1]");
    engine.reset();
    let third = as_json(engine.anonymise("zeemeeuw").unwrap());
    assert_eq!(third["text"], "[PERSOON-1]");
}

/// A policy may be a plain object as well as JSON text; operators and labels apply.
pub fn policy_object_is_accepted() {
    // A plain object, as a page has it (JSON.parse, not a Map).
    let policy = js_sys::JSON::parse(
        &json!({
            "version": 1,
            "labels": "en",
            "deny": [{"term": "Zeemeeuw", "kind": "location"}],
            "operators": {"location": {"type": "tag"}}
        })
        .to_string(),
    )
    .unwrap();
    let mut engine = Engine::new(policy, JsValue::UNDEFINED).unwrap();
    let out = as_json(engine.anonymise("naar Zeemeeuw").unwrap());
    assert_eq!(out["text"], "naar [LOCATION]");
    let back = as_json(engine.policy().unwrap());
    assert_eq!(back["labels"], "en");
}

/// Every error is a JS `Error` with the crate's message.
pub fn errors_are_js_errors() {
    // (policy JSON, kinds, part of the message)
    let cases: &[(&str, Option<&[&str]>, &str)] = &[
        (
            r#"{"version": 1, "operators": {"persoon": {"type": "tag"}}}"#,
            None,
            "persoon",
        ),
        (
            r#"{"version": 1, "operators": {"email": {"type": "shred"}}}"#,
            None,
            "shred",
        ),
        (r#"{"version": 2}"#, None, "version 2"),
        ("{not json", None, "policy"),
        (
            r#"{"version": 1}"#,
            Some(&["email", "telefoon"]),
            "telefoon",
        ),
    ];
    for (policy, kinds, needle) in cases {
        let kinds = match kinds {
            Some(k) => serde_wasm_bindgen::to_value(k).unwrap(),
            None => JsValue::UNDEFINED,
        };
        let err = Engine::new(JsValue::from_str(policy), kinds)
            .err()
            .unwrap_or_else(|| panic!("{policy} should fail"));
        let message = error_message(err);
        assert!(message.contains(needle), "{message}");
    }
    // kinds must be an array of strings
    let err = Engine::new(JsValue::UNDEFINED, JsValue::from_f64(3.0))
        .err()
        .unwrap();
    assert!(error_message(err).contains("kinds"));
}

/// The defaults work: no policy, no kinds; scan returns an array whatever the detectors do.
pub fn defaults_and_metadata() {
    let engine = Engine::new(JsValue::UNDEFINED, JsValue::NULL).unwrap();
    let found = as_json(
        engine
            .scan("mail jan@example.nl of bel 06-12345678")
            .unwrap(),
    );
    assert!(found.is_array());
    assert!(as_json(engine.scan("").unwrap())
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    let kinds = as_json(kinds().unwrap());
    let kinds = kinds.as_array().unwrap();
    assert_eq!(kinds.len(), 21);
    assert_eq!(
        kinds[0],
        json!({"id": "person", "group": "identifier", "nl": "PERSOON", "en": "PERSON"})
    );
    assert!(kinds
        .iter()
        .any(|k| k["id"] == "health" && k["group"] == "special"));
}
