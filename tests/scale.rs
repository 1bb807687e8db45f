//! Scale tests (issue 5): a generated 3 MB briefing (400 actors, 2,000 stances, 10,000
//! quotes, 1,000 risks, 500 questions) loads cleanly and every pane works on it. These
//! assert structure, not time; timings are in benches/brief.rs and
//! scripts/measure-startup.py.

#[path = "../benches/support/generate.rs"]
mod generate;

use brief::app::{Origin, Pane};
use brief::briefing::{self, Loaded};
mod common;
use common::harness::Harness;
use ratatui::crossterm::event::KeyCode;
use std::path::PathBuf;
use std::sync::OnceLock;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn spec() -> generate::Spec {
    generate::Spec::big()
}

/// Generated and loaded once, shared by the tests in this file.
fn big() -> &'static (String, Loaded) {
    static BIG: OnceLock<(String, Loaded)> = OnceLock::new();
    BIG.get_or_init(|| {
        let text = generate::generate(&spec());
        let loaded = match briefing::parse(&text) {
            Ok(loaded) => loaded,
            Err(e) => panic!(
                "the generated briefing has {} errors; first: {:?}",
                e.error_count(),
                e.first_error()
            ),
        };
        (text, loaded)
    })
}

fn harness() -> Harness {
    Harness::new(
        Origin::File(PathBuf::from("big.yaml")),
        Ok(big().1.clone()),
        WIDTH,
        HEIGHT,
    )
}

#[test]
fn generator_is_deterministic_and_about_three_megabytes() {
    let small = generate::Spec::scale(1);
    assert_eq!(generate::generate(&small), generate::generate(&small));
    let len = big().0.len();
    assert!(
        (2_500_000..=3_500_000).contains(&len),
        "the 3 MB briefing is {len} bytes"
    );
    assert!(len as u64 <= briefing::Budget::DEFAULT_MAX_BYTES);
}

#[test]
fn big_briefing_loads_cleanly_with_every_item() {
    let s = spec();
    let b = &big().1.briefing;
    assert!(big().1.warnings.is_empty(), "{:?}", &big().1.warnings[..1]);
    assert_eq!(b.actors.len(), s.actors);
    assert_eq!(b.topics.len(), s.topics);
    assert_eq!(b.stances.len(), s.actors * s.topics);
    assert_eq!(b.quotes.len(), s.quotes);
    assert_eq!(b.risks.len(), s.risks);
    assert_eq!(b.questions.len(), s.questions);
    assert_eq!(b.timeline.len(), s.timeline);
    assert!(b.quotes.iter().any(|q| {
        q.text
            .contains(|c: char| c.is_alphabetic() && !c.is_ascii())
    }));
    for likelihood in ["low", "medium", "high"] {
        for impact in ["low", "medium", "high"] {
            assert!(
                b.risks.iter().any(|r| {
                    use brief::briefing::Vocabulary;
                    r.likelihood.word() == likelihood && r.impact.word() == impact
                }),
                "no risk with likelihood {likelihood} and impact {impact}"
            );
        }
    }
}

#[test]
fn scaled_briefings_load_cleanly() {
    for k in [1, 10] {
        let text = generate::generate(&generate::Spec::scale(k));
        let loaded = briefing::parse(&text).expect("a scaled briefing loads");
        assert!(loaded.warnings.is_empty());
        assert_eq!(loaded.briefing.actors.len(), 7 * k);
        assert_eq!(loaded.briefing.stances.len(), 28 * k);
        assert_eq!(loaded.briefing.quotes.len(), 12 * k);
    }
}

