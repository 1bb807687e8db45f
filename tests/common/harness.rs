//! Drives the app the way the runtime does (terminal events through the key table into
//! `update`) and draws it into an in-memory terminal. Used by the snapshot tests, the
//! property tests and the benchmarks; not part of the program's behaviour.

use brief::app::{Action, App, Effect, Origin};
use brief::briefing::{self, Budget, LoadError, Loaded};
use brief::keymap::Keys;
use brief::ui::layout::SCREEN;
use brief::ui::theme::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::path::Path;

type HistoryReader = brief::runtime::history::Reader<Box<dyn Fn(Action)>>;

pub struct Harness {
    pub app: App,
    /// The runtime's history reader, driven in step with the app once `read_history`
    /// is called, and what it hands back.
    history: Option<(HistoryReader, std::sync::mpsc::Receiver<Action>)>,
    terminal: Terminal<TestBackend>,
    cache: brief::ui::Cache,
    /// The key table in force, as the runtime is handed it: the table's own unless a
    /// test rebinds keys as a config would.
    keys: Keys,
    /// The theme drawn in, as the runtime is handed it: the default unless a test
    /// chooses another.
    theme: &'static Theme,
    /// An event came since the last frame: the runtime draws after every event, so the
    /// next one sees what that frame found out (see `App::drawn`).
    stale: bool,
}

impl Harness {
    pub fn new(origin: Origin, load: Result<Loaded, LoadError>, width: u16, height: u16) -> Self {
        Self::with_app(App::new(origin, load, &SCREEN), width, height)
    }

    /// `app` in a test terminal of the given size, told that size as the runtime tells it.
    fn with_app(mut app: App, width: u16, height: u16) -> Self {
        app.update(Action::Resize(width, height));
        let terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        Self {
            app,
            history: None,
            terminal,
            cache: Default::default(),
            keys: Keys::default(),
            theme: &theme::DEFAULT,
            stale: true,
        }
    }

    /// The same, drawn in `theme`.
    pub fn with_theme(mut self, theme: &'static Theme) -> Self {
        self.theme = theme;
        self.stale = true;
        self
    }

    /// The same, with the keys a config would put in force.
    pub fn with_keys(mut self, keys: Keys) -> Self {
        self.keys = keys;
        self.stale = true;
        self
    }

    /// The bundled Belarus briefing.
    pub fn bundled(width: u16, height: u16) -> Self {
        Self::new(
            Origin::Bundled,
            briefing::parse(briefing::BUNDLED_TEXT),
            width,
            height,
        )
    }

    pub fn open(path: &Path, width: u16, height: u16) -> Self {
        let load = briefing::load_file(path, Budget::default());
        Self::new(Origin::File(path.to_path_buf()), load, width, height)
    }

    /// The picker over a directory of briefings, as `brief DIR` starts.
    pub fn picker(dir: &Path, width: u16, height: u16) -> Self {
        let entries =
            briefing::catalog::scan(dir, Budget::default()).expect("a readable directory");
        Self::with_app(
            App::with_picker(dir.to_path_buf(), entries, &SCREEN),
            width,
            height,
        )
    }

    /// Sends one terminal event through the key table, as the runtime does, after the
    /// frame the runtime would have drawn since the last one.
    pub fn event(&mut self, event: Event) -> Effect {
        if self.stale {
            self.frame();
        }
        self.stale = true;
        if let Event::Resize(width, height) = event {
            self.terminal.backend_mut().resize(width, height);
        }
        let effect = match self.keys.action_for_event(self.app.mode(), event) {
            Some(action) => self.app.update(action),
            None => Effect::None,
        };
        // What the runtime would read for the app, the harness reads too.
        if let Effect::ReadSource(path) = &effect
            && let Ok(text) = std::fs::read_to_string(path)
        {
            self.app.update(Action::Source(text));
        }
        self.carry_out_history(effect.clone());
        effect
    }

