//! The policy file (DESIGN.md section 5): what to do with each kind and field, the lists,
//! and pseudonym settings. The same JSON drives the page, the embedding and the CLI.

mod check;

use crate::{Engine, EngineBuilder, Error, Kind, Lang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What happens to a finding (or a whole field) of some kind.
///
/// Operators are plain data, written as `{"type": "mask", "keepLast": 2}`.
///
/// # Examples
///
/// ```
/// use weglakker::Operator;
///
/// let op: Operator = serde_json::from_str(r#"{"type": "mask", "keepLast": 2}"#).unwrap();
/// assert_eq!(op, Operator::Mask { keep_first: 0, keep_last: 2, char: '*' });
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum Operator {
    /// Leave the value as it is.
    Keep,
    /// Remove the value, leaving a marker such as `[VERWIJDERD]`.
    Redact,
    /// Replace the value by its kind's label, e.g. `[PERSOON]`.
    Tag,
    /// Replace the value by a consistent pseudonym, e.g. `[PERSOON-3]`: the same value gets
    /// the same pseudonym across the whole run (or, keyed, across runs).
    Pseudonym,
    /// Hide all but some characters: `06-******78`. Separators are kept.
    #[serde(rename_all = "camelCase")]
    Mask {
        /// Letters and digits left visible at the start.
        #[serde(default)]
        keep_first: usize,
        /// Letters and digits left visible at the end.
        #[serde(default)]
        keep_last: usize,
        /// The masking character.
        #[serde(default = "default_mask_char")]
        char: char,
    },
    /// Make the value less precise: a date to its month or year, an IP address to its
    /// network (/24 for IPv4, /48 for IPv6), a postcode to its four digits. Kinds without a
    /// coarser form are tagged.
    #[serde(rename_all = "camelCase")]
    Generalise {
        /// For dates: `"month"` (default) or `"year"`.
        #[serde(default)]
        to: Granularity,
    },
    /// Remove a whole field (fields only; for findings in text it acts as `redact`).
    Drop,
}

fn default_mask_char() -> char {
    '*'
}

/// How coarse a generalised date becomes.
///
/// # Examples
///
/// ```
/// let g: weglakker::Granularity = serde_json::from_str("\"year\"").unwrap();
/// assert_eq!(g, weglakker::Granularity::Year);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Granularity {
    /// Keep month and year.
    #[default]
    Month,
    /// Keep the year only.
    Year,
}

/// How pseudonyms are made.
///
/// # Examples
///
/// ```
/// let s: weglakker::PseudonymStyle = serde_json::from_str("\"keyed\"").unwrap();
/// assert_eq!(s, weglakker::PseudonymStyle::Keyed);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PseudonymStyle {
    /// `[PERSOON-1]`, `[PERSOON-2]`, ... in order of first appearance in the run.
    #[default]
    Numbered,
    /// `[PERSOON-3f9a2c1b]`: the first 8 hex digits of an HMAC-SHA256 of the value with a
    /// local secret key; stable across runs with the same key, not reversible without it.
    /// Needs `Anonymiser::with_key`; `Anonymiser::new` falls back to numbered.
    Keyed,
}

/// Pseudonym settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PseudonymSettings {
    /// Numbered or keyed.
    #[serde(default)]
    pub style: PseudonymStyle,
}

/// A deny-list entry: a bare term (reported as `person`) or a term with its kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DenyEntry {
    /// `"Operatie Zeemeeuw"`: reported as `person`.
    Term(String),
    /// `{"term": "Zeemeeuw", "kind": "location"}`.
    WithKind {
        /// The exact term (whole words, any ASCII case).
        term: String,
        /// The kind to report it as.
        kind: Kind,
    },
}

impl DenyEntry {
    /// The term and its kind.
    pub fn term_and_kind(&self) -> (&str, Kind) {
        match self {
            DenyEntry::Term(term) => (term, Kind::Person),
            DenyEntry::WithKind { term, kind } => (term, *kind),
        }
    }
}

