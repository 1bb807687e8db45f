//! End-to-end tests: the real `brief` binary in a pseudo-terminal, its screen read back
//! through a terminal emulator (vt100), and its command line run as a plain process.

mod common;
use common::git::{PAY_SUBJECTS, commit_pay_version, pay_repo};
use common::pty::{ALT_OFF, ALT_ON, BIN, Tui, WAIT, contains, count, lock, root};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BUNDLED_TITLE: &str = "U.S.-Belarus thaw";

fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}

fn assert_exit_code(status: &portable_pty::ExitStatus, code: u32) {
    assert!(
        status.signal().is_none() && status.exit_code() == code,
        "expected exit code {code}, got {status:?}"
    );
}

// The dashboard in a terminal.

#[test]
fn bundled_briefing_shows_every_pane_help_and_quits_cleanly() {
    let mut tui = Tui::spawn(&[], 24, 80);
    tui.wait_for(BUNDLED_TITLE, WAIT);
    let screen = tui.screen_text();
    for tab in ["1 Summary", "2 Actors", "3 Quotes", "4 Risks", "7 Timeline"] {
        assert!(screen.contains(tab), "tab bar lacks {tab:?}:\n{screen}");
    }
    assert!(
        tui.alternate_screen(),
        "the dashboard is on the alternate screen"
    );
    let panes = [
        ("2", "Actors 1/7"),
        ("3", "Quotes 1/"),
        ("4", "Risks 1/"),
        ("5", "Questions 1/"),
        ("6", "Stances 1/"),
        ("7", "Timeline 1/"),
        ("1", " Summary "),
    ];
    for (key, title) in panes {
        tui.send(key);
        tui.wait_for(title, WAIT);
    }
    tui.send("?");
    tui.wait_for("Keys — Esc or ? closes", WAIT);
    tui.send("q");
    let status = tui.wait_exit(WAIT);
    assert_exit_code(&status, 0);
    tui.assert_restored();
}

#[test]
fn ctrl_c_quits_with_status_zero() {
    let mut tui = Tui::spawn(&[], 24, 80);
    tui.wait_for(BUNDLED_TITLE, WAIT);
    tui.send([0x03]);
    let status = tui.wait_exit(WAIT);
    assert_exit_code(&status, 0);
    tui.assert_restored();
}

#[test]
fn survives_shrinking_to_one_cell_and_growing_back() {
    let mut tui = Tui::spawn(&[], 24, 80);
    tui.wait_for(BUNDLED_TITLE, WAIT);
    // A key round trip: the input thread is reading, so resizes are not missed.
    tui.send("2");
    tui.wait_for("Actors 1/7", WAIT);
    // 24 times down to one cell and back, a different key pressed between each.
    let keys = [
        "j", "3", "?", "\x1b", "k", "G", "2", "\t", "/", "x", "\r", "4",
    ];
    for (n, key) in keys.iter().cycle().take(24).enumerate() {
        tui.resize(1, 1);
        tui.wait_for("W", WAIT); // "Window too small", in one cell
        tui.key(key);
        assert!(tui.is_alive(), "brief died at 1x1 (round {n})");
        tui.resize(3, 10);
        tui.wait_for("Window", WAIT);
        tui.resize(24, 80);
        tui.wait_for(BUNDLED_TITLE, WAIT);
        tui.key(key);
        assert!(tui.is_alive(), "brief died at 80x24 (round {n})");
    }
    tui.send("1");
    tui.wait_for(" Summary ", WAIT);
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    tui.assert_restored();
}

#[test]
fn starting_in_a_tiny_window_then_growing_draws_the_briefing() {
    for (rows, cols, notice) in [(1, 1, "W"), (3, 10, "Window")] {
        let mut tui = Tui::spawn(&[], rows, cols);
        tui.wait_for(notice, WAIT);
        tui.resize(24, 80);
        tui.wait_for(BUNDLED_TITLE, WAIT);
        tui.wait_for("1 Summary", WAIT);
        tui.send("q");
        assert_exit_code(&tui.wait_exit(WAIT), 0);
        tui.assert_restored();
    }
}

