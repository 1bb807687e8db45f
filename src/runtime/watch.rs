//! Following files on disk, and loading them off the UI thread.
//!
//! The directory is watched, not the file: editors that save by rename (vim, `sed -i`)
//! replace the file, and a watch on the old one would go quiet. Events are debounced
//! here rather than with notify's debouncer crates, whose threads wake every few
//! milliseconds even when nothing happens.
//!
//! A briefing reached through a symbolic link is followed in the target's directory as
//! well as the link's. A directory removed (a branch switched, a clone made again) takes
//! its watch with it: its nearest existing ancestor is watched instead until it is back,
//! and then it is watched again and the briefing read.

use crate::briefing::{Budget, LoadError, Loaded, catalog, load_file};
use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher};
use std::collections::{HashMap, HashSet};
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
    let mut watcher = watcher(requests)?;
    watcher.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// A watcher, watching nothing yet, whose events become requests.
fn watcher(requests: Sender<Request>) -> notify::Result<notify::RecommendedWatcher> {
    notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
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
    })
}

/// The directories watched, each by its identity on disk (device and inode), so that a
/// directory removed and made again under the same name is known for a new one.
struct Arms {
    watcher: notify::RecommendedWatcher,
    watched: HashMap<(u64, u64), PathBuf>,
}

impl Arms {
    /// Watches the directories in `wanted` (each, or its nearest existing ancestor), and
    /// stops watching any other. `changed` are the paths of the last events: one that is
    /// a watched directory itself means it was removed or moved, and its watch is gone.
    /// True when a directory is newly watched, so that a change in it may have been missed.
    fn arm(&mut self, wanted: &[PathBuf], changed: &HashSet<PathBuf>) -> notify::Result<bool> {
        let wanted: HashMap<(u64, u64), PathBuf> = wanted
            .iter()
            .filter_map(|dir| nearest_existing(dir))
            // As notify names the paths of its events, so that the directory's own event
            // is known for it.
            .filter_map(|dir| std::path::absolute(dir).ok())
            .filter_map(|dir| Some((identity(&dir)?, dir)))
            .collect();
        let Self { watcher, watched } = self;
        watched.retain(|id, dir| {
            let keep = wanted.contains_key(id) && !changed.contains(dir);
            if !keep {
                // The watch may have gone with the directory already: nothing to undo then.
                let _ = watcher.unwatch(dir);
            }
            keep
        });
        let mut armed = false;
        let mut failed = None;
        for (id, dir) in wanted {
            if watched.contains_key(&id) {
                continue;
            }
            match watcher.watch(&dir, RecursiveMode::NonRecursive) {
                Ok(()) => {
                    watched.insert(id, dir);
                    armed = true;
                }
                Err(e) => failed = Some(e),
            }
        }
        failed.map_or(Ok(armed), Err)
    }
}

fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

/// `dir`, or the closest directory above it that exists.
fn nearest_existing(dir: &Path) -> Option<PathBuf> {
    let mut dir = dir;
    loop {
        if dir.is_dir() {
            return Some(dir.to_path_buf());
        }
        match dir.parent() {
            Some(parent) if parent.as_os_str().is_empty() => return Some(PathBuf::from(".")),
            Some(parent) => dir = parent,
            None => return None,
        }
    }
}

