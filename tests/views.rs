//! The views that make brief a tool to think with: the stance matrix, the risks' heat
//! map, links and the jump list, search that shows where, the layout, the mouse. Driven
//! through the key table (and mouse events through the same path) like the runtime.
//!
//! Accept new or changed snapshots with `INSTA_UPDATE=always cargo test --test views`,
//! then read the `.snap` files in `tests/snapshots/` before committing them.

use brief::app::{Focus, Pane};
mod common;
use brief::ui::layout::Regions;
use common::harness::{Harness, find, row_text};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use std::path::Path;

const MEKONG: &str = "tests/fixtures/good/mekong-water.yaml";
const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 50)];

fn mekong(width: u16, height: u16) -> Harness {
    Harness::open(Path::new(MEKONG), width, height)
}

// The stance matrix.

#[test]
fn matrix_shows_every_actor_as_a_row_and_every_topic_as_a_column() {
    for (width, height) in SIZES {
        let mut h = mekong(width, height);
        h.keys("6");
        let screen = h.screen();
        let loaded = h.app.loaded.clone().unwrap();
        for actor in &loaded.briefing.actors {
            let label: String = actor.label().chars().take(5).collect();
            assert!(
                screen.contains(&label),
                "{label} at {width}x{height}:\n{screen}"
            );
        }
        let header = screen.lines().nth(3).unwrap();
        for topic in &loaded.briefing.topics {
            let head: String = topic.name.chars().take(4).collect();
            assert!(
                header.contains(&head),
                "{head} at {width}x{height}: {header}"
            );
        }
        assert!(screen.contains("· missing"), "a legend:\n{screen}");
        assert_snapshot!(format!("mekong_matrix_{width}x{height}"), screen);
    }
}

#[test]
fn each_matrix_cell_has_the_sign_of_its_stance() {
    let mut h = mekong(120, 40);
    h.keys("6");
    let loaded = h.app.loaded.clone().unwrap();
    let b = &loaded.briefing;
    for actor in &b.actors {
        for topic in &b.topics {
            let expected = b
                .stances
                .iter()
                .find(|s| s.actor == actor.id && s.topic == topic.id);
            assert_eq!(
                h.app.selected_item(Pane::Stances).map(|s| &b.stances[s]),
                expected,
                "{} on {}",
                actor.id,
                topic.id
            );
            let screen = h.screen();
            match expected {
                Some(stance) => assert!(screen.contains(&stance.summary[..20]), "{screen}"),
                None => assert!(screen.contains("No stance recorded"), "{screen}"),
            }
            h.keys("l");
        }
        h.keys(&"h".repeat(b.topics.len()));
        h.keys("j");
        assert_eq!(
            h.app.pane,
            Pane::Stances,
            "h, l, j and k stay in the matrix"
        );
    }
    h.key(KeyCode::Tab);
    assert_eq!(h.app.pane, Pane::Timeline, "Tab leaves the matrix");
}

#[test]
fn the_matrix_cursor_is_drawn_in_the_selection_style() {
    let mut h = mekong(120, 40);
    h.keys("6jl");
    let buffer = h.draw();
    let matrix = Regions::new(h.app.area(), &h.app).list.unwrap();
    let cursor: Vec<(u16, u16)> = (matrix.y..matrix.bottom())
        .flat_map(|y| (matrix.x..matrix.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let (cell, want) = (&buffer[(x, y)], brief::ui::theme::DEFAULT.cell_cursor(true));
            cell.modifier.contains(want.add_modifier) && want.fg.is_none_or(|fg| cell.fg == fg)
        })
        .collect();
    assert!(!cursor.is_empty(), "no cell in the cursor's style");
    let row = cursor[0].1;
    assert!(
        cursor.iter().all(|&(_, y)| y == row),
        "one cell: {cursor:?}"
    );
    let text = row_text(&buffer, row);
    assert!(text.contains("Patrol"), "the second actor's row: {text}");
}

// The heat map.

#[test]
fn heat_map_labels_its_axes_and_counts_each_cell() {
    for (width, height) in SIZES {
        let mut h = mekong(width, height);
        h.keys("4");
        let screen = h.screen();
        for word in ["likelihood", "impact", "low", "medium", "high"] {
            assert!(
                screen.contains(word),
                "{word} at {width}x{height}:\n{screen}"
            );
        }
        assert_snapshot!(format!("mekong_heat_map_{width}x{height}"), screen);
    }
}

