//! Accuracy of the triage decision tree on the labelled set tests/data/triage.jsonl
//! (how it was made: tests/data/triage.md).
//!
//! The set is split by record id: `t...` records (written first) by FNV-1a hash of the id
//! into tune (two in three) and held-out (one in three); `f...` records ("fresh") were
//! written after tuning ended and were never used for it. Rules were tuned only on the
//! tune part; the held-out and fresh figures are the honest ones.
//! `TRIAGE_ERRORS=tune cargo test --test triage -- --nocapture` lists the tune errors.

use serde::Deserialize;
use std::collections::BTreeMap;
use weglakker::triage::{Decision, Reaction, Triage};
use weglakker::Policy;

/// The policy the set was labelled under (tests/data/triage.md).
const POLICY: &str = r#"{
    "version": 1,
    "ownAccounts": ["@DefensieNL", "@GemeenteVoorbeeld"],
    "officialChannels": [
        "x:@DefensieNL", "facebook:Defensie", "mastodon:@defensie@social.overheid.nl",
        "x:@GemeenteVoorbeeld", "facebook:Gemeente Voorbeeld"
    ]
}"#;

/// Floors: the set's target is 0.90; the held-out and fresh floors are lower because
/// those parts are small.
const FLOOR_ALL: f64 = 0.90;
const FLOOR_HELD_OUT: f64 = 0.85;

#[derive(Deserialize)]
struct Labelled {
    id: String,
    text: String,
    platform: Option<String>,
    in_reply_to: Option<String>,
    decision: Decision,
}

fn load() -> Vec<Labelled> {
    let data = include_str!("data/triage.jsonl");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("line {}: {e}", i + 1)))
        .collect()
}

/// Which part of the set a record belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Tune,
    HeldOut,
    Fresh,
}

fn part(id: &str) -> Part {
    if id.starts_with('f') {
        Part::Fresh
    } else if held_out(id) {
        Part::HeldOut
    } else {
        Part::Tune
    }
}

fn held_out(id: &str) -> bool {
    let mut hash: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash.is_multiple_of(3)
}

#[derive(Default)]
struct Score {
    total: usize,
    right: usize,
    reviews: usize,
    /// Results with the `review` flag set (a person should check).
    flagged: usize,
    /// Wrong decisions that carried the flag.
    wrong_flagged: usize,
    /// (expected, got) → count.
    confusion: BTreeMap<(Decision, Decision), usize>,
}

impl Score {
    fn add(&mut self, expected: Decision, got: Decision, flagged: bool) {
        self.flagged += usize::from(flagged);
        self.wrong_flagged += usize::from(flagged && expected != got);
        self.total += 1;
        self.right += usize::from(expected == got);
        self.reviews += usize::from(got == Decision::Review);
        *self.confusion.entry((expected, got)).or_default() += 1;
    }

    fn accuracy(&self) -> f64 {
        self.right as f64 / self.total.max(1) as f64
    }

    /// Precision and recall of one decision.
    fn precision_recall(&self, d: Decision) -> (f64, f64) {
        let count = |f: &dyn Fn(Decision, Decision) -> bool| -> usize {
            self.confusion
                .iter()
                .filter(|((e, g), _)| f(*e, *g))
                .map(|(_, n)| n)
                .sum()
        };
        let tp = count(&|e, g| e == d && g == d);
        let predicted = count(&|_, g| g == d);
        let actual = count(&|e, _| e == d);
        (
            tp as f64 / predicted.max(1) as f64,
            tp as f64 / actual.max(1) as f64,
        )
    }

    fn summary(&self, name: &str) -> String {
        let (ap, ar) = self.precision_recall(Decision::Archive);
        let mut s = format!(
            "{name}: n={} accuracy={:.3} archive P={:.3} R={:.3} review={} flagged={} (of {} wrong: {})",
            self.total,
            self.accuracy(),
            ap,
            ar,
            self.reviews,
            self.flagged,
            self.total - self.right,
            self.wrong_flagged
        );
        for d in [
            Decision::NotArchivedSentiment,
            Decision::ReferChannel,
            Decision::Burgerbrief,
        ] {
            let (p, r) = self.precision_recall(d);
            s += &format!(" | {} P={p:.3} R={r:.3}", d.id());
        }
        s
    }
}

