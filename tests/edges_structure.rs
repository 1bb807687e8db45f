//! The state stays apart from the terminal and from git: `src/app/` holds brief's own
//! types only, so that drawing and reading history can change without touching it.

use std::path::{Path, PathBuf};

/// The crates whose types belong to drawing (ratatui, crossterm) and to reading git (gix).
const KEPT_OUT: [&str; 3] = ["ratatui", "crossterm", "gix"];

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("reading a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Whether `word` occurs in `line` as a name of its own (not inside `magix`).
fn names(line: &str, word: &str) -> bool {
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        !before.is_some_and(is_name) && !after.is_some_and(is_name)
    })
}

#[test]
fn the_app_state_names_no_terminal_or_git_crate() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app"),
        &mut files,
    );
    assert!(files.len() > 5, "the app's sources found: {files:?}");
    let mut mentions = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("reading a source file");
        for (n, line) in text.lines().enumerate() {
            for word in KEPT_OUT {
                if names(line, word) {
                    mentions.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        mentions.is_empty(),
        "src/app/ is state only; its types are brief's own:\n{}",
        mentions.join("\n")
    );
}

#[test]
fn a_name_is_found_only_whole() {
    assert!(names("use gix::ObjectId;", "gix"));
    assert!(names("blob: Option<gix::ObjectId>,", "gix"));
    assert!(names("use ratatui::layout::Rect;", "ratatui"));
    assert!(!names("let magix = 1;", "gix"));
    assert!(!names("gixel", "gix"));
}

/// The layers above the state: drawing, the terminal's loop, the command line. The state
/// is asked its questions by them and answers; what it needs of the layout comes in as an
/// `app::Layout` that `ui` implements, so the state never imports them; its own unit
/// tests use a fixed screen of its own (`app::screen::FixedScreen`).
const ABOVE_THE_STATE: [&str; 4] = ["crate::ui", "crate::runtime", "crate::cli", "crate::keymap"];

#[test]
fn the_app_state_imports_nothing_from_the_layers_above_it() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app"),
        &mut files,
    );
    let mut mentions = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("reading a source file");
        for (n, line) in text.lines().enumerate() {
            if ABOVE_THE_STATE.iter().any(|layer| line.contains(layer)) {
                mentions.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        mentions.is_empty(),
        "src/app/ imports only downward:\n{}",
        mentions.join("\n")
    );
}
