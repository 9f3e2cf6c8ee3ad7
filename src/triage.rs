//! Reaction triage by the archiving decision tree (DESIGN.md section 6).
//!
//! 1. Is the reaction a question? No → [`Decision::NotArchivedSentiment`].
//! 2. Asked on an official channel (policy `officialChannels`)? No → [`Decision::ReferChannel`].
//! 3. Is it a burgerbrief (bezwaar, aanvraag, klacht, Woo-verzoek, ...)? Yes →
//!    [`Decision::Burgerbrief`]; no → [`Decision::Archive`].
//!
//! "Question" in step 1 means: the reaction asks something of the organisation. A formal
//! act (an objection, a complaint, a Woo request) asks for a decision even without a
//! question mark, so a strong burgerbrief passes step 1 too; otherwise a formal objection
//! posted as a comment would be thrown away as sentiment.
//!
//! Every result carries its reason in plain Dutch and English, the two scores, and a
//! `review` flag when a step was close to its boundary or rested on an assumption.
//! Decisions set by hand in the policy (`triageOverrides`, by record id) always win.
//!
//! # Examples
//!
//! ```
//! use weglakker::triage::{Decision, Reaction, Triage};
//! use weglakker::Policy;
//!
//! let policy = Policy::from_json(r#"{"version": 1, "officialChannels": ["x:@DefensieNL"]}"#).unwrap();
//! let triage = Triage::new(&policy);
//!
//! let asked = Reaction::new("Wanneer is de open dag in Den Helder?").on("x", "@DefensieNL");
//! assert_eq!(triage.decide(&asked).decision, Decision::Archive);
//!
//! let cheered = Reaction::new("Trots op jullie! 🇳🇱").on("x", "@DefensieNL");
//! assert_eq!(triage.decide(&cheered).decision, Decision::NotArchivedSentiment);
//! ```

mod channel;
mod formal;
mod question;
mod text;

use crate::Policy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Scores this close to 0.5 (question) or the burgerbrief threshold are flagged for review.
const REVIEW_MARGIN: f32 = 0.15;

/// Question scores this close to 0.5 are undecided: the decision is [`Decision::Review`].
const UNDECIDED_MARGIN: f32 = 0.05;

/// The formal score from which a reaction asks for a decision even without a question.
const FORMAL_ACT: f32 = 0.6;

/// The outcome of the tree for one reaction. Serialised as its id (`not_archived_sentiment`).
///
/// # Examples
///
/// ```
/// use weglakker::triage::Decision;
///
/// assert_eq!(Decision::ReferChannel.id(), "refer_channel");
/// assert_eq!("burgerbrief".parse::<Decision>().unwrap(), Decision::Burgerbrief);
/// assert_eq!(serde_json::to_string(&Decision::NotArchivedSentiment).unwrap(), "\"not_archived_sentiment\"");
/// assert!(Decision::Archive.is_archived() && !Decision::ReferChannel.is_archived());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// A question on an official channel: archive it.
    Archive,
    /// Not a question, only sentiment: not archived (only counted in the report).
    NotArchivedSentiment,
    /// A question on a channel that is not official: refer the asker, do not archive.
    ReferChannel,
    /// A formal message: archived in the burgerbrief process.
    Burgerbrief,
    /// A person has to decide.
    Review,
}

impl Decision {
    /// Every decision, in tree order.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(weglakker::triage::Decision::ALL.len(), 5);
    /// ```
    pub const ALL: [Decision; 5] = [
        Decision::Archive,
        Decision::NotArchivedSentiment,
        Decision::ReferChannel,
        Decision::Burgerbrief,
        Decision::Review,
    ];

