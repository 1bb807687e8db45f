//! The terminal is always given back: Ctrl-Z and SIGTSTP suspend brief as they do any
//! program (terminal restored, process stopped, `fg` redraws), SIGQUIT restores it as
//! SIGTERM does, and a terminal that claims an absurd size does not make memory climb.
//! The real binary runs in a pseudo-terminal, read back through vt100; where a shell's job
//! control is the point, under `bash` with job control on.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_brief");
/// Generous for a debug build on a busy machine; every wait ends as soon as its
/// condition holds.
const WAIT: Duration = Duration::from_secs(20);
const BUNDLED_TITLE: &str = "U.S.-Belarus thaw";
const ALT_ON: &[u8] = b"\x1b[?1049h";
const ALT_OFF: &[u8] = b"\x1b[?1049l";
const CTRL_Z: u8 = 0x1a;

/// A program in a pseudo-terminal, its output fed to a terminal emulator.
struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    eof: Arc<AtomicBool>,
    master: Box<dyn MasterPty + Send>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
}

impl Pty {
    /// `brief` with `args`, in a terminal of `rows` × `cols`.
    fn brief(args: &[&str], rows: u16, cols: u16) -> Self {
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        Self::spawn(cmd, (rows, cols), (rows, cols))
    }

    /// `brief` started by a shell with job control, as from a prompt: Ctrl-Z stops it,
    /// the shell says so (`stopped job PID`), reads a line and shows it (`read: LINE`),
    /// and after one more line `fg` continues brief; when brief exits the shell prints
    /// its status. `editor` is brief's $VISUAL.
    fn brief_as_job(args: &[&str], editor: &str) -> Self {
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
        Self::spawn(cmd, (24, 80), (24, 80))
    }

