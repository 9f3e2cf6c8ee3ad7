//! The report as one readable HTML page, for people: the archive's records officer, a
//! privacy officer, an auditor. Printable to PDF from any browser.
//!
//! The page is self-contained and inert: no scripts, no external resources (fonts, images,
//! style sheets), and a Content-Security-Policy that allows only its inline styles and
//! `data:` images, so opening it can never reach the network. Charts are inline SVG bars
//! hidden from assistive technology; the numbers they show are in the same table row as
//! text. Every value that comes from outside the program (file names, field names, times,
//! notes) is HTML-escaped. Like the JSON, the page holds no original value: only kind ids,
//! operator names, decision ids, counts, hashes and list sizes.

use super::Report;
use crate::triage::Decision;
use crate::{Granularity, Kind, Lang, Operator, PseudonymStyle};
use std::collections::BTreeMap;

/// The Content-Security-Policy of the page: nothing but inline styles and `data:` images.
pub(crate) const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// Every fixed text on the page, in one language.
struct Text {
    title: &'static str,
    intro: &'static str,
    h_summary: &'static str,
    h_records: &'static str,
    h_found: &'static str,
    h_applied: &'static str,
    h_decisions: &'static str,
    h_policy: &'static str,
    input_file: &'static str,
    input_size: &'static str,
    input_sha: &'static str,
    output_sha: &'static str,
    processed_at: &'static str,
    engine_version: &'static str,
    not_given: &'static str,
    bytes: &'static str,
    scanned: &'static str,
    written: &'static str,
    dropped: &'static str,
    dropped_caption: &'static str,
    reason: &'static str,
    count: &'static str,
    share: &'static str,
    chart: &'static str,
    no_dropped: &'static str,
    kind: &'static str,
    found_caption: &'static str,
    found_total: &'static str,
    no_found: &'static str,
    operator: &'static str,
    applied_caption: &'static str,
    no_applied: &'static str,
    decision: &'static str,
    decisions_caption: &'static str,
    retention: &'static str,
    no_decisions: &'static str,
    policy_version: &'static str,
    languages: &'static str,
    both_languages: &'static str,
    label_language: &'static str,
    pseudonyms: &'static str,
    numbered: &'static str,
    keyed: &'static str,
    operators_caption: &'static str,
    fields_caption: &'static str,
    field: &'static str,
    lists_caption: &'static str,
    list: &'static str,
    entries: &'static str,
    allow: &'static str,
    deny: &'static str,
    own_accounts: &'static str,
    official_channels: &'static str,
    lists_note: &'static str,
    chart_note: &'static str,
    footer: &'static str,
    dutch: &'static str,
    english: &'static str,
}

const NL: Text = Text {
    title: "Verantwoordingsrapport",
    intro: "Dit rapport legt vast wat één verwerking door weglakker heeft gedaan. Het bevat \
            alleen aantallen, namen van bewerkingen, hashes en instellingen: nooit een \
            oorspronkelijk persoonsgegeven.",
    h_summary: "Samenvatting",
    h_records: "Records",
    h_found: "Gevonden gegevens per soort",
    h_applied: "Toegepaste bewerkingen",
    h_decisions: "Triagebesluiten en bewaartermijnen",
    h_policy: "Gebruikt beleid",
    input_file: "Invoerbestand",
    input_size: "Grootte invoer",
    input_sha: "SHA-256 invoer",
    output_sha: "SHA-256 uitvoer",
    processed_at: "Verwerkt op",
    engine_version: "Versie weglakker",
    not_given: "niet opgegeven",
    bytes: "bytes",
    scanned: "Gelezen",
    written: "Geschreven",
    dropped: "Weggelaten",
    dropped_caption: "Weggelaten records per reden",
    reason: "Reden",
    count: "Aantal",
    share: "Aandeel",
    chart: "Grafiek",
    no_dropped: "Er zijn geen records weggelaten.",
    kind: "Soort",
    found_caption: "Vondsten per soort persoonsgegeven",
    found_total: "Totaal",
    no_found: "Er zijn geen persoonsgegevens gevonden.",
    operator: "Bewerking",
    applied_caption: "Bewerkingen per soort persoonsgegeven",
    no_applied: "Er zijn geen bewerkingen toegepast.",
    decision: "Besluit",
    decisions_caption: "Reacties per triagebesluit, met de bewaarnotitie",
    retention: "Bewaren",
    no_decisions: "Er is geen triage uitgevoerd.",
    policy_version: "Versie beleidsbestand",
    languages: "Talen van de tekst",
    both_languages: "Nederlands en Engels",
    label_language: "Taal van de labels",
    pseudonyms: "Pseudoniemen",
    numbered: "genummerd",
    keyed: "met sleutel (HMAC-SHA256, stabiel tussen verwerkingen)",
    operators_caption: "Bewerking per soort persoonsgegeven",
    fields_caption: "Bewerking per veld",
    field: "Veld",
    lists_caption: "Lijsten in het beleid",
    list: "Lijst",
    entries: "Aantal items",
    allow: "Toegestaan (niet bewerken)",
    deny: "Altijd bewerken",
    own_accounts: "Eigen accounts",
    official_channels: "Officiële kanalen",
    lists_note: "Alleen de aantallen: de lijsten zelf staan niet in dit rapport, omdat ze \
                 namen kunnen bevatten.",
    chart_note: "De balken tonen dezelfde aantallen als de kolom Aantal.",
    footer: "Gemaakt met weglakker",
    dutch: "Nederlands",
    english: "Engels",
};

