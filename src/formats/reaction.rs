//! Where a record of the JSON family was posted, for triage (DESIGN.md section 6): the
//! platform from the format, the account reacted to from the format's reply field.
//!
//! - `x-archive`: `tweet/in_reply_to_screen_name` (as `@name`).
//! - `mastodon`: an outbox Note's `inReplyTo` address (`https://host/users/user/...` or
//!   `https://host/@user/...`, as `@user@host`); an API status's `in_reply_to_account_id`
//!   looked up in its `mentions` (their `acct`).
//! - `facebook`: a Graph API comment's `parent/from/name`; a "Download your information"
//!   comment's `title` ("Jan commented on Defensie's post." → `Defensie`).
//! - `instagram`: `string_map_data/Media Owner/value`; a Graph API comment's
//!   `parent/from/username`.
//! - Every format (the only source for generic `json`): a record's own `platform` and `in_reply_to`
//!   strings win, as in JSON Lines.

use serde_json::Value;

/// The platform and the account reacted to of one record of a JSON-family format.
///
/// # Examples
///
/// ```
/// use weglakker::formats::reaction::channel;
/// use serde_json::json;
///
/// let tweet = json!({"tweet": {"in_reply_to_screen_name": "DefensieNL"}});
/// assert_eq!(channel("x-archive", &tweet), (Some("x".into()), Some("@DefensieNL".into())));
/// let note = json!({"object": {"inReplyTo": "https://social.overheid.nl/users/defensie/statuses/1"}});
/// assert_eq!(channel("mastodon", &note).1.as_deref(), Some("@defensie@social.overheid.nl"));
/// let comment = json!({"title": "Jan Jansen commented on Defensie's post."});
/// assert_eq!(channel("facebook", &comment).1.as_deref(), Some("Defensie"));
/// assert_eq!(channel("json", &json!({"platform": "x"})).0.as_deref(), Some("x"));
/// ```
pub fn channel(format: &str, record: &Value) -> (Option<String>, Option<String>) {
    let str_at = |pointer: &str| {
        record
            .pointer(pointer)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let platform = str_at("/platform").or(match format {
        "x-archive" => Some("x".to_string()),
        "facebook" | "instagram" | "mastodon" => Some(format.to_string()),
        _ => None,
    });
    let reply = str_at("/in_reply_to").or_else(|| match format {
        "x-archive" => str_at("/tweet/in_reply_to_screen_name").map(|n| at(&n)),
        "mastodon" => str_at("/object/inReplyTo")
            .or_else(|| str_at("/inReplyTo"))
            .and_then(|url| account_of_url(&url))
            .or_else(|| mentioned_account(record)),
        "facebook" => {
            str_at("/parent/from/name").or_else(|| str_at("/title").and_then(|t| title_owner(&t)))
        }
        "instagram" => str_at("/string_map_data/Media Owner/value")
            .or_else(|| str_at("/parent/from/username"))
            .map(|n| at(&n)),
        _ => None,
    });
    (platform, reply)
}

/// A handle with its `@`.
fn at(name: &str) -> String {
    match name.starts_with('@') {
        true => name.to_string(),
        false => format!("@{name}"),
    }
}

/// `https://host/users/user/statuses/1` or `https://host/@user/1` → `@user@host`.
fn account_of_url(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    let path = path
        .strip_prefix("users/")
        .or_else(|| path.strip_prefix('@'))?;
    let user = path.split(['/', '?', '#']).next()?;
    (!user.is_empty() && !host.is_empty()).then(|| format!("@{user}@{host}"))
}

/// An API status's `in_reply_to_account_id` found among its `mentions` (`acct`).
fn mentioned_account(record: &Value) -> Option<String> {
    let id = record.get("in_reply_to_account_id")?;
    let id = id.as_str().map_or_else(|| id.to_string(), str::to_string);
    record
        .get("mentions")?
        .as_array()?
        .iter()
        .find(|m| {
            m.get("id")
                .is_some_and(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string) == id)
        })
        .and_then(|m| m.get("acct")?.as_str())
        .map(at)
}

/// The owner of the post or comment a Facebook `title` reacts to: the name before `'s`
/// after ` on ` or ` to ` ("Jan replied to Piet's comment." → `Piet`).
fn title_owner(title: &str) -> Option<String> {
    let i = [" on ", " to "]
        .iter()
        .filter_map(|m| title.rfind(m).map(|i| i + m.len()))
        .max()?;
    let rest = &title[i..];
    let end = rest.find("'s ").or_else(|| rest.find("\u{2019}s "))?;
    let owner = rest[..end].trim();
    (!owner.is_empty()).then(|| owner.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reply_fields_per_format() {
        // (format, record, platform, account)
        let cases: Vec<(&str, Value, Option<&str>, Option<&str>)> = vec![
            (
                "x-archive",
                json!({"tweet": {"full_text": "x"}}),
                Some("x"),
                None,
            ),
            (
                "mastodon",
                json!({"object": {"inReplyTo": "https://m.example/@noor/5"}}),
                Some("mastodon"),
                Some("@noor@m.example"),
            ),
            (
                "mastodon",
                json!({"in_reply_to_account_id": "9", "mentions": [{"id": "8", "acct": "a@b.nl"}, {"id": "9", "acct": "defensie@social.overheid.nl"}]}),
                Some("mastodon"),
                Some("@defensie@social.overheid.nl"),
            ),
            (
                "mastodon",
                json!({"object": {"inReplyTo": null}}),
                Some("mastodon"),
                None,
            ),
            (
                "facebook",
                json!({"parent": {"from": {"name": "Defensie"}}, "message": "?"}),
                Some("facebook"),
                Some("Defensie"),
            ),
            (
                "facebook",
                json!({"title": "Defensie replied to Linda Bakker's comment."}),
                Some("facebook"),
                Some("Linda Bakker"),
            ),
            (
                "instagram",
                json!({"string_map_data": {"Media Owner": {"value": "defensie"}}}),
                Some("instagram"),
                Some("@defensie"),
            ),
            (
                "json",
                json!({"platform": "x", "in_reply_to": "@DefensieNL"}),
                Some("x"),
                Some("@DefensieNL"),
            ),
            ("json", json!({"text": "x"}), None, None),
        ];
        for (format, record, platform, account) in cases {
            let (p, a) = channel(format, &record);
            assert_eq!(
                (p.as_deref(), a.as_deref()),
                (platform, account),
                "{record}"
            );
        }
    }
}
