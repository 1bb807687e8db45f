//! A briefing's history in git, read through gix: the commits that changed the file,
//! newest first along first parents (as `git log --first-parent` shows them), following
//! renames. Nothing here writes to the repository, and no `git` binary is needed.

use crate::briefing::Budget;
use crate::briefing::sanitize::clean_line;
use gix::ObjectId;
use gix::bstr::{BStr, BString, ByteSlice};
use std::path::{Path, PathBuf};

mod listing;
mod log;
mod version;
mod walk;

pub use listing::{
    Entry, Listed, Said, Summaries, Unread, Window, entries, entries_with, parse_blob, parse_text,
    read_blob, summary,
};
pub use log::{Log, log};

pub use version::VersionId;
pub use walk::{Origin, Version, Versions};

/// Why a history could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryError {
    /// The file is not inside a git repository's work tree.
    NotARepository(PathBuf),
    /// A revision the user named does not resolve to a commit.
    UnknownRevision(String),
    /// A revision named before the repository's first commit.
    NoCommitsYet(String),
    /// A revision that does not resolve in a shallow clone, whose history ends at these
    /// commits (abbreviated): it may be one of those left out.
    NotInShallowClone { revision: String, ends_at: String },
    /// The file is not in the tree of that revision, at its path there (renames followed
    /// back from HEAD).
    NotInRevision {
        revision: String,
        path: String,
        why: Absence,
    },
    /// The file is neither in the work tree nor in any commit along first parents from
    /// HEAD: most likely a mistyped name.
    NoSuchFile(PathBuf),
    /// A version over the size budget, not read: what it is (`a1b2c3d:pay.yaml`) and
    /// how big it is against the limit.
    OverBudget { what: String, over: String },
    /// Reading the repository failed.
    Git(String),
}

/// Why a file is not in a revision, as far as the walk from HEAD could tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Absence {
    /// HEAD does not have the file at this path: it has not been committed (or was
    /// deleted), so there is no history to follow back.
    NotCommitted {
        /// The revision is HEAD itself.
        revision_is_head: bool,
    },
    /// Along first parents from HEAD, the file's history begins in this commit (short
    /// hash and subject), and the revision was not met on the way.
    BeginsIn { short: String, subject: String },
    /// Along first parents from HEAD, the shallow clone ends at this commit before the
    /// revision was met.
    BoundaryAt { short: String },
    /// The revision is off HEAD's first-parent line, on a branch that removed the file in
    /// this commit.
    RemovedIn { short: String, subject: String },
}

impl std::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HistoryError::NotARepository(path) => write!(
                f,
                "{} is not in a git repository, so it has no history to show",
                path.display()
            ),
            HistoryError::UnknownRevision(rev) => {
                write!(f, "`{rev}` is not a commit in this repository")
            }
            HistoryError::NoCommitsYet(rev) => write!(
                f,
                "`{rev}` is not a commit: this repository has no commits yet"
            ),
            HistoryError::NotInShallowClone { revision, ends_at } => write!(
                f,
                "`{revision}` is not a commit in this shallow clone, whose history ends at \
                 {ends_at} (`git fetch --unshallow` brings the rest)"
            ),
            HistoryError::NotInRevision {
                revision,
                path,
                why,
            } => {
                write!(f, "{path} does not exist in {revision}")?;
                match why {
                    Absence::NotCommitted {
                        revision_is_head: true,
                    } => write!(f, ": it is not committed yet"),
                    Absence::NotCommitted {
                        revision_is_head: false,
                    } => write!(f, ", nor in HEAD: it is not committed yet"),
                    Absence::BeginsIn { short, subject } => write!(
                        f,
                        " (its history begins in {short} \u{201c}{subject}\u{201d}, which added it)"
                    ),
                    Absence::RemovedIn { short, subject } => write!(
                        f,
                        " (it was removed on that branch, in {short} \u{201c}{subject}\u{201d})"
                    ),
                    Absence::BoundaryAt { short } => write!(
                        f,
                        " (its history in this shallow clone ends at {short}; \
                         `git fetch --unshallow` brings the rest)"
                    ),
                }
            }
            HistoryError::NoSuchFile(path) => write!(f, "no such file: {}", path.display()),
            HistoryError::OverBudget { what, over } => {
                write!(f, "{what}: {over}: not read (raise it with --max-size)")
            }
            HistoryError::Git(message) => write!(f, "cannot read the repository: {message}"),
        }
    }
}

impl std::error::Error for HistoryError {}

fn git(error: impl std::fmt::Display) -> HistoryError {
    HistoryError::Git(error.to_string())
}

