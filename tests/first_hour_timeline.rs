//! The timeline as a new analyst meets it: dates that read as dates are checked, events
//! are listed in date order, and the HTML export says what it was made from.

use brief::app::{Origin, Pane};
use brief::briefing::{Loaded, parse};
mod common;
use common::git::{pay_repo, short_hash};
use common::harness::Harness;
use std::path::Path;

/// A briefing whose timeline is `events`, `(date, event)`, written in that order.
fn timeline(events: &[(&str, &str)]) -> String {
    let mut text = String::from("title: Talks\ntimeline:\n");
    for (date, event) in events {
        text.push_str(&format!("  - date: \"{date}\"\n    event: {event}\n"));
    }
    text
}

fn load(text: &str) -> Loaded {
    parse(text).expect("the briefing loads")
}

/// The warnings about dates, as `line:col: message`.
fn date_warnings(loaded: &Loaded) -> Vec<String> {
    loaded
        .warnings
        .iter()
        .filter(|d| d.message.contains("reads as a date"))
        .map(|d| format!("{}: {}", d.pos.expect("a position"), d.message))
        .collect()
}

#[test]
fn dates_that_are_not_on_the_calendar_are_warned_about_where_they_are_written() {
    let loaded = load(&timeline(&[
        ("2026-02-30", "Talks open."),
        ("2026-13", "A strike."),
        ("0000", "Nothing."),
        ("late 2025", "Rumours."),
        ("2024-02-29", "A leap day."),
        ("2026-03", "Spring talks."),
    ]));
    let warnings = date_warnings(&loaded);
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(warnings[0].starts_with("3:11: ") && warnings[0].contains("no such day"));
    assert!(warnings[1].starts_with("5:11: ") && warnings[1].contains("01 to 12"));
    assert!(warnings[2].starts_with("7:11: ") && warnings[2].contains("0001"));
}

#[test]
fn a_briefing_with_an_impossible_date_still_opens() {
    // `date` has always been free text: a wrong day is worth a warning, not a refusal.
    let loaded = load(&timeline(&[("2026-02-30", "Talks open.")]));
    assert_eq!(loaded.briefing.timeline.len(), 1);
}

#[test]
fn the_timeline_lists_dated_events_by_date_then_free_text_in_written_order() {
    let text = timeline(&[
        ("late 2025", "Rumours of talks."),
        ("2026-03-02", "The strike is called off."),
        ("2026", "The year of the thaw."),
        ("spring", "Delegations meet."),
        ("2025-11-30", "First contact."),
        ("2026-03", "March opens."),
        ("2026-03-02", "A second event that day."),
        ("2026-02-30", "An impossible day."),
    ]);
    let mut harness = Harness::new(Origin::Bundled, parse(&text), 120, 40);
    harness.keys("7");
    assert_eq!(harness.app.pane, Pane::Timeline);
    let screen = harness.screen();
    let order: Vec<usize> = [
        "First contact.",
        "The year of the thaw.",
        "March opens.",
        "The strike is called off.",
        "A second event that day.",
        "Rumours of talks.",
        "Delegations meet.",
        "An impossible day.",
    ]
    .iter()
    .map(|event| {
        screen
            .lines()
            .position(|line| line.contains(event))
            .unwrap_or_else(|| panic!("{event} is on screen:\n{screen}"))
    })
    .collect();
    assert!(order.is_sorted(), "{order:?}\n{screen}");
    // The first row is selected, and it is the earliest event, not the first written.
    let first = harness.app.selected_item(Pane::Timeline);
    assert_eq!(first, Some(4));
}

/// `brief export --format html FILE` at a fixed time of export.
fn html_export(file: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["export", "--format", "html"])
        .arg(file)
        .env("SOURCE_DATE_EPOCH", "1796472000")
        .output()
        .expect("running brief");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The page's line saying what it was made from.
fn origin_line(page: &str) -> &str {
    page.lines()
        .find(|line| line.starts_with("<p class=\"origin dim\">"))
        .unwrap_or_else(|| panic!("the page says where it came from:\n{page}"))
}

#[test]
fn the_html_export_names_the_file_the_commit_and_the_time_it_was_made_from() {
    let repo = pay_repo(2);
    let file = repo.path().join("pay.yaml");
    let head = short_hash(repo.path(), "HEAD");
    let page = html_export(&file);
    assert_eq!(
        origin_line(&page),
        format!(
            "<p class=\"origin dim\">From {}, commit {head}, exported 2026-12-05 12:00:00 UTC</p>",
            file.display()
        )
    );

    std::fs::write(&file, common::git::pay_version(3)).unwrap();
    let page = html_export(&file);
    assert!(
        origin_line(&page).contains(&format!("commit {head} (edited since), exported")),
        "{}",
        origin_line(&page)
    );
}

