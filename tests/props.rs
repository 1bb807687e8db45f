//! Property tests: any key sequence at any window size, and any text as a briefing,
//! never panics and never puts a control character on screen.

use brief::app::Origin;
use brief::briefing::{self, BUNDLED_TEXT};
mod common;
use common::harness::Harness;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};

/// `cases` by default; `PROPTEST_CASES=N` runs more for a deeper search.
fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        // Failures are reported with their minimal input; nothing is written to disk.
        failure_persistence: None,
        ..Config::default()
    }
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// A C0 or C1 control character: something a terminal would take as a command.
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// A bidi embedding, override or isolate, which would reorder what is shown.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Every cell of a drawn buffer is free of the characters `bad` picks out.
fn assert_clean(buffer: &Buffer, bad: fn(char) -> bool, context: &str) {
    for (i, cell) in buffer.content().iter().enumerate() {
        let symbol = cell.symbol();
        if symbol.chars().any(bad) {
            let width = buffer.area.width.max(1) as usize;
            panic!(
                "{context}: cell ({}, {}) holds {symbol:?}",
                i % width,
                i / width
            );
        }
    }
}

/// Draws, and checks the buffer covers exactly the window and holds no `bad` character.
fn draw_checked(harness: &mut Harness, size: (u16, u16), bad: fn(char) -> bool, context: &str) {
    let buffer = harness.draw();
    assert_eq!(buffer.area, Rect::new(0, 0, size.0, size.1), "{context}");
    assert_clean(&buffer, bad, context);
}

// Key sequences and window sizes.

#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Mouse(MouseEventKind),
    Resize(u16, u16),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    let bound: Vec<KeyCode> = "1234567hjklgGre!?/qoc "
        .chars()
        .map(KeyCode::Char)
        .chain([
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::F(1),
        ])
        .collect();
    prop_oneof![
        6 => select(bound),
        1 => any::<char>().prop_map(KeyCode::Char),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
    ]
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    (1u16..=220, 1u16..=70)
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => (key_code(), modifiers()).prop_map(|(code, mods)| Step::Key(KeyEvent::new(code, mods))),
        1 => key_code().prop_map(|code| {
            let mut key = KeyEvent::from(code);
            key.kind = KeyEventKind::Release;
            Step::Key(key)
        }),
        1 => select(vec![MouseEventKind::ScrollDown, MouseEventKind::ScrollUp])
            .prop_map(Step::Mouse),
        2 => size().prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

fn drive(mut harness: Harness, (mut width, mut height): (u16, u16), steps: &[Step]) {
    draw_checked(&mut harness, (width, height), is_control, "first draw");
    for (n, step) in steps.iter().enumerate() {
        let event = match *step {
            Step::Key(key) => Event::Key(key),
            Step::Mouse(kind) => Event::Mouse(MouseEvent {
                kind,
                column: 0,
                row: 0,
                modifiers: KeyModifiers::NONE,
            }),
            Step::Resize(w, h) => {
                (width, height) = (w, h);
                Event::Resize(w, h)
            }
        };
        // Quit, edit and reload are effects for the runtime; the app carries on.
        let _ = harness.event(event);
        // Typed search text is drawn too; it holds no C0/C1 control (bidi controls typed
        // into a search do reach the screen: see `typed_bidi_controls_stay_off_screen`).
        let context = format!("after step {n}: {step:?}");
        draw_checked(&mut harness, (width, height), is_control, &context);
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_keys_at_any_size_on_the_bundled_briefing(
        start in size(),
        steps in prop::collection::vec(step(), 0..40),
    ) {
        drive(Harness::bundled(start.0, start.1), start, &steps);
    }

    #[test]
    fn any_keys_at_any_size_on_arctic_shipping(
        start in size(),
        steps in prop::collection::vec(step(), 0..40),
    ) {
        let harness = Harness::open(&fixture("good/arctic-shipping.yaml"), start.0, start.1);
        drive(harness, start, &steps);
    }
}

/// A repository of the pay briefing whose last commit has escape sequences and bidi
/// controls in its author and subject, built once for all cases.
fn hostile_history() -> &'static Path {
    static REPO: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    REPO.get_or_init(|| {
        let repo = common::git::pay_repo(2);
        let path = repo.path().join("pay.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("likelihood: high", "likelihood: low")).unwrap();
        common::git::git(repo.path(), &["add", "pay.yaml"]);
        common::git::git(
            repo.path(),
            &[
                "-c",
                "user.name=Eve \u{1b}[2J\u{202e}",
                "commit",
                "-q",
                "--author",
                "Eve \u{1b}]0;pwned\u{7} <eve@example.invalid>",
                "-m",
                "Risk down \u{1b}[31mred\u{1b}[0m \u{9b}2J \u{202e}reversed",
            ],
        );
        repo
    })
    .path()
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn any_keys_at_any_size_on_the_history_pane(
        start in size(),
        steps in prop::collection::vec(step(), 0..40),
    ) {
        let mut harness = Harness::open(&hostile_history().join("pay.yaml"), start.0, start.1);
        harness.read_history();
        harness.keys("8");
        let screen = harness.screen();
        let listed = start.0 < 40 || start.1 < 10 || screen.contains("History 1/3");
        prop_assert!(listed, "{}", screen);
        if start.0 >= 80 && start.1 >= 24 {
            prop_assert!(screen.contains("Risk down"), "the hostile commit is listed:\n{}", screen);
        }
        draw_checked(&mut harness, start, is_bidi, "the History pane");
        drive(harness, start, &steps);
    }
}

// Arbitrary briefing text.

const ESCAPES: &[&str] = &[
    "\x1b[2J",
    "\x1b[31m",
    "\x1b[?1049l",
    "\x1b]0;pwned\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b]8;;https://evil.invalid\x1b\\",
    "\x1bP1$qm\x1b\\",
    "\x1b",
    "\u{9b}2J",
    "\u{9d}0;x\u{9c}",
    "\r",
    "\t",
    "\n",
];

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range(' ', '~'),
        1 => proptest::char::range('\0', '\u{1f}'),
        1 => proptest::char::range('\u{7f}', '\u{9f}'),
        1 => select(vec![
            '\u{202e}', '\u{202a}', '\u{2066}', '\u{2069}', '\u{200d}', '\u{200b}', '\u{fe0f}',
            '\u{0301}', '\u{feff}', '\u{2028}', '\u{00ad}', '\u{fffd}', '\u{1b}',
        ]),
        1 => proptest::char::range('\u{4e00}', '\u{9fff}'),
        1 => proptest::char::range('\u{1f300}', '\u{1faff}'),
        1 => any::<char>(),
    ]
}

