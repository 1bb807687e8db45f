//! Any text that loads as a briefing must draw on every pane at any size without
//! panicking, and no control character may reach the screen.
#![no_main]

use brief::app::{Action, Versions};
use ratatui::crossterm::event::KeyCode;
use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/common/harness.rs"]
mod harness;

fuzz_target!(|input: (u8, u8, &str)| {
    let (width, height, text) = input;
    let Ok(loaded) = brief::briefing::parse(text) else {
        return;
    };
    let origin = brief::app::Origin::Bundled;
    let mut harness = harness::Harness::new(
        origin,
        Ok(loaded),
        u16::from(width) + 1,
        u16::from(height) + 1,
    );
    let clean = |harness: &mut harness::Harness| {
        let buffer = harness.draw();
        for cell in buffer.content() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()),
                "control character on screen"
            );
        }
    };
    for keys in ["1", "2G", "3", "4", "5", "6", "7", "?", "\u{1b}/a"] {
        harness.keys(keys);
        clean(&mut harness);
    }
    // The History pane with this briefing as a version of the bundled one, and back:
    // every kind of change, in its text, laid out at this size.
    let bundled = brief::briefing::load_bundled().expect("the bundled briefing").briefing;
    let this = harness.app.loaded.as_ref().expect("loaded").briefing.clone();
    let id = |n: u8| brief::app::VersionId::from_bytes(&[n; 20]);
    let entry = |n: u8| brief::history::Entry {
        blob: Some(id(n)),
        previous: Some(id(n + 1)),
        short: format!("{n:07}"),
        seconds: 0,
        date: "2026-12-02".into(),
        author: this.title.clone(),
        subject: this.title.clone(),
        summary: brief::briefing::diff::BriefingDiff::between(&bundled, &this).gist(),
    };
    harness.app.update(Action::HistoryRead(Versions::Read(vec![entry(1), entry(3)])));
    harness.keys("8");
    for (n, (old, new)) in [(1u8, (&bundled, &this)), (3, (&this, &bundled))] {
        harness.app.update(Action::VersionRead {
            blob: Some(id(n)),
            previous: Some(id(n + 1)),
            diff: Box::new(Ok(brief::briefing::report::report(
                &brief::briefing::diff::BriefingDiff::between(old, new),
            ))),
        });
        clean(&mut harness);
        harness.key(KeyCode::Enter);
        harness.keys("G");
        clean(&mut harness);
        harness.key(KeyCode::Esc);
        harness.keys("j");
    }
});
