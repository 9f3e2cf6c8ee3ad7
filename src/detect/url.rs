//! `url` detectors: links with a scheme (`https://…`), links starting with `www.`, and bare
//! domains (`nos.nl/artikel/…`, `amsterdam.nl`). A link that points at a person's profile
//! (x.com/name, instagram.com/name, facebook.com/profile.php?id=…, linkedin.com/in/…,
//! youtube.com/@name, Mastodon `/@user`) is reported under the rule `url.profile`, every other
//! link under `url.link`, so a policy can treat the two apart.
//!
//! A URL never ends in sentence punctuation (`.,;:!?`, quotes, an unbalanced `)`).
//! Bare domains are only accepted with a top-level domain from a short known list
//! ([`is_known_tld`]): `o.a.`, `rapport.pdf` and `klaar.Daarna` are not links.

use super::context::{char_at, char_before};
use super::{Needs, Rule, Verdict};
use crate::{Kind, Span};

/// Priority of every URL rule: above handles (a handle inside a link is the link's), below
/// email (`jan@example.nl` is an address, not the link `example.nl`).
const PRIORITY: u8 = 135;

/// The rules of this family. After the host a link runs on over anything but space,
/// quotes, angle brackets and emoji-like symbols (`\p{So}\p{Sk}\p{Cf}`: a post often glues
/// an emoji to a link).
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "url.scheme",
        kind: Kind::Url,
        pattern: r#"(?i)(?:https?|ftp)://[^\s<>"\p{So}\p{Sk}\p{Cf}]+"#,
        priority: PRIORITY,
        needs: Needs::COLON,
        validate: validate_scheme,
    },
    Rule {
        name: "url.www",
        kind: Kind::Url,
        pattern: r#"(?i)\bwww\.[^\s<>"\p{So}\p{Sk}\p{Cf}]+"#,
        priority: PRIORITY,
        needs: Needs::WWW,
        validate: validate_www,
    },
    Rule {
        name: "url.bare",
        kind: Kind::Url,
        // Labels, a dot, an alphabetic top-level domain, an optional port and path. The
        // validator checks the top-level domain and the characters around.
        pattern: r#"(?i)[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}(?::[0-9]{1,5})?(?:[/?#][^\s<>"\p{So}\p{Sk}\p{Cf}]*)?"#,
        priority: PRIORITY,
        needs: Needs::DOT_WORD,
        validate: validate_bare,
    },
];

/// Top-level domains a bare domain may end in. A closed list on purpose: a bare `word.word`
/// is far more often a typo or an abbreviation than a link, unless the end is a real,
/// common top-level domain.
const KNOWN_TLDS: &[&str] = &[
    "ae",
    "ai",
    "amsterdam",
    "app",
    "ar",
    "at",
    "au",
    "aw",
    "be",
    "bg",
    "biz",
    "blog",
    "br",
    "ca",
    "cc",
    "ch",
    "cl",
    "cloud",
    "club",
    "cn",
    "co",
    "com",
    "community",
    "cw",
    "cz",
    "de",
    "dev",
    "dk",
    "edu",
    "ee",
    "eg",
    "email",
    "es",
    "eu",
    "fi",
    "fm",
    "fr",
    "frl",
    "gd",
    "gg",
    "gl",
    "gle",
    "gov",
    "gr",
    "gy",
    "hk",
    "hr",
    "hu",
    "ie",
    "il",
    "in",
    "info",
    "int",
    "io",
    "it",
    "jp",
    "ke",
    "kr",
    "li",
    "link",
    "live",
    "lt",
    "lu",
    "lv",
    "ly",
    "ma",
    "me",
    "mil",
    "mx",
    "net",
    "news",
    "ng",
    "nl",
    "no",
    "nu",
    "nz",
    "online",
    "org",
    "page",
    "ph",
    "pk",
    "pl",
    "pro",
    "pt",
    "ro",
    "ru",
    "se",
    "sg",
    "shop",
    "si",
    "site",
    "sk",
    "social",
    "sr",
    "store",
    "tech",
    "th",
    "to",
    "tr",
    "tv",
    "tw",
    "ua",
    "uk",
    "us",
    "vn",
    "website",
    "world",
    "ws",
    "xyz",
    "za",
];