#[test]
fn a_heat_map_cell_filters_the_list_on_enter_and_esc_clears_it() {
    let mut h = mekong(120, 40);
    h.keys("4m");
    assert_eq!(h.app.focus, Focus::Grid);
    // The cursor starts at high likelihood, high impact: the harvest risk.
    h.key(KeyCode::Enter);
    let loaded = h.app.loaded.clone().unwrap();
    let titles: Vec<&str> = h
        .app
        .rows(Pane::Risks)
        .iter()
        .map(|&r| loaded.briefing.risks[r].title.as_str())
        .collect();
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert!(titles[0].contains("harvest"));
    h.keys("jh");
    assert_eq!(h.app.heat_cursor, (1, 1));
    assert_eq!(
        h.app.heat_filter,
        Some((0, 2)),
        "moving selects a cell, it does not filter"
    );
    h.key(KeyCode::Enter);
    assert_eq!(h.app.heat_filter, Some((1, 1)), "Enter filters to the cell");
    assert_eq!(
        h.app.rows(Pane::Risks).len(),
        1,
        "medium, medium: the patrol risk"
    );
    h.key(KeyCode::Enter);
    assert_eq!(h.app.heat_filter, None, "Enter again shows all");
    assert_eq!(h.app.rows(Pane::Risks).len(), 4);
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    assert_eq!(h.app.heat_filter, None);
    assert_eq!(h.app.rows(Pane::Risks).len(), 4);
    assert_eq!(h.app.focus, Focus::List);
}

/// The words of a row between two columns, each with the column it starts at.
fn words(buffer: &ratatui::buffer::Buffer, y: u16, from: u16, to: u16) -> Vec<(u16, String)> {
    let mut out: Vec<(u16, String)> = Vec::new();
    let mut in_word = false;
    for x in from..to {
        let symbol = buffer[(x, y)].symbol();
        if symbol.trim().is_empty() || "│┃".contains(symbol) {
            in_word = false;
            continue;
        }
        match out.last_mut() {
            Some((_, word)) if in_word => word.push_str(symbol),
            _ => out.push((x, symbol.to_owned())),
        }
        in_word = true;
    }
    out
}

/// A click on each cell where the heat map draws it, found by reading the screen (the
/// impact words over the columns, the likelihood words before the rows), not by the
/// layout's own constants: each filters the list to that cell, and a click on a label
/// filters nothing.
#[test]
fn a_click_on_a_heat_map_cell_filters_the_list() {
    const LEVELS: [&str; 3] = ["low", "medium", "high"];
    for (width, height) in SIZES {
        let mut h = mekong(width, height);
        h.keys("4");
        let buffer = h.draw();
        // The heat map's block: from the left edge to its top-right corner.
        let title_row = (0..height)
            .find(|&y| row_text(&buffer, y).contains("Heat map"))
            .expect("a heat map");
        let half = (0..width)
            .find(|&x| buffer[(x, title_row)].symbol() == "╮")
            .expect("the heat map's corner");
        let header = (0..height)
            .find(|&y| {
                let w: Vec<String> = words(&buffer, y, 0, half)
                    .into_iter()
                    .map(|(_, w)| w)
                    .collect();
                w == LEVELS
            })
            .unwrap_or_else(|| panic!("no impact header at {width}x{height}:\n{}", h.screen()));
        let columns = words(&buffer, header, 0, half);
        let mut clicked = 0;
        for y in header + 1..header + 4 {
            let row = words(&buffer, y, 0, half);
            let Some((label_x, label)) = row.first().cloned() else {
                continue;
            };
            let likelihood = 2 - LEVELS
                .iter()
                .position(|l| *l == label)
                .expect("a likelihood word");
            for (impact, (x, word)) in columns.iter().enumerate() {
                // The cell's count or dot is drawn under the impact word.
                let drawn = row
                    .iter()
                    .find(|(cx, _)| (*x..*x + word.len() as u16).contains(cx))
                    .unwrap_or_else(|| panic!("nothing under {word} in row {label}"));
                h.click(drawn.0, y);
                assert_eq!(
                    h.app.heat_filter,
                    Some((likelihood, impact)),
                    "the cell drawn at {},{y} ({label} likelihood, {word} impact) at {width}x{height}",
                    drawn.0
                );
                let count: usize = drawn.1.parse().unwrap_or(0);
                assert_eq!(
                    h.app.rows(Pane::Risks).len(),
                    count,
                    "the cell's count is its rows"
                );
                clicked += 1;
            }
            h.key(KeyCode::Esc);
            h.click(label_x, y);
            assert_eq!(h.app.heat_filter, None, "a click on the label {label}");
        }
        assert_eq!(clicked, 9, "nine cells at {width}x{height}");
        let screen = h.screen();
        assert!(!screen.contains("filtering"), "{screen}");
    }
}