    /// The stable id used in the CLI, the report and policy overrides.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(weglakker::triage::Decision::Review.id(), "review");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Decision::Archive => "archive",
            Decision::NotArchivedSentiment => "not_archived_sentiment",
            Decision::ReferChannel => "refer_channel",
            Decision::Burgerbrief => "burgerbrief",
            Decision::Review => "review",
        }
    }

    /// Is the reaction kept in an archive (as a question or as a burgerbrief)? `Review`
    /// is kept too: nothing is thrown away before a person has looked.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::triage::Decision;
    /// assert!(Decision::Burgerbrief.is_archived());
    /// assert!(!Decision::NotArchivedSentiment.is_archived());
    /// ```
    pub fn is_archived(self) -> bool {
        matches!(
            self,
            Decision::Archive | Decision::Burgerbrief | Decision::Review
        )
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Decision {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Decision, crate::Error> {
        Decision::ALL
            .into_iter()
            .find(|d| d.id() == s)
            .ok_or_else(|| {
                let valid: Vec<&str> = Decision::ALL.iter().map(|d| d.id()).collect();
                crate::Error::unknown("triage decision", s, &valid.join(", "))
            })
    }
}

/// One reaction to triage: its text and where it was posted.
///
/// `platform` is `x`, `facebook`, `mastodon`, ...; `in_reply_to` is the account of the
/// post reacted to (`@DefensieNL`). It reads straight from a JSON line with those fields.
///
/// # Examples
///
/// ```
/// use weglakker::triage::Reaction;
///
/// let r = Reaction::new("Kunnen jullie de link delen").on("x", "@DefensieNL").with_id("42");
/// assert_eq!(r.platform.as_deref(), Some("x"));
///
/// let r: Reaction = serde_json::from_str(r#"{"id": "7", "text": "Top!", "platform": "facebook"}"#).unwrap();
/// assert_eq!(r.in_reply_to, None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reaction {
    /// The record id, used for policy overrides.
    #[serde(default)]
    pub id: Option<String>,
    /// The reaction text.
    pub text: String,
    /// The platform (`x`, `facebook`, `instagram`, `mastodon`, `linkedin`).
    #[serde(default)]
    pub platform: Option<String>,
    /// The account of the post reacted to.
    #[serde(default)]
    pub in_reply_to: Option<String>,
}

impl Reaction {
    /// A reaction with only a text (no id, no channel information).
    ///
    /// # Examples
    ///
    /// ```
    /// let r = weglakker::triage::Reaction::new("Waarom?");
    /// assert_eq!(r.text, "Waarom?");
    /// ```
    pub fn new(text: impl Into<String>) -> Reaction {
        Reaction {
            text: text.into(),
            ..Reaction::default()
        }
    }

    /// Sets the platform and the account reacted to.
    ///
    /// # Examples
    ///
    /// ```
    /// let r = weglakker::triage::Reaction::new("Top").on("facebook", "Defensie");
    /// assert_eq!(r.in_reply_to.as_deref(), Some("Defensie"));
    /// ```
    pub fn on(mut self, platform: impl Into<String>, in_reply_to: impl Into<String>) -> Reaction {
        self.platform = Some(platform.into());
        self.in_reply_to = Some(in_reply_to.into());
        self
    }

    /// Sets the record id.
    ///
    /// # Examples
    ///
    /// ```
    /// let r = weglakker::triage::Reaction::new("Top").with_id("r1");
    /// assert_eq!(r.id.as_deref(), Some("r1"));
    /// ```
    pub fn with_id(mut self, id: impl Into<String>) -> Reaction {
        self.id = Some(id.into());
        self
    }

    /// The reaction keyed for `triageOverrides`: a record without an id is named by its
    /// record index (from 0, over the whole file), as the page and the CLI name it.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::triage::Reaction;
    /// assert_eq!(Reaction::new("Hoi").or_record(3).id.as_deref(), Some("3"));
    /// assert_eq!(Reaction::new("Hoi").with_id("a7").or_record(3).id.as_deref(), Some("a7"));
    /// ```
    pub fn or_record(mut self, record: usize) -> Reaction {
        if self.id.is_none() {
            self.id = Some(record.to_string());
        }
        self
    }
}

