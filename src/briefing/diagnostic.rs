//! Problems found in a briefing, with where they are, rendered rustc-style or as JSON.

use super::node::Pos;
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Where in the file; `None` for problems with the file as a whole (unreadable, empty).
    #[serde(flatten)]
    pub pos: Option<Pos>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(pos: impl Into<Option<Pos>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            pos: pos.into(),
            message: message.into(),
        }
    }

    pub fn warning(pos: impl Into<Option<Pos>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            pos: pos.into(),
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `PATH:LINE:COL: error: message`, the line editors and CI logs understand.
    pub fn headline(&self, path: &str) -> String {
        match self.pos {
            Some(pos) => format!("{path}:{pos}: {}: {}", self.severity.word(), self.message),
            None => format!("{path}: {}: {}", self.severity.word(), self.message),
        }
    }

    /// The headline followed by the source line and a caret under the column.
    pub fn render(&self, path: &str, source: &str) -> String {
        let mut out = self.headline(path);
        let Some(pos) = self.pos else {
            return out;
        };
        let Some(line_text) = source.lines().nth(pos.line.saturating_sub(1) as usize) else {
            return out;
        };
        let (line_text, col) = snippet_window(&super::sanitize::clean_line(line_text), pos.col);
        let number = pos.line.to_string();
        let gutter = " ".repeat(number.len());
        let caret_indent: String = line_text
            .chars()
            .take(col.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let _ = write!(
            out,
            "\n{gutter} |\n{number} | {line_text}\n{gutter} | {caret_indent}^"
        );
        out
    }
}

/// Characters of a source line shown around the column; longer lines are cut with `…`.
const SNIPPET_WIDTH: usize = 100;

/// The part of a long line around `col` (1-based, in characters), and the column
/// within that part.
fn snippet_window(line: &str, col: u32) -> (String, usize) {
    let col = col.max(1) as usize;
    let length = line.chars().count();
    if length <= SNIPPET_WIDTH {
        return (line.to_owned(), col);
    }
    let start = col
        .saturating_sub(SNIPPET_WIDTH / 2)
        .min(length - SNIPPET_WIDTH);
    let mut window: String = line.chars().skip(start).take(SNIPPET_WIDTH).collect();
    let mut col = col - start;
    if start > 0 {
        window.insert(0, '…');
        col += 1;
    }
    if start + SNIPPET_WIDTH < length {
        window.push('…');
    }
    (window, col)
}

/// All diagnostics of one file, errors first, each group in file order.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.severity, d.pos.unwrap_or_default()));
}
