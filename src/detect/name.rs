//! `person` detection: names by lexicon, structure and context cues. (Stub.)

use super::{Hit, ScanCtx};

/// The whole-text pass of this family.
pub(crate) fn detect(_ctx: &ScanCtx<'_>, _out: &mut Vec<Hit>) {}
