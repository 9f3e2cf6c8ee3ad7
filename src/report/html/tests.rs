//! The HTML page: inert (no scripts, no external resources, the CSP), escaped, in both
//! languages, complete for an empty run, and never holding an original value.

use super::*;
use crate::report::sha256_hex;
use crate::{Anonymiser, DenyEntry, Finding, Policy, Span};
use proptest::prelude::*;

/// A report with something in every section.
fn full_report(policy: &Policy) -> Report {
    let mut report = Report::new(policy);
    report.set_processed_at("2026-12-02T15:04:05Z".into());
    report.set_input("export.jsonl", 1_234_567, &sha256_hex(b"in"));
    report.set_output_sha256(&sha256_hex(b"out"));
    for _ in 0..1234 {
        report.record_scanned();
    }
    for _ in 0..1200 {
        report.record_written();
    }
    for _ in 0..34 {
        report.record_dropped("not_archived_sentiment");
    }
    let findings = [
        Finding::new(Span::new(0, 3), Kind::Person, 0.9, "t"),
        Finding::new(Span::new(4, 7), Kind::Email, 0.9, "t"),
        Finding::new(Span::new(8, 11), Kind::Health, 0.9, "t"),
    ];
    let out = Anonymiser::new(policy).anonymise("Jan a@b ziek", &findings);
    for _ in 0..7 {
        report.add_findings(&findings[..1]);
    }
    report.add_findings(&findings);
    report.add_replacements(&out.replacements);
    for _ in 0..5 {
        report.add_decision("archive");
    }
    report.add_decision("review");
    report
}

#[test]
fn page_is_inert_and_self_contained() {
    let policy = Policy::default();
    let handler = regex::Regex::new(r"\son[a-z]+\s*=").unwrap();
    for lang in [Lang::Nl, Lang::En] {
        for report in [Report::default(), full_report(&policy)] {
            let html = report.to_html(lang);
            let lower = html.to_lowercase();
            assert!(html.starts_with("<!DOCTYPE html>\n"));
            assert!(html.ends_with("</html>\n"));
            assert!(html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
                 style-src 'unsafe-inline'; img-src data:\">"
            ));
            // nothing that runs or loads: no scripts, handlers, links, remote URLs or imports
            for banned in [
                "<script",
                "javascript:",
                "<link",
                "<img",
                "<iframe",
                "<object",
                "src=",
                "href=",
                "http:",
                "https:",
                "url(",
                "@import",
            ] {
                assert!(!lower.contains(banned), "{banned} in {lang:?} page");
            }
            assert!(!handler.is_match(&lower), "event handler in {lang:?} page");
            // every opened block is closed
            for tag in ["section", "table", "dl", "tbody", "svg", "code"] {
                let opened = html.matches(&format!("<{tag}")).count();
                let closed = html.matches(&format!("</{tag}>")).count();
                assert_eq!(opened, closed, "<{tag}> in {lang:?} page");
            }
        }
    }
}

#[test]
fn hostile_values_are_escaped() {
    let hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>'&.jsonl";
    let mut policy = Policy::default();
    policy.fields.insert(hostile.to_string(), Operator::Drop);
    policy
        .retention
        .insert(Decision::Archive, hostile.to_string());
    let mut report = Report::new(&policy);
    report.set_input(hostile, 1, hostile);
    report.set_output_sha256(hostile);
    report.set_processed_at(hostile.to_string());
    report.record_dropped(hostile);
    report.add_decision("archive");
    report.add_decision(hostile);
    for lang in [Lang::Nl, Lang::En] {
        let html = report.to_html(lang);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains(hostile));
        let escaped = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x \
                       onerror=alert(2)&gt;&#39;&amp;.jsonl";
        // file name, input hash, output hash, time, field, note, drop reason, decision
        assert!(html.matches(escaped).count() >= 8, "{html}");
    }
}

