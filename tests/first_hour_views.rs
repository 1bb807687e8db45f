//! What a new analyst trips on in the views: the heat map's cursor selects a cell and
//! Enter filters to it (Enter again or Esc shows all), with the footer naming what each
//! key will do; the map's arrows point where its levels rise. Driven through the key
//! table like the runtime, and once through the real binary in a pseudo-terminal.

use brief::app::{Focus, Pane};
mod common;
use brief::ui::theme;
use common::harness::{Harness, find};
use common::pty::{Tui, WAIT};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use std::path::Path;

const MEKONG: &str = "tests/fixtures/good/mekong-water.yaml";

fn mekong(width: u16, height: u16) -> Harness {
    Harness::open(Path::new(MEKONG), width, height)
}

/// The footer: the screen's last line.
fn footer(h: &mut Harness) -> String {
    h.screen().lines().last().unwrap_or_default().to_owned()
}

#[test]
fn moving_the_heat_map_cursor_selects_a_cell_without_filtering() {
    let mut h = mekong(120, 40);
    h.keys("4m");
    h.keys("jh");
    assert_eq!(h.app.heat_cursor, (1, 1));
    assert_eq!(h.app.heat_filter, None, "moving does not filter");
    assert_eq!(
        h.app.rows(Pane::Risks).len(),
        4,
        "the list keeps every risk"
    );
    assert!(!h.screen().contains("filtering"));
}

#[test]
fn enter_filters_to_the_cell_and_enter_again_or_esc_shows_all() {
    let mut h = mekong(120, 40);
    h.keys("4mjh");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.heat_filter, Some((1, 1)));
    assert_eq!(h.app.rows(Pane::Risks).len(), 1, "medium, medium: one risk");
    assert_eq!(h.app.focus, Focus::Grid, "Enter stays on the map");
    h.key(KeyCode::Enter);
    assert_eq!(
        h.app.heat_filter, None,
        "Enter on the filtered cell shows all"
    );
    assert_eq!(h.app.rows(Pane::Risks).len(), 4);
    // Enter on another cell than the filtered one moves the filter there.
    h.key(KeyCode::Enter);
    h.keys("k");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.heat_filter, Some((0, 1)));
    h.key(KeyCode::Esc);
    assert_eq!(h.app.heat_filter, None, "Esc shows all");
    assert_eq!(h.app.rows(Pane::Risks).len(), 4);
}

#[test]
fn the_heat_map_footer_says_what_enter_and_esc_will_do() {
    let mut h = mekong(120, 40);
    h.keys("4m");
    let before = footer(&mut h);
    assert!(before.contains("Enter filter"), "{before}");
    assert!(
        !before.contains("show all"),
        "nothing to show all of: {before}"
    );
    h.key(KeyCode::Enter);
    // The next key clears the message Enter left, and moving away and back keeps the
    // cursor on the filtered cell.
    h.keys("hl");
    let on_filtered = footer(&mut h);
    assert!(on_filtered.contains("Enter show all"), "{on_filtered}");
    assert!(on_filtered.contains("Esc show all"), "{on_filtered}");
    h.keys("h");
    let elsewhere = footer(&mut h);
    assert!(elsewhere.contains("Enter filter"), "{elsewhere}");
    assert!(elsewhere.contains("Esc show all"), "{elsewhere}");
}

/// The keys through the real binary: moving the cursor to medium, medium and pressing
/// Enter filters to that cell (where moving used to filter, and Enter then stopped).
#[test]
fn in_a_terminal_the_heat_map_filters_on_enter_not_on_moving() {
    let tui = Tui::spawn(&[MEKONG], 40, 120);
    tui.wait_for("Upper Mekong", WAIT);
    tui.send("4");
    tui.wait_for("Risks 1/4", WAIT);
    tui.send("m");
    tui.wait_for("Enter filter", WAIT);
    tui.send("jh");
    tui.send("\r");
    tui.wait_for("Heat map · filtering", WAIT);
    tui.wait_for("medium likelihood and medium impact: 1", WAIT);
    tui.send("\x1b");
    tui.wait_for("Risks 1/4", WAIT);
}

