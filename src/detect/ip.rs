//! `ip` detectors: IPv4 addresses (with an attached `:port`), IPv6 addresses in every legal
//! compressed form, bracketed with a port (`[2001:db8::1]:443`) and with a zone id
//! (`fe80::1%eth0`).
//!
//! Candidates are generous; `std::net` parsers decide. Look-alikes that parse are rejected
//! by context: version strings (`versie 1.2.3.4`, `v1.2.3.4`), longer dotted sequences
//! (`2.8.6.3.6`, OIDs), amounts (`€ 1.100.200.250`). Times (`12:30:45`) and MAC addresses
//! (`00:1a:2b:3c:4d:5e`) never parse as IPv6. An address inside a link is the link's.

use super::context::{char_at, char_before, cue_before};
use super::{Needs, Rule, Verdict};
use crate::{Kind, Span};
use std::net::{Ipv4Addr, Ipv6Addr};

// Patterns use `[0-9]`, not `\d`: Unicode digits never parse, and the ASCII class lets the
// regex engine run three times faster.

/// Priority: a strict syntax checked by the standard library, just below URLs: an address
/// inside a link (`http://x.nl/?ip=1.2.3.4`) is covered by the whole link.
const PRIORITY: u8 = 130;

/// Words that make a dotted number a version even a word away (`versie is 1.2.3.4`).
#[rustfmt::skip]
const VERSION_CUES: &[&str] = &["versie", "version", "v", "ver", "vers", "firmware", "build"];

/// Words that make a dotted number something else only right before it: a release or app
/// version (`update 10.4.2.1`), an amount (`EUR 1.100.200.250`), a numbered section of a
/// law or document (`artikel 2.3.1.1`). One word away they are ordinary context
/// (`na de update is mijn IP 1.2.3.4`).
#[rustfmt::skip]
const NEAR_CUES: &[&str] = &[
    "release", "update", "patch", "app", "ios", "android", "oid",
    "eur", "euro", "euros", "bedrag",
    "artikel", "art", "hoofdstuk", "paragraaf", "par", "lid", "sectie", "section", "chapter",
    "bijlage", "figuur", "tabel", "stap",
];

/// The rules of this family.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "ip.v4",
        kind: Kind::Ip,
        pattern: r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?::[0-9]{1,5})?",
        priority: PRIORITY,
        needs: Needs::digits(4).and_dot(),
        validate: validate_v4,
    },
    Rule {
        name: "ip.v6",
        kind: Kind::Ip,
        // Hex groups and colons (an embedded IPv4 tail allowed), a zone id, optional
        // brackets and port. The parser decides.
        pattern: r"\[?[0-9A-Fa-f]{0,4}:(?:[0-9A-Fa-f]{0,4}:)*(?:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|[0-9A-Fa-f]{0,4})(?:%[0-9A-Za-z_.-]+)?\]?(?::[0-9]{1,5})?",
        priority: PRIORITY,
        needs: Needs::COLON,
        validate: validate_v6,
    },
];

/// True when a character before an address glues it to something else: a word
/// (`v1.2.3.4`), a longer dotted or colon sequence, a link's path, a currency sign. An `@`
/// is fine: `ssh jan@10.0.0.1` names a host, and no email ends in digits.
fn glued_before(c: char) -> bool {
    c.is_alphanumeric() || "_.:/-€$£#".contains(c)
}

/// A port after an address: 1-65535.
fn valid_port(digits: &str) -> bool {
    digits
        .parse::<u32>()
        .is_ok_and(|p| (1..=65535).contains(&p))
}

/// True when the address continues past `end` as a longer number-ish token: more digits,
/// letters, or a `.`/`:` followed by an alphanumeric (`1.2.3.4.5`, `1.2.3.4:ab`).
fn continues(text: &str, end: usize) -> bool {
    match char_at(text, end) {
        Some(c) if c.is_alphanumeric() || c == '_' => true,
        Some(c @ ('.' | ':' | '%')) => {
            char_at(text, end + c.len_utf8()).is_some_and(|d| d.is_alphanumeric())
        }
        _ => false,
    }
}

/// Extends an address ending at `end` by an attached CIDR prefix length (`/24`, `/64`) of
/// at most `max`: a network block is as telling as one address.
fn with_prefix_len(text: &str, end: usize, max: u32) -> usize {
    let Some(rest) = text[end..].strip_prefix('/') else {
        return end;
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].chars().next();
    let ok = (1..=3).contains(&digits)
        && rest[..digits].parse::<u32>().is_ok_and(|n| n <= max)
        && !after.is_some_and(|c| {
            c.is_alphanumeric()
                || c == '/'
                || c == '.' && rest[digits + 1..].starts_with(|d: char| d.is_alphanumeric())
        });
    if ok {
        end + 1 + digits
    } else {
        end
    }
}

