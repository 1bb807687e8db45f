//! Text laid out by display width: word wrapping with hanging indents, and truncation with
//! an ellipsis. Cyrillic, CJK and emoji are measured by their width on screen.

use super::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A page of wrapped lines, built top to bottom.
pub struct Doc {
    pub lines: Vec<Line<'static>>,
    width: usize,
    /// Lines past this are not laid out: a page drawn from the top needs no more than
    /// the screen shows.
    limit: usize,
    /// The link drawn as the current one, and the lines each link took, in order.
    current_link: Option<usize>,
    pub link_lines: Vec<std::ops::Range<usize>>,
    /// The styles of headings and field labels, from the theme the page is drawn in.
    heading: Style,
    label: Style,
}

impl Doc {
    pub fn new(width: usize, theme: &Theme) -> Self {
        Self::with_limit(width, usize::MAX, theme)
    }

    pub fn with_limit(width: usize, limit: usize, theme: &Theme) -> Self {
        Self {
            lines: Vec::new(),
            width: width.max(1),
            limit,
            current_link: None,
            link_lines: Vec::new(),
            heading: theme.heading,
            label: theme.label,
        }
    }

    /// Marks link `link` as the current one when it is laid out.
    pub fn with_current_link(mut self, link: Option<usize>) -> Self {
        self.current_link = link;
        self
    }

    /// Lays out a reference that can be followed: what `body` adds is one link, drawn
    /// as the current one if it is.
    pub fn link(&mut self, body: impl FnOnce(&mut Doc)) {
        let start = self.lines.len();
        body(self);
        let end = self.lines.len();
        if self.current_link == Some(self.link_lines.len()) {
            for line in &mut self.lines[start..end] {
                for span in &mut line.spans {
                    span.style = span.style.patch(super::theme::link_current());
                }
            }
        }
        self.link_lines.push(start..end);
    }

