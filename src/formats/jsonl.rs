//! JSON Lines: one JSON object per line.
//!
//! Every string value of the object (nested ones too) is a text field, named by its JSON
//! pointer without the leading slash: `text`, `user/name`, `tags/0`. The top-level `id` is
//! the record id, copied to the scan output and never scanned. Anonymising rewrites only
//! the string values that change, in the raw line, so numbers, escapes, key order and
//! spacing of everything else stay byte-identical.
//!
//! Policy `fields` operators apply to whole members by field name (`author`, `user/name`):
//! `drop` removes the member, `keep` leaves it unscanned, every other operator replaces the
//! whole value through [`Anonymiser::field`], as an account (`@` value or a field named like
//! `screen_name`), an e-mail address, or else a person, so an author's pseudonym matches
//! their mentions in the text.

pub use super::json::{Member, StringValue};

use super::json::{drop_ranges, json_string, places, rewrite};
use crate::report::Report;
use crate::triage::Reaction;
use crate::{Anonymiser, Engine, Error, Kind, Operator, Policy, Replacement, Span};
use serde_json::Value;
use std::ops::Range;

/// One parsed line: its string values and object members, with their places in the raw
/// line.
///
/// # Examples
///
/// ```
/// use weglakker::formats::jsonl::parse_line;
///
/// let line = parse_line(r#"{"id": 7, "text": "hoi", "user": {"name": "Jan"}}"#).unwrap();
/// assert_eq!(line.id, Some(serde_json::json!(7)));
/// let fields: Vec<&str> = line.texts().map(|s| s.field.as_str()).collect();
/// assert_eq!(fields, ["text", "user/name"]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Line<'a> {
    /// The raw line, without its line ending.
    pub raw: &'a str,
    /// The top-level `id` member's value, if any.
    pub id: Option<Value>,
    /// Every string value that is not an object key, in order of appearance.
    pub strings: Vec<StringValue>,
    /// Every object member, in order of appearance (a parent before its children).
    pub members: Vec<Member>,
    /// For each object, the indexes of its members in `members`.
    objects: Vec<Vec<usize>>,
}

impl Line<'_> {
    /// The text fields: every string value except the top-level `id`.
    ///
    /// # Examples
    ///
    /// ```
    /// let line = weglakker::formats::jsonl::parse_line(r#"{"id": "a", "text": "hoi"}"#).unwrap();
    /// assert_eq!(line.texts().count(), 1);
    /// ```
    pub fn texts(&self) -> impl Iterator<Item = &StringValue> {
        self.strings.iter().filter(|s| s.field != "id")
    }

    /// The string value of a field, e.g. `platform` or `in_reply_to` for triage.
    ///
    /// # Examples
    ///
    /// ```
    /// let line = weglakker::formats::jsonl::parse_line(
    ///     r#"{"text": "Hoe?", "platform": "x", "reply": {"to": "@DefensieNL"}}"#,
    /// ).unwrap();
    /// assert_eq!(line.get_str("platform"), Some("x"));
    /// assert_eq!(line.get_str("reply/to"), Some("@DefensieNL"));
    /// assert_eq!(line.get_str("in_reply_to"), None);
    /// ```
    pub fn get_str(&self, field: &str) -> Option<&str> {
        self.strings
            .iter()
            .find(|s| s.field == field)
            .map(|s| s.value.as_str())
    }

    /// The line as a reaction for triage: its `id`, `text`, `platform` and `in_reply_to`
    /// (DESIGN.md section 6). The caller names a line without an id by its record number
    /// ([`Reaction::or_record`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let line = weglakker::formats::jsonl::parse_line(
    ///     r#"{"id": 7, "text": "Hoe?", "platform": "x", "in_reply_to": "@DefensieNL"}"#,
    /// ).unwrap();
    /// let r = line.reaction();
    /// assert_eq!((r.id.as_deref(), r.text.as_str()), (Some("7"), "Hoe?"));
    /// assert_eq!(r.in_reply_to.as_deref(), Some("@DefensieNL"));
    /// ```
    pub fn reaction(&self) -> Reaction {
        Reaction {
            id: self.id.as_ref().map(|id| match id {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }),
            text: self.get_str("text").unwrap_or_default().to_string(),
            platform: self.get_str("platform").map(str::to_string),
            in_reply_to: self.get_str("in_reply_to").map(str::to_string),
        }
    }
}