/// A whole policy.
///
/// # Examples
///
/// ```
/// use weglakker::{Kind, Operator, Policy};
///
/// let policy = Policy::from_json(r#"{
///     "version": 1,
///     "operators": {"phone": {"type": "mask", "keepLast": 2}},
///     "allow": ["Defensie"]
/// }"#).unwrap();
/// assert!(matches!(policy.operator(Kind::Phone), Operator::Mask { keep_last: 2, .. }));
/// // Kinds the file does not name keep the default: identifiers pseudonymised...
/// assert_eq!(policy.operator(Kind::Person), Operator::Pseudonym);
/// // ...special categories tagged.
/// assert_eq!(policy.operator(Kind::Health), Operator::Tag);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Policy {
    /// The policy format version; only 1 exists.
    pub version: u32,
    /// Languages of the text; empty means Dutch and English.
    #[serde(default)]
    pub languages: Vec<Lang>,
    /// The language of labels in the output (`[PERSOON]` or `[PERSON]`); Dutch by default.
    #[serde(default)]
    pub labels: Lang,
    /// An operator per kind; kinds not named get [`Policy::default_operator`].
    #[serde(default)]
    pub operators: BTreeMap<Kind, Operator>,
    /// An operator or role per structured field, by field name (e.g. `author`).
    #[serde(default)]
    pub fields: BTreeMap<String, Operator>,
    /// Values that are found but kept.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Terms always reported (and minimised).
    #[serde(default)]
    pub deny: Vec<DenyEntry>,
    /// The organisation's own accounts, never minimised.
    #[serde(default)]
    pub own_accounts: Vec<String>,
    /// Official channels as `platform:account` (`x:@DefensieNL`), for triage.
    #[serde(default)]
    pub official_channels: Vec<String>,
    /// Pseudonym settings.
    #[serde(default)]
    pub pseudonyms: PseudonymSettings,
    /// Triage decisions set by hand, by record id; they win over the decision tree.
    #[serde(default)]
    pub triage_overrides: BTreeMap<String, crate::triage::Decision>,
    /// Retention notes per triage decision (the organisation's selectielijst category and
    /// term), shown in the report instead of the default notes. Left out: the defaults.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retention: BTreeMap<crate::triage::Decision, String>,
}

impl Default for Policy {
    /// The built-in policy: every identifier pseudonymised, every special category tagged.
    fn default() -> Policy {
        Policy {
            version: 1,
            languages: Vec::new(),
            labels: Lang::Nl,
            operators: BTreeMap::new(),
            fields: BTreeMap::new(),
            allow: Vec::new(),
            deny: Vec::new(),
            own_accounts: Vec::new(),
            official_channels: Vec::new(),
            pseudonyms: PseudonymSettings::default(),
            triage_overrides: BTreeMap::new(),
            retention: BTreeMap::new(),
        }
    }
}

impl Policy {
    /// Parses a policy; errors name the line and column, the setting's path and what is
    /// wrong (an unknown kind or operator lists the valid ones), e.g.
    /// `2:37: operators.email.type: unknown operator `shred` (expected one of: keep, ...)`.
    /// Values from the allow and deny lists are never quoted in an error.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = weglakker::Policy::from_json("{\"version\": 1,\n \"operators\": {\"email\": {\"type\": \"shred\"}}}")
    ///     .unwrap_err()
    ///     .to_string();
    /// assert!(err.starts_with("2:"), "{err}");
    /// assert!(err.contains("operators.email.type: unknown operator `shred`"), "{err}");
    ///
    /// let err = weglakker::Policy::from_json(r#"{"version": 1, "operators": {"persn": {"type": "tag"}}}"#)
    ///     .unwrap_err()
    ///     .to_string();
    /// assert!(err.contains("operators.persn: unknown kind `persn`"), "{err}");
    /// ```
    pub fn from_json(json: &str) -> Result<Policy, Error> {
        let policy: Policy = serde_json::from_str(json).map_err(|err| {
            let place = format!("{}:{}", err.line(), err.column());
            // Valid JSON that is not a valid policy: name the setting by its path.
            let located = serde_json::from_str::<serde_json::Value>(json)
                .ok()
                .and_then(|value| check::first_problem(&value));
            let message = located.unwrap_or_else(|| {
                let message = err.to_string();
                // serde_json appends " at line L column C"; we put the place in front instead.
                match message.rfind(" at line ") {
                    Some(i) => message[..i].to_string(),
                    None => message,
                }
            });
            Error::invalid(message).at(place)
        })?;
        // serde lets some mistakes through (settings on an operator that takes none).
        if let Some(problem) = serde_json::from_str::<serde_json::Value>(json)
            .ok()
            .and_then(|value| check::first_problem(&value))
        {
            return Err(Error::invalid(problem));
        }
        if policy.version != 1 {
            return Err(Error::invalid(format!(
                "policy version {} is not supported (this weglakker reads version 1)",
                policy.version
            )));
        }
        Ok(policy)
    }

