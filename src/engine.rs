//! The engine: which detectors run, and the user's lists (allow, deny, own accounts,
//! terms learned from the export).

use crate::detect::{self, Hit, ScanCtx};
use crate::{resolve, Finding, Kind, KindSet, Lang, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::Arc;

/// The languages whose lexicons and cues are used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LangSet {
    pub nl: bool,
    pub en: bool,
}

#[allow(dead_code)] // see `ScanCtx::langs`
impl LangSet {
    pub fn has(self, lang: Lang) -> bool {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }
}

/// Scans text for personal data.
///
/// An engine is cheap to clone and can be shared between threads; build one per policy and
/// reuse it for every record of an export.
///
/// # Examples
///
/// ```
/// use weglakker::{Engine, Kind};
///
/// let engine = Engine::new();
/// let text = "Bel me op 06-12345678 of mail jan@example.nl";
/// let kinds: Vec<Kind> = engine.scan(text).iter().map(|f| f.kind).collect();
/// assert_eq!(kinds, vec![Kind::Phone, Kind::Email]);
/// ```
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

struct Inner {
    kinds: KindSet,
    langs: LangSet,
    /// Deny terms first, then learned terms; `term_meta[i]` says what pattern `i` is.
    terms: Option<AhoCorasick>,
    term_meta: Vec<(Kind, &'static str, u8)>,
    /// Allow list and own accounts, lower-cased; a finding whose whole text is one of
    /// these is reported with `allowed = true`.
    allow: Vec<String>,
    builder: EngineBuilder,
}

impl Engine {
    /// An engine with every kind enabled, Dutch and English, and no lists.
    ///
    /// # Examples
    ///
    /// ```
    /// let findings = weglakker::Engine::new().scan("IBAN NL91ABNA0417164300");
    /// assert_eq!(findings[0].kind, weglakker::Kind::Iban);
    /// ```
    pub fn new() -> Engine {
        EngineBuilder::new().build()
    }

    /// A builder to choose languages, kinds and lists.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Engine, Kind};
    ///
    /// let engine = Engine::builder()
    ///     .kinds([Kind::Email])
    ///     .deny(Kind::Person, ["Operatie Zeemeeuw"])
    ///     .build();
    /// let found = engine.scan("operatie zeemeeuw, mail a@b.nl, bel 06-12345678");
    /// let kinds: Vec<Kind> = found.iter().map(|f| f.kind).collect();
    /// assert_eq!(kinds, vec![Kind::Person, Kind::Email]);
    /// ```
    pub fn builder() -> EngineBuilder {
        EngineBuilder::new()
    }

    /// Finds the personal data in `text`: sorted by start, never overlapping, with byte
    /// offsets into `text`.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Mijn BSN is 111222333.";
    /// let findings = weglakker::Engine::new().scan(text);
    /// assert_eq!(&text[findings[0].span.range()], "111222333");
    /// ```
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let inner = &*self.inner;
        let mut hits: Vec<Hit> = Vec::with_capacity(16);
        let profile = detect::Profile::of(text);
        for compiled in detect::compiled_rules() {
            let rule = compiled.rule;
            if !inner.kinds.contains(rule.kind) && !rule_may_change_kind(rule.kind, inner.kinds) {
                continue;
            }
            if !rule.needs.met_by(&profile) {
                continue;
            }
            for m in compiled.regex.find_iter(text) {
                if let Some(v) = (rule.validate)(text, Span::new(m.start(), m.end())) {
                    if inner.kinds.contains(v.kind) {
                        hits.push(Hit {
                            finding: Finding::new(
                                v.span,
                                v.kind,
                                v.score,
                                v.rule.unwrap_or(rule.name),
                            ),
                            priority: rule.priority,
                        });
                    }
                }
            }
        }
        let ctx = ScanCtx::new(text, inner.kinds, inner.langs);
        for (pass, kinds) in detect::passes() {
            if kinds.iter().any(|k| inner.kinds.contains(*k)) {
                let from = hits.len();
                pass(&ctx, &mut hits);
                // A pass may report kinds the user switched off; drop those here, once.
                let mut i = from;
                while i < hits.len() {
                    if inner.kinds.contains(hits[i].finding.kind) {
                        i += 1;
                    } else {
                        hits.swap_remove(i);
                    }
                }
            }
        }
        if let Some(ac) = &inner.terms {
            for m in ac.find_iter(text) {
                if !crate::detect::context::is_word_bounded(text, m.start(), m.end()) {
                    continue;
                }
                let (kind, rule, priority) = inner.term_meta[m.pattern().as_usize()];
                hits.push(Hit {
                    finding: Finding::new(Span::new(m.start(), m.end()), kind, 1.0, rule),
                    priority,
                });
            }
        }
        let mut findings = resolve::resolve(hits);
        if !inner.allow.is_empty() {
            for f in &mut findings {
                let value = text[f.span.range()].to_lowercase();
                f.allowed = inner.allow.contains(&value);
            }
        }
        findings
    }

    /// A builder that starts from this engine's settings, e.g. to add the names learned
    /// from one export's author fields.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::{Engine, Kind};
    ///
    /// let base = Engine::new();
    /// let for_file = base.to_builder().terms(Kind::Person, ["Wubbo Ockels"]).build();
    /// let f = for_file.scan("gesprek met wubbo ockels");
    /// assert_eq!(f[0].rule, "term");
    /// ```
    pub fn to_builder(&self) -> EngineBuilder {
        self.inner.builder.clone()
    }

