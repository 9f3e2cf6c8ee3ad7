//! YouTube Data API comments (`commentThreads.list`, `comments.list`):
//! `{"items": [{"id", "snippet": {"topLevelComment": {"snippet": {...}}}, "replies":
//! {"comments": [{"snippet": {...}}]}}]}`.
//!
//! Records: the items (a thread with its replies, or a comment). Free text: `textOriginal`
//! (plain) and `textDisplay` (HTML: scanned in its text nodes and attribute values, see
//! [`super::html`]). Identifying: `authorDisplayName` (a person, or an account when it
//! starts with `@`), `authorChannelUrl`, `authorProfileImageUrl` (addresses) and
//! `authorChannelId/value` (an account). Kept: ids, video and channel ids, dates, counts,
//! `kind`, `etag`, moderation and rating fields.

use super::json::{is_metadata, last_key, learn_nothing, Profile, Role};
use crate::Kind;

/// The `youtube` profile.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::Role;
/// use weglakker::formats::youtube::PROFILE;
/// use weglakker::Kind;
///
/// let role = |path, value| (PROFILE.role)(path, value);
/// assert_eq!(role("snippet/topLevelComment/snippet/textDisplay", "Hoi"), Role::Html);
/// assert_eq!(role("snippet/topLevelComment/snippet/authorDisplayName", "Jan"), Role::Identifying(Kind::Person));
/// assert_eq!(role("replies/comments/snippet/authorDisplayName", "@jan-12"), Role::Identifying(Kind::Handle));
/// assert_eq!(role("snippet/videoId", "dQw4w9WgXcQ"), Role::Keep);
/// ```
pub const PROFILE: Profile = Profile {
    format: "youtube",
    records: &["items"],
    ids: &["id"],
    role,
    learn: learn_nothing,
    mojibake: false,
};

fn role(path: &str, value: &str) -> Role {
    let key = last_key(path);
    match key {
        "textDisplay" => Role::Html,
        "textOriginal" | "title" | "description" => Role::Text,
        "authorDisplayName" if value.trim_start().starts_with('@') => {
            Role::Identifying(Kind::Handle)
        }
        "authorDisplayName" => Role::Identifying(Kind::Person),
        "authorChannelUrl" | "authorProfileImageUrl" => Role::Identifying(Kind::Url),
        "value" if path.contains("authorChannelId") => Role::Identifying(Kind::Handle),
        "kind" | "etag" | "nextPageToken" | "moderationStatus" | "viewerRating" | "publishedAt"
        | "canRate" | "canReply" => Role::Keep,
        _ if is_metadata(key) => Role::Keep,
        _ => Role::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        let top = "snippet/topLevelComment/snippet/";
        let cases: &[(String, &str, Role)] = &[
            (format!("{top}textDisplay"), "a<br>b", Role::Html),
            (format!("{top}textOriginal"), "a", Role::Text),
            (
                format!("{top}authorDisplayName"),
                "Jan Jansen",
                Role::Identifying(Kind::Person),
            ),
            (
                format!("{top}authorDisplayName"),
                "@jan",
                Role::Identifying(Kind::Handle),
            ),
            (
                format!("{top}authorChannelUrl"),
                "http://www.youtube.com/@jan",
                Role::Identifying(Kind::Url),
            ),
            (
                format!("{top}authorProfileImageUrl"),
                "https://yt3.ggpht.com/x",
                Role::Identifying(Kind::Url),
            ),
            (
                format!("{top}authorChannelId/value"),
                "UCabc",
                Role::Identifying(Kind::Handle),
            ),
            (format!("{top}videoId"), "abc", Role::Keep),
            (format!("{top}channelId"), "UCgov", Role::Keep),
            (
                format!("{top}publishedAt"),
                "2024-03-01T10:00:00Z",
                Role::Keep,
            ),
            (
                format!("{top}updatedAt"),
                "2024-03-01T10:00:00Z",
                Role::Keep,
            ),
            (
                "replies/comments/snippet/parentId".to_string(),
                "Ugx",
                Role::Keep,
            ),
            ("kind".to_string(), "youtube#commentThread", Role::Keep),
            ("etag".to_string(), "x", Role::Keep),
            ("id".to_string(), "Ugx", Role::Keep),
        ];
        for (path, value, want) in cases {
            assert_eq!(role(path, value), *want, "{path}");
        }
    }
}