fn signal_restores_terminal(signal: &str, number: u32) {
    let mut tui = Tui::spawn(&[], 24, 80);
    tui.wait_for(BUNDLED_TITLE, WAIT);
    let killed = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(tui.pid().to_string())
        .status()
        .expect("run kill");
    assert!(killed.success());
    let status = tui.wait_exit(WAIT);
    assert_exit_code(&status, 128 + number);
    tui.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_terminal("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_terminal("HUP", 1);
}

/// Opens a briefing, visits every pane (list and focused detail), the help and the
/// problems overlay, quits, and returns the raw output and what the terminal was asked.
fn tour(path: &Path, title: &str) -> (Vec<u8>, Tui) {
    let mut tui = Tui::spawn(&[path.to_str().unwrap()], 30, 120);
    tui.wait_for(title, WAIT);
    for (key, pane) in [
        ("2", "Actors 1/"),
        ("3", "Quotes 1/"),
        ("4", "Risks 1/"),
        ("5", "Questions 1/"),
        ("6", "Stances 1/"),
        ("7", "Timeline 1/"),
    ] {
        tui.send(key);
        tui.wait_for(pane, WAIT);
        tui.key("\r"); // focus the detail
        tui.key("j");
        tui.key("\x1b");
    }
    tui.send("1");
    tui.wait_for(" Summary ", WAIT);
    tui.send("?");
    tui.wait_for("Keys — Esc", WAIT);
    tui.key("\x1b");
    // The problems overlay, or a status line saying there are none.
    tui.send("!");
    tui.wait_for("roblems", WAIT);
    tui.key("\x1b");
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    tui.assert_restored();
    (tui.raw_output(), tui)
}

#[test]
fn hostile_strings_never_reach_the_terminal_as_controls() {
    let (baseline, _) = tour(&fixture("good/one-of-each.yaml"), "One of each");
    let path = fixture("hostile/escapes.yaml");
    let mut tui = Tui::spawn(&[path.to_str().unwrap()], 30, 120);
    // The OSC sequences in the title are shown as inert text, not obeyed.
    tui.wait_for("Hostile ", WAIT);
    let header = tui
        .screen_text()
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        header.contains("pwned"),
        "the title text is not shown: {header:?}"
    );
    assert!(
        header.contains(" end"),
        "the title is cut short: {header:?}"
    );
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    tui.recorder(|r| assert!(r.titles.is_empty(), "window title set: {:?}", r.titles));
    let (hostile, tui) = tour(&path, "Hostile ");

    // Never emitted by the app itself: must be absent.
    for (what, seq) in [
        ("OSC 0 (title)", &b"\x1b]0;"[..]),
        ("OSC 52 (clipboard)", b"\x1b]52"),
        ("OSC 8 (hyperlink)", b"\x1b]8;"),
        ("any OSC", b"\x1b]"),
        ("DCS", b"\x1bP"),
        ("8-bit CSI", b"\xc2\x9b"),
        ("BEL", b"\x07"),
        ("BS", b"\x08"),
        ("DEL", b"\x7f"),
        ("RLO", "\u{202e}".as_bytes()),
        ("LRI", "\u{2066}".as_bytes()),
    ] {
        assert!(!contains(&baseline, seq), "the normal run emits {what}");
        assert!(
            !contains(&hostile, seq),
            "the hostile briefing got {what} through"
        );
    }
    // Sequences the app may emit itself: no more often than for a normal briefing.
    for (what, seq) in [
        ("clear screen", &b"\x1b[2J"[..]),
        ("SGR red", b"\x1b[31m"),
        ("cursor to 5,1", b"\x1b[5;1H"),
        ("leave alternate screen", ALT_OFF),
    ] {
        assert!(
            count(&hostile, seq) <= count(&baseline, seq),
            "the hostile briefing emitted {what} {} times, a normal one {}",
            count(&hostile, seq),
            count(&baseline, seq)
        );
    }
    tui.recorder(|r| {
        assert!(r.titles.is_empty(), "window title changed: {:?}", r.titles);
        assert!(
            r.icon_names.is_empty(),
            "icon name changed: {:?}",
            r.icon_names
        );
        assert!(
            r.clipboard.is_empty(),
            "clipboard touched: {:?}",
            r.clipboard
        );
        assert!(r.other_osc.is_empty(), "OSC sequences: {:?}", r.other_osc);
        assert_eq!(r.bells, 0, "the terminal bell rang");
    });
}

#[test]
fn broken_briefing_shows_the_error_screen_and_stays_responsive() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(fixture("good/one-of-each.yaml")).unwrap();
    let broken = good.replace("    speaker: Mary Holt", "    speakr: Mary Holt");
    assert_ne!(good, broken);
    std::fs::write(dir.path().join("briefing.yaml"), broken).unwrap();
    let mut tui = Tui::spawn_in(dir.path(), &["briefing.yaml"], 30, 120);
    tui.wait_for("Cannot show this briefing", WAIT);
    tui.wait_for("briefing.yaml:48:5:", WAIT);
    tui.wait_for("speakr", WAIT);
    tui.send("?");
    tui.wait_for("Keys — Esc or ? closes", WAIT);
    tui.key("\x1b");
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    tui.assert_restored();
}