    /// The operator for findings of `kind`: the policy's own, or the default.
    pub fn operator(&self, kind: Kind) -> Operator {
        self.operators
            .get(&kind)
            .cloned()
            .unwrap_or_else(|| Policy::default_operator(kind))
    }

    /// The built-in operator: pseudonym for identifiers, tag for special categories.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Kind, Operator, Policy};
    /// assert_eq!(Policy::default_operator(Kind::Email), Operator::Pseudonym);
    /// assert_eq!(Policy::default_operator(Kind::Religion), Operator::Tag);
    /// ```
    pub fn default_operator(kind: Kind) -> Operator {
        if kind.is_special() {
            Operator::Tag
        } else {
            Operator::Pseudonym
        }
    }

    /// An engine builder set up with this policy's languages and lists.
    ///
    /// # Examples
    ///
    /// ```
    /// let policy = weglakker::Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
    /// let engine = policy.engine_builder().build();
    /// assert_eq!(engine.scan("operatie zeemeeuw")[0].rule, "deny");
    /// ```
    pub fn engine_builder(&self) -> EngineBuilder {
        let mut builder = Engine::builder();
        builder
            .languages(self.languages.iter().copied())
            .allow(self.allow.iter().cloned())
            .own_accounts(self.own_accounts.iter().cloned());
        for entry in &self.deny {
            let (term, kind) = entry.term_and_kind();
            builder.deny(kind, [term]);
        }
        builder
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_kind_is_named_with_its_place() {
        let err =
            Policy::from_json("{\"version\":1,\"operators\":{\"persoon\":{\"type\":\"tag\"}}}")
                .unwrap_err()
                .to_string();
        assert!(err.contains("unknown kind `persoon`"), "{err}");
        assert!(err.starts_with("1:"), "{err}");
    }

    #[test]
    fn unknown_field_is_rejected() {
        let err = Policy::from_json(r#"{"version":1,"operaters":{}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("operaters"), "{err}");
    }

    #[test]
    fn errors_name_the_setting_by_its_path() {
        let cases: &[(&str, &str)] = &[
            // operators: unknown kind, unknown type, missing type, bad settings
            (r#""operators": {"persn": {"type": "tag"}}"#, "operators.persn: unknown kind `persn` (expected one of: person,"),
            (r#""operators": {"email": {"type": "shred"}}"#, "operators.email.type: unknown operator `shred` (expected one of: keep, redact,"),
            (r#""operators": {"email": {}}"#, "operators.email: missing \"type\""),
            (r#""operators": {"email": "redact"}"#, "operators.email: expected an operator like"),
            (r#""operators": {"phone": {"type": "mask", "kepLast": 2}}"#, "operators.phone.kepLast: unknown setting `kepLast` for mask (expected: keepFirst, keepLast, char)"),
            (r#""operators": {"phone": {"type": "mask", "keepLast": "2"}}"#, "operators.phone.keepLast: expected a whole number"),
            (r#""operators": {"phone": {"type": "mask", "keepLast": -1}}"#, "operators.phone.keepLast: expected a whole number"),
            (r#""operators": {"phone": {"type": "mask", "char": "**"}}"#, "operators.phone.char: expected one character"),
            (r#""operators": {"date": {"type": "generalise", "to": "day"}}"#, "operators.date.to: unknown granularity `day`"),
            (r#""operators": {"date": {"type": "tag", "to": "year"}}"#, "operators.date.to: unknown setting `to` for tag (expected: none)"),
            // fields take operators too, under any name
            (r#""fields": {"author": {"type": "pseudonim"}}"#, "fields.author.type: unknown operator `pseudonim`"),
            // languages and labels
            (r#""languages": ["nl", "de"]"#, "languages[1]: unknown language `de`"),
            (r#""labels": "fr""#, "labels: unknown language `fr`"),
            // lists: the place, never the value
            (r#""allow": ["ok", 3]"#, "allow[1]: expected a string"),
            (r#""deny": ["ok", {"term": "Zeemeeuw", "kind": "plaats"}]"#, "deny[1].kind: unknown kind `plaats`"),
            (r#""deny": [{"kind": "location"}]"#, "deny[0].term: expected a string"),
            (r#""ownAccounts": "@DefensieNL""#, "ownAccounts: expected a list of strings"),
            // pseudonym settings
            (r#""pseudonyms": {"style": "hashed"}"#, "pseudonyms.style: unknown style `hashed` (expected one of: numbered, keyed)"),
            (r#""pseudonyms": {"key": "abc"}"#, "pseudonyms.key: unknown setting `key`"),
            // retention notes: decision ids as keys, text as values
            (r#""retention": {"archiveren": "10 jaar"}"#, "retention.archiveren: unknown triage decision `archiveren`"),
            (r#""retention": {"archive": 10}"#, "retention.archive: expected a text"),
            (r#""retention": ["archive"]"#, "retention: expected an object like"),
        ];
        for (settings, want) in cases {
            let json = format!("{{\"version\": 1, {settings}}}");
            let err = Policy::from_json(&json).unwrap_err().to_string();
            assert!(err.contains(want), "{settings}:\n got  {err}\n want {want}");
        }
    }

    #[test]
    fn errors_never_quote_list_values() {
        let err = Policy::from_json(r#"{"version": 1, "deny": ["Jan Jansen", 7]}"#)
            .unwrap_err()
            .to_string();
        assert!(!err.contains("Jan Jansen"), "{err}");
    }

    #[test]
    fn syntax_errors_keep_their_place() {
        let err = Policy::from_json("{\"version\": 1,\n\n  \"allow\": [}")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("3:"), "{err}");
    }

    #[test]
    fn retention_notes_parse_per_decision() {
        let p = Policy::from_json(
            r#"{"version": 1, "retention": {"archive": "Selectielijst 1.1: 10 jaar."}}"#,
        )
        .unwrap();
        assert_eq!(
            p.retention[&crate::triage::Decision::Archive],
            "Selectielijst 1.1: 10 jaar."
        );
        // left out when empty, so older policy files and exports stay the same
        assert!(!serde_json::to_string(&Policy::default())
            .unwrap()
            .contains("retention"));
    }

    #[test]
    fn wrong_version_is_rejected() {
        assert!(Policy::from_json(r#"{"version":2}"#).is_err());
    }

    #[test]
    fn design_example_parses() {
        let p = Policy::from_json(
            r#"{ "version": 1, "languages": ["nl", "en"],
  "operators": { "person": {"type": "pseudonym"}, "email": {"type": "redact"},
                 "phone": {"type": "mask", "keepLast": 2}, "date": {"type": "keep"},
                 "health": {"type": "tag"} },
  "fields": { "author": {"type": "pseudonym"}, "user_id": {"type": "drop"} },
  "allow": ["Defensie", "@DefensieNL"], "deny": ["Operatie Zeemeeuw"],
  "ownAccounts": ["@DefensieNL"], "officialChannels": ["x:@DefensieNL"],
  "pseudonyms": {"style": "numbered"} }"#,
        )
        .unwrap();
        assert_eq!(p.operator(Kind::Date), Operator::Keep);
        assert_eq!(p.fields["user_id"], Operator::Drop);
        assert_eq!(p.official_channels, vec!["x:@DefensieNL"]);
    }

    #[test]
    fn round_trips_through_json() {
        let mut p = Policy::default();
        p.operators.insert(
            Kind::Ip,
            Operator::Generalise {
                to: Granularity::Month,
            },
        );
        p.deny.push(DenyEntry::WithKind {
            term: "Zeemeeuw".into(),
            kind: Kind::Location,
        });
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(Policy::from_json(&json).unwrap(), p);
    }
}