const EN: Text = Text {
    title: "Accountability report",
    intro: "This report records what one run of weglakker did. It holds only counts, names \
            of operators, hashes and settings: never an original personal value.",
    h_summary: "Summary",
    h_records: "Records",
    h_found: "Findings per kind",
    h_applied: "Operators applied",
    h_decisions: "Triage decisions and retention",
    h_policy: "Policy used",
    input_file: "Input file",
    input_size: "Input size",
    input_sha: "Input SHA-256",
    output_sha: "Output SHA-256",
    processed_at: "Processed at",
    engine_version: "weglakker version",
    not_given: "not given",
    bytes: "bytes",
    scanned: "Read",
    written: "Written",
    dropped: "Dropped",
    dropped_caption: "Records dropped per reason",
    reason: "Reason",
    count: "Count",
    share: "Share",
    chart: "Chart",
    no_dropped: "No records were dropped.",
    kind: "Kind",
    found_caption: "Findings per kind of personal data",
    found_total: "Total",
    no_found: "No personal data was found.",
    operator: "Operator",
    applied_caption: "Operators per kind of personal data",
    no_applied: "No operators were applied.",
    decision: "Decision",
    decisions_caption: "Reactions per triage decision, with the retention note",
    retention: "Retention",
    no_decisions: "No triage was done.",
    policy_version: "Policy file version",
    languages: "Languages of the text",
    both_languages: "Dutch and English",
    label_language: "Language of labels",
    pseudonyms: "Pseudonyms",
    numbered: "numbered",
    keyed: "keyed (HMAC-SHA256, stable across runs)",
    operators_caption: "Operator per kind of personal data",
    fields_caption: "Operator per field",
    field: "Field",
    lists_caption: "Lists in the policy",
    list: "List",
    entries: "Entries",
    allow: "Allowed (kept as is)",
    deny: "Always minimised",
    own_accounts: "Own accounts",
    official_channels: "Official channels",
    lists_note: "Sizes only: the lists themselves are not in this report, as they may hold \
                 names.",
    chart_note: "The bars show the same counts as the Count column.",
    footer: "Made with weglakker",
    dutch: "Dutch",
    english: "English",
};

fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// Styles: calm (dark blue rules on white), readable on screen, and printable without
/// background graphics (every line is a border, every bar an SVG fill).
const STYLE: &str = "\
:root{color-scheme:light}\
body{margin:0;background:#fff;color:#1a1a1a;font:16px/1.5 Verdana,\"Segoe UI\",Arial,sans-serif}\
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1.5rem}\
header{border-top:.5rem solid #154273;padding-top:1rem}\
.brand{margin:0;font-weight:bold;color:#154273;letter-spacing:.05em}\
h1{margin:.25rem 0 .5rem;font-size:1.75rem;color:#154273}\
h2{margin:2rem 0 .5rem;padding-bottom:.2rem;font-size:1.25rem;color:#154273;border-bottom:2px solid #154273}\
.intro,.note{color:#333}\
.note{font-size:.9em}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.5rem;margin:.5rem 0}\
dt{font-weight:bold}\
dd{margin:0;overflow-wrap:anywhere}\
table{width:100%;border-collapse:collapse;margin:.5rem 0 1rem}\
caption{text-align:left;font-weight:bold;padding:.25rem 0}\
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #bbb}\
thead th{border-bottom:2px solid #333}\
tfoot td,tfoot th{border-top:2px solid #333;font-weight:bold}\
.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\
code{font-family:Consolas,\"Courier New\",monospace;font-size:.9em}\
.hash{overflow-wrap:anywhere;word-break:break-all}\
.id{color:#555}\
svg.bar{display:block;margin-top:.35rem}\
footer{margin-top:2.5rem;padding-top:.5rem;padding-bottom:2rem;border-top:1px solid #bbb;color:#333;font-size:.9em}\
@page{size:A4;margin:18mm 16mm}\
@media print{\
body{font-size:10.5pt}\
header,main,footer{max-width:none;padding:0}\
h2{break-after:avoid;page-break-after:avoid}\
caption,thead{break-after:avoid}\
thead{display:table-header-group}\
tr,dl,.note{break-inside:avoid;page-break-inside:avoid}\
}";

