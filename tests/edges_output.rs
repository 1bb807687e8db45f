//! What brief prints at the edges: file names, config values, git authors and subjects
//! are outside text and reach the terminal only cleaned, as briefing text does; a write
//! that fails is an error, a reader that has gone is not; and the editor is never handed
//! a file name it could take for an option.

mod common;
use common::git::{git, git_command, pay_version};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_brief");
const WAIT: Duration = Duration::from_secs(20);

/// A name with everything a terminal would act on: an OSC 52 clipboard write, a CSI
/// that clears the screen, the 8-bit CSI (U+009B), a bidi override and a zero-width
/// space.
const HOSTILE: &str = "x\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}31m\u{202e}lmth\u{200b}";
/// How the clipboard write in `HOSTILE` reads once cleaned.
const SHOWN: &str = "x␛]52;c;aGk=␇␛[2J";

fn hostile_name() -> String {
    format!("{HOSTILE}.yaml")
}

fn brief_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-such-config-dir"))
        .env_remove("NO_COLOR")
        .output()
        .expect("running brief")
}

/// The characters of `text` that a terminal would act on or hide: controls other than
/// the newline, bidi embeddings, overrides and isolates, zero-width characters.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            c != '\n'
                && (c.is_control()
                    || matches!(
                        c,
                        '\u{202a}'..='\u{202e}'
                            | '\u{2066}'..='\u{2069}'
                            | '\u{200b}'
                            | '\u{2060}'
                            | '\u{feff}'
                    ))
        })
        .collect()
}

