//! `App::update` through the key table (the harness) and directly: pane switching,
//! movement and its bounds, reloads that keep the selection, search, and editing.

use brief::app::{Action, App, Effect, Focus, Mark, Origin, Overlay, Pane};
use brief::briefing::{BUNDLED_TEXT, Loaded, parse};
mod common;
use common::harness::Harness;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

const ARCTIC: &str = "tests/fixtures/good/arctic-shipping.yaml";
const MINIMAL: &str = "tests/fixtures/good/minimal.yaml";

fn bundled_text(width: u16, height: u16) -> Harness {
    Harness::new(Origin::Bundled, parse(BUNDLED_TEXT), width, height)
}

fn loaded(harness: &Harness) -> &Loaded {
    harness.app.loaded.as_ref().expect("a briefing is loaded")
}

fn selected(harness: &Harness, pane: Pane) -> usize {
    harness.app.state(pane).selected
}

/// The id of the selected actor, read from the model.
fn selected_actor_id(harness: &Harness) -> String {
    let item = harness
        .app
        .selected_item(Pane::Actors)
        .expect("an actor is selected");
    loaded(harness).briefing.actors[item].id.clone()
}

fn actor_ids(harness: &Harness) -> Vec<String> {
    loaded(harness)
        .briefing
        .actors
        .iter()
        .map(|a| a.id.clone())
        .collect()
}

// Panes and the selection each one keeps.

#[test]
fn selection_is_kept_per_pane_when_switching_panes() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2jj");
    assert_eq!(selected(&harness, Pane::Actors), 2);
    let third = selected_actor_id(&harness);
    harness.keys("3jjj");
    assert_eq!(harness.app.pane, Pane::Quotes);
    assert_eq!(selected(&harness, Pane::Quotes), 3);
    harness.keys("2");
    assert_eq!(harness.app.pane, Pane::Actors);
    assert_eq!(selected(&harness, Pane::Actors), 2);
    assert_eq!(selected_actor_id(&harness), third);
    harness.keys("3");
    assert_eq!(selected(&harness, Pane::Quotes), 3);
}

#[test]
fn tab_cycles_forward_and_wraps_through_every_pane_matrix_included() {
    for key in [KeyCode::Tab] {
        let mut harness = Harness::bundled(80, 24);
        let mut seen = Vec::new();
        for _ in 0..Pane::ALL.len() {
            harness.key(key);
            seen.push(harness.app.pane);
        }
        let mut expected = Pane::ALL[1..].to_vec();
        expected.push(Pane::Summary);
        assert_eq!(seen, expected, "{key:?}");
    }
}

#[test]
fn l_and_right_cycle_panes_but_move_across_the_matrix() {
    for key in [KeyCode::Char('l'), KeyCode::Right] {
        let mut harness = Harness::bundled(80, 24);
        for _ in 0..5 {
            harness.key(key);
        }
        assert_eq!(harness.app.pane, Pane::Stances, "{key:?}");
        harness.key(key);
        assert_eq!(
            harness.app.pane,
            Pane::Stances,
            "{key:?} moves in the matrix"
        );
        assert_eq!(harness.app.state(Pane::Stances).column, 1, "{key:?}");
        harness.key(KeyCode::Tab);
        assert_eq!(
            harness.app.pane,
            Pane::Timeline,
            "Tab always leaves the matrix"
        );
        harness.key(key);
        assert_eq!(harness.app.pane, Pane::History, "{key:?}");
        harness.key(key);
        assert_eq!(harness.app.pane, Pane::Summary, "{key:?}");
    }
}

#[test]
fn shift_tab_and_h_and_left_cycle_backward_and_wrap() {
    for key in [KeyCode::BackTab, KeyCode::Char('h'), KeyCode::Left] {
        let mut harness = Harness::bundled(80, 24);
        harness.key(key);
        assert_eq!(
            harness.app.pane,
            Pane::History,
            "{key:?} wraps to the last pane"
        );
        harness.key(key);
        assert_eq!(harness.app.pane, Pane::Timeline, "{key:?}");
        harness.key(key);
        assert_eq!(harness.app.pane, Pane::Stances, "{key:?}");
        // In the matrix h and ← move across the topics; Shift-Tab goes on.
        harness.key(KeyCode::BackTab);
        for _ in 0..4 {
            harness.key(key);
        }
        assert_eq!(harness.app.pane, Pane::Summary, "{key:?}");
    }
}