#[test]
fn raw_escape_in_a_broken_file_is_not_echoed_by_the_error_screen() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("briefing.yaml"),
        b"title: ok\nsummary:\n  bluf: |\n    raw \x1b]0;pwned\x07 \x1b[2J here\n",
    )
    .unwrap();
    let mut tui = Tui::spawn_in(dir.path(), &["briefing.yaml"], 30, 120);
    tui.wait_for("Cannot show this briefing", WAIT);
    tui.wait_for("briefing.yaml:4:", WAIT);
    tui.send("!");
    tui.wait_for("Problems — Esc", WAIT);
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    let raw = tui.raw_output();
    assert!(!contains(&raw, b"\x1b]"), "an OSC reached the terminal");
    assert!(!contains(&raw, b"\x07"), "a BEL reached the terminal");
    tui.recorder(|r| assert!(r.titles.is_empty(), "title changed: {:?}", r.titles));
}

#[test]
fn max_size_refuses_a_large_briefing_on_screen() {
    let mut tui = Tui::spawn(
        &[
            "--max-size",
            "100",
            "tests/fixtures/good/arctic-shipping.yaml",
        ],
        30,
        200,
    );
    tui.wait_for("100-byte limit", WAIT);
    tui.wait_for("--max-size", WAIT);
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    tui.assert_restored();
}

#[test]
fn missing_file_exits_1_with_no_such_file() {
    let mut tui = Tui::spawn(&["/no/such/file"], 24, 80);
    let status = tui.wait_exit(WAIT);
    assert_exit_code(&status, 1);
    let screen = tui.screen_text();
    assert!(
        screen.contains("/no/such/file") && screen.contains("no such file"),
        "{screen}"
    );
    assert!(
        !contains(&tui.raw_output(), ALT_ON),
        "entered the alternate screen"
    );
}

// The command line without a terminal.

struct Run {
    code: Option<i32>,
    output: String,
    elapsed: Duration,
}

