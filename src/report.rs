//! The report: what one run did, for the archive's accountability. Counts per kind and
//! operator, per triage decision, records dropped with their reason, the engine version, a
//! summary of the policy, the input and output files (name, size, SHA-256), the time of
//! processing and a retention note per decision.
//!
//! Never an original value: only kind ids, operator names, decision ids, counts, hashes and
//! the sizes of the policy's lists (the allow and deny terms themselves are not copied).

mod html;
mod retention;
mod summary;
#[cfg(test)]
mod tests;

pub use retention::{default_retention_note, default_retention_note_in};
pub use summary::{ListSizes, PolicySummary};

use crate::{Finding, Lang, Policy, Replacement};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// What one run did, for the archive's accountability.
///
/// # Examples
///
/// ```
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Finding, Kind, Policy, Span};
///
/// let policy = Policy::default();
/// let mut report = Report::new(&policy);
/// let text = "mail jan@example.nl";
/// let findings = [Finding::new(Span::new(5, 19), Kind::Email, 0.9, "email")];
/// let out = Anonymiser::new(&policy).anonymise(text, &findings);
/// report.record_scanned();
/// report.add_findings(&findings);
/// report.add_replacements(&out.replacements);
/// report.record_written();
/// let json = report.to_json();
/// assert!(json.contains("\"email\": 1"));
/// assert!(!json.contains("jan@example.nl"));
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The engine version that made the report.
    pub version: &'static str,
    /// When the run happened, as an RFC 3339 UTC time given by the caller (the library has
    /// no clock in WebAssembly).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processed_at: Option<String>,
    /// The input file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<InputFile>,
    /// The output file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<OutputFile>,
    /// Record counts.
    pub records: Records,
    /// Findings per kind id.
    pub found: BTreeMap<&'static str, u64>,
    /// Replacements per kind id and operator name.
    pub applied: BTreeMap<&'static str, BTreeMap<&'static str, u64>>,
    /// Triage decisions per decision id.
    pub decisions: BTreeMap<String, u64>,
    /// A retention note per decision (and drop reason) that occurred: how long the data
    /// is kept and where. Filled from the policy's `retention` notes, or
    /// [`Report::set_retention_note`], or else [`default_retention_note`].
    pub retention: BTreeMap<String, String>,
    /// The policy used, summarised: operators and settings, list sizes, no list values.
    pub policy: PolicySummary,
    /// Retention notes set by the caller, used instead of the defaults.
    #[serde(skip)]
    retention_notes: BTreeMap<String, String>,
}

/// Record counts: every input record is written or dropped with a reason.
///
/// # Examples
///
/// ```
/// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
/// report.record_scanned();
/// report.record_dropped("not_archived_sentiment");
/// assert_eq!(report.records.dropped["not_archived_sentiment"], 1);
/// ```
#[derive(Clone, Debug, Default, Serialize)]
pub struct Records {
    /// Records read from the input.
    pub scanned: u64,
    /// Records written to the output.
    pub written: u64,
    /// Records dropped, per reason.
    pub dropped: BTreeMap<String, u64>,
}

/// The input file: its name (as given, no directories added), size and SHA-256.
///
/// # Examples
///
/// ```
/// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
/// report.set_input("export.jsonl", 3, &weglakker::report::sha256_hex(b"abc"));
/// assert_eq!(report.input.unwrap().size, 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputFile {
    /// The file name as the user gave it.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256 as lower-case hex.
    pub sha256: String,
}

/// The output file's SHA-256, so the archive can show the file is the one reported on.
///
/// # Examples
///
/// ```
/// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
/// report.set_output_sha256("ab12");
/// assert_eq!(report.output.unwrap().sha256, "ab12");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutputFile {
    /// Its SHA-256 as lower-case hex.
    pub sha256: String,
}

impl Report {
    /// An empty report for a run under `policy`. The policy's `retention` notes are used
    /// instead of the default notes.
    ///
    /// # Examples
    ///
    /// ```
    /// let report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// assert_eq!(report.records.scanned, 0);
    /// assert_eq!(report.version, env!("CARGO_PKG_VERSION"));
    ///
    /// let policy = weglakker::Policy::from_json(
    ///     r#"{"version": 1, "retention": {"archive": "Selectielijst 1.1: 10 jaar bewaren."}}"#,
    /// ).unwrap();
    /// let mut report = weglakker::report::Report::new(&policy);
    /// report.add_decision("archive");
    /// assert_eq!(report.retention["archive"], "Selectielijst 1.1: 10 jaar bewaren.");
    /// ```
    pub fn new(policy: &Policy) -> Report {
        Report {
            version: env!("CARGO_PKG_VERSION"),
            processed_at: None,
            input: None,
            output: None,
            records: Records::default(),
            found: BTreeMap::new(),
            applied: BTreeMap::new(),
            decisions: BTreeMap::new(),
            retention: BTreeMap::new(),
            policy: PolicySummary::of(policy),
            retention_notes: policy
                .retention
                .iter()
                .map(|(decision, note)| (decision.id().to_string(), note.clone()))
                .collect(),
        }
    }

