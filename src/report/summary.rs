//! The policy as the report shows it: every setting that decides the output, but the allow,
//! deny, own-account and channel lists only by their sizes. Deny terms are often the very
//! names a run must hide, so they are counted, never copied.

use crate::{Kind, Lang, Operator, Policy, PseudonymStyle};
use serde::Serialize;
use std::collections::BTreeMap;

/// A summary of the policy used, safe to publish with the report.
///
/// # Examples
///
/// ```
/// use weglakker::report::PolicySummary;
/// use weglakker::{Operator, Policy};
///
/// let policy = Policy::from_json(r#"{"version": 1, "deny": ["Jan Jansen"], "allow": ["Defensie"]}"#).unwrap();
/// let summary = PolicySummary::of(&policy);
/// assert_eq!(summary.lists.deny, 1);
/// assert_eq!(summary.operators["person"], Operator::Pseudonym);
/// assert!(!serde_json::to_string(&summary).unwrap().contains("Jan Jansen"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicySummary {
    /// The policy format version.
    pub version: u32,
    /// Languages of the text (empty: Dutch and English).
    pub languages: Vec<Lang>,
    /// The language of labels in the output.
    pub labels: Lang,
    /// The operator in force for every kind (the policy's own or the default).
    pub operators: BTreeMap<&'static str, Operator>,
    /// The operator per structured field, by field name.
    pub fields: BTreeMap<String, Operator>,
    /// The pseudonym style.
    pub pseudonyms: PseudonymStyle,
    /// How many entries each list has.
    pub lists: ListSizes,
}

/// The sizes of the policy's lists.
///
/// # Examples
///
/// ```
/// let summary = weglakker::report::PolicySummary::of(&weglakker::Policy::default());
/// assert_eq!(summary.lists.allow, 0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ListSizes {
    /// Allow-list entries.
    pub allow: usize,
    /// Deny-list entries.
    pub deny: usize,
    /// Own accounts.
    pub own_accounts: usize,
    /// Official channels.
    pub official_channels: usize,
}

impl PolicySummary {
    /// The summary of `policy`.
    ///
    /// # Examples
    ///
    /// ```
    /// let policy = weglakker::Policy::from_json(r#"{"version": 1, "labels": "en"}"#).unwrap();
    /// assert_eq!(weglakker::report::PolicySummary::of(&policy).labels, weglakker::Lang::En);
    /// ```
    pub fn of(policy: &Policy) -> PolicySummary {
        PolicySummary {
            version: policy.version,
            languages: policy.languages.clone(),
            labels: policy.labels,
            operators: Kind::ALL
                .into_iter()
                .map(|kind| (kind.id(), policy.operator(kind)))
                .collect(),
            fields: policy.fields.clone(),
            pseudonyms: policy.pseudonyms.style,
            lists: ListSizes {
                allow: policy.allow.len(),
                deny: policy.deny.len(),
                own_accounts: policy.own_accounts.len(),
                official_channels: policy.official_channels.len(),
            },
        }
    }
}
