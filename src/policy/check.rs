//! Finds *where* a policy file is wrong. serde's own messages give a line and column but not
//! which setting was meant (`unknown variant "shred"`); when a policy does not parse, this
//! walks the JSON and names the first wrong setting by its path, e.g.
//! `operators.persn: unknown kind `persn` (expected one of: person, ...)`.
//!
//! It only checks the parts it knows (operators, fields, lists, pseudonyms, languages); other
//! top-level settings are left to serde, whose `unknown field` message is clear already.

use crate::triage::Decision;
use crate::{Kind, Lang};
use serde_json::{Map, Value};

/// Operator types and the settings each takes.
const OPERATORS: &[(&str, &[&str])] = &[
    ("keep", &[]),
    ("redact", &[]),
    ("tag", &[]),
    ("pseudonym", &[]),
    ("mask", &["keepFirst", "keepLast", "char"]),
    ("generalise", &["to"]),
    ("drop", &[]),
];

/// The first problem found in a parsed policy, as `path: what`; `None` when these checks
/// find nothing.
pub(super) fn first_problem(policy: &Value) -> Option<String> {
    let Value::Object(top) = policy else {
        return Some("the policy must be a JSON object like {\"version\": 1}".into());
    };
    check_version(top.get("version"))
        .or_else(|| check_languages(top.get("languages")))
        .or_else(|| check_lang("labels", top.get("labels")))
        .or_else(|| check_operator_map("operators", top.get("operators"), true))
        .or_else(|| check_operator_map("fields", top.get("fields"), false))
        .or_else(|| check_strings("allow", top.get("allow")))
        .or_else(|| check_deny(top.get("deny")))
        .or_else(|| check_strings("ownAccounts", top.get("ownAccounts")))
        .or_else(|| check_strings("officialChannels", top.get("officialChannels")))
        .or_else(|| check_pseudonyms(top.get("pseudonyms")))
        .or_else(|| check_retention(top.get("retention")))
}

fn check_version(v: Option<&Value>) -> Option<String> {
    match v {
        None => Some("version: missing (write \"version\": 1)".into()),
        Some(Value::Number(n)) if n.as_u64().is_some() => None,
        Some(_) => Some("version: expected a whole number (1)".into()),
    }
}

fn check_languages(v: Option<&Value>) -> Option<String> {
    let items = match v {
        None => return None,
        Some(Value::Array(items)) => items,
        Some(_) => return Some("languages: expected a list like [\"nl\", \"en\"]".into()),
    };
    items
        .iter()
        .enumerate()
        .find_map(|(i, item)| check_lang(&format!("languages[{i}]"), Some(item)))
}

fn check_lang(path: &str, v: Option<&Value>) -> Option<String> {
    match v {
        None => None,
        Some(Value::String(s)) => s.parse::<Lang>().err().map(|e| format!("{path}: {e}")),
        Some(_) => Some(format!("{path}: expected \"nl\" or \"en\"")),
    }
}

/// `operators` (keys are kinds) or `fields` (keys are field names).
fn check_operator_map(path: &str, v: Option<&Value>, keys_are_kinds: bool) -> Option<String> {
    let map = match v {
        None => return None,
        Some(Value::Object(map)) => map,
        Some(_) => {
            return Some(format!(
                "{path}: expected an object like {{\"person\": {{\"type\": \"tag\"}}}}"
            ))
        }
    };
    for (key, op) in map {
        let here = format!("{path}.{key}");
        if keys_are_kinds {
            if let Err(e) = key.parse::<Kind>() {
                return Some(format!("{here}: {e}"));
            }
        }
        if let Some(problem) = check_operator(&here, op) {
            return Some(problem);
        }
    }
    None
}

