//! Special-category data (AVG art. 9 and 10) tied to a person. (Stub.)

use super::{Hit, ScanCtx};
use crate::Kind;

/// The kinds this family reports.
pub(crate) const KINDS: &[Kind] = &[
    Kind::Health,
    Kind::Religion,
    Kind::Politics,
    Kind::Ethnicity,
    Kind::SexualOrientation,
    Kind::TradeUnion,
    Kind::Criminal,
];

/// The whole-text pass of this family.
pub(crate) fn detect(_ctx: &ScanCtx<'_>, _out: &mut Vec<Hit>) {}