/// True when a currency sign precedes `at`, spaces aside (`€ 1.100.200.250`).
fn after_currency(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\u{a0}']);
    before.ends_with(['€', '$', '£', '¥'])
}

fn validate_v4(text: &str, span: Span) -> Option<Verdict> {
    // `IP:1.2.3.4` and ranges `10.0.0.1-10.0.0.9` are fine; `::ffff:1.2.3.4` is IPv6's.
    match char_before(text, span.start) {
        Some(':') => {
            let before = char_before(text, span.start - 1);
            if before.is_some_and(|c| c.is_ascii_hexdigit() || c == ':') {
                return None;
            }
        }
        Some('-') => {}
        Some(c) if glued_before(c) => return None,
        _ => {}
    }
    let s = &text[span.range()];
    let (addr, port) = match s.split_once(':') {
        Some((a, p)) => (a, Some(p)),
        None => (s, None),
    };
    addr.parse::<Ipv4Addr>().ok()?;
    let mut end = span.start + addr.len();
    if let Some(p) = port {
        if valid_port(p) && !continues(text, span.end) {
            end = span.end;
        }
    }
    if port.is_none() {
        end = with_prefix_len(text, end, 32);
    }
    if continues(text, end) {
        return None;
    }
    if cue_before(text, span.start, 2, VERSION_CUES)
        || cue_before(text, span.start, 1, NEAR_CUES)
        || after_currency(text, span.start)
    {
        return None;
    }
    Some(Verdict::new(Span::new(span.start, end), Kind::Ip, 0.9).rule("ip.v4"))
}

fn validate_v6(text: &str, span: Span) -> Option<Verdict> {
    let s = &text[span.range()];
    let bracketed = s.starts_with('[');
    let (start, addr_zone, end) = if bracketed {
        match s.find(']') {
            Some(close) => {
                let mut end = span.start + close + 1;
                let after = &s[close + 1..];
                if let Some(port) = after.strip_prefix(':') {
                    if valid_port(port) {
                        end = span.end;
                    }
                }
                (span.start, &s[1..close], end)
            }
            // No closing bracket: the address is what follows the `[`.
            None => {
                let inner = s[1..].trim_end_matches(':');
                (span.start + 1, inner, span.start + 1 + inner.len())
            }
        }
    } else {
        // Unbracketed: no port is possible (`2001:db8::1:443` is one address), and a
        // final lone `:` or `]` belongs to the sentence.
        let mut inner = s.trim_end_matches(']');
        if inner.ends_with(':') && !inner.ends_with("::") {
            inner = &inner[..inner.len() - 1];
        }
        (span.start, inner, span.start + inner.len())
    };
    if char_before(text, start).is_some_and(glued_before) {
        return None;
    }
    let (addr, zone) = match addr_zone.split_once('%') {
        Some((a, z)) => (a, Some(z)),
        None => (addr_zone, None),
    };
    if zone.is_some_and(|z| z.is_empty()) {
        return None;
    }
    let ip: Ipv6Addr = addr.parse().ok()?;
    // `::` alone is no one's address; with at most two groups written (`1::2`, `::1`) we
    // want one that looks like hex, not a ratio or a score.
    let groups: Vec<&str> = addr.split(':').filter(|g| !g.is_empty()).collect();
    let short = groups.len() <= 2 && groups.iter().all(|g| g.len() < 3);
    if ip.is_unspecified() || (short && !addr.starts_with("::")) {
        return None;
    }
    let end = if bracketed {
        end
    } else {
        with_prefix_len(text, end, 128)
    };
    if continues(text, end) {
        return None;
    }
    Some(Verdict::new(Span::new(start, end), Kind::Ip, 0.9).rule("ip.v6"))
}

#[cfg(test)]
mod tests {
    use crate::detect::url::tests::{run_rules, IDENT};
    use crate::detect::Rule;
    use crate::Kind;

    fn ips(text: &str) -> Vec<String> {
        run_rules(IDENT, text)
            .into_iter()
            .filter(|(_, k, _)| *k == Kind::Ip)
            .map(|(s, _, _)| s)
            .collect()
    }