/// Known top-level domains that are also ordinary words (`de`, `nu`, `in`, `live`): a bare
/// domain ending in one needs a path (`nerdculture.de/about`), since `gedaan.de` is more
/// likely a missing space than a link.
const WORDLIKE_TLDS: &[&str] = &[
    "ai", "at", "be", "co", "de", "ee", "email", "es", "gle", "in", "it", "link", "live", "ma",
    "me", "news", "no", "nu", "page", "pro", "shop", "site", "store", "to", "us", "world",
];

/// True when `tld` (any case) is on the known list of top-level domains: `NL` is,
/// `pdf` is not (see the tests).
pub(crate) fn is_known_tld(tld: &str) -> bool {
    let lower = tld.to_ascii_lowercase();
    KNOWN_TLDS.binary_search(&lower.as_str()).is_ok()
}

/// True when `tld` (any case) is a known top-level domain that is also an ordinary word.
pub(crate) fn is_wordlike_tld(tld: &str) -> bool {
    WORDLIKE_TLDS.contains(&tld.to_ascii_lowercase().as_str())
}

/// Characters that end a sentence around a link and are never its last character.
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\''
            | '"'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '»'
            | '«'
            | '…'
            | '*'
    )
}

/// Shrinks `span` so it ends before trailing punctuation; a closing bracket stays only when
/// it closes one opened inside the URL (`…/Foo_(bar)`). Works on whole characters.
fn trim_trailing(text: &str, span: Span) -> Span {
    let mut end = span.end;
    loop {
        let s = &text[span.start..end];
        let Some(last) = s.chars().next_back() else {
            break;
        };
        let pair = match last {
            ')' => Some('('),
            ']' => Some('['),
            '}' => Some('{'),
            _ => None,
        };
        let drop = match pair {
            Some(open) => s.matches(open).count() < s.matches(last).count(),
            None => is_trailing_punct(last),
        };
        if !drop {
            break;
        }
        end -= last.len_utf8();
    }
    Span::new(span.start, end)
}

/// The host and the rest (path, query) of a URL without its scheme.
fn split_host(rest: &str) -> (&str, &str) {
    let cut = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host_port, path) = rest.split_at(cut);
    // Strip user info and a port; a bracketed IPv6 host keeps its brackets.
    let host_port = host_port.rsplit('@').next().unwrap_or(host_port);
    let host = if host_port.starts_with('[') {
        host_port.split(']').next().unwrap_or(host_port)
    } else {
        host_port.split(':').next().unwrap_or(host_port)
    };
    (host, path)
}

/// True when `host` can be a real host: `localhost`, a bracketed IPv6 address, or labels
/// with a dot and an alphabetic (or IDN) top-level domain.
fn host_is_plausible(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    if let Some(inner) = host.strip_prefix('[') {
        return inner.parse::<std::net::Ipv6Addr>().is_ok();
    }
    if host.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    let mut labels = host.split('.');
    let tld = labels.next_back().unwrap_or("");
    let has_more = labels.clone().next().is_some();
    has_more
        && labels.all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && tld.chars().count() >= 2
        && tld.chars().all(char::is_alphabetic)
}

/// Reports a URL: `url.profile` when its host and path name a person's profile.
fn verdict(span: Span, host: &str, path: &str, score: f32) -> Verdict {
    let rule = if is_profile(host, path) {
        "url.profile"
    } else {
        "url.link"
    };
    Verdict::new(span, Kind::Url, score).rule(rule)
}

fn validate_scheme(text: &str, span: Span) -> Option<Verdict> {
    // `xhttp://` is no scheme (checked here: a `\b` in the pattern costs speed).
    if char_before(text, span.start).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let span = trim_trailing(text, span);
    let s = &text[span.range()];
    let rest = &s[s.find("://")? + 3..];
    let (host, path) = split_host(rest);
    if !host_is_plausible(host) {
        return None;
    }
    Some(verdict(span, host, path, 0.95))
}

fn validate_www(text: &str, span: Span) -> Option<Verdict> {
    // `www.` glued to a word (`awww.`) or inside a scheme URL is not a start.
    if char_before(text, span.start).is_some_and(|c| c.is_alphanumeric() || "/.@-_".contains(c)) {
        return None;
    }
    let span = trim_trailing(text, span);
    let (host, path) = split_host(&text[span.range()]);
    // `www.` plus one word (`www.microsoft`) is a name, not a host: ask for a domain and a
    // top-level domain after it.
    if !host_is_plausible(host) || host.matches('.').count() < 2 {
        return None;
    }
    Some(verdict(span, host, path, 0.9))
}

