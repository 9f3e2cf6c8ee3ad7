//! `process::Session`: a file fed in chunks gives exactly what `process` gives for the whole
//! file (output, pseudonyms, counts, hashes), wherever the chunks are cut.

use weglakker::formats::process::{process, Options, Session};
use weglakker::formats::Format;
use weglakker::{Finding, Policy};

fn policy() -> Policy {
    Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw", "Aalscholver"]}"#).unwrap()
}

const INPUT: &str =
    "\u{feff}{\"id\":\"a\",\"text\":\"Operatie Zeemeeuw, mail jan@example.nl\"}\r\n\
\n\
{\"id\":\"b\",\"text\":\"Aalscholver en zeemeeuw 👏\",\"user\":{\"name\":\"Zeemeeuw\"}}\n\
{\"text\":\"Top filmpje!\"}\n\
{\"id\":3,\"text\":\"Kunnen jullie de link delen? AALSCHOLVER\"}";

/// The whole report (counts, hashes, policy) as JSON, to compare two runs.
fn json(report: &weglakker::report::Report) -> serde_json::Value {
    serde_json::to_value(report).unwrap()
}

/// Feeds `input` cut at `cuts` and returns the whole output and the finished session.
fn chunked(
    input: &[u8],
    cuts: &[usize],
    options: &Options<'_>,
) -> (Vec<u8>, weglakker::formats::process::Finished) {
    let mut session = Session::new(&policy(), options).unwrap();
    let mut out = Vec::new();
    let mut from = 0;
    for &cut in cuts.iter().chain(std::iter::once(&input.len())) {
        out.extend(session.chunk(&input[from..cut]).unwrap());
        from = cut;
    }
    let done = session.finish().unwrap();
    out.extend(&done.output);
    (out, done)
}

#[test]
fn any_two_chunks_give_the_whole_file_result() {
    let options = Options {
        name: Some("x.jsonl"),
        ..Options::new(Format::Jsonl)
    };
    let whole = process(INPUT.as_bytes(), &policy(), &options).unwrap();
    for cut in 0..=INPUT.len() {
        let (out, done) = chunked(INPUT.as_bytes(), &[cut], &options);
        assert_eq!(out, whole.output, "cut at {cut}");
        assert_eq!(json(&done.report), json(&whole.report), "cut at {cut}");
    }
}

#[test]
fn many_small_chunks_and_triage() {
    let options = Options {
        triage: true,
        ..Options::new(Format::Jsonl)
    };
    let whole = process(INPUT.as_bytes(), &policy(), &options).unwrap();
    let cuts: Vec<usize> = (1..INPUT.len()).step_by(7).collect();
    let (out, done) = chunked(INPUT.as_bytes(), &cuts, &options);
    assert_eq!(out, whole.output);
    assert_eq!(json(&done.report), json(&whole.report));
    assert!(done.report.records.written < 4, "triage left something out");
}

#[test]
fn keep_uses_record_numbers_over_the_whole_file() {
    // keep every finding in record 1 (id "b", after a blank line), in any chunk
    let keep = |record: usize, _: &str, _: &str, _: &Finding| record == 1;
    let options = Options {
        keep: Some(&keep),
        ..Options::new(Format::Jsonl)
    };
    let whole = process(INPUT.as_bytes(), &policy(), &options).unwrap();
    let session = Session::new(&policy(), &Options::new(Format::Jsonl))
        .unwrap()
        .with_keep(Box::new(|record, _, _, _| record == 1));
    let mut session = session;
    let (a, b) = INPUT.as_bytes().split_at(70);
    let mut out = session.chunk(a).unwrap();
    out.extend(session.chunk(b).unwrap());
    out.extend(session.finish().unwrap().output);
    assert_eq!(out, whole.output);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Aalscholver en zeemeeuw"), "{text}");
    assert!(!text.contains("Operatie Zeemeeuw"), "{text}");
}

#[test]
fn errors_name_the_line_in_the_whole_file() {
    let mut session = Session::new(&policy(), &Options::new(Format::Jsonl)).unwrap();
    session.chunk(b"{\"text\":\"a\"}\n\n{\"te").unwrap();
    let err = session.chunk(b"xt\":\"b\"}\n{oops}\n").unwrap_err();
    assert!(err.to_string().starts_with("line 4:"), "{err}");
    let mut session = Session::new(&policy(), &Options::new(Format::Jsonl)).unwrap();
    session.chunk(b"{\"text\":\"a\"}\n[1").unwrap();
    let err = session.finish().unwrap_err();
    assert!(err.to_string().starts_with("line 2:"), "{err}");
}

#[test]
fn text_pseudonyms_are_consistent_across_chunks() {
    let input = "Zeemeeuw zag Aalscholver.\nLater weer zeemeeuw,\nen aalscholver";
    let (out, done) = chunked(input.as_bytes(), &[10, 30], &Options::new(Format::Text));
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "[PERSOON-1] zag [PERSOON-2].\nLater weer [PERSOON-1],\nen [PERSOON-2]"
    );
    assert_eq!(done.report.records.written, 1);
    assert_eq!(done.report.input.as_ref().unwrap().size, input.len() as u64);
}

#[test]
fn refuses_what_cannot_be_chunked() {
    let triage = Options {
        triage: true,
        ..Options::new(Format::Text)
    };
    assert!(Session::new(&policy(), &triage).is_err());
    for format in [Format::Csv, Format::Json, Format::Zip] {
        assert!(Session::new(&policy(), &Options::new(format)).is_err());
    }
    let mut session = Session::new(&policy(), &Options::new(Format::Jsonl)).unwrap();
    assert!(session.chunk(b"\xFF\xFE{\x00").is_err());
    let keyed = Policy::from_json(r#"{"version": 1, "pseudonyms": {"style": "keyed"}}"#).unwrap();
    assert!(Session::new(&keyed, &Options::new(Format::Jsonl)).is_err());
}
