//! Masking: hide the letters and digits of a value, leaving some at its start and end and
//! every separator in place (`06-******78`), so a reader still sees what sort of value it
//! was without being able to read it.

use crate::Kind;

/// Masks `value`: letters and digits become `char`, except the first `keep_first` and the
/// last `keep_last` of them; other characters (separators, spaces, `+`, `@`) stay.
///
/// When the kept characters would cover every letter and digit, nothing is kept: a mask
/// never shows a whole value. E-mail addresses keep their structure: the user part is
/// masked as above, each domain label but the last is masked whole, the top-level domain
/// stays (`j*****@*******.nl`).
pub(crate) fn mask(
    kind: Kind,
    value: &str,
    keep_first: usize,
    keep_last: usize,
    ch: char,
) -> String {
    if kind == Kind::Email {
        if let Some((user, domain)) = value.rsplit_once('@') {
            return mask_email(user, domain, keep_first, keep_last, ch);
        }
    }
    mask_plain(value, keep_first, keep_last, ch)
}

/// Masks letters and digits outside the first `keep_first` and last `keep_last` of them.
fn mask_plain(value: &str, keep_first: usize, keep_last: usize, ch: char) -> String {
    let total = value.chars().filter(|c| c.is_alphanumeric()).count();
    let (keep_first, keep_last) = if keep_first.saturating_add(keep_last) >= total {
        (0, 0)
    } else {
        (keep_first, keep_last)
    };
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                return c;
            }
            seen += 1;
            if seen <= keep_first || seen > total - keep_last {
                c
            } else {
                ch
            }
        })
        .collect()
}

fn mask_email(user: &str, domain: &str, keep_first: usize, keep_last: usize, ch: char) -> String {
    let mut out = mask_plain(user, keep_first, keep_last, ch);
    out.push('@');
    let labels: Vec<&str> = domain.split('.').collect();
    for (i, label) in labels.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        if i + 1 == labels.len() && labels.len() > 1 {
            out.push_str(label); // the top-level domain says little about a person
        } else {
            out.push_str(&mask_plain(label, 0, 0, ch));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_table() {
        let cases: &[(Kind, &str, usize, usize, char, &str)] = &[
            // phone numbers: separators stay, the ends are kept as asked
            (Kind::Phone, "06-12345678", 0, 2, '*', "**-******78"),
            (Kind::Phone, "06-12345678", 2, 2, '*', "06-******78"),
            (Kind::Phone, "+31 6 1234 5678", 0, 4, '#', "+## # #### 5678"),
            // nothing kept: every letter and digit hidden
            (
                Kind::Iban,
                "NL91 ABNA 0417 1643 00",
                0,
                0,
                '*',
                "**** **** **** **** **",
            ),
            (
                Kind::Iban,
                "NL91ABNA0417164300",
                4,
                0,
                '*',
                "NL91**************",
            ),
            // keeping would show it all: everything is masked instead
            (Kind::Bsn, "123456782", 5, 4, '*', "*********"),
            (Kind::Bsn, "123456782", 100, 0, '*', "*********"),
            (Kind::Person, "Jo", 1, 1, '*', "**"),
            // multibyte letters are one character each, the mask char may be multibyte
            (Kind::Person, "Zoë Çelik", 1, 0, '*', "Z** *****"),
            (Kind::Person, "Zoë", 0, 1, '•', "••ë"),
            // empty and separator-only values
            (Kind::Phone, "", 2, 2, '*', ""),
            (Kind::Phone, "--", 0, 0, '*', "--"),
            // e-mail: user part masked as asked, domain labels hidden, tld kept
            (
                Kind::Email,
                "jan.jansen@example.nl",
                1,
                0,
                '*',
                "j**.******@*******.nl",
            ),
            (
                Kind::Email,
                "a+tag@mail.example.co.uk",
                0,
                0,
                '*',
                "*+***@****.*******.**.uk",
            ),
            (Kind::Email, "jan@localhost", 0, 0, '*', "***@*********"),
            (Kind::Email, "@", 0, 0, '*', "@"),
            // an obfuscated address has no @: masked as plain text
            (
                Kind::Email,
                "jan [at] gmail punt com",
                0,
                0,
                '*',
                "*** [**] ***** **** ***",
            ),
            // the @ only structures e-mail addresses
            (Kind::Handle, "@jan_j", 1, 0, '*', "@j**_*"),
        ];
        for (kind, value, first, last, ch, want) in cases {
            assert_eq!(
                mask(*kind, value, *first, *last, *ch),
                *want,
                "{kind} {value:?}"
            );
        }
    }
}
