//! Facebook and Instagram "Download your information" JSON, and Graph API comment JSON.
//!
//! Structures (formats-and-rules.md section 1): Facebook `your_posts_N.json` is an array of
//! `{timestamp, data: [{post}], attachments: [{data: [{media: {description, media_metadata:
//! {photo_metadata: {exif_data: [{upload_ip}]}}}}]}], title, tags}`; `comments.json` is
//! `{comments_v2: [{timestamp, data: [{comment: {timestamp, comment, author}}], title}]}`.
//! Instagram `post_comments_1.json` is an array of `{string_map_data: {Comment: {value},
//! "Media Owner": {value}, Time: {timestamp}}}`, `reels_comments.json` the same under
//! `comments_reels_comments`. The Graph API gives `{data: [{id, message, from: {id, name},
//! created_time}]}` (Instagram: `text`, `username`).
//!
//! Every string is first repaired from the exports' mojibake (UTF-8 bytes written as
//! `\u00c3\u00a9`, see [`super::json::repair_mojibake`]) and the output is written as proper
//! UTF-8. So these formats are **not byte-identical on a round trip**: a repaired string is
//! written back repaired (`"Jos\u00c3\u00a9"` becomes `"José"`), which is the same text a
//! reader sees, only correctly encoded. Everything else is kept byte for byte.
//!
//! Roles: posts, comments, descriptions and `title` lines are free text. A `title` such as
//! "Jan Jansen replied to Piet de Vries's comment." names third parties: those names are
//! learned as terms, so they are replaced wherever they appear. Identifying: `author`,
//! `from/name`, `tags[]/name` (persons), `username`, `"Media Owner"/value`, `from/id`
//! (accounts), `upload_ip` (IP addresses), `email`.

use super::json::{is_metadata, last_key, Profile, Role};
use crate::Kind;

/// The `facebook` profile: records are the items of a top-level array (posts),
/// `comments_v2` (comments) or `data` (Graph API).
///
/// # Examples
///
/// ```
/// use weglakker::formats::json::Role;
/// use weglakker::formats::meta::FACEBOOK;
/// use weglakker::Kind;
///
/// assert_eq!((FACEBOOK.role)("data/comment/author", "Jan"), Role::Identifying(Kind::Person));
/// assert_eq!((FACEBOOK.role)("title", "x"), Role::Text);
/// ```
pub const FACEBOOK: Profile = Profile {
    format: "facebook",
    records: &["", "comments_v2", "data"],
    ids: &["id", "timestamp"],
    role,
    learn: learn_title,
    mojibake: true,
};

/// The `instagram` profile: records are the items of a top-level array,
/// `comments_reels_comments` or `data` (Graph API).
pub const INSTAGRAM: Profile = Profile {
    format: "instagram",
    records: &["", "comments_reels_comments", "data"],
    ids: &["id", "string_map_data/Time/timestamp", "timestamp"],
    role,
    learn: learn_title,
    mojibake: true,
};

fn role(path: &str, _value: &str) -> Role {
    let key = last_key(path);
    match key {
        "author" | "owner" => Role::Identifying(Kind::Person),
        "name" if path.ends_with("from/name") || path.contains("tags") => {
            Role::Identifying(Kind::Person)
        }
        "username" => Role::Identifying(Kind::Handle),
        "id" if path.starts_with("from/") => Role::Identifying(Kind::Handle),
        "value" if path.contains("Media Owner") || path.contains("string_list_data") => {
            Role::Identifying(Kind::Handle)
        }
        "upload_ip" | "ip" | "ip_address" => Role::Identifying(Kind::Ip),
        "email" => Role::Identifying(Kind::Email),
        "href" => Role::Identifying(Kind::Url),
        // The name of a place, an event: scanned as text.
        _ if is_metadata(key) => Role::Keep,
        "camera_make" | "camera_model" | "exposure" | "iso" | "taken_timestamp" => Role::Keep,
        _ => Role::Text,
    }
}

/// The verbs after which a Facebook `title` names another person: "A replied to B's
/// comment", "A commented on B's post", and the Dutch export's "op het bericht van B".
const TITLE_OBJECT_MARKERS: &[&str] = &[
    " replied to ",
    " commented on ",
    " reacted to ",
    " wrote on ",
    " shared ",
    " likes ",
    " liked ",
];
/// The verbs after which a `title`'s subject is someone reacting to another person (not
/// the page itself sharing or posting).
const TITLE_VERBS: &[&str] = &[
    " replied to ",
    " commented on ",
    " reacted to ",
    " wrote on ",
    " is with ",
    " was with ",
    " reageerde op ",
    " heeft gereageerd op ",
];

