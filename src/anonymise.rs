//! Anonymisation: applies a policy's operators to findings. Detection and anonymisation are
//! separate steps; every replacement says where it landed in the output.
//!
//! Operators (DESIGN.md section 5): `keep`, `redact` (`[VERWIJDERD]`), `tag` (`[PERSOON]`),
//! `pseudonym` (numbered `[PERSOON-3]` or keyed `[PERSOON-3f9a2c1b]`), `mask` (`06-******78`),
//! `generalise` (date to month or year, IP address to network, postcode to its digits) and
//! `drop` (whole fields; in text it acts as `redact`). Labels are Dutch unless the policy's
//! `labels` is `en`. Each operator lives in its own submodule.

mod generalise;
mod mask;
mod pseudonym;
#[cfg(test)]
mod tests;

use crate::{Error, Finding, Kind, Lang, Operator, Policy, PseudonymStyle, Span};
use pseudonym::Pseudonyms;

/// One replaced (or kept) finding: where it was in the input and where its replacement is
/// in the output.
///
/// # Examples
///
/// ```
/// use weglakker::{anonymise, Finding, Kind, Policy, Span};
///
/// let text = "mail jan@example.nl nu";
/// let findings = [Finding::new(Span::new(5, 19), Kind::Email, 0.9, "email")];
/// let out = anonymise(text, &findings, &Policy::default());
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
    /// The operator really applied: `keep`, `redact`, `tag`, `pseudonym`, `mask` or
    /// `generalise` (`drop` in text shows as `redact`; `generalise` of a value without a
    /// coarser form shows as `tag`).
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

/// The shortest secret key accepted for keyed pseudonyms, in bytes (128 bits).
pub const MIN_KEY_LEN: usize = 16;

/// Applies a policy over a whole run, so pseudonyms stay consistent across records.
///
/// Pseudonyms are `numbered` unless the policy asks for `keyed` ones *and* the anonymiser
/// is made with [`Anonymiser::with_key`]. [`Anonymiser::new`] never fails: under a keyed
/// policy it falls back to numbered pseudonyms (a keyed pseudonym needs a key).
///
/// The key is never shown: `Debug` prints only whether there is one.
///
/// # Examples
///
/// ```
/// use weglakker::{Anonymiser, Finding, Kind, Policy, Span};
///
/// let policy = Policy::default();
/// let mut anon = Anonymiser::new(&policy);
/// let email_at = |start, end| [Finding::new(Span::new(start, end), Kind::Email, 0.9, "email")];
/// let a = anon.anonymise("mail a@b.nl", &email_at(5, 11)).text;
/// let b = anon.anonymise("nogmaals A@B.nl", &email_at(9, 15)).text;
/// assert_eq!(a, "mail [E-MAIL-1]");
/// assert_eq!(b, "nogmaals [E-MAIL-1]");
/// ```
pub struct Anonymiser {
    policy: Policy,
    pseudonyms: Pseudonyms,
}

impl std::fmt::Debug for Anonymiser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // By hand, so that the secret key can never end up in a log.
        f.debug_struct("Anonymiser")
            .field("policy", &self.policy)
            .field("pseudonyms", &self.pseudonyms)
            .finish()
    }
}

impl Anonymiser {
    /// An anonymiser for one run under `policy`, with numbered pseudonyms (also when the
    /// policy asks for keyed ones: those need [`Anonymiser::with_key`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Anonymiser, Kind, Policy};
    ///
    /// let mut anon = Anonymiser::new(&Policy::default());
    /// assert_eq!(anon.pseudonym(Kind::Person, "Jan"), "[PERSOON-1]");
    /// ```
    pub fn new(policy: &Policy) -> Anonymiser {
        Anonymiser {
            policy: policy.clone(),
            pseudonyms: Pseudonyms::default(),
        }
    }

    /// An anonymiser with a secret key for keyed pseudonyms: HMAC-SHA256 of the value, the
    /// first 8 hex digits, e.g. `[PERSOON-3f9a2c1b]`. The same key gives the same pseudonyms
    /// in every run; without the key they cannot be traced back.
    ///
    /// Under a `numbered` policy the key is not used.
    ///
    /// # Errors
    ///
    /// When the policy's pseudonym style is `keyed` and the key is shorter than
    /// [`MIN_KEY_LEN`] (16) bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Anonymiser, Kind, Policy};
    ///
    /// let policy = Policy::from_json(r#"{"version": 1, "pseudonyms": {"style": "keyed"}}"#).unwrap();
    /// let key = b"a local secret of 32 bytes......";
    /// let a = Anonymiser::with_key(&policy, key).unwrap().pseudonym(Kind::Person, "Jan");
    /// let b = Anonymiser::with_key(&policy, key).unwrap().pseudonym(Kind::Person, "jan ");
    /// assert_eq!(a, b); // stable across runs
    /// assert!(a.starts_with("[PERSOON-") && a.len() == "[PERSOON-3f9a2c1b]".len());
    ///
    /// assert!(Anonymiser::with_key(&policy, b"short").is_err());
    /// ```
    pub fn with_key(policy: &Policy, key: &[u8]) -> Result<Anonymiser, Error> {
        if policy.pseudonyms.style != PseudonymStyle::Keyed {
            return Ok(Anonymiser::new(policy));
        }
        if key.len() < MIN_KEY_LEN {
            return Err(Error::invalid(format!(
                "keyed pseudonyms need a secret key of at least {MIN_KEY_LEN} bytes, this one has {}",
                key.len()
            )));
        }
        Ok(Anonymiser {
            policy: policy.clone(),
            pseudonyms: Pseudonyms::keyed(key),
        })
    }

