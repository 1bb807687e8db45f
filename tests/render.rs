//! Structural tests of what is drawn: names from the loaded briefing (nothing hard-coded),
//! borders that stay in their columns whatever the script, wrapped text that loses
//! nothing, and long text that is never cut without a sign.

use brief::app::Pane;
mod common;
use brief::ui::layout::Regions;
use common::harness::Harness;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

const ARCTIC: &str = "tests/fixtures/good/arctic-shipping.yaml";

fn arctic(width: u16, height: u16) -> Harness {
    Harness::open(Path::new(ARCTIC), width, height)
}

fn digit(pane: Pane) -> String {
    (pane.index() + 1).to_string()
}

/// The text of cells `x0..x1` on row `y`, the hidden half of a wide character skipped.
fn cells_text(buffer: &Buffer, x0: u16, x1: u16, y: u16) -> String {
    let mut out = String::new();
    let mut x = x0;
    while x < x1 {
        let symbol = buffer[(x, y)].symbol();
        out.push_str(symbol);
        x += symbol.width().max(1) as u16;
    }
    out
}

/// The rows of text inside a block's border and its one-column margin each side.
fn inner_text(buffer: &Buffer, block: Rect) -> Vec<String> {
    let (x0, x1) = (block.x + 2, block.right().saturating_sub(2));
    (block.y + 1..block.bottom().saturating_sub(1))
        .map(|y| cells_text(buffer, x0, x1, y).trim_end().to_owned())
        .collect()
}

/// The rows of a list, inside its border (the scrollbar, if any, is on the border).
fn list_text(buffer: &Buffer, list: Rect) -> Vec<String> {
    let (x0, x1) = (list.x + 1, list.right() - 1);
    (list.y + 1..list.bottom() - 1)
        .map(|y| cells_text(buffer, x0, x1, y).trim_end().to_owned())
        .collect()
}

fn regions(harness: &Harness) -> Regions {
    Regions::new(harness.app.area(), &harness.app)
}

/// The visible lines of the detail block.
fn detail_text(harness: &mut Harness) -> Vec<String> {
    let detail = regions(harness).detail;
    inner_text(&harness.draw(), detail)
}

/// The detail block's bottom border, as text.
fn detail_bottom_border(harness: &mut Harness) -> String {
    let detail = regions(harness).detail;
    let buffer = harness.draw();
    cells_text(&buffer, detail.x, detail.right(), detail.bottom() - 1)
}

fn detail_top_border(harness: &mut Harness) -> String {
    let detail = regions(harness).detail;
    let buffer = harness.draw();
    cells_text(&buffer, detail.x, detail.right(), detail.y)
}

/// Every line of the selected item's detail, scrolling through it with the detail focused.
fn whole_detail(harness: &mut Harness) -> Vec<String> {
    harness.key(KeyCode::Enter);
    let pane = harness.app.pane;
    let mut lines: Vec<String> = Vec::new();
    loop {
        let scroll = harness.app.state(pane).detail_scroll;
        for (n, line) in detail_text(harness).into_iter().enumerate() {
            if scroll + n >= lines.len() {
                lines.push(line);
            }
        }
        harness.keys("j");
        if harness.app.state(pane).detail_scroll == scroll {
            break;
        }
    }
    harness.key(KeyCode::Esc);
    lines
}

// Nothing about the Belarus briefing is hard-coded.

/// The actor names of the briefing the harness shows, as the model has them.
fn actor_names(harness: &Harness) -> Vec<String> {
    let loaded = harness.app.loaded.as_ref().expect("a loaded briefing");
    loaded
        .briefing
        .actors
        .iter()
        .map(|a| a.name.clone())
        .collect()
}

#[test]
fn arctic_actor_list_shows_every_name_from_the_file() {
    let mut harness = arctic(120, 40);
    harness.keys("2");
    let names = actor_names(&harness);
    assert_eq!(names.len(), 7);
    let list = regions(&harness).list.expect("the actors pane has a list");
    let rows = list_text(&harness.draw(), list);
    for name in &names {
        let shown = rows.iter().any(|row| row.contains(name.as_str()))
            || rows.iter().any(|row| {
                // Cut with an ellipsis: the visible part must be a real prefix of the name.
                row.split('…').next().is_some_and(|head| {
                    let head = head.trim();
                    head.chars().count() >= 3 && name.starts_with(head)
                }) && row.contains('…')
            });
        assert!(shown, "{name} is not in the list:\n{}", rows.join("\n"));
    }
}