/// The directories to watch: the followed file's, its target's if it is reached
/// through a symbolic link, and the picker's.
fn wanted_dirs(
    current: Option<&Path>,
    target: Option<&Path>,
    picker: Option<&Path>,
) -> Vec<PathBuf> {
    current
        .map(parent_dir)
        .into_iter()
        .chain(target.map(parent_dir))
        .chain(picker.map(Path::to_path_buf))
        .collect()
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
    /// A directory is watched again after it was gone: what was saved there meanwhile
    /// came with no event.
    rearmed: bool,
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
/// loads the followed briefing and rescans the picker's directory as needed. With `arms`,
/// the directories watched follow the briefing and the picker's directory as they come
/// and go. While nothing is asked, the picker's briefings not read yet are read.
fn reload_loop(
    mut current: Option<PathBuf>,
    picker_dir: Option<PathBuf>,
    budget: Budget,
    mut listed: Vec<catalog::Entry>,
    requests: Receiver<Request>,
    deliver: impl Fn(Delivery),
    mut arms: Option<Arms>,
) {
    let mut carried: Option<Batch> = None;
    // Where a symbolic link to the briefing leads, as last seen: saves there are saves of
    // the briefing, and once the target is deleted it can no longer be resolved.
    let mut target = current.as_deref().and_then(link_target);
    loop {
        let mut batch = match carried.take() {
            Some(batch) => batch,
            None => {
                let Some(first) = next_request(&requests, &mut listed, budget, &deliver) else {
                    return;
                };
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
            target = None;
            current = Some(path);
            batch.reload = true;
        }
        if let Some(resolved) = current.as_deref().and_then(link_target) {
            target = Some(resolved);
        }
        let follows = |batch: &Batch, file: &Path| {
            batch.touches(file) || target.as_deref().is_some_and(|t| batch.touches(t))
        };
        if let Some(file) = current
            .as_ref()
            .filter(|f| batch.reload || follows(&batch, f) || (batch.rearmed && f.exists()))
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
                if follows(&later, file) {
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
            let rescanned = if batch.reload || batch.rearmed {
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
        // After the reading, so that the events seen while reading count too: a directory
        // removed and made again meanwhile gave no event of its own.
        if let Some(arms) = &mut arms {
            let wanted = wanted_dirs(current.as_deref(), target.as_deref(), picker_dir.as_deref());
            // A directory that cannot be watched is tried again at the next event.
            if arms.arm(&wanted, &batch.changed).unwrap_or(false) {
                carried = Some(Batch {
                    rearmed: true,
                    ..Batch::default()
                });
            }
        }
    }
}

/// Where `file` leads when it is a symbolic link (or lies in a linked directory): the
/// resolved path, if that is elsewhere.
fn link_target(file: &Path) -> Option<PathBuf> {
    let resolved = file.canonicalize().ok()?;
    let direct = parent_dir(file)
        .canonicalize()
        .ok()?
        .join(file.file_name()?);
    (resolved != direct).then_some(resolved)
}

/// The next request. Until one comes, the picker's briefings not read yet are read one at
/// a time, each delivered as it is read, so that a request waits for one file at most.
fn next_request(
    requests: &Receiver<Request>,
    listed: &mut [catalog::Entry],
    budget: Budget,
    deliver: &impl Fn(Delivery),
) -> Option<Request> {
    loop {
        match requests.try_recv() {
            Ok(request) => return Some(request),
            Err(mpsc::TryRecvError::Disconnected) => return None,
            Err(mpsc::TryRecvError::Empty) => {}
        }
        let Some(unread) = listed.iter_mut().find(|e| e.summary.is_none()) else {
            return requests.recv().ok();
        };
        *unread = catalog::summarise(&unread.path, budget);
        deliver(Delivery::Scanned(listed.to_vec()));
    }
}

/// A loader thread fed by a channel, so parsing never blocks keys. `listed` is what the
/// picker shows now, so that a save re-reads only the briefing saved (and what it has not
/// read yet is read in the background). Nothing is watched: the caller sends the changes.
pub fn spawn_reloader(
    current: Option<PathBuf>,
    picker_dir: Option<PathBuf>,
    budget: Budget,
    listed: Vec<catalog::Entry>,
    deliver: impl Fn(Delivery) + Send + 'static,
) -> std::io::Result<Sender<Request>> {
    let (tx, rx) = mpsc::channel();
    spawn_loop(current, picker_dir, budget, listed, rx, deliver, None)?;
    Ok(tx)
}

/// A loader thread, as `spawn_reloader`, that also watches the directories of `current`
/// and `picker_dir` and keeps watching them as they come and go. The error is why
/// changes on disk are not followed, if they are not.
pub fn spawn_follower(
    current: Option<PathBuf>,
    picker_dir: Option<PathBuf>,
    budget: Budget,
    listed: Vec<catalog::Entry>,
    deliver: impl Fn(Delivery) + Send + 'static,
) -> std::io::Result<(Sender<Request>, Option<notify::Error>)> {
    let (tx, rx) = mpsc::channel();
    let (arms, error) = match watcher(tx.clone()) {
        Ok(watcher) => {
            let mut arms = Arms {
                watcher,
                watched: HashMap::new(),
            };
            let target = current.as_deref().and_then(link_target);
            let wanted = wanted_dirs(current.as_deref(), target.as_deref(), picker_dir.as_deref());
            let error = arms.arm(&wanted, &HashSet::new()).err();
            (Some(arms), error)
        }
        Err(e) => (None, Some(e)),
    };
    spawn_loop(current, picker_dir, budget, listed, rx, deliver, arms)?;
    Ok((tx, error))
}

fn spawn_loop(
    current: Option<PathBuf>,
    picker_dir: Option<PathBuf>,
    budget: Budget,
    listed: Vec<catalog::Entry>,
    requests: Receiver<Request>,
    deliver: impl Fn(Delivery) + Send + 'static,
    arms: Option<Arms>,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("brief-reload".into())
        .spawn(move || reload_loop(current, picker_dir, budget, listed, requests, deliver, arms))?;
    Ok(())
}
