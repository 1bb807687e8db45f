//! The first-parent walk that finds the commits which changed one file.

use super::{HistoryError, git};
use gix::ObjectId;

/// One commit that changed the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub commit: ObjectId,
    /// The abbreviated hash, as long as it must be to be unique (at least 7).
    pub short: String,
    pub seconds: i64,
    pub offset: i32,
    pub author: String,
    pub subject: String,
    /// The file's path in this commit.
    pub path: String,
    pub blob: ObjectId,
    /// What this version is compared with.
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The file was changed; this was its blob in the first parent.
    Changed { blob: ObjectId },
    /// The file came from another path in the first parent (and may also have changed).
    Renamed { from: String, blob: ObjectId },
    /// The file first appears in this commit.
    Added,
    /// The repository is a shallow clone and this commit is at its boundary: what came
    /// before is not there to compare with.
    Boundary,
}

impl Origin {
    /// The blob this version is compared with, if there is one.
    pub fn previous(&self) -> Option<ObjectId> {
        match self {
            Origin::Changed { blob } | Origin::Renamed { blob, .. } => Some(*blob),
            Origin::Added | Origin::Boundary => None,
        }
    }
}

/// The versions of a file, newest first; lazily read, so `-n 5` reads five.
pub struct Versions<'r> {
    repo: &'r gix::Repository,
    /// The commit to look at next, with the file's path and blob in it.
    next: Option<(ObjectId, String, ObjectId)>,
    shallow: Vec<ObjectId>,
    /// The walk stopped at a shallow clone's boundary.
    pub ended_at_boundary: bool,
}

impl<'r> Versions<'r> {
    pub(super) fn from_head(repo: &'r gix::Repository, path: &str) -> Result<Self, HistoryError> {
        let head = repo.head().map_err(git)?;
        let next = match head.id() {
            None => None,
            Some(id) => {
                let id = id.detach();
                blob_at(repo, id, path)?.map(|blob| (id, path.to_owned(), blob))
            }
        };
        let shallow = repo
            .shallow_commits()
            .map_err(git)?
            .map(|commits| commits.iter().copied().collect())
            .unwrap_or_default();
        Ok(Self {
            repo,
            next,
            shallow,
            ended_at_boundary: false,
        })
    }

    fn step(&mut self) -> Result<Option<Version>, HistoryError> {
        while let Some((id, path, blob)) = self.next.take() {
            let commit = self.repo.find_commit(id).map_err(git)?;
            let parent = commit.parent_ids().next().map(|p| p.detach());
            let origin = match parent {
                _ if self.shallow.contains(&id) => {
                    self.ended_at_boundary = true;
                    Origin::Boundary
                }
                None => Origin::Added,
                Some(parent) => match blob_at(self.repo, parent, &path)? {
                    Some(old) if old == blob => {
                        self.next = Some((parent, path, blob));
                        continue;
                    }
                    Some(old) => {
                        self.next = Some((parent, path.clone(), old));
                        Origin::Changed { blob: old }
                    }
                    None => match renamed_from(self.repo, id, parent, &path, blob)? {
                        Some((from, old)) => {
                            self.next = Some((parent, from.clone(), old));
                            Origin::Renamed { from, blob: old }
                        }
                        None => Origin::Added,
                    },
                },
            };
            return describe(&commit, path, blob, origin).map(Some);
        }
        Ok(None)
    }
}

impl Iterator for Versions<'_> {
    type Item = Result<Version, HistoryError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.step() {
            Ok(version) => version.map(Ok),
            Err(e) => {
                self.next = None;
                Some(Err(e))
            }
        }
    }
}

fn describe(
    commit: &gix::Commit<'_>,
    path: String,
    blob: ObjectId,
    origin: Origin,
) -> Result<Version, HistoryError> {
    let time = commit.time().map_err(git)?;
    let author = commit.author().map_err(git)?;
    let message = commit.message_raw_sloppy();
    let subject = message
        .split(|&b| b == b'\n')
        .next()
        .map(|line| String::from_utf8_lossy(line).trim().to_owned())
        .unwrap_or_default();
    let short = commit.id().shorten().map_or_else(
        |_| commit.id.to_hex_with_len(7).to_string(),
        |p| p.to_string(),
    );
    Ok(Version {
        commit: commit.id,
        short,
        seconds: time.seconds,
        offset: time.offset,
        author: crate::briefing::sanitize::clean_line(&author.name.to_string()),
        subject: crate::briefing::sanitize::clean_line(&subject),
        path,
        blob,
        origin,
    })
}

/// The blob at `path` in a commit's tree, if it is a file there.
pub(super) fn blob_at(
    repo: &gix::Repository,
    commit: ObjectId,
    path: &str,
) -> Result<Option<ObjectId>, HistoryError> {
    let tree = repo.find_commit(commit).map_err(git)?.tree().map_err(git)?;
    let entry = tree.lookup_entry_by_path(path).map_err(git)?;
    Ok(entry.filter(|e| e.mode().is_blob()).map(|e| e.object_id()))
}

/// Where the file at `path` in `commit` was in `parent`, when it was not at `path`: a
/// file of the parent that is gone from the commit, with the same blob (a pure move) or
/// else a briefing (`.yaml`, `.yml`) at least half of whose lines are the same, as git's
/// rename detection would pair them.
fn renamed_from(
    repo: &gix::Repository,
    commit: ObjectId,
    parent: ObjectId,
    path: &str,
    blob: ObjectId,
) -> Result<Option<(String, ObjectId)>, HistoryError> {
    let files = |id: ObjectId| -> Result<Vec<(String, ObjectId)>, HistoryError> {
        let tree = repo.find_commit(id).map_err(git)?.tree().map_err(git)?;
        Ok(tree
            .traverse()
            .breadthfirst
            .files()
            .map_err(git)?
            .into_iter()
            .filter(|e| e.mode.is_blob())
            .map(|e| (e.filepath.to_string(), e.oid))
            .collect())
    };
    let now: std::collections::HashSet<String> =
        files(commit)?.into_iter().map(|(p, _)| p).collect();
    let gone: Vec<(String, ObjectId)> = files(parent)?
        .into_iter()
        .filter(|(p, _)| !now.contains(p) && p != path)
        .collect();
    if let Some(found) = gone.iter().find(|(_, oid)| *oid == blob) {
        return Ok(Some(found.clone()));
    }
    let text = |oid: ObjectId| -> Result<String, HistoryError> {
        let blob = repo.find_blob(oid).map_err(git)?;
        Ok(String::from_utf8_lossy(&blob.data).into_owned())
    };
    let new_text = text(blob)?;
    let mut best: Option<(f32, (String, ObjectId))> = None;
    for (old_path, oid) in gone {
        if !(old_path.ends_with(".yaml") || old_path.ends_with(".yml")) {
            continue;
        }
        let old_text = text(oid)?;
        let ratio = similar::TextDiff::from_lines(&old_text, &new_text).ratio();
        if ratio >= 0.5 && best.as_ref().is_none_or(|(r, _)| ratio > *r) {
            best = Some((ratio, (old_path, oid)));
        }
    }
    Ok(best.map(|(_, found)| found))
}
