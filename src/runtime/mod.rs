//! The event loop: terminal input, file changes and signals arrive on one channel and
//! become actions for the app. It blocks until something happens; there is no tick.

mod editor;
pub mod history;
mod job;
pub mod terminal;
pub mod watch;

use crate::app::{Action, App, Effect, Origin};
use crate::briefing::Budget;
use crate::keymap;
use crate::ui;
use ratatui::crossterm::event::{self, Event as TermEvent};
use std::io;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};

pub use editor::{editor_args, editor_command, template_args};

/// What the configuration puts in force for a session of the dashboard, handed to input,
/// drawing and the editor. (Whether the mouse is captured is the app's state, since `M`
/// changes it.)
#[derive(Clone)]
pub struct Settings {
    /// The theme chosen, or the one without colours under `NO_COLOR`.
    pub theme: &'static ui::theme::Theme,
    pub keys: keymap::Keys,
    /// The config's `editor` template, with `{file}`, `{line}` and `{column}`; without
    /// one, `$VISUAL`, `$EDITOR` or vi.
    pub editor: Option<String>,
}

enum Event {
    /// Something from the terminal. The input thread waits for the loop to acknowledge it
    /// before reading on, so that it never reads keys meant for the editor.
    Input(TermEvent),
    InputClosed,
    Delivered(Box<watch::Delivery>),
    Signal(i32),
    /// From the thread reading the git history.
    App(Box<Action>),
}

/// Runs the dashboard until the user quits; returns the exit status.
pub fn run(mut app: App, budget: Budget, settings: &Settings) -> io::Result<i32> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    // Registered before the terminal changes: a signal from here on is held for the loop.
    let signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])?;
    let mut terminal = terminal::enter(app.mouse)?;
    let status = run_entered(&mut app, (&mut terminal, settings), signals, budget);
    terminal::restore();
    // `restore` has put the terminal back. Dropping ratatui's `Terminal` would try to show
    // the cursor again and, if the terminal has gone, print to a closed stderr, which
    // panics; at exit there is nothing left for the drop to do.
    std::mem::forget(terminal);
    status
}

fn run_entered(
    app: &mut App,
    (terminal, settings): (&mut terminal::Screen, &Settings),
    signals: signal_hook::iterator::Signals,
    budget: Budget,
) -> io::Result<i32> {
    // Reading input once sets up crossterm's resize signal handler: a resize from here
    // on arrives as an event, even before the input thread reads.
    event::poll(std::time::Duration::ZERO)?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let cache = &mut ui::Cache::default();
    // The first frame comes before the threads and the watcher: they can wait a moment,
    // the person at the terminal should not (thread start-up costs most on idle cores).
    draw(terminal, app, cache, settings)?;
    let (events_tx, events) = mpsc::channel();
    let (ack_tx, ack_rx) = mpsc::channel::<()>();
    spawn_input(events_tx.clone(), ack_rx)?;
    spawn_signals(signals, events_tx.clone())?;
    let reload = match app.origin.clone() {
        Origin::File(path) => start_watching(Some(path), None, budget, &events_tx, app)?,
        Origin::Directory(dir) => start_watching(None, Some(dir), budget, &events_tx, app)?,
        Origin::Bundled => None,
    };
    let history = start_history(app, &events_tx, budget)?;
    if app.status.is_some() {
        draw(terminal, app, cache, settings)?;
    }
    let workers = Workers { reload, history };
    event_loop(app, (terminal, cache, settings), &events, &ack_tx, &workers)
}

/// The threads the loop hands work to.
struct Workers {
    /// Loads the briefing (and rescans the picker's directory).
    reload: Option<Sender<watch::Request>>,
    /// Reads the briefing's history in git.
    history: Option<Sender<history::Request>>,
}

impl Workers {
    fn history(&self, request: history::Request) {
        if let Some(history) = &self.history {
            let _ = history.send(request);
        }
    }

    /// Reads the history of the open briefing again (after a save, or on opening one).
    fn refresh_history(&self, app: &App) {
        if let Some(file) = history::file_of(&app.origin) {
            self.history(history::Request::Refresh(file.to_path_buf()));
        }
    }
}

/// The history thread, for a briefing on disk (the bundled briefing has none).
fn start_history(
    app: &App,
    events: &Sender<Event>,
    budget: Budget,
) -> io::Result<Option<Sender<history::Request>>> {
    if app.origin == Origin::Bundled {
        return Ok(None);
    }
    let events = events.clone();
    let sender = history::spawn(
        move |action| {
            let _ = events.send(Event::App(Box::new(action)));
        },
        budget,
    )?;
    if let Some(file) = history::file_of(&app.origin) {
        let _ = sender.send(history::Request::Refresh(file.to_path_buf()));
    }
    Ok(Some(sender))
}