/// The arrows point where the levels rise: high likelihood is the top row, so its arrow
/// points up; high impact is the right column, so its arrow points right.
#[test]
fn the_heat_map_arrows_point_where_its_levels_rise() {
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
        let mut h = mekong(width, height);
        h.keys("4");
        let screen = h.screen();
        let line_of = |word: &str| {
            screen
                .lines()
                .position(|l| l.trim_start_matches('│').starts_with(word))
                .unwrap_or_else(|| panic!("a {word} row at {width}x{height}:\n{screen}"))
        };
        assert!(line_of("high") < line_of("low"), "high likelihood on top");
        let axes = &screen.lines().collect::<Vec<_>>()[line_of("likelihood")];
        assert!(axes.contains("likelihood ↑"), "{axes}");
        assert!(axes.contains("impact →"), "{axes}");
        let header = screen
            .lines()
            .find(|l| l.contains("low") && l.contains("medium") && l.contains("high"))
            .expect("the impact header");
        assert!(
            header.find("low") < header.find("high"),
            "high impact to the right: {header}"
        );
    }
}

/// The hue of one of the 16 ANSI colours: a light variant is the same hue, which many
/// palettes draw hardly differently.
fn hue(color: Color) -> Color {
    match color {
        Color::LightRed => Color::Red,
        Color::LightGreen => Color::Green,
        Color::LightYellow => Color::Yellow,
        Color::LightBlue => Color::Blue,
        Color::LightMagenta => Color::Magenta,
        Color::LightCyan => Color::Cyan,
        Color::Gray | Color::DarkGray => Color::White,
        other => other,
    }
}

#[test]
fn the_default_theme_tells_elevated_from_critical_by_hue() {
    let p = &theme::DEFAULT.palette;
    assert_ne!(hue(p.elevated), hue(p.critical));
}

/// On a dark terminal, plain blue, dark grey and black are hard to read on black.
#[test]
fn the_default_theme_draws_neutral_legibly_on_a_dark_palette() {
    let neutral = theme::DEFAULT.palette.neutral;
    assert!(
        ![Color::Blue, Color::DarkGray, Color::Black].contains(&neutral),
        "{neutral:?}"
    );
}

/// The selected risk's severity bar and word stay in their colour, not the selection's.
#[test]
fn a_selected_risk_keeps_its_severity_colour() {
    let mut h = mekong(120, 40).with_theme(&theme::DEFAULT);
    h.keys("4");
    assert_eq!(h.app.state(Pane::Risks).selected, 0, "the critical risk");
    let buffer = h.draw();
    let (x, y) = find(&buffer, "████ critical The").expect("the selected risk's bar");
    for dx in 0..13 {
        let cell = &buffer[(x + dx, y)];
        assert_eq!(
            cell.fg,
            theme::DEFAULT.palette.critical,
            "column {dx} of the bar"
        );
        assert!(
            !cell.modifier.contains(Modifier::REVERSED),
            "column {dx} of the bar is not reversed"
        );
    }
    // The rest of the row is still drawn selected.
    let title = &buffer[(x + 16, y)];
    assert!(title.modifier.contains(Modifier::REVERSED), "{title:?}");
}

/// On an 80x24 terminal the heat map beside or above the list leaves a risk's title at
/// least 20 columns where it has to be cut, for the fixtures' briefings.
#[test]
fn at_80x24_risk_titles_keep_twenty_columns() {
    for fixture in ["arctic-shipping", "mekong-water", "one-of-each"] {
        let path = format!("tests/fixtures/good/{fixture}.yaml");
        let mut h = Harness::open(Path::new(&path), 80, 24);
        h.keys("4");
        let buffer = h.draw();
        let severities = ["critical ", "elevated ", "moderate ", "low      "];
        let row = (0..24)
            .find(|&y| {
                let text = common::harness::row_text(&buffer, y);
                text.contains('┃') && severities.iter().any(|s| text.contains(s))
            })
            .unwrap_or_else(|| panic!("{fixture}: no risk row:\n{}", h.screen()));
        let text = common::harness::row_text(&buffer, row);
        let after = severities
            .iter()
            .find_map(|s| text.split_once(s).map(|(_, rest)| rest))
            .expect("a severity word");
        let title = after.split(['┃', '│']).next().unwrap_or_default();
        let columns = unicode_width::UnicodeWidthStr::width(title);
        // A title cut short has at least 20 columns; a shorter one may show whole in less.
        let cut = title.contains('…');
        assert!(
            !cut || columns >= 20,
            "{fixture}: {columns} columns: {text}"
        );
    }
}