    /// Replaces every finding in `text` (findings sorted, not overlapping, as
    /// [`crate::Engine::scan`] returns them). Allowed findings are kept. Findings that are
    /// out of order, overlap an earlier one or do not lie on character boundaries are
    /// skipped (kept), never a panic.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Anonymiser, Finding, Kind, Policy, Span};
    ///
    /// let policy = Policy::from_json(r#"{"version": 1, "labels": "en",
    ///     "operators": {"phone": {"type": "mask", "keepLast": 2}, "person": {"type": "redact"}}}"#).unwrap();
    /// let text = "Jan: 06-12345678";
    /// let findings = [
    ///     Finding::new(Span::new(0, 3), Kind::Person, 0.9, "name"),
    ///     Finding::new(Span::new(5, 16), Kind::Phone, 0.9, "phone.nl"),
    /// ];
    /// let out = Anonymiser::new(&policy).anonymise(text, &findings);
    /// assert_eq!(out.text, "[REDACTED]: **-******78");
    /// assert_eq!(out.replacements[1].operator, "mask");
    /// assert_eq!(&out.text[out.replacements[1].output.range()], "**-******78");
    /// ```
    pub fn anonymise(&mut self, text: &str, findings: &[Finding]) -> Anonymised {
        let mut out = String::with_capacity(text.len());
        let mut replacements = Vec::with_capacity(findings.len());
        let mut last = 0;
        for f in findings {
            let usable = f.span.start >= last
                && f.span.end <= text.len()
                && text.is_char_boundary(f.span.start)
                && text.is_char_boundary(f.span.end);
            if !usable {
                continue;
            }
            out.push_str(&text[last..f.span.start]);
            let value = &text[f.span.range()];
            let op = if f.allowed {
                Operator::Keep
            } else {
                self.policy.operator(f.kind)
            };
            let start = out.len();
            let (replacement, name) = self.apply(f.kind, value, &op);
            out.push_str(&replacement);
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

    /// The replacement of `value` (a `kind`) under `op`, and the name of the operator that
    /// was really applied: `generalise` without a coarser form tags, `drop` in text redacts.
    fn apply(&mut self, kind: Kind, value: &str, op: &Operator) -> (String, &'static str) {
        let labels = self.policy.labels;
        let tag = || format!("[{}]", kind.label(labels));
        match op {
            Operator::Keep => (value.to_string(), "keep"),
            Operator::Redact | Operator::Drop => (redact_marker(labels).to_string(), "redact"),
            Operator::Tag => (tag(), "tag"),
            Operator::Pseudonym => (self.pseudonyms.get(kind, value, labels), "pseudonym"),
            Operator::Mask {
                keep_first,
                keep_last,
                char,
            } => (
                mask::mask(kind, value, *keep_first, *keep_last, *char),
                "mask",
            ),
            Operator::Generalise { to } => match generalise::generalise(kind, value, *to) {
                Some(coarse) => (coarse, "generalise"),
                None => (tag(), "tag"),
            },
        }
    }

    /// A structured field's value under the policy's `fields` operator for `field`: `None`
    /// when the field is dropped, the value unchanged when the policy names no operator for
    /// it (its text is then scanned like any other). `kind` says what the value is, for
    /// labels and pseudonyms: an X author name is a [`Kind::Handle`], a display name a
    /// [`Kind::Person`]. The same pseudonyms are used as in the text, so an author and a
    /// mention of them match.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Anonymiser, Finding, Kind, Policy, Span};
    ///
    /// let policy = Policy::from_json(r#"{"version": 1,
    ///     "fields": {"author": {"type": "pseudonym"}, "user_id": {"type": "drop"}}}"#).unwrap();
    /// let mut anon = Anonymiser::new(&policy);
    /// assert_eq!(anon.field("author", Kind::Handle, "janj").as_deref(), Some("[ACCOUNT-1]"));
    /// assert_eq!(anon.field("user_id", Kind::Handle, "12345"), None);
    /// assert_eq!(anon.field("likes", Kind::Handle, "3").as_deref(), Some("3"));
    /// let mention = [Finding::new(Span::new(4, 9), Kind::Handle, 0.9, "handle")];
    /// assert_eq!(anon.anonymise("aan @JanJ", &mention).text, "aan [ACCOUNT-1]");
    /// ```
    pub fn field(&mut self, field: &str, kind: Kind, value: &str) -> Option<String> {
        let op = match self.policy.fields.get(field) {
            None => return Some(value.to_string()),
            Some(Operator::Drop) => return None,
            Some(op) => op.clone(),
        };
        Some(self.apply(kind, value, &op).0)
    }

    /// The pseudonym of `value` as a `kind`, e.g. for a structured author field.
    ///
    /// "The same value" is decided on a normalised form, so one person written in other ways
    /// gets one pseudonym: every value is trimmed, lower-cased and its white space collapsed;
    /// a handle loses its leading `@` (X author fields have none); a phone number keeps only
    /// its digits, `+31`/`0031` read as `0`; an e-mail address has its obfuscations written
    /// out (`jan [at] gmail punt com`); a URL loses `http(s)://`, `www.` and a final `/`;
    /// BSN, IBAN, card and plate numbers keep only letters and digits.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Anonymiser, Kind, Policy};
    ///
    /// let mut anon = Anonymiser::new(&Policy::default());
    /// assert_eq!(anon.pseudonym(Kind::Handle, "@JanJ"), "[ACCOUNT-1]");
    /// assert_eq!(anon.pseudonym(Kind::Handle, "janj"), "[ACCOUNT-1]"); // an author field
    /// assert_eq!(anon.pseudonym(Kind::Handle, "@piet"), "[ACCOUNT-2]");
    /// ```
    pub fn pseudonym(&mut self, kind: Kind, value: &str) -> String {
        self.pseudonyms.get(kind, value, self.policy.labels)
    }
}

/// The marker a redacted value leaves: `[VERWIJDERD]`, or `[REDACTED]` in English.
///
/// # Examples
///
/// ```
/// use weglakker::{redact_marker, Lang};
/// assert_eq!(redact_marker(Lang::Nl), "[VERWIJDERD]");
/// assert_eq!(redact_marker(Lang::En), "[REDACTED]");
/// ```
pub fn redact_marker(labels: Lang) -> &'static str {
    match labels {
        Lang::Nl => "[VERWIJDERD]",
        Lang::En => "[REDACTED]",
    }
}

/// Reads a secret key for keyed pseudonyms from a file: a text file holding hex digits
/// (at least 32, e.g. made with `openssl rand -hex 32`) is decoded; any other content is
/// used as raw bytes (a text file's final line break is not part of the key).
///
/// # Errors
///
/// When the file cannot be read or is empty; the message names the file and never shows
/// the key.
///
/// # Examples
///
/// ```
/// let dir = std::env::temp_dir().join(format!("weglakker-doc-key-{}", std::process::id()));
/// std::fs::write(&dir, "00112233445566778899aabbccddeeff\n").unwrap();
/// let key = weglakker::key_from_file(&dir).unwrap();
/// assert_eq!(key.len(), 16);
/// assert_eq!(key[1], 0x11);
/// std::fs::remove_file(&dir).unwrap();
///
/// let err = weglakker::key_from_file(std::path::Path::new("no/such/key")).unwrap_err();
/// assert!(err.to_string().starts_with("no/such/key: "));
/// ```
pub fn key_from_file(path: &std::path::Path) -> Result<Vec<u8>, Error> {
    let place = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|err| Error::from(err).at(place.clone()))?;
    let key = decode_key(&bytes);
    if key.is_empty() {
        return Err(Error::invalid("the key file is empty").at(place));
    }
    Ok(key)
}

