//! Default retention notes per triage decision (DESIGN.md section 6), in Dutch: what the
//! archive does with the reactions of each decision. An organisation sets its own with
//! `Report::set_retention_note` (its selectielijst categories and terms).

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
