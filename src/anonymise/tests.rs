//! Operator tests over whole texts: every operator, offsets checked against the output,
//! pseudonym consistency across records, keyed stability and key sensitivity.

use super::*;
use crate::{Granularity, Lang};

/// A policy with one operator for every kind.
fn policy_with(op: Operator, labels: Lang) -> Policy {
    let mut p = Policy {
        labels,
        ..Policy::default()
    };
    for kind in Kind::ALL {
        p.operators.insert(kind, op.clone());
    }
    p
}

/// Findings for every `{...}`-marked value of `marked`, and the text without the braces.
/// `{phone:06-12345678}` marks a phone number.
fn marked(marked: &str) -> (String, Vec<Finding>) {
    let mut text = String::new();
    let mut findings = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('}').expect("closing brace") + open;
        let (kind, value) = rest[open + 1..close].split_once(':').expect("kind:value");
        let start = text.len();
        text.push_str(value);
        findings.push(Finding::new(
            Span::new(start, text.len()),
            kind.parse().expect("kind"),
            0.9,
            "test",
        ));
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, findings)
}

/// Every replacement's input span holds the finding, its output span lies on char
/// boundaries of the output, and the text between replacements is unchanged.
fn assert_offsets(text: &str, findings: &[Finding], out: &Anonymised) {
    assert_eq!(out.replacements.len(), findings.len());
    let (mut last_in, mut last_out) = (0, 0);
    for (r, f) in out.replacements.iter().zip(findings) {
        assert_eq!(r.input, f.span);
        assert_eq!(r.kind, f.kind);
        assert!(out.text.is_char_boundary(r.output.start));
        assert!(out.text.is_char_boundary(r.output.end));
        assert_eq!(
            &text[last_in..r.input.start],
            &out.text[last_out..r.output.start],
            "text between replacements changed"
        );
        last_in = r.input.end;
        last_out = r.output.end;
    }
    assert_eq!(&text[last_in..], &out.text[last_out..]);
}

#[test]
fn every_operator_on_whole_texts() {
    let mask2 = Operator::Mask {
        keep_first: 0,
        keep_last: 2,
        char: '*',
    };
    let month = Operator::Generalise {
        to: Granularity::Month,
    };
    let year = Operator::Generalise {
        to: Granularity::Year,
    };
    let cases: &[(Operator, Lang, &str, &str)] = &[
        // keep: nothing changes
        (
            Operator::Keep,
            Lang::Nl,
            "Bel {phone:06-12345678}.",
            "Bel 06-12345678.",
        ),
        // redact, Dutch and English markers
        (
            Operator::Redact,
            Lang::Nl,
            "Hoi {person:Jan}!",
            "Hoi [VERWIJDERD]!",
        ),
        (
            Operator::Redact,
            Lang::En,
            "Hi {person:Jan}!",
            "Hi [REDACTED]!",
        ),
        // drop in text acts as redact
        (Operator::Drop, Lang::Nl, "{email:a@b.nl}", "[VERWIJDERD]"),
        // tag
        (
            Operator::Tag,
            Lang::Nl,
            "{person:Jan} en {person:Piet}",
            "[PERSOON] en [PERSOON]",
        ),
        (Operator::Tag, Lang::En, "{health:diabetes}", "[HEALTH]"),
        // numbered pseudonyms: per kind, in order of appearance, same value same number
        (
            Operator::Pseudonym,
            Lang::Nl,
            "{person:Jan}, {person:Piet}, {person:JAN} en {email:jan@x.nl}",
            "[PERSOON-1], [PERSOON-2], [PERSOON-1] en [E-MAIL-1]",
        ),
        (Operator::Pseudonym, Lang::En, "{person:Jan}", "[PERSON-1]"),
        // mask keeps separators
        (
            Operator::Mask {
                keep_first: 2,
                keep_last: 2,
                char: '*',
            },
            Lang::Nl,
            "{phone:06-12345678}",
            "06-******78",
        ),
        (
            mask2.clone(),
            Lang::Nl,
            "tel {phone:+31 6 12345678}",
            "tel +** * ******78",
        ),
        (mask2, Lang::Nl, "{email:jan@example.nl}", "*an@*******.nl"),
        // generalise dates, IPs, postcodes
        (
            month.clone(),
            Lang::Nl,
            "geboren {birth_date:12 maart 1985}",
            "geboren maart 1985",
        ),
        (
            year.clone(),
            Lang::Nl,
            "geboren {birth_date:12 maart 1985}",
            "geboren 1985",
        ),
        (
            month.clone(),
            Lang::Nl,
            "op {date:12-03-1985}",
            "op 03-1985",
        ),
        (
            month.clone(),
            Lang::Nl,
            "van {ip:192.168.1.77}",
            "van 192.168.1.0/24",
        ),
        (
            year.clone(),
            Lang::Nl,
            "van {ip:[2001:db8:1:2::1]:80}",
            "van 2001:db8:1::/48",
        ),
        (month.clone(), Lang::Nl, "in {address:1234 AB}", "in 1234"),
        // generalise without a coarser form tags
        (month.clone(), Lang::Nl, "{person:Jan}", "[PERSOON]"),
        (month.clone(), Lang::En, "{date:gisteren}", "[DATE]"),
        (year, Lang::Nl, "{address:Dorpsstraat 1}", "[ADRES]"),
        // multibyte text around and inside findings
        (
            Operator::Tag,
            Lang::Nl,
            "Zoë 😀 {person:Çelik} 😀",
            "Zoë 😀 [PERSOON] 😀",
        ),
        (month, Lang::Nl, "ëë{date:1 mei 2020}ëë", "ëëmei 2020ëë"),
        // no findings, empty text
        (Operator::Redact, Lang::Nl, "niets te zien", "niets te zien"),
        (Operator::Redact, Lang::Nl, "", ""),
    ];
    for (op, labels, input, want) in cases {
        let (text, findings) = marked(input);
        let out = Anonymiser::new(&policy_with(op.clone(), *labels)).anonymise(&text, &findings);
        assert_eq!(out.text, *want, "{op:?} on {input:?}");
        assert_offsets(&text, &findings, &out);
    }
}

