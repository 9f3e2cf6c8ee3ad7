//! Table-driven tests for the special-category pass: every cue and every trap, Dutch and
//! English. Each case lists the terms expected, with the rule that found them.

use super::*;
use crate::engine::LangSet;
use crate::KindSet;

/// The pass's findings in `text` as (term, rule) pairs, in text order.
fn found(text: &str) -> Vec<(String, &'static str)> {
    let ctx = ScanCtx::new(text, KindSet::all(), LangSet { nl: true, en: true });
    let mut hits = Vec::new();
    detect(&ctx, &mut hits);
    hits.iter()
        .map(|h| (text[h.finding.span.range()].to_string(), h.finding.rule))
        .collect()
}

/// Runs every case and reports all that fail at once.
fn check(cases: &[(&str, &[(&str, &str)])]) {
    let mut failed = Vec::new();
    for (text, want) in cases {
        let got = found(text);
        let want: Vec<(String, &str)> = want.iter().map(|(t, r)| (t.to_string(), *r)).collect();
        if got != want {
            failed.push(format!("{text:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

#[test]
fn the_writer_is_tied_by_ik_mijn_als_and_i_my_as() {
    check(&[
        // nl: ik ben / ik heb, also with adverbs between and the subject left out
        (
            "Ik heb al jaren diabetes.",
            &[("diabetes", "special.health.self")],
        ),
        (
            "Ik ben sinds vorig jaar arbeidsongeschikt",
            &[("arbeidsongeschikt", "special.health.self")],
        ),
        (
            "Ben zelf homo en dien al 14 jaar.",
            &[("homo", "special.sexual_orientation.self")],
        ),
        (
            "Heb al jaren PTSS, niemand helpt.",
            &[("PTSS", "special.health.self")],
        ),
        (
            "Ik ben veteraan en heb PTSS",
            &[("PTSS", "special.health.self")],
        ),
        (
            "ik ben zelf surinaams",
            &[("surinaams", "special.ethnicity.self")],
        ),
        (
            "Ik heb een strafblad van jaren terug",
            &[("strafblad", "special.criminal.self")],
        ),
        (
            "Ik ben in 2019 veroordeeld voor fraude",
            &[("veroordeeld", "special.criminal.self")],
        ),
        // nl: mijn + a condition, als + an identity
        (
            "Mijn diabetes maakt het lastig.",
            &[("diabetes", "special.health.self")],
        ),
        (
            "Als moslima en reservist vind ik dit jammer",
            &[("moslima", "special.religion.self")],
        ),
        (
            "Als Antilliaanse moeder van drie weet ik dat",
            &[("Antilliaanse", "special.ethnicity.self")],
        ),
        // nl: compounds and inflections
        (
            "Ik ben diabetespatiënt.",
            &[("diabetespatiënt", "special.health.self")],
        ),
        (
            "Ik ben FNV-lid sinds 2001",
            &[("FNV-lid", "special.trade_union.self")],
        ),
        (
            "Ik ben al jaren VVD'er",
            &[("VVD'er", "special.politics.self")],
        ),
        (
            "Ik heb borstkanker gehad.",
            &[("borstkanker", "special.health.self")],
        ),
        (
            "Ik ben Marokkaans-Nederlandse",
            &[("Marokkaans-Nederlandse", "special.ethnicity.self")],
        ),
        // nl: verb last in a subordinate clause
        (
            "Ik mag niet, omdat ik diabetes heb.",
            &[("diabetes", "special.health.self")],
        ),
        // nl: a party or union with a vote or membership
        ("Ik stem al jaren CDA", &[("CDA", "special.politics.self")]),
        (
            "Ik heb op de VVD gestemd",
            &[("VVD", "special.politics.self")],
        ),
        (
            "Ik ben lid van de FNV",
            &[("FNV", "special.trade_union.self")],
        ),
        (
            "Vakbondslid hier (lid van de ACOM sinds 2010)",
            &[("ACOM", "special.trade_union.member")],
        ),
        // nl: more predicates: a diagnosis, coming out, voting together, a verb at the end
        (
            "Ik kreeg vorig jaar de diagnose autisme.",
            &[("autisme", "special.health.self")],
        ),
        (
            "Ik kwam pas op mijn 30e uit de kast.",
            &[("uit de kast", "special.sexual_orientation.self")],
        ),
        (
            "Wij stemmen allemaal BBB.",
            &[("BBB", "special.politics.self")],
        ),
        (
            "Ik ga deze keer op Volt stemmen.",
            &[("Volt", "special.politics.self")],
        ),
        (
            "Als FNV-lid zeg ik: staken!",
            &[("FNV-lid", "special.trade_union.self")],
        ),
        (
            "Ik ben kaderlid van de FNV.",
            &[("FNV", "special.trade_union.self")],
        ),
        (
            "Ik ben al 20 jaar lid van de vakbond.",
            &[("vakbond", "special.trade_union.self")],
        ),
        // nl: a religious practice
        (
            "Ik ga elke vrijdag naar de moskee.",
            &[("moskee", "special.religion.self")],
        ),
        (
            "Mijn moeder gaat elke zondag naar de kerk",
            &[("kerk", "special.religion.kin")],
        ),
        (
            "Ik vast tijdens de ramadan.",
            &[("ramadan", "special.religion.self")],
        ),
        // en
        (
            "I have cancer and no help.",
            &[("cancer", "special.health.self")],
        ),
        (
            "I'm a Muslim reservist",
            &[("Muslim", "special.religion.self")],
        ),
        (
            "As a gay veteran I appreciate this",
            &[("gay", "special.sexual_orientation.self")],
        ),
        (
            "I was diagnosed with autism last year",
            &[("autism", "special.health.self")],
        ),
        (
            "I vote D66 and even I think so",
            &[("D66", "special.politics.self")],
        ),
        (
            "I'm a member of Unite",
            &[("Unite", "special.trade_union.self")],
        ),
        (
            "I've been convicted once",
            &[("convicted", "special.criminal.self")],
        ),
        (
            "My depression got worse",
            &[("depression", "special.health.self")],
        ),
    ]);
}

#[test]
fn kin_named_and_addressed_people_are_tied() {
    check(&[
        // nl: kin
        (
            "Mijn zoon heeft autisme",
            &[("autisme", "special.health.kin")],
        ),
        ("Mijn moeder is joods", &[("joods", "special.religion.kin")]),
        (
            "Mijn dochter met ADHD wacht al maanden",
            &[("ADHD", "special.health.kin")],
        ),
        (
            "Mijn Marokkaanse schoonvader diende ook",
            &[("Marokkaanse", "special.ethnicity.kin")],
        ),
        (
            "Ik weet dat mijn vader MS heeft",
            &[("MS", "special.health.kin")],
        ),
        // nl: named persons and pronouns
        (
            "Jan de Vries is in 2020 veroordeeld voor fraude",
            &[("veroordeeld", "special.criminal.named")],
        ),
        (
            "Hij is geboren in 1998 en heeft astma.",
            &[("astma", "special.health.named")],
        ),
        (
            "Hij is geboren op 07.03.1998 en heeft astma.",
            &[("astma", "special.health.named")],
        ),
        (
            "Ze heeft dementie en kan niet meer alleen",
            &[("dementie", "special.health.named")],
        ),
        (
            "@piet_k is lid van de SP",
            &[("SP", "special.politics.named")],
        ),
        (
            "Gisteren is Ahmet opgepakt",
            &[("opgepakt", "special.criminal.named")],
        ),
        // nl: addressed
        (
            "Jij bent toch ook katholiek?",
            &[("katholiek", "special.religion.addressed")],
        ),
        (
            "Heeft u diabetes?",
            &[("diabetes", "special.health.addressed")],
        ),
        // en
        (
            "My husband Andre Wyatt has Parkinson's",
            &[("Parkinson's", "special.health.kin")],
        ),
        (
            "my husband jan-willem visser has cancer",
            &[("cancer", "special.health.kin")],
        ),
        (
            "She is a lesbian and proud",
            &[("lesbian", "special.sexual_orientation.named")],
        ),
        ("Tom is gay", &[("gay", "special.sexual_orientation.named")]),
        (
            "She's pregnant with our first child.",
            &[("pregnant", "special.health.named")],
        ),
        (
            "We are Muslims and we serve too.",
            &[("Muslims", "special.religion.self")],
        ),
        (
            "Are you Jewish?",
            &[("Jewish", "special.religion.addressed")],
        ),
    ]);
}

#[test]
fn topics_curses_places_and_bare_party_names_are_not_findings() {
    check(&[
        // nl: a topic discussed in general
        ("Het debat over religie slaat nergens op", &[]),
        ("PTSS bij veteranen wordt niet serieus genomen", &[]),
        ("Ik heb een vraag over diabetes", &[]),
        ("Ik heb niets tegen homo's", &[]),
        ("Mensen met autisme verdienen beter", &[]),
        ("Als je diabetes hebt, moet je opletten", &[]),
        ("Het homohuwelijk bestaat al sinds 2001", &[]),
        ("Rusland moet keihard veroordeeld worden", &[]),
        ("Lekker hoor, Turkse pizza gehaald", &[]),
        ("De vakbonden zitten weer aan tafel", &[]),
        // nl: a denial, and an origin that describes a shop, not a person
        ("Ik heb geen strafblad.", &[]),
        ("Ik ben niet veroordeeld.", &[]),
        ("Ik ben naar de Turkse bakker geweest.", &[]),
        ("Hoeveel moslims dienen er in het leger?", &[]),
        ("Kan iemand met diabetes piloot worden?", &[]),
        ("De VVD-leider zei gisteren iets doms.", &[]),
        // nl: kanker as a curse
        ("Krijg de kanker", &[]),
        ("kanker op met je regels", &[]),
        ("Wat een kankerlijer", &[]),
        ("ik heb kanker veel zin in vakantie", &[]),
        ("Ik ben kankermoe", &[]),
        // nl: places, streets, hashtags, handles, compounds of another word
        ("Ik woon in Kerkrade", &[]),
        ("Wij wonen op de Kerkstraat 25", &[]),
        ("Ik ga naar de Kerkstraat.", &[]),
        ("De ramadan begint volgende week.", &[]),
        ("Ga naar de kerk!", &[]),
        ("Ik ben er klaar mee #PTSS #Defensie", &[]),
        ("Ik heb @gay_nl gevolgd", &[]),
        ("Ik heb de PTSS-zorg gebeld", &[]),
        // nl: a party name without a personal stance
        (
            "De PVV wil minder geld naar Oekraïne, de VVD juist meer.",
            &[],
        ),
        ("Ik denk dat de SP gelijk heeft", &[]),
        ("Ik stem denk ik niet", &[]),
        // nl: capitals that are shouting, not the disease ALS
        ("IK HEB ALS KIND AL GEDIEND", &[]),
        ("Ik heb als kind gediend", &[]),
        // en: topics, names that are terms, bare parties
        ("A debate about religion in the army?", &[]),
        ("Hi, I'm Christian and I have a question", &[]),
        ("People with cancer deserve better", &[]),
        ("Muslims in the army should get prayer rooms.", &[]),
        ("If you have diabetes, ask your doctor", &[]),
        ("Labour wants more spending", &[]),
        ("I'm not religious but this is wrong", &[]),
        ("The gay pride parade was great", &[]),
        ("I'm a patient person", &[]),
        ("Ik ben Jan de Turk uit Zwolle", &[]),
        ("I have 5 ms latency on the VPN", &[]),
        ("Ik heb een MS Teams meeting om 10 uur", &[]),
    ]);
}

#[test]
fn switched_off_kinds_are_not_reported() {
    let text = "Ik heb diabetes en ben moslim";
    let ctx = ScanCtx::new(text, KindSet::empty(), LangSet { nl: true, en: true });
    let mut hits = Vec::new();
    detect(&ctx, &mut hits);
    assert!(hits.is_empty());
}

#[test]
fn every_list_parses_and_has_a_header() {
    for (kind, list) in lexicon::LISTS {
        let header = list.lines().next().unwrap_or_default();
        assert!(
            header.contains("written for weglakker") && header.contains("EUPL-1.2"),
            "{kind:?}"
        );
        assert!(!lexicon::parse(*kind, list).is_empty(), "{kind:?}");
    }
    assert!(!lexicon().terms.is_empty());
}

#[test]
fn every_prefix_and_suffix_of_mixed_text_is_safe() {
    let text = "Ik heb ë ADHD-patiënt’s #PTSS mijn zoon ﬁ heeft MS. Ik ben FNV-lid; I'm gay";
    for (i, _) in text.char_indices() {
        let _ = found(&text[i..]);
        let _ = found(&text[..i]);
    }
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        "é",
        "#",
        "ik ben",
        "mijn",
        "ben é",
        "'s",
        "kanker",
        "Ik heb ééé’s",
        "-lid",
        "ALS",
    ] {
        let _ = found(text);
    }
}

/// The pass alone on a few MB of Dutch reactions; run with
/// `cargo test --release --lib special_speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn special_speed() {
    let lines = [
        "@MinDefensie Ik wacht al 8 maanden op mijn salaris als reservist, wie kan mij helpen? ",
        "De vakbonden en Defensie zitten weer aan tafel. Benieuwd of er iets uitkomt. ",
        "Mijn zoon heeft autisme en wil toch graag bij de landmacht, kan dat? ",
        "Het debat over religie binnen de krijgsmacht slaat nergens op. #Defensie ",
        "Groetjes uit Kerkrade, en bedankt voor de snelle reactie van de webcare. ",
        "Ik ben lid van de AFMP en wij pikken deze cao niet. Tot de volgende actie! ",
    ];
    let mut text = String::new();
    while text.len() < 4_000_000 {
        for l in lines {
            text.push_str(l);
        }
    }
    let _ = found("warm up");
    let mb = text.len() as f64 / 1e6;
    // The best of several rounds: the machine is shared, the best round is the pass's own cost.
    let best = |f: &mut dyn FnMut()| {
        (0..7)
            .map(|_| {
                let start = std::time::Instant::now();
                f();
                start.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    // With the word cutting, which the engine shares between the name, place and special
    // passes.
    let with_words = mb
        / best(&mut || {
            let ctx = ScanCtx::new(&text, KindSet::all(), LangSet { nl: true, en: true });
            let mut hits = Vec::new();
            detect(&ctx, &mut hits);
        });
    // The pass alone, words already cut.
    let ctx = ScanCtx::new(&text, KindSet::all(), LangSet { nl: true, en: true });
    let _ = ctx.words();
    let mut n = 0;
    let alone = mb
        / best(&mut || {
            let mut hits = Vec::new();
            detect(&ctx, &mut hits);
            n = hits.len();
        });
    // The automaton scan without any cue work, for comparison.
    let mut matches = 0;
    let scan = mb
        / best(&mut || {
            matches = lexicon().automaton.find_iter(text.as_str()).count();
        });
    println!("automaton scan alone: {scan:.0} MB/s ({matches} matches)");
    println!(
        "special pass: {alone:.0} MB/s alone, {with_words:.0} MB/s with word cutting ({n} hits)"
    );
}

/// Terms added after the held-out check (tests/data/generalisation.jsonl); own sentences.
#[test]
fn held_out_terms_with_and_without_a_tie() {
    check(&[
        // tied to the writer
        (
            "Ik ben doof aan mijn linkeroor.",
            &[("doof", "special.health.self")],
        ),
        (
            "I'm Nigerian by birth and live here now.",
            &[("Nigerian", "special.ethnicity.self")],
        ),
        (
            "Ik heb een veroordeling uit 2019.",
            &[("veroordeling", "special.criminal.self")],
        ),
        (
            "Als homoseksuele vrouw voel ik me hier thuis.",
            &[("homoseksuele", "special.sexual_orientation.self")],
        ),
        // no tie: topics
        ("Blind vertrouwen in de leiding is gevaarlijk.", &[]),
        ("De veroordeling van de dader was terecht.", &[]),
        ("Nigerian troops joined the exercise.", &[]),
    ]);
}