#[test]
fn digits_show_their_pane() {
    let mut harness = Harness::bundled(80, 24);
    for pane in Pane::ALL.iter().rev() {
        harness.keys(&(pane.index() + 1).to_string());
        assert_eq!(harness.app.pane, *pane);
    }
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut harness = Harness::bundled(80, 24);
    assert_eq!(harness.key(KeyCode::Char('q')), Effect::Quit);
    assert_eq!(harness.ctrl('c'), Effect::Quit);
    assert_eq!(harness.key(KeyCode::Char('j')), Effect::None);
}

#[test]
fn while_typing_a_search_q_is_a_letter_but_ctrl_c_still_quits() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("/");
    assert_eq!(harness.key(KeyCode::Char('q')), Effect::None);
    assert_eq!(harness.app.search.query, "q");
    assert_eq!(harness.ctrl('c'), Effect::Quit);
}

#[test]
fn question_mark_toggles_help_and_esc_closes_it() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("?");
    assert_eq!(harness.app.overlay, Some(Overlay::Help { scroll: 0 }));
    harness.keys("?");
    assert_eq!(harness.app.overlay, None);
    harness.keys("?");
    harness.keys("jj");
    assert_eq!(
        harness.app.overlay,
        Some(Overlay::Help { scroll: 2 }),
        "j scrolls the help"
    );
    harness.key(KeyCode::Esc);
    assert_eq!(harness.app.overlay, None);
    assert_eq!(harness.app.pane, Pane::Summary, "Esc only closed the help");
}

#[test]
fn switching_pane_closes_the_help() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("?2");
    assert_eq!(harness.app.overlay, None);
    assert_eq!(harness.app.pane, Pane::Actors);
}

#[test]
fn enter_focuses_the_detail_on_list_panes_and_the_summary() {
    let mut harness = Harness::bundled(80, 24);
    harness.key(KeyCode::Enter);
    assert_eq!(
        harness.app.focus,
        Focus::Detail,
        "the summary's page is focused, to follow its links"
    );
    harness.key(KeyCode::Esc);
    assert_eq!(harness.app.focus, Focus::List);
    for pane in Pane::ALL.iter().filter(|p| p.has_list()) {
        harness.keys(&(pane.index() + 1).to_string());
        harness.key(KeyCode::Enter);
        assert_eq!(harness.app.focus, Focus::Detail, "{pane:?}");
        harness.key(KeyCode::Esc);
        assert_eq!(
            harness.app.focus,
            Focus::List,
            "{pane:?}: Esc leaves the detail"
        );
    }
    harness.keys("8");
    harness.key(KeyCode::Enter);
    assert_eq!(
        harness.app.focus,
        Focus::List,
        "the bundled briefing has no versions, so no changes to focus"
    );
}

#[test]
fn enter_on_an_empty_list_keeps_the_focus_on_the_list() {
    let mut harness = Harness::open(Path::new(MINIMAL), 80, 24);
    harness.keys("2");
    harness.key(KeyCode::Enter);
    assert_eq!(harness.app.focus, Focus::List);
}

#[test]
fn switching_pane_leaves_the_detail() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2");
    harness.key(KeyCode::Enter);
    harness.keys("3");
    assert_eq!(harness.app.focus, Focus::List);
}

#[test]
fn focused_detail_scrolls_instead_of_moving_the_selection() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2");
    harness.key(KeyCode::Enter);
    harness.keys("jjj");
    assert_eq!(selected(&harness, Pane::Actors), 0);
    assert_eq!(harness.app.state(Pane::Actors).detail_scroll, 3);
    harness.key(KeyCode::Esc);
    harness.keys("j");
    assert_eq!(selected(&harness, Pane::Actors), 1);
    assert_eq!(
        harness.app.state(Pane::Actors).detail_scroll,
        0,
        "a new item starts at the top"
    );
}

// Movement and its bounds.

#[test]
fn j_and_k_stop_at_the_ends() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2k");
    assert_eq!(selected(&harness, Pane::Actors), 0);
    let last = harness.app.rows(Pane::Actors).len() - 1;
    harness.keys(&"j".repeat(last + 5));
    assert_eq!(selected(&harness, Pane::Actors), last);
    harness.key(KeyCode::Down);
    assert_eq!(selected(&harness, Pane::Actors), last);
    harness.key(KeyCode::Up);
    assert_eq!(selected(&harness, Pane::Actors), last - 1);
}

#[test]
fn g_and_home_go_to_the_first_and_capital_g_and_end_to_the_last() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("6");
    let last = loaded(&harness).briefing.actors.len() - 1;
    harness.keys("G");
    assert_eq!(selected(&harness, Pane::Stances), last);
    harness.keys("G");
    assert_eq!(selected(&harness, Pane::Stances), last);
    harness.keys("g");
    assert_eq!(selected(&harness, Pane::Stances), 0);
    harness.keys("g");
    assert_eq!(selected(&harness, Pane::Stances), 0);
    harness.key(KeyCode::End);
    assert_eq!(selected(&harness, Pane::Stances), last);
    harness.key(KeyCode::Home);
    assert_eq!(selected(&harness, Pane::Stances), 0);
}