/// Parses one line, which must be one JSON object. The error says what is wrong and at
/// which column (1-based, in bytes); the caller adds file and line.
///
/// # Examples
///
/// ```
/// use weglakker::formats::jsonl::parse_line;
///
/// let err = parse_line(r#"{"text": "a" "b"}"#).unwrap_err().to_string();
/// assert!(err.contains("column 14"), "{err}");
/// assert!(parse_line("[1, 2]").unwrap_err().to_string().contains("not a JSON object"));
/// ```
pub fn parse_line(raw: &str) -> Result<Line<'_>, Error> {
    if let Err(err) = serde_json::from_str::<serde::de::IgnoredAny>(raw) {
        let message = err.to_string();
        // serde_json appends " at line L column C"; we say the column ourselves.
        let message = match message.rfind(" at line ") {
            Some(i) => &message[..i],
            None => &message,
        };
        return Err(Error::invalid(format!(
            "invalid JSON at column {}: {message}",
            err.column()
        )));
    }
    if !raw.trim_start().starts_with('{') {
        return Err(Error::invalid(
            "not a JSON object (each line must hold one object)",
        ));
    }
    // The line is valid JSON, so the walk cannot fail; if it does, say so plainly.
    let places = places(raw).map_err(|()| Error::invalid("could not read the JSON object"))?;
    let id = places
        .members
        .iter()
        .find(|m| m.field == "id")
        .and_then(|m| serde_json::from_str(&raw[m.value.clone()]).ok());
    Ok(Line {
        raw,
        id,
        strings: places.strings,
        members: places.members,
        objects: places.objects,
    })
}

/// Anonymises one line: field operators first, then every other text field scanned and
/// replaced per policy. Counts the record, findings and replacements in the report.
///
/// # Examples
///
/// ```
/// use weglakker::formats::jsonl::{anonymise_line, parse_line};
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"],
///     "fields": {"user_id": {"type": "drop"}, "author": {"type": "pseudonym"}}}"#).unwrap();
/// let engine = policy.engine_builder().build();
/// let mut anon = Anonymiser::new(&policy);
/// let mut report = Report::new(&policy);
/// let line = parse_line(r#"{"id":1,"user_id":42,"author":"Jan","text":"Zeemeeuw \u00e9","n":1.50}"#).unwrap();
/// let out = anonymise_line(&line, &engine, &policy, &mut anon, &mut report);
/// assert_eq!(out, r#"{"id":1,"author":"[PERSOON-1]","text":"[PERSOON-2] é","n":1.50}"#);
/// ```
pub fn anonymise_line(
    line: &Line<'_>,
    engine: &Engine,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> String {
    anonymise_line_with(
        line,
        &mut |_, text| engine.scan(text),
        policy,
        anonymiser,
        report,
    )
}

/// [`anonymise_line`] with the findings of each scanned text field given by `scan(field,
/// text)`: the review app uses it to see every field's findings and to keep findings a
/// person decided to keep (by setting `allowed`).
///
/// # Examples
///
/// ```
/// use weglakker::formats::jsonl::{anonymise_line_with, parse_line};
/// use weglakker::report::Report;
/// use weglakker::{Anonymiser, Policy};
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Zeemeeuw"]}"#).unwrap();
/// let engine = policy.engine_builder().build();
/// let mut seen = Vec::new();
/// let mut scan = |field: &str, text: &str| {
///     seen.push(field.to_string());
///     engine.scan(text)
/// };
/// let line = parse_line(r#"{"text":"Zeemeeuw"}"#).unwrap();
/// let mut report = Report::new(&policy);
/// let out = anonymise_line_with(&line, &mut scan, &policy, &mut Anonymiser::new(&policy), &mut report);
/// assert_eq!(out, r#"{"text":"[PERSOON-1]"}"#);
/// assert_eq!(seen, ["text"]);
/// ```
pub fn anonymise_line_with(
    line: &Line<'_>,
    scan: &mut dyn FnMut(&str, &str) -> Vec<crate::Finding>,
    policy: &Policy,
    anonymiser: &mut Anonymiser,
    report: &mut Report,
) -> String {
    report.record_scanned();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut dropped = vec![false; line.members.len()];
    // Values handled as a whole by a field operator: not scanned as text.
    let mut whole: Vec<Range<usize>> = Vec::new();
    for (i, member) in line.members.iter().enumerate() {
        let Some(op) = policy.fields.get(&member.field) else {
            continue;
        };
        whole.push(member.value.clone());
        match op {
            Operator::Drop => {
                dropped[i] = true;
                continue;
            }
            Operator::Keep => continue,
            _ => {}
        }
        let value = match line.strings.iter().find(|s| s.raw == member.value) {
            Some(s) => s.value.clone(),
            None => line.raw[member.value.clone()].to_string(),
        };
        let kind = field_kind(&member.field, &value);
        let Some(replacement) = anonymiser.field(&member.field, kind, &value) else {
            dropped[i] = true;
            continue;
        };
        report.add_replacements(&[Replacement {
            kind,
            input: Span::new(0, value.len()),
            output: Span::new(0, replacement.len()),
            operator: operator_name(op),
        }]);
        if replacement != value || !member.is_string {
            edits.push((member.value.clone(), json_string(&replacement)));
        }
    }
    for s in line.texts() {
        if whole
            .iter()
            .any(|w| w.start <= s.raw.start && s.raw.end <= w.end)
        {
            continue;
        }
        let findings = scan(&s.field, &s.value);
        if findings.is_empty() {
            continue;
        }
        let out = anonymiser.anonymise(&s.value, &findings);
        report.add_findings(&findings);
        report.add_replacements(&out.replacements);
        if out.text != s.value {
            edits.push((s.raw.clone(), json_string(&out.text)));
        }
    }
    for range in drop_ranges(&line.members, &line.objects, &dropped) {
        edits.push((range, String::new()));
    }
    report.record_written();
    rewrite(line.raw, edits)
}

/// What a whole field holds, for its label and pseudonym: an account when the value starts
/// with `@` or the field's name says so (`screen_name`, `username`, `handle`), an e-mail
/// address when it has an `@` inside, else a person's name.
pub(crate) fn field_kind(field: &str, value: &str) -> Kind {
    let name = field
        .rsplit('/')
        .next()
        .unwrap_or(field)
        .to_ascii_lowercase();
    let value = value.trim();
    if value.starts_with('@')
        || ["screen_name", "username", "user_name", "handle", "account"]
            .iter()
            .any(|n| name.contains(n))
    {
        Kind::Handle
    } else if value.contains('@') && !value.contains(' ') {
        Kind::Email
    } else {
        Kind::Person
    }
}

pub(crate) fn operator_name(op: &Operator) -> &'static str {
    match op {
        Operator::Keep => "keep",
        Operator::Redact => "redact",
        Operator::Tag => "tag",
        Operator::Pseudonym => "pseudonym",
        Operator::Mask { .. } => "mask",
        Operator::Generalise { .. } => "generalise",
        Operator::Drop => "drop",
    }
}

