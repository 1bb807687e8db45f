//! A file's history as `brief log` lists it: like the History pane's, with `git log`'s
//! limits, and for a file HEAD no longer has, the commit that deleted it and the versions
//! before.

use super::listing::{Listed, Said, Summaries, Window, summarised};
use super::{HistoryError, Tracked};
use crate::briefing::Budget;
use std::path::Path;

/// The versions of one file, newest first.
#[derive(Debug)]
pub struct Log {
    /// The file's path in the repository, as it can be printed.
    pub path: String,
    /// HEAD has the file.
    pub committed: bool,
    /// For a file HEAD no longer has: the commit that deleted it, listed first.
    pub deletion: Option<Listed>,
    /// The commits that changed the file, within the window asked for.
    pub versions: Vec<Listed>,
    /// The walk stopped at a shallow clone's boundary.
    pub ended_at_boundary: bool,
}

impl Log {
    /// What to say of a file that no commit has yet.
    pub fn not_committed_yet(&self) -> String {
        super::not_committed_yet(&self.path)
    }
}

/// The history of `file` within `window`, reading no version bigger than `budget`
/// allows. The deleting commit comes first and counts against `max`, as in `git log`.
pub fn log(file: &Path, budget: Budget, window: Window) -> Result<Log, HistoryError> {
    // A path that is neither on disk nor in any commit is most likely mistyped: saying it
    // has no commits yet would send the user looking for a problem in git.
    let on_disk = file.exists();
    let no_such_file = || HistoryError::NoSuchFile(file.to_path_buf());
    let tracked = match Tracked::open(file) {
        Ok(tracked) => tracked.within(budget),
        // Outside any repository, or in a directory that does not exist either.
        Err(HistoryError::NotARepository(_)) if !on_disk => return Err(no_such_file()),
        Err(e) => return Err(e),
    };
    let committed = tracked.head_blob()?.is_some();
    let (deletion, mut versions) = if !on_disk && !committed {
        // Deleted in a commit: its history up to the deletion, as `git log -- FILE` has it.
        match tracked.versions_before_deletion()? {
            Some((deletion, versions)) => (Some(deletion), versions),
            None => return Err(no_such_file()),
        }
    } else {
        (None, tracked.versions()?)
    };
    let deletion = deletion
        .filter(|d| window.max != Some(0) && window.since.is_none_or(|since| d.seconds >= since))
        .map(|version| Listed {
            version,
            said: Said {
                summary: "deleted".to_owned(),
                error: None,
            },
        });
    let window = Window {
        max: window
            .max
            .map(|max| max.saturating_sub(usize::from(deletion.is_some()))),
        ..window
    };
    let listed = summarised(
        &tracked,
        &mut versions,
        window,
        &mut Summaries::default(),
        |_| {},
    )?;
    Ok(Log {
        path: tracked.path().to_owned(),
        committed,
        deletion,
        versions: listed,
        ended_at_boundary: versions.ended_at_boundary,
    })
}