fn event_loop(
    app: &mut App,
    (terminal, cache, settings): (&mut terminal::Screen, &mut ui::Cache, &Settings),
    events: &Receiver<Event>,
    ack: &Sender<()>,
    workers: &Workers,
) -> io::Result<i32> {
    loop {
        let Ok(event) = events.recv() else {
            return Ok(0);
        };
        let mut redraw = true;
        let action = match event {
            Event::Input(input) => {
                let action = settings.keys.action_for_event(app.mode(), input);
                redraw = action.is_some();
                let effect = action.map_or(Effect::None, |a| app.update(a));
                let outcome = carry_out(effect, app, (terminal, settings), workers)?;
                let _ = ack.send(());
                if let Some(code) = outcome {
                    return Ok(code);
                }
                None
            }
            Event::InputClosed => return Ok(0),
            Event::Signal(signal_hook::consts::SIGTSTP) => {
                suspend(app, terminal)?;
                None
            }
            Event::Signal(signal) => return Ok(128 + signal),
            Event::App(action) => {
                // Progress and versions change only the History pane: other panes need
                // no frame for them.
                redraw = app.pane == crate::app::Pane::History
                    || !matches!(*action, Action::HistoryRead(_) | Action::VersionRead { .. });
                Some(*action)
            }
            Event::Delivered(delivery) => match *delivery {
                watch::Delivery::Loaded(reloaded)
                    if reloaded.missing && reloaded.result.is_err() =>
                {
                    Some(Action::Status(gone_message(&app.origin)))
                }
                watch::Delivery::Loaded(reloaded) => {
                    // A save makes a new working copy: its row in the history changes.
                    workers.refresh_history(app);
                    Some(Action::Loaded(Box::new(reloaded.result)))
                }
                watch::Delivery::Scanned(entries) => Some(Action::Scanned(entries)),
            },
        };
        if let Some(action) = action {
            let effect = app.update(action);
            if let Some(code) = carry_out(effect, app, (terminal, settings), workers)? {
                return Ok(code);
            }
        }
        if redraw {
            draw(terminal, app, cache, settings)?;
        }
        drop(app.take_replaced());
    }
}

/// What the status line says while the followed briefing is not on disk; the watcher
/// reads it again when it is back.
fn gone_message(origin: &Origin) -> String {
    let name = match origin {
        Origin::File(path) => path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        _ => "The briefing".to_owned(),
    };
    let name = crate::briefing::sanitize::clean_line(&name);
    format!("{name} was moved or deleted; showing the last version read")
}

/// Draws a frame and hands the app what drawing found out.
fn draw(
    terminal: &mut terminal::Screen,
    app: &mut App,
    cache: &mut ui::Cache,
    Settings { keys, theme, .. }: &Settings,
) -> io::Result<()> {
    let mut drawn = None;
    terminal.draw(|frame| drawn = Some(ui::draw(frame, app, cache, keys, theme)))?;
    if let Some(drawn) = drawn {
        app.drawn(drawn);
    }
    Ok(())
}

/// Does what `update` asked for; `Some(status)` means quit with that status.
fn carry_out(
    effect: Effect,
    app: &mut App,
    (terminal, settings): (&mut terminal::Screen, &Settings),
    workers: &Workers,
) -> io::Result<Option<i32>> {
    let reload = workers.reload.as_ref();
    match effect {
        Effect::None => {}
        Effect::Quit => return Ok(Some(0)),
        Effect::Reload => match reload {
            Some(reload) => {
                let _ = reload.send(watch::Request::Reload);
                app.update(Action::Status("Reloading…".into()));
            }
            None => {
                app.update(Action::Status(
                    "The bundled briefing is built in; there is no file to reload".into(),
                ));
            }
        },
        Effect::Mouse(on) => terminal::set_mouse(on)?,
        Effect::Suspend => {
            if let Err(e) = job::request_stop() {
                app.update(Action::Status(format!("Could not suspend: {e}")));
            }
        }
        Effect::ReadVersion { blob, previous } => {
            workers.history(history::Request::Diff { blob, previous });
        }
        Effect::CompareVersion {
            blob,
            short,
            seconds,
        } => workers.history(history::Request::Compare {
            blob,
            short,
            seconds,
        }),
        Effect::ReadSource(path) => {
            // The text as it is now: the watcher reloads the briefing if it changed. Read
            // as briefings are, so that a file swapped for a FIFO cannot stop the loop.
            if let Ok(text) = crate::briefing::read_source(&path, Budget::UNLIMITED) {
                app.update(Action::Source(text));
            }
        }
        Effect::Open(path) => {
            workers.history(history::Request::Refresh(path.clone()));
            if let Some(reload) = reload {
                let _ = reload.send(watch::Request::Open(path));
            }
        }
        Effect::Edit { path, line } => {
            // The watcher sees most saves, but not an editor that leaves the file's
            // timestamp alone; reading it once more costs little.
            match edit(
                terminal,
                (&path, line),
                settings.editor.as_deref(),
                app.mouse,
            ) {
                Ok(()) => {
                    if let Some(reload) = reload {
                        let _ = reload.send(watch::Request::Reload);
                    }
                }
                Err(message) => {
                    app.update(Action::Status(message));
                }
            }
        }
    }
    Ok(None)
}

