//! What an export was made from, for its reader months later: the briefing's file, the
//! commit it was at (and whether the file had been edited since), and when.

use crate::history::Tracked;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file's name as given, or the bundled briefing's.
    pub file: String,
    /// HEAD's short id, when the file is in a repository whose HEAD has it.
    pub commit: Option<Commit>,
    /// When the export was made, in seconds since the epoch.
    pub made_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub short_id: String,
    /// The file as exported is not the file as committed at HEAD.
    pub edited_since: bool,
}

impl Origin {
    /// The origin of an export of `file` (`None`: the bundled briefing, named `bundled`).
    /// `SOURCE_DATE_EPOCH`, where set, stands for the time, so that an export can be
    /// made reproducibly.
    pub fn of(file: Option<&Path>, bundled: &str) -> Self {
        let made_at = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64)
            });
        Self {
            file: file.map_or_else(|| bundled.to_owned(), |f| f.display().to_string()),
            commit: file.and_then(commit_of),
            made_at,
        }
    }

    /// `file, commit abc1234 (edited since), exported YYYY-MM-DD HH:MM:SS UTC`.
    pub fn describe(&self) -> String {
        let commit = match &self.commit {
            Some(c) if c.edited_since => format!(", commit {} (edited since)", c.short_id),
            Some(c) => format!(", commit {}", c.short_id),
            None => String::new(),
        };
        let at = gix::date::Time {
            seconds: self.made_at,
            offset: 0,
        }
        .format_or_unix(gix::date::time::format::ISO8601);
        let at = at.strip_suffix(" +0000").unwrap_or(&at);
        format!("{}{commit}, exported {at} UTC", self.file)
    }
}

/// HEAD's short id, and whether the file on disk differs from HEAD's copy. Outside a
/// repository, or where HEAD lacks the file, there is no commit to name.
fn commit_of(file: &Path) -> Option<Commit> {
    let tracked = Tracked::open(file).ok()?;
    let head_blob = tracked.head_blob().ok()??;
    let head = tracked.commit("HEAD").ok()?;
    let text = std::fs::read(file).ok()?;
    let edited_since = tracked.blob_id_of(&text).ok()? != head_blob;
    Some(Commit {
        short_id: head.to_hex_with_len(7).to_string(),
        edited_since,
    })
}
