//! Mastodon: the archive's `outbox.json` (ActivityPub) and `actor.json`, and the REST API's
//! statuses (`GET /api/v1/statuses/:id/context` → `{ancestors, descendants}`, or a list).
//!
//! `outbox.json` is an OrderedCollection whose `orderedItems` are `Create`/`Announce`
//! activities; a `Create`'s `object` is a Note with HTML `content` (and `contentMap`),
//! `inReplyTo`, `tag[]` (`{type: Mention, href, name: "@user@host"}`, hashtags), `to`,
//! `cc`. An API Status has HTML `content`, `account {id, acct, username, display_name,
//! url, note}`, `mentions[] {id, acct, username, url}`, `in_reply_to_account_id`.
//!
//! Records: the items of `orderedItems`, `ancestors` and `descendants`, or of a top-level
//! array. HTML (`content`, `contentMap`, `summary`, `note`) is scanned in its text nodes
//! and replacements go only into text nodes, so the markup stays valid (see
//! [`super::html`]); attribute values in it that may identify someone (a mention's
//! `href`, a `title`, an `alt`) are replaced too, encoded for their quotes. Identifying: mention `name`s, `acct`, `username`,
//! `preferredUsername` (accounts), `display_name` and an actor's `name` (persons), account
//! and mention ids (accounts), `inReplyTo`, `to`, `cc`, `attributedTo`, mention `href`,
//! profile `url`s and avatars (web addresses). The public-audience address and hashtag
//! names and links are kept. A handle `@user@host` whose user name has only that host in
//! the document is pseudonymised under `@user`, the form a post's text shows, so both get
//! one pseudonym.

use super::json::{is_metadata, last_key, learn_nothing, Profile, Role};
use crate::Kind;

/// The `mastodon` profile.
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::Role;
/// use weglakker::formats::mastodon::PROFILE;
/// use weglakker::Kind;
///
/// assert_eq!((PROFILE.role)("object/content", "<p>hoi</p>"), Role::Html);
/// assert_eq!((PROFILE.role)("object/tag/name", "@jan@mastodon.nl"), Role::Identifying(Kind::Handle));
/// assert_eq!((PROFILE.role)("object/tag/name", "#defensie"), Role::Keep);
/// ```
pub const PROFILE: Profile = Profile {
    format: "mastodon",
    records: &["orderedItems", "ancestors", "descendants", ""],
    ids: &["id"],
    role,
    learn: learn_nothing,
    mojibake: false,
};

/// The ActivityStreams address of "everyone".
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

fn role(path: &str, value: &str) -> Role {
    let key = last_key(path);
    let parent = path.rsplit('/').nth(1).unwrap_or("");
    // The JSON-LD context and the public audience are vocabulary, not people.
    if path.starts_with("@context") || value == PUBLIC || value == "as:Public" || value == "Public"
    {
        return Role::Keep;
    }
    match key {
        "content" | "summary" | "note" => Role::Html,
        _ if parent == "contentMap" || parent == "summaryMap" => Role::Html,
        "spoiler_text" | "text" => Role::Text,
        // A tag's name: a mention is an account, a hashtag or emoji is kept.
        "name" if parent == "tag" || parent == "tags" => {
            if value.starts_with('@') {
                Role::Identifying(Kind::Handle)
            } else {
                Role::Keep
            }
        }
        "href" if parent == "tag" || parent == "tags" => {
            if value.contains("/tags/") {
                Role::Keep
            } else {
                Role::Identifying(Kind::Url)
            }
        }
        "acct" | "username" | "preferredUsername" => Role::Identifying(Kind::Handle),
        "display_name" => Role::Identifying(Kind::Person),
        "name" if !path.contains('/') => Role::Identifying(Kind::Person),
        "id" if parent == "account" || parent == "mentions" => Role::Identifying(Kind::Handle),
        "in_reply_to_account_id" => Role::Identifying(Kind::Handle),
        "inReplyTo" | "inReplyToAtomUri" | "to" | "cc" | "attributedTo" | "actor" => {
            Role::Identifying(Kind::Url)
        }
        "url" | "uri" if parent == "account" || parent == "mentions" => {
            Role::Identifying(Kind::Url)
        }
        "avatar" | "avatar_static" | "header" | "header_static" => Role::Identifying(Kind::Url),
        // Alt text of media is written by a person: scanned.
        "name" if parent == "attachment" => Role::Text,
        _ if is_metadata(key) => Role::Keep,
        // Collection paging, signatures and the actor's own endpoints.
        "mediaType" | "focalPoint" | "width" | "height" | "next" | "prev" | "first" | "last"
        | "partOf" | "creator" | "signatureValue" | "created" | "inbox" | "outbox"
        | "followers" | "following" | "featured" | "featuredTags" | "sharedInbox"
        | "publicKeyPem" | "owner" | "devices" | "likes" | "bookmarks" => Role::Keep,
        _ => Role::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        let cases: &[(&str, &str, Role)] = &[
            // HTML text
            ("object/content", "<p>x</p>", Role::Html),
            ("object/contentMap/nl", "<p>x</p>", Role::Html),
            ("content", "<p>x</p>", Role::Html),
            ("account/note", "<p>x</p>", Role::Html),
            ("spoiler_text", "cw", Role::Text),
            // mentions and hashtags
            (
                "object/tag/name",
                "@jan@mastodon.nl",
                Role::Identifying(Kind::Handle),
            ),
            ("object/tag/name", "#Defensie", Role::Keep),
            (
                "object/tag/href",
                "https://mastodon.nl/@jan",
                Role::Identifying(Kind::Url),
            ),
            (
                "object/tag/href",
                "https://social.overheid.nl/tags/defensie",
                Role::Keep,
            ),
            (
                "mentions/acct",
                "jan@mastodon.nl",
                Role::Identifying(Kind::Handle),
            ),
            // accounts in API statuses
            (
                "account/display_name",
                "Jan",
                Role::Identifying(Kind::Person),
            ),
            ("account/id", "1093", Role::Identifying(Kind::Handle)),
            (
                "account/url",
                "https://mastodon.nl/@jan",
                Role::Identifying(Kind::Url),
            ),
            (
                "in_reply_to_account_id",
                "1093",
                Role::Identifying(Kind::Handle),
            ),
            // addressing: people, but not the public
            (
                "object/inReplyTo",
                "https://mastodon.nl/users/jan/statuses/1",
                Role::Identifying(Kind::Url),
            ),
            (
                "object/cc",
                "https://mastodon.nl/users/jan",
                Role::Identifying(Kind::Url),
            ),
            ("to", PUBLIC, Role::Keep),
            // kept: ids, dates, status URLs
            (
                "id",
                "https://social.overheid.nl/users/defensie/statuses/1/activity",
                Role::Keep,
            ),
            ("object/published", "2024-04-15T10:00:00Z", Role::Keep),
            (
                "object/url",
                "https://social.overheid.nl/@defensie/1",
                Role::Keep,
            ),
            ("created_at", "2024-04-15T10:00:00.000Z", Role::Keep),
        ];
        for (path, value, want) in cases {
            assert_eq!(role(path, value), *want, "{path} {value}");
        }
    }
}