/// The decision for one reaction, its reason, and the evidence.
///
/// # Examples
///
/// ```
/// use weglakker::triage::{Decision, Reaction, Triage};
///
/// let result = Triage::new(&weglakker::Policy::default()).decide(&Reaction::new("Serieus?"));
/// assert_eq!(result.decision, Decision::NotArchivedSentiment);
/// assert!(result.question_score < 0.5);
/// assert!(result.reason_en.contains("rhetorical"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriageResult {
    /// The decision.
    pub decision: Decision,
    /// Why, in plain Dutch.
    pub reason_nl: String,
    /// Why, in plain English.
    pub reason_en: String,
    /// How much the reaction looks like a question, 0..=1 (0.5 is the boundary).
    pub question_score: f32,
    /// How much it looks like a formal message (burgerbrief), 0..=1 (0.5 is the boundary).
    pub formal_score: f32,
    /// A person should check this decision: a score was close to its boundary, or the
    /// channel was assumed.
    pub review: bool,
}

impl TriageResult {
    /// The reason in `lang` (the policy's label language, for the CLI and the report).
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::triage::{Reaction, Triage};
    /// use weglakker::{Lang, Policy};
    ///
    /// let result = Triage::new(&Policy::default()).decide(&Reaction::new("Top!"));
    /// assert!(result.reason(Lang::Nl).starts_with("Geen vraag"));
    /// assert!(result.reason(Lang::En).starts_with("Not a question"));
    /// ```
    pub fn reason(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Nl => &self.reason_nl,
            crate::Lang::En => &self.reason_en,
        }
    }
}

/// The triage of one policy: its official channels, own accounts and overrides.
///
/// # Examples
///
/// ```
/// use weglakker::triage::{Decision, Reaction, Triage};
/// use weglakker::Policy;
///
/// let policy = Policy::from_json(r#"{"version": 1,
///     "officialChannels": ["x:@DefensieNL"], "ownAccounts": ["@DefensieNL"],
///     "triageOverrides": {"r9": "archive"}}"#).unwrap();
/// let triage = Triage::new(&policy);
///
/// // A question under someone else's post: refer to the right channel.
/// let elsewhere = Reaction::new("Weet iemand hoe laat het defilé begint?").on("x", "@nieuws_voorbeeld");
/// assert_eq!(triage.decide(&elsewhere).decision, Decision::ReferChannel);
///
/// // A formal objection posted as a comment.
/// let objection = Reaction::new("Hierbij maak ik bezwaar tegen het besluit over het oefenterrein.")
///     .on("x", "@DefensieNL");
/// assert_eq!(triage.decide(&objection).decision, Decision::Burgerbrief);
///
/// // The user's override wins.
/// let overridden = Reaction::new("Top!").on("x", "@DefensieNL").with_id("r9");
/// assert_eq!(triage.decide(&overridden).decision, Decision::Archive);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Triage {
    channels: channel::Channels,
    overrides: BTreeMap<String, Decision>,
}

impl Triage {
    /// The triage for `policy` (official channels, own accounts, overrides).
    ///
    /// # Examples
    ///
    /// ```
    /// let triage = weglakker::triage::Triage::new(&weglakker::Policy::default());
    /// # let _ = triage;
    /// ```
    pub fn new(policy: &Policy) -> Triage {
        Triage {
            channels: channel::Channels::new(&policy.official_channels, &policy.own_accounts),
            overrides: policy.triage_overrides.clone(),
        }
    }