#[test]
fn operator_names_say_what_was_really_done() {
    let cases: &[(Operator, &str, &str)] = &[
        (Operator::Keep, "{person:Jan}", "keep"),
        (Operator::Redact, "{person:Jan}", "redact"),
        (Operator::Drop, "{person:Jan}", "redact"),
        (Operator::Tag, "{person:Jan}", "tag"),
        (Operator::Pseudonym, "{person:Jan}", "pseudonym"),
        (
            Operator::Mask {
                keep_first: 0,
                keep_last: 0,
                char: '*',
            },
            "{person:Jan}",
            "mask",
        ),
        (
            Operator::Generalise {
                to: Granularity::Year,
            },
            "{date:1 mei 2020}",
            "generalise",
        ),
        (
            Operator::Generalise {
                to: Granularity::Year,
            },
            "{person:Jan}",
            "tag",
        ),
    ];
    for (op, input, want) in cases {
        let (text, findings) = marked(input);
        let out = Anonymiser::new(&policy_with(op.clone(), Lang::Nl)).anonymise(&text, &findings);
        assert_eq!(out.replacements[0].operator, *want, "{op:?}");
    }
}

#[test]
fn allowed_findings_are_kept() {
    let (text, mut findings) = marked("{handle:@DefensieNL} en {handle:@jan}");
    findings[0].allowed = true;
    let out = Anonymiser::new(&Policy::default()).anonymise(&text, &findings);
    assert_eq!(out.text, "@DefensieNL en [ACCOUNT-1]");
    assert_eq!(out.replacements[0].operator, "keep");
}

#[test]
fn bad_findings_are_skipped_not_panicked_on() {
    let text = "Zoë en Jan";
    let findings = [
        Finding::new(Span::new(1, 3), Kind::Person, 0.9, "test"), // inside `ë`
        Finding::new(Span::new(8, 11), Kind::Person, 0.9, "test"), // past the end
        Finding::new(Span::new(7, 10), Kind::Person, 0.9, "test"),
        Finding::new(Span::new(0, 8), Kind::Person, 0.9, "test"), // before the last one
    ];
    let out = Anonymiser::new(&Policy::default()).anonymise(text, &findings);
    assert_eq!(out.text, "Zoë en [PERSOON-1]");
    assert_eq!(out.replacements.len(), 1);
}

