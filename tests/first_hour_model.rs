//! What a new analyst trips on in the first hour of writing a briefing, as the loader
//! answers it: a vocabulary word in the wrong case or a letter off, a reference to an id
//! that is not there, topics an actor has no stance on yet.

use brief::briefing;

/// One actor, one topic, one stance, one source, one quote and one risk, all valid.
const GOOD: &str = "title: T
sources:
  - {id: wire, outlet: O, title: T}
actors:
  - id: kz
    name: K
    kind: government
    role: r
    stance: s
topics:
  - {id: sale, name: S}
stances:
  - actor: kz
    topic: sale
    position: supports
    summary: s
quotes:
  - id: q1
    speaker: S
    actor: kz
    text: words
    context: C
    source: wire
risks:
  - id: r1
    title: T
    description: D
    likelihood: low
    impact: high
";

fn the_error_on(text: &str, line: &str) -> String {
    let all = diagnostics(text);
    let errors: Vec<&String> = all.iter().filter(|d| d.contains(": error: ")).collect();
    assert_eq!(errors.len(), 1, "one error for {line}: {all:#?}");
    errors[0].clone()
}

// Vocabulary words.

#[test]
fn a_vocabulary_word_in_other_case_or_a_letter_off_gets_did_you_mean() {
    assert!(briefing::parse(GOOD).is_ok(), "{:#?}", diagnostics(GOOD));
    for (good, bad, meant) in [
        ("position: supports", "position: support", "supports"),
        ("position: supports", "position: Supports", "supports"),
        ("position: supports", "position: opose", "opposes"),
        ("likelihood: low", "likelihood: Low", "low"),
        ("likelihood: low", "likelihood: LOW", "low"),
        ("impact: high", "impact: hihg", "high"),
        ("impact: high", "impact: medum", "medium"),
        ("kind: government", "kind: Government", "government"),
        ("kind: government", "kind: goverment", "government"),
        ("kind: government", "kind: orgnisation", "organisation"),
    ] {
        let text = GOOD.replace(good, bad);
        let error = the_error_on(&text, bad);
        assert!(
            error.contains(&format!("`{bad}` is not one of: "))
                && error.ends_with(&format!("; did you mean `{meant}`?")),
            "{bad}: {error}"
        );
    }
}

#[test]
fn a_word_far_from_every_vocabulary_word_gets_the_list_but_no_guess() {
    let error = the_error_on(&GOOD.replace("likelihood: low", "likelihood: severe"), "");
    assert!(
        error.ends_with("`likelihood: severe` is not one of: low | medium | high"),
        "{error}"
    );
}

// References.

#[test]
fn every_unknown_reference_lists_the_known_ids() {
    for (good, bad, listed) in [
        (
            "- actor: kz",
            "- actor: kx",
            "stance refers to unknown actor `kx`; known actors: kz",
        ),
        (
            "topic: sale",
            "topic: sales",
            "stance refers to unknown topic `sales`; known topics: sale",
        ),
        (
            "source: wire",
            "source: wires",
            "quote refers to unknown source `wires`; known sources: wire",
        ),
        (
            "    summary: s\nquotes",
            "    summary: s\n    quotes: [q2]\nquotes",
            "stance refers to unknown quote `q2`; known quotes: q1",
        ),
    ] {
        let text = GOOD.replacen(good, bad, 1);
        assert_ne!(text, GOOD, "{bad}");
        let error = the_error_on(&text, bad);
        assert!(error.ends_with(listed), "{bad}: {error}");
    }
}

#[test]
fn a_long_list_of_known_ids_is_cut_with_a_count() {
    let topics: String = (1..=11)
        .map(|n| format!("  - {{id: t{n:02}, name: T}}\n"))
        .collect();
    let text = GOOD
        .replace("  - {id: sale, name: S}\n", &topics)
        .replace("topic: sale", "topic: t99");
    let all = diagnostics(&text);
    assert!(
        all.iter().any(|d| d.ends_with(
            "stance refers to unknown topic `t99`; known topics: t01, t02, t03, t04, t05, t06, t07, t08 and 3 more"
        )),
        "{all:#?}"
    );
}

