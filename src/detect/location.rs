//! `location` detectors: a place that tells where a person lives or is. (Stub.)

use super::{Hit, Rule, ScanCtx};

/// The regex rules of this family.
pub(crate) const RULES: &[Rule] = &[];

/// The whole-text pass of this family.
pub(crate) fn detect(_ctx: &ScanCtx<'_>, _out: &mut Vec<Hit>) {}
