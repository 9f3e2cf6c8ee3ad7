//! Pure validity checks used by detectors: elfproef (BSN), mod-97 (IBAN), Luhn with issuer
//! prefixes (payment cards), Dutch licence-plate sidecodes, calendar dates.
//!
//! Every function takes the bare value (separators already removed unless said otherwise)
//! and never panics, whatever the input.

/// True when `digits` (exactly nine ASCII digits) passes the BSN elfproef: the weighted sum
/// with weights 9, 8, ..., 2, -1 is a multiple of 11, and the number is not all zeros.
/// The same check holds for an RSIN. Source: python-stdnum `stdnum/nl/bsn.py`.
///
/// # Examples
///
/// ```text
/// bsn_elfproef("111222333") == true
/// bsn_elfproef("111222334") == false
/// ```
pub(crate) fn bsn_elfproef(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    if bytes.len() != 9 || !bytes.iter().all(u8::is_ascii_digit) || bytes.iter().all(|&b| b == b'0')
    {
        return false;
    }
    let sum: i64 = bytes
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let d = i64::from(b - b'0');
            if i == 8 {
                -d
            } else {
                d * (9 - i as i64)
            }
        })
        .sum();
    sum % 11 == 0
}

/// The IBAN length of a country (ISO 3166 alpha-2, upper case), from the SWIFT IBAN
/// registry (python-stdnum `iban.dat`); `None` for a country without IBANs.
///
/// # Examples
///
/// ```text
/// iban_length("NL") == Some(18)
/// iban_length("US") == None
/// ```
pub(crate) fn iban_length(country: &str) -> Option<usize> {
    const LENGTHS: &[(&str, usize)] = &[
        ("AD", 24),
        ("AE", 23),
        ("AL", 28),
        ("AT", 20),
        ("AZ", 28),
        ("BA", 20),
        ("BE", 16),
        ("BG", 22),
        ("BH", 22),
        ("BI", 27),
        ("BR", 29),
        ("BY", 28),
        ("CH", 21),
        ("CR", 22),
        ("CY", 28),
        ("CZ", 24),
        ("DE", 22),
        ("DJ", 27),
        ("DK", 18),
        ("DO", 28),
        ("EE", 20),
        ("EG", 29),
        ("ES", 24),
        ("FI", 18),
        ("FK", 18),
        ("FO", 18),
        ("FR", 27),
        ("GB", 22),
        ("GE", 22),
        ("GI", 23),
        ("GL", 18),
        ("GR", 27),
        ("GT", 28),
        ("HN", 28),
        ("HR", 21),
        ("HU", 28),
        ("IE", 22),
        ("IL", 23),
        ("IQ", 23),
        ("IS", 26),
        ("IT", 27),
        ("JO", 30),
        ("KW", 30),
        ("KZ", 20),
        ("LB", 28),
        ("LC", 32),
        ("LI", 21),
        ("LT", 20),
        ("LU", 20),
        ("LV", 21),
        ("LY", 25),
        ("MC", 27),
        ("MD", 24),
        ("ME", 22),
        ("MK", 19),
        ("MN", 20),
        ("MR", 27),
        ("MT", 31),
        ("MU", 30),
        ("NI", 28),
        ("NL", 18),
        ("NO", 15),
        ("OM", 23),
        ("PK", 24),
        ("PL", 28),
        ("PS", 29),
        ("PT", 25),
        ("QA", 29),
        ("RO", 24),
        ("RS", 22),
        ("RU", 33),
        ("SA", 24),
        ("SC", 31),
        ("SD", 18),
        ("SE", 24),
        ("SI", 19),
        ("SK", 24),
        ("SM", 27),
        ("SO", 23),
        ("ST", 25),
        ("SV", 28),
        ("TL", 23),
        ("TN", 24),
        ("TR", 26),
        ("UA", 29),
        ("VA", 22),
        ("VG", 24),
        ("XK", 20),
        ("YE", 30),
    ];
    LENGTHS.iter().find(|(c, _)| *c == country).map(|&(_, n)| n)
}

/// True when `iban` (letters and digits only, any case) has its country's length and a
/// mod-97 remainder of 1 (ISO 13616: move the first four characters to the end, letters
/// count A=10 ... Z=35).
///
/// # Examples
///
/// ```text
/// iban_valid("NL91ABNA0417164300") == true
/// iban_valid("nl91abna0417164300") == true
/// iban_valid("NL91ABNA0417164301") == false
/// ```
pub(crate) fn iban_valid(iban: &str) -> bool {
    let upper = iban.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    if bytes.len() < 5 || !bytes.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    if !bytes[..2].iter().all(u8::is_ascii_uppercase) || !bytes[2..4].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    if iban_length(&upper[..2]) != Some(bytes.len()) {
        return false;
    }
    let mut rem: u32 = 0;
    for &b in bytes[4..].iter().chain(&bytes[..4]) {
        if b.is_ascii_digit() {
            rem = (rem * 10 + u32::from(b - b'0')) % 97;
        } else {
            rem = (rem * 100 + u32::from(b - b'A') + 10) % 97;
        }
    }
    rem == 1
}