#[test]
fn last_item_scrolls_the_list_so_the_selection_is_visible() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("3G");
    let state = harness.app.state(Pane::Quotes).clone();
    let regions = brief::ui::layout::Regions::new(harness.app.area(), &harness.app);
    let height = regions.list_inner_height();
    assert!(state.offset <= state.selected && state.selected < state.offset + height);
    assert_eq!(state.offset + height, harness.app.rows(Pane::Quotes).len());
}

/// At 120x10 the quotes list shows 5 rows: a page moves 4, half a page 2.
#[test]
fn page_and_half_page_keys_move_by_the_visible_height_within_bounds() {
    let mut harness = Harness::bundled(120, 10);
    harness.keys("3");
    let regions = brief::ui::layout::Regions::new(harness.app.area(), &harness.app);
    let page = regions.list_inner_height() - 1;
    let half = page / 2;
    assert!(half >= 1);
    let last = harness.app.rows(Pane::Quotes).len() - 1;
    assert!(last > 2 * page, "the list is longer than two pages");

    harness.key(KeyCode::PageDown);
    assert_eq!(selected(&harness, Pane::Quotes), page);
    harness.key(KeyCode::PageDown);
    assert_eq!(selected(&harness, Pane::Quotes), 2 * page);
    for _ in 0..20 {
        harness.key(KeyCode::PageDown);
    }
    assert_eq!(selected(&harness, Pane::Quotes), last);
    harness.key(KeyCode::PageUp);
    assert_eq!(selected(&harness, Pane::Quotes), last - page);
    for _ in 0..20 {
        harness.key(KeyCode::PageUp);
    }
    assert_eq!(selected(&harness, Pane::Quotes), 0);

    harness.ctrl('d');
    assert_eq!(selected(&harness, Pane::Quotes), half);
    harness.ctrl('d');
    assert_eq!(selected(&harness, Pane::Quotes), 2 * half);
    harness.ctrl('u');
    assert_eq!(selected(&harness, Pane::Quotes), half);
    for _ in 0..20 {
        harness.ctrl('u');
    }
    assert_eq!(selected(&harness, Pane::Quotes), 0);
    for _ in 0..40 {
        harness.ctrl('d');
    }
    assert_eq!(selected(&harness, Pane::Quotes), last);
}

#[test]
fn page_down_in_a_focused_detail_scrolls_it_no_further_than_its_end() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2");
    harness.key(KeyCode::Enter);
    harness.key(KeyCode::PageDown);
    let one_page = harness.app.state(Pane::Actors).detail_scroll;
    assert!(one_page > 1, "a page scrolls more than a line");
    harness.keys("G");
    // The frame after the key finds where the detail ends (the runtime draws one).
    harness.draw();
    let end = harness.app.state(Pane::Actors).detail_scroll;
    harness.key(KeyCode::PageDown);
    harness.ctrl('d');
    harness.keys("j");
    assert_eq!(harness.app.state(Pane::Actors).detail_scroll, end);
    harness.keys("g");
    assert_eq!(harness.app.state(Pane::Actors).detail_scroll, 0);
    harness.keys("k");
    assert_eq!(harness.app.state(Pane::Actors).detail_scroll, 0);
    assert_eq!(selected(&harness, Pane::Actors), 0);
}

#[test]
fn summary_scrolls_within_its_text() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("jj");
    assert_eq!(harness.app.state(Pane::Summary).detail_scroll, 2);
    harness.keys("G");
    harness.draw();
    let end = harness.app.state(Pane::Summary).detail_scroll;
    assert!(end > 2);
    harness.key(KeyCode::PageDown);
    assert_eq!(harness.app.state(Pane::Summary).detail_scroll, end);
    harness.keys("g");
    assert_eq!(harness.app.state(Pane::Summary).detail_scroll, 0);
}

#[test]
fn every_movement_key_on_empty_lists_does_nothing_and_does_not_panic() {
    let mut harness = Harness::open(Path::new(MINIMAL), 80, 24);
    assert!(loaded(&harness).briefing.actors.is_empty());
    for pane in Pane::ALL.iter().filter(|p| p.has_list()) {
        harness.keys(&(pane.index() + 1).to_string());
        assert!(harness.app.rows(*pane).is_empty(), "{pane:?}");
        harness.keys("jkgGjj");
        for key in [
            KeyCode::PageDown,
            KeyCode::PageUp,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Down,
            KeyCode::Up,
            KeyCode::Enter,
        ] {
            harness.key(key);
        }
        harness.ctrl('d');
        harness.ctrl('u');
        assert_eq!(selected(&harness, *pane), 0, "{pane:?}");
        assert_eq!(harness.app.selected_item(*pane), None, "{pane:?}");
        let screen = harness.screen();
        assert!(
            screen.contains("This briefing has no"),
            "{pane:?}:\n{screen}"
        );
    }
}