#[test]
fn headings_in_dutch_and_english() {
    let report = full_report(&Policy::default());
    let cases: &[(Lang, &[&str])] = &[
        // Dutch is the default language of the report
        (
            Lang::Nl,
            &[
                "<html lang=\"nl\">",
                "<h1>Verantwoordingsrapport</h1>",
                ">Samenvatting</h2>",
                ">Records</h2>",
                ">Gevonden gegevens per soort</h2>",
                ">Toegepaste bewerkingen</h2>",
                ">Triagebesluiten en bewaartermijnen</h2>",
                ">Gebruikt beleid</h2>",
                "<dt>Invoerbestand</dt>",
                "PERSOON",
                "GEZONDHEID",
                "pseudoniem",
                "Archiveren",
                "Handmatig beoordelen",
                "Nederlands en Engels",
                "genummerd ([PERSOON-1], [PERSOON-2], ...)",
            ],
        ),
        // English: every label translated, kinds by their English label
        (
            Lang::En,
            &[
                "<html lang=\"en\">",
                "<h1>Accountability report</h1>",
                ">Summary</h2>",
                ">Records</h2>",
                ">Findings per kind</h2>",
                ">Operators applied</h2>",
                ">Triage decisions and retention</h2>",
                ">Policy used</h2>",
                "<dt>Input file</dt>",
                "PERSON",
                "HEALTH",
                ">pseudonym<",
                "Archive",
                "Review by hand",
                "Dutch and English",
                // the pseudonym example is in the output's label language (Dutch here)
                "numbered ([PERSOON-1], [PERSOON-2], ...)",
            ],
        ),
    ];
    for (lang, wanted) in cases {
        let html = report.to_html(*lang);
        for want in *wanted {
            assert!(html.contains(want), "{want} missing in {lang:?}:\n{html}");
        }
    }
    // no Dutch headings left in the English page
    let en = report.to_html(Lang::En);
    for dutch in [
        "Samenvatting",
        "Gebruikt beleid",
        "Invoerbestand",
        ">PERSOON<", // a kind label (the pseudonym example follows the output labels)
    ] {
        assert!(!en.contains(dutch), "{dutch} in the English page");
    }
}

#[test]
fn counts_hashes_and_files_appear() {
    let report = full_report(&Policy::default());
    let nl = report.to_html(Lang::Nl);
    let en = report.to_html(Lang::En);
    let both = [
        "export.jsonl",
        &sha256_hex(b"in"),
        &sha256_hex(b"out"),
        "2026-12-02T15:04:05Z",
        env!("CARGO_PKG_VERSION"),
    ];
    for want in both {
        assert!(nl.contains(want) && en.contains(want), "{want}");
    }
    let cases: &[(&str, &str)] = &[
        // scanned, written, input size: thousands separators per language
        ("<dd>1.234</dd>", "<dd>1,234</dd>"),
        ("<dd>1.200</dd>", "<dd>1,200</dd>"),
        ("1.234.567 bytes", "1,234,567 bytes"),
        // dropped: 34 in total and per reason
        (
            "<dt>Weggelaten</dt><dd>34</dd>",
            "<dt>Dropped</dt><dd>34</dd>",
        ),
        // persons 8 of 10 findings
        (
            "<td class=\"n\">8</td><td class=\"n\">80,0&#160;%</td>",
            "<td class=\"n\">8</td><td class=\"n\">80.0%</td>",
        ),
        // decisions: archive 5 of 6
        (
            "<td class=\"n\">5</td><td class=\"n\">83,3&#160;%</td>",
            "<td class=\"n\">5</td><td class=\"n\">83.3%</td>",
        ),
    ];
    for (want_nl, want_en) in cases {
        assert!(nl.contains(want_nl), "{want_nl} missing:\n{nl}");
        assert!(en.contains(want_en), "{want_en} missing:\n{en}");
    }
}

