//! Checks of the WebAssembly boundary (src/wasm.rs), shared by the Node and the Chromium
//! test files. They go through the same exported functions JavaScript calls and read the
//! results back as JSON, so they see exactly what a page sees.
//!
//! Detector-independent: findings come from the policy's deny list, so these hold whatever
//! the detectors find.

use serde_json::{json, Value};

/// Declares one `#[wasm_bindgen_test]` per check below, so the Node and the Chromium test
/// files run the same list without repeating it.
#[macro_export]
macro_rules! boundary_tests {
    ($($check:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            fn $check() {
                wasm_common::$check();
            }
        )*
    };
}

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

/// Calls `processFile` with `options` (JSON) and returns (output text, the rest as JSON).
pub fn process(bytes: &[u8], options: Value) -> Result<(String, Value), String> {
    let options = js_sys::JSON::parse(&options.to_string()).unwrap();
    let done = weglakker::wasm::process_file(bytes, options).map_err(error_message)?;
    let output = js_sys::Reflect::get(&done, &JsValue::from_str("output")).unwrap();
    let output: js_sys::Uint8Array = output.dyn_into().expect("output is a Uint8Array");
    js_sys::Reflect::delete_property(&done.clone().into(), &JsValue::from_str("output")).unwrap();
    Ok((String::from_utf8(output.to_vec()).unwrap(), as_json(done)))
}