#[test]
fn every_pane_renders_at_120_by_40() {
    let mut h = harness();
    let s = spec();
    let expected = [
        ('1', "Summary", None),
        ('2', "Actors", Some(s.actors)),
        ('3', "Quotes", Some(s.quotes)),
        ('4', "Risks", Some(s.risks)),
        ('5', "Questions", Some(s.questions)),
        // The matrix: a row an actor.
        ('6', "Stances", Some(s.actors)),
        ('7', "Timeline", Some(s.timeline)),
    ];
    for (digit, title, count) in expected {
        h.keys(&digit.to_string());
        let screen = h.screen();
        assert_eq!(screen.lines().count(), HEIGHT as usize);
        match count {
            Some(n) => assert!(
                screen.contains(&format!(" {title} 1/{n} ")),
                "pane {digit} has no `{title} 1/{n}` title:\n{screen}"
            ),
            None => assert!(screen.contains(title), "pane {digit}:\n{screen}"),
        }
        assert!(
            screen.contains("q quit"),
            "pane {digit} has no footer:\n{screen}"
        );
    }
}

#[test]
fn end_selects_the_last_of_ten_thousand_quotes_in_one_key() {
    let mut h = harness();
    h.keys("3");
    assert_eq!(h.app.selected_item(Pane::Quotes), Some(0));
    h.key(KeyCode::End);
    assert_eq!(h.app.selected_item(Pane::Quotes), Some(9_999));
    let screen = h.screen();
    let speaker = generate::speaker(spec().seed, 9_999);
    assert_eq!(big().1.briefing.quotes[9_999].speaker, speaker);
    assert!(
        screen.contains(&speaker),
        "{speaker} is not on screen:\n{screen}"
    );
    assert!(screen.contains(" Quotes 10000/10000 "), "{screen}");
    assert!(screen.contains("id: q-09999"), "{screen}");

    h.keys("g");
    assert_eq!(h.app.selected_item(Pane::Quotes), Some(0));
    h.keys("G");
    assert_eq!(h.app.selected_item(Pane::Quotes), Some(9_999));
}

#[test]
fn page_down_moves_by_a_page() {
    let mut h = harness();
    h.keys("3");
    // At 120x40 the list has 37 body rows, 35 inside its border; a page keeps one row
    // of overlap, so it moves by 34.
    let page = 34;
    h.key(KeyCode::PageDown);
    assert_eq!(h.app.selected_item(Pane::Quotes), Some(page));
    h.key(KeyCode::PageDown);
    assert_eq!(h.app.selected_item(Pane::Quotes), Some(2 * page));
    let screen = h.screen();
    assert!(
        screen.contains(&format!(" Quotes {}/10000 ", 2 * page + 1)),
        "{screen}"
    );
    assert!(screen.contains(&format!("id: {}", generate::quote_id(2 * page))));
    h.key(KeyCode::PageUp);
    assert_eq!(h.app.selected_item(Pane::Quotes), Some(page));
}

#[test]
fn every_list_pane_reaches_its_end() {
    let mut h = harness();
    for (digit, pane) in [
        ('2', Pane::Actors),
        ('4', Pane::Risks),
        ('5', Pane::Questions),
        ('6', Pane::Stances),
        ('7', Pane::Timeline),
    ] {
        h.keys(&digit.to_string());
        h.key(KeyCode::End);
        let len = match pane {
            // The matrix has a row an actor.
            Pane::Stances => h.app.loaded.as_ref().unwrap().briefing.actors.len(),
            _ => h.app.rows(pane).len(),
        };
        assert_eq!(h.app.state(pane).selected, len - 1, "{pane:?}");
        let screen = h.screen();
        assert!(
            screen.contains(&format!("{len}/{len}")),
            "{pane:?}:\n{screen}"
        );
    }
}

#[test]
fn reload_of_the_big_briefing_marks_the_change() {
    let mut h = harness();
    h.keys("3");
    h.key(KeyCode::End);
    let edited = big().0.replacen("text: \"", "text: \"Edited: ", 1);
    h.reloaded(briefing::parse(&edited));
    assert_eq!(h.app.selected_item(Pane::Quotes), Some(9_999));
    assert!(h.app.error.is_none());
    let screen = h.screen();
    assert!(screen.contains("Reloaded: 1 changed"), "{screen}");
}