#[test]
fn empty_report_renders_every_section() {
    let cases: &[(Lang, &[&str])] = &[
        (
            Lang::Nl,
            &[
                "<dt>Gelezen</dt><dd>0</dd>",
                "Er zijn geen records weggelaten.",
                "Er zijn geen persoonsgegevens gevonden.",
                "Er zijn geen bewerkingen toegepast.",
                "Er is geen triage uitgevoerd.",
                "<em>niet opgegeven</em>",
            ],
        ),
        (
            Lang::En,
            &[
                "<dt>Read</dt><dd>0</dd>",
                "No records were dropped.",
                "No personal data was found.",
                "No operators were applied.",
                "No triage was done.",
                "<em>not given</em>",
            ],
        ),
    ];
    for (lang, wanted) in cases {
        let html = Report::default().to_html(*lang);
        assert_eq!(html.matches("<section").count(), 6);
        for want in *wanted {
            assert!(html.contains(want), "{want} missing in {lang:?}");
        }
    }
}

#[test]
fn retention_notes_from_the_policy_or_translated_defaults() {
    let policy = Policy::from_json(
        r#"{"version": 1, "retention": {"burgerbrief": "Zaaksysteem, categorie 2.3 <b>"}}"#,
    )
    .unwrap();
    let mut report = Report::new(&policy);
    report.add_decision("burgerbrief");
    report.add_decision("refer_channel");
    report.record_dropped("refer_channel");
    let en = report.to_html(Lang::En);
    let nl = report.to_html(Lang::Nl);
    // the organisation's note as written (escaped), in both pages
    for html in [&en, &nl] {
        assert!(html.contains("Zaaksysteem, categorie 2.3 &lt;b&gt;"));
    }
    // a default note in the page's language
    assert!(nl.contains("binnen 6 maanden"), "{nl}");
    assert!(en.contains("within 6 months"), "{en}");
    assert!(!en.contains("maanden"), "{en}");
}

#[test]
fn policy_summary_shows_settings_and_list_sizes_only() {
    let policy = Policy::from_json(
        r##"{"version": 1, "languages": ["nl"], "labels": "en",
            "operators": {"phone": {"type": "mask", "keepFirst": 1, "keepLast": 2, "char": "#"},
                          "date": {"type": "generalise", "to": "year"}},
            "fields": {"user_id": {"type": "drop"}},
            "allow": ["Defensie"], "deny": ["Operatie Zeemeeuw", "Zeemeeuw"],
            "ownAccounts": ["@DefensieNL"], "officialChannels": ["x:@DefensieNL"],
            "pseudonyms": {"style": "keyed"}}"##,
    )
    .unwrap();
    let report = Report::new(&policy);
    let nl = report.to_html(Lang::Nl);
    let en = report.to_html(Lang::En);
    for want in [
        "eerste 1 en laatste 2 tekens zichtbaar, teken <code>#</code>",
        "generaliseren (datum tot jaar)",
        "<code>user_id</code></th><td>veld weglaten</td>",
        "met sleutel (HMAC-SHA256, stabiel tussen verwerkingen) ([PERSON-3f9a2c1b])",
        "<dt>Taal van de labels</dt><dd>Engels</dd>",
        "<th scope=\"row\">Altijd bewerken</th><td class=\"n\">2</td>",
    ] {
        assert!(nl.contains(want), "{want} missing:\n{nl}");
    }
    for want in [
        "first 1 and last 2 characters visible",
        "generalise (dates to the year)",
        "keyed (HMAC-SHA256, stable across runs) ([PERSON-3f9a2c1b])",
        "<th scope=\"row\">Always minimised</th><td class=\"n\">2</td>",
    ] {
        assert!(en.contains(want), "{want} missing:\n{en}");
    }
    // every kind has its operator row
    for kind in Kind::ALL {
        let row = format!("<tr><th scope=\"row\">{}</th>", esc(kind.label(Lang::Nl)));
        assert!(nl.contains(&row), "{row}");
    }
    for html in [&nl, &en] {
        for term in ["Zeemeeuw", "Defensie"] {
            assert!(!html.contains(term), "{term} copied into the page");
        }
    }
}