#[test]
fn arctic_selecting_each_actor_shows_its_name_in_the_detail() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut harness = arctic(width, height);
        harness.keys("2");
        let names = actor_names(&harness);
        for (n, name) in names.iter().enumerate() {
            assert_eq!(harness.app.state(Pane::Actors).selected, n);
            let detail = detail_text(&mut harness);
            assert_eq!(&detail[0], name, "at {width}x{height}: {detail:#?}");
            harness.keys("j");
        }
    }
}

#[test]
fn arctic_header_shows_that_briefings_title() {
    let mut harness = arctic(120, 40);
    let title = harness.app.loaded.as_ref().unwrap().briefing.title.clone();
    let screen = harness.screen();
    let header = screen.lines().next().unwrap();
    assert!(header.contains(&title), "{header}");
    assert!(header.contains("arctic-shipping.yaml"), "{header}");
}

#[test]
fn arctic_panes_show_nothing_from_the_belarus_briefing() {
    const BELARUS: [&str; 8] = [
        "Lukashenko",
        "Belarus",
        "Coale",
        "Minsk",
        "Tsikhanouskaya",
        "potash",
        "CBS",
        "bundled",
    ];
    for (width, height) in [(120, 40), (80, 24)] {
        let mut harness = arctic(width, height);
        for pane in Pane::ALL {
            harness.keys(&digit(pane));
            let rows = harness.app.rows(pane).len().max(1);
            for _ in 0..rows {
                let screen = harness.screen();
                // Absences alone would hold for a blank screen: the Arctic briefing is there.
                assert!(
                    screen.contains("Northern Sea Route"),
                    "no Arctic title on {pane:?} at {width}x{height}:\n{screen}"
                );
                for word in BELARUS {
                    assert!(
                        !screen.contains(word),
                        "{word:?} on {pane:?} at {width}x{height}:\n{screen}"
                    );
                }
                harness.keys("j");
            }
        }
    }
}

// Borders stay in line whatever the script.

const VERTICAL: [&str; 3] = ["│", "┃", "║"];
/// A scrollbar's thumb may stand in for a vertical border.
const THUMB: &str = "█";

/// Checks every row of the screen: display widths add up to the terminal width, the hidden
/// half of each wide character is blank, and the vertical borders of the body's blocks
/// sit in the columns the layout gives them.
fn check_screen(buffer: &Buffer, regions: &Regions, context: &str) {
    let area = buffer.area;
    for y in 0..area.height {
        let mut width = 0;
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            let w = symbol.width().max(1) as u16;
            assert!(
                x + w <= area.width,
                "{context}: {symbol:?} at ({x}, {y}) runs past the right edge"
            );
            for hidden in x + 1..x + w {
                assert_eq!(
                    buffer[(hidden, y)].symbol(),
                    " ",
                    "{context}: something drawn over the second half of {symbol:?} at ({x}, {y})"
                );
            }
            width += w;
            x += w;
        }
        assert_eq!(width, area.width, "{context}: row {y} is {width} wide");
    }

    let blocks: Vec<Rect> = regions
        .list
        .into_iter()
        .chain(regions.heat)
        .chain([regions.detail])
        .collect();
    let body = regions.body;
    for block in &blocks {
        let top = buffer[(block.x, block.y)].symbol();
        let bottom = buffer[(block.x, block.bottom() - 1)].symbol();
        assert!(
            ["╭", "┏"].contains(&top),
            "{context}: top-left corner is {top:?}"
        );
        assert!(
            ["╰", "┗"].contains(&bottom),
            "{context}: bottom-left corner is {bottom:?}"
        );
    }
    for y in body.y + 1..body.bottom() - 1 {
        // Side by side or one under the other: the rows inside a block, not on its edges.
        let inside: Vec<&Rect> = blocks
            .iter()
            .filter(|b| y > b.y && y + 1 < b.bottom())
            .collect();
        if inside.len() < blocks.iter().filter(|b| y >= b.y && y < b.bottom()).count() {
            continue;
        }
        let columns: Vec<u16> = inside.iter().flat_map(|b| [b.x, b.right() - 1]).collect();
        let row = cells_text(buffer, 0, area.width, y);
        for x in 0..area.width {
            let symbol = buffer[(x, y)].symbol();
            if columns.contains(&x) {
                assert!(
                    VERTICAL.contains(&symbol) || symbol == THUMB,
                    "{context}: no border at column {x} of row {y}: {row}"
                );
            } else {
                assert!(
                    !VERTICAL.contains(&symbol),
                    "{context}: a border at column {x} of row {y}, out of line: {row}"
                );
            }
        }
    }
}

