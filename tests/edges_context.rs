//! The theme, the key table, the editor template and the mouse switch are values handed
//! to drawing, input and the editor, not globals: two dashboards on one thread draw in
//! their own themes and answer to their own keys, and the sources hold no thread-local
//! or mutable static for any of them.

mod common;
use brief::keymap::{BINDINGS, Key, Keys};
use brief::ui::theme;
use common::harness::Harness;
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a readable source directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a readable source file");
                files.push((path, text));
            }
        }
    }
    files.sort();
    files
}

/// A static declared on `line`: its name and its type, or `None` if there is none.
fn static_of(line: &str) -> Option<(String, String)> {
    let line = line.trim_start();
    let line = line
        .strip_prefix("pub(crate) ")
        .or_else(|| line.strip_prefix("pub "))
        .unwrap_or(line);
    let rest = line.strip_prefix("static ")?;
    let (name, ty) = rest.split_once(':')?;
    let ty = ty.split_once('=').map_or(ty, |(ty, _)| ty);
    Some((name.trim().to_owned(), ty.trim().to_owned()))
}

/// Whether a static of this type can change after start.
fn mutable(name: &str, ty: &str) -> bool {
    name.starts_with("mut ")
        || ["Atomic", "Cell", "Once", "Lazy", "Mutex", "RwLock"]
            .iter()
            .any(|marker| ty.contains(marker))
}

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn no_thread_local_anywhere_in_the_sources() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found: Vec<String> = sources(&src)
        .iter()
        .flat_map(|(path, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, line)| line.contains("thread_local!"))
                .map(move |(n, _)| format!("{}:{}", relative(path), n + 1))
        })
        .collect();
    assert!(
        found.is_empty(),
        "a thread-local where a value should be passed: {found:?}"
    );
}

/// The files that draw, read keys, read the config, run the editor and hold the
/// terminal: what they need comes in as arguments. The terminal keeps two process-wide
/// facts that are no setting: whether the panic hook is set, and whether brief holds
/// the terminal (read by the signal thread).
#[test]
fn no_mutable_static_holds_the_theme_the_keys_the_editor_or_the_mouse() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let context_files = [
        "src/ui/",
        "src/keymap.rs",
        "src/config.rs",
        "src/cli.rs",
        "src/runtime/mod.rs",
        "src/runtime/editor.rs",
        "src/runtime/terminal.rs",
    ];
    let allowed = [
        ("src/runtime/terminal.rs", "PANIC_HOOK"),
        ("src/runtime/terminal.rs", "HELD"),
    ];
    let settings = ["theme", "key", "editor", "template", "mouse"];
    let mut found = Vec::new();
    for (path, text) in sources(&root.join("src")) {
        let file = relative(&path);
        for (n, line) in text.lines().enumerate() {
            let Some((name, ty)) = static_of(line) else {
                continue;
            };
            if !mutable(&name, &ty) {
                continue;
            }
            let in_context = context_files.iter().any(|f| file.starts_with(f));
            let names_a_setting = settings
                .iter()
                .any(|s| format!("{name} {ty}").to_lowercase().contains(s));
            let excused = allowed.contains(&(file.as_str(), name.as_str()));
            if (in_context || names_a_setting) && !excused {
                found.push(format!("{file}:{}: static {name}: {ty}", n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a mutable static where a value should be passed: {found:#?}"
    );
}

/// The scan above sees the statics it is meant to: it would have caught the ones that
/// held the editor template and the mouse switch.
#[test]
fn the_static_scan_recognises_mutable_statics() {
    assert_eq!(
        static_of("static TEMPLATE: OnceLock<String> = OnceLock::new();"),
        Some(("TEMPLATE".into(), "OnceLock<String>".into()))
    );
    assert!(mutable("TEMPLATE", "OnceLock<String>"));
    assert!(mutable("MOUSE", "AtomicBool"));
    assert!(mutable("mut COUNT", "u32"));
    assert!(!mutable("DEFAULT", "Theme"));
    assert!(!mutable("BINDINGS", "&[Binding]"));
    assert_eq!(static_of("let x = 1;"), None);
}

fn style_at(buffer: &ratatui::buffer::Buffer, x: u16, y: u16) -> ratatui::style::Style {
    buffer[(x, y)].style()
}

/// Two dashboards on one thread, drawn in turn, each in its own theme: nothing of one
/// theme stays behind for the other's frames.
#[test]
fn two_dashboards_on_one_thread_draw_in_their_own_themes() {
    let mut light = Harness::bundled(100, 30).with_theme(&theme::LIGHT);
    let mut plain = Harness::bundled(100, 30);
    for _ in 0..2 {
        let lit = light.draw();
        let bare = plain.draw();
        assert_eq!(
            style_at(&lit, 50, 15).bg,
            theme::LIGHT.base.bg,
            "the light dashboard lost its background"
        );
        let bare_bg = style_at(&bare, 50, 15).bg;
        assert!(
            matches!(bare_bg, None | Some(ratatui::style::Color::Reset)),
            "the default dashboard took another theme's background: {bare_bg:?}"
        );
    }
}

/// The keys of `quit` moved to `x`, as a config would move them.
fn quit_on_x() -> Keys {
    let mut keys: Vec<Vec<Key>> = BINDINGS.iter().map(|b| b.keys.to_vec()).collect();
    let (_, quit) = brief::keymap::configurable()
        .find(|(name, _)| *name == "quit")
        .expect("a configurable quit");
    keys[quit] = vec![brief::keymap::parse_key("x").unwrap()];
    Keys::new(keys)
}

/// A rebound key table reaches input, the footer and the help of its own dashboard,
/// and no other: one beside it keeps the table's keys.
#[test]
fn a_rebound_key_table_reaches_input_footer_and_help_of_its_own_dashboard() {
    // Tall enough for the help to show its Briefing section unscrolled.
    let mut rebound = Harness::bundled(120, 100).with_keys(quit_on_x());
    let mut plain = Harness::bundled(120, 100);
    let footer = |h: &mut Harness| h.screen().lines().last().unwrap_or_default().to_owned();
    assert!(
        footer(&mut rebound).contains("x quit"),
        "{}",
        footer(&mut rebound)
    );
    assert!(
        footer(&mut plain).contains("q quit"),
        "{}",
        footer(&mut plain)
    );

    rebound.keys("?");
    plain.keys("?");
    let help_line = |h: &mut Harness| {
        h.screen()
            .lines()
            .find(|l| l.contains("Quit"))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let rebound_help = help_line(&mut rebound);
    let plain_help = help_line(&mut plain);
    assert!(
        rebound_help.contains(" x ") && !rebound_help.contains("C-c"),
        "{rebound_help}"
    );
    assert!(plain_help.contains(" q C-c "), "{plain_help}");
    rebound.key(KeyCode::Esc);
    plain.key(KeyCode::Esc);

    assert_eq!(rebound.key(KeyCode::Char('x')), brief::app::Effect::Quit);
    assert_ne!(rebound.key(KeyCode::Char('q')), brief::app::Effect::Quit);
    assert_ne!(plain.key(KeyCode::Char('x')), brief::app::Effect::Quit);
    assert_eq!(plain.key(KeyCode::Char('q')), brief::app::Effect::Quit);
}
