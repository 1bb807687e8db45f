//! The terminal is always given back: Ctrl-Z and SIGTSTP suspend brief as they do any
//! program (terminal restored, process stopped, `fg` redraws), SIGQUIT restores it as
//! SIGTERM does, and a terminal that claims an absurd size does not make memory climb.
//! The real binary runs in a pseudo-terminal, read back through vt100; where a shell's job
//! control is the point, under `bash` with job control on.

mod common;

use common::pty::{ALT_OFF, ALT_ON, BIN, Tui, WAIT, root};
use portable_pty::CommandBuilder;
use std::time::{Duration, Instant};

const BUNDLED_TITLE: &str = "U.S.-Belarus thaw";
const CTRL_Z: u8 = 0x1a;

/// `brief` with `args`, in a terminal of `rows` × `cols`.
fn brief(args: &[&str], rows: u16, cols: u16) -> Tui {
    Tui::spawn(args, rows, cols)
}

/// `brief` started by a shell with job control, as from a prompt: Ctrl-Z stops it, the
/// shell says so (`stopped job PID`), reads a line and shows it (`read: LINE`), and after
/// one more line `fg` continues brief; when brief exits the shell prints its status.
/// `editor` is brief's $VISUAL.
fn brief_as_job(args: &[&str], editor: &str) -> Tui {
    let script = r#"set -m
"$0" "$@"
echo "stopped job $(jobs -p)."
read -r line
echo "read: $line"
read -r line
fg
echo "brief exited with $?."
read -r line"#;
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-c", script, BIN]);
    cmd.args(args);
    cmd.env("VISUAL", editor);
    Tui::spawn_command(cmd, (24, 80), (24, 80))
}

/// Waits for the dashboard: on the alternate screen, the title drawn, the mouse reported
/// to brief.
fn wait_for_dashboard(pty: &Tui) {
    pty.wait("the dashboard on the alternate screen", |pty| {
        pty.screen(|s| {
            s.alternate_screen()
                && s.contents().contains(BUNDLED_TITLE)
                && s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
        })
    });
}

/// The terminal as the shell wants it: the main screen, the cursor shown, the mouse the
/// terminal's own.
fn assert_given_back(pty: &Tui) {
    pty.screen(|s| {
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting is still on"
        );
        assert!(!s.bracketed_paste(), "bracketed paste is still on");
    });
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The fields of /proc/PID/stat after the command's name: the state first, then the
/// parent's pid.
fn proc_stat(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    Some(after_name.split_whitespace().map(str::to_owned).collect())
}

/// Whether the process is stopped by job control (`T` in /proc).
fn is_stopped(pid: u32) -> bool {
    proc_stat(pid).is_some_and(|fields| fields[0] == "T")
}

/// The child of `parent` running `brief`.
fn brief_child_of(parent: u32) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.find_map(|entry| {
        let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
        let fields = proc_stat(pid)?;
        let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
        (fields[1] == parent.to_string() && comm.trim() == "brief").then_some(pid)
    })
}

/// Resident memory in MB, from /proc/PID/status.
fn rss_mb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// Suspends brief under a job-control shell with `stop`, checks the terminal was given
/// back and brief is stopped, then `fg` and checks brief redraws and still works.
fn suspend_then_fg(stop: impl FnOnce(&mut Tui)) {
    let mut pty = brief_as_job(&[], "true");
    wait_for_dashboard(&pty);
    stop(&mut pty);
    let job = wait_for_stopped_job(&pty);
    // Echo and line editing are back: the line typed shows as typed, and the shell
    // reads it whole once Enter is pressed.
    pty.send("typed at the prompt\r");
    pty.wait_for("read: typed at the prompt", WAIT);
    assert!(
        pty.screen_text()
            .lines()
            .any(|l| l == "typed at the prompt"),
        "the terminal did not echo what was typed:\n{}",
        pty.screen_text()
    );
    pty.send("\r");
    // The shell now runs `fg`: brief takes the terminal again and draws a whole frame
    // (entering the alternate screen clears it, so the title is a new frame).
    wait_for_dashboard(&pty);
    assert!(!is_stopped(job), "brief is still stopped after fg");
    pty.screen(|s| assert!(s.hide_cursor(), "the cursor is shown over the dashboard"));
    pty.send("2");
    pty.wait_for("Actors 1/7", WAIT);
    pty.send("q");
    pty.wait_for("brief exited with 0.", WAIT);
    assert_given_back(&pty);
}