#[test]
fn triage_set_accuracy() {
    let policy = Policy::from_json(POLICY).unwrap();
    let triage = Triage::new(&policy);
    let rows = load();
    assert!(
        rows.len() >= 300,
        "the set must hold at least 300 reactions"
    );
    let show = std::env::var("TRIAGE_ERRORS").unwrap_or_default();

    let (mut all, mut tune, mut test, mut fresh) = (
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
    );
    for row in &rows {
        let reaction = Reaction {
            id: Some(row.id.clone()),
            text: row.text.clone(),
            platform: row.platform.clone(),
            in_reply_to: row.in_reply_to.clone(),
        };
        let got = triage.decide(&reaction);
        let part = part(&row.id);
        all.add(row.decision, got.decision, got.review);
        match part {
            Part::Tune => tune.add(row.decision, got.decision, got.review),
            Part::HeldOut => test.add(row.decision, got.decision, got.review),
            Part::Fresh => fresh.add(row.decision, got.decision, got.review),
        }
        let listed = match show.as_str() {
            "tune" => part == Part::Tune,
            "all" => true,
            _ => false,
        };
        if listed && got.decision != row.decision {
            println!(
                "{} want {} got {} (q={:.2} f={:.2}) {} | {}",
                row.id,
                row.decision,
                got.decision,
                got.question_score,
                got.formal_score,
                got.reason_en,
                row.text
            );
        }
    }
    println!("{}", all.summary("all"));
    println!("{}", tune.summary("tune"));
    println!("{}", test.summary("held-out"));
    println!("{}", fresh.summary("fresh"));
    assert!(
        fresh.accuracy() >= FLOOR_HELD_OUT,
        "{}",
        fresh.summary("fresh")
    );
    assert!(all.accuracy() >= FLOOR_ALL, "{}", all.summary("all"));
    assert!(
        test.accuracy() >= FLOOR_HELD_OUT,
        "{}",
        test.summary("held-out")
    );
}

#[test]
fn set_is_well_formed() {
    let rows = load();
    let mut ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), rows.len(), "ids are unique");
    // The hard cases the issue asks for are all present.
    let has = |f: &dyn Fn(&Labelled) -> bool| rows.iter().any(f);
    assert!(has(
        &|r| r.decision == Decision::Burgerbrief && !r.text.contains('?')
    ));
    assert!(has(
        &|r| r.text.starts_with("@DefensieNL") && r.in_reply_to.as_deref() != Some("@DefensieNL")
    ));
    assert!(has(
        &|r| r.decision == Decision::Archive && !r.text.contains('?')
    ));
    assert!(has(
        &|r| r.decision == Decision::NotArchivedSentiment && r.text.contains('?')
    ));
}

#[test]
fn overrides_win() {
    let policy = Policy::from_json(
        r#"{"version": 1, "triageOverrides": {"t001": "not_archived_sentiment"}}"#,
    )
    .unwrap();
    let triage = Triage::new(&policy);
    let r = Reaction::new("Wanneer is de open dag?").with_id("t001");
    assert_eq!(triage.decide(&r).decision, Decision::NotArchivedSentiment);
    let r = Reaction::new("Wanneer is de open dag?").with_id("t002");
    assert_eq!(triage.decide(&r).decision, Decision::Archive);
    // An unknown decision id in the policy is an error that names the valid ones.
    let err = Policy::from_json(r#"{"version": 1, "triageOverrides": {"a": "keep"}}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("keep"), "{err}");
}

#[test]
fn never_panics_and_scores_stay_in_range() {
    let triage = Triage::new(&Policy::from_json(POLICY).unwrap());
    for text in [
        "",
        "?",
        "¿¡",
        "\u{200b}?",
        "🇳🇱",
        "a\"b?\"",
        "“„",
        "www.?",
        "@",
        "#?",
        "Ü?!",
    ] {
        let r = triage.decide(&Reaction::new(text).on("x", "@DefensieNL"));
        assert!((0.0..=1.0).contains(&r.question_score), "{text}");
        assert!((0.0..=1.0).contains(&r.formal_score), "{text}");
        assert!(!r.reason_nl.is_empty() && !r.reason_en.is_empty(), "{text}");
    }
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// Any text, any channel: no panic (slicing stays on char boundaries), scores in range.
    #[test]
    fn any_input_is_safe(text in "\\PC{0,80}", platform in "[a-zA-Z]{0,6}", account in "@?\\PC{0,12}") {
        let triage = Triage::new(&Policy::from_json(POLICY).unwrap());
        let r = triage.decide(&Reaction::new(text).on(platform, account));
        proptest::prop_assert!((0.0..=1.0).contains(&r.question_score));
        proptest::prop_assert!((0.0..=1.0).contains(&r.formal_score));
    }
}
