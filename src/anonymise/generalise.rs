//! Generalising: a coarser form of a value that still serves research. A date keeps its
//! month and year (or year), an IP address its network, a postcode its four digits. Values
//! without a coarser form (or that do not parse) give `None`, and the caller tags them.

use crate::{Granularity, Kind};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The generalised form of `value` as a `kind`, or `None` when there is none.
pub(crate) fn generalise(kind: Kind, value: &str, to: Granularity) -> Option<String> {
    match kind {
        Kind::Date | Kind::BirthDate => date(value, to),
        Kind::Ip => ip_network(value),
        Kind::Address => postcode_digits(value),
        _ => None,
    }
}

/// Month names and abbreviations, Dutch and English, lower case, with their month number.
const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("maart", 3),
    ("march", 3),
    ("mrt", 3),
    ("mar", 3),
    ("maa", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("augustus", 8),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// One run of letters or of digits in a date, with its place.
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    digits: bool,
}

fn tokens(value: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::new();
    for (i, c) in value.char_indices() {
        let digit = c.is_ascii_digit();
        if !(digit || c.is_alphabetic()) {
            continue;
        }
        match out.last_mut() {
            Some(t) if t.end == i && t.digits == digit => {
                t.end = i + c.len_utf8();
                t.text = &value[t.start..t.end];
            }
            _ => out.push(Token {
                text: &value[i..i + c.len_utf8()],
                start: i,
                end: i + c.len_utf8(),
                digits: digit,
            }),
        }
    }
    out
}

/// A date to its month and year, or its year. Forms: `12 maart 1985`, `maandag 12 mrt. 1985`,
/// `March 12th, 1985`, `12 maart` (month only), `12-03-1985`, `12/3/85`, `1985-03-12`.
/// The month and year are written as they were (`mrt. 1985` stays abbreviated, `85` stays
/// two digits).
fn date(value: &str, to: Granularity) -> Option<String> {
    let toks = tokens(value);
    let month_word = toks.iter().find(|t| {
        !t.digits && {
            let lower = t.text.to_lowercase();
            MONTHS.iter().any(|(name, _)| *name == lower)
        }
    });
    let numbers: Vec<&Token<'_>> = toks.iter().filter(|t| t.digits).collect();
    if let Some(month) = month_word {
        // Named month: the year is the four-digit number; else a two-digit number after
        // the month (`12 mrt 85`), unless it is the only number and can be a day (`March 12`).
        let year = numbers.iter().find(|t| t.text.len() == 4).or_else(|| {
            numbers.iter().rev().find(|t| {
                t.text.len() == 2 && t.start > month.end && (numbers.len() > 1 || !day_like(t.text))
            })
        });
        let month_text = {
            // keep an abbreviation's dot: `mrt.`
            let after = &value[month.end..];
            if after.starts_with('.') {
                &value[month.start..month.end + 1]
            } else {
                month.text
            }
        };
        // keep the apostrophe of a short year: `'85`
        let year_text = year.map(|y| {
            let before = &value[..y.start];
            match before.chars().next_back() {
                Some(c @ ('\'' | '’')) => &value[y.start - c.len_utf8()..y.end],
                _ => y.text,
            }
        });
        return match (to, year_text) {
            (Granularity::Year, Some(y)) => Some(y.to_string()),
            (Granularity::Year, None) => None,
            (Granularity::Month, Some(y)) => Some(format!("{month_text} {y}")),
            (Granularity::Month, None) => Some(month_text.to_string()),
        };
    }
    // Numeric: day-month-year or ISO year-month-day, three numbers.
    if numbers.len() != 3 || toks.len() != 3 {
        return None;
    }
    let (year, month) = if numbers[0].text.len() == 4 {
        (numbers[0], numbers[1])
    } else if numbers[2].text.len() == 4 || numbers[2].text.len() == 2 {
        (numbers[2], numbers[1])
    } else {
        return None;
    };
    let m: u8 = month.text.parse().ok()?;
    if !(1..=12).contains(&m) || month.text.len() > 2 {
        return None;
    }
    // The separator between the first two numbers, e.g. `-`, `/` or `.`.
    let sep = &value[numbers[0].end..numbers[1].start];
    Some(match to {
        Granularity::Year => year.text.to_string(),
        Granularity::Month if year.start < month.start => {
            format!("{}{sep}{}", year.text, month.text)
        }
        Granularity::Month => format!("{}{sep}{}", month.text, year.text),
    })
}

/// True for a one- or two-digit number that can be a day of the month.
fn day_like(text: &str) -> bool {
    matches!(text.parse::<u8>(), Ok(1..=31))
}