fn hostile_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::collection::vec(hostile_char(), 0..12).prop_map(|v| v.into_iter().collect::<String>()),
        1 => select(ESCAPES).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..5).prop_map(|pieces| pieces.concat())
}

/// A YAML double-quoted scalar holding exactly `text`.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'.. => {
                if c == '\u{feff}' {
                    out.push_str("\\ufeff");
                } else {
                    out.push(c);
                }
            }
            _ => out.push_str(&format!("\\u{:04x}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A well-formed briefing whose free text is hostile; its ids and references are valid
/// so that most of them load and reach the screen.
fn shaped_briefing() -> impl Strategy<Value = String> {
    let texts = prop::collection::vec(hostile_string(), 24);
    let counts = (1usize..4, 0usize..4, 0usize..3, 0usize..4);
    let levels = prop::collection::vec(select(vec!["low", "medium", "high"]), 8);
    (texts, counts, levels).prop_map(|(t, (sources, actors, topics, items), levels)| {
        // A letter first: required fields must not be empty.
        let q = |n: usize| quoted(&format!("w{}", t[n % t.len()]));
        let mut y = format!("title: {}\nas_of: 2026-03-15\n", q(0));
        y.push_str("sources:\n");
        for s in 0..sources {
            y.push_str(&format!(
                "  - id: s{s}\n    outlet: {}\n    title: {}\n    url: {}\n    note: {}\n",
                q(1 + s),
                q(2 + s),
                q(3),
                q(4)
            ));
        }
        y.push_str(&format!(
            "summary:\n  bluf: {}\n  key_points:\n    - {}\n    - {}\n  caveats:\n    - {}\n",
            q(5),
            q(6),
            q(7),
            q(8)
        ));
        y.push_str("actors:\n");
        for a in 0..actors {
            y.push_str(&format!(
                "  - id: a{a}\n    name: {}\n    short: {}\n    kind: person\n    role: {}\n    stance: {}\n    interests: [{}]\n    leverage: [{}]\n    people:\n      - name: {}\n        role: {}\n",
                q(9 + a),
                q(10),
                q(11),
                q(12),
                q(13),
                q(14),
                q(15),
                q(16)
            ));
        }
        if actors == 0 {
            y.push_str("  []\n");
        }
        y.push_str("topics:\n");
        for p in 0..topics {
            y.push_str(&format!(
                "  - id: t{p}\n    name: {}\n    description: {}\n",
                q(17 + p),
                q(18)
            ));
        }
        if topics == 0 {
            y.push_str("  []\n");
        }
        if actors > 0 && topics > 0 {
            y.push_str("stances:\n");
            for a in 0..actors {
                for p in 0..topics {
                    y.push_str(&format!(
                        "  - actor: a{a}\n    topic: t{p}\n    position: mixed\n    summary: {}\n",
                        q(19 + a + p)
                    ));
                }
            }
        }
        if actors > 0 {
            y.push_str("quotes:\n");
            for i in 0..items {
                y.push_str(&format!(
                    "  - id: q{i}\n    speaker: {}\n    actor: a{}\n    text: {}\n    context: {}\n    source: s0\n",
                    q(20 + i),
                    i % actors,
                    q(21 + i),
                    q(22)
                ));
            }
            y.push_str("risks:\n");
            for i in 0..items {
                y.push_str(&format!(
                    "  - id: r{i}\n    title: {}\n    description: {}\n    likelihood: {}\n    impact: {}\n    actors: [a0]\n    indicators: [{}]\n",
                    q(23 + i),
                    q(i),
                    levels[i % levels.len()],
                    levels[(i + 3) % levels.len()],
                    q(2 * i)
                ));
            }
            y.push_str("questions:\n");
            for i in 0..items {
                y.push_str(&format!(
                    "  - id: qq{i}\n    question: {}\n    why: {}\n    actors: [a0]\n    watch: [{}]\n",
                    q(3 * i + 1),
                    q(3 * i + 2),
                    q(3 * i + 3)
                ));
            }
        }
        y.push_str("timeline:\n");
        for i in 0..items.max(1) {
            y.push_str(&format!(
                "  - date: \"2026-0{}-1{i}\"\n    event: {}\n    source: s0\n",
                1 + i % 9,
                q(5 * i + 4)
            ));
        }
        y
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Replace { at: usize, byte: u8 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let snippet = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..12),
        select(vec![
            &b"\x1b]0;pwned\x07"[..],
            b": ",
            b"\n- ",
            b"&a ",
            b"*a",
            b"\"",
            b"'",
            b"{",
            b"[",
            b"\t",
            b"\xff\xfe",
            b"\n  ",
            b"#",
            b"!!binary ",
            b"<<: ",
            b"? ",
            b"|",
            b">-",
        ])
        .prop_map(<[u8]>::to_vec),
    ];
    prop_oneof![
        (any::<usize>(), 1usize..300).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), snippet).prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Delete { at, len: n } => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Insert { at, bytes: new } => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Replace { at, byte } => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes[at] = *byte;
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn briefing_text() -> impl Strategy<Value = String> {
    let one_of_each = include_str!("fixtures/good/one-of-each.yaml");
    prop_oneof![
        4 => shaped_briefing(),
        2 => (shaped_briefing(), prop::collection::vec(mutation(), 1..4))
            .prop_map(|(text, m)| mutate(&text, &m)),
        3 => prop::collection::vec(mutation(), 1..5).prop_map(|m| mutate(BUNDLED_TEXT, &m)),
        1 => prop::collection::vec(mutation(), 1..5).prop_map(move |m| mutate(one_of_each, &m)),
        1 => any::<String>(),
        1 => prop::collection::vec(hostile_string(), 0..8).prop_map(|v| v.join(": ")),
        1 => prop::collection::vec(any::<u8>(), 0..200)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ]
}

/// A briefing's text must never put a control or a bidi override on screen.
fn no_control_or_bidi(c: char) -> bool {
    is_control(c) || is_bidi(c)
}

/// Draws every pane (and its focused detail), the help and the problems list.
fn render_everything(harness: &mut Harness, size: (u16, u16)) {
    let check = |harness: &mut Harness, context: &str| {
        draw_checked(harness, size, no_control_or_bidi, context);
    };
    check(harness, "first draw");
    for key in ['2', '3', '4', '5', '6', '7', '1'] {
        harness.key(KeyCode::Char(key));
        check(harness, &format!("pane {key}"));
        harness.key(KeyCode::Enter);
        harness.key(KeyCode::Char('j'));
        check(harness, &format!("pane {key}, detail"));
        harness.key(KeyCode::End);
        check(harness, &format!("pane {key}, end"));
        harness.key(KeyCode::Esc);
    }
    harness.key(KeyCode::Char('?'));
    check(harness, "help");
    harness.key(KeyCode::Esc);
    harness.key(KeyCode::Char('!'));
    check(harness, "problems");
    harness.key(KeyCode::Esc);
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_text_parses_without_panic_and_renders_clean(
        text in briefing_text(),
        (width, height) in size(),
    ) {
        let result = briefing::parse(&text);
        let origin = Origin::File(PathBuf::from("random.yaml"));
        let mut harness = Harness::new(origin, result, width, height);
        render_everything(&mut harness, (width, height));
    }
}

/// The generator is worth its name only if a good share of its briefings load.
#[test]
fn shaped_briefings_mostly_load() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = shaped_briefing();
    let mut loaded = 0;
    for _ in 0..40 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        if briefing::parse(&text).is_ok() {
            loaded += 1;
        }
    }
    assert!(
        loaded >= 20,
        "only {loaded} of 40 generated briefings loaded"
    );
}

/// Search text typed (or pasted: bracketed paste is off, so a paste arrives as keys) is
/// drawn on screen, so bidi overrides, which are format characters rather than controls,
/// must be refused like controls.

#[test]
fn typed_bidi_controls_stay_off_screen() {
    let mut harness = Harness::bundled(80, 24);
    harness.keys("2/");
    harness.key(KeyCode::Char('\u{202e}'));
    harness.keys("ab");
    let size = (80, 24);
    draw_checked(&mut harness, size, is_bidi, "typing a search");
    harness.key(KeyCode::Enter);
    draw_checked(&mut harness, size, is_bidi, "after the search");
}
