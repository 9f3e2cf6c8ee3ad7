//! The report never holds an original value, and merging adds up.

use super::*;
use crate::{Anonymiser, DenyEntry, Granularity, Kind, Operator, Span};
use proptest::prelude::*;

/// Every operator, so each path through the anonymiser is reported on.
fn operators() -> Vec<Operator> {
    vec![
        Operator::Keep,
        Operator::Redact,
        Operator::Tag,
        Operator::Pseudonym,
        Operator::Mask {
            keep_first: 1,
            keep_last: 2,
            char: '*',
        },
        Operator::Generalise {
            to: Granularity::Year,
        },
        Operator::Drop,
    ]
}

proptest! {
    /// Texts of words, some of them findings of random kinds under random operators, with
    /// some finding values also on the policy's allow and deny lists: no value occurs in
    /// the report. Values carry digits inside letters, so they cannot be mistaken for the
    /// report's own words.
    #[test]
    fn report_never_contains_an_original_value(
        words in prop::collection::vec(
            ("[A-Z][a-zë]{2,6}[0-9]{2}[a-zé]{0,3}", any::<bool>(), 0..Kind::ALL.len(), 0..7usize, 0..3u8),
            1..12,
        ),
    ) {
        let ops = operators();
        let mut policy = Policy::default();
        let mut text = String::new();
        let mut findings = Vec::new();
        let mut values = Vec::new();
        for (word, is_finding, kind, op, list) in &words {
            if !text.is_empty() {
                text.push_str(" en ");
            }
            let start = text.len();
            text.push_str(word);
            if !is_finding {
                continue;
            }
            let kind = Kind::ALL[*kind];
            policy.operators.insert(kind, ops[*op].clone());
            match list {
                0 => policy.allow.push(word.clone()),
                1 => policy.deny.push(DenyEntry::WithKind { term: word.clone(), kind }),
                _ => policy.deny.push(DenyEntry::Term(word.clone())),
            }
            findings.push(Finding::new(Span::new(start, text.len()), kind, 0.9, "test"));
            values.push(word.clone());
        }
        let mut report = Report::new(&policy);
        report.set_processed_at("2026-12-02T15:00:00Z".into());
        report.set_input("export.jsonl", text.len() as u64, &sha256_hex(text.as_bytes()));
        let out = Anonymiser::new(&policy).anonymise(&text, &findings);
        report.set_output_sha256(&sha256_hex(out.text.as_bytes()));
        report.record_scanned();
        report.add_findings(&findings);
        report.add_replacements(&out.replacements);
        report.add_decision("archive");
        report.record_written();
        let mut merged = Report::new(&policy);
        merged.merge(&report);
        for json in [report.to_json(), merged.to_json()] {
            for value in &values {
                prop_assert!(!json.contains(value.as_str()), "{value} in {json}");
            }
        }
        prop_assert_eq!(report.policy.lists.deny + report.policy.lists.allow, values.len());
    }
}

#[test]
fn report_json_has_every_part() {
    let policy = Policy::from_json(
        r#"{"version": 1, "operators": {"phone": {"type": "mask", "keepLast": 2}},
            "fields": {"author": {"type": "pseudonym"}},
            "allow": ["Defensie"], "deny": ["Operatie Zeemeeuw", "Zeemeeuw"],
            "ownAccounts": ["@DefensieNL"], "officialChannels": ["x:@DefensieNL"]}"#,
    )
    .unwrap();
    let mut report = Report::new(&policy);
    report.set_processed_at("2026-12-02T15:00:00Z".into());
    report.set_input("in.jsonl", 10, &sha256_hex(b"0123456789"));
    report.set_output_sha256(&sha256_hex(b""));
    report.record_scanned();
    report.record_scanned();
    report.record_written();
    report.record_dropped("not_archived_sentiment");
    report.add_decision("archive");
    report.add_decision("not_archived_sentiment");
    let v: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["processed_at"], "2026-12-02T15:00:00Z");
    assert_eq!(v["input"]["name"], "in.jsonl");
    assert_eq!(v["input"]["size"], 10);
    assert_eq!(
        v["input"]["sha256"],
        "84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882"
    );
    assert_eq!(
        v["output"]["sha256"],
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(v["records"]["scanned"], 2);
    assert_eq!(v["records"]["dropped"]["not_archived_sentiment"], 1);
    assert_eq!(v["decisions"]["archive"], 1);
    assert!(v["retention"]["archive"]
        .as_str()
        .unwrap()
        .contains("selectielijst"));
    assert!(v["retention"]["not_archived_sentiment"]
        .as_str()
        .unwrap()
        .contains("6 maanden"));
    // the policy: operators in force for every kind, list sizes only
    assert_eq!(v["policy"]["operators"]["phone"]["type"], "mask");
    assert_eq!(v["policy"]["operators"]["phone"]["keepLast"], 2);
    assert_eq!(v["policy"]["operators"]["health"]["type"], "tag");
    assert_eq!(v["policy"]["fields"]["author"]["type"], "pseudonym");
    assert_eq!(v["policy"]["lists"]["deny"], 2);
    assert_eq!(v["policy"]["lists"]["own_accounts"], 1);
    let json = report.to_json();
    for term in ["Zeemeeuw", "Defensie"] {
        assert!(!json.contains(term), "{term} copied into {json}");
    }
}