    /// Counts one input record.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// report.record_scanned();
    /// assert_eq!(report.records.scanned, 1);
    /// ```
    pub fn record_scanned(&mut self) {
        self.records.scanned += 1;
    }

    /// Counts one output record.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// report.record_written();
    /// assert_eq!(report.records.written, 1);
    /// ```
    pub fn record_written(&mut self) {
        self.records.written += 1;
    }

    /// Counts one record dropped for `reason` (a reason id such as `not_archived_sentiment`).
    /// A reason that is a triage decision also gets its retention note.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// report.record_dropped("refer_channel");
    /// assert!(report.retention["refer_channel"].contains("6 maanden"));
    /// ```
    pub fn record_dropped(&mut self, reason: &str) {
        *self.records.dropped.entry(reason.to_string()).or_insert(0) += 1;
        self.note_retention(reason);
    }

    /// Counts findings per kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Finding, Kind, Span};
    /// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// report.add_findings(&[Finding::new(Span::new(0, 3), Kind::Person, 0.9, "name")]);
    /// assert_eq!(report.found["person"], 1);
    /// ```
    pub fn add_findings(&mut self, findings: &[Finding]) {
        for f in findings {
            *self.found.entry(f.kind.id()).or_insert(0) += 1;
        }
    }

    /// Counts replacements per kind and operator.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Finding, Kind, Policy, Span};
    /// let policy = Policy::default();
    /// let findings = [Finding::new(Span::new(0, 3), Kind::Person, 0.9, "name")];
    /// let out = weglakker::anonymise("Jan", &findings, &policy);
    /// let mut report = weglakker::report::Report::new(&policy);
    /// report.add_replacements(&out.replacements);
    /// assert_eq!(report.applied["person"]["pseudonym"], 1);
    /// ```
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

    /// Counts one triage decision (its id, e.g. `archive`) and adds its retention note.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// report.add_decision("archive");
    /// report.add_decision("archive");
    /// assert_eq!(report.decisions["archive"], 2);
    /// assert!(report.retention["archive"].contains("selectielijst"));
    /// ```
    pub fn add_decision(&mut self, decision: &str) {
        *self.decisions.entry(decision.to_string()).or_insert(0) += 1;
        self.note_retention(decision);
    }

    /// Counts a triage decision for a record that triage may leave out: the decision, and
    /// for a decision that does not archive the record read and dropped with the decision
    /// as its reason. True when the record is kept (written by the caller).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::triage::Decision;
    ///
    /// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// assert!(report.triage_keeps(Decision::Archive));
    /// assert!(!report.triage_keeps(Decision::ReferChannel));
    /// assert_eq!(report.decisions["refer_channel"], 1);
    /// assert_eq!((report.records.scanned, report.records.dropped["refer_channel"]), (1, 1));
    /// ```
    pub fn triage_keeps(&mut self, decision: crate::triage::Decision) -> bool {
        self.add_decision(decision.id());
        if decision.is_archived() {
            return true;
        }
        self.record_scanned();
        self.record_dropped(decision.id());
        false
    }

    /// Sets the retention note for a decision (or drop reason), e.g. the organisation's own
    /// selectielijst category, instead of the default text.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// report.set_retention_note("archive", "Selectielijst categorie 1.1: 10 jaar bewaren.");
    /// report.add_decision("archive");
    /// assert_eq!(report.retention["archive"], "Selectielijst categorie 1.1: 10 jaar bewaren.");
    /// ```
    pub fn set_retention_note(&mut self, decision: &str, note: impl Into<String>) {
        let note = note.into();
        if self.retention.contains_key(decision) {
            self.retention.insert(decision.to_string(), note.clone());
        }
        self.retention_notes.insert(decision.to_string(), note);
    }

    /// Adds the retention note of `id` if the id is a decision with a note.
    fn note_retention(&mut self, id: &str) {
        if self.retention.contains_key(id) {
            return;
        }
        let note = self
            .retention_notes
            .get(id)
            .cloned()
            .or_else(|| default_retention_note(id).map(str::to_string));
        if let Some(note) = note {
            self.retention.insert(id.to_string(), note);
        }
    }

    /// Records the input file: its name, size in bytes and SHA-256 (see [`sha256_hex`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::report::{sha256_hex, Report};
    /// let bytes = b"{\"text\": \"hoi\"}\n";
    /// let mut report = Report::new(&weglakker::Policy::default());
    /// report.set_input("export.jsonl", bytes.len() as u64, &sha256_hex(bytes));
    /// assert!(report.to_json().contains("\"name\": \"export.jsonl\""));
    /// ```
    pub fn set_input(&mut self, name: &str, size: u64, sha256_hex: &str) {
        self.input = Some(InputFile {
            name: name.to_string(),
            size,
            sha256: sha256_hex.to_string(),
        });
    }