#[test]
fn numbered_pseudonyms_are_consistent_across_records() {
    let mut anon = Anonymiser::new(&Policy::default());
    let records = [
        (
            "{person:Jan de Vries} belde {phone:06-12345678}",
            "[PERSOON-1] belde [TELEFOON-1]",
        ),
        (
            "{person:Piet} en {person:jan  de vries}",
            "[PERSOON-2] en [PERSOON-1]",
        ),
        (
            "nummer {phone:+31 6 12345678} van {handle:@piet}",
            "nummer [TELEFOON-1] van [ACCOUNT-1]",
        ),
    ];
    for (input, want) in records {
        let (text, findings) = marked(input);
        assert_eq!(anon.anonymise(&text, &findings).text, want);
    }
    // a structured author field without @ gets the mention's pseudonym
    assert_eq!(anon.pseudonym(Kind::Handle, "piet"), "[ACCOUNT-1]");
}

fn keyed_policy() -> Policy {
    Policy::from_json(r#"{"version": 1, "pseudonyms": {"style": "keyed"}}"#).unwrap()
}

#[test]
fn keyed_pseudonyms_are_stable_and_depend_on_the_key() {
    let key_a = b"0123456789abcdef0123456789abcdef";
    let key_b = b"0123456789abcdef0123456789abcdeF";
    let p = keyed_policy();
    let run = |key: &[u8], value: &str| {
        Anonymiser::with_key(&p, key)
            .unwrap()
            .pseudonym(Kind::Person, value)
    };
    let a1 = run(key_a, "Jan de Vries");
    // stable across runs and normalised like numbered pseudonyms
    assert_eq!(a1, run(key_a, "jan  DE vries "));
    assert!(
        a1.starts_with("[PERSOON-") && a1.ends_with(']') && a1.len() == 18,
        "{a1}"
    );
    // another value, another key, another kind: another pseudonym
    assert_ne!(a1, run(key_a, "Piet"));
    assert_ne!(a1, run(key_b, "Jan de Vries"));
    let as_location = Anonymiser::with_key(&p, key_a)
        .unwrap()
        .pseudonym(Kind::Location, "Jan de Vries");
    assert_ne!(a1["[PERSOON-".len()..], as_location["[LOCATIE-".len()..]);
    // the value is not in the pseudonym
    assert!(!a1.to_lowercase().contains("jan"));
}

#[test]
fn keyed_construction_rules() {
    let p = keyed_policy();
    // too short or empty keys are refused under a keyed policy
    assert!(Anonymiser::with_key(&p, b"").is_err());
    assert!(Anonymiser::with_key(&p, &[7; MIN_KEY_LEN - 1]).is_err());
    assert!(Anonymiser::with_key(&p, &[7; MIN_KEY_LEN]).is_ok());
    // a numbered policy ignores the key
    let mut numbered = Anonymiser::with_key(&Policy::default(), b"").unwrap();
    assert_eq!(numbered.pseudonym(Kind::Person, "Jan"), "[PERSOON-1]");
    // `new` under a keyed policy falls back to numbered
    assert_eq!(
        Anonymiser::new(&p).pseudonym(Kind::Person, "Jan"),
        "[PERSOON-1]"
    );
    // the error never shows the key
    let err = Anonymiser::with_key(&p, b"hunter2")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn debug_hides_the_key() {
    let anon = Anonymiser::with_key(&keyed_policy(), b"do-not-print-this-secret").unwrap();
    let shown = format!("{anon:?}");
    assert!(!shown.contains("do-not-print"), "{shown}");
    assert!(shown.contains("keyed: true"), "{shown}");
}

/// (file name, content, the key read or `None` for an error)
type KeyCase<'a> = (&'a str, &'a [u8], Option<&'a [u8]>);

#[test]
fn key_files() {
    let dir = std::env::temp_dir().join(format!("weglakker-key-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: &[KeyCase<'_>] = &[
        // hex text, with or without line break, any case
        (
            "hex",
            b"000102030405060708090a0b0c0d0e0f\n",
            Some(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]),
        ),
        (
            "hexcrlf",
            b"000102030405060708090A0B0C0D0E0F\r\n",
            Some(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]),
        ),
        // short hex-looking text is a raw passphrase
        ("shorthex", b"abcd\n", Some(b"abcd")),
        // raw bytes are used as they are
        (
            "raw",
            &[0xff, 0x00, 0x10, b'\n', 0x20],
            Some(&[0xff, 0x00, 0x10, b'\n', 0x20]),
        ),
        (
            "phrase",
            b"correct horse battery staple\n",
            Some(b"correct horse battery staple"),
        ),
        // empty files are an error
        ("empty", b"", None),
        ("newline", b"\n", None),
    ];
    for (name, content, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        match (key_from_file(&path), want) {
            (Ok(key), Some(want)) => assert_eq!(&key[..], *want, "{name}"),
            (Err(err), None) => assert!(err.to_string().contains(name), "{err}"),
            (got, _) => panic!("{name}: {got:?}"),
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fields_follow_their_operator() {
    let policy = Policy::from_json(
        r#"{"version": 1, "labels": "en", "fields": {
            "author": {"type": "pseudonym"}, "user_id": {"type": "drop"},
            "phone": {"type": "mask", "keepLast": 2}, "created": {"type": "generalise", "to": "year"},
            "name": {"type": "tag"}, "ip": {"type": "redact"}, "lang": {"type": "keep"}}}"#,
    )
    .unwrap();
    let mut anon = Anonymiser::new(&policy);
    let cases: &[(&str, Kind, &str, Option<&str>)] = &[
        // pseudonyms shared with the text
        ("author", Kind::Handle, "@piet", Some("[HANDLE-1]")),
        ("author", Kind::Handle, "Piet", Some("[HANDLE-1]")),
        // drop removes the field
        ("user_id", Kind::Handle, "123", None),
        // the other operators as in text
        ("phone", Kind::Phone, "06-12345678", Some("**-******78")),
        ("created", Kind::Date, "2024-05-01", Some("2024")),
        ("created", Kind::Date, "", Some("[DATE]")),
        ("name", Kind::Person, "Piet", Some("[PERSON]")),
        ("ip", Kind::Ip, "10.0.0.1", Some("[REDACTED]")),
        ("lang", Kind::Location, "nl", Some("nl")),
        // a field the policy does not name is left to the caller
        ("text", Kind::Person, "Hoi Piet", Some("Hoi Piet")),
    ];
    for (field, kind, value, want) in cases {
        assert_eq!(
            anon.field(field, *kind, value).as_deref(),
            *want,
            "{field} {value:?}"
        );
    }
}

proptest::proptest! {
    /// Any text, any findings (also out of order, overlapping or inside a character): no
    /// panic, and the replacements made describe the output exactly.
    #[test]
    fn never_panics_and_offsets_hold(
        text in "\\PC{0,40}",
        spans in proptest::collection::vec((0usize..60, 0usize..20, 0..Kind::ALL.len()), 0..6),
        op in 0usize..7,
    ) {
        let ops = [
            Operator::Keep,
            Operator::Redact,
            Operator::Tag,
            Operator::Pseudonym,
            Operator::Mask { keep_first: 1, keep_last: 1, char: '•' },
            Operator::Generalise { to: Granularity::Month },
            Operator::Drop,
        ];
        let findings: Vec<Finding> = spans
            .iter()
            .map(|(start, len, kind)| {
                Finding::new(Span::new(*start, start + len), Kind::ALL[*kind], 0.5, "prop")
            })
            .collect();
        let out = Anonymiser::new(&policy_with(ops[op].clone(), Lang::Nl)).anonymise(&text, &findings);
        // the findings that were used are the ones reported; check offsets with those
        let used: Vec<Finding> = out
            .replacements
            .iter()
            .map(|r| Finding::new(r.input, r.kind, 0.5, "prop"))
            .collect();
        assert_offsets(&text, &used, &out);
    }
}
