//! Default retention notes per triage decision (DESIGN.md section 6), in Dutch (and in
//! English for the English HTML report): what the archive does with the reactions of each
//! decision. An organisation sets its own in the policy (`retention`) or with
//! `Report::set_retention_note` (its selectielijst categories and terms).

use crate::Lang;

/// (decision id, note). Non-archived raw data: destroy within 6 months; archived data:
/// per the organisation's selectielijst.
const NOTES: &[(&str, &str)] = &[
    (
        "archive",
        "Archiveren: bewaren en vernietigen volgens de selectielijst van de organisatie.",
    ),
    (
        "burgerbrief",
        "Archiveren in het burgerbriefproces: registreren als formeel bericht en bewaren \
         volgens de selectielijst voor dat proces.",
    ),
    (
        "refer_channel",
        "Niet archiveren: de vrager verwijzen naar het juiste kanaal; ruwe gegevens binnen \
         6 maanden vernietigen.",
    ),
    (
        "not_archived_sentiment",
        "Niet archiveren (alleen sentiment, geen vraag): ruwe gegevens binnen 6 maanden \
         vernietigen.",
    ),
    (
        "review",
        "Handmatig beoordelen: tot er een besluit is niet archiveren en ruwe gegevens niet \
         langer dan 6 maanden bewaren.",
    ),
];

/// The default Dutch retention note for a triage decision id, or `None` for ids that are
/// not decisions.
///
/// # Examples
///
/// ```
/// use weglakker::report::default_retention_note;
/// assert!(default_retention_note("not_archived_sentiment").unwrap().contains("6 maanden"));
/// assert!(default_retention_note("archive").unwrap().contains("selectielijst"));
/// assert_eq!(default_retention_note("broken_line"), None);
/// ```
pub fn default_retention_note(decision: &str) -> Option<&'static str> {
    NOTES
        .iter()
        .find(|(id, _)| *id == decision)
        .map(|(_, note)| *note)
}

/// The same notes in English, for the English HTML report.
const NOTES_EN: &[(&str, &str)] = &[
    (
        "archive",
        "Archive: keep and destroy according to the organisation's selectielijst (retention \
         schedule).",
    ),
    (
        "burgerbrief",
        "Archive in the formal-letter (burgerbrief) process: register as a formal message and \
         keep according to the selectielijst for that process.",
    ),
    (
        "refer_channel",
        "Do not archive: refer the asker to the right channel; destroy raw data within 6 \
         months.",
    ),
    (
        "not_archived_sentiment",
        "Do not archive (sentiment only, no question): destroy raw data within 6 months.",
    ),
    (
        "review",
        "Review by hand: do not archive until decided, and keep raw data no longer than 6 \
         months.",
    ),
];

/// The default retention note for a triage decision id in `lang`, or `None` for ids that
/// are not decisions.
///
/// # Examples
///
/// ```
/// use weglakker::report::default_retention_note_in;
/// use weglakker::Lang;
/// assert!(default_retention_note_in("review", Lang::En).unwrap().contains("6 months"));
/// assert_eq!(
///     default_retention_note_in("review", Lang::Nl),
///     weglakker::report::default_retention_note("review")
/// );
/// assert_eq!(default_retention_note_in("broken_line", Lang::En), None);
/// ```
pub fn default_retention_note_in(decision: &str, lang: Lang) -> Option<&'static str> {
    let notes = match lang {
        Lang::Nl => NOTES,
        Lang::En => NOTES_EN,
    };
    notes
        .iter()
        .find(|(id, _)| *id == decision)
        .map(|(_, note)| *note)
}
