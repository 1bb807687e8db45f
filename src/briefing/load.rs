//! Reading a briefing from disk or from text, within resource budgets.

use super::diagnostic::{self, Diagnostic};
use super::index::Index;
use super::model::{Briefing, Source};
use super::node::{Node, Pos, Value};
use super::{lower, validate};
use std::path::Path;

/// Limits that keep a hostile file from costing more than a second or 100 MiB.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub max_bytes: u64,
}

impl Budget {
    pub const DEFAULT_MAX_BYTES: u64 = 8 * 1024 * 1024;

    /// Whether text of `size` bytes may be read.
    pub fn allows(self, size: u64) -> bool {
        size <= self.max_bytes
    }

    /// What to say of `size` bytes that the budget does not allow, such as
    /// `43.0 MiB, over the 8 MiB limit`.
    pub fn over(self, size: u64) -> String {
        format!(
            "{}, over the {} limit",
            human_size(size),
            human_size(self.max_bytes)
        )
    }

    /// For text read again after a load already held it to the budget.
    pub const UNLIMITED: Self = Self {
        max_bytes: u64::MAX,
    };
}

/// A size as people read it: `512 bytes`, `3.5 KiB`, `43.0 MiB`; a whole number of KiB
/// or MiB (a limit, usually) without the decimal.
pub fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    let (unit, name) = match bytes {
        0..KIB => return format!("{bytes} bytes"),
        KIB..MIB => (KIB, "KiB"),
        _ => (MIB, "MiB"),
    };
    if bytes.is_multiple_of(unit) {
        format!("{} {name}", bytes / unit)
    } else {
        format!("{:.1} {name}", bytes as f64 / unit as f64)
    }
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            max_bytes: Self::DEFAULT_MAX_BYTES,
        }
    }
}

/// A briefing that passed every check, with its indexes and any warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub briefing: Briefing,
    pub index: Index,
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    /// The name of the actor with this id, or the id itself if there is none (the
    /// validator warns about such references; what is shown is what was written).
    pub fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.index
            .actor_by_id
            .get(id)
            .map_or(id, |&a| self.briefing.actors[a].name.as_str())
    }

    /// The names of the actors with these ids, joined by commas.
    pub fn actor_names(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| self.actor_name(id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The name of the topic with this id, or the id itself.
    pub fn topic_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.index
            .topic_by_id
            .get(id)
            .map_or(id, |&t| self.briefing.topics[t].name.as_str())
    }

    /// The source with this id, if there is one.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.index
            .source_by_id
            .get(id)
            .map(|&s| &self.briefing.sources[s])
    }
}

/// Why a briefing could not be used: at least one error, plus any warnings, in file
/// order; and the text, where there was one, for snippets.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
    pub source: Option<String>,
}

impl LoadError {
    fn whole_file(message: impl Into<String>) -> Self {
        Self {
            diagnostics: vec![Diagnostic::error(None, message)],
            source: None,
        }
    }

    pub fn first_error(&self) -> &Diagnostic {
        static NO_DETAIL: std::sync::OnceLock<Diagnostic> = std::sync::OnceLock::new();
        self.diagnostics
            .iter()
            .find(|d| d.is_error())
            .or(self.diagnostics.first())
            .unwrap_or_else(|| {
                NO_DETAIL.get_or_init(|| Diagnostic::error(None, "could not be loaded"))
            })
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// Reads a briefing file as text: refuses directories, FIFOs, sockets and devices,
/// oversized and binary files and invalid UTF-8 with a message that says which. A byte
/// order mark is kept: parsing drops one, whether the text came from a file or not.
pub fn read_source(path: &Path, budget: Budget) -> Result<String, LoadError> {
    let refuse = |meta: &std::fs::Metadata| -> Result<(), LoadError> {
        if let Some(why) = not_a_regular_file(meta) {
            return Err(LoadError::whole_file(why));
        }
        if meta.len() > budget.max_bytes {
            return Err(LoadError::whole_file(format!(
                "file is {} bytes, over the {}-byte limit (raise it with --max-size)",
                meta.len(),
                budget.max_bytes
            )));
        }
        Ok(())
    };
    // A socket cannot be opened at all, and opening a FIFO would wait for a writer: what
    // the path is comes first. The handle is checked again, as the path may have been
    // replaced in between.
    let meta = std::fs::metadata(path).map_err(|e| LoadError::whole_file(io_message(&e)))?;
    refuse(&meta)?;
    let file = open_without_waiting(path).map_err(|e| LoadError::whole_file(io_message(&e)))?;
    let meta = file
        .metadata()
        .map_err(|e| LoadError::whole_file(io_message(&e)))?;
    refuse(&meta)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    use std::io::Read;
    file.take(budget.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::whole_file(io_message(&e)))?;
    if bytes.len() as u64 > budget.max_bytes {
        return Err(LoadError::whole_file(format!(
            "file is over the {}-byte limit (raise it with --max-size)",
            budget.max_bytes
        )));
    }
    decode(bytes)
}

/// Opens for reading without blocking: a FIFO opened normally waits for a writer, and its
/// reads for data. On a regular file the flag changes nothing.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

/// Why something that is not a regular file cannot be a briefing, or `None` for a
/// regular file: a FIFO or a terminal never ends (or waits for a writer), a socket
/// cannot be read, and a device is not a document.
pub fn not_a_regular_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("is a directory, not a briefing file")
    } else if kind.is_fifo() {
        Some(
            "a FIFO or pipe, not a regular file: briefings are read from regular files only (save the text to a file first)",
        )
    } else if kind.is_socket() {
        Some("a socket, not a regular file: briefings are read from regular files only")
    } else if kind.is_char_device() || kind.is_block_device() {
        Some("a device, not a regular file: briefings are read from regular files only")
    } else {
        Some("not a regular file: briefings are read from regular files only")
    }
}

