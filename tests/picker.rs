//! `brief DIR`: the picker lists each briefing by title, date and counts, a broken one with
//! its first error; Enter opens, `o` comes back, and rescans keep the selection.

use brief::app::{Effect, Origin, Pane};
use brief::briefing::{self, Budget};
mod common;
use common::harness::Harness;
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

fn directory() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["arctic-shipping.yaml", "one-of-each.yaml"] {
        std::fs::copy(
            Path::new("tests/fixtures/good").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    std::fs::copy(
        "tests/fixtures/bad/typo-key.yaml",
        dir.path().join("typo.yml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a briefing").unwrap();
    dir
}

#[test]
fn lists_briefings_with_title_date_counts_or_first_error() {
    let dir = directory();
    let mut h = Harness::picker(dir.path(), 120, 30);
    let screen = h.screen();
    assert!(screen.contains("Briefings in"), "{screen}");
    assert!(screen.contains("Northern Sea Route"));
    assert!(screen.contains("One of each"));
    assert!(screen.contains("2026-03-15"));
    assert!(screen.contains("✗ typo.yml"));
    assert!(!screen.contains("notes.txt"));
    assert!(
        screen.contains("7 actors · 8 quotes"),
        "the card shows the counts:\n{screen}"
    );
    h.keys("jj");
    let screen = h.screen();
    assert!(
        screen.contains("unknown key `nmae`"),
        "the card shows the first error:\n{screen}"
    );
}

#[test]
fn enter_opens_the_selected_briefing_and_o_comes_back() {
    let dir = directory();
    let mut h = Harness::picker(dir.path(), 100, 30);
    h.key(KeyCode::Down);
    let effect = h.key(KeyCode::Enter);
    let opened = dir.path().join("one-of-each.yaml");
    assert_eq!(effect, Effect::Open(opened.clone()));
    assert_eq!(h.app.origin, Origin::File(opened.clone()));
    assert!(!h.app.showing_picker());
    // The runtime loads the file off the UI thread and hands it over.
    h.reloaded(briefing::load_file(&opened, Budget::default()));
    h.keys("2");
    assert_eq!(h.app.pane, Pane::Actors);
    assert!(h.screen().contains("Harbourtown City Council"));
    h.keys("o");
    assert!(h.app.showing_picker());
    assert!(h.screen().contains("Briefings in"));
    // Digits go back to the open briefing.
    h.keys("3");
    assert!(!h.app.showing_picker());
    assert_eq!(h.app.pane, Pane::Quotes);
}

#[test]
fn rescan_keeps_the_selected_file() {
    let dir = directory();
    let mut h = Harness::picker(dir.path(), 100, 30);
    h.keys("j");
    let selected = |h: &Harness| {
        let p = h.app.picker.as_ref().unwrap();
        p.entries[p.selected].file_name.clone()
    };
    assert_eq!(selected(&h), "one-of-each.yaml");
    std::fs::copy(
        "tests/fixtures/good/minimal.yaml",
        dir.path().join("aaa-first.yaml"),
    )
    .unwrap();
    let entries = briefing::catalog::scan(dir.path(), Budget::default()).unwrap();
    h.app.update(brief::app::Action::Scanned(entries));
    assert_eq!(selected(&h), "one-of-each.yaml");
    assert!(h.screen().contains("Minimal briefing"));
}

#[test]
fn e_in_the_picker_edits_the_selected_file() {
    let dir = directory();
    let mut h = Harness::picker(dir.path(), 100, 30);
    let effect = h.key(KeyCode::Char('e'));
    assert_eq!(
        effect,
        Effect::Edit {
            path: dir.path().join("arctic-shipping.yaml"),
            line: 1
        }
    );
}

#[test]
fn a_click_selects_a_briefing_and_a_second_click_opens_it() {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let dir = directory();
    let mut h = Harness::picker(dir.path(), 100, 30);
    let click = |h: &mut Harness| {
        h.event(Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 5,
            row: 4,
            modifiers: KeyModifiers::NONE,
        }))
    };
    // Row 4 is the list's second row: one-of-each.yaml.
    assert_eq!(click(&mut h), Effect::None);
    assert_eq!(h.app.picker.as_ref().unwrap().selected, 1);
    assert_eq!(
        click(&mut h),
        Effect::Open(dir.path().join("one-of-each.yaml"))
    );
}

/// A save in `brief DIR` re-reads the briefing saved, not every briefing in the directory.
#[test]
fn a_rescan_reads_only_the_files_that_changed() {
    use brief::briefing::{Budget, catalog};
    use std::collections::HashSet;
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string("tests/fixtures/good/minimal.yaml").unwrap();
    let titled = |t: &str| base.replacen("title: Minimal briefing", &format!("title: {t}"), 1);
    let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
    std::fs::write(&a, titled("A one")).unwrap();
    std::fs::write(&b, titled("B one")).unwrap();
    let listed = catalog::scan(dir.path(), Budget::default()).unwrap();
    // Both change on disk, but only `a` is reported changed: `b` keeps its entry, and a
    // new file is read because it was not listed.
    std::fs::write(&a, titled("A two")).unwrap();
    std::fs::write(&b, titled("B two")).unwrap();
    let c = dir.path().join("c.yaml");
    std::fs::write(&c, titled("C one")).unwrap();
    let changed: HashSet<_> = [a.clone()].into_iter().collect();
    let entries = catalog::rescan(dir.path(), Budget::default(), &listed, &changed).unwrap();
    let titles: Vec<String> = entries
        .iter()
        .map(|e| e.summary.clone().unwrap().unwrap().title)
        .collect();
    assert_eq!(titles, ["A two", "B one", "C one"]);
    // A deleted file leaves the list.
    std::fs::remove_file(&a).unwrap();
    let changed: HashSet<_> = [a].into_iter().collect();
    let entries = catalog::rescan(dir.path(), Budget::default(), &entries, &changed).unwrap();
    assert_eq!(entries.len(), 2);
}
