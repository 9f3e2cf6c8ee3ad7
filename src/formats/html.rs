//! Text inside HTML: what a reader sees of Mastodon `content` or X `full_text`, and how a
//! replacement in that text is written back without breaking the markup.
//!
//! The text is the concatenation of the text nodes with character references decoded
//! (`&amp;` → `&`); `<br>` and `</p>` read as a line break so words of two paragraphs do
//! not run together. A replacement is written into the text nodes it covers: the first one
//! gets the (re-encoded) replacement, the others lose the covered part, and every tag stays
//! where it was, so a mention split over `@<span>jan</span>` becomes
//! the replacement in the first node and an empty `<span></span>`: no tag is lost.

use crate::Anonymised;
use std::ops::Range;

/// One piece of the text and where it came from.
#[derive(Clone, Debug)]
struct Atom {
    /// Its range in [`Markup::text`].
    text: Range<usize>,
    /// Its range in the raw HTML.
    raw: Range<usize>,
    /// The text node it belongs to; `None` for a line break read from a tag.
    node: Option<usize>,
    /// True when text and raw are the same bytes (offsets map one to one).
    plain: bool,
}

/// HTML (or entity-escaped text) read as text.
///
/// # Examples
///
/// ```
/// use weglakker::formats::html::Markup;
///
/// let m = Markup::parse("<p>Tom &amp; <span>Jerry</span></p><p>hoi</p>", true);
/// assert_eq!(m.text, "Tom & Jerry\nhoi\n");
/// let m = Markup::parse("a &lt;b&gt; &amp; c", false);
/// assert_eq!(m.text, "a <b> & c");
/// ```
#[derive(Clone, Debug)]
pub struct Markup {
    /// The text a reader sees.
    pub text: String,
    atoms: Vec<Atom>,
}

/// Decodes one character reference at the start of `s` (which starts with `&`): the
/// character and the reference's length.
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.get(..12.min(s.len())).and_then(|head| head.find(';'))?;
    let name = s.get(1..end)?;
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

impl Markup {
    /// Reads `raw`; with `tags` false, `<` is an ordinary character (X text has no markup).
    pub fn parse(raw: &str, tags: bool) -> Markup {
        let mut text = String::with_capacity(raw.len());
        let mut atoms: Vec<Atom> = Vec::new();
        let mut node = 0usize;
        let mut i = 0;
        while i < raw.len() {
            let rest = &raw[i..];
            if tags && rest.starts_with('<') {
                if let Some(len) = rest.find('>') {
                    let tag = rest[1..len].trim().to_ascii_lowercase();
                    node += 1;
                    let name = tag.trim_end_matches('/').trim();
                    let name = name.split_whitespace().next().unwrap_or("");
                    if matches!(name, "br" | "/p" | "/li" | "/blockquote") {
                        let at = text.len();
                        text.push('\n');
                        atoms.push(Atom {
                            text: at..at + 1,
                            raw: i + len + 1..i + len + 1,
                            node: None,
                            plain: false,
                        });
                    }
                    i += len + 1;
                    continue;
                }
            }
            if rest.starts_with('&') {
                if let Some((c, len)) = reference(rest) {
                    let at = text.len();
                    text.push(c);
                    atoms.push(Atom {
                        text: at..text.len(),
                        raw: i..i + len,
                        node: Some(node),
                        plain: false,
                    });
                    i += len;
                    continue;
                }
            }
            // A run of plain characters up to the next `&` or tag (at least one char).
            let stop = |c: char| c == '&' || (tags && c == '<');
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let len = rest[first..].find(stop).map_or(rest.len(), |n| n + first);
            let at = text.len();
            text.push_str(&rest[..len]);
            atoms.push(Atom {
                text: at..at + len,
                raw: i..i + len,
                node: Some(node),
                plain: true,
            });
            i += len;
        }
        Markup { text, atoms }
    }

    /// The raw offset of a text offset, at an atom's start (`end` false) or end.
    fn raw_at(atom: &Atom, pos: usize, end: bool) -> usize {
        if atom.plain {
            atom.raw.start + (pos.clamp(atom.text.start, atom.text.end) - atom.text.start)
        } else if end {
            atom.raw.end
        } else {
            atom.raw.start
        }
    }

    /// Writes the anonymised text back into the raw HTML it was read from: every
    /// replacement goes into the text nodes it covers, the markup stays as it was.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::formats::html::Markup;
    /// use weglakker::{Anonymiser, Finding, Kind, Policy, Span};
    ///
    /// let raw = "<p>Hoi <a href=\"x\">@<span>jan</span></a> &amp; co</p>";
    /// let m = Markup::parse(raw, true);
    /// assert_eq!(m.text, "Hoi @jan & co\n");
    /// let found = [Finding::new(Span::new(4, 8), Kind::Handle, 1.0, "t")];
    /// let out = Anonymiser::new(&Policy::default()).anonymise(&m.text, &found);
    /// assert_eq!(m.rewrite(raw, &out), "<p>Hoi <a href=\"x\">[ACCOUNT-1]<span></span></a> &amp; co</p>");
    /// ```
    pub fn rewrite(&self, raw: &str, anonymised: &Anonymised) -> String {
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        for r in &anonymised.replacements {
            let (start, end) = (r.input.start, r.input.end);
            let replacement = anonymised.text.get(r.output.range()).unwrap_or("");
            // A kept value stays as it is written, tags and references included.
            if self.text.get(r.input.range()) == Some(replacement) {
                continue;
            }
            let mut first = true;
            // The covered atoms, grouped by text node.
            let covered: Vec<&Atom> = self
                .atoms
                .iter()
                .filter(|a| a.node.is_some() && a.text.start < end && start < a.text.end)
                .collect();
            let mut k = 0;
            while k < covered.len() {
                let node = covered[k].node;
                let mut last = k;
                while last + 1 < covered.len() && covered[last + 1].node == node {
                    last += 1;
                }
                let from = Markup::raw_at(covered[k], start, false);
                let to = Markup::raw_at(covered[last], end, true);
                let text = if first {
                    escape(replacement)
                } else {
                    String::new()
                };
                first = false;
                edits.push((from..to, text));
                k = last + 1;
            }
            if first {
                // Only line breaks were covered: put the replacement after the tag.
                if let Some(a) = self
                    .atoms
                    .iter()
                    .find(|a| a.text.start < end && start < a.text.end)
                {
                    edits.push((a.raw.clone(), escape(replacement)));
                }
            }
        }
        super::json::rewrite(raw, edits)
    }
}

