//! X (Twitter) account archives: `data/tweets.js` (`tweets-part1.js`..., old `tweet.js`) and
//! `data/note-tweet.js`.
//!
//! A file is `window.YTD.tweets.part0 = [ {"tweet": {...}}, ... ]`: the JSON after the
//! assignment is parsed, never evaluated, and the assignment is written back as it was
//! (see [`super::json::Document::parse`]). Every item of the array is a record, its id the
//! tweet's `id_str` (or the note's `noteTweetId`).
//!
//! Roles: `full_text` is free text with HTML character references (`&amp;` `&lt;`), scanned
//! decoded and written back encoded; note-tweet `core/text` is free text. Identifying:
//! `entities/user_mentions[]/screen_name` and `in_reply_to_screen_name` (accounts), the
//! mentions' `name` (persons), their `id`/`id_str` and `in_reply_to_user_id(_str)` (user
//! ids, as accounts), `expanded_url`/`display_url`/`expandedUrl` (web addresses). Ids, dates,
//! counts, `source`, `lang` and the `t.co` short links are kept; anything else is scanned.
//!
//! The other `window.YTD.*` files of an archive (`account.js`, `direct-messages.js`...) read
//! with the same roles, so their names, handles and texts are minimised too.

use super::json::{is_metadata, last_key, learn_nothing, Profile, Role};
use crate::Kind;

/// The `x-archive` profile.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::Role;
/// use weglakker::formats::xarchive::PROFILE;
/// use weglakker::Kind;
///
/// let role = |path| (PROFILE.role)(path, "");
/// assert_eq!(role("tweet/full_text"), Role::Escaped);
/// assert_eq!(role("tweet/entities/user_mentions/screen_name"), Role::Identifying(Kind::Handle));
/// assert_eq!(role("tweet/id_str"), Role::Keep);
/// ```
pub const PROFILE: Profile = Profile {
    format: "x-archive",
    records: &[""],
    ids: &["tweet/id_str", "noteTweet/noteTweetId", "tweet/id"],
    role,
    learn: learn_nothing,
    mojibake: false,
};

fn role(path: &str, _value: &str) -> Role {
    let key = last_key(path);
    match key {
        "full_text" => Role::Escaped,
        "screen_name" | "screenName" | "in_reply_to_screen_name" | "username" => {
            Role::Identifying(Kind::Handle)
        }
        "in_reply_to_user_id" | "in_reply_to_user_id_str" | "userId" | "accountId" => {
            Role::Identifying(Kind::Handle)
        }
        "expanded_url" | "display_url" | "expandedUrl" | "displayUrl" => {
            Role::Identifying(Kind::Url)
        }
        "email" => Role::Identifying(Kind::Email),
        "name" if path.contains("mentions") || path.contains("user") => {
            Role::Identifying(Kind::Person)
        }
        "accountDisplayName" => Role::Identifying(Kind::Person),
        "id" | "id_str" if path.contains("user_mentions") || path.contains("mentions/") => {
            Role::Identifying(Kind::Handle)
        }
        // `text` of hashtags and symbols is the tag itself; `url` the t.co short link.
        "text" if path.contains("hashtags") || path.contains("symbols") => Role::Keep,
        "text" => Role::Text,
        _ if is_metadata(key) => Role::Keep,
        "indices" | "display_text_range" | "favorited" | "retweeted" | "truncated" => Role::Keep,
        _ => Role::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        let cases: &[(&str, Role)] = &[
            // free text
            ("tweet/full_text", Role::Escaped),
            ("noteTweet/core/text", Role::Text),
            // identifying: mentions, reply targets, expanded links
            (
                "tweet/entities/user_mentions/screen_name",
                Role::Identifying(Kind::Handle),
            ),
            (
                "tweet/entities/user_mentions/name",
                Role::Identifying(Kind::Person),
            ),
            (
                "tweet/entities/user_mentions/id_str",
                Role::Identifying(Kind::Handle),
            ),
            (
                "tweet/in_reply_to_screen_name",
                Role::Identifying(Kind::Handle),
            ),
            (
                "tweet/in_reply_to_user_id_str",
                Role::Identifying(Kind::Handle),
            ),
            (
                "tweet/entities/urls/expanded_url",
                Role::Identifying(Kind::Url),
            ),
            (
                "noteTweet/core/mentions/screenName",
                Role::Identifying(Kind::Handle),
            ),
            // kept: ids, dates, counts, short links, hashtags
            ("tweet/id_str", Role::Keep),
            ("tweet/in_reply_to_status_id_str", Role::Keep),
            ("tweet/created_at", Role::Keep),
            ("tweet/favorite_count", Role::Keep),
            ("tweet/entities/urls/url", Role::Keep),
            ("tweet/entities/hashtags/text", Role::Keep),
            ("tweet/edit_info/initial/editableUntil", Role::Keep),
            ("noteTweet/lifecycle/name", Role::Text),
            // unknown strings are scanned
            ("tweet/something_new", Role::Text),
        ];
        for (path, want) in cases {
            assert_eq!(role(path, ""), *want, "{path}");
        }
    }
}