/// True for what looks like a name: one to four words, the first capitalised.
fn looks_like_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=4).contains(&words)
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars().count() >= 3
        && !s.contains(['.', ',', ':', '!', '?'])
}

/// Learns the persons a `title` names: the subject before the verb, the owner of the
/// comment or post after it ("B's comment", "van B").
///
/// # Examples
///
/// ```
/// use weglakker::formats::meta::learn_title;
/// use weglakker::Kind;
///
/// let mut terms = Vec::new();
/// learn_title("title", "Jan Jansen replied to Piet de Vries's comment.", &mut terms);
/// assert_eq!(terms, [(Kind::Person, "Jan Jansen".to_string()), (Kind::Person, "Piet de Vries".to_string())]);
/// ```
pub fn learn_title(path: &str, value: &str, terms: &mut Vec<(Kind, String)>) {
    if last_key(path) != "title" {
        return;
    }
    let value = value.trim().trim_end_matches('.');
    if let Some(i) = TITLE_VERBS.iter().filter_map(|v| value.find(v)).min() {
        let subject = value[..i].trim();
        if looks_like_name(subject) {
            terms.push((Kind::Person, subject.to_string()));
        }
    }
    for marker in TITLE_OBJECT_MARKERS {
        let Some(i) = value.find(marker) else {
            continue;
        };
        let rest = &value[i + marker.len()..];
        let owner = rest
            .find("'s ")
            .or_else(|| rest.find("\u{2019}s "))
            .map(|j| &rest[..j]);
        if let Some(owner) = owner.filter(|o| looks_like_name(o)) {
            terms.push((Kind::Person, owner.trim().to_string()));
        }
    }
    if let Some(i) = value.rfind(" van ") {
        let owner = value[i + 5..].trim();
        if looks_like_name(owner) {
            terms.push((Kind::Person, owner.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        let cases: &[(&str, Role)] = &[
            // free text
            ("data/post", Role::Text),
            ("data/comment/comment", Role::Text),
            ("title", Role::Text),
            ("attachments/data/media/description", Role::Text),
            ("string_map_data/Comment/value", Role::Text),
            ("message", Role::Text),
            // identifying
            ("data/comment/author", Role::Identifying(Kind::Person)),
            ("from/name", Role::Identifying(Kind::Person)),
            ("from/id", Role::Identifying(Kind::Handle)),
            (
                "string_map_data/Media Owner/value",
                Role::Identifying(Kind::Handle),
            ),
            (
                "attachments/data/media/media_metadata/photo_metadata/exif_data/upload_ip",
                Role::Identifying(Kind::Ip),
            ),
            ("username", Role::Identifying(Kind::Handle)),
            // kept
            ("attachments/data/media/uri", Role::Keep),
            ("id", Role::Keep),
            ("created_time", Role::Keep),
        ];
        for (path, want) in cases {
            assert_eq!(role(path, ""), *want, "{path}");
        }
    }

    #[test]
    fn names_in_titles() {
        let cases: &[(&str, &[&str])] = &[
            // subject and owner
            (
                "Jan Jansen replied to Piet de Vries's comment.",
                &["Jan Jansen", "Piet de Vries"],
            ),
            (
                "Ayla Kaya commented on Bram Smit\u{2019}s post.",
                &["Ayla Kaya", "Bram Smit"],
            ),
            // the page's own activity names nobody else
            ("Defensie shared a link.", &[]),
            ("Defensie shared Jan Jansen's post.", &["Jan Jansen"]),
            // Dutch titles
            (
                "Jan Jansen reageerde op het bericht van Fatima El Amrani.",
                &["Jan Jansen", "Fatima El Amrani"],
            ),
            // no names: lower case, sentences
            ("replied to a comment", &[]),
            ("Dit is een lange zin zonder werkwoord uit de lijst.", &[]),
        ];
        for (title, want) in cases {
            let mut terms = Vec::new();
            learn_title("title", title, &mut terms);
            let got: Vec<&str> = terms.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(got, *want, "{title}");
        }
        let mut terms = Vec::new();
        learn_title(
            "data/post",
            "Jan Jansen replied to Piet's comment.",
            &mut terms,
        );
        assert!(terms.is_empty(), "only titles");
    }
}