/// Checks the screen after `keys` on a fresh harness. A fresh one because the test
/// backend applies only the cells that changed since the last frame, and ratatui's diff
/// skips the hidden half of a wide character, which can leave a stale symbol there that
/// no real terminal would show.
fn check_after(width: u16, height: u16, keys: &[KeyCode], context: &str) {
    let mut harness = arctic(width, height);
    for &key in keys {
        harness.key(key);
    }
    let regions = regions(&harness);
    check_screen(&harness.draw(), &regions, context);
}

#[test]
fn arctic_borders_stay_in_line_on_every_pane_and_item() {
    for (width, height) in [(80, 24), (120, 40)] {
        let counts = arctic(width, height);
        for pane in Pane::ALL {
            let items = counts.app.rows(pane).len().max(1);
            for n in 0..items {
                let mut keys = vec![KeyCode::Char(char::from(b'1' + pane.index() as u8))];
                keys.extend(std::iter::repeat_n(KeyCode::Char('j'), n));
                let context = format!("{pane:?} item {n} at {width}x{height}");
                check_after(width, height, &keys, &context);
            }
        }
    }
}

#[test]
fn arctic_borders_stay_in_line_with_the_detail_scrolled() {
    for (width, height) in [(80, 24), (120, 40)] {
        for pane in [Pane::Actors, Pane::Quotes, Pane::Stances] {
            for step in (0..60).step_by(3) {
                let mut keys = vec![
                    KeyCode::Char(char::from(b'1' + pane.index() as u8)),
                    KeyCode::Enter,
                ];
                keys.extend(std::iter::repeat_n(KeyCode::Char('j'), step));
                let context = format!("{pane:?} scrolled {step} at {width}x{height}");
                check_after(width, height, &keys, &context);
            }
        }
    }
}

#[test]
fn arctic_borders_stay_in_line_on_the_help_overlay() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut harness = arctic(width, height);
        harness.keys("2?");
        let buffer = harness.draw();
        // The overlay covers the body's borders; only the row widths can be checked.
        for y in 0..height {
            let row = cells_text(&buffer, 0, width, y);
            assert_eq!(row.width(), width as usize, "row {y}: {row}");
        }
    }
}

// Wrapped text loses nothing.

fn select_quote(harness: &mut Harness, id: &str) -> String {
    harness.keys("3");
    let loaded = harness.app.loaded.clone().unwrap();
    let quotes = &loaded.briefing.quotes;
    let item = quotes
        .iter()
        .position(|q| q.id == id)
        .expect("the quote is in the fixture");
    let row = harness
        .app
        .rows(Pane::Quotes)
        .iter()
        .position(|&i| i == item)
        .unwrap();
    for _ in 0..row {
        harness.keys("j");
    }
    assert_eq!(harness.app.selected_item(Pane::Quotes), Some(item));
    quotes[item].text.clone()
}

/// The quote as shown at the top of its detail: from the opening “ to the closing ”.
fn shown_quote(lines: &[String]) -> Vec<String> {
    let start = lines
        .iter()
        .position(|l| l.starts_with('“'))
        .expect("an opening quote mark");
    let end = start
        + lines[start..]
            .iter()
            .position(|l| l.ends_with('”'))
            .expect("a closing quote mark");
    lines[start..=end].to_vec()
}

fn no_whitespace(text: &str) -> String {
    text.split_whitespace().collect()
}

fn check_quote_wraps_whole(id: &str, words_separated_by_spaces: bool) {
    for (width, height) in [(80, 24), (120, 40), (70, 12)] {
        let mut harness = arctic(width, height);
        let text = select_quote(&mut harness, id);
        let text_width = regions(&harness).detail_text_width();
        let lines = whole_detail(&mut harness);
        for line in &lines {
            assert!(
                line.width() <= text_width,
                "{id} at {width}x{height}: {line:?} is over {text_width} columns"
            );
        }
        let quote = shown_quote(&lines);
        assert!(quote.len() > 1, "{id} should wrap at {width}x{height}");
        let joined = quote.join(" ");
        let joined = joined.trim_start_matches('“').trim_end_matches('”');
        assert_eq!(
            no_whitespace(joined),
            no_whitespace(&text),
            "{id} at {width}x{height}: the quote was cut or altered"
        );
        if words_separated_by_spaces {
            let shown: Vec<&str> = joined.split_whitespace().collect();
            let source: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(shown, source, "{id} at {width}x{height}: words were split");
        }
    }
}

#[test]
fn long_japanese_quote_wraps_within_the_detail_and_loses_nothing() {
    check_quote_wraps_whole("q-nagasawa-transit", false);
}

