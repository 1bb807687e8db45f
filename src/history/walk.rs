//! The first-parent walk that finds the commits which changed one file, and the path the
//! file had in one of them.

use super::{Absence, HistoryError, git, shown};
use crate::briefing::Budget;
use gix::ObjectId;
use gix::bstr::{BStr, BString, ByteSlice};
use std::collections::{HashMap, HashSet};

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
    /// The file's path in this commit, as it can be printed.
    pub path: String,
    pub blob: ObjectId,
    /// What this version is compared with.
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The file was changed; this was its blob in the first parent.
    Changed { blob: ObjectId },
    /// The file came from another path in the first parent (and may also have changed);
    /// `from` as it can be printed.
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
    next: Option<(ObjectId, BString, ObjectId)>,
    shallow: Vec<ObjectId>,
    /// Rename detection reads no blob bigger than this.
    budget: Budget,
    /// The walk stopped at a shallow clone's boundary.
    pub ended_at_boundary: bool,
}

impl<'r> Versions<'r> {
    pub(super) fn from_head(
        repo: &'r gix::Repository,
        path: &BStr,
        budget: Budget,
    ) -> Result<Self, HistoryError> {
        let next = match head_commit(repo)? {
            None => None,
            Some(id) => blob_at(repo, id, path)?.map(|blob| (id, path.to_owned(), blob)),
        };
        Ok(Self {
            repo,
            next,
            shallow: shallow_commits(repo)?,
            budget,
            ended_at_boundary: false,
        })
    }

    /// For a file HEAD no longer has: the commit that deleted it (along first parents
    /// from HEAD), and the versions from the one before. `None` if no commit has it.
    pub(super) fn before_deletion(
        repo: &'r gix::Repository,
        path: &BStr,
        budget: Budget,
    ) -> Result<Option<(Version, Self)>, HistoryError> {
        let shallow = shallow_commits(repo)?;
        let Some(mut child) = head_commit(repo)? else {
            return Ok(None);
        };
        loop {
            if shallow.contains(&child) {
                return Ok(None);
            }
            let commit = repo.find_commit(child).map_err(git)?;
            let Some(parent) = commit.parent_ids().next().map(|p| p.detach()) else {
                return Ok(None);
            };
            if let Some(blob) = blob_at(repo, parent, path)? {
                // The deleting commit, described with the blob it removed.
                let deleted = describe(&commit, path, blob, Origin::Changed { blob })?;
                let versions = Self {
                    repo,
                    next: Some((parent, path.to_owned(), blob)),
                    shallow,
                    budget,
                    ended_at_boundary: false,
                };
                return Ok(Some((deleted, versions)));
            }
            child = parent;
        }
    }

