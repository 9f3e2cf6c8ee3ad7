//! Step 2 of the tree: was the reaction posted on an official channel of the organisation?
//!
//! A channel is `platform:account` (`x:@DefensieNL`, `facebook:Defensie`,
//! `mastodon:@defensie@social.overheid.nl`). Comparison ignores case, a leading `@` on the
//! account, and the old platform name `twitter` (= `x`).
//!
//! Decisions for incomplete information (documented in tests/data/triage.md):
//! - The policy names no official channels: every channel counts as official (the export
//!   is the organisation's own; there is nothing to refer to).
//! - The reaction has no platform and no account: treated as official (exports are taken
//!   from the organisation's own accounts), but flagged for review when the policy does
//!   name official channels, because it expected channel information.
//! - Only the platform is known: official when an official channel exists on that
//!   platform, flagged for review. Only the account is known: official when it is the
//!   account of an official channel on any platform, flagged for review.
//! - A reply under someone else's post that *addresses* an own account (the text opens with
//!   `@DefensieNL`, or the account is the only mention) on a platform where that account is
//!   an official channel: the question was put to the organisation on its channel, so it
//!   counts as official, flagged for review. A mere mention in passing (`zoals @DefensieNL
//!   zei`) does not.

/// The outcome of step 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Posted on an official channel.
    Official,
    /// The policy names no official channels.
    NoChannelsConfigured,
    /// No channel information at all; treated as official.
    Unknown,
    /// Only the platform or only the account is known and it fits an official channel.
    Partial,
    /// Under someone else's post, but addressed to an own account on an official platform.
    AddressedMention,
    /// Not an official channel.
    Elsewhere,
}

impl Verdict {
    /// Counts as official for the tree.
    pub fn official(self) -> bool {
        self != Verdict::Elsewhere
    }

    /// The answer rests on an assumption a person should check.
    pub fn uncertain(self) -> bool {
        matches!(
            self,
            Verdict::Unknown | Verdict::Partial | Verdict::AddressedMention
        )
    }
}

/// The official channels and own accounts of a policy, normalised for comparison.
#[derive(Clone, Debug, Default)]
pub(crate) struct Channels {
    /// `(platform, account)`, both normalised.
    official: Vec<(String, String)>,
    /// Own accounts, normalised (no `@`, lower case).
    own: Vec<String>,
}

impl Channels {
    pub fn new(official_channels: &[String], own_accounts: &[String]) -> Channels {
        let official = official_channels
            .iter()
            .filter_map(|c| {
                let (platform, account) = c.split_once(':')?;
                Some((platform_id(platform), account_id(account)))
            })
            .filter(|(p, a)| !p.is_empty() && !a.is_empty())
            .collect();
        let own = own_accounts
            .iter()
            .map(|a| account_id(a))
            .filter(|a| !a.is_empty())
            .collect();
        Channels { official, own }
    }

    /// Decides step 2 for one reaction.
    pub fn judge(&self, platform: Option<&str>, in_reply_to: Option<&str>, text: &str) -> Verdict {
        if self.official.is_empty() {
            return Verdict::NoChannelsConfigured;
        }
        let platform = platform.map(platform_id).filter(|p| !p.is_empty());
        let account = in_reply_to.map(account_id).filter(|a| !a.is_empty());
        match (&platform, &account) {
            (None, None) => Verdict::Unknown,
            (Some(p), Some(a)) => {
                if self.official.iter().any(|(op, oa)| op == p && oa == a) {
                    Verdict::Official
                } else if self.addressed_on(p, text) {
                    Verdict::AddressedMention
                } else {
                    Verdict::Elsewhere
                }
            }
            (Some(p), None) => {
                if self.official.iter().any(|(op, _)| op == p) {
                    Verdict::Partial
                } else {
                    Verdict::Elsewhere
                }
            }
            (None, Some(a)) => {
                if self.official.iter().any(|(_, oa)| oa == a) {
                    Verdict::Partial
                } else {
                    Verdict::Elsewhere
                }
            }
        }
    }

