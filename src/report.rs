//! The report: counts per kind, operator, triage decision, and dropped records with their
//! reason. Never an original value: only kind ids, operator names, decisions and counts.

use crate::{Finding, Policy, Replacement};
use serde::Serialize;
use std::collections::BTreeMap;

/// What one run did, for the archive's accountability.
///
/// # Examples
///
/// ```
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Engine, Policy};
///
/// let policy = Policy::default();
/// let mut report = Report::new(&policy);
/// let text = "mail jan@example.nl";
/// let findings = Engine::new().scan(text);
/// let out = Anonymiser::new(&policy).anonymise(text, &findings);
/// report.record_scanned();
/// report.add_findings(&findings);
/// report.add_replacements(&out.replacements);
/// report.record_written();
/// let json = report.to_json();
/// assert!(json.contains("\"email\": 1"));
/// assert!(!json.contains("jan@example.nl"));
/// ```
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// The engine version that made the report.
    pub version: &'static str,
    /// Record counts.
    pub records: Records,
    /// Findings per kind id.
    pub found: BTreeMap<&'static str, u64>,
    /// Replacements per kind id and operator name.
    pub applied: BTreeMap<&'static str, BTreeMap<&'static str, u64>>,
    /// Triage decisions per decision id.
    pub decisions: BTreeMap<String, u64>,
    /// The policy used.
    pub policy: Policy,
}

/// Record counts: every input record is written or dropped with a reason.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Records {
    /// Records read from the input.
    pub scanned: u64,
    /// Records written to the output.
    pub written: u64,
    /// Records dropped, per reason.
    pub dropped: BTreeMap<String, u64>,
}

impl Report {
    /// An empty report for a run under `policy`.
    pub fn new(policy: &Policy) -> Report {
        Report {
            version: env!("CARGO_PKG_VERSION"),
            policy: policy.clone(),
            ..Report::default()
        }
    }

    /// Counts one input record.
    pub fn record_scanned(&mut self) {
        self.records.scanned += 1;
    }

    /// Counts one output record.
    pub fn record_written(&mut self) {
        self.records.written += 1;
    }

    /// Counts one record dropped for `reason` (a reason id such as `not_archived_sentiment`).
    pub fn record_dropped(&mut self, reason: &str) {
        *self.records.dropped.entry(reason.to_string()).or_insert(0) += 1;
    }

    /// Counts findings per kind.
    pub fn add_findings(&mut self, findings: &[Finding]) {
        for f in findings {
            *self.found.entry(f.kind.id()).or_insert(0) += 1;
        }
    }

    /// Counts replacements per kind and operator.
    pub fn add_replacements(&mut self, replacements: &[Replacement]) {
        for r in replacements {
            *self
                .applied
                .entry(r.kind.id())
                .or_default()
                .entry(r.operator)
                .or_insert(0) += 1;
        }
    }

    /// Counts one triage decision (its id, e.g. `archive`).
    pub fn add_decision(&mut self, decision: &str) {
        *self.decisions.entry(decision.to_string()).or_insert(0) += 1;
    }

    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        // Serialising plain maps and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