#[test]
fn mouse_wheel_moves_the_selection() {
    use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2");
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 5,
            modifiers: KeyModifiers::NONE,
        })
    };
    harness.event(wheel(MouseEventKind::ScrollDown));
    harness.event(wheel(MouseEventKind::ScrollDown));
    assert_eq!(selected(&harness, Pane::Actors), 2);
    harness.event(wheel(MouseEventKind::ScrollUp));
    assert_eq!(selected(&harness, Pane::Actors), 1);
}

#[test]
fn key_releases_are_ignored() {
    let mut harness = Harness::bundled(80, 24);
    let mut release = KeyEvent::from(KeyCode::Char('2'));
    release.kind = ratatui::crossterm::event::KeyEventKind::Release;
    harness.event(Event::Key(release));
    assert_eq!(harness.app.pane, Pane::Summary);
}

// Reloads keep the selection by id.

/// The bundled text split around its actors: (before, one block per actor, after).
fn split_actors(text: &str) -> (String, Vec<String>, String) {
    let start = text.find("\nactors:\n").expect("an actors section") + "\nactors:\n".len();
    let end = text[start..].find("\ntopics:\n").expect("a topics section") + start + 1;
    let mut blocks: Vec<String> = Vec::new();
    for line in text[start..end].split_inclusive('\n') {
        if line.starts_with("  - id: ") || blocks.is_empty() {
            blocks.push(String::new());
        }
        blocks.last_mut().unwrap().push_str(line);
    }
    (text[..start].to_owned(), blocks, text[end..].to_owned())
}

fn join_actors(before: &str, blocks: &[String], after: &str) -> String {
    format!("{before}{}{after}", blocks.concat())
}

const NEW_ACTOR: &str = "  - id: test-newcomer
    name: Test newcomer
    kind: organisation
    role: \"An actor added by a test.\"
    stance: \"None.\"
";

fn parsed(text: &str) -> Loaded {
    match parse(text) {
        Ok(loaded) => loaded,
        Err(error) => panic!("the modified text should load: {error:#?}"),
    }
}

#[test]
fn reload_with_actors_reordered_keeps_the_same_actor_selected() {
    let mut harness = bundled_text(80, 24);
    harness.keys("2jj");
    let id = selected_actor_id(&harness);
    let (before, mut blocks, after) = split_actors(BUNDLED_TEXT);
    let moved = blocks.remove(2);
    assert!(moved.contains(&format!("id: {id}\n")));
    blocks.insert(0, moved);
    harness.reloaded(Ok(parsed(&join_actors(&before, &blocks, &after))));
    assert_eq!(harness.app.error, None);
    assert_eq!(selected_actor_id(&harness), id);
    assert_eq!(selected(&harness, Pane::Actors), 0, "it moved to the top");
}

#[test]
fn reload_with_an_actor_inserted_before_keeps_the_same_actor_selected() {
    let mut harness = bundled_text(80, 24);
    harness.keys("2jj");
    let id = selected_actor_id(&harness);
    let (before, mut blocks, after) = split_actors(BUNDLED_TEXT);
    blocks.insert(0, NEW_ACTOR.to_owned());
    harness.reloaded(Ok(parsed(&join_actors(&before, &blocks, &after))));
    assert_eq!(selected_actor_id(&harness), id);
    assert_eq!(selected(&harness, Pane::Actors), 3);
    let changes = harness
        .app
        .changes
        .as_ref()
        .expect("a reload records its changes");
    assert_eq!(
        changes.mark(Pane::Actors, "test-newcomer"),
        Some(Mark::Added)
    );
    assert_eq!(
        changes.mark(Pane::Actors, &id),
        None,
        "moving is not changing"
    );
}

#[test]
fn reload_that_deletes_the_selected_actor_selects_its_neighbour() {
    let (before, mut blocks, after) = split_actors(BUNDLED_TEXT);
    blocks.insert(2, NEW_ACTOR.to_owned());
    let with_newcomer = join_actors(&before, &blocks, &after);
    let mut harness = Harness::new(Origin::Bundled, parse(&with_newcomer), 80, 24);
    harness.keys("2jj");
    assert_eq!(selected_actor_id(&harness), "test-newcomer");
    harness.reloaded(Ok(parsed(BUNDLED_TEXT)));
    assert_eq!(selected(&harness, Pane::Actors), 2, "the same position");
    assert_eq!(selected_actor_id(&harness), actor_ids(&harness)[2]);
    assert_eq!(harness.app.changes.as_ref().unwrap().removed, 1);
}

