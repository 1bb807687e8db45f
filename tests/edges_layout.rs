//! The layout sizes a list by what its rows say they need, and the rows are drawn by the
//! same pane that says it: on a screen with room, the longest title shows whole.

use brief::app::Pane;
mod common;
use brief::ui::layout::Regions;
use common::harness::{Harness, row_text};
use ratatui::crossterm::event::KeyCode;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

const ARCTIC: &str = "tests/fixtures/good/arctic-shipping.yaml";

/// The text a row of `pane` has to show whole to be read: the title after any lead.
fn title(harness: &Harness, pane: Pane, item: usize) -> String {
    let b = &harness
        .app
        .loaded
        .as_ref()
        .expect("a loaded briefing")
        .briefing;
    match pane {
        Pane::Actors => b.actors[item].name.clone(),
        Pane::Risks => b.risks[item].title.clone(),
        Pane::Questions => b.questions[item].question.clone(),
        Pane::Timeline => b.timeline[item].event.clone(),
        _ => unreachable!("a pane whose row is its title"),
    }
}

#[test]
fn on_a_wide_screen_each_list_shows_its_longest_title_whole() {
    for pane in [Pane::Actors, Pane::Risks, Pane::Questions, Pane::Timeline] {
        let mut harness = Harness::open(Path::new(ARCTIC), 240, 60);
        harness.keys(&(pane.index() + 1).to_string());
        let rows = harness.app.rows(pane).to_vec();
        let (position, longest) = rows
            .iter()
            .enumerate()
            .map(|(position, &item)| (position, title(&harness, pane, item)))
            .max_by_key(|(_, title)| title.width())
            .expect("rows in the briefing");
        for _ in 0..position {
            harness.key(KeyCode::Down);
        }
        let list = Regions::new(harness.app.area(), &harness.app)
            .list
            .expect("a list beside the detail");
        assert!(
            usize::from(list.width) < 240 * 3 / 4,
            "{pane:?}: the list is sized by its rows, not by the screen ({} columns)",
            list.width
        );
        let buffer = harness.draw();
        let shown: Vec<String> = (list.y..list.bottom())
            .map(|y| {
                row_text(&buffer, y)
                    .chars()
                    .skip(usize::from(list.x))
                    .collect()
            })
            .map(|row: String| row.chars().take(usize::from(list.width)).collect())
            .collect();
        assert!(
            shown.iter().any(|row| row.contains(&longest)),
            "{pane:?}: “{longest}” whole in the list:\n{}",
            shown.join("\n")
        );
    }
}