fn check_operator(path: &str, v: &Value) -> Option<String> {
    let valid_types = || {
        OPERATORS
            .iter()
            .map(|(t, _)| *t)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Value::Object(op) = v else {
        return Some(format!(
            "{path}: expected an operator like {{\"type\": \"tag\"}}"
        ));
    };
    let ty = match op.get("type") {
        Some(Value::String(ty)) => ty,
        Some(_) => return Some(format!("{path}.type: expected one of: {}", valid_types())),
        None => {
            return Some(format!(
                "{path}: missing \"type\" (one of: {})",
                valid_types()
            ))
        }
    };
    let Some((_, settings)) = OPERATORS.iter().find(|(t, _)| t == ty) else {
        return Some(format!(
            "{path}.type: unknown operator `{ty}` (expected one of: {})",
            valid_types()
        ));
    };
    for (key, value) in op.iter().filter(|(k, _)| k.as_str() != "type") {
        if !settings.contains(&key.as_str()) {
            let valid = if settings.is_empty() {
                "none".to_string()
            } else {
                settings.join(", ")
            };
            return Some(format!(
                "{path}.{key}: unknown setting `{key}` for {ty} (expected: {valid})"
            ));
        }
        if let Some(problem) = check_setting(&format!("{path}.{key}"), key, value) {
            return Some(problem);
        }
    }
    None
}

fn check_setting(path: &str, key: &str, v: &Value) -> Option<String> {
    match key {
        "keepFirst" | "keepLast" if v.as_u64().is_none() => {
            Some(format!("{path}: expected a whole number of 0 or more"))
        }
        "char" if v.as_str().map(|s| s.chars().count()) != Some(1) => {
            Some(format!("{path}: expected one character, like \"*\""))
        }
        "to" if !matches!(v.as_str(), Some("month" | "year")) => {
            let got = v.as_str().unwrap_or("(not a string)");
            Some(format!(
                "{path}: unknown granularity `{got}` (expected one of: month, year)"
            ))
        }
        _ => None,
    }
}

/// A list of strings. Its values are never quoted: they may be names.
fn check_strings(path: &str, v: Option<&Value>) -> Option<String> {
    match v {
        None => None,
        Some(Value::Array(items)) => items
            .iter()
            .position(|item| !item.is_string())
            .map(|i| format!("{path}[{i}]: expected a string")),
        Some(_) => Some(format!("{path}: expected a list of strings")),
    }
}

fn check_deny(v: Option<&Value>) -> Option<String> {
    let items = match v {
        None => return None,
        Some(Value::Array(items)) => items,
        Some(_) => return Some("deny: expected a list of terms".into()),
    };
    for (i, item) in items.iter().enumerate() {
        let here = format!("deny[{i}]");
        match item {
            Value::String(_) => {}
            Value::Object(entry) => {
                if let Some(problem) = check_deny_entry(&here, entry) {
                    return Some(problem);
                }
            }
            _ => {
                return Some(format!(
                    "{here}: expected a term or {{\"term\": \"...\", \"kind\": \"location\"}}"
                ))
            }
        }
    }
    None
}

fn check_deny_entry(path: &str, entry: &Map<String, Value>) -> Option<String> {
    if !matches!(entry.get("term"), Some(Value::String(_))) {
        return Some(format!("{path}.term: expected a string"));
    }
    match entry.get("kind") {
        Some(Value::String(kind)) => kind
            .parse::<Kind>()
            .err()
            .map(|e| format!("{path}.kind: {e}")),
        _ => Some(format!(
            "{path}.kind: expected a kind id such as \"location\""
        )),
    }
}

fn check_pseudonyms(v: Option<&Value>) -> Option<String> {
    let settings = match v {
        None => return None,
        Some(Value::Object(settings)) => settings,
        Some(_) => {
            return Some("pseudonyms: expected an object like {\"style\": \"keyed\"}".into())
        }
    };
    for (key, value) in settings {
        if key != "style" {
            return Some(format!(
                "pseudonyms.{key}: unknown setting `{key}` (expected: style)"
            ));
        }
        if !matches!(value.as_str(), Some("numbered" | "keyed")) {
            let got = value.as_str().unwrap_or("(not a string)");
            return Some(format!(
                "pseudonyms.style: unknown style `{got}` (expected one of: numbered, keyed)"
            ));
        }
    }
    None
}

/// Retention notes: a text per triage decision id.
fn check_retention(v: Option<&Value>) -> Option<String> {
    let notes =
        match v {
            None => return None,
            Some(Value::Object(notes)) => notes,
            Some(_) => return Some(
                "retention: expected an object like {\"archive\": \"Selectielijst 1.1: 10 jaar\"}"
                    .into(),
            ),
        };
    for (id, note) in notes {
        if let Err(e) = id.parse::<Decision>() {
            return Some(format!("retention.{id}: {e}"));
        }
        if !note.is_string() {
            return Some(format!("retention.{id}: expected a text"));
        }
    }
    None
}
