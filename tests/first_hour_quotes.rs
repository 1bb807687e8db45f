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

/// A quote in Russian with its date, language and English rendering.
fn quote_in_russian(dir: &Path, language: &str) -> std::path::PathBuf {
    let path = dir.join("russian.yaml");
    let yaml = format!(
        "title: Grain corridor
sources:
  - id: src-tass
    outlet: TASS
    title: Peskov on the grain deal
actors:
  - id: kremlin
    name: Kremlin
    kind: government
    role: Decides on the deal.
    stance: Wants sanctions eased first.
quotes:
  - id: q-peskov
    speaker: Дмитрий Песков
    actor: kremlin
    text: Сделка не будет продлена.
    translation: The deal will not be extended.
    date: 2026-07-17
    language: {language}
    context: Daily call with reporters.
    source: src-tass
"
    );
    std::fs::write(&path, yaml).unwrap();
    path
}

#[test]
fn a_quote_shows_its_translation_labelled_with_its_date_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = quote_in_russian(dir.path(), "ru");
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
        let mut h = Harness::open(&path, width, height);
        h.keys("3");
        let screen = h.screen();
        assert!(screen.contains("“Сделка не будет продлена.”"), "{screen}");
        assert!(
            screen.contains("Translation: The deal will not be extended."),
            "the translation, labelled, at {width}x{height}:\n{screen}"
        );
        assert!(
            !screen.contains("“The deal"),
            "a translation is not quoted as the words said:\n{screen}"
        );
        assert!(
            screen.contains("said on 2026-07-17, in ru"),
            "the date and language at {width}x{height}:\n{screen}"
        );
    }
}

#[test]
fn a_language_that_is_not_a_tag_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    for (written, hint) in [("Russian", ""), ("ru_RU", "did you mean `ru-RU`?")] {
        let path = quote_in_russian(dir.path(), written);
        let out = common::brief(&["check", path.to_str().unwrap()]);
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(!out.status.success(), "{report}");
        assert!(
            report.contains("russian.yaml:19:15")
                && report.contains(&format!(
                    "`language: {written}` is not a BCP 47 language tag"
                ))
                && report.contains(hint),
            "{report}"
        );
    }
}

#[test]
fn a_quote_date_is_checked_as_as_of_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = quote_in_russian(dir.path(), "ru");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("2026-07-17", "2026-02-30")).unwrap();
    let out = common::brief(&["check", path.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("russian.yaml:18:11")
            && report.contains(
                "`date: 2026-02-30` is not a date in the form YYYY-MM-DD (there is no such day)"
            ),
        "{report}"
    );
}

#[test]
fn the_html_export_marks_a_quote_s_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = quote_in_russian(dir.path(), "ru");
    let out = common::brief(&["export", "--format", "html", path.to_str().unwrap()]);
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(
        html.contains("<p lang=\"ru\">“Сделка не будет продлена.”</p>"),
        "{html}"
    );
    assert!(html.contains("The deal will not be extended."), "{html}");
}