    /// (input, expected ip text); empty = no ip.
    const CASES: &[(&str, &str)] = &[
        // IPv4, with and without a port, at sentence ends.
        ("Mijn IP-adres is 62.19.187.19, kunnen", "62.19.187.19"),
        ("IS 86.89.49.52:22, KUNNEN", "86.89.49.52:22"),
        ("router 192.168.1.25.", "192.168.1.25"),
        ("(10.0.0.1)", "10.0.0.1"),
        ("poort 1.2.3.4:99999 fout", ""),
        // IPv6 in compressed forms, upper case, brackets, ports, zones, embedded IPv4.
        (
            "VPN zegt 2001:89A:17CC:13A4:98FB::8FC7. Welke",
            "2001:89A:17CC:13A4:98FB::8FC7",
        ),
        (
            "krijg ik 2a01:c783:d92d:bf79::34a7 als",
            "2a01:c783:d92d:bf79::34a7",
        ),
        (
            "fe80:0:dc:0:a6d0:e584:eb91:4944",
            "fe80:0:dc:0:a6d0:e584:eb91:4944",
        ),
        (
            "adres [2a02:f716:96b3:8743:f18e::ca53]:443 als",
            "[2a02:f716:96b3:8743:f18e::ca53]:443",
        ),
        ("adres [2001:5249::2f4d] nu", "[2001:5249::2f4d]"),
        ("link-local fe80::1%eth0 ja", "fe80::1%eth0"),
        ("mapped ::ffff:192.0.2.1 ok", "::ffff:192.0.2.1"),
        ("eind 2001:db8:: hier", "2001:db8::"),
        ("adres: 2001:db8::1: dat", "2001:db8::1"),
        ("loopback ::1 en", "::1"),
        ("ssh beheer@10.1.2.3 lukt niet", "10.1.2.3"),
        ("IP:10.20.30.40 klopt", "10.20.30.40"),
        ("zie artikel 2.3.1.1 van de regeling", ""),
        ("na de update is het 10.1.2.3 geworden", "10.1.2.3"),
        ("de versie is 1.2.3.4", ""),
        // Network blocks keep their prefix length; a path or a date after a slash does not.
        ("subnet 192.168.1.0/24.", "192.168.1.0/24"),
        ("blok 2001:db8::/32, ok", "2001:db8::/32"),
        ("zone fe80::1%eth0/64 ja", "fe80::1%eth0/64"),
        ("fout 10.0.0.1/99 ja", "10.0.0.1"),
        ("pad 10.0.0.1/admin", "10.0.0.1"),
        // Versions, longer dotted numbers, amounts, times, MACs.
        ("Ik lees versie 1.2.3.4 en", ""),
        ("App-versie v1.2.3.4, Samsung", ""),
        ("versie 2.8.6.3.6 en", ""),
        ("Firmware 12.8.1.2471.", ""),
        ("OID 1.3.6.1.4.1.311", ""),
        ("bedrag € 1.100.200.250", ""),
        ("om 12:30:45 uur", ""),
        ("MAC 00:1a:2b:3c:4d:5e", ""),
        ("MAC 00-1A-2B-3C-4D-5E", ""),
        ("alleen :: of a:b", ""),
        ("€ 1.100.200.250", ""),
        ("ratio 1::2", ""),
        ("http://192.168.1.1/admin", ""),
    ];

    #[test]
    fn ip_cases() {
        for (input, want) in CASES {
            let got = ips(input);
            if want.is_empty() {
                assert!(got.is_empty(), "{input:?}: expected none, got {got:?}");
            } else {
                assert_eq!(got, vec![want.to_string()], "{input:?}");
            }
        }
    }

    #[test]
    fn both_ends_of_a_range_are_addresses() {
        assert_eq!(
            ips("range 10.0.0.1-10.0.0.9 vrij"),
            ["10.0.0.1", "10.0.0.9"]
        );
    }

    /// Strings that have broken byte-slicing code before: combining marks, right-to-left
    /// text, emoji sequences, multi-byte characters next to every sign the rules look at.
    const NASTY: &[&str] = &[
        "http://e.nߐ",
        "@ߐ@ߐ.ߐ",
        "＠＠＠",
        "ja@é.é",
        "é@é.nl",
        "[ߐ:ߐ]:ߐ",
        "1.2.3.4:ߐ",
        "1.2.3.4ߐ",
        "::ߐ",
        "fe80::1%ߐ",
        "[fe80::1%",
        "www.ߐ.nl/ߐ)",
        "e\u{301}.nl/a\u{301}.",
        "ٱلْعَرَبِيَّة@مثال.إختبار",
        "jan (at) gmail (dot) ߐ",
        "jan [at] ߐ punt nl",
        "👩‍👩‍👧 https://x.com/a👍🏽 @b‍ c@d.nl‍",
        "\u{feff}@x\u{200b}.nl",
        "a\u{0}@b.nl http://\u{0}",
        "\u{10ffff}.com/\u{10ffff}",
    ];

    #[test]
    fn nasty_unicode_never_panics_and_stays_on_char_boundaries() {
        let families: &[&[Rule]] = IDENT;
        for t in NASTY {
            // run_rules asserts char boundaries of every verdict.
            let _ = run_rules(families, t);
            // Every rule of the crate, through the engine, also on cut-off prefixes.
            for (i, _) in t.char_indices() {
                for f in crate::Engine::new().scan(&t[..i]) {
                    assert!(t.is_char_boundary(f.span.start) && t.is_char_boundary(f.span.end));
                }
            }
            let _ = crate::Engine::new().scan(t);
        }
    }
}