    /// Whether lines were left out because of the limit.
    pub fn is_cut(&self) -> bool {
        self.lines.len() >= self.limit
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// A section heading, with a blank line before it unless it opens the page.
    pub fn heading(&mut self, text: &str) {
        if !self.lines.is_empty() {
            self.blank();
        }
        self.line(vec![Span::styled(fit(text, self.width), self.heading)]);
    }

    pub fn heading_with_count(&mut self, text: &str, count: usize) {
        self.heading(&format!("{text} ({count})"));
    }

    /// One line, cut to the width with an ellipsis if it is too long.
    pub fn line(&mut self, spans: Vec<Span<'static>>) {
        self.lines.push(fit_spans(spans, self.width));
    }

    /// A wrapped paragraph.
    pub fn para(&mut self, text: &str, style: Style) {
        self.hanging(Vec::new(), 0, text, style);
    }

    /// A wrapped paragraph after a marker (`• `, `1. `); lines after the first are indented
    /// to the text, not the marker.
    pub fn bullet(&mut self, marker: &str, marker_style: Style, text: &str, style: Style) {
        let indent = marker.width();
        self.hanging(
            vec![Span::styled(marker.to_owned(), marker_style)],
            indent,
            text,
            style,
        );
    }

    /// `Label  value`, the value wrapped under itself.
    pub fn field(&mut self, label: &str, label_width: usize, text: &str, style: Style) {
        let padded = format!("{label:<label_width$} ");
        let indent = padded.width();
        self.hanging(vec![Span::styled(padded, self.label)], indent, text, style);
    }

    /// Wraps `text` into the width less `indent`; the first line starts with `prefix`
    /// (which is `indent` wide), the others with spaces.
    pub fn hanging(&mut self, prefix: Vec<Span<'static>>, indent: usize, text: &str, style: Style) {
        if self.is_cut() {
            return;
        }
        let text_width = self.width.saturating_sub(indent).max(1);
        let pad = " ".repeat(indent);
        let mut first = true;
        for piece in wrap(text, text_width) {
            let lead = if first {
                first = false;
                prefix.clone()
            } else {
                vec![Span::raw(pad.clone())]
            };
            let mut spans = lead;
            spans.push(Span::styled(piece, style));
            self.lines.push(Line::from(spans));
        }
        if first {
            self.lines.push(Line::from(prefix));
        }
    }
}

impl Doc {
    /// Styled runs of text wrapped as one paragraph that starts `indent` columns in; its
    /// later lines start `hang` columns further. Each run keeps its style across breaks.
    pub fn runs(&mut self, indent: usize, hang: usize, runs: &[(String, Style)]) {
        if self.is_cut() {
            return;
        }
        let text: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        let mut ends = Vec::with_capacity(runs.len());
        let mut end = 0;
        for (t, style) in runs {
            end += t.len();
            ends.push((end, *style));
        }
        let first = self.width.saturating_sub(indent).max(1);
        let rest = self.width.saturating_sub(indent + hang).max(1);
        let separator = if text.is_ascii() {
            textwrap::WordSeparator::AsciiSpace
        } else {
            textwrap::WordSeparator::UnicodeBreakProperties
        };
        let words = textwrap::core::break_words(separator.find_words(&text), first.min(rest));
        let offset = |word: &str| word.as_ptr() as usize - text.as_ptr() as usize;
        let lines = textwrap::wrap_algorithms::wrap_first_fit(&words, &[first as f64, rest as f64]);
        for (n, line) in lines.iter().enumerate() {
            let (Some(head), Some(last)) = (line.first(), line.last()) else {
                continue;
            };
            let (start, stop) = (offset(head.word), offset(last.word) + last.word.len());
            let lead = if n == 0 { indent } else { indent + hang };
            let mut spans = vec![Span::raw(" ".repeat(lead))];
            let mut at = start;
            for &(run_end, style) in &ends {
                if run_end <= at {
                    continue;
                }
                let upto = run_end.min(stop);
                spans.push(Span::styled(text[at..upto].to_owned(), style));
                at = upto;
                if at >= stop {
                    break;
                }
            }
            self.lines.push(Line::from(spans));
        }
    }
}

/// Draws lines that are already laid out, one per row from the top of `area`, cut at its
/// edges. Cheaper than a `Paragraph`, which would lay them out again.
pub fn draw_lines<'a, L: std::borrow::Borrow<Line<'a>>>(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    lines: impl IntoIterator<Item = L>,
) {
    write_lines(frame.buffer_mut(), area, lines);
}

/// `draw_lines` into any buffer.
pub fn write_lines<'a, L: std::borrow::Borrow<Line<'a>>>(
    buffer: &mut ratatui::buffer::Buffer,
    area: ratatui::layout::Rect,
    lines: impl IntoIterator<Item = L>,
) {
    for (row, line) in (area.y..area.bottom()).zip(lines) {
        let line = line.borrow();
        let mut x = area.x;
        for span in &line.spans {
            if x >= area.right() {
                break;
            }
            let style = line.style.patch(span.style);
            let room = usize::from(area.right() - x);
            x = if simple_columns(&span.content).is_some() {
                set_simple(buffer, x, row, &span.content, room, style)
            } else {
                buffer.set_stringn(x, row, &span.content, room, style).0
            };
        }
    }
}

/// The columns a character takes when it is a grapheme on its own whatever follows it
/// (in a text of such characters); `None` for any other. These are printable ASCII;
/// Latin, Greek and Cyrillic letters; the punctuation, arrows, box drawing and shapes of
/// U+2010 to U+2BFF; and CJK ideographs, kana, Hangul syllables and full-width forms.
/// Combining marks, joiners, variation selectors and controls are none of these.
fn simple_width(c: char) -> Option<u16> {
    use unicode_width::UnicodeWidthChar;
    match c {
        ' '..='~' => Some(1),
        '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{58f}'
        | '\u{2010}'..='\u{2bff}'
        | '\u{3000}'..='\u{30ff}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{ff01}'..='\u{ff60}' => match c.width() {
            Some(1) => Some(1),
            Some(2) => Some(2),
            _ => None,
        },
        _ => None,
    }
}

/// The display width of a text of simple characters (see `simple_width`), without
/// splitting it into graphemes; `None` if it has any other.
fn simple_columns(text: &str) -> Option<usize> {
    text.chars()
        .try_fold(0usize, |sum, c| Some(sum + usize::from(simple_width(c)?)))
}

/// `set_stringn` for a text of simple characters (see `simple_width`): most briefing
/// text, written without splitting it into graphemes and measuring each.
fn set_simple(
    buffer: &mut ratatui::buffer::Buffer,
    x: u16,
    y: u16,
    text: &str,
    room: usize,
    style: Style,
) -> u16 {
    let start = buffer.index_of(x, y);
    let cells = &mut buffer.content[start..start + room];
    let mut at = 0;
    for c in text.chars() {
        let width = usize::from(simple_width(c).unwrap_or(1));
        if at + width > cells.len() {
            break;
        }
        cells[at].set_char(c).set_style(style);
        // The cell a wide character covers is left blank, as `set_stringn` leaves it.
        if width == 2 {
            cells[at + 1].reset();
        }
        at += width;
    }
    x + at as u16
}

/// Wraps text on word boundaries to a display width; long words break between
/// characters, never inside one. Newlines in the text are kept as line breaks.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    // Most bullets and short fields fit on one line as they are.
    if !text.contains('\n') && !text.ends_with(char::is_whitespace) && columns(text) <= width.max(1)
    {
        return vec![text.to_owned()];
    }
    // Plain ASCII breaks only at spaces, so ids and URLs stay whole where they can;
    // other scripts need Unicode's line-break rules (CJK has no spaces).
    let separator = if text.is_ascii() {
        textwrap::WordSeparator::AsciiSpace
    } else {
        textwrap::WordSeparator::UnicodeBreakProperties
    };
    let options = textwrap::Options::new(width.max(1))
        .break_words(true)
        .word_separator(separator)
        // textwrap also breaks after hyphens by default, which cuts ids and URLs.
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);

    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// `fit` for a row: line breaks become spaces. Looks at no more of the text than the