fn run(args: &[&str]) -> Run {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run brief");
    // Read both pipes while waiting, so a large output cannot fill a pipe and stall.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for brief") {
            break status;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("brief {args:?} still ran after {HANG:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    let mut output = String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned();
    output.push_str(&String::from_utf8_lossy(&err_reader.join().unwrap()));
    Run {
        code: status.code(),
        output,
        elapsed,
    }
}

/// A run that goes on this long hangs: what the parser's budgets cost is measured by
/// `cargo bench --bench brief -- refuse`, not here, where a busy machine would make a
/// clock flaky.
const HANG: Duration = Duration::from_secs(60);

#[test]
fn check_refuses_bad_inputs_with_one_clear_line() {
    let cases: &[(&str, &[&str])] = &[
        ("hostile/empty.yaml", &["empty"]),
        ("hostile/binary.bin", &["binary", "NUL"]),
        ("hostile/invalid-utf8.yaml", &["UTF-8"]),
        (
            "hostile/deep.yaml",
            &["nested", "recursion", "budget", "depth"],
        ),
        ("hostile/alias-bomb.yaml", &["alias", "budget"]),
        ("hostile/list.yaml", &["list"]),
        ("hostile/scalar.yaml", &["string", "scalar"]),
        ("hostile/empty-dir", &["directory"]),
    ];
    let mut timings = Vec::new();
    for (file, keywords) in cases {
        let path = format!("tests/fixtures/{file}");
        let run = run(&["check", &path]);
        timings.push(format!("{file}: {:?}", run.elapsed));
        assert_eq!(run.code, Some(1), "{path}: {}", run.output);
        let line = run
            .output
            .lines()
            .find(|l| l.contains(&path) && keywords.iter().any(|k| l.contains(k)));
        assert!(
            line.is_some(),
            "{path}: no line names the file and one of {keywords:?}:\n{}",
            run.output
        );
        assert!(!run.output.contains('\x1b'), "{path}: ESC in the output");
    }
    eprintln!("check timings: {timings:#?}");
}

#[test]
fn invalid_utf8_is_located_on_line_3() {
    let run = run(&["check", "tests/fixtures/hostile/invalid-utf8.yaml"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.output.contains("invalid-utf8.yaml:3:"),
        "{}",
        run.output
    );
}

#[test]
fn check_accepts_bom_crlf_and_hostile_escapes() {
    for file in ["hostile/bom-crlf.yaml", "hostile/escapes.yaml"] {
        let path = format!("tests/fixtures/{file}");
        let run = run(&["check", &path]);
        assert_eq!(run.code, Some(0), "{path}: {}", run.output);
        assert!(run.output.contains("ok"), "{}", run.output);
    }
}

#[test]
fn without_a_terminal_it_exits_2_and_points_to_check() {
    let run = run(&[]);
    assert_eq!(run.code, Some(2), "{}", run.output);
    assert!(run.output.contains("terminal"), "{}", run.output);
    assert!(run.output.contains("brief check"), "{}", run.output);
    assert!(!run.output.contains('\x1b'), "ESC in {:?}", run.output);
}

/// A copy of the bundled briefing (with its source text) in a fresh directory.
fn editable_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.yaml");
    std::fs::copy(root().join("briefings/belarus-us-thaw.yaml"), &path).unwrap();
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    std::fs::copy(
        root().join("briefings/sources/cbs-us-belarus-thaw.txt"),
        dir.path().join("sources/cbs-us-belarus-thaw.txt"),
    )
    .unwrap();
    (dir, path)
}

#[test]
fn e_opens_the_editor_at_the_selected_actor_and_shows_the_edit_on_return() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = editable_copy();
    // A stand-in editor named like one of the vi family, so it is given `+LINE PATH`:
    // it records its arguments, renames the actor and exits.
    std::fs::create_dir(dir.path().join("bin")).unwrap();
    let editor = dir.path().join("bin/vi");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/../args.txt\"\nsed -i 's/^    name: Russia$/    name: Russia (edited in the editor)/' \"$2\"\n",

    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut tui = Tui::spawn_with_editor(
        dir.path(),
        &["briefing.yaml"],
        editor.to_str().unwrap(),
        30,
        100,
    );
    tui.wait_for("Bottom line", WAIT);
    tui.key("2");
    tui.key("j");
    tui.key("j");
    tui.key("j");
    tui.wait_for("Actors 4/7", WAIT);
    tui.key("e");
    tui.wait_for("Russia (edited in the editor)", WAIT);
    let args = std::fs::read_to_string(dir.path().join("args.txt")).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let actor_line = text.lines().position(|l| l == "  - id: ru").unwrap() + 1;
    assert_eq!(args, format!("+{actor_line}\n./briefing.yaml\n"));
    tui.key("q");
    let status = tui.wait_exit(WAIT);
    assert_exit_code(&status, 0);
    tui.assert_restored();
}