/// What a path is, when it is something other than a regular file or a directory that
/// `brief` refuses at once: a FIFO, a socket or a device. `None` for anything else,
/// including a path that cannot be looked at (reading it says why).
pub fn special_file(path: &Path) -> Option<&'static str> {
    std::fs::metadata(path)
        .ok()
        .filter(|meta| !meta.is_dir())
        .and_then(|meta| not_a_regular_file(&meta))
}

fn io_message(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

fn decode(bytes: Vec<u8>) -> Result<String, LoadError> {
    // `contains` on bytes is a memchr; most files have no NUL to find the place of.
    if let Some(offset) = bytes
        .contains(&0)
        .then(|| bytes.iter().position(|&b| b == 0))
        .flatten()
    {
        let pos = pos_at(&bytes, offset);
        return Err(LoadError {
            diagnostics: vec![Diagnostic::error(
                pos,
                "binary data (a NUL byte): a briefing is a UTF-8 YAML text file",
            )],
            source: None,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let pos = pos_at(e.as_bytes(), offset);
        LoadError {
            diagnostics: vec![Diagnostic::error(
                pos,
                format!(
                    "invalid UTF-8 (byte 0x{:02X}): a briefing must be UTF-8 text",
                    e.as_bytes()[offset]
                ),
            )],
            source: None,
        }
    })
}

/// The line and column (in characters) of a byte offset in possibly invalid UTF-8; a
/// byte order mark is not a column.
fn pos_at(bytes: &[u8], offset: usize) -> Pos {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let before = &bytes[bom.min(offset)..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Pos::new(line as u32, col as u32)
}

/// Reads and checks a briefing file, and its quotes against any source files it names
/// (relative to the briefing's directory).
pub fn load_file(path: &Path, budget: Budget) -> Result<Loaded, LoadError> {
    let text = read_source(path, budget)?;
    parse_file(path, &text, budget)
}

/// Checks the text of the briefing file at `path` (already read, for a caller that
/// keeps it for snippets), with source files relative to its directory.
pub fn parse_file(path: &Path, text: &str, budget: Budget) -> Result<Loaded, LoadError> {
    parse_with_sources(text, sources_beside(path, budget))
}

/// Reads a source's `file:` relative to the briefing at `path`.
fn sources_beside(path: &Path, budget: Budget) -> impl Fn(&str) -> Result<String, String> {
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    move |file| {
        read_source(&dir.join(file), budget)
            .map(|text| {
                text.strip_prefix('\u{feff}')
                    .map(str::to_owned)
                    .unwrap_or(text)
            })
            .map_err(|e| e.first_error().message.clone())
    }
}

/// Gives the text of a source's `file:`, or why it cannot.
type SourceReader<'a> = dyn Fn(&str) -> Result<String, String> + 'a;

/// Parses and checks briefing text that has no file of its own; quotes are not checked
/// against source files.
pub fn parse(text: &str) -> Result<Loaded, LoadError> {
    parse_checked(text, None)
}

/// Parses and checks briefing text; `read_source_file` gives the text of a source's
/// `file:`, against which its quotes are checked.
pub fn parse_with_sources(
    text: &str,
    read_source_file: impl Fn(&str) -> Result<String, String>,
) -> Result<Loaded, LoadError> {
    parse_checked(text, Some(&read_source_file))
}

/// Every problem is reported, not only the first, except that a YAML syntax error stops
/// the parse where it is (a duplicate key does not: it is reported with the rest).
fn parse_checked(
    text: &str,
    read_source_file: Option<&SourceReader<'_>>,
) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document = super::yaml::read_document(text).map_err(|diagnostic| LoadError {
        diagnostics: vec![diagnostic],
        source: Some(text.to_owned()),
    })?;
    check(
        text,
        document.root.as_ref(),
        document.problems,
        read_source_file,
    )
}

/// Lowers a parsed tree into the model and checks it; `problems` are those reading the
/// YAML found, reported with the rest.
fn check(
    text: &str,
    root: Option<&Node>,
    problems: Vec<Diagnostic>,
    read_source_file: Option<&SourceReader<'_>>,
) -> Result<Loaded, LoadError> {
    let mut diags = problems;
    let fail = |mut diagnostics: Vec<Diagnostic>| {
        diagnostic::sort(&mut diagnostics);
        LoadError {
            diagnostics,
            source: Some(text.to_owned()),
        }
    };
    let Some(root) = root.filter(|node| node.value != Value::Null) else {
        diags.push(Diagnostic::error(
            None,
            "the file is empty: a briefing needs at least a `title`",
        ));
        return Err(fail(diags));
    };
    if !matches!(root.value, Value::Map(_)) {
        diags.push(Diagnostic::error(
            root.pos,
            format!(
                "the document is {}; a briefing is a mapping with `title:`, `actors:` and the other sections",
                root.value.kind_name()
            ),
        ));
        return Err(fail(diags));
    }
    let Some((briefing, refs)) = lower::lower(root, &mut diags) else {
        return Err(fail(diags));
    };
    validate::validate(&briefing, &refs, &mut diags);
    if let Some(read) = read_source_file.filter(|_| !diags.iter().any(Diagnostic::is_error)) {
        diags.extend(super::provenance::check(&briefing, read));
    }
    diagnostic::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(fail(diags));
    }
    let index = Index::build(&briefing);
    Ok(Loaded {
        briefing,
        index,
        warnings: diags,
    })
}
