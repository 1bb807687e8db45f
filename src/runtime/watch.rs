//! Following files on disk, and loading them off the UI thread.
//!
//! The directory is watched, not the file: editors that save by rename (vim, `sed -i`)
//! replace the file, and a watch on the old one would go quiet. Events are debounced
//! here rather than with notify's debouncer crates, whose threads wake every few
//! milliseconds even when nothing happens.

use crate::briefing::{Budget, LoadError, Loaded, catalog, load_file};
use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// How long the files must be quiet before they are read: an editor's write-rename-chmod
/// sequence comes within a millisecond or two.
pub const QUIET: Duration = Duration::from_millis(5);

/// How long the files must stay quiet before a failed load is shown: a save caught half
/// way (a file truncated, or renamed away and not yet recreated) fails to load, and its
/// next event comes within this.
pub const SETTLE: Duration = Duration::from_millis(50);

#[derive(Debug)]
pub enum Request {
    /// A file in the watched directory may have changed.
    Changed(PathBuf),
    /// A file was written to: it is read once it is closed (or quiet for `SETTLE`).
    Written(PathBuf),
    /// A file written to was closed.
    Closed(PathBuf),
    /// The user asked for a reload (or came back from the editor).
    Reload,
    /// Load and follow another briefing (chosen in the picker).
    Open(PathBuf),
}

pub struct Reloaded {
    pub result: Result<Loaded, LoadError>,
    /// The file was missing (deleted mid-save); the caller keeps what it shows.
    pub missing: bool,
}

pub enum Delivery {
    Loaded(Box<Reloaded>),
    /// The picker's directory, scanned afresh.
    Scanned(Vec<catalog::Entry>),
}

/// Starts watching `dir`; every change to a file in it becomes a `Request::Changed`.
/// The returned watcher must be kept alive.
pub fn watch(dir: &Path, requests: Sender<Request>) -> notify::Result<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let request: fn(PathBuf) -> Request = match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => Request::Closed,
            EventKind::Access(_) => return,
            EventKind::Modify(ModifyKind::Data(_)) => Request::Written,
            _ => Request::Changed,
        };
        for path in event.paths {
            let _ = requests.send(request(path));
        }
    })?;
    watcher.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// The directory to watch for a file: its parent, or `.` for a bare file name.
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What one batch of requests asks for, once the files have settled.
#[derive(Default)]
struct Batch {
    changed: HashSet<PathBuf>,
    /// Files written to and not yet closed: a save in progress.
    writing: HashSet<PathBuf>,
    reload: bool,
    open: Option<PathBuf>,
}

impl Batch {
    fn add(&mut self, request: Request) {
        match request {
            Request::Changed(path) => {
                self.changed.insert(path);
            }
            Request::Written(path) => {
                self.writing.insert(path.clone());
                self.changed.insert(path);
            }
            Request::Closed(path) => {
                self.writing.remove(&path);
                self.changed.insert(path);
            }
            Request::Reload => self.reload = true,
            Request::Open(path) => self.open = Some(path),
        }
    }

    /// Adds requests until none has come for `quiet` (with no wait, those already sent);
    /// false when the channel closed.
    fn gather(&mut self, requests: &Receiver<Request>, quiet: Duration) -> bool {
        while !quiet.is_zero() {
            // A file being written is read when it is closed, or when its writer has gone
            // quiet for longer than a save takes.
            let wait = if self.writing.is_empty() {
                quiet
            } else {
                SETTLE
            };
            match requests.recv_timeout(wait) {
                Ok(request) => self.add(request),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
        while let Ok(request) = requests.try_recv() {
            self.add(request);
        }
        true
    }

    /// Waits `settle` for a request; if one comes, gathers until they stop.
    fn gather_for(&mut self, requests: &Receiver<Request>, settle: Duration) -> bool {
        match requests.recv_timeout(settle) {
            Ok(request) => {
                self.add(request);
                self.gather(requests, QUIET)
            }
            Err(RecvTimeoutError::Timeout) => true,
            Err(RecvTimeoutError::Disconnected) => false,
        }
    }

    fn touches(&self, file: &Path) -> bool {
        self.changed
            .iter()
            .any(|p| p == file || (p.file_name() == file.file_name() && same_dir(p, file)))
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    let dir = |p: &Path| parent_dir(p).canonicalize().ok();
    dir(a) == dir(b)
}

/// Runs until `requests` closes: gathers requests until the files have settled, then
/// loads the followed briefing and rescans the picker's directory as needed.
pub fn reload_loop(
    mut current: Option<PathBuf>,
    picker_dir: Option<PathBuf>,
    budget: Budget,
    mut listed: Vec<catalog::Entry>,
    requests: Receiver<Request>,
    deliver: impl Fn(Delivery),
) {
    let mut carried: Option<Batch> = None;
    loop {
        let mut batch = match carried.take() {
            Some(batch) => batch,
            None => {
                let Ok(first) = requests.recv() else { return };
                let mut batch = Batch::default();
                let changed = matches!(
                    first,
                    Request::Changed(_) | Request::Written(_) | Request::Closed(_)
                );
                batch.add(first);
                let quiet = if changed { QUIET } else { Duration::ZERO };
                if !batch.gather(&requests, quiet) {
                    return;
                }
                batch
            }
        };
        if let Some(path) = batch.open.take() {
            current = Some(path);
            batch.reload = true;
        }
        if let Some(file) = current
            .as_ref()
            .filter(|f| batch.reload || batch.touches(f))
        {
            let mut result = load_file(file, budget);
            if result.is_err() && !batch.reload {
                let mut later = Batch::default();
                if !later.gather_for(&requests, SETTLE) {
                    return;
                }
                if later.open.is_some() || later.reload {
                    // Asked for something else meanwhile: that, rather than this error.
                    later.changed.extend(batch.changed);
                    carried = Some(later);
                    continue;
                }
                if later.touches(file) {
                    result = load_file(file, budget);
                }
                batch.changed.extend(later.changed);
            }
            // A file deleted on the way to being recreated: the create event follows.
            let missing = !batch.reload && !file.exists();
            deliver(Delivery::Loaded(Box::new(Reloaded { result, missing })));
        }
        if let Some(dir) = &picker_dir {
            let touched = batch.changed.iter().any(|p| catalog::is_briefing_file(p));
            let rescanned = if batch.reload {
                catalog::scan(dir, budget).ok()
            } else if touched {
                catalog::rescan(dir, budget, &listed, &batch.changed).ok()
            } else {
                None
            };
            if let Some(entries) = rescanned {
                listed.clone_from(&entries);
                deliver(Delivery::Scanned(entries));
            }
        }
    }
}

/// A loader thread fed by a channel, so parsing never blocks keys. `listed` is what the
/// picker shows now, so that a save re-reads only the briefing saved.
pub fn spawn_reloader(
    current: Option<PathBuf>,
    picker_dir: Option<PathBuf>,
    budget: Budget,
    listed: Vec<catalog::Entry>,
    deliver: impl Fn(Delivery) + Send + 'static,
) -> std::io::Result<Sender<Request>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("brief-reload".into())
        .spawn(move || reload_loop(current, picker_dir, budget, listed, rx, deliver))?;
    Ok(tx)
}