// Missing stances.

#[test]
fn an_actor_missing_stances_is_one_warning_naming_the_topics() {
    let text = GOOD.replace(
        "  - {id: sale, name: S}\n",
        "  - {id: preempt, name: P}\n  - {id: sale, name: S}\n  - {id: tariff, name: T}\n",
    );
    let text = text.replace(
        "actors:\n",
        "actors:\n  - {id: ab, name: A, kind: person, role: r, stance: s}\n",
    );
    assert_eq!(
        diagnostics(&text),
        [
            "5:5: warning: actor `ab` has no stance on 3 of 3 topics: preempt, sale, tariff (use `position: unclear` if the sources are silent)",
            "6:5: warning: actor `kz` has no stance on 2 of 3 topics: preempt, tariff (use `position: unclear` if the sources are silent)",
        ]
    );
}

#[test]
fn six_actors_silent_on_three_topics_are_six_warnings() {
    let actors: String = (1..=6)
        .map(|n| format!("  - {{id: a{n}, name: A, kind: person, role: r, stance: s}}\n"))
        .collect();
    let text = format!(
        "title: T\nactors:\n{actors}topics:\n  - {{id: x, name: X}}\n  - {{id: y, name: Y}}\n  - {{id: z, name: Z}}\n"
    );
    let all = diagnostics(&text);
    assert_eq!(all.len(), 6, "{all:#?}");
    assert!(
        all.iter()
            .all(|d| d.contains("has no stance on 3 of 3 topics: x, y, z"))
    );
}

// The dashboard's header.

mod common;
use common::diagnostics;
use common::harness::Harness;

/// The header's text, and the style of the cell where `⚠` is drawn, if it is.
fn header(harness: &mut Harness) -> (String, Option<ratatui::style::Style>) {
    let buffer = harness.draw();
    let mut text = String::new();
    let mut warned = None;
    for x in 0..buffer.area.width {
        let cell = &buffer[(x, 0)];
        if cell.symbol() == "⚠" {
            warned = Some(cell.style());
        }
        text.push_str(cell.symbol());
    }
    (text, warned)
}

#[test]
fn the_header_counts_the_warnings_in_the_theme_s_warning_colour() {
    let path = std::path::Path::new("tests/fixtures/good/arctic-shipping.yaml");
    let warnings = briefing::load_file(path, briefing::Budget::default())
        .expect("the fixture loads")
        .warnings
        .len();
    assert!(warnings > 0, "the fixture has warnings to count");
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
        let mut harness = Harness::open(path, width, height);
        let (text, style) = header(&mut harness);
        assert!(text.contains(&format!("⚠ {warnings} ")), "{width}: {text}");
        let warn = brief::ui::theme::DEFAULT.warning_text;
        assert_eq!(style.map(|s| s.fg), Some(warn.fg), "{width}: {text}");
    }
}

#[test]
fn a_briefing_without_warnings_has_no_count_in_the_header() {
    let path = std::path::Path::new("briefings/belarus-us-thaw.yaml");
    let mut harness = Harness::open(path, 120, 40);
    assert!(harness.app.loaded.as_ref().unwrap().warnings.is_empty());
    let (text, style) = header(&mut harness);
    assert_eq!(style, None, "{text}");
}

// Actor kinds.

#[test]
fn corporate_and_security_actor_kinds_load_and_export_as_written() {
    for kind in ["company", "party", "armed-group", "media"] {
        let text = GOOD.replace("kind: government", &format!("kind: {kind}"));
        let loaded = briefing::parse(&text).unwrap_or_else(|e| panic!("{kind}: {e:?}"));
        let actor = &loaded.briefing.actors[0];
        use brief::briefing::model::Vocabulary as _;
        assert_eq!(actor.kind.word(), kind);
        let json = serde_json::to_value(actor.kind).unwrap();
        assert_eq!(
            json,
            serde_json::json!(kind),
            "a JSON export writes the word"
        );
    }
}
