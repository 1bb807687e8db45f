//! Files at the edges: a FIFO, a socket or a device named as a briefing is refused at
//! once, never waited on; a directory of large briefings is listed before they are read;
//! and live reload follows a briefing through a symbolic link, a folder removed and made
//! again, and a rename away. The dashboard runs in a pseudo-terminal, read back through
//! vt100; every wait polls for the screen (or the exit) with a generous deadline.

mod common;
use common::pty::{BIN, Tui, WAIT};

use brief::briefing::{Budget, catalog};
use brief::runtime::watch::{self, Delivery};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `brief ARGS` in a terminal of 30 rows by 110 columns, run in `cwd`.
fn spawn(cwd: &Path, args: &[&str]) -> Tui {
    Tui::spawn_in(cwd, args, 30, 110)
}

/// Waits until the dashboard handles keys: it does so once it follows the file, so that
/// a change made after this is seen (the first frame comes before the watcher).
fn wait_until_following(tui: &Tui) {
    tui.send(b"2");
    tui.wait_for("┏ Actors", WAIT);
}

/// A small valid briefing with this title.
fn briefing(title: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/minimal.yaml"),
    )
    .unwrap()
    .replacen("title: Minimal briefing", &format!("title: {title}"), 1)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// `brief ARGS` without a terminal, killed (and the test failed) if it has not finished
/// within the deadline: a regression fails rather than hanging the suite.
fn run_bounded(cwd: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run brief");
    let start = Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if start.elapsed() > WAIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`brief {}` still running after {WAIT:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code(), text)
}

#[test]
fn check_export_and_the_dashboard_refuse_a_fifo_at_once() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("f.yaml"));
    for args in [
        &["check", "f.yaml"][..],
        &["export", "f.yaml"],
        &["export", "--format", "json", "f.yaml"],
        &["f.yaml"],
    ] {
        let (code, output) = run_bounded(dir.path(), args);
        assert_eq!(code, Some(1), "brief {args:?}: {output}");
        assert!(
            output.contains("f.yaml") && output.contains("a FIFO or pipe, not a regular file"),
            "brief {args:?} names the file and what it is: {output}"
        );
    }
}

#[test]
fn a_fifo_in_the_dashboards_terminal_is_refused_before_the_screen_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("f.yaml"));
    let mut tui = spawn(dir.path(), &["f.yaml"]);
    let status = tui.wait_exit(WAIT);
    assert_eq!(status.exit_code(), 1, "{}", tui.screen_text());
    tui.wait_for("f.yaml: a FIFO or pipe, not a regular file", WAIT);
    assert!(
        !String::from_utf8_lossy(&tui.raw_output()).contains("\x1b[?1049h"),
        "the alternate screen was entered"
    );
}

#[test]
fn check_refuses_a_socket_and_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let _listener = std::os::unix::net::UnixListener::bind(dir.path().join("s.yaml")).unwrap();
    let (code, output) = run_bounded(dir.path(), &["check", "s.yaml"]);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("s.yaml") && output.contains("a socket, not a regular file"),
        "{output}"
    );
    let (code, output) = run_bounded(dir.path(), &["check", "/dev/zero"]);
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("/dev/zero") && output.contains("a device, not a regular file"),
        "{output}"
    );
}

#[test]
fn a_briefing_saved_as_a_fifo_under_the_dashboard_is_refused_and_the_last_version_kept() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.yaml");
    std::fs::write(&file, briefing("Before the pipe")).unwrap();
    let tui = spawn(dir.path(), &["b.yaml"]);
    tui.wait_for("Before the pipe", WAIT);
    wait_until_following(&tui);
    std::fs::remove_file(&file).unwrap();
    mkfifo(&file);
    tui.wait_for("a FIFO or pipe, not a regular file", WAIT);
    assert!(
        tui.screen_text().contains("Before the pipe"),
        "{}",
        tui.screen_text()
    );
    // The reload thread is not stuck on the FIFO: a real save is read again.
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, briefing("After the pipe")).unwrap();
    tui.wait_for("After the pipe", WAIT);
}

