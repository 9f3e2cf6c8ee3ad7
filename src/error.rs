//! The one error type of the crate.

use std::fmt;

/// Something the caller gave weglakker was wrong: an unknown kind or operator, a broken
/// policy, a bad input record. The message names the place (file, line, record, field)
/// where one is known, and says what is wrong. It never quotes personal data from the
/// scanned text.
///
/// # Examples
///
/// ```
/// let err = weglakker::Policy::from_json(r#"{"version": 1, "operators": {"persoon": {"type": "tag"}}}"#)
///     .unwrap_err();
/// assert!(err.to_string().contains("unknown kind `persoon`"));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    /// Where: `"input.jsonl:3"`, `"record 7, field author"`, `"policy.json:2:14"`.
    location: Option<String>,
}

#[derive(Debug)]
enum ErrorKind {
    /// A name that is not one of a fixed set (kind, operator, language, format).
    Unknown {
        what: &'static str,
        got: String,
        valid: String,
    },
    /// Malformed or inconsistent input, with a plain message.
    Invalid(String),
    /// Reading or writing failed.
    Io(std::io::Error),
}

impl Error {
    /// An unknown name of some fixed set, e.g. `Error::unknown("kind", "persoon", "person, ...")`.
    pub(crate) fn unknown(what: &'static str, got: &str, valid: &str) -> Error {
        Error {
            kind: ErrorKind::Unknown {
                what,
                got: got.to_string(),
                valid: valid.to_string(),
            },
            location: None,
        }
    }

    /// Malformed input, with a message that says what is wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = weglakker::Error::invalid("line is not a JSON object").at("in.jsonl:3");
    /// assert_eq!(err.to_string(), "in.jsonl:3: line is not a JSON object");
    /// ```
    pub fn invalid(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Invalid(message.into()),
            location: None,
        }
    }

    /// Sets where the error happened, unless an inner, more precise place is already set;
    /// an outer place (the file) is put in front of an inner one (the record).
    pub fn at(mut self, location: impl Into<String>) -> Error {
        let outer = location.into();
        self.location = Some(match self.location.take() {
            Some(inner) => format!("{outer}: {inner}"),
            None => outer,
        });
        self
    }

    /// True when the error comes from reading or writing a file, not from its content.
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        match &self.kind {
            ErrorKind::Unknown { what, got, valid } => {
                write!(f, "unknown {what} `{got}` (expected one of: {valid})")
            }
            ErrorKind::Invalid(message) => f.write_str(message),
            ErrorKind::Io(err) => write!(f, "{err}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(err) => Some(err),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io(err),
            location: None,
        }
    }
}
