//! The WebAssembly boundary: the only `#[wasm_bindgen]` code in the crate.
//!
//! Everything that crosses to JavaScript is converted here and nowhere else:
//! - offsets: the core works in UTF-8 bytes, JavaScript strings in UTF-16 code units
//!   (what `String.prototype.slice` uses), so every span is converted on the way out;
//! - names: plain objects with camelCase fields (`outputStart`), built with serde;
//! - errors: every failure becomes a JavaScript `Error` whose message is the crate's own
//!   (it never quotes scanned text).
//!
//! # Examples
//!
//! From JavaScript (see `www/weglakker.js` for the facade most callers want):
//!
//! ```js
//! const engine = new Engine({ version: 1, deny: ["Zeemeeuw"] }, undefined);
//! engine.scan("operatie zeemeeuw"); // [{kind: "person", start: 9, end: 17, ...}]
//! engine.anonymise("operatie zeemeeuw").text; // "operatie [PERSOON-1]"
//! ```

use crate::{Anonymiser, Finding, Group, Kind, KindSet, Lang, Policy};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A JavaScript `Error` carrying `message`.
fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// Plain JavaScript objects (not `Map`s) for every struct and map we hand out.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// Converts monotone UTF-8 byte offsets of one text to UTF-16 code-unit offsets in a single
/// walk over the text. Asking for an offset before the previous one restarts the walk, so
/// any order is correct, and sorted order (findings are sorted) is linear.
struct Utf16Cursor<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Cursor<'a> {
    fn new(text: &'a str) -> Utf16Cursor<'a> {
        Utf16Cursor {
            text,
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary; an offset inside a char
    /// counts that whole char, an offset past the end gives the text's length).
    fn unit_at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        let target = byte.min(self.text.len());
        // `self.byte` always sits on a char boundary, so this slice cannot panic.
        for c in self.text[self.byte..].chars() {
            if self.byte >= target {
                break;
            }
            self.byte += c.len_utf8();
            self.unit += c.len_utf16();
        }
        self.unit
    }
}

/// A finding as JavaScript sees it: UTF-16 offsets into the scanned string.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFinding<'a> {
    kind: Kind,
    start: usize,
    end: usize,
    /// The matched text, `input.slice(start, end)`.
    text: &'a str,
    score: f32,
    rule: &'static str,
    allowed: bool,
}

/// One replacement as JavaScript sees it: UTF-16 spans in the input and in the output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsReplacement {
    kind: Kind,
    operator: &'static str,
    start: usize,
    end: usize,
    output_start: usize,
    output_end: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsAnonymised {
    text: String,
    replacements: Vec<JsReplacement>,
}

/// A kind with its stable id and labels, for legends and policy editors.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsKind {
    id: &'static str,
    group: &'static str,
    nl: &'static str,
    en: &'static str,
}

fn js_findings<'a>(text: &'a str, findings: &[Finding]) -> Vec<JsFinding<'a>> {
    let mut cursor = Utf16Cursor::new(text);
    findings
        .iter()
        .map(|f| JsFinding {
            kind: f.kind,
            start: cursor.unit_at(f.span.start),
            end: cursor.unit_at(f.span.end),
            text: &text[f.span.range()],
            score: f.score,
            rule: f.rule,
            allowed: f.allowed,
        })
        .collect()
}

/// Reads the policy argument: `undefined`/`null` (the built-in policy), a JSON string, or a
/// plain object (stringified, so it is checked by exactly the same parser as a file).
fn policy_from_js(value: &JsValue) -> Result<Policy, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Policy::default());
    }
    let json = match value.as_string() {
        Some(json) => json,
        None => js_sys::JSON::stringify(value)
            .map_err(|_| js_error("policy: not JSON-serialisable"))?
            .as_string()
            .ok_or_else(|| js_error("policy: expected an object or a JSON string"))?,
    };
    Policy::from_json(&json).map_err(|err| js_error(format!("policy: {err}")))
}