#[test]
fn reload_that_deletes_the_last_actor_while_selected_clamps_to_the_new_last() {
    let (before, mut blocks, after) = split_actors(BUNDLED_TEXT);
    blocks.push(NEW_ACTOR.to_owned());
    let with_newcomer = join_actors(&before, &blocks, &after);
    let mut harness = Harness::new(Origin::Bundled, parse(&with_newcomer), 80, 24);
    harness.keys("2G");
    assert_eq!(selected_actor_id(&harness), "test-newcomer");
    harness.reloaded(Ok(parsed(BUNDLED_TEXT)));
    let last = harness.app.rows(Pane::Actors).len() - 1;
    assert_eq!(selected(&harness, Pane::Actors), last);
    assert_eq!(
        selected_actor_id(&harness),
        *actor_ids(&harness).last().unwrap()
    );
    // The new selection is remembered: a later reload keeps it by id.
    let id = selected_actor_id(&harness);
    harness.reloaded(Ok(parsed(BUNDLED_TEXT)));
    assert_eq!(selected_actor_id(&harness), id);
}

#[test]
fn failed_reload_keeps_the_last_good_briefing_and_the_next_good_one_clears_the_error() {
    let mut harness = bundled_text(80, 24);
    harness.keys("2j");
    let before = harness.app.loaded.clone();
    let broken = parse("title: \"unterminated\nactors: [\n");
    assert!(broken.is_err());
    assert_eq!(harness.reloaded(broken), Effect::None);
    assert_eq!(harness.app.loaded, before, "the last good briefing stays");
    assert!(harness.app.error.is_some());
    let status = harness.app.status.clone().unwrap_or_default();
    assert!(status.contains("last good version"), "{status}");
    assert_eq!(
        selected(&harness, Pane::Actors),
        1,
        "the selection stays too"
    );
    let screen = harness.screen();
    assert!(screen.contains("✗"), "an error banner is shown:\n{screen}");

    harness.reloaded(Ok(parsed(BUNDLED_TEXT)));
    assert_eq!(harness.app.error, None);
    assert!(harness.app.loaded.is_some());
    let status = harness.app.status.clone().unwrap_or_default();
    assert_eq!(status, "Reloaded: no changes");
    assert!(!harness.screen().contains("✗"));
}

#[test]
fn reload_that_changes_one_quote_and_adds_one_says_so() {
    let mut harness = bundled_text(80, 24);
    let old_text = "    text: \"our goal\"\n";
    assert_eq!(BUNDLED_TEXT.matches(old_text).count(), 1);
    let changed = BUNDLED_TEXT.replace(old_text, "    text: \"our shared goal\"\n");
    let added = changed.replace(
        "\nquotes:\n",
        "\nquotes:\n  - id: test-added-quote\n    speaker: John Coale\n    actor: us\n    text: \"an added quote\"\n    source: cbs\n",
    );
    harness.reloaded(Ok(parsed(&added)));
    let changes = harness.app.changes.clone().expect("changes are recorded");
    assert_eq!(changes.describe(), "1 changed, 1 added");
    assert_eq!(
        changes.mark(Pane::Quotes, "coale-our-goal"),
        Some(Mark::Changed)
    );
    assert_eq!(
        changes.mark(Pane::Quotes, "test-added-quote"),
        Some(Mark::Added)
    );
    assert_eq!(changes.mark(Pane::Quotes, "coale-baby-steps"), None);
    assert_eq!(
        harness.app.status.as_deref(),
        Some("Reloaded: 1 changed, 1 added")
    );
}

#[test]
fn reload_that_moves_one_quote_and_removes_a_risk_says_so() {
    let mut harness = bundled_text(80, 24);
    // An item, from its dash to the next item's.
    let item = |id: &str| {
        let start = BUNDLED_TEXT.find(&format!("  - id: {id}\n")).unwrap();
        let end = BUNDLED_TEXT[start + 4..]
            .find("\n  - id: ")
            .map_or(BUNDLED_TEXT.len(), |i| i + start + 5);
        &BUNDLED_TEXT[start..end]
    };
    let moved = item("coale-our-goal");
    let after = item("coale-very-productive");
    let edited = BUNDLED_TEXT
        .replacen(moved, "", 1)
        .replacen(after, &format!("{after}{moved}"), 1)
        .replacen(item("conduit-to-moscow"), "", 1);
    harness.reloaded(Ok(parsed(&edited)));
    let changes = harness.app.changes.clone().expect("changes are recorded");
    assert_eq!(changes.describe(), "1 removed");
    assert_eq!(changes.mark(Pane::Quotes, "coale-our-goal"), None);
}