#[test]
fn long_cyrillic_quote_wraps_within_the_detail_and_loses_nothing() {
    check_quote_wraps_whole("q-likhachev-season", true);
}

#[test]
fn quote_with_emoji_wraps_within_the_detail_and_loses_nothing() {
    // Emoji may break between each other, so only the text, not its spacing, is compared.
    check_quote_wraps_whole("q-greenpeace-emoji", false);
}

// Long text is never cut without a sign.

#[test]
fn actor_detail_too_long_for_the_window_says_more_below() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2");
    let bottom = detail_bottom_border(&mut harness);
    assert!(bottom.contains("more below"), "{bottom}");
    assert!(!detail_top_border(&mut harness).contains('↑'));
}

#[test]
fn actor_detail_scrolled_to_the_end_shows_the_last_line_and_no_sign() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut harness = Harness::bundled(width, height);
        harness.keys("2");
        let loaded = harness.app.loaded.clone().unwrap();
        let questions = &loaded.index.questions_by_actor[0];
        assert!(
            !questions.is_empty(),
            "the first actor's detail ends with its questions"
        );
        let last_question = &loaded.briefing.questions[*questions.last().unwrap()].question;
        let text_width = regions(&harness).detail_text_width();
        let wrapped = brief::ui::text::wrap(last_question, text_width - 2);
        let last_line = wrapped.last().unwrap();

        harness.key(KeyCode::Enter);
        harness.keys("G");
        let lines = detail_text(&mut harness);
        let shown = lines.iter().rev().find(|l| !l.is_empty()).unwrap();
        assert_eq!(
            shown.trim_start_matches("? ").trim(),
            last_line.trim(),
            "{lines:#?}"
        );
        let bottom = detail_bottom_border(&mut harness);
        assert!(!bottom.contains("more"), "at {width}x{height}: {bottom}");
        let top = detail_top_border(&mut harness);
        assert!(
            top.contains('↑'),
            "the top border says how far it scrolled: {top}"
        );
    }
}

#[test]
fn summary_too_long_says_more_below_until_scrolled_to_the_end() {
    let mut harness = Harness::bundled(80, 24);
    let screen = harness.screen();
    let bottom = screen.lines().nth(22).unwrap();
    assert!(bottom.contains("↓ more"), "{bottom}");
    harness.keys("G");
    let screen = harness.screen();
    let bottom = screen.lines().nth(22).unwrap();
    assert!(!bottom.contains("more"), "{bottom}");
    let note = &harness.app.loaded.as_ref().unwrap().briefing.sources[0].note;
    let ending = note.as_deref().unwrap().split_whitespace().last().unwrap();
    assert!(
        screen.contains(ending),
        "the last source note ends the page:\n{screen}"
    );
}

#[test]
fn detail_that_fits_has_no_sign() {
    let mut harness = arctic(120, 40);
    harness.keys("5");
    let bottom = detail_bottom_border(&mut harness);
    assert!(!bottom.contains("more"), "{bottom}");
    assert!(!detail_top_border(&mut harness).contains('↑'));
}

#[test]
fn cut_list_rows_end_in_an_ellipsis() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("3");
    let loaded = harness.app.loaded.clone().unwrap();
    let list = regions(&harness).list.unwrap();
    let rows = list_text(&harness.draw(), list);
    for (row, &item) in rows.iter().zip(harness.app.rows(Pane::Quotes)) {
        let quote = &loaded.briefing.quotes[item];
        let whole = format!("“{}”", quote.text);
        assert!(
            row.contains(&whole) || row.ends_with('…'),
            "the quote {:?} is cut without a sign: {row:?}",
            quote.id
        );
    }
}

// Rows are kept from frame to frame (ui::Cache); what changes must still show.

