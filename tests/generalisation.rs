//! Held-out generalisation check: scores the detectors on tests/data/generalisation.jsonl,
//! 211 hand-written reactions whose sentence frames differ from the dev generator's
//! (built by scripts/build_generalisation.py). A gold span counts as redacted when
//! findings of any kind cover it fully (the scorer's redaction recall). The floors sit a
//! little under the measured figures, so a regression in recall fails CI.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use weglakker::{Engine, Span};

/// Redaction-recall floors per kind (measured: person 0.99, location 1.00).
const FLOORS: &[(&str, f64)] = &[("person", 0.95), ("location", 0.93)];
/// Floor for all special categories together (measured 0.96).
const SPECIAL_FLOOR: f64 = 0.88;
/// Floors over every span: redaction recall (measured 0.98) and redaction precision, the
/// share of findings that overlap a gold span (measured 0.97).
const OVERALL_FLOOR: f64 = 0.94;
const PRECISION_FLOOR: f64 = 0.92;

const SPECIAL: &[&str] = &[
    "health",
    "religion",
    "politics",
    "ethnicity",
    "sexual_orientation",
    "trade_union",
    "criminal",
];

/// Byte offset of code point `cp` in `text` (gold offsets are code points).
fn byte_at(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

/// True when the union of `found` covers `gold` completely.
fn covered(gold: Span, found: &[Span]) -> bool {
    let mut at = gold.start;
    let mut spans: Vec<Span> = found.iter().copied().filter(|f| f.end > at).collect();
    spans.sort_by_key(|s| s.start);
    for s in spans {
        if s.start > at {
            break;
        }
        at = at.max(s.end);
        if at >= gold.end {
            return true;
        }
    }
    at >= gold.end
}

#[test]
fn held_out_redaction_recall_stays_above_the_floors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/generalisation.jsonl");
    let data = std::fs::read_to_string(path).unwrap();
    let engine = Engine::new();
    // kind -> (gold spans, covered)
    let mut per_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut found_total, mut found_hit) = (0usize, 0usize);
    let mut missed = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let rec: Value = serde_json::from_str(line).unwrap();
        let text = rec["text"].as_str().unwrap();
        let found: Vec<Span> = engine.scan(text).iter().map(|f| f.span).collect();
        let mut gold_spans = Vec::new();
        for g in rec["spans"].as_array().unwrap() {
            let kind = g["kind"].as_str().unwrap().to_string();
            let start = byte_at(text, g["start"].as_u64().unwrap() as usize);
            let end = byte_at(text, g["end"].as_u64().unwrap() as usize);
            let gold = Span::new(start, end);
            gold_spans.push(gold);
            let hit = covered(gold, &found);
            let entry = per_kind.entry(kind.clone()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(hit);
            if !hit {
                missed.push(format!("{kind}: {:?} in {text:?}", &text[start..end]));
            }
        }
        for f in &found {
            found_total += 1;
            let overlaps = gold_spans
                .iter()
                .any(|g| f.start < g.end && g.start < f.end);
            found_hit += usize::from(overlaps);
        }
    }
    let rate = |(n, hit): (usize, usize)| if n == 0 { 1.0 } else { hit as f64 / n as f64 };
    for (kind, counts) in &per_kind {
        eprintln!("{kind:20} gold {:4} redR {:.3}", counts.0, rate(*counts));
    }
    let mut failures = Vec::new();
    for (kind, floor) in FLOORS {
        let r = rate(per_kind.get(*kind).copied().unwrap_or_default());
        if r < *floor {
            failures.push(format!("{kind} redaction recall {r:.3} < {floor}"));
        }
    }
    let special = SPECIAL
        .iter()
        .filter_map(|k| per_kind.get(*k))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    if rate(special) < SPECIAL_FLOOR {
        failures.push(format!(
            "special-category redaction recall {:.3} < {SPECIAL_FLOOR}",
            rate(special)
        ));
    }
    let all = per_kind
        .values()
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    if rate(all) < OVERALL_FLOOR {
        failures.push(format!(
            "overall redaction recall {:.3} < {OVERALL_FLOOR}",
            rate(all)
        ));
    }
    let precision = rate((found_total, found_hit));
    if precision < PRECISION_FLOOR {
        failures.push(format!(
            "redaction precision {precision:.3} < {PRECISION_FLOOR}"
        ));
    }
    assert!(
        failures.is_empty(),
        "{}\nmissed spans:\n{}",
        failures.join("\n"),
        missed.join("\n")
    );
}

#[test]
fn coverage_needs_the_whole_span() {
    let cases: &[(Span, &[Span], bool)] = &[
        // one finding exactly, or wider
        (Span::new(5, 10), &[Span::new(5, 10)], true),
        (Span::new(5, 10), &[Span::new(0, 12)], true),
        // two findings that touch
        (Span::new(5, 10), &[Span::new(7, 10), Span::new(5, 7)], true),
        // a gap or a short finding is no redaction
        (
            Span::new(5, 10),
            &[Span::new(5, 7), Span::new(8, 10)],
            false,
        ),
        (Span::new(5, 10), &[Span::new(5, 9)], false),
        (Span::new(5, 10), &[], false),
    ];
    for (gold, found, want) in cases {
        assert_eq!(covered(*gold, found), *want, "{gold:?} by {found:?}");
    }
}