#[test]
fn r_asks_the_runtime_to_reload() {
    let mut harness = Harness::bundled(80, 24);
    assert_eq!(harness.key(KeyCode::Char('r')), Effect::Reload);
}

// Search.

/// What an analyst would search a quote by, checked independently of the app.
fn quote_matches(loaded: &Loaded, item: usize, needle: &str) -> bool {
    let q = &loaded.briefing.quotes[item];
    [
        Some(&q.text),
        Some(&q.speaker),
        Some(&q.actor),
        q.context.as_ref(),
    ]
    .into_iter()
    .flatten()
    .any(|t| t.to_lowercase().contains(needle))
}

fn actor_matches(loaded: &Loaded, item: usize, needle: &str) -> bool {
    let a = &loaded.briefing.actors[item];
    let mut texts = vec![&a.id, &a.name, &a.role, &a.stance];
    texts.extend(a.short.iter());
    texts.extend(a.interests.iter());
    texts.extend(a.leverage.iter());
    texts.extend(a.people.iter().flat_map(|p| [&p.name, &p.role]));
    texts.iter().any(|t| t.to_lowercase().contains(needle))
}

/// `actor_matches` with the case as typed.
fn actor_matches_exactly(loaded: &Loaded, item: usize, needle: &str) -> bool {
    let a = &loaded.briefing.actors[item];
    let mut texts = vec![&a.id, &a.name, &a.role, &a.stance];
    texts.extend(a.short.iter());
    texts.extend(a.interests.iter());
    texts.extend(a.leverage.iter());
    texts.extend(a.people.iter().flat_map(|p| [&p.name, &p.role]));
    texts.iter().any(|t| t.contains(needle))
}

#[test]
fn search_filters_the_rows_of_each_pane() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("/potash");
    harness.key(KeyCode::Enter);
    let loaded = loaded(&harness).clone();
    let quotes: Vec<usize> = (0..loaded.briefing.quotes.len())
        .filter(|&i| quote_matches(&loaded, i, "potash"))
        .collect();
    let actors: Vec<usize> = (0..loaded.briefing.actors.len())
        .filter(|&i| actor_matches(&loaded, i, "potash"))
        .collect();
    assert_eq!(harness.app.rows(Pane::Quotes), quotes.as_slice());
    assert_eq!(harness.app.rows(Pane::Actors), actors.as_slice());
    assert!(!actors.is_empty() && actors.len() < loaded.briefing.actors.len());
    for pane in &Pane::ALL[1..] {
        assert!(
            harness.app.rows(*pane).len() <= pane.items(&loaded).len(),
            "{pane:?}"
        );
    }
    // Smart case: a capital letter makes the case matter.
    harness.key(KeyCode::Esc);
    harness.keys("/Potash");
    let capitalised: Vec<usize> = (0..loaded.briefing.actors.len())
        .filter(|&i| actor_matches_exactly(&loaded, i, "Potash"))
        .collect();
    assert_eq!(harness.app.rows(Pane::Actors), capitalised.as_slice());
    harness.key(KeyCode::Esc);
    harness.keys("/POTASH");
    assert!(harness.app.rows(Pane::Actors).is_empty());
}

#[test]
fn search_in_another_script_matches_case_insensitively() {
    let mut harness = Harness::open(Path::new(ARCTIC), 80, 24);
    harness.keys("2/росатом");
    let rows = harness.app.rows(Pane::Actors).to_vec();
    assert_eq!(rows, vec![0], "Росатом is the first actor");
    harness.key(KeyCode::Esc);
    harness.keys("/郵船");
    let rows = harness.app.rows(Pane::Actors).to_vec();
    assert_eq!(loaded(&harness).briefing.actors[rows[0]].id, "nyk");
}

#[test]
fn esc_while_typing_cancels_the_search() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2/pot");
    assert!(harness.app.search.editing);
    assert!(harness.app.rows(Pane::Actors).len() < 7);
    harness.key(KeyCode::Esc);
    assert!(!harness.app.search.editing);
    assert_eq!(harness.app.search.query, "");
    assert_eq!(harness.app.rows(Pane::Actors).len(), 7);
    assert_eq!(harness.app.pane, Pane::Actors);
}

