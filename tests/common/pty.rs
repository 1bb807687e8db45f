//! The real `brief` binary (or a shell that starts it) in a pseudo-terminal, its screen
//! read back through a terminal emulator (vt100). Every wait polls for what it waits for,
//! up to a ceiling a passing test never reaches.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_brief");
/// How long to wait for the app to draw something or to exit: long enough for a debug
/// build on a busy machine; a passing test never waits it out.
pub const WAIT: Duration = Duration::from_secs(30);
pub const ALT_ON: &[u8] = b"\x1b[?1049h";
pub const ALT_OFF: &[u8] = b"\x1b[?1049l";
pub const CURSOR_HIDE: &[u8] = b"\x1b[?25l";
pub const CURSOR_SHOW: &[u8] = b"\x1b[?25h";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What the program asked the terminal to do besides drawing.
#[derive(Default, Debug)]
pub struct Recorder {
    pub titles: Vec<Vec<u8>>,
    pub icon_names: Vec<Vec<u8>>,
    pub clipboard: Vec<Vec<u8>>,
    pub other_osc: Vec<Vec<Vec<u8>>>,
    pub bells: usize,
}

impl vt100::Callbacks for Recorder {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.icon_names.push(name.to_vec());
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, ty: &[u8]) {
        self.clipboard.push(ty.to_vec());
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.other_osc
            .push(params.iter().map(|p| p.to_vec()).collect());
    }
}

pub type Screen = vt100::Parser<Recorder>;

/// `brief` running in a pseudo-terminal.
pub struct Tui {
    pub parser: Arc<Mutex<Screen>>,
    raw: Arc<Mutex<Vec<u8>>>,
    eof: Arc<AtomicBool>,
    master: Box<dyn MasterPty + Send>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    exited: Option<portable_pty::ExitStatus>,
}

impl Tui {
    pub fn spawn(args: &[&str], rows: u16, cols: u16) -> Self {
        Self::spawn_in(&root(), args, rows, cols)
    }

    pub fn spawn_in(cwd: &Path, args: &[&str], rows: u16, cols: u16) -> Self {
        Self::spawn_with_editor(cwd, args, "true", rows, cols)
    }

    /// `editor` becomes $VISUAL and $EDITOR; tests that do not edit get `true`, so that a
    /// stray `e` never starts a real editor.
    pub fn spawn_with_editor(
        cwd: &Path,
        args: &[&str],
        editor: &str,
        rows: u16,
        cols: u16,
    ) -> Self {
        Self::spawn_with_env(
            cwd,
            args,
            &[("VISUAL", editor), ("EDITOR", editor)],
            rows,
            cols,
        )
    }

    /// With these environment variables besides TERM (and no user config: the config
    /// directory is one that does not exist).
    pub fn spawn_with_env(
        cwd: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        rows: u16,
        cols: u16,
    ) -> Self {
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.cwd(cwd);
        for (name, value) in env {
            cmd.env(name, value);
        }
        Self::spawn_command(cmd, (rows, cols), (rows, cols))
    }