    /// Runs the tree for one reaction.
    ///
    /// # Examples
    ///
    /// ```
    /// use weglakker::triage::{Decision, Reaction, Triage};
    ///
    /// let triage = Triage::new(&weglakker::Policy::default());
    /// let result = triage.decide(&Reaction::new("Kunnen jullie de link naar de livestream delen"));
    /// assert_eq!(result.decision, Decision::Archive);
    /// assert!(result.reason_nl.contains("vraag"));
    /// ```
    pub fn decide(&self, reaction: &Reaction) -> TriageResult {
        // One cut into sentences and words serves both detectors.
        let blanked = text::blank_urls_and_quotes(&reaction.text);
        let cut = text::Cut::new(&blanked);
        let question = question::assess_cut(&cut);
        let formal = formal::assess_cut(&reaction.text, &cut);
        let mut result = TriageResult {
            decision: Decision::Review,
            reason_nl: String::new(),
            reason_en: String::new(),
            question_score: round(question.score),
            formal_score: round(formal.score),
            review: false,
        };

        if let Some(decision) = reaction.id.as_ref().and_then(|id| self.overrides.get(id)) {
            result.decision = *decision;
            result.reason_nl = "Handmatig vastgesteld (triageOverrides in het beleid).".into();
            result.reason_en = "Set by hand (triageOverrides in the policy).".into();
            return result;
        }

        // Step 1: a question, or a formal act that asks for a decision.
        let (q_nl, q_en) = question.cue.explain();
        let asks = question.score >= 0.5;
        let formal_act = formal.score >= FORMAL_ACT;
        if !formal_act && (question.score - 0.5).abs() < UNDECIDED_MARGIN {
            result.decision = Decision::Review;
            result.reason_nl =
                format!("Twijfel of dit een vraag is ({q_nl}): laat een mens beslissen.");
            result.reason_en =
                format!("Unclear whether this is a question ({q_en}): a person decides.");
            result.review = true;
            return result;
        }
        if !asks && !formal_act {
            result.decision = Decision::NotArchivedSentiment;
            result.reason_nl = format!("Geen vraag: {q_nl}; alleen een mening of gevoel.");
            result.reason_en = format!("Not a question: {q_en}; it only expresses sentiment.");
            result.review = near(question.score, 0.5);
            return result;
        }
        let (ask_nl, ask_en) = if asks {
            (
                format!("Een vraag ({q_nl})"),
                format!("A question ({q_en})"),
            )
        } else {
            (
                "Een formeel verzoek zonder vraagteken".to_string(),
                "A formal request without a question mark".to_string(),
            )
        };
        let mut review = asks && near(question.score, 0.5);

        // Step 2: the channel.
        let verdict = self.channels.judge(
            reaction.platform.as_deref(),
            reaction.in_reply_to.as_deref(),
            &reaction.text,
        );
        review |= verdict.uncertain();
        if !verdict.official() {
            result.decision = Decision::ReferChannel;
            result.reason_nl = format!(
                "{ask_nl}, maar niet gesteld op een officieel kanaal: verwijs naar het juiste kanaal."
            );
            result.reason_en = format!(
                "{ask_en}, but not asked on an official channel: refer to the right channel."
            );
            result.review = review;
            return result;
        }
        let (channel_nl, channel_en) = channel_reason(verdict);

        // Step 3: burgerbrief or plain question.
        review |= near(formal.score, formal::THRESHOLD);
        result.review = review;
        if formal.score >= formal::THRESHOLD {
            let cue = formal.cue.unwrap_or("formeel");
            result.decision = Decision::Burgerbrief;
            result.reason_nl = format!(
                "{ask_nl} {channel_nl}, en een burgerbrief ({cue}): archiveren in het burgerbriefproces."
            );
            result.reason_en = format!(
                "{ask_en} {channel_en}, and a formal letter ({cue}): archived in the burgerbrief process."
            );
        } else {
            result.decision = Decision::Archive;
            result.reason_nl = format!("{ask_nl} {channel_nl}: archiveren.");
            result.reason_en = format!("{ask_en} {channel_en}: archive it.");
        }
        result
    }
}