#[test]
fn the_picker_lists_a_fifo_as_refused_and_the_briefings_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), briefing("Beside the pipe")).unwrap();
    mkfifo(&dir.path().join("f.yaml"));
    let tui = spawn(dir.path(), &["."]);
    tui.wait_for("Beside the pipe", WAIT);
    tui.wait_for("✗ f.yaml", WAIT);
    tui.send(b"j");
    tui.wait_for("a FIFO or pipe, not a regular file", WAIT);
}

#[test]
fn the_picker_shows_names_and_sizes_first_then_reads_the_briefings() {
    let dir = tempfile::tempdir().unwrap();
    // Over a kilobyte, so that the size reads "N KB".
    let padding = format!("\n# {}\n", "x".repeat(2_000));
    for (name, title) in [("one.yaml", "First read"), ("two.yaml", "Second read")] {
        std::fs::write(dir.path().join(name), briefing(title) + &padding).unwrap();
    }
    let tui = spawn(dir.path(), &["."]);
    tui.wait_for("Second read", WAIT);
    tui.wait_for("First read", WAIT);
    // The first frame is drawn before any briefing is read: it shows the names and sizes.
    let raw = String::from_utf8_lossy(&tui.raw_output()).into_owned();
    let sized = raw.find("2 KB").expect("a size on the first frame");
    let titled = raw.find("First read").unwrap();
    assert!(sized < titled, "sizes come before titles");
    assert!(raw[..titled].contains("one.yaml") && raw[..titled].contains("two.yaml"));
}

#[test]
fn the_background_reader_fills_in_every_briefing_listed_unread() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), briefing("Alpha")).unwrap();
    std::fs::write(dir.path().join("b.yaml"), briefing("Beta")).unwrap();
    std::fs::write(dir.path().join("c.yaml"), "title: [unclosed").unwrap();
    let listed = catalog::list(dir.path()).unwrap();
    assert_eq!(listed.len(), 3);
    assert!(listed.iter().all(|e| e.summary.is_none() && e.size > 0));
    let (tx, deliveries) = std::sync::mpsc::channel();
    let _requests = watch::spawn_reloader(
        None,
        Some(dir.path().to_path_buf()),
        Budget::default(),
        listed,
        move |d| {
            let _ = tx.send(d);
        },
    )
    .unwrap();
    let entries = loop {
        match deliveries.recv_timeout(WAIT).expect("the list filled in") {
            Delivery::Scanned(entries) if entries.iter().all(|e| e.summary.is_some()) => {
                break entries;
            }
            _ => continue,
        }
    };
    let titles: Vec<_> = entries
        .iter()
        .map(|e| match e.summary.as_ref().unwrap() {
            Ok(summary) => summary.title.clone(),
            Err(_) => format!("✗ {}", e.file_name),
        })
        .collect();
    assert_eq!(titles, ["Alpha", "Beta", "✗ c.yaml"]);
}

/// A briefing in `dir/sub/name`, the dashboard on it, its title on screen.
fn dashboard_on(dir: &Path, sub: &str, name: &str, title: &str) -> (Tui, PathBuf) {
    let folder = dir.join(sub);
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join(name);
    std::fs::write(&file, briefing(title)).unwrap();
    let tui = spawn(dir, &[&format!("{sub}/{name}")]);
    tui.wait_for(title, WAIT);
    wait_until_following(&tui);
    (tui, file)
}

fn save_by_rename(file: &Path, text: &str) {
    let temp = file.with_file_name(".save.tmp");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, file).unwrap();
}