#[test]
fn an_html_export_outside_a_repository_names_no_commit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.yaml");
    std::fs::write(&file, timeline(&[("2026", "Talks.")])).unwrap();
    let page = html_export(&file);
    assert_eq!(
        origin_line(&page),
        format!(
            "<p class=\"origin dim\">From {}, exported 2026-12-05 12:00:00 UTC</p>",
            file.display()
        )
    );
}

/// The values of `attribute="…"` in `page`, in order.
fn attributes<'p>(page: &'p str, attribute: &str) -> Vec<&'p str> {
    let opening = format!("{attribute}=\"");
    page.match_indices(&opening)
        .filter_map(|(at, _)| page[at + opening.len()..].split('"').next())
        .collect()
}

#[test]
fn the_html_export_has_a_table_of_contents_linking_every_section() {
    let page = html_export(Path::new("tests/fixtures/good/one-of-each.yaml"));
    let (before, nav) = page
        .split_once("<nav class=\"contents\"")
        .expect("a table of contents");
    let (nav, after) = nav.split_once("</nav>").unwrap();
    assert!(!before.contains("<section"), "the contents come first");
    let links: Vec<&str> = attributes(nav, "href");
    let sections: Vec<String> = attributes(after, "<section id")
        .iter()
        .map(|id| format!("#{id}"))
        .collect();
    assert_eq!(links.len(), 8, "{nav}");
    assert_eq!(links, sections, "one link per section, in order");
}

#[test]
fn the_html_timeline_is_in_date_order_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.yaml");
    let text = timeline(&[
        ("late 2025", "Rumours of talks."),
        ("2026-03-02", "The strike is called off."),
        ("2025-11-30", "First contact."),
    ]);
    std::fs::write(&file, text).unwrap();
    let page = html_export(&file);
    let at = |event: &str| page.find(event).unwrap_or_else(|| panic!("{event}"));
    assert!(at("First contact.") < at("The strike is called off."));
    assert!(at("The strike is called off.") < at("Rumours of talks."));
}

#[test]
fn each_quote_in_the_html_export_links_to_its_source_entry_and_its_address() {
    let page = html_export(Path::new("tests/fixtures/good/one-of-each.yaml"));
    let (_, quotes) = page.split_once("<section id=\"quotes\">").unwrap();
    let (quotes, _) = quotes.split_once("</section>").unwrap();
    let links = attributes(quotes, "href");
    assert!(links.contains(&"#source-src-gazette"), "{quotes}");
    assert!(
        links.contains(&"https://example.invalid/harbour-gazette/ferry-contract"),
        "{quotes}"
    );
    assert!(
        page.contains("<li id=\"source-src-gazette\">"),
        "the link lands on the source's entry"
    );
}

#[test]
fn the_html_export_draws_the_heat_map_with_a_count_in_each_cell() {
    let risk = |id: &str, likelihood: &str, impact: &str| {
        format!(
            "  - id: {id}\n    title: {id}\n    description: d\n    likelihood: {likelihood}\n    impact: {impact}\n"
        )
    };
    let text = format!(
        "title: Talks\nrisks:\n{}{}{}",
        risk("a", "high", "high"),
        risk("b", "high", "high"),
        risk("c", "low", "medium"),
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("talks.yaml");
    std::fs::write(&file, text).unwrap();
    let page = html_export(&file);
    let (_, map) = page
        .split_once("<table class=\"heat\">")
        .expect("a heat map");
    let (map, _) = map.split_once("</table>").unwrap();
    // Rows are likelihood, high first; columns impact, low first: the cells' counts
    // read top to bottom, left to right.
    let counts: Vec<&str> = map
        .split("<td")
        .skip(1)
        .map(|cell| {
            let text = &cell[cell.find('>').unwrap() + 1..];
            text.split_whitespace().next().unwrap()
        })
        .collect();
    assert_eq!(
        counts,
        ["0", "0", "2", "0", "0", "0", "0", "1", "0"],
        "{map}"
    );
    assert!(
        map.contains("2 <span class=\"dim\">critical</span>"),
        "{map}"
    );
}