/// Reads the kinds argument: `undefined`/`null` (every kind) or an array of kind ids.
fn kinds_from_js(value: &JsValue) -> Result<Option<KindSet>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(value) {
        return Err(js_error("kinds: expected an array of kind ids"));
    }
    let mut set = KindSet::empty();
    for item in js_sys::Array::from(value).iter() {
        let id = item
            .as_string()
            .ok_or_else(|| js_error("kinds: expected an array of kind ids"))?;
        set.insert(id.parse::<Kind>().map_err(js_error)?);
    }
    Ok(Some(set))
}

/// A scanner and anonymiser for one policy and one run.
///
/// Pseudonyms stay consistent across every `anonymise` call of one engine (the same value
/// gets the same `[PERSOON-1]`) until `reset()`.
#[wasm_bindgen]
pub struct Engine {
    engine: crate::Engine,
    policy: Policy,
    anonymiser: Anonymiser,
}

#[wasm_bindgen]
impl Engine {
    /// `policy`: `undefined`, a policy object or its JSON text. `kinds`: `undefined` (every
    /// kind) or an array of kind ids to report. Throws an `Error` naming what is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(policy: JsValue, kinds: JsValue) -> Result<Engine, JsValue> {
        let policy = policy_from_js(&policy)?;
        let mut builder = policy.engine_builder();
        if let Some(kinds) = kinds_from_js(&kinds)? {
            builder.kinds(Kind::ALL.into_iter().filter(|k| kinds.contains(*k)));
        }
        Ok(Engine {
            engine: builder.build(),
            anonymiser: Anonymiser::new(&policy),
            policy,
        })
    }

    /// The findings in `text`, sorted, not overlapping, with UTF-16 offsets:
    /// `[{kind, start, end, text, score, rule, allowed}]`.
    pub fn scan(&self, text: &str) -> Result<JsValue, JsValue> {
        let findings = self.engine.scan(text);
        to_js(&js_findings(text, &findings))
    }

    /// Scans and anonymises `text` under the engine's policy:
    /// `{text, replacements: [{kind, operator, start, end, outputStart, outputEnd}]}`, with
    /// UTF-16 offsets into the input and into the output text.
    pub fn anonymise(&mut self, text: &str) -> Result<JsValue, JsValue> {
        let findings = self.engine.scan(text);
        let out = self.anonymiser.anonymise(text, &findings);
        let mut input = Utf16Cursor::new(text);
        let mut output = Utf16Cursor::new(&out.text);
        let replacements = out
            .replacements
            .iter()
            .map(|r| JsReplacement {
                kind: r.kind,
                operator: r.operator,
                start: input.unit_at(r.input.start),
                end: input.unit_at(r.input.end),
                output_start: output.unit_at(r.output.start),
                output_end: output.unit_at(r.output.end),
            })
            .collect();
        to_js(&JsAnonymised {
            text: out.text.clone(),
            replacements,
        })
    }

    /// Starts a new run: pseudonym numbering begins again at 1.
    pub fn reset(&mut self) {
        self.anonymiser = Anonymiser::new(&self.policy);
    }

    /// The policy in effect, as a plain object (defaults filled in).
    pub fn policy(&self) -> Result<JsValue, JsValue> {
        to_js(&self.policy)
    }
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Every kind: `[{id, group: "identifier" | "special", nl, en}]`, `nl`/`en` being the labels
/// used in tags (`PERSOON`, `PERSON`).
#[wasm_bindgen]
pub fn kinds() -> Result<JsValue, JsValue> {
    let kinds: Vec<JsKind> = Kind::ALL
        .iter()
        .map(|k| JsKind {
            id: k.id(),
            group: match k.group() {
                Group::Identifier => "identifier",
                Group::Special => "special",
            },
            nl: k.label(Lang::Nl),
            en: k.label(Lang::En),
        })
        .collect();
    to_js(&kinds)
}
