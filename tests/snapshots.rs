//! Snapshot tests of whole screens, driven through the key table like the runtime.
//!
//! Accept new or changed snapshots with
//! `INSTA_UPDATE=always cargo test --test snapshots` (or `cargo insta review`), then read
//! the `.snap` files in `tests/snapshots/` before committing them.

mod common;
use common::harness::Harness;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

const ARCTIC: &str = "tests/fixtures/good/arctic-shipping.yaml";

/// The panes with the digit that reaches each, and a name for the snapshot.
const PANES: [(&str, &str); 7] = [
    ("1", "summary"),
    ("2", "actors"),
    ("3", "quotes"),
    ("4", "risks"),
    ("5", "questions"),
    ("6", "stances"),
    ("7", "timeline"),
];

fn arctic(width: u16, height: u16) -> Harness {
    Harness::open(Path::new(ARCTIC), width, height)
}

/// The screen after pressing `keys` on a fresh harness.
fn screen_after(mut harness: Harness, keys: &str) -> String {
    harness.keys(keys);
    harness.screen()
}

// The bundled Belarus briefing, every pane, at two sizes.

#[test]
fn bundled_every_pane_at_80x24() {
    for (key, name) in PANES {
        let screen = screen_after(Harness::bundled(80, 24), key);
        assert_snapshot!(format!("bundled_{name}_80x24"), screen);
    }
}

#[test]
fn bundled_every_pane_at_120x40() {
    for (key, name) in PANES {
        let screen = screen_after(Harness::bundled(120, 40), key);
        assert_snapshot!(format!("bundled_{name}_120x40"), screen);
    }
}

#[test]
fn bundled_summary_at_200x60() {
    let screen = screen_after(Harness::bundled(200, 60), "1");
    assert_snapshot!("bundled_summary_200x60", screen);
}

// Moving around the bundled briefing.

#[test]
fn bundled_actors_third_selected_80x24() {
    let screen = screen_after(Harness::bundled(80, 24), "2jj");
    assert!(screen.contains("Actors 3/7"), "{screen}");
    assert_snapshot!("bundled_actors_third_selected_80x24", screen);
}

#[test]
fn bundled_actors_detail_focused_and_scrolled_80x24() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2");
    harness.key(KeyCode::Enter);
    harness.keys("jjjjj");
    let screen = harness.screen();
    assert!(
        screen.contains("↑ 5"),
        "the detail shows it is scrolled:\n{screen}"
    );
    assert_snapshot!("bundled_actors_detail_focused_scrolled_80x24", screen);
}

#[test]
fn bundled_risks_last_selected_80x24() {
    let screen = screen_after(Harness::bundled(80, 24), "4G");
    assert!(screen.contains("Risks 6/6"), "{screen}");
    assert_snapshot!("bundled_risks_last_selected_80x24", screen);
}

#[test]
fn bundled_quotes_after_page_down_80x24() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("3");
    harness.key(KeyCode::PageDown);
    assert_snapshot!("bundled_quotes_page_down_80x24", harness.screen());
}

#[test]
fn bundled_help_overlay_80x24() {
    let screen = screen_after(Harness::bundled(80, 24), "?");
    assert!(screen.contains("Keys — Esc or ? closes"), "{screen}");
    assert_snapshot!("bundled_help_80x24", screen);
}

#[test]
fn bundled_help_overlay_120x40() {
    let screen = screen_after(Harness::bundled(120, 40), "?");
    assert!(screen.contains("Keys — Esc or ? closes"), "{screen}");
    assert_snapshot!("bundled_help_120x40", screen);
}

// Searching.

fn searched(pane_key: &str) -> String {
    let mut harness = Harness::bundled(80, 24);
    harness.keys(pane_key);
    harness.keys("/potash");
    harness.key(KeyCode::Enter);
    harness.screen()
}

#[test]
fn bundled_quotes_search_potash_80x24() {
    let screen = searched("3");
    assert!(screen.contains("⌕ potash"), "{screen}");
    assert_snapshot!("bundled_quotes_search_potash_80x24", screen);
}

#[test]
fn bundled_actors_search_potash_80x24() {
    let screen = searched("2");
    assert!(screen.contains("⌕ potash"), "{screen}");
    assert_snapshot!("bundled_actors_search_potash_80x24", screen);
}

#[test]
fn bundled_footer_while_typing_a_search_80x24() {
    let screen = screen_after(Harness::bundled(80, 24), "3/pot");
    let footer = screen.lines().last().unwrap_or_default();
    assert!(footer.starts_with("/pot▏"), "{footer}");
    assert_snapshot!("bundled_footer_typing_search_80x24", screen);
}

// A briefing in other scripts: nothing about the Belarus briefing is hard-coded.

#[test]
fn arctic_every_pane_at_120x40() {
    for (key, name) in PANES {
        let screen = screen_after(arctic(120, 40), key);
        assert_snapshot!(format!("arctic_{name}_120x40"), screen);
    }
}

#[test]
fn arctic_actors_at_80x24() {
    let screen = screen_after(arctic(80, 24), "2");
    assert!(screen.contains("Росатом"), "{screen}");
    assert_snapshot!("arctic_actors_80x24", screen);
}

// Windows too small for the panes.

#[test]
fn too_small_39x9_shows_the_notice() {
    let screen = screen_after(Harness::bundled(39, 9), "2");
    assert!(screen.contains("Window too small (39x9)"), "{screen}");
    assert!(screen.contains("40x10"), "{screen}");
    assert_snapshot!("too_small_39x9", screen);
}

#[test]
fn too_small_20x5_shows_the_notice() {
    let screen = screen_after(Harness::bundled(20, 5), "2");
    assert!(screen.starts_with("Window too small"), "{screen}");
    assert_snapshot!("too_small_20x5", screen);
}

#[test]
fn too_small_1x1_does_not_panic() {
    let screen = screen_after(Harness::bundled(1, 1), "2jG?");
    assert_eq!(screen.lines().count(), 1);
    assert_snapshot!("too_small_1x1", screen);
}

#[test]
fn just_big_enough_40x10_shows_panes() {
    let screen = screen_after(Harness::bundled(40, 10), "2");
    assert!(!screen.contains("too small"), "{screen}");
    assert!(screen.contains("Actors"), "{screen}");
    assert_snapshot!("just_big_enough_40x10_actors", screen);
}

#[test]
fn shrinking_below_the_minimum_then_growing_back() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2jj");
    harness.resize(30, 8);
    let small = harness.screen();
    assert!(small.contains("Window too small"), "{small}");
    harness.resize(80, 24);
    let screen = harness.screen();
    assert!(screen.contains("Actors 3/7"), "{screen}");
    assert_eq!(screen, screen_after(Harness::bundled(80, 24), "2jj"));
}