    fn step(&mut self) -> Result<Option<Version>, HistoryError> {
        while let Some((id, path, blob)) = self.next.take() {
            let origin = match back(
                self.repo,
                &self.shallow,
                id,
                path.as_ref(),
                blob,
                self.budget,
            )? {
                Back::Boundary => {
                    self.ended_at_boundary = true;
                    Origin::Boundary
                }
                Back::Added => Origin::Added,
                Back::To(parent, old_path, old) => {
                    let origin = if old_path != path {
                        Origin::Renamed {
                            from: shown(old_path.as_ref()),
                            blob: old,
                        }
                    } else if old == blob {
                        self.next = Some((parent, old_path, old));
                        continue;
                    } else {
                        Origin::Changed { blob: old }
                    };
                    self.next = Some((parent, old_path, old));
                    origin
                }
            };
            let commit = self.repo.find_commit(id).map_err(git)?;
            return describe(&commit, path.as_ref(), blob, origin).map(Some);
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

/// Where the file was in a commit's first parent.
enum Back {
    /// In this parent, at this path (the same or the one it was renamed from), with this
    /// blob.
    To(ObjectId, BString, ObjectId),
    /// The commit has no parent, or its first parent does not have the file.
    Added,
    /// The commit is at a shallow clone's boundary: its parents are not there.
    Boundary,
}

/// One step back along first parents from the file at `path`, with `blob`, in `id`.
fn back(
    repo: &gix::Repository,
    shallow: &[ObjectId],
    id: ObjectId,
    path: &BStr,
    blob: ObjectId,
    budget: Budget,
) -> Result<Back, HistoryError> {
    if shallow.contains(&id) {
        return Ok(Back::Boundary);
    }
    let commit = repo.find_commit(id).map_err(git)?;
    let Some(parent) = commit.parent_ids().next().map(|p| p.detach()) else {
        return Ok(Back::Added);
    };
    if let Some(old) = blob_at(repo, parent, path)? {
        return Ok(Back::To(parent, path.to_owned(), old));
    }
    Ok(match counterpart(repo, id, parent, path, blob, budget)? {
        Some((from, old)) => Back::To(parent, from, old),
        None => Back::Added,
    })
}

/// The file's blob in `target`, at the path it had there, with the rename detection the
/// log uses; or why it is not there. The file is followed back from HEAD (where it is
/// at `path`) along first parents; a revision off that line, on a branch, is reached
/// forward from where its own first parents meet the line.
pub(super) fn blob_following_renames(
    repo: &gix::Repository,
    path: &BStr,
    target: ObjectId,
    budget: Budget,
) -> Result<Result<(BString, ObjectId), Absence>, HistoryError> {
    let head = head_commit(repo)?;
    let start = match head {
        Some(head) => blob_at(repo, head, path)?.map(|blob| (head, blob)),
        None => None,
    };
    let Some((mut id, mut blob)) = start else {
        return Ok(Err(Absence::NotCommitted {
            revision_is_head: head == Some(target),
        }));
    };
    let shallow = shallow_commits(repo)?;
    let mut path = path.to_owned();
    let mut line = HashMap::new();
    let end = loop {
        if id == target {
            return Ok(Ok((path, blob)));
        }
        line.insert(id, (path.clone(), blob));
        match back(repo, &shallow, id, path.as_ref(), blob, budget)? {
            Back::To(parent, old_path, old) => (id, path, blob) = (parent, old_path, old),
            Back::Added => {
                let (short, subject) = commit_line(repo, id)?;
                break Absence::BeginsIn { short, subject };
            }
            Back::Boundary => {
                let (short, _) = commit_line(repo, id)?;
                break Absence::BoundaryAt { short };
            }
        }
    };
    // The revision's own first parents, newest first, back to the commit of the line
    // they meet; then forward from there to the revision.
    let mut branch = Vec::new();
    let mut id = target;
    let (mut parent, (mut path, mut blob)) = loop {
        if let Some(found) = line.get(&id) {
            break (id, found.clone());
        }
        branch.push(id);
        let first_parent = if shallow.contains(&id) {
            None
        } else {
            repo.find_commit(id).map_err(git)?.parent_ids().next()
        };
        match first_parent {
            Some(first_parent) => id = first_parent.detach(),
            None => return Ok(Err(end)),
        }
    };
    for &child in branch.iter().rev() {
        let found = match blob_at(repo, child, path.as_ref())? {
            Some(now) => Some((path.clone(), now)),
            None => counterpart(repo, parent, child, path.as_ref(), blob, budget)?,
        };
        let Some(found) = found else {
            let (short, subject) = commit_line(repo, child)?;
            return Ok(Err(Absence::RemovedIn { short, subject }));
        };
        (path, blob) = found;
        parent = child;
    }
    Ok(Ok((path, blob)))
}

/// The commit HEAD points to, or `None` before the first commit.
pub(super) fn head_commit(repo: &gix::Repository) -> Result<Option<ObjectId>, HistoryError> {
    Ok(repo.head().map_err(git)?.id().map(|id| id.detach()))
}

/// The commits at a shallow clone's boundary; none in a full clone.
pub(super) fn shallow_commits(repo: &gix::Repository) -> Result<Vec<ObjectId>, HistoryError> {
    Ok(repo
        .shallow_commits()
        .map_err(git)?
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default())
}

fn describe(
    commit: &gix::Commit<'_>,
    path: &BStr,
    blob: ObjectId,
    origin: Origin,
) -> Result<Version, HistoryError> {
    let time = commit.time().map_err(git)?;
    let author = commit.author().map_err(git)?;
    let short = short_hash(commit);
    Ok(Version {
        commit: commit.id,
        short,
        seconds: time.seconds,
        offset: time.offset,
        author: crate::briefing::sanitize::clean_line(&author.name.to_string()),
        subject: subject(commit),
        path: shown(path),
        blob,
        origin,
    })
}

/// A commit's abbreviated hash and subject, to name it in a message.
fn commit_line(repo: &gix::Repository, id: ObjectId) -> Result<(String, String), HistoryError> {
    let commit = repo.find_commit(id).map_err(git)?;
    Ok((short_hash(&commit), subject(&commit)))
}

/// A commit message's first line, made safe to print.
fn subject(commit: &gix::Commit<'_>) -> String {
    let message = commit.message_raw_sloppy();
    let first = message.split(|&b| b == b'\n').next().unwrap_or_default();
    crate::briefing::sanitize::clean_line(String::from_utf8_lossy(first).trim())
}

/// The abbreviated hash, as long as it must be to be unique (at least 7).
pub(super) fn short_hash(commit: &gix::Commit<'_>) -> String {
    commit.id().shorten().map_or_else(
        |_| commit.id.to_hex_with_len(7).to_string(),
        |p| p.to_string(),
    )
}

/// The blob at `path` in a commit's tree, if it is a file there.
pub(super) fn blob_at(
    repo: &gix::Repository,
    commit: ObjectId,
    path: &BStr,
) -> Result<Option<ObjectId>, HistoryError> {
    let tree = repo.find_commit(commit).map_err(git)?.tree().map_err(git)?;
    // By bytes: a name that is not UTF-8 is found like any other.
    let entry = tree.lookup_entry(path.split_str("/")).map_err(git)?;
    Ok(entry.filter(|e| e.mode().is_blob()).map(|e| e.object_id()))
}

/// The same file under another name in `there`, for the file at `path` with `blob` in
/// `here` (`there` a commit's parent, to find where the file came from, or a child, to
/// find where it went): a file of `there` missing from `here`, with the same blob (a pure
/// move) or else a briefing (`.yaml`, `.yml`) at least half of whose lines are the same,
/// as git's rename detection would pair them.
fn counterpart(
    repo: &gix::Repository,
    here: ObjectId,
    there: ObjectId,
    path: &BStr,
    blob: ObjectId,
    budget: Budget,
) -> Result<Option<(BString, ObjectId)>, HistoryError> {
    let present: HashSet<BString> = files(repo, here)?.into_iter().map(|(p, _)| p).collect();
    let candidates = files(repo, there)?
        .into_iter()
        .filter(|(p, _)| !present.contains(p) && p != path);
    likeliest(repo, candidates, blob, budget)
}

/// Every file in a commit's tree, with its blob.
fn files(repo: &gix::Repository, id: ObjectId) -> Result<Vec<(BString, ObjectId)>, HistoryError> {
    let tree = repo.find_commit(id).map_err(git)?.tree().map_err(git)?;
    Ok(tree
        .traverse()
        .breadthfirst
        .files()
        .map_err(git)?
        .into_iter()
        .filter(|e| e.mode.is_blob())
        .map(|e| (e.filepath, e.oid))
        .collect())
}

/// Among `candidates`, the file that is `blob` moved: one with the same blob, or else the
/// briefing most like it, if at least half of their lines are the same. A blob over the
/// budget is not read to compare: only the same blob pairs with it.
fn likeliest(
    repo: &gix::Repository,
    candidates: impl Iterator<Item = (BString, ObjectId)>,
    blob: ObjectId,
    budget: Budget,
) -> Result<Option<(BString, ObjectId)>, HistoryError> {
    let candidates: Vec<_> = candidates.collect();
    if let Some(found) = candidates.iter().find(|(_, oid)| *oid == blob) {
        return Ok(Some(found.clone()));
    }
    let text = |oid: ObjectId| match text_within(repo, oid, budget) {
        Err(HistoryError::OverBudget { .. }) => Ok(None),
        text => text.map(Some),
    };
    let Some(known) = text(blob)? else {
        return Ok(None);
    };
    let mut best: Option<(f32, (BString, ObjectId))> = None;
    for (path, oid) in candidates {
        if !(path.ends_with(b".yaml") || path.ends_with(b".yml")) {
            continue;
        }
        let Some(other) = text(oid)? else {
            continue;
        };
        let ratio = similar::TextDiff::from_lines(&other, &known).ratio();
        if ratio >= 0.5 && best.as_ref().is_none_or(|(r, _)| ratio > *r) {
            best = Some((ratio, (path, oid)));
        }
    }
    Ok(best.map(|(_, found)| found))
}

/// A blob's text, if the budget allows its size, which is read from the object's header
/// (a loose object's first bytes, a packed one's entry) before anything is inflated.
pub(super) fn text_within(
    repo: &gix::Repository,
    blob: ObjectId,
    budget: Budget,
) -> Result<String, HistoryError> {
    let size = repo.find_header(blob).map_err(git)?.size();
    if !budget.allows(size) {
        return Err(HistoryError::OverBudget {
            what: blob.to_hex_with_len(7).to_string(),
            over: budget.over(size),
        });
    }
    let blob = repo.find_blob(blob).map_err(git)?;
    Ok(String::from_utf8_lossy(&blob.data).into_owned())
}