/// Splits input into lines: (1-based line number, line without its ending, the ending).
/// A final line without a newline is a line; nothing after the last newline is not.
///
/// # Examples
///
/// ```
/// let lines: Vec<_> = weglakker::formats::jsonl::lines("a\r\n\nb").collect();
/// assert_eq!(lines, [(1, "a", "\r\n"), (2, "", "\n"), (3, "b", "")]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str, &str)> {
    text.split_inclusive('\n').enumerate().map(|(i, line)| {
        let body = line
            .strip_suffix("\r\n")
            .or_else(|| line.strip_suffix('\n'))
            .unwrap_or(line);
        (i + 1, body, &line[body.len()..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deny_policy(fields: &str) -> Policy {
        Policy::from_json(&format!(
            r#"{{"version": 1, "deny": ["Zeemeeuw"], "fields": {{{fields}}}}}"#
        ))
        .unwrap()
    }

    fn anon(line: &str, fields: &str) -> String {
        let policy = deny_policy(fields);
        let engine = policy.engine_builder().build();
        let parsed = parse_line(line).unwrap();
        anonymise_line(
            &parsed,
            &engine,
            &policy,
            &mut Anonymiser::new(&policy),
            &mut Report::new(&policy),
        )
    }

    #[test]
    fn field_names_are_pointers() {
        let line =
            parse_line(r#"{"id":"a","text":"x","u":{"n":"y","a/b":"z"},"t":["p",{"q":"r"}]}"#)
                .unwrap();
        let fields: Vec<&str> = line.texts().map(|s| s.field.as_str()).collect();
        assert_eq!(fields, ["text", "u/n", "u/a~1b", "t/0", "t/1/q"]);
        assert_eq!(line.id, Some(Value::from("a")));
    }

    #[test]
    fn parse_errors() {
        let cases: &[(&str, &str)] = &[
            // broken JSON names the column
            (r#"{"text": }"#, "column 10"),
            (r#"{"text": "a""#, "column"),
            ("", "column"),
            // valid JSON that is not an object
            ("42", "not a JSON object"),
            (r#""text""#, "not a JSON object"),
            ("[{}]", "not a JSON object"),
        ];
        for (line, part) in cases {
            let err = parse_line(line).unwrap_err().to_string();
            assert!(err.contains(part), "{line}: {err}");
        }
    }

    #[test]
    fn rewrites_keep_everything_else_byte_identical() {
        let cases: &[(&str, &str, &str)] = &[
            // only the changed string is re-encoded; numbers, escapes, spacing stay
            (
                r#"{ "n": 1.0e3, "text": "zeemeeuw!", "e": "\u00e9\n" }"#,
                "",
                r#"{ "n": 1.0e3, "text": "[PERSOON-1]!", "e": "\u00e9\n" }"#,
            ),
            // an escaped value that changes is re-encoded as plain UTF-8
            (
                r#"{"text":"Zeemeeuw \u00e9"}"#,
                "",
                r#"{"text":"[PERSOON-1] é"}"#,
            ),
            // nested strings and array items are text fields too
            (
                r#"{"a":{"b":["Zeemeeuw"]}}"#,
                "",
                r#"{"a":{"b":["[PERSOON-1]"]}}"#,
            ),
            // nothing found: the line is unchanged
            (
                r#"{"text" :"niets" , "x":null}"#,
                "",
                r#"{"text" :"niets" , "x":null}"#,
            ),
        ];
        for (line, fields, want) in cases {
            assert_eq!(anon(line, fields), *want, "{line}");
        }
    }

    #[test]
    fn field_operators() {
        let cases: &[(&str, &str, &str)] = &[
            // drop: first, middle, last, several, all
            (
                r#"{"a":1, "b":2, "c":3}"#,
                r#""a":{"type":"drop"}"#,
                r#"{"b":2, "c":3}"#,
            ),
            (
                r#"{"a":1, "b":2, "c":3}"#,
                r#""b":{"type":"drop"}"#,
                r#"{"a":1, "c":3}"#,
            ),
            (
                r#"{"a":1, "b":2, "c":3}"#,
                r#""c":{"type":"drop"}"#,
                r#"{"a":1, "b":2}"#,
            ),
            (
                r#"{"a":1, "b":2, "c":3}"#,
                r#""a":{"type":"drop"},"b":{"type":"drop"}"#,
                r#"{"c":3}"#,
            ),
            (
                r#"{"a":1, "b":2, "c":3}"#,
                r#""b":{"type":"drop"},"c":{"type":"drop"}"#,
                r#"{"a":1}"#,
            ),
            (r#"{"a":"Zeemeeuw"}"#, r#""a":{"type":"drop"}"#, r#"{}"#),
            // drop of a nested member, and of a parent with findings inside
            (
                r#"{"u":{"n":"x","m":2}}"#,
                r#""u/n":{"type":"drop"}"#,
                r#"{"u":{"m":2}}"#,
            ),
            (
                r#"{"u":{"n":"Zeemeeuw"},"k":1}"#,
                r#""u":{"type":"drop"}"#,
                r#"{"k":1}"#,
            ),
            // keep: not scanned
            (
                r#"{"a":"Zeemeeuw"}"#,
                r#""a":{"type":"keep"}"#,
                r#"{"a":"Zeemeeuw"}"#,
            ),
            // whole-value operators, also on numbers
            (
                r#"{"a":"Jan"}"#,
                r#""a":{"type":"redact"}"#,
                r#"{"a":"[VERWIJDERD]"}"#,
            ),
            (
                r#"{"a":"Jan"}"#,
                r#""a":{"type":"tag"}"#,
                r#"{"a":"[PERSOON]"}"#,
            ),
            (
                r#"{"a":12345}"#,
                r#""a":{"type":"pseudonym"}"#,
                r#"{"a":"[PERSOON-1]"}"#,
            ),
            // the value's kind: an account by `@` or by the field's name, an e-mail address
            (
                r#"{"a":"@janj"}"#,
                r#""a":{"type":"pseudonym"}"#,
                r#"{"a":"[ACCOUNT-1]"}"#,
            ),
            (
                r#"{"u":{"screen_name":"janj"}}"#,
                r#""u/screen_name":{"type":"tag"}"#,
                r#"{"u":{"screen_name":"[ACCOUNT]"}}"#,
            ),
            (
                r#"{"a":"j@x.nl"}"#,
                r#""a":{"type":"pseudonym"}"#,
                r#"{"a":"[E-MAIL-1]"}"#,
            ),
            // mask works on the whole value
            (
                r#"{"a":"0612345678"}"#,
                r#""a":{"type":"mask","keepLast":2}"#,
                r#"{"a":"********78"}"#,
            ),
        ];
        for (line, fields, want) in cases {
            let got = anon(line, fields);
            assert_eq!(got, *want, "{line} with {fields}");
            assert!(serde_json::from_str::<Value>(&got).is_ok(), "{got}");
        }
    }

    #[test]
    fn lines_keep_their_endings() {
        let got: Vec<_> = lines("a\nb\r\n").collect();
        assert_eq!(got, [(1, "a", "\n"), (2, "b", "\r\n")]);
        assert_eq!(lines("").count(), 0);
    }
}