/// The `href` values of the tags of `raw` that link to people (profile and status links:
/// everything but hashtag links, `/tags/...`), as byte ranges of the raw value between its
/// quotes. Mastodon mentions carry the mentioned account's address there.
///
/// # Examples
///
/// ```
/// let raw = r#"<a href="https://m.example/@jan" class="mention">@jan</a> <a href='https://m.example/tags/x'>#x</a>"#;
/// let links = weglakker::formats::html::person_links(raw);
/// assert_eq!(links.iter().map(|r| &raw[r.clone()]).collect::<Vec<_>>(), ["https://m.example/@jan"]);
/// ```
pub fn person_links(raw: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(open) = raw[i..].find('<').map(|n| n + i) {
        let Some(close) = raw[open..].find('>').map(|n| n + open) else {
            break;
        };
        let tag = &raw[open..close];
        let lower = tag.to_ascii_lowercase();
        let mut from = 0;
        while let Some(at) = lower[from..].find("href=").map(|n| n + from) {
            let value_start = at + 5;
            let quote = tag.as_bytes().get(value_start).copied();
            from = value_start;
            let Some(q @ (b'"' | b'\'')) = quote else {
                continue;
            };
            let Some(len) = tag[value_start + 1..].find(char::from(q)) else {
                break;
            };
            let range = open + value_start + 1..open + value_start + 1 + len;
            if !raw[range.clone()].contains("/tags/") && !raw[range.clone()].is_empty() {
                out.push(range);
            }
            from = value_start + 1 + len;
        }
        i = close + 1;
    }
    out
}

/// Encodes text for HTML text nodes: `&`, `<` and `>` as references.
///
/// # Examples
///
/// ```
/// assert_eq!(weglakker::formats::html::escape("a<b & c>"), "a&lt;b &amp; c&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Anonymiser, Finding, Kind, Policy, Span};

    /// Replaces the text range `start..end` with a tag and rewrites.
    fn replace(raw: &str, tags: bool, start: usize, end: usize) -> String {
        let m = Markup::parse(raw, tags);
        let found = [Finding::new(Span::new(start, end), Kind::Person, 1.0, "t")];
        let mut policy = Policy::default();
        policy.operators.insert(Kind::Person, crate::Operator::Tag);
        let out = Anonymiser::new(&policy).anonymise(&m.text, &found);
        m.rewrite(raw, &out)
    }

    #[test]
    fn text_of_markup() {
        let cases: &[(&str, bool, &str)] = &[
            // references decoded, numeric too; unknown ones and a lone & kept
            (
                "a &amp; b &#39;c&#x27; &bogus; & d",
                false,
                "a & b 'c' &bogus; & d",
            ),
            // without tags `<` is text
            ("1 < 2 &gt; 0", false, "1 < 2 > 0"),
            // tags dropped, paragraphs and breaks are line breaks
            ("<p>a<br>b</p><p>c</p>", true, "a\nb\nc\n"),
            // an unclosed `<` is text
            ("a < b", true, "a < b"),
            // non-ASCII characters stay whole
            ("<p>café €</p>", true, "café €\n"),
        ];
        for (raw, tags, want) in cases {
            assert_eq!(Markup::parse(raw, *tags).text, *want, "{raw}");
        }
    }

    #[test]
    fn replacements_keep_markup() {
        let cases: &[(&str, bool, usize, usize, &str)] = &[
            // inside one text node
            ("<p>Hoi Jan Jansen</p>", true, 4, 14, "<p>Hoi [PERSOON]</p>"),
            // over an entity: the reference goes with the name
            ("Tom &amp; Jerry", false, 0, 11, "[PERSOON]"),
            ("a &amp; Jan", false, 4, 7, "a &amp; [PERSOON]"),
            // over tags: the first node gets the replacement, tags stay
            (
                "<p>Jan <b>Jansen</b> zei</p>",
                true,
                0,
                10,
                "<p>[PERSOON]<b></b> zei</p>",
            ),
            // over a paragraph break
            (
                "<p>Jan</p><p>Jansen</p>",
                true,
                0,
                10,
                "<p>[PERSOON]</p><p></p>",
            ),
        ];
        for (raw, tags, start, end, want) in cases {
            assert_eq!(replace(raw, *tags, *start, *end), *want, "{raw}");
        }
    }
}
