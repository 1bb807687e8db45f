//! The briefings in a directory, each summed up in a line: for the picker.

use super::load::{Budget, load_file, not_a_regular_file};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub file_name: String,
    /// In bytes, as listed: known before the briefing is read.
    pub size: u64,
    /// `None` until the briefing has been read: a directory of large briefings is listed
    /// at once and summed up in the background.
    pub summary: Option<Result<Summary, String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub as_of: Option<String>,
    pub bluf: String,
    pub actors: usize,
    pub quotes: usize,
    pub risks: usize,
    pub questions: usize,
    pub warnings: usize,
}

/// Whether a path looks like a briefing file by its name.
pub fn is_briefing_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    !hidden
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// The briefing files directly in `dir`, sorted by name: anything named like one but a
/// directory, so that a FIFO or a socket is listed, and refused with the reason why.
pub fn briefing_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            is_briefing_file(path) && std::fs::metadata(path).is_ok_and(|meta| !meta.is_dir())
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The briefings in `dir` by name and size, none of them read yet (except that a FIFO,
/// a socket or a device is refused already): what the picker's first frame needs.
pub fn list(dir: &Path) -> std::io::Result<Vec<Entry>> {
    Ok(briefing_files(dir)?
        .into_iter()
        .map(|path| {
            let meta = std::fs::metadata(&path).ok();
            let refused = meta.as_ref().and_then(not_a_regular_file);
            Entry {
                file_name: file_name(&path),
                size: meta.map_or(0, |m| m.len()),
                summary: refused.map(|why| Err(why.to_owned())),
                path,
            }
        })
        .collect())
}

/// Loads every briefing in `dir` and sums each up; a broken one carries its first error.
pub fn scan(dir: &Path, budget: Budget) -> std::io::Result<Vec<Entry>> {
    Ok(briefing_files(dir)?
        .into_iter()
        .map(|path| summarise(&path, budget))
        .collect())
}

/// The briefings in `dir` again, after `changed` paths changed: only those, and files
/// not listed before, are read; every other entry is kept as it was.
pub fn rescan(
    dir: &Path,
    budget: Budget,
    listed: &[Entry],
    changed: &std::collections::HashSet<PathBuf>,
) -> std::io::Result<Vec<Entry>> {
    let same_file = |a: &Path, b: &Path| a == b || a.file_name() == b.file_name();
    Ok(briefing_files(dir)?
        .into_iter()
        .map(|path| {
            let unchanged = !changed.iter().any(|c| same_file(c, &path));
            match listed.iter().find(|e| e.path == path).filter(|_| unchanged) {
                Some(entry) => entry.clone(),
                None => summarise(&path, budget),
            }
        })
        .collect())
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(String::new, |n| {
        super::sanitize::clean_line(&n.to_string_lossy())
    })
}

pub fn summarise(path: &Path, budget: Budget) -> Entry {
    let summary = match load_file(path, budget) {
        Ok(loaded) => {
            let b = &loaded.briefing;
            Ok(Summary {
                title: b.title.clone(),
                as_of: b.as_of.clone(),
                bluf: b.summary.bluf.clone(),
                actors: b.actors.len(),
                quotes: b.quotes.len(),
                risks: b.risks.len(),
                questions: b.questions.len(),
                warnings: loaded.warnings.len(),
            })
        }
        Err(error) => {
            let first = error.first_error();
            let at = first.pos.map(|p| format!("{p}: ")).unwrap_or_default();
            Err(format!(
                "{at}{} ({} in all)",
                first.message,
                crate::words::plural(error.error_count(), "error")
            ))
        }
    };
    Entry {
        path: path.to_path_buf(),
        file_name: file_name(path),
        size: std::fs::metadata(path).map_or(0, |m| m.len()),
        summary: Some(summary),
    }
}