    /// The kinds this engine reports.
    pub fn kinds(&self) -> KindSet {
        self.inner.kinds
    }
}

/// `date` rules can report `birth_date`; they must run when only `birth_date` is on.
fn rule_may_change_kind(rule_kind: Kind, enabled: KindSet) -> bool {
    rule_kind == Kind::Date && enabled.contains(Kind::BirthDate)
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new()
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("kinds", &self.inner.kinds)
            .field("langs", &self.inner.langs)
            .field("terms", &self.inner.term_meta.len())
            .field("allow", &self.inner.allow.len())
            .finish()
    }
}

/// Configures an [`Engine`].
///
/// # Examples
///
/// ```
/// use weglakker::{Engine, Kind, Lang};
///
/// let engine = Engine::builder()
///     .languages([Lang::Nl])
///     .allow(["Defensie"])
///     .own_accounts(["@DefensieNL"])
///     .build();
/// let found = engine.scan("vraag aan @DefensieNL");
/// assert_eq!(found[0].kind, Kind::Handle);
/// assert!(found[0].allowed);
/// ```
#[derive(Clone, Debug)]
pub struct EngineBuilder {
    kinds: KindSet,
    langs: LangSet,
    allow: Vec<String>,
    own_accounts: Vec<String>,
    deny: Vec<(Kind, String)>,
    terms: Vec<(Kind, String)>,
}

impl Default for EngineBuilder {
    fn default() -> EngineBuilder {
        EngineBuilder::new()
    }
}

impl EngineBuilder {
    /// Every kind, both languages, no lists.
    pub fn new() -> EngineBuilder {
        EngineBuilder {
            kinds: KindSet::all(),
            langs: LangSet { nl: true, en: true },
            allow: Vec::new(),
            own_accounts: Vec::new(),
            deny: Vec::new(),
            terms: Vec::new(),
        }
    }

    /// The languages of the text (lexicons and cues); an empty list means both.
    pub fn languages<I: IntoIterator<Item = Lang>>(&mut self, langs: I) -> &mut EngineBuilder {
        let mut set = LangSet {
            nl: false,
            en: false,
        };
        for lang in langs {
            match lang {
                Lang::Nl => set.nl = true,
                Lang::En => set.en = true,
            }
        }
        if set.nl || set.en {
            self.langs = set;
        }
        self
    }

    /// Only these kinds are reported.
    pub fn kinds<I: IntoIterator<Item = Kind>>(&mut self, kinds: I) -> &mut EngineBuilder {
        self.kinds = kinds.into_iter().collect();
        self
    }

    /// Values that are found but kept (public organisations, spokespeople): findings whose
    /// whole text equals one of them, ignoring case, are reported with `allowed = true`.
    pub fn allow<I, S>(&mut self, values: I) -> &mut EngineBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.allow.extend(values.into_iter().map(Into::into));
        self
    }

    /// The organisation's own accounts (`@DefensieNL`): never minimised, and used by triage
    /// to know whom a reaction addresses.
    pub fn own_accounts<I, S>(&mut self, accounts: I) -> &mut EngineBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.own_accounts
            .extend(accounts.into_iter().map(Into::into));
        self
    }

    /// Terms that are always reported as `kind` (whole words, ignoring ASCII case), whatever
    /// the detectors say; they win every overlap.
    pub fn deny<I, S>(&mut self, kind: Kind, terms: I) -> &mut EngineBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.deny
            .extend(terms.into_iter().map(|t| (kind, t.into())));
        self
    }

    /// Exact terms learned at run time, e.g. author names and handles from an export's
    /// structured fields, so that the same person is caught in free text.
    pub fn terms<I, S>(&mut self, kind: Kind, terms: I) -> &mut EngineBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.terms
            .extend(terms.into_iter().map(|t| (kind, t.into())));
        self
    }

    /// Builds the engine. Regex rules are compiled once per process and shared.
    pub fn build(&self) -> Engine {
        let mut patterns: Vec<&str> = Vec::new();
        let mut term_meta = Vec::new();
        let lists = [(&self.deny, "deny", 250u8), (&self.terms, "term", 200u8)];
        for (list, rule, priority) in lists {
            for (kind, term) in list.iter() {
                let term = term.trim();
                if !term.is_empty() {
                    patterns.push(term);
                    term_meta.push((*kind, rule, priority));
                }
            }
        }
        let terms = if patterns.is_empty() {
            None
        } else {
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                // Building only fails past aho-corasick's size limits (millions of terms).
                .expect("term lists within aho-corasick's limits");
            Some(ac)
        };
        let allow = self
            .allow
            .iter()
            .chain(&self.own_accounts)
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        Engine {
            inner: Arc::new(Inner {
                kinds: self.kinds,
                langs: self.langs,
                terms,
                term_meta,
                allow,
                builder: self.clone(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deny_terms_are_whole_words_only() {
        let engine = Engine::builder()
            .kinds([])
            .deny(Kind::Person, ["Piet"])
            .build();
        assert_eq!(engine.scan("Pieterburen").len(), 0);
        assert_eq!(engine.scan("met piet.").len(), 1);
    }

    #[test]
    fn engine_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Engine>();
    }

    #[test]
    fn disabled_kinds_are_not_reported() {
        let engine = Engine::builder().kinds([Kind::Phone]).build();
        assert!(engine.scan("mail jan@example.nl").is_empty());
    }
}
