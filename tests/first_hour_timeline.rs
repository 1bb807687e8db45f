//! The timeline as a new analyst meets it: dates that read as dates are checked, events
//! are listed in date order, and the HTML export says what it was made from.

use brief::app::{Origin, Pane};
use brief::briefing::{Loaded, parse};
mod common;
use common::harness::Harness;

/// A briefing whose timeline is `events`, `(date, event)`, written in that order.
fn timeline(events: &[(&str, &str)]) -> String {
    let mut text = String::from("title: Talks\ntimeline:\n");
    for (date, event) in events {
        text.push_str(&format!("  - date: \"{date}\"\n    event: {event}\n"));
    }
    text
}

fn load(text: &str) -> Loaded {
    parse(text).expect("the briefing loads")
}

/// The warnings about dates, as `line:col: message`.
fn date_warnings(loaded: &Loaded) -> Vec<String> {
    loaded
        .warnings
        .iter()
        .filter(|d| d.message.contains("reads as a date"))
        .map(|d| format!("{}: {}", d.pos.expect("a position"), d.message))
        .collect()
}

#[test]
fn dates_that_are_not_on_the_calendar_are_warned_about_where_they_are_written() {
    let loaded = load(&timeline(&[
        ("2026-02-30", "Talks open."),
        ("2026-13", "A strike."),
        ("0000", "Nothing."),
        ("late 2025", "Rumours."),
        ("2024-02-29", "A leap day."),
        ("2026-03", "Spring talks."),
    ]));
    let warnings = date_warnings(&loaded);
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(warnings[0].starts_with("3:11: ") && warnings[0].contains("no such day"));
    assert!(warnings[1].starts_with("5:11: ") && warnings[1].contains("01 to 12"));
    assert!(warnings[2].starts_with("7:11: ") && warnings[2].contains("0001"));
}

#[test]
fn a_briefing_with_an_impossible_date_still_opens() {
    // `date` has always been free text: a wrong day is worth a warning, not a refusal.
    let loaded = load(&timeline(&[("2026-02-30", "Talks open.")]));
    assert_eq!(loaded.briefing.timeline.len(), 1);
}

#[test]
fn the_timeline_lists_dated_events_by_date_then_free_text_in_written_order() {
    let text = timeline(&[
        ("late 2025", "Rumours of talks."),
        ("2026-03-02", "The strike is called off."),
        ("2026", "The year of the thaw."),
        ("spring", "Delegations meet."),
        ("2025-11-30", "First contact."),
        ("2026-03", "March opens."),
        ("2026-03-02", "A second event that day."),
        ("2026-02-30", "An impossible day."),
    ]);
    let mut harness = Harness::new(Origin::Bundled, parse(&text), 120, 40);
    harness.keys("7");
    assert_eq!(harness.app.pane, Pane::Timeline);
    let screen = harness.screen();
    let order: Vec<usize> = [
        "First contact.",
        "The year of the thaw.",
        "March opens.",
        "The strike is called off.",
        "A second event that day.",
        "Rumours of talks.",
        "Delegations meet.",
        "An impossible day.",
    ]
    .iter()
    .map(|event| {
        screen
            .lines()
            .position(|line| line.contains(event))
            .unwrap_or_else(|| panic!("{event} is on screen:\n{screen}"))
    })
    .collect();
    assert!(order.is_sorted(), "{order:?}\n{screen}");
    // The first row is selected, and it is the earliest event, not the first written.
    let first = harness.app.selected_item(Pane::Timeline);
    assert_eq!(first, Some(4));
}