    /// Any command (brief, or a shell that starts it) in a terminal of `size` (rows,
    /// columns), read by an emulator of `emulated`, which may be smaller so that an
    /// absurd size costs the test nothing. The command runs in the repository unless it
    /// says otherwise, with TERM set, no user config, and `true` as the editor unless
    /// it names one.
    pub fn spawn_command(mut cmd: CommandBuilder, size: (u16, u16), emulated: (u16, u16)) -> Self {
        let (rows, cols) = emulated;
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: size.0,
                cols: size.1,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        if cmd.get_cwd().is_none() {
            cmd.cwd(root());
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env(
            "XDG_CONFIG_HOME",
            root().join("tests/fixtures/no-such-config-dir"),
        );
        for editor in ["VISUAL", "EDITOR"] {
            if cmd.get_env(editor).is_none() {
                cmd.env(editor, "true");
            }
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn brief");
        // Only the child holds the slave now, so reads end when it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            rows,
            cols,
            0,
            Recorder::default(),
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let eof = Arc::new(AtomicBool::new(false));
        let thread = {
            let (parser, raw, eof, writer) =
                (parser.clone(), raw.clone(), eof.clone(), writer.clone());
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            let bytes = &buf[..n];
                            let mut parser = lock(&parser);
                            parser.process(bytes);
                            // Answer a cursor position query, as a real terminal would.
                            if contains(bytes, b"\x1b[6n") {
                                let (row, col) = parser.screen().cursor_position();
                                let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                                let _ = lock(&writer).write_all(reply.as_bytes());
                            }
                            drop(parser);
                            lock(&raw).extend_from_slice(bytes);
                        }
                    }
                }
                eof.store(true, Ordering::SeqCst);
            })
        };
        Self {
            parser,
            raw,
            eof,
            master: pair.master,
            writer,
            child,
            reader: Some(thread),
            exited: None,
        }
    }

    /// What the emulator shows, read by `f`.
    pub fn screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.parser).screen())
    }

    /// How many bytes the program has written so far.
    pub fn raw_len(&self) -> usize {
        lock(&self.raw).len()
    }

    /// The output since byte `from`.
    pub fn raw_since(&self, from: usize) -> Vec<u8> {
        lock(&self.raw)[from..].to_vec()
    }

    /// Waits until `done` holds; panics with the screen if it does not within `WAIT`.
    pub fn wait(&self, what: &str, mut done: impl FnMut(&Self) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {what}; the screen:\n{}",
                self.screen_text()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn screen_text(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen if it does not.
    pub fn wait_for(&self, text: &str, timeout: Duration) {
        if let Err(screen) = self.try_wait_for(text, timeout) {
            panic!("timed out after {timeout:?} waiting for {text:?}; the screen:\n{screen}");
        }
    }

    pub fn try_wait_for(&self, text: &str, timeout: Duration) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let screen = self.screen_text();
            if screen.contains(text) {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(screen);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the screen satisfies `condition`: a frame may be read in parts, so a
    /// test that inspects cells waits for the cell it is about rather than for a moment.
    pub fn wait_until(&self, what: &str, condition: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            {
                let parser = lock(&self.parser);
                if condition(parser.screen()) {
                    return;
                }
            }
            if start.elapsed() > WAIT {
                panic!("{what} never showed; the screen:\n{}", self.screen_text());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn send(&self, bytes: impl AsRef<[u8]>) {
        let mut writer = lock(&self.writer);
        writer.write_all(bytes.as_ref()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Sends one key and gives the app a moment to read it on its own, so that keys
    /// sent in a row are not taken for a paste or an escape sequence.
    pub fn key(&self, bytes: impl AsRef<[u8]>) {
        self.send(bytes);
        std::thread::sleep(Duration::from_millis(30));
    }

    pub fn resize(&self, rows: u16, cols: u16) {
        lock(&self.parser).screen_mut().set_size(rows, cols);
        self.resize_terminal_only(rows, cols);
    }

    /// Tells the program its terminal is `rows` × `cols` while the emulator keeps its
    /// size: an absurd size then costs the test nothing.
    pub fn resize_terminal_only(&self, rows: u16, cols: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    pub fn is_alive(&mut self) -> bool {
        self.exited.is_none() && self.child.try_wait().expect("try_wait").is_none()
    }

    /// Waits for the program to exit and for its last output to be read.
    pub fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
        if let Some(status) = &self.exited {
            return status.clone();
        }
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                panic!(
                    "brief did not exit within {timeout:?}; the screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let drained = Instant::now();
        while !self.eof.load(Ordering::SeqCst) && drained.elapsed() < WAIT {
            std::thread::sleep(Duration::from_millis(5));
        }
        if self.eof.load(Ordering::SeqCst)
            && let Some(reader) = self.reader.take()
        {
            let _ = reader.join();
        }
        self.exited = Some(status.clone());
        status
    }

    pub fn raw_output(&self) -> Vec<u8> {
        lock(&self.raw).clone()
    }

    pub fn recorder<T>(&self, f: impl FnOnce(&Recorder) -> T) -> T {
        f(lock(&self.parser).callbacks())
    }

    pub fn alternate_screen(&self) -> bool {
        lock(&self.parser).screen().alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        lock(&self.parser).screen().hide_cursor()
    }

    pub fn mouse_captured(&self) -> bool {
        lock(&self.parser).screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    /// Checks the terminal was put back: out of the alternate screen (after the last time
    /// in), the cursor shown, the mouse released.
    pub fn assert_restored(&self) {
        let raw = self.raw_output();
        let entered = rfind(&raw, ALT_ON).expect("the app entered the alternate screen");
        let left = rfind(&raw, ALT_OFF).expect("the app left the alternate screen");
        assert!(
            left > entered,
            "the last alternate-screen switch is an entry"
        );
        let shown = rfind(&raw, CURSOR_SHOW).expect("the app showed the cursor");
        if let Some(hidden) = rfind(&raw, CURSOR_HIDE) {
            assert!(shown > hidden, "the cursor is left hidden");
        }
        assert!(!self.alternate_screen(), "still on the alternate screen");
        assert!(!self.cursor_hidden(), "the cursor is still hidden");
        assert!(!self.mouse_captured(), "mouse capture is still on");
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if self.exited.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    count(haystack, needle) > 0
}

pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