    /// The text addresses an own or official account that is an official channel on
    /// `platform`: it opens with that mention, or it is the only mention in the text.
    fn addressed_on(&self, platform: &str, text: &str) -> bool {
        let mentions: Vec<String> = text
            .split_whitespace()
            .filter(|w| w.starts_with('@'))
            .map(|w| account_id(w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_')))
            .collect();
        let opening: Vec<String> = text
            .split_whitespace()
            .take_while(|w| w.starts_with('@'))
            .map(|w| account_id(w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_')))
            .collect();
        let official_here = |m: &String| {
            self.official.iter().any(|(p, a)| p == platform && a == m)
                && (self.own.is_empty() || self.own.contains(m) || self.is_official_account(m))
        };
        opening.iter().any(official_here) || (mentions.len() == 1 && official_here(&mentions[0]))
    }

    fn is_official_account(&self, account: &str) -> bool {
        self.official.iter().any(|(_, a)| a == account)
    }
}

/// A platform name for comparison: lower case, `twitter` is `x`.
fn platform_id(platform: &str) -> String {
    let p = platform.trim().to_lowercase();
    match p.as_str() {
        "twitter" | "x-archive" | "x.com" => "x".to_string(),
        "fb" | "meta" => "facebook".to_string(),
        "ig" => "instagram".to_string(),
        _ => p,
    }
}

/// An account for comparison: lower case, without leading `@` and surrounding space.
fn account_id(account: &str) -> String {
    account.trim().trim_start_matches('@').to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channels() -> Channels {
        Channels::new(
            &[
                "x:@DefensieNL".to_string(),
                "facebook:Defensie".to_string(),
                "mastodon:@defensie@social.overheid.nl".to_string(),
            ],
            &["@DefensieNL".to_string()],
        )
    }

    #[test]
    fn judges_channels() {
        use Verdict::*;
        let c = channels();
        let cases = [
            // Exact, case-insensitive, with or without @, twitter = x.
            (Some("x"), Some("@DefensieNL"), "", Official),
            (Some("X"), Some("defensienl"), "", Official),
            (Some("twitter"), Some("DefensieNL"), "", Official),
            (Some("facebook"), Some("defensie"), "", Official),
            (
                Some("mastodon"),
                Some("defensie@social.overheid.nl"),
                "",
                Official,
            ),
            // Right account, wrong platform; other accounts.
            (Some("instagram"), Some("defensie"), "", Elsewhere),
            (Some("x"), Some("@nieuws_voorbeeld"), "", Elsewhere),
            // Addressed to the own account under someone else's post.
            (
                Some("x"),
                Some("@nieuws_voorbeeld"),
                "@DefensieNL wanneer?",
                AddressedMention,
            ),
            (
                Some("x"),
                Some("@nieuws_voorbeeld"),
                "vraag aan @defensienl: wanneer?",
                AddressedMention,
            ),
            // A mention in passing, among others, is not addressing.
            (
                Some("x"),
                Some("@nieuws_voorbeeld"),
                "@iemand zoals @DefensieNL zei",
                Elsewhere,
            ),
            // Addressed on a platform where the account is not official.
            (
                Some("instagram"),
                Some("@anders"),
                "@DefensieNL hoe?",
                Elsewhere,
            ),
            // Missing information.
            (None, None, "", Unknown),
            (Some("x"), None, "", Partial),
            (Some("tiktok"), None, "", Elsewhere),
            (None, Some("@DefensieNL"), "", Partial),
            (None, Some("@ander"), "", Elsewhere),
        ];
        for (platform, reply, text, want) in cases {
            assert_eq!(
                c.judge(platform, reply, text),
                want,
                "{platform:?} {reply:?} {text}"
            );
        }
    }

    #[test]
    fn without_official_channels_everything_is_official() {
        let c = Channels::new(&[], &[]);
        assert_eq!(
            c.judge(Some("tiktok"), Some("@wie"), ""),
            Verdict::NoChannelsConfigured
        );
        assert!(Verdict::NoChannelsConfigured.official());
    }
}