#[test]
fn counts_and_shares_are_formatted_per_language() {
    let cases: &[(u64, &str, &str)] = &[
        (0, "0", "0"),
        (999, "999", "999"),
        (1000, "1.000", "1,000"),
        (1_234_567, "1.234.567", "1,234,567"),
        (
            u64::MAX,
            "18.446.744.073.709.551.615",
            "18,446,744,073,709,551,615",
        ),
    ];
    for (n, nl, en) in cases {
        assert_eq!(count(*n, Lang::Nl), *nl);
        assert_eq!(count(*n, Lang::En), *en);
    }
    let shares: &[(u64, u64, &str)] = &[
        (0, 0, "0.0%"), // no total: no division
        (1, 3, "33.3%"),
        (2, 3, "66.7%"),
        (3, 3, "100.0%"),
        (u64::MAX, u64::MAX, "100.0%"),
    ];
    for (part, total, en) in shares {
        assert_eq!(share(*part, *total, Lang::En), *en);
    }
    assert_eq!(share(1, 8, Lang::Nl), "12,5&#160;%");
}

#[test]
fn bars_scale_to_the_largest_count() {
    let cases: &[(u64, u64, &str)] = &[
        (0, 0, "width=\"0\""),
        (0, 5, "width=\"0\""),
        (5, 5, "<rect width=\"160\" height=\"12\" fill=\"#154273\""),
        (1, 1000, "<rect width=\"1\" height=\"12\" fill=\"#154273\""), // never invisible
        (1, 2, "<rect width=\"80\" height=\"12\" fill=\"#154273\""),
    ];
    for (n, max, want) in cases {
        let svg = bar(*n, *max);
        assert!(svg.contains(want), "{n}/{max}: {svg}");
        assert!(svg.contains("aria-hidden=\"true\""));
    }
}

proptest! {
    /// Texts of words, some of them findings of random kinds, with some finding values also
    /// on the policy's allow and deny lists: no value occurs in either page. Values carry
    /// digits inside letters, so they cannot be mistaken for the page's own words.
    #[test]
    fn page_never_contains_an_original_value(
        words in prop::collection::vec(
            ("[A-Z][a-zë]{2,6}[0-9]{2}[a-zé]{0,3}", any::<bool>(), 0..Kind::ALL.len(), 0..3u8),
            1..12,
        ),
    ) {
        let mut policy = Policy::default();
        let mut text = String::new();
        let mut findings = Vec::new();
        let mut values = Vec::new();
        for (word, is_finding, kind, list) in &words {
            if !text.is_empty() {
                text.push_str(" en ");
            }
            let start = text.len();
            text.push_str(word);
            if !is_finding {
                continue;
            }
            let kind = Kind::ALL[*kind];
            match list {
                0 => policy.allow.push(word.clone()),
                1 => policy.deny.push(DenyEntry::WithKind { term: word.clone(), kind }),
                _ => policy.deny.push(DenyEntry::Term(word.clone())),
            }
            findings.push(Finding::new(Span::new(start, text.len()), kind, 0.9, "test"));
            values.push(word.clone());
        }
        let mut report = Report::new(&policy);
        report.set_input("export.jsonl", text.len() as u64, &sha256_hex(text.as_bytes()));
        let out = Anonymiser::new(&policy).anonymise(&text, &findings);
        report.set_output_sha256(&sha256_hex(out.text.as_bytes()));
        report.record_scanned();
        report.add_findings(&findings);
        report.add_replacements(&out.replacements);
        report.add_decision("archive");
        report.record_written();
        for lang in [Lang::Nl, Lang::En] {
            let html = report.to_html(lang);
            for value in &values {
                prop_assert!(!html.contains(value.as_str()), "{value} in {html}");
                prop_assert!(!html.contains(&esc(value)), "{value} in {html}");
            }
        }
    }
}