/// `bytes` without brief's own colours: `ESC [ digits and semicolons m`.
fn without_own_colours(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let end = bytes[i + 2..]
                .iter()
                .position(|b| !(b.is_ascii_digit() || *b == b';'))
                .map(|n| i + 2 + n);
            if let Some(end) = end
                && bytes[end] == b'm'
            {
                i = end + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Neither stdout nor stderr holds a raw control (brief's own colours aside), and the
/// hostile name was printed, cleaned, on one of them.
#[track_caller]
fn assert_cleaned(out: &Output, what: &str) {
    let stdout = String::from_utf8_lossy(&without_own_colours(&out.stdout)).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        let raw = raw_controls(text);
        assert!(raw.is_empty(), "{what}: raw {raw:?} on {stream}:\n{text:?}");
    }
    assert!(
        stdout.contains(SHOWN) || stderr.contains(SHOWN),
        "{what}: the name is not shown cleaned:\nstdout {stdout:?}\nstderr {stderr:?}"
    );
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A directory holding a good and a broken briefing under the hostile name.
fn hostile_files() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let good = hostile_name();
    let bad = format!("{HOSTILE}-bad.yaml");
    std::fs::copy(fixture("good/minimal.yaml"), dir.path().join(&good)).unwrap();
    std::fs::write(dir.path().join(&bad), "title: [unclosed\n").unwrap();
    (dir, good, bad)
}

#[test]
fn check_prints_hostile_file_names_cleaned() {
    let (dir, good, bad) = hostile_files();
    let out = brief_in(dir.path(), &["check", &good]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_cleaned(&out, "check, a good file");
    let out = brief_in(dir.path(), &["check", &bad]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_cleaned(&out, "check, a broken file");
    let missing = format!("{HOSTILE}-missing.yaml");
    let out = brief_in(dir.path(), &["check", &missing]);
    assert_cleaned(&out, "check, a missing file");
}

#[test]
fn check_as_json_escapes_c1_bidi_and_zero_width_and_reads_back_the_same_name() {
    let (dir, good, _) = hostile_files();
    let out = brief_in(dir.path(), &["check", "--format", "json", &good]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(raw_controls(&text).is_empty(), "{text:?}");
    for escape in ["\\u001b", "\\u0007", "\\u009b", "\\u202e", "\\u200b"] {
        assert!(text.contains(escape), "{escape} in {text}");
    }
    let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(parsed[0]["file"], good.as_str());
}

#[test]
fn export_prints_hostile_file_names_cleaned() {
    let (dir, good, bad) = hostile_files();
    let out = brief_in(dir.path(), &["export", &bad]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_cleaned(&out, "export, a broken file");
    let target = format!("no-such-dir/{HOSTILE}.md");
    let out = brief_in(dir.path(), &["export", &good, "-o", &target]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_cleaned(&out, "export, an output that cannot be written");
}

#[test]
fn init_prints_a_hostile_path_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let name = hostile_name();
    let out = brief_in(dir.path(), &["init", &name]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_cleaned(&out, "init");
    let out = brief_in(dir.path(), &["init", &name]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_cleaned(&out, "init over an existing file");
}

#[test]
fn diff_prints_hostile_labels_cleaned_and_keeps_its_own_colours() {
    let dir = tempfile::tempdir().unwrap();
    let old = format!("{HOSTILE}-old.yaml");
    let new = hostile_name();
    std::fs::write(dir.path().join(&old), pay_version(1)).unwrap();
    std::fs::write(dir.path().join(&new), pay_version(2)).unwrap();
    let git_args = [
        "diff", "--git", "--color", "always", &new, &old, "0000000", "100644", &new, "1111111",
        "100644",
    ];
    let out = brief_in(dir.path(), &git_args);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_cleaned(&out, "diff --git --color always");
    assert!(
        out.stdout.windows(2).any(|w| w == b"\x1b["),
        "brief's own colours are kept"
    );
    let out = brief_in(dir.path(), &["diff", "--format", "json", &old, &new]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(raw_controls(&text).is_empty(), "{text:?}");
    let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    // Labels name files as brief shows them (as git's paths and subjects are), cleaned.
    assert_eq!(
        parsed["new"],
        brief::briefing::sanitize::clean_line(&new).as_str()
    );
    std::fs::write(dir.path().join(&old), "title: [unclosed\n").unwrap();
    let out = brief_in(dir.path(), &["diff", &old, &new]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_cleaned(&out, "diff of a broken file");
}

/// A repository whose briefing has the hostile name, committed twice by an author with
/// the hostile name and with hostile subjects.
fn hostile_repo() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let name = hostile_name();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    for n in 1..=2 {
        std::fs::write(dir.path().join(&name), pay_version(n)).unwrap();
        git(dir.path(), &["add", "--", &name]);
        let subject = format!("version {n} {HOSTILE}");
        let status = git_command(dir.path(), Some(&common::git::october(n)))
            .env("GIT_AUTHOR_NAME", format!("Ana {HOSTILE}"))
            .args(["commit", "-q", "-m", &subject])
            .status()
            .unwrap();
        assert!(status.success());
    }
    (dir, name)
}

#[test]
fn log_prints_hostile_names_authors_and_subjects_cleaned() {
    let (dir, name) = hostile_repo();
    let out = brief_in(dir.path(), &["log", &name]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_cleaned(&out, "log");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("version 2"), "{text}");
    let out = brief_in(dir.path(), &["log", "--format", "json", &name]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(raw_controls(&text).is_empty(), "{text:?}");
    let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(
        parsed[0]["path"],
        brief::briefing::sanitize::clean_line(&name).as_str()
    );
    // Subjects are cleaned when read from git, for the dashboard as well.
    let subject = parsed[0]["subject"].as_str().unwrap();
    assert!(subject.contains(SHOWN), "{subject:?}");
    let out = brief_in(dir.path(), &["diff", "HEAD~1", &name]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(raw_controls(&text).is_empty(), "{text:?}");
    let missing = format!("{HOSTILE}-gone.yaml");
    let out = brief_in(dir.path(), &["log", &missing]);
    assert_cleaned(&out, "log of a missing file");
    let out = brief_in(dir.path(), &["diff", HOSTILE, &name]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_cleaned(&out, "diff at a revision that is not one");
}

#[test]
fn config_values_and_config_file_names_are_printed_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let missing = format!("{HOSTILE}-missing.yaml");
    let out = brief_in(dir.path(), &["--config", &missing, "check", "x.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_cleaned(&out, "a missing --config");

    let config = hostile_name();
    std::fs::write(dir.path().join(&config), "theme: \"\\e]0;T\\a\"\n").unwrap();
    let out = brief_in(dir.path(), &["--config", &config, "config"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_cleaned(&out, "a config with a hostile theme");

    // The template as a YAML double-quoted scalar: YAML allows no raw C1 control.
    let editor = r#""vim \u001b]0;T\u0007\u009b1m\u202e {file}""#;
    std::fs::write(dir.path().join(&config), format!("editor: {editor}\n")).unwrap();
    let out = brief_in(dir.path(), &["--config", &config, "config"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_cleaned(&out, "brief config");
    // What `brief config` prints is a config: the template reads back as it was written.
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(
        printed.contains(&format!("editor: {editor}\n")),
        "{printed}"
    );
    std::fs::write(dir.path().join("printed.yaml"), &printed).unwrap();
    let again = brief_in(dir.path(), &["--config", "printed.yaml", "config"]);
    assert_eq!(again.status.code(), Some(0), "{again:?}");
    let again = String::from_utf8(again.stdout).unwrap();
    assert!(again.contains(&format!("editor: {editor}\n")), "{again}");
}

#[test]
fn a_command_line_clap_refuses_is_quoted_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let out = brief_in(dir.path(), &["--theme", HOSTILE, "config"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_cleaned(&out, "an invalid --theme");
    let out = brief_in(dir.path(), &["check", "--format", HOSTILE, "x.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_cleaned(&out, "an invalid --format");
    let out = brief_in(dir.path(), &["--help"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: brief"));
}

/// stdout is `/dev/full`: every write fails with ENOSPC.
fn into_a_full_disk(dir: &Path, args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-such-config-dir"))
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("running brief")
}

#[test]
fn a_full_disk_is_an_error_with_one_line_on_stderr() {
    let (dir, _name) = hostile_repo();
    let good = fixture("good/minimal.yaml");
    let good = good.to_str().unwrap();
    let name = hostile_name();
    let cases: [&[&str]; 7] = [
        &["--version"],
        &["check", good],
        &["check", "--format", "json", good],
        &["export", good],
        &["log", &name],
        &["diff", "HEAD~1", &name],
        &["completions", "bash"],
    ];
    for args in cases {
        let out = into_a_full_disk(dir.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains("No space left"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_reader_that_has_gone_ends_brief_quietly() {
    let (dir, name) = hostile_repo();
    let good = fixture("good/minimal.yaml");
    let good = good.to_str().unwrap();
    let cases: [&[&str]; 5] = [
        &["check", good],
        &["export", good],
        &["log", &name],
        &["diff", "HEAD~1", &name],
        &["man"],
    ];
    for args in cases {
        // The pipe's reading end is closed before brief starts: its first write fails
        // with EPIPE, as `brief log f.yaml | head -1`'s does once head has its line.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("no-such-config-dir"))
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("running brief");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

/// Runs the dashboard on `file` in a pseudo-terminal with `env`, presses `e` and returns
/// what the stand-in editor was given, one argument a line.
fn editor_arguments(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> String {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let recorded = dir.join("args.txt");
    let _ = std::fs::remove_file(&recorded);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(args);
    cmd.cwd(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", dir.join("no-such-config-dir"));
    cmd.env("VISUAL", "true");
    cmd.env("EDITOR", "true");
    for (name, value) in env {
        cmd.env(name, value);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let screen = std::sync::Arc::new(std::sync::Mutex::new(vt100::Parser::new(30, 100, 0)));
    let feed = std::sync::Arc::clone(&screen);
    let pump = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            feed.lock().unwrap().process(&buf[..n]);
        }
    });
    let until = |done: &dyn Fn() -> bool, what: &str| {
        let start = Instant::now();
        while !done() {
            assert!(start.elapsed() < WAIT, "waited for {what}");
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    until(
        &|| {
            screen
                .lock()
                .unwrap()
                .screen()
                .contents()
                .contains("Bottom line")
        },
        "the dashboard",
    );
    writer.write_all(b"e").unwrap();
    until(&|| recorded.exists(), "the editor");
    // The recorder writes its file in one go; wait for the dashboard to be back.
    until(
        &|| screen.lock().unwrap().screen().alternate_screen(),
        "the dashboard after the editor",
    );
    writer.write_all(b"q").unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < WAIT, "brief did not quit");
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(writer);
    drop(pair.master);
    let _ = pump.join();
    std::fs::read_to_string(&recorded).unwrap()
}

#[test]
fn the_editor_is_never_given_a_file_name_it_could_take_for_an_option() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let name = "+!touch PWNED.yaml";
    let out = brief_in(dir.path(), &["init", name]);
    assert!(out.status.success(), "{out:?}");
    // Named like vim, so that brief gives it `+LINE FILE`; it records its arguments.
    std::fs::create_dir(dir.path().join("bin")).unwrap();
    let recorder = dir.path().join("bin/vim");
    std::fs::write(
        &recorder,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/../args.txt\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&recorder, std::fs::Permissions::from_mode(0o755)).unwrap();

    let args = editor_arguments(
        dir.path(),
        &[name],
        &[("VISUAL", &recorder), ("EDITOR", &recorder)],
    );
    assert_eq!(args.lines().last(), Some("./+!touch PWNED.yaml"), "{args}");

    let config = dir.path().join("config.yaml");
    std::fs::write(
        &config,
        format!("editor: \"{} {{file}} {{line}}\"\n", recorder.display()),
    )
    .unwrap();
    let args = editor_arguments(
        dir.path(),
        &["--config", config.to_str().unwrap(), name],
        &[],
    );
    assert_eq!(args.lines().next(), Some("./+!touch PWNED.yaml"), "{args}");
}

/// The row of the dashboard's screen that holds `needle`.
fn row_with(harness: &mut common::harness::Harness, needle: &str) -> String {
    let screen = harness.screen();
    assert!(raw_controls(&screen).is_empty(), "{screen:?}");
    screen
        .lines()
        .find(|row| row.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?}:\n{screen}"))
        .to_owned()
}

#[test]
fn the_dashboard_shows_a_hostile_file_name_and_messages_cleaned() {
    // ratatui drops controls it is given, so a raw name would not steer the terminal;
    // it would be shown mangled (`x]52;c;aGk=[2J31m…`) where it must read as the header
    // and the command line show it, every control made visible.
    use brief::app::Action;
    let (dir, _, bad) = hostile_files();
    let mut harness = common::harness::Harness::open(&dir.path().join(&bad), 120, 30);
    let row = row_with(&mut harness, "1 error in");
    assert!(row.contains(SHOWN), "{row}");
    let row = row_with(&mut harness, "YAML syntax");
    assert!(row.contains(SHOWN), "{row}");
    // A status message quotes outside text too: the editor's command, a system error.
    harness.app.update(Action::Status(format!(
        "Could not start the editor `{HOSTILE}`"
    )));
    let row = row_with(&mut harness, "Could not start");
    assert!(row.contains(SHOWN), "{row}");
}