#[test]
fn rows_drawn_before_show_what_changed_since() {
    let mut harness = Harness::bundled(120, 40);
    harness.keys("3");
    assert!(harness.screen().contains("“our goal”"));
    // A reload that changes a quote's text: its row shows the new text, with its mark.
    let edited =
        brief::briefing::BUNDLED_TEXT.replace("text: \"our goal\"", "text: \"our new goal\"");
    harness.reloaded(brief::briefing::parse(&edited));
    let screen = harness.screen();
    assert!(screen.contains("“our new goal”"), "{screen}");
    assert!(!screen.contains("“our goal”"), "{screen}");
    // The selection moves: the old row loses its highlight, the new row gains it.
    let highlighted = |buffer: &Buffer| -> Vec<u16> {
        (3..buffer.area.height - 2)
            .filter(|&y| highlighted_cell(&buffer[(10, y)]))
            .collect()
    };
    let before = highlighted(&harness.draw());
    harness.keys("j");
    let after = highlighted(&harness.draw());
    assert_eq!(before.len(), 1, "{before:?}");
    assert_eq!(after, vec![before[0] + 1]);
    let row_of = |screen: &str, text: &str| screen.lines().position(|l| l.contains(text));
    // A narrower window lays rows out again at the new width.
    harness.resize(80, 24);
    let narrow = harness.screen();
    assert!(narrow.lines().all(|l| l.width() <= 80));
    assert!(row_of(&narrow, "Coale").is_some(), "{narrow}");
    // A search that hides rows draws the remaining ones in their new places.
    harness.keys("/");
    for c in "potash".chars() {
        harness.key(KeyCode::Char(c));
    }
    harness.key(KeyCode::Enter);
    let searched = harness.screen();
    assert!(!searched.contains("“our new goal”"), "{searched}");
}

#[test]
fn rows_from_the_cache_match_rows_drawn_afresh_cell_for_cell() {
    let walk = "jjjjjjkkkj";
    for (width, height) in [(120, 40), (80, 24)] {
        for pane in "234567".chars() {
            // A frame after every key, so that rows come from the cache...
            let mut walked = arctic(width, height);
            let mut fresh = arctic(width, height);
            for key in std::iter::once(pane).chain(walk.chars()) {
                walked.keys(&key.to_string());
                walked.draw();
                fresh.keys(&key.to_string());
            }
            // ...and the same state drawn for the first time, with the list focused and
            // then the detail.
            assert_eq!(
                walked.draw(),
                fresh.draw(),
                "pane {pane} at {width}x{height}"
            );
            walked.key(KeyCode::Enter);
            let mut fresh = arctic(width, height);
            fresh.keys(&pane.to_string());
            fresh.keys(walk);
            fresh.key(KeyCode::Enter);
            assert_eq!(
                walked.draw(),
                fresh.draw(),
                "pane {pane} at {width}x{height}, detail"
            );
        }
    }
}

/// A cell of the selection: in reverse video, or on a background of its own.
fn highlighted_cell(cell: &ratatui::buffer::Cell) -> bool {
    cell.bg != ratatui::style::Color::Reset
        || cell.modifier.contains(ratatui::style::Modifier::REVERSED)
}

#[test]
fn the_selected_row_is_highlighted_across_the_whole_list() {
    // (The matrix of pane 6 has a cell cursor instead: see the snapshots.)
    for pane in "23457".chars() {
        let mut harness = Harness::bundled(120, 40);
        harness.keys(&pane.to_string());
        harness.keys("j");
        let buffer = harness.draw();
        let row = (3..38)
            .find(|&y| highlighted_cell(&buffer[(2, y)]))
            .unwrap_or_else(|| panic!("pane {pane}: no highlighted row"));
        let right = (2..120)
            .find(|&x| buffer[(x, row)].symbol() == "┃")
            .expect("the list's right border");
        // A risk's severity label (bar, word and space, after the mark) keeps its own
        // colour when selected.
        let label = if pane == '4' { 3..17 } else { 0..0 };
        let plain: Vec<u16> = (1..right)
            .filter(|&x| !label.contains(&x) && !highlighted_cell(&buffer[(x, row)]))
            .collect();
        assert!(
            plain.is_empty(),
            "pane {pane}: columns {plain:?} of row {row} are not highlighted"
        );
    }
}

#[test]
fn the_matrix_scrolls_down_with_its_topics_and_across_with_its_actors_in_place() {
    // 80x14: a matrix of a few rows, the arctic briefing's seven actors do not all fit.
    let mut harness = arctic(80, 14);
    harness.keys("6");
    let loaded = harness.app.loaded.clone().expect("a briefing");
    let last = loaded.briefing.actors.len() - 1;
    harness.keys(&"j".repeat(last));
    let state = harness.app.state(Pane::Stances).clone();
    assert_eq!(state.selected, last);
    assert!(state.offset > 0, "the matrix scrolled down: {state:?}");
    let screen = harness.screen();
    let last_actor: String = loaded.briefing.actors[last]
        .label()
        .chars()
        .take(4)
        .collect();
    assert!(screen.contains(&last_actor), "{screen}");
    let header = screen.lines().nth(3).unwrap_or_default().to_owned();
    assert!(
        header.contains(
            &loaded.briefing.topics[0]
                .name
                .chars()
                .take(4)
                .collect::<String>()
        ),
        "the topics stay on top: {header:?}\n{screen}"
    );
}
