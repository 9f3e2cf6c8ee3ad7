//! weglakker finds personal data in social-media material and minimises it: names,
//! @handles, contact details, numbers, and special-category data, in Dutch and English.
//!
//! Detection and anonymisation are separate steps. [`Engine::scan`] returns
//! [`Finding`]s (half-open byte [`Span`]s with a [`Kind`], a score and the rule that found
//! them); [`anonymise`] applies a [`Policy`] to them and reports where every replacement
//! landed.
//!
//! # Examples
//!
//! ```
//! use weglakker::{anonymise, Engine, Kind, Policy};
//!
//! let text = "Bel me op 06-12345678 of mail jan@example.nl";
//! let engine = Engine::new();
//! let findings = engine.scan(text);
//! assert_eq!(findings[0].kind, Kind::Phone);
//! assert_eq!(&text[findings[0].span.range()], "06-12345678");
//!
//! let out = anonymise(text, &findings, &Policy::default());
//! assert_eq!(out.text, "Bel me op [TELEFOON-1] of mail [E-MAIL-1]");
//! ```

#![warn(missing_docs)]

mod anonymise;
mod detect;
mod engine;
mod error;
pub mod formats;
mod kind;
mod lexicon;
mod policy;
pub mod report;
mod resolve;
mod span;
pub mod triage;
mod validate;

// Public so that the wasm-bindgen tests (tests/wasm_*.rs) can call the boundary itself.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use anonymise::{
    anonymise, key_from_file, redact_marker, Anonymised, Anonymiser, Replacement, MIN_KEY_LEN,
};
pub use engine::{Engine, EngineBuilder};
pub use error::Error;
pub use kind::{Group, Kind, KindSet, Lang};
pub use policy::{DenyEntry, Granularity, Operator, Policy, PseudonymSettings, PseudonymStyle};
pub use span::{Finding, Span};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