    /// Reads the open briefing's history in git as the runtime's thread does, then
    /// answers the app's requests for versions as they come.
    pub fn read_history(&mut self) {
        let Origin::File(path) = &self.app.origin else {
            panic!("history is read for a briefing on disk");
        };
        let path = path.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let send: Box<dyn Fn(Action)> = Box::new(move |action| {
            let _ = tx.send(action);
        });
        let mut reader = brief::runtime::history::Reader::new(send);
        reader.handle(brief::runtime::history::Request::Refresh(path));
        self.history = Some((reader, rx));
        self.deliver_history();
        self.stale = true;
    }

    fn carry_out_history(&mut self, effect: Effect) {
        use brief::runtime::history::Request;
        let Some((reader, _)) = &mut self.history else {
            return;
        };
        match effect {
            Effect::ReadVersion { blob, previous } => {
                reader.handle(Request::Diff { blob, previous })
            }
            Effect::CompareVersion {
                blob,
                short,
                seconds,
            } => reader.handle(Request::Compare {
                blob,
                short,
                seconds,
            }),
            _ => return,
        }
        self.deliver_history();
    }

    /// Hands the app what the reader sent, and carries out what the app asks next.
    fn deliver_history(&mut self) {
        loop {
            let Some(action) = self.history.as_ref().and_then(|(_, rx)| rx.try_recv().ok()) else {
                return;
            };
            let effect = self.app.update(action);
            self.carry_out_history(effect);
        }
    }

    /// A left click at a column and row, through the same path as keys.
    pub fn click(&mut self, column: u16, row: u16) -> Effect {
        self.event(Event::Mouse(mouse(
            MouseEventKind::Down(MouseButton::Left),
            column,
            row,
        )))
    }

    /// The wheel turned once at a column and row.
    pub fn wheel(&mut self, column: u16, row: u16, down: bool) -> Effect {
        let kind = if down {
            MouseEventKind::ScrollDown
        } else {
            MouseEventKind::ScrollUp
        };
        self.event(Event::Mouse(mouse(kind, column, row)))
    }

    pub fn key(&mut self, code: KeyCode) -> Effect {
        self.event(Event::Key(KeyEvent::from(code)))
    }

    pub fn ctrl(&mut self, c: char) -> Effect {
        self.event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )))
    }

    /// Presses each character of `keys` in turn (`"2jj"`: Actors, down twice).
    pub fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.event(Event::Resize(width, height));
    }

    /// Hands the app a freshly loaded (or failed) briefing, as the watcher would.
    pub fn reloaded(&mut self, load: Result<Loaded, LoadError>) -> Effect {
        self.app.update(Action::Loaded(Box::new(load)))
    }

    /// Draws a frame and returns it as ratatui built it. (The test backend's own buffer
    /// can keep stale glyphs in the hidden second cell of a wide character.)
    pub fn draw(&mut self) -> Buffer {
        self.frame().buffer.clone()
    }

    /// Draws a frame as the runtime does, without copying it out as `draw` does: what
    /// benchmarks time.
    pub fn render(&mut self) {
        self.frame();
    }

    fn frame(&mut self) -> ratatui::CompletedFrame<'_> {
        let (app, cache, keys, theme) = (&mut self.app, &mut self.cache, &self.keys, self.theme);
        self.stale = false;
        let mut drawn = None;
        let frame = self
            .terminal
            .draw(|frame| drawn = Some(brief::ui::draw(frame, app, cache, keys, theme)))
            .expect("drawing to a test terminal");
        if let Some(drawn) = drawn {
            app.drawn(drawn);
        }
        frame
    }

    /// The screen as text, one line per row, trailing spaces kept.
    pub fn screen(&mut self) -> String {
        let buffer = self.draw();
        (0..buffer.area.height)
            .map(|y| row_text(&buffer, y) + "\n")
            .collect()
    }
}

/// Row `y` of a frame as text; the hidden second cell of a wide character is skipped.
pub fn row_text(buffer: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        out.push_str(symbol);
    }
    out
}

/// Where `text` is on screen: the column and row of its first cell.
pub fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    (0..buffer.area.height).find_map(|y| {
        let row = row_text(buffer, y);
        row.find(text).map(|byte| {
            let before = &row[..byte];
            (unicode_width::UnicodeWidthStr::width(before) as u16, y)
        })
    })
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}