    /// Records the output file's SHA-256 (see [`sha256_hex`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::report::{sha256_hex, Report};
    /// let mut report = Report::new(&weglakker::Policy::default());
    /// report.set_output_sha256(&sha256_hex(b""));
    /// assert!(report.to_json().contains("e3b0c44298fc1c149afbf4c8996fb924"));
    /// ```
    pub fn set_output_sha256(&mut self, sha256_hex: &str) {
        self.output = Some(OutputFile {
            sha256: sha256_hex.to_string(),
        });
    }

    /// Records when the run happened: an RFC 3339 UTC time from the caller's clock
    /// (`2026-12-02T15:04:05Z`).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// report.set_processed_at("2026-12-02T15:04:05Z".to_string());
    /// assert!(report.to_json().contains("\"processed_at\": \"2026-12-02T15:04:05Z\""));
    /// ```
    pub fn set_processed_at(&mut self, rfc3339_utc: String) {
        self.processed_at = Some(rfc3339_utc);
    }

    /// Adds the counts of `other` (e.g. one worker's part of the input) to this report.
    /// File information, processing time and the policy summary are this report's own;
    /// where this report has none, `other`'s are taken.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::report::Report;
    /// let policy = weglakker::Policy::default();
    /// let (mut a, mut b) = (Report::new(&policy), Report::new(&policy));
    /// a.record_scanned();
    /// b.record_scanned();
    /// b.add_decision("burgerbrief");
    /// a.merge(&b);
    /// assert_eq!(a.records.scanned, 2);
    /// assert_eq!(a.decisions["burgerbrief"], 1);
    /// assert!(a.retention.contains_key("burgerbrief"));
    /// ```
    pub fn merge(&mut self, other: &Report) {
        self.records.scanned += other.records.scanned;
        self.records.written += other.records.written;
        add_counts(&mut self.records.dropped, &other.records.dropped);
        add_counts(&mut self.found, &other.found);
        for (kind, ops) in &other.applied {
            add_counts(self.applied.entry(kind).or_default(), ops);
        }
        add_counts(&mut self.decisions, &other.decisions);
        for (id, note) in &other.retention_notes {
            self.retention_notes
                .entry(id.clone())
                .or_insert_with(|| note.clone());
        }
        let ids: Vec<String> = other.retention.keys().cloned().collect();
        for id in ids {
            if !self.retention.contains_key(&id) {
                let note = self
                    .retention_notes
                    .get(&id)
                    .or_else(|| other.retention.get(&id))
                    .cloned()
                    .unwrap_or_default();
                self.retention.insert(id, note);
            }
        }
        if self.processed_at.is_none() {
            self.processed_at.clone_from(&other.processed_at);
        }
        if self.input.is_none() {
            self.input.clone_from(&other.input);
        }
        if self.output.is_none() {
            self.output.clone_from(&other.output);
        }
    }

    /// The report as pretty JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// let report = weglakker::report::Report::new(&weglakker::Policy::default());
    /// let value: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    /// assert_eq!(value["policy"]["pseudonyms"], "numbered");
    /// ```
    pub fn to_json(&self) -> String {
        // Serialising plain maps, strings and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report as one readable, printable HTML page in `lang` (Dutch or English): the
    /// files, the record counts, findings per kind with small bar charts (each with its
    /// numbers in a table), the operators applied, the triage decisions with their
    /// retention notes and the policy summary.
    ///
    /// The page is self-contained: no scripts, no external resources, and a
    /// Content-Security-Policy that allows only its own inline styles and `data:` images.
    /// Every value is HTML-escaped. Like the JSON, it holds no original value.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::report::{sha256_hex, Report};
    /// use weglakker::Lang;
    ///
    /// let mut report = Report::new(&weglakker::Policy::default());
    /// report.set_input("<export>.jsonl", 3, &sha256_hex(b"abc"));
    /// report.record_scanned();
    /// report.add_decision("archive");
    /// let html = report.to_html(Lang::Nl);
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// assert!(html.contains("<h2 id=\"summary\">Samenvatting</h2>"));
    /// assert!(html.contains("&lt;export&gt;.jsonl"));
    /// assert!(!html.contains("<script"));
    /// assert!(report.to_html(Lang::En).contains("<h2 id=\"summary\">Summary</h2>"));
    /// ```
    pub fn to_html(&self, lang: Lang) -> String {
        html::render(self, lang)
    }
}

impl Default for Report {
    /// An empty report under the built-in policy.
    fn default() -> Report {
        Report::new(&Policy::default())
    }
}

/// Adds every count of `from` to `into`.
fn add_counts<K: Ord + Clone>(into: &mut BTreeMap<K, u64>, from: &BTreeMap<K, u64>) {
    for (key, n) in from {
        *into.entry(key.clone()).or_insert(0) += n;
    }
}

/// The SHA-256 of `bytes` as 64 lower-case hex digits, for the input and output files.
///
/// # Examples
///
/// ```
/// assert_eq!(
///     weglakker::report::sha256_hex(b"abc"),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// );
/// ```
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}
