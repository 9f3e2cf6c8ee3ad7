//! Attribute values inside HTML (Mastodon `content`): links to people and visible text in
//! attributes are minimised like the text nodes, the markup stays valid and hashtag links
//! stay as they are.

use serde_json::Value;
use weglakker::formats::html::{attributes, Markup};
use weglakker::formats::json::{anonymise, Document};
use weglakker::formats::mastodon::PROFILE;
use weglakker::report::Report;
use weglakker::{Anonymiser, Kind, Operator, Policy};

/// A Mastodon outbox with one post: a mention (with a `title` naming the account), an
/// unquoted link to the account's post, a picture whose `alt` names someone and a hashtag.
const CONTENT: &str = concat!(
    r#"<p><span class="h-card" translate="no"><a href="https://mastodon.social/@jan" "#,
    r#"class="u-url mention" title="@jan@mastodon.social">@<span>jan</span></a></span> "#,
    r#"kijk <a href=https://mastodon.social/@jan/112233>hier</a> "#,
    r#"<img alt="Op de foto: Jan de Vries &amp; co" src="https://files.mastodon.social/accounts/avatars/jan.png"> "#,
    r#"<a href="https://social.overheid.nl/tags/Veteranendag" class="mention hashtag" rel="tag">"#,
    r#"#<span>Veteranendag</span></a></p>"#
);

fn outbox() -> String {
    serde_json::json!({
        "orderedItems": [{
            "type": "Create",
            "object": {
                "id": "https://social.overheid.nl/users/defensie/statuses/1",
                "content": CONTENT,
                "tag": [{"type": "Mention", "href": "https://mastodon.social/users/jan",
                         "name": "@jan@mastodon.social"}]
            }
        }]
    })
    .to_string()
}

fn content_of(policy: &Policy) -> (String, Report) {
    let input = outbox();
    let doc = Document::parse(&input).unwrap();
    let mut report = Report::new(policy);
    let out = anonymise(
        &doc,
        &PROFILE,
        &policy.engine_builder().build(),
        policy,
        &mut Anonymiser::new(policy),
        &mut report,
    );
    let value: Value = serde_json::from_str(&out).unwrap();
    let content = value["orderedItems"][0]["object"]["content"]
        .as_str()
        .unwrap()
        .to_string();
    (content, report)
}

#[test]
fn identifying_attributes_are_minimised_and_markup_stays_valid() {
    let (content, _) = content_of(&Policy::default());
    // Nothing of the account or the person is left, in text or attributes.
    for secret in ["jan", "vries", "avatars"] {
        assert!(
            !content.to_lowercase().contains(secret),
            "{secret}: {content}"
        );
    }
    // Every identifying attribute is still there, with a new value, in its place.
    let names = |html: &str| {
        attributes(html)
            .into_iter()
            .map(|a| a.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&content), names(CONTENT));
    assert_eq!(names(CONTENT), ["href", "title", "href", "alt", "src"]);
    // The mention's address is a pseudonym address; the unquoted value stays unquoted.
    let values: Vec<&str> = attributes(&content)
        .into_iter()
        .map(|a| &content[a.value])
        .collect();
    assert!(values[0].starts_with("[URL-"), "{content}");
    assert!(values[2].starts_with("[URL-"), "{content}");
    assert!(
        content.contains(&format!("href={}>hier</a>", values[2])),
        "{content}"
    );
    // The visible text of `alt` is scanned: the name goes, `&amp;` stays a reference.
    assert!(
        values[3].starts_with("Op de foto: [PERSOON-") && values[3].ends_with(" &amp; co"),
        "{content}"
    );
    // The mention's title and text get the same account pseudonym.
    assert!(values[1].starts_with("[ACCOUNT-"), "{content}");
    assert!(
        content.contains(&format!(">{}<span></span></a>", values[1])),
        "{content}"
    );
    // The hashtag link and the classes are kept.
    assert!(content.contains(
        r#"<a href="https://social.overheid.nl/tags/Veteranendag" class="mention hashtag" rel="tag">"#
    ));
    assert!(content.contains(r#"class="u-url mention""#));
    // The text a reader sees still reads the same around the replacements.
    let text = Markup::parse(&content, true).text;
    assert!(text.contains(" kijk hier "), "{text}");
    assert!(text.ends_with("#Veteranendag\n"), "{text}");
}

#[test]
fn attribute_findings_are_counted_and_keep_all_changes_nothing() {
    let (_, report) = content_of(&Policy::default());
    let urls = report.found.get(Kind::Url.id()).copied().unwrap_or(0);
    // Two links and a picture in the content, the mention's `href` in the tag list.
    assert!(urls >= 4, "{:?}", report.found);
    let mut policy = Policy::default();
    for kind in Kind::ALL {
        policy.operators.insert(kind, Operator::Keep);
    }
    let (content, _) = content_of(&policy);
    assert_eq!(content, CONTENT);
}
