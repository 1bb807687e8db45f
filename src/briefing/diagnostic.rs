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
        // The column counts characters of the line as written; the caret must stand under
        // the character as the terminal shows the cleaned line (tabs expanded, wide
        // characters two cells, controls as their visible stand-ins).
        let before: String = line_text
            .chars()
            .take(pos.col.saturating_sub(1) as usize)
            .collect();
        let col = super::sanitize::clean_line(&before).chars().count() + 1;
        let (line_text, col) = snippet_window(&super::sanitize::clean_line(line_text), col);
        let number = pos.line.to_string();
        let gutter = " ".repeat(number.len());
        let caret_indent = " ".repeat(
            line_text
                .chars()
                .take(col.saturating_sub(1))
                .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                .sum(),
        );
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
fn snippet_window(line: &str, col: usize) -> (String, usize) {
    let col = col.max(1);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn caret_column(rendered: &str) -> usize {
        let last = rendered.lines().last().unwrap();
        let line = &rendered.lines().nth(2).unwrap();
        let source_start = line.find(" | ").unwrap() + 3;
        unicode_width::UnicodeWidthStr::width(&last[source_start..last.find('^').unwrap()])
    }

    fn shown_before_caret(rendered: &str) -> String {
        let line = rendered.lines().nth(2).unwrap();
        let text = &line[line.find(" | ").unwrap() + 3..];
        let mut width = 0;
        text.chars()
            .take_while(|c| {
                width += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                width <= caret_column(rendered)
            })
            .collect()
    }

    #[test]
    fn the_caret_stands_under_the_character_after_wide_text_and_tabs() {
        for (source, col, under) in [
            ("name: 日本郵船日本郵船 bad: x", 16, "日本郵船日本郵船 "),
            ("\tkey: value", 2, "    "),
            ("a:\t日本\tb", 7, "a:  日本  "),
            ("plain: text", 8, "plain: "),
        ] {
            let source = source.replace("\\t", "\t");
            let rendered = Diagnostic::error(Pos::new(1, col), "x").render("f.yaml", &source);
            let shown = shown_before_caret(&rendered);
            assert!(shown.ends_with(under), "{rendered}\n{shown:?}");
            let caret = caret_column(&rendered);
            let next = rendered.lines().nth(2).unwrap();
            let text = &next[next.find(" | ").unwrap() + 3..];
            let expected: String = source.chars().nth(col as usize - 1).into_iter().collect();
            let mut width = 0;
            let at = text
                .chars()
                .find(|c| {
                    let here = width;
                    width += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                    here == caret
                })
                .map(String::from)
                .unwrap_or_default();
            assert_eq!(at, expected, "{rendered}");
        }
    }
}