    /// The terminal is `size` (rows, columns); the emulator reading it is `emulated`,
    /// which may be smaller so that an absurd size costs this test nothing.
    fn spawn(mut cmd: CommandBuilder, size: (u16, u16), emulated: (u16, u16)) -> Self {
        let pair = native_pty_system()
            .openpty(pty_size(size.0, size.1))
            .expect("openpty");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env(
            "XDG_CONFIG_HOME",
            root().join("tests/fixtures/no-such-config-dir"),
        );
        if cmd.get_env("VISUAL").is_none() {
            cmd.env("VISUAL", "true");
        }
        cmd.env("EDITOR", "true");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(emulated.0, emulated.1, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let eof = Arc::new(AtomicBool::new(false));
        {
            let (parser, raw, eof, writer) =
                (parser.clone(), raw.clone(), eof.clone(), writer.clone());
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n @ 1..) = reader.read(&mut buf) {
                    let mut parser = lock(&parser);
                    parser.process(&buf[..n]);
                    // Answer a cursor position query, as a real terminal does.
                    if find(&buf[..n], b"\x1b[6n").is_some() {
                        let (row, col) = parser.screen().cursor_position();
                        let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                        let _ = lock(&writer).write_all(reply.as_bytes());
                    }
                    drop(parser);
                    lock(&raw).extend_from_slice(&buf[..n]);
                }
                eof.store(true, Ordering::SeqCst);
            });
        }
        Self {
            parser,
            raw,
            eof,
            master: pair.master,
            writer,
            child,
        }
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    fn send(&mut self, bytes: impl AsRef<[u8]>) {
        let mut writer = lock(&self.writer);
        writer.write_all(bytes.as_ref()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    fn screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.parser).screen())
    }

    fn text(&self) -> String {
        self.screen(|s| s.contents())
    }

    fn raw_len(&self) -> usize {
        lock(&self.raw).len()
    }

    /// The output since byte `from`.
    fn raw_since(&self, from: usize) -> Vec<u8> {
        lock(&self.raw)[from..].to_vec()
    }

    /// Waits until `done` holds of the screen; panics with the screen if it does not.
    fn wait_for(&self, what: &str, mut done: impl FnMut(&Self) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {what}; the screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} on screen"), |pty| {
            pty.text().contains(text)
        });
    }

    /// Waits for the dashboard: on the alternate screen, the title drawn, the mouse
    /// reported to brief.
    fn wait_for_dashboard(&self) {
        self.wait_for("the dashboard on the alternate screen", |pty| {
            pty.screen(|s| {
                s.alternate_screen()
                    && s.contents().contains(BUNDLED_TITLE)
                    && s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
            })
        });
    }

    /// The terminal as the shell wants it: the main screen, the cursor shown, the mouse
    /// the terminal's own.
    fn assert_given_back(&self) {
        self.screen(|s| {
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

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            assert!(
                start.elapsed() < WAIT,
                "did not exit; the screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        let start = Instant::now();
        while !self.eof.load(Ordering::SeqCst) && start.elapsed() < WAIT {
            std::thread::sleep(Duration::from_millis(5));
        }
        status
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pty_size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
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
fn suspend_then_fg(stop: impl FnOnce(&mut Pty)) {
    let mut pty = Pty::brief_as_job(&[], "true");
    pty.wait_for_dashboard();
    stop(&mut pty);
    let job = wait_for_stopped_job(&pty);
    // Echo and line editing are back: the line typed shows as typed, and the shell
    // reads it whole once Enter is pressed.
    pty.send("typed at the prompt\r");
    pty.wait_for_text("read: typed at the prompt");
    assert!(
        pty.text().lines().any(|l| l == "typed at the prompt"),
        "the terminal did not echo what was typed:\n{}",
        pty.text()
    );
    pty.send("\r");
    // The shell now runs `fg`: brief takes the terminal again and draws a whole frame
    // (entering the alternate screen clears it, so the title is a new frame).
    pty.wait_for_dashboard();
    assert!(!is_stopped(job), "brief is still stopped after fg");
    pty.screen(|s| assert!(s.hide_cursor(), "the cursor is shown over the dashboard"));
    pty.send("2");
    pty.wait_for_text("Actors 1/7");
    pty.send("q");
    pty.wait_for_text("brief exited with 0.");
    pty.assert_given_back();
}

/// Waits for the shell to say brief's job stopped; checks the terminal is the shell's
/// again and brief is stopped, and returns its pid.
fn wait_for_stopped_job(pty: &Pty) -> u32 {
    pty.wait_for_text("stopped job ");
    let text = pty.text();
    let job = text
        .split("stopped job ")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        .and_then(|pid| pid.trim().parse::<u32>().ok())
        .unwrap_or_else(|| panic!("the shell names the stopped job:\n{text}"));
    pty.assert_given_back();
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
        pty.wait_for("brief started by the shell", |_| {
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
    let mut pty = Pty::brief_as_job(&[briefing.to_str().unwrap()], editor.to_str().unwrap());
    pty.wait_for_dashboard();
    pty.send("e");
    let job = wait_for_stopped_job(&pty);
    pty.send("\r\r");
    pty.wait_for_dashboard();
    assert!(!is_stopped(job), "brief is still stopped after fg");
    pty.send("3");
    pty.wait_for_text("Quotes 1/");
    pty.send("q");
    pty.wait_for_text("brief exited with 0.");
    pty.assert_given_back();
}

/// Started straight in a terminal with no shell, nothing could continue brief: Ctrl-Z
/// gives the terminal back and takes it again at once (as vim and less do), rather
/// than leave brief stopped for good.
#[test]
fn ctrl_z_without_job_control_comes_straight_back() {
    let mut pty = Pty::brief(&[], 24, 80);
    pty.wait_for_dashboard();
    let before = pty.raw_len();
    pty.send([CTRL_Z]);
    pty.wait_for("the alternate screen left and entered again", |pty| {
        let since = pty.raw_since(before);
        find(&since, ALT_OFF).is_some_and(|off| find(&since[off..], ALT_ON).is_some())
    });
    pty.wait_for_dashboard();
    assert!(
        !is_stopped(pty.pid()),
        "brief is stopped with no shell to continue it"
    );
    pty.send("3");
    pty.wait_for_text("Quotes 1/");
    pty.send("q");
    assert_eq!(pty.wait_exit().exit_code(), 0);
    pty.assert_given_back();
}

#[test]
fn sigquit_restores_the_terminal_as_sigterm_does() {
    let mut pty = Pty::brief(&[], 24, 80);
    pty.wait_for_dashboard();
    let killed = std::process::Command::new("kill")
        .args(["-QUIT", &pty.pid().to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    let status = pty.wait_exit();
    assert!(
        status.signal().is_none() && status.exit_code() == 128 + 3,
        "expected exit status 131, got {status:?}"
    );
    pty.assert_given_back();
}

/// Memory brief may use in a terminal that claims 65535 × 65535: a frame of that size
/// would be hundreds of gigabytes.
const RSS_LIMIT_MB: u64 = 200;

/// Waits for `text` as `wait_for_text` does, failing as soon as brief's memory passes
/// the limit or brief dies.
fn wait_small(pty: &mut Pty, text: &str) {
    let pid = pty.pid();
    let start = Instant::now();
    while !pty.text().contains(text) {
        if let Some(status) = pty.child.try_wait().expect("try_wait") {
            panic!("brief exited with {status:?} waiting for {text:?}");
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
            pty.text()
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
    let mut pty = Pty::spawn(cmd, (u16::MAX, u16::MAX), emulated);
    wait_small(&mut pty, BUNDLED_TITLE);
    pty.send("2");
    wait_small(&mut pty, "Actors 1/7");
    // The size a resize reports.
    pty.master.resize(pty_size(24, 80)).expect("resize pty");
    pty.send("3");
    wait_small(&mut pty, "Quotes 1/");
    pty.master
        .resize(pty_size(u16::MAX, u16::MAX))
        .expect("resize pty");
    pty.send("4");
    wait_small(&mut pty, "Risks 1/");
    pty.send("q");
    assert_eq!(pty.wait_exit().exit_code(), 0);
}

/// The mouse stays as the user left it across the editor's turn at the terminal: off
/// with `--no-mouse`, on once `M` turned it on. Taking the terminal back captures the
/// mouse only if the app has it captured.
#[test]
fn the_editor_gives_the_terminal_back_with_the_mouse_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let briefing = dir.path().join("briefing.yaml");
    std::fs::copy(root().join("briefings/belarus-us-thaw.yaml"), &briefing).unwrap();
    let mut pty = Pty::brief(&["--no-mouse", briefing.to_str().unwrap()], 24, 80);
    let captured =
        |pty: &Pty| pty.screen(|s| s.mouse_protocol_mode()) != vt100::MouseProtocolMode::None;
    // The editor ($VISUAL is `true`) has run once brief has left the alternate screen
    // after `mark` and entered it again, and the whole frame is drawn anew.
    let edit = |pty: &mut Pty| {
        let mark = pty.raw_len();
        pty.send("e");
        pty.wait_for("the dashboard back after the editor", |pty| {
            let since = pty.raw_since(mark);
            let back =
                find(&since, ALT_OFF).is_some_and(|left| find(&since[left..], ALT_ON).is_some());
            back && pty.screen(|s| s.alternate_screen() && s.contents().contains(BUNDLED_TITLE))
        });
    };
    pty.wait_for_text(BUNDLED_TITLE);
    assert!(!captured(&pty), "--no-mouse captures no mouse");
    edit(&mut pty);
    assert!(
        !captured(&pty),
        "the mouse is captured after the editor despite --no-mouse"
    );
    pty.send("M");
    pty.wait_for("the mouse captured after M", |pty| captured(pty));
    edit(&mut pty);
    assert!(
        captured(&pty),
        "the mouse M turned on is off after the editor"
    );
    pty.send("q");
    pty.wait_exit();
    pty.assert_given_back();
}