#[test]
fn enter_keeps_the_filter_and_esc_afterwards_clears_it() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2/potash");
    harness.key(KeyCode::Enter);
    assert!(!harness.app.search.editing);
    assert_eq!(harness.app.search.query, "potash");
    let filtered = harness.app.rows(Pane::Actors).len();
    assert!(filtered < 7);
    let status = harness.app.status.clone().unwrap_or_default();
    assert!(
        status.contains(&format!("{filtered} in Actors")),
        "{status}"
    );
    assert!(
        status.contains("in Quotes"),
        "the status counts every pane: {status}"
    );

    // Movement keys move again, within the filtered rows.
    harness.keys("G");
    assert_eq!(selected(&harness, Pane::Actors), filtered - 1);
    harness.key(KeyCode::Esc);
    assert_eq!(harness.app.search.query, "");
    assert_eq!(harness.app.rows(Pane::Actors).len(), 7);
}

#[test]
fn backspace_while_typing_widens_the_search() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2/potashx");
    assert!(harness.app.rows(Pane::Actors).is_empty());
    harness.key(KeyCode::Backspace);
    assert_eq!(harness.app.search.query, "potash");
    assert!(!harness.app.rows(Pane::Actors).is_empty());
}

#[test]
fn selection_survives_a_search_that_matches_it_being_cleared() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2");
    let loaded = loaded(&harness).clone();
    // The last actor that matches, and not the first row, so positions differ.
    let item = (0..loaded.briefing.actors.len())
        .rev()
        .find(|&i| actor_matches(&loaded, i, "potash"))
        .unwrap();
    harness.keys(&"j".repeat(item));
    let id = selected_actor_id(&harness);
    harness.keys("/potash");
    harness.key(KeyCode::Enter);
    assert_eq!(
        selected_actor_id(&harness),
        id,
        "still selected while filtered"
    );
    assert_ne!(
        selected(&harness, Pane::Actors),
        item,
        "at its filtered position"
    );
    harness.key(KeyCode::Esc);
    assert_eq!(selected_actor_id(&harness), id);
    assert_eq!(selected(&harness, Pane::Actors), item);
}

#[test]
fn search_with_no_match_shows_a_message_and_does_not_panic() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2/zzzzqqq");
    harness.key(KeyCode::Enter);
    assert!(harness.app.rows(Pane::Actors).is_empty());
    assert_eq!(harness.app.selected_item(Pane::Actors), None);
    harness.keys("jGk");
    harness.key(KeyCode::Enter);
    assert_eq!(harness.app.focus, Focus::List);
    let screen = harness.screen();
    assert!(screen.contains("No actors match"), "{screen}");
}

// Editing.

#[test]
fn e_on_the_bundled_briefing_explains_brief_init() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2");
    assert_eq!(harness.key(KeyCode::Char('e')), Effect::None);
    let status = harness.app.status.clone().unwrap_or_default();
    assert!(status.contains("brief init"), "{status}");
}

/// The 1-based line of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> u32 {
    let n = text
        .lines()
        .position(|l| l == needle)
        .expect("the line is in the file");
    n as u32 + 1
}

#[test]
fn e_on_a_file_opens_the_editor_at_the_selected_item() {
    let text = std::fs::read_to_string(ARCTIC).unwrap();
    let mut harness = Harness::open(Path::new(ARCTIC), 80, 24);
    harness.keys("2jj");
    assert_eq!(selected_actor_id(&harness), "nyk");
    assert_eq!(
        harness.key(KeyCode::Char('e')),
        Effect::Edit {
            path: PathBuf::from(ARCTIC),
            line: line_of(&text, "  - id: nyk"),
        }
    );
    harness.keys("3j");
    assert_eq!(
        harness.key(KeyCode::Char('e')),
        Effect::Edit {
            path: PathBuf::from(ARCTIC),
            line: line_of(&text, "  - id: q-panov-icebreakers"),
        }
    );
}

#[test]
fn e_with_the_list_empty_opens_the_editor_at_the_top() {
    let mut harness = Harness::open(Path::new(MINIMAL), 80, 24);
    harness.keys("2");
    assert_eq!(
        harness.key(KeyCode::Char('e')),
        Effect::Edit {
            path: PathBuf::from(MINIMAL),
            line: 1,
        }
    );
}

// `update` without the key table.

#[test]
fn update_directly_moves_and_quits() {
    let mut app = App::new(
        Origin::Bundled,
        parse(BUNDLED_TEXT),
        &brief::ui::layout::SCREEN,
    );
    app.update(Action::Resize(80, 24));
    assert_eq!(app.update(Action::ShowPane(Pane::Risks)), Effect::None);
    app.update(Action::Last);
    assert_eq!(
        app.state(Pane::Risks).selected,
        app.rows(Pane::Risks).len() - 1
    );
    app.update(Action::First);
    assert_eq!(app.state(Pane::Risks).selected, 0);
    app.update(Action::Status("hello".into()));
    assert_eq!(app.status.as_deref(), Some("hello"));
    app.update(Action::Down);
    assert_eq!(app.status, None, "a key press clears the status");
    assert_eq!(app.update(Action::Quit), Effect::Quit);
}

