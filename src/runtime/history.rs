//! The briefing's git history, read on a thread of its own so that keys never wait for
//! it: the list of versions (with progress while it is read), one version's diff, or a
//! version to compare with. A new commit, a checkout or a save reads the list again.

use crate::app::{Action, Versions};
use crate::briefing::Budget;
use crate::briefing::diff::BriefingDiff;
use crate::briefing::report::report;
use crate::history::{self, Tracked, Unread, VersionId};
use notify::Watcher;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

pub enum Request {
    /// Read the versions of this briefing (again).
    Refresh(PathBuf),
    /// A version's diff against the one before (no blob: the working copy).
    Diff {
        blob: Option<VersionId>,
        previous: Option<VersionId>,
    },
    /// A version to compare every pane with.
    Compare {
        blob: VersionId,
        short: String,
        seconds: i64,
    },
    /// Something in the repository changed: its refs, or HEAD.
    RepositoryChanged,
}

/// How long the repository must be quiet before the list is read again: a commit writes
/// a lock file, the ref and the reflog within a few milliseconds.
const QUIET: Duration = Duration::from_millis(100);

/// Starts the thread; `send` hands its results to the event loop. No version bigger than
/// `budget` allows is read.
pub fn spawn(
    send: impl Fn(Action) + Send + 'static,
    budget: Budget,
) -> std::io::Result<Sender<Request>> {
    let (tx, rx) = mpsc::channel();
    let repository_changed = tx.clone();
    std::thread::Builder::new()
        .name("brief-history".into())
        .spawn(move || {
            Reader::new(send)
                .within(budget)
                .watching(repository_changed)
                .run(&rx);
        })?;
    Ok(tx)
}

/// Answers requests one at a time, handing each result to `send`; the thread runs one,
/// and the tests drive one directly.
pub struct Reader<F> {
    send: F,
    /// Where a watcher of the repository sends `RepositoryChanged`, if one is wanted.
    notify: Option<Sender<Request>>,
    file: Option<PathBuf>,
    tracked: Option<Tracked>,
    /// Kept alive while it follows the repository of `file`.
    watcher: Option<notify::RecommendedWatcher>,
    /// What each version of `file` changed, kept from one reading of the list to the next.
    summaries: history::Summaries,
    budget: Budget,
}

impl<F: Fn(Action)> Reader<F> {
    pub fn new(send: F) -> Self {
        Self {
            send,
            notify: None,
            file: None,
            tracked: None,
            watcher: None,
            summaries: history::Summaries::default(),
            budget: Budget::default(),
        }
    }

    /// Reads no version bigger than `budget` allows.
    pub fn within(mut self, budget: Budget) -> Self {
        self.budget = budget;
        self
    }

    /// Follows the repository: a commit or a checkout reads the list again.
    pub fn watching(mut self, notify: Sender<Request>) -> Self {
        self.notify = Some(notify);
        self
    }

    /// Carries out one request.
    pub fn handle(&mut self, request: Request) {
        match request {
            Request::Refresh(file) => self.refresh(file),
            Request::RepositoryChanged => {
                if let Some(file) = self.file.clone() {
                    self.refresh(file);
                }
            }
            Request::Diff { blob, previous } => self.diff(blob, previous),
            Request::Compare {
                blob,
                short,
                seconds,
            } => self.compare(blob, &short, seconds),
        }
    }

    fn run(mut self, requests: &Receiver<Request>) {
        while let Ok(first) = requests.recv() {
            // A burst of requests becomes one read of the list, then the latest diff (the
            // selection has moved past the others) and every comparison asked for.
            let mut refresh = None;
            let mut diff = None;
            let mut compares = Vec::new();
            let mut pending = Some(first);
            while let Some(request) = pending.take() {
                match request {
                    Request::Refresh(file) => refresh = Some(file),
                    Request::RepositoryChanged => {
                        refresh = refresh.or_else(|| self.file.clone());
                        // The rest of the burst comes within a few milliseconds.
                        pending = match requests.recv_timeout(QUIET) {
                            Ok(next) => Some(next),
                            Err(RecvTimeoutError::Timeout) => None,
                            Err(RecvTimeoutError::Disconnected) => return,
                        };
                        continue;
                    }
                    wanted @ Request::Diff { .. } => diff = Some(wanted),
                    compare @ Request::Compare { .. } => compares.push(compare),
                }
                pending = requests.try_recv().ok();
            }
            let refresh = refresh.map(Request::Refresh);
            for request in refresh.into_iter().chain(diff).chain(compares) {
                self.handle(request);
            }
        }
    }