/// row shows, however long the text is.
pub fn fit_line(text: &str, width: usize) -> String {
    fit_simple(text, width).unwrap_or_else(|| fit(&text.replace('\n', " "), width))
}

/// `fit_line` for text whose first `width` columns are simple characters (see
/// `simple_width`) or line breaks; `None` if it meets any other character first.
fn fit_simple(text: &str, width: usize) -> Option<String> {
    if width == 0 {
        return Some(String::new());
    }
    let one_line = |part: &str| part.replace('\n', " ");
    let width_of = |c: char| {
        if c == '\n' {
            Some(1)
        } else {
            simple_width(c).map(usize::from)
        }
    };
    let mut used = 0;
    let mut cut = None;
    for (i, c) in text.char_indices() {
        let w = width_of(c)?;
        if cut.is_none() && used + w > width - 1 {
            // A combining mark here would belong to the character before the cut.
            cut = Some(i);
        }
        used += w;
        if used > width {
            let end = cut.unwrap_or(0);
            text[end..].chars().next().map(width_of)??;
            return Some(format!("{}…", one_line(&text[..end])));
        }
    }
    Some(one_line(text))
}

/// Text cut to a display width, ending in `…` if anything was cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.is_ascii() {
        // Clean ASCII (no controls reach here): a byte is a column.
        return match text.len() {
            n if n <= width => text.to_owned(),
            _ if width == 0 => String::new(),
            _ => format!("{}…", &text[..width - 1]),
        };
    }
    // (Line breaks are simple to `fit_simple` only, which shows them as spaces.)
    if !text.contains('\n')
        && let Some(fitted) = fit_simple(text, width)
    {
        return fitted;
    }
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    // Whole grapheme clusters only: an accent or a joined emoji is never split.
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > width - 1 {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

/// Spans cut to a display width, ending in `…` if anything was cut: the span at the
/// edge is cut even when it only just fits, so that a cut always shows.
pub fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let total: usize = spans.iter().map(|s| columns(&s.content)).sum();
    if total <= width {
        return Line::from(spans);
    }
    let mut out = Vec::new();
    let mut left = width;
    for span in spans {
        let w = columns(&span.content);
        if w < left {
            left -= w;
            out.push(span);
            continue;
        }
        if left > 0 {
            out.push(Span::styled(cut_span(&span.content, left), span.style));
        }
        break;
    }
    Line::from(out)
}

/// A span's text cut to `width` and ending in `…`; blanks before the cut are dropped.
fn cut_span(text: &str, width: usize) -> String {
    let text = text.trim_end();
    if columns(text) < width {
        format!("{text}…")
    } else {
        fit(&format!("{text}…"), width)
    }
}