/// An IP address to its network: `/24` for IPv4, `/48` for IPv6. Ports, brackets and zone
/// ids are dropped.
fn ip_network(value: &str) -> Option<String> {
    let v = value.trim();
    // `[v6]:port` or `[v6]`
    let v = match v.strip_prefix('[') {
        Some(rest) => rest.split(']').next()?,
        None => v,
    };
    // a zone id: `fe80::1%eth0`
    let v = v.split('%').next()?;
    let addr: IpAddr = match v.parse() {
        Ok(addr) => addr,
        // IPv4 with a port: `1.2.3.4:8080`
        Err(_) => v.rsplit_once(':')?.0.parse::<Ipv4Addr>().ok()?.into(),
    };
    Some(match addr {
        IpAddr::V4(a) => {
            let [x, y, z, _] = a.octets();
            format!("{}/24", Ipv4Addr::new(x, y, z, 0))
        }
        IpAddr::V6(a) => {
            let s = a.segments();
            format!("{}/48", Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0))
        }
    })
}

/// A Dutch postcode (`1234 AB`, `1234AB`, `NL-1234 AB`) to its four digits; street
/// addresses have no coarser form here.
fn postcode_digits(value: &str) -> Option<String> {
    let v = value.trim();
    let v = v
        .strip_prefix("NL-")
        .or_else(|| v.strip_prefix("nl-"))
        .unwrap_or(v);
    let digits = v.get(..4)?;
    let letters = v.get(4..)?.trim_start();
    let is_postcode = digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
        && letters.len() == 2
        && letters.bytes().all(|b| b.is_ascii_alphabetic());
    is_postcode.then(|| digits.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Granularity::{Month, Year};

    #[test]
    fn dates() {
        let cases: &[(&str, Granularity, Option<&str>)] = &[
            // Dutch month names and abbreviations, with and without weekday
            ("12 maart 1985", Month, Some("maart 1985")),
            ("12 maart 1985", Year, Some("1985")),
            ("maandag 12 maart 1985", Month, Some("maart 1985")),
            ("1 mrt. 1985", Month, Some("mrt. 1985")),
            ("12 mrt 85", Month, Some("mrt 85")),
            ("12 mrt '85", Month, Some("mrt '85")),
            ("12 mrt ’85", Year, Some("’85")),
            ("1e januari 2020", Month, Some("januari 2020")),
            ("3 Mei 2021", Month, Some("Mei 2021")),
            // English forms
            ("March 12, 1985", Month, Some("March 1985")),
            ("12th of March 1985", Month, Some("March 1985")),
            ("Tue 4 Jun 2024", Year, Some("2024")),
            // no year: the month is all there is; a year cannot be made up
            ("12 maart", Month, Some("maart")),
            ("12 maart", Year, None),
            ("maart 12", Year, None),
            // numeric day-month-year, the separator kept
            ("12-03-1985", Month, Some("03-1985")),
            ("12/3/85", Month, Some("3/85")),
            ("12.03.1985", Year, Some("1985")),
            // ISO year-month-day
            ("1985-03-12", Month, Some("1985-03")),
            ("1985-03-12", Year, Some("1985")),
            // not a date we can read: tagged by the caller
            ("12-13-1985", Month, None),
            ("12-03", Month, None),
            ("", Month, None),
            ("gisteren", Month, None),
            ("12-03-1985 14:00", Month, None),
        ];
        for (value, to, want) in cases {
            assert_eq!(date(value, *to).as_deref(), *want, "{value:?} {to:?}");
        }
    }

    #[test]
    fn ip_networks() {
        let cases: &[(&str, Option<&str>)] = &[
            // IPv4, with a port
            ("192.168.1.77", Some("192.168.1.0/24")),
            ("10.0.0.1:8080", Some("10.0.0.0/24")),
            // IPv6 compressed, bracketed with port, with zone id
            ("2001:db8:85a3::8a2e:370:7334", Some("2001:db8:85a3::/48")),
            ("[2001:db8::1]:443", Some("2001:db8::/48")),
            ("fe80::1%eth0", Some("fe80::/48")),
            ("::ffff:192.0.2.1", Some("::/48")),
            // not an address
            ("999.1.1.1", None),
            ("", None),
            ("[", None),
            ("versie 1.2.3", None),
        ];
        for (value, want) in cases {
            assert_eq!(ip_network(value).as_deref(), *want, "{value:?}");
        }
    }

    #[test]
    fn postcodes() {
        let cases: &[(&str, Option<&str>)] = &[
            // postcode forms keep their four digits
            ("1234 AB", Some("1234")),
            ("1234ab", Some("1234")),
            ("NL-2511 CV", Some("2511")),
            // a street address has no coarser form here
            ("Dorpsstraat 12", None),
            ("0123 AB", None),
            ("1234 ABC", None),
            // multibyte and short values never panic
            ("12é4 AB", None),
            ("12", None),
            ("", None),
        ];
        for (value, want) in cases {
            assert_eq!(postcode_digits(value).as_deref(), *want, "{value:?}");
        }
    }

    #[test]
    fn other_kinds_have_no_coarser_form() {
        assert_eq!(generalise(Kind::Person, "Jan", Month), None);
        assert_eq!(
            generalise(Kind::Address, "1234 AB", Year).as_deref(),
            Some("1234")
        );
    }
}