#[test]
fn an_editor_that_fails_to_start_gives_a_message_not_a_broken_terminal() {
    let (dir, _path) = editable_copy();
    let mut tui = Tui::spawn_with_editor(
        dir.path(),
        &["briefing.yaml"],
        "/no/such/editor --wait",
        30,
        100,
    );
    tui.wait_for("Bottom line", WAIT);
    tui.key("e");
    tui.wait_for("Could not start the editor", WAIT);
    assert!(
        tui.alternate_screen(),
        "back in the dashboard after the failed editor"
    );
    tui.key("2");
    tui.wait_for("Actors 1/7", WAIT);
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

#[test]
fn saves_show_up_on_screen_and_a_broken_save_keeps_the_briefing() {
    let (dir, path) = editable_copy();
    let mut tui = Tui::spawn_in(dir.path(), &["briefing.yaml"], 30, 100);
    tui.wait_for("Bottom line", WAIT);
    tui.key("2");
    tui.wait_for("Actors 1/7", WAIT);
    let original = std::fs::read_to_string(&path).unwrap();
    // A save in place.
    std::fs::write(
        &path,
        original.replace("name: European Union", "name: European Union (in place)"),
    )
    .unwrap();
    tui.wait_for("European Union (in place)", WAIT);
    // Two saves by rename, as vim does.
    for n in 1..=2 {
        let temp = dir.path().join(".briefing.yaml.swp");
        std::fs::write(
            &temp,
            original.replace(
                "name: European Union",
                &format!("name: European Union (rename {n})"),
            ),
        )
        .unwrap();
        std::fs::rename(&temp, &path).unwrap();
        tui.wait_for(&format!("European Union (rename {n})"), WAIT);
    }
    // An unterminated string: the error with its line, the actors still on screen.
    std::fs::write(
        &path,
        original.replace(
            "role: \"Lifted sanctions",
            "role: \"Lifted sanctions\n  oops: \"",
        ),
    )
    .unwrap();
    tui.wait_for("briefing.yaml:", WAIT);
    let screen = tui.screen_text();
    assert!(screen.contains("✗"), "an error banner:\n{screen}");
    assert!(
        screen.contains("United States"),
        "the last good actors stay:\n{screen}"
    );
    // The fix clears the banner.
    std::fs::write(&path, &original).unwrap();
    tui.wait_for("European Union ", WAIT);
    let deadline = std::time::Instant::now() + WAIT;
    while tui.screen_text().contains("✗") && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !tui.screen_text().contains("✗"),
        "the banner goes at the next good save"
    );
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

#[test]
fn closing_the_terminal_ends_the_program() {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut cmd = CommandBuilder::new(BIN);
    cmd.cwd(root());
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn brief");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let writer = pair.master.take_writer().expect("pty writer");
    // Wait until the first frame is out, so that the program is in its event loop.
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    let start = Instant::now();
    while !contains(&seen, BUNDLED_TITLE.as_bytes()) && start.elapsed() < WAIT {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
    assert!(contains(&seen, BUNDLED_TITLE.as_bytes()), "no first frame");
    // Hang up: the terminal window is closed, every handle on its side goes.
    drop(reader);
    drop(writer);
    drop(pair.master);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        assert!(
            start.elapsed() < WAIT,
            "brief kept running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    // Ended by the hangup signal (129), the failed read (0) or the failed write (1):
    // not spinning, and not a panic (101).
    assert!(matches!(status.exit_code(), 0 | 1 | 129), "{status:?}");
}

#[test]
fn a_mouse_click_on_a_tab_shows_its_pane() {
    let mut tui = Tui::spawn(&[], 24, 80);
    tui.wait_for(BUNDLED_TITLE, WAIT);
    let screen = tui.screen_text();
    let tabs = screen.lines().nth(1).expect("a tab bar");
    let column = tabs.find("Risks").expect("a Risks tab") + 1;
    // SGR mouse report (the mode brief turns on): press and release, 1-based.
    tui.send(format!("\x1b[<0;{column};2M\x1b[<0;{column};2m"));
    tui.wait_for("Risks 1/6", WAIT);
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

// Colour, themes and the config.

/// The parameters of every SGR sequence (`ESC [ ... m`) in the output.
fn sgr_parameters(raw: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.windows(2).position(|w| w == b"\x1b[") {
        let after = &rest[start + 2..];
        let end = after
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';' || *b == b':' || *b == b'?'))
            .unwrap_or(after.len());
        if after.get(end) == Some(&b'm') {
            found.push(String::from_utf8_lossy(&after[..end]).into_owned());
        }
        rest = &after[end..];
    }
    found
}

/// Whether an SGR parameter list sets a colour (foreground, background, 8/16/256/RGB).
fn sets_colour(parameters: &str) -> bool {
    parameters.split(';').any(|p| {
        matches!(
            p.parse::<u16>(),
            Ok(30..=39 | 40..=49 | 90..=97 | 100..=107)
        )
    })
}

#[test]
fn no_color_writes_no_colour_and_the_selection_is_reverse_video() {
    let mut tui = Tui::spawn_with_env(
        &root(),
        &["tests/fixtures/good/arctic-shipping.yaml"],
        &[("NO_COLOR", "1")],
        30,
        110,
    );
    tui.wait_for("Bottom line", WAIT);
    tui.key("2");
    tui.wait_for("Actors 1/", WAIT);
    tui.key("j");
    tui.wait_for("Actors 2/", WAIT);
    // The frame may be read in parts: wait for the selection's new row, deep in it.
    let reversed_rows = |screen: &vt100::Screen| -> Vec<u16> {
        let (rows, cols) = screen.size();
        (0..rows)
            .filter(|&row| {
                (0..cols / 3)
                    .filter(|&col| screen.cell(row, col).is_some_and(|c| c.inverse()))
                    .count()
                    > usize::from(cols / 4)
            })
            .collect()
    };
    tui.wait_until("the selection on the second row", |screen| {
        reversed_rows(screen) == [4]
    });
    let colours: Vec<String> = sgr_parameters(&tui.raw_output())
        .into_iter()
        .filter(|p| sets_colour(p))
        .collect();
    assert!(
        colours.is_empty(),
        "colour sequences under NO_COLOR: {colours:?}"
    );
    {
        let parser = lock(&tui.parser);
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        // The second row of the list (row 4, under the header, the tabs and the block's
        // top border) is the selected one, drawn in reverse video across the list.
        assert_eq!(
            reversed_rows(screen),
            [4],
            "the selection is not in reverse video\n{}",
            screen.contents()
        );
        // The active tab too, and the focused block's title in bold.
        let tab_row = screen.contents_between(1, 0, 1, cols);
        let actors_tab = tab_row.find("2 Actors").unwrap() as u16;
        assert!(
            screen.cell(1, actors_tab + 2).unwrap().inverse(),
            "the active tab"
        );
        assert!(
            screen.cell(2, 3).unwrap().bold(),
            "the focused block's title"
        );
        for row in 0..rows {
            for col in 0..cols {
                let cell = screen.cell(row, col).unwrap();
                assert_eq!(
                    cell.fgcolor(),
                    vt100::Color::Default,
                    "coloured text at {row},{col}"
                );
                assert_eq!(
                    cell.bgcolor(),
                    vt100::Color::Default,
                    "coloured cell at {row},{col}"
                );
            }
        }
    }
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

#[test]
fn theme_light_paints_its_own_background() {
    let mut tui = Tui::spawn(
        &[
            "--theme",
            "light",
            "tests/fixtures/good/arctic-shipping.yaml",
        ],
        24,
        80,
    );
    // The footer is the frame's last row: once it shows, the whole frame has arrived.
    tui.wait_for("q quit", WAIT);
    let light = vt100::Color::Rgb(0xfa, 0xfa, 0xf7);
    tui.wait_until("the light background in the last cell", |screen| {
        screen.cell(23, 79).is_some_and(|c| c.bgcolor() == light)
    });
    {
        let parser = lock(&tui.parser);
        let screen = parser.screen();
        for (row, col) in [(5, 40), (23, 79), (12, 1)] {
            assert_eq!(
                screen.cell(row, col).unwrap().bgcolor(),
                vt100::Color::Rgb(0xfa, 0xfa, 0xf7),
                "cell {row},{col} is not on the light background"
            );
        }
    }
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

#[test]
fn the_default_theme_sets_no_background_colour_but_reverse_video() {
    let mut tui = Tui::spawn(&["tests/fixtures/good/arctic-shipping.yaml"], 24, 80);
    tui.wait_for("Bottom line", WAIT);
    tui.key("2");
    tui.wait_for("Actors 1/", WAIT);
    let backgrounds: Vec<String> = sgr_parameters(&tui.raw_output())
        .into_iter()
        .filter(|p| {
            p.split(';')
                .any(|n| matches!(n.parse::<u16>(), Ok(40..=48 | 100..=107)))
        })
        .collect();
    assert!(backgrounds.is_empty(), "fixed backgrounds: {backgrounds:?}");
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

fn config_file(dir: &Path, text: &str) -> String {
    let path = dir.join("config.yaml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_config_binding_quit_to_x_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(dir.path(), "keys:\n  quit: [x]\n");
    let mut tui = Tui::spawn(
        &[
            "--config",
            &config,
            "tests/fixtures/good/arctic-shipping.yaml",
        ],
        24,
        100,
    );
    tui.wait_for("Bottom line", WAIT);
    tui.wait_for("x quit", WAIT);
    // Keys are read in order: once the key after q has been acted on, q was read too.
    tui.key("q");
    tui.key("2");
    tui.wait_for("Actors 1/", WAIT);
    assert!(tui.is_alive(), "q still quits after quit was bound to x");
    tui.key("x");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    tui.assert_restored();
}

#[test]
fn the_config_editor_template_is_used() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _path) = editable_copy();
    let recorder = dir.path().join("record-args");
    std::fs::write(
        &recorder,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args.txt\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&recorder, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = config_file(
        dir.path(),
        &format!(
            "editor: \"{} --at {{line}}:{{column}} {{file}}\"\n",
            recorder.display()
        ),
    );
    let mut tui = Tui::spawn_in(dir.path(), &["--config", &config, "briefing.yaml"], 30, 100);
    tui.wait_for("Bottom line", WAIT);
    tui.key("2");
    tui.wait_for("Actors 1/", WAIT);
    tui.key("e");
    let args_file = dir.path().join("args.txt");
    let start = Instant::now();
    while !args_file.exists() && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    let args = std::fs::read_to_string(&args_file).expect("the template's command ran");
    let lines: Vec<&str> = args.lines().collect();
    assert_eq!(lines[0], "--at");
    // The first actor is selected: the line of the first `- id:` under `actors:`.
    let text = std::fs::read_to_string(dir.path().join("briefing.yaml")).unwrap();
    let actors = text.lines().position(|l| l == "actors:").unwrap();
    let first_actor = actors
        + text
            .lines()
            .skip(actors)
            .position(|l| l.starts_with("  - id: "))
            .unwrap()
        + 1;
    assert_eq!(lines[1], format!("{first_actor}:1"), "{args}");
    assert_eq!(lines[2], "./briefing.yaml");
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

/// A briefing written in flow style, edited while brief shows it: the screen shows the
/// new text exactly, and the seven spellings YAML would read as other types show as
/// written.
#[test]
fn editing_a_flow_style_briefing_shows_exactly_the_new_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("flow.yaml");
    let text = "{\ntitle: Original title,\nas_of: 2026-11-27,\nsummary: {bluf: on, key_points: [NO, 0x1F, +7, 1.10, 9223372036854775808, .inf]},\n}\n";
    std::fs::write(&file, text).unwrap();
    let mut tui = Tui::spawn_in(dir.path(), &["flow.yaml"], 30, 120);
    tui.wait_for("Original title", WAIT);
    for spelling in ["NO", "0x1F", "+7", "1.10", "9223372036854775808", ".inf"] {
        assert!(
            tui.screen_text().contains(&format!(". {spelling} ")),
            "{spelling} not shown as written:\n{}",
            tui.screen_text()
        );
    }
    // The watcher starts after the first frame: a save made before it is set up is
    // not seen, so save again until the screen follows, as a person would.
    let edited = text.replace("Original title,", "Edited title,");
    let deadline = Instant::now() + 3 * WAIT;
    loop {
        std::fs::write(&file, &edited).unwrap();
        if tui
            .try_wait_for("Edited title", Duration::from_secs(1))
            .is_ok()
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the edit never showed:\n{}",
            tui.screen_text()
        );
    }
    let screen = tui.screen_text();
    assert!(!screen.contains("Edited title,"), "{screen}");
    // The last entry rewritten in flow style, as `brief check` reads it.
    let last = text.replace("summary: {bluf: on,", "summary: {bluf: Rewritten last,");
    std::fs::write(&file, last).unwrap();
    tui.wait_for("Rewritten last", WAIT);
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

#[test]
fn clicking_quotes_in_the_tab_bar_of_another_briefing_opens_the_quotes_pane() {
    let path = fixture("good/mekong-water.yaml");
    let mut tui = Tui::spawn(&[path.to_str().unwrap()], 24, 100);
    tui.wait_for("Upper Mekong", WAIT);
    assert!(tui.mouse_captured(), "the mouse is captured by default");
    let screen = tui.screen_text();
    let tabs = screen.lines().nth(1).expect("a tab bar");
    let column = tabs.find("Quotes").expect("a Quotes tab") + 1;
    tui.send(format!("\x1b[<0;{column};2M\x1b[<0;{column};2m"));
    tui.wait_for("Quotes 1/5", WAIT);
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    tui.assert_restored();
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal_and_m_takes_it_back() {
    let mut tui = Tui::spawn(&["--no-mouse"], 24, 80);
    tui.wait_for(BUNDLED_TITLE, WAIT);
    assert!(!tui.mouse_captured(), "--no-mouse captures no mouse");
    tui.send("M");
    tui.wait_for("Mouse on", WAIT);
    assert!(tui.mouse_captured(), "M turns the capture on");
    tui.send("M");
    tui.wait_for("Mouse off", WAIT);
    assert!(!tui.mouse_captured(), "and off again");
    tui.send("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    tui.assert_restored();
}

#[test]
fn mouse_false_in_the_config_leaves_the_mouse_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(dir.path(), "mouse: false\n");
    let mut tui = Tui::spawn(
        &["--config", &config, "tests/fixtures/good/minimal.yaml"],
        24,
        80,
    );
    tui.wait_for("Minimal briefing", WAIT);
    assert!(
        !tui.mouse_captured(),
        "the mouse is captured despite mouse: false"
    );
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    tui.assert_restored();
}

// The History pane, in repositories the tests build.

impl Tui {
    fn header(&self) -> String {
        self.screen_text().lines().next().unwrap_or("").to_owned()
    }
}

#[test]
fn history_pane_lists_the_commits_shows_each_ones_changes_and_compares_with_one() {
    let repo = pay_repo(2);
    let mut tui = Tui::spawn_in(repo.path(), &["pay.yaml"], 30, 120);
    tui.wait_for("Dockworkers", WAIT);
    tui.key("8");
    tui.wait_for(PAY_SUBJECTS[1], WAIT);
    tui.wait_for("First assessment", WAIT);
    // The newest commit is selected; its changes are the stance and the risk.
    tui.wait_for("Union on pay: supports \u{2192} mixed", WAIT);
    let screen = tui.screen_text();
    assert!(
        screen.contains("likelihood low \u{2192} high"),
        "the risk's move:\n{screen}"
    );
    assert!(screen.contains("1 stance moved, 1 risk raised"), "{screen}");
    // The first version: everything in it is new.
    tui.key("j");
    tui.wait_for("The first version", WAIT);
    // Compare every pane with it: the header says since which version.
    tui.key("c");
    tui.wait_for("since ", WAIT);
    let header = tui.header();
    assert!(
        header.contains("since") && header.contains("2 changed"),
        "{header}"
    );
    tui.key("6");
    tui.wait_for("Stances 1/2", WAIT);
    assert!(tui.header().contains("since"), "every pane compares");
    tui.key("\x1b");
    let start = Instant::now();
    while tui.header().contains("since") {
        assert!(start.elapsed() < WAIT, "Esc ends the comparison");
        std::thread::sleep(Duration::from_millis(20));
    }
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

#[test]
fn history_pane_follows_new_commits_and_saves_without_a_key() {
    let repo = pay_repo(2);
    let mut tui = Tui::spawn_in(repo.path(), &["pay.yaml"], 24, 80);
    tui.wait_for("Dockworkers", WAIT);
    tui.key("8");
    tui.wait_for(PAY_SUBJECTS[1], WAIT);
    // A commit made elsewhere (the file's text changes too, which is a save).
    commit_pay_version(repo.path(), 3, PAY_SUBJECTS[2]);
    tui.wait_for(PAY_SUBJECTS[2], WAIT);
    tui.wait_for("+1 quote, \u{2212}1 question", WAIT);
    // A commit that leaves the file alone: only the repository's refs change.
    common::git::git(
        repo.path(),
        &["commit", "-q", "--allow-empty", "-m", "Unrelated"],
    );
    std::fs::write(repo.path().join("notes.txt"), "x").unwrap();
    common::git::git(repo.path(), &["add", "notes.txt"]);
    common::git::git(repo.path(), &["commit", "-q", "-m", "Notes only"]);
    // Moving HEAD back is seen without a save: the newest commit leaves the list.
    common::git::git(repo.path(), &["reset", "-q", "--soft", "HEAD~3"]);
    tui.wait_for("working copy", WAIT);
    let screen = tui.screen_text();
    assert!(
        screen.contains("not committed yet"),
        "the working copy now differs from HEAD:\n{screen}"
    );
    // A save of the working copy: its row says what changed against HEAD.
    let text = std::fs::read_to_string(repo.path().join("pay.yaml")).unwrap();
    std::fs::write(
        repo.path().join("pay.yaml"),
        text.replace("likelihood: high", "likelihood: medium"),
    )
    .unwrap();
    tui.wait_for("risk lowered", WAIT);
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

#[test]
fn history_pane_outside_a_repository_says_why_it_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pay.yaml");
    std::fs::copy(format!("{}/pay-v1.yaml", common::git::FIXTURES), &path).unwrap();
    let mut tui = Tui::spawn_in(dir.path(), &["pay.yaml"], 24, 80);
    tui.wait_for("Dockworkers", WAIT);
    tui.key("8");
    tui.wait_for("Not in a git repository", WAIT);
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
    let mut tui = Tui::spawn(&[], 24, 80);
    tui.wait_for(BUNDLED_TITLE, WAIT);
    tui.key("8");
    tui.wait_for("bundled briefing is built into brief", WAIT);
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}

#[test]
fn history_pane_skips_a_version_over_the_size_limit() {
    let repo = common::git::pay_repo_with_a_big_version(300_000);
    let args = ["--max-size", "100000", "pay.yaml"];
    let mut tui = Tui::spawn_in(repo.path(), &args, 30, 120);
    tui.wait_for("Dockworkers", WAIT);
    tui.key("8");
    tui.wait_for("293.0 KiB, over the 97.7 KiB limit: not read", WAIT);
    tui.wait_for("First assessment", WAIT);
    tui.key("j");
    tui.wait_for("This version is 293.0 KiB", WAIT);
    tui.key("q");
    assert_exit_code(&tui.wait_exit(WAIT), 0);
}