#[test]
fn without_files_or_time_those_parts_are_left_out() {
    let v: serde_json::Value = serde_json::from_str(&Report::default().to_json()).unwrap();
    for absent in ["processed_at", "input", "output"] {
        assert!(v.get(absent).is_none(), "{absent}");
    }
}

#[test]
fn retention_notes_only_for_what_occurred_and_can_be_set() {
    let mut report = Report::default();
    report.set_retention_note("burgerbrief", "Zaaksysteem, categorie 2.3.");
    assert!(report.retention.is_empty());
    report.add_decision("burgerbrief");
    report.add_decision("review");
    report.record_dropped("broken_line"); // not a decision: no note
    assert_eq!(
        report.retention["burgerbrief"],
        "Zaaksysteem, categorie 2.3."
    );
    assert!(report.retention["review"].starts_with("Handmatig"));
    assert!(!report.retention.contains_key("broken_line"));
    // setting a note after the fact replaces the default
    report.set_retention_note("review", "Binnen 4 weken beoordelen.");
    assert_eq!(report.retention["review"], "Binnen 4 weken beoordelen.");
}

#[test]
fn merge_adds_every_count() {
    let policy = Policy::default();
    let findings = [
        Finding::new(Span::new(0, 3), Kind::Person, 0.9, "t"),
        Finding::new(Span::new(4, 7), Kind::Email, 0.9, "t"),
    ];
    let part = |decision: &str| {
        let mut r = Report::new(&policy);
        let out = Anonymiser::new(&policy).anonymise("Jan a@b", &findings);
        r.record_scanned();
        r.record_written();
        r.record_dropped("refer_channel");
        r.add_findings(&findings);
        r.add_replacements(&out.replacements);
        r.add_decision(decision);
        r
    };
    let mut all = part("archive");
    all.set_input("in.jsonl", 7, "00");
    let mut second = part("review");
    second.set_input("other.jsonl", 9, "11");
    second.set_processed_at("2026-12-02T15:00:00Z".into());
    all.merge(&second);
    assert_eq!(all.records.scanned, 2);
    assert_eq!(all.records.written, 2);
    assert_eq!(all.records.dropped["refer_channel"], 2);
    assert_eq!(all.found["person"], 2);
    assert_eq!(all.applied["email"]["pseudonym"], 2);
    assert_eq!(all.decisions["archive"], 1);
    assert_eq!(all.decisions["review"], 1);
    assert!(all.retention.contains_key("review"));
    // own file info wins; missing parts are taken from the other
    assert_eq!(all.input.as_ref().unwrap().name, "in.jsonl");
    assert_eq!(all.processed_at.as_deref(), Some("2026-12-02T15:00:00Z"));
}

#[test]
fn sha256_of_known_inputs() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (
            b"abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ),
    ];
    for (bytes, want) in cases {
        assert_eq!(sha256_hex(bytes), *want);
    }
}

#[test]
fn deny_terms_are_counted_not_copied() {
    let policy = Policy::from_json(
        r#"{"version": 1, "deny": ["Operatie Zeemeeuw", {"term": "Kazerne Noord", "kind": "location"}],
            "operators": {"location": {"type": "keep"}}}"#,
    )
    .unwrap();
    let engine = policy.engine_builder().build();
    let texts = [
        "Wanneer begint Operatie Zeemeeuw bij Kazerne Noord?",
        "operatie zeemeeuw is uitgesteld",
    ];
    let mut anon = Anonymiser::new(&policy);
    let mut report = Report::new(&policy);
    for text in texts {
        let findings = engine.scan(text);
        let out = anon.anonymise(text, &findings);
        report.record_scanned();
        report.add_findings(&findings);
        report.add_replacements(&out.replacements);
        report.record_written();
    }
    assert_eq!(report.found["person"], 2);
    assert_eq!(report.applied["location"]["keep"], 1);
    assert_eq!(report.policy.lists.deny, 2);
    let json = report.to_json().to_lowercase();
    for term in ["zeemeeuw", "kazerne", "noord"] {
        assert!(!json.contains(term), "{term} in {json}");
    }
}
