//! Overlap resolution, in one place: higher priority wins, then the longer span, then the
//! earlier start. The result never overlaps and is sorted by start.
//!
//! Priority scale (a rule's `priority`):
//! - 250 deny list (the user said so)
//! - 200 exact terms learned from the export's own fields
//! - 120-160 structured identifiers whose validator is a checksum or a strict syntax
//!   (IBAN, BSN, credit card, email, URL, IP)
//! - 80-119 identifiers from patterns with context (phone, handle, address, plate, date)
//! - 40-79 names, places and special-category terms from lexicons and cues

use crate::detect::Hit;
use crate::Finding;

/// Keeps the winning hits and returns their findings sorted by start.
pub(crate) fn resolve(mut hits: Vec<Hit>) -> Vec<Finding> {
    hits.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(b.finding.span.len().cmp(&a.finding.span.len()))
            .then(a.finding.span.start.cmp(&b.finding.span.start))
    });
    // Accepted spans sorted by start (a text has few: a vector beats a tree); each is
    // disjoint from the others, so an overlap can only be with the last accepted span that
    // starts before this one ends.
    let mut taken: Vec<Finding> = Vec::with_capacity(hits.len());
    for hit in hits {
        let span = hit.finding.span;
        if span.is_empty() {
            continue;
        }
        let before_end = taken.partition_point(|f| f.span.start < span.end);
        if before_end > 0 && taken[before_end - 1].span.overlaps(span) {
            continue;
        }
        // No accepted span starts at `span.start` (it would overlap), so this is the place.
        let at = taken.partition_point(|f| f.span.start < span.start);
        taken.insert(at, hit.finding);
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Kind, Span};

    fn hit(start: usize, end: usize, kind: Kind, priority: u8) -> Hit {
        Hit {
            finding: Finding::new(Span::new(start, end), kind, 0.9, "test.rule"),
            priority,
        }
    }

    fn spans(found: &[Finding]) -> Vec<(usize, usize, Kind)> {
        found
            .iter()
            .map(|f| (f.span.start, f.span.end, f.kind))
            .collect()
    }

    #[test]
    fn priority_beats_length() {
        let out = resolve(vec![
            hit(0, 20, Kind::Url, 100),
            hit(5, 10, Kind::Email, 150),
        ]);
        assert_eq!(spans(&out), vec![(5, 10, Kind::Email)]);
    }

    #[test]
    fn length_beats_start_at_equal_priority() {
        let out = resolve(vec![
            hit(0, 4, Kind::Person, 50),
            hit(2, 12, Kind::Person, 50),
        ]);
        assert_eq!(spans(&out), vec![(2, 12, Kind::Person)]);
    }

    #[test]
    fn earlier_start_wins_a_full_tie() {
        let out = resolve(vec![hit(3, 8, Kind::Date, 90), hit(0, 5, Kind::Phone, 90)]);
        assert_eq!(spans(&out), vec![(0, 5, Kind::Phone)]);
    }

    #[test]
    fn disjoint_and_touching_spans_all_survive_sorted() {
        let out = resolve(vec![
            hit(10, 12, Kind::Person, 50),
            hit(0, 5, Kind::Phone, 90),
            hit(5, 10, Kind::Email, 150),
        ]);
        assert_eq!(
            spans(&out),
            vec![
                (0, 5, Kind::Phone),
                (5, 10, Kind::Email),
                (10, 12, Kind::Person)
            ]
        );
    }

    #[test]
    fn a_span_inside_an_accepted_one_is_dropped_on_both_sides() {
        let out = resolve(vec![
            hit(0, 30, Kind::Url, 150),
            hit(29, 35, Kind::Person, 50),
            hit(2, 4, Kind::Handle, 100),
            hit(35, 36, Kind::Person, 50),
        ]);
        assert_eq!(
            spans(&out),
            vec![(0, 30, Kind::Url), (35, 36, Kind::Person)]
        );
    }
}