/// A key file's bytes as a key: hex text decoded, else raw bytes without a final line
/// break.
fn decode_key(bytes: &[u8]) -> Vec<u8> {
    let mut raw = bytes;
    for ending in [&b"\r\n"[..], b"\n"] {
        if let Some(rest) = raw.strip_suffix(ending) {
            raw = rest;
            break;
        }
    }
    let trimmed = raw.trim_ascii();
    let is_hex = trimmed.len() >= 2 * MIN_KEY_LEN
        && trimmed.len().is_multiple_of(2)
        && trimmed.iter().all(u8::is_ascii_hexdigit);
    if !is_hex {
        return raw.to_vec();
    }
    trimmed
        .chunks(2)
        .map(|pair| {
            let hi = (pair[0] as char).to_digit(16).unwrap_or(0);
            let lo = (pair[1] as char).to_digit(16).unwrap_or(0);
            (hi * 16 + lo) as u8
        })
        .collect()
}

/// Anonymises one text with a fresh [`Anonymiser`].
///
/// # Examples
///
/// ```
/// use weglakker::{anonymise, Finding, Kind, Policy, Span};
///
/// let text = "IBAN NL91ABNA0417164300";
/// let findings = [Finding::new(Span::new(5, 23), Kind::Iban, 0.99, "iban")];
/// let out = anonymise(text, &findings, &Policy::default());
/// assert_eq!(out.text, "IBAN [IBAN-1]");
/// ```
pub fn anonymise(text: &str, findings: &[Finding], policy: &Policy) -> Anonymised {
    Anonymiser::new(policy).anonymise(text, findings)
}