// Links and the jump list.

#[test]
fn tab_and_enter_follow_an_actor_to_its_quote_and_backspace_comes_back() {
    for (width, height) in SIZES {
        let mut h = mekong(width, height);
        // The patrol command: its stance, then its quote.
        h.keys("2j");
        h.key(KeyCode::Enter);
        h.key(KeyCode::Tab);
        h.key(KeyCode::Tab);
        let screen = h.screen();
        assert_snapshot!(format!("mekong_actor_link_{width}x{height}"), screen);
        h.key(KeyCode::Enter);
        assert_eq!(h.app.pane, Pane::Quotes);
        let loaded = h.app.loaded.clone().unwrap();
        let quote = h.app.selected_item(Pane::Quotes).unwrap();
        assert_eq!(loaded.briefing.quotes[quote].id, "q-patrol-redeploy");
        let screen = h.screen();
        assert_snapshot!(format!("mekong_followed_link_{width}x{height}"), screen);

        h.key(KeyCode::Backspace);
        assert_eq!(h.app.pane, Pane::Actors);
        assert_eq!(h.app.focus, Focus::Detail, "the focus comes back too");
        assert_eq!(h.app.state(Pane::Actors).selected, 1);
        assert_eq!(h.app.state(Pane::Actors).link, Some(1));
        h.keys("]");
        assert_eq!(h.app.pane, Pane::Quotes, "] goes forward again");
    }
}

#[test]
fn the_current_link_is_highlighted_and_scrolled_into_view() {
    let mut h = mekong(80, 24);
    h.keys("2");
    h.key(KeyCode::Enter);
    // The operator's last link is its question, far down the detail.
    h.key(KeyCode::BackTab);
    let buffer = h.draw();
    assert!(
        h.app.state(Pane::Actors).detail_scroll > 0,
        "scrolled to it"
    );
    let detail = Regions::new(h.app.area(), &h.app).detail;
    let highlighted: Vec<u16> = (detail.y..detail.bottom())
        .filter(|&y| {
            (detail.x..detail.right()).any(|x| {
                buffer[(x, y)].modifier.contains(Modifier::REVERSED)
                    && buffer[(x, y)].symbol() != " "
            })
        })
        .collect();
    assert!(!highlighted.is_empty(), "the link is drawn reversed");
    let text = row_text(&buffer, highlighted[0]);
    assert!(text.contains("Will the early rains"), "{text}");
}

#[test]
fn a_new_jump_after_going_back_drops_the_way_forward() {
    let mut h = mekong(120, 40);
    h.keys("2j");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    assert_eq!(h.app.pane, Pane::Stances, "the first link is the stance");
    h.key(KeyCode::Backspace);
    assert!(h.app.jumps.can_go_forward());
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    assert!(!h.app.jumps.can_go_forward());
    assert_eq!(h.app.pane, Pane::Quotes);
}

#[test]
fn every_link_of_every_detail_is_drawn_once_in_order() {
    let mut h = mekong(200, 50);
    let loaded = h.app.loaded.clone().unwrap();
    for (digit, pane) in [
        ('2', Pane::Actors),
        ('3', Pane::Quotes),
        ('4', Pane::Risks),
        ('5', Pane::Questions),
    ] {
        h.keys(&digit.to_string());
        for _ in 0..h.app.rows(pane).len() {
            h.key(KeyCode::Enter);
            let links = h.app.links();
            for n in 0..links.len() {
                h.key(KeyCode::Tab);
                assert_eq!(h.app.state(pane).link, Some(n));
            }
            h.key(KeyCode::Esc);
            let item = h.app.selected_item(pane).unwrap();
            assert_eq!(links, brief::app::links::links(&loaded, pane, item));
            h.keys("j");
        }
    }
}

// Search.

#[test]
fn redeploy_enter_highlights_the_match_and_n_visits_several_panes() {
    for (width, height) in SIZES {
        let mut h = mekong(width, height);
        h.keys("/redeploy");
        h.key(KeyCode::Enter);
        let screen = h.screen();
        assert!(screen.contains("1/"), "{screen}");
        assert_snapshot!(format!("mekong_search_redeploy_{width}x{height}"), screen);
        let mut panes = vec![h.app.pane];
        let (_, total) = h.app.match_position().unwrap();
        for n in 1..total {
            h.keys("n");
            assert_eq!(h.app.match_position(), Some((n, total)));
            panes.push(h.app.pane);
        }
        panes.dedup();
        assert!(panes.len() >= 4, "{panes:?}");
        let mut sorted = panes.clone();
        sorted.sort_by_key(|p| p.index());
        assert_eq!(panes, sorted, "in tab order");
        h.keys("n");
        assert_eq!(h.app.match_position(), Some((0, total)), "n wraps around");
        h.keys("N");
        assert_eq!(
            h.app.match_position(),
            Some((total - 1, total)),
            "N goes back"
        );
    }
}

