//! X API v2 responses (`GET /2/tweets/search/recent`, `/2/tweets/:id` with expansions):
//! `{"data": [tweets], "includes": {"users": [...], "tweets": [...]}}`.
//!
//! Records: the tweets of `data` and of `includes/tweets`. Free text: `text` (also
//! `note_tweet/text`; with HTML character references like `&amp;`), a user's `description` and `location`. Identifying: `author_id`,
//! `in_reply_to_user_id`, a mention's `username` and `id`, a user's `id`, `username`,
//! `name`, `url` and `profile_image_url`, expanded links (`expanded_url`, `unwound_url`).
//! Kept: tweet ids, `conversation_id`, dates, `lang`, `source`, hashtags, referenced tweet
//! types, `edit_history_tweet_ids`. The same user id in `author_id` and in `includes/users`
//! gets the same pseudonym (the same value, the same kind).

use super::json::{is_metadata, last_key, learn_nothing, Profile, Role};
use crate::Kind;

/// The `x-api` profile.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::Role;
/// use weglakker::formats::xapi::PROFILE;
/// use weglakker::Kind;
///
/// let role = |path| (PROFILE.role)(path, "");
/// assert_eq!(role("text"), Role::Escaped);
/// assert_eq!(role("author_id"), Role::Identifying(Kind::Handle));
/// assert_eq!(role("includes/users/username"), Role::Identifying(Kind::Handle));
/// assert_eq!(role("conversation_id"), Role::Keep);
/// ```
pub const PROFILE: Profile = Profile {
    format: "x-api",
    records: &["data", "includes/tweets"],
    ids: &["id"],
    role,
    learn: learn_nothing,
    mojibake: false,
};

fn role(path: &str, _value: &str) -> Role {
    let key = last_key(path);
    let in_users = path.contains("users/") || path.starts_with("users");
    let in_mentions = path.contains("mentions/");
    match key {
        "text" if path.contains("hashtags") || path.contains("cashtags") => Role::Keep,
        // Tweet text has HTML character references (`&amp;`), as in the archive.
        "text" => Role::Escaped,
        "description" | "location" | "normalized_text" => Role::Text,
        "author_id" | "in_reply_to_user_id" => Role::Identifying(Kind::Handle),
        "username" => Role::Identifying(Kind::Handle),
        "id" if in_users || in_mentions => Role::Identifying(Kind::Handle),
        "name" if in_users => Role::Identifying(Kind::Person),
        "url" | "profile_image_url" if in_users => Role::Identifying(Kind::Url),
        "expanded_url" | "unwound_url" | "display_url" => Role::Identifying(Kind::Url),
        "tag" if path.contains("hashtags") || path.contains("cashtags") => Role::Keep,
        "edit_history_tweet_ids"
        | "reply_settings"
        | "possibly_sensitive"
        | "media_key"
        | "media_keys" => Role::Keep,
        _ if is_metadata(key) => Role::Keep,
        _ => Role::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        let cases: &[(&str, Role)] = &[
            ("text", Role::Escaped),
            ("note_tweet/text", Role::Escaped),
            ("includes/users/description", Role::Text),
            ("author_id", Role::Identifying(Kind::Handle)),
            ("in_reply_to_user_id", Role::Identifying(Kind::Handle)),
            (
                "entities/mentions/username",
                Role::Identifying(Kind::Handle),
            ),
            ("entities/mentions/id", Role::Identifying(Kind::Handle)),
            ("includes/users/id", Role::Identifying(Kind::Handle)),
            ("includes/users/name", Role::Identifying(Kind::Person)),
            ("includes/users/url", Role::Identifying(Kind::Url)),
            (
                "includes/users/profile_image_url",
                Role::Identifying(Kind::Url),
            ),
            ("entities/urls/expanded_url", Role::Identifying(Kind::Url)),
            ("id", Role::Keep),
            ("conversation_id", Role::Keep),
            ("created_at", Role::Keep),
            ("lang", Role::Keep),
            ("edit_history_tweet_ids", Role::Keep),
            ("referenced_tweets/type", Role::Keep),
            ("referenced_tweets/id", Role::Keep),
            ("entities/hashtags/tag", Role::Keep),
            ("entities/urls/url", Role::Keep),
        ];
        for (path, want) in cases {
            assert_eq!(role(path, ""), *want, "{path}");
        }
    }
}
