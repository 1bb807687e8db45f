//! A new analyst's first hour with the Summary, the footer, the help and the problems
//! list, driven through the key table like the runtime.

use brief::app::Pane;
mod common;
use common::harness::{Harness, find, row_text};
use common::pty::{Tui, WAIT, root};

const ARCTIC: &str = "tests/fixtures/good/arctic-shipping.yaml";

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 50)];

/// The screen's rows from the one that shows `text` on.
fn rows_from(h: &mut Harness, text: &str) -> Vec<String> {
    let buffer = h.draw();
    let (_, y) = find(&buffer, text).unwrap_or_else(|| panic!("{text} on screen"));
    (y..buffer.area.height)
        .map(|row| row_text(&buffer, row))
        .collect()
}

#[test]
fn the_mini_matrix_names_its_topics_with_letters_not_pane_digits() {
    for (width, height) in [(120, 40), (200, 50)] {
        let mut h = Harness::bundled(width, height);
        assert_eq!(h.app.pane, Pane::Summary);
        let rows = rows_from(&mut h, "Who stands where");
        let header = &rows[1];
        assert!(
            header.contains("A  B  C"),
            "{width}x{height}: topics lettered across: {header}"
        );
        assert!(
            !header.contains("1  2  3"),
            "{width}x{height}: no digits across: {header}"
        );
        assert!(
            rows.iter().any(|r| r.contains("A  Sanctions relief")),
            "{width}x{height}: the key names topic A: {rows:#?}"
        );
    }
}

#[test]
fn e_in_the_problems_list_opens_the_editor_at_the_problem_s_line() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.yaml");
    std::fs::copy(root().join(ARCTIC), &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let warning_line = text
        .lines()
        .position(|l| l == "  - id: q-starovoit-tariffs")
        .unwrap()
        + 1;
    // A stand-in editor named like one of the vi family, so it is given `+LINE PATH`:
    // it records its arguments and exits.
    std::fs::create_dir(dir.path().join("bin")).unwrap();
    let editor = dir.path().join("bin/vi");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/../args.txt\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut tui = Tui::spawn_with_editor(
        dir.path(),
        &["briefing.yaml"],
        editor.to_str().unwrap(),
        30,
        100,
    );
    tui.wait_for("Bottom line", WAIT);
    // The pane behind the list has an item of its own selected, far from the warning.
    tui.key("2");
    tui.wait_for("Actors 1/", WAIT);
    tui.key("!");
    tui.wait_for("q-starovoit-tariffs", WAIT);
    tui.key("e");
    let args_file = dir.path().join("args.txt");
    tui.wait("the editor to record its arguments", |_| {
        std::fs::read_to_string(&args_file).is_ok_and(|a| a.ends_with('\n'))
    });
    let args = std::fs::read_to_string(&args_file).unwrap();
    assert_eq!(args, format!("+{warning_line}\n./briefing.yaml\n"));
    tui.key("q");
    assert!(tui.wait_exit(WAIT).success());
}

/// The footer: the screen's last row.
fn footer(h: &mut Harness) -> String {
    let buffer = h.draw();
    row_text(&buffer, buffer.area.height - 1)
}

#[test]
fn the_footer_in_the_help_names_the_keys_that_work_there() {
    for (width, height) in SIZES {
        let mut h = Harness::bundled(width, height);
        h.keys("?");
        let line = footer(&mut h);
        assert!(line.contains("Esc close"), "{width}x{height}: {line}");
        assert!(line.contains("j/k scroll"), "{width}x{height}: {line}");
        assert!(!line.contains("Enter detail"), "{width}x{height}: {line}");
        assert!(!line.contains("1-8"), "{width}x{height}: {line}");
    }
}

#[test]
fn the_footer_in_the_problems_list_offers_to_edit_at_the_problem() {
    for (width, height) in SIZES {
        let mut h = Harness::open(std::path::Path::new(ARCTIC), width, height);
        h.keys("!");
        let line = footer(&mut h);
        assert!(
            line.contains("e edit at the problem"),
            "{width}x{height}: {line}"
        );
        assert!(line.contains("Esc close"), "{width}x{height}: {line}");
        assert!(!line.contains("Enter detail"), "{width}x{height}: {line}");
    }
}

#[test]
fn the_footer_in_the_directory_picker_hides_the_pane_keys_that_do_nothing_there() {
    for (width, height) in SIZES {
        let mut h = Harness::picker(&root().join("tests/fixtures/good"), width, height);
        let line = footer(&mut h);
        assert!(!line.contains("1-8"), "{width}x{height}: {line}");
        assert!(!line.contains("Tab next"), "{width}x{height}: {line}");
        assert!(line.contains("Enter open"), "{width}x{height}: {line}");
        // And the keys it hides do indeed do nothing: the picker stays.
        h.keys("3");
        assert!(h.app.showing_picker());
    }
}

