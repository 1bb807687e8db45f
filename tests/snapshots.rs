//! Snapshot tests of whole screens, driven through the key table like the runtime.
//!
//! Accept new or changed snapshots with
//! `INSTA_UPDATE=always cargo test --test snapshots` (or `cargo insta review`), then read
//! the `.snap` files in `tests/snapshots/` before committing them.

mod common;
use common::git::{PAY_SUBJECTS, commit_pay_version, git, pay_repo};
use common::harness::{Harness, find};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

const ARCTIC: &str = "tests/fixtures/good/arctic-shipping.yaml";

/// The panes with the digit that reaches each, and a name for the snapshot.
const PANES: [(&str, &str); 8] = [
    ("1", "summary"),
    ("2", "actors"),
    ("3", "quotes"),
    ("4", "risks"),
    ("5", "questions"),
    ("6", "stances"),
    ("7", "timeline"),
    ("8", "history"),
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

// The History pane, in a repository of three versions of the pay briefing.

/// The pay briefing's repository open in the dashboard, its history read, on pane 8.
fn history(repo: &tempfile::TempDir, width: u16, height: u16) -> Harness {
    let mut harness = Harness::open(&repo.path().join("pay.yaml"), width, height);
    harness.read_history();
    harness.keys("8");
    harness
}

#[test]
fn history_versions_and_the_selected_ones_changes_at_three_sizes() {
    let repo = pay_repo(3);
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
        let mut harness = history(&repo, width, height);
        harness.keys("j");
        let screen = harness.screen();
        assert!(screen.contains("History 2/3"), "{screen}");
        assert!(
            screen.contains("Union on pay: supports \u{2192} mixed"),
            "the second commit's stance change:\n{screen}"
        );
        assert!(screen.contains("1 stance moved, 1 risk raised"), "{screen}");
        assert_snapshot!(format!("history_second_version_{width}x{height}"), screen);
    }
}

#[test]
fn history_newest_version_first_and_the_first_version_last_120x40() {
    let repo = pay_repo(3);
    let mut harness = history(&repo, 120, 40);
    let newest = harness.screen();
    assert!(newest.contains(PAY_SUBJECTS[2]), "{newest}");
    assert!(newest.contains("+ quote q13 (Dana Reyes)"), "{newest}");
    assert!(
        newest.contains("\u{2212} question q7"),
        "the removed question:\n{newest}"
    );
    assert_snapshot!("history_newest_version_120x40", newest);
    harness.keys("G");
    let first = harness.screen();
    assert!(first.contains("The first version"), "{first}");
    assert_snapshot!("history_first_version_120x40", first);
}

#[test]
fn history_changes_focused_and_scrolled_80x24() {
    let repo = pay_repo(3);
    let mut harness = history(&repo, 80, 24);
    harness.keys("G");
    harness.key(KeyCode::Enter);
    harness.keys("jjj");
    let screen = harness.screen();
    assert!(
        screen.contains("\u{2191} 3"),
        "scrolled three lines:\n{screen}"
    );
    assert_eq!(
        harness.app.history.selected, 2,
        "j scrolls, the selection stays"
    );
    assert_snapshot!("history_first_version_scrolled_80x24", screen);
}

#[test]
fn history_working_copy_first_when_it_differs_from_head_120x40() {
    let repo = pay_repo(2);
    let path = repo.path().join("pay.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("likelihood: high", "likelihood: medium"),
    )
    .unwrap();
    let mut harness = history(&repo, 120, 40);
    let screen = harness.screen();
    assert!(screen.contains("working copy"), "{screen}");
    assert!(screen.contains("1 risk lowered"), "{screen}");
    assert!(screen.contains("Changes not committed yet"), "{screen}");
    assert_snapshot!("history_working_copy_120x40", screen);
}

#[test]
fn history_a_corrected_quote_is_flagged_in_the_correction_style() {
    let repo = pay_repo(1);
    let path = repo.path().join("pay.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("a fair start", "a fair first step")).unwrap();
    git(repo.path(), &["commit", "-q", "-am", "Quote as spoken"]);
    let mut harness = history(&repo, 120, 40);
    let screen = harness.screen();
    assert!(screen.contains("quote text changed"), "{screen}");
    assert!(
        screen.contains("quotes are verbatim: this corrects the record"),
        "{screen}"
    );
    let buffer = harness.draw();
    let (x, y) = find(&buffer, "! quote").expect("the correction's header");
    assert_eq!(
        buffer[(x, y)].style().add_modifier,
        brief::ui::theme::DEFAULT.correction.add_modifier,
        "drawn in the correction style"
    );
    let (x, y) = find(&buffer, "start first step").expect("the words struck out");
    assert!(
        buffer[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::CROSSED_OUT),
        "removed words are struck out"
    );
}

#[test]
fn history_without_a_repository_says_why_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pay.yaml");
    std::fs::copy(format!("{}/pay-v1.yaml", common::git::FIXTURES), &path).unwrap();
    let mut harness = Harness::open(&path, 80, 24);
    harness.read_history();
    harness.keys("8");
    let screen = harness.screen();
    assert!(screen.contains("Not in a git repository"), "{screen}");
    assert_snapshot!("history_not_in_a_repository_80x24", screen);
}

#[test]
fn history_click_selects_a_version_and_the_wheel_moves_through_them() {
    let repo = pay_repo(3);
    let mut harness = history(&repo, 80, 24);
    // The list's rows start under the header, the tabs and the border: each version
    // takes two.
    harness.click(5, 3 + 2 * 2);
    assert_eq!(
        harness.app.history.selected, 2,
        "a click on the third version"
    );
    assert!(harness.screen().contains("The first version"));
    harness.wheel(5, 4, false);
    assert_eq!(
        harness.app.history.selected, 1,
        "the wheel up over the list"
    );
    assert!(harness.screen().contains("supports \u{2192} mixed"));
}

#[test]
fn history_a_commit_made_while_open_shows_after_a_refresh() {
    let repo = pay_repo(2);
    let mut harness = history(&repo, 120, 40);
    assert!(harness.screen().contains("History 1/2"));
    commit_pay_version(repo.path(), 3, PAY_SUBJECTS[2]);
    harness.read_history();
    let screen = harness.screen();
    assert!(
        screen.contains("History 2/3") && screen.contains("Changes in"),
        "the version selected before stays selected:\n{screen}"
    );
    assert!(screen.contains("Rally quote"), "{screen}");
}