/// Escapes `s` for HTML text and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A count with the language's thousands separator: `12.345` or `12,345`.
fn count(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// `part` of `total` as a percentage with one decimal: `12,5 %` or `12.5%`.
fn share(part: u64, total: u64, lang: Lang) -> String {
    let tenths = if total == 0 {
        0
    } else {
        (part as u128 * 1000 + total as u128 / 2) / total as u128
    };
    let (whole, tenth) = (tenths / 10, tenths % 10);
    match lang {
        Lang::Nl => format!("{whole},{tenth}&#160;%"),
        Lang::En => format!("{whole}.{tenth}%"),
    }
}

/// A horizontal bar for `n` out of `max`, hidden from assistive technology: the number is
/// in the table next to it.
fn bar(n: u64, max: u64) -> String {
    const WIDTH: u64 = 160;
    let width = if max == 0 || n == 0 {
        0
    } else {
        ((n as u128 * WIDTH as u128) / max as u128).max(1) as u64
    };
    format!(
        "<svg class=\"bar\" width=\"{WIDTH}\" height=\"12\" viewBox=\"0 0 {WIDTH} 12\" \
         aria-hidden=\"true\" focusable=\"false\"><rect width=\"{WIDTH}\" height=\"12\" \
         fill=\"none\" stroke=\"#bbb\"/><rect width=\"{width}\" height=\"12\" \
         fill=\"#154273\"/></svg>"
    )
}

/// The label of a kind id (`PERSOON`), or the id itself for an id this version does not
/// know.
fn kind_label(id: &str, lang: Lang) -> String {
    match id.parse::<Kind>() {
        Ok(kind) => esc(kind.label(lang)),
        Err(_) => esc(id),
    }
}

/// Sorts kind ids in the order of DESIGN.md section 2; unknown ids last.
fn kind_rank(id: &str) -> usize {
    Kind::ALL
        .iter()
        .position(|k| k.id() == id)
        .unwrap_or(Kind::ALL.len())
}

/// Sorts decision (and drop reason) ids in tree order; other ids last.
fn decision_rank(id: &str) -> usize {
    Decision::ALL
        .iter()
        .position(|d| d.id() == id)
        .unwrap_or(Decision::ALL.len())
}

/// A readable name for a triage decision or drop reason id; other ids as they are.
fn decision_label(id: &str, lang: Lang) -> String {
    let label = match (id.parse::<Decision>(), lang) {
        (Ok(Decision::Archive), Lang::Nl) => "Archiveren",
        (Ok(Decision::Archive), Lang::En) => "Archive",
        (Ok(Decision::NotArchivedSentiment), Lang::Nl) => "Niet archiveren (alleen sentiment)",
        (Ok(Decision::NotArchivedSentiment), Lang::En) => "Not archived (sentiment only)",
        (Ok(Decision::ReferChannel), Lang::Nl) => "Verwijzen naar het juiste kanaal",
        (Ok(Decision::ReferChannel), Lang::En) => "Refer to the right channel",
        (Ok(Decision::Burgerbrief), Lang::Nl) => "Burgerbrief",
        (Ok(Decision::Burgerbrief), Lang::En) => "Formal letter (burgerbrief)",
        (Ok(Decision::Review), Lang::Nl) => "Handmatig beoordelen",
        (Ok(Decision::Review), Lang::En) => "Review by hand",
        (Err(_), _) => return format!("<code>{}</code>", esc(id)),
    };
    format!("{label} <code class=\"id\">{}</code>", esc(id))
}

/// A readable name for an operator name as the anonymiser reports it (`mask`).
fn operator_label(name: &str, lang: Lang) -> String {
    let label = match (name, lang) {
        ("keep", Lang::Nl) => "behouden",
        ("keep", Lang::En) => "keep",
        ("redact", Lang::Nl) => "verwijderen",
        ("redact", Lang::En) => "redact",
        ("tag", Lang::Nl) => "label",
        ("tag", Lang::En) => "tag",
        ("pseudonym", Lang::Nl) => "pseudoniem",
        ("pseudonym", Lang::En) => "pseudonym",
        ("mask", Lang::Nl) => "maskeren",
        ("mask", Lang::En) => "mask",
        ("generalise", Lang::Nl) => "generaliseren",
        ("generalise", Lang::En) => "generalise",
        ("drop", Lang::Nl) => "veld weglaten",
        ("drop", Lang::En) => "drop field",
        _ => return esc(name),
    };
    label.to_string()
}

/// An operator with its settings, for the policy summary.
fn operator_description(op: &Operator, lang: Lang) -> String {
    match op {
        Operator::Keep => operator_label("keep", lang),
        Operator::Redact => operator_label("redact", lang),
        Operator::Tag => operator_label("tag", lang),
        Operator::Pseudonym => operator_label("pseudonym", lang),
        Operator::Drop => operator_label("drop", lang),
        Operator::Mask {
            keep_first,
            keep_last,
            char,
        } => {
            let c = esc(&char.to_string());
            match lang {
                Lang::Nl => format!(
                    "maskeren (eerste {keep_first} en laatste {keep_last} tekens zichtbaar, \
                     teken <code>{c}</code>)"
                ),
                Lang::En => format!(
                    "mask (first {keep_first} and last {keep_last} characters visible, \
                     character <code>{c}</code>)"
                ),
            }
        }
        Operator::Generalise { to } => match (to, lang) {
            (Granularity::Month, Lang::Nl) => "generaliseren (datum tot maand)".into(),
            (Granularity::Year, Lang::Nl) => "generaliseren (datum tot jaar)".into(),
            (Granularity::Month, Lang::En) => "generalise (dates to the month)".into(),
            (Granularity::Year, Lang::En) => "generalise (dates to the year)".into(),
        },
    }
}

/// The retention note in `lang`: a default note is shown in the page's language; a note the
/// organisation set is shown as written.
fn retention_note(id: &str, note: &str, lang: Lang) -> String {
    if super::default_retention_note(id) == Some(note) {
        if let Some(translated) = super::default_retention_note_in(id, lang) {
            return esc(translated);
        }
    }
    esc(note)
}

/// The whole page.
pub(super) fn render(report: &Report, lang: Lang) -> String {
    let t = text(lang);
    let mut page = String::with_capacity(16 * 1024);
    page.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title} weglakker</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<p class=\"brand\">weglakker</p>\n<h1>{title}</h1>\n\
         <p class=\"intro\">{intro}</p>\n</header>\n<main>\n",
        lang = lang.code(),
        title = t.title,
        intro = t.intro,
    ));
    summary(&mut page, report, t, lang);
    records(&mut page, report, t, lang);
    found(&mut page, report, t, lang);
    applied(&mut page, report, t, lang);
    decisions(&mut page, report, t, lang);
    policy(&mut page, report, t, lang);
    page.push_str(&format!(
        "</main>\n<footer>\n<p>{} {}.</p>\n</footer>\n</body>\n</html>\n",
        t.footer,
        esc(report.version)
    ));
    page
}

