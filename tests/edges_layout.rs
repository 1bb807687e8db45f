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

/// A click lands on the cell drawn under it once the matrix has scrolled: the screen's
/// row is counted from the first actor shown, not from the first actor.
#[test]
fn a_click_on_a_scrolled_matrix_selects_the_actor_drawn_there() {
    let mut harness = Harness::open(Path::new(ARCTIC), 100, 12);
    harness.keys("6G");
    let state = harness.app.state(Pane::Stances).clone();
    assert!(state.offset > 0, "the matrix has scrolled: {state:?}");
    let shown = state.offset + 1;
    let label = {
        let b = &harness.app.loaded.as_ref().expect("loaded").briefing;
        b.actors[shown].label().to_owned()
    };
    let buffer = harness.draw();
    let list = Regions::new(harness.app.area(), &harness.app)
        .list
        .expect("the matrix");
    let y = (list.y..list.bottom())
        .find(|&y| {
            let row: String = row_text(&buffer, y)
                .chars()
                .skip(usize::from(list.x))
                .take(usize::from(list.width))
                .collect();
            row.contains(&label)
        })
        .expect("the actor's row in the matrix");
    let matrix = brief::ui::layout::Matrix::new(list, harness.app.matrix_size());
    let x = matrix.inner.x + matrix.actor_width;
    harness.click(x, y);
    let after = harness.app.state(Pane::Stances);
    assert_eq!(after.selected, shown, "the actor drawn on row {y}: {label}");
    assert_eq!(after.column, state.column_offset, "the first topic shown");
}
