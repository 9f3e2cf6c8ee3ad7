//! Spans (half-open byte ranges) and findings.

use crate::Kind;
use std::ops::Range;

/// A half-open range of UTF-8 byte offsets, `start..end`.
///
/// # Examples
///
/// ```
/// use weglakker::Span;
///
/// let text = "bel 06-12345678";
/// let span = Span::new(4, 15);
/// assert_eq!(&text[span.range()], "06-12345678");
/// assert_eq!(span.len(), 11);
/// assert!(span.overlaps(Span::new(10, 20)));
/// assert!(!span.overlaps(Span::new(15, 20)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` up to (not including) `end`.
    ///
    /// # Panics
    ///
    /// When `start > end`: that is a bug in the caller, never a property of input.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// The span as a range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside this span.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 10)));
    /// assert!(!Span::new(0, 10).contains(Span::new(2, 11)));
    /// ```
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// One piece of personal data found in a text.
///
/// # Examples
///
/// ```
/// use weglakker::{Engine, Kind};
///
/// let text = "Mail me: jan.jansen@example.nl";
/// let findings = Engine::new().scan(text);
/// let email = findings.iter().find(|f| f.kind == Kind::Email).unwrap();
/// assert_eq!(&text[email.span.range()], "jan.jansen@example.nl");
/// assert!(email.rule.starts_with("email"));
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Finding {
    /// Where in the scanned text, in bytes.
    pub span: Span,
    /// What kind of personal data.
    pub kind: Kind,
    /// Confidence from 0 to 1.
    pub score: f32,
    /// The rule that found it (`"phone.nl"`, `"url.profile"`, `"deny"`); rules with a
    /// common prefix belong to one detector family.
    pub rule: &'static str,
    /// True when the engine's allow list covers it: still reported, so the decision is
    /// visible, but the anonymiser keeps it.
    pub allowed: bool,
}

impl Finding {
    /// A finding that no allow list covers.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Finding, Kind, Span};
    /// let f = Finding::new(Span::new(0, 3), Kind::Person, 0.9, "name.lexicon");
    /// assert!(!f.allowed);
    /// ```
    pub fn new(span: Span, kind: Kind, score: f32, rule: &'static str) -> Finding {
        Finding {
            span,
            kind,
            score,
            rule,
            allowed: false,
        }
    }
}