/// Opens a section with its heading.
fn section(page: &mut String, id: &str, heading: &str) {
    page.push_str(&format!(
        "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{heading}</h2>\n"
    ));
}

/// One `<dt>`/`<dd>` pair; `value` is HTML already.
fn term(page: &mut String, name: &str, value: &str) {
    page.push_str(&format!("<dt>{name}</dt><dd>{value}</dd>\n"));
}

fn summary(page: &mut String, report: &Report, t: &Text, lang: Lang) {
    section(page, "summary", t.h_summary);
    let not_given = format!("<em>{}</em>", t.not_given);
    page.push_str("<dl>\n");
    match &report.input {
        Some(input) => {
            term(page, t.input_file, &esc(&input.name));
            term(
                page,
                t.input_size,
                &format!("{} {}", count(input.size, lang), t.bytes),
            );
            term(
                page,
                t.input_sha,
                &format!("<code class=\"hash\">{}</code>", esc(&input.sha256)),
            );
        }
        None => term(page, t.input_file, &not_given),
    }
    let output = match &report.output {
        Some(output) => format!("<code class=\"hash\">{}</code>", esc(&output.sha256)),
        None => not_given.clone(),
    };
    term(page, t.output_sha, &output);
    let when = match &report.processed_at {
        Some(when) => format!("<time>{}</time>", esc(when)),
        None => not_given,
    };
    term(page, t.processed_at, &when);
    term(page, t.engine_version, &esc(report.version));
    page.push_str("</dl>\n</section>\n");
}

