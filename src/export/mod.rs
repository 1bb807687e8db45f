//! `brief export`: the briefing as Markdown (to paste into a document or an email), as
//! JSON (for other tools, in the briefing's own shape) or as one self-contained HTML page,
//! without a terminal. Writing to a file is atomic, so a reader never sees half of it.

mod html;
mod json;
mod markdown;
mod origin;
mod parts;

pub use html::{html, html_from};
pub use json::{Positions, json};
pub use markdown::markdown;
pub use origin::{Commit, Origin};

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Only http(s) addresses become links, in every export: a `javascript:` or `data:` URL
/// in a briefing stays text.
fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Html,
}

impl Format {
    /// The format a file name asks for by its extension, if it names one.
    pub fn from_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Writes `text` to `path` through a temporary file in the same directory and a rename,
/// so that `path` holds either its old content or all of the new.
///
/// A symbolic link is followed and its target replaced, so the link stays a link. Only a
/// regular file is replaced: a directory, FIFO, device or socket is refused before anything
/// is opened (opening a FIFO would wait for a reader). A file that exists keeps its mode,
/// and its owner where the process may give it.
pub fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let path = follow_links(path)?;
    let existing = match std::fs::metadata(&path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &existing {
        refuse_unless_regular(meta)?;
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let temporary = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = create_like(&temporary, existing.as_ref()).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&temporary, &path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    renamed
}

/// The file a chain of symbolic links ends at, which need not exist yet. A relative
/// target is relative to the link's own directory.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    // As many links as Linux follows before it gives up with ELOOP.
    const MAX_LINKS: usize = 40;
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

fn refuse_unless_regular(meta: &std::fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::FileTypeExt as _;
    let kind = meta.file_type();
    let what = if kind.is_file() {
        return Ok(());
    } else if kind.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory; name a file to write, e.g. DIR/briefing.md",
        ));
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "is {what}, and an export only replaces a regular file; print it (no -o) and redirect the output there instead"
        ),
    ))
}

/// A new file for the export, private until it has the mode (and owner) of the file it
/// replaces, so that a file only its owner could read is never readable by others, not
/// even for the moment the new text is being written.
fn create_like(path: &Path, existing: Option<&std::fs::Metadata>) -> io::Result<std::fs::File> {
    use std::os::unix::fs::{MetadataExt as _, OpenOptionsExt as _};
    let Some(existing) = existing else {
        return std::fs::File::create_new(path);
    };
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    let created = file.metadata()?;
    if (created.uid(), created.gid()) != (existing.uid(), existing.gid()) {
        // Only root may give a file away; anyone else may still give it the old group,
        // if they are in it.
        let _ = std::os::unix::fs::fchown(&file, Some(existing.uid()), Some(existing.gid()))
            .or_else(|_| std::os::unix::fs::fchown(&file, None, Some(existing.gid())));
    }
    // After the owner: changing it clears the set-id bits of the mode.
    file.set_permissions(existing.permissions())?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_address("https://example.org/a"));
        assert!(is_web_address("HTTP://example.org/a"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("data:text/html,<script>alert(1)</script>"));
    }
}
