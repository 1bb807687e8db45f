//! Every pane in every theme, snapshotted with its styles (a highlight drawn in the wrong
//! colour is a defect a text snapshot cannot see), and the promises the themes make:
//! NO_COLOR has not one colour, the default sets no background, the selection shows in
//! every theme.

use brief::app::Pane;
mod common;
use brief::ui::theme::{self, Theme};
use common::harness::Harness;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::fmt::Write as _;
use std::path::Path;

const ARCTIC: &str = "tests/fixtures/good/arctic-shipping.yaml";

fn themes() -> Vec<(&'static str, &'static Theme)> {
    let mut all: Vec<_> = theme::THEMES.to_vec();
    all.push(("no-color", &theme::NO_COLOR));
    all
}

/// Pane `pane` of the arctic briefing with its second item selected, drawn in `theme`;
/// the History pane is that of a repository with three versions of the pay briefing.
fn drawn(theme: &'static Theme, pane: Pane, width: u16, height: u16) -> Buffer {
    let repo = (pane == Pane::History).then(|| common::git::pay_repo(3));
    let mut harness = match &repo {
        Some(repo) => {
            let mut harness =
                Harness::open(&repo.path().join("pay.yaml"), width, height).with_theme(theme);
            harness.read_history();
            harness
        }
        None => Harness::open(Path::new(ARCTIC), width, height).with_theme(theme),
    };
    harness.keys(&(pane.index() + 1).to_string());
    harness.keys("j");
    harness.draw()
}

fn colour(c: Option<Color>) -> String {
    match c {
        None | Some(Color::Reset) => "-".into(),
        Some(Color::Rgb(r, g, b)) => format!("#{r:02x}{g:02x}{b:02x}"),
        Some(other) => format!("{other:?}"),
    }
}

fn modifiers(m: Modifier) -> String {
    let mut out = String::new();
    for (flag, letter) in [
        (Modifier::BOLD, 'b'),
        (Modifier::DIM, 'd'),
        (Modifier::ITALIC, 'i'),
        (Modifier::UNDERLINED, 'u'),
        (Modifier::REVERSED, 'r'),
        (Modifier::CROSSED_OUT, 'x'),
    ] {
        if m.contains(flag) {
            out.push(letter);
        }
    }
    out
}

/// Each row's text, then its runs of one style: `x-x fg/bg mods`.
fn style_dump(buffer: &Buffer) -> String {
    let mut out = String::new();
    let area = buffer.area;
    for y in 0..area.height {
        let mut text = String::new();
        let mut runs: Vec<(u16, u16, String)> = Vec::new();
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            text.push_str(cell.symbol());
            let style = format!(
                "{}/{} {}",
                colour(Some(cell.fg)),
                colour(Some(cell.bg)),
                modifiers(cell.modifier)
            );
            match runs.last_mut() {
                Some((_, end, last)) if *last == style => *end = x,
                _ => runs.push((x, x, style)),
            }
        }
        let _ = writeln!(out, "{y:2} {}", text.trim_end());
        let styled: Vec<String> = runs
            .into_iter()
            .filter(|(_, _, s)| s.trim() != "-/-")
            .map(|(a, b, s)| format!("{a}-{b} {}", s.trim_end()))
            .collect();
        if !styled.is_empty() {
            let _ = writeln!(out, "   {}", styled.join(", "));
        }
    }
    out
}

#[test]
fn every_pane_in_every_theme_with_its_styles() {
    for (name, theme) in themes() {
        for pane in Pane::ALL {
            let buffer = drawn(theme, pane, 100, 30);
            insta::assert_snapshot!(
                format!("theme_{name}_{}", pane.index() + 1),
                style_dump(&buffer)
            );
        }
    }
}

#[test]
fn no_color_draws_not_one_colour_on_any_pane() {
    for pane in Pane::ALL {
        let buffer = drawn(&theme::NO_COLOR, pane, 120, 40);
        for cell in buffer.content() {
            assert_eq!(cell.fg, Color::Reset, "{pane:?}: {cell:?}");
            assert_eq!(cell.bg, Color::Reset, "{pane:?}: {cell:?}");
        }
    }
}

#[test]
fn the_default_theme_sets_no_background_colour() {
    for pane in Pane::ALL {
        let buffer = drawn(&theme::DEFAULT, pane, 120, 40);
        for cell in buffer.content() {
            assert_eq!(cell.bg, Color::Reset, "{pane:?}: {cell:?}");
        }
    }
}

/// The list's selected row (the second) looks unlike the first in every theme, and in
/// NO_COLOR by reverse video.
#[test]
fn the_selection_shows_in_every_theme() {
    for (name, theme) in themes() {
        for pane in [Pane::Actors, Pane::Quotes, Pane::Risks, Pane::Questions] {
            let buffer = drawn(theme, pane, 120, 40);
            // The selected second item's row, wherever the pane lays its list out (the
            // risks' list stands under the heat map); the first item's row is above it.
            let wanted = theme.selected;
            // A risk's severity label keeps its own colour when selected: its title shows
            // the selection.
            let x = if pane == Pane::Risks { 17 } else { 3 };
            let is_selected = |y: u16| {
                let cell = &buffer[(x, y)];
                wanted
                    .bg
                    .is_some_and(|bg| bg != Color::Reset && cell.bg == bg)
                    || (!wanted.add_modifier.is_empty()
                        && cell.modifier.contains(wanted.add_modifier))
            };
            let row = (3..40)
                .find(|&y| is_selected(y))
                .unwrap_or_else(|| panic!("{name}, {pane:?}: no selected row"));
            let (first, selected) = (&buffer[(x, row - 1)], &buffer[(x, row)]);
            assert_ne!(
                (first.fg, first.bg, first.modifier),
                (selected.fg, selected.bg, selected.modifier),
                "{name}, {pane:?}: the selected row looks like the others"
            );
            if name == "no-color" || name == "default" {
                assert!(
                    selected.modifier.contains(Modifier::REVERSED),
                    "{name}, {pane:?}"
                );
            }
        }
    }
}

#[test]
fn an_unknown_theme_names_the_themes() {
    let message = theme::by_name("nosuch").err().unwrap();
    let names: Vec<&str> = theme::THEMES.iter().map(|(name, _)| *name).collect();
    assert!(names.len() >= 4, "{names:?}");
    assert_eq!(
        message,
        format!(
            "unknown theme `nosuch`; the themes are: {}",
            names.join(", ")
        )
    );
    for name in names {
        assert!(theme::by_name(name).is_ok(), "{name}");
    }
}

#[test]
fn no_color_means_set_and_not_empty() {
    use std::ffi::OsStr;
    assert!(theme::no_color_requested(Some(OsStr::new("1"))));
    assert!(!theme::no_color_requested(Some(OsStr::new(""))));
    assert!(!theme::no_color_requested(None));
    assert!(std::ptr::eq(
        theme::choose(&theme::LIGHT, true),
        &theme::NO_COLOR
    ));
    assert!(std::ptr::eq(
        theme::choose(&theme::LIGHT, false),
        &theme::LIGHT
    ));
}