fn records(page: &mut String, report: &Report, t: &Text, lang: Lang) {
    let r = &report.records;
    let dropped: u64 = r.dropped.values().sum();
    section(page, "records", t.h_records);
    page.push_str("<dl>\n");
    term(page, t.scanned, &count(r.scanned, lang));
    term(page, t.written, &count(r.written, lang));
    term(page, t.dropped, &count(dropped, lang));
    page.push_str("</dl>\n");
    if r.dropped.is_empty() {
        page.push_str(&format!("<p>{}</p>\n", t.no_dropped));
    } else {
        let mut reasons: Vec<(&String, &u64)> = r.dropped.iter().collect();
        reasons.sort_by_key(|(id, _)| (decision_rank(id), id.as_str()));
        page.push_str(&format!(
            "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
             <th scope=\"col\" class=\"n\">{}</th></tr></thead>\n<tbody>\n",
            t.dropped_caption, t.reason, t.count
        ));
        for (id, n) in reasons {
            page.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>\n",
                decision_label(id, lang),
                count(*n, lang)
            ));
        }
        page.push_str("</tbody>\n</table>\n");
    }
    page.push_str("</section>\n");
}

fn found(page: &mut String, report: &Report, t: &Text, lang: Lang) {
    section(page, "found", t.h_found);
    let mut kinds: Vec<(&str, u64)> = report
        .found
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(id, n)| (*id, *n))
        .collect();
    if kinds.is_empty() {
        page.push_str(&format!("<p>{}</p>\n</section>\n", t.no_found));
        return;
    }
    kinds.sort_by_key(|(id, _)| (kind_rank(id), *id));
    let total: u64 = kinds.iter().map(|(_, n)| n).sum();
    let max = kinds.iter().map(|(_, n)| *n).max().unwrap_or(0);
    page.push_str(&format!(
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th>\
         <th scope=\"col\"><span aria-hidden=\"true\">{}</span></th></tr></thead>\n<tbody>\n",
        t.found_caption, t.kind, t.count, t.share, t.chart
    ));
    for (id, n) in kinds {
        page.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td>{}</td></tr>\n",
            kind_label(id, lang),
            count(n, lang),
            share(n, total, lang),
            bar(n, max)
        ));
    }
    page.push_str(&format!(
        "</tbody>\n<tfoot><tr><th scope=\"row\">{}</th><td class=\"n\">{}</td>\
         <td class=\"n\">{}</td><td></td></tr></tfoot>\n</table>\n\
         <p class=\"note\">{}</p>\n</section>\n",
        t.found_total,
        count(total, lang),
        share(total, total, lang),
        t.chart_note
    ));
}

fn applied(page: &mut String, report: &Report, t: &Text, lang: Lang) {
    section(page, "applied", t.h_applied);
    let mut rows: Vec<(&str, &str, u64)> = report
        .applied
        .iter()
        .flat_map(|(kind, ops)| ops.iter().map(move |(op, n)| (*kind, *op, *n)))
        .filter(|(_, _, n)| *n > 0)
        .collect();
    if rows.is_empty() {
        page.push_str(&format!("<p>{}</p>\n</section>\n", t.no_applied));
        return;
    }
    rows.sort_by_key(|(kind, op, _)| (kind_rank(kind), *kind, *op));
    page.push_str(&format!(
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th></tr></thead>\n<tbody>\n",
        t.applied_caption, t.kind, t.operator, t.count
    ));
    for (kind, op, n) in rows {
        page.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"n\">{}</td></tr>\n",
            kind_label(kind, lang),
            operator_label(op, lang),
            count(n, lang)
        ));
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