/// Waits for the shell to say brief's job stopped; checks the terminal is the shell's
/// again and brief is stopped, and returns its pid.
fn wait_for_stopped_job(pty: &Tui) -> u32 {
    pty.wait_for("stopped job ", WAIT);
    let text = pty.screen_text();
    let job = text
        .split("stopped job ")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        .and_then(|pid| pid.trim().parse::<u32>().ok())
        .unwrap_or_else(|| panic!("the shell names the stopped job:\n{text}"));
    assert_given_back(pty);
    assert!(is_stopped(job), "brief ({job}) is not stopped");
    job
}

#[test]
fn ctrl_z_gives_the_terminal_back_stops_brief_and_fg_redraws() {
    suspend_then_fg(|pty| pty.send([CTRL_Z]));
}

#[test]
fn sigtstp_from_elsewhere_suspends_as_ctrl_z_does() {
    suspend_then_fg(|pty| {
        let shell = pty.pid();
        let mut brief = None;
        pty.wait("brief started by the shell", |_| {
            brief = brief_child_of(shell);
            brief.is_some()
        });
        let brief = brief.expect("brief's pid");
        let killed = std::process::Command::new("kill")
            .args(["-TSTP", &brief.to_string()])
            .status()
            .expect("run kill");
        assert!(killed.success());
    });
}

/// An editor that stops its job, as vim does on Ctrl-Z, stops brief with it: brief is
/// waiting for the editor and has already given the terminal back, so it stops at once
/// rather than hold the signal for later (which would leave the shell waiting on a job
/// that never stops). `fg` continues both, and brief takes the terminal back.
#[test]
fn an_editor_suspended_with_ctrl_z_stops_brief_with_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let briefing = dir.path().join("briefing.yaml");
    std::fs::copy(root().join("briefings/belarus-us-thaw.yaml"), &briefing).unwrap();
    let editor = dir.path().join("stops-its-job");
    std::fs::write(&editor, "#!/bin/sh\nkill -TSTP 0\n").unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let pty = brief_as_job(&[briefing.to_str().unwrap()], editor.to_str().unwrap());
    wait_for_dashboard(&pty);
    pty.send("e");
    let job = wait_for_stopped_job(&pty);
    pty.send("\r\r");
    wait_for_dashboard(&pty);
    assert!(!is_stopped(job), "brief is still stopped after fg");
    pty.send("3");
    pty.wait_for("Quotes 1/", WAIT);
    pty.send("q");
    pty.wait_for("brief exited with 0.", WAIT);
    assert_given_back(&pty);
}

/// Started straight in a terminal with no shell, nothing could continue brief: Ctrl-Z
/// gives the terminal back and takes it again at once (as vim and less do), rather
/// than leave brief stopped for good.
#[test]
fn ctrl_z_without_job_control_comes_straight_back() {
    let mut pty = brief(&[], 24, 80);
    wait_for_dashboard(&pty);
    let before = pty.raw_len();
    pty.send([CTRL_Z]);
    pty.wait("the alternate screen left and entered again", |pty| {
        let since = pty.raw_since(before);
        find(&since, ALT_OFF).is_some_and(|off| find(&since[off..], ALT_ON).is_some())
    });
    wait_for_dashboard(&pty);
    assert!(
        !is_stopped(pty.pid()),
        "brief is stopped with no shell to continue it"
    );
    pty.send("3");
    pty.wait_for("Quotes 1/", WAIT);
    pty.send("q");
    assert_eq!(pty.wait_exit(WAIT).exit_code(), 0);
    assert_given_back(&pty);
}

