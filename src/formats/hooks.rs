//! Decisions made outside a format module, passed down into it: which records triage
//! keeps and which findings a person decided to keep.
//!
//! Every module names a record by its number in the whole run (`first` + its index in the
//! module; a zip numbers across its entries in entry order) and a field by the name its
//! `scan` gives (a zip entry's fields prefixed `entry:`), so a finding the review shows as
//! (record, field, start) is the one `keep` is asked about.

use crate::Finding;

/// Decides whether one finding is kept as it is: `(record, field, field text, finding)`.
pub type KeepFn<'a> = dyn Fn(usize, &str, &str, &Finding) -> bool + 'a;

/// What a module is told per record and per finding.
///
/// # Examples
///
/// ```
/// use weglakker::formats::hooks::Hooks;
///
/// let kept = [true, false];
/// let hooks = Hooks { first: 10, kept: Some(&kept), ..Hooks::default() };
/// assert!(hooks.keeps(0) && !hooks.keeps(1) && hooks.keeps(2));
/// assert_eq!(hooks.number(1), 11);
/// ```
#[derive(Clone, Copy, Default)]
pub struct Hooks<'h> {
    /// The number of the module's first record in the whole run.
    pub first: usize,
    /// Put in front of every field name (a zip entry's `name:`).
    pub prefix: &'h str,
    /// One flag per record of the module, in order: false leaves the record out of the
    /// output (triage). Records past the end, and all with `None`, are kept.
    pub kept: Option<&'h [bool]>,
    /// Findings a person decided to keep; `None` keeps only what the policy keeps.
    pub keep: Option<&'h KeepFn<'h>>,
}

impl<'h> Hooks<'h> {
    /// True when the record with this index (in the module) is written.
    pub fn keeps(&self, index: usize) -> bool {
        self.kept.and_then(|k| k.get(index)) != Some(&false)
    }

    /// The run's number of the record with this index (in the module).
    pub fn number(&self, index: usize) -> usize {
        self.first + index
    }

    /// Marks the findings a person kept as allowed (record by its index in the module).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::hooks::{Hooks, KeepFn};
    /// use weglakker::{Finding, Kind, Span};
    ///
    /// let keep = |record: usize, field: &str, _: &str, _: &Finding| record == 3 && field == "a:text";
    /// let hooks = Hooks { first: 2, prefix: "a:", keep: Some(&keep as &KeepFn), ..Hooks::default() };
    /// let mut findings = vec![Finding::new(Span::new(0, 3), Kind::Person, 0.9, "x")];
    /// hooks.apply(1, "text", "Jan", &mut findings);
    /// assert!(findings[0].allowed);
    /// ```
    pub fn apply(&self, index: usize, field: &str, text: &str, findings: &mut [Finding]) {
        let Some(keep) = self.keep else { return };
        if findings.iter().all(|f| f.allowed) {
            return;
        }
        let name = self.field(field);
        let number = self.number(index);
        for f in findings.iter_mut().filter(|f| !f.allowed) {
            f.allowed = keep(number, &name, text, f);
        }
    }

    /// A field's name as the run names it (with the prefix).
    pub fn field(&self, field: &str) -> String {
        format!("{}{field}", self.prefix)
    }

    /// The same hooks for a part of the module (a zip entry): its records start at
    /// `offset`, its fields are prefixed with `prefix`.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::hooks::Hooks;
    ///
    /// let kept = [true, true, false];
    /// let hooks = Hooks { kept: Some(&kept), ..Hooks::default() };
    /// let part = hooks.part(2, "b.json:");
    /// assert!(!part.keeps(0) && part.keeps(1));
    /// assert_eq!((part.number(0), part.field("text")), (2, "b.json:text".to_string()));
    /// ```
    pub fn part(&self, offset: usize, prefix: &'h str) -> Hooks<'h> {
        Hooks {
            first: self.first + offset,
            prefix,
            kept: self.kept.map(|k| &k[offset.min(k.len())..]),
            keep: self.keep,
        }
    }
}
