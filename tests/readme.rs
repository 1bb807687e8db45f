//! The README shows what the program does: its screen is one the program draws, and its
//! shell examples run in the order they are written.

mod common;
use common::harness::Harness;

/// The README's first fenced block: the screen under its opening paragraphs.
fn readme_screen() -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = readme
        .split("\n```\n")
        .nth(1)
        .expect("the README opens with a screen in a fenced block");
    format!("{block}\n")
}

/// The bundled briefing's Risks pane, as `brief` then `4` shows it, at the README's size,
/// with each row's trailing blanks dropped as the README's lines drop them.
fn drawn_screen(width: u16, height: u16) -> String {
    let mut tui = Harness::bundled(width, height);
    tui.keys("4");
    tui.screen()
        .lines()
        .map(|row| format!("{}\n", row.trim_end()))
        .collect()
}

#[test]
fn the_readme_screen_is_the_one_the_program_draws() {
    let readme = readme_screen();
    let height = readme.lines().count() as u16;
    let width = readme
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0) as u16;
    assert_eq!(
        (width, height),
        (100, 30),
        "the README's screen changed size"
    );
    let drawn = drawn_screen(width, height);
    if readme != drawn && std::env::var_os("BRIEF_UPDATE_GOLDEN").is_some() {
        let text = std::fs::read_to_string("README.md").unwrap();
        std::fs::write("README.md", text.replacen(&readme, &drawn, 1)).unwrap();
        return;
    }
    if readme != drawn {
        panic!(
            "the README's screen is not what brief draws at {width}x{height}; replace it with this (BRIEF_UPDATE_GOLDEN=1 does):\n{drawn}"
        );
    }
}