    fn refresh(&mut self, file: PathBuf) {
        if self.file.as_ref() != Some(&file) {
            self.watcher = None;
            self.summaries = history::Summaries::default();
        }
        self.file = Some(file.clone());
        // Opened afresh each time: a new commit or a checkout is seen as it is now.
        self.tracked = match Tracked::open(&file) {
            Ok(tracked) => Some(tracked.within(self.budget)),
            Err(history::HistoryError::NotARepository(_)) => {
                (self.send)(Action::HistoryRead(Versions::Unavailable(
                    "Not in a git repository: history needs the briefing to be committed in git"
                        .into(),
                )));
                self.tracked = None;
                return;
            }
            Err(e) => {
                (self.send)(Action::HistoryRead(Versions::Unavailable(e.to_string())));
                self.tracked = None;
                return;
            }
        };
        let Some(tracked) = &self.tracked else {
            return;
        };
        if self.watcher.is_none()
            && let Some(notify) = &self.notify
        {
            self.watcher = watch_repository(tracked, notify.clone());
        }
        let working = crate::briefing::read_source(&file, self.budget).ok();
        let summaries = &mut self.summaries;
        let versions = match history::entries_with(tracked, working.as_deref(), summaries, |n| {
            if n % 10 == 0 {
                (self.send)(Action::HistoryRead(Versions::Reading(n)));
            }
        }) {
            Ok(entries) if entries.is_empty() => Versions::Unavailable(tracked.not_committed_yet()),
            Ok(entries) => Versions::Read(entries),
            Err(e) => Versions::Unavailable(e.to_string()),
        };
        (self.send)(Action::HistoryRead(versions));
    }

    fn model(&self, blob: VersionId) -> Result<crate::briefing::Loaded, Unread> {
        match self.tracked.as_ref() {
            Some(tracked) => history::parse_blob(tracked, blob),
            None => Err(Unread::Invalid("not in a git repository".to_owned())),
        }
    }

    fn diff(&self, blob: Option<VersionId>, previous: Option<VersionId>) {
        let this = match blob {
            Some(blob) => self.model(blob),
            None => self
                .file
                .as_ref()
                .and_then(|file| crate::briefing::read_source(file, self.budget).ok())
                .and_then(|text| crate::briefing::parse(&text).ok())
                .ok_or_else(|| Unread::Invalid("the working copy".to_owned())),
        };
        let before = previous.map(|b| self.model(b));
        let diff = match (this, before) {
            (Ok(this), Some(Ok(before))) => {
                Ok(BriefingDiff::between(&before.briefing, &this.briefing))
            }
            (Ok(this), None) => Ok(BriefingDiff::between(&Default::default(), &this.briefing)),
            (Ok(_), Some(Err(Unread::OverBudget(over)))) => Err(format!(
                "The version before is {over}: not read (raise it with --max-size); \
                 judgments not compared"
            )),
            (Ok(_), Some(Err(Unread::Invalid(_)))) => {
                Err("The version before does not parse: judgments not compared".to_owned())
            }
            (Err(Unread::OverBudget(over)), _) => Err(format!(
                "This version is {over}: not read (raise it with --max-size)"
            )),
            (Err(Unread::Invalid(_)), _) => {
                Err("This version does not parse: see `brief log` for its first error".to_owned())
            }
        };
        (self.send)(Action::VersionRead {
            blob,
            previous,
            diff: Box::new(diff.map(|diff| report(&diff))),
        });
    }

    fn compare(&self, blob: VersionId, short: &str, seconds: i64) {
        let before = match self.model(blob) {
            Ok(before) => before,
            Err(Unread::OverBudget(over)) => {
                (self.send)(Action::Status(format!(
                    "{short} is {over}: not read, nothing to compare with"
                )));
                return;
            }
            Err(Unread::Invalid(_)) => {
                (self.send)(Action::Status(format!(
                    "{short} does not parse: nothing to compare with"
                )));
                return;
            }
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        (self.send)(Action::CompareWith {
            label: format!("{short} ({})", history::ago(seconds, now)),
            before: Box::new(before),
        });
    }
}

/// Follows what a commit, a checkout or a reset changes: HEAD and the reflog's HEAD (in
/// the worktree's own git directory) and the branches (in the common one). Nothing else
/// there wakes the thread: `git status` rewrites the index, a fetch the remote refs.
fn watch_repository(
    tracked: &Tracked,
    notify: Sender<Request>,
) -> Option<notify::RecommendedWatcher> {
    let (git_dir, common_dir) = tracked.git_dirs();
    let heads = common_dir.join("refs").join("heads");
    let watched_heads = heads.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        let relevant = event.paths.iter().any(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name == "HEAD" || name == "packed-refs" || path.starts_with(&watched_heads)
        });
        if relevant {
            let _ = notify.send(Request::RepositoryChanged);
        }
    })
    .ok()?;
    let mut watched = false;
    for (dir, mode) in [
        (git_dir.clone(), notify::RecursiveMode::NonRecursive),
        (git_dir.join("logs"), notify::RecursiveMode::NonRecursive),
        (common_dir.clone(), notify::RecursiveMode::NonRecursive),
        (heads, notify::RecursiveMode::Recursive),
    ] {
        watched |= dir.is_dir() && watcher.watch(&dir, mode).is_ok();
    }
    watched.then_some(watcher)
}

/// The file whose history the panes show, if it is a file.
pub fn file_of(origin: &crate::app::Origin) -> Option<&Path> {
    match origin {
        crate::app::Origin::File(path) => Some(path),
        _ => None,
    }
}
