//! Following the briefing file on disk, and loading it off the UI thread.
//!
//! The parent directory is watched, not the file: editors that save by rename (vim,
//! `sed -i`) replace the file, and a watch on the old one would go quiet. Events are
//! debounced here rather than with notify's debouncer crates, whose threads wake every
//! few milliseconds even when nothing happens.

use crate::briefing::{self, Budget, LoadError, Loaded};
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// How long the file must be quiet before it is read: long enough for an editor's
/// write-rename-chmod sequence, short enough to feel instant.
pub const SETTLE: Duration = Duration::from_millis(30);

#[derive(Debug)]
pub enum Request {
    /// The file may have changed on disk.
    Changed,
    /// The user asked for a reload (or came back from the editor).
    Reload,
}

pub struct Reloaded {
    pub result: Result<Loaded, LoadError>,
    /// The file was missing (deleted mid-save); the caller keeps what it shows.
    pub missing: bool,
}

/// Starts watching `path`'s directory; events about `path` become `Request::Changed`.
/// The returned watcher must be kept alive.
pub fn watch(path: &Path, requests: Sender<Request>) -> notify::Result<notify::RecommendedWatcher> {
    let file_name = path.file_name().map(|n| n.to_owned());
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        let ours = event
            .paths
            .iter()
            .any(|p| p.file_name().is_some() && p.file_name() == file_name.as_deref());
        if ours {
            let _ = requests.send(Request::Changed);
        }
    })?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// Runs until `requests` closes: waits for a request, lets the file settle, loads it,
/// and hands the result to `deliver`.
pub fn reload_loop(
    path: PathBuf,
    budget: Budget,
    requests: Receiver<Request>,
    deliver: impl Fn(Reloaded),
) {
    while let Ok(first) = requests.recv() {
        let mut by_user = matches!(first, Request::Reload);
        if !by_user {
            loop {
                match requests.recv_timeout(SETTLE) {
                    Ok(Request::Reload) => by_user = true,
                    Ok(Request::Changed) => {}
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        }
        // A file deleted on the way to being recreated: the create event will follow.
        let missing = !by_user && !path.exists();
        deliver(Reloaded {
            result: briefing::load_file(&path, budget),
            missing,
        });
    }
}

/// A loader thread fed by a channel, so parsing never blocks keys.
pub fn spawn_reloader(
    path: PathBuf,
    budget: Budget,
    deliver: impl Fn(Reloaded) + Send + 'static,
) -> std::io::Result<Sender<Request>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("brief-reload".into())
        .spawn(move || reload_loop(path, budget, rx, deliver))?;
    Ok(tx)
}