#[test]
fn search_matches_are_drawn_in_the_match_style() {
    let mut h = mekong(120, 40);
    h.keys("3/redeploy");
    h.key(KeyCode::Enter);
    let buffer = h.draw();
    let style = brief::ui::theme::DEFAULT.search_match();
    let marked: Vec<(u16, u16)> = (0..40)
        .flat_map(|y| (0..120).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let cell = &buffer[(x, y)];
            cell.modifier.contains(style.add_modifier)
                && cell.modifier.contains(Modifier::UNDERLINED)
                && style.fg.is_none_or(|fg| cell.fg == fg)
        })
        .collect();
    let regions = Regions::new(h.app.area(), &h.app);
    let list = regions.list.unwrap();
    assert!(
        marked.iter().any(|&(x, y)| list.contains((x, y).into())),
        "a match in the list"
    );
    assert!(
        marked
            .iter()
            .any(|&(x, y)| regions.detail.contains((x, y).into())),
        "a match in the detail"
    );
    let (x, y) = marked[0];
    let word: String = (x..x + 8).map(|x| buffer[(x, y)].symbol()).collect();
    assert_eq!(word.to_lowercase(), "redeploy");
}

#[test]
fn n_scrolls_the_detail_to_the_match() {
    let mut h = mekong(80, 24);
    h.keys("/lake");
    h.key(KeyCode::Enter);
    // The fishers' actor detail has "lake" in its role, near the top; the quote of
    // the harvest has it nowhere but in the detail of a risk, further down.
    for _ in 0..10 {
        let buffer = h.draw();
        let detail = Regions::new(h.app.area(), &h.app).detail;
        let shown = (detail.y..detail.bottom())
            .any(|y| row_text(&buffer, y).to_lowercase().contains("lake"));
        if h.app.pane != Pane::Summary {
            assert!(shown, "the match is on screen in {:?}", h.app.pane);
        }
        h.keys("n");
    }
}

#[test]
fn search_matches_actor_names_not_ids_and_survives_a_reload() {
    let mut h = mekong(120, 40);
    // `rosgidro` is only an id; risks and questions match the name.
    h.keys("/rosgidroexport");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.rows(Pane::Risks).len(), 1);
    let before = h.app.match_position().unwrap();
    let load = brief::briefing::load_file(Path::new(MEKONG), Default::default());
    h.reloaded(load);
    assert_eq!(h.app.search.query, "rosgidroexport");
    assert_eq!(h.app.match_position().map(|(_, n)| n), Some(before.1));
    let status = h.app.status.clone().unwrap();
    assert!(status.contains("in Risks"), "{status}");
}

// The layout.

#[test]
fn at_200x50_every_risk_title_question_and_actor_name_shows_whole() {
    let mut h = Harness::bundled(200, 50);
    let loaded = h.app.loaded.clone().unwrap();
    h.keys("4");
    let screen = h.screen();
    for risk in &loaded.briefing.risks {
        assert!(screen.contains(&risk.title), "{}\n{screen}", risk.title);
    }
    h.keys("5");
    let screen = h.screen();
    for question in &loaded.briefing.questions {
        assert!(screen.contains(&question.question), "{}", question.question);
    }
    h.keys("2");
    let screen = h.screen();
    for actor in &loaded.briefing.actors {
        assert!(screen.contains(&actor.name), "{}", actor.name);
    }
}

#[test]
fn at_80x24_each_risk_row_shows_thirty_characters_of_its_title() {
    let mut h = Harness::bundled(80, 24);
    let loaded = h.app.loaded.clone().unwrap();
    h.keys("4");
    let screen = h.screen();
    for risk in &loaded.briefing.risks {
        let head: String = risk.title.chars().take(30).collect();
        assert!(screen.contains(&head), "{head}\n{screen}");
    }
    h.keys("2");
    let screen = h.screen();
    for actor in &loaded.briefing.actors {
        assert!(
            screen.contains(&actor.name),
            "names before kinds: {}\n{screen}",
            actor.name
        );
    }
}

