//! Reading the briefing's git history off the event loop: the History pane fills in as
//! commits are read, and keys never wait for it.

use crate::app::{Action, App, Origin, Versions};
use crate::briefing::diff::BriefingDiff;
use crate::history::{self, Tracked};
use std::path::{Path, PathBuf};

/// Starts reading the history of the open briefing on its own thread; each step arrives
/// as an action through `send`. The bundled briefing has none, which is said at once.
pub fn start(app: &mut App, send: impl Fn(Action) + Send + 'static) {
    let path = match &app.origin {
        Origin::File(path) => path.clone(),
        Origin::Bundled => {
            app.update(Action::HistoryRead(Versions::Unavailable(
                "The bundled briefing is built into brief, so it has no history: open a briefing committed in git".into(),
            )));
            return;
        }
        Origin::Directory(_) => return,
    };
    app.update(Action::HistoryRead(Versions::Reading(0)));
    let _ = std::thread::Builder::new()
        .name("history".into())
        .spawn(move || send(Action::HistoryRead(read(&path, &send))));
}

fn read(path: &Path, send: &impl Fn(Action)) -> Versions {
    let tracked = match Tracked::open(path) {
        Ok(tracked) => tracked,
        Err(history::HistoryError::NotARepository(_)) => {
            return Versions::Unavailable(
                "Not in a git repository: history needs the briefing to be committed in git".into(),
            );
        }
        Err(e) => return Versions::Unavailable(e.to_string()),
    };
    let working = std::fs::read_to_string(path).ok();
    match history::entries(&tracked, working.as_deref(), |n| {
        if n % 10 == 0 {
            send(Action::HistoryRead(Versions::Reading(n)));
        }
    }) {
        Ok(entries) if entries.is_empty() => Versions::Unavailable(format!(
            "{} has not been committed yet: history starts with its first commit",
            tracked.path()
        )),
        Ok(entries) => Versions::Read(entries),
        Err(e) => Versions::Unavailable(e.to_string()),
    }
}

fn tracked(app: &App) -> Option<(Tracked, PathBuf)> {
    match &app.origin {
        Origin::File(path) => Tracked::open(path).ok().map(|t| (t, path.clone())),
        _ => None,
    }
}

fn model(tracked: &Tracked, blob: &str) -> Option<crate::briefing::Loaded> {
    let id = gix::ObjectId::from_hex(blob.as_bytes()).ok()?;
    history::parse_blob(tracked, id).ok()
}

/// The diff of one version against the one before (one or two blobs: quick enough to
/// read on the loop, and only when the selection moves).
pub fn read_version(app: &mut App, index: usize, blob: Option<&str>, previous: Option<&str>) {
    let Some((tracked, path)) = tracked(app) else {
        return;
    };
    let this = match blob {
        Some(blob) => model(&tracked, blob),
        None => std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| crate::briefing::parse(&text).ok()),
    };
    let before = previous.and_then(|b| model(&tracked, b));
    let diff = match (this, before) {
        (Some(this), Some(before)) => BriefingDiff::between(&before.briefing, &this.briefing),
        (Some(this), None) => BriefingDiff::between(&Default::default(), &this.briefing),
        _ => BriefingDiff::default(),
    };
    app.update(Action::VersionRead {
        index,
        diff: Box::new(diff),
    });
}

/// Reads a version and compares the panes with it.
pub fn compare_with(app: &mut App, blob: &str, short: &str, seconds: i64) {
    let Some(before) = tracked(app).and_then(|(t, _)| model(&t, blob)) else {
        app.update(Action::Status(format!(
            "{short} does not parse: nothing to compare with"
        )));
        return;
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    app.update(Action::CompareWith {
        label: format!("{short} ({})", history::ago(seconds, now)),
        before: Box::new(before),
    });
}
