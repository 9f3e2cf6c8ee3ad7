//! `phone` detectors. (Stub: rules are added by the detector work.)

use super::Rule;

/// The rules of this family.
pub(crate) const RULES: &[Rule] = &[];