fn validate_bare(text: &str, span: Span) -> Option<Verdict> {
    // Inside a longer token (a scheme URL, an email, a handle's instance, a file path)?
    if char_before(text, span.start)
        .is_some_and(|c| c.is_alphanumeric() || "/.@-_\\:&=+%#~".contains(c))
    {
        return None;
    }
    // The local part of an email (`jan.de@…`, `jan.de-x@…`), a label going on in non-ASCII
    // letters, or a longer dotted token (`a.nl.123`).
    let glued_after = match char_at(text, span.end) {
        Some('.') => char_at(text, span.end + 1).is_some_and(char::is_alphanumeric),
        Some(c) => c.is_alphanumeric() || "@_-".contains(c),
        None => false,
    };
    if glued_after {
        return None;
    }
    let span = trim_trailing(text, span);
    let s = &text[span.range()];
    if s.len() >= 4 && s[..4].eq_ignore_ascii_case("www.") {
        return None; // url.www reports it
    }
    let (host, path) = split_host(s);
    let tld = host.rsplit('.').next().unwrap_or("");
    if !is_known_tld(tld) {
        return None;
    }
    // `Klaar.Daarna`-like capitalisation: a real domain is lower case or all upper case.
    let all_upper = !host.chars().any(|c| c.is_ascii_lowercase());
    if !all_upper && tld.chars().any(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let bare_path = path.trim_start_matches('/').is_empty();
    if bare_path && is_wordlike_tld(tld) {
        return None;
    }
    // Labels of one letter (`J.P.nl`) or only digits (`1.5.nl`) are abbreviations or numbers.
    let sld = host.rsplit('.').nth(1).unwrap_or("");
    if (sld.len() < 2 && bare_path)
        || sld.is_empty()
        || sld.chars().all(|c| c.is_ascii_digit())
        || sld.starts_with('-')
    {
        return None;
    }
    let score = if bare_path { 0.7 } else { 0.85 };
    Some(verdict(span, host, path, score))
}

/// First path segments that are site functions, not people.
const X_RESERVED: &[&str] = &[
    "explore",
    "hashtag",
    "home",
    "i",
    "intent",
    "messages",
    "notifications",
    "search",
    "settings",
    "share",
    "tos",
    "privacy",
    "login",
    "signup",
];
const INSTAGRAM_RESERVED: &[&str] = &[
    "accounts", "explore", "p", "reel", "reels", "stories", "tv", "direct", "about",
];
const FACEBOOK_RESERVED: &[&str] = &[
    "events",
    "gaming",
    "groups",
    "hashtag",
    "help",
    "login",
    "marketplace",
    "pages",
    "permalink.php",
    "photo.php",
    "policies",
    "privacy",
    "share",
    "sharer",
    "sharer.php",
    "story.php",
    "watch",
];

/// True when a link's host and path name one person's account.
fn is_profile(host: &str, path: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .or_else(|| host.strip_prefix("mobile."))
        .unwrap_or(&host);
    let (path_only, query) = match path.split_once('?') {
        Some((p, q)) => (p, q),
        None => (path, ""),
    };
    let mut segs = path_only.split('/').filter(|s| !s.is_empty());
    let first = segs.next().unwrap_or("");
    let second = segs.next().unwrap_or("");
    let first_lower = first.to_ascii_lowercase();
    let name_like = |s: &str, dots: bool| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || (dots && c == '.'))
    };
    // A Mastodon-style `/@user` or `/users/user` on any host.
    if first.len() > 1 && first.starts_with('@') {
        return true;
    }
    match host {
        "x.com" | "twitter.com" => {
            name_like(first, false) && !X_RESERVED.contains(&first_lower.as_str())
        }
        "instagram.com" => {
            name_like(first, true) && !INSTAGRAM_RESERVED.contains(&first_lower.as_str())
        }
        "facebook.com" | "fb.com" => {
            if first_lower == "profile.php" {
                return query.split('&').any(|kv| kv.starts_with("id="));
            }
            first.len() >= 5
                && name_like(first, true)
                && !FACEBOOK_RESERVED.contains(&first_lower.as_str())
        }
        "linkedin.com" => matches!(first_lower.as_str(), "in" | "pub") && !second.is_empty(),
        "youtube.com" => {
            matches!(first_lower.as_str(), "channel" | "c" | "user") && !second.is_empty()
        }
        "tiktok.com" => false, // only `/@user`, handled above
        _ => first_lower == "users" && !second.is_empty(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::detect::Hit;
    use regex::Regex;

    /// Runs the given rule families over `text`, resolves overlaps as the engine does, and
    /// returns (matched text, kind, rule name) for each finding. Shared by the tests of the
    /// identifier families (handle, email, url, ip).
    pub(crate) fn run_rules(families: &[&[Rule]], text: &str) -> Vec<(String, Kind, String)> {
        let mut hits = Vec::new();
        for rule in families.iter().flat_map(|f| f.iter()) {
            let re = Regex::new(rule.pattern).expect("pattern compiles");
            for m in re.find_iter(text) {
                if let Some(v) = (rule.validate)(text, Span::new(m.start(), m.end())) {
                    assert!(
                        text.is_char_boundary(v.span.start) && text.is_char_boundary(v.span.end)
                    );
                    hits.push(Hit {
                        finding: crate::Finding::new(
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
        crate::resolve::resolve(hits)
            .into_iter()
            .map(|f| (text[f.span.range()].to_string(), f.kind, f.rule.to_string()))
            .collect()
    }

    /// The identifier families together, as the engine runs them.
    pub(crate) const IDENT: &[&[Rule]] = &[
        crate::detect::handle::RULES,
        crate::detect::email::RULES,
        RULES,
        crate::detect::ip::RULES,
    ];

    fn urls(text: &str) -> Vec<(String, String)> {
        run_rules(IDENT, text)
            .into_iter()
            .filter(|(_, k, _)| *k == Kind::Url)
            .map(|(s, _, r)| (s, r))
            .collect()
    }

    /// (input, expected url text, expected rule); an empty expectation means no url.
    const CASES: &[(&str, &str, &str)] = &[
        // Scheme links, trailing punctuation left out.
        (
            "zie https://nos.nl/artikel/2440697-defensie.",
            "https://nos.nl/artikel/2440697-defensie",
            "url.link",
        ),
        (
            "Link: http://utrecht.nl/afval, echt!",
            "http://utrecht.nl/afval",
            "url.link",
        ),
        (
            "(zie https://example.org/a)",
            "https://example.org/a",
            "url.link",
        ),
        (
            "wiki https://en.wikipedia.org/wiki/Foo_(bar) ok",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
            "url.link",
        ),
        (
            "HTTPS://WWW.DENHAAG.NL!",
            "HTTPS://WWW.DENHAAG.NL",
            "url.link",
        ),
        (
            "kijk https://www.ad.nl/binnenland/x~a9e7769f9/ nu",
            "https://www.ad.nl/binnenland/x~a9e7769f9/",
            "url.link",
        ),
        (
            "https://petities.nl/p/x?locale=nl?",
            "https://petities.nl/p/x?locale=nl",
            "url.link",
        ),
        (
            "https://youtu.be/5E0ERSGN5Ze🙏",
            "https://youtu.be/5E0ERSGN5Ze",
            "url.link",
        ),
        (
            "router http://[2001:db8::1]:8080/admin.",
            "http://[2001:db8::1]:8080/admin",
            "url.link",
        ),
        ("“https://café.nl/menu”", "https://café.nl/menu", "url.link"),
        // www. and bare domains.
        (
            "Foutmelding bij www.tweedekamer.nl: kapot",
            "www.tweedekamer.nl",
            "url.link",
        ),
        (
            "zie amsterdam.nl/vacatures/5221.",
            "amsterdam.nl/vacatures/5221",
            "url.link",
        ),
        (
            "Sent you the link: bit.ly/dVfiY5Z",
            "bit.ly/dVfiY5Z",
            "url.link",
        ),
        (
            "GOVERNMENT.NL/VACATURES/82020: FOUT",
            "GOVERNMENT.NL/VACATURES/82020",
            "url.link",
        ),
        (
            "Kijk op rijksoverheid.nl voor meer.",
            "rijksoverheid.nl",
            "url.link",
        ),
        (
            "zie nerdculture.de/about",
            "nerdculture.de/about",
            "url.link",
        ),
        // Profiles.
        (
            "https://twitter.com/angieh",
            "https://twitter.com/angieh",
            "url.profile",
        ),
        (
            "https://www.x.com/gert_v/status/405870117168463423",
            "https://www.x.com/gert_v/status/405870117168463423",
            "url.profile",
        ),
        (
            "x.com/jan_x/status/1",
            "x.com/jan_x/status/1",
            "url.profile",
        ),
        (
            "https://x.com/search?q=defensie",
            "https://x.com/search?q=defensie",
            "url.link",
        ),
        (
            "https://www.instagram.com/itssita/",
            "https://www.instagram.com/itssita/",
            "url.profile",
        ),
        (
            "instagram.com/carl.grondel/",
            "instagram.com/carl.grondel/",
            "url.profile",
        ),
        (
            "https://instagram.com/p/Cx12ab/",
            "https://instagram.com/p/Cx12ab/",
            "url.link",
        ),
        (
            "https://facebook.com/kees.vandenberg.671",
            "https://facebook.com/kees.vandenberg.671",
            "url.profile",
        ),
        (
            "https://m.facebook.com/profile.php?id=100012345678",
            "https://m.facebook.com/profile.php?id=100012345678",
            "url.profile",
        ),
        (
            "https://facebook.com/groups/12345",
            "https://facebook.com/groups/12345",
            "url.link",
        ),
        (
            "https://linkedin.com/in/audrey-635ef230",
            "https://linkedin.com/in/audrey-635ef230",
            "url.profile",
        ),
        (
            "https://linkedin.com/company/defensie",
            "https://linkedin.com/company/defensie",
            "url.link",
        ),
        (
            "https://youtube.com/@jandevries",
            "https://youtube.com/@jandevries",
            "url.profile",
        ),
        (
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
            "url.profile",
        ),
        (
            "https://www.youtube.com/watch?v=abc",
            "https://www.youtube.com/watch?v=abc",
            "url.link",
        ),
        (
            "https://www.mastodon.social/@aminhofman",
            "https://www.mastodon.social/@aminhofman",
            "url.profile",
        ),
        (
            "https://social.overheid.nl/users/defensie",
            "https://social.overheid.nl/users/defensie",
            "url.profile",
        ),
        (
            "https://tiktok.com/@misty_fields/video/6755",
            "https://tiktok.com/@misty_fields/video/6755",
            "url.profile",
        ),
        // Look-alikes: abbreviations, file names, sentences without a space, versions.
        ("Hij heeft o.a. gezegd dat", "", ""),
        ("zie rapport.pdf en foto.jpg", "", ""),
        ("Dank je.Groet, Jan", "", ""),
        ("Het is klaar.De rest morgen", "", ""),
        ("we hebben het gedaan.de rest", "", ""),
        ("t.a.v. J.P. de Vries", "", ""),
        ("versie 1.2.3.4 en v2.0", "", ""),
        ("http:// kapot", "", ""),
        ("https://localhost", "https://localhost", "url.link"),
        ("awww.schattig", "", ""),
        ("kijk op www.microsoft voor", "", ""),
        (
            "vul in: forms.gle/AbC123 graag",
            "forms.gle/AbC123",
            "url.link",
        ),
        ("t.co/xYz12 via", "t.co/xYz12", "url.link"),
        ("linktr.ee/jandevries", "linktr.ee/jandevries", "url.link"),
        ("domeinen google.co.il en x", "google.co.il", "url.link"),
    ];

    #[test]
    fn url_cases() {
        for (input, want, rule) in CASES {
            let got = urls(input);
            if want.is_empty() {
                assert!(got.is_empty(), "{input:?}: expected none, got {got:?}");
            } else {
                assert_eq!(got, vec![(want.to_string(), rule.to_string())], "{input:?}");
            }
        }
    }

    #[test]
    fn emails_and_handles_are_not_links() {
        assert!(urls("mail jan.de@gmail.com nu").is_empty());
        assert!(urls("@anja_x@mstdn.social dank").is_empty());
        assert!(urls("hidde.scholten @ planet.nl").is_empty());
    }

    #[test]
    fn regression_url_cut_inside_a_character_does_not_panic() {
        // An earlier attempt sliced at a byte inside 'ߐ' and panicked.
        for t in [
            "http://e.nߐ",
            "http://e.nߐ.",
            "www.e.nߐ)",
            "e.nl/ߐ)",
            "http://ߐ",
            "x.nlߐ",
        ] {
            let _ = run_rules(IDENT, t);
        }
    }

    #[test]
    fn tld_list_is_sorted_for_binary_search() {
        assert!(KNOWN_TLDS.windows(2).all(|w| w[0] < w[1]));
        assert!(WORDLIKE_TLDS.iter().all(|t| is_known_tld(t)));
        assert!(is_known_tld("NL") && !is_known_tld("pdf"));
    }
}