#[test]
fn sigquit_restores_the_terminal_as_sigterm_does() {
    let mut pty = brief(&[], 24, 80);
    wait_for_dashboard(&pty);
    let killed = std::process::Command::new("kill")
        .args(["-QUIT", &pty.pid().to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let status = pty.wait_exit(WAIT);
    assert!(
        status.signal().is_none() && status.exit_code() == 128 + 3,
        "expected exit status 131, got {status:?}"
    );
    assert_given_back(&pty);
}

/// Memory brief may use in a terminal that claims 65535 × 65535: a frame of that size
/// would be hundreds of gigabytes.
const RSS_LIMIT_MB: u64 = 200;

/// Waits for `text` as `wait_for_text` does, failing as soon as brief's memory passes
/// the limit or brief dies.
fn wait_small(pty: &mut Tui, text: &str) {
    let pid = pty.pid();
    let start = Instant::now();
    while !pty.screen_text().contains(text) {
        if !pty.is_alive() {
            panic!("brief exited waiting for {text:?}");
        }
        let rss = rss_mb(pid).unwrap_or(0);
        assert!(
            rss < RSS_LIMIT_MB,
            "brief uses {rss} MB waiting for {text:?} in a 65535x65535 terminal"
        );
        assert!(
            start.elapsed() < WAIT,
            "timed out waiting for {text:?} in a 65535x65535 terminal ({rss} MB); the \
             screen:\n{}",
            pty.screen_text()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn an_absurd_terminal_size_does_not_make_memory_climb() {
    // The emulator is only as big as brief draws at most, so the test stays small too.
    let emulated = (500, 1000);
    let cmd = CommandBuilder::new(BIN);
    // The size brief asks for at start.
    let mut pty = Tui::spawn_command(cmd, (u16::MAX, u16::MAX), emulated);
    wait_small(&mut pty, BUNDLED_TITLE);
    pty.send("2");
    wait_small(&mut pty, "Actors 1/7");
    // The size a resize reports.
    pty.resize_terminal_only(24, 80);
    // The frame redrawn at 80 columns (its tab bar has single spaces) before the next key.
    wait_small(&mut pty, " 1 Summary 2 Actors 3 Quotes");
    pty.send("3");
    wait_small(&mut pty, "Quotes 1/");
    pty.resize_terminal_only(u16::MAX, u16::MAX);
    pty.send("4");
    wait_small(&mut pty, "Risks 1/");
    pty.send("q");
    assert_eq!(pty.wait_exit(WAIT).exit_code(), 0);
}

/// The mouse stays as the user left it across the editor's turn at the terminal: off
/// with `--no-mouse`, on once `M` turned it on. Taking the terminal back captures the
/// mouse only if the app has it captured.
#[test]
fn the_editor_gives_the_terminal_back_with_the_mouse_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let briefing = dir.path().join("briefing.yaml");
    std::fs::copy(root().join("briefings/belarus-us-thaw.yaml"), &briefing).unwrap();
    let mut pty = brief(&["--no-mouse", briefing.to_str().unwrap()], 24, 80);
    let captured =
        |pty: &Tui| pty.screen(|s| s.mouse_protocol_mode()) != vt100::MouseProtocolMode::None;
    // The editor ($VISUAL is `true`) has run once brief has left the alternate screen
    // after `mark` and entered it again, and the whole frame is drawn anew.
    let edit = |pty: &mut Tui| {
        let mark = pty.raw_len();
        pty.send("e");
        pty.wait("the dashboard back after the editor", |pty| {
            let since = pty.raw_since(mark);
            let back =
                find(&since, ALT_OFF).is_some_and(|left| find(&since[left..], ALT_ON).is_some());
            back && pty.screen(|s| s.alternate_screen() && s.contents().contains(BUNDLED_TITLE))
        });
    };
    pty.wait_for(BUNDLED_TITLE, WAIT);
    assert!(!captured(&pty), "--no-mouse captures no mouse");
    edit(&mut pty);
    assert!(
        !captured(&pty),
        "the mouse is captured after the editor despite --no-mouse"
    );
    pty.send("M");
    pty.wait("the mouse captured after M", captured);
    edit(&mut pty);
    assert!(
        captured(&pty),
        "the mouse M turned on is off after the editor"
    );
    pty.send("q");
    pty.wait_exit(WAIT);
    assert_given_back(&pty);
}