#[test]
fn edits_of_a_symlinks_target_reload() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let real = other.join("real.yaml");
    std::fs::write(&real, briefing("Through the link")).unwrap();
    std::os::unix::fs::symlink("other/real.yaml", dir.path().join("link.yaml")).unwrap();
    let tui = spawn(dir.path(), &["link.yaml"]);
    tui.wait_for("Through the link", WAIT);
    wait_until_following(&tui);
    std::fs::write(&real, briefing("Target saved in place")).unwrap();
    tui.wait_for("Target saved in place", WAIT);
    save_by_rename(&real, &briefing("Target saved by rename"));
    tui.wait_for("Target saved by rename", WAIT);
    // The link pointed elsewhere: that file is followed from then on.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("new.yaml"), briefing("The new target")).unwrap();
    let link = dir.path().join("link.yaml");
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink("elsewhere/new.yaml", &link).unwrap();
    tui.wait_for("The new target", WAIT);
    std::fs::write(elsewhere.join("new.yaml"), briefing("New target edited")).unwrap();
    tui.wait_for("New target edited", WAIT);
}

#[test]
fn reload_resumes_when_the_folder_is_removed_and_made_again() {
    let dir = tempfile::tempdir().unwrap();
    let (tui, file) = dashboard_on(dir.path(), "w", "x.yaml", "Before the switch");
    let folder = file.parent().unwrap().to_path_buf();
    std::fs::remove_dir_all(&folder).unwrap();
    tui.wait_for(
        "x.yaml was moved or deleted; showing the last version read",
        WAIT,
    );
    assert!(tui.screen_text().contains("Before the switch"));
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(&file, briefing("After the switch")).unwrap();
    tui.wait_for("After the switch", WAIT);
    // The new folder is followed, not only read once.
    std::fs::write(&file, briefing("Edited after the switch")).unwrap();
    tui.wait_for("Edited after the switch", WAIT);
}

#[test]
fn reload_resumes_when_the_folder_is_replaced_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    let (tui, file) = dashboard_on(dir.path(), "w", "x.yaml", "Before the clone");
    let folder = file.parent().unwrap().to_path_buf();
    // As `rm -rf w; mkdir w; cp … w/` does, with no pause between.
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(&file, briefing("After the clone")).unwrap();
    tui.wait_for("After the clone", WAIT);
    std::fs::write(&file, briefing("Edited after the clone")).unwrap();
    tui.wait_for("Edited after the clone", WAIT);
}

#[test]
fn a_briefing_renamed_away_is_reported_and_followed_when_it_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (tui, file) = dashboard_on(dir.path(), "w", "x.yaml", "Before the rename");
    let moved = file.with_file_name("y.yaml");
    std::fs::rename(&file, &moved).unwrap();
    tui.wait_for(
        "x.yaml was moved or deleted; showing the last version read",
        WAIT,
    );
    assert!(tui.screen_text().contains("Before the rename"));
    std::fs::write(&moved, briefing("Edited under the other name")).unwrap();
    std::fs::rename(&moved, &file).unwrap();
    tui.wait_for("Edited under the other name", WAIT);
}

#[test]
fn the_history_is_not_stuck_on_a_briefing_swapped_for_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.yaml");
    std::fs::write(&file, briefing("Committed")).unwrap();
    common::git::git(dir.path(), &["init", "-q"]);
    common::git::git(dir.path(), &["add", "b.yaml"]);
    common::git::git(dir.path(), &["commit", "-q", "-m", "First version"]);
    let tui = spawn(dir.path(), &["b.yaml"]);
    tui.wait_for("Committed", WAIT);
    wait_until_following(&tui);
    tui.send(b"8");
    tui.wait_for("First version", WAIT);
    std::fs::remove_file(&file).unwrap();
    mkfifo(&file);
    tui.wait_for("a FIFO or pipe, not a regular file", WAIT);
    // The history is read again after every reload: the working copy differs from HEAD
    // now, which the pane shows only if reading it did not wait on the FIFO.
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, briefing("Saved after the pipe")).unwrap();
    tui.wait_for("Saved after the pipe", WAIT);
    tui.wait_for("working copy", WAIT);
}