/// True when `digits` (ASCII digits only) passes the Luhn check.
///
/// # Examples
///
/// ```text
/// luhn("4111111111111111") == true
/// luhn("4111111111111112") == false
/// ```
pub(crate) fn luhn(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = bytes
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let dd = d * 2;
                if dd > 9 {
                    dd - 9
                } else {
                    dd
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The card network whose issuer prefix (IIN) and length fit `digits`, if the number also
/// passes Luhn. Prefixes: Visa 4; Mastercard 51-55 and 2221-2720; Amex 34, 37; Discover
/// 6011, 644-649, 65; Diners 300-305, 36, 38, 39; JCB 35 and old 15-digit 1800/2131;
/// Maestro 50, 56-69, 0604; UnionPay 62; UATP 1 (15 digits).
///
/// # Examples
///
/// ```text
/// card_network("4111111111111111") == Some("visa")
/// card_network("1234567812345670") == None   // Luhn-valid, no issuer
/// ```
pub(crate) fn card_network(digits: &str) -> Option<&'static str> {
    if !luhn(digits) {
        return None;
    }
    let len = digits.len();
    let prefix = |n: usize| -> u32 { digits.get(..n).and_then(|p| p.parse().ok()).unwrap_or(0) };
    let (p1, p2, p3, p4) = (prefix(1), prefix(2), prefix(3), prefix(4));
    if p1 == 4 && matches!(len, 13 | 16 | 19) {
        Some("visa")
    } else if ((51..=55).contains(&p2) || (2221..=2720).contains(&p4)) && len == 16 {
        Some("mastercard")
    } else if (p2 == 34 || p2 == 37) && len == 15 {
        Some("amex")
    } else if (p4 == 6011 || (644..=649).contains(&p3) || p2 == 65) && (16..=19).contains(&len) {
        Some("discover")
    } else if ((300..=305).contains(&p3) || matches!(p2, 36 | 38 | 39)) && (14..=19).contains(&len)
    {
        Some("diners")
    } else if (p2 == 35 && (16..=19).contains(&len)) || ((p4 == 1800 || p4 == 2131) && len == 15) {
        // JCB: 3528-3589 officially; Faker-style and older numbers use all of 35xx, and
        // the old 15-digit JCB numbers start 1800 or 2131.
        Some("jcb")
    } else if p1 == 1 && len == 15 {
        // UATP (airline cards).
        Some("uatp")
    } else if p2 == 62 && (16..=19).contains(&len) {
        Some("unionpay")
    } else if (p2 == 50 || (56..=69).contains(&p2) || p4 == 604) && (12..=19).contains(&len) {
        Some("maestro")
    } else {
        None
    }
}

/// The Dutch licence-plate sidecode (1-14) whose shape fits `plate` given as its three
/// groups, e.g. `["XN", "PX", "85"]`, or `None` when no sidecode fits. Letters are checked
/// upper-cased; only the consonants the RDW issues are allowed (no vowels, no C or Q).
/// Source: friedt/kenteken-check-NL-RDW.
///
/// # Examples
///
/// ```text
/// plate_sidecode(["XN", "PX", "85"]) == Some(5)
/// plate_sidecode(["AB", "12", "34"]) == None   // a vowel
/// ```
pub(crate) fn plate_shape(groups: [&str; 3]) -> Option<u8> {
    // Shapes in order: L = letters, D = digits, with group lengths.
    const SHAPES: [&str; 14] = [
        "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
        "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
    ];
    let shape: String = groups
        .iter()
        .map(|g| {
            g.chars()
                .map(|c| match c {
                    '0'..='9' => 'D',
                    c if c.is_ascii_alphabetic() => 'L',
                    _ => '?',
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-");
    let code = SHAPES.iter().position(|s| *s == shape)? as u8 + 1;
    let letters: String = groups
        .concat()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if letters.chars().any(|c| "AEIOUCQ".contains(c)) {
        return None;
    }
    Some(code)
}

/// The sidecode of `groups` like [`plate_sidecode`], but `None` also when a letter group is
/// a combination the RDW never issues (`SS`, `NSB`, from sidecode 11 `VVD`, ...).
///
/// # Examples
///
/// ```text
/// plate_sidecode(["881", "SS", "1"]) == None
/// plate_shape(["881", "SS", "1"]) == Some(14)
/// ```
pub(crate) fn plate_sidecode(groups: [&str; 3]) -> Option<u8> {
    let code = plate_shape(groups)?;
    // Forbidden combinations, checked per letter group (they are issued as one group).
    const FORBIDDEN: &[&str] = &[
        "GVD", "KKK", "KVT", "LPF", "NSB", "PKK", "PSV", "TBS", "SS", "SD",
    ];
    const FORBIDDEN_FROM_11: &[&str] = &["PVV", "SGP", "VVD"];
    for g in groups {
        let g = g.to_ascii_uppercase();
        if FORBIDDEN.contains(&g.as_str())
            || (code >= 11 && FORBIDDEN_FROM_11.contains(&g.as_str()))
        {
            return None;
        }
    }
    Some(code)
}

/// True when `day`/`month`/`year` is a real calendar date (leap years included).
///
/// # Examples
///
/// ```text
/// calendar_date(29, 2, 2024) == true
/// calendar_date(29, 2, 2023) == false
/// ```
pub(crate) fn calendar_date(day: u32, month: u32, year: u32) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let max = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=max).contains(&day)
}

/// True when `day`/`month` can be a date in some year (29 February included).
///
/// # Examples
///
/// ```text
/// day_month(29, 2) == true
/// day_month(31, 4) == false
/// ```
pub(crate) fn day_month(day: u32, month: u32) -> bool {
    calendar_date(day, month, 2024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elfproef() {
        for (value, ok) in [
            // valid BSNs (weighted sum divisible by 11)
            ("111222333", true),
            ("123456782", true),
            // one digit off, wrong length, zeros, non-digits
            ("123456781", false),
            ("12345678", false),
            ("1234567820", false),
            ("000000000", false),
            ("12345678a", false),
            ("", false),
        ] {
            assert_eq!(bsn_elfproef(value), ok, "{value}");
        }
    }

    #[test]
    fn iban() {
        for (value, ok) in [
            // valid, several countries, any case
            ("NL91ABNA0417164300", true),
            ("nl91abna0417164300", true),
            ("DE89370400440532013000", true),
            ("GB82WEST12345698765432", true),
            ("BE68539007547034", true),
            ("NO9386011117947", true),
            // check digits off, wrong length for the country, unknown country, junk
            ("NL91ABNA0417164301", false),
            ("NL91ABNA041716430", false),
            ("US91ABNA0417164300", false),
            ("NL9!ABNA0417164300", false),
            ("NL", false),
            ("ü", false),
        ] {
            assert_eq!(iban_valid(value), ok, "{value}");
        }
        assert_eq!(iban_length("NL"), Some(18));
        assert_eq!(iban_length("XX"), None);
    }

    #[test]
    fn cards() {
        for (value, network) in [
            // test numbers of the networks
            ("4111111111111111", Some("visa")),
            ("5500000000000004", Some("mastercard")),
            ("2221000000000009", Some("mastercard")),
            ("378282246310005", Some("amex")),
            ("6011111111111117", Some("discover")),
            ("30569309025904", Some("diners")),
            ("3530111333300000", Some("jcb")),
            ("180000000000002", Some("jcb")),
            ("122000000000003", Some("uatp")),
            // Luhn fails, or Luhn passes without an issuer/length fit
            ("4111111111111112", None),
            ("1234567812345670", None),
            ("411111111111110", None),
            ("", None),
        ] {
            assert_eq!(card_network(value), network, "{value}");
        }
    }

    #[test]
    fn sidecodes() {
        for (groups, code) in [
            // one example per sidecode
            (["BH", "12", "34"], Some(1)),
            (["12", "34", "BH"], Some(2)),
            (["12", "BH", "34"], Some(3)),
            (["BH", "12", "BH"], Some(4)),
            (["BH", "BH", "12"], Some(5)),
            (["12", "BH", "BH"], Some(6)),
            (["12", "BHG", "3"], Some(7)),
            (["1", "BHG", "23"], Some(8)),
            (["BH", "123", "B"], Some(9)),
            (["B", "123", "BH"], Some(10)),
            (["BHG", "12", "B"], Some(11)),
            (["B", "12", "BHG"], Some(12)),
            (["1", "BH", "123"], Some(13)),
            (["123", "BH", "1"], Some(14)),
            (["xn", "px", "85"], Some(5)),
            // vowels, C/Q, forbidden combinations, no sidecode
            (["AB", "12", "34"], None),
            (["CQ", "12", "34"], None),
            (["SS", "12", "34"], None),
            (["NSB", "12", "B"], None),
            (["VVD", "12", "B"], None),
            (["12", "34", "56"], None),
            (["BHG", "HH", "12"], None),
            (["1", "2", "3"], None),
        ] {
            assert_eq!(plate_sidecode(groups), code, "{groups:?}");
        }
        // The shape alone ignores forbidden combinations.
        assert_eq!(plate_shape(["881", "SS", "1"]), Some(14));
        // PVV was issued before sidecode 11 only.
        assert_eq!(plate_sidecode(["12", "PVV", "3"]), Some(7));
    }

    #[test]
    fn dates() {
        assert!(calendar_date(29, 2, 2024));
        assert!(!calendar_date(29, 2, 2023));
        assert!(!calendar_date(29, 2, 1900));
        assert!(calendar_date(29, 2, 2000));
        assert!(!calendar_date(0, 1, 2024));
        assert!(!calendar_date(31, 4, 2024));
        assert!(!calendar_date(1, 13, 2024));
        assert!(day_month(29, 2));
    }
}