/// One file in one repository.
pub struct Tracked {
    repo: gix::Repository,
    /// The file's path in the repository, with `/` between components, as git has it:
    /// bytes, which need not be UTF-8.
    path: BString,
    /// The path as it can be printed.
    shown: String,
    /// No version bigger than this is read.
    budget: Budget,
}

/// A path from git, as it can be printed: bytes that are not UTF-8 as U+FFFD, control
/// characters as visible stand-ins.
pub fn shown(path: &BStr) -> String {
    clean_line(&path.to_str_lossy())
}

impl Tracked {
    /// The repository whose work tree holds `file` (which need not be committed, nor
    /// exist). Linked worktrees and detached heads open like any other.
    pub fn open(file: &Path) -> Result<Self, HistoryError> {
        let not_a_repo = || HistoryError::NotARepository(file.to_path_buf());
        let name = file.file_name().ok_or_else(not_a_repo)?;
        let parent = |path: &Path| match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // The file's directory may be gone from the work tree (removed, not committed
        // yet): the nearest one that is there finds the repository, and the rest of the
        // path is kept as written.
        let mut dir = parent(file);
        let mut gone: Vec<std::ffi::OsString> = Vec::new();
        let found = loop {
            if let Ok(found) = dir.canonicalize() {
                break found;
            }
            let missing = dir.file_name().ok_or_else(not_a_repo)?.to_owned();
            gone.push(missing);
            dir = parent(&dir);
        };
        let dir = gone.iter().rev().fold(found, |dir, part| dir.join(part));
        let repo = gix::discover(
            dir.ancestors()
                .find(|d| d.is_dir())
                .ok_or_else(not_a_repo)?,
        )
        .map_err(|_| not_a_repo())?;
        let workdir = repo
            .workdir()
            .ok_or_else(not_a_repo)?
            .canonicalize()
            .map_err(git)?;
        let relative = dir.join(name);
        let relative = relative.strip_prefix(&workdir).map_err(|_| not_a_repo())?;
        let path: BString = relative
            .components()
            .map(|c| gix::path::os_str_into_bstr(c.as_os_str()).map(|b| b.to_owned()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| not_a_repo())?
            .join(&b"/"[..])
            .into();
        Ok(Self {
            shown: shown(path.as_ref()),
            repo,
            path,
            budget: Budget::default(),
        })
    }

    /// The same file, reading no version bigger than `budget` allows.
    pub fn within(mut self, budget: Budget) -> Self {
        self.budget = budget;
        self
    }

    /// The file's path in the repository, as it can be printed.
    pub fn path(&self) -> &str {
        &self.shown
    }

    /// What to say of a file that no commit has yet.
    pub fn not_committed_yet(&self) -> String {
        not_committed_yet(&self.shown)
    }

    /// The commit a revision (`HEAD~2`, a hash, a branch) names.
    pub fn commit(&self, revision: &str) -> Result<ObjectId, HistoryError> {
        let commit = self
            .repo
            .rev_parse_single(revision)
            .ok()
            .and_then(|id| id.object().ok())
            .and_then(|object| object.peel_to_commit().ok());
        match commit {
            Some(commit) => Ok(commit.id),
            None => Err(self.unresolved(revision)?),
        }
    }

    /// Why a revision did not resolve, in the words that help most.
    fn unresolved(&self, revision: &str) -> Result<HistoryError, HistoryError> {
        if walk::head_commit(&self.repo)?.is_none() {
            return Ok(HistoryError::NoCommitsYet(revision.to_owned()));
        }
        let shallow = walk::shallow_commits(&self.repo)?;
        if shallow.is_empty() {
            return Ok(HistoryError::UnknownRevision(revision.to_owned()));
        }
        let ends_at = shallow
            .iter()
            .map(|&id| {
                self.repo.find_commit(id).map_or_else(
                    |_| id.to_hex_with_len(7).to_string(),
                    |c| walk::short_hash(&c),
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        Ok(HistoryError::NotInShallowClone {
            revision: revision.to_owned(),
            ends_at,
        })
    }

    /// The file's blob in a revision: at its path now if that revision has it there, else
    /// at the path it had before being renamed, found along first parents from HEAD as
    /// `versions` finds it.
    fn blob_in(
        &self,
        revision: &str,
        commit: ObjectId,
    ) -> Result<(String, ObjectId), HistoryError> {
        if let Some(blob) = walk::blob_at(&self.repo, commit, self.path.as_ref())? {
            return Ok((self.shown.clone(), blob));
        }
        match walk::blob_following_renames(&self.repo, self.path.as_ref(), commit, self.budget)? {
            Ok((path, blob)) => Ok((shown(path.as_ref()), blob)),
            Err(why) => Err(HistoryError::NotInRevision {
                revision: revision.to_owned(),
                path: self.shown.clone(),
                why,
            }),
        }
    }

    /// The path the file had at a revision (its path now, or the one it had before a
    /// rename, found back from HEAD as `versions` finds it), and its text there.
    pub fn at(&self, revision: &str) -> Result<(String, String), HistoryError> {
        let commit = self.commit(revision)?;
        let (path, blob) = self.blob_in(revision, commit)?;
        match self.text(blob) {
            Err(HistoryError::OverBudget { over, .. }) => Err(HistoryError::OverBudget {
                what: format!("{revision}:{path}"),
                over,
            }),
            text => Ok((path, text?)),
        }
    }

    /// A blob's text; bytes that are not UTF-8 are shown as U+FFFD rather than refused,
    /// as the loader does for a file. A blob over the budget is refused from its size in
    /// the object's header, before anything is inflated.
    pub fn text(&self, blob: ObjectId) -> Result<String, HistoryError> {
        walk::text_within(&self.repo, blob, self.budget)
    }

    /// The commits that changed the file, newest first, starting at HEAD. An unborn
    /// HEAD, or a file never committed, has none.
    pub fn versions(&self) -> Result<Versions<'_>, HistoryError> {
        Versions::from_head(&self.repo, self.path.as_ref(), self.budget)
    }

    /// For a file HEAD no longer has: the commit that deleted it, and the versions
    /// before that, as `git log -- FILE` shows them. `None` if no commit ever had it.
    pub fn versions_before_deletion(
        &self,
    ) -> Result<Option<(Version, Versions<'_>)>, HistoryError> {
        Versions::before_deletion(&self.repo, self.path.as_ref(), self.budget)
    }

    /// The blob of the file at HEAD, if HEAD has it.
    pub fn head_blob(&self) -> Result<Option<ObjectId>, HistoryError> {
        let head = self.repo.head().map_err(git)?;
        match head.id() {
            None => Ok(None),
            Some(id) => walk::blob_at(&self.repo, id.detach(), self.path.as_ref()),
        }
    }

    /// The repository's git directory (a linked worktree's own) and its common one, where
    /// the branches are: what to watch for new commits.
    pub fn git_dirs(&self) -> (PathBuf, PathBuf) {
        (
            self.repo.git_dir().to_path_buf(),
            self.repo.common_dir().to_path_buf(),
        )
    }

    /// The blob id the working copy's text would have, to tell whether it differs from
    /// HEAD without writing anything.
    pub fn blob_id_of(&self, text: &[u8]) -> Result<ObjectId, HistoryError> {
        gix::objs::compute_hash(self.repo.object_hash(), gix::objs::Kind::Blob, text).map_err(git)
    }
}

/// What to say of a file, by its path as it can be printed, that no commit has yet.
fn not_committed_yet(path: &str) -> String {
    format!("{path} has not been committed yet: its history starts with its first commit")
}

/// A time as `YYYY-MM-DD` in the offset it was recorded with, by gix's date formatter.
pub fn date(seconds: i64, offset: i32) -> String {
    gix::date::Time { seconds, offset }.format_or_unix(gix::date::time::format::SHORT)
}

/// How long ago a time was, in the words `git log --date=relative` would use roughly.
pub fn ago(seconds: i64, now: i64) -> String {
    let elapsed = (now - seconds).max(0);
    let (n, unit) = match elapsed {
        0..60 => return "just now".to_owned(),
        60..3_600 => (elapsed / 60, "minute"),
        3_600..86_400 => (elapsed / 3_600, "hour"),
        86_400..2_592_000 => (elapsed / 86_400, "day"),
        2_592_000..31_536_000 => (elapsed / 2_592_000, "month"),
        _ => (elapsed / 31_536_000, "year"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

/// Seconds since the epoch for a date as `YYYY-MM-DD` (midnight UTC), or as git's
/// relative forms (`2 weeks ago`), through gix's own date parser.
pub fn parse_date(text: &str) -> Option<i64> {
    gix::date::parse(text, Some(gix::date::Zoned::now()))
        .ok()
        .map(|t| t.seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_their_offset() {
        assert_eq!(date(0, 0), "1970-01-01");
        assert_eq!(date(1_764_633_600, 0), "2025-12-02");
        assert_eq!(date(1_764_633_600, -3_600), "2025-12-01");
        assert_eq!(date(951_782_400, 0), "2000-02-29");
    }

    #[test]
    fn ages() {
        assert_eq!(ago(0, 30), "just now");
        assert_eq!(ago(0, 86_400 * 12), "12 days ago");
        assert_eq!(ago(0, 3_600), "1 hour ago");
    }

    #[test]
    fn since_dates() {
        assert_eq!(parse_date("1970-01-02"), Some(86_400));
        assert_eq!(parse_date("not a date"), None);
    }
}