fn decisions(page: &mut String, report: &Report, t: &Text, lang: Lang) {
    section(page, "decisions", t.h_decisions);
    // Every decision that occurred, and every id with a retention note (a drop reason).
    let mut ids: Vec<&str> = report
        .decisions
        .keys()
        .chain(report.retention.keys())
        .map(String::as_str)
        .collect();
    ids.sort_by_key(|id| (decision_rank(id), *id));
    ids.dedup();
    if ids.is_empty() {
        page.push_str(&format!("<p>{}</p>\n</section>\n", t.no_decisions));
        return;
    }
    let counts: BTreeMap<&str, u64> = ids
        .iter()
        .map(|id| (*id, report.decisions.get(*id).copied().unwrap_or(0)))
        .collect();
    let total: u64 = counts.values().sum();
    let max = counts.values().copied().max().unwrap_or(0);
    page.push_str(&format!(
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        t.decisions_caption, t.decision, t.count, t.share, t.retention
    ));
    for id in ids {
        let n = counts[id];
        let note = report
            .retention
            .get(id)
            .map(|note| retention_note(id, note, lang))
            .unwrap_or_default();
        page.push_str(&format!(
            "<tr><th scope=\"row\">{}{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td>{}</td></tr>\n",
            decision_label(id, lang),
            bar(n, max),
            count(n, lang),
            share(n, total, lang),
            note
        ));
    }
    page.push_str(&format!(
        "</tbody>\n</table>\n<p class=\"note\">{}</p>\n</section>\n",
        t.chart_note
    ));
}

fn policy(page: &mut String, report: &Report, t: &Text, lang: Lang) {
    let p = &report.policy;
    let lang_name = |l: Lang| match l {
        Lang::Nl => t.dutch,
        Lang::En => t.english,
    };
    section(page, "policy", t.h_policy);
    page.push_str("<dl>\n");
    term(page, t.policy_version, &p.version.to_string());
    let languages = if p.languages.is_empty() {
        t.both_languages.to_string()
    } else {
        p.languages
            .iter()
            .map(|l| lang_name(*l))
            .collect::<Vec<_>>()
            .join(", ")
    };
    term(page, t.languages, &languages);
    term(page, t.label_language, lang_name(p.labels));
    // An example in the output's own label language: what a reader of the output sees.
    let label = Kind::Person.label(p.labels);
    let style = match p.pseudonyms {
        PseudonymStyle::Numbered => format!("{} ([{label}-1], [{label}-2], ...)", t.numbered),
        PseudonymStyle::Keyed => format!("{} ([{label}-3f9a2c1b])", t.keyed),
    };
    term(page, t.pseudonyms, &style);
    page.push_str("</dl>\n");

    let mut operators: Vec<(&str, String)> = p
        .operators
        .iter()
        .map(|(kind, op)| (*kind, operator_description(op, lang)))
        .collect();
    operators.sort_by_key(|(kind, _)| (kind_rank(kind), *kind));
    page.push_str(&format!(
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        t.operators_caption, t.kind, t.operator
    ));
    for (kind, op) in operators {
        page.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
            kind_label(kind, lang),
            op
        ));
    }
    page.push_str("</tbody>\n</table>\n");

    if !p.fields.is_empty() {
        page.push_str(&format!(
            "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            t.fields_caption, t.field, t.operator
        ));
        for (field, op) in &p.fields {
            page.push_str(&format!(
                "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td></tr>\n",
                esc(field),
                operator_description(op, lang)
            ));
        }
        page.push_str("</tbody>\n</table>\n");
    }

    let l = &p.lists;
    page.push_str(&format!(
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"n\">{}</th></tr></thead>\n<tbody>\n",
        t.lists_caption, t.list, t.entries
    ));
    for (name, n) in [
        (t.allow, l.allow),
        (t.deny, l.deny),
        (t.own_accounts, l.own_accounts),
        (t.official_channels, l.official_channels),
    ] {
        page.push_str(&format!(
            "<tr><th scope=\"row\">{name}</th><td class=\"n\">{}</td></tr>\n",
            count(n as u64, lang)
        ));
    }
    page.push_str(&format!(
        "</tbody>\n</table>\n<p class=\"note\">{}</p>\n</section>\n",
        t.lists_note
    ));
}

#[cfg(test)]
mod tests;