/// A line with the search's matches in `style`, the rest as it was.
pub fn mark_matches(
    line: Line<'static>,
    needle: &crate::app::Needle,
    style: Style,
) -> Line<'static> {
    if needle.is_empty() {
        return line;
    }
    let mut spans = Vec::with_capacity(line.spans.len());
    for span in line.spans {
        let found = needle.find_all(&span.content);
        if found.is_empty() {
            spans.push(span);
            continue;
        }
        let text = span.content.as_ref();
        let mut at = 0;
        for range in found {
            if range.start > at {
                spans.push(Span::styled(text[at..range.start].to_owned(), span.style));
            }
            spans.push(Span::styled(
                text[range.clone()].to_owned(),
                span.style.patch(style),
            ));
            at = range.end;
        }
        if at < text.len() {
            spans.push(Span::styled(text[at..].to_owned(), span.style));
        }
    }
    Line { spans, ..line }
}

/// Whether the search matches anything on a line.
pub fn line_matches(line: &Line, needle: &crate::app::Needle) -> bool {
    line.spans.iter().any(|s| needle.matches(&s.content))
}

/// Pads or cuts text to exactly `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let mut cut = fit(text, width);
    let w = columns(&cut);
    cut.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    cut
}

/// Display width; clean ASCII is a byte a column.
pub fn columns(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        simple_columns(text).unwrap_or_else(|| text.width())
    }
}

/// A text's width on screen, looked at no further than a row could show.
pub fn width_of(text: &str) -> usize {
    const WIDEST: usize = 240;
    if text.len() > 4 * WIDEST {
        return WIDEST;
    }
    text.width().min(WIDEST)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::DEFAULT;

    #[test]
    fn styled_runs_wrap_as_one_paragraph_and_keep_their_styles() {
        let plain = Style::new();
        let gone = Style::new().add_modifier(ratatui::style::Modifier::CROSSED_OUT);
        let runs = [
            ("summary: Leadership ".to_owned(), plain),
            ("recommends accepting".to_owned(), gone),
            (" the offer of the port authority.".to_owned(), plain),
        ];
        let mut doc = Doc::new(24, &DEFAULT);
        doc.runs(2, 2, &runs);
        let texts: Vec<String> = doc.lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            texts,
            [
                "  summary: Leadership",
                "    recommends accepting",
                "    the offer of the",
                "    port authority."
            ]
        );
        assert!(doc.lines.iter().all(|l| columns(&l.to_string()) <= 24));
        let struck: Vec<&str> = doc
            .lines
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| s.style == gone)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(struck, ["recommends accepting"]);
        let mut doc = Doc::new(10, &DEFAULT);
        doc.runs(0, 0, &[("日本郵船日本郵船日本郵船".to_owned(), plain)]);
        assert!(doc.lines.len() >= 3, "CJK breaks between characters");
        assert!(doc.lines.iter().all(|l| columns(&l.to_string()) <= 10));
    }

    #[test]
    fn fit_line_cuts_as_fit_does_on_the_text_made_one_line() {
        let texts = [
            "",
            "plain ascii text that runs on",
            "line one\nline two",
            "Лукашенко и Тихановская",
            "鈴木 美咲と山田 健太",
            "e\u{301}te\u{301} accents that combine",
            "cafe\u{301}",
            "mixed 東京 and ascii — with a dash…",
            "flag 🇧🇾 and emoji 👍🏽 here",
        ];
        for text in texts {
            for width in 0..40 {
                assert_eq!(
                    fit_line(text, width),
                    fit(&text.replace('\n', " "), width),
                    "{text:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn wraps_by_display_width() {
        for line in wrap(
            "日本郵船は北極海航路の試験航海を二〇二六年に予定している",
            10,
        ) {
            assert!(line.width() <= 10, "{line:?}");
        }
        for line in wrap(
            "Министерство транспорта России объявило о новых правилах",
            12,
        ) {
            assert!(line.width() <= 12, "{line:?}");
        }
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
    }

    #[test]
    fn fits_with_ellipsis_without_splitting_wide_chars() {
        assert_eq!(fit("Lukashenko", 5), "Luka…");
        assert_eq!(fit("日本郵船", 4), "日…");
        assert_eq!(fit("日本郵船", 5), "日本…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(pad("ab", 4), "ab  ");
        // "é" as e + combining acute stays whole.
        assert_eq!(fit("Cafe\u{301} de Flore", 5), "Cafe\u{301}…");
    }

    #[test]
    fn hanging_indent_lines_up() {
        let mut doc = Doc::new(12, &DEFAULT);
        doc.bullet("• ", DEFAULT.dim, "alpha beta gamma delta", DEFAULT.text);
        let rendered: Vec<String> = doc.lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(rendered, vec!["• alpha beta", "  gamma", "  delta"]);
    }
}