#[test]
fn a_cut_footer_ends_in_an_ellipsis() {
    let mut h = Harness::bundled(64, 24);
    let screen = h.screen();
    let footer = screen.lines().last().unwrap().trim_end();
    assert!(footer.ends_with('…'), "{footer:?}");
}

// The mouse, through the same path as the keys.

#[test]
fn the_wheel_scrolls_what_is_under_the_pointer() {
    let mut h = mekong(120, 40);
    h.keys("2");
    let regions = Regions::new(h.app.area(), &h.app);
    let detail = regions.detail;
    h.wheel(detail.x + 5, detail.y + 5, true);
    assert_eq!(
        h.app.state(Pane::Actors).detail_scroll,
        3,
        "the detail scrolls"
    );
    assert_eq!(h.app.state(Pane::Actors).selected, 0, "the list stays");
    let list = regions.list.unwrap();
    h.wheel(list.x + 3, list.y + 3, true);
    assert_eq!(h.app.state(Pane::Actors).selected, 1, "the list moves");
    assert_eq!(h.app.focus, Focus::List);
}

#[test]
fn a_click_on_a_link_follows_it() {
    let mut h = mekong(120, 40);
    h.keys("2j");
    let buffer = h.draw();
    let (x, y) = find(&buffer, "We will redeploy").expect("the patrol's quote in its detail");
    h.click(x, y);
    assert_eq!(h.app.pane, Pane::Quotes);
    h.key(KeyCode::Backspace);
    assert_eq!(h.app.pane, Pane::Actors);
}

#[test]
fn a_click_on_the_quotes_tab_opens_the_quotes_pane() {
    let mut h = mekong(120, 40);
    let buffer = h.draw();
    let (x, y) = find(&buffer, "Quotes").expect("a Quotes tab");
    h.click(x, y);
    assert_eq!(h.app.pane, Pane::Quotes);
}

// Problems.

#[test]
fn the_problems_overlay_shows_warnings_with_their_source_lines() {
    // Small enough that the warnings (one per actor missing stances) run past the screen.
    let mut h = mekong(80, 24);
    h.keys("!");
    let screen = h.screen();
    assert!(screen.contains("28 |   - id: lancang"), "{screen}");
    assert!(
        screen.contains("more lines"),
        "it says there is more:\n{screen}"
    );
    let before = screen.clone();
    h.key(KeyCode::PageDown);
    assert_ne!(h.screen(), before, "it scrolls");
}

#[test]
fn the_error_screen_of_thirty_errors_scrolls_like_a_detail() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.yaml");
    let mut text = std::fs::read_to_string(MEKONG).unwrap();
    for n in 0..30 {
        text.push_str(&format!("unknown_key_{n}: 1\n"));
    }
    std::fs::write(&path, text).unwrap();
    let mut h = Harness::open(&path, 80, 24);
    assert!(h.app.loaded.is_none());
    let top = h.screen();
    assert!(top.contains("more lines"), "{top}");
    h.keys("j");
    assert_eq!(h.app.error_scroll, 1);
    h.key(KeyCode::PageDown);
    assert!(h.app.error_scroll > 5);
    h.keys("G");
    let bottom = h.screen();
    assert!(bottom.contains("brief is watching the file"), "{bottom}");
    assert!(!bottom.contains("more lines"), "{bottom}");
    h.keys("g");
    assert_eq!(h.app.error_scroll, 0);
}

#[test]
fn many_topics_scroll_across_with_the_actor_column_in_place() {
    // At the narrowest the app draws, three of the four topics fit.
    let mut h = Harness::bundled(40, 24);
    h.keys("6");
    let loaded = h.app.loaded.clone().unwrap();
    let topics = loaded.briefing.topics.len();
    let first = h.screen();
    assert!(
        first.contains("more topics"),
        "not every topic fits:\n{first}"
    );
    h.keys(&"l".repeat(topics - 1));
    let state = h.app.state(Pane::Stances).clone();
    assert_eq!(state.column, topics - 1);
    assert!(state.column_offset > 0, "scrolled across: {state:?}");
    let screen = h.screen();
    let last_topic: String = loaded.briefing.topics[topics - 1]
        .name
        .chars()
        .take(3)
        .collect();
    let header = screen.lines().nth(3).unwrap();
    assert!(header.contains(&last_topic), "{header}");
    for actor in &loaded.briefing.actors {
        let label: String = actor.label().chars().take(3).collect();
        assert!(
            screen.contains(&label),
            "{label} stays in its column:\n{screen}"
        );
    }
}