/// A JSON Lines export: minimised output, report, records with UTF-16 offsets per field.
pub fn process_file_jsonl() {
    let input = "{\"id\":1,\"text\":\"😀 Zeemeeuw\",\"user\":{\"name\":\"é zeemeeuw\"}}\n\n{\"id\":\"b\",\"text\":\"niets\"}\n";
    let (output, done) = process(
        input.as_bytes(),
        json!({"format": "jsonl", "name": "x.jsonl", "policy": {"deny": ["Zeemeeuw"]}}),
    )
    .unwrap();
    assert_eq!(done["format"], "jsonl");
    // the deny term is pseudonymised consistently across fields
    assert!(output.contains("\"text\":\"😀 [PERSOON-1]\""), "{output}");
    assert!(output.contains("\"name\":\"é [PERSOON-1]\""), "{output}");
    assert!(output.contains("\n\n{\"id\":\"b\""), "{output}");
    let records = done["records"].as_array().unwrap();
    // (record, line, id, field, UTF-16 start of the deny hit)
    let cases: &[(usize, u64, Value, &str, u64)] = &[
        (0, 1, json!(1), "text", 3),
        (0, 1, json!(1), "user/name", 2),
    ];
    for (record, line, id, field, start) in cases {
        let r = &records[*record];
        assert_eq!(r["line"], *line);
        assert_eq!(r["id"], *id);
        assert!(r["decision"].is_string());
        let f = r["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["field"] == *field)
            .unwrap();
        let hit = f["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["rule"] == "deny")
            .unwrap();
        assert_eq!(hit["start"], *start, "{field}");
        let text = f["text"].as_str().unwrap();
        assert_eq!(
            js_slice(text, *start, hit["end"].as_u64().unwrap()).to_lowercase(),
            "zeemeeuw"
        );
    }
    assert_eq!(records[1]["line"], 3);
    assert_eq!(done["report"]["records"]["written"], 2);
    assert_eq!(done["report"]["input"]["name"], "x.jsonl");
    assert!(
        done["report"]["processedAt"].is_string() || done["report"]["processed_at"].is_string()
    );
    let html = done["reportHtml"].as_str().unwrap();
    assert!(html.starts_with("<!DOCTYPE html") || html.starts_with("<!doctype html"));
    assert!(!html.contains("Zeemeeuw") && !html.contains("zeemeeuw"));
}

/// Findings a person keeps (by record, field and UTF-16 start) stay in the output.
pub fn process_file_keeps_chosen_findings() {
    let input = "{\"text\":\"😀 Zeemeeuw\"}\n{\"text\":\"😀 Zeemeeuw\"}\n";
    let options = json!({"format": "auto", "policy": {"deny": ["Zeemeeuw"]},
        "keep": [{"record": 1, "field": "text", "start": 3}]});
    let (output, done) = process(input.as_bytes(), options).unwrap();
    assert_eq!(
        output,
        "{\"text\":\"😀 [PERSOON-1]\"}\n{\"text\":\"😀 Zeemeeuw\"}\n"
    );
    let kept = &done["records"][1]["fields"][0]["findings"];
    assert!(kept
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "deny" && f["allowed"] == true));
    // text format: the whole file is one record
    let (output, done) = process(
        "Zeemeeuw\nzeemeeuw".as_bytes(),
        json!({"format": "text", "policy": {"deny": ["Zeemeeuw"]}, "records": false}),
    )
    .unwrap();
    assert_eq!(output, "[PERSOON-1]\n[PERSOON-1]");
    assert_eq!(done["records"], json!([]));
}

/// A Session fed in chunks (cut inside a line and inside a UTF-8 character): one run of
/// pseudonyms, `keep` by record over the whole file with UTF-16 starts, errors as `Error`s.
pub fn session_in_chunks() {
    use weglakker::wasm::Session;
    let input = "{\"text\":\"😀 Zeemeeuw\"}\n\n{\"text\":\"😀 Zeemeeuw\"}\n{\"text\":\"zeemeeuw\"}";
    let options = json!({"format": "jsonl", "name": "x.jsonl", "policy": {"deny": ["Zeemeeuw"]},
        "keep": [{"record": 1, "field": "text", "start": 3}]});
    let mut session = Session::new(js_sys::JSON::parse(&options.to_string()).unwrap()).unwrap();
    let bytes = input.as_bytes();
    let mut output = Vec::new();
    for part in [&bytes[..11], &bytes[11..30], &bytes[30..]] {
        output.extend(session.chunk(part).unwrap());
    }
    let done = session.finish().unwrap();
    let rest = js_sys::Reflect::get(&done, &JsValue::from_str("output")).unwrap();
    output.extend(rest.unchecked_into::<js_sys::Uint8Array>().to_vec());
    js_sys::Reflect::delete_property(&done.clone().into(), &JsValue::from_str("output")).unwrap();
    assert_eq!(
        String::from_utf8(output).unwrap(),
        "{\"text\":\"😀 [PERSOON-1]\"}\n\n{\"text\":\"😀 Zeemeeuw\"}\n{\"text\":\"[PERSOON-1]\"}"
    );
    let done = as_json(done);
    assert_eq!(done["format"], "jsonl");
    assert_eq!(done["report"]["records"]["written"], 3);
    assert_eq!(done["report"]["input"]["size"], input.len());
    assert!(session.finish().is_err(), "finished twice");

    let mut broken =
        Session::new(js_sys::JSON::parse(&json!({"format": "jsonl"}).to_string()).unwrap())
            .unwrap();
    broken.chunk(b"{}\n").unwrap();
    let err = broken.chunk(b"{oops\n").unwrap_err();
    let err: js_sys::Error = err.dyn_into().expect("an Error");
    assert!(String::from(err.message()).starts_with("line 2:"));
    let csv = Session::new(js_sys::JSON::parse(&json!({"format": "csv"}).to_string()).unwrap());
    assert!(csv.is_err());
}

/// Errors are JS `Error`s that name the line, never quote the file.
pub fn process_file_errors() {
    // (input, options, part of the message)
    let cases: &[(&str, Value, &str)] = &[
        ("{}\n{geheim", json!({"format": "jsonl"}), "line 2"),
        (
            "{}\n{\"a\":1}\n[1]",
            json!({"format": "jsonl", "firstLine": 10}),
            "line 12",
        ),
        ("x", json!({"format": "docx"}), "unknown format"),
        (
            "x",
            json!({"format": "text", "policy": {"version": 2}}),
            "version 2",
        ),
        (
            "x",
            json!({"format": "text", "policy": {"pseudonyms": {"style": "keyed"}}}),
            "key",
        ),
    ];
    for (input, options, needle) in cases {
        let message = process(input.as_bytes(), options.clone()).unwrap_err();
        assert!(message.contains(needle), "{message}");
        assert!(!message.contains("geheim"), "{message}");
    }
}

/// Workbooks in WebAssembly (feature `xlsx`): read with calamine and written back with
/// rust_xlsxwriter (which reads the clock through JavaScript on this target): the author is
/// replaced, the same name in the text gets the same pseudonym, numbers stay numbers.
#[cfg(feature = "xlsx")]
pub fn xlsx_round_trip() {
    use weglakker::formats::xlsx;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["Auteur", "Bericht", "Likes"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "Zeemeeuw Jansen").unwrap();
    sheet
        .write_string(1, 1, "Dank aan Zeemeeuw Jansen voor de tip")
        .unwrap();
    sheet.write_number(1, 2, 12.0).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let policy = weglakker::Policy::default();
    let mut report = weglakker::report::Report::new(&policy);
    let out = xlsx::anonymise(
        &bytes,
        &policy,
        &mut weglakker::Anonymiser::new(&policy),
        &mut report,
    )
    .unwrap();
    let book = xlsx::Workbook::read(&out, &policy).unwrap();
    let cells: Vec<String> = book.sheets[0]
        .cells
        .iter()
        .map(|(_, _, d)| d.to_string())
        .collect();
    assert_eq!(cells[3], "[PERSOON-1]", "{cells:?}");
    assert_eq!(cells[4], "Dank aan [PERSOON-1] voor de tip", "{cells:?}");
    assert_eq!(cells[5], "12", "{cells:?}");
    assert_eq!(report.records.written, 1);
}

/// A CsvSession read in passes, chunks cut inside a quoted newline and a UTF-8 character:
/// the download equals processFile's (with `keep` by record, column and UTF-16 start),
/// the review's records equal processFile's, and a record re-read from its byte offsets
/// is the same record; a file that is no CSV is an `Error`.
pub fn csv_session_in_passes() {
    use weglakker::wasm::CsvSession;
    let input = "id;bericht\n1;\"😀 Zeemeeuw\nregel twee\"\n2;😀 Zeemeeuw\n3;zeemeeuw\n";
    let options = json!({"format": "auto", "name": "x.csv", "policy": {"deny": ["Zeemeeuw"]},
        "keep": [{"record": 1, "field": "bericht", "start": 3}]});
    let js = || js_sys::JSON::parse(&options.to_string()).unwrap();
    let bytes = input.as_bytes();
    let parts = [&bytes[..14], &bytes[14..30], &bytes[30..]];
    let mut session = CsvSession::new(js(), &bytes[..8]).unwrap();
    assert_eq!(session.format(), "csv");
    parts.iter().for_each(|p| session.survey(p));
    assert!(session.exact());
    for p in parts {
        session.learn(p).unwrap();
    }
    session.plan().unwrap();
    let mut output = Vec::new();
    for p in parts {
        output.extend(session.write(p).unwrap());
    }
    let done = session.finish_write().unwrap();
    let rest = js_sys::Reflect::get(&done, &JsValue::from_str("output")).unwrap();
    output.extend(rest.unchecked_into::<js_sys::Uint8Array>().to_vec());
    js_sys::Reflect::delete_property(&done.clone().into(), &JsValue::from_str("output")).unwrap();
    let (whole, processed) = process(bytes, options.clone()).unwrap();
    assert_eq!(String::from_utf8(output).unwrap(), whole);
    assert!(whole.contains("2;😀 Zeemeeuw\n3;[PERSOON-1]"), "{whole}");
    let done = as_json(done);
    assert_eq!(done["format"], "csv");
    assert_eq!(done["report"]["records"], processed["report"]["records"]);

    let mut records = Vec::new();
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    let mut take = |batch: JsValue| {
        let get = |name: &str| js_sys::Reflect::get(&batch, &JsValue::from_str(name)).unwrap();
        let offsets = |v: JsValue| v.unchecked_into::<js_sys::Float64Array>().to_vec();
        starts.extend(offsets(get("starts")));
        ends.extend(offsets(get("ends")));
        records.extend(as_json(get("records")).as_array().unwrap().clone());
    };
    for p in parts {
        take(session.scan(p).unwrap());
    }
    take(session.finish_scan().unwrap());
    assert_eq!(Value::from(records.clone()), processed["records"]);
    assert_eq!(starts, [11.0, 40.0, 56.0]);
    assert!(session.resumable());
    let slice = &bytes[starts[1] as usize..ends[2] as usize];
    let again = as_json(session.rescan(slice, 1).unwrap());
    assert_eq!(again, Value::from(records[1..].to_vec()));

    let not_csv = json!({"format": "jsonl"});
    let err = CsvSession::new(js_sys::JSON::parse(&not_csv.to_string()).unwrap(), b"{}").err();
    assert!(error_message(err.expect("jsonl refused")).contains("csv"));
}
