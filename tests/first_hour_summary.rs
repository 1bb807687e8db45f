//! A new analyst's first hour with the Summary, the footer, the help and the problems
//! list, driven through the key table like the runtime.

use brief::app::Pane;
mod common;
use common::harness::{Harness, find, row_text};

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