#[test]
fn app_that_never_loaded_shows_the_error_and_keys_do_not_panic() {
    let mut harness = Harness::new(
        Origin::File(PathBuf::from("broken.yaml")),
        parse("title: [\n"),
        80,
        24,
    );
    assert!(harness.app.loaded.is_none());
    harness.keys("2jjGg3?!");
    harness.key(KeyCode::Enter);
    harness.key(KeyCode::Esc);
    let screen = harness.screen();
    assert!(screen.contains("Cannot show this briefing"), "{screen}");
    match harness.key(KeyCode::Char('e')) {
        Effect::Edit { path, line } => {
            assert_eq!(path, PathBuf::from("broken.yaml"));
            assert!(line >= 1);
        }
        other => panic!("e should open the broken file, got {other:?}"),
    }
}

#[test]
fn a_search_with_no_matches_here_moves_to_a_pane_with_matches() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("/European Union");
    harness.key(KeyCode::Enter);
    assert_ne!(
        harness.app.pane,
        Pane::Summary,
        "the summary does not name the EU so"
    );
    assert!(!harness.app.rows(harness.app.pane).is_empty());
}

#[test]
fn a_selection_hidden_by_a_search_comes_back_when_it_is_cleared() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2jjjj");
    let before = harness.app.state(Pane::Actors).selected_id.clone();
    harness.keys("/potz");
    harness.key(KeyCode::Backspace);
    // Esc while typing cancels: the selection the search hid comes back.
    harness.key(KeyCode::Esc);
    assert_eq!(harness.app.state(Pane::Actors).selected_id, before);
    assert_eq!(selected(&harness, Pane::Actors), 4);
}

#[test]
fn the_help_overlay_scrolls_no_further_than_its_text() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("?G");
    let Some(brief::app::Overlay::Help { scroll }) = harness.app.overlay.clone() else {
        panic!("help is open");
    };
    assert!(scroll > 0 && scroll < 100, "scroll {scroll}");
    harness.keys("k");
    assert_eq!(
        harness.app.overlay,
        Some(brief::app::Overlay::Help { scroll: scroll - 1 })
    );
}

#[test]
fn lines_inserted_above_items_are_not_changes() {
    let mut harness = Harness::bundled(80, 24);
    let shifted = format!("# a comment\n\n{}", brief::briefing::BUNDLED_TEXT);
    harness.reloaded(brief::briefing::parse(&shifted));
    let changes = harness
        .app
        .changes
        .clone()
        .expect("a reload records its changes");
    assert!(
        changes.is_empty(),
        "moved items are not changed items: {}",
        changes.describe()
    );
    assert_eq!(harness.app.status.as_deref(), Some("Reloaded: no changes"));
}

fn click(harness: &mut Harness, column: u16, row: u16) -> brief::app::Effect {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    harness.event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }))
}

#[test]
fn clicking_a_tab_shows_its_pane() {
    let mut harness = Harness::bundled(120, 40);
    let screen = harness.screen();
    let tabs = screen.lines().nth(1).unwrap();
    for (title, pane) in [
        ("Risks", Pane::Risks),
        ("Timeline", Pane::Timeline),
        ("Summary", Pane::Summary),
    ] {
        let column = tabs.find(title).unwrap() as u16;
        click(&mut harness, column, 1);
        assert_eq!(harness.app.pane, pane, "clicked {title} at column {column}");
    }
}

#[test]
fn clicking_a_list_row_selects_it_and_the_detail_takes_the_focus() {
    let mut harness = Harness::bundled(120, 40);
    harness.keys("2");
    // The list's first row is the row under its top border (screen row 3).
    click(&mut harness, 5, 3 + 3);
    assert_eq!(selected(&harness, Pane::Actors), 3);
    assert!(harness.screen().contains("Russia"));
    click(&mut harness, 5, 3 + 30);
    assert_eq!(
        selected(&harness, Pane::Actors),
        3,
        "a click below the last row changes nothing"
    );
    click(&mut harness, 80, 10);
    assert_eq!(harness.app.focus, Focus::Detail);
    click(&mut harness, 5, 3);
    assert_eq!(harness.app.focus, Focus::List);
    assert_eq!(selected(&harness, Pane::Actors), 0);
}

#[test]
fn a_click_closes_the_help() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("?");
    assert!(harness.app.overlay.is_some());
    click(&mut harness, 10, 10);
    assert!(harness.app.overlay.is_none());
}