#[test]
fn the_footer_of_a_detail_without_links_does_not_offer_to_follow_them() {
    for (width, height) in SIZES {
        let mut h = Harness::bundled(width, height);
        h.keys("7");
        h.key(ratatui::crossterm::event::KeyCode::Enter);
        assert_eq!(h.app.focus, brief::app::Focus::Detail);
        assert!(h.app.links().is_empty(), "a timeline event has no links");
        let line = footer(&mut h);
        assert!(!line.contains("Tab link"), "{width}x{height}: {line}");
        assert!(!line.contains("follow"), "{width}x{height}: {line}");
        assert!(line.contains("Esc list"), "{width}x{height}: {line}");
        // A detail with links keeps offering them.
        h.keys("2");
        h.key(ratatui::crossterm::event::KeyCode::Enter);
        let line = footer(&mut h);
        assert!(line.contains("Tab link"), "{width}x{height}: {line}");
    }
}

/// The screen row showing `text`, if any.
fn row_of(h: &mut Harness, text: &str) -> Option<u16> {
    find(&h.draw(), text).map(|(_, y)| y)
}

#[test]
fn the_help_lists_the_keys_of_where_it_was_opened_first() {
    use ratatui::crossterm::event::KeyCode;
    for (width, height) in SIZES {
        // A focused detail.
        let mut h = Harness::bundled(width, height);
        h.keys("2");
        h.key(KeyCode::Enter);
        h.keys("?");
        let here = row_of(&mut h, "In a focused detail").expect("the detail's keys shown");
        let panes = row_of(&mut h, "Panes");
        assert!(
            panes.is_none_or(|p| here < p),
            "{width}x{height}: the detail's keys before browsing's:\n{}",
            h.screen()
        );
        // The stance matrix.
        let mut h = Harness::bundled(width, height);
        h.keys("6?");
        let here = row_of(&mut h, "In the stance matrix").expect("the matrix's keys shown");
        let panes = row_of(&mut h, "Panes");
        assert!(
            panes.is_none_or(|p| here < p),
            "{width}x{height}: the matrix's keys before browsing's:\n{}",
            h.screen()
        );
        // Browsing: the panes' keys lead, as before.
        let mut h = Harness::bundled(width, height);
        h.keys("?");
        assert!(row_of(&mut h, "Panes").is_some(), "{width}x{height}");
    }
}

#[test]
fn search_finds_the_summary_s_bottom_line_key_points_and_caveats() {
    use ratatui::crossterm::event::KeyCode;
    let mut h = Harness::bundled(120, 40);
    h.keys("2/Nobel");
    h.key(KeyCode::Enter);
    let status = h.app.status.clone().unwrap_or_default();
    assert!(status.contains("in Summary"), "{status}");
    assert!(status.contains("in Timeline"), "{status}");
    // n goes round the matches, the summary's among them.
    let mut panes = Vec::new();
    for _ in 0..4 {
        h.keys("n");
        panes.push(h.app.pane);
    }
    assert!(panes.contains(&Pane::Summary), "{panes:?}");
    assert!(panes.contains(&Pane::Timeline), "{panes:?}");
    // The summary's match comes first, in tab order, of the two.
    while h.app.pane != Pane::Summary {
        h.keys("n");
    }
    assert_eq!(h.app.match_position(), Some((0, 2)));
    // A caveat's words find the summary too.
    let caveat = h.app.loaded.as_ref().unwrap().briefing.summary.caveats[0].clone();
    let words: String = caveat
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    h.key(KeyCode::Esc);
    h.keys("/");
    h.keys(&words);
    h.key(KeyCode::Enter);
    let status = h.app.status.clone().unwrap_or_default();
    assert!(status.contains("in Summary"), "{words}: {status}");
}

#[test]
fn enter_focuses_the_summary_whose_most_severe_risks_are_links() {
    use brief::app::{Focus, Mode};
    use ratatui::crossterm::event::KeyCode;
    for (width, height) in SIZES {
        let mut h = Harness::bundled(width, height);
        h.key(KeyCode::Enter);
        assert_eq!(h.app.focus, Focus::Detail, "{width}x{height}");
        assert_eq!(h.app.mode(), Mode::Detail, "{width}x{height}");
        let top = {
            let loaded = h.app.loaded.as_ref().unwrap();
            let r = loaded.index.risks_by_severity[0];
            (r, loaded.briefing.risks[r].title.clone())
        };
        h.key(KeyCode::Tab);
        // The link is brought into view, however far down the page it is.
        let words: String = top
            .1
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            h.screen().contains(&words),
            "{width}x{height}: {words} on screen:\n{}",
            h.screen()
        );
        h.key(KeyCode::Enter);
        assert_eq!(h.app.pane, Pane::Risks, "{width}x{height}");
        assert_eq!(h.app.selected_item(Pane::Risks), Some(top.0));
        h.key(KeyCode::Backspace);
        assert_eq!(h.app.pane, Pane::Summary, "{width}x{height}");
        assert_eq!(h.app.focus, Focus::Detail, "{width}x{height}");
        h.key(KeyCode::Esc);
        assert_eq!(h.app.focus, Focus::List, "{width}x{height}");
    }
}