fn channel_reason(verdict: channel::Verdict) -> (&'static str, &'static str) {
    use channel::Verdict::*;
    match verdict {
        Official => ("op een officieel kanaal", "on an official channel"),
        NoChannelsConfigured => (
            "(het beleid noemt geen officiële kanalen, dus elk kanaal telt)",
            "(the policy names no official channels, so every channel counts)",
        ),
        Unknown => (
            "(kanaal onbekend, aangenomen: officieel)",
            "(channel unknown, assumed official)",
        ),
        Partial => (
            "(kanaal deels bekend, past bij een officieel kanaal)",
            "(channel partly known, fits an official channel)",
        ),
        AddressedMention => (
            "gericht aan het eigen account op een officieel platform",
            "addressed to the own account on an official platform",
        ),
        Elsewhere => ("elders", "elsewhere"),
    }
}

fn near(score: f32, threshold: f32) -> bool {
    (score - threshold).abs() < REVIEW_MARGIN
}

/// Two decimals: scores are evidence for people, not precise probabilities.
fn round(score: f32) -> f32 {
    (score * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triage() -> Triage {
        Triage::new(
            &Policy::from_json(
                r#"{"version": 1, "ownAccounts": ["@DefensieNL"],
                    "officialChannels": ["x:@DefensieNL", "facebook:Defensie"]}"#,
            )
            .unwrap(),
        )
    }

    /// Text, optional `(platform, in_reply_to)`, expected decision, expected review flag.
    type Case<'a> = (&'a str, Option<(&'a str, &'a str)>, Decision, bool);

    #[test]
    fn walks_the_tree() {
        use Decision::*;
        let t = triage();
        let cases: &[Case] = &[
            // Step 1: sentiment on any channel.
            (
                "Trots op jullie!",
                Some(("x", "@DefensieNL")),
                NotArchivedSentiment,
                false,
            ),
            (
                "Trots op jullie!",
                Some(("tiktok", "@ander")),
                NotArchivedSentiment,
                false,
            ),
            // Step 2: the right channel, or not.
            (
                "Wanneer is de open dag?",
                Some(("x", "@DefensieNL")),
                Archive,
                false,
            ),
            (
                "Wanneer is de open dag?",
                Some(("instagram", "@defensie")),
                ReferChannel,
                false,
            ),
            // Addressed to the own account under another post: official, but flagged.
            (
                "@DefensieNL wanneer is de open dag?",
                Some(("x", "@ander")),
                Archive,
                true,
            ),
            // No channel information: assumed official, flagged.
            ("Wanneer is de open dag?", None, Archive, true),
            // Step 3: a formal act, also without a question mark.
            (
                "Hierbij maak ik bezwaar tegen het besluit, kenmerk 2024/1234.",
                Some(("facebook", "Defensie")),
                Burgerbrief,
                false,
            ),
            // A formal act on the wrong channel is referred.
            (
                "Hierbij maak ik bezwaar tegen het besluit.",
                Some(("instagram", "@defensie")),
                ReferChannel,
                false,
            ),
            // A question about a procedure is a plain question.
            (
                "Hoe maak ik bezwaar tegen dit besluit?",
                Some(("x", "@DefensieNL")),
                Archive,
                false,
            ),
        ];
        for (text, channel, want, flagged) in cases {
            let mut r = Reaction::new(*text);
            if let Some((platform, account)) = channel {
                r = r.on(*platform, *account);
            }
            let got = t.decide(&r);
            assert_eq!(got.decision, *want, "{text}: {got:?}");
            assert_eq!(got.review, *flagged, "{text}: {got:?}");
            assert!(!got.reason_nl.is_empty() && !got.reason_en.is_empty());
        }
    }

    #[test]
    fn decision_ids_round_trip() {
        for d in Decision::ALL {
            assert_eq!(d.id().parse::<Decision>().unwrap(), d);
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(json, format!("\"{}\"", d.id()));
        }
        let err = "keep".parse::<Decision>().unwrap_err().to_string();
        assert!(err.contains("archive") && err.contains("review"), "{err}");
    }

    #[test]
    fn scores_are_rounded_to_two_decimals() {
        let r = triage().decide(&Reaction::new("Kunnen jullie de link delen"));
        assert_eq!(r.question_score, (r.question_score * 100.0).round() / 100.0);
    }
}