/// Gives the terminal back as it was before brief started, stops until continued (`fg`),
/// then takes the terminal again for a whole new frame.
fn suspend(app: &mut App, terminal: &mut terminal::Screen) -> io::Result<()> {
    terminal::restore();
    job::stop();
    terminal::resume(terminal, app.mouse)?;
    // A resize while brief was stopped reached only the shell's job in the foreground.
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    Ok(())
}

/// Runs the editor on the terminal we hand over, and takes the terminal back whatever
/// the editor does.
fn edit(
    terminal: &mut terminal::Screen,
    (path, line): (&Path, u32),
    template: Option<&str>,
    mouse: bool,
) -> Result<(), String> {
    let (command, args) = match template {
        Some(template) => (
            vec![template.to_owned()],
            editor::template_args(template, path, line, 1),
        ),
        None => {
            let visual = std::env::var("VISUAL").ok();
            let editor = std::env::var("EDITOR").ok();
            let command = editor_command(visual.as_deref(), editor.as_deref());
            let args = editor_args(&command, path, line);
            (command, args)
        }
    };
    terminal::suspend();
    let status = std::process::Command::new(&args[0])
        .args(&args[1..])
        .status();
    let resumed = terminal::resume(terminal, mouse);
    if let Err(e) = resumed {
        return Err(format!("Could not take the terminal back: {e}"));
    }
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!(
            "The editor `{}` exited with {status}",
            command.join(" ")
        )),
        Err(e) => Err(format!(
            "Could not start the editor `{}`: {e} (set $VISUAL or $EDITOR)",
            command.join(" ")
        )),
    }
}

fn spawn_input(events: Sender<Event>, ack: Receiver<()>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("brief-input".into())
        .spawn(move || {
            loop {
                match event::read() {
                    Ok(input) => {
                        let input = terminal::capped_event(input);
                        if events.send(Event::Input(input)).is_err() || ack.recv().is_err() {
                            return;
                        }
                    }
                    Err(_) => {
                        let _ = events.send(Event::InputClosed);
                        return;
                    }
                }
            }
        })?;
    Ok(())
}

fn spawn_signals(
    mut signals: signal_hook::iterator::Signals,
    events: Sender<Event>,
) -> io::Result<()> {
    std::thread::Builder::new()
        .name("brief-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                // With the terminal lent to the editor, the loop waits for the editor and
                // there is nothing of brief's to put back: brief stops now, as it would
                // by default, so that the shell sees the editor's job stopped.
                if signal == signal_hook::consts::SIGTSTP && !terminal::held() {
                    job::stop();
                    continue;
                }
                if events.send(Event::Signal(signal)).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// The opened briefing `current` reloads when it changes, and the picker's directory is
/// rescanned when any briefing in it does.
fn start_watching(
    current: Option<std::path::PathBuf>,
    picker_dir: Option<std::path::PathBuf>,
    budget: Budget,
    events: &Sender<Event>,
    app: &mut App,
) -> io::Result<Option<Sender<watch::Request>>> {
    let deliver = events.clone();
    let listed = app
        .picker
        .as_ref()
        .map(|picker| picker.entries.clone())
        .unwrap_or_default();
    let (reload, unwatched) =
        watch::spawn_follower(current, picker_dir, budget, listed, move |delivery| {
            let _ = deliver.send(Event::Delivered(Box::new(delivery)));
        })?;
    if let Some(e) = unwatched {
        app.update(Action::Status(format!(
            "Not following changes on disk: {e}; r reloads by hand"
        )));
    }
    Ok(Some(reload))
}
