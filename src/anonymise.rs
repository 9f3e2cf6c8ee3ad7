//! Anonymisation: applies a policy's operators to findings. Detection and anonymisation are
//! separate steps; every replacement says where it landed in the output.
//! (Skeleton: keep/redact/tag/pseudonym numbered; the rest lands with the anonymiser work.)

use crate::{Finding, Kind, Operator, Policy, Span};
use std::collections::HashMap;

/// One replaced (or kept) finding: where it was in the input and where its replacement is
/// in the output.
///
/// # Examples
///
/// ```
/// use weglakker::{anonymise, Engine, Policy};
///
/// let text = "mail jan@example.nl nu";
/// let out = anonymise(text, &Engine::new().scan(text), &Policy::default());
/// let r = &out.replacements[0];
/// assert_eq!(&text[r.input.range()], "jan@example.nl");
/// assert_eq!(&out.text[r.output.range()], "[E-MAIL-1]");
/// ```
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Replacement {
    /// The kind of the finding.
    pub kind: Kind,
    /// Its span in the input text.
    pub input: Span,
    /// Its span in the output text.
    pub output: Span,
    /// The operator applied: `keep`, `redact`, `tag`, `pseudonym`, `mask`, `generalise`.
    pub operator: &'static str,
}

/// The anonymised text and what was replaced.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Anonymised {
    /// The text with every finding replaced per policy.
    pub text: String,
    /// One entry per finding, in input order.
    pub replacements: Vec<Replacement>,
}

/// Applies a policy over a whole run, so pseudonyms stay consistent across records.
///
/// # Examples
///
/// ```
/// use weglakker::{Anonymiser, Engine, Policy};
///
/// let engine = Engine::new();
/// let policy = Policy::default();
/// let mut anon = Anonymiser::new(&policy);
/// let a = anon.anonymise("mail a@b.nl", &engine.scan("mail a@b.nl")).text;
/// let b = anon.anonymise("nogmaals a@b.nl", &engine.scan("nogmaals a@b.nl")).text;
/// assert_eq!(a, "mail [E-MAIL-1]");
/// assert_eq!(b, "nogmaals [E-MAIL-1]");
/// ```
#[derive(Debug)]
pub struct Anonymiser {
    policy: Policy,
    numbers: HashMap<(Kind, String), usize>,
    next: HashMap<Kind, usize>,
}

impl Anonymiser {
    /// An anonymiser for one run under `policy`.
    pub fn new(policy: &Policy) -> Anonymiser {
        Anonymiser {
            policy: policy.clone(),
            numbers: HashMap::new(),
            next: HashMap::new(),
        }
    }

    /// Replaces every finding in `text` (findings sorted, not overlapping, as
    /// [`crate::Engine::scan`] returns them). Allowed findings are kept.
    pub fn anonymise(&mut self, text: &str, findings: &[Finding]) -> Anonymised {
        let mut out = String::with_capacity(text.len());
        let mut replacements = Vec::with_capacity(findings.len());
        let mut last = 0;
        for f in findings {
            out.push_str(&text[last..f.span.start]);
            let value = &text[f.span.range()];
            let op = if f.allowed {
                Operator::Keep
            } else {
                self.policy.operator(f.kind)
            };
            let start = out.len();
            let name = match op {
                Operator::Keep => {
                    out.push_str(value);
                    "keep"
                }
                Operator::Redact | Operator::Drop => {
                    out.push_str("[VERWIJDERD]");
                    "redact"
                }
                Operator::Pseudonym => {
                    let p = self.pseudonym(f.kind, value);
                    out.push_str(&p);
                    "pseudonym"
                }
                _ => {
                    out.push('[');
                    out.push_str(f.kind.label(self.policy.labels));
                    out.push(']');
                    "tag"
                }
            };
            replacements.push(Replacement {
                kind: f.kind,
                input: f.span,
                output: Span::new(start, out.len()),
                operator: name,
            });
            last = f.span.end;
        }
        out.push_str(&text[last..]);
        Anonymised {
            text: out,
            replacements,
        }
    }

    /// The pseudonym of `value` as a `kind`, e.g. for a structured author field.
    pub fn pseudonym(&mut self, kind: Kind, value: &str) -> String {
        let key = (kind, value.trim().to_lowercase());
        let n = match self.numbers.get(&key) {
            Some(n) => *n,
            None => {
                let next = self.next.entry(kind).or_insert(0);
                *next += 1;
                self.numbers.insert(key, *next);
                *next
            }
        };
        format!("[{}-{}]", kind.label(self.policy.labels), n)
    }
}

/// Anonymises one text with a fresh [`Anonymiser`].
///
/// # Examples
///
/// ```
/// use weglakker::{anonymise, Engine, Policy};
///
/// let text = "IBAN NL91ABNA0417164300";
/// let out = anonymise(text, &Engine::new().scan(text), &Policy::default());
/// assert_eq!(out.text, "IBAN [IBAN-1]");
/// ```
pub fn anonymise(text: &str, findings: &[Finding], policy: &Policy) -> Anonymised {
    Anonymiser::new(policy).anonymise(text, findings)
}
