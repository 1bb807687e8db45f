//! What a new analyst meets first in the quotes: speakers shown whole, a quote's date,
//! language and translation, and a quote that is not word for word in its source.

mod common;
use common::harness::Harness;
use std::path::Path;

/// A briefing with one quote by `speaker`, written into `dir`.
fn one_quote(dir: &Path, speaker: &str) -> std::path::PathBuf {
    let path = dir.join("briefing.yaml");
    let yaml = format!(
        "title: Trade talks
sources:
  - id: src-press
    outlet: Press room
    title: Midday briefing
actors:
  - id: eu
    name: European Union
    short: EU
    kind: bloc
    role: Negotiates for its members.
    stance: Wants the tariffs lifted.
quotes:
  - id: q-spokesperson
    speaker: {speaker}
    actor: eu
    text: We will respond in a measured way.
    context: Midday briefing in Brussels.
    source: src-press
"
    );
    std::fs::write(&path, yaml).unwrap();
    path
}

#[test]
fn a_long_speaker_is_cut_with_an_ellipsis_never_reduced_to_its_last_word() {
    let dir = tempfile::tempdir().unwrap();
    let path = one_quote(dir.path(), "European Commission spokesperson");
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
        let mut h = Harness::open(&path, width, height);
        h.keys("3");
        let screen = h.screen();
        let row = screen
            .lines()
            .find(|line| line.contains("“We will respond"))
            .unwrap_or_else(|| panic!("the quote's row at {width}x{height}:\n{screen}"));
        assert!(
            row.contains("European Co"),
            "the speaker from its start at {width}x{height}: {row}"
        );
        assert!(
            row.contains('…'),
            "a cut speaker is marked as cut at {width}x{height}: {row}"
        );
    }
}

#[test]
fn a_speaker_that_fits_is_shown_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = one_quote(dir.path(), "Paula Pinho");
    let mut h = Harness::open(&path, 120, 40);
    h.keys("3");
    let screen = h.screen();
    let row = screen
        .lines()
        .find(|line| line.contains("“We will respond"))
        .unwrap_or_else(|| panic!("the quote's row:\n{screen}"));
    assert!(row.contains("Paula Pinho"), "{row}");
}
