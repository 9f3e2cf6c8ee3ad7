//! `handle` detectors: account names as people write them in posts.
//!
//! - X: `@name`, 1-15 of `[A-Za-z0-9_]`, also with the full-width `＠`;
//! - Instagram: dots inside (`@jan.de.vries`), up to 30 characters, never a final dot;
//! - Mastodon: `@user@instance.tld`, reported as ONE span.
//!
//! The span includes the `@`. An `@` glued to a word (`jan@example.nl`), inside a link
//! (`tiktok.com/@name`) or after another mention sign is not a handle: the email and URL
//! rules own those.

use super::context::{char_at, char_before};
use super::{Needs, Rule, Verdict};
use crate::{Kind, Span};

/// Priority of the handle rules: a pattern with context, below email and URL so an address
/// or a link that contains an `@name` wins.
const PRIORITY: u8 = 110;

/// Longest username we accept (Instagram and Mastodon allow 30; X 15).
const MAX_USER: usize = 30;

/// The rules of this family.
pub(crate) const RULES: &[Rule] = &[Rule {
    name: "handle.x",
    kind: Kind::Handle,
    // The sign, a username (dots allowed, checked below), optionally `@instance.tld`.
    pattern: r"[@＠][A-Za-z0-9_][A-Za-z0-9_.]{0,40}(?:@[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+)?",
    priority: PRIORITY,
    needs: Needs::AT,
    validate,
}];

/// Characters that, right before the sign, mean the `@` belongs to something else: a word
/// (an email's local part), a URL path, another sign (twitter-text's rule). A dot is fine:
/// `.@name` is how people make a reply public.
fn glued_before(c: char) -> bool {
    c.is_alphanumeric() || "_!#$%&*@＠/=\\".contains(c)
}

/// True when a retweet marker glues to the sign (`RT@jan`, `rt:@jan`), which
/// twitter-text accepts as a mention.
fn after_retweet(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches(':');
    let Some(rest) = head.strip_suffix("RT").or_else(|| head.strip_suffix("rt")) else {
        return false;
    };
    !rest
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// True when `host` is a plausible instance name: labels of letters, digits and hyphens,
/// an alphabetic top-level domain of two or more letters.
fn is_instance(host: &str) -> bool {
    let mut labels = host.split('.');
    let tld = labels.next_back().unwrap_or("");
    tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && labels.all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

fn validate(text: &str, span: Span) -> Option<Verdict> {
    if char_before(text, span.start).is_some_and(glued_before) && !after_retweet(text, span.start) {
        return None;
    }
    let s = &text[span.range()];
    let sign_len = s.chars().next()?.len_utf8();
    let body = &s[sign_len..];
    let (user_raw, host_raw) = match body.split_once('@') {
        Some((u, h)) => (u, Some(h)),
        None => (body, None),
    };
    // A name ends before a sentence's dot (`@jan.`); inside a name dots are Instagram's.
    let user = user_raw.trim_end_matches('.');
    if user.is_empty()
        || user.len() > MAX_USER
        || user.contains("..")
        || user.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (end, rule) = match host_raw {
        Some(host) if user.len() == user_raw.len() => {
            let host = host.trim_end_matches(['.', '-']);
            if !is_instance(host) {
                return None;
            }
            (
                span.start + sign_len + user.len() + 1 + host.len(),
                "handle.mastodon",
            )
        }
        _ => {
            let rule = if user.contains('.') || user.len() > 15 {
                "handle.instagram"
            } else {
                "handle.x"
            };
            (span.start + sign_len + user.len(), rule)
        }
    };
    // A longer run of name characters, or an `@` straight after, is not a handle we know.
    if char_at(text, end).is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '@') {
        return None;
    }
    Some(Verdict::new(Span::new(span.start, end), Kind::Handle, 0.9).rule(rule))
}

#[cfg(test)]
mod tests {
    use crate::detect::url::tests::{run_rules, IDENT};
    use crate::Kind;

    fn handles(text: &str) -> Vec<(String, String)> {
        run_rules(IDENT, text)
            .into_iter()
            .filter(|(_, k, _)| *k == Kind::Handle)
            .map(|(s, _, r)| (s, r))
            .collect()
    }

    /// (input, expected handles as "text rule" pairs).
    const CASES: &[(&str, &[(&str, &str)])] = &[
        // X mentions, at the start, in a sentence, before punctuation, full-width sign.
        (
            "@MinDefensie Mooi initiatief!",
            &[("@MinDefensie", "handle.x")],
        ),
        (
            "Volgens mij heeft @mohammeds gelijk.",
            &[("@mohammeds", "handle.x")],
        ),
        (
            "Dank @KICK_X, @jan_1990.",
            &[("@KICK_X", "handle.x"), ("@jan_1990", "handle.x")],
        ),
        ("(@politie)", &[("@politie", "handle.x")]),
        ("bedankt ＠defensie!", &[("＠defensie", "handle.x")]),
        ("RT:@Landmacht", &[("@Landmacht", "handle.x")]),
        ("RT@politie ok", &[("@politie", "handle.x")]),
        (".@MinDefensie waarom?", &[("@MinDefensie", "handle.x")]),
        ("PART@jan", &[]),
        // Instagram: dots inside, longer names; a final dot is the sentence's.
        (
            "zie @valentijn.wolters.",
            &[("@valentijn.wolters", "handle.instagram")],
        ),
        (
            "@marjolein_vanveen hoi",
            &[("@marjolein_vanveen", "handle.instagram")],
        ),
        // Mastodon: one span with the instance.
        (
            "@omera@mas.to Overlast",
            &[("@omera@mas.to", "handle.mastodon")],
        ),
        (
            "cc @BELASTINGDIENST@SOCIAL.OVERHEID.NL.",
            &[("@BELASTINGDIENST@SOCIAL.OVERHEID.NL", "handle.mastodon")],
        ),
        (
            "@melissa_x@nerdculture.de, dank",
            &[("@melissa_x@nerdculture.de", "handle.mastodon")],
        ),
        // Look-alikes: emails, links, times, prices, lone signs, too long.
        ("mail jan@example.nl", &[]),
        ("https://tiktok.com/@misty_fields/video/1", &[]),
        ("juan950 @ ziggo.nl", &[]),
        ("vince290 [@] hotmail.com", &[]),
        ("kom @ 10 uur of @12", &[]),
        ("@abcdefghijklmnopqrstuvwxyz0123456789 te lang", &[]),
        ("a@@b", &[]),
        ("@a..b", &[]),
    ];

    #[test]
    fn handle_cases() {
        for (input, want) in CASES {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(handles(input), want, "{input:?}");
        }
    }
}
